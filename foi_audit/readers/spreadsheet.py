"""Spreadsheets: XLSX with openpyxl (merged cells known), XLS and ODS with python-calamine.

Every sheet is read; one block per non-empty row, cells joined by `` | `` (empty cells between
and before them kept, so each stays in its column) and located by the range its filled cells
span (``Sheet2!A4:C4``). A merged cell's value is stated once, in its top-left cell.
Single-cell rows above the first row with two or more cells are title rows (role TITLE); the
table rows get role TABLE; lines below the table are body text.
openpyxl parses XML through defusedxml when it is installed (it is a dependency), so hostile
entities are refused.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from foi_audit.errors import CorruptFile, EmptyFile, EncryptedFile
from foi_audit.readers._zip import open_zip
from foi_audit.readers.fills import keyed_by_colour, read_fills, solid_fills
from foi_audit.records import Block, BlockRole, Extraction

MAX_CELLS = 2_000_000  # a reply never has this many; a generated monster sheet is cut short


def read_xlsx(data: bytes, name: str) -> Extraction:
    import openpyxl

    open_zip(data, "Excel").close()
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken packages
        raise CorruptFile(
            f"damaged Excel file ({type(exc).__name__}): ask the trust to send it again"
        ) from None
    blocks: list[Block] = []
    warnings: list[str] = []
    try:
        for sheet in _sheets_sent(workbook.worksheets):
            grid = _openpyxl_grid(sheet, warnings)
            if keyed_by_colour(grid):  # "Key: Green = Yes": answers given by a cell's fill
                grid = read_fills(grid, solid_fills(sheet))
            blocks.extend(sheet_blocks(sheet.title, grid))
        count = len(workbook.worksheets)
    finally:
        workbook.close()
    return Extraction(format="xlsx", blocks=tuple(blocks), units=count, warnings=tuple(warnings))


# A sheet titled as a draft of the reply ("Draft", "Draft - do not send", "Response (draft)"),
# not the version sent ("final draft") nor a sheet about a draft document ("Draft policy")
_DRAFT_TITLE = re.compile(
    r"^(?!.*\b(?:final|approved|issued|sent)\b)"
    r"(?:\W*draft\b(?!\s+(?:polic|procedure|strateg|guidance|document))|.*\bdraft\W*$)",
    re.IGNORECASE,
)
# ... or as an earlier reply kept beside this one ("OLD - FOI 23-0441", "Superseded",
# "Previous response"; not "Previous 3 years" of figures)
_EARLIER_TITLE = re.compile(
    r"^(?!.*\b(?:current|latest)\b)\W*(?:old|superseded|archived?|previous|prior)\b\W*"
    r"(?:(?:foi|responses?|repl(?:y|ies)|requests?)\b|\d{2,4}[-/]\d{2,5}|$)",
    re.IGNORECASE,
)


def _sheets_sent(sheets: list[Any]) -> list[Any]:
    """The sheets a reader of the file sees: not hidden ones, nor a sheet titled as a draft
    beside another that holds at least as much (the final answers, not a cover sheet)."""
    shown = [s for s in sheets if s.sheet_state == "visible"]
    # (not an earlier reply the answers point at: "Unchanged from our previous response (tab 2)")
    drafts = [
        s
        for s in shown
        if _DRAFT_TITLE.search(s.title)
        or (_EARLIER_TITLE.search(s.title) and not _pointed_at(s, shown))
    ]
    if not drafts:
        return shown
    others = [s for s in shown if s not in drafts]
    most = max((_filled(s) for s in others), default=0)
    return [s for s in shown if s not in drafts or _filled(s) > most]


def _pointed_at(sheet: Any, sheets: list[Any]) -> bool:
    """Whether another sheet refers to this one: by its title, or as the previous response."""
    said = " ".join(
        str(v).lower() for s in sheets if s is not sheet for row in s.iter_rows(values_only=True)
        for v in row if isinstance(v, str)
    )  # fmt: skip
    title = re.escape(sheet.title.lower())
    return bool(re.search(rf"(?<!\w){title}(?!\w)|\bprevious (?:response|reply)\b|\btab \d", said))


def _filled(sheet: Any) -> int:
    return sum(1 for row in sheet.iter_rows(values_only=True) for v in row if v not in (None, ""))


def _openpyxl_grid(sheet: Any, warnings: list[str]) -> list[list[str]]:
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if (row, col) != (merged.min_row, merged.min_col):
                    covered.add((row, col))
    # hidden rows and columns (a superseded answer kept out of sight) are not what was sent
    from openpyxl.utils import column_index_from_string

    # (not rows or columns folded into an outline group, nor rows an AutoFilter hides: those
    # were sent, a click away)
    filtered = bool(sheet.auto_filter.ref)
    hidden_rows = {
        r for r, d in sheet.row_dimensions.items() if d.hidden and not d.outlineLevel
    } if not filtered else set()  # fmt: skip
    hidden_columns: set[int] = set()
    for letter, d in sheet.column_dimensions.items():
        if d.hidden and not d.outlineLevel:  # (one entry may stand for columns min to max)
            first = column_index_from_string(letter)
            hidden_columns.update(range(d.min or first, (d.max or first) + 1))
    grid: list[list[str]] = []
    cells = 0
    for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells += len(row)
        if cells > MAX_CELLS:
            warnings.append(f"sheet {sheet.title!r} cut at row {r}: over {MAX_CELLS} cells")
            break
        if r in hidden_rows:
            continue
        grid.append(
            [
                "" if (r, c) in covered else cell_text(v)
                for c, v in enumerate(row, start=1)
                if c not in hidden_columns
            ]
        )
    return grid


def read_other(data: bytes, name: str) -> Extraction:
    """XLS and ODS through calamine (a Rust reader: fast and memory-safe)."""
    from python_calamine import CalamineWorkbook

    is_ods = data[:2] == b"PK"
    if is_ods:
        open_zip(data, "spreadsheet").close()
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:
        message = str(exc).lower()
        if "password" in message or "encrypt" in message:
            raise EncryptedFile(
                "the spreadsheet is password-protected: ask the trust for an unprotected copy"
            ) from None
        raise CorruptFile(
            f"damaged spreadsheet ({type(exc).__name__}): ask the trust to send it again or as XLSX"
        ) from None
    blocks: list[Block] = []
    warnings: list[str] = []
    names = list(workbook.sheet_names)
    for sheet_name in names:
        try:
            rows = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        except Exception as exc:
            warnings.append(f"sheet {sheet_name!r} could not be read ({type(exc).__name__})")
            continue
        grid = [[cell_text(v) for v in row] for row in rows[: MAX_CELLS // 50]]
        blocks.extend(sheet_blocks(sheet_name, grid))
    if not names:
        raise EmptyFile("the spreadsheet has no sheets: check it by hand")
    fmt = "ods" if is_ods else "xls"
    return Extraction(format=fmt, blocks=tuple(blocks), units=len(names), warnings=tuple(warnings))


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_ref(sheet: str) -> str:
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def sheet_blocks(sheet: str, grid: list[list[str]]) -> list[Block]:
    """One block per non-empty row; title rows above the first multi-cell row."""
    ref = sheet_ref(sheet)
    blocks: list[Block] = []
    header_seen = False
    table_ended = False
    # A sheet of single cells (a cover sheet): its first lines are the title, the rest body.
    has_table = any(sum(1 for v in row if v) >= 2 for row in grid)
    # The table's first column: a row's cells are written from there, empty ones included, so
    # that each cell stays under its header ("Q1 | Q1 link | Q2" over "No |  | Yes").
    table_first = min(
        (
            next(c for c, v in enumerate(row, start=1) if v)
            for row in grid
            if sum(map(bool, row)) >= 2
        ),
        default=1,
    )
    for r, row in enumerate(grid, start=1):
        filled = [(c, v) for c, v in enumerate(row, start=1) if v]
        if not filled:
            if header_seen or (blocks and not has_table):
                table_ended = True
            continue
        if not has_table and table_ended:
            header_seen = True
        first, last = filled[0][0], filled[-1][0]
        locator = f"{ref}!{column_letter(first)}{r}"
        if last != first:
            locator += f":{column_letter(last)}{r}"
        # a lone cell inside a table keeps its column too ("Chief Nurse - Jo Bell" under the
        # answer above it); one in the first column is a band across the table or a title
        in_table = header_seen and not table_ended
        text = (
            " | ".join(row[min(first, table_first) - 1 : last])
            if len(filled) >= 2 or in_table and first > table_first
            else filled[0][1]
        )
        if len(filled) >= 2:
            header_seen, table_ended = True, False
            role = BlockRole.TABLE
        elif not header_seen:
            role = BlockRole.TITLE
        else:
            role = BlockRole.BODY if table_ended else BlockRole.TABLE
        blocks.append(Block(text, locator, role))
    return blocks
