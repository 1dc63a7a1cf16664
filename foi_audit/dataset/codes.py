"""codes.csv: the machine's coded values with their evidence (long: one row per trust and field).

``codes.csv`` holds what the machine decided. Everything people read (trusts.csv, summary,
tables, explain, report) goes through :func:`effective_codes`, which lays human overrides
(``overrides.csv``) on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import (
    AutoValueChange,
    apply_overrides,
    changed_auto_values,
    load_overrides,
)
from foi_audit.errors import StoreError
from foi_audit.fileio import read_csv, unneutralise_cell, write_csv
from foi_audit.records import CodedValue, Flag, FlagReason

CODES_COLUMNS = (
    "trust_code", "field", "value", "quote", "source", "locator", "confidence", "rule",
    "needs_review", "flags",
)  # fmt: skip
NO_REPLY_RULE = "no_reply_received"
NOT_CODED_RULE = "not_coded"


def to_row(coded: CodedValue) -> dict[str, Any]:
    return {
        "trust_code": coded.trust_code,
        "field": coded.field,
        "value": coded.value,
        "quote": coded.quote,
        "source": coded.source,
        "locator": coded.locator,
        "confidence": round(coded.confidence, 2),
        "rule": coded.rule,
        "needs_review": coded.needs_review,
        "flags": ";".join(coded.flag_reasons),
    }


def from_row(row: Mapping[str, str]) -> CodedValue:
    return CodedValue(
        trust_code=row["trust_code"],
        field=row["field"],
        value=unneutralise_cell(row["value"]),
        quote=unneutralise_cell(row["quote"]),
        source=unneutralise_cell(row["source"]),
        locator=unneutralise_cell(row["locator"]),
        confidence=float(row["confidence"] or 0),
        rule=row["rule"],
        flags=tuple(Flag(FlagReason(reason)) for reason in row["flags"].split(";") if reason),
    )


def read_codes(layout: Layout) -> list[CodedValue]:
    """The automatic codes as ingest wrote them."""
    rows = read_csv(layout.codes_csv)
    if rows and "flags" not in rows[0]:
        raise StoreError(
            f"{layout.codes_csv} was written by an older foi-audit (no flags column): "
            "run `foi-audit ingest` again to rebuild it"
        )
    return [from_row(r) for r in rows]


def write_codes(layout: Layout, coded: Sequence[CodedValue], codebook: Codebook) -> None:
    """codes.csv, sorted by trust then codebook field order (deterministic)."""
    fields = codebook.field_names
    ordered = sorted(
        coded,
        key=lambda c: (c.trust_code, fields.index(c.field) if c.field in fields else len(fields)),
    )
    write_csv(layout.codes_csv, CODES_COLUMNS, (to_row(c) for c in ordered))


def effective_codes(layout: Layout, codebook: Codebook) -> list[CodedValue]:
    """Automatic codes with human overrides applied: what every figure is computed from.

    ``codebook`` (the one the data were coded with) validates the overrides.
    """
    return apply_overrides(read_codes(layout), load_overrides(layout.overrides_csv, codebook))


def auto_value_changes(layout: Layout, codebook: Codebook) -> list[AutoValueChange]:
    """What ``ingest``, ``review`` and ``report`` call to warn about changed automatic values."""
    overrides = load_overrides(layout.overrides_csv, codebook)
    if not overrides:
        return []
    return changed_auto_values(read_codes(layout), overrides, codebook)


def no_reply_codes(
    asked_codes: Iterable[str], replied: set[str], codebook: Codebook
) -> list[CodedValue]:
    """Trusts that were asked and sent nothing: the codebook's no-reply outcome, every other
    field blank."""
    outcome = codebook.outcome_field
    values = []
    for code in sorted(set(asked_codes) - replied):
        for f in codebook.fields:
            value = codebook.no_reply_value if outcome and f.name == outcome.name else ""
            values.append(CodedValue(code, f.name, value, rule=NO_REPLY_RULE, confidence=1.0))
    return values


def not_coded_values(trust_code: str, codebook: Codebook, reason: str) -> list[CodedValue]:
    """A trust whose coding stopped (time limit, crash): every field blank and flagged with
    the reason, so review shows it and no figure takes the blanks as answers unseen."""
    flag = Flag(FlagReason.NOT_CODED, reason)
    return [
        CodedValue(trust_code, f.name, "", rule=NOT_CODED_RULE, flags=(flag,))
        for f in codebook.fields
    ]
