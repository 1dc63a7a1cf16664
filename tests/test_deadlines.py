"""FOI Act s10 deadlines: 20 working days after receipt, bank holidays of any UK nation skipped."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_audit.errors import InputError
from foi_audit.requests.deadlines import (
    deadline_json,
    deadline_report,
    due_date,
    is_working_day,
    non_working_reason,
    working_days_between,
)

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # The worked examples.
        ("2024-12-20", "2025-01-23"),  # Christmas, Boxing Day, 1 Jan, Scotland's 2 Jan
        ("2025-07-01", "2025-07-30"),  # Battle of the Boyne (observed) Mon 14 July, NI
        ("2025-03-10", "2025-04-08"),  # St Patrick's Day Mon 17 March, NI
        ("2024-11-20", "2024-12-19"),  # St Andrew's Day (observed) Mon 2 Dec, Scotland
        # Our own.
        ("2025-04-10", "2025-05-13"),  # Good Friday, Easter Monday, early May bank holiday
        ("2024-11-04", "2024-12-03"),  # St Andrew's (observed) pushes it past 2 December
        ("2024-03-08", "2024-04-10"),  # St Patrick's (observed) 18 Mar, Good Friday, Easter Mon
        ("2027-01-01", "2027-02-01"),  # received on a holiday; Scotland's 4 Jan (observed)
        ("2024-07-05", "2024-08-06"),  # Boyne Fri 12 July; Scotland's summer holiday 5 Aug
    ],
)
def test_due_dates(received: str, due: str) -> None:
    assert due_date(D(received)).due == D(due)


def test_received_on_a_friday_counts_from_the_next_monday() -> None:
    assert due_date(D("2025-06-06"), working_days=1).due == D("2025-06-09")


def test_skipped_days_name_the_holiday_and_the_nation() -> None:
    skipped = {s.date.isoformat(): s.reason for s in due_date(D("2024-12-20")).skipped}
    assert "Christmas Day" in skipped["2024-12-25"] and "all of the UK" in skipped["2024-12-25"]
    assert "Scotland" in skipped["2025-01-02"] and "England" not in skipped["2025-01-02"]
    assert skipped["2024-12-21"] == "weekend (Saturday)"
    assert "2025-01-03" not in skipped  # an ordinary Friday: counted


@pytest.mark.parametrize(
    ("day", "nation"),
    [
        ("2025-01-02", "Scotland"),
        ("2025-12-01", "Scotland"),  # St Andrew's Day (observed)
        ("2026-03-17", "Northern Ireland"),
        ("2024-07-12", "Northern Ireland"),
        ("2022-09-19", "all of the UK"),  # one-off: the Queen's state funeral
        ("2022-12-27", "all of the UK"),  # Christmas Day (observed): a substitute day counts
        ("2023-08-07", "Scotland"),  # Scotland's summer bank holiday, first Monday of August
    ],
)
def test_holidays_of_any_uk_nation_are_not_working_days(day: str, nation: str) -> None:
    assert not is_working_day(D(day))
    assert nation in non_working_reason(D(day))


def test_ordinary_weekday_is_a_working_day() -> None:
    assert is_working_day(D("2024-11-05"))
    assert non_working_reason(D("2024-11-05")) == ""


def test_weekend_holiday_mentions_both() -> None:
    reason = non_working_reason(D("2022-12-25"))
    assert reason.startswith("weekend (Sunday)") and "Christmas Day" in reason


def test_working_days_between() -> None:
    assert working_days_between(D("2024-11-04"), D("2024-11-04")) == 0
    assert working_days_between(D("2024-11-04"), D("2024-12-03")) == 20
    assert working_days_between(D("2024-11-04"), D("2024-12-02")) == 19  # 2 Dec is a holiday
    assert working_days_between(D("2024-11-08"), D("2024-11-10")) == 0  # Fri to Sun
    assert working_days_between(D("2024-12-03"), D("2024-11-04")) == -20


def test_due_date_and_working_days_agree() -> None:
    for offset in range(0, 400, 7):
        start = D("2024-01-03") + dt.timedelta(days=offset)
        assert working_days_between(start, due_date(start).due) == 20


def test_report_rejects_a_bad_date() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        deadline_report("20/12/2024")


def test_json_shape() -> None:
    data = deadline_json(deadline_report("2025-03-10"))
    assert data["due"] == "2025-04-08"
    reasons = {d["date"]: d["reason"] for d in data["skipped"]}  # type: ignore[union-attr]
    assert "Saint Patrick" in reasons["2025-03-17"]
