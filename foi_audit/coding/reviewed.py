"""Revisions: a later part of a reply that corrects its first answers; and a review that goes
through the earlier reply's exemptions one by one ("Section 40(2): the name ... It was not
appropriate to withhold it. The name is Mrs X."), each section's paragraph answering the
question the earlier reply withheld under that section, a paragraph keeping its section ("I
uphold the exemption") leaving that question's earlier answer standing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import NO_CHANGE
from foi_audit.coding.questions import (
    OTHER,
    child_question,
    classify_question,
    restated_question,
    top_question,
)
from foi_audit.coding.records import Line, Reading, Sentence
from foi_audit.coding.sections import SECTION_LABEL, sections_in, sections_set_aside
from foi_audit.coding.text import matches_any

_HEADING_WORDS = 10  # "Section 40(2) - name of the lead": a heading, its paragraph below


def placed_by_section(readings: Sequence[Reading], compiled: Compiled) -> list[Reading]:
    """Each revision's section paragraphs as answers to the questions the earlier replies
    withheld under those sections (one question per section, or none)."""
    withheld: dict[str, set[str]] = {}  # section -> the earlier replies' questions citing it
    for reading in readings:
        if reading.revises or reading.kind != "reply":
            continue
        for qid, said in reading.answers.items():
            for sentence in said:
                for section in sections_in(sentence.text, compiled):
                    withheld.setdefault(section, set()).add(qid)
    if not withheld:
        return list(readings)
    return [
        _placed(r, withheld, compiled) if r.revises and r.kind == "reply" and not r.asked else r
        for r in readings
    ]


def _placed(reading: Reading, withheld: dict[str, set[str]], compiled: Compiled) -> Reading:
    answers = {qid: list(said) for qid, said in reading.answers.items()}
    ordered = _in_document_order(reading)
    for section, paragraph in _section_paragraphs(ordered, compiled):
        questions = withheld.get(section, set())
        if len(questions) != 1:
            continue
        qid = next(iter(questions))
        ids = {id(s) for s in paragraph}
        for said in answers.values():  # (the paragraph read as another question's answer)
            said[:] = [s for s in said if id(s) not in ids]
        if any(matches_any(compiled.doc.decision_upheld, s.text) for s in paragraph):
            continue  # kept as it was: the earlier answer stands
        # what it now says, without its heading or the words on the decision ("It was not
        # appropriate to withhold it."): "the name of our Chief Nurse ... The name is Mrs X."
        said = [_unlabelled(s) for s in paragraph if not _on_the_decision(s.text, compiled)]
        # (what else was read as its answer is the letter's own: "You disputed our decision to
        # withhold the name ...", "I was not involved in the original response")
        answers[qid] = [replace(s, question=qid) for s in said if s.text]
    return replace(
        reading,
        answers={q: said for q, said in answers.items() if said},
        set_aside=reading.set_aside | sections_set_aside(ordered, compiled),
    )


def _section_paragraphs(
    ordered: Sequence[Sentence], compiled: Compiled
) -> list[tuple[str, list[Sentence]]]:
    """The paragraphs that name one section in their first sentence (or under a short
    heading naming it), each with that section (``ordered``: sentences in document order)."""
    blocks: list[list[Sentence]] = []
    for sentence in ordered:
        if blocks and blocks[-1][0].locator == sentence.locator and not sentence.opens_block:
            blocks[-1].append(sentence)
        else:
            blocks.append([sentence])
    found: list[tuple[str, list[Sentence]]] = []
    for index, block in enumerate(blocks):
        first = block[0].text
        named = set(sections_in(first, compiled))
        if len(named) != 1 or not (SECTION_LABEL.match(first) or first.rstrip().endswith(":")):
            continue
        paragraph = list(block)
        # under a heading ("Section 40(2) - name of the lead"): the paragraph below; after a
        # sentence leading into the next line ("... now discloses that information:"), both
        if len(block) == 1 and index + 1 < len(blocks):
            if len(first.split()) <= _HEADING_WORDS:
                paragraph = blocks[index + 1]
            elif first.rstrip().endswith(":"):
                paragraph += blocks[index + 1]
        found.append((next(iter(named)), paragraph))
    return found


def _in_document_order(reading: Reading) -> list[Sentence]:
    """The reading's sentences, answers and other text, by their blocks' order in the document."""
    order = {block.locator: index for index, block in enumerate(reading.document.blocks)}
    every = [s for said in reading.answers.values() for s in said] + list(reading.general)
    return sorted(every, key=lambda s: order.get(s.locator, len(order)))


def _unlabelled(sentence: Sentence) -> Sentence:
    label = SECTION_LABEL.match(sentence.text)
    return replace(sentence, text=sentence.text[label.end() :].strip()) if label else sentence


def _on_the_decision(text: str, compiled: Compiled) -> bool:
    doc = compiled.doc
    return bool(
        matches_any(doc.decision_overturned, text)
        or matches_any(doc.set_aside, text)
        or matches_any(doc.set_aside_all, text)
    )


def revising_part(lines: Sequence[Line], answered: set[str], compiled: Compiled) -> frozenset[str]:
    """The places (locators) of a revision that follows an earlier reply's answers in the same
    document ("Internal review - FOI 5590", "The original answer was incorrect"); empty when
    there is none, or when places are too coarse to tell before from after (a PDF's page)."""
    first = next((i for i, line in enumerate(lines) if line.locator in answered), len(lines))
    for index, line in enumerate(lines):
        if index > first and matches_any(compiled.doc.revision, line.text):
            before = {earlier.locator for earlier in lines[:index]}
            return frozenset(later.locator for later in lines[index:]) - before
    return frozenset()


def as_revised(
    answers: dict[str, list[Sentence]],
    general: Sequence[Sentence],
    later: frozenset[str],
    compiled: Compiled,
) -> dict[str, list[Sentence]]:
    """A thread (a request site's page, a chain of mails) whose later message revises the
    first reply: what the revision answers stands over what was answered before, and what the
    first reply withheld under a section the revision sets aside is released."""
    answers = _named_in_revision(answers, general, later, compiled)
    # (the revision's own heading, "Corrected response following review", answers nothing)
    answers = {
        qid: _revised([s for s in found if not _is_heading(s, compiled)], later)
        for qid, found in answers.items()
    }
    everything = [*general, *(s for found in answers.values() for s in found)]
    void = sections_set_aside((s for s in everything if s.locator in later), compiled)
    return {
        qid: [
            s
            for s in found
            if s.locator in later or not void.intersection(sections_in(s.text, compiled))
        ]
        for qid, found in answers.items()
    }


# "Our answers to Questions 1 and 4 are unchanged": answers left as they were, none given
_UNCHANGED = re.compile(r"(?i)\b(?:unchanged|unaltered|remains? (?:the same|correct|accurate))\b")
_NAMED_ANSWER = re.compile(
    # "the answer to question 2(b)", "our corrected answer to 2(b)", "the original answers to
    # questions 2 and 3" (the first named)
    r"\b(?:answers?|responses?|repl(?:y|ies)) to (?:questions?\s*|qs?\s*)?(\d{1,2})"
    r"(?:\s*\(?([a-h])\)?(?![a-z]))?",
    re.IGNORECASE,
)


def _named_in_revision(
    answers: dict[str, list[Sentence]],
    general: Sequence[Sentence],
    later: frozenset[str],
    compiled: Compiled,
) -> dict[str, list[Sentence]]:
    """A revision's paragraph that names the answer it revises ("we have checked the answer
    to Q2(b) ... it is optional"), or opens with a question's topic ("Executive lead for
    DASV: Ms X, Chief Nurse."), answers that question, wherever it was read."""
    everything = [*general, *(s for found in answers.values() for s in found)]
    targets: dict[str, str] = {}
    # a paragraph naming the answer it revises, wherever it says so ("... This replaces the
    # original answers to questions 2 and 3."), before one whose words name a question
    for sentence in everything:
        qid = _revised_question(sentence.text, compiled) if sentence.locator in later else ""
        if qid and sentence.locator not in targets:
            targets[sentence.locator] = qid
    for sentence in everything:
        if (
            sentence.locator in later
            and sentence.locator not in targets
            and any(sentence is s for s in general)
            and not _PROCEDURE.search(sentence.text)
        ):
            # read with no question ("Apologies for the omission. Yes - there is a specific
            # sexual harassment module"): the question its words name
            named = classify_question(sentence.text, compiled)
            if named and named != OTHER:
                targets[sentence.locator] = named
    if not targets:
        return answers
    out = {qid: [s for s in found if s.locator not in targets] for qid, found in answers.items()}
    for sentence in everything:
        if sentence.locator in targets:
            out.setdefault(targets[sentence.locator], []).append(
                replace(sentence, question=targets[sentence.locator])
            )
    return out


# A revision's account of itself ("the internal review concerning our decision to withhold
# the name of the ABT provider"), never an answer to the question its words name
_PROCEDURE = re.compile(r"(?i)\b(?:review\w*|decision|appeal|complaint|exemption|section \d)")


def _revised_question(text: str, compiled: Compiled) -> str:
    named = None if _UNCHANGED.search(text) else _NAMED_ANSWER.search(text)
    if named:
        by_label = {q.label: q.id for q in compiled.questions if q.label}
        qid = by_label.get(named[1], "")
        if qid and named[2]:
            qid = child_question(compiled, qid, named[2], {}) or qid
        return qid
    label = text.split(":", 1)[0] if ":" in text[:90] else ""
    if 0 < len(label.split()) <= 12:
        qid = restated_question(label, compiled)
        return top_question(qid, compiled) if qid and qid != OTHER else ""
    return ""


def _is_heading(sentence: Sentence, compiled: Compiled) -> bool:
    return len(sentence.text.split()) <= 8 and bool(
        matches_any(compiled.doc.revision, sentence.text)
    )


def _revised(found: list[Sentence], later: frozenset[str]) -> list[Sentence]:
    """An answer the revision gives again: the revision's words first; the earlier answer
    dropped when the revision amends it ("amended to: Yes"), kept after it when it upholds,
    and alone when the revision says only that it stands ("No change.")."""
    revised = [s for s in found if s.locator in later]
    if not revised or len(revised) == len(found):
        return found
    earlier = [s for s in found if s.locator not in later]
    if all(NO_CHANGE.match(s.text) for s in revised):
        return earlier
    if any(_AMENDS.search(s.text) for s in revised):
        return revised
    return revised + earlier


_AMENDS = re.compile(
    r"\b(amended|corrected|revised|changed|incorrect|inaccurate|wrong|overturned|should (?:now |have )?"
    r"read|replac(?:ed|es|ing)|supersed\w*|to correct (?:our|the|my))\b",
    re.IGNORECASE,
)
