"""codes.csv: the machine's coded values with their evidence (long: one row per trust and field).

``codes.csv`` holds what the machine decided. Everything people read (trusts.csv, summary,
tables, explain, report) goes through :func:`effective_codes`, which lays human overrides
(``overrides.csv``) on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from foi_audit import fileio
from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.layout import CODES_COLUMNS, Layout
from foi_audit.dataset.overrides import apply_overrides, load_overrides
from foi_audit.errors import StoreError
from foi_audit.records import CodedValue, Flag, FlagReason

NO_REPLY_RULE = "no_reply_received"


def code_rows(coded: Iterable[CodedValue]) -> list[dict[str, Any]]:
    return [
        {
            "trust_code": c.trust_code,
            "field": c.field,
            "value": c.value,
            "quote": c.quote,
            "source": c.source,
            "locator": c.locator,
            "confidence": round(c.confidence, 2),
            "rule": c.rule,
            "needs_review": c.needs_review,
            "flags": ";".join(c.flag_reasons),
        }
        for c in coded
    ]


def read_codes(layout: Layout) -> list[CodedValue]:
    """The automatic codes as ingest wrote them."""
    rows = fileio.read_csv(layout.codes_csv)
    if rows and "flags" not in rows[0]:
        raise StoreError(
            f"{layout.codes_csv} was written by an older foi-audit (no flags column): "
            "run `foi-audit ingest` again to rebuild it"
        )
    return [
        CodedValue(
            trust_code=r["trust_code"],
            field=r["field"],
            value=r["value"],
            quote=fileio.unneutralise_cell(r["quote"]),
            source=r["source"],
            locator=r["locator"],
            confidence=float(r["confidence"] or 0),
            rule=r["rule"],
            flags=tuple(Flag(FlagReason(reason)) for reason in r["flags"].split(";") if reason),
        )
        for r in rows
    ]


def effective_codes(layout: Layout, codebook: Codebook | None = None) -> list[CodedValue]:
    """Automatic codes with human overrides applied: what every figure is computed from.

    ``codebook`` validates the overrides (default: the built-in study codebook).
    """
    return apply_overrides(read_codes(layout), load_overrides(layout.overrides_csv, codebook))


def no_reply_codes(
    asked_codes: Iterable[str], replied: set[str], codebook: Codebook
) -> list[CodedValue]:
    """Trusts that were asked and sent nothing: waiting_response, every other field blank."""
    values = []
    for code in sorted(set(asked_codes) - replied):
        for f in codebook.fields:
            value = "waiting_response" if f.name == "response_status" else ""
            values.append(CodedValue(code, f.name, value, rule=NO_REPLY_RULE, confidence=1.0))
    return values


def write_codes(layout: Layout, coded: Sequence[CodedValue], codebook: Codebook) -> None:
    """codes.csv, sorted by trust then codebook field order (deterministic)."""
    fields = codebook.field_names
    ordered = sorted(
        coded,
        key=lambda c: (c.trust_code, fields.index(c.field) if c.field in fields else len(fields)),
    )
    fileio.write_csv(layout.codes_csv, CODES_COLUMNS, code_rows(ordered))
