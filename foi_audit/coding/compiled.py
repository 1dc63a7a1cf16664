"""The codebook compiled for the engine: every pattern a regular expression, each field's rules in order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldRole, expand_pieces
from foi_audit.errors import CodebookError


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    parent: str
    cues: tuple[re.Pattern[str], ...]
    topic_cues: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    value: str
    any: tuple[re.Pattern[str], ...] = ()
    all: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    extract: tuple[re.Pattern[str], ...] = ()
    only: tuple[str, ...] = ()
    from_field: str = ""
    confidence: float = 0.85
    review: bool = False
    review_if: tuple[re.Pattern[str], ...] = ()  # evidence that makes this rule's value doubtful


@dataclass(frozen=True)
class FieldSpec:
    field: Field
    questions: tuple[str, ...]
    rules: tuple[Rule, ...]
    derive: str
    blank_when: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Compiled:
    questions: tuple[Question, ...]
    fields: tuple[FieldSpec, ...]
    doc: dict[str, Any]
    outcome: dict[str, Any]
    not_person: frozenset[str]
    not_org: frozenset[str]
    raw_doc: dict[str, Any] = field(default_factory=dict)
    generic_org: frozenset[str] = frozenset()
    not_org_words: frozenset[str] = frozenset()


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags | re.MULTILINE)
    except re.error as exc:
        raise CodebookError(f"{where}: bad pattern {pattern!r} ({exc}); fix the regex") from exc


def _patterns(items: Any, where: str, shared: dict[str, str], flags: int = re.IGNORECASE) -> tuple:
    if isinstance(items, str):
        items = [items]
    out = []
    for item in items or ():
        out.append(_compile(expand_pieces(str(item), shared), where, flags))
    return tuple(out)


def compile_codebook(codebook: Codebook) -> Compiled:
    """Check and compile the codebook's questions and rules (cached per codebook source)."""
    return _compile_cached(codebook)


@lru_cache(maxsize=16)
def _compile_cached(codebook: Codebook) -> Compiled:
    shared = dict(codebook.lexicon.pieces)
    questions = tuple(
        Question(
            id=q.id,
            label=q.label,
            parent=q.parent,
            cues=_patterns(q.cues, f"question {q.id}", shared),
            topic_cues=_patterns(q.topic_cues, f"question {q.id}", shared),
        )
        for q in codebook.questions
    )
    specs = []
    for f in codebook.fields:
        rules = tuple(
            Rule(
                id=r.id,
                value=r.value,
                any=_patterns(r.any, r.id, shared),
                all=_patterns(r.all, r.id, shared),
                unless=_patterns(r.unless, r.id, shared),
                extract=_patterns(r.extract, r.id, shared, flags=0),
                only=r.only,
                from_field=r.from_field,
                confidence=r.confidence,
                review=r.review,
                review_if=_patterns(r.review_if, r.id, shared, flags=0),
            )
            for r in f.rules
        )
        specs.append(FieldSpec(f, f.questions, rules, _DERIVE.get(f.role, ""), f.blank_when))
    grammar = codebook.document
    compiled_doc: dict[str, Any] = {}
    for key in grammar.__dataclass_fields__:
        value = getattr(grammar, key)
        if key != "attachment_evidence" and value:
            compiled_doc[key] = _patterns(value, f"[document].{key}", shared)
    outcome_spec = codebook.outcome
    outcome: dict[str, Any] = {
        "field": outcome_spec.field,
        "exemptions_field": outcome_spec.exemptions_field,
        "non_withholding": list(outcome_spec.non_withholding),
        "required_fields": list(outcome_spec.required_fields),
        "not_held_values": dict(outcome_spec.not_held_values),
    }
    for key in ("refusal", "not_held", "answer_not_held"):
        outcome[key] = _patterns(getattr(outcome_spec, key), f"[outcome].{key}", shared)
    evidence = grammar.attachment_evidence
    lexicon = codebook.lexicon
    return Compiled(
        questions=questions,
        fields=tuple(specs),
        doc=compiled_doc,
        outcome=outcome,
        not_person=frozenset(lexicon.not_person),
        not_org=frozenset(w.lower() for w in lexicon.not_org),
        generic_org=frozenset(w.lower() for w in lexicon.generic_org),
        not_org_words=frozenset(w.lower() for w in lexicon.not_org_words),
        raw_doc={"attachment_evidence": {"field": evidence[0], "value": evidence[1]}}
        if evidence
        else {},
    )


_DERIVE = {FieldRole.OUTCOME: "outcome", FieldRole.EXEMPTIONS: "sections"}
