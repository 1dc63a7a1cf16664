"""Figures people read: ``foi-audit summary``, ``explain``, ``tables`` and ``report``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import DEFAULT_PROCESSED, JsonOut, Processed, RecordedCodebook
from foi_audit.cli.output import answer, layout_around, stderr, stdout, study_codebook


def summary(
    processed: Processed = DEFAULT_PROCESSED,
    by: Annotated[
        str | None, typer.Option("--by", help="Break every figure down by region or trust_type.")
    ] = None,
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
) -> None:
    """Every figure with its count, denominator, 95% interval and a plain-English phrase.

    Percentages are of the trusts that answered each question, with the chain asked ->
    replied -> answered and best/worst cases for those who did not answer. Conditional
    questions (ABT details) count among trusts with ABT. Intervals: Wilson score, no
    continuity correction. Human overrides (data/overrides.csv) are applied.

    Example: foi-audit summary --by region
    """
    from foi_audit.figures.summary import build_summary, summary_dict

    layout = layout_around(processed)
    answer(
        lambda: build_summary(layout, study_codebook(layout, codebook), by=by or ""),
        json_out=json_out,
        as_json=summary_dict,
        render=_render_summary,
    )


def _render_summary(result: Any) -> None:
    console = stdout()
    console.print(f"[bold]Who was asked[/]: {result.asked_note}")
    console.print(
        f"{result.asked} asked → {result.replied} replied ({result.no_reply} have not replied)."
    )
    console.print(f"Intervals: {result.method}.", style="dim")
    if result.needs_review:
        console.print(
            f"[yellow]{result.needs_review} counted values still need review[/] (counted as "
            "coded; see `foi-audit explain FIELD=VALUE`)."
        )
    for note in result.notes:
        console.print(f"[yellow]Note:[/] {note}", soft_wrap=True)
    for title, fields in (("Questions", result.questions), ("Outcomes", result.outcomes)):
        console.rule(f"[bold]{title}")
        for field in fields:
            review = f" — {field.needs_review} need review" if field.needs_review else ""
            console.print(f"\n[bold]{field.label}[/] ({field.field}){review}", highlight=False)
            if not field.chain.answered:
                console.print(f"  No trust answered. Base: {field.chain_text}.", markup=False)
                continue
            for value in field.values:
                console.print(f"  {value.headline}", soft_wrap=True, markup=False)
                unknown = field.chain.bound_base - value.denominator
                if unknown and value.denominator:
                    console.print(
                        f"    Worst to best case, if the {unknown} asked trusts that did not "
                        f"answer had all answered otherwise / this way: "
                        f"{value.worst_case}–{value.best_case} of "
                        f"{field.chain.bound_base} ({value.worst_case_percent:.1f}%–"
                        f"{value.best_case_percent:.1f}%).",
                        style="dim",
                        soft_wrap=True,
                        markup=False,
                    )
    if result.groups:
        _render_groups(console, result)
    console.print(
        "\nThe trusts behind a figure: foi-audit explain FIELD=VALUE (e.g. "
        + (result.questions[0].values[0].explain if result.questions else "")
        + ")",
        style="dim",
        markup=False,
    )


def _render_groups(console: Any, result: Any) -> None:
    from rich.table import Table

    # Text output keeps to single-valued fields (a field of several values, such as the sections
    # cited, would fill a table per group); --json has every field per group.
    names = [f.field for f in result.groups[0].fields if f.kind != "multi"]
    for name in names:
        table = Table(
            result.by, "asked", "answer", "n of N", "%", "95% CI", "in words",
            title=f"{name} by {result.by}",
        )  # fmt: skip
        for group in result.groups:
            field = next(f for f in group.fields if f.field == name)
            for value in field.values:
                table.add_row(
                    group.group,
                    str(group.asked),
                    value.label,
                    f"{value.count} of {value.denominator}",
                    "" if value.percent is None else f"{value.percent:.1f}",
                    "" if value.ci_low is None else f"{value.ci_low:.1f}–{value.ci_high:.1f}",
                    value.phrase,
                )
        console.print(table)


def tables(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the tables into.")],
    processed: Processed = DEFAULT_PROCESSED,
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: csv,md,tex,xlsx.")
    ] = "csv,md,tex,xlsx",
    charts: Annotated[
        bool, typer.Option("--charts", help="Also write the charts (PNG and SVG).")
    ] = False,
    headline: Annotated[
        str,
        typer.Option(help="FIELD=VALUE charted by region [default: first question's first value]."),
    ] = "",
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 and name the files that would change."),
    ] = False,
    codebook: RecordedCodebook = None,
    compare: Annotated[
        Path | None,
        typer.Option(
            "--compare",
            help="ROUND_B: write the comparison of --processed (the first round) with this "
            "round (its study or processed folder) instead: comparison, comparison_by_region, "
            "comparison_one_round; --charts adds a dumbbell chart per question by region.",
        ),
    ] = None,
    names: Annotated[
        str, typer.Option("--names", help="With --compare: the rounds' names, e.g. 2022,2024.")
    ] = "",
) -> None:
    """The paper's tables (coverage by field, by region, by trust type; outcomes).

    Byte-identical on every rerun, so they can live in a paper's repository: `--check`
    exits 1 and names each file that differs from what would be generated (for CI).
    `--charts` adds chart_coverage_by_field and chart_coverage_by_region (.png, .svg).
    `--compare ROUND_B` writes the comparison of two rounds instead (see `foi-audit compare`).

    Example: foi-audit tables --out paper/tables --format csv,tex --charts --check

    Example: foi-audit tables --processed round-2022/processed --compare round-2024 --out paper/change
    """
    from foi_audit.figures.tables import parse_formats, write_tables

    layout = layout_around(processed)
    if compare is not None:
        from foi_audit.figures.compare_tables import write_comparison_tables

        result = answer(
            lambda: write_comparison_tables(
                processed,
                compare,
                out,
                parse_formats(formats),
                charts=charts,
                check=check,
                names=[n for n in names.split(",")] if names else [],
                codebook=codebook,
            )
        )
    else:
        result = answer(
            lambda: write_tables(
                layout,
                out,
                parse_formats(formats),
                charts=charts,
                check=check,
                headline=headline,
                codebook=study_codebook(layout, codebook),
            )
        )
    console = stderr()
    if check:
        for name in result.differing:
            state = "differs" if (out / name).exists() else "missing"
            console.print(f"  [yellow]{state}[/]: {out / name}")
        if result.differing:
            console.print(
                f"{len(result.differing)} of {len(result.files)} files are out of date: "
                f"run `foi-audit tables --out {out}` and commit them."
            )
            raise typer.Exit(1)
        console.print(f"All {len(result.files)} files in {out} are up to date.")
        return
    console.print(
        f"{len(result.files)} files in {out} ({len(result.written)} changed, "
        f"{len(result.files) - len(result.written)} already up to date)."
    )


def explain(
    figure: Annotated[str, typer.Argument(help="FIELD or FIELD=VALUE, e.g. policy=dedicated.")],
    processed: Processed = DEFAULT_PROCESSED,
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
) -> None:
    """The trusts behind a figure, each with its quote and source.

    FIELD=VALUE lists exactly the trusts counted in that figure of `foi-audit summary`;
    FIELD alone lists every trust in the question's base with what it answered.

    Example: foi-audit explain policy=dedicated
    """
    from foi_audit.figures.summary import explain as run_explain
    from foi_audit.figures.summary import explanation_dict

    layout = layout_around(processed)
    answer(
        lambda: run_explain(layout, figure, study_codebook(layout, codebook)),
        json_out=json_out,
        as_json=explanation_dict,
        render=_render_explanation,
    )


def _render_explanation(result: Any) -> None:
    from rich.table import Table

    console = stdout()
    if result.headline:
        console.print(result.headline, markup=False, soft_wrap=True)
    else:
        console.print(f"Base: {result.chain_text}.", markup=False)
    table = Table("code", "trust", "value", "quote", "source", "flags")
    for row in result.rows:
        flags = ", ".join(
            name
            for name, on in (("needs review", row.needs_review), ("overridden", row.overridden))
            if on
        )
        table.add_row(
            row.trust_code, row.trust_name, row.value or "(no answer)", row.quote, row.source, flags
        )
    console.print(table)
    console.print(f"{len(result.rows)} trusts.", style="dim")


def report(
    html_out: Annotated[
        Path, typer.Option("--html", help="The HTML file to write (one self-contained page).")
    ],
    processed: Processed = DEFAULT_PROCESSED,
    codebook: RecordedCodebook = None,
) -> None:
    """Write one static HTML page: summary figures, then every trust x field with its evidence.

    Click a cell for its quote, source file, locator, rule and any reviewer's decision;
    filter by needs_review, field and region. Opens in any browser, no server or network.

    Example: foi-audit report --html report.html
    """
    from foi_audit.figures.html_report import write_report

    layout = layout_around(processed)
    info = answer(lambda: write_report(layout, html_out, study_codebook(layout, codebook)))
    console = stderr()
    for change in info.changes:
        console.print(f"[yellow]note:[/] {change.describe()}", markup=True, soft_wrap=True)
    console.print(
        f"Wrote {info.path}: {info.trusts} trusts, {info.cells} values, "
        f"{info.needs_review} need review, {info.overridden} decided by a reviewer."
    )
