"""Request columns of trusts.csv: sent, replied, due, working days taken, timeliness."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from foi_audit.coding.codebook import load_codebook
from foi_audit.dataset.codes import read_codes
from foi_audit.dataset.layout import Layout
from foi_audit.fileio import csv_text, read_csv
from foi_audit.requests.asked import Asked, load_asked
from foi_audit.requests.dates import FoundDate, read_dates
from foi_audit.requests.timeliness import (
    REQUEST_COLUMNS,
    TIMELINESS_LABELS,
    TIMELINESS_VALUES,
    Timeliness,
    reply_date,
    request_columns,
    timeliness_counts,
    trust_request_row,
)

FIXTURES = Path(__file__).parent / "fixtures" / "requests"
TODAY = dt.date(2024, 12, 10)
CODES = ("RAE", "RA2", "RA3", "RA4", "RAJ", "RAL", "RA7", "RAN", "RA9")
NO_REPLY = "waiting_response"  # the built-in codebook's no-reply outcome


def _columns(
    layout: Layout, codes: tuple[str, ...], today: dt.date
) -> dict[str, dict[str, object]]:
    """request_columns from the files in ``layout`` (requests/ itself reads none of them)."""
    codebook = load_codebook()
    outcome = codebook.outcome_field
    assert outcome is not None and codebook.no_reply_value == NO_REPLY
    outcomes = {c.trust_code: c.value for c in read_codes(layout) if c.field == outcome.name}
    return request_columns(
        codes,
        load_asked(layout.asked_csv),
        outcomes,
        read_dates(layout.dates_csv),
        codebook.no_reply_value,
        today,
    )


@pytest.fixture
def layout(project: Path) -> Layout:
    layout = Layout.from_dirs(project / "raw")
    layout.processed.mkdir(parents=True)
    shutil.copy(FIXTURES / "asked.csv", layout.asked_csv)
    shutil.copy(FIXTURES / "dates.csv", layout.dates_csv)
    shutil.copy(FIXTURES / "codes.csv", layout.codes_csv)
    return layout


def test_request_columns_match_golden(layout: Layout) -> None:
    values = _columns(layout, CODES, TODAY)
    rows = [{"trust_code": code, **values[code]} for code in CODES]
    got = csv_text(("trust_code", *REQUEST_COLUMNS), rows)
    golden = FIXTURES / "expected_request_columns.csv"
    if os.environ.get("FOI_UPDATE_GOLDEN") == "1":
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_request_columns_cases(layout: Layout) -> None:
    v = _columns(layout, CODES, TODAY)
    assert (v["RAE"]["timeliness"], v["RAE"]["working_days_taken"]) == ("on_time", 17)
    assert v["RAE"]["due_date"] == "2024-12-03"
    assert "counted from the send date" in v["RAE"]["date_note"]
    # The email header beats the attachment's letter date, and the disagreement is flagged.
    assert (v["RA2"]["date_replied"], v["RA2"]["timeliness"]) == ("2024-12-05", "late")
    assert v["RA2"]["working_days_taken"] == 22
    assert "dates conflict" in v["RA2"]["date_note"] and "2024-11-20" in v["RA2"]["date_note"]
    # An acknowledgement is not a reply.
    assert (v["RA3"]["date_replied"], v["RA3"]["timeliness"]) == ("", "overdue")
    # Receipt date known: counted from it, not yet due.
    assert v["RA4"]["due_date"] == "2025-01-06" and v["RA4"]["timeliness"] == "awaiting"
    assert "send date" not in v["RA4"]["date_note"]
    # Replied, but no date: never guessed.
    assert v["RAJ"]["timeliness"] == "" and "no reply date found" in v["RAJ"]["date_note"]
    # Only a publication date, before the deadline: on time, days taken unknown.
    assert (v["RAL"]["timeliness"], v["RAL"]["working_days_taken"]) == ("on_time", "")
    # Not asked: a reply date but no deadline.
    assert v["RA7"]["date_replied"] == "2024-11-20" and v["RA7"]["due_date"] == ""
    assert v["RA7"]["timeliness"] == ""
    # A "reply" dated before the request was sent is quoted correspondence.
    assert v["RAN"]["date_replied"] == "" and "before the request was sent" in v["RAN"]["date_note"]
    # Two reply files: the later is the final reply.
    assert v["RA9"]["date_replied"] == "2024-12-02" and v["RA9"]["timeliness"] == "on_time"


def test_overdue_depends_on_today(layout: Layout) -> None:
    before = _columns(layout, ("RA3",), dt.date(2024, 12, 3))
    after = _columns(layout, ("RA3",), dt.date(2024, 12, 4))
    assert before["RA3"]["timeliness"] == "awaiting"
    assert after["RA3"]["timeliness"] == "overdue"
    assert "as of 2024-12-04" in after["RA3"]["date_note"]


def test_no_asked_csv_and_no_dates(project: Path) -> None:
    layout = Layout.from_dirs(project / "raw")
    layout.processed.mkdir(parents=True)
    shutil.copy(FIXTURES / "codes.csv", layout.codes_csv)
    values = _columns(layout, ("RAE",), TODAY)
    assert values["RAE"]["due_date"] == "" and values["RAE"]["timeliness"] == ""
    assert "not in asked.csv" in values["RAE"]["date_note"]


def _found(path: str, day: str, kind: str, role: str = "reply") -> FoundDate:
    return FoundDate(path, "RX1", day, kind, role, f"quote {day}", "page 1")


def test_reply_date_best_source_within_a_file() -> None:
    found = [
        _found("a.eml > letter.pdf", "2024-11-28", "letter_date"),
        _found("a.eml", "2024-11-29", "email_header"),
    ]
    reply = reply_date(found)
    assert reply is not None and reply.date == dt.date(2024, 11, 29)
    assert reply.conflict == ""  # one day apart: not a conflict


def test_reply_date_ignores_acknowledgements_and_early_dates() -> None:
    found = [
        _found("ack.eml", "2024-11-05", "email_header", role="acknowledgement"),
        _found("reply.pdf", "2024-10-01", "letter_date"),
    ]
    assert reply_date(found, not_before=dt.date(2024, 11, 4)) is None


def test_publication_date_later_than_response_date_is_not_a_conflict() -> None:
    found = [
        _found("log.html", "2024-11-26", "date_of_response"),
        _found("log.html", "2024-12-20", "published"),
    ]
    reply = reply_date(found)
    assert reply is not None and reply.date == dt.date(2024, 11, 26) and not reply.conflict
    assert not reply.upper_bound


def test_late_publication_only_is_unknown() -> None:
    asked = Asked("RX1", "2024-11-04")
    row = trust_request_row(
        asked, "successful", [_found("log.html", "2024-12-20", "published")], TODAY, NO_REPLY
    )
    assert row["date_replied"] == "2024-12-20" and row["timeliness"] == ""
    assert "publication date" in row["date_note"]


def test_blank_status_with_reply_document_counts_as_replied() -> None:
    row = trust_request_row(
        Asked("RX1", "2024-11-04"),
        "",
        [_found("r.pdf", "2024-11-12", "letter_date")],
        TODAY,
        NO_REPLY,
    )
    assert (row["timeliness"], row["working_days_taken"]) == ("on_time", 6)


def test_timeliness_counts() -> None:
    rows = [
        {"date_sent": "2024-11-04", "timeliness": "on_time"},
        {"date_sent": "2024-11-04", "timeliness": "on_time"},
        {"date_sent": "2024-11-04", "timeliness": "late"},
        {"date_sent": "2024-11-04", "timeliness": "overdue"},
        {"date_sent": "2024-11-04", "timeliness": ""},
        {"date_sent": "", "timeliness": ""},  # never asked: outside the denominator
    ]
    counts = timeliness_counts(rows)
    assert counts["asked"] == 5
    assert (counts["on_time"], counts["late"], counts["overdue"], counts["awaiting"]) == (
        2,
        1,
        1,
        0,
    )
    assert (counts["replied"], counts["not_replied"], counts[""]) == (3, 1, 1)
    assert set(TIMELINESS_VALUES) <= set(TIMELINESS_LABELS)
    assert tuple(t.value for t in Timeliness) == TIMELINESS_VALUES
    assert TIMELINESS_LABELS["late"] == Timeliness.LATE.label == "replied late"


def test_refresh_trusts_appends_request_columns(layout: Layout) -> None:
    from foi_audit.coding.codebook import load_codebook
    from foi_audit.dataset.trusts import refresh_trusts
    from foi_audit.register.trusts import load_register

    codebook = load_codebook()
    refresh_trusts(layout, load_register(), codebook)
    rows = read_csv(layout.trusts_csv)
    header = list(rows[0])
    assert header[-len(REQUEST_COLUMNS) :] == list(REQUEST_COLUMNS)
    by_code = {r["trust_code"]: r for r in rows}
    assert by_code["RAE"]["date_replied"] == "2024-11-27"
    assert by_code["RAE"]["due_date"] == "2024-12-03"


def test_an_implausible_reply_date_leaves_timeliness_blank_with_a_reason() -> None:
    from foi_audit.requests.asked import Asked
    from foi_audit.requests.dates import FoundDate

    found = [
        FoundDate("reply.pdf", "RA9", "2090-01-01", "letter_date", "reply", "1 Jan 2090", "p1")
    ]
    columns = request_columns(
        ["RA9"], [Asked("RA9", "2024-11-04")], {"RA9": "successful"}, found, NO_REPLY, TODAY
    )
    row = columns["RA9"]
    assert not row.get("timeliness")
    assert "more than ten years apart" in row["date_note"]
