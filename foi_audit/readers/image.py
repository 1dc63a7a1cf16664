"""Images of pages (a phone photo or a scan saved as JPEG, PNG or TIFF): OCR'd like a scanned
PDF's pages, one page a frame."""

from __future__ import annotations

import io

from foi_audit.errors import CorruptFile, EmptyFile, NotAPage
from foi_audit.readers import ocr, tesseract
from foi_audit.readers.stamps import grey_without_stamps
from foi_audit.records import Block, Extraction

# A page narrower than this (pixels) is enlarged first: Tesseract reads a letter's 10-point
# text well from about 200 dpi on an A4 page (1,650 pixels across).
_MIN_WIDTH = 1650
# Smaller than this on its longer side (pixels), an image is a logo or an icon, not a page.
_SMALLEST_PAGE = 600


# A picture set in a mail's body whose shorter side is under this is a logo or a banner.
_NARROWEST_PAGE = 400


def pictures_a_page(data: bytes) -> bool:
    """Whether a picture set in a mail's body is big enough to be a page (a scanned table of
    answers pasted in), not a logo, an icon or a signature's banner."""
    from PIL import Image, UnidentifiedImageError

    try:
        size = Image.open(io.BytesIO(data)).size
    except (UnidentifiedImageError, OSError):
        return False
    return max(size) >= _SMALLEST_PAGE and min(size) >= _NARROWEST_PAGE


def read(data: bytes, name: str) -> Extraction:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    try:
        picture = Image.open(io.BytesIO(data))
        frames = [
            grey_without_stamps(ImageOps.exif_transpose(f.copy()).convert("RGB"))
            for f in ImageSequence.Iterator(picture)
        ]
    except (UnidentifiedImageError, OSError) as error:
        raise CorruptFile(
            f"the image cannot be opened ({error}): ask the trust to send it again"
        ) from None
    if all(max(f.size) < _SMALLEST_PAGE for f in frames):
        raise NotAPage("the image is too small to be a page (a logo or an icon): nothing to read")
    binary = tesseract.tesseract_path()  # a one-line error naming how to install Tesseract
    blocks: list[Block] = []
    for number, frame in enumerate(frames, start=1):
        native = frame  # its specks are found at its own resolution, before scaling blurs them
        if frame.width < _MIN_WIDTH:
            size = (_MIN_WIDTH, round(frame.height * _MIN_WIDTH / frame.width))
            frame = frame.resize(size, Image.Resampling.LANCZOS)
        page = tesseract.pnm(frame)
        blocks.extend(ocr.ocr_image(page, number, number == 1, binary, frame, native))
    if not blocks:
        raise EmptyFile("the image holds no text OCR could read: check it by hand")
    return Extraction(format="image", blocks=tuple(blocks), units=len(frames), ocr=True)
