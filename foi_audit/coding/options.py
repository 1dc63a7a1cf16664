"""A blank form's row of options with none marked ("Yes No In development", "Mandatory
Optional", "None s21 s40 s43 Other:"): the reader's ticks were drawn, not typed, so the row says
nothing and is no answer."""

from __future__ import annotations

import re

# One option of a printed form: an answer word, a delivery, a section number
_OPTION = (
    r"(?:yes|no|n/a|not applicable|not held|in development|in-house|in house|external(?: provider)?"
    r"|both|mixed|mandatory|optional|none|other:?|unknown|s\.?\s?\d{1,2}(?:\(\d\))?)"
)
# (set apart by spaces, as the boxes left them: "Mandatory/optional" is a heading's topic)
_OPTIONS_ONLY = re.compile(rf"^\s*{_OPTION}(?:\s+{_OPTION})+\s*$", re.IGNORECASE)


def unmarked_options(text: str) -> bool:
    """Whether a line is only a form's options, two or more different ones, none marked."""
    if not _OPTIONS_ONLY.match(text):
        return False
    words = {w.lower().rstrip(":") for w in re.findall(_OPTION, text, re.IGNORECASE)}
    return len(words) >= 2
