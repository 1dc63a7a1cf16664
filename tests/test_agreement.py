"""Agreement: kappa and alpha against published worked examples; blank policies; files."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi_audit.coding import load_codebook
from foi_audit.errors import InputError
from foi_audit.quality.agreement import (
    BLANK,
    BlankPolicy,
    cohen_kappa,
    compare,
    krippendorff_alpha_nominal,
    read_coding_file,
    result_dict,
)


def _pairs(table: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, count in table.items() for _ in range(count)]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Cohen's kappa worked examples (Wikipedia "Cohen's kappa", Examples): 50 and 100 ratings.
        ({("y", "y"): 20, ("y", "n"): 5, ("n", "y"): 10, ("n", "n"): 15}, 0.4),
        ({("y", "y"): 45, ("y", "n"): 15, ("n", "y"): 25, ("n", "n"): 15}, 0.1304),
        ({("y", "y"): 25, ("y", "n"): 35, ("n", "y"): 5, ("n", "n"): 35}, 0.2593),
    ],
)
def test_cohen_kappa_published_examples(table: dict[tuple[str, str], int], expected: float) -> None:
    assert cohen_kappa(_pairs(table)) == pytest.approx(expected, abs=5e-5)


def test_kappa_undefined_without_variation_or_pairs() -> None:
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0


def test_krippendorff_binary_two_observers() -> None:
    # Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, example A: alpha = 0.095.
    a = "0100000010"
    b = "1110010000"
    assert krippendorff_alpha_nominal(list(zip(a, b, strict=True))) == pytest.approx(
        0.095, abs=5e-4
    )


def test_krippendorff_nominal_four_observers_missing_data() -> None:
    # Krippendorff (2011), example C (nominal, 4 observers, 12 units, missing): alpha = 0.743.
    rows = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ]
    coders = [[None if v == "." else v for v in row.split()] for row in rows]
    units = list(zip(*coders, strict=True))
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=5e-4)


def test_alpha_undefined_without_variation() -> None:
    assert krippendorff_alpha_nominal([("a", "a"), ("a", "a")]) is None
    assert krippendorff_alpha_nominal([("a", None)]) is None


HEADER = "trust_code,trust_name,response_status,exemptions,policy,abt_provider,extra"


def _csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def coders(tmp_path: Path) -> tuple[Path, Path]:
    a = _csv(
        tmp_path / "a.csv",
        "RGT,Cambridge,successful,s40;s43,dedicated,Upstand Ltd,x",
        "RJ1,Guys,successful,,none,,x",
        "R1F,IOW,rejected,s12,,,x",
        "RX1,Nottingham,successful,,general_only,,x",
        "RAA,Only A,successful,,none,,x",
    )
    b = _csv(
        tmp_path / "b.csv",
        "RGT,Cambridge,successful,s43;s40,dedicated,upstand  ltd.,y",
        "RJ1,Guys,successful,,general_only,,y",
        "R1F,IOW,rejected,s12,none,,y",
        "RX1,Nottingham,partially_successful,,,,y",
        "RBB,Only B,successful,,none,,y",
    )
    return a, b


def test_compare_blank_as_category(coders: tuple[Path, Path]) -> None:
    result = compare(*coders, load_codebook())
    assert result.trusts == ("R1F", "RGT", "RJ1", "RX1")
    assert (result.only_in_a, result.only_in_b) == (("RAA",), ("RBB",))
    by_field = {f.field: f for f in result.fields}
    assert set(by_field) == {"response_status", "exemptions", "policy", "abt_provider"}
    assert "abt_provided" in result.fields_not_compared
    # exemption sets in another order and provider names differing in case/space/full stop agree
    assert by_field["exemptions"].agree == 4 and by_field["abt_provider"].agree == 4
    policy = by_field["policy"]
    assert policy.pairs == 4 and policy.agree == 1
    assert [(d.trust_code, d.value_a, d.value_b) for d in policy.disagreements] == [
        ("R1F", "", "none"),
        ("RJ1", "none", "general_only"),
        ("RX1", "general_only", ""),
    ]
    expected = cohen_kappa(
        [
            (BLANK, "none"),
            ("dedicated", "dedicated"),
            ("none", "general_only"),
            ("general_only", BLANK),
        ]
    )
    assert policy.kappa == pytest.approx(expected)
    assert "(blank)" in result.blank_note
    # response_status: 3 of 4 agree; kappa from the textbook formula
    status = by_field["response_status"]
    assert status.agree == 3
    assert status.kappa == pytest.approx((0.75 - (3 * 2 + 1 * 1) / 16) / (1 - (3 * 2 + 1 * 1) / 16))


def test_compare_blank_as_missing(coders: tuple[Path, Path]) -> None:
    result = compare(*coders, load_codebook(), BlankPolicy.MISSING)
    policy = {f.field: f for f in result.fields}["policy"]
    assert policy.pairs == 2 and policy.dropped_for_blank == 2
    assert [d.trust_code for d in policy.disagreements] == ["RJ1"]
    assert "missing" in result.blank_note
    data = result_dict(result)
    assert data["blank_policy"] == "missing"
    assert {f["field"]: f["dropped_for_blank"] for f in data["fields"]}["policy"] == 2
    # abt_provider: all blank but RGT -> nothing pairable beyond one trust, kappa undefined
    provider = {f["field"]: f for f in data["fields"]}["abt_provider"]
    assert provider["pairs"] == 1 and provider["cohen_kappa"] is None


def test_read_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_coding_file(tmp_path / "nope.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("code,policy\nRGT,none\n", encoding="utf-8")
    with pytest.raises(InputError, match="no trust_code column"):
        read_coding_file(bad)
    twice = _csv(tmp_path / "twice.csv", "RGT,a,,,,,", "rgt,a,,,,,")
    with pytest.raises(InputError, match="line 3: trust RGT appears twice"):
        read_coding_file(twice)


def test_cli_agreement_json_and_text(coders: tuple[Path, Path]) -> None:
    import json

    from typer.testing import CliRunner

    from foi_audit.cli.app import app

    result = CliRunner().invoke(
        app, ["agreement", *map(str, coders), "--blanks", "missing", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["blank_policy"] == "missing" and data["only_in_b"] == ["RBB"]
    text = CliRunner().invoke(app, ["agreement", *map(str, coders), "--field", "policy"])
    assert text.exit_code == 0
    assert "Blanks: blanks counted as a value of their own" in " ".join(text.output.split())
    assert "3 disagreements" in text.output
    bad = CliRunner().invoke(app, ["agreement", *map(str, coders), "--blanks", "zero"])
    assert bad.exit_code == 2


def test_names_compare_as_in_evaluate(tmp_path: Path) -> None:
    """One normaliser: a leading title is ignored here as in `foi-audit evaluate`."""
    header = "trust_code,dasv_lead_name"
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text(f"{header}\nRGT,Dr Ann Lee\nRJ1,Professor Tom Wu\n", encoding="utf-8")
    b.write_text(f"{header}\nRGT,ann  lee\nRJ1,Tom Wu.\n", encoding="utf-8")
    result = compare(a, b, load_codebook(), fields=("dasv_lead_name",))
    (name,) = result.fields
    assert (name.pairs, name.agree, name.disagreements) == (2, 2, ())


def test_an_unfilled_sheet_or_a_field_left_blank_is_warned(tmp_path: Path) -> None:
    filled = _csv(
        tmp_path / "a.csv",
        "RGT,Cambridge,successful,,dedicated,Upstand Ltd,x",
        "RJ1,Guys,successful,,none,,x",
    )
    empty = _csv(tmp_path / "empty.csv", "RGT,Cambridge,,,,,", "RJ1,Guys,,,,,")
    result = compare(filled, empty, load_codebook())
    assert len(result.warnings) == 1
    assert "B (empty.csv) has no value at all for the 2 trusts compared" in result.warnings[0]
    half = _csv(
        tmp_path / "half.csv",
        "RGT,Cambridge,successful,,,Upstand Ltd,",
        "RJ1,Guys,successful,,,,",
    )
    result = compare(filled, half, load_codebook())
    assert result.warnings == (
        "B (half.csv) left policy blank for every trust compared: kappa and alpha for it say "
        "nothing about agreement.",
    )
    # Exemptions blank in both files is agreement (none cited), not a slip.
    assert compare(filled, filled, load_codebook()).warnings == ()
