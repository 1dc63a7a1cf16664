"""How figures present a study: the principal answer of each question and short column labels
(declared in the codebook: a field's ``principal`` and ``short_label``), and the FOI Act's
exemptions by name (``presentation.toml`` beside this module; a codebook's own value labels for
its exemptions field come first).
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


def section_name(section: str) -> str:
    """``"s40"`` -> ``"personal information"``; blank for a section not listed."""
    return str(_data().get("sections", {}).get(section, ""))


def sections_always_counted() -> tuple[str, ...]:
    """The exemptions a summary counts though no trust cited them (``always_counted``)."""
    return tuple(str(s) for s in _data().get("always_counted", ()))


def section_label(section: str) -> str:
    """``"s40"`` -> ``"s40 personal information"`` (the bare code when the name is unknown)."""
    name = section_name(section)
    return f"{section} {name}" if name else section


def short_label(codebook: Codebook, f: Field) -> str:
    """A narrow column heading for ``f`` (its label when the codebook gives none)."""
    return f.short_label or f.label or f.name


def is_question(f: Field) -> bool:
    """A field answering one of the request's questions (not the outcome of the request)."""
    return f.role is FieldRole.ANSWER


def principal_answers(codebook: Codebook) -> tuple[Principal, ...]:
    """The headline: one principal answer per question, as the codebook declares them (a
    field's ``principal``), else each question's first categorical field and that field's
    first value that is not negative."""
    declared = tuple(
        Principal(f.name, f.principal) for f in codebook.fields if f.principal and is_question(f)
    )
    return declared or _default_principals(codebook)


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
