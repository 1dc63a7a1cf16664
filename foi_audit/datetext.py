"""UK dates written in text ("25th April 2024", "Fri, 15 Nov 2024", "25/04/2024", day first),
read the same way wherever they stand: a reply's date, or when a printed e-mail was sent."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)"
# a month's or a day's name standing alone: "in January", "on Mondays"
MONTH_OR_DAY = re.compile(
    rf"^(?:{_MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\.?$", re.IGNORECASE
)
DATE_PATTERN = (
    rf"{_WEEKDAY}?(?:"
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})[/.\-](?P<m3>\d{1,2})[/.\-](?P<y3>\d{4}|\d{2})(?![\d/.\-])"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    r")"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)


# FOI came into force in 2005; a year far outside this is a reference number or an OCR slip.
_PLAUSIBLE_YEARS = (2000, 2099)


def parse_date(text: str) -> dt.date | None:
    """The first UK-style date in ``text`` ("25th April 2024", "25/04/2024" day first...)."""
    match = DATE_RE.search(text)
    return date_from_match(match) if match else None


# a month of a year, a day before it or not: "April 2024", "1st of April 2024"
MONTH_YEAR = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{_MONTH})\.?,?\s+(?P<year>20\d\d)\b"
)


def year_and_month(match: re.Match[str]) -> tuple[int, int]:
    """The (year, month) a match of :data:`MONTH_YEAR` names."""
    return int(match["year"]), _MONTHS[match["month"][:3].lower()]


# a day and month with no year after them ("our email of 25 November", "of 3rd Dec")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b\.?", re.IGNORECASE
)


def day_and_month(text: str) -> tuple[int, int] | None:
    """The first day and month ``text`` names, year or not ("25 November" -> (25, 11))."""
    found = _DAY_MONTH.search(text)
    return (int(found[1]), _MONTHS[found[2][:3].lower()]) if found else None


def date_from_match(match: re.Match[str]) -> dt.date | None:
    """The date a :data:`DATE_RE` match names, None when it names none (a reference)."""
    groups = match.groupdict()
    for n in "1234":
        day, month, year = groups.get(f"d{n}"), groups.get(f"m{n}"), groups.get(f"y{n}")
        if not (day and month and year):
            continue
        month_number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
        full_year = int(year) + 2000 if len(year) == 2 else int(year)
        if not _PLAUSIBLE_YEARS[0] <= full_year <= _PLAUSIBLE_YEARS[1]:
            return None  # "Our ref: 24/11/8894" is a reference, not a date
        try:
            return dt.date(full_year, month_number or 0, int(day))
        except ValueError:
            return None
    return None
