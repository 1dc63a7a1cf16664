"""Stage 4a, reading an answer as a careful coder does: its status, the polarity of its direct
answer, each sentence's modality, and which of the study's concepts it asserts or denies.

Everything here is generic: the words come from grammar.toml's ``[reading]`` table (negators,
clause breaks, "not held", "will follow", "plan to" ...) and the study's ``[concepts]``.
A concept is *denied* when an odd number of negators govern it: those before it in its own
clause ("no external provider is used", "covered in general rather than in a dedicated
module"), and a negated verb right after it when it is the subject ("our own staff do not run
the sessions"). Two negators cancel ("it is not the case that we have no policy").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from foi_audit.coding.records import Sentence
from foi_audit.coding.text import spelt_out
from foi_audit.datetext import MONTH_YEAR, year_and_month


class Status(StrEnum):
    """What kind of answer a question got."""

    ANSWERED = "answered"
    NOT_HELD = "not_held"
    WITHHELD = "withheld"
    DEFERRED = "deferred"
    REFERS = "refers"  # "see our answer to Q2", "as above"
    NOT_APPLICABLE = "not_applicable"
    SILENT = "silent"  # nothing under the question


class Polarity(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Modality(StrEnum):
    CURRENT = "current"
    DEVELOPING = "developing"  # being drafted, awaiting approval
    PLANNED = "planned"  # intended, scheduled, piloted, funded
    HYPOTHETICAL = "hypothetical"  # only considered, "whether", "would need to"
    CEASED = "ceased"  # no longer


@dataclass(frozen=True)
class ReadingPatterns:
    """grammar.toml's [reading] table, compiled."""

    negators: re.Pattern[str]
    not_negating: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    modal_breaks: re.Pattern[str]
    developing_breaks: re.Pattern[str]
    halted: re.Pattern[str]  # work on a draft stopped: the whole sentence has ceased
    resumed: re.Pattern[str]  # ... and started again
    ended_too: re.Pattern[str]  # a clause that ends what the one before it told in the past
    told_in_past: re.Pattern[str]  # a clause told in the past tense alone
    pending_too: re.Pattern[str]  # a clause that leaves the one before it awaiting approval
    given_up: re.Pattern[str]  # a draft given up, in a later sentence pointing back at it
    takes_back_previous: re.Pattern[str]  # the sentence before it is withdrawn
    takes_back_above: re.Pattern[str]  # every sentence of the answer before it is withdrawn
    corrects: re.Pattern[str]  # a correction whose reach is unclear: a person reads it
    shorthand: tuple[re.Pattern[str], ...]  # "mand" read as "mandatory"
    answer_after_topic: tuple[re.Pattern[str], ...]  # "SH module - no" read "no SH module"
    supposing: re.Pattern[str]
    answer_label: re.Pattern[str]
    own_units: re.Pattern[str]
    unticked: re.Pattern[str]
    unticked_after: re.Pattern[str]
    earlier_position: re.Pattern[str]
    since_changed: re.Pattern[str]
    yes_answer: tuple[re.Pattern[str], ...]
    no_answer: tuple[re.Pattern[str], ...]
    statuses: tuple[tuple[Status, tuple[re.Pattern[str], ...]], ...]
    modalities: tuple[tuple[Modality, tuple[re.Pattern[str], ...]], ...]


# A negated verb right after a concept that is its subject: "our staff do not run ...". The
# words between are the subject's own: no comma and no "and"/"but" starting another subject
# ("no dedicated policy, and harassment is not dealt with separately" negates once).
_SUBJECT_WORD = r"(?!(?:and|but|or|nor|while|whereas|so)\b)\w+[\s'’-]+"
_AUXILIARY = r"(?:do|does|did|is|are|was|were|has|have|had|will|would|can|could|should|must|shall)"
# "It would not be correct to say that ...": the negation is of what follows, not of "It"
_NOT_A_FRAME = r"(?!\s+(?:be\s+)?(?:correct|true|accurate|right|fair|the case)\b)"
# "The draft policy cannot be shared until it is approved": withheld from the requester, not
# said to be missing
_NOT_DISCLOSED = (
    r"(?!\s+(?:yet\s+)?(?:be\s+)?(?:shared|released|disclosed|published|sent|supplied|copied|"
    r"attached|made available|provided to you)\b)"
)
_NOT_DISCLOSED_RE = re.compile(_NOT_DISCLOSED, re.IGNORECASE)
# the thing set apart from a denial: "Other than the Dignity at Work Policy, which includes
# sexual harassment, we have no policy on this"
_EXCEPTED = re.compile(
    r"\b(?:other than|apart from|aside from|except(?: for)?|besides)\s+(?:the |our |a |an |its )?"
    r"(?:[\w'’&-]+\s+){0,6}$",
    re.IGNORECASE,
)
_NEGATED_VERB = re.compile(
    rf"^[\s\"'’”)\]]*(?:{_SUBJECT_WORD}){{0,3}}?{_AUXILIARY}\s+(?:not|never)\b{_NOT_A_FRAME}"
    rf"{_NOT_DISCLOSED}|^[\s\"'’”)\]]*(?:{_SUBJECT_WORD}){{0,3}}?(?:cannot|never)\b{_NOT_DISCLOSED}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ConceptHit:
    concept: str
    sentence: int  # index in the answer's sentences
    start: int  # in the sentence's text with contractions spelt out
    end: int
    negated: bool
    text: str  # the words that matched


@dataclass(frozen=True)
class SentenceReading:
    sentence: Sentence
    text: str  # contractions spelt out ("isn't" -> "is not")
    modality: Modality
    statuses: tuple[Status, ...]
    halted: bool = False  # in development, but work on it stopped ("the draft ... is paused")


@dataclass(frozen=True)
class AnswerReading:
    """One question's answer, read."""

    question: str
    sentences: tuple[SentenceReading, ...]
    status: Status
    polarity: Polarity
    hits: tuple[ConceptHit, ...]
    withdrawn: tuple[SentenceReading, ...] = ()  # what the answer takes back, unread

    @property
    def direct(self) -> SentenceReading | None:
        """The sentence that answers directly: the first one read on its own question."""
        return self.sentences[0] if self.sentences else None

    def asserted(self, concept: str) -> ConceptHit | None:
        return next((h for h in self.hits if h.concept == concept and not h.negated), None)

    def denied(self, concept: str) -> ConceptHit | None:
        return next((h for h in self.hits if h.concept == concept and h.negated), None)

    def modalities(self) -> set[Modality]:
        return {s.modality for s in self.sentences}


def supposed_at(text: str, start: int, patterns: ReadingPatterns) -> bool:
    """Whether the words at ``text[start:]`` are only supposed in their clause ("the Trust has
    considered making the training mandatory but ...")."""
    clause_start = _clause_start(text, start, patterns.clause_breaks)
    return bool(patterns.supposing.search(text, clause_start, start))


def _clause_start(text: str, start: int, clause_breaks: re.Pattern[str]) -> int:
    """Where the clause holding ``text[start]`` begins: the last break ending at or before it."""
    ends = _break_ends(text, clause_breaks)
    return ends[bisect_right(ends, start) - 1] if ends and ends[0] <= start else 0


@functools.lru_cache(maxsize=1024)
def _break_ends(text: str, clause_breaks: re.Pattern[str]) -> tuple[int, ...]:
    # over the whole text: a break's lookahead ("and (?=the Trust)") reads past any place;
    # remembered, as a sentence's words are asked about one by one
    return tuple(found.end() for found in clause_breaks.finditer(text))


@functools.lru_cache(maxsize=1024)
def _masked(text: str, not_negating: re.Pattern[str]) -> str:
    return not_negating.sub(lambda m: " " * len(m.group(0)), text)


def negated_at(text: str, start: int, end: int, patterns: ReadingPatterns) -> bool:
    """Whether the words at ``text[start:end]`` are negated in their clause."""
    if _EXCEPTED.search(text, max(0, start - 60), start):
        return False  # "Other than our Dignity at Work Policy, ... we have no policy": it stands
    # Phrases that look negative but negate nothing ("not only", "anything called X as such")
    # are blanked out first, over the whole sentence, so places stay where they were.
    masked = _masked(text, patterns.not_negating)
    clause_start = _clause_start(text, start, patterns.clause_breaks)
    # negators before the words in their clause, and inside them ("lead ... has not been
    # appointed")
    # a match that runs past a clause break ("it is offered to all staff but is not part of
    # ... training") is negated only by what stands in its first clause
    inner = patterns.clause_breaks.search(text, start + 1, end)
    stop = inner.start() if inner else end
    # (a noun's own description is negated up to its comma only: "Training not listed in
    # Appendix 2, including bystander training, is discretionary")
    negators = [
        m.group(0).lower()
        for m in patterns.negators.finditer(masked, clause_start, stop)
        if not ((scope := _DESCRIBED_NOT.match(masked, m.start())) and scope.end() <= start)
    ]
    if "neither" in negators:  # "neither A nor B has ...": one negation, not two
        negators = [n for n in negators if n != "nor"]
    count = len(negators)
    clause_end = len(text)
    following = patterns.clause_breaks.search(text, end)
    if following:
        clause_end = following.start()
    if _NEGATED_VERB.match(masked[end:clause_end]) or _negated_predicate(
        masked, clause_start, start, end, clause_end
    ):
        count += 1
    return count % 2 == 1


_DESCRIBED_NOT = re.compile(
    r"not (?:listed|included|named|covered|mentioned|shown|set out) (?:in|on|within|by)\b[^.;,]*,",
    re.IGNORECASE,
)


# The first verb of a clause: "A dedicated policy on sexual safety ... has not been adopted"
_FIRST_VERB = re.compile(
    rf"\b{_AUXILIARY}\b(?P<not>\s+(?:not|never)\b{_NOT_A_FRAME})?|\bcannot\b", re.IGNORECASE
)


def _negated_predicate(text: str, clause_start: int, start: int, end: int, clause_end: int) -> bool:
    """Whether words standing as their clause's subject (no verb before them in the clause)
    have the clause's first verb negated after them, however long the subject runs ("A
    dedicated policy on sexual safety or sexual harassment has not been adopted")."""
    if _FIRST_VERB.search(text, clause_start, end) or len(text[clause_start:start].split()) > 3:
        return False  # not the clause's subject: a verb before it or in it, or words before it
    verb = _FIRST_VERB.search(text, end, clause_end)
    if verb is None or re.search(r"[,;(]", text[end : verb.start()]):
        return False  # "Since we provide the training, your third question doesn't apply"
    if not _NOT_DISCLOSED_RE.match(text, verb.end()):
        return False  # "... cannot be shared until it is approved": it exists
    return bool(verb.group("not")) or verb.group(0).lower() == "cannot"


def polarity_of(text: str, patterns: ReadingPatterns) -> Polarity:
    """The direct answer's yes or no, elliptical answers included ("We do.", "Not as such.")."""
    text = patterns.answer_label.sub("", text, count=1)
    if any(p.search(text) for p in patterns.no_answer):
        return Polarity.NO
    if any(p.search(text) for p in patterns.yes_answer):
        return Polarity.YES
    return Polarity.UNKNOWN


def read_sentence(
    sentence: Sentence, patterns: ReadingPatterns, own_names: re.Pattern[str] | None = None
) -> SentenceReading:
    # (a form's unticked options are gone: options.ticked)
    text = written_out(spelt_out(sentence.text), patterns)
    if own_names is not None:
        text = own_names.sub("the Trust", text)
    text = started_before(text, sentence.written)
    # "our OD team" reads "our team" (not "our our team": "managed by our team" stays the client)
    text = patterns.own_units.sub(
        lambda m: "team" if m.string[: m.start()].endswith("our ") else "our team", text
    )
    # (each pattern tried alone: re searches one with a literal start faster than all of
    # them joined in one alternation)
    statuses = tuple(s for s, found in patterns.statuses if any(p.search(text) for p in found))
    modality = Modality.CURRENT
    for candidate, found in patterns.modalities:
        # "no plans to", "not being drafted": a negated plan is no plan; but "cannot confirm
        # whether" is as uncertain as "whether"
        # ("no longer" is negative in form: only a negation before it denies it, "has not
        # been discontinued")
        if any(
            candidate is Modality.HYPOTHETICAL
            or not negated_at(
                text, m.start(), m.start() if candidate is Modality.CEASED else m.end(), patterns
            )
            for p in found
            for m in p.finditer(text)
        ):
            modality = candidate
            break
    # "a draft was prepared, but work on it has been paused": ceased, the whole sentence
    halted = modality is Modality.DEVELOPING and bool(patterns.halted.search(text))
    modality = Modality.CEASED if halted else modality
    return SentenceReading(sentence, text, modality, statuses, halted)


_FROM_MONTH = re.compile(rf"\b(?P<start>from)\s+(?:the\s+)?{MONTH_YEAR}", re.IGNORECASE)


def started_before(text: str, written: dt.date | None) -> str:
    """ "Mandatory ... from April 2024" in a letter of November 2024 is a start already made,
    read "since April 2024"; a month still to come (or a letter with no date) is a plan."""
    if written is None:
        return text

    def since(found: re.Match[str]) -> str:
        if year_and_month(found) >= (written.year, written.month):
            return found[0]
        return "since" + found[0][len(found["start"]) :]

    return _FROM_MONTH.sub(since, text)


def written_out(text: str, patterns: ReadingPatterns) -> str:
    """A busy office's abbreviations written out for reading ("Y - ext; mand" reads "Yes -
    external; mandatory"), and a short topic's answer put before it ("SH module - no" reads
    "no SH module"); the text quoted stays as written."""
    for pattern in patterns.shorthand:
        if pattern.search(text):
            text = pattern.sub(_word_for, text)
    for pattern in patterns.answer_after_topic:
        if (found := pattern.fullmatch(text)) and found["answer"].lower() != "yes":
            return f"{found['answer'].lower()} {found['topic']}"
    return text


def _word_for(found: re.Match[str]) -> str:
    """The match with its one named group replaced by the group's name ("mand" -> "mandatory")."""
    name = next(iter(found.re.groupindex))
    start, end = found.start(name) - found.start(), found.end(name) - found.start()
    return found[0][:start] + name.replace("_", " ") + found[0][end:]


def _clauses_apart(
    reading: SentenceReading, patterns: ReadingPatterns, own_names: re.Pattern[str] | None
) -> tuple[SentenceReading, ...]:
    """A sentence whose only consideration ("reviewing whether ...") or plan ("although we
    expect to extend it") sits in one coordinated clause is read as its clauses, so the
    others still say what they say ("Because we already provide the training, ...")."""
    if reading.modality not in _APART or reading.halted:
        return (reading,)
    sentence = reading.sentence
    breaks = (
        patterns.developing_breaks
        if reading.modality is Modality.DEVELOPING
        else patterns.modal_breaks
    )
    cuts = [m.end() for m in breaks.finditer(sentence.text)]
    if not cuts:
        return (reading,)
    bounds = [0, *cuts, len(sentence.text)]
    pieces = [
        replace(
            sentence,
            text=sentence.text[start:end].strip().rstrip(","),
            start=sentence.start and number == 0,
            opens_block=sentence.opens_block and number == 0,
        )
        for number, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]
    read = tuple(read_sentence(piece, patterns, own_names) for piece in pieces if piece.text)
    if all(r.modality is reading.modality for r in read) or len(read) < 2:
        return (reading,)
    # "ABT was offered between 2019 and 2021 but was discontinued": the clause with no subject
    # of its own ends what the one before it told in the past
    ended = _pointed_back_at(read, Modality.CEASED, patterns.ended_too, patterns.told_in_past)
    # "A new Sexual Safety Policy has finished consultation and will be ratified next month":
    # what the clause before it told is still to be approved
    pending = _pointed_back_at(read, Modality.DEVELOPING, patterns.pending_too)
    return _remarked(read, ceased=ended, developing=pending)


def _pointed_back_at(
    read: tuple[SentenceReading, ...],
    modality: Modality,
    opening: re.Pattern[str],
    before: re.Pattern[str] | None = None,
) -> set[int]:
    """The clauses a next clause of ``modality`` that opens with ``opening`` (no subject of its
    own) speaks of, when they match ``before``."""
    return {
        index - 1
        for index, piece in enumerate(read)
        if index
        and piece.modality is modality
        and opening.match(piece.text)
        and (before is None or before.search(read[index - 1].text))
    }


def _remarked(
    read: tuple[SentenceReading, ...], ceased: Collection[int], developing: Collection[int]
) -> tuple[SentenceReading, ...]:
    """The sentences at ``ceased`` marked ended, those at ``developing`` in development."""
    return tuple(
        replace(sentence, modality=Modality.CEASED)
        if index in ceased
        else replace(sentence, modality=Modality.DEVELOPING)
        if index in developing
        else sentence
        for index, sentence in enumerate(read)
    )


_APART = frozenset({Modality.HYPOTHETICAL, Modality.PLANNED, Modality.CEASED, Modality.DEVELOPING})


def read_answer(
    question: str,
    sentences: Sequence[Sentence],
    patterns: ReadingPatterns,
    concepts: Sequence[tuple[str, tuple[re.Pattern[str], ...]]],
    own_names: re.Pattern[str] | None = None,
    spans: Callable[[str, str], Iterable[tuple[int, int]]] | None = None,
    gates: Mapping[str, re.Pattern[str]] | None = None,
) -> AnswerReading:
    """An answer read: status, direct polarity, and each concept asserted or denied. The
    trust's own names read as "the Trust" ("delivered by ELFT trainers" is in-house).
    ``spans(concept, text)`` adds places a concept is found by form, not by pattern (an
    organisation's name). ``gates[concept]`` finds a sentence whenever one of the concept's
    patterns does: where it finds nothing, they are not tried one by one."""
    read, withdrawn = _taken_back(
        _ended_positions(
            tuple(
                reading
                for s in sentences
                for reading in _clauses_apart(
                    read_sentence(s, patterns, own_names), patterns, own_names
                )
            ),
            patterns,
        ),
        patterns,
    )
    hits: list[ConceptHit] = []
    for index, sentence in enumerate(read):
        for name, found in concepts:
            gate = gates.get(name) if gates else None
            places = (
                [(m.start(), m.end()) for p in found for m in p.finditer(sentence.text)]
                if gate is None or gate.search(sentence.text)
                else []
            )
            if spans is not None:
                places += list(spans(name, sentence.text))
            for start, end in places:
                if end == start or supposed_at(sentence.text, start, patterns):
                    continue
                hits.append(
                    ConceptHit(
                        name, index, start, end,
                        negated_at(sentence.text, start, end, patterns),
                        sentence.text[start:end],
                    )
                )  # fmt: skip
    hits.sort(key=lambda h: (h.sentence, h.start))
    hits = [h for h in hits if not _corrected(h, hits, read)]
    polarity = (
        polarity_of(read[0].text, patterns)
        if read and not read[0].sentence.via_reference
        else Polarity.UNKNOWN
    )
    status = _status(read, direct=polarity is not Polarity.UNKNOWN)
    if status is Status.ANSWERED and polarity is Polarity.UNKNOWN and _deferred_here(read):
        # "The team is reviewing our training offer. We will write to you separately on this
        # question": no yes or no, and the answer is to come
        status = Status.DEFERRED
    return AnswerReading(question, read, status, polarity, tuple(hits), withdrawn)


def _ended_positions(
    read: tuple[SentenceReading, ...], patterns: ReadingPatterns
) -> tuple[SentenceReading, ...]:
    """A position told "at the time of your request", then changed in a later sentence ("Since
    then, the Board designated ..."), or a draft given up a sentence or three later ("... decided
    not to proceed with it"): that earlier position has ended."""
    ended = [
        index
        for index, sentence in enumerate(read)
        if patterns.earlier_position.search(sentence.text)
        and any(patterns.since_changed.search(later.text) for later in read[index + 1 :])
    ]
    # a draft whose work stopped, then started again ("The work restarted in October"): in
    # development after all
    resumed = [
        index
        for index, sentence in enumerate(read)
        if sentence.halted
        and any(patterns.resumed.search(later.text) for later in read[index + 1 :])
    ]
    # "A standalone policy was drafted in 2023. In March 2024 the Trust decided not to proceed
    # with it": a draft given up in the next sentences has ceased
    ended += [
        index
        for index, sentence in enumerate(read)
        if sentence.modality is Modality.DEVELOPING
        and any(patterns.given_up.search(later.text) for later in read[index + 1 : index + 4])
        and not any(patterns.resumed.search(later.text) for later in read[index + 1 :])
    ]
    return _remarked(read, ceased=ended, developing=resumed)


def _taken_back(
    read: tuple[SentenceReading, ...], patterns: ReadingPatterns
) -> tuple[tuple[SentenceReading, ...], tuple[SentenceReading, ...]]:
    """The answer without what it takes back, and what it takes back: "It is mandatory. Please
    disregard the previous sentence, the training is optional" takes back the first; "The Trust
    does not currently provide ABT. CORRECTION - apologies, the above is incorrect, ..."
    everything above."""
    withdrawn: set[int] = set()
    for index, sentence in enumerate(read):
        if not index:
            continue
        if patterns.takes_back_above.search(sentence.text):
            withdrawn.update(range(index))
        elif patterns.takes_back_previous.search(sentence.text):
            withdrawn.add(index - 1)
    kept = tuple(s for index, s in enumerate(read) if index not in withdrawn)
    return kept, tuple(s for index, s in enumerate(read) if index in withdrawn)


def _later_parts(read: Sequence[SentenceReading]) -> list[SentenceReading]:
    """The first sentence of each later part of an answer, elsewhere than its first (the same
    question answered again further down: a second message, an earlier mail quoted)."""
    first = read[0].sentence.locator if read else ""
    return [s for s in read[1:] if s.sentence.start and s.sentence.locator != first]


def _deferred_here(read: Sequence[SentenceReading]) -> bool:
    """Whether the answer says this very answer is to come ("we will write to you separately
    on this question"), and no other part of it (a later message, a later mail above an
    earlier one quoted) states the answer."""
    parts = _parts(read)
    deferring = {
        part
        for s, part in zip(read, parts, strict=True)
        if Status.DEFERRED in s.statuses
        and _OF_THIS_QUESTION.search(s.text)
        and not s.sentence.via_reference
    }
    return bool(deferring) and not any(
        part not in deferring and not s.statuses and _STATEMENT.search(s.text)
        for s, part in zip(read, parts, strict=True)
    )


def _parts(read: Sequence[SentenceReading]) -> list[int]:
    """Each sentence's part of the answer: a new part starts where the same question is
    answered again (a segment of its own: a later message, an earlier mail quoted)."""
    parts, number = [], 0
    for index, sentence in enumerate(read):
        number += bool(index and sentence.sentence.start)
        parts.append(number)
    return parts


# A sentence that states something ("the lead is ..."), not a heading ("Active Bystander
# Training, and plans to introduce it.")
_STATEMENT = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did)\b", re.I)


# "We will write to you separately on this question": the deferral is of this very answer
_OF_THIS_QUESTION = re.compile(r"\b(?:this|that|the above) (?:question|part|element|point)\b", re.I)

# "Not a separate module as such, but the third session is given over to ...": "not X, but Y"
_CORRECTING = re.compile(r"[,;]\s*but\b", re.IGNORECASE)
_CORRECTING_NEXT = re.compile(r"\W*(?:however|but|that said|nevertheless|nonetheless)\b", re.I)
# ... when what is denied is a form ("not a separate module as such"), not the thing itself
_OF_FORM = re.compile(
    r"\b(as such|separate|specific(ally)?|stand-?alone|dedicated|discrete|distinct|formal)\b",
    re.IGNORECASE,
)


def _corrected(
    hit: ConceptHit, hits: Sequence[ConceptHit], read: Sequence[SentenceReading]
) -> bool:
    """A denial the same sentence corrects after "but": "not a separate module, but a whole
    session on it" asserts what it first denied."""
    if not hit.negated:
        return False
    text = read[hit.sentence].text
    if not _OF_FORM.search(text, hit.start, hit.end + 40):
        return False  # "We do not offer ABT, but we do offer Civility Saves Lives": no correction
    return bool(_RESTORED.search(text, hit.end)) or any(
        other.concept == hit.concept
        and not other.negated
        and (
            other.sentence == hit.sentence
            and other.start > hit.end
            and _CORRECTING.search(text, hit.end, other.start)
            # "... not a separate module. However, an add-on session on it is available."
            or other.sentence == hit.sentence + 1
            and _CORRECTING_NEXT.match(read[other.sentence].text)
        )
        for other in hits
    )


# "... is not delivered as a stand-alone course, but it is included in our safety day": the
# thing denied in one form comes back by its pronoun
_RESTORED = re.compile(
    r"[,;]\s*but\s+(?:it|this|they|these|the content|the training)\s+(?:is|are)\s+"
    r"(?:(?:instead|already|still|now)\s+)?"
    r"(?:included|covered|embedded|incorporated|delivered|taught|built|part of)\b",
    re.IGNORECASE,
)


# A refusal that says it covers the whole part asked, for its cost or as vexatious ("section
# 12(1) ... to this part of your request", "would exceed the 18 hours ... unable to answer these
# questions")
_THIS_PART = re.compile(
    r"(?i)\b(?:this|these|that|those) (?:parts?|questions?|elements?)\b(?! (?:is|are) answered)"
    # "... relying on section 12 for questions 2 and 3": whole questions by their numbers (not
    # a part of one, "Section 12 applies to question 2(c)")
    r"|\b(?:for|to|of) questions? \d{1,2}(?:(?:,| and| &| to| -| –) \d{1,2})*\b(?!\s*\(?[a-h]\b)"
)
_REFUSED = re.compile(
    r"(?i)\b(?:section|s\.?) ?1[24]\b|\bexceed\w*\b|\b(?:appropriate|cost) limit\b|\b18 hours\b"
)


def _status(sentences: Sequence[SentenceReading], direct: bool = False) -> Status:
    """The direct answer's status decides; an answer that only refers elsewhere refers.
    ``direct``: the answer opens with a yes or a no (after which a part refused is a
    sub-question's: "Yes. ... It is optional. We are unable to answer part (c) ... section 12
    ... to this part of your request")."""
    if not sentences:
        return Status.SILENT
    own = [s for s in sentences if not s.sentence.via_reference]
    if not own:
        return Status.REFERS
    first = own[0]
    for status in (Status.NOT_APPLICABLE, Status.NOT_HELD, Status.REFERS):
        if status in first.statuses:
            return status
    if Status.DEFERRED in first.statuses:
        # unless the answer is given after all, further down ("Question 4 has been passed to
        # the Executive Office." ... "our answer to question 4 is: ...")
        later = [s for s in _later_parts(own) if not s.statuses]
        # ("We cannot confirm whether she holds it formally, but she acts as our lead")
        contrast = [s for s in own[1:] if not s.statuses and _CORRECTING_NEXT.match(s.text)]
        return Status.ANSWERED if later or contrast else Status.DEFERRED
    if Status.WITHHELD in first.statuses:
        return Status.WITHHELD
    if not direct and any(
        Status.WITHHELD in s.statuses
        and _THIS_PART.search(s.sentence.text)
        and _REFUSED.search(s.sentence.text)
        for s in own
    ):
        # what went before is the reason ("... no central record exists. ... we are therefore
        # unable to answer these questions"; "We are applying section 12(1) to this part")
        return Status.WITHHELD
    if any(Status.DEFERRED in s.statuses for s in own) and all(
        s.modality is not Modality.CURRENT for s in own
    ):
        # "Executive portfolios are being finalised ... We aim to respond to this question by
        # 13 December": nothing said as it stands now, and the answer is to come
        return Status.DEFERRED
    if all(Status.DEFERRED in s.statuses or Status.WITHHELD in s.statuses for s in own):
        return (
            Status.DEFERRED if any(Status.DEFERRED in s.statuses for s in own) else Status.WITHHELD
        )
    return Status.ANSWERED
