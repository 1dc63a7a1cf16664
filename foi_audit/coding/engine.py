"""The coding engine: documents -> answers per question -> field values with evidence.

Everything study-specific (questions, cues, decision rules, patterns) is in the codebook TOML;
this module is generic. The steps, per document:

1. ``lines``: the document's text as lines with their locators (email history and letterhead
   dropped; on a disclosure-log page listing several requests, only the relevant entries kept).
2. ``segment``: restated questions are recognised by their cues (not their numbers, which
   trusts change); the lines after a question are its answer, until the next question. Answers
   given by label only ("2(a) In-house", "Q3 - N/A") go to the question with that label.
   Text that quotes the request back (an acknowledgement, "You asked:", a log's "Request"
   section) is marked quoted and never read as an answer. A reply in free prose is split into
   clauses and each clause is given to the question its words belong to.
3. ``decide``: each field reads the answers of its questions in order and applies its rules in
   priority order; cross-references ("see our response to question 2") are followed.

Per trust, acknowledgements are set aside when a reply exists, attached non-reply documents (a
policy PDF) are not read as replies, and two replies that disagree are flagged for review.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from foi_audit.coding.codebook import Codebook, ExtractKind, Field, FieldRole
from foi_audit.errors import CodebookError
from foi_audit.records import BlockRole, CodedValue, Document, Flag, FlagReason

QUOTE_CHARS = 300
# Page-header blocks are read: a reply with no letterhead has its first answers there.
SKIP_ROLES = {BlockRole.EMAIL_HEADER, BlockRole.FOOTER}
TABLE_HEADER_WORDS = {
    "q", "no", "no.", "ref", "ref.", "question", "questions", "response", "responses", "answer",
    "answers", "notes", "note", "comments", "your request", "our response", "request", "item",
    "question no.", "question no", "number", "reply", "trust response", "foi response",
}  # fmt: skip
ANSWER_WORDS = {"no", "no.", "q"}  # header words that are also answers when alone
LABEL = re.compile(
    r"^\s*(?:(?:q(?:uestion)?|item)\s*\.?\s*)?(?P<num>\d{1,2})\s*"
    r"(?:\(?(?P<letter>[a-h])\)?(?P<range>\s*[-–]\s*\d{0,2}\s*(?:\([a-h]\)|(?-i:[a-h])\b))?)?"
    r"(?P<sep>\s*[.:)\-–]\s*|\s+)(?=\S)",
    re.IGNORECASE,
)
LETTER_LABEL = re.compile(r"^\s*(?:\((?P<a>[a-h])\)|(?P<b>[a-h])[.)])\s+(?=\S)", re.IGNORECASE)
LABEL_ONLY = re.compile(
    r"^\s*(?:q(?:uestion)?\s*\.?\s*)?(?P<num>\d{1,2})\s*(?:\(?(?P<letter>[a-h])\)?)?"
    r"(?P<range>\s*[-–]\s*\d{0,2}\s*(?:\([a-h]\)|(?-i:[a-h])\b)?)?\s*[.:)]?\s*$",
    re.IGNORECASE,
)
ANSWER_PREFIX = re.compile(
    r"^\s*(?:(?:trust|our)\s+)?(?:(?:answer|response|reply)(?:\s*(?:to\s+)?(?:q(?:uestion)?\s*)?"
    r"\d{1,2}\s*(?:\(?[a-h]\))?)?\s*[:\-–]|a\s*[:.]|a\s+[-–]\s"
    r"|a\s*\d{1,2}\s*(?:\(?[a-h]\))?\s*[:.)\-–])\s*",
    re.IGNORECASE,
)  # "Answer:", "A.", "A - ", "A2 – No."
INTERROGATIVE = re.compile(
    r"^\s*(?:does|do|has|have|is|are|was|were|will|would|can|could|if|what|which|who|how|when|"
    r"whether|please (?:provide|give|state|confirm|send|supply|list|name|tell|indicate)|"
    r"in[- ]house or|mandatory or|name and|you (?:asked|wanted to know|requested|enquired|queried)|"
    r"(?:your|the) (?:request|question) (?:asks?|asked|was))\b",
    re.IGNORECASE,
)
CONTINUATION = re.compile(
    r"^\s*(?:if so|please (?:provide|give|name|state|supply|send|confirm|include)|and\b|or\b|"
    r"\(?[a-h]\)\s.*\?)",
    re.IGNORECASE,
)
# "(a)–(c)", "(a) to (c)": the sub-questions named as a group, never an answer in itself.
SUB_RANGE = re.compile(
    r"^\W*\(?[a-h]\)?\s*(?:[-–]|to|and)\s*\(?[a-h]\)?[\s.:,;–-]*(?:n/?a|not applicable)?\W*$",
    re.IGNORECASE,
)
# A short topic label before a dash or colon ("Exec lead - ...", "Training: ...").
TOPIC_LABEL = re.compile(r"^\W*(?P<topic>[A-Za-z][A-Za-z /&'’]{1,50}?)\s*(?::|\s[-–]\s)\s*(?=\S)")
STARTS_LIKE_ANSWER = re.compile(r"^\s*(?:yes|no|n/?a|not\b|none)\b", re.IGNORECASE)
SUB_MARKER = re.compile(r"(?:^|(?<=[\s.;:]))\(?([a-h])\)\s+", re.IGNORECASE)
XREF = re.compile(
    r"\b(?:see|refer(?:red)?\s+to|as\s+(?:per|in|stated\s+in|set\s+out\s+in|given\s+(?:in|at))|same\s+as)"
    r"\s+(?:(?:our|the|my)\s+)?(?:(?:answer|response|reply)\s+(?:to|at|for|in|under)\s+)?"
    r"(?:question|q)?\s*\.?\s*(\d{1,2}\s*\(?[a-h]?\)?)(?!\d)",
    re.IGNORECASE,
)
SECTION_LIST = re.compile(
    r"(?:\s*(?:,|and|&|or)\s*\d{1,2}(?:\s*\(\s*\w{1,4}\s*\))*)+", re.IGNORECASE
)
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
HEADING = re.compile(
    r"^\s*(?:your\s+)?(?:question|q)s?\s*(?:no\.?\s*|number\s*)?(?P<num>\d{1,2}(?!\d)|(?:"
    + "|".join(NUMBER_WORDS)
    + r")\b)(?P<letter>\s*\(?[a-h]\)(?=\W|$)|(?<=\d)[a-h]\b)?"
    r"(?:\s*(?:,|and|&|to|-|–)\s*(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b(?:\s*\(?[a-h]\))?)*"
    r"\s*(?:\((?P<topic>[^)]{0,120})\))?\s*[.:)\-–]?",
    re.IGNORECASE,
)
HEADING_VERB = re.compile(
    r"\b(?:is|are|was|were|it'?s|its|we|our|us|not|no|yes|has|have|does|do|did|can|will|"
    r"would|should|must|delivers?|runs?|provides?|offers?)\b",
    re.IGNORECASE,
)
INLINE_LABEL = re.compile(
    r"(?<=[.!?])\s+(?=(?:Q|Question\s*)\d{1,2}\s*\(?[a-h]?\)?(?:\s*[.:)\-–]\s|\s+(?-i:[A-Z])))"
)
HEADER_LABEL = re.compile(
    r"^(?:no|ref|q|item|number|question no|question number|qu no|question ref|ref no|reference|"
    r"reference no|reference number|ref number|foi ref|foi reference|foi no|foi number|case ref)$"
)
HEADER_QUESTION = re.compile(
    r"^(?:questions?|request|requests|requested|your (?:request|question)s?|(?:information|details?) "
    r"(?:requested|sought|request)|topic|subject|description|request details|foi request|"
    r"question asked|questions asked|what you asked|you asked)$"
)
HEADER_ANSWER = re.compile(
    r"^(?:(?:our|trust|the trusts?|foi|trusts?) )?(?:response|responses|answer|answers|reply|"
    r"replies|information|comments?|notes?|additional (?:information|comments|notes)|"
    r"information provided|response from the trust|details|outcome)$"
)
TOPIC_PREFIX = re.compile(
    r"^(?P<topic>[A-Za-z][A-Za-z /()'’&,-]{1,70}?)\s*(?::|\s[-–]\s|\?)\s+"
    r"(?=(?:yes|no|not|n/?a|none|nil|(?:information )?not held)\b)",
    re.IGNORECASE,
)
QUOTE_MARK = re.compile(r"^(?:\s*>)+\s?")  # "> " before each line of a quoted message
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'“(]?[A-Z0-9])|(?<=;)\s+")


# --- compiled codebook -----------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    id: str
    label: str
    parent: str
    cues: tuple[re.Pattern[str], ...]
    topic_cues: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    value: str
    any: tuple[re.Pattern[str], ...] = ()
    all: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()
    extract: tuple[re.Pattern[str], ...] = ()
    only: tuple[str, ...] = ()
    from_field: str = ""
    confidence: float = 0.85
    review: bool = False
    review_if: tuple[re.Pattern[str], ...] = ()  # evidence that makes this rule's value doubtful


@dataclass(frozen=True)
class FieldSpec:
    field: Field
    questions: tuple[str, ...]
    rules: tuple[Rule, ...]
    derive: str
    blank_when: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Compiled:
    questions: tuple[Question, ...]
    fields: tuple[FieldSpec, ...]
    doc: dict[str, Any]
    outcome: dict[str, Any]
    not_person: frozenset[str]
    not_org: frozenset[str]
    raw_doc: dict[str, Any] = field(default_factory=dict)
    generic_org: frozenset[str] = frozenset()
    not_org_words: frozenset[str] = frozenset()


def _compile(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags | re.MULTILINE)
    except re.error as exc:
        raise CodebookError(f"{where}: bad pattern {pattern!r} ({exc}); fix the regex") from exc


def _patterns(items: Any, where: str, shared: dict[str, str], flags: int = re.IGNORECASE) -> tuple:
    if isinstance(items, str):
        items = [items]
    out = []
    for item in items or ():
        text = str(item)
        for key, value in shared.items():
            text = text.replace("{" + key + "}", value)
        out.append(_compile(text, where, flags))
    return tuple(out)


def compile_codebook(codebook: Codebook) -> Compiled:
    """Check and compile the codebook's questions and rules (cached per codebook source)."""
    return _compile_cached(codebook)


@lru_cache(maxsize=16)
def _compile_cached(codebook: Codebook) -> Compiled:
    shared = dict(codebook.lexicon.pieces)
    questions = tuple(
        Question(
            id=q.id,
            label=q.label,
            parent=q.parent,
            cues=_patterns(q.cues, f"question {q.id}", shared),
            topic_cues=_patterns(q.topic_cues, f"question {q.id}", shared),
        )
        for q in codebook.questions
    )
    specs = []
    for f in codebook.fields:
        rules = tuple(
            Rule(
                id=r.id,
                value=r.value,
                any=_patterns(r.any, r.id, shared),
                all=_patterns(r.all, r.id, shared),
                unless=_patterns(r.unless, r.id, shared),
                extract=_patterns(r.extract, r.id, shared, flags=0),
                only=r.only,
                from_field=r.from_field,
                confidence=r.confidence,
                review=r.review,
                review_if=_patterns(r.review_if, r.id, shared, flags=0),
            )
            for r in f.rules
        )
        specs.append(FieldSpec(f, f.questions, rules, _DERIVE.get(f.role, ""), f.blank_when))
    grammar = codebook.document
    compiled_doc: dict[str, Any] = {}
    for key in grammar.__dataclass_fields__:
        value = getattr(grammar, key)
        if key != "attachment_evidence" and value:
            compiled_doc[key] = _patterns(value, f"[document].{key}", shared)
    outcome_spec = codebook.outcome
    outcome: dict[str, Any] = {
        "field": outcome_spec.field,
        "exemptions_field": outcome_spec.exemptions_field,
        "non_withholding": list(outcome_spec.non_withholding),
        "required_fields": list(outcome_spec.required_fields),
        "not_held_values": dict(outcome_spec.not_held_values),
    }
    for key in ("refusal", "not_held", "answer_not_held"):
        outcome[key] = _patterns(getattr(outcome_spec, key), f"[outcome].{key}", shared)
    evidence = grammar.attachment_evidence
    lexicon = codebook.lexicon
    return Compiled(
        questions=questions,
        fields=tuple(specs),
        doc=compiled_doc,
        outcome=outcome,
        not_person=frozenset(lexicon.not_person),
        not_org=frozenset(w.lower() for w in lexicon.not_org),
        generic_org=frozenset(w.lower() for w in lexicon.generic_org),
        not_org_words=frozenset(w.lower() for w in lexicon.not_org_words),
        raw_doc={"attachment_evidence": {"field": evidence[0], "value": evidence[1]}}
        if evidence
        else {},
    )


_DERIVE = {FieldRole.OUTCOME: "outcome", FieldRole.EXEMPTIONS: "sections"}


def _any(patterns: Sequence[re.Pattern[str]], text: str) -> re.Pattern[str] | None:
    """The first pattern found in ``text`` or in its contractions spelt out ("isn't" -> "is not")."""
    expanded = _uncontract(text)
    for pattern in patterns:
        if pattern.search(text) or (expanded is not text and pattern.search(expanded)):
            return pattern
    return None


# "isn't", "doesnt", "hasn’t": rules are written with "not", so negatives are read either way.
CONTRACTION = re.compile(
    r"\b(is|are|was|were|do|does|did|has|have|had|would|could|should)n['’]?t\b", re.IGNORECASE
)
IRREGULAR_CONTRACTION = {
    "won't": "will not",
    "won’t": "will not",
    "can't": "cannot",
    "can’t": "cannot",
}


@functools.lru_cache(maxsize=4096)
def _uncontract(text: str) -> str:
    if "n't" not in text and "n’t" not in text and "nt " not in text and not text.endswith("nt"):
        return text
    expanded = CONTRACTION.sub(r"\1 not", text)
    for short, full in IRREGULAR_CONTRACTION.items():
        expanded = re.sub(rf"\b{short}\b", full, expanded, flags=re.IGNORECASE)
    return expanded if expanded != text else text


# --- lines and segments ----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str
    locator: str
    block: int
    cell: str = ""  # in a table row: label | question | answer ("" outside tables)


@dataclass
class Segment:
    question: str  # question id, "" for text outside any answer (preamble, closing)
    label: str = ""
    quoted: bool = False
    lines: list[Line] = field(default_factory=list)
    restated: bool = False  # opened by the question's own words (not a bare "3." label)


@dataclass(frozen=True)
class Sentence:
    text: str
    locator: str
    question: str
    start: bool  # first sentence of an answer: patterns anchored with ^ look only here
    via_reference: bool = False
    opens_block: bool = False  # first sentence of a block (a paragraph of its own in the source)


@dataclass
class Reading:
    """One document, read: its answers per question and its other text."""

    document: Document
    kind: str  # reply | acknowledgement | supporting | empty
    answers: dict[str, list[Sentence]]
    general: list[Sentence]
    quoted_questions: int = 0
    asked: frozenset[str] = frozenset()  # questions restated (not quoted) in this reply
    several_requests: bool = False  # the page lists other requests too (a disclosure log)


def document_lines(document: Document, compiled: Compiled) -> list[Line]:
    """The document's own lines: in an email, the text above the quoted history."""
    return mail_parts(document, compiled)[0]


def mail_parts(document: Document, compiled: Compiled) -> list[list[Line]]:
    """The document's lines, split in an email at each quoted message ("-----Original
    Message-----", "On ... wrote:"): the first part is the sender's own text, the later parts
    the history below it (a forwarded answer from a department, or the request quoted back)."""
    lines: list[Line] = []
    block_no = 0
    columns: tuple[str, ...] = ()  # cell kinds from the last table header row
    question_columns: list[str] = []  # a header row whose every cell is a numbered question
    for block in document.blocks:
        if block.role in SKIP_ROLES:
            continue
        text = block.text.replace("\u00a0", " ")
        # A table block is one row; in other blocks a line with "cell | cell" is a row.
        rows = [text] if block.role == BlockRole.TABLE else text.splitlines()
        prose: list[str] = []
        for row in rows:
            if block.role != BlockRole.TABLE and " | " not in row and "\t" not in row:
                prose.append(row)
                continue
            if prose:
                block_no += 1
                lines.extend(_prose_lines("\n".join(prose), block.locator, block_no))
                prose, columns = [], ()
            cells = [c.strip(" |") for c in re.split(r"\s+\|\s+|\t+", row)]
            if _question_columns(cells):
                question_columns = cells
                continue
            if question_columns and len(cells) == len(question_columns):
                # Questions as column headers, the answers in the row beneath: each header
                # with its own cell, as if written one question and answer a row.
                for question, answer in zip(question_columns, cells, strict=True):
                    block_no += 1
                    lines.extend(_cell_lines(question, block.locator, block_no, "question"))
                    block_no += 1
                    lines.extend(_cell_lines(answer, block.locator, block_no, "answer"))
                continue
            question_columns = []
            header = _header_columns(cells)
            if header:
                columns = header
                continue
            kinds = _cell_kinds(cells, columns)
            for cell, kind in zip(cells, kinds, strict=True):
                if not cell:
                    continue
                block_no += 1
                pieces = _split_cell(cell) if kind == "answer" else []
                if pieces:
                    # One cell holding "Request: 1. ...? 2. ...? Response: 1. ... 2. ...":
                    # read as the lines it was written as (reader flattened its paragraphs).
                    for number, piece in enumerate(pieces):
                        lines.extend(
                            _cell_lines(piece, block.locator, block_no * 1000 + number, "")
                        )
                else:
                    lines.extend(_cell_lines(cell, block.locator, block_no, kind))
        if prose:
            if block.role != BlockRole.TITLE:
                columns = ()
            block_no += 1
            lines.extend(_prose_lines("\n".join(prose), block.locator, block_no))
    quoted_mail = compiled.doc.get("quoted_mail_start", ())
    is_mail = document.format in {"eml", "msg"} or bool(document.headers)
    is_mail = is_mail or document.path.lower().endswith((".eml", ".msg"))
    cuts: list[int] = []
    for index, line in enumerate(lines if is_mail else ()):
        # A run of "> " lines is one quoted message, and so is a quoted request with answers
        # typed between its "> " questions: once a part opens with "> ", later "> " lines
        # belong to it.
        quoted_line = QUOTE_MARK.match(line.text)
        continued = quoted_line and QUOTE_MARK.match(lines[index - 1].text)
        interleaved = quoted_line and cuts and QUOTE_MARK.match(lines[cuts[-1]].text)
        if index > 0 and _any(quoted_mail, line.text) and not (continued or interleaved):
            cuts.append(index)
    bounds = [0, *cuts, len(lines)]
    parts = [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    for number, part in enumerate(parts[1:], start=1):
        unquoted = (replace(line, text=QUOTE_MARK.sub("", line.text)) for line in part)
        parts[number] = [line for line in unquoted if line.text.strip()]
    return [_relevant_entries(part, compiled) for part in parts]


CELL_SECTION = re.compile(
    r"(?:^|(?<=[.?!:]))\s*\b((?:our |the trust'?s |trust )?(?:response|answer|reply)s?\s*:)\s*"
    r"|^\s*((?:your |the )?(?:original )?request\b[^.?:]{0,40}:)\s*",
    re.IGNORECASE,
)
# "1. Yes" or "Q1 not held": the Q makes a number a label even before a small letter.
CELL_NUMBER = re.compile(
    r"(?:^|\s)(?=(?:(\d{1,2})[.)]\s+[A-Z(]|(?:Q|Question\s*)(\d{1,2})[.):]?\s+\w))"
)


def _split_cell(text: str) -> list[str]:
    """A table cell that runs a request and its answers together ("Request received ...:
    1. ...? 2. ...? Response: 1. No. 2. Yes.") split at its section words and at numbers that
    count up from 1; [] when the cell is one answer."""
    cuts: set[int] = set()
    sections = 0
    for match in CELL_SECTION.finditer(text):
        word = match.group(1) or match.group(2)
        start = text.index(word, match.start())
        cuts.update((start, start + len(word)))
        sections += 1
    numbers = 0
    previous = 0
    for match in CELL_NUMBER.finditer(text):
        number = int(match.group(1) or match.group(2))
        after_sentence = (
            not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".?!:"
        )
        # The next number of a count always; a count starts again only after a sentence.
        if number == previous + 1 or (number == 1 and after_sentence):
            cuts.add(match.end())
            previous, numbers = number, numbers + 1
    if not sections and numbers < 2:
        return []
    bounds = sorted({0, *cuts, len(text)})
    pieces = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [piece for piece in pieces if piece]


def _cell_lines(text: str, locator: str, block_no: int, kind: str) -> list[Line]:
    out = []
    for raw_line in text.splitlines():
        clean = re.sub(r"\s+", " ", raw_line).strip(" |")
        if clean:
            out.append(Line(clean, locator, block_no, kind))
    return out


def _prose_lines(text: str, locator: str, block_no: int) -> list[Line]:
    out = []
    for number, piece in enumerate(_split_inline_labels(text)):
        out.extend(_cell_lines(piece, locator, block_no * 1000 + number, ""))
    return out


def _split_inline_labels(text: str) -> list[str]:
    """OCR and careless layouts run answers together ("Q3. N/A. Q4. Yes."): split at each
    "Q4." / "Question 4:" that follows the end of a sentence."""
    parts = [piece for part in INLINE_LABEL.split(text) for piece in _split_counted(part)]
    return [part for part in parts if part.strip()] or [text]


INLINE_NUMBER = re.compile(
    r"(?<=[.!?])\s+(?=(?:(\d{1,2})[.)]\s+[A-Z(]|(?:Q|Question\s*)(\d{1,2})[.):]?\s+\w))"
)
LEADING_NUMBER = re.compile(r"^\s*(?:Q|Question\s*)?(\d{1,2})[.):]?\s")


def _split_counted(text: str) -> list[str]:
    """ "3) ... 2025. 4) Michelle Tandy, ...": a paragraph OCR merged from numbered answers
    split at each bare "N)" / "N." after a sentence that counts up from the paragraph's own
    number (from 1 when it has none), so "section 2. 4. Next" is not cut."""
    leading = LEADING_NUMBER.match(text)
    previous = int(leading.group(1)) if leading else 0
    cuts = []
    for match in INLINE_NUMBER.finditer(text):
        number = int(match.group(1) or match.group(2))
        if number == previous + 1:
            cuts.append(match.end())
            previous = number
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def _question_columns(cells: list[str]) -> bool:
    """A header row of numbered questions ("Q1 Policy | Q2 ABT provided | Q2a Delivery")."""
    if len(cells) < 3:
        return False
    labels = [LABEL.match(cell) for cell in cells]
    if not all(labels):
        return False
    numbers = [int(m.group("num")) for m in labels if m]
    ascending = all(a <= b for a, b in zip(numbers, numbers[1:], strict=False))
    return ascending and len(set(numbers)) > 1


def _header_columns(cells: list[str]) -> tuple[str, ...]:
    """The kinds of a table's columns when this row is its header row, else ()."""
    if len(cells) < 2:
        return ()
    kinds = []
    for cell in cells:
        low = re.sub(r"[^a-z ]", "", cell.lower()).strip()
        if HEADER_LABEL.match(low):
            kinds.append("label")
        elif HEADER_QUESTION.match(low):
            kinds.append("question")
        elif HEADER_ANSWER.match(low):
            kinds.append("answer")
        else:
            return ()
    return tuple(kinds) if "answer" in kinds else ()


def _cell_kinds(cells: list[str], columns: tuple[str, ...]) -> list[str]:
    """Which cells of a table row are a label, the restated question and the answer."""
    if columns and len(columns) == len(cells):
        return list(columns)
    if len(cells) < 2:
        return [""] * len(cells)
    kinds = ["question"] * (len(cells) - 1) + ["answer"]
    if LABEL_ONLY.match(cells[0]):
        kinds[0] = "label"
    if len(cells) == 2 and kinds[0] == "label":
        return kinds
    # A two-cell row with no header whose first cell reads like an answer is not a Q/A row.
    if len(cells) == 2 and not _looks_like_question_cell(cells[0]):
        return ["", ""]
    return kinds


def _looks_like_question_cell(cell: str) -> bool:
    if "?" in cell or LABEL.match(cell) or INTERROGATIVE.match(cell):
        return True
    return len(cell.split()) <= 14 and not re.search(r"[.!]\s*$", cell)


def _relevant_entries(lines: list[Line], compiled: Compiled) -> list[Line]:
    """A page listing several requests (a disclosure log) keeps only the entries on topic."""
    heading = compiled.doc.get("entry_heading", ())
    reference = compiled.doc.get("entry_reference", ())
    starts = [
        i
        for i, line in enumerate(lines)
        if _any(heading, line.text)
        or (line.cell in {"label", "question"} and _any(reference, line.text))
    ]
    if len(starts) < 2:
        return lines
    bounds = [*starts, len(lines)]
    relevance = compiled.doc.get("relevance", ())
    head = lines[: starts[0]]
    kept = []
    for begin, end in zip(bounds, bounds[1:], strict=False):
        entry = lines[begin:end]
        if _any(relevance, " ".join(line.text for line in entry)):
            kept.extend(entry)
    return head + kept if kept else lines


def classify_question(text: str, compiled: Compiled, topic: bool = False) -> str:
    """The question a restated question is, by its words (its first sentence first).

    A question naming the topics of two sub-questions of one question ("ABT: provided,
    delivery, mandatory?, SH module?") is that question. ``topic`` also tries each question's
    looser ``topic_cues`` (used for prose paragraphs and topic headings)."""
    first = text.split("?")[0]
    for candidate in (first, text):
        hits = [q for q in compiled.questions if _any(q.cues, candidate)]
        if not hits and topic:
            hits = [q for q in compiled.questions if _any(q.topic_cues, candidate)]
        if not hits:
            continue
        # Counted over the whole text: "in-house or external? mandatory or optional?"
        every = [q for q in compiled.questions if _any(q.cues, text)]
        for parent in {q.parent for q in every if q.parent}:
            if sum(1 for q in every if q.parent == parent) >= 2:
                return parent
        return hits[0].id
    return ""


def _label_key(num: str, letter: str | None) -> str:
    return f"{int(num)}{(letter or '').lower()}"


def _child(compiled: Compiled, parent: str, letter: str, labels: dict[str, str]) -> str:
    parent_q = next((q for q in compiled.questions if q.id == parent), None)
    if parent_q is None:
        return ""
    for question in compiled.questions:
        if question.parent == parent and question.label.endswith(letter.lower()):
            return question.id
    return labels.get(parent_q.label + letter.lower(), "")


def _normalise_heading(text: str) -> str:
    """ "Question two", "Your question 4 (executive lead)", "Your questions 2 and 3 (ABT)" ->
    "Question 2 ...": a label the segmenter knows (the topic in brackets is dropped)."""
    match = HEADING.match(text)
    if not match:
        return text
    unusual = (
        not match["num"].isdigit()
        or match["topic"] is not None
        or re.match(r"\s*your\b", text, re.IGNORECASE)
        or re.search(r"\d\s*(?:,|and|&|to)\s*\d", match.group(0))
    )
    if not unusual:
        return text  # "Q2 (a)-(c) - ..." and the like: the label parsers read these as they are
    number = match["num"].lower()
    number = str(NUMBER_WORDS.index(number) + 1) if number in NUMBER_WORDS else number
    rest = text[match.end() :].strip()
    return f"Question {number}{match['letter'] or ''}" + (f". {rest}" if rest else "")


def _is_question_text(text: str, labelled: bool, compiled: Compiled) -> bool:
    if ANSWER_PREFIX.match(text) or STARTS_LIKE_ANSWER.match(text):
        return False
    # An unlabelled statement that merely starts like a question ("Whether the training was
    # mandatory has varied ...") is an answer; a restated question is one sentence.
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
        # A numbered heading naming the topic ("2. Active Bystander Training") is a question.
        # A heading names its topic without a verb ("1. Dedicated policy"); "2(b) It's
        # encouraged but not mandatory" is an answer.
        heading = (
            labelled
            and len(text.split()) <= 12
            and not re.search(r"[.,;!]\s*$|[,;]", text)
            and not HEADING_VERB.search(text)
            and bool(classify_question(text, compiled, topic=True))
        )
        return heading
    return labelled or bool(classify_question(text, compiled))


def segment(lines: list[Line], compiled: Compiled) -> tuple[list[Segment], dict[str, str]]:
    """Split a document's lines into answers per question (see the module docstring)."""
    by_label = {q.label: q.id for q in compiled.questions if q.label}
    doc_labels: dict[str, str] = {}
    segments: list[Segment] = [Segment("")]
    quoted = False
    quoted_seen_question = False
    pending_label = ""
    i = 0

    def resolve(label: str) -> str:
        found = doc_labels.get(label) or by_label.get(label, "")
        parts = re.fullmatch(r"(\d+)([a-h])", label)
        if not found and parts and parts[1] in doc_labels:
            # "3(a)" under a renumbered "3. Bystander training": that question's part (a).
            parent = _top(doc_labels[parts[1]], compiled)
            found = _child(compiled, parent, parts[2], {})
        return found

    def current() -> Segment:
        return segments[-1]

    def add_answer(text: str, line: Line) -> None:
        seg = current()
        parent = _parent_of(seg.question, compiled) or seg.question
        has_children = any(q.parent == parent for q in compiled.questions) if parent else False
        if has_children and seg.question and not seg.quoted:
            parts = SUB_MARKER.split(text)
            if len(parts) > 1:
                head = parts[0].strip()
                if head:
                    seg.lines.append(Line(head, line.locator, line.block))
                for letter, part in zip(parts[1::2], parts[2::2], strict=False):
                    child = _child(compiled, parent, letter, doc_labels)
                    if child:
                        segments.append(Segment(child, letter.lower()))
                    current().lines.append(Line(part.strip(), line.locator, line.block))
                return
        current().lines.append(Line(text, line.locator, line.block))

    while i < len(lines):
        line = lines[i]
        text = _normalise_heading(line.text)
        low = text.lower().strip(" :.")
        i += 1
        if line.cell == "label":
            only = LABEL_ONLY.match(text)
            if only:
                pending_label = _label_key(only["num"], None if only["range"] else only["letter"])
            continue
        if line.cell == "question":
            # The question cell of a table row: always a restated question, never an answer.
            question_text = text
            while i < len(lines) and lines[i].block == line.block:
                question_text += " " + lines[i].text
                i += 1
            label_match = LABEL.match(question_text)
            only = LABEL_ONLY.match(question_text)
            if label_match:
                label = _label_key(label_match["num"], label_match["letter"])
                question_text = question_text[label_match.end() :]
            elif only:
                # A "Question" column holding only the number: "2 | Yes. (a) ..."
                label = _label_key(only["num"], None if only["range"] else only["letter"])
                question_text = ""
            else:
                label = pending_label
            qid = classify_question(question_text, compiled) or (resolve(label) if label else "")
            if label and qid:
                doc_labels.setdefault(label, qid)
            pending_label = ""
            segments.append(Segment(qid, label, quoted=quoted, restated=True))
            continue
        if line.cell == "answer":
            if pending_label:
                segments.append(Segment(resolve(pending_label), pending_label))
                pending_label = ""
            prefixed = ANSWER_PREFIX.match(text)
            answer = text[prefixed.end() :].strip() if prefixed else text
            if answer:
                add_answer(answer, line)
            continue
        if _any(compiled.doc.get("answer_section_start", ()), text):
            if (
                current().question
                and current().restated
                and not current().lines
                and not quoted
                and i >= 2
                and lines[i - 2].locator == line.locator
            ):
                continue  # "Answer:" in the same table row as its question: that row's answer
            quoted = False
            segments.append(Segment(""))
            continue
        if _any(compiled.doc.get("quoted_request_start", ()), text):
            quoted, quoted_seen_question = True, False
            segments.append(Segment("", quoted=True))
            continue
        words = low.split(" ")
        if (low in TABLE_HEADER_WORDS and low not in ANSWER_WORDS) or (
            len(words) > 1 and all(w in TABLE_HEADER_WORDS for w in words)
        ):
            continue
        prefixed = ANSWER_PREFIX.match(text)
        if prefixed:
            answer = text[prefixed.end() :].strip()
            if quoted:
                quoted = False
            if answer:
                add_answer(answer, line)
            continue
        only = LABEL_ONLY.match(text)
        if only:
            pending_label = _label_key(only["num"], None if only["range"] else only["letter"])
            continue
        label_match = LABEL.match(text)
        letter_match = None if label_match else LETTER_LABEL.match(text)
        rest = text[label_match.end() :] if label_match else text
        if letter_match:
            rest = text[letter_match.end() :]
        labelled = bool(label_match or letter_match or pending_label)
        if not labelled and _any(compiled.doc.get("closing", ()), text):
            # Complaints paragraph, sign-off: never a question, and it ends the answers.
            if current().question or current().quoted:
                quoted = False
                segments.append(Segment(""))
            add_answer(text, line)
            continue
        # A restated question: gather its wrapped lines within the same block.
        if _is_question_text(rest, labelled, compiled):
            question_text = rest
            while i < len(lines) and lines[i].block == line.block:
                nxt = lines[i].text
                if ANSWER_PREFIX.match(nxt) or LABEL.match(nxt) and "?" in question_text:
                    break
                unfinished = not question_text.rstrip().endswith(("?", ".", ")"))
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
            last_q = question_text.rfind("?")
            if 0 <= last_q < len(question_text) - 1:
                after = question_text[last_q + 1 :].strip()
                if (
                    after
                    and not CONTINUATION.match(after)
                    and not INTERROGATIVE.match(after)
                    and not SUB_RANGE.match(after)
                ):
                    trailing, question_text = after, question_text[: last_q + 1]
            qid = classify_question(question_text, compiled)
            label = ""
            if label_match:
                label = _label_key(label_match["num"], label_match["letter"])
            elif pending_label:
                label = pending_label
            elif letter_match:
                parent = _parent_of(current().question, compiled) or current().question
                qid = qid or _child(compiled, parent, letter_match["a"] or letter_match["b"], {})
            if not qid and label:
                qid = resolve(label)
            if label and qid:
                doc_labels.setdefault(label, qid)
            pending_label = ""
            if quoted:
                quoted_seen_question = True
            segments.append(Segment(qid, label, quoted=quoted, restated=True))
            if trailing:
                add_answer(trailing, line)
            continue
        if quoted:
            if not quoted_seen_question:
                continue
            quoted = False
            segments.append(Segment(""))
        if current().question and _any(compiled.doc.get("closing", ()), text):
            segments.append(Segment(""))
        if pending_label:
            qid = resolve(pending_label)
            segments.append(Segment(qid, pending_label))
            pending_label = ""
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
            and not _any(compiled.doc.get("boilerplate", ()), SENTENCE_END.split(rest)[0])
        ):
            # A numbered answer without its question ("2. Yes.", "Q3 - N/A").
            key = _label_key(
                label_match["num"], None if label_match["range"] else label_match["letter"]
            )
            qid = resolve(key)
            if qid:
                segments.append(Segment(qid, key))
                text = rest
        elif letter_match and current().question:
            parent = _parent_of(current().question, compiled) or current().question
            child = _child(compiled, parent, letter_match["a"] or letter_match["b"], doc_labels)
            if child:
                segments.append(Segment(child, (letter_match["a"] or letter_match["b"]).lower()))
                text = rest
        elif (
            current().question
            and not current().restated
            and i >= 2
            and lines[i - 2].block != line.block
        ):
            # After a bare numbered answer ("Q3 n/a."), a new paragraph led by another
            # question's topic ("Exec lead for DASV is ...") answers that question.
            lead = _topic_lead(text, compiled)
            if lead and lead != _top(current().question, compiled):
                segments.append(Segment(lead))
        add_answer(text, line)
    return segments, doc_labels


TOPIC_LEAD = re.compile(
    r"^\W*(?P<topic>[^.:;,?()]{2,60}?)\s*(?:\s[-–]\s|:\s|\s(?:is|are|was|sits|rests)\s)"
)


def _topic_lead(text: str, compiled: Compiled) -> str:
    """The top-level question a paragraph opens with as its topic ("Policy - yes", "ABT: we
    do", "Exec lead for DASV is ..."), or ""."""
    match = TOPIC_LEAD.match(text)
    if not match or len(match["topic"].split()) > 7:
        return ""
    # "Policy - yes" names its topic loosely; "Our lead trainer is ..." is not Q4: before a
    # verb only the question's own cues count.
    labelled = not re.search(r"\s(?:is|are|was|sits|rests)\s$", match.group(0))
    return _top(classify_question(match["topic"], compiled, topic=labelled), compiled)


def _parent_of(qid: str, compiled: Compiled) -> str:
    for question in compiled.questions:
        if question.id == qid:
            return question.parent
    return ""


# A line led by its topic ("Policy: ...", "DASV lead: ...") starts a statement of its own even
# when the line before ends without a full stop (a link); so does the line after "Dear X,".
LABELLED_LINE = re.compile(r"^\W*[A-Z][A-Za-z&/'’-]*(?:\s+[A-Za-z&/'’-]+){0,4}\s*:\s+\S")
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
            and not SALUTATION.match(groups[-1][0])
        ):
            groups[-1] = (groups[-1][0] + " " + line.text, line.locator)
        else:
            groups.append((line.text, line.locator))
        previous = line
    for text, locator in groups:
        first_piece = True
        for piece in SENTENCE_END.split(text):
            piece = piece.strip()
            if piece and not SUB_RANGE.match(piece):
                out.append(
                    Sentence(piece, locator, question, start=not out, opens_block=first_piece)
                )
                first_piece = False
    return out


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!", ":")) and not text.rstrip().endswith(
        ("Ltd.", "Co.", "Dr.", "Mr.", "Mrs.", "Ms.")
    )


def read_document(document: Document, compiled: Compiled) -> Reading:
    parts = mail_parts(document, compiled)
    lines = parts[0]
    answers, general, quoted_questions, asked = _read_lines(lines, compiled, prose=True)
    best = _answered(answers, compiled)
    for part in parts[1:]:
        # Quoted history that ANSWERS the questions (the FOI team forwarding a department's
        # answers) is the reply; history that only restates them is the request quoted back.
        found, found_general, _, found_asked = _read_lines(part, compiled, prose=False)
        count = _answered(found, compiled)
        restated = {_top(qid, compiled) for qid in found_asked}
        if restated and 2 * len(restated & {_top(q, compiled) for q in found if found[q]}) < len(
            restated
        ):
            continue  # the request quoted back (a signature under its last question)
        if count > best:
            best, answers, asked = count, found, found_asked
            general = general + found_general
            lines = lines + part
    text = " ".join(s.text for s in general[:40])
    opening = " ".join(line.text for line in lines[:60])[:1500]
    if document.parent and not _any(compiled.doc.get("reply_cues", ()), opening):
        # An attached policy or leaflet: its numbered sections are not answers.
        kind, answers = "supporting", {}
    elif any(answers.values()):
        kind = "reply"
    elif _any(compiled.doc.get("acknowledgement", ()), text):
        kind = "acknowledgement"
    elif not general:
        kind = "empty"
    elif document.parent and not _any(compiled.doc.get("reply_cues", ()), text[:1500]):
        kind = "supporting"
    else:
        kind = "reply"
    several = _lists_several_requests(document)
    return Reading(document, kind, answers, general, quoted_questions, asked, several)


# Request references ("FOI 24-1401", "Ref: EIR/2024/118", "AWP-FOI-4410") and entry labels.
REQUEST_REFERENCE = re.compile(
    r"\b(?:FOI|EIR|Ref(?:erence)?|Request|Case)\s*(?:no\.?|number|ref\.?)?\s*[:#]?\s*"
    r"([A-Z]{0,6}[\s/-]*\d{2,4}(?:[/-]\d{1,6})*)",
    re.IGNORECASE,
)
ENTRY_LABEL = re.compile(r"(?im)^\W*(?:request|subject|title|summary of request)\s*[:\-–]")
# A row or line that opens with a bare reference: "BCH-1120 | Wheelchair waiting times | ...".
LEADING_REFERENCE = re.compile(r"(?m)^\W*([A-Z]{2,6}[/-]\d{2,6}(?:[/-]\d{1,6})*)\b")


def _lists_several_requests(document: Document) -> bool:
    """Does the page carry more than one FOI request (a disclosure log or a digest)?

    Deliberately independent of how the entries were split: if the split went wrong, sections
    cited under another request could be taken for this one, so such values get flagged.
    """
    text = "\n".join(block.text for block in document.blocks)
    references = {re.sub(r"\W", "", m.group(1)).upper() for m in REQUEST_REFERENCE.finditer(text)}
    references |= {re.sub(r"\W", "", m.group(1)) for m in LEADING_REFERENCE.finditer(text)}
    return len(references) >= 2 or len(ENTRY_LABEL.findall(text)) >= 2


def _read_lines(
    lines: list[Line], compiled: Compiled, prose: bool
) -> tuple[dict[str, list[Sentence]], list[Sentence], int, frozenset[str]]:
    """Answers per question, other text, quoted questions and restated questions of some lines.

    ``prose``: with no restated question at all, read the text as a reply in free prose (not
    done for quoted history that restates the request: its sentences are the requester's)."""
    segments, doc_labels = segment(lines, compiled)
    answers: dict[str, list[Sentence]] = {}
    general: list[Sentence] = []
    quoted_questions = 0
    boilerplate = compiled.doc.get("boilerplate", ())
    for seg in segments:
        if seg.quoted:
            quoted_questions += bool(seg.question)
            continue
        found = sentences(seg.lines, seg.question)
        if seg.question:
            found = _answer_start(found, compiled)
            answers.setdefault(seg.question, []).extend(
                s for s in found if not _any(boilerplate, s.text)
            )
        else:
            general.extend(found)
    asked = frozenset(
        seg.question for seg in segments if seg.question and not seg.quoted and seg.restated
    )
    top_level = {q.id for q in compiled.questions if not q.parent}
    restated = bool(asked) or quoted_questions > 0
    ordered = _answers_in_order(segments, compiled)
    if not any(answers.get(qid) for qid in top_level - set(list(ordered)[-1:])):
        # Only the last question of the run had text: all the answers, now one each.
        for qid, found in ordered.items():
            answers[qid] = [s for s in found if not _any(boilerplate, s.text)]
    if not any(answers.get(qid) for qid in top_level) and (prose or not restated):
        # No numbered or restated questions: a letter or email in free prose.
        for qid, found in _prose_answers(general, compiled).items():
            answers.setdefault(qid, []).extend(found)
    elif not restated:
        # Bare numbered answers mixed with paragraphs that open with their topic: the
        # paragraphs answer the questions no number answered.
        answered = {_top(qid, compiled) for qid, found in answers.items() if found}
        for qid, found in _prose_answers(general, compiled).items():
            if qid not in answered:
                answers.setdefault(qid, []).extend(found)
    answers = _follow_references(answers, doc_labels, compiled)
    return answers, general, quoted_questions, asked


ANSWER_HEADING = re.compile(r"^\W*(?:our\s+|trust\s+)?(?:response|answer|reply)s?\W*$", re.I)


def _answers_in_order(segments: list[Segment], compiled: Compiled) -> dict[str, list[Sentence]]:
    """Unnumbered answer paragraphs (an HTML list whose numbers the reader dropped) after the
    request's questions quoted without numbers: paragraph i answers question i, but only when
    there are exactly as many paragraphs as questions and no paragraph names another topic."""
    closing = compiled.doc.get("closing", ())
    boilerplate = compiled.doc.get("boilerplate", ())
    run: list[str] = []
    for seg in segments:
        if seg.quoted and seg.question:
            top = _top(seg.question, compiled)
            if top not in run:
                run.append(top)
            elif run[-1] != top:
                run = [top]  # a question quoted again: a new run starts
            continue
        if seg.quoted:
            continue
        if seg.question:
            # Questions restated one after another, all the answers under the last of them.
            top = _top(seg.question, compiled)
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
            if _any(closing, line.text):
                break
            if _any(boilerplate, line.text):
                continue
            if blocks and blocks[-1][-1].block == line.block:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        if len(blocks) == len(run):
            ordered: dict[str, list[Sentence]] = {}
            for qid, block in zip(run, blocks, strict=True):
                found = sentences(block, qid)
                topic = _top(classify_question(found[0].text, compiled, topic=True), compiled)
                if topic and topic != qid:
                    break
                ordered[qid] = _answer_start(found, compiled)
            else:
                return ordered
        run = []
    return {}


def _answered(answers: dict[str, list[Sentence]], compiled: Compiled) -> int:
    """How many of the request's questions (sub-questions with their parent) have answers."""
    return len({_top(qid, compiled) for qid, found in answers.items() if found})


def _prose_answers(general: list[Sentence], compiled: Compiled) -> dict[str, list[Sentence]]:
    """A reply in free prose: a paragraph belongs to the question its first sentence is about
    (its later sentences follow it unless they name another question's topic); a sentence goes
    to the top-level question, whose fields read it with their sub-questions'."""
    boilerplate = compiled.doc.get("boilerplate", ())
    closing = compiled.doc.get("closing", ())
    answers: dict[str, list[Sentence]] = {}
    paragraph_locator = None
    paragraph_question = ""
    for sentence, clause_topic in (pair for whole in general for pair in _clauses(whole, compiled)):
        if _any(boilerplate, sentence.text) or _any(closing, sentence.text):
            paragraph_question = ""
            continue
        # Paragraphs of one PDF page share a locator: a paragraph led by its topic ("Exec
        # lead - ...") still starts afresh.
        new_paragraph = (
            sentence.locator != paragraph_locator
            or sentence.start
            or (sentence.opens_block and bool(_topic_lead(sentence.text, compiled)))
        )
        if new_paragraph:
            paragraph_locator, paragraph_question = sentence.locator, ""
        qid = _top(classify_question(sentence.text, compiled), compiled) or clause_topic
        if not qid and new_paragraph:
            qid = _top(classify_question(sentence.text, compiled, topic=True), compiled)
        if qid and qid != paragraph_question and (new_paragraph or not paragraph_question):
            paragraph_question = qid
            start = True
        elif qid and paragraph_question and qid != paragraph_question:
            paragraph_question, start = qid, True
        else:
            qid, start = paragraph_question, False
        if qid:
            found = answers.setdefault(qid, [])
            opening = Sentence(sentence.text, sentence.locator, qid, start=start or not found)
            # "Policy - no dedicated one": the answer starts after its topic.
            found.extend(_answer_start([opening], compiled) if opening.start else [opening])
    return answers


CLAUSE_STATEMENT = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|not|no|none|yes|will|been|being)\b", re.I
)
CLAUSE_BREAK = re.compile(r",\s+(?:and\s+|but\s+|while\s+|whilst\s+)?")


def _clauses(sentence: Sentence, compiled: Compiled) -> list[tuple[Sentence, str]]:
    """A prose sentence that answers several questions in turn ("There is no policy, we do not
    provide the training, and no lead has been appointed") as one clause per question, each
    with the question its topic names; a sentence whose clauses do not each name a different
    question stays whole (a clause naming none cannot be placed)."""
    pieces = [piece for piece in CLAUSE_BREAK.split(sentence.text) if piece.strip()]
    if len(pieces) < 2:
        return [(sentence, "")]
    topics = [_top(classify_question(piece, compiled, topic=True), compiled) for piece in pieces]
    if (
        not all(topics)
        or len(set(topics)) != len(topics)
        # each clause a statement ("there is no policy"), not a list of the request's topics
        or not all(CLAUSE_STATEMENT.search(piece) for piece in pieces)
        or re.search(r"\b(?:request|asked|enquiry|questions?)\b", sentence.text, re.I)
    ):
        return [(sentence, "")]
    return [
        (replace(sentence, text=piece, start=sentence.start and index == 0,
                 opens_block=sentence.opens_block and index == 0), topic)
        for index, (piece, topic) in enumerate(zip(pieces, topics, strict=True))
    ]  # fmt: skip


def _top(qid: str, compiled: Compiled) -> str:
    return _parent_of(qid, compiled) or qid


def _answer_start(found: list[Sentence], compiled: Compiled) -> list[Sentence]:
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
        and _top(classify_question(label["topic"], compiled, topic=True), compiled)
        == _top(first.question, compiled)
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
    return out


# --- deciding values -------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    value: str
    rule: str
    quote: str = ""
    locator: str = ""
    confidence: float = 0.0
    flags: tuple[FlagReason, ...] = ()  # why a person should look, if they should
    had_text: bool = False  # the answer had text but no rule matched
    addressed: bool = False  # the field's own question has answer text (coded or not)


def _rule_flags(rule: Rule) -> tuple[FlagReason, ...]:
    return (FlagReason.HEDGED_ANSWER,) if rule.review else ()


def _trim(text: str) -> str:
    text = text.strip()
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _matches(rule: Rule, sentence: Sentence, hypothetical: Sequence[re.Pattern[str]]) -> bool:
    if _any(hypothetical, sentence.text):
        return False
    for pattern in rule.any:
        anchored = pattern.pattern.startswith("^")
        if anchored and (not sentence.start or sentence.via_reference):
            continue
        if _any((pattern,), sentence.text):  # contractions spelt out too ("isn't" = "is not")
            return not _any(rule.unless, sentence.text)
    return False


COMPANY_SUFFIX = re.compile(r"\b(?:Ltd\.?|Limited|LLP|CIC|plc|Inc\.?)$")
PROVIDER_INTRO = re.compile(
    r"\b(?:provider|supplier|company|consultancy|organisation|organization|charity)\s*[,:(–-]\s*$",
    re.IGNORECASE,
)
# Words a company name may well start with although alone they name a department or a course
# ("Equality Training Partners Ltd", "Culture Shift Training"); sentence words never can.
NEVER_NAME_START = {
    "the", "our", "we", "it", "this", "they", "yes", "no", "not", "n/a", "a", "an", "please",
    "all", "both", "staff", "section", "information", "delivered", "sessions", "training",
    "provider", "supplier", "details", "delivery", "external", "internal", "in-house",
    "outsourced", "mandatory", "optional", "nhs", "trust", "attendance", "e-learning", "abt",
}  # fmt: skip


def _named_company(words: list[str], before: str) -> bool:
    """A name whose first word is on the not-an-organisation list is still a company when it
    carries a company suffix, or is introduced as the provider ("an external provider, X")."""
    if len(words) < 2 or words[0].lower() in NEVER_NAME_START:
        return False
    return bool(COMPANY_SUFFIX.search(" ".join(words)) or PROVIDER_INTRO.search(before))


def _clean_org(value: str, text: str, end: int, compiled: Compiled, start: int = 0) -> str:
    value = re.sub(r"(\s+(and|of|for|the|in|at|&))+$", "", value.strip())
    if value.endswith(".") and not (end < len(text) and text[end] in ",;)"):
        value = value[:-1]
    words = value.split()
    # "The Upstander Academy" is a name; "The" alone or before a generic word is not.
    named = words[1:] if len(words) > 1 and words[0] == "The" else words
    if not named or value.lower() in compiled.not_org:
        return ""
    if named[0].lower() in compiled.not_org and not _named_company(named, text[:start]):
        return ""
    if len(words) == 1 and value.lower().endswith("ly"):
        return ""  # an adverb opening a sentence ("Externally provided"), not an organisation
    # "Active Bystander Training" is the course, not who runs it: a provider has a word of its own.
    if all(w.lower().strip(".,'’") in compiled.generic_org for w in words):
        return ""
    if any(w.lower().strip(".,'’") in compiled.not_org_words for w in words):
        return ""  # "Line Managers deliver it": people, not an organisation
    # "the Trust", "our Learning Team" are the trust itself; a charity named "... Trust" (at
    # least two words of its own, not an NHS or foundation trust) is an outside body.
    charity = re.fullmatch(r"(?:The\s+)?(?:[A-Z][\w'’&-]*\s+){2,5}Trust", value) and not re.search(
        r"\b(?:nhs|foundation|team)\b", value, re.IGNORECASE
    )
    if re.search(r"\btrust\b|\bteam\b|\bnhs\b", value, re.IGNORECASE) and not charity:
        return ""
    if len(words) == 1 and len(value) < 4:
        return ""
    return value


def _clean_person(value: str, compiled: Compiled) -> str:
    words = value.split()
    while words and words[0] in compiled.not_person:
        words = words[1:]
    titles = {"Dr", "Dr.", "Professor", "Prof", "Prof.", "Mr", "Mrs", "Ms", "Miss", "Mx", "Sir"}
    names = [w for w in words if w not in titles]
    if len(names) < 2 or any(w.strip(",") in compiled.not_person for w in names):
        return ""
    return " ".join(words)


# A heading cell or label glued to the answer: "Executive lead Chief Nurse", "Exec lead - ...".
ROLE_LEAD_IN = re.compile(
    r"^(?:[Ee]xec(?:utive|\.)?\s+|[Bb]oard\s+|DASV\s+)?[Ll]ead\b\s*[-–:]?\s*(?=[A-Z])"
)
# Words of a sentence, never of a job title: "Our executive lead for ... is".
NOT_IN_ROLE = re.compile(
    r"\b(?:is|are|was|were|our|we|has|have|had|will|been|being)\b|\btrust['’]?s\b|\b[a-z]+ lead for\b"
)


# A clause after a job title ("... holds this responsibility"): job titles have no verbs.
ROLE_TAIL = re.compile(
    r"\s+(?:is|are|was|has|have|holds|held|takes|covers|leads|oversees|will|would|carries|"
    r"chairs|fulfils|fulfills|undertakes|retains|remains|acts|serves)\b.*$"
    # ... or runs into a signature: "Director of Nursing FOI Team", "... Kind regards"
    r"|\s+(?:FOI|Freedom of Information|Information Governance|Yours|Kind regards|Regards|"
    r"Many thanks|Thank you)\b.*$",
    re.DOTALL,
)


def _clean_role(raw: str) -> str:
    """A job title, or blank when the words caught are a sentence rather than a title."""
    value = ROLE_LEAD_IN.sub("", raw.strip(" ,;-–")).strip(" ,;-–")
    if not value or NOT_IN_ROLE.search(value) or ROLE_LEAD_IN.match(value):
        return ""
    return ROLE_TAIL.sub("", value).strip(" ,;-–")


KEEP_CAPITALS = {"NHS", "DASV", "ABT", "HR", "FOI", "AHP", "AHPS", "CEO", "ICB", "CIC", "LLP", "PLC"}  # fmt: skip
SMALL_WORDS = {"of", "and", "for", "the", "to", "in", "at", "on", "by"}
CAPITALS_WORD = re.compile(r"[A-Z][A-Z'’]*")


def _mixed_case(text: str) -> str:
    """A sentence typed all in capitals, in ordinary case, so that names and job titles can be
    told from the words around them ("YES - JOANNE SMITH, CHIEF NURSE" -> "Yes - Joanne Smith,
    Chief Nurse"); any other text unchanged."""
    if re.search(r"[a-z]", text) or not re.search(r"[A-Z]{3}", text):
        return text

    def word(match: re.Match[str]) -> str:
        found = match.group(0)
        if found in KEEP_CAPITALS:
            return found
        if found.lower() in SMALL_WORDS and match.start() > 0:
            return found.lower()
        return found[0] + found[1:].lower()

    return CAPITALS_WORD.sub(word, text)


def _extract(
    rule: Rule, sentence: Sentence, spec: FieldSpec, compiled: Compiled,
    decided: dict[str, Decision] | None = None,
) -> str:  # fmt: skip
    if _any(rule.unless, sentence.text):
        return ""
    text = _mixed_case(sentence.text)
    best: tuple[int, str] | None = None
    for pattern in rule.extract:
        if pattern.pattern.startswith("^") and (not sentence.start or sentence.via_reference):
            continue
        for match in pattern.finditer(text):
            raw = match.group("value") if "value" in pattern.groupindex else match.group(0)
            if spec.field.extract is ExtractKind.PERSON:
                value = _clean_person(raw, compiled)
            elif spec.field.extract is ExtractKind.JOB_TITLE:
                value = _clean_role(_without_other_values(raw.strip(" ,;-–"), decided or {}))
            else:
                value = _clean_org(raw, text, match.end("value"), compiled, match.start("value"))
            if value and (best is None or match.start() < best[0]):
                best = (match.start(), value)
                break
    return best[1] if best else ""


def decide(
    spec: FieldSpec, answers: dict[str, list[Sentence]], decided: dict[str, Decision],
    compiled: Compiled,
) -> Decision:  # fmt: skip
    """The first rule (in priority order) that matches the first question (in order) with text."""
    had_text = False
    restated = compiled.doc.get("restated_request", ())
    for qid in spec.questions:
        # A sentence that restates the request ("mandatory or optional?") is never an answer.
        found = [s for s in answers.get(qid, []) if not _any(restated, s.text)]
        if not found:
            continue
        had_text = True
        for rule in spec.rules:
            if rule.only and qid not in rule.only:
                continue
            if rule.from_field:
                source = decided.get(rule.from_field)
                if source and source.value:
                    doubtful = source.flags + (
                        (FlagReason.NAME_NOT_READ,) if _any(rule.review_if, source.quote) else ()
                    )
                    return Decision(
                        rule.value, rule.id, source.quote, source.locator, source.confidence,
                        doubtful,
                    )  # fmt: skip
                continue
            if rule.all:
                hits = [next((s for s in found if p.search(s.text)), None) for p in rule.all]
                blocked = any(_any(rule.unless, s.text) for s in found)
                if all(hits) and not blocked:
                    first = hits[0]
                    assert first is not None
                    return Decision(
                        rule.value, rule.id, _trim(" … ".join(dict.fromkeys(h.text for h in hits if h))),
                        first.locator, rule.confidence, _rule_flags(rule),
                    )  # fmt: skip
                continue
            for sentence in found:
                if rule.extract:
                    value = _without_other_values(
                        _extract(rule, sentence, spec, compiled, decided), decided
                    )
                    if value:
                        return Decision(
                            value, rule.id, _trim(sentence.text), sentence.locator,
                            rule.confidence,
                            _rule_flags(rule) + ((FlagReason.VIA_REFERENCE,) if sentence.via_reference else ()),
                        )  # fmt: skip
                elif _matches(rule, sentence, compiled.doc.get("hypothetical", ())):
                    confidence = rule.confidence - (0.1 if sentence.via_reference else 0.0)
                    return Decision(
                        rule.value, rule.id, _trim(sentence.text), sentence.locator,
                        confidence, _rule_flags(rule), addressed=True,
                    )  # fmt: skip
    first = next((s for q in spec.questions for s in answers.get(q, [])), None)
    own = bool(spec.questions and answers.get(spec.questions[0]))
    return Decision(
        "", "no_rule_matched" if had_text else "no_answer",
        _trim(first.text) if first else "", first.locator if first else "",
        0.5 if had_text else 0.9, (), had_text, addressed=own,
    )  # fmt: skip


def _without_other_values(value: str, decided: dict[str, Decision]) -> str:
    """A value never contains another field's extracted text: "Executive Director of Nursing,
    Allied Health Professions and Quality, Jo Fairweather-Nunn" is a role followed by the name."""
    for other in decided.values():
        found = other.value
        if value and len(found.split()) >= 2 and found != value and found in value:
            value = value[: value.index(found)].rstrip(" ,;:-–(")
    return value


def _field_order(compiled: Compiled) -> list[FieldSpec]:
    """Fields whose rules take another field's value come after that field."""
    done: list[FieldSpec] = []
    pending = list(compiled.fields)
    names = {s.field.name for s in pending}
    while pending:
        progressed = False
        for spec in list(pending):
            deps = {r.from_field for r in spec.rules if r.from_field} & names
            if deps <= {s.field.name for s in done}:
                done.append(spec)
                pending.remove(spec)
                progressed = True
        if not progressed:
            raise CodebookError(
                "fields take values from each other in a circle: "
                + ", ".join(s.field.name for s in pending)
            )
    return done


def decide_reading(reading: Reading, compiled: Compiled) -> dict[str, Decision]:
    decided: dict[str, Decision] = {}
    for spec in _field_order(compiled):
        if spec.derive:
            continue
        decided[spec.field.name] = decide(spec, reading.answers, decided, compiled)
    return decided


# --- exemptions and outcome ------------------------------------------------------------------


def sections_cited(readings: Sequence[Reading], spec: FieldSpec, compiled: Compiled) -> Decision:
    pattern = compiled.doc.get("section_pattern", ())
    skip = compiled.doc.get("not_exemption", ())
    found: dict[str, Sentence] = {}
    from_log = False
    for reading in readings:
        everything = reading.general + [s for ss in reading.answers.values() for s in ss]
        found_before = len(found)
        for sentence in everything:
            if sentence.via_reference or _any(skip, sentence.text):
                continue
            for compiled_pattern in pattern:
                for match in compiled_pattern.finditer(sentence.text):
                    numbers = [match.group(1)]
                    # "sections 40(2) and 43" names two sections.
                    listed = SECTION_LIST.match(sentence.text, match.end())
                    if listed:
                        numbers += re.findall(
                            r"\d{1,2}(?=\s*(?:\(|,|and\b|&|or\b|$|\s))", listed.group(0)
                        )
                    for number in numbers:
                        section = f"s{int(number)}"
                        if section in spec.field.values:
                            found.setdefault(section, sentence)
        from_log = from_log or (reading.several_requests and len(found) > found_before)
    if not found:
        return Decision("", "exemptions.none_cited", confidence=0.85)
    ordered = sorted(found, key=lambda s: int(s[1:]))
    quote = " … ".join(dict.fromkeys(found[s].text for s in ordered))
    first = found[ordered[0]]
    if from_log:
        # On a page with other requests the section may belong to one of them: a human checks.
        return Decision(
            ";".join(ordered), "exemptions.cited_on_a_page_of_several_requests", _trim(quote),
            first.locator, 0.6, flags=(FlagReason.SEVERAL_REQUESTS,),
        )  # fmt: skip
    return Decision(
        ";".join(ordered), "exemptions.sections_cited", _trim(quote), first.locator, 0.9
    )


def outcome(
    readings: Sequence[Reading], values: dict[str, Decision], compiled: Compiled,
    fields: dict[str, FieldSpec],
) -> Decision:  # fmt: skip
    """WhatDoTheyKnow's state for the reply as a whole (rules in [outcome])."""
    config = compiled.outcome
    replies = [r for r in readings if r.kind == "reply"]
    if not replies:
        acks = [r for r in readings if r.kind == "acknowledgement"]
        if acks:
            first = acks[0].general[0] if acks[0].general else None
            return Decision(
                "waiting_response", "outcome.acknowledgement_only",
                _trim(first.text) if first else "", first.locator if first else "", 0.9,
            )  # fmt: skip
        return Decision(
            "", "outcome.no_reply_text", confidence=0.3, flags=(FlagReason.NO_REPLY_TEXT,)
        )
    general = [s for r in replies for s in r.general]
    answers = [s for r in replies for ss in r.answers.values() for s in ss]
    coded = {name: d for name, d in values.items() if d.value and not fields[name].derive}
    positive = [d for n, d in coded.items() if d.value not in fields[n].field.negative]
    for sentence in general + answers:
        if _any(config.get("not_held", ()), sentence.text) and not positive:
            # Said inside one answer rather than of the request as a whole: a person checks.
            return Decision(
                "not_held", "outcome.not_held", _trim(sentence.text), sentence.locator, 0.85,
                flags=(FlagReason.NOT_HELD_IN_ONE_ANSWER,)
                if sentence not in general and coded
                else (),
            )  # fmt: skip
    held_not = config.get("answer_not_held", ())
    by_question = [found for r in replies for found in r.answers.values() if found]
    if (
        by_question
        and not positive
        and all(any(_any(held_not, s.text) for s in found) for found in by_question)
    ):
        first = by_question[0][0]
        return Decision("not_held", "outcome.not_held_throughout", _trim(first.text),
                        first.locator, 0.85)  # fmt: skip
    if not coded:
        for sentence in general + answers:
            if _any(config.get("refusal", ()), sentence.text):
                return Decision(
                    "rejected", "outcome.refused", _trim(sentence.text), sentence.locator, 0.85
                )
    exemptions = values.get(config.get("exemptions_field", ""), Decision("", ""))
    withheld = [
        s for s in exemptions.value.split(";") if s and s not in config.get("non_withholding", [])
    ]
    if withheld:
        return Decision(
            "partially_successful", "outcome.information_withheld", exemptions.quote,
            exemptions.locator, 0.85, flags=exemptions.flags,
        )  # fmt: skip
    # A question counts as answered when its answer has text, even if no rule could code it
    # (that value is flagged for review instead); it is unanswered when nothing addresses it.
    missing = [
        name for name in config.get("required_fields", []) if name in values
        and not values[name].value and _applies(fields[name], values)
        and not _blanked(fields[name], values) and not values[name].addressed
    ]  # fmt: skip
    unsure = [
        name for name in config.get("required_fields", []) if name in values
        and not values[name].value and values[name].addressed and _applies(fields[name], values)
    ]  # fmt: skip
    if not coded:
        return Decision("", "outcome.unclear", confidence=0.3, flags=(FlagReason.OUTCOME_UNCLEAR,))
    if missing:
        return Decision(
            "partially_successful", "outcome.question_unanswered",
            f"no answer found for: {', '.join(missing)}", "", 0.6,
            # Decided from a gap, not from anything the reply says (no exemption, no refusal
            # of a part): the reader may simply have missed the answer, so a person checks.
            flags=(FlagReason.OUTCOME_FROM_GAP,),
        )  # fmt: skip
    return Decision(
        "successful", "outcome.all_answered", confidence=0.85,
        flags=(FlagReason.OUTCOME_FROM_GAP,) if unsure else (),
    )  # fmt: skip


def _fill_not_held(
    values: dict[str, Decision], held: Decision, compiled: Compiled, fields: dict[str, FieldSpec]
) -> None:
    """A reply that holds nothing answers each question with its "none"/"no" (codebook
    ``[outcome] not_held_values``), in the order listed so conditions see earlier fills."""
    fills = dict(compiled.outcome.get("not_held_values", {}))
    if any(values[n].value or values[n].had_text for n in fills if n in values):
        return  # answered question by question: a question it skips stays blank
    for name, value in fills.items():
        current = values.get(name)
        if name not in fields or (current is not None and current.value):
            continue
        if not _applies(fields[name], values):
            continue
        values[name] = Decision(
            str(value), "outcome.not_held_fill", held.quote, held.locator, 0.8, held.flags
        )


def _blanked(spec: FieldSpec, values: dict[str, Decision]) -> bool:
    """Blank by the codebook's own rule (in-house delivery has no provider)."""
    return any(
        values.get(name, Decision("", "")).value == wanted for name, wanted in spec.blank_when
    )


def _applies(spec: FieldSpec, values: dict[str, Decision]) -> bool:
    condition = spec.field.applies_when
    if condition is None:
        return True
    other = values.get(condition[0])
    return bool(other and other.value == condition[1])


# --- per trust -------------------------------------------------------------------------------


def code_trust(
    trust_code: str, documents: Sequence[Document], codebook: Codebook
) -> list[CodedValue]:
    compiled = compile_codebook(codebook)
    readings = [read_document(d, compiled) for d in documents]
    replies = [r for r in readings if r.kind == "reply"]
    fields = {s.field.name: s for s in compiled.fields}

    # Each reply decides on its own; two replies that disagree are flagged.
    per_reply = [(r, decide_reading(r, compiled)) for r in replies]
    values: dict[str, Decision] = {}
    sources: dict[str, Reading | None] = {}
    for spec in compiled.fields:
        name = spec.field.name
        if spec.derive:
            continue
        candidates = [(r, d[name]) for r, d in per_reply if d[name].value]
        if not candidates:
            # A rule that decided blank is the answer ("N/A", "name withheld") beats a gap.
            best = next((d[name] for _, d in per_reply if d[name].rule not in UNDECIDED), None)
            best = best or next((d[name] for _, d in per_reply if d[name].had_text), None)
            values[name] = best or Decision("", "no_answer", confidence=0.9)
            if per_reply:
                sources[name] = per_reply[0][0]
            continue
        reading, chosen = max(candidates, key=lambda c: c[1].confidence)
        if len({d.value for _, d in candidates}) > 1:
            chosen = Decision(
                chosen.value, chosen.rule, chosen.quote, chosen.locator,
                min(chosen.confidence, 0.5), (FlagReason.REPLIES_CONFLICT,),
            )  # fmt: skip
        values[name] = chosen
        sources[name] = reading

    _attachment_evidence(readings, values, sources, compiled)

    # Conditional fields: blank where they do not apply.
    for spec in compiled.fields:
        name = spec.field.name
        if spec.derive or name not in values:
            continue
        condition = spec.field.applies_when
        blocked = condition and (values.get(condition[0], Decision("", "")).value != condition[1])
        for other, wanted in spec.blank_when:
            if values.get(other, Decision("", "")).value == wanted:
                blocked = True
        if blocked:
            values[name] = Decision("", "not_applicable", confidence=0.9)

    for spec in compiled.fields:
        if spec.derive == "sections":
            values[spec.field.name] = sections_cited(replies, spec, compiled)
            sources[spec.field.name] = replies[0] if replies else None
    for spec in compiled.fields:
        if spec.derive == "outcome":
            values[spec.field.name] = outcome(readings, values, compiled, fields)
            if replies:
                sources[spec.field.name] = replies[0]
            if values[spec.field.name].value == "not_held":
                _fill_not_held(values, values[spec.field.name], compiled, fields)

    coded = []
    any_ocr = any(r.document.ocr for r in replies)
    flagged: dict[str, bool] = {}
    status = next(
        (values[s.field.name].value for s in compiled.fields if s.derive == "outcome"), ""
    )
    real_reply = bool(replies) and status not in NO_ANSWERS_EXPECTED
    for spec in compiled.fields:
        name = spec.field.name
        decision = values.get(name, Decision("", "no_answer"))
        source_reading = sources.get(name)
        ocr = source_reading.document.ocr if source_reading else False
        if spec.derive:
            ocr = any_ocr
        # Text read by OCR may have lost or garbled the answer: a person checks every value.
        reasons = list(decision.flags)
        if ocr or (any_ocr and not decision.value):
            reasons.append(FlagReason.OCR_TEXT)
        if decision.had_text and not decision.value and _applies(spec, values):
            reasons.append(FlagReason.NO_RULE_MATCHED)
        # A question the reply restates but whose answer was not found: a person looks.
        asked_unanswered = (
            not decision.value
            and spec.questions[:1]
            and any(
                spec.questions[0] in r.asked and not r.answers.get(spec.questions[0])
                for r in replies
            )
        )
        if asked_unanswered and _applies(spec, values) and decision.rule == "no_answer":
            reasons.append(FlagReason.NO_ANSWER_FOUND)
            decision = replace(decision, rule="no_answer_found")
        condition = spec.field.applies_when
        if condition and flagged.get(condition[0]):
            reasons.append(FlagReason.BASE_IN_DOUBT)  # counted (or blank) on a doubtful base
        # Safety net: a blank for a question the reply should answer, that no rule decided
        # is blank ("N/A", "withheld", not applicable), is a gap a person must look at.
        if (
            real_reply
            and not spec.derive
            and not decision.value
            and decision.rule in UNDECIDED
            and _applies(spec, values)
            and not _blanked(spec, values)
            and not _silent(spec, replies, compiled)
        ):
            reasons.append(FlagReason.UNSURE_BLANK)
        flags = tuple(Flag(reason) for reason in dict.fromkeys(reasons))
        flagged[name] = bool(flags)
        confidence = decision.confidence * (0.7 if ocr else 1.0)
        coded.append(
            CodedValue(
                trust_code=trust_code,
                field=name,
                value=decision.value,
                quote=decision.quote,
                source=source_reading.document.path
                if source_reading and (decision.quote or decision.value)
                else "",
                locator=decision.locator,
                confidence=round(max(0.0, min(1.0, confidence)), 2),
                rule=decision.rule,
                flags=flags,
            )
        )
    return coded


# Outcomes after which blank fields are expected (nothing was answered).
NO_ANSWERS_EXPECTED = {"waiting_response", "rejected"}
# Rules that leave a value blank without deciding that blank is the answer.
UNDECIDED = {"no_answer", "no_rule_matched", "no_answer_found"}


def _silent(spec: FieldSpec, replies: Sequence[Reading], compiled: Compiled) -> bool:
    """A field marked ``silent_blank`` is blank by rule when no reply text touches its
    question (no cue of it anywhere, answers or letter text): "blank when the reply is silent"."""
    if not spec.field.silent_blank or not spec.questions:
        return False
    question = next((q for q in compiled.questions if q.id == spec.questions[0]), None)
    if question is None:
        return False
    for reading in replies:
        if spec.questions[0] in reading.asked:
            return False
        texts = [s.text for s in reading.general]
        texts += [s.text for found in reading.answers.values() for s in found]
        if any(_any(question.cues, text) for text in texts):
            return False
    return True


def _attachment_evidence(
    readings: Sequence[Reading], values: dict[str, Decision],
    sources: dict[str, Reading | None], compiled: Compiled,
) -> None:  # fmt: skip
    """A reply silent on a question that attaches a document titled as the thing asked for
    (a "Sexual Safety Policy v2.docx") gives that value, flagged: the title is the evidence."""
    config = compiled.raw_doc.get("attachment_evidence", {})
    name, value = str(config.get("field", "")), str(config.get("value", ""))
    titles = compiled.doc.get("attachment_title", ())
    if not name or name not in values or values[name].value or not titles:
        return
    for reading in readings:
        if any(reading.answers.values()) and reading.kind == "reply":
            continue
        title = reading.document.path.rsplit(" > ", 1)[-1]
        first = reading.general[0].text if reading.general else ""
        for text in (title, first):
            if _any(titles, text):
                values[name] = Decision(
                    value,
                    "attachment_title",
                    _trim(text),
                    reading.document.path,
                    0.6,
                    (FlagReason.ATTACHMENT_TITLE_ONLY,),
                )
                sources[name] = reading
                return


def code_all(documents: Sequence[Document], codebook: Codebook) -> list[CodedValue]:
    by_trust: dict[str, list[Document]] = {}
    for document in documents:
        if document.match.trust_code:
            by_trust.setdefault(document.match.trust_code, []).append(document)
    coded: list[CodedValue] = []
    for trust in sorted(by_trust):
        coded.extend(code_trust(trust, by_trust[trust], codebook))
    return coded


def documents_from_text(
    texts: Sequence[str], trust_code: str = "TEST", ocr: bool = False
) -> list[Document]:
    """Plain texts as matched documents, one block per line (worked examples, tests)."""
    from foi_audit.records import Block, FileStatus, Match

    documents = []
    for number, text in enumerate(texts, start=1):
        blocks = tuple(
            Block(line, f"line {index}")
            for index, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        )
        documents.append(
            Document(
                path=f"example {number}.txt",
                sha256="",
                format="txt",
                units=1,
                chars=len(text),
                ocr=ocr,
                status=FileStatus.OK,
                match=Match(trust_code, "example", 100.0),
                blocks=blocks,
            )
        )
    return documents


def code_text(text: str, codebook: Codebook) -> dict[str, CodedValue]:
    """Code one plain-text reply: the engine run on a worked example."""
    coded = code_trust("TEST", documents_from_text([text]), codebook)
    return {value.field: value for value in coded}
