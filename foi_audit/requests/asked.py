"""Who was asked: ``data/raw/asked.csv`` (trust_code, date_sent, optional date_received, reference)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from foi_audit.errors import InputError
from foi_audit.fileio import atomic_write_bytes, read_table, visible, write_csv
from foi_audit.register.trusts import Register, load_register

ASKED_COLUMNS = ("trust_code", "date_sent", "date_received", "reference")


@dataclass(frozen=True)
class Asked:
    trust_code: str
    date_sent: str  # ISO date
    date_received: str = ""  # ISO date, blank when unknown
    reference: str = ""


def to_row(asked: Asked) -> dict[str, str]:
    """One asked.csv row."""
    return {
        "trust_code": asked.trust_code,
        "date_sent": asked.date_sent,
        "date_received": asked.date_received,
        "reference": asked.reference,
    }


def from_row(row: dict[str, str], path: Path, number: int) -> Asked:
    """One asked.csv row, checked: ``path`` and ``number`` name the line in an error."""
    code = (row.get("trust_code") or "").strip().upper()
    if not code:
        raise InputError(f"{path} line {number}: trust_code is blank")
    return Asked(
        trust_code=code,
        date_sent=_iso(path, number, "date_sent", row.get("date_sent") or ""),
        date_received=_iso(path, number, "date_received", row.get("date_received") or ""),
        reference=(row.get("reference") or "").strip(),
    )


def load_asked(path: Path, register: Register | None = None) -> list[Asked] | None:
    """The requests sent, or ``None`` when there is no asked.csv (then: those who replied).

    A file with no rows counts as none (:func:`asked_note` says so), not as "0 asked". Every
    code must be in the trust register (open or closed): a typo would otherwise count as a
    trust that never replied and inflate every denominator.
    """
    if not path.exists():
        return None
    table = read_table(path)
    if not table.rows:
        return None
    table.require(path, "trust_code", example=",".join(ASKED_COLUMNS[:2]))
    known = {t.code for t in (register or load_register()).trusts}
    asked: list[Asked] = []
    seen: dict[str, int] = {}
    for number, row in table.numbered():
        item = from_row(row, path, number)
        if item.trust_code not in known:
            raise InputError(
                f"{path} line {number}: {visible(item.trust_code)} is not an ODS trust code "
                "in the register; see `foi-audit register --search NAME`"
            )
        if item.trust_code in seen:
            raise InputError(
                f"{path} line {number}: {item.trust_code} is listed twice (also line "
                f"{seen[item.trust_code]}); keep one row per trust"
            )
        seen[item.trust_code] = number
        asked.append(item)
    return asked


def asked_notes(path: Path) -> tuple[str, ...]:
    """What to tell the user about asked.csv: an empty file, or one read with an encoding or
    separator other than UTF-8 and commas."""
    if not path.exists():
        return ()
    table = read_table(path)
    if not table.rows:
        return (
            f"{path} lists no trusts, so it is ignored and the trusts that replied are "
            "counted: add one row per trust asked (`foi-audit asked --all-open-trusts "
            "--date YYYY-MM-DD` writes every open trust), or delete it",
            *table.notes,
        )
    return table.notes


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


@dataclass(frozen=True)
class AskedWritten:
    """What :func:`write_all_open` did: rows written and where any old file was kept."""

    path: Path
    count: int
    backup: Path | None = None


def all_open_trusts(register: Register, date_sent: str) -> list[Asked]:
    """One row per trust in the register open on ``date_sent`` (the register is England's)."""
    return [Asked(trust_code=t.code, date_sent=date_sent) for t in register.open_on(date_sent)]


def write_all_open(
    path: Path, date_sent: str, force: bool = False, register: Register | None = None
) -> AskedWritten:
    """``foi-audit asked --all-open-trusts``: asked.csv for every trust open on that date.

    asked.csv is people's data: an existing one is never overwritten silently. Without
    ``force`` this refuses; with it, the old file is kept as a hidden, dated backup beside it
    (hidden, so ingest does not take it for a reply).
    """
    day = _typed_date(date_sent)
    asked = all_open_trusts(register or load_register(), day)
    backup = None
    if path.exists():
        if not force:
            raise InputError(
                f"{path} already exists and holds your list of requests: "
                "edit it by hand, or pass --force to replace it (a backup is kept)"
            )
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f".{path.name}.{stamp}.bak")
        atomic_write_bytes(backup, path.read_bytes())
    write_csv(path, ASKED_COLUMNS, (to_row(a) for a in asked))
    return AskedWritten(path=path, count=len(asked), backup=backup)


def _typed_date(value: str) -> str:
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise InputError(f"--date {value!r} is not a date like 2024-01-15 (YYYY-MM-DD)") from None
