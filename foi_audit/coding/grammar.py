"""The generic grammar of FOI replies (grammar.toml) as typed records, and the TOML reading that
refuses unknown keys, shared with the codebook: every study adds its own words to these tables."""

from __future__ import annotations

import difflib
import hashlib
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from foi_audit.errors import CodebookError


@dataclass(frozen=True)
class DocumentGrammar:
    """Patterns that tell a reply's parts apart (generic, from grammar.toml, with the study's
    own additions from the codebook's [document] table)."""

    acknowledgement: tuple[str, ...] = ()
    clarification: tuple[str, ...] = ()  # a request for clarification: no reply yet
    away: tuple[str, ...] = ()  # an out-of-office reply: whatever it says answers nothing
    reply_cues: tuple[str, ...] = ()
    reply_attached: tuple[str, ...] = ()  # a covering message calling its attachment the reply
    own_document: tuple[str, ...] = ()  # a policy's own front matter: saved beside the reply
    answers_attached: tuple[str, ...] = ()  # an answer pointing at an appendix for the rest
    quoted_request_start: tuple[str, ...] = ()
    request_paragraph: tuple[str, ...] = ()  # a paragraph that opens with the request's words
    request_subject: tuple[str, ...] = ()  # a log entry's subject line: the request's, alone
    request_in_brief: tuple[str, ...] = ()  # the request listed in a sentence: that paragraph
    redaction_note: tuple[str, ...] = ()  # a footer saying what was redacted, and why
    answer_section_start: tuple[str, ...] = ()
    quoted_mail_start: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    valediction: tuple[str, ...] = ()  # a letter's sign-off: what follows is its signature
    entry_heading: tuple[str, ...] = ()
    entry_reference: tuple[str, ...] = ()
    relevance: tuple[str, ...] = ()  # words that make a log entry relevant to the study
    attachment_title: tuple[str, ...] = ()
    attachment_evidence: tuple[str, str] | None = None  # (field, value) a titled attachment gives
    hypothetical: tuple[str, ...] = ()
    restated_request: tuple[str, ...] = ()
    section_pattern: str = ""
    not_exemption: tuple[str, ...] = ()
    revision: tuple[str, ...] = ()  # a reply that revises an earlier one (an internal review)
    # a newer message withdrawing the earlier one it quotes ("please disregard our email of
    # 17 December"): the quoted history answers nothing
    earlier_withdrawn: tuple[str, ...] = ()
    # an answer given "outside the Act, as a courtesy" after a formal "not held" or "no record":
    # what follows it is the answer
    courtesy: tuple[str, ...] = ()
    # an answer saying its writer holds the post ("Yes - myself.", "I am the Trust's executive
    # lead"): the letter's signature names them
    signatory: tuple[str, ...] = ()
    signature_start: tuple[str, ...] = ()  # where a letter's signature starts ("Yours sincerely")
    set_aside: tuple[str, ...] = ()  # a section a revision no longer relies on (group 1: number)
    set_aside_all: tuple[str, ...] = ()  # a revision relying on none of the sections it names
    # a revision's decision reversed, under a heading naming the section ("I have overturned
    # the original decision")
    decision_overturned: tuple[str, ...] = ()
    # a revision keeping the earlier decision ("I uphold the exemption"): that part unchanged
    decision_upheld: tuple[str, ...] = ()
    # a paragraph turning to its topic ("On chaperoning:", "Regarding body-worn cameras,"):
    # group "topic" names what it is about
    topic_turn: tuple[str, ...] = ()
    # words of the whole request, not one question ("the information requested", "1(1)(a)")
    whole_request: tuple[str, ...] = ()
    cost_limit: tuple[str, ...] = ()  # the cost limit's words: section 12 by its content
    # "Our response to each of your questions is given below": unnumbered answers follow,
    # one paragraph per question in the request's order
    answers_in_turn: tuple[str, ...] = ()
    spelling: tuple[str, ...] = ()  # words whose one-slip misspellings are read as them


@dataclass(frozen=True)
class ReadingGrammar:
    """How any answer is read (grammar.toml [reading]): negation, yes/no, status, modality."""

    negators: tuple[str, ...] = ()
    # words after which, in the same clause, a concept is only supposed ("considered making
    # it mandatory"), neither said nor denied
    supposing: tuple[str, ...] = ()
    not_negating: tuple[str, ...] = ()
    clause_breaks: tuple[str, ...] = ()
    modal_breaks: tuple[str, ...] = ()  # where a considering clause is read apart
    developing_breaks: tuple[str, ...] = ()  # where a clause in development is read apart
    answer_label: tuple[str, ...] = ()
    own_units: tuple[str, ...] = ()
    unticked: tuple[str, ...] = ()  # a form's option whose box is left empty, with its label
    unticked_after: tuple[str, ...] = ()  # the same where each box follows its label
    earlier_position: tuple[str, ...] = ()  # "At the time of your request ..."
    since_changed: tuple[str, ...] = ()  # "Since then ...": the position has changed
    yes_answer: tuple[str, ...] = ()
    no_answer: tuple[str, ...] = ()
    not_held: tuple[str, ...] = ()
    withheld: tuple[str, ...] = ()
    deferred: tuple[str, ...] = ()
    refers: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()
    developing: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()
    hypothetical: tuple[str, ...] = ()
    ceased: tuple[str, ...] = ()
    halted: tuple[str, ...] = ()  # work on what is being drafted stopped: ceased, not developing
    resumed: tuple[str, ...] = ()  # ... then started again: developing after all
    ended_too: tuple[str, ...] = ()  # "..., but was discontinued": the clause before ended too
    told_in_past: tuple[str, ...] = ()  # a clause told in the past tense only
    pending_too: tuple[str, ...] = ()  # "... and will be ratified": the clause before is pending
    given_up: tuple[str, ...] = ()  # a draft given up, said in a later sentence
    takes_back_previous: tuple[str, ...] = ()  # "Please disregard the previous sentence"
    takes_back_above: tuple[str, ...] = ()  # "CORRECTION - the above is incorrect"
    corrects: tuple[str, ...] = ()  # a correction of unclear reach ("Sorry, correction to Q4 -")
    # an abbreviation read as the word its one named group names: "(?P<mandatory>mand)"
    shorthand: tuple[str, ...] = ()
    # a short topic with its answer after it ("SH module - no"): groups topic and answer
    answer_after_topic: tuple[str, ...] = ()
    ocr_harmless: tuple[str, ...] = ()  # words whose OCR doubt doubts no value (not regexes)


@dataclass(frozen=True)
class PeopleGrammar:
    """Words of names, job titles and organisations (grammar.toml [people])."""

    honorifics: tuple[str, ...] = ()
    title_heads: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()
    title_acronyms: tuple[str, ...] = ()  # "CNO", "DoN": a whole title, in its own case
    title_joiners: tuple[str, ...] = ()
    generic_title: tuple[str, ...] = ()  # a "title" made only of these is a topic label
    title_modifiers: tuple[str, ...] = ()  # words after which any capitalised word continues
    title_stops: tuple[str, ...] = ()  # words a title never runs on into
    org_breakers: tuple[str, ...] = ()  # words that end an organisation's name
    org_labels: tuple[str, ...] = ()  # label words dropped from the front of an organisation
    org_self: tuple[str, ...] = ()  # "The Group", "the Service": the writer, never a provider
    provider_subject: tuple[str, ...] = ()  # an organisation as the subject of delivering
    not_name: tuple[str, ...] = ()
    address_surnames: tuple[str, ...] = ()  # "Lane", "Hill": a family name, or a street's
    name_particles: tuple[str, ...] = ()  # "ap", "de", "van": small words inside a name
    org_suffixes: tuple[str, ...] = ()
    org_words: tuple[str, ...] = ()
    org_not_last: tuple[str, ...] = ()  # "... Training Day": a course or event, not a company
    withheld: tuple[str, ...] = ()
    provider_intro: tuple[str, ...] = ()
    national_bodies: tuple[str, ...] = ()  # national NHS bodies that publish courses
    national_author: tuple[str, ...] = ()  # one of them named as a course's author: {body}
    holder_intro: tuple[str, ...] = ()  # words before a name that hold a post named before it
    supporter_intro: tuple[str, ...] = ()  # words before someone who supports or deputises
    not_holder_after: tuple[str, ...] = ()  # words after someone who held or gave the post
    shared_post: tuple[str, ...] = ()  # words saying a post is held by two people at once
    holder_attached: tuple[str, ...] = ()  # the holder's name left to another document
    executive_post: tuple[str, ...] = ()  # a post on a board's executive ("Chief Nurse")
    secondary_lead: tuple[str, ...] = ()  # "deputy lead", "operational lead": not the lead


@dataclass(frozen=True)
class Likeness:
    """How restated questions are compared with the request's (grammar.toml [likeness])."""

    stopwords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """Shared pattern pieces ({person}, {role}, {org}) and word lists for names."""

    pieces: tuple[tuple[str, str], ...] = ()
    not_person: tuple[str, ...] = ()
    not_org: tuple[str, ...] = ()
    not_org_words: tuple[str, ...] = ()
    generic_org: tuple[str, ...] = ()


def read_toml(path: Path, what: str) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CodebookError(f"{path} does not exist: pass a {what} TOML file") from None
    except OSError as exc:
        raise CodebookError(f"cannot read {path} ({exc.strerror}): check the path") from None
    try:
        return tomllib.loads(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CodebookError(f"{path} is not valid TOML ({exc}); fix the line it names") from exc


def did_you_mean(name: str, choices: Sequence[str]) -> str:
    """ " (did you mean 'x'?)" for the choice nearest a misspelt name, or ""."""
    close = difflib.get_close_matches(name, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class Table:
    """One TOML table read key by key; keys never asked for are refused as unknown."""

    def __init__(self, data: Any, where: str, allowed: Sequence[str]) -> None:
        if not isinstance(data, Mapping):
            raise CodebookError(f"{where} must be a table")
        unknown = [key for key in data if key not in allowed]
        if unknown:
            key = unknown[0]
            hint = did_you_mean(key, allowed) or f"; allowed: {', '.join(allowed)}"
            raise CodebookError(f"{where}: unknown key {key!r}{hint}")
        self.data = data
        self.where = where

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str):
            raise CodebookError(f"{self.where}: {key} must be text")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CodebookError(f"{self.where}: {key} must be a list of text")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            raise CodebookError(f"{self.where}: {key} must be true or false")
        return value

    def reason(self, key: str, when_true: StrEnum) -> str:
        """A flag's reason: ``true`` for ``when_true``, or the name of another of its kind."""
        value = self.data.get(key, False)
        if isinstance(value, bool):
            return when_true.value if value else ""
        allowed = [reason.value for reason in type(when_true)]
        if value not in allowed:
            raise CodebookError(
                f"{self.where}: {key} {value!r} is not true, false or one of {', '.join(allowed)}"
            )
        return str(value)

    def number(self, key: str, default: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CodebookError(f"{self.where}: {key} must be a number")
        return float(value)

    def tables(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise CodebookError(f"{self.where}: {key} must be a list of tables ([[{key}]])")
        return value

    def mapping(self, key: str) -> dict[str, str]:
        value = self.data.get(key, {})
        if not isinstance(value, Mapping):
            raise CodebookError(f"{self.where}: {key} must be a table")
        return {str(k): str(v) for k, v in value.items()}


PEOPLE_KEYS = tuple(PeopleGrammar.__dataclass_fields__)
READING_KEYS = tuple(ReadingGrammar.__dataclass_fields__)
DOCUMENT_KEYS = tuple(DocumentGrammar.__dataclass_fields__)
_PATTERN_KEYS = ("not_person", "not_org", "not_org_words", "generic_org")


def reading_grammar(grammar: Table, top: Table, source: str) -> ReadingGrammar:
    base = Table(grammar.data.get("reading", {}), "grammar.toml [reading]", READING_KEYS)
    own = Table(top.data.get("reading", {}), f"{source}: [reading]", READING_KEYS)
    return ReadingGrammar(**{key: base.texts(key) + own.texts(key) for key in READING_KEYS})


def people_grammar(grammar: Table, top: Table, source: str) -> PeopleGrammar:
    base = Table(grammar.data.get("people", {}), "grammar.toml [people]", PEOPLE_KEYS)
    own = Table(top.data.get("people", {}), f"{source}: [people]", PEOPLE_KEYS)
    return PeopleGrammar(**{key: base.texts(key) + own.texts(key) for key in PEOPLE_KEYS})


def document_grammar(grammar: Table, top: Table, source: str) -> DocumentGrammar:
    base = Table(grammar.data.get("document", {}), "grammar.toml [document]", DOCUMENT_KEYS)
    own = Table(top.data.get("document", {}), f"{source}: [document]", DOCUMENT_KEYS)
    values: dict[str, Any] = {}
    for key in DOCUMENT_KEYS:
        if key == "section_pattern":
            values[key] = own.text(key) or base.text(key)
        elif key == "attachment_evidence":
            evidence = own.mapping(key) or base.mapping(key)
            values[key] = (evidence["field"], evidence["value"]) if evidence else None
        else:
            values[key] = base.texts(key) + own.texts(key)
    for word in values["spelling"]:
        if not re.fullmatch(r"[a-z]{6,}", word):
            raise CodebookError(
                f"{source}: [document].spelling holds {word!r}; list whole words in lower case, "
                "six letters or more (a shorter word's slips are other words)"
            )
    return DocumentGrammar(**values)


def lexicon_grammar(grammar: Table, top: Table, source: str) -> Lexicon:
    base = grammar.data.get("patterns", {})
    own = top.data.get("patterns", {})
    if not isinstance(base, Mapping) or not isinstance(own, Mapping):
        raise CodebookError(f"{source}: [patterns] must be a table")
    pieces = {k: v for k, v in base.items() if isinstance(v, str)}
    pieces.update({k: v for k, v in own.items() if isinstance(v, str)})
    lists: dict[str, tuple[str, ...]] = {}
    for where, table in (("grammar.toml [patterns]", base), (f"{source}: [patterns]", own)):
        for key, value in table.items():
            if isinstance(value, str):
                continue
            if key not in _PATTERN_KEYS:
                raise CodebookError(
                    f"{where}: unknown list {key!r}; allowed: {', '.join(_PATTERN_KEYS)}"
                )
            if not isinstance(value, list):
                raise CodebookError(f"{where}: {key} must be a list of text")
            lists[key] = lists.get(key, ()) + tuple(str(v) for v in value)
    return Lexicon(
        pieces=tuple(sorted(pieces.items())),
        not_person=lists.get("not_person", ()),
        not_org=lists.get("not_org", ()),
        not_org_words=lists.get("not_org_words", ()),
        generic_org=lists.get("generic_org", ()),
    )
