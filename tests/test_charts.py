"""Charts: PNG and SVG, titled with their base, Wilson error bars, source line, deterministic."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from foi_audit.coding import load_codebook
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.figures.charts import (
    DPI,
    PALETTE,
    SOURCE_LINE,
    bars_by_group,
    default_headline,
    panels_by_field,
)
from foi_audit.figures.summary import compute_summary, load_population
from foi_audit.figures.tables import generate

FIXTURE = Path(__file__).parent / "fixtures" / "summary"
HEADLINE = ("policy", "abt_provided", "abt_delivery", "abt_mandatory", "abt_sh_module", "abt_planned", "dasv_lead")  # fmt: skip
NAMES = sorted(
    f"chart_{stem}.{fmt}"
    for stem in (
        "coverage_by_field",
        *(f"by_{by}_{field}" for by in ("region", "trust_type") for field in HEADLINE),
    )
    for fmt in ("png", "svg")
)


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


def test_png_at_300_dpi_and_svg_for_each_headline_answer(charts: dict[str, bytes]) -> None:
    assert sorted(charts) == NAMES
    png = charts["chart_coverage_by_field.png"]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        assert image.size[0] == 10 * DPI  # 10 inches wide
        assert round(image.info["dpi"][0]) == DPI
    assert b"<svg" in charts["chart_by_region_policy.svg"][:1000]


def test_titles_bases_and_source_are_in_the_svg(charts: dict[str, bytes]) -> None:
    # Glyphs are drawn as paths; matplotlib keeps each text as an SVG comment we can read.
    field_svg = charts["chart_coverage_by_field.svg"].decode()
    assert "What the 11 NHS trusts that replied said" in field_svg
    assert "11 of 13 asked replied" in field_svg
    assert "Q1 Sexual-safety policy — base: 10 trusts that answered" in field_svg
    assert (
        "Q2a ABT delivery — base: 6 trusts that provide Active Bystander Training and answered"
        in field_svg
    )
    assert SOURCE_LINE in field_svg
    assert "95% confidence interval" in field_svg
    assert "30% (3 of 10)" in field_svg
    for colour in PALETTE[:3]:  # one colour per question, colour-blind safe
        assert colour.lower() in field_svg.lower()
    region_svg = charts["chart_by_region_policy.svg"].decode()
    assert "Trusts that have a dedicated sexual-safety policy, by region" in region_svg
    assert "50% (2 of 4)" in region_svg
    assert "<dc:date>" not in region_svg  # no timestamp
    type_svg = charts["chart_by_trust_type_policy.svg"].decode()
    assert "by trust type" in type_svg and "acute" in type_svg


def test_charts_are_deterministic(layout: Layout, charts: dict[str, bytes]) -> None:
    again = generate(layout, ("csv",), charts=True, headline="policy=dedicated")
    for name in again:
        if name.startswith("chart_"):
            assert again[name] == charts[name], name
    assert "chart_by_region_dasv_lead.png" not in again  # --headline: that answer only


def test_bars_carry_the_wilson_interval(layout: Layout) -> None:
    codebook = load_codebook()
    population = load_population(layout, codebook)
    overall = compute_summary(population, codebook)
    panels = {p.title.split(" — ")[0]: p for p in panels_by_field(overall)}
    bar = panels["Q1 Sexual-safety policy"].bars[0]
    assert bar.label == "a dedicated sexual-safety policy" and (bar.count, bar.denominator) == (
        3,
        10,
    )
    assert (round(bar.percent, 1), round(bar.ci_low, 1), round(bar.ci_high, 1)) == (
        30.0,
        10.8,
        60.3,
    )
    # Text fields are not charted; labels are never broken inside a word.
    assert not any("provider" in title for title in panels)
    by_region = compute_summary(population, codebook, "region")
    regions = [b.label for b in bars_by_group(by_region, "policy=dedicated")]
    assert "South West" not in regions  # RVJ never replied: nothing to draw
    with pytest.raises(InputError):
        bars_by_group(by_region, "policy=maybe")
    assert default_headline(codebook) == "policy=dedicated"
