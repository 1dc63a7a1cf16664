"""`foi-audit tables`: golden CSV/Markdown/LaTeX, byte-identical XLSX, and --check for a paper's CI.

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 pytest tests/test_tables.py`` and review the diff.
"""

from __future__ import annotations

import hashlib
import io
import os
import shlex
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.figures.tables import generate, parse_formats, tex_escape, write_tables

FIXTURE = Path(__file__).parent / "fixtures" / "summary"
GOLDEN = FIXTURE / "golden"
TEXT_FORMATS = ("csv", "md", "tex")


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    """A copy of the fixture data folder (so nothing is ever written next to the fixture)."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURE / "processed", root / "processed")
    shutil.copytree(FIXTURE / "raw", root / "raw")
    return Layout(raw=root / "raw", processed=root / "processed")


def test_text_tables_match_golden_files(layout: Layout) -> None:
    files = generate(layout, TEXT_FORMATS)
    assert sorted(files) == sorted(
        f"{stem}.{fmt}"
        for stem in (
            "coverage_by_field",
            "coverage_by_region",
            "coverage_by_trust_type",
            "outcomes",
        )
        for fmt in TEXT_FORMATS
    )
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        for name, data in files.items():
            (GOLDEN / name).write_bytes(data)
    for name, data in files.items():
        assert data == (GOLDEN / name).read_bytes(), (
            f"{name} differs from tests/fixtures/summary/golden"
        )


def test_tables_hold_the_right_figures(layout: Layout) -> None:
    csv_text = generate(layout, ("csv",))["coverage_by_field.csv"].decode()
    # 3 of the 10 asked trusts that replied and answered have a dedicated policy.
    assert (
        "policy,Sexual-safety policy,dedicated,a dedicated sexual-safety policy,3,10,30.0,10.8,60.3,3 in 10"
        in csv_text
    )
    outcomes = generate(layout, ("csv",))["outcomes.csv"].decode()
    assert (
        "response_status,Outcome of the request,waiting_response,sent no reply (or only an acknowledgement),2,13,"
        in outcomes
    )


def test_xlsx_is_byte_identical_and_dated_nowhere(layout: Layout) -> None:
    first = generate(layout, ("xlsx",))["tables.xlsx"]
    second = generate(layout, ("xlsx",))["tables.xlsx"]
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(first))
    assert workbook.sheetnames == [
        "coverage_by_field", "coverage_by_region", "coverage_by_trust_type", "outcomes", "notes",
    ]  # fmt: skip
    sheet = workbook["coverage_by_field"]
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert dict(zip(header, row, strict=True))["percent"] == 30.0
    assert all(cell.data_type != "f" for r in sheet.iter_rows() for cell in r)


def test_write_then_check(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "paper"
    first = write_tables(layout, out, ("csv", "md"))
    assert first.written == first.files and len(first.files) == 8
    again = write_tables(layout, out, ("csv", "md"))
    assert again.written == ()  # nothing changed, nothing rewritten
    assert write_tables(layout, out, ("csv", "md"), check=True).differing == ()

    (out / "outcomes.md").write_text("edited by hand\n", encoding="utf-8")
    (out / "coverage_by_region.csv").unlink()
    checked = write_tables(layout, out, ("csv", "md"), check=True)
    assert checked.differing == ("coverage_by_region.csv", "outcomes.md")
    assert (out / "outcomes.md").read_text(encoding="utf-8") == "edited by hand\n"  # untouched


def test_cli_check_exit_codes_and_names(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "paper"
    runner = CliRunner()
    base = [
        "tables",
        "--processed",
        str(layout.processed),
        "--out",
        str(out),
        "--format",
        "csv,tex",
    ]
    assert runner.invoke(app, base).exit_code == 0
    ok = runner.invoke(app, [*base, "--check"])
    assert ok.exit_code == 0, ok.output
    (out / "outcomes.tex").write_text("%", encoding="utf-8")
    stale = runner.invoke(app, [*base, "--check"])
    assert stale.exit_code == 1
    assert "outcomes.tex" in stale.output and "coverage_by_field.csv" not in stale.output
    # The command it suggests works as printed and brings the folder up to date.
    suggested = shlex.split(stale.output.split("run `", 1)[1].split("`", 1)[0])
    assert suggested[:2] == ["foi-audit", "tables"] and "--processed" in suggested
    assert runner.invoke(app, suggested[1:]).exit_code == 0
    assert runner.invoke(app, [*base, "--check"]).exit_code == 0
    bad = runner.invoke(app, [*base[:-1], "csv,pdf"])
    assert bad.exit_code == 2 and "csv,md,tex,xlsx" in bad.output


def test_parse_formats_and_tex_escape() -> None:
    assert parse_formats("tex, CSV") == ("csv", "tex")
    with pytest.raises(InputError):
        parse_formats("")
    assert tex_escape("9.7% of A&E_trusts #1 {x}") == r"9.7\% of A\&E\_trusts \#1 \{x\}"
