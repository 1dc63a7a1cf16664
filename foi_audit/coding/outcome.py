"""Stage 6, outcome: the reply as a whole, from what each question's answer is.

- No reply, only an acknowledgement or a holding e-mail: no reply (waiting).
- The whole request refused and no question answered: refused.
- The reply as a whole says nothing is held (said of the request, or every answer "not held"):
  not held. One "not held" among answered questions is an answer, not the outcome.
- Some requested information withheld under an exemption that withholds (not s21), or a
  question's answer deferred ("will follow") or withheld: answered in part.
- A question the reply should answer but that has no answer at all: answered in part, flagged
  (the reader may have missed the answer).
- Otherwise answered in full.
The values are the codebook's (``[outcome] values``), so another study names its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi_audit.coding.codebook import OutcomeRole
from foi_audit.coding.compiled import Compiled, FieldSpec
from foi_audit.coding.evidence import Chosen, applies, blanked
from foi_audit.coding.reading import Status
from foi_audit.coding.records import Decision, Reading, Sentence
from foi_audit.coding.sections import sections_in, set_aside
from foi_audit.coding.text import matches_any, trim
from foi_audit.records import FlagReason

# Outcomes after which blank fields are expected (nothing was answered).
NO_ANSWERS_EXPECTED = (OutcomeRole.NO_REPLY, OutcomeRole.REFUSED)


def _all_set_aside(reply: Reading, void: frozenset[str], compiled: Compiled) -> bool:
    """A refusal whose every section a later review set aside: none of its sentences stands,
    not even the one that names no section ("... would exceed the appropriate limit.")."""
    if not void or reply.revises:
        return False
    said = [*reply.general, *(s for found in reply.answers.values() for s in found)]
    cited = {section for s in said for section in sections_in(s.text, compiled)}
    return bool(cited) and cited <= void


def outcome(readings: Sequence[Reading], chosen: Chosen, compiled: Compiled) -> Decision:
    """WhatDoTheyKnow's state for the reply as a whole."""
    spec = compiled.codebook.outcome
    fields = {s.field.name: s for s in compiled.fields}
    values = chosen.values
    replies = [r for r in readings if r.kind == "reply"]
    if not replies:
        return _no_reply(readings, compiled)
    # A refusal under a section an internal review set aside no longer stands.
    void = set_aside(readings, compiled)
    answers = [
        s
        for r in replies
        for found in r.answers.values()
        for s in found
        if not void.intersection(sections_in(s.text, compiled))
    ]
    # A value read from the refusal's own words ("No reasonable interval has elapsed") is
    # no answer.
    coded = {
        n: d
        for n, d in values.items()
        if d.value
        and n in fields
        and not fields[n].derive
        and not matches_any(compiled.outcome.refusal, d.quote)
    }
    positive = [d for n, d in coded.items() if d.value not in fields[n].field.negative]
    kept = [
        (r, s)
        for r in replies
        if not _all_set_aside(r, void, compiled)
        for s in r.general
        if not void.intersection(sections_in(s.text, compiled))
    ]
    general = [s for _, s in kept]
    # on a page of several requests whose answers to ours gave values, a refusal elsewhere on
    # the page is another request's ("the request is refused under section 12": the car parks')
    refusals = [s for r, s in kept if not (r.several_requests and coded)] + answers

    # (not a holding reply's warning: "the Trust may apply section 12 or section 14 where
    # appropriate; we will let you know if either applies")
    refusal = _first(
        [s for s in refusals if not _MAY_APPLY.search(s.text)], compiled.outcome.refusal
    )
    if refusal is not None and not coded:
        return _decision(spec.value(OutcomeRole.REFUSED), "outcome.refused", refusal)
    in_full = _first(refusals, compiled.outcome.refusal_in_full)
    if in_full is not None:
        # Its explanation may describe the information ("training has been delivered by
        # different teams"); values read from it are not answers. Answers to several
        # questions beside a refusal in full contradict it: a person looks.
        questions = {d.question for d in coded.values() if d.question}
        return Decision(
            spec.value(OutcomeRole.REFUSED), "outcome.refused_in_full", trim(in_full.text),
            in_full.locator, 0.85,
            flags=(FlagReason.OUTCOME_UNCLEAR,) if len(questions) >= 2 else (),
        )  # fmt: skip

    said = _first(general, compiled.outcome.not_held) or next(
        # under the last answer, the whole request's ("does not hold the information
        # requested", a section 1(1)(a) notice), not one answer's "Not held."
        (
            s
            for s in answers
            if matches_any(compiled.doc.whole_request, s.text)
            and _first([s], compiled.outcome.not_held)
        ),
        None,
    )
    if said is not None and not positive:
        return _decision(spec.value(OutcomeRole.NOT_HELD), "outcome.not_held", said)
    statuses = [
        d.status for n, d in values.items() if n in spec.required_fields and d.status
    ]  # each answer read once per field: fine for "every answer"
    if statuses and not positive and all(s == Status.NOT_HELD for s in statuses):
        first = next(d for n, d in values.items() if n in spec.required_fields and d.status)
        return Decision(
            spec.value(OutcomeRole.NOT_HELD), "outcome.not_held_throughout", first.quote,
            first.locator, 0.85, question=first.question,
        )  # fmt: skip

    exemptions = values.get(spec.exemptions_field, Decision("", ""))
    withholding = [s for s in exemptions.value.split(";") if s and s not in spec.non_withholding]
    if withholding:
        return Decision(
            spec.value(OutcomeRole.PARTLY_ANSWERED), "outcome.information_withheld",
            exemptions.quote, exemptions.locator, 0.85, flags=exemptions.flags,
        )  # fmt: skip
    required = [fields[n] for n in spec.required_fields if n in fields and n in values]
    for field_spec in required:
        decision = values[field_spec.field.name]
        if decision.status == Status.DEFERRED and applies(field_spec, values):
            return Decision(
                spec.value(OutcomeRole.PARTLY_ANSWERED), f"outcome.answer_{decision.status}",
                decision.quote, decision.locator, 0.8, question=decision.question,
            )  # fmt: skip
    if not coded and refusal is None:
        return Decision("", "outcome.unclear", confidence=0.3, flags=(FlagReason.OUTCOME_UNCLEAR,))
    missing = [
        s.field.name for s in required if not values[s.field.name].value
        and applies(s, values) and not blanked(s, values) and not values[s.field.name].addressed
    ]  # fmt: skip
    if missing:
        return Decision(
            spec.value(OutcomeRole.PARTLY_ANSWERED), "outcome.question_unanswered",
            f"no answer found for: {', '.join(missing)}", "", 0.6,
            # Decided from a gap, not from anything the reply says: the reader may simply
            # have missed the answer, so a person checks.
            flags=(FlagReason.OUTCOME_FROM_GAP,), summary=True,
        )  # fmt: skip
    unsure = [
        s.field.name for s in required if not values[s.field.name].value
        and values[s.field.name].addressed and applies(s, values)
    ]  # fmt: skip
    answered = sorted({d.question for d in values.values() if d.question and d.value})
    return Decision(
        spec.value(OutcomeRole.ANSWERED), "outcome.all_answered",
        "answers found to: " + ", ".join(answered) if answered else "", confidence=0.85,
        flags=(FlagReason.OUTCOME_FROM_GAP,) if unsure else (), summary=bool(answered),
    )  # fmt: skip


def _no_reply(readings: Sequence[Reading], compiled: Compiled) -> Decision:
    acks = [r for r in readings if r.kind == "acknowledgement"]
    if acks:
        first = acks[0].general[0] if acks[0].general else None
        return Decision(
            compiled.codebook.outcome.value(OutcomeRole.NO_REPLY), "outcome.acknowledgement_only",
            trim(first.text) if first else "", first.locator if first else "", 0.9,
        )  # fmt: skip
    return Decision("", "outcome.no_reply_text", confidence=0.3, flags=(FlagReason.NO_REPLY_TEXT,))


def _first(sentences: Sequence[Sentence], patterns: Sequence[object]) -> Sentence | None:
    return next((s for s in sentences if matches_any(patterns, s.text)), None)  # type: ignore[arg-type]


def _decision(value: str, rule: str, sentence: Sentence) -> Decision:
    return Decision(value, rule, trim(sentence.text), sentence.locator, 0.85)


_MAY_APPLY = re.compile(
    r"(?i)\b(may|might|could) (apply|rely on|use|engage|refuse)\b|\bwhere appropriate\b"
    r"|\bif (either|any|it|this|they|one) (applies|apply)\b"
)


def fill_not_held(chosen: Chosen, held: Decision, compiled: Compiled) -> None:
    """A reply that holds nothing answers each question with its "none"/"no" (codebook
    ``[outcome] not_held_values``), in the order listed so conditions see earlier fills."""
    values = chosen.values
    fields = {s.field.name: s for s in compiled.fields}
    fills = dict(compiled.codebook.outcome.not_held_values)
    if any(values[n].value or values[n].had_text for n in fills if n in values):
        return  # answered question by question: a question it skips stays blank
    for name, value in fills.items():
        current = values.get(name)
        if name not in fields or (current is not None and current.value):
            continue
        if not applies(fields[name], values):
            continue
        # (coders differ: some code a reply that holds nothing as each question's "no", some
        # leave every question blank; a person decides)
        flags = tuple(dict.fromkeys((*held.flags, FlagReason.NOT_HELD_READ_AS_NO)))
        values[name] = Decision(
            str(value), "outcome.not_held_fill", held.quote, held.locator, 0.8, flags
        )


def clear_refused(chosen: Chosen, compiled: Compiled, refusal: Decision) -> None:
    """A refused request answers no question: what its explanation seemed to say is cleared
    (the rule that read it is kept in the trace, not in the dataset), and so is text no rule
    could code ("you may wish to ask only for the name of the executive lead"). Where the
    refusal itself is in doubt (answers beside it), a value cleared is flagged with it."""
    doubted = FlagReason.OUTCOME_UNCLEAR in refusal.flags
    for spec in compiled.fields:
        name = spec.field.name
        decision = chosen.values.get(name)
        if spec.derive or decision is None or not (decision.value or decision.quote):
            continue
        flags = (FlagReason.OUTCOME_UNCLEAR,) if doubted and decision.value else ()
        chosen.values[name] = Decision(
            "", "outcome.refused_blank", flags=flags, question=decision.question
        )


def is_real_reply(readings: Sequence[Reading], status: str, compiled: Compiled) -> bool:
    """A reply after which blank fields are gaps (not a refusal, not only an acknowledgement)."""
    expected_blank = {compiled.codebook.outcome.value(role) for role in NO_ANSWERS_EXPECTED}
    return any(r.kind == "reply" for r in readings) and status not in expected_blank


__all__ = ["FieldSpec", "clear_refused", "fill_not_held", "is_real_reply", "outcome"]
