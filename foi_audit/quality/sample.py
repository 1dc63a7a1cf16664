"""A reproducible, blind double-coding sample as an XLSX coding sheet for a second coder.

Blind: the sheet names the trust and its reply files, never the tool's values or quotes.
Reproducible: trusts are sorted before a seeded ``random.Random`` draws from them, and the
file's bytes do not depend on the time it was written. ``foi-audit agreement`` reads the
sheet back.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from foi_audit.coding.codebook import Codebook, FieldKind
from foi_audit.dataset.codes import NO_REPLY_RULE, read_codes
from foi_audit.dataset.documents import read_documents
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.fileio import atomic_write_bytes, neutralise_cell
from foi_audit.records import FileStatus
from foi_audit.register.trusts import Register
from foi_audit.wording import count

CODING_SHEET = "coding"
ID_COLUMNS = ("trust_code", "trust_name", "documents")
NOTES_COLUMN = "notes"
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class SampleTrust:
    code: str
    name: str
    documents: tuple[str, ...]  # reply files the second coder reads


def eligible_trusts(layout: Layout, register: Register | None) -> list[SampleTrust]:
    """Trusts that sent something to code (asked-but-silent trusts have nothing to read)."""
    replied = sorted({c.trust_code for c in read_codes(layout) if c.rule != NO_REPLY_RULE})
    files: dict[str, list[str]] = {}
    for document in read_documents(layout):
        if document.status == FileStatus.OK and document.trust_code:
            files.setdefault(document.trust_code, []).append(document.path)
    trusts = []
    for code in replied:
        trust = register.get(code) if register is not None else None
        trusts.append(
            SampleTrust(code, trust.name if trust else "", tuple(sorted(files.get(code, []))))
        )
    return trusts


def draw_sample(trusts: Sequence[SampleTrust], n: int, seed: int) -> list[SampleTrust]:
    """``n`` trusts (all of them when there are fewer), the same for the same seed and input."""
    if n < 1:
        raise InputError(f"--n must be at least 1 (got {n})")
    pool = sorted(trusts, key=lambda t: t.code)
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    return sorted(chosen, key=lambda t: t.code)


def coding_sheet_bytes(sample: Sequence[SampleTrust], codebook: Codebook, seed: int) -> bytes:
    """The XLSX: a coding sheet with drop-downs, instructions with field definitions."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = CODING_SHEET
    lists = book.create_sheet("lists")
    lists.sheet_state = "hidden"
    instructions = book.create_sheet("instructions")

    header = [*ID_COLUMNS, *codebook.field_names, NOTES_COLUMN]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for trust in sample:
        # File names come from outside: a leading '=' must not become a formula.
        row = [neutralise_cell(v) for v in (trust.code, trust.name, "\n".join(trust.documents))]
        sheet.append(row + [None] * (len(codebook.fields) + 1))
    last_row = max(2, len(sample) + 1)
    sheet.freeze_panes = "D2"
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 40
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    list_column = 0
    for offset, spec in enumerate(codebook.fields):
        column = get_column_letter(len(ID_COLUMNS) + offset + 1)
        sheet.column_dimensions[column].width = max(14, len(spec.name) + 2)
        if spec.kind is FieldKind.TEXT:
            continue
        list_column += 1
        letter = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=spec.name)
        for index, value in enumerate(spec.values, start=2):
            lists.cell(row=index, column=list_column, value=value)
        source = f"{quote_sheetname('lists')}!${letter}$2:${letter}${len(spec.values) + 1}"
        if spec.kind is FieldKind.MULTI:
            # A drop-down holds one value; several are typed ';'-joined, so no list check here.
            rule = DataValidation(allow_blank=True)
            rule.promptTitle = spec.name[:32]
            rule.prompt = ("One or more of: " + ", ".join(spec.values) + "; join with ;")[:255]
            rule.showInputMessage = True
        else:
            rule = DataValidation(type="list", formula1=source, allow_blank=True)
            rule.error = f"Choose one of the allowed values of {spec.name}, or leave it blank."
            rule.errorTitle = "Not an allowed value"
            rule.showErrorMessage = True
        sheet.add_data_validation(rule)
        rule.add(f"{column}2:{column}{last_row}")

    instructions.column_dimensions["A"].width = 22
    instructions.column_dimensions["B"].width = 90
    for line in _instructions(codebook, seed, len(sample)):
        instructions.append(list(line))
        if len(line) == 1 or line[0].isupper():
            instructions.cell(row=instructions.max_row, column=1).font = Font(bold=True)
    for row in instructions.iter_rows(min_col=2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    return _fixed_time_zip(book)


def _instructions(codebook: Codebook, seed: int, size: int) -> list[tuple[str, ...]]:
    lines: list[tuple[str, ...]] = [
        ("HOW TO CODE",),
        ("1", "Read every file listed in the documents column for the trust (the replies)."),
        ("2", "Code each field from what the replies say, using the definitions below."),
        ("3", "Leave a cell blank when the replies give no information: never guess."),
        ("4", "Pick values from the drop-down; several values are typed joined by ';'."),
        ("5", "Do not look at the tool's output for these trusts until you have finished."),
        ("6", "Return the file: `foi-audit agreement THIS.xlsx data/processed/trusts.csv`."),
        ("",),
        ("SAMPLE", f"{count(size, 'trust')} drawn with seed {seed} from codebook {codebook.name}."),
        ("",),
        ("FIELDS", "definition, allowed values"),
    ]
    for spec in codebook.fields:
        values = (
            "free text, as written"
            if spec.kind is FieldKind.TEXT
            else "; ".join(
                f"{v} = {spec.value_label(v)}" if spec.value_label(v) != v.replace("_", " ") else v
                for v in spec.values
            )
        )
        condition = (
            f" Only when {spec.applies_when[0]} = {spec.applies_when[1]}; otherwise blank."
            if spec.applies_when
            else ""
        )
        kind = " Several values allowed, joined by ';'." if spec.kind is FieldKind.MULTI else ""
        lines.append(
            (spec.name, f"{spec.label}. {spec.definition}{condition}{kind} Values: {values}")
        )
    return lines


def _fixed_time_zip(book: Any) -> bytes:
    """Save, then rewrite the archive with fixed timestamps so equal sheets are equal bytes."""
    moment = datetime(*_FIXED_TIME)
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.creator = "foi-audit"
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _pin_core_dates(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)
    return out.getvalue()


def _pin_core_dates(data: bytes) -> bytes:
    """openpyxl stamps the save time into docProps/core.xml; pin it to the fixed moment."""
    return re.sub(
        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
        rb"\g<1>2000-01-01T00:00:00Z\g<2>",
        data,
    )


def make_sample(
    layout: Layout,
    codebook: Codebook,
    register: Register | None,
    n: int,
    seed: int,
    out: Path,
    force: bool = False,
) -> list[SampleTrust]:
    """Draw the sample and write the coding sheet; refuses to replace ``out`` unless ``force``."""
    if out.exists() and not force:
        raise InputError(f"{out} already exists: choose another --out or pass --force")
    if out.suffix.lower() != ".xlsx":
        raise InputError(f"{out}: the coding sheet is an Excel file; name it *.xlsx")
    trusts = eligible_trusts(layout, register)
    if not trusts:
        raise InputError(f"no coded trusts with replies in {layout.codes_csv}: run ingest first")
    sample = draw_sample(trusts, n, seed)
    atomic_write_bytes(out, coding_sheet_bytes(sample, codebook, seed))
    return sample
