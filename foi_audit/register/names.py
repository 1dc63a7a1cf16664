"""The names a trust calls itself: full name, core name, aliases and initialisms.

The coding engine reads them as "the Trust", so that "delivered by ELFT trainers" is in-house
and a trust is never its own external provider.
"""

from __future__ import annotations

import re

from foi_audit.records import Trust

_SMALL = {"and", "of", "the", "for", "in", "at", "on", "upon", "&"}
_SUFFIXES = ("nhs foundation trust", "nhs trust", "foundation trust", "trust")


def own_names(trust: Trust) -> tuple[str, ...]:
    """Every way the trust's own replies name it, longest first (ties alphabetically: a set's
    order changes from run to run, and coding results and cache keys must not)."""
    names = {trust.name, *trust.aliases}
    core = _core(trust.name)
    if len(core.split()) >= 2:
        names.add(core)
    # "South Tees Hospitals" also writes itself "South Tees" (its place, two words or more)
    place = re.sub(r"\s+(?:hospitals?|teaching hospitals?)$", "", core, flags=re.IGNORECASE)
    if place != core and len(place.split()) >= 2:
        names.add(place)
    words = core.replace("-", " ").split()
    initials = "".join(w[0].upper() for w in words if w.lower() not in _SMALL)
    # "Norfolk Community Health and Care" also writes itself "NCH&C"
    with_and = "".join(
        "&" if w.lower() in {"and", "&"} else w[0].upper()
        for w in words
        if w.lower() not in _SMALL - {"and", "&"}
    )
    foundation = "foundation trust" in trust.name.lower()
    for letters in {initials, with_and.strip("&")}:
        if len(letters.replace("&", "")) < 2:
            continue
        for acronym in (
            letters,
            letters + ("FT" if foundation else "T"),
            letters + ("NHSFT" if foundation else "NHST"),
        ):
            if len(acronym) >= 3:
                names.add(acronym)
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


def _core(name: str) -> str:
    low = name.lower()
    for suffix in _SUFFIXES:
        if low.endswith(" " + suffix):
            return name[: -len(suffix) - 1].strip(" ,")
    return name


# A table row's key before the name it is about: an ODS code ("RBL") or a row number
_ROW_KEY = re.compile(r"\s*(?:[A-Z0-9]{3,5}|\d{1,3}\.?)\s*")
# A header cell naming the column that says whose row it is: "Responding trust", "Organisation"
_OWNER_HEADER = re.compile(
    r"(?i)^\s*(?:responding |answering |replying |providing )?(?:trust|organi[sz]ation|provider)"
    r"(?: name)?\s*$"
)


def owner_cell(cells: list[str]) -> str:
    """The cell of a row that names whose row it is: the first, or the second after a code
    ("RBL | Wirral University Teaching Hospital NHS FT | Y | ...")."""
    return cells[1] if len(cells) > 2 and _ROW_KEY.fullmatch(cells[0]) else cells[0]


def owner_cells(cells: list[str], column: int | None) -> list[str]:
    """The cells that may name whose row it is, first first: the column a header named
    (``column``), then the row's own first cell (a sheet's rows may come in another order than
    its header's)."""
    headed = [cells[column]] if column is not None and column < len(cells) else []
    return [*headed, owner_cell(cells)]


def owner_column(cells: list[str]) -> int | None:
    """The column a table's header row names as the trust's ("Reference | Subject |
    Responding trust | Response"), or None when the row is no such header."""
    found = [i for i, cell in enumerate(cells) if _OWNER_HEADER.match(cell)]
    return found[0] if len(found) == 1 else None
