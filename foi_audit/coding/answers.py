"""Stage 3, answers: each question's answer as sentences, read from the segments of every document."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from foi_audit.coding.alignment import (
    labelled_parts,
    last_part_bare,
    parts_in_turn,
    under_wrong_number,
)
from foi_audit.coding.appendices import pointed_appendices
from foi_audit.coding.compiled import Compiled, Question
from foi_audit.coding.labels import STARTS_LIKE_ANSWER, XREF
from foi_audit.coding.lines import mail_parts
from foi_audit.coding.notes import notes_placed
from foi_audit.coding.options import unmarked_options
from foi_audit.coding.prose import (
    answers_in_order,
    answers_in_turn,
    in_request_order,
    prose_answers,
)
from foi_audit.coding.questions import (
    OTHER,
    classify_question,
    parent_of,
    top_question,
)
from foi_audit.coding.reading import Status
from foi_audit.coding.records import Line, Reading, Segment, Sentence
from foi_audit.coding.reviewed import as_revised, placed_by_section, revising_part
from foi_audit.coding.sections import withholds_another_subject
from foi_audit.coding.segment import segment
from foi_audit.coding.sentences import answer_start, sentences
from foi_audit.coding.text import matches_any, written_on
from foi_audit.coding.withdrawn import withdrawn_marked
from foi_audit.records import Document


def read_documents(documents: Sequence[Document], compiled: Compiled) -> list[Reading]:
    """Each document read; the one attachment a covering message calls the reply ("Please
    find attached the signed response") is read as one, though it opens with no reply's words,
    when the message answers nothing itself and no other attachment is a reply; so is a sheet
    of answers an answer points at as its appendix (:mod:`foi_audit.coding.appendices`)."""
    readings = [read_document(d, compiled) for d in documents]
    under: dict[str, list[Reading]] = {}
    for r in readings:
        under.setdefault(r.document.parent, []).append(r)
    covering = {
        r.document.path
        for r in readings
        if not any(r.answers.values())
        and any(matches_any(compiled.doc.reply_attached, s.text) for s in r.general)
        and [a.kind for a in under.get(r.document.path, [])] == ["supporting"]
    }
    appendices = pointed_appendices(readings, compiled)  # "Yes - details in Appendix 1"
    readings = [
        read_document(r.document, compiled, True)
        if r.document.parent in covering or r.document.path in appendices
        else r
        for r in readings
    ]
    # "Please disregard it and use the corrected version attached": the attachment revises
    # (not an original reply attached for reference to a revision that answers itself)
    revising = {
        r.document.path for r in readings if r.revises and not _answers_beyond_revision(r, compiled)
    }
    readings = [replace(r, revises=True) if r.document.parent in revising else r for r in readings]
    readings = placed_by_section(readings, compiled)  # a review going through the exemptions
    return withdrawn_marked(readings, compiled, lambda r: _refuses(r.general, compiled))


def _answers_beyond_revision(reading: Reading, compiled: Compiled) -> bool:
    """Whether a message answers a question, beyond saying that it revises an earlier reply
    ("It supersedes the version of 26 November, in which question 4 named the wrong person")."""
    said = (s.text for found in reading.answers.values() for s in found)
    doc = compiled.doc
    return any(not matches_any((*doc.revision, *doc.earlier_withdrawn), text) for text in said)


def read_document(document: Document, compiled: Compiled, as_reply: bool = False) -> Reading:
    parts = mail_parts(document, compiled)
    lines = parts[0]
    whole = [line for part in parts for line in part]
    answers, general, quoted_questions, asked = _read_lines(lines, compiled, True, whole)
    other = answers.pop(OTHER, [])
    best = _answered(answers, compiled)
    subject = next((v for k, v in document.headers if k.lower() == "subject"), "")
    head = "\n".join([subject, *(line.text for line in lines[:12])])[:1200]
    # (and the heading over the answers, below a request restated first: "RESPONSE (as
    # amended at internal review)")
    at = {s.locator for found in answers.values() for s in found}
    first = next((i for i, ln in enumerate(lines) if ln.locator in at), 0)
    head += "\n" + "\n".join(line.text for line in lines[max(12, first - 2) : first + 1])
    revises = bool(matches_any(compiled.doc.revision, head))
    withdrawn = _withdraws_earlier(lines, compiled)
    for part in parts[1:]:
        if withdrawn:
            break  # "please disregard our email of 17 December": the history below is void
        # Quoted history that ANSWERS the questions (the FOI team forwarding a department's
        # answers) is the reply; history that only restates them is the request quoted back.
        found, found_general, _, found_asked = _read_lines(part, compiled, False, whole)
        found_other = found.pop(OTHER, [])
        count = _answered(found, compiled)
        # (a signature's "People Directorate" read as another question restates nothing)
        restated = {top_question(qid, compiled) for qid in found_asked} - {OTHER, ""}
        if restated and 2 * len(
            restated & {top_question(q, compiled) for q in found if found[q]}
        ) < len(restated):
            continue  # the request quoted back (a signature under its last question)
        if count and _forwarded_by_addressee(document, part):
            # the requester passing the reply on ("Croydon's answer is below. My guess is it's
            # optional ..."): the note above is the requester's, the reply is the history
            answers, asked, general, other = found, found_asked, found_general, found_other
            lines, best, revises = part, count, False
            withdrawn = _withdraws_earlier(part, compiled)
        elif count > best:
            # the history answers more; what the newer message above it says of a question
            # stands over the history's answer ("Apologies for the omission: the lead is Rosalind
            # Tate-Okoro" over "Q4. Yes - the Executive Director of Nursing"), unless it only
            # defers ("we are still waiting for confirmation on 2(c)": after 2(a) and 2(b))
            answers = _over_history(found, answers, compiled, revises)
            asked = found_asked | asked
            best = _answered(answers, compiled)
            general = general + found_general
            other = other + found_other
            lines = lines + part
        elif count:
            # a department answering the questions the others left ("Q12 - Kimberley
            # Osei-Dunn, Chief Nurse" from Safeguarding, below HR's answers): those count too
            answered = {top_question(q, compiled) for q, said in answers.items() if said}
            for qid, said in found.items():
                if said and top_question(qid, compiled) not in answered:
                    answers[qid] = said
            best = _answered(answers, compiled)
    text = " ".join(s.text for s in general[:40])
    opening = " ".join(line.text for line in lines[:60])[:1500]
    if document.parent:
        # an attached answer sheet's header row ("Question | Response") is no line of its own
        opening = " ".join(b.text for b in document.blocks[:3]) + " " + opening
    if (
        (document.parent or _own_document(lines, compiled))
        and not as_reply
        and not matches_any(compiled.doc.reply_cues, opening)
        # (an attached page asking our question over its answer is the reply's next page; a
        # policy's title naming one is not)
        and not (asked and "?" in opening and _answers_given(answers, compiled))
    ):
        # An attached policy or leaflet, or one saved beside the reply: its numbered sections
        # are not answers.
        kind, answers = "supporting", {}
    elif matches_any(compiled.doc.away, opening):
        kind, answers = "acknowledgement", {}  # out of office: nothing in it answers
    elif (
        matches_any(compiled.doc.clarification, opening) and _answers_given(answers, compiled) < 2
    ) or (
        matches_any(compiled.doc.acknowledgement, opening)
        and not _answers_given(answers, compiled)
        and not _refuses(general, compiled)
    ):
        # It asks the requester a question back, or says the reply is to come; its "answers"
        # are the request's own questions quoted.
        kind = "acknowledgement"
    elif any(answers.values()):
        kind = "reply"
    elif matches_any(compiled.doc.acknowledgement, text) and not _refuses(general, compiled):
        kind = "acknowledgement"
    elif not general:
        kind = "empty"
    elif document.parent and not matches_any(compiled.doc.reply_cues, text[:1500]):
        kind = "supporting"
    else:
        kind = "reply"
    # What speaks of the request as a whole ("we are refusing your request in its entirety")
    # is the reply's, though it follows a longer request's other questions.
    whole_request = [s for s in other if _of_the_whole_request(s.text, compiled)]
    if whole_request:
        general = general + whole_request
        other = [s for s in other if not any(s is w for w in whole_request)]
    several = _lists_several_requests(document)
    answers = {qid: _given_as_courtesy(found, compiled) for qid, found in answers.items()}
    answers = parts_in_turn(under_wrong_number(answers, compiled), compiled)
    answers = last_part_bare(labelled_parts(answers, compiled), compiled)
    answers = _signed_by_holder(answers, general, compiled)
    # a paragraph of another reply's, left in: what it withholds is not this request's
    stray = [
        s
        for found in answers.values()
        for s in found
        if withholds_another_subject(s.text, compiled)
    ]
    if stray:
        gone = {id(s) for s in stray}
        answers = {q: [s for s in found if id(s) not in gone] for q, found in answers.items()}
        other = other + stray
    answered = {s.locator for found in answers.values() for s in found}
    # (in an e-mail the quoted history below is older: only the newest message can revise)
    later = revising_part(parts[0], answered, compiled)
    if later:
        answers, revises = as_revised(answers, general, later, compiled), True
    # (a start "from April 2024" is a plan or past by the day the reply was sent)
    written = written_on(document)
    if written is not None:
        answers = {q: [replace(s, written=written) for s in found] for q, found in answers.items()}
    return Reading(
        document, kind, answers, general, quoted_questions, asked - {OTHER}, several, other,
        revises,
    )  # fmt: skip


_GREETING = re.compile(
    r"^\W*(?:dear|hi|hello)\s+(?:(?:dr|mr|mrs|ms|miss|mx|prof|professor)\.?\s+)?"
    r"(?:[\w'’-]+\s+)?(?P<name>[\w'’-]+)\W*$",
    re.IGNORECASE,
)


def _forwarded_by_addressee(document: Document, history: Sequence[Line]) -> bool:
    """Whether the newest message was sent by the person the quoted reply greets: the
    requester forwarding the trust's reply to a colleague."""
    sender = next((v for k, v in document.headers if k.lower() == "from"), "")
    names = [w.lower() for w in re.sub(r"<[^>]*>|\([^)]*\)|[\"']", " ", sender).split()]
    if not names:
        return False
    for line in history[:8]:
        greeting = _GREETING.match(line.text)
        if greeting:
            return greeting["name"].lower() == names[-1]
    return False


def _over_history(
    history: dict[str, list[Sentence]],
    newer: dict[str, list[Sentence]],
    compiled: Compiled,
    revises: bool = False,
) -> dict[str, list[Sentence]]:
    """The history's answers with the newer message's read over them: first, unless the newer
    answer only defers; in place of the history's when the newer message corrects it ("an
    amended response": the answer below was wrong). Only answers that name their question by
    its own cues count, or any answer of a correction."""
    merged = dict(history)
    for qid, said in newer.items():
        named = (
            ""
            if revises or not said
            else classify_question(" ".join(s.text for s in said), compiled)
        )
        if named and parent_of(named, compiled) == qid:
            # a short reply to the requester's follow-up on one part ("The training is
            # optional." over "> is it mandatory or optional (Q2b)?"): that part's answer
            qid, said = named, [replace(s, question=named) for s in said]
        # a correction's answers stand by their numbers too ("CORRECTION ... Q2 Yes.")
        if said and (revises or _names_its_question(said, qid, compiled)):
            earlier = history.get(qid, [])
            if _defers(said, compiled):
                merged[qid] = [*earlier, *said]
            else:
                merged[qid] = [*said] if revises else [*said, *earlier]
    return merged


def _signed_by_holder(
    answers: dict[str, list[Sentence]], general: list[Sentence], compiled: Compiled
) -> dict[str, list[Sentence]]:
    """An answer saying its writer holds the post ("Yes - myself.", "I am the Trust's
    executive lead") is answered by the letter's signature too: its name and job title."""
    start = next(
        (i for i, s in enumerate(general) if matches_any(compiled.doc.signature_start, s.text)),
        None,
    )
    if start is None:
        return answers
    # (the sign-off's own words aside: "Yours sincerely Mrs X Chief Nurse" names Mrs X)
    signature = [
        replace(s, text=text, start=False)
        for s in general[start : start + 3]
        if (text := _without(compiled.doc.signature_start, s.text).strip(" ,"))
    ]
    out = {}
    for qid, said in answers.items():
        holder = next(
            (
                i
                for i, s in enumerate(said)
                if matches_any(compiled.doc.signatory, s.text) and not _after(s, general[start])
            ),
            None,
        )
        # (read beside the sentence that says so, not after others: "As Chief Nurse I hold
        # the executive portfolio ..." then "Our Deputy Director, X, leads the operational work")
        signed = [replace(s, question=qid) for s in signature]
        out[qid] = said if holder is None else [*said[: holder + 1], *signed, *said[holder + 1 :]]
    return out


def _after(sentence: Sentence, other: Sentence) -> bool:
    """Whether a sentence stands after another, by their blocks' numbers ("paragraph 6" after
    "paragraph 3": "yes, that's me" in a forwarded message below the sign-off above it)."""
    mine, theirs = _BLOCK_NUMBER.match(sentence.locator), _BLOCK_NUMBER.match(other.locator)
    if not mine or not theirs or mine[1] != theirs[1]:
        return False  # ("page 1" and "page 1": no telling)
    return int(mine[2]) > int(theirs[2])


_BLOCK_NUMBER = re.compile(r"^(paragraph|line) (\d+)$")


def _without(patterns: Sequence[re.Pattern[str]], text: str) -> str:
    for pattern in patterns:
        text = pattern.sub("", text, count=1)
    return text


def _given_as_courtesy(said: list[Sentence], compiled: Compiled) -> list[Sentence]:
    """An answer that gives, "outside the Act" or "as a courtesy", what the formal answer
    before it did not ("no decision has been recorded"): from that sentence on."""
    start = next(
        (i for i, s in enumerate(said) if i and matches_any(compiled.doc.courtesy, s.text)), 0
    )
    return said[start:]


def _withdraws_earlier(lines: Sequence[Line], compiled: Compiled) -> bool:
    """Whether a message's opening withdraws the earlier message it quotes."""
    opening = "\n".join(line.text for line in lines[:12])[:1200]
    return bool(matches_any(compiled.doc.earlier_withdrawn, opening))


def _defers(said: Sequence[Sentence], compiled: Compiled) -> bool:
    """Whether an answer only says the answer is to come ("we will write again")."""
    deferring = [found for status, found in compiled.reading.statuses if status is Status.DEFERRED]
    return all(any(p.search(s.text) for found in deferring for p in found) for s in said)


def _names_its_question(said: Sequence[Sentence], qid: str, compiled: Compiled) -> bool:
    """Whether an answer names its question by that question's own cues ("the executive lead
    for domestic abuse ... is"), not only by a loose topic word ("forwarding the answers from
    our L&D lead")."""
    named = classify_question(" ".join(s.text for s in said), compiled)
    return bool(named) and top_question(named, compiled) == top_question(qid, compiled)


def _of_the_whole_request(text: str, compiled: Compiled) -> bool:
    return bool(
        matches_any(compiled.outcome.refusal_in_full, text)
        or (
            re.search(r"(?i)\b(?:your|this|the) (?:whole |entire )?request\b", text)
            and matches_any(compiled.outcome.refusal, text)
        )
    )


# Request references ("FOI 24-1401", "Ref: EIR/2024/118", "AWP-FOI-4410") and entry labels.
REQUEST_REFERENCE = re.compile(
    r"\b(?:FOI|EIR|Ref(?:erence)?|Request|Case)\s*+(?:(?:no\.?|number|ref\.?)\s*+)?(?:[:#]\s*+)?"
    # ("FOI-MK-24-0998"; a prefix in capitals: "request of 11 November" names no request)
    # ("2024-FOI-7781": its letters between numbers are part of it)
    r"((?-i:[A-Z]{0,6})[\s/-]*(?:(?-i:[A-Z]{2,6})[/-])?\d{2,4}(?:[/-](?:(?-i:[A-Z]{2,6})[/-])?\d{1,6})*)",
    re.IGNORECASE,
)


ENTRY_LABEL = re.compile(r"(?im)^[^\w\n]*(?:request|subject|title|summary of request)[ \t]*[:\-–]")


# A reference mentioned in a sentence, not listed: "an identical request (our reference
# FOI/24/1403)", "your earlier request, FOI 1403" (not a log's "Car parking (FOI 7402)").
_MENTIONED = re.compile(r"\b(our|your|previous|earlier|identical)\b[^()\n]*\(?\s*$", re.IGNORECASE)


# A row or line that opens with a bare reference: "BCH-1120 | Wheelchair waiting times | ...".
LEADING_REFERENCE = re.compile(
    r"(?m)^[^\w\n]*([A-Z]{2,6}[/-](?:[A-Z]{2,6}[/-])?\d{2,6}(?:[/-]\d{1,6})*)\b"
)


def _answers_given(answers: Mapping[str, Sequence[Sentence]], compiled: Compiled) -> int:
    """How many questions have an answer that states something: not only a question back to
    the requester, a sentence that says the reply is to come or waits for a clarification, an
    exemption still being weighed ("may be exempt under section 43"), nor the letter's
    sign-off."""
    doc = compiled.doc
    said_nothing = (*doc.acknowledgement, *doc.clarification, *doc.valediction)
    return sum(
        1
        for found in answers.values()
        if any(
            not s.text.rstrip().endswith("?")
            and not matches_any(said_nothing, s.text)
            and not _WEIGHING.search(s.text)
            and not _REFERENCE_GIVEN.match(s.text)
            for s in found
        )
    )


# "Your reference is UHDB-FOI-24-5502.": a reference, no answer
_REFERENCE_GIVEN = re.compile(
    r"(?i)\W*(?:your|our|the) (?:request['’]s )?ref(?:erence)?(?: number)? is\b"
)
# An exemption not yet applied: "may be exempt under section 43", "the Trust must consider
# whether the public interest favours disclosure"
_WEIGHING = re.compile(
    r"(?i)\b(?:may|might|could) be exempt\b"
    r"|\b(?:must|will|need to|needs to) (?:consider|decide|weigh) whether the public interest\b"
)


_SUPPOSING = re.compile(r"(?i)\b(if|may|might|could|unless|should|whether)\b")


def _refuses(sentences: Sequence[Sentence], compiled: Compiled) -> bool:
    """A sentence refusing the request outright, not supposing it might ("we acknowledge
    receipt ... the Trust will not be responding to this request": a refusal notice)."""
    return any(
        matches_any(compiled.outcome.refusal_in_full, s.text)
        or (matches_any(compiled.outcome.refusal, s.text) and not _SUPPOSING.search(s.text))
        for s in sentences
    )


def _lists_several_requests(document: Document) -> bool:
    """Does the page carry more than one FOI request (a disclosure log or a digest)?

    Deliberately independent of how the entries were split: if the split went wrong, sections
    cited under another request could be taken for this one, so such values get flagged.
    """
    text = "\n".join(block.text for block in document.blocks)
    references = {
        re.sub(r"\W", "", m.group(1)).upper()
        for m in REQUEST_REFERENCE.finditer(text)
        if not _MENTIONED.search(text, max(0, m.start() - 60), m.start())
    }
    references |= {re.sub(r"\W", "", m.group(1)) for m in LEADING_REFERENCE.finditer(text)}
    return len(references) >= 2 or len(ENTRY_LABEL.findall(text)) >= 2


def _read_lines(
    lines: list[Line], compiled: Compiled, prose: bool, whole: list[Line]
) -> tuple[dict[str, list[Sentence]], list[Sentence], int, frozenset[str]]:
    """Answers per question, other text, quoted questions and restated questions of some lines
    (``whole``: all the document's lines, whose numbering they share).

    ``prose``: with no restated question at all, read the text as a reply in free prose (not
    done for quoted history that restates the request: its sentences are the requester's)."""
    lines = [ln for ln in lines if ln.cell or not unmarked_options(ln.text)]  # a blank form's
    segments, doc_labels = segment(notes_placed(lines), compiled, whole)
    answers: dict[str, list[Sentence]] = {}
    general: list[Sentence] = []
    preamble: list[Sentence] = []  # general text above the request restated as a block
    block: set[str] = set()  # the request's questions restated one after another, no text between
    block_done = False
    quoted_questions = 0
    boilerplate = compiled.doc.boilerplate
    # (in a letter of its own sections, the request restated as a block in an annex, each
    # question with no answer under it, asks nothing of the letter)
    sections = any(seg.section for seg in segments)
    annexed = _request_block(segments) if sections else set()
    asked = frozenset(
        seg.question
        for seg in segments
        if seg.question and not seg.quoted and seg.restated and id(seg) not in annexed
    )
    top_level = {q.id for q in compiled.questions if not q.parent}
    # Some questions restated, the others answered in paragraphs of their own ("Active
    # bystander training? We do." among paragraphs on the policy and the lead)
    asked_tops = {top_question(qid, compiled) for qid in asked}
    # (a letter in its own numbered sections, the request quoted in an annex: the same)
    some_asked = (
        (sections or not any(seg.quoted for seg in segments))
        and bool(asked_tops)
        and asked_tops < top_level
    )
    for seg in segments:
        ours = (seg.restated or seg.quoted) and seg.question != OTHER
        if not block_done and ours and (seg.question or seg.quoted):
            block.add(top_question(seg.question, compiled) if seg.question else "*")
        elif block and any(line.text.strip() for line in seg.lines):
            block_done = True
        if seg.quoted:
            quoted_questions += bool(seg.question)
            continue
        found = sentences(seg.lines, seg.question)
        if seg.question:
            found = answer_start(found, compiled)
            if some_asked:
                own = asked_tops | {top_question(seg.question, compiled)}
                top = top_question(seg.question, compiled)
                cut = _paragraph_on_another(found, own, top, compiled)
                general.extend(found[cut:])
                found = found[:cut]
            answers.setdefault(seg.question, []).extend(
                s for s in found if not matches_any(boilerplate, s.text)
            )
        else:
            general.extend(found)
            if not block:
                preamble.extend(found)
    restated = bool(asked) or quoted_questions > 0
    ordered = answers_in_order(segments, compiled)
    if not any(answers.get(qid) for qid in top_level - set(list(ordered)[-1:])):
        # Only the last question of the run had text: all the answers, now one each.
        for qid, found in ordered.items():
            answers[qid] = [s for s in found if not matches_any(boilerplate, s.text)]
    if not any(answers.get(qid) for qid in top_level) and (prose or not restated):
        # No numbered or restated questions: a letter or email in free prose. Above the
        # request restated as a block, a request site's title and navigation answer nothing,
        # unless that is where the reply is (a letter with the request in an annex below).
        above = sum(len(s.text) for s in preamble)
        as_block = len(block) >= 2 or "*" in block
        below = general
        if as_block and 2 * above < sum(len(s.text) for s in general):
            below = general[len(preamble) :]
        in_turn = answers_in_turn(segments, compiled) or answers_in_turn(
            segments, compiled, after_request=True
        )
        for qid, found in (in_turn or prose_answers(below, compiled)).items():
            answers.setdefault(qid, []).extend(found)
    # (the request quoted whole restates none of its answers; another question's restated,
    # "Freedom of Information" read as a longer request's, is no quote of ours)
    elif not asked - {OTHER} or some_asked:
        # Bare numbered answers (or some questions restated) mixed with paragraphs that open
        # with their topic: the paragraphs answer the questions no number answered.
        answered = {top_question(qid, compiled) for qid, found in answers.items() if found}
        # (beside restated questions, a table's cells are its questions' and answers' own:
        # "Active Bystander Training: (a) in-house or external provider; ..." is no answer)
        paragraphs = [s for s in general if not restated or "row" not in s.locator]
        # (the request quoted whole, nothing under its questions, then one paragraph each)
        in_turn = {} if answered else answers_in_turn(segments, compiled, after_request=True)
        for qid, found in (in_turn or prose_answers(paragraphs, compiled)).items():
            if qid not in answered:
                answers.setdefault(qid, []).extend(found)
    answers = _follow_references(answers, doc_labels, compiled)
    return answers, general, quoted_questions, asked


def _request_block(segments: Sequence[Segment]) -> set[int]:
    """The segments of questions restated one after another with nothing under them."""
    found: set[int] = set()
    run: list[Segment] = []
    for seg in segments:
        if seg.restated and seg.question and not any(ln.text.strip() for ln in seg.lines):
            run.append(seg)
            continue
        found |= {id(s) for s in run} if len(run) >= 2 else set()
        run = []
    return found | ({id(s) for s in run} if len(run) >= 2 else set())


def _paragraph_on_another(
    found: list[Sentence], ours: set[str], question: str, compiled: Compiled
) -> int:
    """Where a restated question's answer ends: at a later paragraph that names a question the
    reply does not restate, nor this answer's own ("And yes, there's an exec lead for DASV:
    ..."), or at its end; at its first paragraph when that one names such a question and
    nothing of its own (under "1. Sexual safety and Active Bystander Training", "1.1 The
    Trust has a dedicated Sexual Safety Policy")."""
    for index, sentence in enumerate(found):
        if not (sentence.opens_block or index == 0):
            continue
        named = top_question(classify_question(sentence.text, compiled), compiled)
        elsewhere = named and named != OTHER and named not in ours
        if elsewhere and (index or _on_another_subject(sentence.text, question, named, compiled)):
            return index
    return len(found)


def _on_another_subject(text: str, question: str, named: str, compiled: Compiled) -> bool:
    """An answer's first sentence on the subject of another question, not its own: none of
    its question's cues, not an elliptical answer ("No, and there are no plans to"), and
    neither question about the other's subject (the plans question names the training)."""
    if STARTS_LIKE_ANSWER.match(text):
        return False
    family = [q for q in compiled.questions if top_question(q.id, compiled) == question]
    if not family:
        return False  # another subject's answer (a longer request's): never given to ours
    others = [q for q in compiled.questions if top_question(q.id, compiled) == named]
    mine, theirs = (getattr(compiled.codebook.question(q), "text", "") for q in (question, named))
    return not (
        any(matches_any(q.cues, text) or matches_any(q.cues, theirs) for q in family)
        or any(matches_any(q.cues, mine) for q in others)
    )


def _own_document(lines: Sequence[Line], compiled: Compiled) -> bool:
    """A file whose first line is a policy's front matter ("Sexual Safety at Work Policy
    Version 2.0 | Ratified by: ..."), not an answer ("1. Yes - our Policy (Version 2.1) ...")."""
    first = lines[0].text if lines else ""
    return not _ANSWER_FIRST.match(first) and bool(matches_any(compiled.doc.own_document, first))


_ANSWER_FIRST = re.compile(r"^\W*(?:\d|q\d|yes\b|no\b)", re.IGNORECASE)


def _answered(answers: dict[str, list[Sentence]], compiled: Compiled) -> int:
    """How many of the request's questions (sub-questions with their parent) have answers."""
    return len({top_question(qid, compiled) for qid, found in answers.items() if found})


def _follow_references(
    answers: dict[str, list[Sentence]], doc_labels: dict[str, str], compiled: Compiled
) -> dict[str, list[Sentence]]:
    by_label = {q.label: q.id for q in compiled.questions if q.label}
    out = {qid: list(found) for qid, found in answers.items()}
    for qid, found in answers.items():
        for sentence in found:
            match = XREF.search(sentence.text)
            if not match:
                continue
            key = re.sub(r"[\s()]", "", match.group(1)).lower()
            target = doc_labels.get(key) or by_label.get(key, "")
            if target and target != qid:
                out[qid].extend(
                    Sentence(s.text, s.locator, qid, start=False, via_reference=True)
                    for s in answers.get(target, [])
                )
    # "See above" / "As above" names no question: it points at the answers just above it, its
    # earlier sister questions' (its parent's is read anyway when it has none of its own) or,
    # for a question of its own, the previous question with its parts.
    refers = dict(compiled.reading.statuses).get(Status.REFERS, ())
    above: list[Question] = []
    for question in in_request_order(compiled, parts=True):
        found = out.get(question.id, [])
        sources = [q for q in above if q.parent] if question.parent else above
        if (
            found
            and sources
            and matches_any(refers, found[0].text)
            and not XREF.search(found[0].text)
        ):
            out[question.id] = found + [
                Sentence(s.text, s.locator, question.id, start=False, via_reference=True)
                for q in sources
                for s in out.get(q.id, [])
                if not s.via_reference
            ]
        above = [*above, question] if question.parent else [question]
    return out
