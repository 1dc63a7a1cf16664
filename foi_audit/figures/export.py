"""``foi-audit export``: the processed tables in standard formats other tools open.

- ``sqlite``: one database, ``foi-audit.sqlite``, with the tables ``trusts``, ``documents``,
  ``codes`` and ``dates`` (typed columns, primary keys, foreign keys from codes and dates to
  trusts and documents), ready for datasette or sqlite-utils.
- ``parquet``: ``parquet/<table>.parquet``, one file per table, typed (pyarrow).
- ``datapackage``: a Frictionless Data Package, ``datapackage.json`` beside copies of the CSVs,
  describing every column (types, the codebook's allowed values, keys).

Every table is written from the CSVs ingest wrote (codes.csv with the machine's value and the
review columns beside it), so the exports say exactly what the CSVs say.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit import __version__
from foi_audit.coding.codebook import Codebook, FieldKind
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.study import load_study_codebook
from foi_audit.errors import InputError
from foi_audit.fileio import atomic_write_text, read_csv, unneutralise_cell
from foi_audit.wording import count

FORMATS = ("sqlite", "parquet", "datapackage")
DATABASE = "foi-audit.sqlite"
PACKAGE = "datapackage.json"
TABLES = ("trusts", "documents", "codes", "dates")  # parents first (foreign keys)

# Column types beyond text; every other column is a string.
_TYPES = {
    "pages": "integer",
    "chars": "integer",
    "ocr": "boolean",
    "match_score": "number",
    "confidence": "number",
    "needs_review": "boolean",
    "working_days_taken": "integer",
    "date": "date",
    "date_sent": "date",
    "date_received": "date",
    "date_replied": "date",
    "due_date": "date",
    "review_date": "date",
}
_PRIMARY = {"trusts": ("trust_code",), "documents": ("path",), "codes": ("trust_code", "field")}
# (column, parent table, parent column)
_FOREIGN = {
    "codes": (("trust_code", "trusts", "trust_code"), ("source", "documents", "path")),
    "dates": (("trust_code", "trusts", "trust_code"), ("path", "documents", "path")),
    "documents": (("trust_code", "trusts", "trust_code"),),
}
_DESCRIPTIONS = {
    "trusts": "One row per trust: effective values (review decisions applied) and request dates.",
    "documents": "One row per input file and attachment: how it was read and matched.",
    "codes": "One row per trust and field: the machine's value, its evidence, and the value "
    "after review (effective_value) with the reviewer and reason.",
    "dates": "Reply dates found in each document.",
}


@dataclass(frozen=True)
class ExportResult:
    out: Path
    written: tuple[str, ...]  # paths relative to out


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    source: Path


def parse_formats(text: str) -> tuple[str, ...]:
    chosen = tuple(f for f in FORMATS if f in {p.strip().lower() for p in text.split(",")})
    unknown = {p.strip().lower() for p in text.split(",") if p.strip()} - set(FORMATS)
    if unknown or not chosen:
        raise InputError(f"--format {text!r}: choose from {','.join(FORMATS)} (comma-separated)")
    return chosen


def _read(layout: Layout) -> list[_Table]:
    paths = {
        "trusts": layout.trusts_csv,
        "documents": layout.documents_csv,
        "codes": layout.codes_csv,
        "dates": layout.dates_csv,
    }
    missing = [str(p) for name, p in paths.items() if name != "dates" and not p.exists()]
    if missing:
        raise InputError(
            f"{', '.join(missing)} not found: run `foi-audit ingest` first (or pass --processed)"
        )
    tables = []
    for name in TABLES:
        path = paths[name]
        if not path.exists():
            continue
        rows = read_csv(path)
        with path.open(newline="", encoding="utf-8-sig") as handle:
            columns = tuple(c for c in next(csv.reader(handle), []) if c)
        tables.append(
            _Table(
                name,
                columns,
                tuple({k: unneutralise_cell(v or "") for k, v in r.items()} for r in rows),
                path,
            )
        )
    return tables


def _type(table: str, column: str) -> str:
    if table == "trusts" and column == "needs_review":
        return "string"  # there, the ';'-joined fields still to review
    return _TYPES.get(column, "string")


def _typed(table: str, column: str, value: str) -> Any:
    """A CSV cell as the column's type; blank is NULL."""
    if value == "":
        return None
    kind = _type(table, column)
    if kind == "integer":
        return int(float(value))
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return value.strip().lower() in {"true", "1"}  # how our CSVs write a boolean
    return value


# ---------------------------------------------------------------- SQLite

_SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "date": "TEXT"}


def write_sqlite(tables: Sequence[_Table], path: Path) -> None:
    """A fresh database (written beside, then moved into place)."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for table in tables:
            parts = [f'"{c}" {_SQL_TYPES.get(_type(table.name, c), "TEXT")}' for c in table.columns]
            keys = [k for k in _PRIMARY.get(table.name, ()) if k in table.columns]
            if keys:
                parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys) + ")")
            for column, parent, parent_column in _FOREIGN.get(table.name, ()):
                if column in table.columns:
                    parts.append(
                        f'FOREIGN KEY ("{column}") REFERENCES "{parent}" ("{parent_column}")'
                    )
            connection.execute(f'CREATE TABLE "{table.name}" ({", ".join(parts)})')
            marks = ", ".join("?" for _ in table.columns)
            connection.executemany(
                f'INSERT INTO "{table.name}" VALUES ({marks})',
                (
                    tuple(_typed(table.name, c, row.get(c, "")) for c in table.columns)
                    for row in table.rows
                ),
            )
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise InputError(
                f"the processed tables do not agree ({count(len(problems), 'row')} refer to a trust or "
                "document that is not there): run `foi-audit ingest` again"
            )
        connection.commit()
    finally:
        connection.close()
    temporary.replace(path)


# ---------------------------------------------------------------- Parquet


def write_parquet(tables: Sequence[_Table], folder: Path) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(
            "Parquet needs pyarrow: pip install 'foi-audit[export]' (or pip install pyarrow)"
        ) from exc
    arrow_types = {
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.string(),  # ISO dates as text: what the CSVs hold
    }
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        schema = pa.schema(
            [(c, arrow_types.get(_type(table.name, c), pa.string())) for c in table.columns]
        )
        columns = {
            c: [_typed(table.name, c, row.get(c, "")) for row in table.rows] for c in table.columns
        }
        path = folder / f"{table.name}.parquet"
        temporary = path.with_name(path.name + ".tmp")
        pq.write_table(pa.table(columns, schema=schema), temporary)
        temporary.replace(path)
        written.append(path)
    return written


# ---------------------------------------------------------------- Data Package


def _field_schema(column: str, codebook: Codebook, table: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"name": column, "type": _type(table, column)}
    if table == "trusts" and codebook.has_field(column):
        spec = codebook.field(column)
        schema["title"] = spec.label
        if spec.definition:
            schema["description"] = spec.definition
        if spec.kind is FieldKind.CATEGORICAL and spec.values:
            schema["constraints"] = {"enum": list(spec.values)}
        elif spec.kind is FieldKind.MULTI and spec.values:
            one = "(" + "|".join(re.escape(v) for v in spec.values) + ")"
            schema["constraints"] = {"pattern": f"{one}(;{one})*"}
    elif table == "codes" and column == "field":
        schema["constraints"] = {"enum": list(codebook.field_names)}
    return schema


def datapackage(tables: Sequence[_Table], codebook: Codebook) -> dict[str, Any]:
    """The descriptor (pure): one resource per CSV, every column typed."""
    resources = []
    for table in tables:
        schema: dict[str, Any] = {
            "fields": [_field_schema(c, codebook, table.name) for c in table.columns],
        }
        keys = [k for k in _PRIMARY.get(table.name, ()) if k in table.columns]
        if keys:
            schema["primaryKey"] = keys
        foreign = [
            {"fields": column, "reference": {"resource": parent, "fields": parent_column}}
            for column, parent, parent_column in _FOREIGN.get(table.name, ())
            if column in table.columns
        ]
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table.name,
                "path": table.source.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _DESCRIPTIONS[table.name],
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": re.sub(r"[^a-z0-9._-]+", "-", f"foi-audit-{codebook.name}".lower()),
        "title": f"FOI replies coded with foi-audit ({codebook.name})",
        "description": codebook.description,
        "version": __version__,
        "sources": [{"title": "Freedom of Information replies from NHS trusts"}],
        "resources": resources,
    }


def write_datapackage(tables: Sequence[_Table], codebook: Codebook, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        target = folder / table.source.name
        if target.resolve() != table.source.resolve():
            shutil.copyfile(table.source, target)
        written.append(target)
    descriptor = folder / PACKAGE
    atomic_write_text(
        descriptor, json.dumps(datapackage(tables, codebook), indent=2, ensure_ascii=False) + "\n"
    )
    return [descriptor, *written]


def export(
    layout: Layout, out: Path, formats: Sequence[str] = FORMATS, codebook: Codebook | None = None
) -> ExportResult:
    """Write the chosen formats into ``out``."""
    codebook = codebook or load_study_codebook(layout)
    tables = _read(layout)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if "sqlite" in formats:
        write_sqlite(tables, out / DATABASE)
        written.append(out / DATABASE)
    if "parquet" in formats:
        written += write_parquet(tables, out / "parquet")
    if "datapackage" in formats:
        written += write_datapackage(tables, codebook, out)
    return ExportResult(out, tuple(p.relative_to(out).as_posix() for p in written))
