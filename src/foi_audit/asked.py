"""Who was asked: ``data/raw/asked.csv`` (trust_code, date_sent, optional date_received, reference)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from foi_audit import store
from foi_audit.errors import InputError

ASKED_COLUMNS = ("trust_code", "date_sent", "date_received", "reference")


@dataclass(frozen=True)
class Asked:
    trust_code: str
    date_sent: str  # ISO date
    date_received: str = ""  # ISO date, blank when unknown
    reference: str = ""


def load_asked(path: Path) -> list[Asked] | None:
    """The requests sent, or ``None`` when there is no asked.csv (then: those who replied)."""
    if not path.exists():
        return None
    rows = store.read_csv(path)
    asked: list[Asked] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        code = (row.get("trust_code") or "").strip().upper()
        if not code:
            raise InputError(f"{path} line {number}: trust_code is blank")
        if code in seen:
            raise InputError(
                f"{path} line {number}: {code} is listed twice; keep one row per trust"
            )
        seen.add(code)
        asked.append(
            Asked(
                trust_code=code,
                date_sent=_iso(path, number, "date_sent", row.get("date_sent") or ""),
                date_received=_iso(path, number, "date_received", row.get("date_received") or ""),
                reference=(row.get("reference") or "").strip(),
            )
        )
    return asked


def _iso(path: Path, number: int, column: str, value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(
            f"{path} line {number}: {column} {value!r} is not a date like 2024-01-15"
        ) from None
