"""Charts: PNG and SVG, titled with their base, Wilson error bars, source line, deterministic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foi_audit.coding import load_codebook
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.figures.charts import SOURCE_LINE, _rows_by_field, _rows_by_region, default_headline
from foi_audit.figures.summary import compute_summary, load_population
from foi_audit.figures.tables import generate

FIXTURE = Path(__file__).parent / "fixtures" / "summary"
NAMES = [
    "chart_coverage_by_field.png",
    "chart_coverage_by_field.svg",
    "chart_coverage_by_region.png",
    "chart_coverage_by_region.svg",
]


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> Layout:
    root = tmp_path_factory.mktemp("charts") / "data"
    shutil.copytree(FIXTURE / "processed", root / "processed")
    shutil.copytree(FIXTURE / "raw", root / "raw")
    return Layout(raw=root / "raw", processed=root / "processed")


@pytest.fixture(scope="module")
def charts(layout: Layout) -> dict[str, bytes]:
    files = generate(layout, ("csv",), charts=True)
    return {name: data for name, data in files.items() if name.startswith("chart_")}


def test_png_and_svg_are_written(charts: dict[str, bytes]) -> None:
    assert sorted(charts) == NAMES
    assert charts["chart_coverage_by_field.png"].startswith(b"\x89PNG\r\n\x1a\n")
    assert b"<svg" in charts["chart_coverage_by_region.svg"][:1000]


def test_titles_base_and_source_are_in_the_svg(charts: dict[str, bytes]) -> None:
    # Glyphs are drawn as paths; matplotlib keeps each text as an SVG comment we can read.
    field_svg = charts["chart_coverage_by_field.svg"].decode()
    assert "What 11 NHS trusts that replied said" in field_svg
    assert "11 of 13 asked replied" in field_svg
    assert SOURCE_LINE in field_svg
    assert "95% confidence interval" in field_svg
    region_svg = charts["chart_coverage_by_region.svg"].decode()
    assert "Share of trusts that have a dedicated sexual-safety policy, by region" in region_svg
    assert "London (2 of 4)" in region_svg
    assert "<dc:date>" not in region_svg  # no timestamp


def test_charts_are_deterministic(layout: Layout, charts: dict[str, bytes]) -> None:
    again = generate(layout, ("csv",), charts=True)
    for name in NAMES:
        assert again[name] == charts[name], name


def test_bars_carry_the_wilson_interval(layout: Layout) -> None:
    codebook = load_codebook()
    population = load_population(layout, codebook)
    overall = compute_summary(population, codebook)
    rows = dict((label, (value, low, high)) for label, value, low, high in _rows_by_field(overall))
    value, low, high = rows["Sexual-safety policy: a dedicated sexual-safety policy (3 of 10)"]
    assert (round(value, 1), round(low, 1), round(high, 1)) == (30.0, 10.8, 60.3)
    # Fields nobody answered have no bar; text fields are not charted.
    assert not any(label.startswith("ABT provider") for label in rows)
    by_region = compute_summary(population, codebook, "region")
    regions = [label for label, *_ in _rows_by_region(by_region, "policy=dedicated")]
    assert "South West" not in " ".join(regions)  # RVJ never replied: nothing to draw
    with pytest.raises(InputError):
        _rows_by_region(by_region, "policy=maybe")
    assert default_headline(codebook) == "policy=dedicated"
