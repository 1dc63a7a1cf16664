"""trusts.csv: one row per trust, fields in codebook order, with the request-side columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foi_audit import fileio
from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.codes import effective_codes
from foi_audit.dataset.layout import Layout
from foi_audit.records import CodedValue

TRUST_ID_COLUMNS = ("trust_code", "trust_name", "region", "trust_type")


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


def refresh_trusts(layout: Layout, register: Any, codebook: Codebook) -> int:
    """Rebuild trusts.csv from codes.csv, overrides and request data; returns the trust count."""
    from foi_audit.requests.timeliness import request_columns

    rows = trust_rows(effective_codes(layout, codebook), register, codebook.field_names)
    extra_columns, extra = request_columns(layout, [r["trust_code"] for r in rows])
    for row in rows:
        row.update(extra.get(row["trust_code"], {}))
    columns = (*TRUST_ID_COLUMNS, *codebook.field_names, "needs_review", *extra_columns)
    fileio.write_csv(layout.trusts_csv, columns, rows)
    return len(rows)
