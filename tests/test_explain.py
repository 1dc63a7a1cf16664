"""`foi-audit explain FIELD[=VALUE]`: exactly the trusts behind a figure, with quote and source."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.dataset.layout import Layout
from foi_audit.errors import CodebookError, InputError
from foi_audit.figures.explain import explain, explanation_dict
from foi_audit.figures.summary import build_summary
from foi_audit.fileio import write_csv

FIXTURE = Path(__file__).parent / "fixtures" / "summary"


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE / "processed", root / "processed")
    shutil.copytree(FIXTURE / "raw", root / "raw")
    return Layout(raw=root / "raw", processed=root / "processed")


def test_value_lists_exactly_the_trusts_counted(layout: Layout) -> None:
    summary = build_summary(layout)
    for field in summary.questions + summary.outcomes:
        for value in field.values:
            result = explain(layout, f"{field.field}={value.value}")
            assert len(result.rows) == value.count, (field.field, value.value)
            assert result.headline == value.headline


def test_rows_carry_quote_source_and_flags(layout: Layout) -> None:
    result = explain(layout, "policy=general_only")
    assert [r.trust_code for r in result.rows] == ["RAL", "RRK", "RX1", "RYJ"]
    rx1 = next(r for r in result.rows if r.trust_code == "RX1")
    assert rx1.trust_name == "Nottingham University Hospitals NHS Trust"
    assert rx1.quote == "RX1 reply on policy: general_only"
    assert rx1.source == "RX1 FOI reply.pdf > page 1"
    assert rx1.needs_review and not rx1.overridden
    # A quote that looks like a formula comes back as the trust wrote it.
    provider = explain(layout, "abt_provider=given")
    assert "=HYPERLINK(provider) Safe Spaces CIC deliver it" in [r.quote for r in provider.rows]
    # RW3 replied but was never asked: it is in no figure, so in no explanation.
    assert "RW3" not in [r.trust_code for r in explain(layout, "policy=dedicated").rows]


def test_field_alone_lists_the_whole_base(layout: Layout) -> None:
    result = explain(layout, "abt_sh_module")
    assert result.value == "" and result.headline == ""
    assert result.chain_text.endswith("6 provide Active Bystander Training → 5 answered")
    assert len(result.rows) == 6
    assert [r.value for r in result.rows if r.trust_code == "RWE"] == [""]
    waiting = explain(layout, "response_status=waiting_response")
    assert sorted(r.trust_code for r in waiting.rows) == ["RNQ", "RVJ"]  # RVJ: no row at all


def test_overridden_values_are_marked(layout: Layout) -> None:
    write_csv(
        layout.overrides_csv,
        ("trust_code", "field", "value", "reviewer", "date", "reason", "auto_value"),
        [
            {
                "trust_code": "RX1",
                "field": "policy",
                "value": "dedicated",
                "reviewer": "ab",
                "date": "2025-01-02",
                "reason": "dedicated policy attached",
                "auto_value": "general_only",
            }
        ],
    )
    result = explain(layout, "policy=dedicated")
    rx1 = next(r for r in result.rows if r.trust_code == "RX1")
    assert rx1.overridden and not rx1.needs_review
    assert len(result.rows) == 4


def test_unknown_field_or_value_says_what_to_choose(layout: Layout) -> None:
    with pytest.raises(CodebookError, match="choose one of"):
        explain(layout, "policies=dedicated")
    with pytest.raises(InputError, match="dedicated"):
        explain(layout, "policy=maybe")


def test_cli_json_and_text(layout: Layout) -> None:
    runner = CliRunner()
    args = ["explain", "abt_delivery=outsourced", "--processed", str(layout.processed)]
    as_json = runner.invoke(app, [*args, "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == json.loads(
        json.dumps(explanation_dict(explain(layout, "abt_delivery=outsourced")))
    )
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert "2 of 6 trusts" in text.stdout and "RWE" in text.stdout and "2 trusts." in text.stdout
    bad = runner.invoke(app, ["explain", "policy=maybe", "--processed", str(layout.processed)])
    assert bad.exit_code == 2 and "choose one of" in bad.output


def test_cli_csv_and_narrow_text(layout: Layout) -> None:
    runner = CliRunner()
    args = ["explain", "policy=general_only", "--processed", str(layout.processed)]
    as_csv = runner.invoke(app, [*args, "--csv"])
    assert as_csv.exit_code == 0, as_csv.output
    lines = as_csv.stdout.splitlines()
    assert lines[0].startswith("trust_code,trust_name,value,machine_value,reviewer")
    assert len(lines) == 1 + 4 and lines[3].startswith("RX1,")
    text = runner.invoke(app, args).stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "RX1 Nottingham University Hospitals NHS Trust: general_only" in text
    assert "needs review (hedged answer)" in text
    assert text.rstrip().endswith("4 trusts.")
