"""Which trust took over a trust that closed (renamed, merged, acquired, dissolved).

A reply written on the letterhead of a trust that had closed by the reply date belongs to the
trust open on that date that took it over. Successions come from two places:

- ``data/successions.csv`` (``code,successor,date,source,reason``): the table people keep. Its
  ``source`` says how each row is known: ``inferred: ...`` rows were derived from the ODS extract
  itself (see below) and checked; ``public record: ...`` rows record a merger or acquisition the
  extract cannot show (the successor existed before, or opened with another address).
- :func:`infer_successions`: what the register alone shows. A closed trust whose HQ postcode is
  the HQ postcode of a trust open on the day after it closed, or that shares a distinctive name
  word ("Nottingham", "Tyneside") with the only trust opening that day that shares one, was
  taken over by that trust. Rows inferred this way and missing from the table still count, so
  a newer ODS extract brings its own successions; the table wins where both speak.

``date`` is the first day the successor answers for the closed trust (the day after the close).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from foi_audit.records import Trust

SUCCESSION_COLUMNS = ("code", "successor", "date", "source", "reason")

# Words that say what kind of trust it is, not where or which: no evidence of a succession.
_GENERIC_WORDS = frozenset(
    [
        "nhs",
        "trust",
        "foundation",
        "university",
        "hospital",
        "hospitals",
        "healthcare",
        "health",
        "care",
        "and",
        "of",
        "the",
        "royal",
        "city",
        "county",
        "community",
        "services",
        "service",
        "partnership",
        "mental",
        "teaching",
        "general",
        "district",
        "south",
        "north",
        "east",
        "west",
        "central",
        "st",
        "integrated",
        "social",
        "acute",
        "learning",
        "disability",
        "disabilities",
        "for",
        "in",
        "on",
        "upon",
        "at",
        "children",
        "childrens",
        "women",
        "womens",
        "specialist",
        "combined",
    ]
)


@dataclass(frozen=True)
class Succession:
    code: str  # the closed trust
    successor: str  # the trust that took it over
    date: str  # ISO: the first day the successor answers for it
    source: str = ""  # "inferred: ..." or "public record: ..."
    reason: str = ""


def _day_after(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _distinctive(name: str) -> set[str]:
    words = re.findall(r"[a-z]+", name.lower().replace("'", ""))
    return {w for w in words if w not in _GENERIC_WORDS and len(w) > 2}


def infer_successions(trusts: Sequence[Trust]) -> list[Succession]:
    """Successions the register itself shows (HQ postcode or name shared with the next day's)."""
    found = []
    for closed in trusts:
        if not closed.close_date:
            continue
        try:
            next_day = _day_after(closed.close_date)
        except ValueError:
            continue
        open_next = [
            t
            for t in trusts
            if t.code != closed.code
            and t.open_date <= next_day
            and (not t.close_date or t.close_date > next_day)
        ]
        same_postcode = [
            t
            for t in open_next
            if closed.postcode and t.postcode.replace(" ", "") == closed.postcode.replace(" ", "")
        ]
        if len(same_postcode) == 1:
            successor = same_postcode[0]
            found.append(
                Succession(
                    closed.code,
                    successor.code,
                    next_day,
                    "inferred: same HQ postcode, open the day after the close (etr.csv)",
                    f"{closed.name} -> {successor.name} ({closed.postcode})",
                )
            )
            continue
        words = _distinctive(closed.name)
        opening = [t for t in open_next if t.open_date == next_day and words & _distinctive(t.name)]
        if len(opening) == 1:
            successor = opening[0]
            shared = ", ".join(sorted(words & _distinctive(successor.name)))
            found.append(
                Succession(
                    closed.code,
                    successor.code,
                    next_day,
                    "inferred: the one trust opening the day after the close with a shared "
                    "name (etr.csv)",
                    f"{closed.name} -> {successor.name} (shared: {shared})",
                )
            )
    return found


def merge_successions(
    table: Iterable[Succession], inferred: Iterable[Succession]
) -> tuple[Succession, ...]:
    """The table's rows, and inferred rows for closed trusts the table does not mention."""
    rows = list(table)
    known = {row.code for row in rows}
    rows += [row for row in inferred if row.code not in known]
    return tuple(sorted(rows, key=lambda r: r.code))


def successor_on(
    code: str, day: str, successions: Iterable[Succession], trusts: dict[str, Trust]
) -> tuple[str, tuple[str, ...]]:
    """The trust answering for ``code`` on ``day`` and the chain of codes that led there.

    A trust open on ``day`` answers for itself; a closed one passes to its successor (and on, if
    that closed too). A closed trust with no recorded successor stays itself.
    """
    by_code = {s.code: s for s in successions}
    chain = [code]
    current = code
    while True:
        trust = trusts.get(current)
        if trust is None or not trust.close_date or trust.close_date > day:
            return current, tuple(chain)
        step = by_code.get(current)
        if step is None or step.successor in chain:
            return current, tuple(chain)
        current = step.successor
        chain.append(current)


def lineage(code: str, successions: Iterable[Succession]) -> tuple[str, ...]:
    """Every trust that took ``code`` over, in order (without a date)."""
    by_code = {s.code: s for s in successions}
    chain = [code]
    while (step := by_code.get(chain[-1])) is not None and step.successor not in chain:
        chain.append(step.successor)
    return tuple(chain[1:])
