"""Wilson intervals and natural-frequency phrases: known values, the documented examples, properties."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_audit.figures.stats import (
    Z_95,
    interval_text,
    natural_frequency,
    nearest_simple_fraction,
    percent,
    wilson_interval,
)


@pytest.mark.parametrize(
    ("count", "total", "phrase"),
    [
        (20, 207, "fewer than 1 in 10"),
        (35, 199, "about 1 in 6"),
        (23, 163, "about 1 in 7"),
        (87, 207, "about 2 in 5"),
        (1, 199, "1 of 199 trusts"),
        (0, 207, "none of the 207"),
        (207, 207, "all 207"),
        (100, 200, "half"),
        (110, 207, "about half"),
        (124, 207, "about 3 in 5"),
        (30, 100, "3 in 10"),
        (3, 7, "3 of 7 trusts"),
        (8, 207, "fewer than 1 in 20"),
        (1, 2, "1 of 2 trusts"),
        (190, 207, "more than 9 in 10"),
        (205, 207, "more than 99 in 100"),
    ],
)
def test_documented_phrases(count: int, total: int, phrase: str) -> None:
    assert natural_frequency(count, total) == phrase


def test_headline_numbers() -> None:
    low, high = wilson_interval(20, 207)
    assert percent(20 / 207) == "9.7%"
    # Exact bounds 6.342% and 14.452%: 6.3%–14.5% to one decimal.
    assert low == pytest.approx(0.06342, abs=1e-5)
    assert high == pytest.approx(0.14452, abs=1e-5)
    assert interval_text(low, high) == "6.3%–14.5%"


@pytest.mark.parametrize(
    ("count", "total", "low", "high"),
    [  # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson, no CC)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_matches_published_values(count: int, total: int, low: float, high: float) -> None:
    got_low, got_high = wilson_interval(count, total)
    assert got_low == pytest.approx(low, abs=1e-4)
    assert got_high == pytest.approx(high, abs=1e-4)


def test_wilson_matches_scipy_when_installed() -> None:
    binomtest = pytest.importorskip("scipy.stats").binomtest
    for count, total in [(20, 207), (35, 199), (1, 199), (0, 12), (12, 12)]:
        ci = binomtest(count, total).proportion_ci(confidence_level=0.95, method="wilson")
        assert wilson_interval(count, total) == pytest.approx((ci.low, ci.high), abs=1e-9)


@given(
    st.integers(min_value=1, max_value=2000).flatmap(
        lambda n: st.tuples(st.integers(0, n), st.just(n))
    )
)
def test_wilson_bounds_solve_the_score_equation(case: tuple[int, int]) -> None:
    """Each bound b satisfies (p - b)^2 = z^2 b(1-b)/n: checked independently of the formula."""
    count, total = case
    low, high = wilson_interval(count, total)
    p = count / total
    assert 0.0 <= low <= p <= high <= 1.0
    for bound in (low, high):
        lhs = (p - bound) ** 2
        rhs = Z_95**2 * bound * (1 - bound) / total
        assert math.isclose(lhs, rhs, rel_tol=1e-6, abs_tol=1e-12)


def test_wilson_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError):
        wilson_interval(3, 0)
    with pytest.raises(ValueError):
        wilson_interval(5, 4)


def _phrase_value(phrase: str) -> Fraction | None:
    words = phrase.replace("about ", "").split()
    if phrase.endswith("half"):
        return Fraction(1, 2)
    if len(words) == 3 and words[1] == "in":
        return Fraction(int(words[0]), int(words[2]))
    return None


@pytest.mark.parametrize("total", [10, 37, 163, 199, 207, 213, 1000])
def test_about_phrases_are_close_and_never_go_backwards(total: int) -> None:
    previous = Fraction(0)
    for count in range(2, total - 1):
        p = count / total
        phrase = natural_frequency(count, total)
        if p < 0.1:
            assert phrase.startswith("fewer than"), (count, total, phrase)
            continue
        if p > 0.9:
            assert phrase.startswith("more than"), (count, total, phrase)
            continue
        value = _phrase_value(phrase)
        assert value is not None, phrase
        assert abs(float(value) - p) <= 0.1 * min(p, 1 - p) + 1e-9, (count, total, phrase)
        assert value >= previous, (count, total, phrase)
        previous = value


@given(
    st.integers(min_value=10, max_value=5000).flatmap(
        lambda n: st.tuples(st.integers(2, n - 2), st.just(n))
    )
)
def test_small_shares_never_sound_big(case: tuple[int, int]) -> None:
    """1% is never "about 1 in 6": below 1 in 10 the phrase only ever says "fewer than"."""
    count, total = case
    phrase = natural_frequency(count, total)
    if count / total < 0.1:
        assert phrase.startswith("fewer than 1 in ")
        bucket = int(phrase.rsplit(" ", 1)[1])
        assert count / total < 1 / bucket
    assert "about" not in phrase or 0.1 <= count / total <= 0.9


def test_fallback_fraction_is_the_nearest() -> None:
    assert nearest_simple_fraction(0.5) == Fraction(1, 2)
    assert nearest_simple_fraction(0.3) == Fraction(3, 10)
    assert nearest_simple_fraction(0.14) == Fraction(1, 7)
