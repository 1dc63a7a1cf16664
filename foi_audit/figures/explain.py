"""``foi-audit explain``: the trusts behind a figure, exactly those counted, with their evidence.

Computed with the summary's own counting (:mod:`foi_audit.figures.summary`), so every row of
``explain FIELD=VALUE`` is one of the trusts counted in that figure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldKind, FieldRole
from foi_audit.coding.trace import Trace, trace_field
from foi_audit.dataset.documents import load_trust_documents
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.study import load_study_codebook
from foi_audit.errors import InputError
from foi_audit.figures.presentation import question_text
from foi_audit.figures.summary import (
    GIVEN,
    NONE_CITED,
    Population,
    TrustRecord,
    count_base,
    has_value,
    load_population,
    timeliness_field,
    value_stat,
)
from foi_audit.fileio import csv_text
from foi_audit.records import CodedValue
from foi_audit.register.names import own_names
from foi_audit.register.trusts import load_register
from foi_audit.requests.timeliness import TIMELINESS_COLUMN


@dataclass(frozen=True)
class ExplainRow:
    trust_code: str
    trust_name: str
    value: str  # the value counted (a reviewer's when one decided)
    quote: str
    source: str  # "reply.pdf > page 2"
    needs_review: bool
    overridden: bool
    machine_value: str = ""  # what the machine coded (differs from value under a decision)
    reviewer: str = ""
    review_reason: str = ""
    flagged: str = ""  # the machine's flag reasons, ';'-joined
    question: str = ""  # the question the quote answers ("Q1. Does the Trust ...?")


EXPLAIN_COLUMNS = (
    "trust_code", "trust_name", "value", "machine_value", "reviewer", "review_reason",
    "needs_review", "flagged", "question", "quote", "source",
)  # fmt: skip


@dataclass(frozen=True)
class Explanation:
    field: str
    value: str  # "" when listing every trust in the base
    headline: str
    chain_text: str
    rows: tuple[ExplainRow, ...]


def parse_spec(
    spec: str, codebook: Codebook, population: Population | None = None
) -> tuple[Field, str]:
    """``"FIELD=VALUE"`` -> (the field, "VALUE"); checks both exist."""
    name, _, value = (part.strip() for part in spec.partition("="))
    if name == TIMELINESS_COLUMN and population is not None and population.has_timeliness:
        f = timeliness_field(population)
    else:
        f = codebook.field(name)
    if value:
        allowed = _allowed_values(f)
        if value not in allowed:
            raise InputError(
                f"{value!r} is not a value of {f.name}: choose one of " + ", ".join(allowed)
            )
    return f, value


def _allowed_values(f: Field) -> list[str]:
    if f.kind is FieldKind.TEXT:
        return [GIVEN]
    return list(f.values) + ([NONE_CITED] if f.role is FieldRole.EXEMPTIONS else [])


def explain(layout: Layout, spec: str, codebook: Codebook | None = None) -> Explanation:
    """The trusts behind a figure: exactly those counted, each with its quote and source.

    ``FIELD=VALUE`` lists the trusts counted as having VALUE; ``FIELD`` lists every trust in
    the field's base with what it answered (blank = no answer). ``codebook`` defaults to the
    one the data were coded with.
    """
    codebook = codebook or load_study_codebook(layout)
    population = load_population(layout, codebook)
    f, value = parse_spec(spec, codebook, population)
    counted = count_base(f, population.trusts, codebook)
    chain_text = counted.chain.text()
    chosen = [
        (trust, answer, coded)
        for trust, answer, coded in counted.answers
        if not value or has_value(f, answer, value)
    ]
    pending = set(population.review.keys) if population.review else set()
    rows = [
        explain_row(trust, answer, coded, pending, codebook, f) for trust, answer, coded in chosen
    ]
    headline = ""
    if value:
        having = [coded for _, _, coded in chosen]
        headline = value_stat(f, value, counted.chain, having, codebook).headline
    return Explanation(f.name, value, headline, chain_text, tuple(rows))


def explain_row(
    trust: TrustRecord,
    answer: str,
    coded: CodedValue | None,
    pending: set[tuple[str, str]],
    codebook: Codebook,
    f: Field,
) -> ExplainRow:
    source = ""
    if coded is not None:
        source = " > ".join(part for part in (coded.source, coded.locator) if part)
    decision = coded.decision if coded is not None else None
    return ExplainRow(
        trust_code=trust.code,
        trust_name=trust.name,
        value=answer,
        quote=coded.quote if coded else "",
        source=source,
        needs_review=bool(coded and (coded.trust_code, coded.field) in pending),
        overridden=decision is not None,
        machine_value=decision.machine_value if decision else answer,
        reviewer=decision.reviewer if decision else "",
        review_reason=decision.note if decision else "",
        flagged=";".join(coded.flag_reasons) if coded else "",
        question=(
            question_text(codebook, f, str(getattr(coded, "question", "") or ""))
            if coded and coded.quote
            else ""
        ),
    )


def explanation_csv(explanation: Explanation) -> str:
    """The trusts behind a figure as CSV (``foi-audit explain --csv``)."""
    return csv_text(EXPLAIN_COLUMNS, (asdict(row) for row in explanation.rows))


def explanation_dict(explanation: Explanation) -> dict[str, Any]:
    return asdict(explanation)


def explain_trace(
    layout: Layout, trust_code: str, field_name: str, codebook: Codebook | None = None
) -> Trace:
    """How the engine coded one trust's field, stage by stage, re-read from the text ingest
    kept (``processed/text/``)."""
    codebook = codebook or load_study_codebook(layout)
    register = load_register()
    trust = register.get(trust_code.upper())
    if trust is None:
        raise InputError(
            f"{trust_code} is not an ODS code in the register: see `foi-audit register --search NAME`"
        )
    documents = load_trust_documents(layout, trust.code)
    if not documents:
        raise InputError(
            f"no documents of {trust.code} ({trust.name}) in {layout.processed}: "
            "check the code, or run `foi-audit ingest` first"
        )
    joint = {trust.code, *(c for d in documents for c in (d.match.trust_code, *d.match.also))}
    names = {code: own_names(t) for code in joint if code and (t := register.get(code))}
    return trace_field(trust.code, field_name, documents, codebook, names)


def trace_dict(trace: Trace) -> dict[str, Any]:
    data = asdict(trace)
    data["value"]["flags"] = list(trace.value.flag_reasons)
    data["value"]["needs_review"] = trace.value.needs_review
    return data


def trace_lines(trace: Trace) -> list[str]:
    """The trace as text: documents, the answers read, the rules tried, the value and why."""
    value = trace.value
    lines = [f"{trace.trust_code} {trace.field}: {value.value or '(blank)'}  [rule {value.rule}]"]
    if value.flags:
        lines.append("  flagged: " + ", ".join(value.flag_reasons))
    if value.quote:
        where = " > ".join(p for p in (value.source, value.locator) if p)
        lines.append(f"  quote: “{value.quote}” ({where}; {value.grounding or 'no quote'})")
    lines.append("Documents:")
    for document in trace.documents:
        answered = ", ".join(document.questions)
        answers = f"answers to {answered}" if answered else "answers to no question of ours"
        joint = f" (joint reply: {document.joint})" if document.joint != "sole" else ""
        lines.append(f"  {document.path}: {document.kind}{joint}; {answers}")
    lines.append("Answers read:")
    for answer in trace.answers:
        lines.append(
            f"  {answer.question} in {answer.document}: status {answer.status}, "
            f"direct answer {answer.polarity}"
        )
        if answer.question_text:
            lines.append(f"    ({answer.question_text})")
        lines.extend(f"    [withdrawn: taken back below] {text}" for text in answer.withdrawn)
        for sentence in answer.sentences:
            marks = [sentence.modality] + list(sentence.statuses)
            if sentence.via_reference:
                marks.append("via a cross-reference")
            lines.append(f"    [{', '.join(marks)}] {sentence.text}")
        for concept, denied, words in answer.concepts:
            lines.append(f"    {'denies' if denied else 'says'} {concept}: “{words}”")
    lines.append("Rules tried:")
    for step in trace.rules:
        result = f"holds → {step.value or '(blank)'}" if step.held else "does not hold"
        lines.append(f"  reply {step.reply + 1}, {step.question}: {step.rule}: {result}")
    return lines
