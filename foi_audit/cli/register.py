"""``foi-audit register``."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from foi_audit.cli.options import JsonOut
from foi_audit.cli.output import answer, stderr, stdout


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
    json_out: JsonOut = False,
) -> None:
    """List, search or rebuild the trust register (NHS ODS, Open Government Licence v3.0).

    Examples: foi-audit register --search "king's lynn";
    foi-audit register --open-on 2024-01-15;
    foi-audit register --rebuild ~/Downloads/etr.csv
    """
    from foi_audit.register import trusts as reg

    if rebuild:
        count = answer(lambda: reg.rebuild(rebuild))
        stderr().print(f"Register rebuilt from {rebuild}: {count} English trusts.")
        return
    rows = answer(
        lambda: reg.register_rows(reg.find_trusts(search or "", open_on or "")),
        json_out=json_out,
        as_json=lambda rows: rows,
        render=_render,
    )
    if search and not rows:
        stderr().print(answer(lambda: reg.nothing_found_note(search)), markup=False)


def _render(rows: list[dict[str, Any]]) -> None:
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
    console = stdout()
    console.print(table)
    from foi_audit.cli.messages import register_listed

    console.print(register_listed(len(rows)), style="dim")
