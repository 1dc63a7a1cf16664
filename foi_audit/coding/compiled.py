"""The codebook compiled for the engine: every pattern a regular expression, each field's rules in order."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from foi_audit.coding.codebook import (
    BY_FORM,
    Codebook,
    Field,
    FieldRole,
    ReadingGrammar,
    expand_pieces,
)
from foi_audit.coding.likeness import QuestionLikeness
from foi_audit.coding.people import Grammar
from foi_audit.coding.reading import Modality, ReadingPatterns, Status
from foi_audit.coding.spelling import misspellings
from foi_audit.coding.text import compile_pattern
from foi_audit.errors import CodebookError


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    parent: str
    cues: tuple[re.Pattern[str], ...]
    topic_cues: tuple[re.Pattern[str], ...] = ()
    elsewhere: tuple[re.Pattern[str], ...] = ()  # another subject of its kind (its concepts)


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
    review: str = ""  # why a reading is doubtful (a FlagReason), "" when it is not
    review_if: tuple[re.Pattern[str], ...] = ()  # evidence that makes this rule's value doubtful
    status: tuple[str, ...] = ()
    polarity: str = ""
    modality: tuple[str, ...] = ()
    asserts: tuple[str, ...] = ()
    denies: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    scope: str = "answer"
    by_form: bool = False

    @property
    def reads_answer(self) -> bool:
        """Decided on the answer as read (status, polarity, concepts), not by sentence patterns."""
        return bool(
            self.status or self.polarity or self.modality or self.asserts or self.denies
            or self.lacks or self.without or self.also
        )  # fmt: skip


@dataclass(frozen=True)
class FieldSpec:
    field: Field
    questions: tuple[str, ...]
    rules: tuple[Rule, ...]
    derive: str
    blank_when: tuple[tuple[str, str], ...]


Patterns = tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class DocumentPatterns:
    """The [document] grammar compiled: how a reply's parts are told apart."""

    acknowledgement: Patterns = ()
    clarification: Patterns = ()
    away: Patterns = ()
    reply_cues: Patterns = ()
    reply_attached: Patterns = ()
    own_document: Patterns = ()
    answers_attached: Patterns = ()
    quoted_request_start: Patterns = ()
    request_paragraph: Patterns = ()
    request_subject: Patterns = ()
    request_in_brief: Patterns = ()
    redaction_note: Patterns = ()
    answer_section_start: Patterns = ()
    quoted_mail_start: Patterns = ()
    boilerplate: Patterns = ()
    closing: Patterns = ()
    valediction: Patterns = ()
    entry_heading: Patterns = ()
    entry_reference: Patterns = ()
    relevance: Patterns = ()
    attachment_title: Patterns = ()
    hypothetical: Patterns = ()
    restated_request: Patterns = ()
    section_pattern: Patterns = ()
    not_exemption: Patterns = ()
    revision: Patterns = ()
    earlier_withdrawn: Patterns = ()
    courtesy: Patterns = ()
    signatory: Patterns = ()
    signature_start: Patterns = ()
    set_aside: Patterns = ()
    set_aside_all: Patterns = ()
    decision_overturned: Patterns = ()
    decision_upheld: Patterns = ()
    topic_turn: Patterns = ()
    whole_request: Patterns = ()
    cost_limit: Patterns = ()
    answers_in_turn: Patterns = ()


@dataclass(frozen=True)
class OutcomePatterns:
    refusal: Patterns = ()
    refusal_in_full: Patterns = ()
    not_held: Patterns = ()
    answer_not_held: Patterns = ()


@dataclass(frozen=True)
class Compiled:
    codebook: Codebook
    questions: tuple[Question, ...]
    fields: tuple[FieldSpec, ...]
    doc: DocumentPatterns
    outcome: OutcomePatterns
    reading: ReadingPatterns
    concepts: tuple[tuple[str, Patterns], ...]
    by_form: frozenset[str]  # concepts that also take an organisation found by its form
    # per concept, all its patterns as one: a sentence none of them finds is passed over at
    # once (most sentences assert few of the concepts)
    concept_gates: Mapping[str, re.Pattern[str]]
    people: Grammar
    likeness: QuestionLikeness
    not_person: frozenset[str]
    not_org: frozenset[str]
    generic_org: frozenset[str] = frozenset()
    not_org_words: frozenset[str] = frozenset()
    misspelt: Mapping[str, str] = field(default_factory=dict)  # a slip -> the word meant

    def question(self, qid: str) -> Question | None:
        """Our question ``qid`` as compiled (None when there is none)."""
        return next((q for q in self.questions if q.id == qid), None)


def _gates(concepts: Sequence[tuple[str, Patterns]]) -> dict[str, re.Pattern[str]]:
    """One pattern per concept that finds a text when any of its patterns does. Patterns that
    cannot be joined without changing their meaning (back-references, clashing group names,
    other flags) get no gate and are always tried."""
    return {name: gate for name, found in concepts if (gate := _gate(found)) is not None}


def _gate(found: Patterns) -> re.Pattern[str] | None:
    """One pattern that finds a text when any of ``found`` does, or None where they cannot be
    joined without changing their meaning (back-references, clashing group names, other flags)."""
    flags = {p.flags for p in found}
    if not found or len(flags) != 1 or any(_BACK_REFERENCE.search(p.pattern) for p in found):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in found), flags.pop())
    except re.error:
        return None


_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P[=<]")


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return compile_pattern(pattern, flags | re.MULTILINE)
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
    concepts = tuple(
        (name, _patterns([p for p in found if p != BY_FORM], f"concept {name}", shared))
        for name, found in codebook.concepts
    )
    questions = tuple(
        Question(
            id=q.id,
            label=q.label,
            parent=q.parent,
            cues=_patterns(q.cues, f"question {q.id}", shared),
            topic_cues=_patterns(q.topic_cues, f"question {q.id}", shared),
            elsewhere=tuple(p for name, ps in concepts if name in q.elsewhere for p in ps),
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
                status=r.status,
                polarity=r.polarity,
                modality=r.modality,
                asserts=r.asserts,
                denies=r.denies,
                lacks=r.lacks,
                without=r.without,
                also=r.also,
                scope=r.scope,
                by_form=r.by_form,
            )
            for r in f.rules
        )
        specs.append(FieldSpec(f, f.questions, rules, _DERIVE.get(f.role, ""), f.blank_when))
    grammar = codebook.document
    doc_patterns = {
        key: _patterns(value, f"[document].{key}", shared)
        for key in DocumentPatterns.__dataclass_fields__
        if (value := getattr(grammar, key))
    }
    outcome = codebook.outcome
    lexicon = codebook.lexicon
    return Compiled(
        codebook=codebook,
        questions=questions,
        fields=tuple(specs),
        doc=DocumentPatterns(**doc_patterns),
        outcome=OutcomePatterns(
            refusal=_patterns(outcome.refusal, "[outcome].refusal", shared),
            refusal_in_full=_patterns(outcome.refusal_in_full, "[outcome].refusal_in_full", shared),
            not_held=_patterns(outcome.not_held, "[outcome].not_held", shared),
            answer_not_held=_patterns(outcome.answer_not_held, "[outcome].answer_not_held", shared),
        ),
        reading=_reading(codebook.reading, shared),
        concepts=concepts,
        by_form=frozenset(name for name, found in codebook.concepts if BY_FORM in found),
        concept_gates=_gates(concepts),
        people=Grammar(codebook.people),
        likeness=QuestionLikeness(
            [(q.id, q.text) for q in codebook.questions], codebook.likeness.stopwords
        ),
        not_person=frozenset(lexicon.not_person),
        not_org=frozenset(w.lower() for w in lexicon.not_org),
        generic_org=frozenset(w.lower() for w in lexicon.generic_org),
        not_org_words=frozenset(w.lower() for w in lexicon.not_org_words),
        misspelt=misspellings(grammar.spelling),
    )


def _one(patterns: tuple[str, ...], where: str, shared: dict[str, str]) -> re.Pattern[str]:
    """Several patterns as one alternation (never matching when there are none)."""
    joined = "|".join(f"(?:{expand_pieces(p, shared)})" for p in patterns) or r"(?!x)x"
    return _compile(joined, where)


def _shorthand(patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """Abbreviations, each naming in its one group the word it stands for."""
    for pattern in patterns:
        if len(pattern.groupindex) != 1:
            raise CodebookError(
                f"[reading].shorthand: {pattern.pattern!r} needs one named group, the word it "
                'stands for: "(?P<mandatory>mand)"'
            )
    return patterns


def _reading(grammar: ReadingGrammar, shared: dict[str, str]) -> ReadingPatterns:
    def each(key: str) -> tuple[re.Pattern[str], ...]:
        return _patterns(getattr(grammar, key), f"[reading].{key}", shared)

    statuses = tuple(
        (status, each(key))
        for status, key in (
            (Status.NOT_APPLICABLE, "not_applicable"),
            (Status.NOT_HELD, "not_held"),
            (Status.REFERS, "refers"),
            (Status.DEFERRED, "deferred"),
            (Status.WITHHELD, "withheld"),
        )
    )
    modalities = tuple(
        (modality, each(key))
        for modality, key in (
            (Modality.HYPOTHETICAL, "hypothetical"),
            (Modality.DEVELOPING, "developing"),
            (Modality.PLANNED, "planned"),
            (Modality.CEASED, "ceased"),
        )
    )
    return ReadingPatterns(
        negators=_one(grammar.negators, "[reading].negators", shared),
        supposing=_one(grammar.supposing, "[reading].supposing", shared),
        not_negating=_one(grammar.not_negating, "[reading].not_negating", shared),
        clause_breaks=_compile(
            "|".join(f"(?:{p})" for p in grammar.clause_breaks) or r"(?!x)x",
            "[reading].clause_breaks",
            flags=0,  # a capital letter in a break pattern means a capital letter
        ),
        modal_breaks=_one(grammar.modal_breaks, "[reading].modal_breaks", shared),
        developing_breaks=_one(grammar.developing_breaks, "[reading].developing_breaks", shared),
        halted=_one(grammar.halted, "[reading].halted", shared),
        resumed=_one(grammar.resumed, "[reading].resumed", shared),
        ended_too=_one(grammar.ended_too, "[reading].ended_too", shared),
        told_in_past=_one(grammar.told_in_past, "[reading].told_in_past", shared),
        pending_too=_one(grammar.pending_too, "[reading].pending_too", shared),
        given_up=_one(grammar.given_up, "[reading].given_up", shared),
        takes_back_previous=_one(
            grammar.takes_back_previous, "[reading].takes_back_previous", shared
        ),
        takes_back_above=_one(grammar.takes_back_above, "[reading].takes_back_above", shared),
        corrects=_one(grammar.corrects, "[reading].corrects", shared),
        shorthand=_shorthand(each("shorthand")),
        answer_after_topic=each("answer_after_topic"),
        answer_label=_one(grammar.answer_label, "[reading].answer_label", shared),
        own_units=_one(grammar.own_units, "[reading].own_units", shared),
        unticked=_one(grammar.unticked, "[reading].unticked", shared),
        unticked_after=_one(grammar.unticked_after, "[reading].unticked_after", shared),
        earlier_position=_one(grammar.earlier_position, "[reading].earlier_position", shared),
        since_changed=_one(grammar.since_changed, "[reading].since_changed", shared),
        yes_answer=each("yes_answer"),
        no_answer=each("no_answer"),
        statuses=statuses,
        modalities=modalities,
    )


_DERIVE = {FieldRole.OUTCOME: "outcome", FieldRole.EXEMPTIONS: "sections"}
