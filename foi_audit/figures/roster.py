"""Who is in one round of a request only, and why: never dropped silently from either base.

A trust asked in one round and not the other is listed with the reason the trust register
gives — it closed (or merged into another trust) before the later round, or opened after the
earlier one — or, when the register has nothing to say, "not asked in ROUND" (the round has an
asked.csv without it) or "no reply in ROUND" (the round has no asked.csv, so only the trusts that
replied are known). Mergers come from the register's successions (:mod:`foi_audit.register.successions`); a
closed trust with no known successor is listed as closed, with its date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from foi_audit.register.successions import Succession
from foi_audit.register.trusts import Register


@dataclass(frozen=True)
class RoundRoster:
    """What the reasons need from a round: who it counted and how it knows them."""

    name: str
    date: str  # the first date_sent in asked.csv, else the first reply date found; or ""
    asked_source: str  # "asked.csv" or "replies"
    codes: frozenset[str]


@dataclass(frozen=True)
class OneRoundTrust:
    code: str
    name: str
    region: str
    in_round: str  # the round it is in
    missing_from: str  # the round it is not in
    reason: str  # "closed on 2023-03-31", "not asked in round-2024", ...


def one_round_trusts(
    first: RoundRoster,
    second: RoundRoster,
    names: Mapping[str, tuple[str, str]],  # code -> (name, region) as the rounds know them
    register: Register,
    successions: Sequence[Succession] = (),
) -> tuple[tuple[OneRoundTrust, ...], tuple[OneRoundTrust, ...]]:
    """(in the first round only, in the second round only), each sorted by code."""
    only_first = tuple(
        _listed(code, first, second, names, _gone_reason(code, second, register, successions))
        for code in sorted(first.codes - second.codes)
    )
    only_second = tuple(
        _listed(code, second, first, names, _new_reason(code, first, register, successions))
        for code in sorted(second.codes - first.codes)
    )
    return only_first, only_second


def _listed(
    code: str,
    present: RoundRoster,
    absent: RoundRoster,
    names: Mapping[str, tuple[str, str]],
    reason: str,
) -> OneRoundTrust:
    name, region = names.get(code, ("", ""))
    return OneRoundTrust(code, name, region, present.name, absent.name, reason)


def _gone_reason(
    code: str, later: RoundRoster, register: Register, successions: Iterable[Succession]
) -> str:
    """Why a trust of the earlier round is not in the later one."""
    before = [
        s
        for s in successions
        if s.code == code and (not later.date or not s.date or s.date <= later.date)
    ]
    if before:
        return "; ".join(
            f"merged into {_name(register, s.successor)}" + (f" on {s.date}" if s.date else "")
            for s in before
        )
    trust = register.get(code)
    if trust and trust.close_date and (not later.date or trust.close_date <= later.date):
        return f"closed on {trust.close_date}"
    return _not_in(later)


def _new_reason(
    code: str, earlier: RoundRoster, register: Register, successions: Iterable[Succession]
) -> str:
    """Why a trust of the later round is not in the earlier one."""
    trust = register.get(code)
    formed = sorted(
        s.code
        for s in successions
        if s.successor == code and (not earlier.date or not s.date or s.date > earlier.date)
    )
    predecessors = ", ".join(_name(register, c) for c in formed)
    if trust and trust.open_date and earlier.date and trust.open_date > earlier.date:
        return f"opened on {trust.open_date}" + (f" from {predecessors}" if formed else "")
    if formed:
        return f"took over {predecessors}"
    return _not_in(earlier)


def _not_in(round_: RoundRoster) -> str:
    if round_.asked_source == "asked.csv":
        return f"not asked in {round_.name}"
    return (
        f"no reply in {round_.name} (it has no asked.csv: only the trusts that replied are known)"
    )


def _name(register: Register, code: str) -> str:
    trust = register.get(code)
    return f"{trust.name} ({code})" if trust else code
