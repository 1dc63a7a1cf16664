"""mapping.csv: people's pins of a file (by path or sha256) to a trust; they beat matching.

Made by hand and never written by the tool; re-ingest reads it again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from foi_audit.errors import InputError
from foi_audit.fileio import read_table, visible

MAPPING_COLUMNS = ("path", "sha256", "trust_code")
_EXAMPLE = "path,trust_code"


@dataclass(frozen=True)
class Pins:
    """The pins (path or sha256 -> trust code) and notes on how the file was read."""

    pins: dict[str, str]
    notes: tuple[str, ...] = ()


def from_row(row: Mapping[str, str | None], path: Path, number: int) -> tuple[str, str]:
    """(path or sha256, trust code) of one row; ``path`` and ``number`` name it in an error."""
    key = (row.get("path") or "").strip() or (row.get("sha256") or "").strip()
    code = (row.get("trust_code") or "").strip().upper()
    if not key or not code:
        raise InputError(f"{path} line {number}: needs a path (or sha256) and a trust_code")
    return key, code


def read_mapping(path: Path, known_codes: set[str]) -> Pins:
    """``data/mapping.csv`` with notes (an encoding or separator it was read with).

    A pin to a code not in ``known_codes`` is kept: the file it pins gets an error row (one
    wrong pin never stops the run). A file pinned twice is refused, naming both lines.
    """
    if not path.exists():
        return Pins({})
    table = read_table(path)
    table.require(path, "trust_code", example=_EXAMPLE)
    if "path" not in table.header and "sha256" not in table.header:
        table.require(path, "path", example=_EXAMPLE)
    pins: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, row in table.numbered():
        key, code = from_row(row, path, number)
        if key in pins:
            raise InputError(
                f"{path} line {number}: {visible(key)} is already pinned to {pins[key]} on line "
                f"{lines[key]}; keep one row per file"
            )
        pins[key] = code
        lines[key] = number
    return Pins(pins, table.notes)


def load_mapping(path: Path, known_codes: set[str]) -> dict[str, str]:
    """``data/mapping.csv`` (path or sha256 -> trust_code): hand-made pins that beat matching."""
    return read_mapping(path, known_codes).pins
