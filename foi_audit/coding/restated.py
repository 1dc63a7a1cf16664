"""Whether a line restates one of the request's questions, and how: a question, a heading in
its words run into the answer, a label's topic, the request's own lettered parts; and the
answer run on after it on its line ("...? Yes.", "... a link. (no)")."""

from __future__ import annotations

import re

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import (
    ANSWER_OPENING,
    ANSWER_PREFIX,
    BRACKETED_TOPIC,
    CONTINUATION,
    HEADING_VERB,
    INTERROGATIVE,
    SEPARATED_TOPIC,
    STARTS_LIKE_ANSWER,
    SUB_MARKER,
    SUB_RANGE,
)
from foi_audit.coding.questions import (
    OTHER,
    RESTATES,
    answer_after_head,
    classify_question,
    summary_heading,
    topic_heading,
    topic_question,
)
from foi_audit.coding.text import SENTENCE_END


def is_question_text(
    text: str, labelled: bool, compiled: Compiled, standalone: bool = False, numbered: bool = False
) -> bool:
    """Whether a line restates a question rather than answers one (``labelled``: after a
    label; ``standalone``: a paragraph of its own; ``numbered``: after a number)."""
    if ANSWER_PREFIX.match(text) or STARTS_LIKE_ANSWER.match(text):
        return False
    if standalone and not labelled and topic_heading(text, compiled):
        # A paragraph of its own in the request's words ("SEXUAL SAFETY POLICY"): a heading
        return True
    # "Whether the training was mandatory has varied ..." is an answer, not a question
    if (
        "?" not in text
        and not labelled
        and (
            not INTERROGATIVE.match(text)
            or re.match(r"\s*whether\b", text, re.IGNORECASE)
            or len(text.split()) > 45
            or len(SENTENCE_END.split(text.strip())) > 1
        )
    ):
        return False
    if "?" not in text and not INTERROGATIVE.match(text):
        # A numbered heading has no verb ("2. Active Bystander Training"); "2(b) It's ..." answers
        text = summary_heading(text, compiled) if numbered else text
        # (its parts listed in brackets: "Active Bystander Training (delivery, provider,
        # mandatory/optional, sexual harassment module)")
        bare = _PARTS_LISTED.sub("", text) if _lists_parts(text, compiled) else text
        shaped = (
            len(bare.split()) <= 12
            and not re.search(r"[.,;!]\s*$|[,;]", bare)
            and not HEADING_VERB.search(bare)
        )
        if not shaped:
            return False
        if labelled and classify_question(text, compiled, topic=True):
            return True
        # A heading in the request's own words ("Plans to introduce ABT"), numbered or not
        ranked = compiled.likeness.rank(text)
        return bool(ranked) and ranked[0].precision >= 0.8 and ranked[0].score >= RESTATES - 0.1
    return labelled or bool(classify_question(text, compiled))


_PARTS_LISTED = re.compile(r"\s*\(([^()]{3,120})\)\s*$")


def _lists_parts(text: str, compiled: Compiled) -> bool:
    """Whether a heading ends with its question's parts listed in brackets, in the request's
    own words."""
    found = _PARTS_LISTED.search(text)
    if not found:
        return False
    known, words = compiled.likeness.known_words(found[1])
    return words >= 2 and known >= 0.6 * words


def restated_parts(text: str, compiled: Compiled) -> str | None:
    """Lettered parts after a question's "?" that are the request's own sub-questions, not
    answers ("? (a) in-house or external (b) mandatory or optional (c) sexual harassment
    module"): every part reads as question text. Returns the answer run into the last part
    ("(c) sexual harassment module Not at present." -> "Not at present."), "" when there is
    none, and None when the parts are answers."""
    parts = SUB_MARKER.split(text)
    if len(parts) < 3 or parts[0].strip():
        return None
    *heads, last = [part.strip() for part in parts[2::2]]
    if not all(is_question_text(part, True, compiled) for part in heads):
        return None
    if is_question_text(last, True, compiled):
        return ""
    return answer_after_head(last, lambda head: is_question_text(head, True, compiled)) or None


# A heading run into its answer never ends on these ("An executive lead for | DASV has not")
_HEAD_NEVER_ENDS = frozenset(
    {"a", "an", "the", "for", "of", "to", "and", "or", "in", "on", "at", "by", "with", "from"}
)


def run_in_heading(text: str, compiled: Compiled) -> tuple[str, str] | None:
    """A short heading in the request's words and the answer it runs into on one line
    ("dedicated policy No, the Trust ..."): the answer starts like one ("No, ...") or with a
    capital; of several cuts, the heading most like a question (a name after it is not)."""
    words = text.split()
    best: tuple[float, str, str] | None = None
    names = None  # the companies named in the text, found when first needed
    for k in range(1, min(9, len(words))):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if not tail[:1].isupper() or re.search(r"[.,;:!?]", head):
            continue
        if words[k - 1].lower() in _HEAD_NEVER_ENDS or words[0].lower() in {"a", "an", "the"}:
            continue  # "An executive lead for | DASV has not ...": a sentence, not a heading
        if not is_question_text(head, True, compiled):
            continue
        if STARTS_LIKE_ANSWER.match(tail):
            return head, tail
        if names is None:
            names = [*compiled.people.organisations(text), *compiled.people.titles(text)]
        if any(n.start < len(head) < n.end for n in names):
            # "Delivered by | Bystander Ready CIC", "sits with the Chief | People Officer": no
            # cut inside a company's name or a post
            continue
        ranked = compiled.likeness.rank(head)
        score = ranked[0].score if ranked else 0.0
        if best is None or score > best[0]:
            best = (score, head, tail)
    return (best[1], best[2]) if best else None


def labelled_topic(
    text: str, compiled: Compiled, foreign: bool, headed: bool = False, others: bool = False
) -> tuple[str, str] | None:
    """After a label, a short topic and its answer: "(sexual safety policy): No.", "Freedom to
    Speak Up – Yes.", "restrictive practice training Yes. All staff ...". Returns the question
    the topic names (OTHER for another subject) and the answer; None when the text is no
    topic and answer, or unsure (left to the other readings). A topic that shares no word
    with ours is another question only in a document numbered its own way (``foreign``):
    elsewhere "1. The position: ..." may be our first question in other words."""
    found = BRACKETED_TOPIC.match(text) or SEPARATED_TOPIC.match(text)
    if found:
        topic, answer = found["topic"].strip(), found["answer"].strip()
    else:
        words = text.split()
        cut = next(
            (
                k
                for k in range(1, min(12, len(words)))
                if words[k][:1].isupper() and ANSWER_OPENING.match(" ".join(words[k:]))
            ),
            None,
        )
        if cut is None and not headed:
            return None
        topic, answer = (
            (text, "") if cut is None else (" ".join(words[:cut]), " ".join(words[cut:]))
        )
    if (
        len(topic.split()) > 10
        or HEADING_VERB.search(topic)
        or ("?" in text and is_question_text(topic + "?", True, compiled))
    ):
        return None
    qid = topic_question(topic, compiled)
    if others and qid != OTHER and len(topic.split()) < 2:
        return None  # "Question 12 - Provider: X" (``others``: the label is another question's)
    if qid == OTHER:
        # another subject of ours ("conflict resolution training"), or any, numbered its own way
        ours_in_kind = bool(classify_question(topic, compiled, topic=True))
        return (qid, answer) if foreign or ours_in_kind else None
    # ours when set apart or heading a part ("Part E –"), not a group ("Part B – questions on")
    if re.search(r"(?i)\bquestions\b", topic):
        return None
    if answer and is_question_text(answer, True, compiled):
        answer = ""  # "Executive lead for DASV - name and job title": all of it is the question
    return (qid, answer) if qid and (found or headed) else None


_FULL_STOP = re.compile(r"(?<=[.!])\s+(?=[A-Z\"“])")
# what an answer run on after the request's words opens with
_NUMBERED_A = re.compile(r"^A\d{1,2}[a-h]?\s+")
# "A: No dedicated policy.", "Answer - Yes": the answer's own label
_ANSWER_LABEL = re.compile(
    r"^(?:(?-i:A\d{0,2}[a-h]?)|Answer|Response|Reply)\s*[:\-–]\s+", re.IGNORECASE
)
_RUN_ON_ANSWER = re.compile(r"(?:yes|no|n/?a|not|none|the trust|we|our)\b", re.IGNORECASE)
# ... or a statement ("A Sexual Safety Policy is being developed ..."), not more of the request
_STATES = re.compile(
    r"\b(?:is|are|was|were|has|have|had)(?:n['’]t)?\b|\b(?:does|do|did)n['’]t\b", re.IGNORECASE
)
# ... or a post that holds it ("The Chief Nursing Officer holds this responsibility."), not more
# of the request's words ("Staff includes bank and agency workers.")
_POST_STATES = re.compile(
    r"^(?i:the|our)\s+(?:[A-Z][\w&'’-]*\s+(?:(?:of|for|and|&)\s+)?){1,6}"
    r"(?:holds|leads|oversees|sits|rests|delivers|provides|offers|runs)\b"
)
# "Please give the name and job title. Mr Anthony Gilchrist-Boyd, Director of ...": a person
_IF_SO = re.compile(r"^\s*if so\s*[:\-–]\s+(?=\S)", re.IGNORECASE)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof)\.?\s+[A-Z]")
_ASKS_MORE = re.compile(
    r"^\W*(?:please|kindly|could|would|can|where|also|in addition|i|my|this request)\b", re.I
)


def answer_after_request(after: str) -> tuple[str, str] | None:
    """ "If so please supply a copy. Yes, the Trust has ...", after a restated question: the
    request's own last sentence, then the answer run on after it (split in two); None when the
    text is not that."""
    if not (CONTINUATION.match(after) or INTERROGATIVE.match(after)) or "?" in after:
        return None  # ("Name and job title. Yes, ...": the request's words without a "?")
    bare = _IF_SO.match(after)  # "... to staff? If so: Not currently."
    pieces = [bare[0].strip(), after[bare.end() :]] if bare else _FULL_STOP.split(after, 1)
    if len(pieces) < 2 or SUB_MARKER.search(pieces[0]) or bare and SUB_MARKER.match(pieces[1]):
        return None
    # "A1 Yes. We launched ...", "A: No dedicated policy.": its label aside
    answer = _ANSWER_LABEL.sub("", _NUMBERED_A.sub("", pieces[1]))
    labelled = answer != pieces[1]
    states = (
        (_STATES.search(answer) or _POST_STATES.match(answer))
        and not INTERROGATIVE.match(answer)
        and not CONTINUATION.match(answer)
        and not _ASKS_MORE.match(answer)
    )
    if labelled or _RUN_ON_ANSWER.match(answer) or states or _HONORIFIC.match(answer):
        return pieces[0], answer.strip()
    return None


_JOINS_NEXT = re.compile(
    r"(?i)(?:\b(?:of|and|or|for|the|a|an|on|in|to|by|with|whether)|[/,&(–-])\s*$"
)


def heading_over_sentence(heading: str, line: str) -> bool:
    """A heading without "?" above a sentence: the sentence is its answer. A whole sentence
    under a short heading; under a longer heading that does not run on ("... of"), a line
    that ends a sentence ("Optional.") or reads as one ("A dedicated policy has been drafted
    and is"), not the title-case rest of a wrapped heading ("Sexual Violence (DASV)")."""
    if "?" in heading or not line[:1].isupper():
        return False
    words = line.split()
    if len(heading.split()) <= 6 and line.rstrip().endswith((".", "!")) and len(words) >= 4:
        return True
    lower = sum(w[:1].islower() for w in words)
    return (
        len(heading.split()) <= 12
        and not _JOINS_NEXT.search(heading)
        and (line.rstrip().endswith((".", "!")) or (len(words) >= 4 and 2 * lower >= len(words)))
    )


# The request's next sentence broken off at a line's end: "... (DASV)? Please"
_DANGLING_REQUEST = re.compile(r"^\W*please(?:\s+(?:give|provide|state|name|confirm))?\W*$", re.I)


_LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_BRACKETED_ANSWER = re.compile(r"(?<=[?.:])\s*[(\[](?P<answer>[^()\[\]]{1,120})[)\]]\s*$")
# a question's own bracket, not an answer: "(ABT)", "(please name the provider)", "(see Q2)"
_NOT_AN_ANSWER = re.compile(
    r"\s*(?:(?-i:[A-Z]{2,6}s?)\s*$|(?:please|e\.?g\.?|if|such as|see|i\.e\.?|q\s*\d|questions?|parts?|"
    r"sections?|appendix|annex|answered|below|above|attached|overleaf|continued|cont)\b)",
    re.I,
)


def bracketed_answer(question_text: str) -> re.Match[str] | None:
    found = _BRACKETED_ANSWER.search(question_text)
    return found if found and not _NOT_AN_ANSWER.match(found["answer"]) else None


def answer_run_on(question_text: str, compiled: Compiled) -> tuple[str, str]:
    """A restated question and the answer run on after its last "?" on its line ("" if none)."""
    # the answer in brackets after the question: "... a copy or a link. (no)", "If so: (yes)"
    if bracketed := bracketed_answer(question_text):
        return question_text[: bracketed.start()].rstrip(), bracketed["answer"].strip()
    # (the last "?" that ends a question: not one inside a link, "download.cfm?doc=policy")
    links = [m.span() for m in _LINK.finditer(question_text)]
    marks = [
        i for i, c in enumerate(question_text) if c == "?" and not any(a <= i < b for a, b in links)
    ]
    last_q = marks[-1] if marks else -1
    if not 0 <= last_q < len(question_text) - 1:
        return question_text, ""
    after = question_text[last_q + 1 :].strip()
    own_parts = restated_parts(after, compiled) if after else None
    if own_parts is not None:
        # its own sub-questions; an answer run into the last answers the whole
        return question_text[: last_q + 1], own_parts
    if (
        after
        and not CONTINUATION.match(after)
        and not INTERROGATIVE.match(after)
        and not SUB_RANGE.match(after)
        and not _DANGLING_REQUEST.match(after)  # "(DASV)? Please" | "give the name"
    ):
        return question_text[: last_q + 1], after
    if run_on := answer_after_request(after):
        return question_text[: last_q + 1] + " " + run_on[0], run_on[1]
    return question_text, ""
