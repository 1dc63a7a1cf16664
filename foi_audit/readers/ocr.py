"""OCR of scanned pages with the Tesseract command-line program (one page at a time).

Tesseract reads a table row straight across its columns, so a question's words and its
answer's words interleave. Two layout steps keep them apart, using Tesseract's word boxes:
ruling lines found in the page image (:mod:`foi_audit.readers.rules`) give the cells of a ruled
table, and a column gutter shared by several lines (:func:`~foi_audit.readers.layout.find_gutter_tables`)
gives the columns of a borderless one. Each table row becomes one block, cells joined by
`` | ``; the rest of the page stays paragraphs, a letter set in two columns
(:func:`~foi_audit.readers.layout.find_columns`) read a column at a time.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from foi_audit.readers.layout import (
    ColumnRun,
    TableRow,
    TextLine,
    Word,
    find_columns,
    find_gutter_tables,
    join_lines,
    split_rows,
    text_lines,
)
from foi_audit.readers.rules import Grid, PageRules, find_rules, without_rules
from foi_audit.readers.skew import levelled
from foi_audit.readers.specks import CLEAN_READING, despeckled
from foi_audit.readers.stamps import grey_without_stamps
from foi_audit.readers.tesseract import (
    TURNED_READING,
    confidence,
    on_its_side,
    pnm,
    tesseract_path,
    turn_needed,
    words_tsv,
)
from foi_audit.records import Block, BlockRole

OCR_DPI = 300
LETTERHEAD_FRACTION = 0.22
FOOTER_FRACTION = 0.07
# Characters Tesseract makes out of a ruling line
_DASHES = re.compile(r"^[_—–\-=~.]+$")
# A numbered or lettered item ("(b) It is mandatory", "3. Plans"): never a letterhead
_ITEM = re.compile(r"^\s*(?:\(?[a-hA-H]\)|\d{1,2}[.)])\s+\S")
SCAN_GUTTER_MARGIN = 0.004  # of the page width (a printed gutter is narrower than a PDF's)
LOW_CONFIDENCE = 50  # Tesseract's confidence (0-100) below which a word on a rule is noise
# Below this a word may be misread: a value whose quote holds one is checked by a person.
UNSURE_CONFIDENCE = 70
LEVEL_READING = 80.0  # Tesseract's mean confidence below which a page askew is read turned level
_RULE_GLYPHS = re.compile(r"^[|\[\]{}()!lIiL1J_—–\-=~.,:;'\"`]{1,3}$")


def render_page(page: Any) -> tuple[bytes, Any]:
    """A pypdfium2 page at 300 dpi as image bytes for Tesseract and the image (pdfium is not
    thread-safe: pages are rendered one at a time, then OCR'd side by side)."""
    image = grey_without_stamps(page.render(scale=OCR_DPI / 72).to_pil())
    return pnm(image), image


def ocr_page(page: Any, number: int, first_page: bool) -> list[Block]:
    """Render a pypdfium2 page at 300 dpi and OCR it into paragraph and table-row blocks."""
    binary = tesseract_path()
    picture, image = render_page(page)
    return ocr_image(picture, number, first_page, binary, image=image)


def ocr_image(
    picture: bytes,
    number: int,
    first_page: bool,
    binary: str | None = None,
    image: Any = None,
    native: Any = None,
) -> list[Block]:
    """OCR one page image into blocks. ``native``: the picture at its own resolution, before
    it was scaled up to ``image`` (its specks are found there: scaling blurs them)."""
    binary = binary or tesseract_path()
    if image is None:
        from PIL import Image

        image = Image.open(io.BytesIO(picture))
    tsv = words_tsv(binary, picture, number)
    sideways = on_its_side(tsv)
    turn = (
        turn_needed(binary, picture, number) if sideways or confidence(tsv) < TURNED_READING else 0
    )
    if turn:
        # a page fed in upside down reads as noise, one on its side as words in no order: it is
        # read again turned upright (a sideways reading's confidence says nothing of its order)
        turned = image.rotate(-turn, expand=True)
        again = words_tsv(binary, pnm(turned), number)
        if sideways or confidence(again) > confidence(tsv):
            tsv, image = again, turned
            native = native.rotate(-turn, expand=True) if native is not None else None
    if confidence(tsv) < LEVEL_READING:
        # a poor reading of a page scanned askew is read again turned level; the surer wins
        # (Tesseract reads a clean page a degree askew well, and turning it blurs its glyphs:
        # a letterhead read at 88 was garbled turned, though Tesseract was surer of it)
        level, level_native, angle = levelled(image, native)
        again = words_tsv(binary, pnm(level), number) if angle else ""
        if again and confidence(again) > confidence(tsv):
            tsv, image, native = again, level, level_native
    rules = find_rules(image)
    if confidence(tsv) < CLEAN_READING:
        # a poor reading of a specked page is read again without its specks; the surer wins
        cleaned = despeckled(image if native is None else native)
        if cleaned is not None and cleaned.size != image.size:
            cleaned = cleaned.resize(image.size)
        again = words_tsv(binary, pnm(cleaned), number) if cleaned is not None else ""
        if again and confidence(again) > confidence(tsv):
            tsv, image = again, cleaned
    read = _tsv_words(tsv, rules)
    if rules.grids and _rows_left_empty(read[0], rules):
        # Tesseract's page layout took some ruled cells for pictures and skipped their words:
        # the page is read again with its rules painted out (the words stay where they were)
        read = _tsv_words(words_tsv(binary, without_rules(image, rules), number), rules)
    return _blocks(read, number, first_page, rules)


def _rows_left_empty(words: Sequence[_OcrWord], rules: PageRules) -> bool:
    """Whether a row of a ruled table has no word read in it (a table's rows all hold text)."""
    centres = [_centre(w.word) for w in words]
    for grid in rules.grids:
        for top, bottom in zip(grid.rows, grid.rows[1:], strict=False):
            if not any(
                grid.columns[0] <= x <= grid.columns[-1] and top <= y <= bottom for x, y in centres
            ):
                return True
    return False


# --- Tesseract's words into blocks -----------------------------------------------------------


@dataclass(frozen=True)
class _OcrWord:
    word: Word  # deskewed box
    key: tuple[int, int, int]  # Tesseract's (block, paragraph, line)


@dataclass(frozen=True)
class _Placed:
    top: float
    bottom: float
    text: str
    locator: str
    is_table: bool = False
    left: float = 0.0
    order: float | None = None  # where it is read, when not its top (a second column)

    @property
    def place(self) -> tuple[float, float]:
        return (self.top if self.order is None else self.order, self.bottom)


def tsv_blocks(
    tsv: str, number: int, first_page: bool, rules: PageRules | None = None
) -> list[Block]:
    """Tesseract TSV (words with positions) -> paragraph and table-row blocks, roles by position."""
    rules = rules or PageRules()
    return _blocks(_tsv_words(tsv, rules), number, first_page, rules)


def _blocks(
    read: tuple[list[_OcrWord], set[str], tuple[int, int]],
    number: int,
    first_page: bool,
    rules: PageRules,
) -> list[Block]:
    """A page's words (with those read unsure, and the page's size) as blocks."""
    words, unsure, (page_width, page_height) = read
    placed: list[_Placed] = []
    table_number = 0
    for grid in rules.grids:
        inside = [w for w in words if grid.contains(*_centre(w.word), tolerance=rules.tolerance)]
        if not inside:
            continue
        table_number += 1
        placed.extend(_grid_rows(grid, inside, number, table_number, rules.tolerance))
        taken = {id(w) for w in inside}
        words = [w for w in words if id(w) not in taken]
    lines = text_lines([w.word for w in words])
    used: set[int] = set()
    for table in find_gutter_tables(lines):
        table_number += 1
        for text_line in lines[table.first : table.last + 1]:
            used.update(id(word) for word in text_line.words)
        placed.extend(_rows_placed(table.rows, number, table_number))
    paragraphs = _paragraphs([w for w in words if id(w.word) not in used], list(placed))
    rows = _page_rows([w for w in words if id(w.word) not in used])
    placed.extend(_in_columns(paragraphs, find_columns(rows, page_width, SCAN_GUTTER_MARGIN), rows))
    blocks = []
    # a numbered item at the top (a letter's second page photographed alone: "(b) It is
    # mandatory ...") is no letterhead, nor is anything below it
    letterhead = first_page
    for piece in sorted(placed, key=lambda p: p.place):
        letterhead = letterhead and not _ITEM.match(piece.text)
        if piece.is_table:
            role = BlockRole.TABLE
        elif letterhead and piece.bottom <= page_height * LETTERHEAD_FRACTION:
            role = BlockRole.HEADER
        elif piece.top >= page_height * (1 - FOOTER_FRACTION):
            role = BlockRole.FOOTER
        else:
            role = BlockRole.BODY
        doubtful = tuple(w for w in dict.fromkeys(piece.text.split()) if w in unsure)
        blocks.append(Block(piece.text, piece.locator or f"page {number} (OCR)", role, doubtful))
    return numbers_restored(blocks)


# Letters Tesseract makes of a lone digit: "A" for 4, "S" for 5, "l" for 1 ...
_DIGIT_LOOKALIKES = {"A": "4", "S": "5", "s": "5", "l": "1", "I": "1", "i": "1", "|": "1",
                     "O": "0", "o": "0", "B": "8", "Z": "2", "z": "2", "G": "6", "b": "6", "q": "9"}  # fmt: skip
_ROW_NUMBER = re.compile(r"^(?P<label>Q?)(?P<number>\d{1,2}|\S)(?P<rest>\s*\|)")


def numbers_restored(blocks: list[Block]) -> list[Block]:
    """A table's numbered rows with one number read as a letter ("1 | ...", "2 | ...",
    "3 | ...", "A | ..."): the letter is the number the row before it leads to. So too a
    numbered paragraph after answers numbered up to the one before ("3. The Trust has no
    plans ..." then "A. Our Director of Nursing is the executive lead"), unless the paragraph
    before asks ("3. Does it plan ...?" over "A. No": an answer's label)."""
    restored = []
    previous: tuple[str, int] | None = None  # (table, number) of the row above
    paragraph = 0  # the last number a paragraph gave, 0 after a question
    for block in blocks:
        table = block.locator.rsplit(" row ", 1)[0] if block.role is BlockRole.TABLE else ""
        found = _ROW_NUMBER.match(block.text) if table else None
        if found is None:
            previous = None
            if block.role is BlockRole.BODY:
                block, paragraph = _paragraph_number(block, paragraph)
            restored.append(block)
            continue
        number = found["number"]
        expected = str(previous[1] + 1) if previous and previous[0] == table else ""
        if not number.isdigit() and _DIGIT_LOOKALIKES.get(number) == expected:
            text = f"{found['label']}{expected}{found['rest']}{block.text[found.end() :]}"
            block, number = replace(block, text=text), expected
        previous = (table, int(number)) if number.isdigit() else None
        restored.append(block)
    return restored


_LETTER_FOR_NUMBER = re.compile(r"^(?P<number>\S)[.,](?=\s+[A-Z])")
_PARAGRAPH_NUMBERS = re.compile(r"(?:^|(?<=[.!?]\s))(\d{1,2})\.\s+(?=[A-Z])")


def _paragraph_number(block: Block, last: int) -> tuple[Block, int]:
    found = _LETTER_FOR_NUMBER.match(block.text)
    if found and last and _DIGIT_LOOKALIKES.get(found["number"]) == str(last + 1):
        block = replace(block, text=f"{last + 1}.{block.text[found.end() :]}")
    numbers = _PARAGRAPH_NUMBERS.findall(block.text)
    if block.text.rstrip().endswith("?"):
        return block, 0
    return block, int(numbers[-1]) if numbers else last


def _tsv_words(tsv: str, rules: PageRules) -> tuple[list[_OcrWord], set[str], tuple[int, int]]:
    """The words of a Tesseract TSV (deskewed, rule glyphs left out), the words read with low
    confidence, and the page's width and height."""
    words: list[_OcrWord] = []
    unsure: set[str] = set()  # words read with low confidence anywhere on the page
    page_width, page_height = 1, 1
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level, block, par, line = (int(cols[0]), int(cols[2]), int(cols[3]), int(cols[4]))
        left, top, width, height = int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9])
        if level == 1:
            page_width, page_height = max(page_width, left + width), max(page_height, top + height)
        text = cols[11].strip()
        if level == 5 and text:
            word = _deskewed(Word(left, top, left + width, top + height, text), rules.slope)
            confidence = float(cols[10]) if cols[10].strip() else 0.0
            if not _is_rule_glyph(word, confidence, rules):
                words.append(_OcrWord(word, (block, par, line)))
                if 0 <= confidence < UNSURE_CONFIDENCE and any(c.isalnum() for c in text):
                    unsure.add(text)
    return words, unsure, (page_width, page_height)


def _in_columns(
    paragraphs: list[_Placed], columns: ColumnRun | None, lines: list[TextLine]
) -> list[_Placed]:
    """Paragraphs of a stretch set in two columns (Tesseract's paragraphs keep to a column)
    read down the left column, then the right, before what lies below both."""
    if columns is None:
        return paragraphs
    top, bottom = lines[columns.first].top, lines[columns.last].bottom
    slack = (lines[columns.first].bottom - top) / 2

    def right_column(piece: _Placed) -> bool:
        return piece.left >= columns.gutter and top - slack <= piece.top <= bottom + slack

    after = max(
        (p.top for p in paragraphs if top - slack <= p.top <= bottom and not right_column(p)),
        default=top,
    )
    right = sorted((p for p in paragraphs if right_column(p)), key=lambda p: p.top)
    order = {id(p): after + n / 1000 for n, p in enumerate(right, start=1)}
    return [replace(p, order=order[id(p)]) if id(p) in order else p for p in paragraphs]


def _page_rows(words: list[_OcrWord]) -> list[TextLine]:
    """Tesseract's lines side by side at one height joined into rows across the page. Each
    line is placed by its words' median top and bottom: a speck read as a tall "word" would
    stretch it over the next line (grouping words by overlap ran three lines into one)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for item in words:
        lines.setdefault(item.key, []).append(item.word)
    placed = []
    for line in lines.values():
        tops, bottoms = sorted(w.top for w in line), sorted(w.bottom for w in line)
        placed.append((tops[len(tops) // 2], bottoms[len(bottoms) // 2], line))
    rows: list[tuple[float, float, list[Word]]] = []
    for top, bottom, line in sorted(placed, key=lambda p: p[0] + p[1]):
        if rows and abs((top + bottom) - (rows[-1][0] + rows[-1][1])) < (bottom - top):
            rows[-1] = (min(rows[-1][0], top), max(rows[-1][1], bottom), rows[-1][2] + line)
        else:
            rows.append((top, bottom, list(line)))
    return [TextLine(t, b, tuple(sorted(ws, key=lambda w: w.left))) for t, b, ws in rows]


def _deskewed(word: Word, slope: float) -> Word:
    if not slope:
        return word
    x, y = (word.left + word.right) / 2, (word.top + word.bottom) / 2
    dx, dy = slope * y, -slope * x
    return Word(word.left + dx, word.top + dy, word.right + dx, word.bottom + dy, word.text)


def _centre(word: Word) -> tuple[float, float]:
    return (word.left + word.right) / 2, (word.top + word.bottom) / 2


def _is_rule_glyph(word: Word, confidence: float, rules: PageRules) -> bool:
    """A 'word' Tesseract read off a ruling line: ``|`` on a vertical rule, ``ees`` on a rule."""
    x, y = _centre(word)
    height = word.bottom - word.top
    for rule in rules.horizontal:
        # the rule runs through the middle of the box, not along its bottom like an underline
        if (
            rule.start <= x <= rule.end
            and word.top + 0.2 * height <= rule.position <= word.bottom - 0.2 * height
            and (confidence < LOW_CONFIDENCE or _DASHES.match(word.text))
        ):
            return True
    if not _RULE_GLYPHS.match(word.text):
        return False
    reach = (word.right - word.left) / 2 + rules.tolerance
    return any(
        abs(rule.position - x) <= reach and rule.start - reach <= y <= rule.end + reach
        for rule in rules.vertical
    )


def _grid_rows(
    grid: Grid, words: list[_OcrWord], number: int, table_number: int, tolerance: float = 0.0
) -> list[_Placed]:
    """Words of a ruled table into one row block per table row, cells by word centre, each
    row cut only where a rule runs through it (a form's top rows have more cells)."""
    rows: list[TableRow] = []
    bands: dict[int, list[_OcrWord]] = {}
    for item in words:
        _, y = _centre(item.word)
        band = min(max(bisect_right(grid.rows, y) - 1, 0), len(grid.rows) - 2)
        bands.setdefault(band, []).append(item)
    for band in sorted(bands):
        lines = _tesseract_lines(bands[band])
        size = sorted(line.bottom - line.top for line in lines)[len(lines) // 2]
        bounds = grid.bounds(grid.rows[band], grid.rows[band + 1], tolerance)
        # no rules between rows: rows start at item numbers and gaps, as in borderless tables
        split = split_rows(lines, bounds, size, use_labels=len(grid.rows) < 3)
        rows.extend(split if len(grid.rows) < 3 else [_merged(split)])
    return _rows_placed(rows, number, table_number)


def _tesseract_lines(words: list[_OcrWord]) -> list[TextLine]:
    """A table row's words in Tesseract's own lines, top to bottom: in a cell of several
    close lines on a tilted scan, grouping by height alone ran the lines into one another."""
    found: dict[tuple[int, int, int], list[Word]] = {}
    for item in words:
        found.setdefault(item.key, []).append(item.word)
    lines = [
        TextLine(
            top=min(w.top for w in line),
            bottom=max(w.bottom for w in line),
            words=tuple(sorted(line, key=lambda w: w.left)),
        )
        for line in found.values()
    ]
    return sorted(lines, key=lambda line: (line.top, line.words[0].left))


def _merged(rows: list[TableRow]) -> TableRow:
    """One ruled row: every line of each cell, in reading order."""
    columns = len(rows[0].cells)
    cells = tuple(join_lines(row.cells[c] for row in rows) for c in range(columns))
    return TableRow(rows[0].top, rows[-1].bottom, cells)


def _rows_placed(rows: Any, number: int, table_number: int) -> list[_Placed]:
    placed: list[_Placed] = []
    for row in rows:
        if not row.text:
            continue
        placed.append(
            _Placed(
                row.top,
                row.bottom,
                row.text,
                f"page {number} (OCR) table {table_number} row {len(placed) + 1}",
                is_table=True,
            )
        )
    return placed


def _paragraphs(words: list[_OcrWord], tables: Sequence[_Placed] = ()) -> list[_Placed]:
    """Tesseract's own paragraphs, line by line, for the words outside tables. A paragraph is
    cut where a table stands between two of its lines (headings over tables Tesseract read as
    one column)."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for item in words:
        lines.setdefault(item.key, []).append(item.word)
    paragraphs: dict[tuple[int, int], list[list[Word]]] = {}
    for (block, par, _line), line_words in sorted(lines.items()):
        paragraphs.setdefault((block, par), []).append(sorted(line_words, key=lambda w: w.left))
    pieces: list[list[list[Word]]] = []
    for para_lines in paragraphs.values():
        pieces.append([para_lines[0]])
        for above, below in zip(para_lines, para_lines[1:], strict=False):
            gap = (max(w.bottom for w in above), min(w.top for w in below))
            if any(gap[0] <= t.top and t.bottom <= gap[1] for t in tables):
                pieces.append([])
            pieces[-1].append(below)
    placed: list[_Placed] = []
    for para_lines in pieces:
        top = min(w.top for line in para_lines for w in line)
        bottom = max(w.bottom for line in para_lines for w in line)
        left = min(w.left for line in para_lines for w in line)
        text = join_lines(" ".join(w.text for w in line) for line in para_lines)
        if not text:
            continue
        height = max(w.bottom - w.top for w in para_lines[-1])
        previous = placed[-1] if placed else None
        if previous and _runs_on(previous, text, top, height):
            # Tesseract cut one paragraph in two mid-sentence ("... does not hold the" /
            # "information you requested."): one paragraph, so the sentence is read whole
            merged = f"{previous.text} {text}"
            placed[-1] = _Placed(previous.top, bottom, merged, "", left=min(previous.left, left))
        else:
            placed.append(_Placed(top, bottom, text, "", left=left))
    return placed


def _runs_on(previous: _Placed, text: str, top: float, line_height: float) -> bool:
    """Whether ``text`` continues the sentence ``previous`` leaves open on the line above."""
    return (
        not previous.is_table
        and previous.text[-1:].isalpha()
        and text[:1].islower()
        and 0 <= top - previous.bottom <= 1.5 * line_height
    )
