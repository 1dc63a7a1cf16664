"""Messages a later one withdraws by their date: "Please disregard our email of 25 November,
which was sent to you in error" (another request's reply sent by mistake), "We withdraw our
refusal notice of 8 November" (a refusal the trust no longer relies on)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.records import Reading
from foi_audit.coding.text import matches_any, written_on
from foi_audit.datetext import day_and_month
from foi_audit.records import Document


def withdrawn_marked(
    readings: list[Reading], compiled: Compiled, keep: Callable[[Reading], bool]
) -> list[Reading]:
    """The messages another withdraws by naming the day they were sent, read as withdrawn
    (no reply: their exemptions are not this reply's) when they answer none of our questions
    and ``keep`` (a refusal of the request) does not hold. A withdrawal naming no day, or a
    day no message was sent on, marks nothing (which message it means is not told)."""
    named: list[tuple[str, tuple[int, int], bool]] = []
    for reading in readings:
        for sentence in reading.general[:12]:
            # "our email of 25 November" (a year is seldom given)
            day = day_and_month(sentence.text)
            if day and matches_any(compiled.doc.earlier_withdrawn, sentence.text):
                # ("We withdraw our refusal notice of 8 November": the refusal itself goes)
                refusal = bool(_REFUSAL.search(sentence.text))
                named.append((reading.document.path, day, refusal))
    if not named:
        return readings

    def withdrawn(reading: Reading) -> bool:
        if any(reading.answers.values()):
            return False
        sent = _sent_on(reading.document)
        document = reading.document
        return any(
            sent == day and path not in (document.path, document.parent)
            and (refusal or not keep(reading))
            for path, day, refusal in named
        )  # fmt: skip

    return [replace(r, kind="withdrawn") if withdrawn(r) else r for r in readings]


def _sent_on(document: Document) -> tuple[int, int] | None:
    when = written_on(document)
    return (when.day, when.month) if when else None


_REFUSAL = re.compile(r"\brefusal\b", re.IGNORECASE)
