"""The coding engine: for each trust, the stages in order.

lines -> segments -> answers per question (coding.answers) -> each answer read (coding.reading)
-> values by the codebook's rules (coding.decide) -> one value per field from the trust's
replies (coding.evidence) -> exemptions (coding.sections) -> outcome (coding.outcome) -> flags
(coding.flags) -> coded values with their evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from foi_audit.coding.answers import read_documents
from foi_audit.coding.codebook import Codebook, OutcomeRole
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.decide import TrustContext, decide_reading
from foi_audit.coding.evidence import attachment_evidence, blank_where_not_asked, choose
from foi_audit.coding.flags import base_doubt, flag_reasons
from foi_audit.coding.joint import documents_by_trust, trust_view
from foi_audit.coding.outcome import clear_refused, fill_not_held, is_real_reply, outcome
from foi_audit.coding.records import Decision, Reading
from foi_audit.coding.sections import sections_cited
from foi_audit.coding.spelling import as_typed
from foi_audit.coding.text import own_names_pattern, trim
from foi_audit.records import (
    Block,
    CodedValue,
    Document,
    FileStatus,
    Flag,
    FlagReason,
    Grounding,
    Match,
)


def code_trust(
    trust_code: str,
    documents: Sequence[Document],
    codebook: Codebook,
    own_names: Sequence[str] = (),
) -> list[CodedValue]:
    """Every field of the codebook for one trust, from all its documents."""
    compiled = compile_codebook(codebook)
    context = TrustContext(compiled, own_names_pattern(own_names))
    readings = read_documents(documents, compiled)
    replies = [r for r in readings if r.kind == "reply"]
    per_reply = [
        (r, in_passing(r, decide_reading(r, context, key))) for key, r in enumerate(replies)
    ]
    chosen = choose(compiled, per_reply)
    attachment_evidence(readings, chosen, compiled)
    blank_where_not_asked(compiled, chosen)
    for spec in compiled.fields:
        if spec.derive == "sections":
            chosen.values[spec.field.name] = sections_cited(replies, spec, compiled)
            chosen.sources[spec.field.name] = replies[0] if replies else None
    for spec in compiled.fields:
        if spec.derive == "outcome":
            decided = outcome(readings, chosen, compiled)
            chosen.values[spec.field.name] = decided
            chosen.sources[spec.field.name] = replies[0] if replies else None
            if decided.value and decided.value == codebook.outcome.value(OutcomeRole.NOT_HELD):
                fill_not_held(chosen, decided, compiled)
            if decided.value and decided.value == codebook.outcome.value(OutcomeRole.REFUSED):
                clear_refused(chosen, compiled, decided)
    for spec in compiled.fields:
        if spec.derive:  # evidence points where the words are (an attachment, not its e-mail)
            found = reading_of(chosen.values[spec.field.name], readings)
            if found is not None:
                chosen.sources[spec.field.name] = found
    status = chosen.value(codebook.outcome.field) if codebook.outcome.field else ""
    real_reply = is_real_reply(readings, status, compiled)
    coded = []
    bases: dict[str, FlagReason] = {}
    for spec in compiled.fields:
        name = spec.field.name
        decision = chosen.values.get(name, Decision("", "no_answer"))
        decision, reasons = flag_reasons(
            spec, decision, chosen, replies, compiled, real_reply, bases
        )
        if (doubt := base_doubt(decision, reasons)) is not None:
            bases[name] = doubt
        source = chosen.sources.get(name)
        if source is not None and decision.quote and not decision.summary:
            # the quote as typed, slips and all ("Sexaul Safety Policy")
            typed = [b.text for b in source.document.blocks]
            decision = replace(decision, quote=as_typed(decision.quote, typed, compiled.misspelt))
        ocr = source is not None and source.document.ocr
        confidence = decision.confidence * (0.7 if ocr else 1.0)
        coded.append(
            CodedValue(
                trust_code=trust_code,
                field=name,
                value=decision.value,
                quote=decision.quote,
                source=source.document.path
                if source and (decision.quote or decision.value)
                else "",
                locator=decision.locator,
                confidence=round(max(0.0, min(1.0, confidence)), 2),
                rule=decision.rule,
                flags=tuple(Flag(reason) for reason in reasons),
                question=decision.question,
                grounding=grounding(decision, source.document if source else None),
            )
        )
    return coded


def in_passing(reading: Reading, decided: dict[str, Decision]) -> dict[str, Decision]:
    """Values read from a sentence the reply gave to another question first (its subject names
    this one's topic), flagged: a person confirms the reply meant it as this answer."""
    passing = {trim(s.text) for said in reading.answers.values() for s in said if s.in_passing}
    if not passing:
        return decided
    return {
        name: replace(
            d, flags=(*d.flags, FlagReason.SAID_IN_PASSING), confidence=min(d.confidence, 0.6)
        )
        if d.value and d.quote in passing
        else d
        for name, d in decided.items()
    }


def reading_of(decision: Decision, readings: Sequence[Reading]) -> Reading | None:
    """The document whose sentence a decision quotes (its first part), if any."""
    first = decision.quote.split(" … ")[0].rstrip("…").strip()
    if not first or decision.summary:
        return None
    for reading in readings:
        sentences = [*reading.general, *(s for found in reading.answers.values() for s in found)]
        for sentence in sentences:
            if sentence.locator == decision.locator and sentence.text.startswith(first[:60]):
                return reading
    return None


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _folded(text: str) -> str:
    return " ".join(text.translate(_FOLD).lower().split())


def grounding(decision: Decision, document: Document | None) -> Grounding:
    """Whether the quote stands in its document at its place (each part of a joined quote)."""
    if not decision.quote:
        return Grounding.NONE
    if decision.summary:
        return Grounding.SUMMARY
    if document is None:
        return Grounding.NOT_FOUND
    parts = [p.rstrip("…").strip() for p in decision.quote.split(" … ") if p.strip()]
    at_place = [b.text for b in document.blocks if b.locator == decision.locator]
    for texts in (at_place, [b.text for b in document.blocks]):
        whole = "\n".join(texts)
        spaced = " ".join(whole.split())
        if texts and all(part in whole or " ".join(part.split()) in spaced for part in parts):
            return Grounding.EXACT
    folded = _folded("\n".join(b.text for b in document.blocks))
    if all(_folded(part) in folded for part in parts):
        return Grounding.NORMALISED
    return Grounding.NOT_FOUND


def code_all(
    documents: Sequence[Document],
    codebook: Codebook,
    names: Mapping[str, Sequence[str]] | None = None,
) -> list[CodedValue]:
    """Every trust that has documents (a joint reply counts for each trust it answers for);
    ``names`` gives each trust's names and acronyms (its own, and its partners' in a joint
    reply)."""
    by_trust = documents_by_trust(documents)
    coded: list[CodedValue] = []
    for trust in sorted(by_trust):
        coded.extend(code_one_trust(trust, by_trust[trust], codebook, names or {}))
    return coded


def code_one_trust(
    trust_code: str,
    documents: Sequence[Document],
    codebook: Codebook,
    names: Mapping[str, Sequence[str]],
) -> list[CodedValue]:
    """One trust's values from its documents, each joint reply seen as the trust's own part
    (``coding.joint``)."""
    views = [trust_view(d, trust_code, names).document for d in documents]
    return code_trust(trust_code, views, codebook, names.get(trust_code, ()))


def documents_from_text(
    texts: Sequence[str], trust_code: str = "TEST", ocr: bool = False
) -> list[Document]:
    """Plain texts as matched documents, one block per line (worked examples, tests)."""
    documents = []
    for number, text in enumerate(texts, start=1):
        blocks = tuple(
            Block(line, f"line {index}")
            for index, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        )
        documents.append(
            Document(
                path=f"example {number}.txt",
                sha256="",
                format="txt",
                units=1,
                chars=len(text),
                ocr=ocr,
                status=FileStatus.OK,
                match=Match(trust_code, "example", 100.0),
                blocks=blocks,
            )
        )
    return documents


def code_text(
    text: str, codebook: Codebook, own_names: Sequence[str] = ()
) -> dict[str, CodedValue]:
    """Code one plain-text reply: the engine run on a worked example."""
    coded = code_trust("TEST", documents_from_text([text]), codebook, own_names)
    return {value.field: value for value in coded}
