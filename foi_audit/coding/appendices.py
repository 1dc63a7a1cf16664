"""Stage 3a, appendices: an attached sheet of answers that an answer points at ("Yes - details
in Appendix 1", "please refer to the attached table") is part of the reply, not a document set
aside like an attached policy."""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.records import Reading
from foi_audit.coding.text import matches_any
from foi_audit.records import BlockRole, Document

_APPENDIX_NAME = re.compile(r"\b(?:appendix|annex|attachment|schedule|table)\b", re.IGNORECASE)
# a document of its own: a policy, procedure or leaflet ("Version 3.1", "Approved by ...")
_OWN_DOCUMENT = re.compile(
    r"\b(?:polic(?:y|ies)|procedure|guidance|leaflet|version\s*\d|approved by|review date)\b",
    re.IGNORECASE,
)


def pointed_appendices(readings: Sequence[Reading], compiled: Compiled) -> set[str]:
    """The paths of attachments set aside that are the appendix an answer beside them points
    at: named as one ("Appendix 1.xlsx", "Annex - table"), and a sheet of answers."""
    pointing = {
        r.document.parent or r.document.path
        for r in readings
        if any(
            matches_any(compiled.doc.answers_attached, s.text)
            for s in [*r.general, *(s for said in r.answers.values() for s in said)]
        )
    }
    return {
        r.document.path
        for r in readings
        if r.kind == "supporting"
        and r.document.parent in pointing
        and _APPENDIX_NAME.search(_name(r.document))
        and _answer_sheet(r.document)
    }


def _name(document: Document) -> str:
    return document.path.rsplit(">", 1)[-1]


def _answer_sheet(document: Document) -> bool:
    """Whether an attachment reads as a sheet of answers: mostly table rows, and not a
    policy or leaflet by its name or its opening."""
    rows = sum(b.role is BlockRole.TABLE for b in document.blocks)
    opening = " ".join([_name(document), *(b.text for b in document.blocks[:2])])
    return 2 * rows >= len(document.blocks) > 0 and not _OWN_DOCUMENT.search(opening)
