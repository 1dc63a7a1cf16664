"""An answer's lines joined into sentences, and where its answer starts after a topic label."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import STARTS_LIKE_ANSWER, SUB_RANGE, TOPIC_LABEL, TOPIC_PREFIX
from foi_audit.coding.questions import classify_question, question_choices, top_question
from foi_audit.coding.records import Line, Sentence
from foi_audit.coding.text import SENTENCE_END

# A line led by its topic ("Policy: ...", "DASV lead: ...") starts a statement of its own even
# when the line before ends without a full stop (a link); so does the line after "Dear X,".
LABELLED_LINE = re.compile(r"^\W*[A-Z][A-Za-z&/'’-]*(?:\s+[A-Za-z&/'’-]+){0,4}\s*:\s+\S")
# A list's item on a line of its own ("  * External - Kinship Learning Partnership"): a
# statement of its own, never the wrapped end of the line above
BULLET_LINE = re.compile(r"^\s*[*•·▪◦‣-]\s+\S")


SALUTATION = re.compile(r"^\W*(?:dear|hello|hi|good (?:morning|afternoon))\b[^.]{0,60},$", re.I)


def sentences(lines: Sequence[Line], question: str) -> list[Sentence]:
    """Join wrapped lines, then split into sentences (and clauses at semicolons)."""
    out: list[Sentence] = []
    if not lines:
        return out
    # Lines of one block join with a space (wrapped text); blocks stay apart.
    groups: list[tuple[str, str]] = []
    previous: Line | None = None
    for line in lines:
        if not any(char.isalnum() for char in line.text):
            continue  # a stray mark a PDF set on its own line ("'" from "Trust's") splits a name
        # Two cells of one table row (an Answer and a Notes column) are two statements.
        other_cell = bool(line.cell) and previous is not None and previous.block != line.block
        if (
            groups
            and groups[-1][1] == line.locator
            and not other_cell
            and not _ends_sentence(groups[-1][0])
            and not LABELLED_LINE.match(line.text)
            and not BULLET_LINE.match(line.text)
            # (a salutation on a line of its own ends its sentence, even run on after a
            # letterhead's reference and date: "Our ref: X 27 November 2024 Dear Ms Tarrant,")
            and not SALUTATION.match(previous.text if previous else groups[-1][0])
            # "... exempt under section 21: https://..." then "If you are unhappy ...": a
            # link ends its sentence
            and not (_ENDS_WITH_LINK.search(groups[-1][0]) and line.text[:1].isupper())
        ):
            groups[-1] = (groups[-1][0] + " " + line.text, line.locator)
        else:
            groups.append((line.text, line.locator))
        previous = line
    for text, locator in groups:
        first_piece = True
        for piece in (run for whole in SENTENCE_END.split(text) for run in _run_on(whole)):
            piece = piece.strip()
            if piece and not SUB_RANGE.match(piece):
                out.append(
                    Sentence(piece, locator, question, start=not out, opens_block=first_piece)
                )
                first_piece = False
    return out


_ENDS_WITH_LINK = re.compile(r"(?:https?://|www\.)\S+$")

# A run-on typed without a stop ("we dont have a specific policy this is covered under our
# dignity at work policy we do provide active bystander training it is not mandatory ..."): a
# new statement starts at a subject after a word that ends one (not "by our", "that we")
_RUN_ON_SUBJECT = re.compile(r"\s+(?=(?:we|it|there|this|our|they)\s+\w)", re.IGNORECASE)
_NOT_BEFORE_SUBJECT = frozenset(
    ("a", "an", "and", "as", "at", "because", "but", "by", "for", "from", "if", "in", "into")
    + ("of", "on", "or", "so", "than", "that", "the", "to", "under", "until", "when", "where")
    + ("whether", "which", "while", "with", "within", "without")
)
# (nor inside a clause that qualifies a noun: "it is not something we make mandatory", "not
# an area we have appointed a lead for")
_QUALIFIED = frozenset(
    ("something", "anything", "nothing", "everything", "someone", "anyone", "area", "thing")
    + ("one", "way", "extent")
)
_DETERMINERS = frozenset(("a", "an", "any", "every", "each", "no"))


def _run_on(text: str) -> list[str]:
    """A long statement with no punctuation at all cut into its statements; others whole."""
    if len(text.split()) < 30 or re.search(r"[.,;:!?()]", text):
        return [text]
    pieces, start = [], 0
    for found in _RUN_ON_SUBJECT.finditer(text):
        before = [w.lower() for w in text[start : found.start()].split()]
        if len(before) < 3 or before[-1] in _NOT_BEFORE_SUBJECT:
            continue
        if before[-1] not in _QUALIFIED and before[-2] not in _DETERMINERS:
            pieces.append(text[start : found.start()])
            start = found.end()
    return [*pieces, text[start:]]


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!", ":")) and not text.rstrip().endswith(
        ("Ltd.", "Co.", "Dr.", "Mr.", "Mrs.", "Ms.")
    )


def answer_start(found: list[Sentence], compiled: Compiled) -> list[Sentence]:
    """An answer that opens with its topic ("Policy." / "Dedicated policy: Yes." / "ABT -
    information not held") starts after the topic: start-anchored rules look there."""
    if not found:
        return found
    first = found[0]
    prefix = TOPIC_PREFIX.match(first.text)
    if prefix and not STARTS_LIKE_ANSWER.match(first.text) and len(prefix["topic"].split()) <= 8:
        # The topic ("Bystander training: not offered") is a label, not evidence: dropped.
        rest = first.text[prefix.end() :].strip()
        return [replace(first, text=rest, start=True), *found[1:]]
    label = TOPIC_LABEL.match(first.text)
    if (
        label
        and len(label["topic"].split()) <= 5
        # "Mandatory – all staff", "Mandatory for all staff - it is ...": one of the
        # question's own alternatives is the answer
        and not {
            label["topic"].strip().lower(),
            label["topic"].split()[0].lower(),
            " ".join(label["topic"].split()[:2]).lower(),
        }
        & question_choices(compiled.codebook.questions)
        and top_question(classify_question(label["topic"], compiled, topic=True), compiled)
        == top_question(first.question, compiled)
    ):
        # "Exec lead - our Chief Nurse is the lead": the label names the question; the answer,
        # which start-anchored rules read, follows it.
        rest = first.text[label.end() :].strip()
        if rest:
            return [replace(first, text=rest, start=True), *found[1:]]
    words = first.text.rstrip(".:").split()
    is_topic = (
        len(found) > 1
        and len(words) <= 8
        and first.text.rstrip().endswith((".", ":"))
        and not STARTS_LIKE_ANSWER.match(first.text)
        and not re.search(
            r"\b(is|are|was|were|has|have|do|does|did|will|we|our)\b", first.text, re.I
        )
        and bool(classify_question(first.text, compiled, topic=True))
    )
    if is_topic:
        return [replace(first, start=False), replace(found[1], start=True), *found[2:]]
    return found
