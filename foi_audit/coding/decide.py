"""Stage 4b, values: each field decided from its questions' answers by the codebook's rules.

A field reads the answers of its questions in order; on the first with text, its rules are
tried in order and the first that holds gives the value. A rule holds on the answer as read
(coding/reading.py): its status, the direct answer's polarity, and a sentence that asserts or
denies the study's concepts with the modality asked for. Rules written as sentence patterns
(``any``/``unless``) and text extracted by pattern still work, for codebooks written that way.
Text fields with ``by_form`` take a person, a job title or an organisation by its form
(coding/people.py). Each decision keeps the question it answers and the sentence it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from foi_audit.coding.codebook import ExtractKind
from foi_audit.coding.compiled import Compiled, FieldSpec, Rule
from foi_audit.coding.extractors import (
    NON_EXECUTIVE,
    REDACTED,
    clean_org,
    extract,
    holder_elsewhere,
    in_full,
    in_full_elsewhere,
    introduced_as,
    mixed_case,
    post_doubts,
    post_title,
    without_other_values,
)
from foi_audit.coding.flags import corrected_after
from foi_audit.coding.items import focused, with_another_of_kind
from foi_audit.coding.options import TICK, ticked
from foi_audit.coding.people import Grammar, Lead
from foi_audit.coding.posts import DAY_TO_DAY, given_name_first, lead_area, others_in_clause
from foi_audit.coding.questions import (
    heading_topic,
    is_question_text,
    on_topic,
    top_question,
    without_restated_head,
)
from foi_audit.coding.reading import (
    AnswerReading,
    Modality,
    SentenceReading,
    Status,
    read_answer,
)
from foi_audit.coding.records import Decision, Reading, Sentence
from foi_audit.coding.text import matches_any, trim
from foi_audit.errors import CodebookError
from foi_audit.records import FlagReason


@dataclass(frozen=True)
class RuleStep:
    """One rule tried on one question's answer (for a value's trace)."""

    reply: int  # which of the trust's replies (0, 1, ...)
    question: str
    rule: str
    held: bool
    value: str = ""
    quote: str = ""


@dataclass
class TrustContext:
    """What the engine knows while coding one trust: the study compiled, the trust's own
    names (so that "our ELFT trainers" are never an external provider), answers read once."""

    compiled: Compiled
    own_names: re.Pattern[str] | None = None
    readings: dict[tuple[int, str], AnswerReading] = field(default_factory=dict)
    # each question's answer as every field reads it (the request's own words left out); like
    # ``readings``, keyed by the reply's place among the trust's replies: one context per trust
    answered: dict[tuple[int, str], list[Sentence]] = field(default_factory=dict)
    # the reply being decided: every sentence of it, where a post's holder may be named apart
    document: tuple[str, ...] = ()

    def read(self, key: int, question: str, sentences: Sequence[Sentence]) -> AnswerReading:
        cached = self.readings.get((key, question))
        if cached is None:
            cached = self.readings[(key, question)] = with_another_of_kind(read_answer(
                question, focused(sentences, question, self.compiled), self.compiled.reading,
                self.compiled.concepts, self.own_names, self._organisations,
                self.compiled.concept_gates,
            ), self.compiled)  # fmt: skip
        return cached

    def _organisations(self, concept: str, text: str) -> list[tuple[int, int]]:
        """Outside organisations named in ``text`` (never the trust itself, a department or
        a course's own name), for concepts that take them."""
        if concept not in self.compiled.by_form:
            return []
        found = []
        text = mixed_case(text, self.people.title_acronyms)  # (the same length: places hold)
        for span in self.people.organisations(text):
            if "the Trust" in span.text or (self.own_names and self.own_names.search(span.text)):
                continue
            outside = self.own_names is not None  # (another NHS body's name: not ours)
            if clean_org(span.text, text, span.end, self.compiled, span.start, outside):
                found.append((span.start, span.end))
        return found

    @property
    def people(self) -> Grammar:
        return self.compiled.people


def _rule_flags(rule: Rule, text: str = "") -> tuple[FlagReason, ...]:
    """The rule's review reason; with ``review_if``, only where the deciding text shows it."""
    if not rule.review or (rule.review_if and not matches_any(rule.review_if, text)):
        return ()
    return (FlagReason(rule.review),)


def _matches(rule: Rule, sentence: Sentence, hypothetical: Sequence[re.Pattern[str]]) -> bool:
    if matches_any(hypothetical, sentence.text):
        return False
    for pattern in rule.any:
        anchored = pattern.pattern.startswith("^")
        if anchored and (not sentence.start or sentence.via_reference):
            continue
        if matches_any((pattern,), sentence.text):  # contractions spelt out too
            return not matches_any(rule.unless, sentence.text)
    return False


def answer_holds(rule: Rule, reading: AnswerReading) -> SentenceReading | None:
    """The sentence a rule rests on when it holds on this answer, else None."""
    if rule.status and str(reading.status) not in rule.status:
        return None
    if rule.polarity and str(reading.polarity) != rule.polarity:
        return None
    sentences = list(reading.sentences[:1] if rule.scope == "direct" else reading.sentences)
    if rule.scope == "direct" and sentences and sentences[0].sentence.via_reference:
        return None
    modalities = set(rule.modality)

    deferred_ok = "deferred" in rule.status

    # a sentence about what the rule is ``without`` (another training) says nothing of ours,
    # beside the sentence the rule rests on too ("Conflict resolution is delivered by X")
    elsewhere = {h.sentence for h in reading.hits if h.concept in rule.without and not h.negated}

    def said(concept: str) -> bool:
        return any(
            h.concept == concept
            and not h.negated
            and h.sentence not in elsewhere
            and _counts(reading.sentences[h.sentence], modalities)
            and (deferred_ok or Status.DEFERRED not in reading.sentences[h.sentence].statuses)
            for h in reading.hits
        )

    if any(said(concept) for concept in rule.lacks):
        return None
    if not all(said(concept) for concept in rule.also):
        return None
    if (
        rule.polarity
        and modalities
        and not (rule.asserts or rule.denies or rule.any or rule.without)
    ):
        # a direct yes counts in the modality it is said in: "Yes – it will be introduced
        # from April" says a plan, not that it is provided
        direct = reading.direct
        return direct if direct is not None and str(direct.modality) in modalities else None
    needs_sentence = bool(rule.asserts or rule.denies or rule.modality or rule.any or rule.without)
    if not needs_sentence:
        return reading.direct
    for index, sentence in enumerate(reading.sentences):
        if sentence not in sentences:
            continue
        if Status.DEFERRED in sentence.statuses and not deferred_ok:
            continue  # "we will write again on whether ...": not yet an answer
        if modalities and str(sentence.modality) not in modalities:
            continue
        if (
            not modalities
            and sentence.modality is not Modality.CURRENT
            and not (rule.denies and sentence.modality in _DENIAL_HOLDS)
        ):
            # planned, in draft, "whether", stopped: evidence only for rules that ask for it (a
            # denial holds now though the sentence goes on to a plan: "has not appointed a lead,
            # and the Board will consider this in the new year"; "we no longer offer it"; "it
            # does not include a module at present, though one is being developed")
            continue
        if (
            rule.denies
            and sentence.modality is Modality.CEASED
            and _now_asserted(rule, index, reading)
        ):
            continue  # "X is no longer the lead. The current lead is Y": ended for X only
        hits = [h for h in reading.hits if h.sentence == index]
        if not all(any(h.concept == c and not h.negated for h in hits) for c in rule.asserts):
            continue
        if not all(any(h.concept == c and h.negated for h in hits) for c in rule.denies):
            continue
        if any(any(h.concept == c and not h.negated for h in hits) for c in rule.without):
            continue
        if any(p.search(sentence.text) for p in rule.unless):
            continue
        if rule.any and not any(p.search(sentence.text) for p in rule.any):
            continue
        return sentence
    return None


_DENIAL_HOLDS = (Modality.PLANNED, Modality.CEASED, Modality.DEVELOPING)


def _now_asserted(rule: Rule, index: int, reading: AnswerReading) -> bool:
    """Whether a later sentence, of now, asserts what the ended one denies."""
    return any(
        h.concept in rule.denies
        and not h.negated
        and h.sentence > index
        and reading.sentences[h.sentence].modality is Modality.CURRENT
        for h in reading.hits
    )


def _counts(sentence: SentenceReading, modalities: set[str]) -> bool:
    """Whether a concept said in this sentence counts for ``lacks`` and ``also``: not what is
    only supposed, nor what has stopped ("delivered by X until March 2024")."""
    if sentence.modality in (Modality.HYPOTHETICAL, Modality.CEASED):
        return str(sentence.modality) in modalities
    return True


def _answer_to(said: Sequence[Sentence], qid: str, compiled: Compiled) -> list[Sentence]:
    """What is said under question ``qid`` that answers it: a sentence that restates the
    request ("mandatory or optional?", or the question's own words) is never an answer; of a
    form's options only the ticked one is said ("[ ] Mandatory [X] Optional")."""
    restated = compiled.doc.restated_request
    # (options ticked are answered, though their words echo the question's: "☒ In-house ☒
    # External provider" reads "In-house and External provider")
    marked = [len(TICK.findall(s.text)) for s in said]
    read = [replace(s, text=ticked(s.text, compiled.reading)) for s in said]
    return [
        replace(s, text=_without_heads(s.text, qid, compiled))
        for s, marks in zip(read, marked, strict=True)
        if not matches_any(restated, s.text)
        and (marks > 1 or not is_question_text(s.text, qid, compiled))
        and not (s.start and len(read) > 1 and _heads(s.text, qid, compiled))
    ]


def decide(
    spec: FieldSpec,
    answers: dict[str, list[Sentence]],
    decided: dict[str, Decision],
    context: TrustContext,
    key: int = 0,
    steps: list[RuleStep] | None = None,
) -> Decision:
    """The first rule (in priority order) that holds on the first question (in order) with text.
    ``steps`` collects every rule tried (a value's trace)."""
    compiled = context.compiled
    had_text = False
    own_status = ""
    for number, qid in enumerate(spec.questions):
        found = context.answered.get((key, qid))
        if found is None:
            found = context.answered[(key, qid)] = _answer_to(answers.get(qid, []), qid, compiled)
        if not found:
            continue
        # Text under a later question (Q2's answer read for Q3's field) that no rule reads is
        # not this field's answer: only its own question's text makes an unread answer.
        had_text = had_text or number == 0
        reading = context.read(key, qid, found)
        if number == 0:
            own_status = str(reading.status)
        for rule in spec.rules:
            if rule.only and qid not in rule.only:
                continue
            if (
                rule.from_field
                and reading.status is Status.REFERS
                and number + 1 < len(spec.questions)
            ):
                continue  # "see above": the next question's own words decide before another field
            decision = _try_rule(rule, spec, found, reading, decided, context)
            if steps is not None:
                steps.append(
                    RuleStep(
                        key,
                        qid,
                        rule.id,
                        decision is not None,
                        decision.value if decision else "",
                        decision.quote if decision else "",
                    )  # fmt: skip
                )
            if decision is not None:
                return decision
    first = next((s for q in spec.questions for s in answers.get(q, [])), None)
    own = bool(spec.questions and answers.get(spec.questions[0]))
    if own_status in (Status.DEFERRED, Status.NOT_APPLICABLE):
        # "will follow", "withheld under s40", "N/A": blank is the answer, not a gap (the
        # outcome says what was deferred or withheld)
        return Decision(
            "", f"answer_{own_status}", trim(first.text) if first else "",
            first.locator if first else "", 0.85, addressed=True,
            question=first.question if first else "", status=own_status,
        )  # fmt: skip
    return Decision(
        "", "no_rule_matched" if had_text else "no_answer",
        trim(first.text) if first else "", first.locator if first else "",
        0.5 if had_text else 0.9, (), had_text, addressed=own,
        question=first.question if first else "",
    )  # fmt: skip


def _try_rule(
    rule: Rule,
    spec: FieldSpec,
    found: list[Sentence],
    reading: AnswerReading,
    decided: dict[str, Decision],
    context: TrustContext,
) -> Decision | None:
    compiled = context.compiled
    qid = reading.question
    if rule.from_field:
        source = decided.get(rule.from_field)
        if source and source.value:
            # "Professor" beside the role, or a name the grammar sees in the sentence but did
            # not pair with the post (OCR broke the title between them): a name was missed
            # (or one the answer leaves to an attached chart: "see the attached structure
            # chart for the post-holder")
            # (or a name the answer gives alone, elsewhere: "The lead is Mr X, who deputises
            # for the Chief Executive. ... Role: Chief Nursing Officer.")
            people = context.people
            alone = [(s.text, p.start) for s in found for p in people.names_alone(s.text)]
            missed = bool(rule.review_if) and (
                matches_any(rule.review_if, source.quote)
                or bool(people.persons(source.quote))
                or any(people.holder_attached.search(s.text) for s in found)
                or any(_LEAD_IS.search(text, max(0, at - 80), at) for text, at in alone)
            )
            doubtful = source.flags + ((FlagReason.NAME_NOT_READ,) if missed else ())
            return Decision(
                rule.value, rule.id, source.quote, source.locator, source.confidence, doubtful,
                addressed=True, question=source.question,
            )  # fmt: skip
        return None
    if rule.by_form:
        return _by_form(rule, spec, reading, decided, context)
    if rule.reads_answer:
        holds = answer_holds(rule, reading)
        if holds is None:
            return None
        via = holds.sentence.via_reference
        return Decision(
            rule.value, rule.id, trim(holds.sentence.text), holds.sentence.locator,
            rule.confidence - (0.1 if via else 0.0),
            _rule_flags(rule, holds.sentence.text) + ((FlagReason.VIA_REFERENCE,) if via else ())
            + _only_plans_after(rule, holds, reading),
            addressed=True, question=qid, status=str(reading.status),
        )  # fmt: skip
    if rule.all:
        hits = [next((s for s in found if p.search(s.text)), None) for p in rule.all]
        blocked = any(matches_any(rule.unless, s.text) for s in found)
        if all(hits) and not blocked:
            first = hits[0]
            assert first is not None
            return Decision(
                rule.value, rule.id, trim(" … ".join(dict.fromkeys(h.text for h in hits if h))),
                first.locator, rule.confidence, _rule_flags(rule), addressed=True, question=qid,
            )  # fmt: skip
        return None
    for sentence in found:
        if rule.extract:
            value = without_other_values(extract(rule, sentence, spec, compiled, decided), decided)
            if value:
                referred = (FlagReason.VIA_REFERENCE,) if sentence.via_reference else ()
                return Decision(
                    value, rule.id, trim(sentence.text), sentence.locator, rule.confidence,
                    _rule_flags(rule, sentence.text) + referred, addressed=True, question=qid,
                )  # fmt: skip
        elif _matches(rule, sentence, compiled.doc.hypothetical):
            confidence = rule.confidence - (0.1 if sentence.via_reference else 0.0)
            return Decision(
                rule.value, rule.id, trim(sentence.text), sentence.locator, confidence,
                _rule_flags(rule, sentence.text), addressed=True, question=qid,
            )  # fmt: skip
    return None


def _only_plans_after(
    rule: Rule, holds: SentenceReading, reading: AnswerReading
) -> tuple[FlagReason, ...]:
    """A bare "Yes." to a question of what is now, whose every later sentence is a plan ("Yes. A
    pilot ... will start in April 2025"): it may answer the plans; a person should read it."""
    later = reading.sentences[1:]
    if rule.polarity != "yes" or holds is not reading.direct or not later:
        return ()
    if "current" not in rule.modality:
        return ()  # a yes to a question about plans is followed by them
    if len(holds.sentence.text.split()) > 3:
        return ()
    planned = (Modality.PLANNED, Modality.DEVELOPING)
    return (FlagReason.CONFLICTING_CUES,) if all(s.modality in planned for s in later) else ()


def _heads(text: str, qid: str, compiled: Compiled) -> bool:
    """An answer's first sentence that is its question's topic ("Sexual safety policy." over
    "The Trust does not have a dedicated policy ..."): a run-in heading, not an answer."""
    return heading_topic(text.rstrip(" .:"), compiled) == top_question(qid, compiled)


def _without_heads(text: str, qid: str, compiled: Compiled) -> str:
    """An answer without the words of its question (or of a part of it, "Mandatory / optional
    Staff are encouraged ...") run into its front."""
    for question in [qid, *(q.id for q in compiled.questions if q.parent == qid)]:
        shorter = without_restated_head(text, question, compiled)
        if shorter != text:
            # (not a post's label over its holder: "Director of Nursing / Executive Lead for
            # Safeguarding: Mrs X" gives the post, not the question's words)
            head = text[: len(text) - len(shorter)]
            person = compiled.people.persons(shorter)
            if person and person[0].start == 0 and compiled.people.titles(head):
                return text
            return shorter
    return text


def _by_form(
    rule: Rule,
    spec: FieldSpec,
    reading: AnswerReading,
    decided: dict[str, Decision],
    context: TrustContext,
) -> Decision | None:
    """A person, job title or organisation taken from the answer by its form."""
    # "We are still confirming this with the office of the Chief Nurse and will write again":
    # a post named in a deferral is no answer.
    usable = [
        s
        for s in reading.sentences
        if s.modality is not Modality.HYPOTHETICAL and Status.DEFERRED not in s.statuses
    ]
    if reading.status is Status.DEFERRED:
        usable = []  # what a deferred answer names in passing is no answer
    # "The lead was Mr X until his retirement. ... Ms Y, Acting Director of Nursing, is the lead":
    # a post-holder of the past gives way to the present one
    usable = [s for s in usable if s.modality is not Modality.CEASED] or usable
    if spec.field.extract is ExtractKind.ORGANISATION:
        orgs: list[tuple[bool, bool, str, SentenceReading, str]] = []
        for sentence in usable:
            # ("DELIVERED EXTERNALLY BY UPSTANDER WORKS CIC": in capitals "BY" reads as a name's)
            text = mixed_case(sentence.sentence.text, context.people.title_acronyms)
            for span in context.people.organisations(text):
                if context.own_names is not None and context.own_names.search(span.text):
                    continue  # the trust itself is never its own external provider
                outside = context.own_names is not None  # (its own names passed over above)
                value = clean_org(span.text, text, span.end, context.compiled, span.start, outside)
                if value and not REDACTED.search(value):  # "XXXX Ltd": a name blacked out
                    before = text[max(0, span.start - 60) : span.start]
                    orgs.append((*introduced_as(before, context.compiled), value, sentence, text))
        # Who delivers ("delivered by X") before one introduced otherwise ("commissioned through
        # the ICB"), before others named in passing ("we have worked with a charity, the CQC").
        orgs.sort(key=lambda item: (not item[0], not item[1]))
        if orgs:
            _, _, value, sentence, read = orgs[0]
            name = in_full(value, sentence.sentence.text, context.compiled)
            # in capitals a name is told from the words around it by guesswork: a person checks
            capitals = read != sentence.sentence.text
            return _taken(name, rule, sentence, reading, (FlagReason.NAME_IN_CAPITALS,) * capitals)
        return None
    found = _lead(usable, context)
    if found is None:
        return None
    lead, sentence = found
    shared = post_doubts(sentence.sentence.text, context.people)
    if spec.field.extract is ExtractKind.PERSON:
        if lead.person is None and lead.title is not None and not lead.withheld:
            # "The lead is our Medical Director." ... "Professor X was appointed Medical
            # Director in 2023": the one holder of that post named anywhere in the reply
            holder = holder_elsewhere(lead.title.text, context.people, context.document)
            if holder is not None:
                name, said = holder
                both = f"{sentence.sentence.text} … {said}"
                merged = replace(sentence, sentence=replace(sentence.sentence, text=both))
                return _taken(name, rule, merged, reading, ())
        if lead.person is None or lead.withheld:
            # the post is given and its holder's name is not: blank is the answer
            return Decision(
                "", rule.id + ".not_given", trim(sentence.sentence.text),
                sentence.sentence.locator, rule.confidence, addressed=True,
                question=reading.question,
            )  # fmt: skip
        # in capitals a name is told from other words only beside its post
        acronyms = context.people.title_acronyms
        capitals = sentence.sentence.text != mixed_case(sentence.sentence.text, acronyms)
        flags = (FlagReason.NAME_IN_CAPITALS,) if capitals and lead.title is None else ()
        # "Ashdown- Vale": a double-barrelled name a line break (or OCR) split at its hyphen
        name = given_name_first(re.sub(r"(?<=\w)- (?=[A-Z])", "-", lead.person.text))
        return _taken(
            in_full_elsewhere(name, context.people, context.document),
            rule,
            sentence,
            reading,
            flags + shared,
        )
    if lead.title is None:
        return None
    role = post_title(lead.title.text, context.people.title_acronyms)
    doubts = (
        (FlagReason.ROLE_CONTAINS_NAME,) * context.people.has_honorific(lead.title.text)
        # "Dr Esther Blakemore, Chief. ' Nursing Officer": OCR's marks cut the title short
        + (FlagReason.TITLE_CUT_SHORT,)
        * (len(role.split()) == 1 and role.rstrip(".") not in context.people.title_acronyms)
    )
    return _taken(role, rule, sentence, reading, doubts + shared)


def _taken(
    value: str,
    rule: Rule,
    sentence: SentenceReading,
    reading: AnswerReading,
    flags: tuple[FlagReason, ...],
) -> Decision:
    via = (FlagReason.VIA_REFERENCE,) if sentence.sentence.via_reference else ()
    return Decision(
        value, rule.id, trim(sentence.sentence.text), sentence.sentence.locator,
        rule.confidence, _rule_flags(rule) + flags + via, addressed=True,
        question=reading.question,
    )  # fmt: skip


_LEAD_IS = re.compile(r"\blead\b[^.;|]{0,60}\b(?:is|was)\s+(?:our\s+|the\s+)?$", re.IGNORECASE)
_PRONOUN_FIRST = re.compile(r"^\W*(?:she|he|they)\b", re.IGNORECASE)


def _lead(
    sentences: Sequence[SentenceReading], context: TrustContext
) -> tuple[Lead, SentenceReading] | None:
    """The post the answer gives and who holds it. Sentences are read together (a labelled
    "Name – Jo Bell; Job title – Chief Nurse" spans two); a post with its holder (or a withheld
    name) outranks a post alone, which outranks a name alone (an address or a signature). When
    the answer opens with a post as the lead ("the executive lead is our Chief Nurse"), a later
    sentence that says nothing of a lead ("our Freedom to Speak Up Guardian, Mr X, has set up a
    route for concerns") counts one step down."""
    if not sentences:
        return None
    # An answer typed in capitals reads in ordinary case (same length, so places still fit).
    texts = [mixed_case(s.sentence.text, context.people.title_acronyms) for s in sentences]
    joined = " | ".join(texts)  # a title or a name never runs on into the next sentence
    starts = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + 3
    leads = context.people.leads(joined)

    def rank(lead: Lead) -> int:
        if lead.supporting:  # "..., supported by Ms Ada Obi, Head of Safeguarding"
            return 3
        if lead.title and NON_EXECUTIVE.search(lead.title.text):
            return 3  # "Our Non-Executive Director, Prof X, is the Board champion for ..."
        if lead.title and (lead.person or lead.withheld):
            return 0
        return 1 if lead.title else 2

    def sentence_of(lead: Lead) -> int:
        anchor = (lead.title or lead.person).start  # type: ignore[union-attr]
        return max(i for i, start in enumerate(starts) if start <= anchor)

    # "The executive lead is our Chief Nurse. ... our FTSU Guardian, Mr X, has set up ...":
    # a post the answer opens with as the lead outranks a later pair that says no lead
    opens_with_post = context.people.says_lead(texts[0]) and any(
        lead.title and sentence_of(lead) == 0 for lead in leads
    )

    # leads by area ("For Safeguarding children, Executive lead Mrs X", "The Named Nurse for
    # Adult Safeguarding is Ms Y ... The executive lead for DASV is Ms Z"): when a lead is said
    # to be for the area asked about, a post for another area is not the answer
    areas, for_lead = zip(*(lead_area(text) for text in texts), strict=True)
    asked = top_question(sentences[0].sentence.question, context.compiled)
    on_subject = [on_topic(a, asked, context.compiled) for a in areas]
    led = any(on and lead for on, lead in zip(on_subject, for_lead, strict=True))
    beside = others_in_clause(joined, leads, lambda a: on_topic(a, asked, context.compiled))

    def weight(lead: Lead) -> int:
        index = sentence_of(lead)
        # (the holder's own title, "Lead Freedom to Speak Up Guardian", says no lead of ours)
        own = texts[index].replace(lead.title.text, "") if lead.title else texts[index]
        later = index > 0 and not context.people.says_lead(own)
        second = context.people.secondary_lead.search(texts[index])  # "Mr X: deputy lead"
        elsewhere = led and bool(areas[index]) and not on_subject[index]
        # "Named Nurse for DA", "leads domestic abuse work operationally": below the lead
        day_to_day = bool(DAY_TO_DAY.search(texts[index]))
        operational = led and (on_subject[index] and not for_lead[index] or day_to_day)
        return (
            rank(lead) + (1 if opens_with_post and later else 0) + (2 if second else 0)
            + (3 if elsewhere or lead in beside else 0) + operational
        )  # fmt: skip

    ordered = sorted(leads, key=weight)
    if not ordered:
        return None

    best = ordered[0]
    index = sentence_of(best)
    row = sentences[index].sentence.locator
    if rank(best) == 1 and not any(lead.supporting for lead in leads):
        # "Yes – Chief Nurse | Post holder: Jo Bell": a post in one cell and a name alone in
        # another cell of the same row (a notes column), or a post on the line next to one
        # holding only a name, are the post and its holder
        in_row = bool(_TABLE_ROW.search(row))
        # (not a person the answer gives a post of their own: "... the lead for domestic abuse
        # is X, Specialist Practitioner")
        posted = {lead.person.text for lead in leads if lead.person and lead.title}
        holders = [
            (i, person)
            for i, s in enumerate(sentences)
            for person in context.people.names_alone(texts[i])
            if person.text not in posted
            and (
                (in_row and s.sentence.locator == row)
                or (abs(i - index) == 1 and _NAME_ONLY.fullmatch(texts[i].replace(person.text, "")))
                # "The lead is Dr Priya Ramanathan. She holds the post of Chief Nursing Officer."
                or (i == index - 1 and _PRONOUN_FIRST.match(texts[index]))
            )
        ]
        if len(holders) == 1:
            other, person = holders[0]
            both = sorted({index, other})
            first = sentences[both[0]]
            text = " … ".join(sentences[i].sentence.text for i in both)
            merged = replace(first, sentence=replace(first.sentence, text=text))
            return Lead(best.title, person, False), merged
    return best, sentences[index]


# What a line holding only a name may have besides it: "Post holder: ", "Lead – ", "."; or
# its row's label after it, as a table of people reads: "Mrs X: Executive lead (DASV)."
_NAME_ONLY = re.compile(
    r"\W*(?:(?:name|lead|post ?holder|postholder|holder|incumbent)\s*[:–—-]\s*)?\W*"
    r"(?:(?:(?:executive|exec|named|dasv)\s+)*lead(?:\s*\([\w ]+\))?\W*)?",
    re.I,
)
# A table's row: "table 2 row 5", "page 1 table 1 row 3", a sheet's "Sheet1!A6:D6".
_TABLE_ROW = re.compile(r"\brow \d+$|![A-Z]+\d+:[A-Z]+\d+$")


def _field_order(compiled: Compiled) -> list[FieldSpec]:
    """Fields whose rules take another field's value come after that field."""
    done: list[FieldSpec] = []
    pending = list(compiled.fields)
    names = {s.field.name for s in pending}
    while pending:
        progressed = False
        for spec in list(pending):
            deps = {r.from_field for r in spec.rules if r.from_field} & names
            if deps <= {s.field.name for s in done}:
                done.append(spec)
                pending.remove(spec)
                progressed = True
        if not progressed:
            raise CodebookError(
                "fields take values from each other in a circle: "
                + ", ".join(s.field.name for s in pending)
            )
    return done


def decide_reading(
    reading: Reading,
    context: TrustContext,
    key: int = 0,
    trace_field: str = "",
    steps: list[RuleStep] | None = None,
) -> dict[str, Decision]:
    """Every field's decision on one reply; ``steps`` collects the rules tried for
    ``trace_field``."""
    decided: dict[str, Decision] = {}
    context.document = tuple(
        s.text for s in [*reading.general, *(s for ss in reading.answers.values() for s in ss)]
    )
    for spec in _field_order(context.compiled):
        if spec.derive:
            continue
        collect = steps if spec.field.name == trace_field else None
        decision = decide(spec, reading.answers, decided, context, key, collect)
        decided[spec.field.name] = corrected_after(decision, reading, context.compiled)
    return decided


__all__ = ["RuleStep", "Status", "TrustContext", "answer_holds", "decide", "decide_reading"]
