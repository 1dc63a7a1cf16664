"""Stage 7, flags: why a person should look at a value, each reason named.

A value is flagged for what is doubtful about its own evidence only: a hedged reading, a
cross-reference, replies that disagree, OCR text, an answer no rule could read, a question
the reply restates but whose answer was not found, a blank where an answer was expected. A
conditional field is not flagged because the field it depends on is, unless that field is
blank too, or is in doubt between two readings (replies or cues conflict) and its value is
what made this one blank as not applicable: the other reading would have asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from rapidfuzz import fuzz, process

from foi_audit.coding.codebook import ExtractKind, FieldKind
from foi_audit.coding.compiled import Compiled, FieldSpec
from foi_audit.coding.evidence import UNDECIDED, Chosen, applies, blanked
from foi_audit.coding.records import Decision, Reading
from foi_audit.coding.text import matches_any
from foi_audit.records import FlagReason


def flag_reasons(
    spec: FieldSpec,
    decision: Decision,
    chosen: Chosen,
    replies: Sequence[Reading],
    compiled: Compiled,
    real_reply: bool,
    bases: Mapping[str, FlagReason] = MappingProxyType({}),
) -> tuple[Decision, tuple[FlagReason, ...]]:
    """The decision (its rule renamed when a gap was found) and why a person should look.
    ``bases``: fields already flagged that make a blank here doubtful (:func:`base_doubt`)."""
    values = chosen.values
    source = chosen.sources.get(spec.field.name)
    reasons = list(decision.flags)
    if (
        source is not None
        and source.document.ocr
        and _unsure_words(decision, source, spec, compiled)
    ):
        reasons.append(FlagReason.OCR_LOW_CONFIDENCE)
    if decision.had_text and not decision.value and applies(spec, values):
        reasons.append(FlagReason.NO_RULE_MATCHED)
    first = spec.questions[0] if spec.questions else ""
    asked_unanswered = bool(first) and any(
        first in r.asked and not r.answers.get(first) for r in replies
    )
    if (
        real_reply  # (a refused request answers nothing: its blanks are the answer)
        and not decision.value
        and asked_unanswered
        and applies(spec, values)
        and decision.rule == "no_answer"
    ):
        reasons.append(FlagReason.NO_ANSWER_FOUND)
        decision = replace(decision, rule="no_answer_found")
    # Safety net: a blank for a question the reply should answer, that no rule decided is
    # blank ("N/A", "withheld", not applicable), is a gap a person must look at.
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
    condition = spec.field.applies_when
    base = bases.get(condition[0]) if condition and not decision.value else None
    if base is None and not decision.value:
        # blanked by a value read one of two ways ("dasv_lead=none" for a vacant post)
        base = next(
            (
                FlagReason.BASE_IN_DOUBT
                for name, _ in spec.blank_when
                if bases.get(name) is FlagReason.BASE_IN_DOUBT
            ),
            None,
        )
    if base is FlagReason.BASE_UNDECIDED or (
        base is not None and (not applies(spec, values) or blanked(spec, values))
    ):
        # the field it depends on is blank and flagged, or in doubt: this one is unknown too
        reasons.append(base)
    return decision, tuple(dict.fromkeys(reasons))


# A value in doubt between two readings: the other one may make its conditional fields apply
# (a vacant post read as no lead is, to other coders, the post: role_only).
_TWO_READINGS = (FlagReason.REPLIES_CONFLICT, FlagReason.CONFLICTING_CUES, FlagReason.VACANT_POST)


def base_doubt(decision: Decision, reasons: Sequence[FlagReason]) -> FlagReason | None:
    """What a field's flags make of the fields that depend on it: unknown when it is blank and
    flagged; in doubt when its value is flagged as one of two readings."""
    if reasons and not decision.value:
        return FlagReason.BASE_UNDECIDED
    if any(reason in _TWO_READINGS for reason in reasons):
        return FlagReason.BASE_IN_DOUBT
    return None


def _unsure_words(
    decision: Decision, source: Reading, spec: FieldSpec, compiled: Compiled
) -> list[str]:
    """Words of the value's quote that Tesseract read with low confidence, but for small words
    and numbers no value rests on ("the", "2024"); OCR's stray marks inside a value count."""
    if not decision.quote:
        return []
    if spec.field.kind is FieldKind.TEXT and _STRAY_MARK.search(decision.value):
        return [decision.value]  # "Director of Quality, _Governance and ..."
    if spec.field.extract is ExtractKind.JOB_TITLE:
        misread = _near_title_words(decision.value, compiled.people.title_words)
        if misread:
            return misread  # "Director of People and Cuiture": read with confidence, misread
    harmless = set(compiled.codebook.reading.ocr_harmless)
    unsure = {
        word
        for block in source.document.blocks
        if block.unsure and (not decision.locator or block.locator == decision.locator)
        for word in block.unsure
        if not _harmless(word, harmless)
    }
    found = [word for word in decision.quote.split() if word in unsure]
    if not found and len(decision.quote.split()) <= 3 and decision.question:
        # a bare "No." leans on what its answer says next: "No. Sexual harassment is covered
        # by our Digiity at t Work PERRY." may qualify it (two garbled words, not one)
        said = source.answers.get(decision.question, [])
        after = [b.text for a, b in zip(said, said[1:], strict=False) if a.text == decision.quote]
        garbled = [w for w in " ".join(after[:1]).split() if w.strip(".,;:") in unsure]
        found = garbled if len(garbled) >= 2 else []
    return found


_STRAY_MARK = re.compile(r"[_|~¢¥©§]")


def _near_title_words(title: str, title_words: set[str]) -> list[str]:
    """Words of an OCR'd job title one slip away from a title word but not one ("Cuiture")."""
    near = []
    for word in title.split():
        bare = word.strip(".,;:()'’").lower()
        forms = {bare, bare.removesuffix("'s"), bare.removesuffix("’s"), bare.removesuffix("s")}
        if len(bare) < 5 or forms & title_words:
            continue  # ("Children's", "Nurses": a title word's own forms)
        found = process.extractOne(bare, title_words, scorer=fuzz.ratio, score_cutoff=80)
        if found is not None:
            near.append(word)
    return near


def _harmless(word: str, harmless: set[str]) -> bool:
    bare = word.strip(".,;:!?'’\"“”()[]‘")
    return not bare or bare.lower() in harmless or bool(re.fullmatch(r"[\d/.,:-]+", bare))


def silent(spec: FieldSpec, replies: Sequence[Reading], compiled: Compiled) -> bool:
    """A field marked ``silent_blank`` is blank by rule when no reply text touches its
    question (no cue of it anywhere, answers or letter text): "blank when the reply is silent"."""
    if not spec.field.silent_blank or not spec.questions:
        return False
    if any(reading.document.ocr for reading in replies):
        return False  # OCR may have lost the words that would have touched the question
    question = compiled.question(spec.questions[0])
    if question is None:
        return False
    # "... b) Optional c) Yes.": the question's own letter inside its parent's answer
    letter = question.label[-1:] if question.parent and question.label[-1:].isalpha() else ""
    lettered = re.compile(rf"(?:^|\s)\(?{letter}\)\s", re.I) if letter else None
    for reading in replies:
        if spec.questions[0] in reading.asked:
            return False
        texts = [s.text for s in reading.general]
        texts += [s.text for found in reading.answers.values() for s in found]
        if any(matches_any(question.cues, text) for text in texts):
            return False
        parent = reading.answers.get(question.parent, []) if lettered else []
        if lettered and any(lettered.search(s.text) for s in parent):
            return False
    return True


def corrected_after(decision: Decision, reading: Reading, compiled: Compiled) -> Decision:
    """A value read from an answer that goes on to correct itself in words whose reach is
    unclear ("Yes, Mr A, Chief Executive. Sorry, correction to Q4 - ..."; "Apologies, to
    clarify - ..."): a person reads which part stands."""
    found = reading.answers.get(decision.question, [])
    later = [s for s in found if compiled.reading.corrects.search(s.text)]
    if not decision.value or not later or any(decision.quote.startswith(s.text) for s in later):
        return decision
    return replace(decision, flags=(*decision.flags, FlagReason.CONFLICTING_CUES))
