"""The coded dataset on disk: codes.csv (long, with evidence) and trusts.csv (wide).

Later issues layer on top of the automatic codes here: human overrides and request-side
columns (dates, timeliness) join in :func:`trust_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from foi_audit import store
from foi_audit.model import CodedValue
from foi_audit.store import Layout

TRUST_ID_COLUMNS = ("trust_code", "trust_name", "region", "trust_type")


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
    rows = store.read_csv(layout.codes_csv)
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
        for r in rows
    ]


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


def write_coded(layout: Layout, coded: Sequence[CodedValue], register: Any, codebook: Any) -> int:
    fields = codebook.field_names
    ordered = sorted(
        coded,
        key=lambda c: (c.trust_code, fields.index(c.field) if c.field in fields else len(fields)),
    )
    store.write_csv(layout.codes_csv, store.CODES_COLUMNS, code_rows(ordered))
    rows = trust_rows(ordered, register, fields)
    store.write_csv(layout.trusts_csv, (*TRUST_ID_COLUMNS, *fields, "needs_review"), rows)
    return len(rows)
