"""A run records its codebook: every later command reads another study's data with it.

Ingest a tiny corpus with the staff-parking codebook, record a reviewer's decision on one of
that study's fields, then summary, explain, tables and report must all work (they used to fall
back to the built-in codebook and stop at "unknown field").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.dataset.layout import Layout, read_manifest
from foi_audit.dataset.overrides import OVERRIDES_COLUMNS
from foi_audit.register.trusts import load_register

PARKING = Path(__file__).parent / "fixtures" / "coding" / "parking_codebook.toml"
REPLIES = {
    # code: (answer to "do staff pay?", answer to "is there a parking policy?")
    "RGT": ("Yes, £15 per month, deducted from salary.", "No."),
    "RJ1": ("No, parking is free of charge for all staff.", "No."),
    "R1F": ("Yes, £2 per day.", "Yes - the Car Parking Policy is published on our website."),
}


def _reply(name: str, charged: str, policy: str) -> str:
    return (
        f"{name}\nFreedom of Information Team\n\nSYNTHETIC EXAMPLE - not a real FOI reply.\n\n"
        "Dear Requester,\n\nThank you for your request. Our response is below.\n\n"
        f"1. Does the Trust charge staff for parking?\n{charged}\n\n"
        f"2. Does the Trust have a staff parking policy?\n{policy}\n\n"
        f"Yours sincerely,\nFOI Officer\n{name}\n"
    )


@pytest.fixture
def study(tmp_path: Path) -> tuple[Layout, Path]:
    """Another study's data, ingested with its own codebook (a copy, so tests may change it)."""
    codebook = tmp_path / "parking.toml"
    shutil.copy(PARKING, codebook)
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    register = load_register()
    for code, (charged, policy) in REPLIES.items():
        trust = register.get(code)
        assert trust is not None
        (raw / f"{code} FOI response.txt").write_text(
            _reply(trust.name, charged, policy), encoding="utf-8"
        )
    result = CliRunner().invoke(
        app, ["ingest", str(raw), "--jobs", "1", "--codebook", str(codebook)]
    )
    assert result.exit_code == 0, result.output
    layout = Layout.from_dirs(raw)
    (layout.overrides_csv).write_text(
        ",".join(OVERRIDES_COLUMNS) + "\nRJ1,staff_charged,yes,ann,2024-06-01,pay and display,no\n",
        encoding="utf-8",
    )
    return layout, codebook


def test_ingest_records_the_codebook(study: tuple[Layout, Path]) -> None:
    layout, codebook = study
    manifest = read_manifest(layout)
    assert manifest is not None
    recorded = manifest["codebook"]
    assert recorded["path"] == str(codebook.resolve()) and not recorded["builtin"]
    assert len(recorded["sha256"]) == 64


def test_later_commands_use_the_recorded_codebook(
    study: tuple[Layout, Path], tmp_path: Path
) -> None:
    layout, _ = study
    runner = CliRunner()
    processed = ["--processed", str(layout.processed)]

    summary = runner.invoke(app, ["summary", *processed, "--json"])
    assert summary.exit_code == 0, summary.output
    figures = {f["field"]: f for f in json.loads(summary.output)["questions"]}
    assert set(figures) == {"staff_charged", "parking_policy"}
    charged = {v["value"]: v["count"] for v in figures["staff_charged"]["values"]}
    assert charged == {"yes": 3, "no": 0}  # RJ1's "no" was overridden to "yes"

    explain = runner.invoke(app, ["explain", "staff_charged=yes", *processed, "--json"])
    assert explain.exit_code == 0, explain.output
    rows = json.loads(explain.output)["rows"]
    assert [(r["trust_code"], r["overridden"]) for r in rows] == [
        ("R1F", False),
        ("RGT", False),
        ("RJ1", True),
    ]

    tables = runner.invoke(app, ["tables", *processed, "--out", str(tmp_path / "t"), "--charts"])
    assert tables.exit_code == 0, tables.output
    assert "staff_charged" in (tmp_path / "t" / "coverage_by_field.csv").read_text("utf-8")

    report = runner.invoke(app, ["report", *processed, "--html", str(tmp_path / "r.html")])
    assert report.exit_code == 0, report.output
    assert "parking_policy" in (tmp_path / "r.html").read_text("utf-8")


def test_a_recorded_codebook_that_is_gone_is_one_line_naming_it(
    study: tuple[Layout, Path],
) -> None:
    layout, codebook = study
    codebook.unlink()
    result = CliRunner().invoke(app, ["summary", "--processed", str(layout.processed)])
    assert result.exit_code == 2
    message = result.output.strip()
    assert "\n" not in message
    assert str(codebook.resolve()) in message and "--codebook" in message
    # --codebook still reads the data
    again = CliRunner().invoke(
        app, ["summary", "--processed", str(layout.processed), "--codebook", str(PARKING)]
    )
    assert again.exit_code == 0, again.output


def test_a_changed_codebook_is_a_one_line_warning(study: tuple[Layout, Path]) -> None:
    layout, codebook = study
    codebook.write_text(codebook.read_text("utf-8") + "\n# edited\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["summary", "--processed", str(layout.processed)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "has changed" in warnings[0]


def test_the_builtin_codebook_is_found_wherever_the_package_is(tmp_path: Path) -> None:
    """A run coded with the built-in codebook still reads after the package has moved."""
    from foi_audit.dataset.layout import write_manifest
    from foi_audit.dataset.study import study_codebook

    layout = Layout.from_dirs(tmp_path / "raw")
    layout.processed.mkdir(parents=True)
    record = {"path": "/gone/foi_audit/coding/codebook.toml", "sha256": "0" * 64, "builtin": True}
    write_manifest(layout, {"codebook": record})
    found = study_codebook(layout)
    assert "response_status" in found.codebook.field_names
    assert len(found.warnings) == 1 and "has changed" in found.warnings[0]


def test_data_without_a_recorded_codebook_use_the_builtin_one(tmp_path: Path) -> None:
    from foi_audit.dataset.study import study_codebook

    layout = Layout.from_dirs(tmp_path / "raw")
    found = study_codebook(layout)
    assert "response_status" in found.codebook.field_names and found.warnings == ()
