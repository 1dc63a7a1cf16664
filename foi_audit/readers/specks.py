"""Specks on a scanned page (scanner dust, sensor noise): found, taken out by a median filter,
read again cleaned when Tesseract's confidence says the page read poorly."""

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
