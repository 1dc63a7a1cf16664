"""Bodies that are not NHS trusts in England, recognised by the form of their names.

The register's ``other_bodies.csv`` names the Welsh and Scottish boards and the national bodies
one by one; the rest are recognised here by how their names end: "NHS Frimley Integrated Care
Board", "C&M ICB", "Hywel Dda University Health Board", "Warwickshire County Council",
"Belfast Health and Social Care Trust", "London Borough of Camden". The words before the ending
must be written as a name (capitalised), so "the integrated care board" in a trust's prose is
not a body.

Work is on the matcher's word tokens (normalised, and the original words beside them), so a
body's name found here can swallow a trust's name inside it: "Frimley" in "NHS Frimley
Integrated Care Board" is no evidence for Frimley Health NHS Foundation Trust.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# (ending, kind of body). Longest endings first: "university health board" before "health board".
_ENDINGS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("health", "and", "social", "care", "trust"), "Northern Ireland health and social care trust"),
    (("integrated", "care", "board"), "integrated care board"),
    (("clinical", "commissioning", "group"), "clinical commissioning group"),
    (("university", "health", "board"), "health board in Wales or Scotland"),
    (("teaching", "health", "board"), "health board in Wales or Scotland"),
    (("local", "health", "board"), "health board in Wales or Scotland"),
    (("health", "board"), "health board in Wales or Scotland"),
    (("metropolitan", "borough", "council"), "council"),
    (("county", "council"), "council"),
    (("city", "council"), "council"),
    (("borough", "council"), "council"),
    (("district", "council"), "council"),
    (("council",), "council"),
    (("combined", "authority"), "combined authority"),
    (("gp", "federation"), "GP federation"),
    (("primary", "care", "network"), "primary care network"),
    (("medical", "practice"), "GP practice"),
    (("group", "practice"), "GP practice"),
    (("family", "practice"), "GP practice"),
    (("medical", "centre"), "GP practice"),
    (("health", "centre"), "GP practice"),
    (("icb",), "integrated care board"),
    (("ccg",), "clinical commissioning group"),
)  # fmt: skip
# "London Borough of Camden", "Royal Borough of Greenwich", "City of York Council".
_BEGINNINGS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("london", "borough", "of"), "council"),
    (("royal", "borough", "of"), "council"),
)
_FIRST_WORDS = frozenset(e[0] for e, _ in (*_ENDINGS, *_BEGINNINGS))
_CONNECTORS = frozenset({"and", "of", "upon", "on", "the", "in"})
# Names before "Council" / "Board" that are a trust's own committees, not a body.
_NOT_A_PLACE = frozenset(
    [
        "staff",
        "joint",
        "negotiating",
        "consultative",
        "partnership",
        "governors",
        "governor",
        "patient",
        "patients",
        "local",
        "medical",
        "executive",
        "trust",
        "nhs",
        "research",
        "professions",
        "nursing",
        "midwifery",
        "dental",
        "general",
        "pharmaceutical",
        "health",
        "care",
        "quality",
        "safety",
        "people",
        "finance",
        "audit",
        "programme",
        "project",
        "improvement",
        "union",
        "unions",
        "youth",
        "the",
        "our",
        "this",
        "that",
        "a",
        "an",
    ]
)
# Words of an office or a letter that end a name when reading back from its ending:
# "Information Governance Team, Warwickshire County Council" is Warwickshire County Council.
_STOP = frozenset(
    [
        "team",
        "governance",
        "information",
        "corporate",
        "office",
        "officer",
        "manager",
        "department",
        "unit",
        "service",
        "services",
        "foi",
        "freedom",
        "request",
        "requests",
        "dear",
        "from",
        "to",
        "regards",
        "sincerely",
        "faithfully",
        "yours",
        "response",
        "reply",
        "re",
        "subject",
    ]
)
_MAX_NAME_WORDS = 6


@dataclass(frozen=True)
class BodyHit:
    start: int  # token positions, end exclusive
    end: int
    name: str  # as written: "NHS Frimley Integrated Care Board"
    kind: str  # "integrated care board"


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name_before(norm: Sequence[str], orig: Sequence[str], end: int, lines: Sequence[int]) -> int:
    """Where the capitalised name that ends just before ``end`` starts (``end`` if none)."""
    start = end
    words = 0
    position = end - 1
    while position >= 0 and words < _MAX_NAME_WORDS:
        token, word = norm[position], orig[position]
        if lines[position] != lines[end] or token in _STOP:
            break
        if token == "nhs":
            start = position
            break
        if _capitalised(word) and token not in _CONNECTORS:
            start = position
            words += 1
        elif token in _CONNECTORS and position > 0 and _capitalised(orig[position - 1]):
            pass  # "Cheshire and Merseyside": keep going over the connector
        else:
            break
        position -= 1
    while start < end and norm[start] in _CONNECTORS:
        start += 1
    return start


def find_bodies(
    norm: Sequence[str], orig: Sequence[str], lines: Sequence[int] | None = None
) -> list[BodyHit]:
    """Names of out-of-scope bodies by their form, as token spans (``lines``: each token's
    line number, so that a name does not run on from the line above)."""
    lines = lines if lines is not None else [0] * len(norm)
    hits: list[BodyHit] = []
    taken_until = -1
    for position, token in enumerate(norm):
        if position < taken_until or token not in _FIRST_WORDS:
            continue
        for ending, kind in _ENDINGS:
            end = position + len(ending)
            if tuple(norm[position:end]) != ending or not _capitalised(orig[position]):
                continue
            if ending in {("icb",), ("ccg",)} and not orig[position].isupper():
                continue
            start = _name_before(norm, orig, position, lines)
            names = [t for t in norm[start:position] if t not in _CONNECTORS and t != "nhs"]
            if not names or all(t in _NOT_A_PLACE for t in names):
                continue
            if ending == ("council",) and names[-1] in _NOT_A_PLACE:
                continue
            hits.append(BodyHit(start, end, _join(orig[start:end]), kind))
            taken_until = end
            break
        else:
            for beginning, kind in _BEGINNINGS:
                end = position + len(beginning)
                if tuple(norm[position:end]) != beginning or not _capitalised(orig[position]):
                    continue
                stop = end
                while (
                    stop < len(norm)
                    and stop - end < 3
                    and _capitalised(orig[stop])
                    and lines[stop] == lines[position]
                ):
                    stop += 1
                if stop > end:
                    hits.append(BodyHit(position, stop, _join(orig[position:stop]), kind))
                    taken_until = stop
                    break
    return hits


def _join(words: Sequence[str]) -> str:
    out: list[str] = []
    for word in words:
        if not out or out[-1] != word:
            out.append(word)
    return " ".join(out)
