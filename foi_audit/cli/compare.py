"""``foi-audit compare``: two rounds of the same request, what changed and who changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import JsonOut, RecordedCodebook
from foi_audit.cli.output import answer, stdout

_ROUND = "its study folder (with processed/) or its processed folder"


def compare(
    first: Annotated[Path, typer.Argument(metavar="ROUND_A", help=f"The earlier round: {_ROUND}.")],
    second: Annotated[Path, typer.Argument(metavar="ROUND_B", help=f"The later round: {_ROUND}.")],
    detail: Annotated[
        bool,
        typer.Option("--detail", help="Every value of every field, not only its principal answer."),
    ] = False,
    changed: Annotated[
        str,
        typer.Option(
            "--changed",
            help="FIELD=VALUE: list the trusts that gained or lost it, with both rounds' "
            "quotes and sources.",
        ),
    ] = "",
    names: Annotated[
        str,
        typer.Option("--names", help="The rounds' names, e.g. 2022,2024 [default: folder names]."),
    ] = "",
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
) -> None:
    """Compare two rounds of the same request: what changed, by how much, and who changed.

    Each round (a study folder or a processed folder, ingested as usual) is read as `foi-audit
    summary` reads it: its own asked.csv, review decisions and codebook. For each field's
    principal answer (every value with `--detail`): each round's count, base, % and Wilson
    interval; the change ROUND_B - ROUND_A in percentage points with a 95% interval (Newcombe's
    hybrid score method) and a phrase ("up 25.5 points", "no clear change" when the interval
    includes 0); among the trusts that answered both rounds, how many gained and lost the
    answer (exact McNemar test). Trusts in one round only are listed with the reason (closed,
    merged, opened, not asked, no reply).

    Example: foi-audit compare round-2022/ round-2024/ --changed policy=dedicated
    """
    from foi_audit.figures.compare import compare_rounds, comparison_dict

    chosen = [n for n in names.split(",")] if names else []
    answer(
        lambda: compare_rounds(
            first, second, chosen, codebook=codebook, detail=detail, changed=changed
        ),
        json_out=json_out,
        as_json=comparison_dict,
        render=_render,
    )


def _render(result: Any) -> None:
    console = stdout()
    if result.changed is not None:
        _render_changed(console, result)
        return
    for info in (result.first, result.second):
        sent = f", sent {info.date}" if info.date else ""
        console.print(
            f"[bold]{info.name}[/]: {info.asked} asked → {info.replied} replied "
            f"({info.asked_note}{sent}); {info.folder}",
            highlight=False,
        )
    console.print(
        f"{result.in_both} trusts in both rounds ({result.replied_both} replied to both); "
        f"{len(result.only_first)} in {result.first.name} only, {len(result.only_second)} in "
        f"{result.second.name} only, {len(result.replied_once)} replied to one round only "
        "(listed below).",
        markup=False,
    )
    console.print(
        f"Each round: {result.method}. Change: {result.difference_method}. "
        f"Who changed: {result.paired_method}.",
        style="dim",
        markup=False,
    )
    for note in result.notes:
        console.print(f"[yellow]Note:[/] {note}")
    for title, fields in (("Questions", result.questions), ("Outcomes", result.outcomes)):
        console.rule(f"[bold]{title}")
        for field in fields:
            for value in field.values:
                _render_value(console, result, value)
    _render_one_round(console, result)
    example = next((v.changed for f in result.questions for v in f.values), "")
    if example:
        console.print(
            f"\nThe trusts that changed: foi-audit compare {result.first.folder} "
            f"{result.second.folder} {example}",
            style="dim",
            markup=False,
        )


def _render_value(console: Any, result: Any, value: Any) -> None:
    console.print(f"\n{value.headline}", markup=False)
    for name, figure in ((result.first.name, value.first), (result.second.name, value.second)):
        interval = (
            "" if figure.ci_low is None else f", 95% CI {figure.ci_low:.1f}%–{figure.ci_high:.1f}%"
        )
        console.print(
            f"  {name}: {figure.text}{interval}; base {figure.chain_text}",
            style="dim",
            markup=False,
        )
    if value.paired.not_paired:
        console.print(f"  {value.paired.not_paired}", style="dim", markup=False)


def _render_one_round(console: Any, result: Any) -> None:
    from rich.table import Table

    rows = (*result.only_first, *result.only_second, *result.replied_once)
    if not rows:
        return
    console.rule("[bold]Trusts in one round only")
    table = Table("code", "trust", "counted in", "why not in the other")
    for trust in rows:
        table.add_row(trust.code, trust.name, trust.in_round, trust.reason)
    console.print(table)


def _render_changed(console: Any, result: Any) -> None:
    changed = result.changed
    console.print(changed.headline, markup=False)
    for trust in changed.trusts:
        console.print(
            f"\n[bold]{trust.trust_code}[/] {trust.trust_name} — {trust.direction}",
            highlight=False,
        )
        for name, row, review in (
            (result.first.name, trust.first, trust.first_review),
            (result.second.name, trust.second, trust.second_review),
        ):
            quote = f" “{row.quote}”" if row.quote else ""
            source = f" ({row.source})" if row.source else ""
            console.print(f"  {name}: {row.value or '(no answer)'}{quote}{source}", markup=False)
            if review:
                console.print(f"    {review}", style="dim", markup=False)
    gained = sum(1 for t in changed.trusts if t.direction == "gained")
    console.print(
        f"\n{gained} gained, {len(changed.trusts) - gained} lost "
        f"(of the trusts that answered both rounds).",
        style="dim",
    )
