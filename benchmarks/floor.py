#!/usr/bin/env python3
"""The floor: read the raw text of every file under DIR with the fastest readers alone.

    python benchmarks/floor.py DIR [--json]

One process, no matching, no coding, no writing: pypdfium2 for PDF, python-calamine for
spreadsheets, python-docx for Word, the standard library's email parser for mail (attachments
read with the same readers), plain decoding for text. This is what an ingest could not beat
without giving up on reading; ``run.py`` divides the ingest time by it. Scanned pages are not
OCR'd here (they have no text layer): ``pages_without_text`` counts them.

Skips hidden files and folders, as ingest does.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import io
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath


@dataclass
class Tally:
    files: int = 0
    documents: int = 0
    pages: int = 0
    pages_without_text: int = 0
    chars: int = 0
    errors: list[str] = field(default_factory=list)
    by_format: dict[str, int] = field(default_factory=dict)


def read_pdf(data: bytes, tally: Tally) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        parts = []
        for page in document:
            text = page.get_textpage().get_text_range()
            tally.pages += 1
            if not text.strip():
                tally.pages_without_text += 1
            parts.append(text)
        return "\n".join(parts)
    finally:
        document.close()


def read_spreadsheet(data: bytes, tally: Tally) -> str:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    parts: list[str] = []
    for name in workbook.sheet_names:
        tally.pages += 1  # a sheet counts as a page, as ingest counts units
        rows = workbook.get_sheet_by_name(name).to_python()
        parts.extend(" ".join(str(cell) for cell in row if cell != "") for row in rows)
    return "\n".join(parts)


def read_docx(data: bytes, tally: Tally) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    tally.pages += 1
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def read_email(data: bytes, tally: Tally) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    tally.pages += 1
    parts = [f"{key}: {message.get(key, '')}" for key in ("From", "To", "Subject", "Date")]
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                parts.append(read_bytes(payload, filename, tally))
        elif part.get_content_maintype() == "text":
            parts.append(str(part.get_content()))
    return "\n".join(parts)


def read_text(data: bytes, tally: Tally) -> str:
    tally.pages += 1
    return data.decode("utf-8", errors="replace")


READERS = {
    ".pdf": read_pdf,
    ".xlsx": read_spreadsheet,
    ".xlsm": read_spreadsheet,
    ".xls": read_spreadsheet,
    ".ods": read_spreadsheet,
    ".docx": read_docx,
    ".eml": read_email,
    ".txt": read_text,
    ".csv": read_text,
    ".html": read_text,
    ".htm": read_text,
}


def read_bytes(data: bytes, name: str, tally: Tally) -> str:
    suffix = PurePath(name).suffix.lower()
    reader = READERS.get(suffix)
    tally.documents += 1
    tally.by_format[suffix] = tally.by_format.get(suffix, 0) + 1
    if reader is None:
        return ""
    try:
        text = reader(data, tally)
    except Exception as exc:  # the floor counts what it cannot read; it does not stop
        tally.errors.append(f"{name}: {type(exc).__name__}: {exc}")
        return ""
    tally.chars += len(text)
    return text


def floor(root: Path) -> Tally:
    tally = Tally()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(p.startswith(".") for p in path.relative_to(root).parts):
            continue
        tally.files += 1
        read_bytes(path.read_bytes(), path.name, tally)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", action="store_true", help="print the tally as JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tally = floor(args.folder)
    seconds = time.perf_counter() - started
    result = {**tally.__dict__, "seconds_in_process": round(seconds, 4)}
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{tally.files} files, {tally.documents} documents, {tally.pages} pages "
            f"({tally.pages_without_text} without text), {tally.chars} chars in {seconds:.2f} s; "
            f"{len(tally.errors)} errors"
        )
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
