"""The request side: ``foi-audit asked`` and ``foi-audit deadline``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import JsonOut, Study
from foi_audit.cli.output import answer, fail, stderr, stdout


def asked(
    all_open_trusts: Annotated[
        bool,
        typer.Option(
            "--all-open-trusts", help="Write a row for every English trust open on --date."
        ),
    ] = False,
    date: Annotated[
        str | None, typer.Option("--date", help="Date the requests were sent (YYYY-MM-DD).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="The asked.csv to write or show [default: the study's, else data/raw/asked.csv].",
        ),
    ] = None,
    study: Study = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing asked.csv (a hidden backup is kept)."),
    ] = False,
) -> None:
    """Write or show asked.csv (the study's; outside a study data/raw/asked.csv): who was asked and when.

    Columns: trust_code, date_sent, optional date_received and reference. Deadlines count
    from date_received when known, else from date_sent. An existing asked.csv is never
    overwritten without --force. Without --all-open-trusts, shows the current file.

    Example: foi-audit asked --all-open-trusts --date 2024-01-15
    """
    from foi_audit.dataset.study_folder import asked_path
    from foi_audit.requests import asked as asked_lib

    out = answer(lambda: asked_path(study, out))
    console = stderr()
    if all_open_trusts:
        if not date:
            fail("--all-open-trusts needs --date YYYY-MM-DD")
        written = answer(lambda: asked_lib.write_all_open(out, date, force=force))
        if written.backup:
            console.print(f"Kept the previous file as {written.backup}", soft_wrap=True)
        from foi_audit.cli.messages import asked_written

        console.print(asked_written(written.path, written.count, date), soft_wrap=True)
        return
    rows = answer(lambda: asked_lib.load_asked(out))
    for note in answer(lambda: asked_lib.asked_notes(out)):
        console.print(f"[yellow]note[/]: {note}", soft_wrap=True)
    if rows is None and out.exists():
        raise typer.Exit(1)
    if rows is None:
        console.print(
            f"{out} does not exist: make one with `foi-audit asked --all-open-trusts "
            "--date YYYY-MM-DD` or by hand (trust_code, date_sent).",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    sent = Counter(a.date_sent or "(blank)" for a in rows)
    received = sum(1 for a in rows if a.date_received)
    stdout().print(
        f"{out}: {len(rows)} trusts asked; sent "
        + ", ".join(f"{day}: {n}" for day, n in sorted(sent.items()))
        + f"; {received} with a receipt date.",
        soft_wrap=True,
    )


def deadline(
    received: Annotated[str, typer.Argument(help="Date the trust received the request.")],
    days: Annotated[int, typer.Option("--days", min=1, help="Working days allowed.")] = 20,
    json_out: JsonOut = False,
) -> None:
    """Statutory FOI due date (FOI Act 2000 s10) and every day skipped, with the reason.

    The due date is the 20th working day following the day of receipt (day 0). Weekends,
    Christmas Day, Good Friday and bank holidays in ANY part of the UK (England, Wales,
    Scotland, Northern Ireland) are not working days.

    Example: foi-audit deadline 2024-12-20 --json
    """
    from foi_audit.requests.deadlines import deadline_json, deadline_report

    answer(
        lambda: deadline_report(received, days),
        json_out=json_out,
        as_json=deadline_json,
        render=lambda result: _render_deadline(result, days),
    )


def _render_deadline(result: Any, days: int) -> None:
    console = stdout()
    console.print(
        f"Received {result.received:%A %d %B %Y} (day 0). Due {result.due:%A %d %B %Y} "
        f"[bold]{result.due.isoformat()}[/]: the {_ordinal(days)} working day after receipt.",
        soft_wrap=True,
    )
    if result.skipped:
        from rich.table import Table

        table = Table("skipped", "day", "why not a working day")
        for skipped in result.skipped:
            table.add_row(skipped.date.isoformat(), f"{skipped.date:%a}", skipped.reason)
        console.print(table)


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}th" if 11 <= number % 100 <= 13 else f"{number}{suffix}"
