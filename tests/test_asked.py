"""asked.csv: loading, writing one for every open trust, never overwriting silently; CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.errors import InputError
from foi_audit.fileio import read_csv
from foi_audit.records import Trust
from foi_audit.register.trusts import Register, load_register
from foi_audit.requests.asked import all_open_trusts, load_asked, write_all_open

runner = CliRunner()


def test_load_asked_normalises_and_validates(tmp_path: Path) -> None:
    path = tmp_path / "asked.csv"
    path.write_text("trust_code,date_sent,date_received\nrxx ,2024-11-04,2024-11-05\n")
    assert [(a.trust_code, a.date_sent, a.date_received) for a in load_asked(path) or []] == [
        ("RXX", "2024-11-04", "2024-11-05")
    ]
    path.write_text("trust_code,date_sent\nRXX,04/11/2024\n")
    with pytest.raises(InputError, match="line 2: date_sent"):
        load_asked(path)
    assert load_asked(tmp_path / "missing.csv") is None


def test_all_open_trusts_uses_open_and_close_dates() -> None:
    register = Register(
        (
            Trust("RA1", "Open Trust", "London", "acute", "2000-04-01"),
            Trust("RA2", "Closed Trust", "London", "acute", "2000-04-01", "2023-03-31"),
            Trust("RA3", "New Trust", "London", "acute", "2024-11-01"),
            Trust("RA4", "Closes Later", "London", "acute", "2000-04-01", "2025-01-01"),
        )
    )
    assert [a.trust_code for a in all_open_trusts(register, "2024-01-15")] == ["RA1", "RA4"]


def test_write_all_open_matches_the_register(tmp_path: Path) -> None:
    path = tmp_path / "raw" / "asked.csv"
    written = write_all_open(path, "2024-01-15")
    rows = read_csv(path)
    expected = {t.code for t in load_register().open_on("2024-01-15")}
    assert written.count == len(rows) == len(expected) > 100
    assert {r["trust_code"] for r in rows} == expected
    assert {r["date_sent"] for r in rows} == {"2024-01-15"}
    assert list(rows[0]) == ["trust_code", "date_sent", "date_received", "reference"]
    assert load_asked(path) is not None  # what we write, we can read


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "asked.csv"
    mine = "trust_code,date_sent\nRXX,2024-11-04\n"
    path.write_text(mine)
    with pytest.raises(InputError, match="--force"):
        write_all_open(path, "2024-01-15")
    assert path.read_text() == mine
    written = write_all_open(path, "2024-01-15", force=True)
    assert written.backup is not None and written.backup.read_text() == mine
    assert written.backup.name.startswith(".")  # hidden: ingest skips it
    assert path.read_text() != mine


def test_bad_date_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        write_all_open(tmp_path / "asked.csv", "15/01/2024")


def test_cli_asked_writes_refuses_and_shows(tmp_path: Path) -> None:
    out = tmp_path / "asked.csv"
    args = ["asked", "--all-open-trusts", "--date", "2024-01-15", "--out", str(out)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "trusts open on 2024-01-15" in first.output
    content = out.read_text()
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "already exists" in again.output
    assert out.read_text() == content
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0 and "Kept the previous file" in forced.output
    shown = runner.invoke(app, ["asked", "--out", str(out)])
    assert shown.exit_code == 0 and "trusts asked" in shown.output and "2024-01-15" in shown.output


def test_cli_asked_needs_a_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["asked", "--all-open-trusts", "--out", str(tmp_path / "a.csv")])
    assert result.exit_code == 2 and "--date" in result.output
    assert not (tmp_path / "a.csv").exists()


def test_cli_deadline_text_and_json() -> None:
    text = runner.invoke(app, ["deadline", "2024-11-20"])
    assert text.exit_code == 0, text.output
    assert "2024-12-19" in text.output and "Saint Andrew" in text.output
    as_json = runner.invoke(app, ["deadline", "2024-12-20", "--json"])
    data = json.loads(as_json.output)
    assert data["due"] == "2025-01-23"
    assert any(d["date"] == "2025-01-02" and "Scotland" in d["reason"] for d in data["skipped"])
    bad = runner.invoke(app, ["deadline", "20/12/2024"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
