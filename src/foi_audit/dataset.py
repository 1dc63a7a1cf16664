"""The coded dataset on disk: codes.csv (long, automatic, with evidence) and trusts.csv (wide).

``codes.csv`` holds what the machine decided. Everything people read (trusts.csv, summary,
tables, explain, report) goes through :func:`effective_codes`, which lays human overrides
(``data/overrides.csv``) on top, and trusts.csv is rebuilt by :func:`refresh_trusts` whenever
either changes. Request-side columns (dates, timeliness) are appended by ``requests``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from foi_audit import store
from foi_audit.coding.codebook import Codebook
from foi_audit.model import CodedValue
from foi_audit.store import Layout

TRUST_ID_COLUMNS = ("trust_code", "trust_name", "region", "trust_type")
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
        }
        for c in coded
    ]


def read_codes(layout: Layout) -> list[CodedValue]:
    """The automatic codes as ingest wrote them."""
    return [
        CodedValue(
            trust_code=r["trust_code"],
            field=r["field"],
            value=r["value"],
            quote=store.unneutralise_cell(r["quote"]),
            source=r["source"],
            locator=r["locator"],
            confidence=float(r["confidence"] or 0),
            rule=r["rule"],
            needs_review=r["needs_review"] == "true",
        )
        for r in store.read_csv(layout.codes_csv)
    ]


def effective_codes(layout: Layout, codebook: Codebook | None = None) -> list[CodedValue]:
    """Automatic codes with human overrides applied: what every figure is computed from.

    ``codebook`` validates the overrides (default: the built-in study codebook).
    """
    from foi_audit.overrides import apply_overrides, load_overrides

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


def trust_rows(
    coded: Sequence[CodedValue], register: Any, fields: Sequence[str]
) -> list[dict[str, Any]]:
    """One row per trust, fields in codebook order; ``needs_review`` lists flagged fields."""
    by_trust: dict[str, dict[str, CodedValue]] = {}
    for value in coded:
        by_trust.setdefault(value.trust_code, {})[value.field] = value
    rows = []
    for code in sorted(by_trust):
        trust = register.get(code)
        values = by_trust[code]
        row: dict[str, Any] = {
            "trust_code": code,
            "trust_name": trust.name if trust else "",
            "region": trust.region if trust else "",
            "trust_type": trust.trust_type if trust else "",
        }
        for name in fields:
            row[name] = values[name].value if name in values else ""
        row["needs_review"] = ";".join(f for f in fields if f in values and values[f].needs_review)
        rows.append(row)
    return rows


def write_codes(layout: Layout, coded: Sequence[CodedValue], codebook: Codebook) -> None:
    """codes.csv, sorted by trust then codebook field order (deterministic)."""
    fields = codebook.field_names
    ordered = sorted(
        coded,
        key=lambda c: (c.trust_code, fields.index(c.field) if c.field in fields else len(fields)),
    )
    store.write_csv(layout.codes_csv, store.CODES_COLUMNS, code_rows(ordered))


def refresh_trusts(layout: Layout, register: Any, codebook: Codebook) -> int:
    """Rebuild trusts.csv from codes.csv, overrides and request data; returns the trust count."""
    from foi_audit.requests import request_columns

    rows = trust_rows(effective_codes(layout, codebook), register, codebook.field_names)
    extra_columns, extra = request_columns(layout, [r["trust_code"] for r in rows])
    for row in rows:
        row.update(extra.get(row["trust_code"], {}))
    columns = (*TRUST_ID_COLUMNS, *codebook.field_names, "needs_review", *extra_columns)
    store.write_csv(layout.trusts_csv, columns, rows)
    return len(rows)
