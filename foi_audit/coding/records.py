"""The engine's own records, passed from stage to stage: lines, segments, sentences, readings, decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from foi_audit.records import (
    Document,
    FlagReason,
)


@dataclass(frozen=True)
class Line:
    text: str
    locator: str
    block: int
    cell: str = ""  # in a table row: label | question | answer ("" outside tables)
    title: bool = False  # a heading or a page's title: it may restate a question, never answer


@dataclass
class Segment:
    question: str  # question id, "" for text outside any answer (preamble, closing)
    label: str = ""
    quoted: bool = False
    lines: list[Line] = field(default_factory=list)
    restated: bool = False  # opened by the question's own words (not a bare "3." label)
    also: str = ""  # a second question the same cell restates ("Mandatory or optional / SH module")
    section: bool = False  # a letter's own numbered section, not one of the request's questions


@dataclass(frozen=True)
class Sentence:
    text: str
    locator: str
    question: str
    start: bool  # first sentence of an answer: patterns anchored with ^ look only here
    via_reference: bool = False
    opens_block: bool = False  # first sentence of a block (a paragraph of its own in the source)
    in_passing: bool = False  # also read under another question, whose topic it names first
    written: dt.date | None = None  # the day its letter or message was sent, when it says


@dataclass
class Reading:
    """One document, read: its answers per question and its other text."""

    document: Document
    kind: str  # reply | acknowledgement | supporting | empty | withdrawn (by a later one)
    answers: dict[str, list[Sentence]]
    general: list[Sentence]
    quoted_questions: int = 0
    asked: frozenset[str] = frozenset()  # questions restated (not quoted) in this reply
    several_requests: bool = False  # the page lists other requests too (a disclosure log)
    other: list[Sentence] = field(default_factory=list)  # answers to questions not ours
    revises: bool = False  # revises an earlier reply (an internal review's outcome, a correction)
    # sections it sets aside, read before its paragraphs were placed under their questions
    set_aside: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Decision:
    value: str
    rule: str
    quote: str = ""
    locator: str = ""
    confidence: float = 0.0
    flags: tuple[FlagReason, ...] = ()  # why a person should look, if they should
    had_text: bool = False  # the answer had text but no rule matched
    addressed: bool = False  # the field's own question has answer text (coded or not)
    question: str = ""  # the question whose answer decided it
    status: str = ""  # that answer's status as read (answered, not_held, withheld ...)
    summary: bool = False  # the quote is the engine's own words, not the reply's
