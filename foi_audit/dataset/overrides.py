"""Human review decisions (``data/overrides.csv``) laid on top of automatic codes.

One row per (trust, field): the value a person decided, who, when, why, and the automatic value
they saw (``auto_value``), so the tool can say when the machine's answer under a decision has
since changed. The file is plain CSV sorted by trust and field so that it diffs well in git;
it lives beside ``processed/`` and re-ingest never touches it.

An accepted automatic value is recorded too (value = automatic value, reason ``accepted``): the
decision is kept and ``foi-audit review`` resumes after it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from foi_audit.coding.codebook import Codebook, Field
from foi_audit.errors import InputError
from foi_audit.fileio import atomic_write_text, csv_text, read_table, unneutralise_cell, visible
from foi_audit.records import CodedValue, ReviewDecision

OVERRIDES_COLUMNS = ("trust_code", "field", "value", "reviewer", "date", "reason", "auto_value")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Override:
    """A person's decision on one trust's field."""

    trust_code: str
    field: str
    value: str
    reviewer: str
    date: str  # ISO yyyy-mm-dd
    reason: str
    auto_value: str  # the automatic value when the decision was made

    @property
    def key(self) -> tuple[str, str]:
        return (self.trust_code, self.field)

    @property
    def accepted(self) -> bool:
        return self.value == self.auto_value


@dataclass(frozen=True)
class AutoValueChange:
    """An override whose automatic value is no longer the one the reviewer saw."""

    override: Override
    current_auto_value: str | None  # None: the machine no longer codes this trust at all

    def describe(self) -> str:
        o = self.override
        now = (
            "no longer coded" if self.current_auto_value is None else repr(self.current_auto_value)
        )
        return (
            f"{o.trust_code} {o.field}: the automatic value under your override changed from "
            f"{o.auto_value!r} to {now} (override keeps {o.value!r}, by {o.reviewer} on {o.date}); "
            "run `foi-audit review --all --trust " + o.trust_code + "` to look again"
        )


def load_overrides(
    path: Path, codebook: Codebook, known_codes: Collection[str] | None = None
) -> list[Override]:
    """Read and validate ``overrides.csv`` against the codebook the data were coded with (and,
    given ``known_codes``, the trust register: ingest checks it); a missing file means no
    decisions yet.

    Every problem is an :class:`InputError` naming the file and line, because a silently
    ignored decision would put a wrong number in print. A file Excel saved (Windows-1252,
    UTF-16, semicolons) is read as it is: see :func:`overrides_notes`.
    """
    if not path.exists():
        return []
    table = read_table(path)
    if table.rows:
        missing = [c for c in OVERRIDES_COLUMNS if c not in table.header]
        if missing:
            raise InputError(
                f"{path}: missing column(s) {', '.join(missing)}; the header must be "
                + ",".join(OVERRIDES_COLUMNS)
            )
    known = set(known_codes) if known_codes is not None else None
    overrides: list[Override] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in table.numbered():
        where = f"{path} line {line}"
        overrides.append(from_row(row, codebook, where))
        key = overrides[-1].key
        if known is not None and key[0] not in known:
            raise InputError(
                f"{where}: {visible(key[0])} is not an ODS trust code in the register; "
                "correct the trust_code (see `foi-audit register --search NAME`)"
            )
        if key in seen:
            raise InputError(
                f"{where}: {key[0]} {key[1]} was already decided on line "
                f"{seen[key]}; keep one row per trust and field"
            )
        seen[key] = line
    return sorted(overrides, key=lambda o: o.key)


def overrides_notes(path: Path) -> tuple[str, ...]:
    """How overrides.csv was read when it was not UTF-8 with commas (Excel saved it)."""
    return read_table(path).notes if path.exists() else ()


def to_row(override: Override) -> dict[str, str]:
    return {column: getattr(override, column) for column in OVERRIDES_COLUMNS}


def from_row(row: Mapping[str, str | None], codebook: Codebook, where: str) -> Override:
    """One row, checked against the codebook; ``where`` ("FILE line N") starts each error."""

    def cell(name: str) -> str:
        return unneutralise_cell((row.get(name) or "").strip())

    trust_code = cell("trust_code").upper()
    if not trust_code:
        raise InputError(f"{where}: trust_code is blank; give the trust's ODS code (e.g. RGT)")
    name = cell("field")
    if name not in codebook.field_names:
        raise InputError(
            f"{where}: unknown field {name!r}; use one of " + ", ".join(codebook.field_names)
        )
    spec = codebook.field(name)
    value = _normalised(spec, cell("value"), where, "value")
    if not spec.allows(value):
        raise InputError(
            f"{where}: {_shown(value)!r} is not an allowed value of {name}; use one of "
            + ", ".join(spec.values)
            + " or leave it blank"
        )
    day = cell("date")
    if not _valid_date(day):
        raise InputError(f"{where}: date {day!r} is not an ISO date like 2024-05-31")
    return Override(
        trust_code=trust_code,
        field=name,
        value=value,
        reviewer=cell("reviewer"),
        date=day,
        reason=cell("reason"),
        auto_value=_normalised(spec, cell("auto_value"), where, "auto_value"),
    )


def _normalised(spec: Field, text: str, where: str, column: str) -> str:
    """The field's canonical form of a cell; a cell it cannot take (a 5,000-digit section
    number) is the file's problem, said in one line, not a crash."""
    try:
        return spec.normalise(text)
    except ValueError:
        shown = visible(text[:40]) + ("..." if len(text) > 40 else "")
        raise InputError(
            f"{where}: {column} {shown!r} is not a value of {spec.name}; use one of "
            + ", ".join(spec.values)
        ) from None


def _valid_date(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def overrides_text(overrides: Iterable[Override]) -> str:
    """The CSV as written: sorted by trust and field, one row each (last decision wins)."""
    latest = {o.key: o for o in overrides}
    return csv_text(OVERRIDES_COLUMNS, [to_row(latest[key]) for key in sorted(latest)])


def save_overrides(path: Path, overrides: Iterable[Override]) -> None:
    atomic_write_text(path, overrides_text(overrides))


def record_decision(path: Path, decision: Override, codebook: Codebook) -> list[Override]:
    """Add or replace one decision and write the file at once (atomically)."""
    spec = codebook.field(decision.field)
    if not spec.allows(decision.value):
        raise InputError(f"{decision.value!r} is not an allowed value of {decision.field}")
    current = [o for o in load_overrides(path, codebook) if o.key != decision.key]
    updated = sorted([*current, decision], key=lambda o: o.key)
    save_overrides(path, updated)
    return updated


def apply_overrides(coded: Sequence[CodedValue], overrides: Sequence[Override]) -> list[CodedValue]:
    """Replace automatic values by human decisions.

    The machine's quote, source, locator, rule and flags stay (so the evidence is still
    traceable); the decision is recorded in the value's ``decision``. A decision on a field the machine did
    not code is added for trusts the dataset has; decisions on trusts it no longer has are not
    invented into it (:func:`changed_auto_values` reports them).
    """
    by_key = {o.key: o for o in overrides}
    trusts = {c.trust_code for c in coded}
    result = []
    used: set[tuple[str, str]] = set()
    for value in coded:
        decision = by_key.get((value.trust_code, value.field))
        if decision is None:
            result.append(value)
            continue
        used.add(decision.key)
        result.append(overridden_value(value, decision))
    for key, decision in sorted(by_key.items()):
        if key not in used and decision.trust_code in trusts:
            blank = CodedValue(decision.trust_code, decision.field, "")
            result.append(overridden_value(blank, decision))
    return result


def overridden_value(automatic: CodedValue, decision: Override) -> CodedValue:
    """The person's value, with the machine's evidence, rule, confidence and flags kept beside
    it (``decision.machine_value`` is what the machine said)."""
    return replace(
        automatic,
        value=decision.value,
        decision=ReviewDecision(
            reviewer=decision.reviewer or "unknown",
            date=decision.date,
            note=decision.reason,
            machine_value=automatic.value,
        ),
    )


def is_overridden(value: CodedValue) -> bool:
    return value.decision is not None


def changed_auto_values(
    automatic: Sequence[CodedValue], overrides: Sequence[Override], codebook: Codebook
) -> list[AutoValueChange]:
    """Overrides whose automatic value differs (by :meth:`Field.same_value`) from the one the
    reviewer decided against."""
    current = {(c.trust_code, c.field): c.value for c in automatic}
    trusts = {c.trust_code for c in automatic}
    changes = []
    for decision in sorted(overrides, key=lambda o: o.key):
        # A field the machine left out for a coded trust counts as blank.
        now = current.get(decision.key, "" if decision.trust_code in trusts else None)
        if now is None or not _same(codebook, decision.field, now, decision.auto_value):
            changes.append(AutoValueChange(decision, now))
    return changes


def _same(codebook: Codebook, name: str, a: str, b: str) -> bool:
    if codebook.has_field(name):
        return codebook.field(name).same_value(a, b)
    return a == b


def _shown(value: str, limit: int = 60) -> str:
    """A value short enough for a one-line message (a 5,000-digit cell is cut in the middle)."""
    return value if len(value) <= limit else f"{value[: limit // 2]}…{value[-limit // 2 :]}"
