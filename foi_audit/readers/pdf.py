"""PDF letters: fast text per page (pypdfium2), ruled tables per row, OCR for scans.

Each page is read with pypdfium2's text rectangles, grouped into lines and paragraphs by
position. Ruled tables are found from the page's vector paths (the grid rules of pdfplumber,
ported to plain tuples in :func:`foi_audit.readers.layout.find_grid_tables`): a table becomes one
block per row (cells joined by `` | ``) so a wrapped question never interleaves with its answer,
and the text around it stays as paragraphs. Only a page the grid finder is unsure of (rotated,
or text crossing a cell border) is parsed again by pdfplumber, which costs ten times more.
Pages with no text layer but an image are OCR'd with Tesseract (see :mod:`foi_audit.readers.ocr`).
"""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass, replace
from typing import Any

from foi_audit.errors import CorruptFile, EmptyFile, EncryptedFile
from foi_audit.readers import ocr, tesseract
from foi_audit.readers.layout import (
    Cell,
    Edge,
    GridTable,
    Point,
    TextLine,
    Word,
    find_columns,
    find_grid_tables,
    find_gutter_tables,
    join_lines,
    row_bbox,
)
from foi_audit.readers.pdf_runs import drop_struck, split_wide_runs
from foi_audit.records import Block, BlockRole, Extraction

LETTERHEAD_FRACTION = 0.22  # top of page 1 that counts as letterhead
FOOTER_FRACTION = 0.07  # bottom of every page that counts as footer
MIN_TEXT_CHARS = 25  # fewer characters than this on a page with a big image: a scan
MIN_IMAGE_COVER = 0.3  # share of the page an image must cover to call the page a scan
CELL_MARGIN = 1.0  # text running this far past a column border might fall either side
ROW_MARGIN = 2.0  # a text run whose middle is this close to a row border, likewise


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
    order: float | None = None  # where it is read, when not its top (a second column)

    @property
    def place(self) -> tuple[float, float]:
        return (self.top if self.order is None else self.order, self.bottom)


def read(data: bytes, name: str) -> Extraction:
    import pypdfium2 as pdfium

    doc = _open(data, pdfium)
    warnings: list[str] = []
    blocks: list[Block] = []
    ocr_used = False
    plumber: Any = None
    scans = _ScannedPages(tesseract.page_threads())
    heads: set[str] = set()  # the words of page 1's letterhead
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
            rules = _page_rules(page, height)
            lines = _text_lines(textpage, height, rules)
            char_count = sum(len(line.text.strip()) for line in lines)
            if char_count < MIN_TEXT_CHARS and _image_cover(page, width, height) >= MIN_IMAGE_COVER:
                blocks.extend(scans.add(page, number, first_page=index == 0))
                ocr_used = True
                continue
            pieces: list[_Piece] = []
            try:
                found = _ruled_tables(rules, textpage, lines, height, number)
            except Exception:  # an odd path or text object: pdfplumber, the reference, decides
                found = None
            if found is None:  # a page the grid finder is unsure of: pdfplumber decides
                if plumber is None:
                    plumber = _open_plumber(data)
                found = _tables(plumber, index, number) if plumber is not None else ([], [])
            table_pieces, boxes = found
            if table_pieces:
                pieces.extend(table_pieces)
                lines = [line for line in lines if not _inside(line, boxes)]
            tables_so_far = len({p.locator.split(" row ")[0] for p in pieces})
            gutter_pieces, lines = _gutter_pieces(lines, number, tables_so_far)
            pieces.extend(gutter_pieces)
            column_pieces, lines = _column_pieces(lines, number, width)
            pieces.extend(column_pieces)
            pieces.extend(_paragraphs(lines, number))
            pieces.sort(key=lambda p: p.place)
            blocks.extend(_with_roles(pieces, height, index == 0, heads))
        blocks = scans.resolved(blocks)
    finally:
        scans.close()
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


class _ScannedPages:
    """Scanned pages OCR'd side by side: each page is rendered here in turn, then Tesseract
    reads up to ``threads`` pages at once; their blocks take the pages' places in order."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.pool: Any = None
        self.waiting: list[Any] = []
        self.binary = ""

    def add(self, page: Any, number: int, first_page: bool) -> list[Any]:
        """The page's blocks, or (when pages are read side by side) a placeholder for them."""
        if self.threads <= 1:
            return ocr.ocr_page(page, number, first_page)
        from concurrent.futures import ThreadPoolExecutor, wait

        if self.pool is None:
            self.binary = tesseract.tesseract_path()
            self.pool = ThreadPoolExecutor(self.threads, thread_name_prefix="ocr")
        # Keep at most `threads` rendered pages waiting: a long scan never sits in memory.
        running = [f for f in self.waiting if not f.done()]
        if len(running) >= self.threads:
            wait(running, return_when="FIRST_COMPLETED")
        picture, image = ocr.render_page(page)
        future = self.pool.submit(ocr.ocr_image, picture, number, first_page, self.binary, image)
        self.waiting.append(future)
        return [future]

    def resolved(self, blocks: list[Any]) -> list[Block]:
        """Every placeholder replaced by its page's blocks (an OCR error is raised here)."""
        if not self.waiting:
            return blocks
        out: list[Block] = []
        for item in blocks:
            out.extend(item.result() if not isinstance(item, Block) else [item])
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


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


def _text_lines(
    textpage: Any, height: float, rules: tuple[list[Edge], list[Edge]] | None = None
) -> list[_Line]:
    """Text rectangles grouped into lines, top to bottom, left to right (the letters a level
    rule strikes through left out)."""
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        # A hair inside the box: a glyph touching its edge belongs to the next box ("4. Y" +
        # "Yes" where a bold label meets regular text).
        text = textpage.get_text_bounded(left + 0.3, bottom, right - 0.3, top)
        text = text.replace("\r", " ").replace("\n", " ").replace("\x02", "").strip()
        if text:
            runs.append((left, bottom, right, top, text))
    if rules is not None:
        level = [(x0, height - y0, x1) for x0, y0, x1, y1 in rules[0] if y0 == y1]
        runs = drop_struck(textpage, runs, level)
    rects = [
        (height - top, height - bottom, left, right, text)
        for left, bottom, right, top, text in split_wide_runs(textpage, runs)
    ]
    rects.sort(key=lambda r: (round(r[0] + r[1]), r[2]))
    lines: list[list[tuple[float, float, float, float, str]]] = []
    spans: list[list[float]] = []  # each line's [top, bottom] so far
    for rect in rects:
        middle = (rect[0] + rect[1]) / 2
        for line, span in zip(lines, spans, strict=True):
            if span[0] <= middle <= span[1]:
                line.append(rect)
                span[0] = min(span[0], rect[0])
                span[1] = max(span[1], rect[1])
                break
        else:
            lines.append([rect])
            spans.append([rect[0], rect[1]])
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


def _page_rules(page: Any, height: float) -> tuple[list[Edge], list[Edge]] | None:
    """The page's level and upright rules (None on a rotated page: pdfplumber decides)."""
    import pypdfium2.raw as pdfium_c

    if page.get_rotation() % 360:
        return None
    horizontal: list[Edge] = []
    vertical: list[Edge] = []
    _collect_rules(pdfium_c, page.raw, None, _IDENTITY, height, horizontal, vertical, 0)
    return horizontal, vertical


def _ruled_tables(
    rules: tuple[list[Edge], list[Edge]] | None,
    textpage: Any,
    lines: list[_Line],
    height: float,
    number: int,
) -> tuple[list[_Piece], list[Cell]] | None:
    """Ruled tables from the page's vector paths: row pieces and table boxes.

    None when unsure (a rotated page, or text that crosses a cell border, where pdfium and
    pdfminer could put characters in different cells): the caller then asks pdfplumber.
    """
    if rules is None:
        return None
    horizontal, vertical = rules
    if not horizontal or not vertical:
        return [], []
    tables = find_grid_tables(horizontal, vertical)
    words = [word for line in lines for word in line.words]
    if any(_crossed(table, words) for table in tables):
        return None
    pieces: list[_Piece] = []
    boxes: list[Cell] = []
    for t_number, table in enumerate(tables, start=1):
        rows = []
        for row in table.rows:
            _, top, _, bottom = row_bbox(row)
            cells = [_cell_text(textpage, cell, words, height) for cell in row if cell]
            rows.append((top, bottom, cells))
        found = _row_pieces(rows, number, t_number)
        pieces.extend(found)
        if found:
            boxes.append(table.bbox)
    return pieces, boxes


def _row_pieces(
    rows: list[tuple[float, float, list[str]]], number: int, t_number: int
) -> list[_Piece]:
    """One piece per table row with text, cells joined by `` | ``, rows numbered as kept."""
    pieces: list[_Piece] = []
    for top, bottom, cells in rows:
        values = [v for v in cells if v]
        if values:
            locator = f"page {number} table {t_number} row {len(pieces) + 1}"
            pieces.append(_Piece(top, bottom, " | ".join(values), locator, is_table=True))
    return pieces


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 3  # levels of nested form XObjects searched for rules


def _collect_rules(
    c: Any,
    page_raw: Any,
    form: Any,
    outer: tuple[float, ...],
    height: float,
    horizontal: list[Edge],
    vertical: list[Edge],
    depth: int,
) -> None:
    """Edges of every painted path (in form XObjects too), as pdfplumber would see them."""
    if form is None:
        count, get, parent = c.FPDFPage_CountObjects, c.FPDFPage_GetObject, page_raw
    else:
        count, get, parent = c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, form
    for i in range(count(parent)):
        obj = get(parent, i)
        kind = c.FPDFPageObj_GetType(obj)
        if kind == c.FPDF_PAGEOBJ_PATH:
            matrix = _compose(_matrix(c, obj), outer)
            for shape, points in _subpaths(c, obj, matrix, height):
                _path_edges(shape, points, horizontal, vertical)
        elif kind == c.FPDF_PAGEOBJ_FORM and depth + 1 < _MAX_FORM_DEPTH:
            matrix = _compose(_matrix(c, obj), outer)
            _collect_rules(c, page_raw, obj, matrix, height, horizontal, vertical, depth + 1)


def _matrix(c: Any, obj: Any) -> tuple[float, ...]:
    m = c.FS_MATRIX()
    if not c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple[float, ...], outer: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``inner`` then ``outer`` (PDF row-vector convention)."""
    if outer == _IDENTITY:
        return inner
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _subpaths(
    c: Any, obj: Any, matrix: tuple[float, ...], height: float
) -> list[tuple[str, list[Point]]]:
    """A path's subpaths as pdfminer records them: operators ``m l c h`` and their end points.

    pdfium stores a Bezier curve as three points (two controls, then the end) and a closing
    ``h`` as a flag, adding a line back to the start first when the path is not there yet.
    """
    a, b, cc, d, e, f = matrix
    x = ctypes.c_float()
    y = ctypes.c_float()
    result: list[tuple[str, list[Point]]] = []
    shape: list[str] = []
    points: list[Point] = []
    bezier = 0
    for j in range(c.FPDFPath_CountSegments(obj)):
        segment = c.FPDFPath_GetPathSegment(obj, j)
        c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        kind = c.FPDFPathSegment_GetType(segment)
        closes = bool(c.FPDFPathSegment_GetClose(segment))
        point = (a * x.value + cc * y.value + e, height - (b * x.value + d * y.value + f))
        if kind == c.FPDF_SEGMENT_MOVETO or not shape:
            if len(shape) > 1:
                result.append(("".join(shape), points))
            shape, points, bezier = ["m"], [point], 0
        elif kind == c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue
            shape.append("c")
            points.append(point)
        elif closes and point == points[0]:
            shape.append("h")  # the line pdfium added to close the path
            points.append(points[0])
            continue
        else:
            shape.append("l")
            points.append(point)
        if closes:
            shape.append("h")
            points.append(points[0])
    if len(shape) > 1:
        result.append(("".join(shape), points))
    return result


def _path_edges(
    shape: str, points: list[Point], horizontal: list[Edge], vertical: list[Edge]
) -> None:
    """Edges of one subpath, following pdfminer (line, rectangle, curve) and pdfplumber."""
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape = shape[:-2] + "h"
        points = points[:-1]
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = points[0], points[1]
        edge = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        # pdfplumber calls every line that is not level vertical, placed by its left end
        (horizontal if y0 == y1 else vertical).append(edge)
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), last = points
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if last == points[0] and square:
            left, right = min(x0, x2), max(x0, x2)
            top, bottom = min(y0, y2), max(y0, y2)
            lower = top + (bottom - top)  # as pdfplumber computes it
            horizontal.append((left, top, right, top))
            horizontal.append((left, lower, right, lower))
            vertical.append((left, top, left, bottom))
            vertical.append((right, top, right, bottom))
            return
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        edge = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if x0 == x1:
            vertical.append(edge)
        elif y0 == y1:
            horizontal.append(edge)


def _crossed(table: GridTable, words: list[Word]) -> bool:
    """True when a text run crosses a cell border: pdfium and pdfminer may split it differently."""
    x0, top, x1, bottom = table.bbox
    for word in words:
        middle = (word.top + word.bottom) / 2
        if (
            not (top - ROW_MARGIN <= middle <= bottom + ROW_MARGIN)
            or word.right < x0
            or word.left > x1
        ):
            continue
        for row in table.rows:
            for cell in row:
                if cell is None or not cell[1] - ROW_MARGIN <= middle <= cell[3] + ROW_MARGIN:
                    continue
                inside_x = (
                    cell[0] + CELL_MARGIN <= word.left and word.right <= cell[2] - CELL_MARGIN
                )
                outside_x = (
                    word.right <= cell[0] + CELL_MARGIN or word.left >= cell[2] - CELL_MARGIN
                )
                near_rule = abs(middle - cell[1]) < ROW_MARGIN or abs(middle - cell[3]) < ROW_MARGIN
                if not (inside_x or outside_x) or (near_rule and not outside_x):
                    return True
    return False


def _cell_text(textpage: Any, cell: Cell, words: list[Word], height: float) -> str:
    """The text of the runs whose middle is in the cell (pdfplumber's rule for characters).

    pdfium returns every character whose box touches the rectangle asked for, so asking for the
    whole cell would take the descenders of a line just above the table; asking for the runs'
    own box does not. pdfium decides the spaces between runs from the glyph gaps, so a word
    drawn in two pieces stays one word.
    """
    x0, top, x1, bottom = cell
    members = [
        w
        for w in words
        if x0 <= (w.left + w.right) / 2 < x1 and top <= (w.top + w.bottom) / 2 < bottom
    ]
    if not members:
        return ""
    left = max(x0, min(w.left for w in members))
    right = min(x1, max(w.right for w in members))
    upper = max(top, min(w.top for w in members))
    lower = min(bottom, max(w.bottom for w in members))
    text = textpage.get_text_bounded(left, height - lower, right, height - upper)
    return join_lines(text.replace("\x02", "-").replace("\r", "").split("\n"))


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
        rows = [
            (row.bbox[1], row.bbox[3], [join_lines(str(c).split("\n")) for c in cells if c])
            for row, cells in zip(table.rows, table.extract(), strict=False)
        ]
        found = _row_pieces(rows, number, t_number)
        pieces.extend(found)
        if found:
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


def _column_pieces(
    lines: list[_Line], number: int, width: float
) -> tuple[list[_Piece], list[_Line]]:
    """A letter set in two columns (:func:`find_columns`): the left column's paragraphs, then
    the right's (read across, "Behaviour of a sexual nature which The executive lead for ..."
    mixes two answers); returns the pieces and the lines left."""
    columns = find_columns([TextLine(line.top, line.bottom, line.words) for line in lines], width)
    if columns is None:
        return [], lines
    first, last, gutter = columns.first, columns.last, columns.gutter
    heights = sorted(w.bottom - w.top for line in lines[first : last + 1] for w in line.words)
    height = heights[len(heights) // 2]
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines[first : last + 1]:
        for side, words in (
            (left, [w for w in line.words if w.right <= gutter]),
            (right, [w for w in line.words if w.left >= gutter]),
        ):
            if words:
                top = min(w.top for w in words)
                side.append(
                    _Line(
                        top=top,
                        # the usual height: a line without descenders is no paragraph break
                        bottom=max(max(w.bottom for w in words), top + height),
                        left=words[0].left,
                        text=" ".join(w.text for w in words),
                        words=tuple(words),
                    )
                )
    pieces = _paragraphs(left, number)
    after = max((p.top for p in pieces), default=lines[first].top)
    for index, piece in enumerate(_paragraphs(right, number), start=1):
        pieces.append(replace(piece, order=after + index / 1000))
    return pieces, lines[:first] + lines[last + 1 :]


def _inside(line: _Line, boxes: list[tuple]) -> bool:
    middle = (line.top + line.bottom) / 2
    for x0, top, x1, bottom in boxes:
        if top - 1 <= middle <= bottom + 1 and x0 - 2 <= line.left <= x1:
            return True
    return False


def _with_roles(
    pieces: list[_Piece], height: float, first_page: bool, heads: set[str]
) -> list[Block]:
    """Each piece's role. ``heads`` holds the words of page 1's letterhead: a later page's
    running head (the letterhead again, its lines split or joined otherwise) is furniture, not
    a line of the answer it interrupts."""
    blocks = []
    at_top = not first_page  # nothing but the page's running head read so far
    opened = False  # the head's first line, long enough not to be a short answer ("Yes.")
    started = False  # the letter begun ("Dear ..."): page 1's lines after it are no head
    for piece in pieces:
        top_of_page = piece.bottom <= height * LETTERHEAD_FRACTION
        words = set(_WORD.findall(_NUMBERS.sub("#", piece.text.lower())))
        at_top = (
            at_top
            and top_of_page
            and not piece.is_table
            and bool(words)
            and words <= heads
            and (opened or len(" ".join(piece.text.split())) >= _HEAD_CHARS)
        )
        opened = at_top
        if piece.is_table:
            role = BlockRole.TABLE
        elif top_of_page and (first_page or at_top):
            role = BlockRole.HEADER
        elif piece.top >= height * (1 - FOOTER_FRACTION):
            role = BlockRole.FOOTER
        else:
            role = BlockRole.BODY
        started = started or bool(_SALUTATION.match(piece.text))
        if first_page and role is BlockRole.HEADER and not started:
            heads |= words
        blocks.append(Block(piece.text, piece.locator, role))
    return blocks


_WORD = re.compile(r"[\w@.'\u2019]+")
# (the letter itself may start high on page 1: its words are no running head's)
_SALUTATION = re.compile(r"(?i)^\W*(?:dear|re:|subject:|your (?:request|ref))\b")
_NUMBERS = re.compile(r"\d+")  # "Page 2 of 3" at the top of each page is the same head
_HEAD_CHARS = 25  # shorter text ("Yes.") at the top of two pages may be two answers
