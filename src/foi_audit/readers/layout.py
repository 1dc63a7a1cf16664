"""Borderless tables: a column gutter shared by consecutive lines.

Used for text PDF pages (:mod:`foi_audit.readers.pdf`) and for OCR'd words
(:mod:`foi_audit.readers.ocr`); coordinates are unit-free (points or pixels), y grows downwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
