"""Stage 5, evidence: one value per field from the trust's several replies, and where its quote stands."""

from __future__ import annotations

from collections.abc import Sequence

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.records import Decision, Reading
from foi_audit.coding.text import matches_any, trim
from foi_audit.records import (
    FlagReason,
)


def attachment_evidence(
    readings: Sequence[Reading], values: dict[str, Decision],
    sources: dict[str, Reading | None], compiled: Compiled,
) -> None:  # fmt: skip
    """A reply silent on a question that attaches a document titled as the thing asked for
    (a "Sexual Safety Policy v2.docx") gives that value, flagged: the title is the evidence."""
    evidence = compiled.codebook.document.attachment_evidence
    name, value = evidence if evidence else ("", "")
    titles = compiled.doc.attachment_title
    if not name or name not in values or values[name].value or not titles:
        return
    for reading in readings:
        if any(reading.answers.values()) and reading.kind == "reply":
            continue
        title = reading.document.path.rsplit(" > ", 1)[-1]
        first = reading.general[0].text if reading.general else ""
        for text in (title, first):
            if matches_any(titles, text):
                values[name] = Decision(
                    value,
                    "attachment_title",
                    trim(text),
                    reading.document.path,
                    0.6,
                    (FlagReason.ATTACHMENT_TITLE_ONLY,),
                )
                sources[name] = reading
                return
