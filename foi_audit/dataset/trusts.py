"""trusts.csv: one row per trust, fields in codebook order, with the request-side columns.

Assembled from codes.csv (with overrides.csv laid on top), asked.csv and dates.csv, each read
once; :mod:`foi_audit.requests` computes the request columns from what is passed to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.codes import needing_review, read_codes
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import (
    Override,
    apply_overrides,
    changed_auto_values,
    load_overrides,
)
from foi_audit.fileio import read_csv, unneutralise_cell, write_csv
from foi_audit.records import CodedValue
from foi_audit.register.trusts import Register
from foi_audit.requests.asked import Asked, load_asked
from foi_audit.requests.dates import FoundDate, read_dates
from foi_audit.requests.timeliness import REQUEST_COLUMNS, request_columns

TRUST_ID_COLUMNS = ("trust_code", "trust_name", "region", "trust_type")
NEEDS_REVIEW_COLUMN = "needs_review"


@dataclass(frozen=True)
class TrustRow:
    """One row of trusts.csv."""

    trust_code: str
    trust_name: str = ""
    region: str = ""
    trust_type: str = ""
    values: Mapping[str, str] = field(default_factory=dict)  # field -> effective value
    needs_review: tuple[str, ...] = ()  # fields still flagged
    request: Mapping[str, Any] = field(default_factory=dict)  # request-side columns present


def columns(field_names: Sequence[str]) -> tuple[str, ...]:
    return (*TRUST_ID_COLUMNS, *field_names, NEEDS_REVIEW_COLUMN, *REQUEST_COLUMNS)


def to_row(trust: TrustRow) -> dict[str, Any]:
    return {
        "trust_code": trust.trust_code,
        "trust_name": trust.trust_name,
        "region": trust.region,
        "trust_type": trust.trust_type,
        **trust.values,
        NEEDS_REVIEW_COLUMN: ";".join(trust.needs_review),
        **trust.request,
    }


def from_row(row: Mapping[str, str | None]) -> TrustRow:
    """A row back: every column that is not an id, needs_review or request column is a field."""
    known = {*TRUST_ID_COLUMNS, NEEDS_REVIEW_COLUMN, *REQUEST_COLUMNS}
    cells = {k: unneutralise_cell(v or "") for k, v in row.items() if k is not None}
    return TrustRow(
        trust_code=cells.get("trust_code", ""),
        trust_name=cells.get("trust_name", ""),
        region=cells.get("region", ""),
        trust_type=cells.get("trust_type", ""),
        values={k: v for k, v in cells.items() if k not in known},
        needs_review=tuple(n for n in cells.get(NEEDS_REVIEW_COLUMN, "").split(";") if n),
        request={k: v for k, v in cells.items() if k in REQUEST_COLUMNS},
    )


def read_trusts(layout: Layout) -> list[TrustRow]:
    return [from_row(row) for row in read_csv(layout.trusts_csv)]


@dataclass(frozen=True)
class TrustInputs:
    """Everything trusts.csv is assembled from, each file read once."""

    automatic: Sequence[CodedValue]  # codes.csv
    overrides: Sequence[Override]  # overrides.csv
    asked: Sequence[Asked] | None  # asked.csv (None: there is none)
    found: Sequence[FoundDate]  # dates.csv


def read_inputs(layout: Layout, codebook: Codebook, register: Register) -> TrustInputs:
    return TrustInputs(
        automatic=read_codes(layout),
        overrides=load_overrides(layout.overrides_csv, codebook),
        asked=load_asked(layout.asked_csv, register),
        found=read_dates(layout.dates_csv),
    )


def trust_rows(
    coded: Sequence[CodedValue],
    register: Register,
    fields: Sequence[str],
    pending: set[tuple[str, str]] | None = None,
) -> list[TrustRow]:
    """One row per trust, fields in codebook order; ``needs_review`` lists the fields that need
    review (``pending``: dataset.codes.needing_review; by default the flagged, undecided ones)."""
    if pending is None:
        pending = set(needing_review(coded).keys)
    by_trust: dict[str, dict[str, CodedValue]] = {}
    for value in coded:
        by_trust.setdefault(value.trust_code, {})[value.field] = value
    rows = []
    for code in sorted(by_trust):
        trust = register.get(code)
        values = by_trust[code]
        rows.append(
            TrustRow(
                trust_code=code,
                trust_name=trust.name if trust else "",
                region=trust.region if trust else "",
                trust_type=trust.trust_type if trust else "",
                values={name: values[name].value if name in values else "" for name in fields},
                needs_review=tuple(f for f in fields if f in values and (code, f) in pending),
            )
        )
    return rows


def build_trusts(
    inputs: TrustInputs, register: Register, codebook: Codebook, today: dt.date | None = None
) -> list[TrustRow]:
    """The rows of trusts.csv (pure): effective codes, then the request columns."""
    coded = apply_overrides(inputs.automatic, inputs.overrides)
    changes = changed_auto_values(inputs.automatic, inputs.overrides, codebook)
    pending = set(needing_review(coded, changes).keys)
    rows = trust_rows(coded, register, codebook.field_names, pending)
    outcome = codebook.outcome_field
    outcomes = {c.trust_code: c.value for c in coded if outcome and c.field == outcome.name}
    request = request_columns(
        [r.trust_code for r in rows],
        inputs.asked,
        outcomes,
        inputs.found,
        codebook.no_reply_value,
        today,
    )
    return [replace(r, request=request[r.trust_code]) for r in rows]


def write_trusts(
    layout: Layout,
    inputs: TrustInputs,
    register: Register,
    codebook: Codebook,
    today: dt.date | None = None,
) -> int:
    """Write trusts.csv from inputs already read; returns the trust count."""
    rows = build_trusts(inputs, register, codebook, today)
    write_csv(layout.trusts_csv, columns(codebook.field_names), (to_row(r) for r in rows))
    return len(rows)


def refresh_trusts(
    layout: Layout, register: Register, codebook: Codebook, today: dt.date | None = None
) -> int:
    """Rebuild trusts.csv from codes.csv, overrides and request data; returns the trust count."""
    return write_trusts(layout, read_inputs(layout, codebook, register), register, codebook, today)
