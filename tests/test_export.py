"""`foi-audit export`: SQLite with keys, Parquet, and a Frictionless Data Package that validates."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.coding import load_codebook
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import OVERRIDES_COLUMNS
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.errors import InputError
from foi_audit.figures.export import export, parse_formats
from foi_audit.register.trusts import load_register

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "processed"


def _in_a_subprocess(script: str, *args: str) -> str:
    """pyarrow, frictionless and sqlite-utils are loaded in a child process: loaded in the test
    process they would swell what ingest's forked workers inherit, under their memory limit."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def layout(project: Path) -> Layout:
    shutil.copytree(FIXTURE, project / "processed")
    layout = Layout.from_dirs(project / "raw", project / "processed")
    layout.overrides_csv.write_text(
        ",".join(OVERRIDES_COLUMNS)
        + "\nR1F,policy,dedicated,ann,2024-06-01,policy named in appendix,general_only\n",
        encoding="utf-8",
    )
    refresh_trusts(layout, load_register(), load_codebook())
    return layout


def test_sqlite_has_the_tables_keys_and_the_review_columns(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = export(layout, out, ("sqlite",))
    assert result.written == ("foi-audit.sqlite",)
    db = sqlite3.connect(out / "foi-audit.sqlite")
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["trusts", "documents", "codes"]  # no dates.csv in this folder
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(codes)")}
    assert keys == {("trusts", "trust_code"), ("documents", "source")}
    row = db.execute(
        "SELECT value, confidence, needs_review FROM codes WHERE trust_code='RGT' AND "
        "field='abt_provided'"
    ).fetchone()
    assert row == ("yes", 0.6, 1)  # typed: REAL and a 0/1 boolean
    # codes.csv as ingest wrote it (no review columns yet) still exports.
    policy = db.execute("SELECT policy FROM trusts WHERE trust_code = 'R1F'").fetchone()
    assert policy == ("dedicated",)  # trusts: the effective value

    rows = db.execute("SELECT count(*) FROM codes").fetchone()[0]
    opened = _in_a_subprocess(
        "import sqlite_utils, sys; db = sqlite_utils.Database(sys.argv[1]); "
        "print(db.table_names(), db['codes'].count)",
        str(out / "foi-audit.sqlite"),
    )
    assert opened.strip() == f"['trusts', 'documents', 'codes'] {rows}"


def test_parquet_tables_are_typed(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "export"
    _in_a_subprocess(
        "import sys; from foi_audit.cli.app import main; sys.argv = sys.argv[1:]; main()",
        "foi-audit", "export", "--processed", str(layout.processed), "--out", str(out),
        "--format", "parquet",
    )  # fmt: skip
    assert sorted(p.name for p in (out / "parquet").iterdir()) == [
        "codes.parquet",
        "documents.parquet",
        "trusts.parquet",
    ]
    types = _in_a_subprocess(
        "import sys, pyarrow.parquet as pq; t = pq.read_table(sys.argv[1]); "
        "print(t.schema.field('confidence').type, t.schema.field('needs_review').type, t.num_rows)",
        str(out / "parquet" / "codes.parquet"),
    )
    kind, flag, rows = types.split()
    assert (kind, flag) == ("double", "bool") and int(rows) > 0


VALIDATE = (
    "import sys, frictionless; report = frictionless.validate(sys.argv[1]); "
    "print(report.valid); print(report.flatten(['type', 'note']))"
)


def test_datapackage_validates_with_frictionless(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "export"
    export(layout, out, ("datapackage",))
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    trusts = next(r for r in descriptor["resources"] if r["name"] == "trusts")
    policy = next(f for f in trusts["schema"]["fields"] if f["name"] == "policy")
    assert policy["constraints"]["enum"] == ["dedicated", "general_only", "none", "in_development"]
    assert policy["title"] == "Sexual-safety policy"
    exemptions = next(f for f in trusts["schema"]["fields"] if f["name"] == "exemptions")
    assert "pattern" in exemptions["constraints"]
    report = _in_a_subprocess(VALIDATE, str(out / "datapackage.json"))
    assert report.startswith("True"), report
    # A value outside the codebook is caught by the package's own constraints.
    csv_path = out / "trusts.csv"
    csv_path.write_text(
        csv_path.read_text(encoding="utf-8").replace(",dedicated,", ",sometimes,", 1),
        encoding="utf-8",
    )
    report = _in_a_subprocess(VALIDATE, str(out / "datapackage.json"))
    assert report.startswith("False") and "constraint" in report, report


def test_cli_and_bad_formats(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(
        app,
        ["export", "--processed", str(layout.processed), "--out", str(out), "--format", "sqlite"],
    )
    assert result.exit_code == 0, result.output
    assert (out / "foi-audit.sqlite").exists()
    assert parse_formats("datapackage, SQLITE") == ("sqlite", "datapackage")
    with pytest.raises(InputError):
        parse_formats("sqlite,xml")
    missing = CliRunner().invoke(app, ["export", "--processed", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "foi-audit ingest" in missing.output
