"""How every command answers: JSON or a rendering on stdout, messages on stderr, a library
error (:class:`FoiAuditError`) as one line on stderr with exit code 2, Ctrl-C as one line with
exit code 130, and an internal error as one line naming a log, exit code 3.

Imports of the library happen inside functions: ``foi-audit --help`` must not pay for them.
"""

from __future__ import annotations

import errno
import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer

from foi_audit.errors import FoiAuditError, Interrupted

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


# Exit codes, the same for every command (documented in `foi-audit --help` and the README).
EXIT_OK = 0  # done; for ingest: every file read
EXIT_SOME_NOT_READ = 1  # ingest: some files not read (or a trust not coded); see documents.csv
EXIT_CANNOT_RUN = 2  # could not start or finish: bad arguments, the lock, a side file, a full disk
EXIT_INTERNAL = 3  # an internal error (a bug): one line naming the log with the traceback
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM

_state: dict[str, Any] = {"debug": False, "processed": None, "interrupt_said": False}


def fail(message: str, code: int = EXIT_CANNOT_RUN) -> NoReturn:
    """One line on stderr, then exit."""
    from rich.markup import escape  # a path like "[draft]" is not markup

    stderr().print(f"[bold red]error:[/] {escape(message)}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def interrupted(message: str) -> NoReturn:
    """Ctrl-C: say what state the outputs are in, exit 130."""
    _state["interrupt_said"] = True
    stderr().print(message, markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_INTERRUPTED)


def set_debug(debug: bool) -> None:
    _state["debug"] = debug


def note_processed(processed: Path) -> None:
    """The processed folder a command works in: where an internal error's log goes."""
    _state["processed"] = processed


def run_app(app: Any) -> None:
    """Run the Typer app as ``foi-audit``: SIGTERM stops a run like Ctrl-C (workers stopped,
    temporary files removed, one line said), and an internal error is one line naming a log
    file that holds the traceback (shown on the terminal only with ``--debug``)."""
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        app()
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED and not _state["interrupt_said"]:
            stderr().print("interrupted: nothing was changed", soft_wrap=True)
        raise
    except Exception as exc:
        if _state["debug"]:
            raise
        if isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS:
            fail(
                f"{exc.strerror}: {exc.filename or 'writing a file'}; free space or fix the folder"
            )
        log = _write_log(exc)
        where = f"the traceback is in {log}" if log else "no log could be written"
        stderr().print(
            f"internal error: {type(exc).__name__}: {_one_line(str(exc))} ({where}; "
            "run again with --debug to see it here, and please report it)",
            markup=False,
            soft_wrap=True,
        )
        raise SystemExit(EXIT_INTERNAL) from None


_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 200 else line[:199] + "…"


def _write_log(exc: BaseException) -> Path | None:
    """Append the traceback to ``error.log`` in the processed folder (else the temp folder)."""
    import datetime as dt
    import tempfile
    import traceback

    from foi_audit import __version__

    processed = _state["processed"] or Path("data/processed")
    text = (
        f"--- {dt.datetime.now().isoformat(timespec='seconds')} foi-audit {__version__} "
        f"{' '.join(sys.argv[1:])}\n" + "".join(traceback.format_exception(exc))
    )
    for folder in (Path(processed), Path(tempfile.gettempdir())):
        log = folder / "error.log" if folder == Path(processed) else folder / "foi-audit-error.log"
        try:
            if not folder.is_dir():
                continue
            with log.open("a", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(text)
            return log
        except OSError:
            continue
    return None


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
    except Interrupted as exc:
        interrupted(str(exc))
    except FoiAuditError as exc:
        fail(str(exc))
    if json_out and as_json is not None:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=1))
    elif render is not None:
        render(result)
    return result


def layout_for(study: Path | None, processed: Path | None) -> Any:
    """Where a command that reads the outputs looks: the study's processed folder (``--study``
    or found by walking up), else ``--processed`` (default data/processed)."""
    from foi_audit.dataset.study_folder import processed_layout

    layout = answer(lambda: processed_layout(study, processed))
    note_processed(layout.processed)
    return layout


def study_codebook(layout: Any, explicit: Path | None) -> Any:
    """The codebook to read ``layout`` with: ``--codebook`` or the one ingest recorded; a
    recorded file that has changed since is said on stderr (one line)."""
    from foi_audit.dataset.study import study_codebook as resolve

    found = resolve(layout, explicit)
    for warning in found.warnings:
        stderr().print(f"[yellow]warning:[/] {warning}", markup=True, soft_wrap=True)
    return found.codebook


def progress_bar(total_label: str) -> tuple[Any, Callable[[int, int, str], None]]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(compact=True, elapsed_when_finished=True),
        TextColumn("{task.fields[current]}", style="dim"),
        console=stderr(),
        transient=False,
        disable=not sys.stderr.isatty(),
    )
    task = progress.add_task(total_label, total=None, current="")

    def update(done: int, total: int, current: str) -> None:
        progress.update(task, completed=done, total=total, current=current[-50:])

    return progress, update
