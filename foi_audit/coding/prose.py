"""Answers given without restated questions: free prose, clause by clause, and answers in order."""

from __future__ import annotations

import re
from dataclasses import replace

from foi_audit.coding.compiled import Compiled, Question
from foi_audit.coding.labels import (
    COMPOUND_LABEL,
    HEADING_VERB,
    STARTS_LIKE_ANSWER,
    questions_asked,
)
from foi_audit.coding.questions import (
    OTHER,
    aimed_elsewhere,
    classify_question,
    top_question,
    topic_lead,
)
from foi_audit.coding.reading import Polarity, polarity_of
from foi_audit.coding.records import Line, Segment, Sentence
from foi_audit.coding.sentences import answer_start, sentences
from foi_audit.coding.text import matches_any

ANSWER_HEADING = re.compile(r"^\W*(?:our\s+|trust\s+)?(?:response|answer|reply)s?\W*$", re.I)


def answers_in_order(segments: list[Segment], compiled: Compiled) -> dict[str, list[Sentence]]:
    """Unnumbered answer paragraphs (an HTML list whose numbers the reader dropped) after the
    request's questions quoted without numbers: paragraph i answers question i, but only when
    there are exactly as many paragraphs as questions and no paragraph names another topic."""
    closing = compiled.doc.closing
    boilerplate = compiled.doc.boilerplate
    run: list[str] = []
    for seg in segments:
        if seg.quoted and seg.question:
            top = top_question(seg.question, compiled)
            if top not in run:
                run.append(top)
            elif run[-1] != top:
                run = [top]  # a question quoted again: a new run starts
            continue
        if seg.quoted:
            continue
        if seg.question:
            # Questions restated one after another, all the answers under the last of them.
            top = top_question(seg.question, compiled)
            if not seg.restated or top in run:
                run = []
                continue
            run.append(top)
            if not any(any(char.isalnum() for char in line.text) for line in seg.lines):
                continue
        if len(run) < 2:
            run = []
            continue
        blocks: list[list[Line]] = []
        for line in seg.lines:
            if not any(char.isalnum() for char in line.text) or ANSWER_HEADING.match(line.text):
                continue
            if line.text.rstrip().endswith(":") and len(line.text.split()) <= 6 and not blocks:
                continue  # a heading over the answers ("What we said:")
            if matches_any(closing, line.text):
                break
            if matches_any(boilerplate, line.text):
                continue
            if blocks and blocks[-1][-1].block == line.block:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        if len(blocks) == len(run):
            ordered: dict[str, list[Sentence]] = {}
            for qid, block in zip(run, blocks, strict=True):
                found = sentences(block, qid)
                topic = top_question(
                    classify_question(found[0].text, compiled, topic=True), compiled
                )
                if topic and topic != qid:
                    break
                ordered[qid] = answer_start(found, compiled)
            else:
                return ordered
        run = []
    return {}


def answers_in_turn(
    segments: list[Segment], compiled: Compiled, after_request: bool = False
) -> dict[str, list[Sentence]]:
    """Answers given one paragraph per question, unnumbered and with no question restated,
    after a line saying so ("Our response to each of your questions is given below."):
    paragraph i answers the request's question i, only when there are exactly as many
    paragraphs as the request has questions and each opens like an answer or on its own
    question's topic.

    ``after_request``: the paragraphs after the request quoted whole with no answer under
    any question (a disclosure log's "Request" over "Response"): each on no other question's
    topic, and at least half opening like an answer ("Yes.", "Not applicable.")."""
    tops = {q.label: q.id for q in compiled.questions if not q.parent}
    count = questions_asked(compiled)
    if after_request:
        last = max((k for k, seg in enumerate(segments) if seg.quoted), default=-1)
        segments = segments[last + 1 :]
    lines = [line for seg in segments if not seg.question and not seg.quoted for line in seg.lines]
    start = (
        -1
        if after_request
        else next(
            (k for k, ln in enumerate(lines) if matches_any(compiled.doc.answers_in_turn, ln.text)),
            None,
        )
    )
    if start is None:
        return {}
    blocks: list[list[Line]] = []
    for line in lines[start + 1 :]:
        if matches_any(compiled.doc.closing, line.text):
            break
        if not any(c.isalnum() for c in line.text) or matches_any(
            compiled.doc.boilerplate, line.text
        ):
            continue
        if blocks and blocks[-1][-1].block == line.block:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    while blocks and _NAME_ALONE.match(" ".join(line.text for line in blocks[-1])):
        blocks.pop()  # the trust's name under the answers, as a log page signs them
    if len(blocks) != count:
        return {}
    found: dict[str, list[Sentence]] = {}
    answer_like = 0
    for number, block in enumerate(blocks, start=1):
        qid = tops.get(str(number))
        if qid is None:
            continue  # another question of a longer request
        said = sentences(block, qid)
        topic = top_question(classify_question(said[0].text, compiled, topic=True), compiled)
        opens = bool(STARTS_LIKE_ANSWER.match(said[0].text))
        answer_like += opens
        # each opens like an answer ("Yes.", "N/A") or on its own question's topic: not a
        # closing note counted in place of an answer left out ("We hold no other information.")
        if topic != qid and (topic or not (opens or after_request)):
            return {}
        found[qid] = answer_start(said, compiled)
    return found if not after_request or 2 * answer_like >= len(found) else {}


# a trust's name alone: "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust"
_NAME_ALONE = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*|and|of|the|for|&),?\s+){1,12}NHS\s+(?:[A-Z]\w*\s+)*Trust\.?$"
)


def prose_answers(general: list[Sentence], compiled: Compiled) -> dict[str, list[Sentence]]:
    """A reply in free prose: a paragraph belongs to the question its first sentence is about
    (its later sentences follow it unless they name another question's topic); a sentence goes
    to the top-level question, whose fields read it with their sub-questions'."""
    boilerplate = compiled.doc.boilerplate
    closing = compiled.doc.closing
    answers, general = _listed_in_order(general, compiled)
    if not answers:
        answers, general = _paragraphs_in_order(general, compiled)
    paragraph_locator = None
    paragraph_question = last_question = ""
    signed = False  # after "Kind regards": the signature, until another message starts
    pairs = list(zip(general, general[1:], strict=False))
    themes = {id(s) for s, after in pairs if _run_in_theme(s, after, compiled)}
    # a paragraph that is only a heading naming a question, no verb, no full stop ("Active
    # Bystander Training – provision, delivery, status and content"), and the one under it
    headings = {id(s) for s, after in pairs if after.opens_block and _heading(s, compiled)}
    under_heading = {id(after) for s, after in pairs if id(s) in headings}
    clauses = ((whole, pair) for whole in general for pair in _clauses(whole, compiled))
    for whole, (sentence, clause_topic) in clauses:
        if matches_any(compiled.doc.quoted_mail_start, sentence.text) or matches_any(
            compiled.doc.answer_section_start, sentence.text
        ):
            signed = False  # another message starts ("FOI Team, X, 4 November 2024")
        elif matches_any(compiled.doc.valediction, sentence.text.strip()):
            signed = True
        if signed or matches_any(boilerplate, sentence.text) or matches_any(closing, sentence.text):
            paragraph_question = ""
            continue
        # Paragraphs of one PDF page share a locator: a paragraph led by its topic ("Exec
        # lead - ...") still starts afresh.
        new_paragraph = (
            sentence.locator != paragraph_locator
            or sentence.start
            or (sentence.opens_block and bool(topic_lead(sentence.text, compiled)))
            # "Part B, item 4 ...": the request's next item, whatever it is about
            or bool(COMPOUND_LABEL.match(sentence.text))
        )
        turn = _topic_turn(sentence, compiled)
        if new_paragraph or turn is not None:
            paragraph_locator, paragraph_question = sentence.locator, ""
            new_paragraph = True
        if id(whole) in themes:
            # "Equality data. The proportion ...": a paragraph headed by another theme
            paragraph_locator, paragraph_question = sentence.locator, OTHER
            continue
        named = classify_question(sentence.text, compiled)
        if named and aimed_elsewhere(sentence.text, top_question(named, compiled), compiled):
            named = ""  # "The executive lead for flexible working is Mr X": not ours
        # "Policy – ..., and there are no plans to draft one": the paragraph's own topic
        # heading outranks a later word of another question's
        lead = topic_lead(sentence.text, compiled) if sentence.opens_block else ""
        qid = lead or top_question(named, compiled) or clause_topic
        if turn is not None and _turns_elsewhere(turn, named, compiled):
            # "On chaperoning: Yes, the Chaperone Policy.": a longer request's other question
            paragraph_question = OTHER
            continue
        if not qid and new_paragraph:
            qid = top_question(classify_question(sentence.text, compiled, topic=True), compiled)
        if qid and id(whole) in headings:
            paragraph_question = last_question = qid  # a heading is no answer
            continue
        if not qid and id(whole) in under_heading and STARTS_LIKE_ANSWER.match(whole.text):
            qid = last_question  # "Not currently. The Trust ran ...": its heading's answer
        if new_paragraph and _of_another_kind(qid, sentence.text, compiled):
            # "Conflict resolution training ... It is delivered by an external provider": a
            # paragraph on another training than the one asked about answers another question
            # (within an answer it may be the contrast: "What all staff do is ...")
            paragraph_question = OTHER
            continue
        if (
            qid
            and not lead
            and not paragraph_question
            and qid != last_question
            and _stray_part_word(named, sentence.text, compiled)
        ):
            # "Security spend was £1.1m (contract plus in-house officers)": a sub-question's
            # word alone, away from its question's topic, opens no answer; another question
            # the sentence names by its own words may ("our Dignity at Work Policy, which has
            # a section on sexual harassment")
            qid = next(
                (
                    q.id
                    for q in compiled.questions
                    if not q.parent and q.id != qid and matches_any(q.cues, sentence.text)
                ),
                "",
            )
        if qid and qid != paragraph_question and (new_paragraph or not paragraph_question):
            paragraph_question = qid
            start = True
        elif (
            qid
            and paragraph_question
            and qid != paragraph_question
            and not _stays_on(paragraph_question, qid, sentence.text, compiled)
            and not _only_a_part(named, sentence.text, compiled)
        ):
            paragraph_question, start = qid, True
        else:
            qid, start = paragraph_question, False
        if qid and qid != OTHER:
            last_question = qid
            found = answers.setdefault(qid, [])
            opening = Sentence(sentence.text, sentence.locator, qid, start=start or not found)
            # "Policy - no dedicated one": the answer starts after its topic.
            found.extend(answer_start([opening], compiled) if opening.start else [opening])
    return _subjects_answer_too(answers, compiled)


# A sentence's subject before its verb or first comma: "Our Sexual Safety Policy, which ..."
_SUBJECT = re.compile(
    r"^\W*(?:our|the|this|its|the trust['’]s)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+(?=\s*,)", re.I
)


def _subjects_answer_too(
    answers: dict[str, list[Sentence]], compiled: Compiled
) -> dict[str, list[Sentence]]:
    """A sentence placed with one question whose subject is another question's topic, when
    nothing else answers that one ("Our Sexual Safety Policy, which I have attached, commits
    every member of staff to complete active bystander training ..."): it answers both."""
    for question in compiled.questions:
        if question.parent or answers.get(question.id):
            continue
        for other, found in list(answers.items()):
            if other in (question.id, OTHER):
                continue
            for index, sentence in enumerate(found):
                subject = _SUBJECT.match(sentence.text)
                if subject and question.id == top_question(
                    classify_question(subject[0], compiled, topic=True), compiled
                ):
                    # the sentence and the rest of its paragraph
                    end = next(
                        (j for j in range(index + 1, len(found)) if found[j].opens_block),
                        len(found),
                    )
                    answers.setdefault(question.id, []).extend(
                        replace(s, question=question.id, start=s is sentence, in_passing=True)
                        for s in found[index:end]
                    )
    return answers


# a short theme heading run into its paragraph's text: "Equality data. The proportion ..."
_THEME_HEADING = re.compile(r"^\W*[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,3}\s*[.:]$")


def _heading(sentence: Sentence, compiled: Compiled) -> bool:
    """A paragraph that is a heading naming a question: no verb, no full stop, no label with
    its answer ("Provider: Bystander Works Ltd", "Lead – Tamsin Okereke-Lowe, Chief Nurse";
    "Active Bystander Training – provision, delivery, status and content" lists topics)."""
    text = sentence.text.rstrip()
    parts = re.split(r"\s[–—-]\s", text, maxsplit=1)
    return (
        sentence.opens_block
        and ":" not in text
        and not (len(parts) == 2 and re.search(r"\b[A-Z]", parts[1]))
        and "row" not in sentence.locator  # (a table's cell: "Subject | Sexual safety ...")
        and not text.endswith((".", "?", "!"))
        and not HEADING_VERB.search(text)
        and bool(classify_question(text, compiled, topic=True))
    )


def _run_in_theme(sentence: Sentence, after: Sentence, compiled: Compiled) -> bool:
    """A paragraph's theme heading, on none of our questions, run into its text."""
    return (
        sentence.opens_block
        and not after.opens_block
        and after.locator == sentence.locator
        and bool(_THEME_HEADING.match(sentence.text))
        and not HEADING_VERB.search(sentence.text)
        and polarity_of(sentence.text, compiled.reading) is Polarity.UNKNOWN
        and not classify_question(sentence.text, compiled, topic=True)
    )


def _topic_turn(sentence: Sentence, compiled: Compiled) -> str | None:
    """The topic a paragraph turns to as it opens ("Regarding body-worn cameras: Yes." ->
    "body-worn cameras"), or None."""
    if not sentence.opens_block:
        return None
    found = next((m for p in compiled.doc.topic_turn if (m := p.match(sentence.text))), None)
    return found["topic"] if found else None


def _turns_elsewhere(topic: str, named: str, compiled: Compiled) -> bool:
    """A topic turned to that none of our questions is about (nor the sentence after it), or
    another of its question's kind ("For conflict resolution training, ...")."""
    ours = top_question(classify_question(topic, compiled, topic=True), compiled)
    if ours and ours != OTHER:
        return _of_another_kind(ours, topic, compiled)
    return not named


def _of_another_kind(qid: str, text: str, compiled: Compiled) -> bool:
    """A sentence about another subject of the question's kind (its ``elsewhere`` concepts)."""
    question = compiled.question(qid)
    return question is not None and bool(matches_any(question.elsewhere, text))


def _stray_part_word(named: str, text: str, compiled: Compiled) -> bool:
    """A sentence named only by a sub-question's word ("in-house", "optional") far into it,
    that says nothing of its question's topic: not its question's own words or looser ones,
    nor another of its parts' ("sessions", "module")."""
    question = compiled.question(named)
    if question is None or not question.parent:
        return False
    first = min((m.start() for p in question.cues if (m := p.search(text))), default=0)
    if len(text[:first].split()) <= 2:
        return False  # the answer it opens with: "In-house, by our facilitators."
    family = [
        q
        for q in compiled.questions
        if q.id == question.parent or q.parent == question.parent and q.id != named
    ]
    return not any(matches_any(q.cues, text) or matches_any(q.topic_cues, text) for q in family)


def _only_a_part(named: str, text: str, compiled: Compiled) -> bool:
    """A sentence named only by a sub-question's word, without its question's own ("Cases are
    dealt with under our Dignity at Work Policy, which has a section on sexual harassment"):
    not enough to leave the paragraph's question."""
    parent = next((q.parent for q in compiled.questions if q.id == named), "")
    cues = next((q.cues for q in compiled.questions if q.id == parent), ())
    return bool(parent) and not matches_any(cues, text)


def _stays_on(current: str, other: str, text: str, compiled: Compiled) -> bool:
    """A later sentence of a paragraph that still names the paragraph's question by its own
    cues, and names the other only by a sub-question's looser word ("Harassment sits within
    our Bullying and Harassment Policy (its own section)"), goes on answering the paragraph's."""
    cues = {q.id: q.cues for q in compiled.questions}
    return bool(matches_any(cues.get(current, ()), text)) and not matches_any(
        cues.get(other, ()), text
    )


# "In answer to your four questions: no, ...; no; not at this time; and yes – ..."
IN_ORDER_INTRO = re.compile(
    r"\b(?:answers?|responses?|replies|in (?:answer|response|reply))\b[^.:;]{0,40}"
    r"\bquestions?\b[^.:;]{0,30}(?:are|is|as follows)?\s*:\s*",
    re.I,
)


def _listed_in_order(
    general: list[Sentence], compiled: Compiled
) -> tuple[dict[str, list[Sentence]], list[Sentence]]:
    """Answers listed in one paragraph after "In answer to your questions:", one clause per
    question in the request's order, when there are exactly as many clauses as questions;
    the other sentences are returned to be read as prose."""
    top_level = [q.id for q in in_request_order(compiled)]
    if not top_level:
        return {}, general
    for index, sentence in enumerate(general):
        intro = IN_ORDER_INTRO.search(sentence.text)
        if not intro:
            continue
        first = sentence.text[intro.end() :].strip()
        items = [replace(sentence, text=first)] if first else []
        end = index + 1  # the sentences the list takes, its opening one included
        while not (items and items[-1].text.rstrip().endswith(".")):  # it ends its sentence
            if end >= len(general) or general[end].locator != sentence.locator:
                break
            items.append(general[end])
            end += 1
        if len(items) != len(top_level):
            continue
        answers = {
            qid: [replace(item, question=qid, start=True)]
            for qid, item in zip(top_level, items, strict=True)
        }
        return answers, general[:index] + general[end:]
    return {}, general


def in_request_order(compiled: Compiled, parts: bool = False) -> list[Question]:
    """The request's top-level questions in its order (their numbers), or with ``parts`` every
    question, each part after its parent ("2", "2a", "2b", "3"); none when a question is not
    numbered so, for then its order is unknown."""
    if not parts:
        asked = [q for q in compiled.questions if not q.parent]
        return (
            sorted(asked, key=lambda q: int(q.label))
            if all(q.label.isdigit() for q in asked)
            else []
        )
    numbers = {
        q.id: re.fullmatch(r"(\d{1,3})([a-z]?)", q.label.lower()) for q in compiled.questions
    }
    keys = {qid: (int(m[1]), m[2]) for qid, m in numbers.items() if m}
    if len(keys) < len(numbers):
        return []
    return sorted(compiled.questions, key=lambda q: keys[q.id])


# "The Trust's responses are:", "Our answers to your questions are as follows:"
PARAGRAPHS_INTRO = re.compile(
    r"\b(?:answers?|responses?|replies|as follows)\b[^.:;]{0,40}:\s*$", re.I
)


def _paragraphs_in_order(
    general: list[Sentence], compiled: Compiled
) -> tuple[dict[str, list[Sentence]], list[Sentence]]:
    """Answers given one paragraph a question after "The Trust's responses are:", without
    numbers or restated questions: paragraph i answers question i, when exactly as many
    paragraphs as the request has questions stand before the sign-off and none is about
    another question's topic alone ("Yes – ABT will be introduced from April" in third place
    answers the third question, on plans to introduce it)."""
    top_level = in_request_order(compiled)
    if not top_level:
        return {}, general
    for index, sentence in enumerate(general):
        if not PARAGRAPHS_INTRO.search(sentence.text):
            continue
        paragraphs: list[list[Sentence]] = []
        end = index + 1
        while end < len(general):
            item = general[end]
            if matches_any(compiled.doc.valediction, item.text.strip()) or matches_any(
                compiled.doc.closing, item.text
            ):
                break
            if not paragraphs or item.locator != paragraphs[-1][-1].locator or item.opens_block:
                paragraphs.append([])
            paragraphs[-1].append(item)
            end += 1
        if len(paragraphs) != len(top_level):
            continue
        answers: dict[str, list[Sentence]] = {}
        order = [q.id for q in top_level]
        for place, (question, paragraph) in enumerate(zip(top_level, paragraphs, strict=True)):
            text = " ".join(item.text for item in paragraph)
            topic = top_question(classify_question(text, compiled, topic=True), compiled)
            # a neighbour's topic is no contradiction: the question on plans for the training
            # speaks of the training
            if topic and topic not in order[max(0, place - 1) : place + 2]:
                return {}, general
            answers[question.id] = [
                replace(item, question=question.id, start=number == 0)
                for number, item in enumerate(paragraph)
            ]
        return answers, general[:index] + general[end:]
    return {}, general


CLAUSE_STATEMENT = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|not|no|none|nor|neither|yes|will|been|being)\b"
    r"|\b\w+n['’]t\b",  # "isn't something we offer"
    re.I,
)


# Between main clauses only: ", and we ...", "; ".
MAIN_CLAUSE_BREAK = re.compile(
    r";\s*|(?:,|\s[-–—])\s+(?:and|but)\s+(?=(?:we|our|the trust|it|there|this|staff|a|an)\b)", re.I
)


# ", and ...", or " and " before a second verb ("do not provide it and have no plans to").
CLAUSE_BREAK = re.compile(
    r",\s+(?:and\s+|but\s+|while\s+|whilst\s+)?"
    r"|\s+(?:and|but)\s+(?=(?:have|has|do|does|did|are|is|was|were|will|would|there|we)\b)"
    # "We have neither a dedicated policy nor Active Bystander Training": one denial, two answers
    r"|(?<=\S)\s+(?=nor\s)"
)


def _clauses(sentence: Sentence, compiled: Compiled) -> list[tuple[Sentence, str]]:
    """A prose sentence that answers several questions in turn ("There is no policy, we do not
    provide the training, and no lead has been appointed") as one clause per question, each
    with the question its topic names; a sentence whose clauses do not each name a different
    question stays whole (a clause naming none cannot be placed)."""
    if re.search(r"\b(?:request|asked|enquiry|questions?)\b", sentence.text, re.I):
        return [(sentence, "")]  # a list of the request's topics, not answers
    for breaks in (CLAUSE_BREAK, MAIN_CLAUSE_BREAK):
        # first at every clause; then only between main clauses ("Harassment of any kind,
        # including sexual harassment, is dealt with under our policy, and we intend to ...")
        pieces = [piece for piece in breaks.split(sentence.text) if piece.strip()]
        topics = [
            top_question(classify_question(piece, compiled, topic=True), compiled)
            for piece in pieces
        ]
        if (
            len(pieces) >= 2
            and all(topics)
            and len(set(topics)) == len(topics)
            # each clause a statement ("there is no policy"), not a list of topics (after
            # ", and we" a clause has its subject: "..., and we intend to introduce it")
            and all(CLAUSE_STATEMENT.search(piece) for piece in pieces[: len(pieces) - 1])
            and (breaks is MAIN_CLAUSE_BREAK or CLAUSE_STATEMENT.search(pieces[-1]))
        ):
            break
    else:
        return [(sentence, "")]
    if _refers_back(pieces, topics, compiled):
        return [(sentence, "")]
    return [
        (replace(sentence, text=piece, start=sentence.start and index == 0,
                 opens_block=sentence.opens_block and index == 0), topic)
        for index, (piece, topic) in enumerate(zip(pieces, topics, strict=True))
    ]  # fmt: skip


# "no plans to draft one", "to do so", "to introduce it": a clause whose object points back
ANAPHORIC_OBJECT = re.compile(r"(?<!how )\bto\s+\w+\s+(?:one|it|them|so|this|such)\W*$", re.I)


def _refers_back(pieces: list[str], topics: list[str], compiled: Compiled) -> bool:
    """A later clause named only by its own words ("there are no plans") whose object points
    back at the clause before ("We have not adopted a stand-alone policy, and there are no
    plans to draft one"): it is about that clause's subject, so the sentence is one answer,
    unless the later clause's question is itself about that subject (the plans question asks
    about the training: "We do not provide ABT, and have no plans to introduce it")."""
    texts = {q.id: q.text for q in compiled.codebook.questions}
    cues = {q.id: q.cues for q in compiled.questions}
    return any(
        ANAPHORIC_OBJECT.search(piece)
        and not matches_any(cues.get(before, ()), texts.get(topic, ""))
        for piece, topic, before in zip(pieces[1:], topics[1:], topics, strict=False)
    )
