"""`foi-audit compare`: two rounds of the same request — the statistics (Newcombe's worked
examples, an exact McNemar p by hand), and an end-to-end comparison of two small rounds
(tests/fixtures/rounds: who changed, who is in one round only and why, review decisions)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.coding import load_codebook
from foi_audit.coding.codebook import Field
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.figures.change_stats import (
    NO_CLEAR_CHANGE,
    change_phrase,
    mcnemar_exact,
    newcombe_difference,
    p_text,
    signed_points,
)
from foi_audit.figures.compare import (
    Comparison,
    compare_loaded,
    compare_rounds,
    comparison_dict,
    load_rounds,
    round_name,
)
from foi_audit.figures.principal import principal_value
from foi_audit.figures.summary import build_summary
from foi_audit.register.successions import Succession

FIXTURE = Path(__file__).parent / "fixtures" / "rounds"
CODEBOOK = load_codebook()


# ---------------------------------------------------------------- statistics

# Newcombe (1998), Statistics in Medicine 17:873-890, Table II: method 10 (hybrid score, no
# continuity correction) for his eight worked examples, (a) to (h).
NEWCOMBE_TABLE_II = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
]


@pytest.mark.parametrize(("counts", "expected"), NEWCOMBE_TABLE_II)
def test_newcombe_method_10_reproduces_table_ii(
    counts: tuple[int, int, int, int], expected: tuple[float, float]
) -> None:
    difference, low, high = newcombe_difference(*counts)
    assert difference == pytest.approx(counts[0] / counts[1] - counts[2] / counts[3])
    assert (round(low, 4), round(high, 4)) == expected


def test_newcombe_swapping_the_rounds_mirrors_the_interval() -> None:
    d, low, high = newcombe_difference(56, 70, 48, 80)
    d2, low2, high2 = newcombe_difference(48, 80, 56, 70)
    assert (d2, low2, high2) == pytest.approx((-d, -high, -low))


def test_the_briefs_headline_change() -> None:
    """20 of 207 -> 71 of 202: up 25.5 points (95% CI 17.6 to 33.1)."""
    d, low, high = newcombe_difference(71, 202, 20, 207)
    assert change_phrase(d, low, high) == "up 25.5 points"
    assert (signed_points(d), signed_points(low), signed_points(high)) == (
        "+25.5",
        "+17.6",
        "+33.1",
    )


def test_change_phrase_says_no_clear_change_when_the_interval_includes_zero() -> None:
    assert change_phrase(0.1, -0.01, 0.2) == NO_CLEAR_CHANGE
    assert change_phrase(0.1, 0.0, 0.2) == NO_CLEAR_CHANGE  # an end at 0 is included
    assert change_phrase(-0.1, -0.2, -0.01) == "down 10.0 points"
    assert signed_points(-0.03) == "−3.0" and signed_points(0.0001) == "0.0"


def test_mcnemar_exact_by_hand() -> None:
    # 1 gained, 6 lost: P(X <= 1) for Binomial(7, 1/2) = (1 + 7) / 128; two-sided = 16/128.
    assert mcnemar_exact(1, 6) == 0.125
    assert mcnemar_exact(6, 1) == 0.125
    # 0 and 5: 2 * 1/32.
    assert mcnemar_exact(0, 5) == 0.0625
    # 3 and 3: the observed split is the most likely one: p capped at 1.
    assert mcnemar_exact(3, 3) == 1.0
    assert mcnemar_exact(0, 0) == 1.0
    # 53 gained, 2 lost: exact, not the chi-squared approximation.
    tail = sum(math.comb(55, k) for k in range(3)) / 2**55
    assert mcnemar_exact(53, 2) == pytest.approx(2 * tail, rel=1e-12)
    assert p_text(mcnemar_exact(53, 2)) == "p < 0.001"
    assert p_text(0.0344) == "p = 0.034" and p_text(1.0) == "p = 1"


def test_mcnemar_refuses_negative_counts() -> None:
    with pytest.raises(ValueError):
        mcnemar_exact(-1, 2)


# ---------------------------------------------------------------- principal answer


def test_principal_answer_for_the_built_in_study_and_the_fallback() -> None:
    policy = CODEBOOK.field("policy")
    assert principal_value(CODEBOOK, policy, policy.values) == "dedicated"
    exemptions = CODEBOOK.field("exemptions")
    assert principal_value(CODEBOOK, exemptions, [*exemptions.values, "(none)"]) == "(none)"
    # A chosen value the summary does not report is not used: the fallback takes over.
    # (a broader policy only is, like none, a negative answer: no dedicated policy)
    assert principal_value(CODEBOOK, policy, ["none", "in_development"]) == "in_development"
    assert principal_value(CODEBOOK, policy, ["none", "general_only"]) == "none"
    # Another study: the first value that is not negative, else the first.
    other = Field(name="fire_plan", values=("no", "partly", "yes"), negative=("no",))
    assert principal_value(CODEBOOK, other, other.values) == "partly"
    assert principal_value(CODEBOOK, Field(name="x", negative=("no",)), ["no"]) == "no"
    assert principal_value(CODEBOOK, other, []) == ""


# ---------------------------------------------------------------- two rounds end to end


@pytest.fixture
def rounds(tmp_path: Path) -> Path:
    """A copy of the two fixture rounds (nothing is ever written beside the fixture)."""
    for name in ("round-2022", "round-2024"):
        shutil.copytree(FIXTURE / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def comparison(rounds: Path) -> Comparison:
    return compare_rounds(rounds / "round-2022", rounds / "round-2024", successions=())


def _value(comparison: Comparison, field: str, value: str = ""):  # type: ignore[no-untyped-def]
    change = next(f for f in (*comparison.questions, *comparison.outcomes) if f.field == field)
    return next(v for v in change.values if not value or v.value == value)


def test_headline_of_the_principal_answer(comparison: Comparison) -> None:
    policy = _value(comparison, "policy")
    d, low, high = newcombe_difference(10, 13, 3, 14)
    assert policy.value == "dedicated" and policy.principal
    assert policy.difference == pytest.approx(d * 100)
    assert (policy.ci_low, policy.ci_high) == pytest.approx((low * 100, high * 100))
    assert policy.headline == (
        "Dedicated sexual-safety policy: 3 of 14 (21.4%) in round-2022 → 10 of 13 (76.9%) in "
        "round-2024, up 55.5 points (95% CI 17.8 to 75.8). Among the 9 trusts that answered "
        "both: 6 gained it, 1 lost it (McNemar exact p = 0.125)."
    )
    # Trusts that answered in one round only are counted, not dropped: RTH, RA4, RRP, RVY, RDE
    # answered in 2022 only; RGT (refused in 2022), RNQ (no reply in 2022), G6V2S, RVJ in 2024.
    paired = policy.paired
    assert (paired.both, paired.kept, paired.neither, paired.gained, paired.lost) == (9, 1, 1, 6, 1)
    assert (paired.first_only, paired.second_only) == (5, 4)
    assert paired.p_value == 0.125
    assert "5 answered in round-2022 only, 4 in round-2024 only" in paired.not_paired


def test_each_rounds_figures_are_the_summarys(rounds: Path, comparison: Comparison) -> None:
    for name, figure_of in (("round-2022", "first"), ("round-2024", "second")):
        folder = rounds / name
        summary = build_summary(Layout(raw=folder / "raw", processed=folder / "processed"))
        for fs in (*summary.questions, *summary.outcomes):
            change = next(
                (f for f in (*comparison.questions, *comparison.outcomes) if f.field == fs.field),
                None,
            )
            if change is None:
                continue
            for value in change.values:
                vs = next(v for v in fs.values if v.value == value.value)
                figure = getattr(value, figure_of)
                assert (figure.count, figure.denominator) == (vs.count, vs.denominator)
                assert (figure.percent, figure.ci_low, figure.ci_high) == (
                    vs.percent,
                    vs.ci_low,
                    vs.ci_high,
                )
                assert figure.chain_text == fs.chain_text


def test_no_clear_change_and_no_comparison(comparison: Comparison) -> None:
    abt = _value(comparison, "abt_provided")
    assert abt.phrase == NO_CLEAR_CHANGE
    assert "no clear change (+27.5 points, 95% CI −6.9 to 54.4)" in abt.headline
    delivery = _value(comparison, "abt_delivery")  # nobody said how ABT is delivered
    assert delivery.difference is None
    assert delivery.phrase == "no comparison: no trust answered in round-2022"
    assert delivery.paired.p_value is None


def test_outcomes_are_counted_among_everyone_asked(comparison: Comparison) -> None:
    status = _value(comparison, "response_status")
    assert status.value == "successful"
    assert (status.first.count, status.first.denominator) == (13, 16)
    assert "Among the 12 trusts counted in both rounds" in status.headline


def test_only_the_principal_answer_unless_detail(rounds: Path, comparison: Comparison) -> None:
    assert all(len(f.values) == 1 and f.values[0].principal for f in comparison.questions)
    detailed = compare_rounds(rounds / "round-2022", rounds / "round-2024", detail=True)
    policy = next(f for f in detailed.questions if f.field == "policy")
    assert [v.value for v in policy.values] == list(CODEBOOK.field("policy").values)
    assert [v.principal for v in policy.values] == [True, False, False, False]
    # Every trust that answered both rounds is in exactly one cell of each value's 2x2 table.
    for value in policy.values:
        p = value.paired
        assert p.kept + p.neither + p.gained + p.lost == p.both == 9
    assert sum(v.paired.gained for v in policy.values) == sum(v.paired.lost for v in policy.values)


def test_trusts_in_one_round_only_with_their_reasons(comparison: Comparison) -> None:
    reasons = {t.code: t.reason for t in comparison.only_first}
    assert reasons == {
        "RA4": "closed on 2023-03-31",
        "RDE": "not asked in round-2024",
        "RRP": "closed on 2024-10-31",
        "RVY": "closed on 2023-06-30",
    }
    assert {t.code: t.reason for t in comparison.only_second} == {
        "G6V2S": "opened on 2024-11-01",
        "RVJ": "not asked in round-2022",
    }
    assert {t.code: (t.in_round, t.reason) for t in comparison.replied_once} == {
        "RNQ": ("round-2024", "asked in both rounds; no reply in round-2022"),
        "RTH": ("round-2022", "asked in both rounds; no reply in round-2024"),
    }
    assert (comparison.in_both, comparison.replied_both) == (12, 10)
    assert comparison.first.date == "2022-11-07" and comparison.second.date == "2024-12-02"


def test_a_merger_from_the_registers_successions(rounds: Path) -> None:
    merger = Succession("RRP", "G6V2S", "2024-11-01", "public record")
    loaded = load_rounds(rounds / "round-2022", rounds / "round-2024")
    result = compare_loaded(*loaded, successions=(merger,))
    assert {t.code: t.reason for t in result.only_first}["RRP"] == (
        "merged into North London NHS Foundation Trust (G6V2S) on 2024-11-01"
    )
    assert {t.code: t.reason for t in result.only_second}["G6V2S"] == (
        "opened on 2024-11-01 from Barnet, Enfield and Haringey Mental Health NHS Trust (RRP)"
    )


def test_a_round_without_asked_csv_says_no_reply(rounds: Path) -> None:
    (rounds / "round-2024" / "raw" / "asked.csv").unlink()
    result = compare_rounds(rounds / "round-2022", rounds / "round-2024", successions=())
    assert result.second.asked_source == "replies"
    reason = {t.code: t.reason for t in result.only_first}["RDE"]
    assert reason.startswith("no reply in round-2024 (it has no asked.csv")


def test_review_decisions_of_a_round_apply_to_it(rounds: Path, comparison: Comparison) -> None:
    """RX1's 2024 policy is a reviewer's decision (dedicated; the machine said general_only)."""
    listed = compare_rounds(
        rounds / "round-2022", rounds / "round-2024", changed="policy=dedicated"
    ).changed
    assert listed is not None
    assert [(t.trust_code, t.direction) for t in listed.trusts] == [
        ("RAL", "gained"), ("RBS", "gained"), ("RRK", "gained"), ("RWE", "gained"),
        ("RX1", "gained"), ("RYJ", "gained"), ("RJ1", "lost"),
    ]  # fmt: skip
    rx1 = next(t for t in listed.trusts if t.trust_code == "RX1")
    assert rx1.second.value == "dedicated" and rx1.second.overridden
    assert "decided by fixture on 2025-01-10" in rx1.second_review
    assert "automatic value: general_only" in rx1.second_review
    assert rx1.first.quote == "RX1 2022: policy is general_only"
    assert rx1.first.source == "RX1 reply 2022.pdf > page 1"
    assert listed.headline == _value(comparison, "policy").headline
    # Without the decision the machine's value counts: 9 of 13, and RX1 did not change.
    (rounds / "round-2024" / "overrides.csv").unlink()
    without = compare_rounds(rounds / "round-2022", rounds / "round-2024")
    assert (_value(without, "policy").second.count, _value(without, "policy").paired.gained) == (
        9,
        5,
    )


def test_changed_needs_a_known_field_and_value(rounds: Path) -> None:
    with pytest.raises(InputError, match="not a value of policy"):
        compare_rounds(rounds / "round-2022", rounds / "round-2024", changed="policy=maybe")
    with pytest.raises(InputError, match="--changed"):
        compare_rounds(rounds / "round-2022", rounds / "round-2024", changed="nonsense=1")
    with pytest.raises(InputError, match="give FIELD=VALUE, e.g. policy=dedicated"):
        compare_rounds(rounds / "round-2022", rounds / "round-2024", changed="policy")


def test_round_folders_and_names(rounds: Path) -> None:
    assert round_name(rounds / "round-2022") == "round-2022"
    assert round_name(rounds / "round-2022" / "processed") == "round-2022"
    result = compare_rounds(rounds / "round-2022" / "processed", rounds / "round-2024")
    assert result.first.name == "round-2022"
    named = compare_rounds(rounds / "round-2022", rounds / "round-2024", names=["2022", "2024"])
    assert "in 2022 → " in _value(named, "policy").headline
    with pytest.raises(InputError, match="neither a study folder"):
        compare_rounds(rounds, rounds / "round-2024")
    with pytest.raises(InputError, match="--names"):
        compare_rounds(rounds / "round-2022", rounds / "round-2022")


def test_a_codebook_both_rounds_recorded_is_read_once(rounds: Path) -> None:
    first, second = load_rounds(rounds / "round-2022", rounds / "round-2024")
    assert second.codebook is first.codebook


def test_different_codebooks_are_noted(rounds: Path, tmp_path: Path) -> None:
    copy = tmp_path / "codebook.toml"
    copy.write_text(
        Path(CODEBOOK.source).read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8"
    )
    manifest = rounds / "round-2024" / "processed" / "manifest.json"
    manifest.write_text(
        json.dumps({"codebook": {"path": str(copy), "sha256": "x", "builtin": False}}),
        encoding="utf-8",
    )
    result = compare_rounds(rounds / "round-2022", rounds / "round-2024")
    assert any("different codebooks" in note for note in result.notes)
    assert any("has changed since these data were coded" in note for note in result.notes)


# ---------------------------------------------------------------- the command


def test_cli_json_is_the_library_result(rounds: Path) -> None:
    args = [str(rounds / "round-2022"), str(rounds / "round-2024"), "--detail"]
    result = CliRunner().invoke(app, ["compare", *args, "--json"])
    assert result.exit_code == 0, result.output
    expected = comparison_dict(
        compare_rounds(rounds / "round-2022", rounds / "round-2024", detail=True)
    )
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))


def test_cli_text_and_changed(rounds: Path) -> None:
    runner = CliRunner()
    args = [str(rounds / "round-2022"), str(rounds / "round-2024")]
    text = runner.invoke(app, ["compare", *args])
    assert text.exit_code == 0, text.output
    out = " ".join(text.stdout.split())
    assert "Dedicated sexual-safety policy: 3 of 14 (21.4%) in round-2022 → 10 of 13" in out
    assert "merged into Somerset" in out and "opened on 2024-11-01" in out
    changed = runner.invoke(app, ["compare", *args, "--changed", "policy=dedicated"])
    assert changed.exit_code == 0, changed.output
    out = " ".join(changed.stdout.split())
    assert "RJ1 Guy's and St Thomas' NHS Foundation Trust — lost" in out
    assert (
        "round-2024: general_only “RJ1 2024: policy is general_only” (RJ1 reply 2024.pdf > page 1)"
        in out
    )
    assert "decided by fixture on 2025-01-10" in out
    bad = runner.invoke(app, ["compare", *args, "--changed", "policy=maybe"])
    assert bad.exit_code == 2 and "not a value of policy" in bad.output
