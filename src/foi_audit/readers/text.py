"""Plain text and CSV (saved disclosure-log pages, exports)."""

from __future__ import annotations

import csv
import io

from foi_audit.model import Block, Extraction


def decode_text(data: bytes) -> str:
    """UTF-8 when it is, else the most likely encoding; undecodable bytes become U+FFFD."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        encoding = best.encoding if best else "cp1252"
        return data.decode(encoding, errors="replace")


def read_txt(data: bytes, name: str) -> Extraction:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for number, paragraph in enumerate((p.strip() for p in text.split("\n\n")), start=1):
        if paragraph:
            blocks.append(Block(paragraph, f"paragraph {number}"))
    return Extraction(format="txt", blocks=tuple(blocks), units=1)


def read_csv(data: bytes, name: str) -> Extraction:
    text = decode_text(data)
    blocks = []
    rows = list(csv.reader(io.StringIO(text)))
    for r, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if any(cells):
            blocks.append(Block(" | ".join(c for c in cells if c), f"row {r}"))
    return Extraction(format="csv", blocks=tuple(blocks), units=1)
