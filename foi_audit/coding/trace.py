"""A value's story: what each stage of the engine decided for one trust and one field.

``trace_field`` runs the same stages as the engine (``coding.engine.code_trust``) and keeps what
each decided along the way: the documents and what kind each is, the answer read for each of the
field's questions (its sentences with their modality, its status, the direct answer's polarity,
the concepts asserted or denied), every rule tried and whether it held, and the value coded with
its flags. ``foi-audit explain TRUST FIELD --trace`` prints it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from foi_audit.coding.answers import read_documents
from foi_audit.coding.codebook import Codebook
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.decide import RuleStep, TrustContext, decide_reading
from foi_audit.coding.engine import code_one_trust
from foi_audit.coding.joint import trust_view
from foi_audit.coding.text import own_names_pattern
from foi_audit.errors import CodebookError
from foi_audit.records import CodedValue, Document

__all__ = ["AnswerStep", "DocumentStep", "RuleStep", "Trace", "segmentation_lines", "trace_field"]


@dataclass(frozen=True)
class DocumentStep:
    path: str
    kind: str  # reply | acknowledgement | supporting | empty
    joint: str  # sole | sections | columns | shared: how a joint reply was cut to this trust
    questions: tuple[str, ...]  # the questions it has answers to
    restated: tuple[str, ...]  # the questions it restates


@dataclass(frozen=True)
class SentenceStep:
    text: str
    locator: str
    modality: str
    statuses: tuple[str, ...]
    via_reference: bool


@dataclass(frozen=True)
class AnswerStep:
    """One question's answer in one reply, as read."""

    document: str
    question: str
    question_text: str  # the codebook's wording ("" when the codebook has none)
    status: str
    polarity: str
    sentences: tuple[SentenceStep, ...]
    concepts: tuple[tuple[str, bool, str], ...]  # (concept, denied?, the words)
    withdrawn: tuple[str, ...] = ()  # sentences the answer takes back ("disregard the above")


@dataclass(frozen=True)
class Trace:
    trust_code: str
    field: str
    documents: tuple[DocumentStep, ...]
    answers: tuple[AnswerStep, ...]
    rules: tuple[RuleStep, ...]  # every rule tried, in order, per reply
    value: CodedValue  # what the engine coded, with its flags


def trace_field(
    trust_code: str,
    field_name: str,
    documents: Sequence[Document],
    codebook: Codebook,
    names: Mapping[str, Sequence[str]] | None = None,
) -> Trace:
    """What each stage decided for ``field_name`` of one trust (see the module docstring);
    ``names`` gives the trust's names and acronyms (and its partners' in a joint reply)."""
    spec_field = codebook.field(field_name)  # an unknown field is a one-line error
    names = names or {}
    compiled = compile_codebook(codebook)
    context = TrustContext(compiled, own_names_pattern(names.get(trust_code, ())))
    views = [trust_view(d, trust_code, names) for d in documents]
    readings = read_documents([v.document for v in views], compiled)
    document_steps = tuple(
        DocumentStep(
            r.document.path,
            r.kind,
            str(v.layout),
            tuple(q for q, found in r.answers.items() if found),
            tuple(sorted(r.asked)),
        )
        for r, v in zip(readings, views, strict=True)
    )
    steps: list[RuleStep] = []
    answers: list[AnswerStep] = []
    for key, reading in enumerate(r for r in readings if r.kind == "reply"):
        decide_reading(reading, context, key, trace_field=field_name, steps=steps)
        for question in spec_field.questions:
            read = context.readings.get((key, question))
            if read is None:
                continue
            answers.append(
                AnswerStep(
                    document=reading.document.path,
                    question=question,
                    question_text=_question_text(codebook, question),
                    status=str(read.status),
                    polarity=str(read.polarity),
                    sentences=tuple(
                        SentenceStep(
                            s.sentence.text,
                            s.sentence.locator,
                            str(s.modality),
                            tuple(str(x) for x in s.statuses),
                            s.sentence.via_reference,
                        )  # fmt: skip
                        for s in read.sentences
                    ),
                    concepts=tuple(
                        dict.fromkeys((h.concept, h.negated, h.text) for h in read.hits)
                    ),
                    withdrawn=tuple(s.sentence.text for s in read.withdrawn),
                )
            )
    coded = {c.field: c for c in code_one_trust(trust_code, documents, codebook, names)}
    if field_name not in coded:
        raise CodebookError(f"{field_name!r} was not coded for {trust_code}")
    return Trace(
        trust_code, field_name, document_steps, tuple(answers), tuple(steps), coded[field_name]
    )


def _question_text(codebook: Codebook, question_id: str) -> str:
    question = codebook.question(question_id)
    if question is None:
        return ""
    return f"Q{question.label}. {question.text}" if question.label else question.text


def segmentation_lines(documents: Sequence[Document], codebook: Codebook) -> list[str]:
    """How each document was segmented: its kind, the questions it restates, and the sentences
    taken as the answer to each question (with their locator), then the text left over and the
    answers to questions that are not ours. A golden view of the segment stage."""
    compiled = compile_codebook(codebook)
    lines: list[str] = []
    for document, reading in zip(documents, read_documents(documents, compiled), strict=True):
        restated = ", ".join(sorted(reading.asked)) or "none"
        lines.append(f"{document.path}: {reading.kind}; restates {restated}")
        sections = [*reading.answers.items(), ("(general)", reading.general)]
        sections.append(("(other questions)", reading.other))
        for question, sentences in sections:
            if not sentences:
                continue
            lines.append(f"  {question}:")
            lines.extend(f"    {s.locator}: {s.text}" for s in sentences)
    return lines
