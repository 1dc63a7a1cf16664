"""A blank form's row of options with none marked ("Yes No In development", "Mandatory
Optional", "None s21 s40 s43 Other:"): the reader's ticks were drawn, not typed, so the row says
nothing and is no answer."""

from __future__ import annotations

import re

# The options a printed form sets side by side, by the choice each offers: two different ones
# of one choice, unmarked, cannot both be the answer ("Yes No"); options of different choices
# can ("Yes External provider" answers two parts)
_CHOICES = {
    "answer": r"yes|no|in development",
    "delivery": r"in-house|in house|external(?: provider)?|both|mixed",
    "attendance": r"mandatory|optional",
    "other": r"n/a|not applicable|not held|unknown",
}
_OPTION = "|".join(f"(?P<{name}>{words})" for name, words in _CHOICES.items())
_WORD = re.compile(rf"\b(?:{_OPTION})(?![\w-])", re.IGNORECASE)
_ANY = "|".join(_CHOICES.values())
_OPTIONS_ONLY = re.compile(rf"^\s*(?:{_ANY})(?:\s+(?:{_ANY}))+\s*$", re.IGNORECASE)
# a form's exemptions row as printed: "None s21 s40 s43 Other:" (nothing typed after "Other:";
# a list of the sections applied, "s40(2) s21", is an answer)
_EXEMPTIONS_ROW = re.compile(
    r"^\s*none(?:\s+(?:s\.?\s?|section\s)\d{1,2}(?:\(\d\))?)+\s+other:?\s*$", re.IGNORECASE
)


def unmarked_options(text: str) -> bool:
    """Whether a line is only a form's options, two different ones of one choice, none
    marked."""
    if _EXEMPTIONS_ROW.match(text):
        return True
    if not _OPTIONS_ONLY.match(text):
        return False
    offered: dict[str, set[str]] = {}
    for found in _WORD.finditer(text):
        choice = next(name for name, value in found.groupdict().items() if value)
        offered.setdefault(choice, set()).add(found.group(0).lower())
    return any(len(words) >= 2 for words in offered.values())
