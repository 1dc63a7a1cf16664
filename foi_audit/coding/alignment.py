"""Numbered answers to a longer request tied to our questions by what they say."""

from __future__ import annotations

from collections import Counter

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import LABEL, label_key, set_apart
from foi_audit.coding.questions import (
    OTHER,
    classify_question,
    restated_question,
    top_question,
    topic_heading,
)
from foi_audit.coding.records import Line
from foi_audit.coding.text import matches_any

# How much of a numbered answer is read to tell which question it answers.
_ANSWER_LINES = 8
_ANSWER_CHARS = 800


def aligned_by_content(lines: list[Line], compiled: Compiled) -> dict[str, str]:
    """Number -> question for a reply numbering a longer request's answers without restating
    its questions ("1. The Service does not have a dedicated sexual safety policy ... 3. Not
    applicable. 4. Yes. Dr X ... is the executive lead ... 5. Yes - signed ..."). A numbered
    answer that names one of our questions by that question's own cues is an anchor. When the
    anchors agree on one shift (answer n is our question n - k), every question of ours takes
    its number under that shift, so "3. Not applicable." between the policy and the lead
    answers the plans question; a shift other than none needs two anchors. Anchors that
    disagree keep only their own numbers, when each names a different question in the
    request's order. {} when nothing ties a number to a question."""
    tops = {int(q.label): q.id for q in compiled.questions if not q.parent and q.label.isdigit()}
    if not tops:
        return {}
    label_of = {qid: label for label, qid in tops.items()}
    answers = _numbered_answers(lines)
    if not all(number in answers for number in range(1, len(tops) + 1)):
        return {}  # no run of numbered answers from 1 (a log's dates and counts)
    opening = " ".join(line.text for line in lines[:60])[:3000]
    if not matches_any(compiled.doc.reply_cues, opening):
        return {}  # numbered sections of a document that replies to nobody (a policy)
    anchors: dict[int, str] = {}
    for number, text in answers.items():
        top = _named_question(text, compiled)
        if top in label_of:
            anchors[number] = top
    if not anchors:
        return {}
    shifts = Counter(number - label_of[qid] for number, qid in anchors.items())
    shift, count = shifts.most_common(1)[0]
    first, last = min(tops) + shift, max(tops) + shift
    agree = all(
        number - label_of[qid] == shift
        for number, qid in anchors.items()
        if first <= number <= last
    )
    if agree and (count >= 2 or (shift == 0 and len(anchors) == 1)):
        return {str(label + shift): qid for label, qid in tops.items() if label + shift in answers}
    ordered = sorted(anchors.items())
    questions = [qid for _, qid in ordered]
    in_order = [label_of[qid] for qid in questions] == sorted(label_of[qid] for qid in questions)
    if len(set(questions)) == len(questions) and in_order and len(anchors) >= 2:
        return {str(number): qid for number, qid in ordered}
    return {}


def _numbered_answers(lines: list[Line]) -> dict[int, str]:
    """Each top-level number's answer text ("2. Yes ... (b) It is mandatory ..."), from its
    first appearance up to the next number."""
    answers: dict[int, list[str]] = {}
    current = 0
    for line in lines:
        if line.cell:
            continue  # a table's numbers are its rows', not a letter's answers
        label = LABEL.match(line.text)
        if label and not label["range"] and set_apart(label, line.text):
            number = int(label["num"])
            if number != current:
                current = number if number not in answers else 0
                if current:
                    answers[current] = []
            if current:
                answers[current].append(line.text[label.end() :])
            continue
        if current and len(answers[current]) < _ANSWER_LINES:
            answers[current].append(line.text)
    return {number: " ".join(texts)[:_ANSWER_CHARS] for number, texts in answers.items()}


def _named_question(text: str, compiled: Compiled) -> str:
    """The top question whose family's cues an answer names most, "" on a tie ("No. The
    Trust does not provide ABT and has no plan to introduce it" answers two)."""
    named: Counter[str] = Counter()
    for question in compiled.questions:
        found = sum(1 for pattern in question.cues if pattern.search(text))
        if found:
            named[top_question(question.id, compiled)] += found
    ranked = named.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return ""
    return ranked[0][0]


def heading_series(lines: list[Line], compiled: Compiled) -> set[int]:
    """Places of short paragraphs that head the answers in turn though each ends with a full
    stop ("Sexual safety policy." ... "Plans." ... "Executive lead."): three or more, each
    naming the next of our questions in the request's order. One such line alone may be an
    answer ("Optional."); a series of them in order is the letter's headings."""
    tops = [q for q in compiled.questions if not q.parent]
    order = [q.id for q in sorted(tops, key=lambda q: (len(q.label), q.label))]  # as asked
    found: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        if line.cell or not _alone(lines, index) or not text.endswith(".") or len(text.split()) > 5:
            continue
        bare = text.rstrip(" .")
        if topic_heading(bare, compiled):
            top = top_question(classify_question(bare, compiled, True), compiled)
            if top in order:
                found.append((index, top))
    places = [order.index(top) for _, top in found]
    if len(found) >= 3 and all(a < b for a, b in zip(places, places[1:], strict=False)):
        return {index for index, _ in found}
    return set()


def one_number_each(
    numbered: dict[str, str], lines: list[Line], compiled: Compiled
) -> dict[str, str]:
    """A request's numbered questions with each of ours at one number: where two restated
    questions read as the same one of ours ("1. Who is the executive lead for equality,
    diversity and inclusion? ... 11. Has the Trust appointed an executive lead for DASV?"),
    the one most like it keeps it and the others are another subject's."""
    by_question: dict[str, list[str]] = {}
    for label, qid in numbered.items():
        if qid and qid != OTHER:
            by_question.setdefault(qid, []).append(label)
    shared = {qid: labels for qid, labels in by_question.items() if len(labels) > 1}
    if not shared:
        return numbered
    asked: dict[str, str] = {}
    for line in lines:
        found = LABEL.match(line.text)
        if found and not found["range"]:
            # the question itself, not the parts asked after it ("Please tell me who ...")
            question = _first_question(line.text[found.end() :])
            asked.setdefault(label_key(found["num"], found["letter"]), question)
    out = dict(numbered)
    for qid, labels in shared.items():
        best = max(labels, key=lambda label: _likeness(asked.get(label, ""), qid, compiled))
        for label in labels:
            if label != best:
                # "If the Trust does not offer ABT, are there plans?": by its own words the
                # plans question, when no number has that one yet
                named = classify_question(asked.get(label, ""), compiled)
                top = top_question(named, compiled) if named else ""
                free = top and top != qid and top not in out.values()
                out[label] = top if free else OTHER
    return out


def rival_headings(lines: list[Line], compiled: Compiled) -> set[tuple[int, str]]:
    """Topic headings that read as one of ours another heading in the same document restates
    more nearly ("Domestic Abuse Champions" and "Executive lead for DASV" above their answers):
    each of ours has one heading, the one most like it; the others head another subject's
    answer. Keys are (block, text)."""
    found: dict[str, list[Line]] = {}
    for index, line in enumerate(lines):
        text = line.text.strip()
        if (
            line.cell
            or not _alone(lines, index)
            or "?" in text
            or not topic_heading(text, compiled)
        ):
            continue
        qid = restated_question(text, compiled)
        if qid and qid != OTHER:
            found.setdefault(top_question(qid, compiled), []).append(line)
    losers: set[tuple[int, str]] = set()
    for qid, headings in found.items():
        if len(headings) < 2:
            continue
        best = max(headings, key=lambda line: _likeness(line.text, qid, compiled))
        losers.update((h.block, h.text) for h in headings if h is not best)
    return losers


def own_words(question: str, compiled: Compiled) -> str:
    """The question of ours a restated question's first sentence asks, "" when it asks none
    of ours: "5. Who is the lead for violence prevention? Please give their job title." is
    like the lead's question only by its second sentence."""
    return restated_question(_first_question(question), compiled)


def _first_question(text: str) -> str:
    return text.split("?")[0] + "?"


def _alone(lines: list[Line], index: int) -> bool:
    """Whether the line is a paragraph of its own (no other line of its block beside it)."""
    line = lines[index]
    return (index == 0 or lines[index - 1].block != line.block) and (
        index + 1 == len(lines) or lines[index + 1].block != line.block
    )


def _likeness(text: str, qid: str, compiled: Compiled) -> float:
    """How like question ``qid`` the text is (0 when not at all)."""
    return next((r.score for r in compiled.likeness.rank(text) if r.question == qid), 0.0)
