"""A PDF's text rectangles split where one text object jumps a gutter as wide as :mod:`layout`
asks between columns (a table's two columns drawn as one line of text: "1. Does the Trust have
a policy on      Yes. The Trust's ...")."""

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
    left, bottom, right, top, text = rect
    first = textpage.get_index(left + 0.5, (bottom + top) / 2, size, size)
    if first is None or first < 0:
        return [rect]
    letters: list[tuple[int, float, float]] = []  # index, left, right of each visible letter
    index = first
    count = textpage.count_chars()
    while index < count:
        c_left, c_bottom, c_right, c_top = textpage.get_charbox(index)
        if c_right > c_left and c_top - c_bottom > _INKLESS:  # a space or line break
            if not bottom - 1 <= (c_bottom + c_top) / 2 <= top + 1 or c_left > right + 1:
                break
            letters.append((index, c_left, c_right))
        index += 1
    pieces: list[list[tuple[int, float, float]]] = []
    for letter in letters:
        if pieces and letter[1] - pieces[-1][-1][2] < GUTTER_LINE_HEIGHTS * size:
            pieces[-1].append(letter)
        else:
            pieces.append([letter])
    if len(pieces) < 2:
        return [rect]
    out: list[Rect] = []
    for piece in pieces:
        start, end = piece[0][0], piece[-1][0]
        words = textpage.get_text_range(start, end - start + 1)
        words = words.replace("\r", " ").replace("\n", " ").replace("\x02", "").strip()
        if words:
            out.append((piece[0][1], bottom, max(c[2] for c in piece), top, words))
    return out or [rect]
