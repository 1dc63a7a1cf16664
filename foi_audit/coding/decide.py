"""Stage 4, values: each field decided from its questions' answers by the codebook's rules, in order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi_audit.coding.compiled import Compiled, FieldSpec, Rule
from foi_audit.coding.extractors import extract, without_other_values
from foi_audit.coding.records import Decision, Reading, Sentence
from foi_audit.coding.text import matches_any, trim
from foi_audit.errors import CodebookError
from foi_audit.records import (
    FlagReason,
)


def _rule_flags(rule: Rule) -> tuple[FlagReason, ...]:
    return (FlagReason.HEDGED_ANSWER,) if rule.review else ()


def _matches(rule: Rule, sentence: Sentence, hypothetical: Sequence[re.Pattern[str]]) -> bool:
    if matches_any(hypothetical, sentence.text):
        return False
    for pattern in rule.any:
        anchored = pattern.pattern.startswith("^")
        if anchored and (not sentence.start or sentence.via_reference):
            continue
        if matches_any(
            (pattern,), sentence.text
        ):  # contractions spelt out too ("isn't" = "is not")
            return not matches_any(rule.unless, sentence.text)
    return False


def decide(
    spec: FieldSpec, answers: dict[str, list[Sentence]], decided: dict[str, Decision],
    compiled: Compiled,
) -> Decision:  # fmt: skip
    """The first rule (in priority order) that matches the first question (in order) with text."""
    had_text = False
    restated = compiled.doc.restated_request
    for qid in spec.questions:
        # A sentence that restates the request ("mandatory or optional?") is never an answer.
        found = [s for s in answers.get(qid, []) if not matches_any(restated, s.text)]
        if not found:
            continue
        had_text = True
        for rule in spec.rules:
            if rule.only and qid not in rule.only:
                continue
            if rule.from_field:
                source = decided.get(rule.from_field)
                if source and source.value:
                    doubtful = source.flags + (
                        (FlagReason.NAME_NOT_READ,)
                        if matches_any(rule.review_if, source.quote)
                        else ()
                    )
                    return Decision(
                        rule.value, rule.id, source.quote, source.locator, source.confidence,
                        doubtful,
                    )  # fmt: skip
                continue
            if rule.all:
                hits = [next((s for s in found if p.search(s.text)), None) for p in rule.all]
                blocked = any(matches_any(rule.unless, s.text) for s in found)
                if all(hits) and not blocked:
                    first = hits[0]
                    assert first is not None
                    return Decision(
                        rule.value, rule.id, trim(" … ".join(dict.fromkeys(h.text for h in hits if h))),
                        first.locator, rule.confidence, _rule_flags(rule),
                    )  # fmt: skip
                continue
            for sentence in found:
                if rule.extract:
                    value = without_other_values(
                        extract(rule, sentence, spec, compiled, decided), decided
                    )
                    if value:
                        return Decision(
                            value, rule.id, trim(sentence.text), sentence.locator,
                            rule.confidence,
                            _rule_flags(rule) + ((FlagReason.VIA_REFERENCE,) if sentence.via_reference else ()),
                        )  # fmt: skip
                elif _matches(rule, sentence, compiled.doc.hypothetical):
                    confidence = rule.confidence - (0.1 if sentence.via_reference else 0.0)
                    return Decision(
                        rule.value, rule.id, trim(sentence.text), sentence.locator,
                        confidence, _rule_flags(rule), addressed=True,
                    )  # fmt: skip
    first = next((s for q in spec.questions for s in answers.get(q, [])), None)
    own = bool(spec.questions and answers.get(spec.questions[0]))
    return Decision(
        "", "no_rule_matched" if had_text else "no_answer",
        trim(first.text) if first else "", first.locator if first else "",
        0.5 if had_text else 0.9, (), had_text, addressed=own,
    )  # fmt: skip


def _field_order(compiled: Compiled) -> list[FieldSpec]:
    """Fields whose rules take another field's value come after that field."""
    done: list[FieldSpec] = []
    pending = list(compiled.fields)
    names = {s.field.name for s in pending}
    while pending:
        progressed = False
        for spec in list(pending):
            deps = {r.from_field for r in spec.rules if r.from_field} & names
            if deps <= {s.field.name for s in done}:
                done.append(spec)
                pending.remove(spec)
                progressed = True
        if not progressed:
            raise CodebookError(
                "fields take values from each other in a circle: "
                + ", ".join(s.field.name for s in pending)
            )
    return done


def decide_reading(reading: Reading, compiled: Compiled) -> dict[str, Decision]:
    decided: dict[str, Decision] = {}
    for spec in _field_order(compiled):
        if spec.derive:
            continue
        decided[spec.field.name] = decide(spec, reading.answers, decided, compiled)
    return decided
