"""PDF letters: fast text per page (pypdfium2), tables per row (pdfplumber), OCR for scans.

Each page is read with pypdfium2's text rectangles, grouped into lines and paragraphs by
position. Pages with ruling lines are also given to pdfplumber: a table found there becomes one
block per row (cells joined by `` | ``) so a wrapped question never interleaves with its answer,
and the text around it stays as paragraphs. Pages with no text layer but an image are OCR'd
with Tesseract (see :mod:`foi_audit.readers.ocr`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from foi_audit.errors import CorruptFile, EmptyFile, EncryptedFile
from foi_audit.model import Block, BlockRole, Extraction
from foi_audit.readers.layout import TextLine, Word, find_gutter_tables, join_lines

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
