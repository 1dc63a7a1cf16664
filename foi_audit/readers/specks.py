"""Specks on a scanned page (scanner dust, sensor noise): found, taken out by a median filter,
and Tesseract's confidence in a page's reading, which says whether to read it again cleaned."""

from __future__ import annotations

from typing import Any

# A pixel a 3x3 median changes by more than this many grey levels is a speck (scanner dust,
# sensor noise), not part of a letter; a page with more than SPECKLED of them is cleaned first.
SPECK_CONTRAST = 96
SPECKLED = 5e-5
# A page with this share of pure black or white pixels is a bilevel scan (a fax): a median
# thins its strokes more than it clears its dots.
BILEVEL = 0.9
# Tesseract's mean confidence (weighted by word length) below which a page's reading is poor.
CLEAN_READING = 90.0


def confidence(tsv: str) -> float:
    """Tesseract's mean confidence in a page's words, each weighted by its length."""
    total = weighted = 0.0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip() and cols[10].strip():
            value = float(cols[10])
            if value >= 0:
                total += len(cols[11].strip())
                weighted += len(cols[11].strip()) * value
    return weighted / total if total else 0.0


def despeckled(image: Any) -> Any | None:
    """The page image with its specks taken out by a 3x3 median filter, or None when it has
    (almost) none or is bilevel: Tesseract reads specks as stray letters ("i is",
    "Theetraining"). A median also wears glyphs down ("4." read as "A."), so it is read only
    when the page as scanned read poorly."""
    from PIL import ImageChops, ImageFilter

    grey = image.convert("L")
    levels = grey.histogram()
    if levels[0] + levels[255] >= BILEVEL * grey.width * grey.height:
        return None
    cleaned = grey.filter(ImageFilter.MedianFilter(3))
    counts = ImageChops.difference(grey, cleaned).histogram()
    changed = sum(counts[SPECK_CONTRAST + 1 :])
    return cleaned if changed > SPECKLED * grey.width * grey.height else None
