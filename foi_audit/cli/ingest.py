"""``foi-audit ingest``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import Study, StudyCodebook
from foi_audit.cli.output import answer, note_processed, progress_bar, stderr


def ingest(
    raw_dir: Annotated[
        Path | None,
        typer.Argument(
            help="Folder of replies, any nesting [default: the study's raw folder, else data/raw]."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Output folder [default: the study's processed folder, else processed/ beside "
            "RAW_DIR, i.e. data/processed].",
        ),
    ] = None,
    study: Study = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: number of cores]."),
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds allowed per file (reading it, and coding it).")
    ] = 120.0,
    max_size: Annotated[float, typer.Option(help="Largest file read, in MB.")] = 200.0,
    exclude: Annotated[
        list[str] | None,
        typer.Option(help="Glob of files to skip (repeatable), e.g. --exclude gold.csv."),
    ] = None,
    codebook: StudyCodebook = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace outputs that were made from another raw folder (refused without it).",
        ),
    ] = False,
) -> None:
    """Read every reply, match it to its trust, code each trust.

    In a study folder (made by `foi-audit init`, found by walking up from here, or given
    with --study) the replies, outputs, asked.csv, mapping.csv, overrides.csv, codebook
    and exclude patterns are those its foi-audit.toml names; RAW_DIR and --out override
    its folders. Outputs made from another raw folder are never replaced without --replace.

    Writes data/processed/documents.csv (one row per file and attachment: format, pages,
    trust, match method, status, message), the extracted text under data/processed/text/,
    codes.csv and trusts.csv. Files are read in worker processes with a time limit; a
    re-run reads only new or changed files. Pin a file to a trust in data/mapping.csv
    (columns path or sha256, trust_code). The codebook used is recorded in
    data/processed/manifest.json, and every later command reads the data with it.

    Every entry in RAW_DIR gets a row or a reason: named pipes, links to nothing or to
    themselves, links out of RAW_DIR and folders that cannot be opened are rows with a
    message; a folder reached through a link inside RAW_DIR is read once.

    Exit code: 0 every file was read; 1 some files were not read, or a trust's coding was
    stopped (see documents.csv and the list printed); 2 the run could not start or finish
    (bad arguments, another run holds the lock, a side file such as mapping.csv is wrong,
    the disk is full), with one line saying what to do; 3 an internal error, one line naming
    the log in the output folder that holds the traceback (--debug shows it); 130 Ctrl-C
    or SIGTERM, with one line saying what state the outputs are in.

    Example: foi-audit ingest data/raw --out data/processed --jobs 2
    """
    from foi_audit.dataset.study_folder import ingest_layout
    from foi_audit.ingest.pipeline import IngestOptions
    from foi_audit.ingest.pipeline import ingest as run_ingest

    layout, found = answer(lambda: ingest_layout(study, raw_dir, out))
    note_processed(layout.processed)
    options = IngestOptions(
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout,
        max_bytes=int(max_size * 1e6),
        exclude=(*(found.exclude if found else ()), *(exclude or ())),
        codebook=codebook or (found.codebook if found else None),
        replace=replace,
    )
    progress, update = progress_bar("Reading")
    with progress:
        result = answer(lambda: run_ingest(layout, options, progress=update))
    _render(result, layout)
    raise typer.Exit(result.exit_code)


def _render(result: Any, layout: Any) -> None:
    from rich.markup import escape  # file names like "[draft].pdf" are not markup

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
            result.uncoded,
            # a re-run (some files were read before): how much was coded again
            result.coded_now if result.read_from_cache and not result.unchanged else None,
        ),
        soft_wrap=True,
    )
    for note in result.override_notes:
        console.print(f"  [yellow]override[/]: {escape(note)}", soft_wrap=True)
    shown = 20  # the full list is in documents.csv
    for problem in result.problems[:shown]:
        console.print(
            f"  [yellow]{problem.status}[/]: {escape(problem.path)}: {escape(problem.message)}",
            soft_wrap=True,
        )
    if len(result.problems) > shown:
        console.print(
            f"  ... and {len(result.problems) - shown} more: see the status and message "
            f"columns of {escape(str(layout.documents_csv))}",
            soft_wrap=True,
        )
    if not result.unchanged:
        console.print(
            f"Wrote {layout.documents_csv}, {layout.codes_csv}, {layout.trusts_csv}",
            markup=False,
            soft_wrap=True,
        )
    for note in result.notes:
        console.print(f"  [yellow]note[/]: {escape(note)}", soft_wrap=True)
