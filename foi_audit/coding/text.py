"""Text helpers every stage shares: patterns tried with contractions spelt out, quotes trimmed."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from foi_audit.datetext import parse_date
from foi_audit.records import Document

QUOTE_CHARS = 300
# Cells of a table row: " | " (one space each side, so that an empty cell, "a |  | c", keeps its
# place) or tabs.
CELL_SPLIT = re.compile(r"\s\|\s|\t+")


def matches_any(patterns: Sequence[re.Pattern[str]], text: str) -> re.Pattern[str] | None:
    """The first pattern found in ``text`` or in its contractions spelt out ("isn't" -> "is not")."""
    # Stages ask the same list about the same line again and again (four in five calls in a
    # study's run); the answer is remembered. The list itself is kept with its answer, so its
    # identity cannot be taken by another list while the entry stands.
    key = (id(patterns), text)
    known = _ANSWERS.get(key)
    if known is not None and known[0] is patterns:
        return known[1]
    if len(_ANSWERS) >= _ANSWERS_KEPT:
        _ANSWERS.clear()
    found = _first_match(patterns, text)
    _ANSWERS[key] = (patterns, found)
    return found


_ANSWERS: dict[tuple[int, str], tuple[Sequence[re.Pattern[str]], re.Pattern[str] | None]] = {}
_ANSWERS_KEPT = 20_000


def _first_match(patterns: Sequence[re.Pattern[str]], text: str) -> re.Pattern[str] | None:
    expanded = spelt_out(text)
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
def spelt_out(text: str) -> str:
    """Contractions spelt out ("isn't" -> "is not"); the same object when there are none."""
    if "n't" not in text and "n’t" not in text and "nt " not in text and not text.endswith("nt"):
        return text
    expanded = CONTRACTION.sub(r"\1 not", text)
    for short, full in IRREGULAR_CONTRACTION.items():
        expanded = re.sub(rf"\b{short}\b", full, expanded, flags=re.IGNORECASE)
    return expanded if expanded != text else text


def trim(text: str) -> str:
    text = text.strip()
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


# A sentence ends at . ! ? ; before a capital, but not after an initial ("Dr A. N. Other")
# or an honorific's full stop ("Dr. Jones").
SENTENCE_END = re.compile(
    r"(?<![\s(][A-Z]\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)"
    r"(?<=[.!?;])\s+(?=[\"'“(]?[A-Z0-9])|(?<=;)\s+"
    # (and where a scan lost the full stop before the letter's closing: "... Director of
    # Nursing if you are unhappy with the way your request has been handled")
    r"|(?<=\w)\s+(?=(?i:if you are (?:unhappy|dissatisfied|not (?:happy|satisfied)))\b)"
)


def own_names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """The trust's own names (any case) and acronyms (capitals only), longest first."""
    usable = sorted({n.strip() for n in names if len(n.strip()) >= 2}, key=lambda n: (-len(n), n))
    if not usable:
        return None
    parts = [
        _acronym(n) if n.isupper() and " " not in n else "(?i:" + re.escape(n) + ")" for n in usable
    ]
    return re.compile(r"(?<![\w'’])(?:the\s+)?(?:" + "|".join(parts) + r")(?:['’]s)?(?![\w])")


def _acronym(name: str) -> str:
    """Capitals, but inside a longer one in the trust's own style: "NLAG" is "NLaG" too."""
    if len(name) < 4 or not name.isalpha():
        return re.escape(name)
    return name[0] + "".join(f"[{c}{c.lower()}]" for c in name[1:-1]) + name[-1]


# The flags coding compiles a codebook pattern with (an extraction keeps its case).
PATTERN_FLAGS = re.IGNORECASE | re.MULTILINE
_COMPILED: dict[tuple[str, int], re.Pattern[str]] = {}


def compile_pattern(pattern: str, flags: int = PATTERN_FLAGS) -> re.Pattern[str]:
    """``re.compile``, remembered: the check at load and the compile for coding share one
    compilation (re's own cache keeps 512, fewer than a codebook has)."""
    key = (pattern, flags)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = re.compile(pattern, flags)
    return found


_SENT = re.compile(r"(?im)(?:^\W*|\s)(?:sent|date)\s*:\s*([^\n]{0,60})")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\b")


def sent_at(text: str) -> tuple[dt.date, int, int] | None:
    """When a message's header says it was sent ("Sent: 25 October 2024 14:10", "Date: Fri,
    15 Nov 2024 16:02"): its date, hour and minute; None when it says no date."""
    found = _SENT.search(text)
    when = parse_date(found[1]) if found else None
    if found is None or when is None:
        return None
    time = _TIME.search(found[1])
    return (when, int(time[1]), int(time[2])) if time else (when, 0, 0)


# OCR's "l" for the capital I of a name after an honorific: "Mr lan Pettifer" is "Mr Ian"
_OCR_NAME_I = re.compile(
    r"\b((?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame)\.?\s+)l(?=[a-z]{2,}\b)"
)
# Words OCR ran together after a pronoun: "Itis delivered by ..." is "It is delivered by ..."
_OCR_GLUED_IS = re.compile(r"\b(It|it|This|this|There|there|Which|which|That|that)is\b")


def ocr_words(text: str) -> str:
    """OCR's usual misreadings of words mended: "Mr lan" is "Mr Ian", "Itis" is "It is",
    "Questlon 2" is "Question 2", "Besponce:" is "Response:", "title. -Yes" is "title. Yes", "3..N/A." is "3. N/A.", "$38(1)" is "s38(1)"; a speck read as
    an opening quote that nothing closes ("lead ‘Declan Murrow, Chief ...") gone."""
    text = _OCR_QUESTION.sub("Question", _OCR_STRAY_QUOTE.sub("", text))
    text = _OCR_LABEL_WORD.sub(_label_word, _OCR_SPECK_BEFORE_ANSWER.sub("", text))
    text = _OCR_DOLLAR_S.sub("s", _OCR_DOUBLE_STOP.sub(r"\1. ", text))
    return _OCR_GLUED_IS.sub(r"\1 is", _OCR_NAME_I.sub(r"\1I", text))


# "... job title. -Yes - Hilary ...", "... a link. _ Yes": a speck before an answer's first word
# (not a table's cell rule: "staff? | Yes" keeps its cells apart)
_OCR_SPECK_BEFORE_ANSWER = re.compile(r"(?<=[.?:] )[-_~]\s?(?=(?:Yes|No|N/A)\b)")
# "Besponce:", "Respanse:": a capitalised word before a colon, as noise left an answer's label
_OCR_LABEL_WORD = re.compile(r"\b[A-Z8][a-z5]{5,8}(?=\s?:)")
_LABEL_WORDS = ("Response", "Answer")


def _label_word(found: re.Match[str]) -> str:
    from rapidfuzz.distance import Levenshtein

    word = found.group(0)
    for label in _LABEL_WORDS:
        if word in (label, f"{label}s"):
            return word
        if Levenshtein.distance(word, label, score_cutoff=2) <= 2:
            return label if len(word) >= len(label) - 1 else word
    return word


# "$38(1)(b) Health and safety": a section's "s" read as "$"
_OCR_DOLLAR_S = re.compile(r"(?<![\w£$])\$(?=\d{1,2}\(\d)")
# "3..N/A.": a speck doubling a label's stop, the answer run against it
_OCR_DOUBLE_STOP = re.compile(r"(?<![\d.])(\d{1,2})\.\.(?=[A-Z])")
# "Questlon 2", "Ouestion 3", "Qucstion 4": a label's word as a scan's noise left it
_OCR_QUESTION = re.compile(r"\b[QO][un][ec]st[il1][o0][nu]\b(?=\s*\d)")


_OCR_STRAY_QUOTE = re.compile(
    r"(?<=\s)[‘‛](?=[A-Z][a-z]+ [A-Z][\w'’-]+)(?![^.\n]*[’'](?![A-Za-z]))"
)


# Tesseract's readings of a form's boxes just before an option's capitalised label: an empty
# box ("L] Yes", "LI Yes", "_] Appointed", "CL] No") and a marked one ("(™] No", "l@] Yes",
# "KX) Yes", "X] Optional"), read as the boxes the grammar knows (☐, ☒).
_OCR_EMPTY_BOX = re.compile(r"(?<![\w\])|])(?:C?L\]|LI|L\||_\]|C\]|\[_?\])\s*(?=[A-Z][\w-])")
_OCR_MARKED_BOX = re.compile(
    r"(?<![\w\])|])(?:[(\[]?[@™®][)\]]?|l@\]?|KX\)|[(\[]?X[)\]])\s*(?=[A-Z][\w-])"
)


def ocr_boxes(text: str) -> str:
    """A scanned form's boxes as ☐ and ☒ ("L] Yes (™] No" reads "☐ Yes ☒ No"), and a row of
    options each after a box however OCR read it ("] In-house 0 External", "0 Yes I No")."""
    text = _OCR_MARKED_BOX.sub("☒ ", _OCR_EMPTY_BOX.sub("☐ ", text))
    head, mark, tail = text.rpartition("?")
    row = _option_row(tail)
    return text if row is None else f"{head}{mark} {row}".strip()


# A box as OCR reads it in a row of options: round (empty: "O", "0", "C1", "[CI") or not
# (marked: "]", "KX]", "XX]", "I")
_ROW_BOX = r"(?:[\[(]?(?:KX|XX|X)[\])]|\]|I|l|O|0|\[?C[1I\]]|☐|☒)"
_ROW_SPLIT = re.compile(rf"(?:^|\s)({_ROW_BOX})\s+(?=[A-Z])")
_EMPTY_READINGS = frozenset({"O", "0", "C1", "CI", "[C1", "[CI", "C]", "[C]", "☐"})


def _option_row(options: str) -> str | None:
    """Options after their boxes read as ☐/☒ when the row is two to five boxes, each before a
    label of at most three words (the last may run on: "Details: N/A"), and some round."""
    parts = _ROW_SPLIT.split(options)
    boxes, labels = parts[1::2], [p.strip() for p in parts[2::2]]
    short = all(len(x.split()) <= 3 and not re.search(r"[.!?;]", x) for x in labels[:-1])
    if parts[0].strip() or not 2 <= len(boxes) <= 5 or not short:
        return None
    if not any(b in _EMPTY_READINGS for b in boxes):
        return None
    return " ".join(
        f"{'☐' if b in _EMPTY_READINGS else '☒'} {x}" for b, x in zip(boxes, labels, strict=True)
    )


def written_on(document: Document) -> dt.date | None:
    """The day a message or letter says it was sent: its Date header, else a "Sent:" or
    "Date:" line at its top, else a letter's own date line there ("8 November 2024")."""
    header = next((v for k, v in document.headers if k.lower() == "date"), "")
    when = parse_date(header) if header else None
    if when is None:
        found = sent_at("\n".join(b.text for b in document.blocks[:8]))
        when = found[0] if found else None
    if when is None:
        dated = (parse_date(b.text) for b in document.blocks[:8] if len(b.text) <= 30)
        when = next((d for d in dated if d is not None), None)
    return when


_OCR_BAR = re.compile(r"(\S+)\s+\|(?=\s|$)(\s*)(\S?)")
# a sentence runs on past these: "Freedom of | Information" is one sentence, not two cells
_RUNS_ON = frozenset(
    ("of", "the", "and", "to", "in", "for", "a", "an", "with", "under", "by", "on", "at")
    + ("from", "or", "is", "are", "be")
)


def _bar_or_not(found: re.Match[str]) -> str:
    """A bar Tesseract read in a scanned paragraph, kept as a cell's edge ("lead for DASV |
    Ms X") unless it stands inside a sentence ("Freedom of | Information") or before marks
    ("requested. | _ ag")."""
    before, space, after = found.groups()
    inside = (
        before.lower() in _RUNS_ON
        or not any(c.isalnum() for c in before)  # a stray mark before it: ". : | 4"
        or not after
        or after.islower()
        or not after.isalnum()
    )
    return f"{before}{space or ' '}{after}" if inside else found.group(0)


def ocr_bars(text: str) -> str:
    """A scanned paragraph's bars read as cell edges only where they are (``_bar_or_not``)."""
    return _OCR_BAR.sub(_bar_or_not, text)
