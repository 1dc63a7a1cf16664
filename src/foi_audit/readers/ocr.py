"""OCR of scanned pages with the Tesseract command-line program (one page at a time)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from typing import Any

from foi_audit.errors import NeedsOcr, ReadError
from foi_audit.model import Block, BlockRole

OCR_DPI = 300
NEEDS_OCR_MESSAGE = (
    "needs OCR: install tesseract-ocr (Debian/Ubuntu: sudo apt-get install tesseract-ocr; "
    "macOS: brew install tesseract)"
)
LETTERHEAD_FRACTION = 0.22
FOOTER_FRACTION = 0.07
PAGE_SECONDS = 120


def tesseract_path() -> str:
    path = shutil.which("tesseract")
    if not path:
        raise NeedsOcr(NEEDS_OCR_MESSAGE)
    return path


def ocr_page(page: Any, number: int, first_page: bool) -> list[Block]:
    """Render a pypdfium2 page at 300 dpi and OCR it into paragraph blocks."""
    binary = tesseract_path()
    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ocr_image(buffer.getvalue(), number, first_page, binary)


def ocr_image(png: bytes, number: int, first_page: bool, binary: str | None = None) -> list[Block]:
    binary = binary or tesseract_path()
    # OpenMP threads make Tesseract several times slower on small machines.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        result = subprocess.run(
            [binary, "-", "-", "--psm", "3", "-l", "eng", "tsv"],
            input=png,
            capture_output=True,
            env=env,
            timeout=PAGE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(
            f"OCR of page {number} took over {PAGE_SECONDS} s: check the scan by hand"
        ) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(
            f"tesseract failed on page {number} ({message[-1] if message else 'no message'}): "
            "check the tesseract-ocr installation and its English language data"
        )
    return tsv_blocks(result.stdout.decode("utf-8", "replace"), number, first_page)


def tsv_blocks(tsv: str, number: int, first_page: bool) -> list[Block]:
    """Tesseract TSV (words with positions) -> one block per paragraph, with roles by position."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, int, str]]] = {}
    page_height = 1
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level, block, par, line = (int(cols[0]), int(cols[2]), int(cols[3]), int(cols[4]))
        left, top, height = int(cols[6]), int(cols[7]), int(cols[9])
        if level == 1:
            page_height = max(page_height, top + height)
        word = cols[11].strip()
        if level == 5 and word:
            lines.setdefault((block, par, line), []).append((top, top + height, left, word))
    paragraphs: dict[tuple[int, int], list[list[tuple[int, int, int, str]]]] = {}
    for (block, par, _line), words in sorted(lines.items()):
        paragraphs.setdefault((block, par), []).append(sorted(words, key=lambda w: w[2]))
    from foi_audit.readers.pdf import join_lines

    blocks = []
    placed = []
    for para_lines in paragraphs.values():
        top = min(w[0] for words in para_lines for w in words)
        bottom = max(w[1] for words in para_lines for w in words)
        text = join_lines(" ".join(w[3] for w in words) for words in para_lines)
        if text:
            placed.append((top, bottom, text))
    for top, bottom, text in sorted(placed):
        if first_page and bottom <= page_height * LETTERHEAD_FRACTION:
            role = BlockRole.HEADER
        elif top >= page_height * (1 - FOOTER_FRACTION):
            role = BlockRole.FOOTER
        else:
            role = BlockRole.BODY
        blocks.append(Block(text, f"page {number} (OCR)", role))
    return blocks
