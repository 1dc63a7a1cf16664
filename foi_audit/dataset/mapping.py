"""mapping.csv: people's pins of a file (by path or sha256) to a trust; they beat matching.

Made by hand and never written by the tool; re-ingest reads it again.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from foi_audit.errors import InputError
from foi_audit.fileio import read_csv

MAPPING_COLUMNS = ("path", "sha256", "trust_code")


def from_row(row: Mapping[str, str | None], path: Path, number: int) -> tuple[str, str]:
    """(path or sha256, trust code) of one row; ``path`` and ``number`` name it in an error."""
    key = (row.get("path") or "").strip() or (row.get("sha256") or "").strip()
    code = (row.get("trust_code") or "").strip().upper()
    if not key or not code:
        raise InputError(f"{path} line {number}: needs a path (or sha256) and a trust_code")
    return key, code


def load_mapping(path: Path, known_codes: set[str]) -> dict[str, str]:
    """``data/mapping.csv`` (path or sha256 -> trust_code): hand-made pins that beat matching.

    A pin to a code not in ``known_codes`` is kept: the file it pins gets an error row (one
    wrong pin never stops the run).
    """
    if not path.exists():
        return {}
    pins: dict[str, str] = {}
    for number, row in enumerate(read_csv(path), start=2):
        key, code = from_row(row, path, number)
        pins[key] = code
    return pins
