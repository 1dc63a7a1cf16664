"""The coding engine: runs the stages in order for each trust (documents -> coded values with evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from foi_audit.coding.answers import read_document
from foi_audit.coding.codebook import Codebook, OutcomeRole
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.decide import decide_reading
from foi_audit.coding.evidence import attachment_evidence
from foi_audit.coding.flags import silent
from foi_audit.coding.outcome import (
    NO_ANSWERS_EXPECTED,
    UNDECIDED,
    applies,
    blanked,
    fill_not_held,
    outcome,
)
from foi_audit.coding.records import Decision, Reading
from foi_audit.coding.sections import sections_cited
from foi_audit.records import (
    Block,
    CodedValue,
    Document,
    FileStatus,
    Flag,
    FlagReason,
    Match,
)


def code_trust(
    trust_code: str, documents: Sequence[Document], codebook: Codebook
) -> list[CodedValue]:
    compiled = compile_codebook(codebook)
    readings = [read_document(d, compiled) for d in documents]
    replies = [r for r in readings if r.kind == "reply"]
    fields = {s.field.name: s for s in compiled.fields}

    # Each reply decides on its own; two replies that disagree are flagged.
    per_reply = [(r, decide_reading(r, compiled)) for r in replies]
    values: dict[str, Decision] = {}
    sources: dict[str, Reading | None] = {}
    for spec in compiled.fields:
        name = spec.field.name
        if spec.derive:
            continue
        candidates = [(r, d[name]) for r, d in per_reply if d[name].value]
        if not candidates:
            # A rule that decided blank is the answer ("N/A", "name withheld") beats a gap.
            best = next((d[name] for _, d in per_reply if d[name].rule not in UNDECIDED), None)
            best = best or next((d[name] for _, d in per_reply if d[name].had_text), None)
            values[name] = best or Decision("", "no_answer", confidence=0.9)
            if per_reply:
                sources[name] = per_reply[0][0]
            continue
        reading, chosen = max(candidates, key=lambda c: c[1].confidence)
        if len({d.value for _, d in candidates}) > 1:
            chosen = Decision(
                chosen.value, chosen.rule, chosen.quote, chosen.locator,
                min(chosen.confidence, 0.5), (FlagReason.REPLIES_CONFLICT,),
            )  # fmt: skip
        values[name] = chosen
        sources[name] = reading

    attachment_evidence(readings, values, sources, compiled)

    # Conditional fields: blank where they do not apply.
    for spec in compiled.fields:
        name = spec.field.name
        if spec.derive or name not in values:
            continue
        condition = spec.field.applies_when
        blocked = condition and (values.get(condition[0], Decision("", "")).value != condition[1])
        for other, wanted in spec.blank_when:
            if values.get(other, Decision("", "")).value == wanted:
                blocked = True
        if blocked:
            values[name] = Decision("", "not_applicable", confidence=0.9)

    for spec in compiled.fields:
        if spec.derive == "sections":
            values[spec.field.name] = sections_cited(replies, spec, compiled)
            sources[spec.field.name] = replies[0] if replies else None
    for spec in compiled.fields:
        if spec.derive == "outcome":
            values[spec.field.name] = outcome(readings, values, compiled, fields)
            if replies:
                sources[spec.field.name] = replies[0]
            if values[spec.field.name].value == codebook.outcome.value(OutcomeRole.NOT_HELD):
                fill_not_held(values, values[spec.field.name], compiled, fields)

    coded = []
    any_ocr = any(r.document.ocr for r in replies)
    flagged: dict[str, bool] = {}
    status = next(
        (values[s.field.name].value for s in compiled.fields if s.derive == "outcome"), ""
    )
    no_answers = {codebook.outcome.value(role) for role in NO_ANSWERS_EXPECTED}
    real_reply = bool(replies) and status not in no_answers
    for spec in compiled.fields:
        name = spec.field.name
        decision = values.get(name, Decision("", "no_answer"))
        source_reading = sources.get(name)
        ocr = source_reading.document.ocr if source_reading else False
        if spec.derive:
            ocr = any_ocr
        # Text read by OCR may have lost or garbled the answer: a person checks every value.
        reasons = list(decision.flags)
        if ocr or (any_ocr and not decision.value):
            reasons.append(FlagReason.OCR_TEXT)
        if decision.had_text and not decision.value and applies(spec, values):
            reasons.append(FlagReason.NO_RULE_MATCHED)
        # A question the reply restates but whose answer was not found: a person looks.
        asked_unanswered = (
            not decision.value
            and spec.questions[:1]
            and any(
                spec.questions[0] in r.asked and not r.answers.get(spec.questions[0])
                for r in replies
            )
        )
        if asked_unanswered and applies(spec, values) and decision.rule == "no_answer":
            reasons.append(FlagReason.NO_ANSWER_FOUND)
            decision = replace(decision, rule="no_answer_found")
        condition = spec.field.applies_when
        if condition and flagged.get(condition[0]):
            reasons.append(FlagReason.BASE_IN_DOUBT)  # counted (or blank) on a doubtful base
        # Safety net: a blank for a question the reply should answer, that no rule decided
        # is blank ("N/A", "withheld", not applicable), is a gap a person must look at.
        if (
            real_reply
            and not spec.derive
            and not decision.value
            and decision.rule in UNDECIDED
            and applies(spec, values)
            and not blanked(spec, values)
            and not silent(spec, replies, compiled)
        ):
            reasons.append(FlagReason.UNSURE_BLANK)
        flags = tuple(Flag(reason) for reason in dict.fromkeys(reasons))
        flagged[name] = bool(flags)
        confidence = decision.confidence * (0.7 if ocr else 1.0)
        coded.append(
            CodedValue(
                trust_code=trust_code,
                field=name,
                value=decision.value,
                quote=decision.quote,
                source=source_reading.document.path
                if source_reading and (decision.quote or decision.value)
                else "",
                locator=decision.locator,
                confidence=round(max(0.0, min(1.0, confidence)), 2),
                rule=decision.rule,
                flags=flags,
            )
        )
    return coded


def code_all(documents: Sequence[Document], codebook: Codebook) -> list[CodedValue]:
    by_trust: dict[str, list[Document]] = {}
    for document in documents:
        if document.match.trust_code:
            by_trust.setdefault(document.match.trust_code, []).append(document)
    coded: list[CodedValue] = []
    for trust in sorted(by_trust):
        coded.extend(code_trust(trust, by_trust[trust], codebook))
    return coded


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


def code_text(text: str, codebook: Codebook) -> dict[str, CodedValue]:
    """Code one plain-text reply: the engine run on a worked example."""
    coded = code_trust("TEST", documents_from_text([text]), codebook)
    return {value.field: value for value in coded}
