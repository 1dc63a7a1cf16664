"""The request side: who was asked, reply dates, statutory deadlines and timeliness.

For each trust in trusts.csv: when the request was sent (and received, if known) from
``data/raw/asked.csv``, when the trust replied (the date of its final reply document, from
``processed/dates.csv``), the statutory due date (FOI Act s10, :mod:`foi_audit.requests.deadlines`),
the working days taken, and ``timeliness`` (:class:`Timeliness`):

- ``on_time``: replied on or before the due date;
- ``late``: replied after it;
- ``overdue``: no reply and the due date has passed;
- ``awaiting``: no reply and not yet due;
- blank: cannot say (no send date, or a reply whose date is not in the documents); ``date_note``
  says why. A blank is never guessed into a category.

Whether a trust replied comes from its coded outcome (the codebook's outcome field, with human
overrides): the codebook's no-reply value means no reply, even when it sent an acknowledgement.

Pure: the caller reads asked.csv, dates.csv and the codes and passes them in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from foi_audit.errors import InputError
from foi_audit.requests.asked import Asked
from foi_audit.requests.dates import KIND_RANK, FoundDate
from foi_audit.requests.deadlines import due_date, working_days_between

REQUEST_COLUMNS = (
    "date_sent", "date_received", "date_replied", "working_days_taken", "due_date",
    "timeliness", "date_note",
)  # fmt: skip
TIMELINESS_COLUMN = "timeliness"


class Timeliness(StrEnum):
    """Whether a reply came within the statutory deadline (blank when it cannot be known)."""

    ON_TIME = "on_time"
    LATE = "late"
    OVERDUE = "overdue"
    AWAITING = "awaiting"

    @property
    def label(self) -> str:
        """Plain words, the end of a sentence starting "20 of 207 trusts"."""
        return _LABELS[self]


_LABELS = {
    Timeliness.ON_TIME: "replied on time",
    Timeliness.LATE: "replied late",
    Timeliness.OVERDUE: "had not replied, past the deadline",
    Timeliness.AWAITING: "had not replied, not yet due",
}
TIMELINESS_VALUES = tuple(t.value for t in Timeliness)
# Plain words for each value, for summaries and reports (the same phrasing everywhere).
TIMELINESS_LABELS = {t.value: t.label for t in Timeliness} | {"": "timeliness unknown"}
CONFLICT_DAYS = 3  # sources for one reply further apart than this are flagged


@dataclass(frozen=True)
class ReplyDate:
    """The date a trust replied, the evidence for it, and any disagreement among sources."""

    date: dt.date
    source: FoundDate
    upper_bound: bool = False  # only a disclosure-log publication date: replied on or before
    conflict: str = ""


def reply_date(found: Iterable[FoundDate], not_before: dt.date | None = None) -> ReplyDate | None:
    """The date of the trust's final reply from every date found in its documents.

    Acknowledgements and dates before the request was sent (quoted correspondence) are not
    replies. Within one file and its attachments the best source wins (email header >
    "Date of response" > letter date > publication date); across files the latest reply is
    the final one. Sources more than :data:`CONFLICT_DAYS` apart are reported.
    """
    by_file: dict[str, list[tuple[dt.date, FoundDate]]] = {}
    for item in found:
        day = dt.date.fromisoformat(item.date)
        if item.role != "reply" or (not_before and day < not_before):
            continue
        by_file.setdefault(item.path.split(" > ")[0], []).append((day, item))
    if not by_file:
        return None
    per_file: list[tuple[dt.date, FoundDate, list[str]]] = []
    for items in by_file.values():
        items.sort(key=lambda pair: (KIND_RANK[pair[1].kind], -pair[0].toordinal()))
        best_day, best = items[0]
        disagree = [
            _describe(item)
            for day, item in items[1:]
            if abs((day - best_day).days) > CONFLICT_DAYS
            and not (item.kind == "published" and day >= best_day)
        ]
        per_file.append((best_day, best, disagree))
    per_file.sort(key=lambda entry: (entry[0], -KIND_RANK[entry[1].kind]))
    final_day, final, disagree = per_file[-1]
    earlier = [
        _describe(item) for day, item, _ in per_file[:-1] if (final_day - day).days > CONFLICT_DAYS
    ]
    notes = []
    if disagree:
        notes.append(f"used {_describe(final)}; also found {', '.join(disagree)}")
    if earlier:
        notes.append(f"final reply {_describe(final)}; earlier replies {', '.join(earlier)}")
    return ReplyDate(
        date=final_day,
        source=final,
        upper_bound=final.kind == "published",
        conflict="; ".join(notes),
    )


def _describe(item: FoundDate) -> str:
    where = f"{item.path}, {item.locator}" if item.locator else item.path
    return f"{item.date} ({item.kind.replace('_', ' ')}, {where})"


def trust_request_row(
    asked: Asked | None,
    outcome: str,
    found: Sequence[FoundDate],
    today: dt.date,
    no_reply_value: str,
) -> dict[str, Any]:
    """The request columns for one trust (pure: everything it needs is passed in).

    ``outcome`` is the trust's coded outcome ("" when none was coded); ``no_reply_value`` the
    codebook's outcome value for a trust that sent no reply.
    """
    row: dict[str, Any] = dict.fromkeys(REQUEST_COLUMNS, "")
    notes: list[str] = []
    start: dt.date | None = None
    due: dt.date | None = None
    sent: dt.date | None = None
    if asked is None:
        notes.append("not in asked.csv: no send date, so no deadline")
    else:
        row["date_sent"], row["date_received"] = asked.date_sent, asked.date_received
        sent = dt.date.fromisoformat(asked.date_sent) if asked.date_sent else None
        if asked.date_received:
            start = dt.date.fromisoformat(asked.date_received)
        elif sent:
            start = sent
            notes.append("counted from the send date (no receipt date)")
        else:
            notes.append("asked.csv has no date_sent for this trust, so no deadline")
    if start:
        due = due_date(start).due
        row["due_date"] = due.isoformat()

    replied = (not outcome or outcome != no_reply_value) and (
        bool(outcome) or any(f.role == "reply" for f in found)
    )
    reply = reply_date(found, not_before=sent) if replied else None
    if not replied:
        if not outcome:
            notes.append("no outcome coded and no reply date found: check by hand")
        elif due:
            row["timeliness"] = Timeliness.OVERDUE if today > due else Timeliness.AWAITING
            notes.append(f"no reply as of {today.isoformat()}")
    elif reply is None:
        earlier = [f for f in found if f.role == "reply" and sent and f.date < sent.isoformat()]
        if earlier:
            notes.append(
                "reply dates found are before the request was sent "
                f"({', '.join(sorted({f.date for f in earlier}))}): check the documents"
            )
        else:
            notes.append("replied, but no reply date found in the documents: check by hand")
    else:
        row["date_replied"] = reply.date.isoformat()
        if reply.conflict:
            notes.append(f"dates conflict: {reply.conflict}")
        if reply.upper_bound:
            notes.append(
                "reply date not stated; this is the disclosure-log publication date "
                "(the reply was on or before it)"
            )
        if start and due:
            if reply.upper_bound:
                if reply.date <= due:
                    row["timeliness"] = Timeliness.ON_TIME
            else:
                try:
                    row["working_days_taken"] = working_days_between(start, reply.date)
                except InputError as exc:
                    # One trust's implausible dates leave its timeliness blank, with the reason;
                    # they never stop the batch.
                    notes.append(str(exc))
                else:
                    row["timeliness"] = Timeliness.ON_TIME if reply.date <= due else Timeliness.LATE
    row["date_note"] = "; ".join(notes)
    return row


def request_columns(
    trust_codes: Sequence[str],
    asked: Sequence[Asked] | None,
    outcomes: Mapping[str, str],
    found: Iterable[FoundDate],
    no_reply_value: str,
    today: dt.date | None = None,
) -> dict[str, dict[str, Any]]:
    """The request columns (:data:`REQUEST_COLUMNS`, after the coded ones in trusts.csv) per
    trust, from asked.csv's rows (``None``: no asked.csv), each trust's coded outcome and the
    dates found in its documents."""
    today = today or dt.date.today()
    by_code = {a.trust_code: a for a in asked or []}
    by_trust: dict[str, list[FoundDate]] = {}
    for item in found:
        by_trust.setdefault(item.trust_code, []).append(item)
    return {
        code: trust_request_row(
            by_code.get(code), outcomes.get(code, ""), by_trust.get(code, []), today, no_reply_value
        )
        for code in trust_codes
    }


def timeliness_counts(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many trusts fall in each timeliness value ("" = unknown), for the summary.

    Also ``asked`` (trusts with a send date: the denominator), ``replied`` (on_time + late)
    and ``not_replied`` (overdue + awaiting). Rows of trusts never asked are not counted.
    """
    counts = Counter(
        str(row.get("timeliness") or "") for row in rows if str(row.get("date_sent") or "")
    )
    result = {value: counts.get(value, 0) for value in (*TIMELINESS_VALUES, "")}
    result["asked"] = sum(counts.values())
    result["replied"] = result[Timeliness.ON_TIME] + result[Timeliness.LATE]
    result["not_replied"] = result[Timeliness.OVERDUE] + result[Timeliness.AWAITING]
    return result
