"""Command line: the Typer app and ``main``; the commands live in one module per group.

This package is the only one that imports typer. Each command parses its options, makes one
library call and renders the result (:mod:`foi_audit.cli.output`); library errors
(:class:`FoiAuditError`) become one line on stderr and exit code 2, per-file problems are rows
in the outputs. Library modules are imported inside commands so that ``foi-audit --help``
starts fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from foi_audit.cli import (
    codebook,
    compare,
    export,
    figures,
    ingest,
    quality,
    register,
    requests,
    study,
)
from foi_audit.cli.output import run_app, set_debug

EXIT_CODES = (
    "Exit codes: 0 done (ingest: every file read); 1 ingest could not read or code some files "
    "(see documents.csv); 2 the run could not start or finish (bad arguments, the lock, a side "
    "file, a full disk: one line says what to do); 3 an internal error (one line naming the log "
    "in the processed folder that holds the traceback; --debug shows it); 130 interrupted "
    "(Ctrl-C, SIGTERM)."
)

app = typer.Typer(
    name="foi-audit",
    help="Turn NHS trusts' FOI replies into a coded, evidenced dataset and honest statistics.\n\n"
    "Typical run: foi-audit init && (copy the replies into raw/) && foi-audit ingest && "
    "foi-audit summary",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,  # a bug report must not dump reply text or paths
)

# In the order `foi-audit --help` lists them: the run, then its figures, review, requests.
for command in (
    study.init,
    ingest.ingest,
    register.register,
    codebook.codebook,
    quality.evaluate,
    figures.summary,
    figures.tables,
    figures.explain,
    compare.compare,
    quality.review,
    figures.report,
    export.export,
    quality.agreement,
    quality.sample,
    requests.asked,
    requests.deadline,
):
    app.command()(command)


def _version(value: bool) -> None:
    if value:
        from foi_audit import __version__

        print(f"foi-audit {__version__}")
        raise typer.Exit()


@app.callback(epilog=EXIT_CODES)
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show an internal error's traceback here, not only in its log."
        ),
    ] = False,
) -> None:
    """Turn NHS trusts' FOI replies into a coded, evidenced dataset and honest statistics."""
    set_debug(debug)


def main() -> None:
    run_app(app)
