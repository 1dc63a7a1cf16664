"""Plain-text tables set out with spaces: "Question      Response" over rows whose answers
start at one column, a long cell wrapped onto the next lines of its own column. Each row is
rewritten as one line of cells ("1. Does the Trust ... policy? | Yes - the Sexual Safety ..."),
so a wrapped question never runs into its answer."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

MIN_GAP = 2  # spaces between the columns, at least
MIN_LEFT = 20  # the question column is at least this wide (not a reference before a title)
MIN_ROWS = 3  # lines with text on both sides of one column before it is believed
_ROW_START = re.compile(
    r"^\s*(?:q(?:uestion)?\s*)?\d{1,2}(?:\.\d{1,2}|\([a-z]\)|[a-z])?\b[.):]?\s|^\s*\(?[a-z]\)\s",
    re.I,
)
_GAP = re.compile(rf"\S {{{MIN_GAP},}}(?=\S)")
_SENTENCE_GAP = re.compile(r"\.  (?=\S)")
_NUMBER_CELL = re.compile(r"^(\S{1,6}) {2,}(?=\S)")  # "2a   In-house / external"
_RULE = re.compile(r"^\s*[-=_]{10,}\s*$")


def _gap_starts(line: str) -> list[int]:
    """Where text resumes after a run of spaces inside ``line`` (the start of another cell):
    not after a short first cell, a row's number ("1.   Does ...", "2a   In-house"), nor after
    a label set out before its value ("Date received:   11/11/2024") or two spaces after a full
    stop ("Yes.  The policy ...")."""
    gaps = [
        m
        for m in _GAP.finditer(line)
        if line[m.start()] != ":" and not _SENTENCE_GAP.match(line, m.start())
    ]
    if gaps and (number := _NUMBER_CELL.match(line)) and number.end() == gaps[0].end():
        gaps = gaps[1:]
    return [m.end() for m in gaps]


def _two_cells(line: str) -> list[int]:
    """The start of a line's second cell, [] when it has not exactly two (an index of several
    columns has more)."""
    gaps = _gap_starts(line)
    return gaps if len(gaps) == 1 and gaps[0] >= MIN_LEFT else []


def answer_column(texts: Sequence[str]) -> int:
    """The character column a document's answers start at, 0 when it has no such table: the
    commonest place where text resumes after a gap, shared by at least three lines, and no line
    of those blocks running across it."""
    counts: Counter[int] = Counter()
    for text in texts:
        for line in text.splitlines():
            counts.update(_two_cells(line))
    if not counts:
        return 0
    column, found = counts.most_common(1)[0]
    return column if found >= MIN_ROWS else 0


def _fits(lines: list[str], column: int) -> bool:
    """No line runs across the column, and one at least has a gap that ends at it."""
    gapped = False
    for line in lines:
        if len(line) <= column or _RULE.match(line):
            continue
        if line[column - 1] != " " or len(_gap_starts(line)) > 1:
            return False
        gapped = gapped or column in _two_cells(line)
    return gapped


def aligned_rows(text: str, column: int) -> str:
    """``text`` with a table's rows at ``column`` rewritten one line each ("left | right");
    ``text`` as it is when its lines do not keep to the column."""
    lines = text.splitlines()
    if not column or not _fits(lines, column):
        return text
    rows: list[tuple[list[str], list[str]]] = []
    numbered = any(_ROW_START.match(line[:column]) for line in lines)
    for line in lines:
        if _RULE.match(line):
            continue
        left, right = line[:column].strip(), line[column:].strip()
        # a row starts at its number, or (in a table with no numbers) after a question ended or
        # where a capital opens both cells ("Mandatory or optional?      Optional")
        ended = not numbered and bool(rows) and bool(rows[-1][0]) and rows[-1][0][-1].endswith("?")
        ended = ended or not numbered and left[:1].isupper() and right[:1].isupper()
        if not rows or left and (_ROW_START.match(left) or not rows[-1][0] or ended):
            rows.append(([], []))
        if left:
            rows[-1][0].append(left)
        if right:
            rows[-1][1].append(right)
    # a column of numbers of its own, headed apart ("No   Subject      Response"): its own cell
    head = rows[0][0][0] if rows and rows[0][0] else ""
    numbers = bool(_NUMBER_CELL.match(head)) and not _ROW_START.match(head)
    out = []
    for left_lines, right_lines in rows:
        number = _NUMBER_CELL.match(left_lines[0]) if numbers and left_lines else None
        if number:
            left_lines = [left_lines[0][number.end() :], *left_lines[1:]]
        cells = [" ".join(" ".join(left_lines).split()), " ".join(" ".join(right_lines).split())]
        cells = [number[1], *cells] if number else cells
        out.append(" | ".join(cell for cell in cells if cell))
    return "\n".join(out)
