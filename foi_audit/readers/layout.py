"""Tables from layout: borderless ones (a column gutter shared by consecutive lines) and ruled
ones (a grid of ruling lines, :func:`find_grid_tables`).

Used for text PDF pages (:mod:`foi_audit.readers.pdf`) and for OCR'd words
(:mod:`foi_audit.readers.ocr`); coordinates are unit-free (points or pixels), y grows downwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

_URL_TAIL = re.compile(r"(https?://|www\.)\S*$")


def join_lines(lines: Iterable[object]) -> str:
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


# ---------------------------------------------------------------- ruled grids
#
# Ruling lines (from a PDF's vector paths) into table cells. This follows pdfplumber's "lines"
# strategy step by step (pdfplumber/table.py, MIT licence) so that rows read the same as when
# pdfplumber found them: snap rules within 3 units to their mean, join collinear pieces with
# gaps up to 3, drop pieces shorter than 3, take crossings within 3, and make a cell of each
# smallest rectangle whose four corners are crossings joined by rules. A missing inner rule
# therefore merges the two cells beside it. It is done here, on plain tuples, because running
# pdfplumber means parsing the whole page again with pdfminer, which cost ten times more than
# reading the page. Coordinates: y grows downwards.

RULE_SNAP = 3.0  # rules closer than this are one rule
RULE_JOIN = 3.0  # collinear pieces with a gap up to this are one rule
RULE_MIN_LENGTH = 3.0  # shorter joined rules are ignored
RULE_CROSSING = 3.0  # a rule reaching this close to another crosses it

Edge = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]
Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class GridTable:
    """Cells of one ruled table, row by row; ``None`` where a merged cell spans that column."""

    rows: tuple[tuple[Cell | None, ...], ...]

    @property
    def bbox(self) -> Cell:
        cells = [cell for row in self.rows for cell in row if cell]
        return (
            min(c[0] for c in cells),
            min(c[1] for c in cells),
            max(c[2] for c in cells),
            max(c[3] for c in cells),
        )


def row_bbox(row: tuple[Cell | None, ...]) -> Cell:
    cells = [cell for cell in row if cell]
    return (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )


def find_grid_tables(horizontal: list[Edge], vertical: list[Edge]) -> list[GridTable]:
    """Ruled tables from horizontal and vertical rules, top to bottom.

    Horizontal rules have ``top == bottom``; vertical ones are placed by ``x0``. Rules shorter
    than one unit are ignored before snapping (the short sides of a thin filled rectangle).
    """
    h = [e for e in horizontal if e[2] - e[0] >= 1.0]
    v = [e for e in vertical if e[3] - e[1] >= 1.0]
    h = _join_rules(_snap_rules(h, position=1), along=0)
    v = _join_rules(_snap_rules(v, position=0), along=1)
    h = [e for e in h if e[2] - e[0] >= RULE_MIN_LENGTH]
    v = [e for e in v if e[3] - e[1] >= RULE_MIN_LENGTH]
    crossings = _crossings(h, v)
    cells = _cells(crossings)
    return [GridTable(rows=_rows(group)) for group in _group_cells(cells)]


def _snap_rules(edges: list[Edge], position: int) -> list[Edge]:
    """Rules whose positions chain within RULE_SNAP moved to their mean position."""
    values = sorted({e[position] for e in edges})
    cluster_of: dict[float, int] = {}
    cluster = -1
    last: float | None = None
    for value in values:
        if last is None or value > last + RULE_SNAP:
            cluster += 1
        cluster_of[value] = cluster
        last = value
    groups: list[list[Edge]] = [[] for _ in range(cluster + 1)]
    for edge in edges:
        groups[cluster_of[edge[position]]].append(edge)
    snapped: list[Edge] = []
    for group in groups:
        mean = sum(e[position] for e in group) / len(group)
        for x0, top, x1, bottom in group:
            # moved the way pdfplumber moves them (old + (mean - old)), so ties break alike
            if position == 0:
                shift = mean - x0
                snapped.append((x0 + shift, top, x1 + shift, bottom))
            else:
                shift = mean - top
                snapped.append((x0, top + shift, x1, bottom + shift))
    return snapped


def _join_rules(edges: list[Edge], along: int) -> list[Edge]:
    """Pieces on one line (same position) that touch or nearly touch made into one rule."""
    position = 1 if along == 0 else 0
    start, end = (0, 2) if along == 0 else (1, 3)
    joined: list[Edge] = []
    by_line: dict[float, list[Edge]] = {}
    for edge in edges:
        by_line.setdefault(edge[position], []).append(edge)
    for key in sorted(by_line):
        pieces = sorted(by_line[key], key=lambda e: e[start])
        line = [pieces[0]]
        for piece in pieces[1:]:
            last = line[-1]
            if piece[start] <= last[end] + RULE_JOIN:
                if piece[end] > last[end]:
                    grown = list(last)
                    grown[end] = piece[end]
                    line[-1] = (grown[0], grown[1], grown[2], grown[3])
            else:
                line.append(piece)
        joined.extend(line)
    return joined


def _crossings(h: list[Edge], v: list[Edge]) -> dict[Point, tuple[list[Edge], list[Edge]]]:
    """Points where a vertical rule meets a horizontal one, with the rules through each."""
    crossings: dict[Point, tuple[list[Edge], list[Edge]]] = {}
    tol = RULE_CROSSING
    h_sorted = sorted(h, key=lambda e: (e[1], e[0]))
    for ve in sorted(v, key=lambda e: (e[0], e[1])):
        for he in h_sorted:
            if (
                ve[1] <= he[1] + tol
                and ve[3] >= he[1] - tol
                and he[0] - tol <= ve[0] <= he[2] + tol
            ):
                point = (ve[0], he[1])
                entry = crossings.setdefault(point, ([], []))
                entry[0].append(ve)
                entry[1].append(he)
    return crossings


def _cells(crossings: dict[Point, tuple[list[Edge], list[Edge]]]) -> list[Cell]:
    """Each crossing's smallest rectangle whose corners are crossings joined by rules."""
    vertical_through = {p: set(edges[0]) for p, edges in crossings.items()}
    horizontal_through = {p: set(edges[1]) for p, edges in crossings.items()}

    def joined(a: Point, b: Point) -> bool:
        if a[0] == b[0] and vertical_through[a] & vertical_through[b]:
            return True
        return a[1] == b[1] and bool(horizontal_through[a] & horizontal_through[b])

    points = sorted(crossings)
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for point in points:
        column.setdefault(point[0], []).append(point)
        row.setdefault(point[1], []).append(point)
    cells: list[Cell] = []
    for point in points:
        below = [p for p in column[point[0]] if p[1] > point[1]]
        right = [p for p in row[point[1]] if p[0] > point[0]]
        cell = _smallest_cell(point, below, right, crossings, joined)
        if cell:
            cells.append(cell)
    return cells


def _smallest_cell(
    point: Point,
    below: list[Point],
    right: list[Point],
    crossings: dict[Point, tuple[list[Edge], list[Edge]]],
    connects: Callable[[Point, Point], bool],
) -> Cell | None:
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            if not connects(point, right_point):
                continue
            corner = (right_point[0], below_point[1])
            if (
                corner in crossings
                and connects(corner, right_point)
                and connects(corner, below_point)
            ):
                return (point[0], point[1], corner[0], corner[1])
    return None


def _group_cells(cells: list[Cell]) -> list[list[Cell]]:
    """Cells sharing corners gathered into tables, top-left first; lone cells are not tables."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[Cell] = []
    tables: list[list[Cell]] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in cell_corners):
                corners.update(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(current)
            corners = set()
            current = []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _rows(cells: list[Cell]) -> tuple[tuple[Cell | None, ...], ...]:
    """Cells by row (same top), one slot per column start; ``None`` under a merged cell."""
    lefts = sorted({c[0] for c in cells})
    by_top: dict[float, dict[float, Cell]] = {}
    for cell in sorted(cells, key=lambda c: (c[1], c[0])):
        by_top.setdefault(cell[1], {})[cell[0]] = cell
    return tuple(tuple(slots.get(x) for x in lefts) for _, slots in sorted(by_top.items()))


# --- Two-column letters ----------------------------------------------------------------------

MIN_COLUMN_LINES = 8  # a two-column stretch this long at least, ...
MIN_BOTH_SIDES = 5  # ... with text on both sides of the gutter on this many lines
GUTTER_MARGIN = 0.01  # of the page width: text this close to the gutter crosses it


@dataclass(frozen=True)
class ColumnRun:
    """Lines ``first`` to ``last`` of a page set in two columns either side of ``gutter``."""

    first: int
    last: int
    gutter: float


def find_columns(
    lines: Sequence[TextLine], width: float, margin: float = GUTTER_MARGIN
) -> ColumnRun | None:
    """A letter set in two columns: a gutter down the middle of the page that no text crosses
    for a run of lines, most of them with text on both sides, the left column filled to its
    edge (a borderless table's labels, "Policy", "Delivery", are not, and its rows are read
    across). Below the last line with text on both sides the left column may run on (columns
    end unevenly), but not across a wide gap: a sign-off under both columns is no column.
    ``margin``: of the width, text this close to the gutter crosses it (a scan's gutter is
    narrowed by skew and specks)."""
    margin = width * margin
    best: ColumnRun | None = None
    for step in range(45, 105):
        x = width * step / 150
        run = _column_run(lines, x, margin)
        if run and (best is None or run[1] - run[0] > best.last - best.first):
            best = ColumnRun(run[0], run[1], x)
    if best is None:
        return None
    first, last, gutter = best.first, best.last, best.gutter
    both = [i for i in range(first, last + 1) if _both_sides(lines[i], gutter)]
    for index in range(both[-1] + 1, last + 1):
        previous = lines[index - 1]
        if lines[index].top - previous.bottom > 2.5 * (previous.bottom - previous.top):
            last = index - 1
            break
    ends = [
        max(w.right for w in left)
        for line in lines[first : last + 1]
        if (left := [w for w in line.words if w.right <= gutter])
    ]
    start = min(
        (w.left for line in lines[first : last + 1] for w in line.words if w.right <= gutter),
        default=gutter,
    )
    full = [end for end in ends if end >= gutter - 0.25 * (gutter - start)]
    if len(full) < 0.5 * len(ends):
        return None
    return ColumnRun(first, last, gutter)


def _column_run(lines: Sequence[TextLine], x: float, margin: float) -> tuple[int, int] | None:
    """The longest run of lines no text crosses at ``x``, when it is long enough and has text
    on both sides often enough."""
    best: tuple[int, int] | None = None
    start = None
    both = 0
    for index, line in enumerate([*lines, None]):
        crossed = line is None or any(
            w.left < x + margin and w.right > x - margin for w in line.words
        )
        if not crossed and line is not None:
            if start is None:
                start, both = index, 0
            both += _both_sides(line, x)
            continue
        if (
            start is not None
            and index - start >= MIN_COLUMN_LINES
            and both >= MIN_BOTH_SIDES
            and (best is None or index - 1 - start > best[1] - best[0])
        ):
            best = (start, index - 1)
        start = None
    return best


def _both_sides(line: TextLine, x: float) -> bool:
    return len({w.right <= x for w in line.words}) == 2
