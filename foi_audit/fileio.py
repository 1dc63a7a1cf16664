"""Files written safely: atomic replacement, and CSVs that spreadsheets cannot run as formulas.

Every file the tool writes goes through :func:`atomic_write_bytes`, so a run killed at any
moment leaves the previous version complete.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from foi_audit.errors import StoreError

# Cells starting with these are run as formulas by spreadsheet programs (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a quote so a spreadsheet shows text instead of running a formula.

    Plain negative numbers are left alone: they are data, not formulas.
    """
    if value and value.startswith(_FORMULA_PREFIXES):
        if value.startswith("-") and _is_number(value):
            return value
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``.

    ``durable=False`` skips the fsync, for files that are rebuilt when lost (cache, text).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        # mkstemp makes 0600 files; outputs are shared and committed, so use the usual mode.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable)


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """Render rows as CSV (LF line ends, UTF-8), neutralising formula-like cells."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise_cell(_cell(row.get(k, ""))) for k in columns})
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    atomic_write_text(path, csv_text(columns, rows))


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV written by people or by us; a clear error when it is missing."""
    if not path.exists():
        raise StoreError(f"{path} does not exist: run `foi-audit ingest` first")
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise StoreError(f"{path} is not a readable UTF-8 CSV ({exc}); fix or delete it") from exc


def unneutralise_cell(value: str) -> str:
    """Undo :func:`neutralise_cell` when reading our own CSVs back."""
    if value.startswith("'") and value[1:2] in _FORMULA_PREFIXES:
        return value[1:]
    return value
