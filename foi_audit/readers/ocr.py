"""OCR of scanned pages with the Tesseract command-line program (one page at a time).

Tesseract reads a table row straight across its columns, so a question's words and its
answer's words interleave. Two layout steps keep them apart, using Tesseract's word boxes:
ruling lines found in the page image (:func:`find_rules`) give the cells of a ruled table, and
a column gutter shared by several lines (:func:`foi_audit.readers.pdf.find_gutter_tables`)
gives the columns of a borderless one. Each table row becomes one block, cells joined by
`` | ``; the rest of the page stays paragraphs.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from foi_audit.readers.layout import (
    TableRow,
    TextLine,
    Word,
    find_gutter_tables,
    join_lines,
    split_rows,
    text_lines,
)
from foi_audit.readers.specks import CLEAN_READING, despeckled
from foi_audit.readers.tesseract import (
    TURNED_READING,
    confidence,
    on_its_side,
    tesseract_path,
    turn_needed,
    words_tsv,
)
from foi_audit.readers.tesseract import png as _png
from foi_audit.records import Block, BlockRole

OCR_DPI = 300
LETTERHEAD_FRACTION = 0.22
FOOTER_FRACTION = 0.07

# Ruling-line detection, as fractions of the page so that any scan resolution works.
RUN_FRACTION = 1 / 33  # shortest dark run that counts as part of a rule (longer than letters)
MIN_HORIZONTAL_FRACTION = 0.1  # of the page width
MIN_VERTICAL_FRACTION = 0.03  # of the page height (a one-row table is about this tall)
MAX_THICKNESS_FRACTION = 1 / 150  # thicker dark bands are logos or shading, not rules
RULE_ERASE_FRACTION = 1 / 300  # width painted over a rule before OCR (12 px at 300 dpi)
MIN_COVER = 0.6  # share of a rule's length that must be dark (broken lines still pass)
MAX_SKEW = 0.035  # tangent of the largest skew looked for (2 degrees)
EDGE_FRACTION = 0.02  # of the page: a dark band this close to an edge is the scanner's
# Characters Tesseract makes out of a ruling line
_DASHES = re.compile(r"^[_—–\-=~.]+$")
# A numbered or lettered item ("(b) It is mandatory", "3. Plans"): never a letterhead
_ITEM = re.compile(r"^\s*(?:\(?[a-hA-H]\)|\d{1,2}[.)])\s+\S")
LOW_CONFIDENCE = 50  # Tesseract's confidence (0-100) below which a word on a rule is noise
# Below this a word may be misread: a value whose quote holds one is checked by a person.
UNSURE_CONFIDENCE = 70
_RULE_GLYPHS = re.compile(r"^[|\[\]{}()!lIiL1J_—–\-=~.,:;'\"`]{1,3}$")


@dataclass(frozen=True)
class Rule:
    """A straight dark line: its position across and its extent along, in deskewed pixels."""

    position: float
    start: float
    end: float


@dataclass(frozen=True)
class Grid:
    """A ruled table: the positions of its horizontal and vertical rules, deskewed."""

    rows: tuple[float, ...]
    columns: tuple[float, ...]
    # each vertical rule's (position, top, bottom): a form's rows are not all cut alike
    verticals: tuple[tuple[float, float, float], ...] = ()

    def bounds(self, top: float, bottom: float, tolerance: float) -> list[float]:
        """The inner column edges a rule draws through the row between ``top`` and ``bottom``
        (all of them when the rules' extents are not known)."""
        middle = (top + bottom) / 2
        return [
            x
            for x in self.columns[1:-1]
            if not self.verticals
            or any(
                abs(position - x) <= tolerance and start - tolerance <= middle <= end + tolerance
                for position, start, end in self.verticals
            )
        ]

    def contains(self, x: float, y: float, tolerance: float) -> bool:
        return (
            self.columns[0] - tolerance <= x <= self.columns[-1] + tolerance
            and self.rows[0] - tolerance <= y <= self.rows[-1] + tolerance
        )


@dataclass(frozen=True)
class PageRules:
    """Ruling lines on one page image. ``slope`` is the skew: deskewed x = x + slope * y and
    deskewed y = y - slope * x."""

    slope: float = 0.0
    horizontal: tuple[Rule, ...] = ()
    vertical: tuple[Rule, ...] = ()
    grids: tuple[Grid, ...] = ()
    tolerance: float = 10.0


def render_page(page: Any) -> tuple[bytes, Any]:
    """A pypdfium2 page at 300 dpi as PNG bytes and the image (pdfium is not thread-safe:
    pages are rendered one at a time, then OCR'd side by side)."""
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    return _png(image), image


def ocr_page(page: Any, number: int, first_page: bool) -> list[Block]:
    """Render a pypdfium2 page at 300 dpi and OCR it into paragraph and table-row blocks."""
    binary = tesseract_path()
    png, image = render_page(page)
    return ocr_image(png, number, first_page, binary, image=image)


def ocr_image(
    png: bytes,
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

        image = Image.open(io.BytesIO(png))
    tsv = words_tsv(binary, png, number)
    sideways = on_its_side(tsv)
    turn = turn_needed(binary, png, number) if sideways or confidence(tsv) < TURNED_READING else 0
    if turn:
        # a page fed in upside down reads as noise, one on its side as words in no order: it is
        # read again turned upright (a sideways reading's confidence says nothing of its order)
        turned = image.rotate(-turn, expand=True)
        again = words_tsv(binary, _png(turned), number)
        if sideways or confidence(again) > confidence(tsv):
            tsv, image = again, turned
            native = native.rotate(-turn, expand=True) if native is not None else None
    rules = find_rules(image)
    if confidence(tsv) < CLEAN_READING:
        # a poor reading of a specked page is read again without its specks; the surer wins
        cleaned = despeckled(image if native is None else native)
        if cleaned is not None and cleaned.size != image.size:
            cleaned = cleaned.resize(image.size)
        again = words_tsv(binary, _png(cleaned), number) if cleaned is not None else ""
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


# --- Ruling lines in the page image ----------------------------------------------------------


def find_rules(image: Any) -> PageRules:
    """Long straight dark lines (table rules) in a page image, and the ruled grids they form.

    Pixels darker than the paper are kept where they belong to a run longer than any letter;
    the skew is the angle at which those runs line up best; a rule is a thin band of such runs
    covering most of its length (so noise, gaps in a photocopied line and a slight tilt are all
    tolerated, while logos and shaded boxes are too thick to count).
    """
    import numpy as np

    full = np.asarray(image.convert("L"), dtype=np.uint8)
    # half size, keeping the darkest pixel of each 2x2 so thin grey rules survive: 4x faster
    scale = 2 if min(full.shape) >= 1200 else 1
    if scale == 2:
        rows, cols = full.shape[0] // 2 * 2, full.shape[1] // 2 * 2
        even, odd = full[0:rows:2, :cols], full[1:rows:2, :cols]
        pairs = np.minimum(even, odd)
        gray = np.minimum(pairs[:, 0::2], pairs[:, 1::2])
    else:
        gray = full
    height, width = gray.shape
    counts = np.bincount(gray.ravel(), minlength=256)
    paper = int(np.searchsorted(np.cumsum(counts), gray.size // 2))
    # light enough for thin grey rules, dark enough to skip pale shading of header rows
    dark = gray < paper - max(30, paper // 7)
    run = max(16, int(width * RUN_FRACTION))
    h_along, h_across = _inside(_run_centres(dark, run, axis=1), height)
    v_along, v_across = _inside(_run_centres(dark, run, axis=0), width)
    if len(h_along) == 0 and len(v_along) == 0:
        return PageRules()
    slope = _skew(np, h_along, h_across, v_along, v_across)
    thickness = max(4, int(height * MAX_THICKNESS_FRACTION))
    # both coordinates deskewed: across the rule (its position) and along it (its extent)
    horizontal = _rules(
        np,
        h_across - slope * h_along,
        h_along + slope * h_across,
        run,
        thickness,
        width * MIN_HORIZONTAL_FRACTION,
    )
    vertical = _rules(
        np,
        v_across + slope * v_along,
        v_along - slope * v_across,
        run,
        thickness,
        height * MIN_VERTICAL_FRACTION,
    )
    tolerance = max(6.0, width / 150)
    grids = _grids(horizontal, vertical, tolerance)
    return PageRules(
        slope=slope,
        horizontal=tuple(_scaled(rule, scale) for rule in horizontal),
        vertical=tuple(_scaled(rule, scale) for rule in vertical),
        grids=tuple(
            Grid(
                tuple(y * scale for y in g.rows),
                tuple(x * scale for x in g.columns),
                tuple((x * scale, a * scale, b * scale) for x, a, b in g.verticals),
            )
            for g in grids
        ),
        tolerance=tolerance * scale,
    )


def without_rules(image: Any, rules: PageRules) -> bytes:
    """The page as a PGM image with its rules painted the paper's colour (a few pixels wider
    than a rule is drawn, for its grey edges; words keep their places)."""
    from PIL import ImageDraw

    clean = image.convert("L").copy()
    histogram = clean.histogram()
    half, total, paper = clean.width * clean.height // 2, 0, 255
    for level, count in enumerate(histogram):
        total += count
        if total >= half:
            paper = level
            break
    draw = ImageDraw.Draw(clean)
    width = max(5, round(clean.height * RULE_ERASE_FRACTION))
    slope = rules.slope
    # back from deskewed to page coordinates: y = y' + slope * x, x = x' - slope * y
    for rule in rules.horizontal:
        ends = [
            (x - slope * rule.position, rule.position + slope * x) for x in (rule.start, rule.end)
        ]
        draw.line(ends, fill=paper, width=width)
    for rule in rules.vertical:
        ends = [
            (rule.position - slope * y, y + slope * rule.position) for y in (rule.start, rule.end)
        ]
        draw.line(ends, fill=paper, width=width)
    buffer = io.BytesIO()
    clean.save(buffer, format="PPM")
    return buffer.getvalue()


def _scaled(rule: Rule, scale: int) -> Rule:
    return Rule(rule.position * scale, rule.start * scale, rule.end * scale)


def _run_centres(mask: Any, run: int, axis: int) -> tuple[Any, Any]:
    """Centres of every fully dark window of ``run`` pixels along ``axis`` of ``mask``:
    (position along the run, position across it)."""
    import numpy as np

    sums = np.cumsum(mask, axis=axis, dtype=np.int32)
    if axis == 1:
        window = sums[:, run:] - sums[:, :-run]
        across, along = np.nonzero(window == run)
    else:
        window = sums[run:, :] - sums[:-run, :]
        along, across = np.nonzero(window == run)
    return along.astype(np.float64) + run / 2, across.astype(np.float64)


def _inside(runs: tuple[Any, Any], extent: int) -> tuple[Any, Any]:
    """Runs away from the page's edges: a scanner's shadow down one side is straight however
    the page lies, and would hide the page's own skew (it is never a table's rule)."""
    along, across = runs
    margin = extent * EDGE_FRACTION
    keep = (across >= margin) & (across <= extent - margin)
    return along[keep], across[keep]


def _skew(np: Any, h_along: Any, h_across: Any, v_along: Any, v_across: Any) -> float:
    """The slope at which the dark runs pile up most sharply (rules then lie on single rows)."""
    step = max(1, (len(h_along) + len(v_along)) // 40000)  # a sample is plenty
    ha, hc = h_along[::step], h_across[::step]
    va, vc = v_along[::step], v_across[::step]

    def score(slope: float) -> float:
        total = 0.0
        for across in (hc - slope * ha, vc + slope * va):
            if len(across):
                bins = np.bincount(np.round(across - across.min()).astype(np.int64))
                total += float(np.dot(bins, bins))
        return total

    # coarse then fine; ties go to the straighter slope
    spacing = 2 * MAX_SKEW / 14
    coarse = sorted((float(s) for s in np.linspace(-MAX_SKEW, MAX_SKEW, 15)), key=abs)
    centre = max(coarse, key=score)
    fine = sorted((float(s) for s in np.linspace(centre - spacing, centre + spacing, 11)), key=abs)
    return max(fine, key=score)


def _rules(
    np: Any, across: Any, along: Any, run: int, thickness: int, min_length: float
) -> tuple[Rule, ...]:
    if len(across) == 0:
        return ()
    offset = across.min()
    bins = np.round(across - offset).astype(np.int64)
    counts = np.bincount(bins)
    rules: list[Rule] = []
    for low, high in _bands(np, counts, min_length * 0.5):
        if high - low + 1 > thickness:
            # a solid shape (logo, dark shading): only a rule standing out of it may count
            level = float(np.median(counts[low : high + 1]))
            peaks = _bands(np, counts[low : high + 1], max(2 * level, min_length * 0.5))
            candidates = [(low + a, low + b) for a, b in peaks if b - a + 1 <= thickness]
        else:
            candidates = [(low, high)]
        for a, b in candidates:
            band = (bins >= a - 1) & (bins <= b + 1)
            rules.extend(_segments(np, across[band], along[band], run, min_length))
    return tuple(rules)


def _bands(np: Any, counts: Any, threshold: float) -> list[tuple[int, int]]:
    """Runs of consecutive bins whose count reaches ``threshold``, as (first, last)."""
    strong = np.concatenate(([False], counts >= threshold, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(strong))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _segments(np: Any, across: Any, along: Any, run: int, min_length: float) -> list[Rule]:
    """One band of dark runs cut where it has long breaks (two tables in line, a logo above)."""
    order = np.argsort(along)
    along, across = along[order], across[order]
    breaks = np.flatnonzero(np.diff(along) > 2 * run) + 1
    rules = []
    for part_along, part_across in zip(
        np.split(along, breaks), np.split(across, breaks), strict=True
    ):
        start, stop = float(part_along[0]) - run / 2, float(part_along[-1]) + run / 2
        covered = len(np.unique((part_along / 4).astype(np.int64))) * 4 + run
        if stop - start >= min_length and covered >= MIN_COVER * (stop - start):
            rules.append(Rule(float(np.average(part_across)), start, stop))
    return rules


def _distinct(positions: list[float], tolerance: float) -> tuple[float, ...]:
    """Sorted positions, pieces of one broken rule counted once."""
    result: list[float] = []
    for position in sorted(positions):
        if result and position - result[-1] <= tolerance:
            continue
        result.append(position)
    return tuple(result)


def _grids(
    horizontal: tuple[Rule, ...], vertical: tuple[Rule, ...], tolerance: float
) -> tuple[Grid, ...]:
    """Rules that cross each other, grouped into tables with at least two of each kind."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for i, h_rule in enumerate(horizontal):
        for j, v_rule in enumerate(vertical):
            if (
                h_rule.start - tolerance <= v_rule.position <= h_rule.end + tolerance
                and v_rule.start - tolerance <= h_rule.position <= v_rule.end + tolerance
            ):
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list[float], list[Rule]]] = {}
    for i, h_rule in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h_rule.position)
    for j, v_rule in enumerate(vertical):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(v_rule)
    grids = [
        Grid(
            _distinct(rows, tolerance),
            _distinct([rule.position for rule in columns], tolerance),
            tuple((rule.position, rule.start, rule.end) for rule in columns),
        )
        for rows, columns in groups.values()
    ]
    grids = [grid for grid in grids if len(grid.rows) >= 2 and len(grid.columns) >= 2]
    return tuple(sorted(grids, key=lambda grid: grid.rows[0]))


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


def tsv_blocks(
    tsv: str, number: int, first_page: bool, rules: PageRules | None = None
) -> list[Block]:
    """Tesseract TSV (words with positions) -> paragraph and table-row blocks, roles by position."""
    rules = rules or PageRules()
    return _blocks(_tsv_words(tsv, rules), number, first_page, rules)


def _blocks(
    read: tuple[list[_OcrWord], set[str], int], number: int, first_page: bool, rules: PageRules
) -> list[Block]:
    """A page's words (with those read unsure, and the page's height) as blocks."""
    words, unsure, page_height = read
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
    placed.extend(_paragraphs([w for w in words if id(w.word) not in used], list(placed)))
    blocks = []
    # a numbered item at the top (a letter's second page photographed alone: "(b) It is
    # mandatory ...") is no letterhead, nor is anything below it
    letterhead = first_page
    for piece in sorted(placed, key=lambda p: (p.top, p.bottom)):
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
    return blocks


def _tsv_words(tsv: str, rules: PageRules) -> tuple[list[_OcrWord], set[str], int]:
    """The words of a Tesseract TSV (deskewed, rule glyphs left out), the words read with low
    confidence, and the page's height."""
    words: list[_OcrWord] = []
    unsure: set[str] = set()  # words read with low confidence anywhere on the page
    page_height = 1
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level, block, par, line = (int(cols[0]), int(cols[2]), int(cols[3]), int(cols[4]))
        left, top, width, height = int(cols[6]), int(cols[7]), int(cols[8]), int(cols[9])
        if level == 1:
            page_height = max(page_height, top + height)
        text = cols[11].strip()
        if level == 5 and text:
            word = _deskewed(Word(left, top, left + width, top + height, text), rules.slope)
            confidence = float(cols[10]) if cols[10].strip() else 0.0
            if not _is_rule_glyph(word, confidence, rules):
                words.append(_OcrWord(word, (block, par, line)))
                if 0 <= confidence < UNSURE_CONFIDENCE and any(c.isalnum() for c in text):
                    unsure.add(text)
    return words, unsure, page_height


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
        text = join_lines(" ".join(w.text for w in line) for line in para_lines)
        if not text:
            continue
        height = max(w.bottom - w.top for w in para_lines[-1])
        previous = placed[-1] if placed else None
        if previous and _runs_on(previous, text, top, height):
            # Tesseract cut one paragraph in two mid-sentence ("... does not hold the" /
            # "information you requested."): one paragraph, so the sentence is read whole
            placed[-1] = _Placed(previous.top, bottom, f"{previous.text} {text}", "")
        else:
            placed.append(_Placed(top, bottom, text, ""))
    return placed


def _runs_on(previous: _Placed, text: str, top: float, line_height: float) -> bool:
    """Whether ``text`` continues the sentence ``previous`` leaves open on the line above."""
    return (
        not previous.is_table
        and previous.text[-1:].isalpha()
        and text[:1].islower()
        and 0 <= top - previous.bottom <= 1.5 * line_height
    )
