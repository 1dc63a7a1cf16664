"""Dumbbell charts of two rounds: each question's principal answer by region (PNG and SVG).

Written by ``foi-audit tables --compare ROUND_B --charts`` as ``chart_comparison_FIELD``: one row
per region (all trusts first), a dot per round joined by a line, each dot with its Wilson 95%
interval as a thin line beside it. Titles state the rounds and bases; the source line is on
every chart. Deterministic like :mod:`charts` (fixed SVG hash salt, no dates in metadata).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from foi_audit.figures import stats
from foi_audit.figures import summary as report
from foi_audit.figures.charts import CHART_PREFIX, PALETTE, SOURCE_LINE
from foi_audit.figures.compare import Comparison, FieldChange, LoadedRound, ValueChange

FIRST_COLOUR = "#a9a9a9"
ALL_TRUSTS = "All trusts"


@dataclass(frozen=True)
class RegionSummaries:
    """Both rounds' summaries broken down by region."""

    first: report.Summary
    second: report.Summary


def region_summaries(first: LoadedRound, second: LoadedRound) -> RegionSummaries:
    return RegionSummaries(
        report.compute_summary(first.population, first.codebook, "region"),
        report.compute_summary(second.population, second.codebook, "region"),
    )


def _value_in(group: report.GroupStat, field: str, value: str) -> report.ValueStat | None:
    for fs in group.fields:
        if fs.field == field:
            return next((vs for vs in fs.values if vs.value == value), None)
    return None


def region_rows(
    by_region: RegionSummaries, field: str, value: str
) -> list[tuple[str, report.ValueStat | None, report.ValueStat | None]]:
    """(region, first round's figure, second round's figure) for every region in either round;
    a figure is None when the region has no trust in that round."""
    first = {g.group: g for g in by_region.first.groups}
    second = {g.group: g for g in by_region.second.groups}
    regions = sorted(set(first) | set(second), key=lambda g: (g == report.UNKNOWN_GROUP, g))
    return [
        (
            region,
            _value_in(first[region], field, value) if region in first else None,
            _value_in(second[region], field, value) if region in second else None,
        )
        for region in regions
    ]


_Dot = tuple[float, float, float] | None  # percent, CI low, CI high; None: nobody answered
_Row = tuple[str, _Dot, _Dot]


def _dot(
    count: int, denominator: int, percent: float | None, low: float | None, high: float | None
) -> _Dot:
    if not denominator or percent is None or low is None or high is None:
        return None
    return (percent, low, high)


def _label(name: str, one: tuple[int, int] | None, two: tuple[int, int] | None) -> str:
    def part(figure: tuple[int, int] | None) -> str:
        return "–" if figure is None else f"{figure[0]}/{figure[1]}"

    return f"{name} ({part(one)} → {part(two)})"


def _rows(value: ValueChange, by_region: RegionSummaries, field: FieldChange) -> list[_Row]:
    first, second = value.first, value.second
    rows: list[_Row] = [
        (
            _label(
                ALL_TRUSTS, (first.count, first.denominator), (second.count, second.denominator)
            ),
            _dot(first.count, first.denominator, first.percent, first.ci_low, first.ci_high),
            _dot(second.count, second.denominator, second.percent, second.ci_low, second.ci_high),
        )
    ]
    for region, one, two in region_rows(by_region, field.field, value.value):
        rows.append(
            (
                _label(
                    region,
                    (one.count, one.denominator) if one else None,
                    (two.count, two.denominator) if two else None,
                ),
                _dot(one.count, one.denominator, one.percent, one.ci_low, one.ci_high)
                if one
                else None,
                _dot(two.count, two.denominator, two.percent, two.ci_low, two.ci_high)
                if two
                else None,
            )
        )
    return rows


def _dumbbell(
    rows: Sequence[_Row], names: tuple[str, str], title: str, subtitle: str
) -> dict[str, bytes]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    with matplotlib.rc_context(
        {
            "svg.hashsalt": "foi-audit",
            "svg.fonttype": "path",  # glyphs as paths: same look without the reader's fonts
            "font.family": "DejaVu Sans",
            "font.size": 9,
        }
    ):
        head, foot, per_row = 1.25, 0.8, 0.42  # inches: title block, axis + source, each row
        height = head + foot + per_row * max(len(rows), 1)
        figure, axes = plt.subplots(figsize=(10, height), dpi=100)
        figure.subplots_adjust(left=0.36, right=0.97, top=1 - head / height, bottom=foot / height)
        drawn = list(reversed(rows))  # the first row at the top
        for position, (_, one, two) in enumerate(drawn):
            if one and two:
                axes.plot([one[0], two[0]], [position, position], color="#666666", lw=1.5, zorder=1)
            for dot, colour, offset in ((one, FIRST_COLOUR, 0.17), (two, PALETTE[0], -0.17)):
                if dot is None:
                    continue
                axes.plot([dot[1], dot[2]], [position + offset] * 2, color=colour, lw=1, zorder=1)
                axes.scatter([dot[0]], [position], color=colour, s=46, zorder=2)
            shown = " → ".join("–" if d is None else f"{d[0]:.0f}%" for d in (one, two))
            axes.text(102, position, shown, fontsize=8, va="center")
        axes.set_yticks(range(len(drawn)), [textwrap.fill(r[0], 45) for r in drawn])
        axes.set_ylim(-0.6, len(drawn) - 0.4)
        axes.set_xlim(-2, 118)
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel("% of trusts that answered (thin lines: 95% confidence intervals)")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(
            handles=[
                Line2D([], [], marker="o", color=FIRST_COLOUR, ls="", label=names[0]),
                Line2D([], [], marker="o", color=PALETTE[0], ls="", label=names[1]),
            ],
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            ncol=2,
            frameon=False,
            fontsize=8,
        )
        figure.text(0.01, 1 - 0.15 / height, title, fontsize=13, fontweight="bold", va="top")
        figure.text(
            0.01, 1 - 0.5 / height, textwrap.fill(subtitle, 120), fontsize=9,
            color="#444444", va="top",
        )  # fmt: skip
        figure.text(0.01, 0.12 / height, SOURCE_LINE, fontsize=8, color="#666666")
        out = {}
        for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
            buffer = io.BytesIO()
            figure.savefig(buffer, format=fmt, metadata=metadata)
            out[fmt] = buffer.getvalue()
        plt.close(figure)
    return out


def dumbbell_files(comparison: Comparison, by_region: RegionSummaries) -> dict[str, bytes]:
    """A dumbbell chart (name -> bytes) for each question's principal answer, text fields
    aside (their answer is only "given")."""
    names = (comparison.first.name, comparison.second.name)
    files: dict[str, bytes] = {}
    for field in comparison.questions:
        value = next((v for v in field.values if v.principal), None)
        if value is None or field.kind == "text":
            continue
        if not (value.first.denominator or value.second.denominator):
            continue  # nobody answered in either round: nothing to draw
        chart = _dumbbell(
            _rows(value, by_region, field),
            names,
            f"{value.title}: {names[0]} → {names[1]}, by region",
            f"Share of the trusts that answered ({field.label}); base: {names[0]} "
            f"{field.chain_first}; {names[1]} {field.chain_second}. Overall: "
            f"{value.phrase}. Intervals: {stats.INTERVAL_METHOD}.",
        )
        for fmt, data in chart.items():
            files[f"{CHART_PREFIX}comparison_{field.field}.{fmt}"] = data
    return files
