"""Label schemes of restated questions and answers: "2(a)", "Q3 -", "Question two", "Answer:", "A."."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from foi_audit.coding.records import Line

if TYPE_CHECKING:
    from foi_audit.coding.compiled import Compiled

TABLE_HEADER_WORDS = {
    "q", "no", "no.", "ref", "ref.", "question", "questions", "response", "responses", "answer",
    "answers", "notes", "note", "comments", "your request", "our response", "request", "item",
    "question no.", "question no", "number", "reply", "trust response", "foi response",
}  # fmt: skip


# A question whose mark OCR lost, run into its answer: "... and sexual coe Yes: Dr X", "... or a
# link. Yes - Sexual Safety Policy", "... job title. : : Response: Yes"
ANSWER_AFTER_LOST_MARK = re.compile(
    r"(?<=\w{3})(?<!\bor)(?:\s+|\.\s+(?=(?-i:Yes|No)\s[–—-]\s))(?=(?-i:Yes|No)\b\s?[:,;–—-])"
    r"|(?<=[\w.])[\s.:]+(?-i:Response|Answer):\s+(?=\S)"
)

ANSWER_WORDS = {"no", "no.", "q"}  # header words that are also answers when alone

LABEL = re.compile(
    # OCR leaves marks before a label ("_ 3. Dedicated policy", "‘3. Plans", '" 2c. Yes', "- Q2.",
    # "“4. Yes.", ": Question 4:"): never a line's real start (a dash only before "Q2": "- 2
    # sessions" is a list's item; a quote mark against a number only before "4. ", not '"20
    # staff ...')
    r"^[\s_~|‘’'`]*(?:[\"“”]\s+|[\"“”](?=\d{1,2}[.)]\s))?(?:[-–•·*:]\s*(?=q(?:uestion)?\s*\.?\s*\d))?(?:(?:(?:our\s+)?(?:response|answer|reply)\s+(?:to|for)\s+(?=q(?:uestion)?\s*\d{1,2}\s*\(?[a-h]?\)?\s*[.:\-–—]))?(?:q(?:uestion)?|item|request)\s*[.:]?\s*|you asked\s*(?:(?:at|in|under)\s+(?:(?:question|q)\s*)?(?=\d)|(?=\(\d)))?(?:\((?=\d{1,2}[a-h]?\))|\[(?=\d{1,2}[a-h]?\]))?(?P<num>\d{1,2}(?:\.[1-9]\d?(?=[\s(]|$))?)\s*"
    r"(?:\(?(?P<letter>[a-h])[)\]]?(?P<range>\s*[-–]\s*\d{0,2}\s*(?:\([a-h]\)|(?-i:[a-h])\b))?)?"
    # a number's decimals or a time ("10.6%", "10:30") are no label's separator, but a scan's
    # "4.0" alone on its line is answer 4, "0"
    # ("Request 24-0277" is a reference, not request 24)
    r"(?P<sep>\s*[.:)\]\-–—]\s*|\s+)(?=\S)(?!(?<=[.:])(?!0\s*$)\d)(?!(?<=[-–/])\d{3})",
    re.IGNORECASE,
)

LETTER_LABEL = re.compile(r"^\s*(?:\((?P<a>[a-h])\)|(?P<b>[a-h])[.)])\s+(?=\S)", re.IGNORECASE)


def questions_asked(compiled: Compiled) -> int:
    """How many questions the request numbered: a longer request's count, else ours."""
    top_level = sum(1 for q in compiled.questions if not q.parent)
    return max(compiled.codebook.request_questions or 0, top_level)


# the question an answer's own label names: "Answer 4:", "Response to Q2(b) -"
_ANSWER_NUMBER = re.compile(
    r"\s*(?:(?:trust|our)\s+)?(?:answer|response|reply)\s*(?:to\s+)?(?:q(?:uestion)?\s*)?"
    r"(\d{1,2})\s*(?:\(?([a-h])\))?",
    re.IGNORECASE,
)
# "A2a:" (its colon: "A1." may be a letter's own Part A, item 1)
_A_NUMBER = re.compile(r"\s*A(\d{1,2})([a-h])?\s*:")


def answer_label(prefix: str, lettered: bool = True) -> str:
    """The label ("4", "2b") an answer's prefix gives ("Answer 4:"; "A2b:" when ``lettered``);
    "" for "A1.", "Answer:"."""
    found = _ANSWER_NUMBER.match(prefix) or (_A_NUMBER.match(prefix) if lettered else None)
    return found[1] + (found[2] or "").lower() if found else ""


def lettered_answers(texts: Iterable[str]) -> bool:
    """Whether "A2:" may label answers: no line answers after a plain number ("1. Yes", not a
    question's "1. Does ...?"), else it is a list's ("Part A: A1: Purpose. A2: ..."), nor after
    another letter's ("C1: No.": "A4:" is then section A's question 4)."""
    return not any(
        LABEL.match(text) and "?" not in text or _OTHER_LETTER.match(text) for text in texts
    )


_OTHER_LETTER = re.compile(r"\s*[B-Z]\d{1,2}[a-h]?\s*[:.)]")


def answer_number(text: str) -> int:
    """The number a line's answer prefix gives its question ("Answer 12:" -> 12), else 0."""
    prefix = ANSWER_PREFIX.match(text)
    label = answer_label(prefix[0]) if prefix else ""
    return int(label.rstrip("abcdefgh")) if label else 0


# A second label joined to the first: "Q2 and Q3 ...", "2 & 3 -"
AND_LABEL = re.compile(
    r"(?:and|&)\s*(?:q(?:uestion)?\s*)?(?P<num>\d{1,2})\b\s*[.:)\-–]?\s*", re.IGNORECASE
)
LABEL_ONLY = re.compile(  # "Q3", "3(a).", "Response to question 1"
    r"^\s*(?:(?:(?:our\s+)?(?:response|answer|reply)\s+(?:to|for)\s+)?(?:q(?:uestion)?|request)\s*[.:]?\s*"
    r"|\[(?=\d{1,2}[a-h]?\]))?(?P<num>\d{1,2})\s*"
    r"(?:\(?(?P<letter>[a-h])[)\]]?)?"
    # (a dash alone after it is an empty answer: "Q6c -")
    r"(?P<range>\s*[-–]\s*(?:\d{1,2}\s*(?:\([a-h]\)|(?-i:[a-h])\b)?|\([a-h]\)|(?-i:[a-h])\b))?"
    r"\s*[.:)\]\-–]?\s*$",
    re.IGNORECASE,
)

ANSWER_PREFIX = re.compile(
    r"^\s*(?:(?:trust|our)\s+)?(?:(?:answer|response|reply)(?:\s*(?:to\s+)?(?:q(?:uestion)?\s*)?"
    r"\d{1,2}\s*(?:\(?[a-h]\))?)?\s*[:\-–]|a\s*[:.]|a\s+[-–]\s"
    # a form's label with its separator lost: "Response No.", "Response A dedicated policy ..."
    r"|(?:answer|response|reply)\s+(?=(?-i:Yes|No|N/A|Not|None|A|An|The|We|Our|There|It)\b)"
    r"|a\s*\d{1,2}\s*(?:\(?[a-h]\))?\s*[:.)\-–])\s*",
    re.IGNORECASE,
)  # "Answer:", "A.", "A - ", "A2 – No."

INTERROGATIVE = re.compile(
    # ("Finally, you asked who ...", "Lastly, you wanted to know ...": the request's next)
    r"^\s*(?:(?:finally|lastly|next|then|also|and|secondly|thirdly)\s*,?\s*(?=you\b))?"
    # (an auxiliary before "not" states: "Question 3 does not apply.")
    # ("When we responded on 4 November we withheld ...": a clause, not a question)
    r"(?:(?:does|do|has|have|is|are|was|were|will|would|can|could)\b(?!\s+not\b)|if|what|which|who|how|"
    r"when(?!\s+(?:we|i|the trust|our)\s+(?:first\s+|originally\s+)?(?:responded|replied|wrote|received|answered)\b)|"
    r"whether|please (?:provide|give|state|confirm|send|supply|list|name|tell|indicate)|"
    r"in[- ]house or|mandatory or|name and|you (?:asked|wanted to know|requested|enquired|queried)|"
    # "Your third question concerned plans to introduce such training."
    r"(?:your|the) (?:(?:first|second|third|fourth|fifth|sixth|seventh|next|final|last|\d{1,2}(?:st|nd|rd|th)) )?"
    r"(?:request|question|point) (?:asks?|asked|was|concerned|concerns|was about|is about|related to|relates to))\b",
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


# A course's own numbered or lettered part ("Module B: Responding to microaggressions", "Unit
# 3 - Safe ways to intervene"): no question's topic, whatever its word
PART_WORDS = (
    r"(?:modules?|units?|sessions?|steps?|levels?|stages?|phases?|days?|weeks?|chapters?|"
    r"tiers?|workshops?)"
)
COURSE_PART = re.compile(rf"^\W*{PART_WORDS}\s+(?:[A-Za-z]|\d{{1,2}})\b", re.IGNORECASE)
# A short topic label before a dash or colon ("Exec lead - ...", "Training: ...").
TOPIC_LABEL = re.compile(
    rf"^\W*(?!(?i:{PART_WORDS})\s+(?:[A-Za-z]|\d{{1,2}})\s*(?::|\s[-–]\s))"
    r"(?P<topic>[A-Za-z][A-Za-z /&'’]{1,50}?)\s*(?::|\s[-–]\s)\s*(?=\S)"
)

STARTS_LIKE_ANSWER = re.compile(r"^\s*(?:yes|no|n/?a|not\b|none)\b", re.IGNORECASE)
# a form's options behind their boxes ("☐ In-house ☐ External ☒ Both"): an answer's cell
BOXED = re.compile(r"^\s*(?:[☐□☒☑]|\[\s*[xX✓✔]?\s*\])\s*\w")


# never a range or a reference to parts: "parts (a) to (c) do not apply"
SUB_MARKER = re.compile(
    r"(?:^|(?<=[\s.;:]))(?<!\bparts\s)(?<!\bpart\s)(?<!\)\sto\s)(?<!\)\s[-–]\s)(?<!\)[-–]\s)"
    r"\(?([a-h])\)(?!\s*(?:to|[-–])\s*\(?[a-h]\))\s+",
    re.IGNORECASE,
)


# A question answered on its own line after its mark: "Plans to introduce ABT? - N/A"
ANSWERED_INLINE = re.compile(r"\?\s*[-–—:]\s*\S")


def numbered_parts(text: str, label: str, parent: str, compiled: Compiled) -> str:
    """Parts run on under their question with its number ("2. Yes. 2a: Mixed ... 2b: Mandatory
    ... 2c: Yes.") marked as its lettered parts ("(a) Mixed ..."), for :data:`SUB_MARKER`; the
    number the document gave it (``label``), else the request's; only its own parts' letters,
    after a sentence ("Appendix 2a: Course outline", "2 h." are no parts)."""
    question = compiled.question(parent)
    number = label if label.isdigit() else question.label if question else ""
    letters = "".join(q.label[-1] for q in compiled.questions if q.parent == parent)
    if not number.isdigit() or not letters.isalpha():
        return text
    return re.sub(
        rf"(?:^|(?<=[.;!?]\s))(?<!\d){number}\s*\(?([{letters}])\)?\s*[:)]\s+", r"(\1) ", text
    )


XREF = re.compile(
    r"\b(?:see|refer(?:red)?\s+to|as\s+(?:per|in|(?:stated|noted|explained|mentioned|described|"
    r"set\s+out|given)\s+(?:in|at|under))|same\s+as)"
    # ("see note against item 1": a sheet's notes on its row 1)
    r"\s+(?:(?:our|the|my)\s+)?(?:(?:answer|response|reply|notes?|comments?)\s+"
    r"(?:to|at|for|in|under|against|on)\s+)?"
    # (a part's letter standing alone: "question 1 above" is question 1)
    r"(?:question|q|item)?\s*\.?\s*((?-i:[A-H])?\d{1,2}(?:\s*\([a-h]\)|\s*[a-h]\b\)?)?)(?!\d)",
    re.IGNORECASE,
)


# A part's letter before a question's number ("Part B ... B2 Active bystander training")
_SECTION_LABEL = re.compile(r"^\W*([A-H]\d{1,2})(?![\d.,%])\b")


def heading_keys(label: str, heading: str) -> tuple[str, ...]:
    """The keys a restated question is known by: its label, and its heading's part-lettered
    number ("b2" of "B2 Active bystander training") for a cross-reference to it ("Please
    see our response to B2.")."""
    found = _SECTION_LABEL.match(heading)
    return tuple(key for key in (label, found[1].lower() if found else "") if key)


NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

HEADING = re.compile(
    r"^\s*(?:you (?:asked|wanted to know)\s*[:\-–]?\s*)?(?:your\s+)?(?:question|q)s?\s*(?:no\.?\s*|number\s*)?(?P<num>\d{1,2}(?!\d)|(?:"
    + "|".join(NUMBER_WORDS)
    + r")\b)(?P<letter>\s*\(?[a-h]\)(?=\W|$)|(?<=\d)[a-h]\b)?"
    r"(?:\s*(?:,|and|&|to|-|–)\s*(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\b(?:\s*\(?[a-h]\))?)*"
    r"\s*(?:\((?P<topic>[^)]{0,120})\))?\s*[.:)\-–]?",
    re.IGNORECASE,
)


HEADING_VERB = re.compile(
    r"\b(?:is|are|was|were|it'?s|its|we|our|us|not|no|yes|has|have|does|do|did|can|will|"
    r"would|should|must|delivers?|runs?|provides?|offers?|includes|contains|covers)\b",
    re.IGNORECASE,
)


# "Our response to question 4 is: Yes.", "In answer to your question 2:": a label in words
_PROSE_LABEL_TEXT = (
    r"(?i:(?:our|the trust's|the|in|my)\s+(?:response|answer|reply)\s+(?:to|for)\s+(?:your\s+)?"
    r"(?:(?:question|q)\s*{number}(?!\d)(?:\s+(?:is|was|are)(?:\s+as\s+follows)?)?\s*[:\-–]"
    # "In response to questions 2 and 3, yes, ...": one answer to both
    r"|(?:questions|qs)\s*{number}\s*(?:and|&)\s*(?:q(?:uestion)?\s*)?\d{1,2}(?!\d)\s*[:\-–,]))"
)
# "Finally, returning to question 3, which we have left until last: ...", "In relation to
# question 3, ...": a paragraph turning to a question by its number (not "see question 3"; nor
# "In respect of your first question, ...": a prose letter's paragraphs, placed by their topics)
_TURNING_TEXT = (
    r"(?i:(?:(?:finally|lastly|next|then|and|now)\s*,?\s+)?(?:(?:returning|turning|coming|"
    r"moving\s+on|going\s+back|now\s+turning)\s+to|in\s+relation\s+to|with\s+regard\s+to|"
    r"regarding|as\s+regards|as\s+(?:for|to)|in\s+respect\s+of|on)\s+(?:your\s+)?(?:question|q)\s*{number}"
    r"(?![\d(])(?:\s*,\s*which\s+[^,:;.]{0,60})?\s*[:,\-–])"
)
PROSE_LABEL = re.compile(
    r"^\W*(?:"
    + _PROSE_LABEL_TEXT.replace("{number}", r"(\d{1,2})")
    + "|"
    + _TURNING_TEXT.replace("{number}", r"(\d{1,2})")
    + r")\s*"
)
_TURNING_LABEL = re.compile(r"^\W*" + _TURNING_TEXT.replace("{number}", r"\d{1,2}"))
# "Please disregard our earlier answer to Q2(b). It is optional ...": what follows answers 2(b)
_CORRECTION_TEXT = (
    r"(?i:(?:please\s+)?(?:disregard|ignore)\s+(?:our|the)\s+(?:earlier|previous|original|first)\s+"
    r"(?:response|answer|reply)\s+to\s+(?:question|q)\s*{number}"
    # "Apologies - our answer to 2(c) was left blank in error."
    r"|(?:apologies\s*[-–,:]?\s*)?our\s+(?:response|answer|reply)\s+to\s+(?:question\s*|q\s*)?"
    r"{number}\s+was\s+(?:left blank|left out|omitted|missed|missing|incomplete|out of date|"
    r"outdated|incorrect|wrong|inaccurate|not correct)"
    r"(?:\s+(?:in error|by mistake|in our (?:earlier |previous )?(?:response|reply|e-?mail)))?"
    # "Our response below contained an error in question 2(b)."
    r"|our\s+(?:earlier\s+|previous\s+)?(?:response|answer|reply)(?:\s+below|\s+of\s+\d{1,2}\s+\w+)?\s+"
    r"(?:contained|included|had|contains)\s+an?\s+(?:error|mistake)\s+in\s+(?:question\s*|q\s*)?{number}"
    # "We are writing to correct our answer to question 4 in our response of 12 November."
    r"|(?:we\s+are\s+writing|we\s+write|i\s+am\s+writing|this\s+is)\s+to\s+(?:correct|amend|update)\s+"
    r"(?:our|the)\s+(?:response|answer|reply)\s+to\s+(?:question\s*|q\s*)?{number}"
    r"(?:\s+in\s+our\s+(?:earlier\s+|previous\s+)?(?:response|reply|letter)(?:\s+of\s+\d{1,2}\s+\w+(?:\s+\d{4})?)?)?"
    # "Further to our response of 12 November 2024 (FOI 3907), point 1, we can confirm ..."
    r"|further\s+to\s+our\s+(?:response|reply|letter)\s+of\s+\d{1,2}\s+\w+(?:\s+\d{4})?"
    r"(?:\s*\([^)]{0,40}\))?,?\s+(?:point|question|q)\s*{number}"
    # "In our response of 12 November we advised that we would update you on question 2(b)."
    r"|(?:in\s+our\s+(?:response|reply|letter)\s+of\s+\d{1,2}\s+\w+(?:\s+\d{4})?,?\s+)?we\s+"
    r"(?:advised|said|explained|confirmed)\s+(?:that\s+)?we\s+would\s+(?:update|write\s+to|come\s+back\s+to)"
    r"\s+you\s+(?:on|about|regarding)\s+(?:question\s*|q\s*)?{number}"
    # "Our answer to question 2(a) said that ... in-house. That was incomplete:"
    r"|our\s+(?:response|answer|reply)\s+to\s+(?:question\s*|q\s*)?{number}\s+(?:said|stated)\s+"
    r"that\s+[^.]{3,200}\.\s+(?:that|this)\s+(?:was|is)\s+(?:incorrect|wrong|incomplete|inaccurate|"
    r"not correct|an error|a mistake))"
)
CORRECTION_LABEL = re.compile(
    r"^\W*" + _CORRECTION_TEXT.replace("{number}", r"(\d{1,2})\s*\(?([a-h])?\)?") + r"\s*[.:,]\s*"
)

INLINE_LABEL = re.compile(
    # (OCR may leave marks between: "Not applicable. . ~ Question 4. Yes"; the label may end the
    # line, its answer on the next: "Not applicable. Question 4")
    r"(?<=[.!?)])\s+(?:[~.,;'\"‘’_|•·\-–]+\s+){0,2}(?=(?:Q|Question\s*|Request\s+)\d{1,2}\s*\(?[a-h]?\)?(?:\s*[.:)\-–—]\s|\s+(?-i:[A-Z])|\s*$)"
    r"|(?:(?i:our|trust|the trust's) )?(?i:response|answer|reply)\s*:\s)"
    # "... early 2025. A2: Yes.", "A3: N/A A4: The Trust ...": answers labelled by their number
    r"|\s+(?=(?-i:A)\d{1,2}[a-h]?:\s)"
    # a lettered question run into the answer above it: "... delivers all sessions. (d)
    # Mandatory or optional?" (not a question's own parts: "...? (a) In-house or external?")
    r"|(?<=\.)\s+(?=\([a-h]\)\s+[A-Z][^.!?]{2,120}\?)"
    # "... attached. You asked (2): Does the Trust ...? Our response: Yes. You asked (2a): ..."
    r"|\s+(?=(?-i:You) asked\s*\(\d{1,2}[a-h]?\)\s*:)"
    # "... (quoted below). Our answer to question 2(a) said that ...": a correction of its own
    r"|(?<=[.!?])\s+(?=(?-i:Our) (?:response|answer|reply) to (?:question\s*|q\s*)?\d{1,2}\s*\(?[a-h]?\)?\s+(?:said|stated) that\b)"
    # "Response: Yes Question 2a: Is it delivered ...?": the next label after an answer
    # without a full stop (not a reference: "see Question 2:")
    r"|(?<!\b[Tt]o)(?<!\b[Ss]ee)(?<!\b[Ii]n)(?<!\b[Aa]t)(?<!\b[Oo]f)(?<!\b[Uu]nder)(?<!\b[Aa]nd)"
    r"\s+(?=(?-i:Question)\s\d{1,2}[a-h]?\s*:\s)"
    # the first answer run on after the letter's heading and its reference ("Freedom of
    # Information request 24/2290 Q1: The Trust does not have ...")
    r"|(?<=\d)\s+(?=(?:Q|Question\s*)1\s*[.:)\-–—]\s)"
    # "Further to our email of 5 November, our answer to question 4 is: ...", after any word
    # (not a reference: "please see our answer to question 3:")
    r"|(?<!\bsee)(?<!\bto)(?<!\bin)\s+(?="
    + _PROSE_LABEL_TEXT.replace("{number}", r"\d{1,2}")
    + ")"
    + r"|\s+(?="
    + _CORRECTION_TEXT.replace("{number}", r"\d{1,2}\s*\(?[a-h]?\)?")
    + ")"
    # (after a sentence's end, not a paragraph's own number: "4. Regarding question 1, ...")
    + r"|(?<=[^\W\d_)][.!?])\s+(?="
    + _TURNING_TEXT.replace("{number}", r"\d{1,2}")
    + ")"
)  # "... (3) whether it plans to. Response: (1) No ...": the answers start a line of their own


HEADER_LABEL = re.compile(
    r"^(?:no|ref|q|item|number|question no|question number|qu no|question ref|ref no|reference|"
    r"reference no|reference number|ref number|foi ref|foi reference|foi no|foi number|case ref)$"
)


HEADER_QUESTION = re.compile(
    r"^(?:questions?|request|requests|requested|your (?:request|question)s?|(?:information|details?) "
    r"(?:requested|sought|request)|topic|subject|description|request details|foi request|"
    r"question asked|questions asked|what you asked|you asked)$"
)


# Columns that say who or when, never what was answered ("Checked by", "Owner", "RAG").
HEADER_SKIP = re.compile(
    r"^(?:checked by|completed by|answered by|approved by|signed off by|prepared by|owner|"
    r"information owner|data owner|information asset owner|response owner|source|contact|"
    r"lead officer|responsible officer|author|rag|rag status|status|date|date answered|"
    r"date completed|department|directorate)$"
)


HEADER_ANSWER = re.compile(
    r"^(?:(?:our|trust|the trusts?|foi|trusts?) )?(?:response|responses|answer|answers|reply|"
    r"replies|information|comments?|notes?|(?:additional|further|other|supporting|more) "
    r"(?:information|comments?|notes?|details?|detail)|information provided|"
    r"response from the trust|details|outcome|explanation|remarks?|narrative|detail|"
    r"(?:response|answer) (?:(?:and|or) )?(?:details?|notes?|comments?|text|names?)|yes\s*no|y\s*n|"
    r"(?:(?:our|trust|the trusts?|trusts?) )?position)$"
)


TOPIC_PREFIX = re.compile(
    r"^(?P<topic>[A-Za-z][A-Za-z /()'’&,-]{1,70}?)\s*(?::|\s[-–]\s|\?)\s+"
    r"(?=(?:yes|no|not|n/?a|none|nil|(?:information )?not held)\b)",
    re.IGNORECASE,
)


QUOTE_MARK = re.compile(r"^(?:\s*>)+\s?")  # "> " before each line of a quoted message


def label_key(num: str, letter: str | None) -> str:
    """ "2b" of "2" and "b"; a decimal number stays as written ("2.1", a paragraph's or a
    longer request's own numbering)."""
    return f"{num if '.' in num else int(num)}{(letter or '').lower()}"


# A heading over answers given together: "Questions 5 to 9", "Q1-3". Their answer reads as
# the first question's, the others by what it says.
QUESTION_RANGE = re.compile(
    r"^\s*(?:questions?|qs?\.?)\s*(?P<num>\d{1,2})\s*(?:to|-|–|and|&)\s*\d{1,2}\s*[.:)]?\s*$",
    re.IGNORECASE,
)


def cell_label(only: re.Match[str]) -> str:
    """The key of a cell holding only a label (LABEL_ONLY): "Q3(b)" -> "3b"; a range's no letter."""
    return label_key(only["num"], None if only["range"] else only["letter"])


def numbered_texts(lines: Sequence[Line]) -> list[tuple[str, str]]:
    """Each numbered line's label and the text after it: "4. Does ...?" in prose, or a table
    row's number cell and question cell ("4 | Does the Trust employ an IDVA? | Yes")."""
    found: list[tuple[str, str]] = []
    row = ("", "")  # the last number cell: its row's locator and label
    for line in lines:
        if line.cell == "label":
            only = LABEL_ONLY.match(line.text)
            key = cell_label(only) if only else ""
            row = (line.locator, key)
        elif line.cell == "question" and row[1] and row[0] == line.locator:
            found.append((row[1], line.text))
            row = ("", "")
        elif line.cell != "answer" and (label := LABEL.match(line.text)) and not label["range"]:
            found.append((label_key(label["num"], label["letter"]), line.text[label.end() :]))
    return found


# "... your request of 6 January 2025 1. What was ...? 2. How many ...?": a numbered item
# inside a paragraph (a request quoted in one block, an appendix run together)
_INLINE_ITEM = re.compile(r"(?:^|(?<=[\s:]))(\d{1,2})[.)]\s+(?=[A-Z])")


def inline_numbered(lines: Sequence[Line]) -> list[tuple[str, str]]:
    """The items of a request quoted in one paragraph, each number with its text: three or
    more items counting up by one ("1. ... 2. ... 3. ..."), so a date or an amount inside a
    sentence ("section 2. The Trust") is no item."""
    found: list[tuple[str, str]] = []
    for line in lines:
        items = list(_INLINE_ITEM.finditer(line.text))
        run: list[re.Match[str]] = []
        for item in items:
            if run and int(item[1]) != int(run[-1][1]) + 1:
                found += _items(line.text, run) if len(run) >= 3 else []
                run = []
            run.append(item)
        found += _items(line.text, run) if len(run) >= 3 else []
    return found


def _items(text: str, run: Sequence[re.Match[str]]) -> list[tuple[str, str]]:
    ends = [m.start() for m in run[1:]] + [len(text)]
    return [(m[1], text[m.end() : end].strip()) for m, end in zip(run, ends, strict=True)]


# "Digital (questions 14 to 16): The EPR is supplied by ...", "Complaints (question 5): ...":
# a paragraph's topic with the numbers of the questions it answers
_TOPIC_NUMBERED = re.compile(
    r"^\W*(?-i:[A-Z])[\w ,&'’/-]{0,50}?\s*\((?:questions?|qs?)\s*(\d{1,2})"
    r"(?:\s*(?:to|-|–|and|&|,)\s*\d{1,2})*\)\s*:\s*",
    re.IGNORECASE,
)


def turns_to_question(text: str) -> bool:
    """A paragraph naming the question it answers as it opens ("Turning to question 11, ...",
    "Digital (questions 14 to 16): ..."), not a label over the answers after it."""
    return bool(_TURNING_LABEL.match(text) or _TOPIC_NUMBERED.match(text))


_SLASHED_PAIR = re.compile(
    r"^(\s*(?:q|question)\s*\d{1,2})\s*/\s*((?:q|question)?\s*\d{1,2})(?=\s*[.:)\-–—]\s)", re.I
)
_SECOND_NUMBER = re.compile(r"(?:and|&)\s*(?:q(?:uestion)?\s*)?(\d{1,2})\W*$", re.IGNORECASE)


def normalise_heading(text: str, alone: frozenset[str] = frozenset()) -> str:
    """ "Question two", "Your question 4 (executive lead)", "Your questions 2 and 3 (ABT)" ->
    "Question 2 ...": a label the segmenter knows (the topic in brackets is dropped)."""
    # "Q2/Q3 - ...": one answer to both, unless either has its own label (``alone``): "Q1/Q2
    # - 6 sessions" under question 2 counts quarters of a year
    pair = _SLASHED_PAIR.match(text)
    if pair and not {re.sub(r"\D", "", pair[1]), re.sub(r"\D", "", pair[2])} & alone:
        text = f"{pair[1]} and {pair[2]}{text[pair.end() :]}"
    prose = PROSE_LABEL.match(text) or _TOPIC_NUMBERED.match(text)
    if prose:
        number = next(n for n in prose.groups() if n)
        both = _SECOND_NUMBER.search(prose.group(0))  # "Question 2 and 3.": the segmenter's pair
        joined = f" and {both[1]}" if both else ""
        return f"Question {number}{joined}. {text[prose.end() :]}"
    corrected = CORRECTION_LABEL.match(text)
    if corrected:
        # (each wording its own groups: the number and letter of the one that matched)
        found = corrected.groups()
        at = next((k for k in range(0, len(found), 2) if found[k]), 0)
        number, letter = found[at], found[at + 1] or ""
        return f"Question {number}{letter}. {text[corrected.end() :]}"
    form = _FORM_LABEL.match(text)
    if form and "?" in text:
        return text[form.end() :]  # the form's numbering, not the request's: read by its words
    match = HEADING.match(text)
    if not match:
        return text
    unusual = (
        not match["num"].isdigit()
        or match["topic"] is not None
        or re.match(r"\s*(?:your|you asked|you wanted)\b", text, re.IGNORECASE)
        or re.search(r"\d\s*(?:,|and|&|to)\s*\d", match.group(0))
        or re.match(r"\s*(?:your\s+)?(?:question|q)s?\s*(?:no\.?|number)\s*\d", text, re.I)
    )
    if not unusual:
        return text  # "Q2 (a)-(c) - ..." and the like: the label parsers read these as they are
    number = match["num"].lower()
    number = str(NUMBER_WORDS.index(number) + 1) if number in NUMBER_WORDS else number
    rest = text[match.end() :].strip()
    return f"Question {number}{match['letter'] or ''}" + (f". {rest}" if rest else "")


PREFIXED_LABEL = re.compile(
    r"^\s*(?:q(?:uestion)?|item|request)\s*[.:]?\s*(\d{1,2})(?!\d)", re.IGNORECASE
)


def set_apart(label: re.Match[str], text: str) -> bool:
    """A label set apart from its text ("3.", "Q3", "3 (policy)"), not the start of a line of
    wrapped prose ("12 of the Act")."""
    return bool(
        label["sep"].strip()
        or PREFIXED_LABEL.match(text)
        or text[label.end() : label.end() + 1] == "("
    )


def questions_named(text: str) -> tuple[list[str], str]:
    """The numbers a heading names when it names several ("Questions 1 to 3" -> 1, 2, 3; "Your
    questions 2 and 3 (ABT)" -> 2, 3), and what follows it on its line; ([], "") otherwise."""
    match = HEADING.match(text)
    rest = text[match.end() :].strip() if match else ""
    # (or with the questions restated after it: "Questions 6 and 17 Does the Trust ...? / Has
    # the Trust appointed ...?")
    if not match or match["letter"] or rest and not (rest[:1].isupper() and "?" in rest):
        return [], ""
    words = re.findall(r"\d{1,2}|" + "|".join(NUMBER_WORDS), match.group(0).lower())
    numbers = [int(w) if w.isdigit() else NUMBER_WORDS.index(w) + 1 for w in words]
    if len(numbers) == 2 and re.search(r"\d\s*(?:to|-|–)\s*\d", match.group(0)):
        numbers = list(range(numbers[0], numbers[1] + 1))
    if len(set(numbers)) < 2:
        return [], ""
    return [str(n) for n in dict.fromkeys(numbers)], rest


# A request's list: "Please could you tell me:" and its items ("whether you provide ...").
LIST_INTRO = re.compile(
    r"\b(?:tell me|let me know|provide|send me|request|requesting|like to (?:know|ask|see)|"
    r"the following)\b[^.?]{0,40}:\s*$",
    re.IGNORECASE,
)
# what a request's item opens with ("whether you provide ...", "the name and job title of ...")
LIST_ITEM = re.compile(
    r"^\W*(?:whether|how|what|which|who|when|where|if|the|a|an|any|all|copies|details|your|"
    r"number|names?|information|confirmation|confirm)\b",
    re.IGNORECASE,
)
# A line of a log entry that starts another field or a question: what a request's summary
# paragraph (wrapped over several lines) never runs on into.
NEXT_FIELD = re.compile(r"^\s*(?:Q(?:uestion)?\s*\d|[A-Z][A-Za-z ]{1,30}:\s)")


# "South Tees: " before an answer: whose answer it is (a trust's, a site's, a division's)
_NAMED_BEFORE = re.compile(r"\s*[^:?.]{1,40}:\s+")


def labelled_answer(text: str) -> bool:
    """A line that is someone's answer behind their name: "South Tees: Yes."."""
    named = _NAMED_BEFORE.match(text)
    return named is not None and bool(STARTS_LIKE_ANSWER.match(text[named.end() :]))


# "B2. Is it delivered in-house ...?": a response form's own section-and-number label
_FORM_LABEL = re.compile(r"^\s*[A-H]\d{1,2}[.):]\s+(?=\S)")


# A heading in the request's own compound numbering: "Part B, item 2", "Section 3 question 1".
COMPOUND_LABEL = re.compile(
    r"^\W*(?:part|section)\s+(?:[a-h]|\d{1,2})\s*[,.:]?\s*(?:item|question|q)\s*\.?\s*\d{1,2}[a-h]?\b",
    re.IGNORECASE,
)
# "Part D – ...": a request lettered in parts; "B" or "Part B" alone in a table's cell
_PART_CELL = re.compile(r"\s*(?:part\s+)?[A-H]\s*[.:)]?\s*", re.IGNORECASE)
PART_LABEL = re.compile(r"^\s*part\s+([a-z]|\d{1,2})\s*[-–:.)]\s*(?=\S)", re.IGNORECASE)


def next_item(text: str, lettered: bool) -> bool:
    """A line opening another item like the one before it: after a lettered item, "(b)
    Mandatory" or "Q3. N/A"; after a numbered one, "Q3. N/A" ("Q2 ... (a) provider (b) ..."
    over "(c) sexual harassment module?" is one question whose parts run on). Not a wrapped
    line of the question ("12 of the Act?")."""
    label = LABEL.match(text)
    return bool(label and set_apart(label, text) or lettered and LETTER_LABEL.match(text))


# A number with its unit is a quantity, never a paragraph's number ("72.9 WTE registered
# nurses", "12.5 hours"); nor is one past any request's questions ("98.2 of ...")
_QUANTITY = re.compile(
    r"^\s*(?:\d{3,}|[4-9]\d)\.\d|^\s*\d+\.\d+\s*(?:%|WTE|FTE|hours?|hrs|days?|weeks?|months?|years?|"
    r"per\s*cent|percent|million|m\b|k\b|staff|people|posts?|places|spaces|sessions?)",
    re.IGNORECASE,
)


def own_numbering(lines: list[Line], compiled: Compiled) -> bool:
    """Whether the document numbers the request its own way: a longer request whose questions
    run past the codebook's ("Q7", "Question 11", two or more numbered items beyond the
    last of ours), or items numbered afresh in each part ("A | 1", "B | 1"). Then a bare
    number says nothing of which of our questions it is: only the document's own restated
    questions tie a number to a question."""
    ours = [int(m[0]) for q in compiled.questions if (m := re.match(r"\d+", q.label))]
    if not ours:
        return False
    last = max(*ours, compiled.codebook.request_questions)
    prefixed: set[int] = set()
    plain: set[int] = set()
    parts_of: dict[int, set[str]] = {}  # "A | 1 | ...", "B | 1 | ...": items numbered per part
    for before, line in zip([None, *lines], lines, strict=False):
        text = line.text
        only = LABEL_ONLY.match(text)
        if only and line.cell == "label" and before and _PART_CELL.fullmatch(before.text):
            parts_of.setdefault(int(only["num"]), set()).add(before.text.strip().upper())
        found = PREFIXED_LABEL.match(text)
        if found:
            prefixed.add(int(found[1]))
            continue
        part = PART_LABEL.match(text)
        if part:  # "Part F": the sixth part
            mark = part[1].lower()
            prefixed.add(int(mark) if mark.isdigit() else ord(mark) - ord("a") + 1)
            continue
        found_label = LABEL.match(text)
        in_question_cell = line.cell == "question"  # a table's question column: "7 Staff numbers"
        if found_label and "." in found_label["num"] and not _QUANTITY.match(text):
            return True  # "2.1", "2.2(a)": the document's own decimal numbering
        if found_label and (in_question_cell or set_apart(found_label, text)):  # not "12 of"
            plain.add(int(found_label["num"]))
        elif only:
            plain.add(int(only["num"]))
    beyond = {n for n in prefixed if last < n <= 40}
    renumbered = any(len(parts) >= 2 for parts in parts_of.values())
    return bool(beyond) or renumbered or len({n for n in plain if last < n <= 40}) >= 2


# A topic before its answer: "(sexual safety policy): No.", "Freedom to Speak Up – Yes."
BRACKETED_TOPIC = re.compile(r"^\((?P<topic>[^()]{2,60})\)\s*[:.\-–]?\s*(?P<answer>.*)$", re.S)
SEPARATED_TOPIC = re.compile(
    r"^(?P<topic>[A-Za-z][^:?.;]{1,60}?)\s*(?::|\s[-–]\s)\s*(?P<answer>\S.*)$", re.S
)
# Where a topic run into its answer ends: the answer starts like one or with its subject.
ANSWER_OPENING = re.compile(
    r"(?:yes|no|not|none|n/?a|nil|the|we|our|it|this|there|all|information|please)\b",
    re.IGNORECASE,
)


# A form's row label naming what the cell beside it holds ("Request:", "Response:"; not
# "Subject", nor "Question 2" numbering its answer)
FORM_ROW_LABEL = re.compile(
    r"^\s*(?:(?P<asked>(?:your )?(?:request|question))|(?:our |trust )?(?:response|answer|reply))"
    r"\s*:?\s*$",
    re.IGNORECASE,
)


def trailing_cells_dropped(cells: Sequence[str], kept: Sequence[str]) -> bool:
    """Whether a table row shorter than its header lost only empty cells at its end: it holds
    an answer column, starts with an empty cell, or ends on its question ("... ?", or a topic
    after a row label: "2(c) | Sexual harassment module", not "2(a) | Yes")."""
    return (
        "answer" in kept
        or not cells[0]
        or kept[-1] == "question"
        and (
            "?" in cells[-1]
            or bool(LABEL_ONLY.match(cells[0]))
            and not STARTS_LIKE_ANSWER.match(cells[-1])
        )
    )


_DECIMAL_ITEM = re.compile(r"^\W*\d{1,2}\.\d{1,2}\b")


def section_over_questions(text: str, after: str) -> bool:
    """A quoted request's numbered section heading ("3. Governance") over its own numbered
    questions ("3.1 Has the Trust appointed ...?"): still the request, not an answer to it."""
    label = LABEL.match(text)
    rest = text[label.end() :] if label else text
    return (
        len(rest.split()) <= 4
        and not re.search(r"[.;:?!]", rest)
        and bool(_DECIMAL_ITEM.match(after))
    )


_CELL_EDGE = re.compile(r"\s\|\s")


def labelled_paragraphs(row: str) -> list[str]:
    """A scan's line that OCR split at a stroke into "Question 1 - Not held. ... | Question 2
    - Not held, ...": each piece opens with its own question's label, in order, so they are
    paragraphs side by side, not a question's cell and its answer's; [] when not that."""
    pieces = [piece.strip() for piece in _CELL_EDGE.split(row)]
    numbers = [int(found[1]) if (found := PREFIXED_LABEL.match(p)) else 0 for p in pieces]
    ordered = all(b > a for a, b in zip(numbers, numbers[1:], strict=False))
    return pieces if len(pieces) >= 2 and all(numbers) and ordered else []


# An answer saying only that an earlier one stands ("No change.", "Unchanged", "As before"): in
# a correction, or in a revised reply's column beside the original one
NO_CHANGE = re.compile(
    r"^\W*(?:no change|unchanged|no amendment|as (?:before|original|previously (?:stated|answered)))\W*$",
    re.IGNORECASE,
)
