"""The exemptions field: FOI Act sections the replies rely on."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from foi_audit.coding.compiled import Compiled, FieldSpec
from foi_audit.coding.records import Decision, Reading, Sentence
from foi_audit.coding.text import matches_any, trim
from foi_audit.records import (
    FlagReason,
)

SECTION_LIST = re.compile(
    r"(?:(?:\s*\([^()]{3,40}\))?\s*(?:,|and|&|or)\s*(?:section\s+|s\.?\s*)?\d{1,2}(?:\s*\(\s*\w{1,4}\s*\))*)+",
    re.IGNORECASE,
)

# A paragraph's heading, alone or run into its first sentence: "Section 40(2):", "s43(2) -"
SECTION_LABEL = re.compile(
    r"^\W*(?:section|s\.?)\s*\d{1,2}(?:\s*\(\w{1,3}\))*\s*(?:[:–—-]|$)", re.IGNORECASE
)


def set_aside(readings: Sequence[Reading], compiled: Compiled) -> frozenset[str]:
    """Sections an internal review (or a corrected reply) says it no longer relies on: "I have
    concluded that section 12 was not correctly applied"."""
    return frozenset(
        section
        for reading in readings
        if reading.revises
        for section in reading.set_aside
        | sections_set_aside(
            reading.general + [s for ss in reading.answers.values() for s in ss], compiled
        )
    )


def sections_set_aside(sentences: Iterable[Sentence], compiled: Compiled) -> frozenset[str]:
    """The sections these sentences say are no longer relied on ("s40"): by name, or under a
    heading naming the section ("Section 40(2) - name of the lead", then "I have overturned
    the original decision")."""
    found: set[str] = set()
    heading: list[str] = []  # the sections the last short heading named
    sentences = list(sentences)
    said = [s for s in sentences if matches_any(compiled.doc.set_aside_all, s.text)]
    if said:
        # "Your complaint is therefore upheld and neither exemption is now relied on"; of a
        # refusal overturned, the sections it cited, not those the answers cite afresh ("The
        # refusal is overturned" then "... withheld under section 40(2)")
        refusal = all(re.search(r"(?i)\brefus", s.text) for s in said)
        found.update(
            section
            for s in sentences
            if not (refusal and s.question)
            for section in sections_in(s.text, compiled)
        )
    for sentence in sentences:
        found.update(
            f"s{int(m.group(1))}"
            for pattern in compiled.doc.set_aside
            for m in pattern.finditer(sentence.text)
        )
        named = sections_in(sentence.text, compiled)
        if named and (len(sentence.text.split()) <= 10 or SECTION_LABEL.match(sentence.text)):
            heading = named
        elif heading and matches_any(compiled.doc.decision_overturned, sentence.text):
            found.update(heading)
    return frozenset(found)


def sections_in(text: str, compiled: Compiled) -> list[str]:
    """The sections a sentence names, in order ("s12", "s40"); "sections 40(2) and 43" names
    two."""
    found = []
    for pattern in compiled.doc.section_pattern:
        for match in pattern.finditer(text):
            numbers = [match.group(1)]
            listed = SECTION_LIST.match(text, match.end())
            if listed:
                numbers += re.findall(r"\d{1,2}(?=\s*(?:\(|,|and\b|&|or\b|$|\s))", listed.group(0))
            found += [f"s{int(number)}" for number in numbers]
    return found


def sections_cited(readings: Sequence[Reading], spec: FieldSpec, compiled: Compiled) -> Decision:
    skip = compiled.doc.not_exemption
    void = set_aside(readings, compiled) | _not_relied_on(readings, compiled)
    found: dict[str, Sentence] = {}
    from_log = False
    elsewhere: set[int] = set()  # sentences answering a longer request's other questions
    outside_any: set[int] = set()  # sentences outside every answer (a page's footer among them)
    cost_limit: Sentence | None = None  # "would exceed the appropriate limit"
    replaced = _replaced_sections(readings, compiled)
    for reading in readings:
        # "anything": a section cited for a longer request's other question counts too
        answers = [
            s
            for qid, ss in reading.answers.items()
            for s in ss
            if reading.revises
            or not (cited := set(sections_in(s.text, compiled)))
            or not cited <= replaced.get(qid, set())
        ]
        everything = reading.general + answers + reading.other
        outside = {id(s) for s in [*reading.general, *reading.other]}
        outside_any |= {id(s) for s in reading.general}
        elsewhere |= {id(s) for s in reading.other}
        found_before = {s: id(t) for s, t in found.items()}
        for sentence in everything:
            if sentence.via_reference or matches_any(skip, sentence.text):
                continue
            if matches_any(compiled.doc.cost_limit, sentence.text):
                cost_limit = cost_limit or sentence
            for section in sections_in(sentence.text, compiled):
                if section in spec.field.values and section not in void:
                    found.setdefault(section, sentence)
        # On a page listing several requests, a section found outside this request's own
        # answers may belong to another request: a person checks it.
        new = [id(t) for s, t in found.items() if s not in found_before]
        from_log = from_log or (reading.several_requests and any(i in outside for i in new))
    if cost_limit is not None and "s12" in spec.field.values and "s12" not in void:
        # the cost limit is section 12's, though its number is not written (or OCR lost it)
        found.setdefault("s12", cost_limit)
    if not found:
        return Decision("", "exemptions.none_cited", confidence=0.85)
    ordered = sorted(found, key=lambda s: int(s[1:]))
    quote = " … ".join(dict.fromkeys(found[s].text for s in ordered))
    first = found[ordered[0]]
    if from_log:
        # On a page with other requests the section may belong to one of them: a human checks.
        return Decision(
            ";".join(ordered), "exemptions.cited_on_a_page_of_several_requests", trim(quote),
            first.locator, 0.6, flags=(FlagReason.SEVERAL_REQUESTS,), question=first.question,
        )  # fmt: skip
    other = any(id(found[s]) in elsewhere for s in ordered)
    # (only a footer's note on redactions names the sections withheld: what was redacted may
    # be no answer, a signatory's name)
    withholding = [s for s in ordered if s not in compiled.codebook.outcome.non_withholding]
    noted = bool(withholding) and all(
        id(found[s]) in outside_any and matches_any(compiled.doc.redaction_note, found[s].text)
        for s in withholding
    )
    flags = (FlagReason.SECTION_FOR_ANOTHER_QUESTION,) * other + (
        FlagReason.REDACTION_NOTE_ONLY,
    ) * noted
    return Decision(
        ";".join(ordered), "exemptions.sections_cited", trim(quote), first.locator, 0.9,
        flags=flags, question=first.question,
    )  # fmt: skip


def _not_relied_on(readings: Sequence[Reading], compiled: Compiled) -> set[str]:
    """Sections a reply says it does not rely on ("section 43(2) is therefore not engaged",
    "the Trust has chosen not to rely on section 21"), however it weighed them elsewhere,
    unless another of its sentences withholds under them."""
    said: set[str] = set()
    applied: set[str] = set()
    for reading in readings:
        answered = [s for ss in reading.answers.values() for s in ss]
        for sentence in [*reading.general, *answered, *reading.other]:
            denied = {
                f"s{int(m.group(1))}"
                for pattern in compiled.doc.set_aside
                for m in pattern.finditer(sentence.text)
            }
            said |= denied
            held = _WITHHOLDS.search(sentence.text)
            if held and not _WEIGHED.search(sentence.text[: held.start()]):
                # ("While section 40(2) does not prevent disclosure of the job title, the name
                # has been withheld under section 40(2)": named after the withholding, it holds)
                after = set(sections_in(sentence.text[held.start() :], compiled))
                applied |= after | (set(sections_in(sentence.text, compiled)) - denied)
    return said - applied


_WITHHOLDS = re.compile(
    r"\b(?:withh[eo]ld\w*|redact\w*|refus\w+|(?:is|are) exempt|exempt (?:from disclosure )?under)\b",
    re.IGNORECASE,
)
# only weighed: "considered whether ... should be withheld", "could be withheld", or the Act
# described: "section 21 provides that information ... is exempt"
_WEIGHED = re.compile(
    r"\b(?:whether|if|provides? that)\b"
    r"|\b(?:may|might|could|would|should)(?:\s+not)?(?:\s+\w+)?\s+(?:be\s+)?$",
    re.IGNORECASE,
)


def _replaced_sections(readings: Sequence[Reading], compiled: Compiled) -> dict[str, set[str]]:
    """Per question, section 22 (held for future publication) where a later reply's answer to
    it cites section 21 instead ("... has now been published. As it is reasonably accessible to
    you it is exempt under section 21"): what was to be published is, and the earlier
    exemption is no longer relied on. Other sections stand (a review may uphold one without
    repeating its number)."""
    published = {
        qid
        for reading in readings
        if reading.revises
        for qid, said in reading.answers.items()
        if any("s21" in sections_in(s.text, compiled) for s in said)
    }
    return {qid: {"s22"} for qid in published}


# What a sentence says is withheld: "withholding the contract values for the car parking
# management service under section 43(2)", "Agency spend by supplier is withheld under ..."
_WITHHELD_THING = re.compile(
    r"\b(?:withholding|withhold|redacting)\s+(?P<after>[^.;]{3,100}?)\s+(?:under|in accordance|pursuant)\b"
    r"|^\W*(?P<before>[^.;]{3,100}?)\s+(?:is|are|has been|have been)\s+(?:being\s+)?(?:withheld|redacted)\s+(?:under|in accordance|pursuant)\b",
    re.IGNORECASE,
)
# Words of anything a request's answer may withhold, whatever the study
_ANY_ANSWER = re.compile(
    r"\b(names?|identity|identities|individuals?|person|people|staff|provider|supplier|company|"
    r"organisation|policy|policies|document|copy|details|information|it|this|that|them|these|"
    r"those|part|parts|response|answer|material|content|data|post|role|drafts?|appendix|appendices|"
    r"annex(es)?|versions?|attachments?|enclosures?|protocols?|procedures?|guidance|papers?|"
    r"minutes|reports?|records?)\b",
    re.IGNORECASE,
)


def withholds_another_subject(text: str, compiled: Compiled) -> bool:
    """Whether a sentence withholds something the request never asked about, in words of no
    question of the study ("The Trust is withholding the contract values for the car parking
    management service under section 43(2)"): a paragraph from another reply left in."""
    found = _WITHHELD_THING.search(text)
    if found is None:
        return False
    thing = found["after"] or found["before"] or ""
    if len(thing.split()) < 3 or _ANY_ANSWER.search(thing):
        return False
    return not any(
        matches_any(q.cues, thing) or matches_any(q.topic_cues, thing) for q in compiled.questions
    )
