"""Pure statistics for figures a journalist can print: Wilson intervals and plain-English phrases.

Nothing here reads files; every function is deterministic and cheap (``math`` only), so the
summary command stays fast.

Interval method
    95% Wilson score interval for a binomial proportion, z = 1.959963984540054 (the 97.5th
    percentile of the standard normal), *no* continuity correction::

        centre = (p + z²/2n) / (1 + z²/n)
        half   = z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n)

Natural-frequency phrase (:func:`natural_frequency`), applied in this order to k of n:
    1. n = 1 -> "k of 1 trust"; k = 0 -> "none of the n"; k = n -> "all n"; k = 1 ->
       "1 of n trusts".
    2. n < 10 -> "k of n trusts" (an exact count is plainer than any fraction).
    3. p = k/n below 1/10 -> "fewer than 1 in 10" (p >= 1/20), "fewer than 1 in 20"
       (p >= 1/50), "fewer than 1 in 50" (p >= 1/100), else "fewer than 1 in 100";
       above 9/10 the mirror image: "more than 9 in 10", "more than 19 in 20", ...
    4. Otherwise the first fraction a/b, trying b in the order 2, 3, 4, 5, 10, 6, 7, 8, 9 (the
       denominators people use most first), a the nearest numerator for that b, kept only in
       lowest terms, whose distance from p is at most 10% of min(p, 1−p): "about a in b"
       ("about half" for 1/2), without "about" when it is exact. If none is that close, the
       nearest of those fractions is used.
    Examples: 20 of 207 -> "fewer than 1 in 10"; 35 of 199 -> "about 1 in 6";
    23 of 163 -> "about 1 in 7"; 87 of 207 -> "about 2 in 5".
"""

from __future__ import annotations

import math
from fractions import Fraction

Z_95 = 1.959963984540054
INTERVAL_METHOD = (
    "95% Wilson score interval (z = 1.96), no continuity correction"  # said wherever CIs appear
)
PHRASE_TOLERANCE = 0.10  # share of min(p, 1-p) a fraction may be off by and still be "about"
MAX_DENOMINATOR = 10
DENOMINATOR_ORDER = (2, 3, 4, 5, 10, 6, 7, 8, 9)  # familiar fractions ("3 in 10") before "2 in 7"
_SMALL_BUCKETS = (10, 20, 50, 100)  # "fewer than 1 in m" steps below 1 in 10


def wilson_interval(count: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """Lower and upper bounds (proportions 0..1) of the Wilson score interval for count/total."""
    if total <= 0:
        raise ValueError("total must be positive")
    if not 0 <= count <= total:
        raise ValueError("count must be between 0 and total")
    p = count / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    # Clamp rounding noise: the exact bounds are 0 when count = 0 and 1 when count = total.
    low = 0.0 if count == 0 else max(0.0, centre - half)
    high = 1.0 if count == total else min(1.0, centre + half)
    return low, high


def percent(proportion: float) -> str:
    """``0.0966 -> "9.7%"``: one decimal place, the precision the tables use."""
    return f"{proportion * 100:.1f}%"


def interval_text(low: float, high: float) -> str:
    return f"{percent(low)}–{percent(high)}"


def nearest_simple_fraction(p: float) -> Fraction:
    """The fraction a/b (b <= 10) that rule 4 of :func:`natural_frequency` uses for p."""
    tolerance = PHRASE_TOLERANCE * min(p, 1 - p)
    best: Fraction | None = None
    for b in DENOMINATOR_ORDER:
        a = min(max(round(p * b), 1), b - 1)
        candidate = Fraction(a, b)
        if candidate.denominator != b:
            continue  # 2/4 is 1/2, already tried with its own denominator
        if abs(float(candidate) - p) <= tolerance + 1e-12:
            return candidate
        if best is None or abs(float(candidate) - p) < abs(float(best) - p):
            best = candidate
    assert best is not None
    return best


def natural_frequency(count: int, total: int) -> str:
    """A plain-English phrase for count of total trusts; the rule is in the module docstring."""
    if total <= 0:
        raise ValueError("total must be positive")
    if total == 1:
        return f"{count} of 1 trust"
    if count == 0:
        return f"none of the {total}"
    if count == total:
        return f"all {total}"
    if count == 1:
        return f"1 of {total} trusts"
    if total < MAX_DENOMINATOR:
        return f"{count} of {total} trusts"
    p = count / total
    if p < 1 / MAX_DENOMINATOR:
        return "fewer than " + _bucket(p)
    if p > 1 - 1 / MAX_DENOMINATOR:
        m = _bucket_size(1 - p)
        return f"more than {m - 1} in {m}"
    fraction = nearest_simple_fraction(p)
    exact = Fraction(count, total) == fraction
    words = (
        "half" if fraction == Fraction(1, 2) else f"{fraction.numerator} in {fraction.denominator}"
    )
    return words if exact else f"about {words}"


def _bucket_size(p: float) -> int:
    """The largest m in 10, 20, 50, 100 with p < 1/m's bucket: p >= 1/(next m), else 100."""
    for size, next_size in zip(_SMALL_BUCKETS, _SMALL_BUCKETS[1:], strict=False):
        if p >= 1 / next_size:
            return size
    return _SMALL_BUCKETS[-1]


def _bucket(p: float) -> str:
    return f"1 in {_bucket_size(p)}"
