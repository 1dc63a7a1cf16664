"""``foi-audit ingest``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import StudyCodebook
from foi_audit.cli.output import answer, progress_bar, stderr


def ingest(
    raw_dir: Annotated[Path, typer.Argument(help="Folder of replies, any nesting.")] = Path(
        "data/raw"
    ),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Output folder [default: processed/ beside RAW_DIR, i.e. data/processed]."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: number of cores]."),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per file.")] = 120.0,
    max_size: Annotated[float, typer.Option(help="Largest file read, in MB.")] = 200.0,
    exclude: Annotated[
        list[str] | None,
        typer.Option(help="Glob of files to skip (repeatable), e.g. --exclude gold.csv."),
    ] = None,
    codebook: StudyCodebook = None,
) -> None:
    """Read every reply, match it to its trust, code each trust.

    Writes data/processed/documents.csv (one row per file and attachment: format, pages,
    trust, match method, status, message), the extracted text under data/processed/text/,
    codes.csv and trusts.csv. Files are read in worker processes with a time limit; a
    re-run reads only new or changed files. Pin a file to a trust in data/mapping.csv
    (columns path or sha256, trust_code). The codebook used is recorded in
    data/processed/manifest.json, and every later command reads the data with it.

    Exit code: 0 when every file was read, 1 when some were not (see documents.csv),
    2 when the run itself could not start.

    Example: foi-audit ingest data/raw --out data/processed --jobs 2
    """
    from foi_audit.dataset.layout import Layout
    from foi_audit.ingest.pipeline import IngestOptions
    from foi_audit.ingest.pipeline import ingest as run_ingest

    layout = Layout.from_dirs(raw_dir, out)
    options = IngestOptions(
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout,
        max_bytes=int(max_size * 1e6),
        exclude=tuple(exclude or ()),
        codebook=codebook,
    )
    progress, update = progress_bar("Reading")
    with progress:
        result = answer(lambda: run_ingest(layout, options, progress=update))
    _render(result, layout)
    raise typer.Exit(result.exit_code)


def _render(result: Any, layout: Any) -> None:
    console = stderr()
    if result.unchanged:
        console.print("Nothing changed since the last run; its outputs stand.", soft_wrap=True)
    from foi_audit.cli.messages import ingest_done

    console.print(
        ingest_done(
            result.files,
            result.documents,
            dict(result.counts),
            result.read_from_cache,
            result.trusts,
        ),
        soft_wrap=True,
    )
    for note in result.override_notes:
        console.print(f"  [yellow]override[/]: {note}", soft_wrap=True)
    shown = 20  # the full list is in documents.csv
    for problem in result.problems[:shown]:
        console.print(
            f"  [yellow]{problem.status}[/]: {problem.path}: {problem.message}", soft_wrap=True
        )
    if len(result.problems) > shown:
        console.print(
            f"  ... and {len(result.problems) - shown} more: see the status and message "
            f"columns of {layout.documents_csv}",
            soft_wrap=True,
        )
    if not result.unchanged:
        console.print(f"Wrote {layout.documents_csv}, {layout.codes_csv}, {layout.trusts_csv}")
    for note in result.notes:
        console.print(f"  [yellow]note[/]: {note}")
