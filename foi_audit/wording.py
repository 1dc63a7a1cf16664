"""Words that depend on a count, and numbers rounded to what the text shows.

Every message with a count goes through :func:`count` (or :func:`plural` and :func:`verb`)
so that it reads right for 0, 1 and many: "1 trust needs review", "2 trusts need review",
"no trust needs review". ``tests/test_wording.py`` renders each template with n = 0, 1, 2.
"""

from __future__ import annotations

from typing import Any

_IRREGULAR = {"was": "were", "is": "are", "has": "have", "needs": "need", "does": "do"}


def plural(n: int, singular: str, many: str = "") -> str:
    """The noun for n things: ``plural(1, "trust") == "trust"``, otherwise "trusts"."""
    if n == 1:
        return singular
    return many or _IRREGULAR.get(singular) or (singular + "s")


def count(n: int, singular: str, many: str = "", zero: str = "") -> str:
    """``count(2, "trust") == "2 trusts"``; ``zero`` replaces "0 trusts" when given ("no trust")."""
    if n == 0 and zero:
        return zero
    return f"{n} {plural(n, singular, many)}"


def verb(n: int, singular: str, many: str = "") -> str:
    """The verb agreeing with n things: ``verb(1, "needs") == "needs"``, ``verb(2, ...) == "need"``."""
    if n == 1:
        return singular
    return many or _IRREGULAR.get(singular) or singular.removesuffix("s")


def rounded(data: Any, places: int) -> Any:
    """``data`` with every float rounded to ``places`` decimals (JSON shows what the text shows)."""
    if isinstance(data, float):
        return round(data, places)
    if isinstance(data, dict):
        return {key: rounded(value, places) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [rounded(value, places) for value in data]
    return data


def middle_ellipsis(text: str, width: int) -> str:
    """A long name shortened in the middle, keeping its start and its end (the extension)."""
    if len(text) <= width or width < 5:
        return text
    keep = width - 1
    head = (keep + 1) // 2
    return text[:head] + "…" + text[len(text) - (keep - head) :]
