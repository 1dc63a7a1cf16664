"""Files in the replies folder that are not replies: a coding sheet saved among them.

A researcher's own coding (gold.csv, a second coder's sheet, an export of codes.csv) has the
codebook's field names as its header. Read as a reply, its cells would code the trust it
happens to name; it is skipped instead, and documents.csv says why.
"""

from __future__ import annotations

from collections.abc import Iterable

from foi_audit.records import SHEET_FORMATS, Document

_HEADER_ROWS = 3  # a title row or two may stand above the header
_TRUST_COLUMNS = frozenset({"trust_code", "trust", "trust code", "ods_code", "code"})


def coding_sheet_header(document: Document, fields: Iterable[str]) -> tuple[str, ...]:
    """The codebook fields a spreadsheet's header names, when it is a coding sheet: a trust
    column and at least two fields (else empty: a reply's own table)."""
    if document.format not in SHEET_FORMATS:
        return ()
    wanted = {f.casefold() for f in fields}
    rows_seen: dict[str, int] = {}  # per sheet: only its first rows can be a header
    for block in document.blocks:
        sheet = block.locator.split("!", 1)[0] if "!" in block.locator else ""
        rows_seen[sheet] = rows_seen.get(sheet, 0) + 1
        if rows_seen[sheet] > _HEADER_ROWS:
            continue
        cells = [c.strip().casefold() for c in block.text.split(" | ")]
        named = tuple(c for c in cells if c in wanted)
        if len(named) >= 2 and _TRUST_COLUMNS & set(cells):
            return named
    return ()
