"""PDF letters: fast text per page (pypdfium2), tables per row (pdfplumber), OCR for scans.

Each page is read with pypdfium2's text rectangles, grouped into lines and paragraphs by
position. Pages with ruling lines are also given to pdfplumber: a table found there becomes one
block per row (cells joined by `` | ``) so a wrapped question never interleaves with its answer,
and the text around it stays as paragraphs. Pages with no text layer but an image are OCR'd
with Tesseract (see :mod:`foi_audit.readers.ocr`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from foi_audit.errors import CorruptFile, EmptyFile, EncryptedFile
from foi_audit.model import Block, BlockRole, Extraction

LETTERHEAD_FRACTION = 0.22  # top of page 1 that counts as letterhead
FOOTER_FRACTION = 0.07  # bottom of every page that counts as footer
MIN_TEXT_CHARS = 25  # fewer characters than this on a page with a big image: a scan
MIN_IMAGE_COVER = 0.3  # share of the page an image must cover to call the page a scan
MIN_RULES_FOR_TABLE = 2  # path objects needed before pdfplumber looks for a table


@dataclass(frozen=True)
class _Line:
    top: float  # distance from the top of the page, in points (y grows downwards)
    bottom: float
    left: float
    text: str
    words: tuple[Word, ...] = ()  # the text rectangles, for finding column gutters


@dataclass(frozen=True)
class _Piece:
    """A paragraph or a table row, placed on the page, before roles are decided."""

    top: float
    bottom: float
    text: str
    locator: str
    is_table: bool = False


def read(data: bytes, name: str) -> Extraction:
    import pypdfium2 as pdfium

    doc = _open(data, pdfium)
    warnings: list[str] = []
    blocks: list[Block] = []
    ocr_used = False
    plumber: Any = None
    try:
        page_count = len(doc)
        if page_count == 0:
            raise CorruptFile("the PDF has no pages (damaged?): ask the trust to send it again")
        for index in range(page_count):
            number = index + 1
            try:
                page = doc[index]
            except pdfium.PdfiumError as exc:
                warnings.append(f"page {number} could not be read ({exc})")
                continue
            width, height = page.get_size()
            textpage = page.get_textpage()
            lines = _text_lines(textpage, height)
            char_count = sum(len(line.text.strip()) for line in lines)
            if char_count < MIN_TEXT_CHARS and _image_cover(page, width, height) >= MIN_IMAGE_COVER:
                from foi_audit.readers.ocr import ocr_page

                blocks.extend(ocr_page(page, number, first_page=index == 0))
                ocr_used = True
                continue
            pieces: list[_Piece] = []
            if _rule_count(page) >= MIN_RULES_FOR_TABLE:
                if plumber is None:
                    plumber = _open_plumber(data)
                if plumber is not None:
                    table_pieces, boxes = _tables(plumber, index, number)
                    if table_pieces:
                        pieces.extend(table_pieces)
                        lines = [line for line in lines if not _inside(line, boxes)]
            tables_so_far = len({p.locator.split(" row ")[0] for p in pieces})
            gutter_pieces, lines = _gutter_pieces(lines, number, tables_so_far)
            pieces.extend(gutter_pieces)
            pieces.extend(_paragraphs(lines, number))
            pieces.sort(key=lambda p: (p.top, p.bottom))
            blocks.extend(_with_roles(pieces, height, first_page=index == 0))
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()
    if not blocks and not warnings:
        raise EmptyFile("the PDF has no text and no scanned pages: check it by hand")
    return Extraction(
        format="pdf",
        blocks=tuple(blocks),
        units=page_count,
        ocr=ocr_used,
        warnings=tuple(warnings),
    )


def _open(data: bytes, pdfium: Any) -> Any:
    # pdfium tries the empty user password itself; a real password fails with a password error.
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise EncryptedFile(
                "the PDF is password-protected: ask the trust for an unprotected copy"
            ) from None
        raise CorruptFile(
            "the PDF is damaged or truncated: ask the trust to send it again"
        ) from None


def _open_plumber(data: bytes) -> Any:
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception:  # pdfminer is stricter than pdfium: fall back to plain text
        return None


def _text_lines(textpage: Any, height: float) -> list[_Line]:
    """Text rectangles grouped into lines, top to bottom, left to right."""
    rects = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top)
        text = text.replace("\r", " ").replace("\n", " ").replace("\x02", "").strip()
        if text:
            rects.append((height - top, height - bottom, left, right, text))
    rects.sort(key=lambda r: (round(r[0] + r[1]), r[2]))
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for rect in rects:
        middle = (rect[0] + rect[1]) / 2
        for line in lines:
            line_top = min(r[0] for r in line)
            line_bottom = max(r[1] for r in line)
            if line_top <= middle <= line_bottom:
                line.append(rect)
                break
        else:
            lines.append([rect])
    result = []
    for line in lines:
        line.sort(key=lambda r: r[2])
        parts: list[str] = []
        previous_right: float | None = None
        for top, bottom, left, right, text in line:
            size = max(bottom - top, 1.0)
            if previous_right is not None:
                # a wide gap (tab stop, right-aligned date) is kept visible
                parts.append("   " if left - previous_right > 2 * size else " ")
            parts.append(text)
            previous_right = right
        result.append(
            _Line(
                top=min(r[0] for r in line),
                bottom=max(r[1] for r in line),
                left=min(r[2] for r in line),
                text="".join(parts),
                words=tuple(Word(r[2], r[0], r[3], r[1], r[4]) for r in line),
            )
        )
    result.sort(key=lambda line: line.top)
    return result


def _paragraphs(lines: list[_Line], number: int) -> list[_Piece]:
    """Lines joined into paragraphs where the vertical gap is no bigger than usual."""
    pieces: list[_Piece] = []
    current: list[_Line] = []
    for line in lines:
        if current:
            previous = current[-1]
            gap = line.top - previous.bottom
            size = max(previous.bottom - previous.top, line.bottom - line.top, 1.0)
            if gap > 0.6 * size or gap < -0.5 * size:
                pieces.append(_piece(current, number))
                current = []
        current.append(line)
    if current:
        pieces.append(_piece(current, number))
    return pieces


def _piece(lines: list[_Line], number: int) -> _Piece:
    return _Piece(
        top=lines[0].top,
        bottom=lines[-1].bottom,
        text=join_lines(line.text for line in lines),
        locator=f"page {number}",
    )


_URL_TAIL = re.compile(r"(https?://|www\.)\S*$")


def join_lines(lines: Any) -> str:
    """Wrapped lines back into one string; URLs and hyphenated words broken at a wrap rejoined."""
    text = ""
    for raw in lines:
        line = " ".join(str(raw).split())
        if not line:
            continue
        if not text:
            text = line
        elif (
            text.endswith("-")
            and not text.endswith(" -")
            or _URL_TAIL.search(text)
            and (not line[:1].isupper())
        ):
            text += line
        else:
            text += " " + line
    return text


def _rule_count(page: Any) -> int:
    import pypdfium2.raw as pdfium_c

    count = 0
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        count += 1
        if count >= MIN_RULES_FOR_TABLE:
            break
    return count


def _image_cover(page: Any, width: float, height: float) -> float:
    """Share of the page covered by its largest image (0 when there is none)."""
    import pypdfium2.raw as pdfium_c

    best = 0.0
    area = max(width * height, 1.0)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        best = max(best, (right - left) * (top - bottom) / area)
    return best


def _tables(plumber: Any, index: int, number: int) -> tuple[list[_Piece], list[tuple]]:
    """Ruled tables on a page: one piece per row, and the boxes they cover."""
    try:
        page = plumber.pages[index]
        tables = page.find_tables()
    except Exception:
        return [], []
    pieces: list[_Piece] = []
    boxes = []
    for t_number, table in enumerate(tables, start=1):
        rows = table.rows
        texts = table.extract()
        kept = 0
        for row, cells in zip(rows, texts, strict=False):
            values = [join_lines(str(cell).split("\n")) for cell in cells if cell]
            values = [v for v in values if v]
            if not values:
                continue
            kept += 1
            top, bottom = row.bbox[1], row.bbox[3]
            pieces.append(
                _Piece(
                    top=top,
                    bottom=bottom,
                    text=" | ".join(values),
                    locator=f"page {number} table {t_number} row {kept}",
                    is_table=True,
                )
            )
        if kept:
            boxes.append(table.bbox)
    if sum(1 for _ in boxes) == 0:
        return [], []
    return pieces, boxes


def _gutter_pieces(
    lines: list[_Line], number: int, tables_before: int
) -> tuple[list[_Piece], list[_Line]]:
    """Borderless tables on a text page: row pieces, and the lines left for paragraphs."""
    layout = [TextLine(line.top, line.bottom, line.words) for line in lines]
    pieces: list[_Piece] = []
    used: set[int] = set()
    for t_number, table in enumerate(find_gutter_tables(layout), start=tables_before + 1):
        used.update(range(table.first, table.last + 1))
        for r_number, row in enumerate(table.rows, start=1):
            pieces.append(
                _Piece(
                    top=row.top,
                    bottom=row.bottom,
                    text=row.text,
                    locator=f"page {number} table {t_number} row {r_number}",
                    is_table=True,
                )
            )
    return pieces, [line for index, line in enumerate(lines) if index not in used]


def _inside(line: _Line, boxes: list[tuple]) -> bool:
    middle = (line.top + line.bottom) / 2
    for x0, top, x1, bottom in boxes:
        if top - 1 <= middle <= bottom + 1 and x0 - 2 <= line.left <= x1:
            return True
    return False


def _with_roles(pieces: list[_Piece], height: float, first_page: bool) -> list[Block]:
    blocks = []
    for piece in pieces:
        if piece.is_table:
            role = BlockRole.TABLE
        elif first_page and piece.bottom <= height * LETTERHEAD_FRACTION:
            role = BlockRole.HEADER
        elif piece.top >= height * (1 - FOOTER_FRACTION):
            role = BlockRole.FOOTER
        else:
            role = BlockRole.BODY
        blocks.append(Block(piece.text, piece.locator, role))
    return blocks


# --- Borderless tables: a column gutter shared by consecutive lines ---------------------------
#
# Used for text pages here and for OCR'd words in :mod:`foi_audit.readers.ocr`; coordinates are
# unit-free (points or pixels), y grows downwards.

GUTTER_LINE_HEIGHTS = 1.2  # narrowest gutter, in line heights (about three character widths)
MIN_TABLE_ROWS = 3  # rows with text on both sides of the gutter before a table is believed
MAX_ROW_GAP_LINES = 3.0  # a vertical gap wider than this many line heights ends a table
LABEL_CELL_CHARS = 6  # longest text of a number column ("Q2a", "(iii)")

# An item number or label starting a question: "1.", "2(a)", "Q3", "Question 4:", "(b)", "iv)".
_ITEM_LABEL = re.compile(
    r"^(?:(?:q|question|no\.?)\s*\d{1,3}[a-z]?\b|\d{1,3}(?:\.\d{1,2})?[a-z]?(?:[.):]|\([a-z0-9]+\))"
    r"|\d{1,3}[a-z]?$|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Word:
    left: float
    top: float
    right: float
    bottom: float
    text: str


@dataclass(frozen=True)
class TextLine:
    """Words at one height across the whole page, left to right."""

    top: float
    bottom: float
    words: tuple[Word, ...]


@dataclass(frozen=True)
class TableRow:
    top: float
    bottom: float
    cells: tuple[str, ...]  # empty cells kept, so columns stay aligned

    @property
    def text(self) -> str:
        return " | ".join(cell for cell in self.cells if cell)


@dataclass(frozen=True)
class GutterTable:
    first: int  # index of its first line
    last: int  # index of its last line (inclusive)
    rows: tuple[TableRow, ...]


def looks_like_item(text: str) -> bool:
    """True when a cell starts with an item number or label (``1.``, ``Q2a``, ``(b)``)."""
    return bool(_ITEM_LABEL.match(text.strip()))


def text_lines(words: list[Word]) -> list[TextLine]:
    """Words grouped into visual lines by vertical overlap, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom, w.left)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            if min(w.top for w in line) <= middle <= max(w.bottom for w in line):
                line.append(word)
                break
        else:
            lines.append([word])
    result = [
        TextLine(
            top=min(w.top for w in line),
            bottom=max(w.bottom for w in line),
            words=tuple(sorted(line, key=lambda w: w.left)),
        )
        for line in lines
    ]
    result.sort(key=lambda line: line.top)
    return result


def find_gutter_tables(lines: list[TextLine]) -> list[GutterTable]:
    """Runs of lines split by one shared vertical gutter that read as question/answer tables.

    Conservative on purpose: at least three rows with text on both sides, answers starting at one
    x position, and left cells that are numbered items or questions. Right-aligned address
    blocks, signature pairs and ordinary paragraphs fail at least one of these.
    """
    if not lines:
        return []
    size = _median([line.bottom - line.top for line in lines])
    min_gutter = GUTTER_LINE_HEIGHTS * size
    tables: list[GutterTable] = []
    index = 0
    while index < len(lines):
        best: GutterTable | None = None
        for gap in _inner_gaps(lines[index], min_gutter):
            end, gutter = _grow(lines, index, gap, min_gutter, size)
            table = _as_table(lines, index, end, gutter, size)
            if table and (best is None or len(table.rows) > len(best.rows)):
                best = table
        if best is None:
            index += 1
        else:
            tables.append(best)
            index = best.last + 1
    return tables


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 1.0


def _inner_gaps(line: TextLine, min_gutter: float) -> list[tuple[float, float]]:
    words = line.words
    gaps = []
    reach = words[0].right if words else 0.0
    for word in words[1:]:
        if word.left - reach >= min_gutter:
            gaps.append((reach, word.left))
        reach = max(reach, word.right)
    return gaps


def _grow(
    lines: list[TextLine], start: int, gap: tuple[float, float], min_gutter: float, size: float
) -> tuple[int, tuple[float, float]]:
    """Extend a gutter down the page while no word crosses it; returns (end line, gutter)."""
    low, high = gap
    end = start
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.top - lines[index - 1].bottom > MAX_ROW_GAP_LINES * size:
            break
        new_low, new_high = _widest_free(line, low, high)
        if new_high - new_low < min_gutter:
            break
        low, high, end = new_low, new_high, index
    return end, (low, high)


def _widest_free(line: TextLine, low: float, high: float) -> tuple[float, float]:
    """The widest part of (low, high) that no word of ``line`` covers."""
    best = (low, low)
    start = low
    for word in sorted(line.words, key=lambda w: w.left):
        if word.right <= start or word.left >= high:
            continue
        if word.left - start > best[1] - best[0]:
            best = (start, word.left)
        start = max(start, word.right)
    if high - start > best[1] - best[0]:
        best = (start, high)
    return best


def _as_table(
    lines: list[TextLine], first: int, last: int, gutter: tuple[float, float], size: float
) -> GutterTable | None:
    run = lines[first : last + 1]
    bounds = [gutter]
    left_words = [w for line in run for w in line.words if w.right <= gutter[0]]
    number_gutter = _number_column(run, gutter, size)
    if number_gutter:
        bounds.insert(0, number_gutter)
    rows = split_rows(run, [(lo + hi) / 2 for lo, hi in bounds], size, use_labels=True)
    # a short line just after the table (a sign-off) is not part of it
    while (
        rows and sum(1 for c in rows[-1].cells if c) < 2 and not looks_like_item(rows[-1].cells[0])
    ):
        rows.pop()
    both = [row for row in rows if sum(1 for c in row.cells if c) >= 2]
    if len(both) < MIN_TABLE_ROWS or not left_words:
        return None
    # answers begin at one x position (left-aligned column), unlike a right-aligned block
    starts = [next((w.left for w in line.words if w.left >= gutter[1]), None) for line in run]
    right_starts = [x for x in starts if x is not None]
    anchor = _median(right_starts)
    if sum(1 for x in right_starts if abs(x - anchor) <= 0.6 * size) < 0.7 * len(right_starts):
        return None
    question_column = 1 if number_gutter else 0
    firsts = [row.cells[question_column] for row in both]
    itemised = sum(
        1 for row in both if looks_like_item(row.cells[0]) or "?" in row.cells[question_column]
    )
    if itemised * 2 < len(both) or sum(len(c) for c in firsts) < 15 * len(firsts):
        return None
    last_line = first + _line_count(run, rows[-1]) - 1
    return GutterTable(first=first, last=last_line, rows=tuple(rows))


def _line_count(run: list[TextLine], last_row: TableRow) -> int:
    return sum(1 for line in run if line.top <= last_row.bottom)


def _number_column(
    run: list[TextLine], gutter: tuple[float, float], size: float
) -> tuple[float, float] | None:
    """A narrow column of item numbers left of the question column, if there is one."""
    edge = min((w.left for line in run for w in line.words), default=0.0)
    best: tuple[float, float] | None = None
    for line in run:
        left = [w for w in line.words if w.right <= gutter[0]]
        if len(left) < 2 or len(left[0].text) > LABEL_CELL_CHARS or left[0].left > edge + size:
            continue
        gap = (left[0].right, left[1].left)
        if gap[1] - gap[0] < 0.8 * size:
            continue
        best = gap if best is None else (max(best[0], gap[0]), min(best[1], gap[1]))
        if best[1] <= best[0]:
            return None
    if best is None:
        return None
    for line in run:  # no word may cross the number gutter
        if any(w.left < best[1] and w.right > best[0] for w in line.words):
            return None
    return best


def split_rows(
    lines: list[TextLine], boundaries: list[float], size: float, use_labels: bool
) -> list[TableRow]:
    """Lines cut into columns at ``boundaries`` (x) and gathered into table rows.

    A new row starts at a wider vertical gap than the lines around it, where the first column
    starts again after it had finished, or (``use_labels``) where it starts with an item label.
    """
    rows: list[TableRow] = []
    cells: list[list[str]] = []
    top = bottom = 0.0
    first_ended = False
    previous: TextLine | None = None
    for line in lines:
        parts = [
            [w.text for w in line.words if _column(w, boundaries) == c]
            for c in range(len(boundaries) + 1)
        ]
        texts = [" ".join(p) for p in parts]
        new_row = (
            previous is None
            or line.top - previous.bottom > 0.6 * size
            or (texts[0] and first_ended)
            or (use_labels and bool(texts[0]) and looks_like_item(texts[0]))
        )
        if new_row and previous is not None:
            rows.append(TableRow(top, bottom, tuple(join_lines(c) for c in cells)))
        if new_row:
            cells = [[] for _ in texts]
            top = line.top
            first_ended = False
        for column, text in enumerate(texts):
            if text:
                cells[column].append(text)
        if not texts[0] and cells[0]:
            first_ended = True
        bottom = line.bottom
        previous = line
    if previous is not None:
        rows.append(TableRow(top, bottom, tuple(join_lines(c) for c in cells)))
    return rows


def _column(word: Word, boundaries: list[float]) -> int:
    middle = (word.left + word.right) / 2
    return sum(1 for x in boundaries if middle > x)
