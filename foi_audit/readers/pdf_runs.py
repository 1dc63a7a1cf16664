"""A PDF's text rectangles split where one text object jumps a gutter as wide as :mod:`layout`
asks between columns (a table's two columns drawn as one line of text: "1. Does the Trust have
a policy on      Yes. The Trust's ..."), or where a line is drawn through letters (struck
through: "Yes / ~~No~~ (delete as appropriate)")."""

from __future__ import annotations

from typing import Any

from foi_audit.readers.layout import GUTTER_LINE_HEIGHTS

Rect = tuple[float, float, float, float, str]  # left, bottom, right, top (PDF points), text

SLACK_HEIGHTS = 1.0  # a run this much wider than its letters need is looked at letter by letter
_INKLESS = 0.05  # points: pdfium's box of a space is a line this thin, of a hyphen ten times more
_TYPICAL_CHARS = 20  # runs at least this long set the page's usual width per character


def split_wide_runs(textpage: Any, rects: list[Rect]) -> list[Rect]:
    """``rects`` with each run that spans a gutter cut in two at it.

    pdfium gives one rectangle per text object, and some writers draw a borderless table's
    row as one object that moves across the gap between the columns: its question and answer
    then read as one sentence. Only a run wider than its letters need (against the page's
    usual width per character) is measured letter by letter, which keeps ordinary pages cheap.
    """
    # a letter's width for its height: the same for every size of the page's usual font
    widths = sorted(
        (right - left) / (len(text) * max(top - bottom, 1.0))
        for left, bottom, right, top, text in rects
        if len(text) >= _TYPICAL_CHARS
    )
    if not widths:
        return rects
    per_char = widths[len(widths) // 2]
    out: list[Rect] = []
    for rect in rects:
        left, bottom, right, top, text = rect
        size = max(top - bottom, 1.0)
        if " " in text and (right - left) - per_char * len(text) * size > SLACK_HEIGHTS * size:
            out.extend(_cut(textpage, rect, size))
        else:
            out.append(rect)
    return out


def _cut(textpage: Any, rect: Rect, size: float) -> list[Rect]:
    pieces: list[list[tuple[int, float, float]]] = []
    for letter in _letters(textpage, rect, size):
        if pieces and letter[1] - pieces[-1][-1][2] < GUTTER_LINE_HEIGHTS * size:
            pieces[-1].append(letter)
        else:
            pieces.append([letter])
    if len(pieces) < 2:
        return [rect]
    _, bottom, _, top, _ = rect
    return [r for piece in pieces if (r := _piece_rect(textpage, piece, bottom, top))] or [rect]


# A rule through a run's middle strikes it out; one nearer its bottom underlines it.
STRIKE_BAND = (0.25, 0.75)  # share of the run's height, from its bottom
EDGE_HEIGHTS = 1.2  # a strike starts and ends this near a word's edge (in the run's heights)


def drop_struck(
    textpage: Any, rects: list[Rect], rules: list[tuple[float, float, float]]
) -> list[Rect]:
    """``rects`` without the words a level rule (``x0, y, x1`` in PDF points) is drawn through:
    options a form's respondent struck out ("delete as appropriate"), an answer taken back. A
    struck run becomes the pieces left on either side of the struck words. Only a rule that
    starts and ends at words' edges strikes (not a separator drawn across a line of text)."""
    struck: dict[int, list[tuple[float, float]]] = {}
    words: dict[int, list[list[tuple[int, float, float]]]] = {}
    for x0, y, x1 in rules:
        crossed = [k for k, rect in enumerate(rects) if _crosses(rect, x0, y, x1)]
        for k in crossed:
            if k not in words:
                left, bottom, right, top, _ = rects[k]
                words[k] = _words(_letters(textpage, rects[k], max(top - bottom, 1.0)))
        edges = [(w[0][1], w[-1][2], rects[k][3] - rects[k][1]) for k in crossed for w in words[k]]
        starts = any(abs(left - x0) <= size * EDGE_HEIGHTS for left, _, size in edges)
        ends = any(abs(right - x1) <= size * EDGE_HEIGHTS for _, right, size in edges)
        for k in crossed if starts and ends else []:
            struck.setdefault(k, []).append((x0, x1))
    out: list[Rect] = []
    for k, rect in enumerate(rects):
        out.extend(_unstruck(textpage, rect, struck[k], words[k]) if k in struck else [rect])
    return out


def _crosses(rect: Rect, x0: float, y: float, x1: float) -> bool:
    left, bottom, right, top, _ = rect
    low, high = (bottom + share * (top - bottom) for share in STRIKE_BAND)
    return low <= y <= high and x0 < right - 1 and x1 > left + 1


def _words(letters: list[tuple[int, float, float]]) -> list[list[tuple[int, float, float]]]:
    words: list[list[tuple[int, float, float]]] = []
    for letter in letters:
        if words and letter[0] == words[-1][-1][0] + 1:
            words[-1].append(letter)
        else:
            words.append([letter])
    return words


def _unstruck(
    textpage: Any,
    rect: Rect,
    through: list[tuple[float, float]],
    words: list[list[tuple[int, float, float]]],
) -> list[Rect]:
    if not words:
        return [rect]
    _, bottom, _, top, _ = rect
    # whole words: one struck for most of its width is struck ("P" of a struck "Partially"
    # just left of where the rule starts)
    pieces: list[list[tuple[int, float, float]]] = [[]]
    for word in words:
        width = sum(right - left for _, left, right in word)
        covered = sum(
            max(0.0, min(right, x1) - max(left, x0))
            for _, left, right in word
            for x0, x1 in through
        )
        if covered > width / 2:
            if pieces[-1]:
                pieces.append([])
        else:
            pieces[-1].extend(word)
    return [r for piece in pieces if piece and (r := _piece_rect(textpage, piece, bottom, top))]


def _letters(textpage: Any, rect: Rect, size: float) -> list[tuple[int, float, float]]:
    """The run's visible letters: index, left and right (spaces left out)."""
    left, bottom, right, top, _ = rect
    first = textpage.get_index(left + 0.5, (bottom + top) / 2, size, size)
    if first is None or first < 0:
        return []
    letters: list[tuple[int, float, float]] = []
    index, count = first, textpage.count_chars()
    while index < count:
        c_left, c_bottom, c_right, c_top = textpage.get_charbox(index)
        if c_right > c_left and c_top - c_bottom > _INKLESS:  # not a space or line break
            if (
                not bottom - 1 <= (c_bottom + c_top) / 2 <= top + 1
                or (c_left + c_right) / 2 > right
            ):
                break
            letters.append((index, c_left, c_right))
        index += 1
    return letters


def _piece_rect(
    textpage: Any, piece: list[tuple[int, float, float]], bottom: float, top: float
) -> Rect | None:
    start, end = piece[0][0], piece[-1][0]
    words = textpage.get_text_range(start, end - start + 1)
    words = words.replace("\r", " ").replace("\n", " ").replace("\x02", "").strip()
    return (piece[0][1], bottom, max(c[2] for c in piece), top, words) if words else None
