"""A scanned page's skew, from the rows of its text: a poor reading askew is read again level."""

from __future__ import annotations

from typing import Any

# Pages are scanned a few degrees askew at most; a larger angle is a page on its side
# (handled by Tesseract's orientation check), not skew.
MAX_SKEW_DEGREES = 3.0
# Below this the lines are level enough that Tesseract reads them as well as turned (turning
# blurs glyphs: pages under a degree askew read worse turned in round 35's corpora).
LEVEL_DEGREES = 1.0
_SAMPLE_WIDTH = 1000  # pixels: the angle is found on a small copy of the page
_COARSE_STEP = 0.5
_FINE_STEP = 0.1


def skew_degrees(image: Any) -> float:
    """The angle (degrees, counter-clockwise) that levels the page's text lines: the turn
    whose row-by-row ink profile changes most sharply (text rows and the gaps between them
    line up only when level)."""
    import numpy as np
    from PIL import Image

    grey = image.convert("L")
    if grey.width < 100:
        return 0.0
    small = grey.resize((_SAMPLE_WIDTH, max(1, grey.height * _SAMPLE_WIDTH // grey.width)))
    ink = Image.fromarray(((np.asarray(small) < 128) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        turned = np.asarray(
            ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0), np.float32
        )
        profile = turned.sum(axis=1)
        return float(np.square(np.diff(profile)).sum())

    coarse = np.arange(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES + 1e-9, _COARSE_STEP)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - _COARSE_STEP, best + _COARSE_STEP + 1e-9, _FINE_STEP)
    return round(float(max(fine, key=sharpness)), 2)


def levelled(image: Any, native: Any = None) -> tuple[Any, Any, float]:
    """The page (and its picture at its own resolution) turned level, with the angle turned;
    unchanged when already level. Tesseract reads a noisy page two degrees askew much worse
    ("South West voriahire" for "South West Yorkshire")."""
    from PIL import Image

    angle = skew_degrees(image)
    if abs(angle) < LEVEL_DEGREES or abs(angle) >= MAX_SKEW_DEGREES:
        return image, native, 0.0

    def turn(picture: Any) -> Any:
        # (grown to hold the turned page: cut to its old size, a letterhead near the top
        # corner was lost)
        grey = picture.convert("L")
        return grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)

    return turn(image), turn(native) if native is not None else None, angle
