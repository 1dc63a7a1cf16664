"""Answers a spreadsheet gives by colour alone, read through the sheet's own key: an empty
cell filled green under "Key: Green = Yes" reads "Yes"; where "the option that applies is
shaded green", the shaded option reads as ticked (☒) and the others in its row as not (☐)."""

from __future__ import annotations

import colorsys
import re
from typing import Any

_COLOUR_NAMES = r"green|red|amber|orange|yellow|blue|grey|gray|pink|purple"
# "Green = Yes", "Red: No", "Amber - Partially"
_MEANING = re.compile(
    rf"^\s*(?P<colour>{_COLOUR_NAMES})\s*(?:=|:|-|–|means)\s*(?P<meaning>[A-Za-z][\w /'-]{{0,30}}?)\s*$",
    re.IGNORECASE,
)
# "the option that applies is shaded green", "selected answers are highlighted in yellow"
_CHOSEN = re.compile(
    rf"\b(?:shaded|highlighted|coloured|colored|filled|marked)\s+(?:in\s+)?(?P<colour>{_COLOUR_NAMES})\b",
    re.IGNORECASE,
)
_OPTION_WORDS = 4  # an option is a short cell ("In-house", "External provider")


def keyed_by_colour(grid: list[list[str]]) -> bool:
    """Whether a sheet's text holds a colour key (so its fills are worth reading)."""
    return any(_MEANING.match(text) or _CHOSEN.search(text) for row in grid for text in row)


def colour_name(rgb: str) -> str:
    """The everyday name of an ARGB fill ("0092D050" is green), "" for white, black or grey."""
    try:
        red, green, blue = (int(part, 16) / 255 for part in (rgb[-6:-4], rgb[-4:-2], rgb[-2:]))
    except ValueError:
        return ""
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < 0.25 or lightness > 0.95 or lightness < 0.08:
        return ""
    degrees = hue * 360
    for limit, name in ((15, "red"), (45, "amber"), (70, "yellow"), (170, "green")):
        if degrees < limit:
            return name
    return "blue" if degrees < 265 else "purple" if degrees < 320 else "red"


_SAME = {"orange": "amber", "gray": "grey", "pink": "red"}


def _named(colour: str) -> str:
    return _SAME.get(colour.lower(), colour.lower())


def read_fills(grid: list[list[str]], fills: dict[tuple[int, int], str]) -> list[list[str]]:
    """The grid with its colour-only answers written out (``fills``: (row, column) from 0 ->
    ARGB of each solid fill). Cells of the key itself keep their text."""
    meanings: dict[str, str] = {}
    chosen = ""
    for row in grid:
        for text in row:
            if found := _MEANING.match(text):
                meanings[_named(found["colour"])] = found["meaning"].strip()
            elif found := _CHOSEN.search(text):
                chosen = _named(found["colour"])
    out = [list(row) for row in grid]
    marked_rows: set[int] = set()
    for (r, c), rgb in fills.items():
        name = colour_name(rgb)
        if not name or r >= len(out) or c >= len(out[r]):
            continue
        text = out[r][c]
        if not text.strip() and name in meanings:
            out[r][c] = meanings[name]
        elif name == chosen and text.strip() and not _CHOSEN.search(text):
            out[r][c] = f"☒ {text}"
            marked_rows.add(r)
    # the options are the columns from the first to the last a chosen cell is in anywhere
    # (not a comments column after them)
    at = [c for (r, c), rgb in fills.items() if r in marked_rows and colour_name(rgb) == chosen]
    options = set(range(min(at), max(at) + 1)) if at else set()
    for r in marked_rows:
        for c, text in enumerate(out[r]):
            short = 0 < len(text.split()) <= _OPTION_WORDS
            if c in options and short and not text.startswith("☒"):
                out[r][c] = f"☐ {text}"
    return out


def solid_fills(sheet: Any) -> dict[tuple[int, int], str]:
    """(row, column) from 0 -> ARGB of each cell with a solid fill given as a colour."""
    found: dict[tuple[int, int], str] = {}
    for r, row in enumerate(sheet.iter_rows()):
        for c, cell in enumerate(row):
            fill = getattr(cell, "fill", None)
            if fill is None or fill.fill_type != "solid":
                continue
            rgb = getattr(fill.fgColor, "rgb", None)
            if isinstance(rgb, str) and len(rgb) >= 6:
                found[(r, c)] = rgb
    return found
