"""Which question of the request a piece of text restates or names as its topic."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import takewhile

from foi_audit.coding.codebook import Question
from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import (
    COURSE_PART,
    HEADING_VERB,
    INTERROGATIVE,
    LABEL,
    LETTER_LABEL,
    STARTS_LIKE_ANSWER,
)
from foi_audit.coding.likeness import COUNT_QUESTION, Likeness, stem
from foi_audit.coding.reading import Status
from foi_audit.coding.records import Segment
from foi_audit.coding.text import SENTENCE_END, matches_any

# A restated question that is none of the request's (a longer request's other questions).
OTHER = "~other"

# How like a question text must be to restate it, and by how much it must beat the next.
RESTATES = 0.5
MARGIN = 0.08
UNRELATED = 0.35
# So like one question (score, and share of the text's words that are the question's) that a
# word naming another subject must be a misreading
NEAR_WHOLE = 0.65
NEAR_WHOLE_PRECISION = 0.75


def restated_question(text: str, compiled: Compiled) -> str:
    """The question a restated question is: by its likeness to the request's questions, else
    by the codebook's cues; OTHER when it is plainly another question; "" when unsure."""
    text = text[:_LONGEST_QUESTION]  # a restated question is a sentence or two, never a page
    if not compiled.likeness.asks_counts and COUNT_QUESTION.match(text):
        return OTHER  # "How many staff completed ABT in 2023/24?": a count none of ours asks
    found = _restated_question(text, compiled)
    if found and found != OTHER and names_another_subject(text, found, compiled):
        # unless it has the question's own words nearly all ("does it Hin to introduce it?":
        # OCR garbled the one word that named the subject)
        ranked = compiled.likeness.rank(text)
        near = ranked and ranked[0].question == found and ranked[0].score >= NEAR_WHOLE
        if not (near and ranked[0].precision >= NEAR_WHOLE_PRECISION):
            return OTHER
    if not found and (text.rstrip().endswith("?") or INTERROGATIVE.match(text)):
        # unsure which of ours it is: plainly another if it names another subject of the
        # kind of the question it is most like ("Do you have a chaperone policy?")
        ranked = compiled.likeness.rank(text)
        nearest = ranked[0].question if ranked else classify_question(text, compiled, True)
        if nearest and names_another_subject(text, nearest, compiled):
            return OTHER
    return found


_LONGEST_QUESTION = 600
_FIELD_NAME = re.compile(r"^\W*[^:–—-]{1,40}[:–—-]\s*")  # "Request: "


def quoted_asks(segments: list[Segment], compiled: Compiled) -> str:
    """The one question (with its parts) the request quoted last asks, "" for several: "You
    asked: 2. Does the Trust provide ABT? (a) ...? (b) ...? Our response: ..." answers 2."""
    block = takewhile(lambda s: s.quoted, reversed(segments))
    asked = {s.question for s in block if s.question and s.question != OTHER}
    tops = {top_question(q, compiled) for q in asked}
    if len(tops) != 1:
        return ""
    return asked.pop() if len(asked) == 1 else tops.pop()


def ours_top(qid: str, excluded: bool, compiled: Compiled) -> str:
    """The top question of one of ours, "" for none, another subject's, or when excluded."""
    return top_question(qid, compiled) if qid and qid != OTHER and not excluded else ""


def asked_in_request(texts: list[str], compiled: Compiled) -> str:
    """The one question a request paragraph restates ("Request: 2(b) Is the training
    mandatory or optional?"): the response below it answers that one. "" when it asks none
    we know, or several ("Request: The requester asked (1) whether ...; (2) whether ...")."""
    if sum(text.count("?") for text in texts) != 1:
        return ""  # several questions asked (or none): the response says which it answers
    texts = [_FIELD_NAME.sub("", texts[0], count=1), *texts[1:]]
    asked = {
        restated_question(LABEL.sub("", text, count=1), compiled) for text in texts if "?" in text
    } - {""}
    found = asked.pop() if len(asked) == 1 else ""
    # in the request's own words, not only by a cue ("Who provides interpreting services?")
    ranked = compiled.likeness.rank(" ".join(texts))
    return found if found == OTHER or (ranked and ranked[0].question == found) else ""


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’-]*)\W*$")


def names_another_subject(text: str, qid: str, compiled: Compiled) -> bool:
    """A question of the same kind about another subject, as a longer request asks them: "Is
    conflict resolution training mandatory?", "Do you have a chaperone policy?". The
    question's family (it and its parts) is named by its cues (the subject's own words); a
    family's topic word (training, policy, lead) led by a word of its own, with none of the
    family's cues and none of its words, is another subject. "Is the training mandatory?"
    and "the Trust's lead" refer to the subject at hand."""
    top = top_question(qid, compiled)
    family = [q for q in compiled.questions if q.id == top or q.parent == top]
    if not family or any(matches_any(q.cues, text) for q in family if q.id == top):
        return False
    text = re.split(r"(?<=[.?!])\s", text.strip(), maxsplit=1)[0]  # the question, not its answer
    if (
        (text.rstrip().endswith("?") or INTERROGATIVE.match(text))
        and len(text.split()) >= 6
        and not any(matches_any((*q.cues, *q.topic_cues), text) for q in family)
    ):
        # Asked in full ("?" or "Whether ..."), and like ours only in some words: none of the
        # family's cues ("Has the Trust signed the Sexual Safety Charter?" is no question
        # about a policy).
        return True
    own_words = set().union(*(compiled.likeness.words.get(q.id, set()) for q in family))
    for question in family:
        for pattern in question.topic_cues:
            for found in pattern.finditer(text):
                # the word just before (a short tail: never the whole text, once per match)
                before = _WORD_BEFORE.search(text[max(0, found.start() - 60) : found.start()])
                if before is None:
                    continue
                words = before[1].lower().split("-")  # "in-house" is "in" and "house"
                if any(w not in compiled.likeness.stop and stem(w) not in own_words for w in words):
                    return True
    return False


def _restated_question(text: str, compiled: Compiled) -> str:
    ranked = compiled.likeness.rank(text)
    if ranked and ranked[0].score >= RESTATES:
        parent = _parent_covered(ranked, compiled)
        if parent:
            return parent
        if len(ranked) == 1 or ranked[0].score - ranked[1].score >= MARGIN:
            return _cued_instead(text, ranked, compiled) or ranked[0].question
    by_cues = classify_question(text, compiled)
    if by_cues:
        return by_cues
    plainly_asked = text.rstrip().endswith("?") or bool(INTERROGATIVE.match(text))
    if plainly_asked and (
        not ranked or (ranked[0].score < UNRELATED and ranked[0].precision < 0.5)
    ):
        return OTHER
    return ranked[0].question if ranked and ranked[0].score >= UNRELATED else ""


def as_near_in_family(text: str, qid: str, above: str, compiled: Compiled) -> str:
    """A row's question as near in words to a part of the question the rows above answer as to
    the one it is most like ("Sexual harassment content" under rows on the training: the
    training's module part, not the policy question): that part; else ``qid``."""
    family = top_question(above, compiled) if above and above != OTHER else ""
    ranked = compiled.likeness.rank(text)
    if (
        not family
        or not ranked
        or ranked[0].question != qid
        or top_question(qid, compiled) == family
    ):
        return qid  # decided by words, by cues, or already in the family
    near = [r for r in ranked if ranked[0].score - r.score < MARGIN]
    return next((r.question for r in near if top_question(r.question, compiled) == family), qid)


def _cued_instead(text: str, ranked: list[Likeness], compiled: Compiled) -> str:
    """ "Plans to introduce Active Bystander Training": most like the training question in
    words, but the codebook's cues (tried in its order) name the plans question, which asks
    about the same subject; that one, when its words are near."""
    if text.count("?") > 1 or re.search(r"\s(?:/|&|and)\s", text):
        return ""  # several questions run together or named together: their words decide
    by_cues = classify_question(text, compiled)
    top = ranked[0].question
    if not by_cues or top_question(by_cues, compiled) == top_question(top, compiled):
        return ""
    near = any(r.question == by_cues and r.score >= UNRELATED for r in ranked) or (
        # ("Plans for active bystander training": the plans question says "ABT")
        compiled.likeness.names_its_acronym(text, by_cues)
    )
    # a follow-up on the same subject (the plans question asks about the training), not a
    # title naming two subjects ("Sexual safety policy and Active Bystander Training")
    words = compiled.likeness.words
    same_subject = bool(words.get(by_cues, set()) & words.get(top, set()))
    return by_cues if near and same_subject else ""


def _parent_covered(ranked: list[Likeness], compiled: Compiled) -> str:
    """ "ABT? If so (a) in-house or external, (b) mandatory?": two sub-questions or more
    restated together with their parent are the parent."""
    covered: dict[str, int] = {}
    for found in ranked:
        parent = parent_of(found.question, compiled)
        if parent and found.recall >= 0.5:
            covered[parent] = covered.get(parent, 0) + 1
    return next((parent for parent, count in covered.items() if count >= 2), "")


def is_question_text(text: str, question: str, compiled: Compiled) -> bool:
    """Whether a sentence is the question's own words (restated), not an answer to it."""
    if not question or question == OTHER:
        return False
    shaped = (
        text.rstrip().endswith("?")
        or INTERROGATIVE.match(text)
        or not HEADING_VERB.search(text)  # a noun phrase: "Dedicated policy (copy or link)"
    )
    if not shaped or STARTS_LIKE_ANSWER.match(text):
        return False
    ranked = {r.question: r for r in compiled.likeness.rank(text)}
    found = ranked.get(question) or ranked.get(parent_of(question, compiled))
    return bool(found and found.precision >= 0.9 and found.recall >= 0.6)


def answer_after_head(text: str, is_head: Callable[[str], bool], first: int = 1) -> str:
    """The answer run into the end of a heading on one line ("sexual harassment module Not at
    present." -> "Not at present."): the shortest head ``is_head`` accepts whose rest opens like
    an answer; "" when there is none."""
    words = text.split()
    for k in range(first, min(16, len(words))):
        tail = " ".join(words[k:])
        if tail[:1].isupper() and STARTS_LIKE_ANSWER.match(tail) and is_head(" ".join(words[:k])):
            return tail
    return ""


def without_restated_head(text: str, question: str, compiled: Compiled) -> str:
    """An answer without the question's own words run into its front, as a table row read as
    one line gives it ("Dedicated policy on sexual safety (copy or link) No, the Trust has not
    adopted one" -> "No, the Trust has not adopted one"); the text unchanged otherwise (and for
    a course's own part: "Module C: Sexual harassment - recognising and intervening")."""
    if len(text.split()) < 4 or STARTS_LIKE_ANSWER.match(text) or COURSE_PART.match(text):
        return text
    labelled = _LABEL_HEAD.match(text)
    if (
        labelled
        and labelled["tail"][:1].isupper()
        and not _SENTENCE_OPENING.match(labelled["head"])
        # (one of the question's choices is the answer: "External provider: Bystander Matters")
        and labelled["head"].strip().lower() not in question_choices(compiled.codebook.questions)
        and _request_label(labelled["head"], question, compiled)
    ):
        # "Plans to introduce Active Bystander Training: We have no plans to do so."
        return labelled["tail"]

    def is_head(head: str) -> bool:
        return is_question_text(head, question, compiled) or _request_label(
            head, question, compiled
        )

    tail = answer_after_head(text, is_head, 2)
    if not tail:
        # a short heading in the question's own words, then any sentence ("Mandatory /
        # optional Staff are encouraged to complete it.")
        words = text.split()
        tail = next(
            (
                " ".join(words[k:])
                for k in range(2, min(7, len(words)))
                if words[k][:1].isupper()
                and is_question_text(" ".join(words[:k]), question, compiled)
            ),
            "",
        )
    return tail or text


@lru_cache(maxsize=8)
def question_choices(questions: tuple[Question, ...]) -> frozenset[str]:
    """The choices our questions offer ("mandatory or optional", "in-house or by an external
    provider"): each is an answer, never a topic."""
    pairs = (
        re.findall(r"([\w-]+) or (?:by )?(?:an? )?(([\w-]+)(?: [\w-]+)?)", q.text.lower())
        for q in questions
    )
    # the second choice alone and with the word after it ("external", "external provider"),
    # each as written and spaced ("in house")
    words = {word for found in pairs for pair in found for word in pair}
    return frozenset(words | {word.replace("-", " ") for word in words})


# A label of a few words before a colon, then the answer: "Delivery (in-house/external): ..."
_LABEL_HEAD = re.compile(r"^(?P<head>[^:.;?!\"“”]{8,90}?)\s*:\s+(?P<tail>\S.*)$", re.S)
# ... not a sentence that introduces what follows ("The programme includes a module called: ...")
_SENTENCE_OPENING = re.compile(r"(?i)^\W*(?:the|our|we|it|this|these|there|all|a|an|staff)\b")


def _request_label(head: str, question: str, compiled: Compiled) -> bool:
    """A noun phrase of two words or more that names this question (or another part of the
    same question): "Training, provider, mandatory/optional, sexual harassment module"."""
    if len(head.split()) < 2 or HEADING_VERB.search(head) or STARTS_LIKE_ANSWER.match(head):
        return False
    named = classify_question(head, compiled)
    return bool(named) and top_question(named, compiled) == top_question(question, compiled)


def summary_heading(text: str, compiled: Compiled) -> str:
    """ "Dedicated sexual safety / sexual harassment policy." after a number: the request
    summarised in its own words, read as a heading without its full stop; any other text as
    it is ("Mandatory for all staff.", "External provider - Open Door Ltd." are answers)."""
    known, words = compiled.likeness.known_words(text)
    if re.fullmatch(r"[^.!?]+\.\s*", text) and known >= 3 and known >= 0.8 * words:
        return text.rstrip()[:-1]
    return text


def topic_question(topic: str, compiled: Compiled) -> str:
    """The question a short topic label names ("3 (conflict resolution training): ...",
    "Part H – executive lead for domestic abuse ..."): ours by its cues or words, OTHER when
    it names another subject or shares no word with ours, "" when unsure."""
    ranked = compiled.likeness.rank(topic)
    qid = classify_question(topic, compiled, topic=True)
    if not qid and ranked and ranked[0].score >= RESTATES - 0.1:
        qid = ranked[0].question
    if qid:
        return OTHER if names_another_subject(topic, qid, compiled) else qid
    return OTHER if not ranked or ranked[0].score < UNRELATED else ""


def classify_question(text: str, compiled: Compiled, topic: bool = False) -> str:
    """The question a restated question is, by its words (its first sentence first).

    A question naming the topics of two sub-questions of one question ("ABT: provided,
    delivery, mandatory?, SH module?") is that question. ``topic`` also tries each question's
    looser ``topic_cues`` (used for prose paragraphs and topic headings)."""
    first = text.split("?")[0]
    for candidate in (first, text):
        hits = [q for q in compiled.questions if matches_any(q.cues, candidate)]
        if not hits and topic:
            hits = [q for q in compiled.questions if matches_any(q.topic_cues, candidate)]
        if not hits:
            continue
        # Counted over the whole text: "in-house or external? mandatory or optional?"
        every = [q for q in compiled.questions if matches_any(q.cues, text)]
        for parent in dict.fromkeys(q.parent for q in every if q.parent):
            if sum(1 for q in every if q.parent == parent) >= 2:
                return parent
        return hits[0].id
    return ""


def child_question(compiled: Compiled, parent: str, letter: str, labels: dict[str, str]) -> str:
    parent_q = compiled.question(parent)
    if parent_q is None:
        return ""
    for question in compiled.questions:
        if question.parent == parent and question.label.endswith(letter.lower()):
            return question.id
    return labels.get(parent_q.label + letter.lower(), "")


def parent_of(qid: str, compiled: Compiled) -> str:
    for question in compiled.questions:
        if question.id == qid:
            return question.parent
    return ""


def top_question(qid: str, compiled: Compiled) -> str:
    return parent_of(qid, compiled) or qid


TOPIC_LEAD = re.compile(
    r"^\W*(?P<topic>[^.:;,?()]{2,60}?)\s*(?:\s[-–]\s|:\s|\s(?:is|are|was|sits|rests)\s)"
)


_DETERMINER = re.compile(r"^(?:our|the|its|the trust['’]s|the service['’]s)\s+", re.IGNORECASE)


def topic_lead(text: str, compiled: Compiled) -> str:
    """The top-level question a paragraph opens with as its topic ("Policy - yes", "ABT: we
    do", "Exec lead for DASV is ..."), or ""."""
    match = TOPIC_LEAD.match(text)
    # ("Our executive lead for domestic abuse and sexual violence is ...": its determiner aside)
    if not match or len(_DETERMINER.sub("", match["topic"]).split()) > 8:
        return ""
    # "Policy - yes" names its topic loosely; "Our lead trainer is ..." is not Q4: before a
    # verb only the question's own cues count.
    labelled = not re.search(r"\s(?:is|are|was|sits|rests)\s$", match.group(0))
    return top_question(classify_question(match["topic"], compiled, topic=labelled), compiled)


def whole_request(text: str, compiled: Compiled) -> bool:
    """One paragraph asking three or more of the request's questions ("please tell me: 1. Does
    ...? 2. Does ...? 3. ...?"): the request quoted whole, never a restated question with its
    answer below it."""
    asked = text.split("?")[:-1]
    if len(asked) < 3 or any(STARTS_LIKE_ANSWER.match(part.strip(" -–—:")) for part in asked[1:]):
        return False  # ("...? Yes. 2. Does ...? No."): questions and their answers run together
    found = {top_question(classify_question(part + "?", compiled), compiled) for part in asked}
    return len(found - {"", OTHER}) >= 3


_LIST_ITEM_MARK = re.compile(r"^\s*[*•·▪◦‣]\s+\S")


def topic_heading(text: str, compiled: Compiled) -> bool:
    """A short noun phrase (no verb, no sentence punctuation) made of a question's own words;
    never a list's item ("* Optional" in a bulleted answer)."""
    if (
        _LIST_ITEM_MARK.match(text)
        or not 1 <= len(text.split()) <= 8
        or re.search(r"[.,;:!?/]", text)
        or HEADING_VERB.search(text)
    ):
        return False  # "Plans N/A" is a heading with its answer; HEADING_VERB has yes/no/not
    if len(text.split()) <= 3 and _names_the_topic(text, compiled):
        return True  # "Policy", "Future plans": a question's topic word as the heading
    if len(text.split()) >= 4 and _request_words_naming_one(text, compiled):
        return True  # "Plans to introduce active bystander training": two questions' words
    ranked = compiled.likeness.rank(text)
    if not ranked or ranked[0].precision < 0.9:
        return False
    # "Executive lead": every word the question's own and no other question as like it
    alone = len(ranked) == 1 or ranked[0].score - ranked[1].score >= MARGIN
    return ranked[0].score >= RESTATES - 0.1 or (ranked[0].precision == 1.0 and alone)


def on_topic(area: str, asked: str, compiled: Compiled) -> bool:
    """Whether an area ("domestic abuse / sexual violence") is the top question asked's."""
    return any(heading_topic(piece, compiled) == asked for piece in area.split(" / ") if piece)


def heading_topic(text: str, compiled: Compiled) -> str:
    """The top question a topic heading names, by its looser words too ("Leadership"); "";
    never by a part's word alone ("Optional" is an answer)."""
    if not topic_heading(text, compiled):
        return ""
    named = classify_question(text, compiled, topic=True)
    return named if named and top_question(named, compiled) == named else ""


def _names_the_topic(text: str, compiled: Compiled) -> bool:
    """A heading of a few words naming a question by its cues ("Future plans"), or by its
    topic words when the question itself uses each of them ("Policy"; not "FOI Lead")."""
    if any(matches_any(q.cues, text) for q in compiled.questions if not q.parent):
        return True
    qid = classify_question(text, compiled, topic=True)
    question = next((q for q in compiled.codebook.questions if q.id == qid), None)
    if question is None:
        return False
    own = {stem(word) for word in re.findall(r"[a-z]+", question.text.lower())}
    return all(_own_or_derived(stem(word), own) for word in re.findall(r"[a-z]+", text.lower()))


def _request_words_naming_one(text: str, compiled: Compiled) -> bool:
    """Every content word the request's own, and one top question of ours named by its cues:
    a heading that borrows another question's words for its subject ("Plans to introduce
    active bystander training" where the plans question says "ABT"). Answers have a word of
    their own ("Plans to introduce ABT in April 2025"); a part's words alone are an answer's
    ("Delivered in-house by an external provider")."""
    known, total = compiled.likeness.known_words(text)
    if not total or known < total:
        return False
    named = classify_question(text, compiled)
    if not named or top_question(named, compiled) != named:
        return False
    # a word of another question only when the named one itself names that question: not a
    # page's title over several answers ("Sexual safety of staff and Active Bystander Training")
    own = getattr(compiled.codebook.question(named), "text", "")
    likeness = compiled.likeness
    named_by_own = {q.id for q in compiled.questions if matches_any(q.cues, own)} | {named}
    words = (likeness.known(word) for word in likeness.content_words(text))
    return all(any(w in likeness.words[qid] for qid in named_by_own) for w in words if w)


def _own_or_derived(word: str, own: set[str]) -> bool:
    """A question's own word, or a noun made from one ("Leadership" from "lead")."""
    return word in own or any(
        len(base) >= 4 and word.startswith(base) and word[len(base) :] in {"ership", "ship"}
        for base in own
    )


def asks_within(cell: str, question: str, compiled: Compiled) -> bool:
    """A row's one- or two-word question cell ("Name", "Job title") that asks for what the
    question of the row above asks: a part of its answer."""
    words = re.findall(r"[a-z]+", cell.lower())
    if not question or question == OTHER or not 1 <= len(words) <= 2:
        return False
    text = next((q.text for q in compiled.codebook.questions if q.id == question), "")
    return bool(text) and all(re.search(rf"\b{w}\b", text, re.I) for w in words)


_PARTS = re.compile(r"\s+/\s+|\s*;\s+|\s+&\s+")


def second_question(cell: str, qid: str, compiled: Compiled) -> str:
    """Another of our questions one question cell restates beside ``qid``, its parts split by
    " / " or ";" ("2(iii) Mandatory or optional / SH module"), "" when there is none."""
    parts = [p for p in _PARTS.split(cell) if p.strip()]
    if len(parts) < 2 or qid == OTHER:
        return ""
    for part in parts:
        other = restated_question(part, compiled) or classify_question(part, compiled)
        if (
            other
            and other not in (qid, OTHER)
            and parent_of(other, compiled) == parent_of(qid, compiled)
        ):
            return other
    return ""


def unlike(text: str, qid: str, compiled: Compiled) -> bool:
    """Whether a restated question is less like ours than a restatement is (RESTATES)."""
    ranked = [r for r in compiled.likeness.rank(text) if r.question == qid]
    return not ranked or ranked[0].score < RESTATES


def with_second_questions(segments: list[Segment], compiled: Compiled) -> list[Segment]:
    """Each segment whose cell restates two questions followed by one for the second, with
    the same answer: one cell answering two questions answers both. So does an answer cell
    merged down over the next row, a part of the same question left with no cell of its own
    ("2(b) Mandatory or optional? | Mandatory ... And yes - there is a dedicated unit on
    sexual harassment" over "2(c) ... module ...?"): its lines naming that part answer it."""
    out: list[Segment] = []
    for seg in segments:
        above = out[-1] if out else None
        if above and seg.restated and seg.question and not seg.lines and above.lines:
            family = parent_of(seg.question, compiled)
            if family and family == parent_of(above.question, compiled):
                part = compiled.question(seg.question)
                cues = part.cues if part else ()
                named = [n for n in above.lines if n.cell == "answer" and matches_any(cues, n.text)]
                seg = replace(seg, lines=named)
        out.append(seg)
        if seg.also:
            out.append(replace(seg, question=seg.also, also="", lines=list(seg.lines)))
    return out


def part_of(question_text: str, parent: str, compiled: Compiled) -> str:
    """A short table row under one of our questions is one of its parts: "2. Active Bystander
    Training" then rows "Offered? | Yes", "(a) Delivery | In-house"; "" when it is not."""
    short = bool(parent) and len(question_text.split()) <= 5
    if not short or names_another_subject(question_text, parent, compiled):
        return ""
    letter = LETTER_LABEL.match(question_text)
    child = child_question(compiled, parent, letter["a"] or letter["b"], {}) if letter else ""
    return child or parent


def echoes_open_question(open_: Segment, text: str, compiled: Compiled) -> bool:
    """A one-line paragraph in the words of the question just restated and not yet answered:
    its answer ("Q2(b) Mandatory or optional" then "Optional"), not the question again."""
    return (
        bool(open_.question)
        and open_.restated
        and not open_.lines
        and not text.rstrip().endswith("?")  # a question asked next is no answer
        and restated_question(text, compiled) == open_.question
    )


# "Flexible working (questions 1 and 2)", "Sexual safety and bystander training (questions 6
# to 8):": a theme heading over a longer request's answers, the numbers the request's own
THEME_HEADING = re.compile(
    r"^\s*(?P<topic>[A-Za-z][^()?.:]{1,60}?)\s*\((?:your\s+)?(?:questions?|qs?\.?)\s*"
    r"(?P<numbers>\d{1,2}[a-z]?(?:\s*(?:,|and|&|to|-|–)\s*\d{1,2}[a-z]?)*)\)\s*:?\s*$",
    re.IGNORECASE,
)


def theme_heading(text: str, compiled: Compiled) -> str | None:
    """What a theme heading with the request's question numbers heads: another subject's
    answers (OTHER), one of ours when it gives one number, "" (read by topic) when it gives
    several of ours; None when the text is no such heading."""
    found = THEME_HEADING.match(text)
    if not found:
        return None
    qid = topic_question(found["topic"], compiled)
    if qid == OTHER or not qid:
        return qid
    return top_question(qid, compiled) if found["numbers"].isdigit() else ""


# "The executive lead for flexible working is Mr X", "sponsor of the Menopause Network": a role
# held for a subject, its words after "for"/"of"/"on"
_ROLE_FOR = re.compile(
    r"\b(?:lead|sponsor|champion|owner)\s+(?:for|of|on)\s+"
    r"([A-Za-z][\w'’&-]*(?:\s+(?!is\b|are\b|was\b)[A-Za-z][\w'’&-]*){0,3})"
    # "the Carers Network is sponsored by Mr X"
    r"|\b((?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,3})\s+(?:is|are)\s+"
    r"(?:sponsored|chaired|championed|led)\s+by\b"
    # "The Director of Estates leads the Trust's backlog reduction programme"
    r"|\b(?:leads|chairs|oversees)\s+(?:the\s+trust['’]s\s+|our\s+|the\s+)"
    r"([A-Za-z][\w'’&-]*(?:\s+(?!is\b|are\b|was\b)[A-Za-z][\w'’&-]*){0,3})",
    re.IGNORECASE,
)
# Words of a question that name no subject: the role asked about and the asking
_ROLE_WORDS = frozenset(
    {"executive", "lead", "appoint", "appointed", "job", "title", "board", "level", "named",
     "area", "portfolio", "role", "work", "agenda", "responsibility", "this", "these"}
)  # fmt: skip


def aimed_elsewhere(text: str, qid: str, compiled: Compiled) -> bool:
    """Whether an answer names a role held for another subject and nothing of the question's
    own subject ("The executive lead for flexible working is Mr X" is no answer on the lead
    for domestic abuse and sexual violence)."""
    question = compiled.codebook.question(qid)
    if question is None:
        return False
    stop = compiled.likeness.stop | _ROLE_WORDS

    def words(part: str) -> set[str]:
        return {stem(w) for w in re.findall(r"[a-z]+", part.lower()) if w not in stop}

    # its subject named by two of its words, or by its acronym ("violence and aggression"
    # shares one word with "domestic abuse and sexual violence": another subject)
    shared = words(text) & words(question.text)
    acronyms = {w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", question.text)}
    if len(shared) >= 2 or shared & acronyms:
        return False
    return any(words(next(filter(None, m.groups()), "")) for m in _ROLE_FOR.finditer(text))


def number_and_cue(qid: str, label: str, text: str, compiled: Compiled) -> str:
    """Our question numbered ``label`` where the text's own cue names it too ("3. Whether the
    Trust intends to introduce active bystander training": its words most like the training
    question's, its number and "intends" the plans question's); else ``qid``."""
    numbered = next((q.id for q in compiled.questions if q.label == label), "")
    if (
        qid
        and numbered
        and text.count("?") <= 1  # (not a run of several questions OCR joined into one line)
        and top_question(qid, compiled) != numbered  # (a part of it stays that part)
        and classify_question(text, compiled) == numbered
    ):
        return numbered
    return qid


def grouped_part(text: str, qid: str, compiled: Compiled) -> str:
    """A column header under a group header ("Question 2 – ABT - Mandatory?", as the table's
    reader joins them): the part of that question its own header names, else ``qid``."""
    if " - " not in text or not qid:
        return qid
    child = classify_question(text.rsplit(" - ", 1)[1], compiled, topic=True)
    return child if child and parent_of(child, compiled) == qid else qid


def answer_before_closing(text: str, compiled: Compiled) -> tuple[str, str]:
    """An answer run into the complaints paragraph after it ("Mrs X is the lead. If you are
    dissatisfied ..."): the sentences before the first closing one, and the rest ("" and the
    whole text when it opens with the closing)."""
    pieces = SENTENCE_END.split(text)
    for index, piece in enumerate(pieces):
        if matches_any(compiled.doc.closing, piece):
            answer = " ".join(pieces[:index])
            deferred = dict(compiled.reading.statuses).get(Status.DEFERRED, ())
            if matches_any(deferred, answer):
                break  # a holding reply's "We will be in touch as soon as possible." answers none
            return answer, " ".join(pieces[index:])
    return "", text
