"""Numbered answers to a longer request tied to our questions by what they say."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from foi_audit.coding.codebook import ExtractKind
from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import (
    COURSE_PART,
    LABEL,
    LABEL_ONLY,
    QUESTION_RANGE,
    STARTS_LIKE_ANSWER,
    numbered_texts,
    set_apart,
)
from foi_audit.coding.questions import (
    OTHER,
    aimed_elsewhere,
    classify_question,
    restated_question,
    top_question,
    topic_heading,
)
from foi_audit.coding.reading import Modality, Polarity, polarity_of, written_out
from foi_audit.coding.records import Line, Segment, Sentence
from foi_audit.coding.text import matches_any

# How much of a numbered answer is read to tell which question it answers.
_ANSWER_LINES = 8
_ANSWER_CHARS = 800


def content_labels(
    lines: list[Line], doc_labels: dict[str, str], compiled: Compiled
) -> dict[str, str]:
    """Numbers tied to ours by what their answers say (:func:`aligned_by_content`) in a
    reply that ties none by restating ours: its numbers unrestated, or only a longer
    request's other questions restated ("Question 1 - How many nurses ...?" over "2,208",
    then a bare "Question 6" over "Yes. Our Sexual Safety Policy ..."). Beside others'
    restated questions, {} when a line restates one of ours: its heading places the answers."""
    if any(q != OTHER for q in doc_labels.values()):
        return {}
    for line in lines if doc_labels else ():
        text = line.text.strip()
        if "?" in text and len(text) < 400:
            asked = restated_question(text.split("?")[0] + "?", compiled)
            if asked and asked != OTHER:
                return {}
    content = aligned_by_content(lines, compiled).items()
    return {number: qid for number, qid in content if number not in doc_labels}


def aligned_by_content(lines: list[Line], compiled: Compiled) -> dict[str, str]:
    """Number -> question for a reply numbering a longer request's answers without restating
    its questions ("1. The Service does not have a dedicated sexual safety policy ... 3. Not
    applicable. 4. Yes. Dr X ... is the executive lead ... 5. Yes - signed ..."). Each
    numbered answer is weighed as each of our questions by what it says (:func:`_evidence`);
    a question's anchor is the answer that reads most as it, and as no other question as
    much. Anchors agreeing on one shift (answer n is our question n - k) place the questions
    without one, so "3. Not applicable." between the policy and the lead answers the plans
    question; a shift other than none needs two anchors, and an anchor off the shift keeps
    its own number ("15. Yes. Mrs X, Director of Nursing" after answers 9 to 11). {} when
    nothing ties a number to a question."""
    tops = {int(q.label): q.id for q in compiled.questions if not q.parent and q.label.isdigit()}
    if not tops:
        return {}
    label_of = {qid: label for label, qid in tops.items()}
    answers, letters = _numbered_answers(lines)
    if not all(number in answers for number in range(1, len(tops) + 1)):
        return {}  # no run of numbered answers from 1 (a log's dates and counts)
    opening = " ".join(line.text for line in lines[:60])[:3000]
    if not matches_any(compiled.doc.reply_cues, opening):
        return {}  # numbered sections of a document that replies to nobody (a policy)
    found: dict[str, list[tuple[int, int]]] = {}  # question -> (weight, number) of each
    shapes = _Shapes.of(compiled)
    for number, text in answers.items():
        ranked = _evidence(text, letters.get(number, 0), shapes, compiled).most_common(2)
        if not ranked or ranked[0][1] < _ANCHOR:
            continue
        if len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
            continue  # "No. The Trust does not provide ABT and has no plan to": two alike
        if ranked[0][0] in label_of:
            found.setdefault(ranked[0][0], []).append((ranked[0][1], number))
    best, undecided = _best_anchors(found, label_of)
    anchors = {number: qid for qid, (_, number) in best.items()}
    if not anchors:
        return {}
    shifts = Counter(number - label_of[qid] for number, qid in anchors.items())
    shift, count = shifts.most_common(1)[0]
    placed = {str(number): qid for number, qid in sorted(anchors.items())}
    if not (count >= 2 or (shift == 0 and len(anchors) == 1)):
        if len(anchors) >= 2:
            return _beside_anchors(placed, tops, set(answers), undecided)
        # one answer that reads as one of ours by its own words ("A draft Sexual Safety
        # Policy"): that one alone; not a person in an executive post (a longer request
        # names many, each for its own subject)
        return {n: q for n, q in placed.items() if q not in shapes.person_questions}
    for label, qid in tops.items():
        number = label + shift
        if qid not in best and qid not in undecided and number in answers and number not in anchors:
            placed[str(number)] = qid
    return placed


def _best_anchors(
    found: dict[str, list[tuple[int, int]]], label_of: dict[str, int]
) -> tuple[dict[str, tuple[int, int]], set[str]]:
    """Each question's answer that reads most as it; of answers that read as it alike (two
    people in executive posts), the one nearest where the other questions' anchors put it.
    When none is clearly nearer ("11. Ms X, Chief People Officer", "12. Ms Y, Chief Nursing
    Officer" where the anchors' shift says 6) which is ours is a guess: it is undecided."""
    best = {
        qid: max(places, key=lambda place: (place[0], -place[1])) for qid, places in found.items()
    }
    undecided: set[str] = set()
    for qid, places in found.items():
        tied = [number for weight, number in places if weight == best[qid][0]]
        others = Counter(n - label_of[q] for q, (_, n) in best.items() if q != qid)
        if len(tied) > 1 and others:
            expected = label_of[qid] + others.most_common(1)[0][0]
            nearest, second = sorted(tied, key=lambda n: (abs(n - expected), n))[:2]
            best[qid] = (best[qid][0], nearest)
            if abs(second - expected) - abs(nearest - expected) <= 1:
                undecided.add(qid)  # 11 and 12 where the shift says 6: neither is nearer
    return {q: place for q, place in best.items() if q not in undecided}, undecided


def _beside_anchors(
    placed: dict[str, str], tops: dict[int, str], answers: set[int], undecided: set[str]
) -> dict[str, str]:
    """Anchors on no one shift: a question without one takes the answer after the one its
    predecessor in the request took (the policy at 4, so the training at 5 and its plans at 6),
    else the answer before the one its successor took ("3. No." before the training at 4),
    when that answer is no other question's."""
    at = {qid: int(number) for number, qid in placed.items()}
    for step, labels in ((1, sorted(tops)), (-1, sorted(tops, reverse=True))):
        for label in labels:
            qid, beside = tops[label], tops.get(label - step)
            number = at[beside] + step if beside in at else 0
            if (
                qid not in at
                and qid not in undecided
                and number in answers
                and str(number) not in placed
            ):
                placed[str(number)] = qid
                at[qid] = number
    return placed


# An anchor weighs at least this: one of the question's own cues (its parts' alone never)
_ANCHOR = 3
# Words after a cue that make it a document's title: "Domestic Abuse Policy"
_TITLED = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s+(?:Policy|Procedure|Guidance|Strategy|Charter)\b"
)


@dataclass(frozen=True)
class _Shapes:
    """What the evidence needs to know of our questions, found once per document."""

    person_questions: frozenset[str]  # top questions whose field takes a person (the lead's)
    parts: dict[str, int]  # top question -> how many lettered parts it has

    @classmethod
    def of(cls, compiled: Compiled) -> _Shapes:
        fields = compiled.codebook.fields
        people = (q for f in fields if f.extract is ExtractKind.PERSON for q in f.questions)
        tops = [q.id for q in compiled.questions if not q.parent]
        return cls(
            frozenset(top_question(qid, compiled) for qid in people),
            {top: sum(1 for q in compiled.questions if q.parent == top) for top in tops},
        )


def _evidence(text: str, letters: int, shapes: _Shapes, compiled: Compiled) -> Counter[str]:
    """How much an answer reads as each of our top questions: 3 for each of the question's
    own cues it names, 1 for each of its parts' (2 at most: "mandatory ... delivered by an
    external company" is how other training is described too); 3 when it has as many lettered
    parts as the question and no other of ours has that many ("10a N/A 10b N/A 10c N/A"). A
    question whose field takes a person counts its own cues as 1 when the answer names
    neither a person nor a post ("the Domestic Abuse Policy is attached" is no lead), and 3
    for a person in an executive post ("Yes. Mrs X, Director of Nursing and Quality")."""
    people = compiled.people
    person_questions = shapes.person_questions
    posts = people.titles(text)
    persons = people.persons(text)
    named: Counter[str] = Counter()
    by_parts: Counter[str] = Counter()
    for question in compiled.questions:
        top = top_question(question.id, compiled)
        found = sum(
            1
            for pattern in question.cues
            if (m := pattern.search(text))
            and not (top in person_questions and _TITLED.match(text, m.end()))
        )  # (a lead's question is not named by a policy's title: "Domestic Abuse Policy")
        if question.parent:
            by_parts[top] += found
        else:
            loose = top in person_questions and not (posts or persons)
            named[top] += found * (1 if loose else _ANCHOR)
    for top, found in by_parts.items():
        named[top] += min(found, 2)
    elsewhere = {top for top in person_questions if aimed_elsewhere(text, top, compiled)}
    alike = Counter(shapes.parts.values())
    for top, size in shapes.parts.items():
        if letters >= 2 and size == letters and alike[letters] == 1:
            named[top] += _ANCHOR
    # an executive post held by the person named ("Ms X, Chief Nursing Officer") or with no
    # one named ("the Chief Nursing Officer is the lead"), not a person in another role beside
    # one ("our Guardian, Dr Y, reports to the Chief People Officer")
    if any(
        lead.title
        and (lead.person or not persons)
        and people.executive_post.search(lead.title.text)
        for lead in people.leads(text)
    ):
        for top in person_questions:
            named[top] += _ANCHOR
    for top in elsewhere:  # "the executive lead for flexible working is Mr X"
        del named[top]
    for question in compiled.questions:
        # "All staff complete Conflict Resolution e-learning (mandatory)": another training
        if named[question.id] and matches_any(question.elsewhere, text):
            del named[question.id]
    return +named


def _numbered_answers(lines: list[Line]) -> tuple[dict[int, str], dict[int, int]]:
    """Each top-level number's answer text ("2. Yes ... (b) It is mandatory ..."), from its
    first appearance up to the next number; and how many lettered parts each has ("10a")."""
    answers: dict[int, list[str]] = {}
    letters: dict[int, set[str]] = {}
    current = 0
    row = ("", 0)  # a table row's number cell: its place and number ("7 | Not currently.")
    for line in lines:
        if line.cell in {"label", "question"} and (only := LABEL_ONLY.match(line.text)):
            # (a lettered row, "Q3(b)", is a part whose question the request's own lettering
            # decides: not read by what it says)
            row = (line.locator, 0 if only["letter"] or only["range"] else int(only["num"]))
            continue
        if line.cell == "answer" and row[0] == line.locator and row[1] and row[1] not in answers:
            answers[row[1]] = [line.text]
            continue
        if line.cell:
            continue  # other cells: a table's numbers are its rows', not a letter's answers
        heading = LABEL_ONLY.match(line.text) or QUESTION_RANGE.match(line.text)
        if heading and not heading.groupdict().get("letter"):
            # "Question 4" or "Questions 5 to 9" alone on a line over its answer
            number = int(heading["num"])
            current = number if number not in answers else 0
            if current:
                answers[current] = []
            continue
        label = LABEL.match(line.text)
        if label and "." in label["num"]:
            continue  # a decimal paragraph ("2.1"): tied to ours by its words, not its number
        if label and not label["range"] and set_apart(label, line.text):
            number = int(label["num"])
            if label["letter"]:
                letters.setdefault(number, set()).add(label["letter"].lower())
            if number != current:
                current = number if number not in answers else 0
                if current:
                    answers[current] = []
            if current:
                answers[current].append(line.text[label.end() :])
            continue
        if current and len(answers[current]) < _ANSWER_LINES:
            answers[current].append(line.text)
    texts = {number: " ".join(found)[:_ANSWER_CHARS] for number, found in answers.items()}
    return texts, {number: len(found) for number, found in letters.items()}


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
    for key, text in numbered_texts(lines):
        # the question itself, not the parts asked after it ("Please tell me who ...")
        asked.setdefault(key, _first_question(text))
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
            found.setdefault(qid, []).append(line)  # a part's heading rivals no other part's
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


def answered_in_turn(segments: list[Segment], compiled: Compiled) -> bool:
    """Whether the last question restated opens its own answer ("REQUEST 2 ... RESPONSE"): the
    first question (ours, or a longer request's "Question 1" on another subject), or one after
    questions each answered in turn (not a summary's last)."""
    before = [seg for seg in segments[:-1] if seg.question and seg.restated]
    last = segments[-1]
    if not before:
        return last.label == "1" or any(
            q.id == last.question and q.label == "1" for q in compiled.questions
        )
    return all(seg.lines for seg in before)


def under_wrong_number(
    answers: dict[str, list[Sentence]], compiled: Compiled
) -> dict[str, list[Sentence]]:
    """An answer written under another question's number ("3. The training is optional. There
    is no specific session on sexual harassment." under the plans question), moved to the
    questions it answers: only when it opens with no yes or no, says nothing planned, supposed
    or in development, none of its sentences speaks of its own question, and each speaks of
    exactly one other, of another question family, left unanswered, two of them at least."""
    out = {qid: list(found) for qid, found in answers.items()}
    unsettled = [p for m, p in compiled.reading.modalities if m is not Modality.CEASED]
    for qid, found in answers.items():
        own = [q for q in compiled.questions if _same_family(q.id, qid, compiled)]
        family = {q.id for q in own}
        # ("No, and there are no plans to" under the training question answers it first)
        if (
            not found
            or STARTS_LIKE_ANSWER.match(found[0].text)
            or any(
                matches_any(q.cues, s.text) or matches_any(q.topic_cues, s.text)
                for s in found
                for q in own
            )
        ):
            continue
        if any(matches_any(patterns, s.text) for patterns in unsettled for s in found):
            continue  # ("from January 2025 all new managers will attend": a plan, its own)
        targets = []
        for sentence in found:
            fits = [
                q.id
                for q in compiled.questions
                if q.id not in family and not out.get(q.id) and matches_any(q.cues, sentence.text)
            ]
            targets.append(fits[0] if len(fits) == 1 else "")
        # (of two parts at least: one word of a part's ("in-house", "module") in an answer of
        # its own is too little to move it)
        if all(targets) and len(set(targets)) >= 2:
            out[qid] = []
            for sentence, target in zip(found, targets, strict=True):
                out.setdefault(target, []).append(replace(sentence, question=target))
    return out


def _same_family(one: str, other: str, compiled: Compiled) -> bool:
    return top_question(one, compiled) == top_question(other, compiled)


_TERSE_WORDS = 10  # a piece longer than this is more than a part's short answer


def parts_in_turn(
    answers: dict[str, list[Sentence]], compiled: Compiled
) -> dict[str, list[Sentence]]:
    """A question's parts answered in one line, in turn, with nothing to say which is which
    ("2 Yes; our own trainers and Merseyside Upstanders CIC; mandatory; yes"): a piece each,
    in the order of the parts' letters, when the pieces are short, as many as the question and
    its parts, the first a yes or no, no part has an answer of its own, and no piece speaks of
    another part than the one its place gives it ("Yes; optional; run by X CIC; ..." is out of
    turn)."""
    out = {qid: list(found) for qid, found in answers.items()}
    for question in compiled.questions:
        parts = sorted(q.id for q in compiled.questions if q.parent == question.id)
        found = _yes_split(answers.get(question.id, []), len(parts))
        if (
            not parts
            or len(found) != 1 + len(parts)
            or any(answers.get(part) for part in parts)
            or len({s.locator for s in found}) != 1
            or not STARTS_LIKE_ANSWER.match(found[0].text)
            or any(len(s.text.split()) > _TERSE_WORDS for s in found)
            or not _in_turn(found)
            or _out_of_turn(parts, found[1:], compiled)
        ):
            continue
        out[question.id] = found[:1]
        for part, sentence in zip(parts, found[1:], strict=True):
            out[part] = [replace(sentence, question=part, start=True)]
    return out


def _yes_split(found: list[Sentence], parts: int) -> list[Sentence]:
    """ "Yes: The Bystander Collective; optional; yes." as "Yes" and a piece per part: the
    first part's answer run on after the yes."""
    run_on = _YES_RUN_ON.match(found[0].text) if found and len(found) == parts else None
    if run_on is None:
        return found
    head = replace(found[0], text=run_on[1])
    return [head, replace(found[0], text=found[0].text[run_on.end() :], start=False), *found[1:]]


_YES_RUN_ON = re.compile(r"^\W*(yes|no)\s*[:,–—-]\s*(?=\S)", re.IGNORECASE)


def labelled_parts(
    answers: dict[str, list[Sentence]], compiled: Compiled
) -> dict[str, list[Sentence]]:
    """Sentences inside a question's answer that open with a label naming one of its parts
    ("2. ABT: Yes. Delivered in-house ... Mandatory or optional: Optional. Sexual harassment
    module: Yes."), none of which has an answer of its own: each answers its part."""
    out = {qid: list(found) for qid, found in answers.items()}
    values = {v for spec in compiled.fields for v in spec.field.values}
    for question in compiled.questions:
        parts = {q.id for q in compiled.questions if q.parent == question.id}
        found = answers.get(question.id, [])
        if not parts or any(answers.get(part) for part in parts):
            continue
        kept: list[Sentence] = []
        moved: dict[str, Sentence] = {}
        for sentence in found:
            label = _RUN_IN_LABEL.match(sentence.text)
            # (a label of one word may be the value itself: "Mandatory: Yes, for all staff"; one
            # with a verb is a sentence: "Active Bystander Training is optional: it is ...")
            words = label[1].split() if label else []
            is_label = 2 <= len(words) <= 5 and not _VERB.search(" ".join(words))
            is_label = is_label and not (label and COURSE_PART.match(label[1]))  # "Module B"
            # (before a dash, no label that is a value itself: "Optional attendance - no.")
            is_label = is_label and not (
                label and ":" not in label[0] and _says_value(words, values, compiled)
            )
            part = classify_question(" ".join(words), compiled) if is_label else ""
            if label and part in parts and part not in moved:
                text = sentence.text[label.end() :]
                moved[part] = replace(sentence, text=text, question=part, start=True)
            else:
                kept.append(sentence)
        if moved and kept:
            out[question.id] = kept
            out.update((part, [sentence]) for part, sentence in moved.items())
    return out


def _says_value(words: list[str], values: set[str], compiled: Compiled) -> bool:
    """Whether words say one of the fields' ``values`` ("Compulsory for managers": mandatory)."""
    text = " ".join(words)
    return any(name in values and matches_any(found, text) for name, found in compiled.concepts)


_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|does|do|did|can|may)\b", re.I)
# A run-in label of a few words before its answer: "Sexual harassment module: Yes.", "SH
# module – N." (after a dash, only before a bare answer: "It's optional - staff book ..." is
# a sentence)
_RUN_IN_LABEL = re.compile(
    r"\s*([A-Za-z][\w /'’()-]{2,50}?)(?:\s*:\s+|\s+[–—-]\s+(?=(?i:yes|no|y|n|n/a|none)\W*$))(?=\S)"
)


def last_part_bare(
    answers: dict[str, list[Sentence]], compiled: Compiled
) -> dict[str, list[Sentence]]:
    """A bare "Yes." or "No." closing a question's answer whose other sentences speak, in turn,
    of every part but the last ("Yes. Delivered in-house by our OD team. Optional. Yes."):
    it answers that last part."""
    out = {qid: list(found) for qid, found in answers.items()}
    for question in compiled.questions:
        parts = sorted(q.id for q in compiled.questions if q.parent == question.id)
        found = answers.get(question.id, [])
        if not parts or len(found) < 3 or any(answers.get(part) for part in parts):
            continue
        last = found[-1]
        if not _bare_answer(last.text, compiled) or any(
            _BARE_YES_NO.fullmatch(s.text) for s in found[1:-1]
        ):
            continue
        cues = {q.id: q.cues for q in compiled.questions if q.id in parts}
        said = [written_out(s.text, compiled.reading) for s in found[:-1]]  # "opt": optional
        spoken = [any(matches_any(cues[part], text) for text in said) for part in parts]
        if spoken[-1] or not all(spoken[:-1]):
            continue
        out[question.id] = found[:-1]
        out[parts[-1]] = [replace(last, question=parts[-1], start=True)]
    return out


_BARE_YES_NO = re.compile(r"\W*(?:(?i:yes|no)|Y|N)\W*")  # (a busy office's "Y" or "N" too)


def _bare_answer(text: str, compiled: Compiled) -> bool:
    """A bare yes or no, or an elliptical one of a few words ("Not specifically.", "We do.")."""
    return bool(_BARE_YES_NO.fullmatch(text)) or (
        len(text.split()) <= _BARE_WORDS
        and polarity_of(text, compiled.reading) is not Polarity.UNKNOWN
    )


def _in_turn(pieces: list[Sentence]) -> bool:
    """Pieces set apart as answers in turn: by semicolons, or each a word or three ("2. Yes.
    In-house. Optional. Yes."), not sentences of prose."""
    # (the yes or no that opens them may stand without one: "Yes, delivered by X; optional; no.")
    return all(s.text.rstrip().endswith(";") for s in pieces[1:-1]) or all(
        len(s.text.split()) <= _BARE_WORDS for s in pieces
    )


_BARE_WORDS = 3


def _out_of_turn(parts: list[str], pieces: list[Sentence], compiled: Compiled) -> bool:
    """Whether a piece speaks of another part than the one at its place."""
    cues = {q.id: q.cues for q in compiled.questions if q.id in parts}
    return any(
        matches_any(cues[other], piece.text)
        for part, piece in zip(parts, pieces, strict=True)
        for other in parts
        if other != part
    )
