"""How figures present a study: the principal answer of each question, exemption names, short
column labels. The data is ``presentation.toml`` beside this module, keyed by codebook name;
a codebook without an entry gets a sensible default (see that file's header).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldKind, FieldRole, Question

PRESENTATION = "presentation.toml"


@dataclass(frozen=True)
class Principal:
    """A question's principal answer: the one figure its headline line gives."""

    field: str
    value: str


@cache
def _data() -> dict[str, Any]:
    text = resources.files("foi_audit.figures").joinpath(PRESENTATION).read_text("utf-8")
    return tomllib.loads(text)


def _study(codebook: Codebook) -> dict[str, Any]:
    study = _data().get("studies", {}).get(codebook.name, {})
    return study if isinstance(study, dict) else {}


def section_name(section: str) -> str:
    """``"s40"`` -> ``"personal information"``; blank for a section not listed."""
    return str(_data().get("sections", {}).get(section, ""))


def section_label(section: str) -> str:
    """``"s40"`` -> ``"s40 personal information"`` (the bare code when the name is unknown)."""
    name = section_name(section)
    return f"{section} {name}" if name else section


def short_label(codebook: Codebook, f: Field) -> str:
    """A narrow column heading for ``f`` (its label when the study gives none)."""
    labels = _study(codebook).get("short_labels", {})
    return str(labels.get(f.name) or f.label or f.name)


def is_question(f: Field) -> bool:
    """A field answering one of the request's questions (not the outcome of the request)."""
    return f.role is FieldRole.ANSWER


def principal_answers(codebook: Codebook) -> tuple[Principal, ...]:
    """The headline: one principal answer per question, declared in ``presentation.toml``
    for the study, else each question's first categorical field and that field's first value
    that is not negative. Entries naming a field or value the codebook lacks are left out."""
    declared = _study(codebook).get("headline")
    if isinstance(declared, list) and declared:
        chosen = []
        for entry in declared:
            name, value = str(entry.get("field", "")), str(entry.get("value", ""))
            if codebook.has_field(name) and value in codebook.field(name).values:
                chosen.append(Principal(name, value))
        if chosen:
            return tuple(chosen)
    return _default_principals(codebook)


def _default_principals(codebook: Codebook) -> tuple[Principal, ...]:
    chosen: list[Principal] = []
    seen_questions: set[str] = set()
    for f in codebook.fields:
        if not is_question(f) or f.kind is not FieldKind.CATEGORICAL or not f.values:
            continue
        question = f.questions[0] if f.questions else f.name
        if question in seen_questions:
            continue
        seen_questions.add(question)
        positive = [v for v in f.values if v not in f.negative]
        chosen.append(Principal(f.name, (positive or list(f.values))[0]))
    return tuple(chosen)


def first_question(codebook: Codebook, f: Field) -> Question | None:
    """The question a field answers first (its own question in the request)."""
    for qid in f.questions:
        question = codebook.question(qid)
        if question is not None:
            return question
    return None


def question_text(codebook: Codebook, f: Field, question_id: str = "") -> str:
    """The text of the question a value answers: ``question_id`` when the engine recorded it,
    else the field's first question; blank when the codebook has none."""
    question = codebook.question(question_id) if question_id else None
    question = question or first_question(codebook, f)
    if question is None:
        return ""
    return f"Q{question.label}. {question.text}" if question.label else question.text
