"""Stage 6, outcome: the reply as a whole (answered in full or in part, refused, not held, no reply)."""

from __future__ import annotations

from collections.abc import Sequence

from foi_audit.coding.codebook import OutcomeRole
from foi_audit.coding.compiled import Compiled, FieldSpec
from foi_audit.coding.records import Decision, Reading
from foi_audit.coding.text import matches_any, trim
from foi_audit.records import (
    FlagReason,
)


def outcome(
    readings: Sequence[Reading], values: dict[str, Decision], compiled: Compiled,
    fields: dict[str, FieldSpec],
) -> Decision:  # fmt: skip
    """WhatDoTheyKnow's state for the reply as a whole (rules in [outcome])."""
    spec = compiled.codebook.outcome
    replies = [r for r in readings if r.kind == "reply"]
    if not replies:
        acks = [r for r in readings if r.kind == "acknowledgement"]
        if acks:
            first = acks[0].general[0] if acks[0].general else None
            return Decision(
                spec.value(OutcomeRole.NO_REPLY), "outcome.acknowledgement_only",
                trim(first.text) if first else "", first.locator if first else "", 0.9,
            )  # fmt: skip
        return Decision(
            "", "outcome.no_reply_text", confidence=0.3, flags=(FlagReason.NO_REPLY_TEXT,)
        )
    general = [s for r in replies for s in r.general]
    answers = [s for r in replies for ss in r.answers.values() for s in ss]
    coded = {name: d for name, d in values.items() if d.value and not fields[name].derive}
    positive = [d for n, d in coded.items() if d.value not in fields[n].field.negative]
    for sentence in general + answers:
        if matches_any(compiled.outcome.not_held, sentence.text) and not positive:
            # Said inside one answer rather than of the request as a whole: a person checks.
            return Decision(
                spec.value(OutcomeRole.NOT_HELD), "outcome.not_held", trim(sentence.text), sentence.locator, 0.85,
                flags=(FlagReason.NOT_HELD_IN_ONE_ANSWER,)
                if sentence not in general and coded
                else (),
            )  # fmt: skip
    held_not = compiled.outcome.answer_not_held
    by_question = [found for r in replies for found in r.answers.values() if found]
    if (
        by_question
        and not positive
        and all(any(matches_any(held_not, s.text) for s in found) for found in by_question)
    ):
        first = by_question[0][0]
        return Decision(spec.value(OutcomeRole.NOT_HELD), "outcome.not_held_throughout", trim(first.text),
                        first.locator, 0.85)  # fmt: skip
    if not coded:
        for sentence in general + answers:
            if matches_any(compiled.outcome.refusal, sentence.text):
                return Decision(
                    spec.value(OutcomeRole.REFUSED),
                    "outcome.refused",
                    trim(sentence.text),
                    sentence.locator,
                    0.85,
                )
    exemptions = values.get(spec.exemptions_field, Decision("", ""))
    withheld = [s for s in exemptions.value.split(";") if s and s not in spec.non_withholding]
    if withheld:
        return Decision(
            spec.value(OutcomeRole.PARTLY_ANSWERED), "outcome.information_withheld", exemptions.quote,
            exemptions.locator, 0.85, flags=exemptions.flags,
        )  # fmt: skip
    # A question counts as answered when its answer has text, even if no rule could code it
    # (that value is flagged for review instead); it is unanswered when nothing addresses it.
    missing = [
        name for name in spec.required_fields if name in values
        and not values[name].value and applies(fields[name], values)
        and not blanked(fields[name], values) and not values[name].addressed
    ]  # fmt: skip
    unsure = [
        name for name in spec.required_fields if name in values
        and not values[name].value and values[name].addressed and applies(fields[name], values)
    ]  # fmt: skip
    if not coded:
        return Decision("", "outcome.unclear", confidence=0.3, flags=(FlagReason.OUTCOME_UNCLEAR,))
    if missing:
        return Decision(
            spec.value(OutcomeRole.PARTLY_ANSWERED), "outcome.question_unanswered",
            f"no answer found for: {', '.join(missing)}", "", 0.6,
            # Decided from a gap, not from anything the reply says (no exemption, no refusal
            # of a part): the reader may simply have missed the answer, so a person checks.
            flags=(FlagReason.OUTCOME_FROM_GAP,),
        )  # fmt: skip
    return Decision(
        spec.value(OutcomeRole.ANSWERED), "outcome.all_answered", confidence=0.85,
        flags=(FlagReason.OUTCOME_FROM_GAP,) if unsure else (),
    )  # fmt: skip


def fill_not_held(
    values: dict[str, Decision], held: Decision, compiled: Compiled, fields: dict[str, FieldSpec]
) -> None:
    """A reply that holds nothing answers each question with its "none"/"no" (codebook
    ``[outcome] not_held_values``), in the order listed so conditions see earlier fills."""
    fills = dict(compiled.codebook.outcome.not_held_values)
    if any(values[n].value or values[n].had_text for n in fills if n in values):
        return  # answered question by question: a question it skips stays blank
    for name, value in fills.items():
        current = values.get(name)
        if name not in fields or (current is not None and current.value):
            continue
        if not applies(fields[name], values):
            continue
        values[name] = Decision(
            str(value), "outcome.not_held_fill", held.quote, held.locator, 0.8, held.flags
        )


def blanked(spec: FieldSpec, values: dict[str, Decision]) -> bool:
    """Blank by the codebook's own rule (in-house delivery has no provider)."""
    return any(
        values.get(name, Decision("", "")).value == wanted for name, wanted in spec.blank_when
    )


def applies(spec: FieldSpec, values: dict[str, Decision]) -> bool:
    condition = spec.field.applies_when
    if condition is None:
        return True
    other = values.get(condition[0])
    return bool(other and other.value == condition[1])


# Outcomes after which blank fields are expected (nothing was answered).
NO_ANSWERS_EXPECTED = (OutcomeRole.NO_REPLY, OutcomeRole.REFUSED)


# Rules that leave a value blank without deciding that blank is the answer.
UNDECIDED = {"no_answer", "no_rule_matched", "no_answer_found"}
