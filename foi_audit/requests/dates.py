"""Reply dates found in each document, each with its source, so every date is traceable.

Sources, best first (:data:`KIND_RANK`):

- ``email_header``: the ``Date:`` header of an email (converted to UK local date);
- ``date_of_response``: an explicit label, "Date of response: ...", "Response date: ..." (letters
  and disclosure-log entries);
- ``letter_date``: "Date: 25 April 2024" or a date standing alone at the end of a line near
  the top of a letter ("25th April 2024", "25/04/2024", day first as in the UK);
- ``published``: a disclosure-log "Published:" date; the reply was on or before it.

Dates inside the quoted request or earlier correspondence ("On 4 November 2024 you wrote",
"Date received: ...", "your request dated ...") are not reply dates and are skipped. Each
document is also given a role: ``reply``, ``acknowledgement`` (its date is not a reply date)
or ``other`` (an attached policy: its dates are not looked at).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from foi_audit.coding.codebook import Codebook
from foi_audit.datetext import DATE_PATTERN as _DATE
from foi_audit.datetext import DATE_RE, date_from_match, parse_date
from foi_audit.fileio import read_csv, unneutralise_cell, write_csv
from foi_audit.records import BlockRole, Document, FileStatus

DATES_COLUMNS = ("path", "trust_code", "date", "kind", "role", "quote", "locator", "note")
KIND_RANK = {"email_header": 0, "date_of_response": 1, "letter_date": 2, "published": 3}


_LABEL_GAP = r"[ \t]*(?:[:\-\u2013|][ \t]*)?\s{0,4}"
_DATE_GROUP = "(?P<date>" + _DATE + ")"
_RESPONSE_LABEL = re.compile(
    r"(?i)(?:\b(?:date\s+of\s+(?:this\s+)?(?:response|reply)|(?:response|reply)\s+date"
    r"|date\s+(?:response\s+sent|of\s+disclosure)|(?:response|reply)\s+(?:sent|issued)(?:\s+on)?)"
    r"|(?:^|\n|\|)[ \t*]*(?:responded(?:\s+on)?|date\s+responded|date\s+closed|closed\s+date))"
    + _LABEL_GAP
    + _DATE_GROUP
)
# "Date: 3 December 2024" after a letterhead; never "Review date:" or "Date received:".
# The word before starts where its run of characters starts (a look-behind, not \b) and keeps
# every space after it ([ \t]++): otherwise each start inside a long run of characters, or each
# split of a long run of spaces between "[ \t]+" and "[ \t]*", would re-read the rest of it.
_DATE_LABEL = re.compile(
    r"(?i)(?P<before>(?<![\w.@'-])[\w.@'-]+[ \t]++|^|\n|\|)[ \t]*\b(?:letter\s+)?dated?\s*:\s*"
    + _DATE_GROUP
)
_OTHER_DATE_WORDS = {
    "review", "reviewed", "approval", "approved", "expiry", "publication", "published",
    "received", "receipt", "request", "requested", "effective", "issue", "issued", "start",
    "end", "due", "closing", "target", "birth", "next", "last", "version", "ratification",
    "implementation", "assessment", "original", "acknowledgement", "deadline", "completion",
    "response", "reply",
}  # fmt: skip
_PUBLISHED_LABEL = re.compile(
    r"(?i)\b(?:date\s+published|published(?:\s+on)?|publication\s+date|date\s+of\s+publication)"
    + _LABEL_GAP
    + _DATE_GROUP
)
LETTER_TOP_CHARS = 1500  # an unlabelled letter date must sit in the letterhead area
# An unlabelled date is about something else when the words just before it say so.
_PROSE_BEFORE = re.compile(
    r"(?i)(?:\b(?:on|of|by|to|in|at|the|and|or|as|than|dated|since|from|until|till|before|after"
    r"|between|received|wrote|made|sent|submitted|w/c|commencing|ending|is|was|be)\W*$)"
)
_OTHER_CONTEXT = re.compile(
    r"(?i)\b(?:received|receipt|request(?:ed)?|wrote|written|acknowledg\w*|due|deadline|"
    r"approv\w*|review\w*|publish\w*|effective|version|issued?|expir\w*|ratif\w*|valid|respond)\b"
)
_PROSE_AFTER = re.compile(r"(?i)^\W{0,3}(?:you|we|i|the trust|your|to|and|until)\b")
# Where quoted earlier correspondence starts in an email or letter: stop reading dates there.
_QUOTED_START = re.compile(
    r"(?im)^(?:-{2,}\s*original message\s*-{2,}|_{5,}\s*$|>|on .{5,80} wrote:\s*$|"
    r"from:\s.+\n\s*(?:sent|date):|your request was as follows|you (?:asked|wrote|requested):?\s*$)"
)
_ACK_SIGNALS = re.compile(
    r"(?i)\backnowledg(?:e|ement|ing)\b(?! of \d)|\bautomatic reply\b|\bauto-?reply\b|"
    r"\b(?:we|the trust|i) (?:will|shall|aim to|will aim to) (?:aim to )?(?:respond|reply|provide a response)\b|"
    r"\bhas been (?:received|logged)\b|\bwill be (?:dealt with|processed|handled)\b|"
    r"\blogged (?:under|with) (?:the )?reference\b"
)
_REPLY_SIGNALS = re.compile(
    r"(?i)\bplease (?:find|see) (?:attached|below|enclosed|our|the)\b|\bour (?:response|answers?|reply)\b|"
    r"\bresponse to (?:your|each|the)\b|\b(?:is|are) (?:given|set out|provided) (?:below|in)\b|"
    r"^\s*(?:response|answer|a|reply)\s*[:\-]|\bnot held\b|\brefus\w+\b|\bexempt\w*\b|"
    r"\bsection \d+\s*\(|\bwe (?:can|are able to) confirm\b|\bour answers\b"
)
_REQUEST_WORDS = re.compile(
    r"(?i)\byour\b[^.\n]{0,60}\brequest\b|\brequest for information\b|\bdisclosure log\b|"
    r"\bfreedom of information (?:act )?(?:2000 )?[-\u2013:]?\s*request\b|\bFOI (?:request|ref)"
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in one document, with the words and place it came from."""

    path: str
    trust_code: str
    date: str  # ISO
    kind: str  # key of KIND_RANK
    role: str  # reply | acknowledgement | other
    quote: str
    locator: str
    note: str = ""


def email_date(value: str) -> dt.date | None:
    """An RFC 5322 ``Date:`` header as the date in the UK when the email was sent."""
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return parse_date(value)
    if stamp.tzinfo is not None:
        # No time-zone database: the sender's own date is close enough.
        with contextlib.suppress(Exception):
            stamp = stamp.astimezone(ZoneInfo("Europe/London"))
    return stamp.date()


def document_role(document: Document) -> str:
    """``acknowledgement``, ``reply`` or ``other`` (an attached policy, a spreadsheet of data)."""
    text = _own_text(document)
    subject = document_header(document, "subject")
    replyish = bool(_REPLY_SIGNALS.search(text)) or bool(
        re.search(r"(?i)\b(?:response|reply)\b", subject)
        and not re.search(r"(?i)acknowledg|automatic", subject)
    )
    if re.search(r"(?i)acknowledg|automatic reply|auto-?reply|out of office", subject):
        return "reply" if _REPLY_SIGNALS.search(text) and _has_answers(text) else "acknowledgement"
    if _ACK_SIGNALS.search(text) and not replyish and _REQUEST_WORDS.search(text):
        return "acknowledgement"
    if replyish or _REQUEST_WORDS.search(text) or document_header(document, "date"):
        return "reply"
    # A file the trust sent is its reply unless it is an attachment that reads like none
    # (an attached policy or data sheet).
    return "other" if document.parent or " > " in document.path else "reply"


def _has_answers(text: str) -> bool:
    return len(re.findall(r"(?im)^\s*(?:response|answer|a)\s*[:\-]", text)) >= 2


def document_header(document: Document, name: str) -> str:
    for key, value in document.headers:
        if key.lower() == name.lower():
            return value
    return ""


def _own_text(document: Document) -> str:
    """The document's text up to any quoted earlier correspondence."""
    text = "\n".join(b.text for b in document.blocks)
    quoted = _QUOTED_START.search(text)
    return text[: quoted.start()] if quoted else text


def find_dates(document: Document, topic_words: frozenset[str] = frozenset()) -> list[FoundDate]:
    """Every candidate reply date in one document, best kinds first.

    ``topic_words`` (from the codebook) pick this request's entry in a disclosure log that
    lists several requests, each with its own date of response.
    """
    role = document_role(document)
    trust = document.match.trust_code
    found: list[FoundDate] = []

    def add(day: dt.date | None, kind: str, quote: str, locator: str, note: str = "") -> None:
        if day is None:
            return
        item = FoundDate(
            document.path, trust, day.isoformat(), kind, role, _squash(quote), locator, note
        )
        if item not in found:
            found.append(item)

    header = document_header(document, "date") or document_header(document, "sent")
    if header:
        add(email_date(header), "email_header", f"Date: {header}", "email header")
    text, offsets = _joined(document)
    quoted = _QUOTED_START.search(text)
    own = text[: quoted.start()] if quoted else text

    def add_match(match: re.Match[str], kind: str, note: str = "") -> None:
        add(date_from_match(match), kind, match.group(0), _locator(offsets, match.start()), note)

    responses = [m for m in _RESPONSE_LABEL.finditer(own) if date_from_match(m)]
    chosen, note = _pick_entry(own, responses, topic_words)
    for match in chosen:
        add_match(match, "date_of_response", note)
    published = [m for m in _PUBLISHED_LABEL.finditer(own) if date_from_match(m)]
    chosen, note = _pick_entry(own, published, topic_words)
    for match in chosen:
        add_match(match, "published", note or "publication date: the reply was on or before it")
    if role == "other" or len(responses) > 1 or len(published) > 1:
        # A policy's dates are not reply dates; in a log of many requests, bare dates belong
        # to other entries.
        found.sort(key=lambda f: KIND_RANK[f.kind])
        return found
    labelled: list[tuple[int, int]] = []
    for match in _DATE_LABEL.finditer(own):
        labelled.append(match.span("date"))
        word = re.sub(r"\W", "", match.group("before")).lower()
        if word not in _OTHER_DATE_WORDS:
            add_match(match, "letter_date")
    taken = labelled + [m.span("date") for m in (*responses, *published)]
    for match in DATE_RE.finditer(own[:LETTER_TOP_CHARS]):
        if any(a <= match.start() < b for a, b in taken):
            continue
        line_start = own.rfind("\n", 0, match.start()) + 1
        before = own[line_start : match.start()]
        sentence = re.split(r"[.?!]\s", before)[-1][-60:]
        after = own[match.end() : match.end() + 20]
        if _PROSE_BEFORE.search(before) or _OTHER_CONTEXT.search(sentence):
            continue
        if _PROSE_AFTER.search(after):
            continue
        quote = (before[-40:] + match.group(0)).strip()
        add(date_from_match(match), "letter_date", quote, _locator(offsets, match.start()))
    found.sort(key=lambda f: KIND_RANK[f.kind])
    return found


def _pick_entry(
    text: str, matches: list[re.Match[str]], topic_words: frozenset[str]
) -> tuple[list[re.Match[str]], str]:
    """In a log of several requests, the entry about this request (by its words), or all."""
    if len({m.group("date") for m in matches}) <= 1:
        return matches[:1], ""
    # Each entry runs from the line before its date label (usually its title) to the line
    # before the next entry's label.
    starts = []
    for match in matches:
        label_line = text.rfind("\n", 0, match.start()) + 1
        starts.append(text.rfind("\n", 0, max(label_line - 1, 0)) + 1)
    scores = []
    for number, begin in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        words = set(re.findall(r"[a-z]{4,}", text[begin:end].lower()))
        scores.append(len(words & topic_words))
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        winner = matches[scores.index(best)]
        return [
            winner
        ], f"one of {len(matches)} dated entries; chosen as the one about this request"
    return matches, f"one of {len(matches)} dated entries; could not tell which is this request"


def _joined(document: Document) -> tuple[str, list[tuple[int, str]]]:
    """The blocks' text joined by newlines, and where each block starts (for locators)."""
    parts: list[str] = []
    offsets: list[tuple[int, str]] = []
    position = 0
    for block in document.blocks:
        if block.role is BlockRole.EMAIL_HEADER:
            continue  # the Date header is read from the headers, with the best rank
        offsets.append((position, block.locator))
        parts.append(block.text)
        position += len(block.text) + 1
    return "\n".join(parts), offsets


def _locator(offsets: list[tuple[int, str]], position: int) -> str:
    found = ""
    for start, locator in offsets:
        if start > position:
            break
        found = locator
    return found


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" |*")


def topic_words(codebook: Codebook) -> frozenset[str]:
    """Content words of the study's codebook (labels and definitions), to spot its entry."""
    text = " ".join(f"{f.name} {f.label} {f.definition}" for f in codebook.fields)
    common = {
        "trust", "trusts", "does", "have", "with", "from", "that", "this", "their", "there",
        "which", "what", "when", "whole", "reply", "replies", "state", "value", "values",
        "name", "first", "written", "only", "both", "staff", "provide", "provided", "response",
        "status", "outcome", "request", "sorted", "joined", "relies", "refuse", "withhold",
    }  # fmt: skip
    return frozenset(w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in common)


def date_rows(
    documents: Iterable[Document], find: Callable[[Document], list[FoundDate]]
) -> list[FoundDate]:
    """Dates of every matched, readable document (duplicates were read once: skip them);
    ``find`` gives one document's dates (``find_dates`` with the codebook's topic words, or
    ingest's cache of them)."""
    rows: list[FoundDate] = []
    for document in documents:
        if document.status is FileStatus.OK and document.match.trust_code:
            rows.extend(find(document))
    return rows


def to_row(found: FoundDate) -> dict[str, str]:
    """One dates.csv row."""
    return {column: getattr(found, column) for column in DATES_COLUMNS}


def from_row(row: dict[str, str]) -> FoundDate | None:
    """One dates.csv row; ``None`` for a row that holds no usable date (edited by hand)."""
    if row.get("kind") not in KIND_RANK or not row.get("date"):
        return None
    return FoundDate(
        path=row["path"],
        trust_code=row["trust_code"],
        date=row["date"],
        kind=row["kind"],
        role=row["role"],
        quote=unneutralise_cell(row["quote"]),
        locator=row["locator"],
        note=row.get("note", ""),
    )


def write_dates(path: Path, documents: Sequence[Document], codebook: Codebook) -> list[FoundDate]:
    """``processed/dates.csv``: one row per date found, with its quote and locator."""
    words = topic_words(codebook)
    rows = date_rows(documents, lambda document: find_dates(document, words))
    write_csv(path, DATES_COLUMNS, (to_row(row) for row in rows))
    return rows


def read_dates(path: Path) -> list[FoundDate]:
    """dates.csv as written by ingest; empty when ingest has not written one."""
    if not path.exists():
        return []
    return [found for row in read_csv(path) if (found := from_row(row)) is not None]
