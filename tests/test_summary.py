"""`foi-audit summary`: counts, denominator chains, conditional bases, who was asked, outcomes."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.coding import load_codebook
from foi_audit.dataset.codes import CODES_COLUMNS
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.figures.summary import FieldStat, Summary, ValueStat, build_summary, summary_dict
from foi_audit.fileio import write_csv
from foi_audit.register.trusts import load_register

CODEBOOK = load_codebook()
REGIONS = ("London", "Midlands", "North West")


def write_project(
    root: Path,
    answers: Mapping[str, Mapping[str, str]],
    asked: Sequence[str] | None,
    review: set[tuple[str, str]] = frozenset(),  # type: ignore[assignment]
    timeliness: Mapping[str, str] | None = None,
) -> Layout:
    """A processed folder as ingest writes it: codes.csv, trusts.csv and maybe raw/asked.csv."""
    layout = Layout(raw=root / "raw", processed=root / "processed")
    codes, trusts = [], []
    for number, (code, values) in enumerate(sorted(answers.items())):
        row = {
            "trust_code": code,
            "trust_name": f"Trust {code}",
            "region": REGIONS[number % len(REGIONS)],
            "trust_type": "acute" if number % 2 else "mental_health",
        }
        for f in CODEBOOK.fields:
            value = values.get(f.name, "")
            row[f.name] = value
            codes.append(
                {
                    "trust_code": code,
                    "field": f.name,
                    "value": value,
                    "quote": f"{code} says {value}" if value else "",
                    "source": f"{code}.pdf" if value else "",
                    "locator": "page 1" if value else "",
                    "confidence": 0.9,
                    "rule": "test",
                    "needs_review": (code, f.name) in review,
                    "flags": "hedged_answer" if (code, f.name) in review else "",
                }
            )
        if timeliness is not None:
            row["timeliness"] = timeliness.get(code, "")
        trusts.append(row)
    write_csv(layout.codes_csv, CODES_COLUMNS, codes)
    columns = ["trust_code", "trust_name", "region", "trust_type", *CODEBOOK.field_names]
    write_csv(layout.trusts_csv, columns + (["timeliness"] if timeliness else []), trusts)
    if asked is not None:
        write_csv(
            layout.asked_csv,
            ("trust_code", "date_sent"),
            [{"trust_code": c, "date_sent": "2024-11-04"} for c in asked],
        )
    return layout


# Real ODS codes: asked.csv only accepts trusts in the register.
CODES = [t.code for t in load_register().trusts]


def headline_answers() -> tuple[dict[str, dict[str, str]], list[str]]:
    """213 asked; 207 replied (3 acknowledged only, 3 sent nothing); 20 dedicated policies."""
    codes = CODES[:213]
    answers: dict[str, dict[str, str]] = {}
    for i, code in enumerate(codes[:207]):
        abt = "yes" if i < 199 else "no"
        values = {
            "response_status": "successful",
            "policy": "dedicated" if i < 20 else "general_only",
            "abt_provided": abt,
            "dasv_lead": "named" if i < 87 else "none",
            "dasv_lead_role": "Chief Nurse",
        }
        if abt == "yes":
            values["abt_delivery"] = "outsourced" if i < 35 else "in_house"
            values["abt_sh_module"] = "yes" if i == 0 else "no"
            if i < 163:
                values["abt_mandatory"] = "mandatory" if i < 23 else "optional"
        else:
            values["abt_planned"] = "yes"
        if i == 5:
            values["response_status"] = "partially_successful"
            values["exemptions"] = "s40;s43"
        answers[code] = values
    for code in codes[207:210]:
        answers[code] = {"response_status": "waiting_response"}  # acknowledgement only
    return answers, codes  # codes[210:] were asked and have no row at all


def field(summary: Summary, name: str) -> FieldStat:
    return next(f for f in summary.questions + summary.outcomes if f.field == name)


def value(summary: Summary, name: str, wanted: str) -> ValueStat:
    return next(v for v in field(summary, name).values if v.value == wanted)


@pytest.fixture
def headline_layout(tmp_path: Path) -> Layout:
    answers, asked = headline_answers()
    return write_project(tmp_path / "data", answers, asked, review={(CODES[0], "policy")})


def test_headline_figure(headline_layout: Layout) -> None:
    summary = build_summary(headline_layout)
    assert (summary.asked, summary.replied, summary.no_reply) == (213, 207, 6)
    assert summary.asked_source == "asked.csv"
    dedicated = value(summary, "policy", "dedicated")
    assert (dedicated.count, dedicated.denominator) == (20, 207)
    assert dedicated.phrase == "fewer than 1 in 10"
    assert dedicated.headline == (
        "20 of 207 trusts (9.7%, 95% CI 6.3%–14.5%) have a dedicated sexual-safety policy"
        " — fewer than 1 in 10. Base: 213 asked → 207 replied → 207 answered."
    )
    assert field(summary, "policy").chain_text == "213 asked → 207 replied → 207 answered"
    assert dedicated.ci_low == pytest.approx(6.3418, abs=1e-3)
    # Best/worst case: the 6 who did not reply all had / all had not a dedicated policy.
    assert (dedicated.worst_case, dedicated.best_case) == (20, 26)
    assert field(summary, "policy").chain.bound_base == 213
    assert dedicated.needs_review == 1 and summary.needs_review == 1
    assert summary.review_text == "1 value in 1 trust needs review"
    assert summary.headline[0].text == dedicated.headline
    assert dedicated.bounds_text == (
        "If the 6 trusts that did not answer had all said so, up to 26 of 213 (12.2%); "
        "if none had, 20 of 213 (9.4%)."
    )


def test_conditional_fields_use_their_own_base(headline_layout: Layout) -> None:
    summary = build_summary(headline_layout)
    delivery = field(summary, "abt_delivery")
    assert delivery.chain_text == (
        "213 asked → 207 replied → 199 provide Active Bystander Training → 199 answered"
    )
    outsourced = value(summary, "abt_delivery", "outsourced")
    assert (outsourced.count, outsourced.denominator, outsourced.phrase) == (
        35,
        199,
        "about 1 in 6",
    )
    # Non-repliers might have had ABT: the bound base adds them to the 199.
    assert delivery.chain.bound_base == 205
    assert outsourced.best_case == 35 + 6
    mandatory = value(summary, "abt_mandatory", "mandatory")
    assert (mandatory.count, mandatory.denominator, mandatory.phrase) == (23, 163, "about 1 in 7")
    assert field(summary, "abt_mandatory").chain.answered == 163
    assert value(summary, "abt_sh_module", "yes").phrase == "1 of 199 trusts"
    planned = field(summary, "abt_planned")
    assert (planned.chain.in_base, planned.chain.answered) == (8, 8)
    assert value(summary, "abt_planned", "yes").phrase == "all 8"
    assert value(summary, "dasv_lead", "named").phrase == "about 2 in 5"
    role = value(summary, "dasv_lead_role", "given")
    assert (role.count, role.denominator, role.phrase) == (207, 207, "all 207")


def test_outcomes_count_everyone_asked(headline_layout: Layout) -> None:
    summary = build_summary(headline_layout)
    status = field(summary, "response_status")
    assert status.section == "outcomes"
    assert status.chain.answered == 213  # no row at all = no reply
    assert value(summary, "response_status", "waiting_response").count == 6
    assert value(summary, "exemptions", "s40").count == 1
    assert value(summary, "exemptions", "s43").count == 1
    none_cited = value(summary, "exemptions", "(none)")
    assert (none_cited.count, none_cited.denominator) == (206, 207)
    assert value(summary, "exemptions", "s14").phrase == "none of the 207"
    assert not any(f.field == "timeliness" for f in summary.outcomes)


def test_timeliness_counted_when_the_column_exists(tmp_path: Path) -> None:
    answers = {
        "A1": {"response_status": "successful", "policy": "none"},
        "A2": {"response_status": "successful", "policy": "none"},
        "A3": {"response_status": "waiting_response"},
    }
    timeliness = {"A1": "on_time", "A2": "late", "A3": "overdue"}
    layout = write_project(tmp_path / "data", answers, None, timeliness=timeliness)
    summary = build_summary(layout)
    late = value(summary, "timeliness", "late")
    assert (late.count, late.denominator) == (1, 3)
    assert "replied late" in late.headline
    assert value(summary, "timeliness", "overdue").count == 1


def test_without_asked_csv_the_trusts_that_replied_are_counted(tmp_path: Path) -> None:
    answers = {f"B{n}": {"response_status": "successful", "policy": "none"} for n in range(4)}
    summary = build_summary(write_project(tmp_path / "data", answers, None))
    assert summary.asked_source == "replies"
    assert summary.asked_note == "no asked.csv: counting the 4 trusts that replied"
    assert field(summary, "policy").chain_text == "4 asked → 4 replied → 4 answered"

    answers["B9"] = {"response_status": "waiting_response"}
    summary = build_summary(write_project(tmp_path / "other", answers, None))
    assert summary.asked == 5 and summary.replied == 4
    assert "4 replied, 1 only acknowledged" in summary.asked_note


def test_replies_from_trusts_not_asked_are_named_not_counted(tmp_path: Path) -> None:
    c1, c2, c3 = CODES[:3]
    answers = {c: {"response_status": "successful", "policy": "none"} for c in (c1, c2, c3)}
    summary = build_summary(write_project(tmp_path / "data", answers, [c1, c2]))
    assert summary.asked == 2
    assert any(c3 in note and "not in asked.csv" in note for note in summary.notes)


def test_by_region_groups_add_up(headline_layout: Layout) -> None:
    summary = build_summary(headline_layout, by="region")
    # The 3 asked with no row at all still have a region: the register's.
    assert "(unknown)" not in [g.group for g in summary.groups]
    assert sum(g.asked for g in summary.groups) == 213
    total = 0
    for group in summary.groups:
        dedicated = next(
            v
            for f in group.fields
            if f.field == "policy"
            for v in f.values
            if v.value == "dedicated"
        )
        total += dedicated.count
    assert total == 20
    with pytest.raises(InputError):
        build_summary(headline_layout, by="postcode")


def test_nobody_answering_gives_no_percentage(tmp_path: Path) -> None:
    answers = {"D1": {"response_status": "successful", "abt_provided": "no"}}
    summary = build_summary(write_project(tmp_path / "data", answers, None))
    delivery = value(summary, "abt_delivery", "in_house")
    assert delivery.denominator == 0
    assert delivery.percent is None and delivery.ci_low is None
    assert delivery.headline.startswith("No trust answered")


def test_overrides_change_the_figures(tmp_path: Path) -> None:
    answers = {c: {"response_status": "successful", "policy": "none"} for c in ("E1", "E2")}
    layout = write_project(tmp_path / "data", answers, None)
    write_csv(
        layout.overrides_csv,
        ("trust_code", "field", "value", "reviewer", "date", "reason", "auto_value"),
        [
            {
                "trust_code": "E1",
                "field": "policy",
                "value": "dedicated",
                "reviewer": "ab",
                "date": "2025-01-02",
                "reason": "policy attached on page 3",
                "auto_value": "none",
            }
        ],
    )
    summary = build_summary(layout)
    assert value(summary, "policy", "dedicated").count == 1
    assert value(summary, "policy", "none").count == 1


def test_cli_json_is_the_library_result(headline_layout: Layout) -> None:
    result = CliRunner().invoke(
        app, ["summary", "--processed", str(headline_layout.processed), "--json"]
    )
    assert result.exit_code == 0, result.output
    expected = json.loads(json.dumps(summary_dict(build_summary(headline_layout))))
    assert json.loads(result.stdout) == expected


def _unwrapped(text: str) -> str:
    return " ".join(text.split())


def test_cli_text_prints_the_headline_and_where_asked_came_from(headline_layout: Layout) -> None:
    result = CliRunner().invoke(app, ["summary", "--processed", str(headline_layout.processed)])
    assert result.exit_code == 0, result.output
    text = _unwrapped(result.stdout)
    assert (
        "Q1 Sexual-safety policy 20 of 207 trusts (9.7%, 95% CI 6.3%–14.5%) have a dedicated "
        "sexual-safety policy — fewer than 1 in 10. Base: 213 asked → 207 replied → 207 "
        "answered." in text
    )
    assert "asked: 213 trusts listed in asked.csv" in text
    assert "Wilson score interval" in text and "no continuity correction" in text
    assert "1 value in 1 trust needs review" in text
    assert "Outcomes" not in text  # the headline only: --detail has the rest
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    detail = CliRunner().invoke(
        app, ["summary", "--processed", str(headline_layout.processed), "--detail"]
    )
    assert "Outcomes" in detail.stdout
    assert "If the 6 trusts that did not answer had all said so, up to 26 of 213" in _unwrapped(
        detail.stdout
    )


def test_cli_by_region_and_missing_data(tmp_path: Path, headline_layout: Layout) -> None:
    result = CliRunner().invoke(
        app, ["summary", "--processed", str(headline_layout.processed), "--by", "region"]
    )
    assert result.exit_code == 0, result.output
    text = _unwrapped(result.stdout)
    assert "Q1 Sexual-safety policy: a dedicated sexual-safety policy, by region" in text
    assert "London" in text and "0 of 0" not in text
    missing = CliRunner().invoke(app, ["summary", "--processed", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    assert "foi-audit ingest" in missing.output


GOLDEN = Path(__file__).parent / "fixtures" / "summary"


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("summary.txt", []),
        ("summary_detail.txt", ["--detail"]),
        ("summary_by_trust_type.txt", ["--by", "trust_type"]),
        ("summary.json", ["--json"]),
    ],
)
def test_summary_text_matches_golden_files(tmp_path: Path, name: str, options: list[str]) -> None:
    """The small fixture's summary as a reader sees it at 80 columns (UPDATE_GOLDEN=1 rewrites)."""
    import os
    import shutil

    root = tmp_path / "data"
    shutil.copytree(GOLDEN / "processed", root / "processed")
    shutil.copytree(GOLDEN / "raw", root / "raw")
    result = CliRunner().invoke(
        app, ["summary", "--processed", str(root / "processed"), *options], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0, result.output
    golden = GOLDEN / "golden" / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8"), f"{name} differs from its golden"
    if name.endswith(".txt"):
        assert max(len(line) for line in result.stdout.splitlines()) <= 80
        assert not any(line != line.rstrip() for line in result.stdout.splitlines())
    else:  # every number rounded to what the text shows (one decimal)

        def floats(node: object) -> list[float]:
            if isinstance(node, float):
                return [node]
            if isinstance(node, dict):
                return [f for v in node.values() for f in floats(v)]
            if isinstance(node, list):
                return [f for v in node for f in floats(v)]
            return []

        numbers = floats(json.loads(result.stdout))
        assert numbers and all(round(x, 1) == x for x in numbers)
