"""A scanned page's coloured stamps, dropped before OCR: a red "RECEIVED" stamp over a letterhead."""

from __future__ import annotations

from typing import Any

# A pixel of red ink: bright in red, well above its green and blue. Black and blue ink (text,
# an NHS letterhead) are dark in the red channel, so reading that channel as grey keeps them
# and fades the red ink to paper.
_RED_LEVEL = 140
_RED_MARGIN = 70
# The share of a page's pixels in red ink above which it is read without it (a post room's
# stamp is a few thousandths of a page; a page with none keeps its usual grey)
STAMP_SHARE = 0.0005


def grey_without_stamps(image: Any) -> Any:
    """The page as grey for OCR: its red channel when red ink is on it (a date stamp printed
    across the letterhead garbled the trust's name), else its plain luminance."""
    import numpy as np

    if image.mode not in {"RGB", "RGBA"}:
        return image.convert("L")
    rgb = image.convert("RGB")
    pixels = np.asarray(rgb, dtype=np.int16)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    stamp = (red > _RED_LEVEL) & (red - np.maximum(green, blue) > _RED_MARGIN)
    if stamp.mean() < STAMP_SHARE:
        return rgb.convert("L")
    return rgb.getchannel("R")
