"""Pure statistics for a change between two rounds of the same request.

Nothing here reads files (``math`` and ``fractions`` only), so ``foi-audit compare`` stays fast.

Difference between the rounds (independent samples)
    Newcombe's hybrid score interval, method 10 of Newcombe (1998), *Interval estimation for
    the difference between independent proportions: comparison of eleven methods*, Statistics
    in Medicine 17:873–890, without continuity correction. With p1 = k1/n1, p2 = k2/n2 and
    their 95% Wilson intervals (l1, u1) and (l2, u2) (:func:`stats.wilson_interval`)::

        d = p1 − p2
        lower = d − sqrt((p1 − l1)² + (u2 − p2)²)
        upper = d + sqrt((u1 − p1)² + (p2 − l2)²)

    The rounds share most of their trusts, so they are not independent samples; the interval
    is for the change in the share of each round's answering trusts, and the paired test below
    is the one that follows the same trusts.

Change among the trusts that answered in both rounds (paired)
    The exact McNemar test: a two-sided binomial test of the discordant pairs, b trusts that
    gained the answer and c that lost it, against Binomial(b + c, 1/2)::

        p = min(1, 2 · P(X ≤ min(b, c)))

    computed exactly with integers; p = 1 when no trust changed.

Phrase (:func:`change_phrase`): "up 25.5 points" or "down 3.0 points" when the 95% interval of
the difference excludes 0, "no clear change" when it includes 0 (an end at exactly 0 included).
"""

from __future__ import annotations

import math
from fractions import Fraction

from foi_audit.figures import stats

DIFFERENCE_METHOD = (
    "difference in percentage points with a 95% interval by Newcombe's hybrid score method "
    "(method 10 of Newcombe 1998, no continuity correction)"
)
PAIRED_METHOD = (
    "exact McNemar test (two-sided binomial test of the trusts that changed each way) among "
    "the trusts that answered in both rounds"
)
NO_CLEAR_CHANGE = "no clear change"


def newcombe_difference(
    count_1: int, total_1: int, count_2: int, total_2: int, z: float = stats.Z_95
) -> tuple[float, float, float]:
    """p1 − p2 and its hybrid score interval (proportions, −1..1); see the module docstring."""
    p1, p2 = count_1 / _positive(total_1), count_2 / _positive(total_2)
    low_1, high_1 = stats.wilson_interval(count_1, total_1, z)
    low_2, high_2 = stats.wilson_interval(count_2, total_2, z)
    difference = p1 - p2
    lower = difference - math.sqrt((p1 - low_1) ** 2 + (high_2 - p2) ** 2)
    upper = difference + math.sqrt((high_1 - p1) ** 2 + (p2 - low_2) ** 2)
    return difference, max(-1.0, lower), min(1.0, upper)


def _positive(total: int) -> int:
    if total <= 0:
        raise ValueError("total must be positive")
    return total


def mcnemar_exact(gained: int, lost: int) -> float:
    """Two-sided exact McNemar p for ``gained`` and ``lost`` discordant pairs."""
    if gained < 0 or lost < 0:
        raise ValueError("counts must not be negative")
    n = gained + lost
    tail = sum(math.comb(n, k) for k in range(min(gained, lost) + 1))
    return float(min(Fraction(1), Fraction(2 * tail, 2**n)))


def points(proportion: float) -> str:
    """``0.2549 -> "25.5"``: percentage points with one decimal, minus sign for negatives."""
    text = f"{proportion * 100:.1f}"
    return "0.0" if text == "-0.0" else text.replace("-", "−")


def signed_points(proportion: float) -> str:
    """``0.2549 -> "+25.5"``, ``-0.03 -> "−3.0"``, and "0.0" without a sign."""
    text = points(proportion)
    return f"+{text}" if proportion > 0 and text != "0.0" else text


def change_phrase(difference: float, lower: float, upper: float) -> str:
    """ "up 25.5 points", "down 3.0 points" or "no clear change" (the interval includes 0)."""
    if lower <= 0 <= upper:
        return NO_CLEAR_CHANGE
    direction = "up" if difference > 0 else "down"
    return f"{direction} {points(abs(difference))} points"


def p_text(p: float) -> str:
    """``p < 0.001``, ``p = 0.034``, ``p = 1``: what a reader can quote."""
    if p < 0.001:
        return "p < 0.001"
    if p >= 0.9995:
        return "p = 1"
    return f"p = {p:.3f}"
