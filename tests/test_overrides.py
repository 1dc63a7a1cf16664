"""Overrides: validated on load, applied everywhere, kept across re-ingest, changes reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foi_audit.coding import load_codebook
from foi_audit.dataset.codes import auto_value_changes, read_codes, write_codes
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import (
    OVERRIDES_COLUMNS,
    Override,
    apply_overrides,
    changed_auto_values,
    is_overridden,
    load_overrides,
    record_decision,
    save_overrides,
)
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.errors import InputError
from foi_audit.fileio import read_csv
from foi_audit.records import CodedValue, Flag, FlagReason
from foi_audit.register.trusts import load_register

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "processed"
HEADER = ",".join(OVERRIDES_COLUMNS)
CODEBOOK = load_codebook()


@pytest.fixture
def layout(project: Path) -> Layout:
    shutil.copytree(FIXTURE, project / "processed")
    return Layout.from_dirs(project / "raw", project / "processed")


def _write(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_missing_file_means_no_decisions(tmp_path: Path) -> None:
    assert load_overrides(tmp_path / "overrides.csv", CODEBOOK) == []


def test_load_valid_rows_sorted_and_normalised(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "o.csv",
        "RJ1,policy,dedicated,ann,2024-06-01,policy named on page 4,none",
        "rgt,exemptions,s43;s40,bob,2024-06-02,two sections cited,s40",
    )
    loaded = load_overrides(path, CODEBOOK)
    assert [o.key for o in loaded] == [("RGT", "exemptions"), ("RJ1", "policy")]
    assert loaded[0].value == "s40;s43"  # multi values are stored sorted
    assert loaded[1].reviewer == "ann" and loaded[1].auto_value == "none"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("RGT,colour,blue,ann,2024-06-01,x,", "unknown field 'colour'"),
        ("RGT,policy,maybe,ann,2024-06-01,x,", "'maybe' is not an allowed value of policy"),
        ("RGT,exemptions,s40;s99,ann,2024-06-01,x,", "not an allowed value of exemptions"),
        ("RGT,policy,none,ann,01/06/2024,x,", "not an ISO date"),
        ("RGT,policy,none,ann,2024-02-30,x,", "not an ISO date"),
        (",policy,none,ann,2024-06-01,x,", "trust_code is blank"),
    ],
)
def test_invalid_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path / "o.csv", "RJ1,policy,dedicated,ann,2024-06-01,ok,none", row)
    with pytest.raises(InputError) as info:
        load_overrides(path, CODEBOOK)
    assert f"{path} line 3" in str(info.value)
    assert message in str(info.value)


def test_duplicate_decision_is_an_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "o.csv",
        "RJ1,policy,dedicated,ann,2024-06-01,ok,none",
        "RJ1,policy,none,bob,2024-06-02,no,none",
    )
    with pytest.raises(InputError, match="line 3: RJ1 policy was already decided on line 2"):
        load_overrides(path, CODEBOOK)


def test_missing_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "o.csv"
    path.write_text("trust_code,field,value\nRJ1,policy,none\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        load_overrides(path, CODEBOOK)


def test_apply_replaces_value_keeps_quote_and_adds_reason() -> None:
    auto = [
        CodedValue(
            "RJ1",
            "policy",
            "none",
            "We have no policy.",
            "a.pdf",
            "page 2",
            0.5,
            "r",
            (Flag(FlagReason.HEDGED_ANSWER),),
        ),  # fmt: skip
        CodedValue("RJ1", "abt_provided", "yes", "ABT yes", "a.pdf", "page 2", 0.9, "r2"),
    ]
    decision = Override("RJ1", "policy", "dedicated", "ann", "2024-06-01", "page 4", "none")
    result = apply_overrides(auto, [decision])
    policy = result[0]
    assert policy.value == "dedicated" and policy.needs_review is False
    assert policy.rule == "r" and policy.coded_by == "reviewer:ann" and policy.confidence == 0.5
    assert policy.source == "a.pdf" and policy.locator == "page 2"
    assert policy.quote == "We have no policy."
    assert policy.decision is not None
    assert policy.decision.note == "page 4" and policy.decision.machine_value == "none"
    assert policy.flags == (Flag(FlagReason.HEDGED_ANSWER),)  # the machine's doubt stays
    assert is_overridden(policy) and not is_overridden(result[1])
    assert result[1] == auto[1]


def test_apply_adds_uncoded_field_but_not_unknown_trust() -> None:
    auto = [CodedValue("RJ1", "policy", "none")]
    decisions = [
        Override("RJ1", "abt_provided", "yes", "ann", "2024-06-01", "x", ""),
        Override("RXX", "policy", "none", "ann", "2024-06-01", "x", "none"),
    ]
    result = apply_overrides(auto, decisions)
    assert {(c.trust_code, c.field, c.value) for c in result} == {
        ("RJ1", "policy", "none"),
        ("RJ1", "abt_provided", "yes"),
    }
    changes = changed_auto_values(auto, decisions, CODEBOOK)
    assert [(c.override.trust_code, c.current_auto_value) for c in changes] == [("RXX", None)]
    assert "no longer coded" in changes[0].describe()


def test_changed_auto_value_is_reported() -> None:
    auto = [CodedValue("RJ1", "policy", "general_only"), CodedValue("RGT", "policy", "none")]
    decisions = [
        Override("RJ1", "policy", "dedicated", "ann", "2024-06-01", "x", "none"),
        Override("RGT", "policy", "none", "ann", "2024-06-01", "accepted", "none"),
    ]
    changes = changed_auto_values(auto, decisions, CODEBOOK)
    assert len(changes) == 1
    assert "changed from 'none' to 'general_only'" in changes[0].describe()
    assert "RJ1 policy" in changes[0].describe()


def test_record_decision_replaces_row_and_file_diffs_well(tmp_path: Path) -> None:
    codebook = load_codebook()
    path = tmp_path / "overrides.csv"
    record_decision(
        path, Override("RJ1", "policy", "none", "ann", "2024-06-01", "a", "none"), codebook
    )
    record_decision(
        path, Override("RGT", "policy", "none", "ann", "2024-06-01", "b", "none"), codebook
    )
    record_decision(
        path, Override("RJ1", "policy", "dedicated", "bob", "2024-06-03", "c", "none"), codebook
    )
    assert path.read_text(encoding="utf-8").splitlines() == [
        HEADER,
        "RGT,policy,none,ann,2024-06-01,b,none",
        "RJ1,policy,dedicated,bob,2024-06-03,c,none",
    ]
    with pytest.raises(InputError):
        record_decision(
            path, Override("RJ1", "policy", "maybe", "bob", "2024-06-03", "c", "none"), codebook
        )


def test_formula_like_reason_is_neutralised_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "overrides.csv"
    save_overrides(
        path, [Override("RJ1", "policy", "none", "ann", "2024-06-01", "=HYPERLINK(1)", "")]
    )
    assert ",'=HYPERLINK(1)," in path.read_text(encoding="utf-8")
    assert load_overrides(path, CODEBOOK)[0].reason == "=HYPERLINK(1)"


def test_trusts_csv_reflects_overrides_and_they_survive_reingest(layout: Layout) -> None:
    codebook = load_codebook()
    register = load_register()
    _write(
        layout.overrides_csv,
        "RJ1,policy,dedicated,ann,2024-06-01,policy named on page 4,none",
        "RGT,abt_provided,yes,ann,2024-06-01,accepted,yes",
    )
    before = layout.overrides_csv.read_bytes()
    refresh_trusts(layout, register, codebook)
    rows = {r["trust_code"]: r for r in read_csv(layout.trusts_csv)}
    assert rows["RJ1"]["policy"] == "dedicated"
    assert "policy" not in rows["RJ1"]["needs_review"].split(";")
    assert rows["RGT"]["needs_review"] == "abt_provider"  # abt_provided was decided
    assert rows["R1F"]["policy"] == "general_only"

    # Re-ingest rewrites codes.csv: the machine now says general_only for RJ1.
    coded = read_codes(layout)
    coded = [
        CodedValue(c.trust_code, c.field, "general_only", rule="new")
        if c.trust_code == "RJ1" and c.field == "policy"
        else c
        for c in coded
    ]
    write_codes(layout, coded, codebook)
    refresh_trusts(layout, register, codebook)
    assert layout.overrides_csv.read_bytes() == before
    rows = {r["trust_code"]: r for r in read_csv(layout.trusts_csv)}
    assert rows["RJ1"]["policy"] == "dedicated"
    changes = auto_value_changes(layout, codebook)
    assert [(c.override.key, c.current_auto_value) for c in changes] == [
        (("RJ1", "policy"), "general_only")
    ]
