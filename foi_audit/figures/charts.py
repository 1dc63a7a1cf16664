"""Article-ready charts (PNG and SVG) with Wilson 95% intervals as error bars.

Written by ``foi-audit tables --out DIR --charts``: ``chart_coverage_by_field`` (every answer
to every coded question) and ``chart_coverage_by_region`` (one answer, ``--headline
FIELD=VALUE``, by region). Titles state the base; the source line is on every chart. Output
is deterministic (fixed SVG hash salt, no dates in metadata), so ``tables --check`` covers it.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from foi_audit.coding.codebook import Codebook, FieldKind, FieldRole
from foi_audit.errors import InputError
from foi_audit.figures import stats
from foi_audit.figures import summary as report

SOURCE_LINE = "Source: FOI replies coded with foi-audit"
BAR_COLOUR = "#2f6690"
CHART_PREFIX = "chart_"


def default_headline(codebook: Codebook) -> str:
    """The first categorical question's first value (asked of every trust that replied)."""
    for f in codebook.fields:
        if f.kind is FieldKind.CATEGORICAL and f.role is FieldRole.ANSWER and not f.applies_when:
            return f"{f.name}={f.values[0]}"
    raise InputError("the codebook has no categorical question to chart: pass --headline")


def _find(
    fields: Sequence[report.FieldStat], spec: str
) -> tuple[report.FieldStat, report.ValueStat]:
    name, _, value = spec.partition("=")
    for fs in fields:
        if fs.field == name.strip():
            for vs in fs.values:
                if vs.value == value.strip():
                    return fs, vs
            raise InputError(
                f"--headline {spec!r}: {value!r} is not a value of {fs.field}; choose one of "
                + ", ".join(v.value for v in fs.values)
            )
    raise InputError(
        f"--headline {spec!r}: no question {name!r}; choose one of "
        + ", ".join(f.field for f in fields)
    )


Bar = tuple[str, float, float, float]  # label, percent, CI low, CI high


def _bar(label: str, vs: report.ValueStat) -> list[Bar]:
    """One bar, or none when nobody answered (no percentage to draw)."""
    if vs.percent is None or vs.ci_low is None or vs.ci_high is None:
        return []
    return [(f"{label} ({vs.count} of {vs.denominator})", vs.percent, vs.ci_low, vs.ci_high)]


def _rows_by_field(summary: report.Summary) -> list[Bar]:
    rows: list[Bar] = []
    for fs in summary.questions:
        if fs.kind == FieldKind.TEXT:
            continue
        for vs in fs.values:
            rows += _bar(f"{fs.label}: {vs.label}", vs)
    return rows


def _rows_by_region(by_region: report.Summary, spec: str) -> list[Bar]:
    rows: list[Bar] = []
    for group in by_region.groups:
        questions = [f for f in group.fields if f.section == "questions"]
        _, vs = _find(questions, spec)
        rows += _bar(group.group, vs)
    return rows


def _bar_chart(rows: Sequence[Bar], title: str, subtitle: str) -> dict[str, bytes]:
    """A horizontal bar chart with error bars, as {"png": ..., "svg": ...}."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context(
        {
            "svg.hashsalt": "foi-audit",
            "svg.fonttype": "path",  # glyphs as paths: same look without the reader's fonts
            "font.family": "DejaVu Sans",
            "font.size": 9,
        }
    ):
        head, foot, per_row = 1.1, 0.7, 0.34  # inches: title block, axis + source, each bar
        height = head + foot + per_row * max(len(rows), 1)
        figure, axes = plt.subplots(figsize=(10, height), dpi=100)
        figure.subplots_adjust(left=0.42, right=0.95, top=1 - head / height, bottom=foot / height)
        bars = list(reversed(rows))  # matplotlib draws the first bar at the bottom
        labels = [textwrap.fill(label, 55) for label, _, _, _ in bars]
        values = [value for _, value, _, _ in bars]
        low = [value - ci_low for _, value, ci_low, _ in bars]
        high = [ci_high - value for _, value, _, ci_high in bars]
        positions = list(range(len(rows)))
        axes.barh(positions, values, color=BAR_COLOUR, height=0.6)
        axes.errorbar(
            values, positions, xerr=[low, high], fmt="none", ecolor="#222222", capsize=3, lw=1
        )
        for position, (_, value, _, ci_high) in zip(positions, bars, strict=True):
            axes.text(ci_high + 1.5, position, f"{value:.0f}%", fontsize=8, va="center")
        axes.set_yticks(positions, labels)
        axes.set_ylim(-0.6, len(rows) - 0.4)
        axes.set_xlim(0, 100)
        axes.set_xlabel("% of trusts that answered (black lines: 95% confidence interval)")
        axes.spines[["top", "right"]].set_visible(False)
        figure.text(0.01, 1 - 0.15 / height, title, fontsize=13, fontweight="bold", va="top")
        figure.text(
            0.01,
            1 - 0.45 / height,
            textwrap.fill(subtitle, 120),
            fontsize=9,
            color="#444444",
            va="top",
        )
        figure.text(0.01, 0.12 / height, SOURCE_LINE, fontsize=8, color="#666666")
        out = {}
        for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
            buffer = io.BytesIO()
            figure.savefig(buffer, format=fmt, metadata=metadata)
            out[fmt] = buffer.getvalue()
        plt.close(figure)
    return out


def chart_files(
    overall: report.Summary, by_region: report.Summary, codebook: Codebook, headline: str = ""
) -> dict[str, bytes]:
    """Every chart file (name -> bytes)."""
    spec = headline or default_headline(codebook)
    replied = f"{overall.replied} of {overall.asked} asked replied"
    files: dict[str, bytes] = {}
    field_chart = _bar_chart(
        _rows_by_field(overall),
        f"What {overall.replied} NHS trusts that replied said",
        f"Share of trusts that replied and answered each question ({replied}); conditional "
        f"questions among the trusts they apply to. {stats.INTERVAL_METHOD}.",
    )
    fs, vs = _find(overall.questions, spec)
    region_chart = _bar_chart(
        _rows_by_region(by_region, spec),
        f"Share of trusts that {report.predicate(codebook.field(fs.field), vs.value, codebook)}, "
        "by region",
        f"Base: the {vs.denominator} trusts that answered ({replied}). "
        f"Lines: {stats.INTERVAL_METHOD}.",
    )
    for stem, chart in (("coverage_by_field", field_chart), ("coverage_by_region", region_chart)):
        for fmt, data in chart.items():
            files[f"{CHART_PREFIX}{stem}.{fmt}"] = data
    return files
