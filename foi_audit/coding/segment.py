"""Stage 2, segments: a document's lines split into answers per question."""

from __future__ import annotations

import re
from dataclasses import replace

from foi_audit.coding.alignment import (
    answered_in_turn,
    content_labels,
    heading_series,
    one_number_each,
    own_words,
    rival_headings,
)
from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import (
    AND_LABEL,
    ANSWER_AFTER_LOST_MARK,
    ANSWER_PREFIX,
    ANSWER_WORDS,
    ANSWERED_INLINE,
    CONTINUATION,
    INTERROGATIVE,
    LABEL,
    LABEL_ONLY,
    LETTER_LABEL,
    NEXT_FIELD,
    PART_LABEL,
    PREFIXED_LABEL,
    QUESTION_RANGE,
    STARTS_LIKE_ANSWER,
    SUB_MARKER,
    TABLE_HEADER_WORDS,
    answer_label,
    answer_number,
    cell_label,
    heading_keys,
    label_key,
    labelled_answer,
    lettered_answers,
    next_item,
    normalise_heading,
    numbered_parts,
    own_numbering,
    questions_asked,
    questions_named,
    section_over_questions,
    set_apart,
    turns_to_question,
)
from foi_audit.coding.numbering import numbered_questions, others_number, renumbered
from foi_audit.coding.questions import (
    OTHER,
    answer_before_closing,
    as_near_in_family,
    asked_in_request,
    asks_within,
    child_question,
    classify_question,
    echoes_open_question,
    grouped_part,
    heading_topic,
    number_and_cue,
    ours_top,
    parent_of,
    part_of,
    quoted_asks,
    restated_question,
    second_question,
    theme_heading,
    top_question,
    topic_lead,
    unlike,
    whole_request,
    with_second_questions,
)
from foi_audit.coding.records import Line, Segment
from foi_audit.coding.restated import (
    answer_run_on,
    bracketed_answer,
    heading_over_sentence,
    is_question_text,
    labelled_topic,
    run_in_heading,
)
from foi_audit.coding.text import SENTENCE_END, matches_any

_SECTIONS = 4  # numbered headings that make a letter's own sections


def _sections(lines: list[Line]) -> int:
    """How many numbered headings the document has ("1. About the Trust", "5. OUR POLICIES")."""
    return sum(
        1
        for line in lines
        if (m := LABEL.match(line.text)) and not m["letter"] and _own_heading(line.text[m.end() :])
    )


def _own_heading(text: str) -> bool:
    """A section's heading, not an answer nor a question: a few words, no sentence."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and text[:1].isupper()
        and not re.search(r"\d", text)
        and "?" not in text
        and not re.search(r"[.;!]\s*$", text)
        and not STARTS_LIKE_ANSWER.match(text)
    )


_ASKED_WITHIN = re.compile(r"(?:^|(?<=[.!;])\s+)([A-Z][^.!?;]{8,160}\?)(?:\s+|$)")


def _part_asked_within(text: str, parent: str, compiled: Compiled) -> tuple[str, str, str] | None:
    """A part of ``parent`` asked in the middle of its answer, and answered after it: (the
    text before, the part, the text after); None when no such part is asked."""
    for found in _ASKED_WITHIN.finditer(text):
        if not INTERROGATIVE.match(found[1]):
            continue
        qid = restated_question(found[1], compiled)
        if qid and qid != parent and parent_of(qid, compiled) == parent:
            return text[: found.start(1)].strip(), qid, text[found.end(1) :].strip()
    return None


def _answered_beneath(lines: list[Line], at: int, asked: str, compiled: Compiled) -> bool:
    """Whether one of the next three lines asks another of our questions with a line that
    answers it (no question) just beneath."""
    for index in range(at, min(at + 3, len(lines) - 1)):
        text, below = lines[index].text, lines[index + 1].text
        if "?" in text and restated_question(text, compiled) not in ("", OTHER, asked):
            return "?" not in below
    return False


def segment(
    lines: list[Line], compiled: Compiled, whole: list[Line] | None = None
) -> tuple[list[Segment], dict[str, str]]:
    """Split a document's lines into answers per question (see the module docstring);
    ``whole``: every line of the document (a mail's quoted history too), for its numbering."""
    lines = renumbered(lines, compiled)
    every = lines if whole is None else renumbered(whole, compiled)
    foreign = own_numbering(every, compiled)
    by_label = {} if foreign else {q.label: q.id for q in compiled.questions if q.label}
    # The request restated anywhere ("1. ... 2. ...") ties numbers to ours, before the codebook
    numbered = numbered_questions(every, compiled, foreign)
    # the numbers labelled on their own ("Q3."): no "Q2/Q3" pairs them
    labelled_alone = frozenset(m["num"] for ln in every if (m := LABEL.match(ln.text)))
    doc_labels = one_number_each(numbered, every, compiled)
    # numbers running past ours with only our questions restated: the letter's own sections
    # ("1. About the Trust" ... "7. Workforce development", the request in an annex)
    themed = foreign and OTHER not in numbered.values() and _sections(every) >= _SECTIONS
    outranked = {label for label, qid in doc_labels.items() if qid != numbered[label]}
    claimed = {qid: label for label, qid in doc_labels.items() if qid and qid != OTHER}
    by_content = content_labels(every, doc_labels, compiled) if foreign else {}
    aligned, doc_labels = bool(by_content), {**doc_labels, **by_content}
    series = heading_series(lines, compiled)  # "Plans." ... "Executive lead."
    rivals = rival_headings(lines, compiled)  # "Domestic Abuse Champions" beside "DASV lead"
    # numbers written as questions' ("Q6", "Question 6"), never a paragraph's
    asked_as = {m[1] for line in every if (m := PREFIXED_LABEL.match(line.text))}
    # "Answer 1:" ... "Answer 4:" number the answers as we do ("Answer 12:": a longer request's)
    asked_count = questions_asked(compiled)
    ours_answered = not foreign and all(answer_number(ln.text) <= asked_count for ln in every)
    a_labels = lettered_answers(ln.text for ln in every)  # "A2:" labels, not a list's items
    other_rows: set[int] = set()  # segments opened by a table row asking another question
    segments: list[Segment] = [Segment("")]
    quoted = False
    quoted_seen_question = False
    pending_label = ""
    joined_to: dict[str, str] = {}  # a label cell naming two questions, "2 & 3": the second
    inline_answers = False  # the last numbered label had its answer after it on its line
    rows_under = ""  # our question a heading line restated, above table rows of its parts
    entry_row = ""  # the table row that opened with a request's reference (a log's entry)
    i = 0

    def resolve(label: str) -> str:
        found = doc_labels.get(label) or by_label.get(label, "")
        if "." in label:
            return found  # a decimal paragraph no restated question tied: read by its topic
        parts = re.fullmatch(r"(\d+)([a-h])", label)
        if not found and parts and parts[1] in doc_labels:
            # "3(a)" under a renumbered "3. Bystander training": that question's part (a).
            parent = top_question(doc_labels[parts[1]], compiled)
            found = child_question(compiled, parent, parts[2], {}) if parent != OTHER else OTHER
        if not found and parts and (whole := _split_question(parts[1])):
            found = whole  # "4b | Name" where the request's question 4 has no parts: still 4
        if not found and aligned and label.isdigit():
            found = OTHER  # its answers tied to ours by what they say: the rest are others'
        elif not found and foreign and (current().question in ("", OTHER) or label in asked_as):
            # the document's own numbering, no restated question of ours has this number: another
            # question of a longer request (under one of ours, a numbered paragraph of its answer)
            found = OTHER
        elif not found and label.isdigit() and int(label) <= compiled.codebook.request_questions:
            found = OTHER  # another question of the longer request the study's are part of
        return found

    def current() -> Segment:
        return segments[-1]

    def own_topic(heading: str) -> str:
        named = top_question(classify_question(heading, compiled), compiled)
        return named if named != OTHER else ""

    def agreeing(heading: str, label: str) -> str:
        """The question numbered ``label`` when a short heading is its topic ("1. Policy")."""
        ours = doc_labels.get(label) or next(
            (q.id for q in compiled.questions if q.label == label), ""
        )
        numbered = top_question(ours, compiled) if ours else ""
        loose = top_question(classify_question(heading, compiled, topic=True), compiled)
        return numbered if numbered not in ("", OTHER) and loose == numbered else ""

    def _split_question(number: str) -> str:
        """Our question whose part of this number ("4a") a row of this reply restated, when
        it has no parts of its own: the reply split it ("4b | Name", "4c | Job title")."""
        base = next((q for k, q in doc_labels.items() if re.fullmatch(number + "[a-h]", k)), "")
        top = top_question(base, compiled) if base and base != OTHER else ""
        return top if top and not any(q.parent == top for q in compiled.questions) else ""

    def _in_context(qid: str, text: str, label: str = "") -> str:
        """A part of ours asked right after another question without naming our subject asks
        of it ("Q4 Who delivers that training?"), unless numbered in our question's family."""
        parent = parent_of(qid, compiled) if qid and qid != OTHER else ""
        if parent and current().question == OTHER and current().restated:
            cued = any(matches_any(q.cues, text) for q in compiled.questions if q.id == parent)
            ours = {k.rstrip("abcdefgh") for k, q in doc_labels.items() if q == parent}
            if not cued and not (label and label.rstrip("abcdefgh") in ours):  # "2d" by "2a"
                return OTHER
        return qid

    def add_answer(text: str, line: Line) -> None:
        nonlocal rows_under
        if not line.cell:
            rows_under = ""  # prose under the heading: no rows of its parts follow it
        seg = current()
        parent = parent_of(seg.question, compiled) or seg.question
        has_children = any(q.parent == parent for q in compiled.questions) if parent else False
        if has_children and seg.question and not seg.quoted:
            parts = SUB_MARKER.split(numbered_parts(text, seg.label, parent, compiled))
            if len(parts) > 1:
                head = parts[0].strip()
                if head:
                    seg.lines.append(replace(line, text=head))
                for letter, part in zip(parts[1::2], parts[2::2], strict=False):
                    child = child_question(compiled, parent, letter, doc_labels)
                    if child:
                        segments.append(Segment(child, letter.lower()))
                    current().lines.append(replace(line, text=part.strip()))
                return
            asked = _part_asked_within(text, parent, compiled)
            if asked is not None:
                # "It's optional. Does it have a sexual harassment module? It does not, no."
                before, child, after = asked
                if before:
                    seg.lines.append(replace(line, text=before))
                segments.append(Segment(child, restated=True))
                if after:
                    current().lines.append(replace(line, text=after))
                return
        current().lines.append(replace(line, text=text))

    def open_restated(
        question_text: str,
        trailing: str,
        line: Line,
        label_match: re.Match[str] | None,
        letter_match: re.Match[str] | None,
    ) -> None:
        """A restated question opens its answer (``trailing``: answer text on the same line)."""
        nonlocal pending_label, quoted_seen_question, rows_under
        label = label_key(label_match["num"], label_match["letter"]) if label_match else ""
        qid = _in_context(restated_question(question_text, compiled), question_text, label)
        qid = qid or ("" if label_match else heading_topic(question_text, compiled))
        if label_match:
            qid = number_and_cue(qid, label, question_text, compiled)
        elif pending_label:
            label = pending_label
        elif letter_match:
            parent = parent_of(current().question, compiled) or current().question
            qid = qid or child_question(
                compiled, parent, letter_match["a"] or letter_match["b"], {}
            )
        if not qid and label:
            qid = resolve(label)
        elif label in outranked or (line.block, line.text) in rivals:
            qid = doc_labels.get(label, OTHER)  # another restates ours more nearly
        elif label and claimed.get(qid, label) != label and not own_words(question_text, compiled):
            qid = OTHER  # ours by a second sentence only, and another number asks ours
        elif not foreign and resolve(label) == OTHER and unlike(question_text, qid, compiled):
            qid = OTHER  # "Question 11 / Does the Trust have an HR policy ... domestic abuse?"
        for key in heading_keys(label, question_text) if qid else ():
            doc_labels.setdefault(key, qid)
        pending_label = ""
        if quoted:
            quoted_seen_question = True
        segments.append(Segment(qid, label, quoted=quoted, restated=True))
        rows_under = ours_top(qid, quoted, compiled)
        if trailing:
            add_answer(trailing, line)

    scoped = -1  # the block of a paragraph that named its question as it opened
    while i < len(lines):
        line = lines[i]
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        if scoped >= 0 and line.block != scoped:
            # ("Turning to question 11, ...": its paragraph answers it, and the paragraphs
            # after it until one speaks of another question: that one is placed by what it says)
            named_here = top_question(classify_question(line.text, compiled), compiled)
            scoped = line.block
            if named_here and named_here != top_question(current().question, compiled):
                scoped = -1
                if not quoted and not LABEL.match(line.text):
                    segments.append(Segment(""))
        numbers, asked = questions_named(line.text)
        named = {top_question(resolve(n), compiled) for n in numbers}
        if (
            not line.cell
            and (len(named - {""}) >= 2 and bool(named - {"", OTHER}) or named == {OTHER})
            # not when the questions' own words come next, as their heading
            and not (len(after.split()) <= 15 and restated_question(after, compiled))
        ):
            ours = [*sorted(named - {"", OTHER}), ""] if len(named - {"", OTHER}) <= 2 else ["", ""]
            if named == {OTHER}:  # "Questions 14, 15 and 16": a longer request's others
                segments.append(Segment(OTHER, restated=True))
            else:
                segments.append(Segment(ours[0], also=ours[1]))  # ours of two: one answer to both
            i += 1
            # (the questions restated after it, and the answer run on after them)
            trailing = answer_run_on(asked, compiled)[1] if asked else ""
            if trailing:
                add_answer(trailing, line)
            continue
        text = normalise_heading(line.text, labelled_alone).rstrip(" ." if i in series else "")
        scoped = line.block if turns_to_question(line.text) else scoped
        low = text.lower().strip(" :.")
        i += 1
        if not line.cell and (theme := theme_heading(text, compiled)) is not None:
            segments.append(Segment(theme, restated=theme == OTHER))  # "Menopause (question 9)"
            continue
        if quoted and line.cell and current().quoted:
            # "Your request:" over the request quoted as a table: its rows ask, not answer
            quoted_seen_question = True
            current().lines.append(line)
            continue
        if line.cell == "label":
            only = LABEL_ONLY.match(text)
            if only:
                pending_label = cell_label(only)
            elif (first := LABEL.match(text)) and (both := AND_LABEL.fullmatch(text, first.end())):
                pending_label, joined_to[first["num"]] = first["num"], both["num"]  # "2 & 3"
            else:
                entry_row = line.locator  # "BCH-1141 | Podiatry staffing | ...": a new entry
            continue
        if id(current()) in other_rows and not line.cell:
            # Prose after a table row of another question is not that question's answer.
            segments.append(Segment(""))
        if line.cell == "question":
            # The question cell of a table row: always a restated question, never an answer.
            question_text = text
            while i < len(lines) and lines[i].block == line.block:
                question_text += " " + lines[i].text
                i += 1
            label_match = LABEL.match(question_text)
            only = LABEL_ONLY.match(question_text)
            joined = ""
            if label_match:
                label = label_key(label_match["num"], label_match["letter"])
                question_text = question_text[label_match.end() :]
                if both := AND_LABEL.match(question_text):  # "Q2 and Q3 | No.": both
                    joined, question_text = resolve(both["num"]), question_text[both.end() :]
            elif only and i < len(lines) and lines[i].cell == "question":
                # "Q10 | Please give ... | Mr X": the number's own column, the question beside it
                pending_label = cell_label(only)
                continue
            elif only:
                # A "Question" column holding only the number: "2 | Yes. (a) ..."
                label = cell_label(only)
                question_text = ""
            else:
                label = pending_label
            # a question by its place, asked or not: "Number of incidents in 2023/24."
            asked = question_text
            if "?" not in asked and len(asked.split()) >= 6 and "@" not in asked:
                asked = asked.rstrip(" .") + "?"  # not a heading ("Policy") nor a letterhead
            qid = restated_question(asked, compiled) if question_text.strip() else ""
            qid = _in_context(qid, question_text) or (resolve(label) if label else "")
            if qid not in ("", OTHER) and not foreign and others_number(label, compiled):
                # another question's number: ours only if it restates ours, not if it is
                # only like it ("Q10 | name and job title of the Trust's lead for estates")
                qid = OTHER if unlike(question_text, qid, compiled) else qid
            # (near to a part of the question the rows above answer, unless the row's own
            # number says whose it is: "3 | Future ABT" under "2 | ABT")
            own = resolve(label) if label else ""
            above = own if own not in ("", OTHER) else current().question
            qid = as_near_in_family(asked, qid, above, compiled)
            qid = grouped_part(question_text, qid, compiled)
            if not label and asks_within(question_text, current().question, compiled):
                qid = current().question  # "Q4 Executive lead | Yes" then "Name | Ms X"
            if qid in ("", OTHER) and not label:
                # rows of the question a heading above restated, or of the question the row
                # above asked, unless this row opens another entry of a log
                above = ours_top(current().question, entry_row == line.locator, compiled)
                qid = part_of(question_text, rows_under or above, compiled) or qid
            if label in outranked:
                qid = doc_labels.get(label, OTHER)  # another row restates ours more nearly
            if label and qid:
                doc_labels.setdefault(label, qid)
            pending_label = ""
            also = second_question(question_text, qid, compiled) if qid else ""
            also = also or (joined if joined not in ("", OTHER, qid) else "")
            segments.append(Segment(qid, label, quoted=quoted, restated=True, also=also))
            if qid == OTHER:
                other_rows.add(id(current()))
            continue
        if line.cell == "answer":
            if pending_label:
                also = resolve(joined_to[pending_label]) if pending_label in joined_to else ""
                first_qid = resolve(pending_label)
                also = also if also not in (OTHER, first_qid) else ""
                segments.append(Segment(first_qid, pending_label, also=also))
                pending_label = ""
            prefixed = ANSWER_PREFIX.match(text)
            answer = text[prefixed.end() :].strip() if prefixed else text
            if answer:
                add_answer(answer, line)
            continue
        if matches_any(compiled.doc.answer_section_start, text):
            if (
                current().question
                and current().restated
                and not current().lines
                and not quoted
                and (
                    i >= 2
                    and lines[i - 2].locator == line.locator
                    or answered_in_turn(segments, compiled)
                )
            ):  # "Answer:" in its question's table row, or under each question in turn
                continue
            # "Request: / 2c. Does it ...? / Response: / Yes": what the request quoted asks
            answered = quoted_asks(segments, compiled) if quoted else ""
            quoted = False
            segments.append(Segment(answered))
            continue
        # a subject line alone, unless the request follows it (a log entry's "Subject: X /
        # Request / ...": the entry's whole paragraph is the request's)
        subject = matches_any(compiled.doc.request_subject, text)
        in_brief = matches_any(compiled.doc.request_in_brief, text)
        alone = in_brief or (
            subject
            and not (
                i < len(lines) and matches_any(compiled.doc.quoted_request_start, lines[i].text)
            )
        )
        if not line.cell and (
            subject or in_brief or matches_any(compiled.doc.request_paragraph, text)
        ):
            # "Request: The requester asked (1) whether ...": the whole paragraph is the
            # request's; what follows answers the one question it asks, if one
            request = Segment("", quoted=True, lines=[line])
            while (
                i < len(lines)
                and (lines[i].block if alone else lines[i].locator)
                == (line.block if alone else line.locator)
                and not lines[i].cell
            ):
                if ANSWER_PREFIX.match(lines[i].text) or NEXT_FIELD.match(lines[i].text):
                    break  # "Response: ...", "Date responded: ...", "Q1 Does the Trust ..."
                request.lines.append(lines[i])
                i += 1
            asked = asked_in_request([q.text for q in request.lines], compiled)
            segments.extend([request, Segment(asked, quoted=quoted)])
            continue
        if matches_any(compiled.doc.quoted_request_start, text):
            quoted, quoted_seen_question = True, False
            segments.append(Segment("", quoted=True))
            continue
        words = low.split(" ")
        if (
            (low in TABLE_HEADER_WORDS and low not in ANSWER_WORDS)
            or (len(words) > 1 and all(w in TABLE_HEADER_WORDS for w in words))
        ) and not STARTS_LIKE_ANSWER.match(ANSWER_PREFIX.sub("", text, count=1)):
            continue  # (a header row's words, not "Response No.": a label and its answer)
        prefixed = ANSWER_PREFIX.match(text)
        if prefixed:
            answer = text[prefixed.end() :].strip()
            # "Answer 4: Yes. Professor X, Chief Nursing Officer": the answer names its question
            # (not "A1." of a letter's own Part A; nor answers counted 1 to 7 under restated
            # questions, "Question 2(a) ... Answer 3: ...": the question above it is answered)
            label = answer_label(prefixed[0], a_labels) if ours_answered else ""
            awaited = pending_label or (current().restated and not current().lines)
            if label and not awaited and resolve(label) not in ("", OTHER) and not quoted:
                segments.append(Segment(resolve(label), label))
                pending_label = ""
            elif resolve(pending_label) not in ("", OTHER):  # "You asked: Question 2" | "Response:"
                segments.append(Segment(resolve(pending_label), pending_label))
                pending_label = ""
            elif quoted:
                # "You asked: <question> Our response: No.": the question quoted is answered
                quoted = False
                segments.append(Segment(current().question if current().quoted else ""))
            if answer:
                add_answer(answer, line)
            continue
        only = LABEL_ONLY.match(text)
        if only:
            pending_label = cell_label(only)
            continue
        if foreign and (grouped := QUESTION_RANGE.match(text)):
            pending_label = grouped["num"]  # "Questions 5 to 9" over one answer to them all
            continue
        label_match = LABEL.match(text)
        letter_match = None if label_match else LETTER_LABEL.match(text)
        rest = text[label_match.end() :] if label_match else text
        if letter_match:
            rest = text[letter_match.end() :]
        if themed and label_match and not label_match["letter"] and _own_heading(rest):
            # "1. About the Trust", "2. Sexual safety at the Trust: background" among a letter's
            # own sections 1 to 7: the section is about what its heading names, or is prose
            topic = own_topic(rest) or agreeing(rest, label_match["num"])
            segments.append(Segment(topic, restated=bool(topic), section=True))
            if not topic:
                add_answer(text, line)  # (a heading of the letter's own: prose)
            continue
        labelled = bool(label_match or letter_match or pending_label)
        lettered = bool(letter_match or label_match and label_match["letter"])
        if label_match and not lettered:
            # "Q2. Yes.": lettered parts below ("(a) External: X") are answers too
            inline_answers = bool(STARTS_LIKE_ANSWER.match(rest))
        if not labelled and matches_any(compiled.doc.closing, text):
            # Complaints paragraph, sign-off: never a question, and it ends the answers.
            if current().question and not current().quoted:
                # (an answer the scan ran into it: "Mrs X is the lead. If you are dissatisfied")
                answer, text = answer_before_closing(text, compiled)
                if answer:
                    add_answer(answer, line)
            if current().question or current().quoted:
                quoted = False
                segments.append(Segment(""))
            add_answer(text, line)
            continue
        part = None if label_match or letter_match else PART_LABEL.match(text)
        topical = None
        if part:
            topical = labelled_topic(text[part.end() :], compiled, foreign, headed=True)
        elif label_match and set_apart(label_match, text):
            # a label set apart ("3.", "Q3"), not a wrapped line of prose ("12 of the Act")
            others = not foreign and resolve(label_match["num"]) == OTHER  # another's number
            topical = labelled_topic(rest, compiled, foreign, others=others)
        if topical is not None:
            # "3 (conflict resolution training): Mandatory ...": the topic says which question
            qid, answer = topical
            key = label_key(label_match["num"], label_match["letter"]) if label_match else ""
            if key and qid:
                doc_labels.setdefault(key, qid)
            pending_label = ""
            segments.append(Segment(qid, key, quoted=quoted, restated=True))
            rows_under = ours_top(qid, quoted, compiled)
            if answer:
                add_answer(answer, line)
            continue
        if label_match and not is_question_text(rest, labelled, compiled):
            # "Question 1 – dedicated policy No, the Trust does not ...": a heading run into it
            run_in = run_in_heading(rest, compiled)
            if run_in:
                open_restated(run_in[0], run_in[1], line, label_match, letter_match)
                continue
        # A restated question: its wrapped lines in the block (standalone: a paragraph alone)
        standalone = (
            "table" not in line.locator
            and (i >= len(lines) or lines[i].block != line.block)
            and (i < 2 or lines[i - 2].block != line.block)
        )
        if not labelled and whole_request(text, compiled):
            # the request quoted whole in one paragraph: neither an answer nor a question
            segments.append(Segment("", quoted=True, restated=True))
            add_answer(text, line)
            segments.append(Segment(""))
            quoted = False  # ("you asked:" above it: the quote is over)
            continue
        echoes = standalone and not labelled and echoes_open_question(current(), rest, compiled)
        answered_part = lettered and inline_answers and "?" not in rest
        if (
            not echoes
            and not answered_part
            and is_question_text(rest, labelled, compiled, standalone, bool(label_match))
        ):
            question_text = rest
            while i < len(lines) and lines[i].block == line.block:
                if bracketed_answer(question_text):
                    break  # "... If so: (yes)": answered, the next line is its part's
                nxt = lines[i].text
                if ANSWER_PREFIX.match(nxt) or LABEL.match(nxt) and "?" in question_text:
                    break
                if labelled and next_item(nxt, lettered):
                    break  # "(a) External: X" over "(b) Mandatory for all staff": the next item
                if heading_over_sentence(question_text, nxt):
                    break  # "Question 1 - policy" over "The Trust is developing a policy."
                if labelled_answer(nxt):
                    break  # "2. Active Bystander Training" over "South Tees: Yes."
                # ("Plans to introduce ABT? - N/A": answered on its line, however it ends)
                ends = question_text.rstrip().endswith(("?", ".", ")"))
                unfinished = not ends and not ANSWERED_INLINE.search(question_text)
                if (
                    ("?" not in question_text or unfinished)
                    and len(question_text) < 400
                    and not STARTS_LIKE_ANSWER.match(nxt)
                ) or CONTINUATION.match(nxt):
                    question_text += " " + nxt
                else:
                    break
                i += 1
            trailing = ""
            if "?" not in question_text and (lost := ANSWER_AFTER_LOST_MARK.search(question_text)):
                question_text, trailing = question_text[: lost.start()], question_text[lost.end() :]
            else:
                question_text, trailing = answer_run_on(question_text, compiled)
            open_restated(question_text, trailing, line, label_match, letter_match)
            continue
        if quoted:
            if not quoted_seen_question or section_over_questions(text, after):
                continue
            quoted = False
            # under a "Request" heading, each question with its answer beneath it: the line
            # after the first question is its answer when the next question has one beneath
            # it too (not a heading over the answers, "Information disclosed:", nor a
            # requester's aside between questions quoted one after another)
            asked = current().question if current().quoted and not current().lines else ""
            heading = text.rstrip().endswith(":") and len(text.split()) <= 4
            interleaved = (
                bool(asked) and not heading and _answered_beneath(lines, i, asked, compiled)
            )
            segments.append(Segment(asked if interleaved else ""))
        if current().question and matches_any(compiled.doc.closing, text):
            segments.append(Segment(""))
        # a label alone heads this line, unless the line has one of its own ("Q6c -" | "Q7 No.")
        under_pending = bool(pending_label) and not (label_match and set_apart(label_match, text))
        if pending_label:
            segments.append(Segment(resolve(pending_label), pending_label))
            pending_label = ""
        if under_pending:
            pass
        elif (
            label_match
            and (
                label_match["sep"].strip()
                or re.match(
                    r"\s*(?:(?:q|question|item)\s*\.?\s*)?\d{1,2}(?:\s*\([a-h]\)|[a-h]\b)",
                    text,
                    re.I,
                )
                or re.match(r"\s*(?:q|question|item)\s*\.?\s*\d", text, re.IGNORECASE)
            )
            and not matches_any(compiled.doc.boilerplate, SENTENCE_END.split(rest)[0])
        ):
            # A numbered answer without its question ("2. Yes.", "Q3 - N/A").
            key = label_key(
                label_match["num"], None if label_match["range"] else label_match["letter"]
            )
            qid = resolve(key)
            # "Q2 and Q3 We are still collating this ...": one answer to both
            both = AND_LABEL.match(rest)
            second = resolve(label_key(both["num"], None)) if both else ""
            if qid:
                segments.append(Segment(qid, key, also=second if second != qid else ""))
                text = rest[both.end() :] if both and second else rest
        elif letter_match and current().question:
            parent = parent_of(current().question, compiled) or current().question
            child = child_question(
                compiled, parent, letter_match["a"] or letter_match["b"], doc_labels
            )
            if child:
                segments.append(Segment(child, (letter_match["a"] or letter_match["b"]).lower()))
                text = rest
        elif (
            current().question
            and not current().restated
            and i >= 2
            and lines[i - 2].block != line.block
        ):
            # after a bare numbered answer ("Q3 n/a."), "Exec lead for DASV is ..." answers it;
            # after a short one ("Question 3 does not apply."), so does a paragraph naming
            # another of ours ("Mrs X, Director of Nursing, is the executive lead for DASV.")
            lead = topic_lead(text, compiled)
            said = current().lines[0].text if len(current().lines) == 1 else ""
            done = len(said.split()) <= 8 and said.rstrip().endswith(".")  # not a heading
            naming = top_question(classify_question(text, compiled), compiled) if done else ""
            lead = lead or (naming if naming != OTHER else "")
            if lead and lead != top_question(current().question, compiled):
                segments.append(Segment(lead))
        if line.title and not label_match and not re.search(r"[.!?](?:\s|$)", text):
            continue  # a page's title or a heading restating nothing answers nothing
        add_answer(text, line)
    return with_second_questions(segments, compiled), doc_labels
