"""``foi-audit export``: the processed tables as SQLite, Parquet or a Frictionless Data Package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foi_audit.cli.options import DEFAULT_PROCESSED, Processed, RecordedCodebook, Study
from foi_audit.cli.output import answer, layout_for, stderr, study_codebook


def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write into.")] = Path("data/export"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: sqlite,parquet,datapackage.")
    ] = "sqlite,parquet,datapackage",
    processed: Processed = DEFAULT_PROCESSED,
    study: Study = None,
    codebook: RecordedCodebook = None,
) -> None:
    """The dataset in standard formats: SQLite, Parquet, a Frictionless Data Package.

    sqlite: foi-audit.sqlite with the tables trusts, documents, codes and dates (keys and
    foreign keys; opens in datasette and sqlite-utils). parquet: parquet/<table>.parquet.
    datapackage: datapackage.json beside copies of the CSVs, every column typed, the
    codebook's allowed values as constraints.

    Example: foi-audit export --format sqlite,datapackage --out data/export
    """
    from foi_audit.figures.export import export as run_export
    from foi_audit.figures.export import parse_formats

    layout = layout_for(study, processed)
    result = answer(
        lambda: run_export(layout, out, parse_formats(formats), study_codebook(layout, codebook))
    )
    from foi_audit.cli.messages import export_written

    stderr().print(export_written(out, result.written), markup=False)
