"""The Tesseract program: found, run on one page image for its words or for the page's
orientation (a page fed in sideways or upside down)."""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foi_audit.errors import NeedsOcr, ReadError

NEEDS_OCR_MESSAGE = (
    "needs OCR: install tesseract-ocr (Debian/Ubuntu: sudo apt-get install tesseract-ocr; "
    "macOS: brew install tesseract)"
)
PAGE_SECONDS = 120
# A page read with a mean confidence below this may be on its side or upside down.
TURNED_READING = 60.0
# Orientation detection's own confidence below which its answer is a guess.
SURE_ORIENTATION = 2.0
# A folder of Tesseract's recorded outputs, each under the hash of its version, options and
# page image: a call recorded there is replayed instead of run (the accuracy ratchet replays
# its scans' OCR, so it measures the coding, fast, with this Tesseract's own readings). With
# FOI_OCR_RECORD=1 too, calls not yet recorded are run and recorded.
RECORDINGS_ENV = "FOI_OCR_RECORDINGS"
RECORD_ENV = "FOI_OCR_RECORD"
_ROTATE = re.compile(r"^Rotate:\s*(\d+)\s*$", re.M)
_SURE = re.compile(r"^Orientation confidence:\s*([\d.]+)\s*$", re.M)


def tesseract_path() -> str:
    path = shutil.which("tesseract")
    if not path:
        raise NeedsOcr(NEEDS_OCR_MESSAGE)
    return path


# Pages of one scanned file OCR'd at once (Tesseract runs as its own process, so threads
# that wait on it use every core): set per file by the worker, from the run's --jobs.
_page_threads = 1


def set_page_threads(count: int) -> None:
    global _page_threads
    _page_threads = max(1, count)


def page_threads() -> int:
    return _page_threads


def pnm(image: Any) -> bytes:
    """A page image as uncompressed PNM for Tesseract: the same pixels as a PNG, which took a
    second a page to compress (more than some pages took to read)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    return buffer.getvalue()


def words_tsv(binary: str, image: bytes, number: int) -> str:
    """Tesseract's TSV (words with their places) for one page image."""
    result = _run(binary, image, number, ["--psm", "3", "-l", "eng", "tsv"])
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ReadError(
            f"tesseract failed on page {number} ({message[-1] if message else 'no message'}): "
            "check the tesseract-ocr installation and its English language data"
        )
    return result.stdout.decode("utf-8", "replace")


def turn_needed(binary: str, image: bytes, number: int) -> int:
    """Degrees clockwise (90, 180 or 270) that stand a page upright, by Tesseract's orientation
    detection; 0 when the page is upright, the detection unsure, or its data not installed."""
    result = _run(binary, image, number, ["--psm", "0"])
    return orientation(result.stdout.decode("utf-8", "replace")) if result.returncode == 0 else 0


def confidence(tsv: str) -> float:
    """Tesseract's mean confidence in a page's words, each weighted by its length."""
    total = weighted = 0.0
    for text, value, _width, _height in _words(tsv):
        if value >= 0:
            total += len(text)
            weighted += len(text) * value
    return weighted / total if total else 0.0


def on_its_side(tsv: str) -> bool:
    """Whether most longer words of a reading stand taller than wide: Tesseract read a page
    lying on its side as vertical lines, with good confidence but in no useful order."""
    shapes = [height > width for text, _value, width, height in _words(tsv) if len(text) >= 4]
    return sum(shapes) > len(shapes) - sum(shapes)


def _words(tsv: str) -> Iterator[tuple[str, float, int, int]]:
    """Each word of a Tesseract TSV: its text, confidence, width and height."""
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip() and cols[10].strip():
            yield cols[11].strip(), float(cols[10]), int(cols[8]), int(cols[9])


def orientation(osd: str) -> int:
    """The clockwise turn in Tesseract's orientation report ("Rotate: 90"), if it is sure."""
    rotate, sure = _ROTATE.search(osd), _SURE.search(osd)
    if not rotate or not sure or float(sure.group(1)) < SURE_ORIENTATION:
        return 0
    return int(rotate.group(1)) % 360


def _run(binary: str, image: bytes, number: int, options: list[str]) -> Any:
    folder = os.environ.get(RECORDINGS_ENV)
    recording = Path(folder) / f"{_call_key(binary, image, options)}.gz" if folder else None
    if recording is not None and recording.exists():
        stdout = gzip.decompress(recording.read_bytes())
        return subprocess.CompletedProcess([binary, *options], 0, stdout, b"")
    result = _run_live(binary, image, number, options)
    if recording is not None and result.returncode == 0 and os.environ.get(RECORD_ENV) == "1":
        recording.parent.mkdir(parents=True, exist_ok=True)
        partial = recording.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(gzip.compress(result.stdout, mtime=0))
        partial.replace(recording)
    return result


def _call_key(binary: str, image: bytes, options: list[str]) -> str:
    call = hashlib.sha256(_version(binary).encode() + b"\0" + " ".join(options).encode() + b"\0")
    call.update(image)
    return call.hexdigest()


@functools.cache
def _version(binary: str) -> str:
    """The first line of ``tesseract --version`` (a recording replays only on its version)."""
    try:
        result = subprocess.run([binary, "--version"], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"  # (then no recording replays: each page is read live)
    lines = (result.stdout or result.stderr).decode("utf-8", "replace").splitlines()
    return lines[0].strip() if lines else "unknown"


def _run_live(binary: str, image: bytes, number: int, options: list[str]) -> Any:
    # OpenMP threads make Tesseract several times slower on small machines.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        return subprocess.run(
            [binary, "-", "-", *options],
            input=image,
            capture_output=True,
            env=env,
            timeout=PAGE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ReadError(
            f"OCR of page {number} took over {PAGE_SECONDS} s: check the scan by hand"
        ) from None
