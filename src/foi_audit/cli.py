"""Command line: parse, call one library function, render with rich.

This is the only module that imports typer. Library errors (:class:`FoiAuditError`) become a
one-line message on stderr and exit code 2; per-file problems are rows in the outputs.
Heavy libraries are imported inside commands so that ``foi-audit --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.errors import FoiAuditError

app = typer.Typer(
    name="foi-audit",
    help="Turn NHS trusts' FOI replies into a coded, evidenced dataset and honest statistics.\n\n"
    "Typical run: foi-audit ingest && foi-audit summary",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)


def _stderr() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False)


@contextmanager
def _library_errors() -> Iterator[None]:
    """Turn a library error into one line on stderr and exit code 2."""
    try:
        yield
    except FoiAuditError as exc:
        _stderr().print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
        raise typer.Exit(2) from None


def _progress_bar(total_label: str) -> tuple[Any, Callable[[int, int, str], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=_stderr(),
        transient=False,
        disable=not sys.stderr.isatty(),
    )
    task = progress.add_task(total_label, total=None, current="")

    def update(done: int, total: int, current: str) -> None:
        progress.update(task, completed=done, total=total, current=current[-50:])

    return progress, update


# --- section: ingest ---------------------------------------------------------------------


@app.command()
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
    codebook: Annotated[
        Path | None,
        typer.Option(help="Another study's codebook (TOML) instead of the built-in one."),
    ] = None,
) -> None:
    """Read every reply, match it to its trust, code each trust.

    Writes data/processed/documents.csv (one row per file and attachment: format, pages,
    trust, match method, status, message), the extracted text under data/processed/text/,
    codes.csv and trusts.csv. Files are read in worker processes with a time limit; a
    re-run reads only new or changed files. Pin a file to a trust in data/mapping.csv
    (columns path or sha256, trust_code).

    Exit code: 0 when every file was read, 1 when some were not (see documents.csv),
    2 when the run itself could not start.

    Example: foi-audit ingest data/raw --out data/processed --jobs 2
    """
    import os

    from foi_audit.ingest import IngestOptions
    from foi_audit.ingest import ingest as run_ingest
    from foi_audit.store import Layout

    layout = Layout.from_dirs(raw_dir, out)
    options = IngestOptions(
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout,
        max_bytes=int(max_size * 1e6),
        exclude=tuple(exclude or ()),
        codebook=codebook,
    )
    progress, update = _progress_bar("Reading")
    with _library_errors(), progress:
        result = run_ingest(layout, options, progress=update)
    console = _stderr()
    if result.unchanged:
        console.print("Nothing changed since the last run; its outputs stand.", soft_wrap=True)
    count = {
        status: sum(1 for d in result.documents if d.status == status)
        for status in ("ok", "duplicate", "unmatched", "error")
    }
    console.print(
        f"{result.files} files, {len(result.documents)} documents with attachments: "
        f"{count['ok']} ok, {count['duplicate']} duplicate, {count['unmatched']} unmatched, "
        f"{count['error']} not read; {result.read_from_cache} unchanged files not read again; "
        f"{result.trusts} trusts coded.",
        soft_wrap=True,
    )
    for document in result.documents:
        if document.status in {"error", "unmatched"}:
            console.print(
                f"  [yellow]{document.status}[/]: {document.path}: {document.message}",
                soft_wrap=True,
            )
    console.print(
        f"Wrote {layout.documents_csv}, {layout.codes_csv}, {layout.trusts_csv}", soft_wrap=True
    )
    raise typer.Exit(result.exit_code)


# --- section: register -------------------------------------------------------------------


@app.command()
def register(
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", help="Words to find in code, name or short names."),
    ] = None,
    open_on: Annotated[
        str | None, typer.Option("--open-on", help="Only trusts open on this date (YYYY-MM-DD).")
    ] = None,
    rebuild: Annotated[
        str | None,
        typer.Option(
            "--rebuild",
            help="Rebuild the register from a newer ODS etr.csv (file path or https URL).",
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List, search or rebuild the trust register (NHS ODS, Open Government Licence v3.0).

    Examples: foi-audit register --search "king's lynn";
    foi-audit register --open-on 2024-01-15;
    foi-audit register --rebuild ~/Downloads/etr.csv
    """
    from foi_audit import register as reg

    with _library_errors():
        if rebuild:
            count = reg.rebuild(rebuild)
            _stderr().print(f"Register rebuilt from {rebuild}: {count} English trusts.")
            return
        trusts = list(reg.load_register().trusts)
        if search:
            trusts = reg.load_register().search(search)
        if open_on:
            open_codes = {t.code for t in reg.load_register().open_on(open_on)}
            trusts = [t for t in trusts if t.code in open_codes]
    rows = reg.register_rows(trusts)
    if json_out:
        import json

        print(json.dumps(rows, indent=1))
        return
    from rich.table import Table

    table = Table("code", "name", "region", "type", "open", "closed")
    for row in rows:
        table.add_row(
            row["code"],
            row["name"],
            row["region"],
            row["trust_type"],
            row["open_date"],
            row["close_date"],
        )
    console = _stdout()
    console.print(table)
    console.print(
        f"{len(rows)} trusts. Source: NHS ODS trust extract, Open Government Licence v3.0.",
        style="dim",
    )


# --- section: coding (codebook, evaluate) ------------------------------------------------

# --- section: summary (summary, tables, explain) -----------------------------------------

# --- section: review (review, report, agreement, sample) ---------------------------------

# --- section: requests (asked, deadline) -------------------------------------------------


def main() -> None:
    app()
