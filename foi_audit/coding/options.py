"""A form's options: a blank row with none marked ("Yes No In development", "Mandatory
Optional", "None s21 s40 s43 Other:") says nothing and is no answer (the reader's ticks were
drawn, not typed); a row with boxes says the options ticked ("[ ] Yes [X] No" reads "No")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from foi_audit.coding.labels import LABEL, PREFIXED_LABEL

if TYPE_CHECKING:
    from foi_audit.coding.reading import ReadingPatterns

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


def one_choice(headings: Sequence[str]) -> bool:
    """Whether two or more headings are each an option of one choice, each once ("Yes | No |
    N/A", "Mandatory | Optional"; not "Yes | Optional")."""
    found = [_WORD.fullmatch(heading.strip()) for heading in headings]
    if len(found) < 2 or not all(found):
        return False
    kinds = [next(name for name, value in m.groupdict().items() if value) for m in found if m]
    words = [heading.strip().lower() for heading in headings]
    return (
        len({*kinds} - {"other"}) == 1
        and len(set(words)) == len(words)
        and kinds.count("other") < len(kinds) - 1
    )


def ticked(text: str, reading: ReadingPatterns) -> str:
    """A form's answer with its unticked options gone, and the ticks: "[ ] Yes [X] No" and
    "Yes ☐ No ☒" read "No". Its boxes follow their labels when a word stands right before
    the first ("Yes ☒", not "Q2: ☒ Yes") and none right after the last ("☒ - Cornish ..." or
    the end; not "A Yes [] No", OCR's "A" for the ticked box before "Yes")."""
    boxes_found = list(_BOX.finditer(text))
    after = (
        bool(boxes_found)
        and _WORD_BEFORE_BOX.search(text, 0, boxes_found[0].start()) is not None
        and not re.match(r"\s*[A-Za-z]", text[boxes_found[-1].end() :])
    )
    boxes = reading.unticked_after if after else reading.unticked
    ticks = list(TICK.finditer(text))
    if len(ticks) > 1:
        # two options ticked, both said ("In-house and External provider"): read between ticks
        cuts = [m.end() for m in ticks[:-1]] if after else [m.start() for m in ticks[1:]]
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        return " and ".join(said for p in pieces if (said := " ".join(boxes.sub(" ", p).split())))
    return " ".join(boxes.sub(" ", text).split()) if boxes.search(text) else text


_BOX = re.compile(r"\[[\s_xX✓✔]*\]|[☐□☒☑✗✘✓✔]")
TICK = re.compile(r"\[\s*[xX✓✔]{1,3}\s*\]|[☒☑]")
_WORD_BEFORE_BOX = re.compile(r"[A-Za-z][\w/-]*\s*$")


_YES_OR_NO_CELL = re.compile(r"^(?:yes|no|y|n)$", re.IGNORECASE)


def unmarked_option_cells(cells: list[str]) -> list[str]:
    """A form row listing a question's options with none marked as read ("Q1 Dedicated
    policy? | Yes | No | In draft | Expected at Board in February."): the options are no
    answer, so their cells are emptied (a note after them stays). A header row of option
    columns ("Question | Yes | No") is left as it is."""
    bare = [i for i, cell in enumerate(cells) if _YES_OR_NO_CELL.match(cell.strip())]
    kinds = {cells[i].strip()[0].lower() for i in bare}
    asks = "?" in cells[0] or bool(PREFIXED_LABEL.match(cells[0]) or LABEL.match(cells[0]))
    if len(bare) < 2 or kinds != {"y", "n"} or not asks:
        return cells
    run: set[int] = set()
    for i in range(min(bare), len(cells)):  # the options side by side, up to a note
        option = len(cells[i].split()) <= 3 and not re.search(r"[.?]\s*$", cells[i])
        if i not in bare and not option:
            break
        run.add(i)
    if not set(bare) <= run:
        return cells  # "Q1 Policy? | Y | Q2 ABT? | N": each answer after its own question
    return ["" if i in run else cell for i, cell in enumerate(cells)]
