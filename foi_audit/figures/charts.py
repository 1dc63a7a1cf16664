"""Article-ready charts (PNG at 300 dpi and SVG) with Wilson 95% intervals as error bars.

Written by ``foi-audit tables --out DIR --charts``:

- ``chart_coverage_by_field``: every answer to every categorical question, one panel per
  question (its title names the question and its base: "Q2a ABT delivery — 24 trusts that
  provide Active Bystander Training and answered"), one colour per panel;
- ``chart_by_region_FIELD`` and ``chart_by_trust_type_FIELD``: each question's principal answer
  (the summary's headline, ``figures/presentation.toml``) by group; ``--headline FIELD=VALUE``
  charts that one answer instead.

Labels wrap at word boundaries only; the count sits at the end of each bar ("53% (19 of 36)").
Colours are the Okabe-Ito palette (safe for colour-blind readers). Output is deterministic
(fixed SVG hash salt, no dates in metadata), so ``tables --check`` covers it.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from foi_audit.coding.codebook import Codebook, FieldKind
from foi_audit.errors import InputError
from foi_audit.figures import stats
from foi_audit.figures import summary as report
from foi_audit.figures.presentation import principal_answers

SOURCE_LINE = "Source: FOI replies coded with foi-audit"
# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision.
# (Its yellow, #F0E442, is left out: too pale for a bar on white.)
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
LEFT, WIDTH = 0.36, 0.56  # the axes' place in the figure; labels sit to their left
CHART_PREFIX = "chart_"
DPI = 300
LABEL_WIDTH = 34  # characters per line of a bar label (wrapped at spaces only)
GROUPINGS = ("region", "trust_type")


def default_headline(codebook: Codebook) -> str:
    """The first principal answer (the summary's first headline line)."""
    principals = principal_answers(codebook)
    if not principals:
        raise InputError("the codebook has no categorical question to chart: pass --headline")
    return f"{principals[0].field}={principals[0].value}"


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


@dataclass(frozen=True)
class Bar:
    label: str
    percent: float
    ci_low: float
    ci_high: float
    count: int
    denominator: int


@dataclass(frozen=True)
class Panel:
    title: str  # the question and its base
    bars: tuple[Bar, ...]


def _bar(label: str, vs: report.ValueStat) -> list[Bar]:
    """One bar, or none when nobody answered (no percentage to draw)."""
    if vs.percent is None or vs.ci_low is None or vs.ci_high is None:
        return []
    return [Bar(label, vs.percent, vs.ci_low, vs.ci_high, vs.count, vs.denominator)]


def base_words(fs: report.FieldStat) -> str:
    """ "36 trusts that answered" / "24 trusts that provide ABT and answered" """
    n = fs.chain.answered
    noun = "trust" if n == 1 else "trusts"
    if fs.chain.base in ("replied", "all asked"):
        return f"{n} {noun} that answered"
    return f"{n} {noun} that {fs.chain.base} and answered"


def _title(fs: report.FieldStat) -> str:
    return f"{fs.question} {fs.label}" if fs.question else fs.label


def panels_by_field(summary: report.Summary) -> list[Panel]:
    """One panel per categorical question that someone answered."""
    panels = []
    for fs in summary.questions:
        if fs.kind == FieldKind.TEXT or not fs.chain.answered:
            continue
        bars = [bar for vs in fs.values for bar in _bar(vs.label, vs)]
        if bars:
            panels.append(Panel(f"{_title(fs)} — base: {base_words(fs)}", tuple(bars)))
    return panels


def bars_by_group(grouped: report.Summary, spec: str) -> list[Bar]:
    """The answer ``spec`` (FIELD=VALUE) in each group where someone answered."""
    bars: list[Bar] = []
    for group in grouped.groups:
        questions = [f for f in group.fields if f.section == "questions"]
        _, vs = _find(questions, spec)
        bars += _bar(group.label, vs)
    return bars


def _wrap(label: str) -> str:
    return "\n".join(
        textwrap.wrap(label, LABEL_WIDTH, break_long_words=False, break_on_hyphens=False)
    )


def _chart(panels: Sequence[Panel], title: str, subtitle: str) -> dict[str, bytes]:
    """Horizontal bars with error bars, one panel per question, as {"png": ..., "svg": ...}."""
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
        per_line, gap = 0.17, 0.55  # inches: a label line, a panel's title and spacing
        heights = [
            sum(max(0.34, per_line * (_wrap(b.label).count("\n") + 1) + 0.08) for b in p.bars)
            for p in panels
        ]
        head, foot = 1.0, 0.75
        total = head + foot + sum(h + gap for h in heights)
        figure = plt.figure(figsize=(10, total), dpi=100)
        top = 1 - head / total
        for index, (panel, height) in enumerate(zip(panels, heights, strict=True)):
            top -= gap / total
            axes = figure.add_axes((LEFT, top - height / total, WIDTH, height / total))
            top -= height / total
            _draw(axes, panel, PALETTE[index % len(PALETTE)], last=index == len(panels) - 1)
        figure.text(0.01, 1 - 0.12 / total, title, fontsize=13, fontweight="bold", va="top")
        figure.text(
            0.01,
            1 - 0.42 / total,
            "\n".join(textwrap.wrap(subtitle, 125, break_long_words=False)),
            fontsize=9,
            color="#444444",
            va="top",
        )
        figure.text(0.01, 0.1 / total, SOURCE_LINE, fontsize=8, color="#666666")
        out = {}
        for fmt, metadata in (("png", {"Software": None}), ("svg", {"Date": None})):
            buffer = io.BytesIO()
            figure.savefig(buffer, format=fmt, metadata=metadata, dpi=DPI)
            out[fmt] = buffer.getvalue()
        plt.close(figure)
    return out


def _draw(axes: object, panel: Panel, colour: str, last: bool) -> None:
    bars = list(reversed(panel.bars))  # matplotlib draws the first bar at the bottom
    positions = list(range(len(bars)))
    values = [b.percent for b in bars]
    axes.barh(positions, values, color=colour, height=0.62)  # type: ignore[attr-defined]
    axes.errorbar(  # type: ignore[attr-defined]
        values,
        positions,
        xerr=[[b.percent - b.ci_low for b in bars], [b.ci_high - b.percent for b in bars]],
        fmt="none",
        ecolor="#222222",
        capsize=3,
        lw=1,
    )
    for position, bar in zip(positions, bars, strict=True):
        axes.text(  # type: ignore[attr-defined]
            min(bar.ci_high + 1.5, 101),
            position,
            f"{bar.percent:.0f}% ({bar.count} of {bar.denominator})",
            fontsize=8,
            va="center",
        )
    axes.set_yticks(positions, [_wrap(b.label) for b in bars])  # type: ignore[attr-defined]
    axes.set_ylim(-0.6, len(bars) - 0.4)  # type: ignore[attr-defined]
    axes.set_xlim(0, 100)  # type: ignore[attr-defined]
    # The panel's title starts at the figure's left edge, above the labels, not the bars.
    axes.set_title(  # type: ignore[attr-defined]
        panel.title, loc="left", x=(0.01 - LEFT) / WIDTH, fontsize=9.5, fontweight="bold"
    )
    axes.spines[["top", "right"]].set_visible(False)  # type: ignore[attr-defined]
    if last:
        axes.set_xlabel("% of the trusts in the base (black lines: 95% confidence interval)")  # type: ignore[attr-defined]
    else:
        axes.tick_params(axis="x", labelbottom=False)  # type: ignore[attr-defined]


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text.lower()).strip("_")


def chart_files(
    overall: report.Summary,
    grouped: dict[str, report.Summary],
    codebook: Codebook,
    headline: str = "",
) -> dict[str, bytes]:
    """Every chart file (name -> bytes). ``grouped``: the summary by region and by trust type."""
    replied = f"{overall.replied} of {overall.asked} asked replied"
    files: dict[str, bytes] = {}
    charts = {
        "coverage_by_field": _chart(
            panels_by_field(overall),
            f"What the {overall.replied} NHS trusts that replied said",
            f"Share of the trusts in each question's base that gave each answer ({replied}); "
            f"conditional questions among the trusts they apply to. {stats.INTERVAL_METHOD}.",
        )
    }
    specs = (
        [headline] if headline else [f"{p.field}={p.value}" for p in principal_answers(codebook)]
    )
    for spec in specs:
        fs, vs = _find(overall.questions, spec)
        predicate = report.predicate(codebook.field(fs.field), vs.value, codebook)
        for by in GROUPINGS:
            summary = grouped.get(by)
            if summary is None:
                continue
            bars = bars_by_group(summary, spec)
            if not bars:
                continue
            words = by.replace("_", " ")
            charts[f"by_{by}_{_slug(fs.field)}"] = _chart(
                [Panel(f"{_title(fs)} — base in each {words}: trusts that answered", tuple(bars))],
                f"Trusts that {predicate}, by {words}",
                f"Overall {vs.count} of {vs.denominator} ({stats.percent(vs.count / vs.denominator)}); "
                f"{replied}. Lines: {stats.INTERVAL_METHOD}.",
            )
    for stem, chart in charts.items():
        for fmt, data in chart.items():
            files[f"{CHART_PREFIX}{stem}.{fmt}"] = data
    return files
