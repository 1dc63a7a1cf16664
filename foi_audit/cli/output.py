"""How every command answers: JSON or a rendering on stdout, messages on stderr, and a library
error (:class:`FoiAuditError`) as one line on stderr with exit code 2.

Imports of the library happen inside functions: ``foi-audit --help`` must not pay for them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer

from foi_audit.errors import FoiAuditError

T = TypeVar("T")


def stderr() -> Any:
    """Messages and errors. soft_wrap: never break a path or a figure in two."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout(wrap: bool = False) -> Any:
    """The answer. ``wrap``: prose wrapped at word boundaries to the terminal's width (80
    when not a terminal); otherwise lines are left whole for tools that read them."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=not wrap)


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit."""
    stderr().print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def answer(
    call: Callable[[], T],
    *,
    json_out: bool = False,
    as_json: Callable[[T], Any] | None = None,
    render: Callable[[T], None] | None = None,
) -> T:
    """Run the command's one library call; print its JSON (``--json``) or render it.

    A :class:`FoiAuditError` becomes one line on stderr and exit code 2.
    """
    try:
        result = call()
    except FoiAuditError as exc:
        fail(str(exc))
    if json_out and as_json is not None:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=1))
    elif render is not None:
        render(result)
    return result


def layout_around(processed: Path) -> Any:
    """The data folder around a processed folder (raw/asked.csv, overrides.csv beside it)."""
    from foi_audit.dataset.layout import Layout

    return Layout.around(processed)


def study_codebook(layout: Any, explicit: Path | None) -> Any:
    """The codebook to read ``layout`` with: ``--codebook`` or the one ingest recorded; a
    recorded file that has changed since is said on stderr (one line)."""
    from foi_audit.dataset.study import study_codebook as resolve

    found = resolve(layout, explicit)
    for warning in found.warnings:
        stderr().print(f"[yellow]warning:[/] {warning}", markup=True, soft_wrap=True)
    return found.codebook


def progress_bar(total_label: str) -> tuple[Any, Callable[[int, int, str], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=stderr(),
        transient=False,
        disable=not sys.stderr.isatty(),
    )
    task = progress.add_task(total_label, total=None, current="")

    def update(done: int, total: int, current: str) -> None:
        progress.update(task, completed=done, total=total, current=current[-50:])

    return progress, update
