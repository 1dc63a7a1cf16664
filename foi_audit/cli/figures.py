"""Figures people read: ``foi-audit summary``, ``explain``, ``tables`` and ``report``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import DEFAULT_PROCESSED, JsonOut, Processed, RecordedCodebook, Study
from foi_audit.cli.output import answer, fail, layout_for, stderr, stdout, study_codebook
from foi_audit.wording import count


def summary(
    processed: Processed = DEFAULT_PROCESSED,
    study: Study = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Break the figures down by region or trust_type."),
    ] = None,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail", help="Every value of every field with best and worst cases; outcomes."
        ),
    ] = False,
    field: Annotated[
        str | None, typer.Option("--field", help="The full breakdown of one field.")
    ] = None,
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
) -> None:
    """The headline: one line per question, then what needs review; --detail for the rest.

    Each question's principal answer with its count, denominator, 95% interval, a
    plain-English phrase and the chain asked -> replied -> answered. Conditional questions
    (ABT details) count among trusts with ABT. Intervals: Wilson score, no continuity
    correction. Human overrides (data/overrides.csv) are applied.

    Example: foi-audit summary --detail --by region
    """
    from foi_audit.cli.summary_view import render_summary
    from foi_audit.figures.summary import build_summary, check_field, summary_dict

    layout = layout_for(study, processed)
    answer(
        lambda: check_field(
            build_summary(layout, study_codebook(layout, codebook), by=by or ""), field or ""
        ),
        json_out=json_out,
        as_json=summary_dict,
        render=lambda result: render_summary(result, stdout(wrap=True), detail, field or ""),
    )


def tables(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the tables into.")],
    processed: Processed = DEFAULT_PROCESSED,
    study: Study = None,
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: csv,md,tex,xlsx.")
    ] = "csv,md,tex,xlsx",
    charts: Annotated[
        bool, typer.Option("--charts", help="Also write the charts (PNG and SVG).")
    ] = False,
    headline: Annotated[
        str,
        typer.Option(
            help="Chart only this FIELD=VALUE by region and trust type [default: each "
            "question's principal answer]."
        ),
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
    `--charts` adds chart_coverage_by_field and, for each question's principal answer,
    chart_by_region_FIELD and chart_by_trust_type_FIELD (.png at 300 dpi, .svg).
    `--compare ROUND_B` writes the comparison of two rounds instead (see `foi-audit compare`).

    Example: foi-audit tables --out paper/tables --format csv,tex --charts --check

    Example: foi-audit tables --processed round-2022/processed --compare round-2024 --out paper/change
    """
    from foi_audit.cli.messages import tables_stale, tables_up_to_date, tables_written
    from foi_audit.figures.tables import parse_formats, write_tables

    layout = layout_for(study, processed)
    if compare is not None:
        from foi_audit.figures.compare_tables import write_comparison_tables

        result = answer(
            lambda: write_comparison_tables(
                layout.processed,
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
    if getattr(result, "warning", ""):  # before the tables: the figures may miss trusts
        console.print(f"warning: {result.warning}", markup=False, soft_wrap=True)
    if check:
        for name in result.differing:
            state = "differs" if (out / name).exists() else "missing"
            console.print(f"  [yellow]{state}[/]: {out / name}")
        if result.differing:
            command = _tables_command(out, layout.processed, formats, charts, headline, codebook)
            console.print(
                tables_stale(len(result.differing), len(result.files), command), markup=False
            )
            raise typer.Exit(1)
        console.print(tables_up_to_date(len(result.files), out), markup=False)
        return
    console.print(tables_written(len(result.files), len(result.written), out), markup=False)


def _tables_command(
    out: Path, processed: Path, formats: str, charts: bool, headline: str, codebook: Path | None
) -> str:
    """The command that rewrites exactly what --check compared, runnable as printed."""
    import shlex

    parts = ["foi-audit", "tables", "--out", str(out), "--processed", str(processed)]
    parts += ["--format", formats]
    if charts:
        parts.append("--charts")
    if headline:
        parts += ["--headline", headline]
    if codebook is not None:
        parts += ["--codebook", str(codebook)]
    return shlex.join(parts)


def explain(
    figure: Annotated[
        str,
        typer.Argument(
            help="FIELD or FIELD=VALUE, e.g. policy=dedicated; with --trace, a trust's ODS code."
        ),
    ],
    trace_field: Annotated[
        str | None, typer.Argument(metavar="[FIELD]", help="With --trace: the field to trace.")
    ] = None,
    trace: Annotated[
        bool,
        typer.Option(
            "--trace", help="TRUST FIELD: how the engine coded that value, stage by stage."
        ),
    ] = False,
    processed: Processed = DEFAULT_PROCESSED,
    study: Study = None,
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
    csv_out: Annotated[
        bool, typer.Option("--csv", help="Print the trusts as CSV (one row each).")
    ] = False,
) -> None:
    """The trusts behind a figure, each with its quote and source; or one value's story.

    FIELD=VALUE lists exactly the trusts counted in that figure of `foi-audit summary`;
    FIELD alone lists every trust in the question's base with what it answered. A value a
    reviewer decided shows the machine's value beside it.

    TRUST FIELD --trace re-reads that trust's replies and shows what each stage decided: the
    documents and the questions each answers, each answer's status, direct answer, sentences
    (with plans and hypotheticals marked) and concepts, every rule tried, and the value with
    its flags.

    Examples: foi-audit explain policy=dedicated --csv > dedicated.csv;
    foi-audit explain RXX policy --trace
    """
    from foi_audit.figures.explain import explain as run_explain
    from foi_audit.figures.explain import (
        explain_trace,
        explanation_csv,
        explanation_dict,
        trace_dict,
        trace_lines,
    )

    layout = layout_for(study, processed)
    if trace or trace_field is not None:
        if not (trace and trace_field):
            fail("give a trust and a field with --trace: foi-audit explain TRUST FIELD --trace")
        if csv_out:
            fail("--csv lists the trusts behind a figure; a trace is text or --json")
        answer(
            lambda: explain_trace(
                layout, figure, str(trace_field), study_codebook(layout, codebook)
            ),
            json_out=json_out,
            as_json=trace_dict,
            render=lambda t: print("\n".join(trace_lines(t))),
        )
        return
    answer(
        lambda: run_explain(layout, figure, study_codebook(layout, codebook)),
        json_out=json_out,
        as_json=explanation_dict,
        render=(lambda r: print(explanation_csv(r), end="")) if csv_out else _render_explanation,
    )


def _render_explanation(result: Any) -> None:
    from rich.table import Table

    from foi_audit.cli.summary_view import say
    from foi_audit.wording import middle_ellipsis

    console = stdout(wrap=True)
    say(console, result.headline or f"Base: {result.chain_text}.")
    if console.width >= 120:
        table = Table("code", "trust", "value", "quote", "source", "flags")
        for row in result.rows:
            table.add_row(
                row.trust_code,
                row.trust_name,
                _value_cell(row),
                row.quote,
                middle_ellipsis(row.source, 40),
                _flags_cell(row),
            )
        console.print(table)
    else:  # narrow: one block per trust, nothing cut mid-word
        for row in result.rows:
            console.print()
            say(console, f"{row.trust_code} {row.trust_name}: {_value_cell(row)}", style="bold")
            if row.question:
                say(console, row.question, 4, style="dim")
            if row.quote:
                say(console, f"“{row.quote}”", 4)
            if row.source:
                say(console, middle_ellipsis(row.source, console.width - 4), 4, style="dim")
            if _flags_cell(row):
                say(console, _flags_cell(row), 4, style="yellow")
    console.print()
    say(console, f"{count(len(result.rows), 'trust')}.", style="dim")


def _value_cell(row: Any) -> str:
    value = row.value or "(no answer)"
    if row.overridden and row.machine_value != row.value:
        return f"{value} (machine: {row.machine_value or 'blank'})"
    return value


def _flags_cell(row: Any) -> str:
    parts = []
    if row.needs_review:
        parts.append(
            "needs review" + (f" ({row.flagged.replace('_', ' ')})" if row.flagged else "")
        )
    if row.overridden:
        parts.append(
            f"decided by {row.reviewer}" + (f": {row.review_reason}" if row.review_reason else "")
        )
    return "; ".join(parts)


def report(
    html_out: Annotated[
        Path, typer.Option("--html", help="The HTML file to write (one self-contained page).")
    ],
    processed: Processed = DEFAULT_PROCESSED,
    study: Study = None,
    codebook: RecordedCodebook = None,
) -> None:
    """Write one static HTML page: summary figures, then every trust x field with its evidence.

    Click a cell for its quote, source file, locator, rule and any reviewer's decision;
    filter by needs_review, field and region. Opens in any browser, no server or network.

    Example: foi-audit report --html report.html
    """
    from foi_audit.figures.html_report import write_report

    layout = layout_for(study, processed)
    info = answer(lambda: write_report(layout, html_out, study_codebook(layout, codebook)))
    console = stderr()
    for change in info.changes:
        console.print(f"[yellow]note:[/] {change.describe()}", markup=True, soft_wrap=True)
    from foi_audit.cli.messages import report_written

    console.print(
        report_written(info.path, info.trusts, info.cells, info.needs_review, info.overridden),
        markup=False,
    )
