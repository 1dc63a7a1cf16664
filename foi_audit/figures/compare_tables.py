"""``foi-audit tables --compare ROUND_B``: the comparison of two rounds as tables (and charts).

Three tables, rendered like the paper's own tables (:mod:`tables`: CSV with every column,
Markdown and booktabs LaTeX with the columns a reader needs, one ``comparison.xlsx``), and with
``--charts`` a dumbbell chart per question's principal answer by region
(:mod:`compare_charts`). Same bytes on every rerun:

- ``comparison``: every value of every field in both rounds — each round's count, base, % and
  Wilson interval, the change with Newcombe's interval and its phrase, and the paired counts
  with the exact McNemar p;
- ``comparison_by_region``: each question's principal answer per region, both rounds;
- ``comparison_one_round``: the trusts in one round only (or that replied to one only), and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from foi_audit.figures import change_stats
from foi_audit.figures import summary as report
from foi_audit.figures.compare import (
    Comparison,
    LoadedRound,
    RoundFigure,
    compare_loaded,
    load_rounds,
)
from foi_audit.figures.compare_charts import (
    RegionSummaries,
    dumbbell_files,
    region_rows,
    region_summaries,
)
from foi_audit.figures.tables import (
    FORMATS,
    Table,
    TablesResult,
    render_csv,
    render_latex,
    render_markdown,
    render_xlsx,
)
from foi_audit.fileio import atomic_write_bytes

XLSX_NAME = "comparison.xlsx"


def _pct(value: float | None) -> str:
    text = "" if value is None else f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _figure_cells(figure: RoundFigure) -> tuple[str | int, ...]:
    return (
        figure.count,
        figure.denominator,
        _pct(figure.percent),
        _pct(figure.ci_low),
        _pct(figure.ci_high),
    )


def _figure_columns(suffix: str) -> tuple[str, ...]:
    return tuple(f"{c}_{suffix}" for c in ("count", "answered", "percent", "ci_low", "ci_high"))


_COMPARISON_COLUMNS = (
    "field", "question", "value", "answer", "principal",
    *_figure_columns("first"), *_figure_columns("second"),
    "difference", "difference_low", "difference_high", "in_words",
    "both", "kept", "neither", "gained", "lost", "mcnemar_p", "first_only", "second_only",
    "first", "second", "change", "chain_first", "chain_second",
)  # fmt: skip
_COMPARISON_DISPLAY = (
    "question", "answer", "first", "second", "change", "in_words", "both", "gained", "lost",
    "mcnemar_p",
)  # fmt: skip


def _change_text(difference: float | None, low: float | None, high: float | None) -> str:
    """ "+25.5 (17.6 to 33.1)": the change and its interval in points, with ASCII minus signs
    (LaTeX and spreadsheets read them)."""
    if difference is None or low is None or high is None:
        return ""
    signed = f"{difference:+.1f}" if _pct(abs(difference)) != "0.0" else "0.0"
    return f"{signed} ({_pct(low)} to {_pct(high)})"


def _p_cell(p: float | None) -> str:
    return "" if p is None else f"{p:.4g}"


def _comparison_table(comparison: Comparison) -> Table:
    rows = []
    for field in (*comparison.questions, *comparison.outcomes):
        for value in field.values:
            paired = value.paired
            rows.append(
                (
                    field.field,
                    field.label,
                    value.value,
                    value.label,
                    int(value.principal),
                    *_figure_cells(value.first),
                    *_figure_cells(value.second),
                    _pct(value.difference),
                    _pct(value.ci_low),
                    _pct(value.ci_high),
                    value.phrase,
                    paired.both,
                    paired.kept,
                    paired.neither,
                    paired.gained,
                    paired.lost,
                    _p_cell(paired.p_value),
                    paired.first_only,
                    paired.second_only,
                    value.first.text,
                    value.second.text,
                    _change_text(value.difference, value.ci_low, value.ci_high),
                    field.chain_first,
                    field.chain_second,
                )
            )
    return Table(
        name="comparison",
        title=f"Change from {comparison.first.name} to {comparison.second.name}",
        columns=_COMPARISON_COLUMNS,
        rows=tuple(rows),
        display=_COMPARISON_DISPLAY,
        note=_note(comparison),
    )


def _note(comparison: Comparison) -> str:
    a, b = comparison.first, comparison.second
    return (
        f"first = {a.name} ({a.asked} asked, {a.replied} replied), second = {b.name} "
        f"({b.asked} asked, {b.replied} replied); {comparison.in_both} trusts in both rounds, "
        f"{len(comparison.only_first)} in {a.name} only, {len(comparison.only_second)} in "
        f"{b.name} only (see comparison_one_round). Percent of the trusts that answered; "
        f"{comparison.method}. Change: {comparison.difference_method}. Gained/lost: "
        f"{comparison.paired_method} (both = trusts that answered both rounds). "
        "Source: FOI replies coded with foi-audit."
    )


def _by_region_table(comparison: Comparison, by_region: RegionSummaries) -> Table:
    rows = []
    for field in comparison.questions:
        for region, one, two in region_rows(by_region, field.field, field.principal):
            difference = low = high = None
            if one and two and one.denominator and two.denominator:
                d, lo, hi = change_stats.newcombe_difference(
                    two.count, two.denominator, one.count, one.denominator
                )
                difference, low, high = d * 100, lo * 100, hi * 100
            rows.append(
                (
                    field.field,
                    field.label,
                    field.principal,
                    region,
                    *(_region_cells(one)),
                    *(_region_cells(two)),
                    _pct(difference),
                    _pct(low),
                    _pct(high),
                    _change_text(difference, low, high),
                )
            )
    return Table(
        name="comparison_by_region",
        title=f"Principal answers by region, {comparison.first.name} and {comparison.second.name}",
        columns=(
            "field",
            "question",
            "value",
            "region",
            *_figure_columns("first"),
            *_figure_columns("second"),
            "difference",
            "difference_low",
            "difference_high",
            "change",
        ),  # fmt: skip
        rows=tuple(rows),
        display=(
            "question",
            "region",
            "count_first",
            "answered_first",
            "percent_first",
            "count_second",
            "answered_second",
            "percent_second",
            "change",
        ),  # fmt: skip
        note=_note(comparison),
    )


def _region_cells(vs: report.ValueStat | None) -> tuple[str | int, ...]:
    if vs is None:
        return ("", "", "", "", "")
    return (vs.count, vs.denominator, _pct(vs.percent), _pct(vs.ci_low), _pct(vs.ci_high))


def _one_round_table(comparison: Comparison) -> Table:
    trusts = (*comparison.only_first, *comparison.only_second, *comparison.replied_once)
    return Table(
        name="comparison_one_round",
        title="Trusts in one round only, and why",
        columns=("code", "trust", "region", "counted_in", "not_in", "reason"),
        rows=tuple(
            (t.code, t.name, t.region, t.in_round, t.missing_from, t.reason) for t in trusts
        ),
        display=("code", "trust", "counted_in", "reason"),
        note=(
            "Trusts asked in one round and not the other, with the reason the NHS trust "
            "register gives (closed, merged, opened) or not asked / no reply; then trusts "
            "asked in both rounds that replied to one only. None is left out of either "
            "round's own figures."
        ),
    )


def comparison_files(
    first: LoadedRound,
    second: LoadedRound,
    formats: Sequence[str] = FORMATS,
    charts: bool = False,
) -> dict[str, bytes]:
    """Every output file (name -> bytes) for two loaded rounds, without writing anything."""
    comparison = compare_loaded(first, second, detail=True)
    by_region = region_summaries(first, second)
    tables = [
        _comparison_table(comparison),
        _by_region_table(comparison, by_region),
        _one_round_table(comparison),
    ]
    files: dict[str, bytes] = {}
    for table in tables:
        if "csv" in formats:
            files[f"{table.name}.csv"] = render_csv(table)
        if "md" in formats:
            files[f"{table.name}.md"] = render_markdown(table)
        if "tex" in formats:
            files[f"{table.name}.tex"] = render_latex(table)
    if "xlsx" in formats:
        files[XLSX_NAME] = render_xlsx(tables)
    if charts:
        files.update(dumbbell_files(comparison, by_region))
    return dict(sorted(files.items()))


def write_comparison_tables(
    first: Path,
    second: Path,
    out: Path,
    formats: Sequence[str] = FORMATS,
    charts: bool = False,
    check: bool = False,
    names: Sequence[str] = (),
    codebook: Path | None = None,
) -> TablesResult:
    """Write the comparison's files into ``out`` (only those whose bytes changed), or with
    ``check`` only say which differ: like :func:`tables.write_tables`."""
    loaded = load_rounds(first, second, names, codebook)
    files = comparison_files(*loaded, formats=formats, charts=charts)
    differing = tuple(
        name
        for name, data in files.items()
        if not (out / name).is_file() or (out / name).read_bytes() != data
    )
    written: tuple[str, ...] = ()
    if not check:
        for name in differing:
            atomic_write_bytes(out / name, files[name])
        written = differing
    return TablesResult(out, tuple(files), written, differing if check else ())
