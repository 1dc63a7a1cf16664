"""`foi-audit tables --compare ROUND_B`: the comparison of two rounds as golden CSV/Markdown/
LaTeX, a byte-identical XLSX, --check, and dumbbell charts by region.

Regenerate the golden files after an intended change with
``FOI_UPDATE_GOLDEN=1 pytest tests/test_compare_tables.py`` and review the diff.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.figures.compare import load_rounds
from foi_audit.figures.compare_tables import XLSX_NAME, comparison_files, write_comparison_tables

FIXTURE = Path(__file__).parent / "fixtures" / "rounds"
GOLDEN = FIXTURE / "golden"
TEXT_FORMATS = ("csv", "md", "tex")
STEMS = ("comparison", "comparison_by_region", "comparison_one_round")


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rounds")
    for name in ("round-2022", "round-2024"):
        shutil.copytree(FIXTURE / name, root / name)
    return root


@pytest.fixture(scope="module")
def files(rounds: Path) -> dict[str, bytes]:
    loaded = load_rounds(rounds / "round-2022", rounds / "round-2024")
    return comparison_files(*loaded, formats=(*TEXT_FORMATS, "xlsx"), charts=True)


def test_text_tables_match_golden_files(files: dict[str, bytes]) -> None:
    text = {name: data for name, data in files.items() if name.rsplit(".", 1)[1] in TEXT_FORMATS}
    assert sorted(text) == sorted(f"{stem}.{fmt}" for stem in STEMS for fmt in TEXT_FORMATS)
    if os.environ.get("FOI_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        for name, data in text.items():
            (GOLDEN / name).write_bytes(data)
    for name, data in text.items():
        assert data == (GOLDEN / name).read_bytes(), f"{name} differs from {GOLDEN}"


def test_the_comparison_table_holds_the_figures(files: dict[str, bytes]) -> None:
    rows = files["comparison.csv"].decode().splitlines()
    header = rows[0].split(",")
    policy = next(r for r in rows if r.startswith("policy,") and ",dedicated," in r).split(",")
    cell = dict(zip(header, policy, strict=False))
    assert (cell["count_first"], cell["answered_first"], cell["percent_first"]) == (
        "3",
        "14",
        "21.4",
    )
    assert (cell["count_second"], cell["answered_second"], cell["percent_second"]) == (
        "10",
        "13",
        "76.9",
    )
    assert (cell["difference"], cell["difference_low"], cell["difference_high"]) == (
        "55.5",
        "17.8",
        "75.8",
    )
    assert (cell["gained"], cell["lost"], cell["mcnemar_p"], cell["principal"]) == (
        "6",
        "1",
        "0.125",
        "1",
    )
    one_round = files["comparison_one_round.csv"].decode()
    assert (
        "RA4,Yeovil District Hospital NHS Foundation Trust,South West,round-2022,round-2024,merged into Somerset NHS Foundation Trust (RH5) on 2023-04-01"
        in one_round
    )


def test_xlsx_is_byte_identical_with_numbers_as_numbers(
    rounds: Path, files: dict[str, bytes]
) -> None:
    loaded = load_rounds(rounds / "round-2022", rounds / "round-2024")
    again = comparison_files(*loaded, formats=("xlsx",))[XLSX_NAME]
    assert hashlib.sha256(again).digest() == hashlib.sha256(files[XLSX_NAME]).digest()
    archive = zipfile.ZipFile(io.BytesIO(again))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(again))
    assert book.sheetnames == [*STEMS, "notes"]
    sheet = book["comparison"]
    header = [c.value for c in sheet[1]]
    policy = next(
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[2] == "dedicated"
    )
    assert policy[header.index("percent_second")] == 76.9
    assert policy[header.index("difference")] == 55.5
    assert policy[header.index("gained")] == 6


def test_dumbbell_charts_by_region(files: dict[str, bytes]) -> None:
    charts = sorted(name for name in files if name.startswith("chart_"))
    # A chart per question's principal answer that anyone answered; text fields aside.
    assert charts == sorted(
        f"chart_comparison_{field}.{fmt}"
        for field in ("policy", "abt_provided", "abt_mandatory", "dasv_lead")
        for fmt in ("png", "svg")
    )
    assert files["chart_comparison_policy.png"].startswith(b"\x89PNG")
    svg = files["chart_comparison_policy.svg"].decode()
    assert "<svg" in svg and "Date" not in svg


def test_write_check_and_rerun_through_the_command(rounds: Path, tmp_path: Path) -> None:
    out = tmp_path / "change"
    args = [
        "tables", "--processed", str(rounds / "round-2022" / "processed"),
        "--compare", str(rounds / "round-2024"), "--out", str(out), "--charts",
    ]  # fmt: skip
    runner = CliRunner()
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    written = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {f"{stem}.{fmt}" for stem in STEMS for fmt in TEXT_FORMATS} | {XLSX_NAME} <= set(written)
    assert runner.invoke(app, [*args, "--check"]).exit_code == 0
    again = write_comparison_tables(
        rounds / "round-2022" / "processed", rounds / "round-2024", out, charts=True
    )
    assert again.written == ()  # same bytes: nothing rewritten
    assert {p.name: p.read_bytes() for p in out.iterdir()} == written
    (out / "comparison.md").write_text("edited by hand\n", encoding="utf-8")
    check = runner.invoke(app, [*args, "--check"])
    assert check.exit_code == 1 and "comparison.md" in check.output
