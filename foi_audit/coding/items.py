"""Stage 3b, items: a sentence listing several things of a question's kind, each with its own
details, is read for the question only in the items that name its subject; a sentence on
another thing of the kind alone is marked as the question's `elsewhere` concept.

"Our Respect programme comprises Civility Saves Lives (delivered in-house, mandatory),
Conflict Resolution (delivered by X, mandatory) and Active Bystander Training (delivered by Y,
optional)": for the training asked about, Y and "optional" are its details, the others' are
theirs. Only a question whose codebook entry names `elsewhere` concepts (another subject of its
kind: another training) is read so. An item names the subject by the question's `cues`;
another item is of the same kind when it names one of the `elsewhere` concepts, when one of
its `topic_cues` words follows a name ("Conflict Resolution training"), or when it opens on a
name with its details after it ("Safe Handling (delivered by X)"). Items are cut at
semicolons, or, in a list of names each with its details in brackets (not a short form,
"(ABT)"), at commas and "and" (not inside a name, "Marsh and Webb Consulting"); details said
of all the items ("... are both delivered in-house") keep the list whole.

A sentence alone is taken for another thing of the kind only beside a sentence of the same
answer naming the subject ("Yes. Our Step Up, Speak Out workshops are ..." is the training
asked about under its own brand), never when it opens the answer or points back at it ("It
forms part of our Respect programme", "Staff first complete ... then ..."), and never for a
company's name ("Kinward Training") or a single capitalised word opening a sentence
("Refresher workshops are ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from foi_audit.coding.compiled import Compiled, Question
from foi_audit.coding.labels import STARTS_LIKE_ANSWER
from foi_audit.coding.questions import top_question
from foi_audit.coding.reading import AnswerReading, ConceptHit
from foi_audit.coding.records import Sentence
from foi_audit.coding.text import matches_any

# capitalised words that name nothing: "An e-learning package", "Yes Training"
_NOT_NAMES = (
    r"a|an|the|our|this|these|that|those|its|their|each|all|every|any|some|both|most|many|no|yes"
    r"|one|it|we|they|such|other|another|new|current|previous|since|as|when|while|if|in|on|at"
    r"|for|from|with|by|after|before|during|also"
)
# a name just before a topic word: "Conflict Resolution training", "Human Rights (e-learning",
# "Equality and Diversity e-learning"
_NAME = r"(?!(?i:" + _NOT_NAMES + r")\b)[A-Z][\w'’&-]*"  # a capitalised word that names
_MORE_NAME = r"\s+(?:(?:and|&|of|for|in|to|the)\s+)?[A-Z][\w'’&-]*"  # ... and the next words
_NAMED_BEFORE = re.compile(
    r"(?:(?:^|\s)" + _NAME + r"\s+(?:(?:and|&|of)\s+)?|\b(?i:our|the|a|an|its|their)\s+)"
    r"[A-Z][\w'’&-]*\)?\s+\(?$"
)
# a sentence that opens on a name and says what kind of thing it is: "Equality, Diversity and
# Human Rights is a mandatory e-learning module"
_NAME_IS = re.compile(
    r"^\W*(?:(?i:our|the)\s+)?" + _NAME + r"(?:,?" + _MORE_NAME + r")*\s+(?:is|are)\s+"
    r"(?:also\s+)?(?:an?|our|the)\b[^.;:]{0,40}$"
)
# what points back at the thing asked about: "It is also offered ...", "The training is ..."
_POINTS_BACK = re.compile(
    r"^\W*(?:it|this|these|they|such|yes|no|(?:the|this|that|these|those) (?:training|course|sessions?|"
    r"programme|workshops?|e-learning|module))\b"
    # ... or places it inside another: "as a unit of our Civility programme"
    r"|\b(?:parts?|units?|modules?|elements?|components?|strands?) (?:of|in|within)\b"
    r"|\b(?:within|included in|embedded in|incorporated into)\b"
    # ... or a step of it ("Staff first complete our Speak Up e-learning module ... then"), or
    # how its own trainers were trained ("completed a Train the Trainer course run by X")
    r"|\b(?:first|then|followed by|train(?:ing)?[- ]the[- ]trainers?)\b",
    re.IGNORECASE,
)
# an item of a list that opens on its own name, its details after it: "Safe Handling (delivered
# by X)", "Kind Words workshops are bought in from X"
_NAMED_ITEM = re.compile(
    r"^(?:(?i:our|the)\s+)?" + _NAME + r"(?:\s*\(|(?:" + _MORE_NAME + r")+\s*(?:\(|\b(?:is|are)\b))"
)
# a company's name, whose words name no training ("by Bystander Matters Ltd")
_COMPANY = re.compile(
    r"\b[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*\s+(?:Ltd|Limited|CIC|LLP|PLC|plc|Partnership|"
    r"Partners|Associates|Consultancy|Consulting|Collective|Company)\b"
)
_IN_A_NAME = re.compile(r"\s+[A-Z&]")
_SHORT_FORM = re.compile(r"\(\s*[A-Z][A-Za-z&]{1,7}\s*\)")
_CAPITALISED_END = re.compile(r"\b[A-Z][\w'’&-]*$")
_SHARED = re.compile(
    r"\b(?:are|were) (?:both|all)\b|\b(?:both|all|each) (?:of them |of these )?(?:are|is|were)\b",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^()]*\)")
_LEADING_AND = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)
_MIN_BRACKETED = 2  # a comma list is cut into items only when this many carry details


def focused(sentences: Sequence[Sentence], qid: str, compiled: Compiled) -> list[Sentence]:
    """The answer's sentences, each multi-item one cut down to the items on the subject."""
    question = compiled.question(top_question(qid, compiled))
    if question is None or not question.topic_cues or not question.elsewhere:
        return list(sentences)  # (a question with no other subject of its kind named)
    return [_focus(sentence, question) for sentence in sentences]


def _focus(sentence: Sentence, question: Question) -> Sentence:
    items = list_items(sentence.text)
    if len(items) < 2:
        return sentence
    ours = [n for n, item in enumerate(items) if matches_any(question.cues, _COMPANY.sub("", item))]
    theirs = [
        n
        for n, item in enumerate(items)
        if n not in ours
        and (_another_of_kind(item, question) is not None or _NAMED_ITEM.match(item))
    ]
    if not ours or not theirs:
        return sentence
    text = "; ".join(items[n] for n in ours)
    return replace(sentence, text=text, start=sentence.start and ours[0] == 0)


def _another_of_kind(item: str, question: Question) -> tuple[int, int] | None:
    """Where ``item`` names another thing of the question's kind, if it does."""
    found = matches_any(question.elsewhere, item)
    if found and (place := found.search(item)):
        return place.span()
    for pattern in question.topic_cues:
        for place in pattern.finditer(item):
            if _IN_A_NAME.match(item, place.end()):
                continue  # a company's name: "Active Voices Training CIC", "X Learning Ltd"
            before = item[: place.start()]
            if named := _NAMED_BEFORE.search(before):
                return named.start(), place.end()
            if _NAME_IS.match(before):
                return 0, place.end()
    return None


def _opens_on_a_value(text: str, compiled: Compiled) -> bool:
    """Whether ``text`` opens with a yes or no or one of the codebook's values, whole
    ("Mandatory (all staff, via the Trust's Core Mandatory Programme)", "In-house, within our
    Respect course"; not "In addition, ...", whose first word only begins "in_house")."""
    if STARTS_LIKE_ANSWER.match(text):
        return True
    opening = text.strip().lower()
    return any(
        re.match(re.escape(value.replace("_", joint)) + r"\b", opening)
        for spec in compiled.codebook.fields
        for value in spec.values
        for joint in ("-", " ")
    )


def with_another_of_kind(reading: AnswerReading, compiled: Compiled) -> AnswerReading:
    """``reading`` with each sentence on another thing of its question's kind alone (not its
    subject, nor pointing back at it) said to be of the question's first `elsewhere` concept,
    so that rules `without` it do not rest on it: "Our Sexual Safety Champions programme is
    delivered by X" says nothing of the training asked about."""
    top = top_question(reading.question, compiled)
    question, spec = compiled.question(top), compiled.codebook.question(top)
    if question is None or spec is None or not spec.elsewhere or not question.topic_cues:
        return reading
    concept = spec.elsewhere[0]
    already = {h.sentence for h in reading.hits if h.concept in spec.elsewhere and not h.negated}
    # an organisation's name is no training's ("an external facilitator from Kinward Training")
    named = [h for h in reading.hits if h.concept in compiled.by_form]
    # another training only beside the one asked about named ("Yes. Our Step Up, Speak Out
    # workshops are ..." with no other name for it is the training asked about, branded)
    subject = {
        i
        for i, s in enumerate(reading.sentences)
        if matches_any(question.cues, _COMPANY.sub("", s.text))
    }
    added = []
    for index, sentence in enumerate(reading.sentences):
        text = sentence.text
        if index in already or matches_any(question.cues, text) or _POINTS_BACK.search(text):
            continue
        if index == 0 and sentence.sentence.start and _opens_on_a_value(text, compiled):
            continue  # an answer opens on what it was asked ("Mandatory (via our Core Programme)")
        place = _another_of_kind(text, question) if subject - {index} else None
        if place and not any(
            h.sentence == index and h.start <= place[1] - 1 < h.end for h in named
        ):
            added.append(ConceptHit(concept, index, *place, False, text[slice(*place)]))
    if not added:
        return reading
    hits = sorted((*reading.hits, *added), key=lambda h: (h.sentence, h.start))
    return replace(reading, hits=tuple(hits))


def _joins_names(text: str, index: int) -> bool:
    """Whether the " and " at ``index`` stands inside a name ("Marsh and Webb Consulting")."""
    after = text[index + 5 : index + 6]
    return after.isupper() and bool(_CAPITALISED_END.search(text, 0, index))


def list_items(text: str) -> list[str]:
    """``text`` cut into its list's items (outside brackets): at semicolons, or at commas and
    "and" when at least two items have bracketed details; [text] when it is no such list."""
    depth = 0
    semicolons: list[int] = []
    commas: list[tuple[int, int]] = []
    bracketed = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
            # (a short form in brackets is no item's details: "Active Bystander Training (ABT)")
            bracketed += depth == 1 and not _SHORT_FORM.match(text, index)
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and char == ";":
            semicolons.append(index)
        elif depth == 0 and char == ",":
            commas.append((index, index + 1))
        elif depth == 0 and text.startswith(" and ", index) and not _joins_names(text, index):
            commas.append((index, index + 5))
    if _SHARED.search(_BRACKETS.sub("", text)):
        return [text]  # details said of all the items together: "... are both delivered in-house"
    if semicolons:
        cuts = [(index, index + 1) for index in semicolons]
    elif bracketed >= _MIN_BRACKETED:
        cuts = commas
    else:
        return [text]
    bounds = [0] + [i for cut in cuts for i in cut] + [len(text)]
    pieces = (text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    items = [_LEADING_AND.sub("", piece.strip(" ,;")) for piece in pieces]
    return [item for item in items if item]
