"""Statutory FOI deadlines: Freedom of Information Act 2000, section 10.

A public authority must reply "promptly and in any event not later than the twentieth working
day following the date of receipt" (s10(1)). A working day is any day other than a Saturday,
a Sunday, Christmas Day, Good Friday or a day that is a bank holiday under the Banking and
Financial Dealings Act 1971 in *any part* of the United Kingdom (s10(6)). So Scotland's
2 January and St Andrew's Day and Northern Ireland's St Patrick's Day and Battle of the Boyne
are non-working days for an English trust too. The day of receipt is day 0.

Bank holidays come from the ``holidays`` library (UK calendars for all four nations, including
substitute days such as "Christmas Day (observed)" and one-off days such as a state funeral).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from foi_audit.errors import InputError

STATUTORY_WORKING_DAYS = 20
NATIONS = {"ENG": "England", "NIR": "Northern Ireland", "SCT": "Scotland", "WLS": "Wales"}
_SPAN_DAYS = 3660  # no FOI deadline needs more than ten years of calendar


@dataclass(frozen=True)
class SkippedDay:
    """A day not counted towards the deadline, and why."""

    date: dt.date
    reason: str


@dataclass(frozen=True)
class Deadline:
    received: dt.date  # day 0
    due: dt.date
    working_days: int
    skipped: tuple[SkippedDay, ...]


@cache
def _holidays_in(year: int) -> dict[dt.date, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Bank holidays of one year: date -> ((name, nations), ...) across the four UK nations."""
    import holidays
    from dateutil.easter import easter

    found: dict[dt.date, dict[str, list[str]]] = {}
    for code, nation in NATIONS.items():
        calendar = holidays.country_holidays("GB", subdiv=code, years=year)
        for day, names in calendar.items():
            for name in str(names).split("; "):
                found.setdefault(day, {}).setdefault(name, []).append(nation)
    # The Act names these two itself; they are in every UK calendar, but do not rely on that.
    good_friday = easter(year) - dt.timedelta(days=2)
    for day, name in ((dt.date(year, 12, 25), "Christmas Day"), (good_friday, "Good Friday")):
        found.setdefault(day, {}).setdefault(name, list(NATIONS.values()))
    return {
        day: tuple((name, tuple(nations)) for name, nations in sorted(by_name.items()))
        for day, by_name in found.items()
    }


def _describe_holiday(entries: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    parts = []
    for name, nations in entries:
        where = "all of the UK" if len(set(nations)) == len(NATIONS) else ", ".join(nations)
        parts.append(f"{name} ({where})")
    return "; ".join(parts)


def non_working_reason(day: dt.date) -> str:
    """Why ``day`` is not a working day under s10(6), or ``""`` when it is one."""
    holiday = _holidays_in(day.year).get(day)
    if day.weekday() >= 5:
        weekend = f"weekend ({day.strftime('%A')})"
        return f"{weekend}, also {_describe_holiday(holiday)}" if holiday else weekend
    return f"bank holiday: {_describe_holiday(holiday)}" if holiday else ""


def is_working_day(day: dt.date) -> bool:
    return not non_working_reason(day)


def due_date(received: dt.date, working_days: int = STATUTORY_WORKING_DAYS) -> Deadline:
    """The ``working_days``-th working day following ``received``, and every day skipped."""
    if working_days < 1:
        raise InputError(f"working days must be 1 or more, not {working_days}")
    day = received
    counted = 0
    skipped: list[SkippedDay] = []
    while counted < working_days:
        day += dt.timedelta(days=1)
        reason = non_working_reason(day)
        if reason:
            skipped.append(SkippedDay(day, reason))
        else:
            counted += 1
    return Deadline(received, day, working_days, tuple(skipped))


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 for a same-day reply).

    Negative when ``end`` is before ``start``, counting the same way backwards.
    """
    if (end - start).days > _SPAN_DAYS or (start - end).days > _SPAN_DAYS:
        raise InputError(f"{start} and {end} are more than ten years apart: check the dates")
    if end < start:
        return -working_days_between(end, start)
    return sum(
        1 for n in range(1, (end - start).days + 1) if is_working_day(start + dt.timedelta(n))
    )


def parse_iso_date(text: str, what: str = "date") -> dt.date:
    """A user-typed ISO date, or an :class:`InputError` saying how to write it."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{what} {text!r} is not a date like 2024-11-20 (YYYY-MM-DD)") from None


def deadline_report(received: str, working_days: int = STATUTORY_WORKING_DAYS) -> Deadline:
    """``foi-audit deadline``: parse the typed date and compute the due date."""
    return due_date(parse_iso_date(received, "received date"), working_days)


def deadline_json(deadline: Deadline) -> dict[str, object]:
    return {
        "received": deadline.received.isoformat(),
        "due": deadline.due.isoformat(),
        "working_days": deadline.working_days,
        "rule": "Freedom of Information Act 2000 s10: working days following the day of receipt",
        "skipped": [
            {"date": s.date.isoformat(), "weekday": s.date.strftime("%A"), "reason": s.reason}
            for s in deadline.skipped
        ],
    }
