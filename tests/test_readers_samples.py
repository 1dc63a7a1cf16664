"""The bundled sample replies in data/raw/ all read, and each says it is synthetic."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from foi_audit.ingest.extract import extract_file

RAW = Path(__file__).parent.parent / "data" / "raw"
SAMPLES = sorted(p for p in RAW.rglob("*") if p.is_file() and p.name != "asked.csv")


def test_samples_cover_every_main_format() -> None:
    suffixes = {p.suffix for p in SAMPLES}
    assert {".pdf", ".docx", ".xlsx", ".eml", ".msg", ".html", ".txt"} <= suffixes
    assert len(SAMPLES) >= 9


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(RAW)))
def test_sample_reads_and_is_marked_synthetic(path: Path) -> None:
    if "scan" in path.name and shutil.which("tesseract") is None and os.environ.get("CI") != "true":
        pytest.skip("the tesseract binary is not installed (sudo apt-get install tesseract-ocr)")
    nodes = extract_file((str(path), 50_000_000))["nodes"]
    assert [n["error"] for n in nodes] == [""] * len(nodes)
    text = " ".join(block[0] for node in nodes for block in node["blocks"])
    # OCR may read the en dash as a hyphen
    assert "SYNTHETIC EXAMPLE" in text and "not a real FOI reply" in text


def test_asked_lists_sampled_trusts_and_two_silent_ones() -> None:
    with (RAW / "asked.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["trust_code", "date_sent", "date_received", "reference"]
    assert {row["date_sent"] for row in rows} == {"2024-11-04"}
    assert len(rows) == 11
    assert sum(1 for row in rows if not row["reference"]) == 3  # 2 silent + 1 acknowledgement
