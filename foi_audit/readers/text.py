"""Plain text and CSV (saved disclosure-log pages, exports)."""

from __future__ import annotations

import csv
import io
import re

from foi_audit.records import Block, Extraction

PLAUSIBLE = {"utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32"}


def decode_text(data: bytes) -> str:
    """UTF-8 (or UTF-16 with a BOM) when it is; else Windows-1252, the usual legacy encoding of
    English office files (bytes it does not define replaced), unless charset-normalizer finds
    UTF-16 without a BOM.
    Undecodable bytes become U+FFFD: never an exception."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # guesses on a few bytes are unreliable (cp1252 quotes read as Mac or DOS letters): only
    # a Unicode encoding without a BOM is believed, else cp1252 with the odd bytes replaced
    encoding = best.encoding if best else "cp1252"
    if encoding not in PLAUSIBLE:
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


# A short heading on a line of its own after a blank line, underlined ("Response" over
# "--------"); not a log entry's last line over the rule that separates it from the next
_UNDERLINED = re.compile(
    r"(?:\A|(?<=\n\n))([^\n]{0,58}\w[^\n.]?)\n[ \t]*[=\-~_]{3,}[ \t]*(?:\n|\Z)"
)


def read_txt(data: bytes, name: str) -> Extraction:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    # a heading underlined ("Response" over "--------") is a paragraph of its own
    text = _UNDERLINED.sub(lambda m: m.group(1) + "\n\n", text)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    blocks = [Block(p, f"paragraph {n}") for n, p in enumerate(paragraphs, start=1)]
    return Extraction(format="txt", blocks=tuple(blocks), units=1)


def csv_rows(text: str) -> list[str] | None:
    """A spreadsheet pasted into a message as comma-separated text ("Ref,Question,Answer" over
    '1,"Does the Trust ...?","Yes, ..."'): its rows with their cells set apart as a table's
    ("1 | Does the Trust ...? | Yes, ..."); None when the lines are not such a table (a header
    and two rows or more, every row of the header's three cells or more)."""
    lines = text.split("\n")
    if len(lines) < 3 or "," not in lines[0]:
        return None
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:  # (a field over the csv module's size limit: prose, not a table)
        return None
    width = len(rows[0])
    if width < 3 or any(len(row) != width for row in rows) or len(rows) != len(lines):
        return None
    if any(len(cell) > 40 or not cell.strip() for cell in rows[0]):
        return None  # a header's cells are short names of its columns
    return [" | ".join(cell.strip() for cell in row) for row in rows]


def read_csv(data: bytes, name: str) -> Extraction:
    text = decode_text(data)
    blocks: list[Block] = []
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    # empty cells before the last filled one are kept (from the table's first column), so
    # each answer stays under its header
    filled = [[i for i, c in enumerate(row) if c] for row in rows]
    first = min((f[0] for f in filled if len(f) >= 2), default=0)
    for r, (cells, where) in enumerate(zip(rows, filled, strict=True), start=1):
        if len(where) == 1 and (where[0] <= first or not blocks):
            blocks.append(Block(cells[where[0]], f"row {r}"))  # a title, or a band in column 1
        elif where:
            blocks.append(
                Block(" | ".join(cells[min(first, where[0]) : where[-1] + 1]), f"row {r}")
            )
    return Extraction(format="csv", blocks=tuple(blocks), units=1)
