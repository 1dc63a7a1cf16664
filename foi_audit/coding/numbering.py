"""Answers labelled in another scheme than the request's numbers, read as those numbers:
lettered ("(a) ... (d)", "A, B, C" rows), roman numerals, decimals ("Q4.1"), bare numbers; and
the number each restated question carries in the document."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from foi_audit.coding.labels import (
    INTERROGATIVE,
    LABEL,
    LABEL_ONLY,
    LIST_INTRO,
    LIST_ITEM,
    STARTS_LIKE_ANSWER,
    inline_numbered,
    numbered_texts,
    questions_asked,
    set_apart,
)
from foi_audit.coding.questions import OTHER, number_and_cue, restated_question, unlike
from foi_audit.coding.records import Line
from foi_audit.coding.restated import is_question_text
from foi_audit.coding.text import matches_any

if TYPE_CHECKING:
    from foi_audit.coding.compiled import Compiled, Question

ROMAN_VALUES = {
    n: v
    for v, n in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"], start=1)
}


def _roman_letter(numeral: str | None) -> str:
    """ "ii" -> "b": a sub-question numbered in roman numerals as the request letters it."""
    return _part_letter(ROMAN_VALUES.get((numeral or "").lower(), 0))


def _part_letter(number: int) -> str:
    """2 -> "b": the letter of a question's part numbered 1, 2, 3 ... ("" for 0)."""
    return chr(ord("a") + number - 1) if number else ""


# A table's label cell lettered "A", "B", "B(i)-(iii)": the request's questions by letter.
_LETTER_CELL = re.compile(
    r"^\s*(?P<letter>[A-Z])(?:\s*\((?P<sub>[ivx]+)\)(?:\s*[-–]\s*\((?P<to>[ivx]+)\))?)?\s*[.)]?\s*$"
)


def letter_numbered(lines: list[Line], questions: int) -> list[Line]:
    """A table lettering its rows A, B, C ... (sub-rows "B(i)-(iii)") for a request of as many
    questions reads them as 1, 2, 3 ...: only when the label cells' letters run A, B, C ... to
    exactly the number of questions and no label cell holds a number."""
    found = [
        (n, _LETTER_CELL.match(line.text)) for n, line in enumerate(lines) if line.cell == "label"
    ]
    lettered = [(n, m) for n, m in found if m]
    letters = list(dict.fromkeys(m["letter"] for _, m in lettered))
    expected = [chr(ord("A") + k) for k in range(questions)]
    if len(lettered) != len(found) or letters != expected:
        return lines
    out = list(lines)
    for n, match in lettered:
        number = ord(match["letter"]) - ord("A") + 1
        sub, to = _roman_letter(match["sub"]), _roman_letter(match["to"])
        text = f"{number}" + (f"({sub})" if sub else "") + (f"-({to})" if to else "")
        out[n] = replace(out[n], text=text)
    return out


ROMAN = re.compile(r"^\s*\(?(?P<numeral>i{1,3}|iv|vi{0,3}|ix|x)\)\s+(?=\S)", re.IGNORECASE)


def roman_numbered(lines: list[Line]) -> list[Line]:
    """A reply numbering its answers (i), (ii), (iii) ... reads them as 1, 2, 3: only when
    lines start with them in order from (i), at least three, and no line is numbered 1, 2 ..."""
    found = [(n, ROMAN.match(line.text)) for n, line in enumerate(lines)]
    numbered = [(n, ROMAN_VALUES[m["numeral"].lower()]) for n, m in found if m]
    values = [v for _, v in numbered]
    numbered_too = any(
        (label := LABEL.match(line.text)) and set_apart(label, line.text) for line in lines
    )  # "1. ...", "Q2": not "18 November 2024" nor "5,460 staff"
    if len(values) < 3 or values[:3] != [1, 2, 3] or numbered_too:
        return lines
    if any(b != a + 1 for a, b in zip(values, values[1:], strict=False)):
        return lines
    out = list(lines)
    for n, value in numbered:
        match = ROMAN.match(out[n].text)
        assert match is not None
        out[n] = replace(out[n], text=f"{value}. {out[n].text[match.end() :]}")
    return out


# A line opening with a letter: "(a) Sexual safety policy", "b) Yes", "C. Not held"
_LETTER_LINE = re.compile(r"^\s*(?:\((?P<a>[a-h])\)|(?P<b>[a-h])\)|(?P<c>[A-H])[.)])\s+(?=\S)")


def lettered_lines(lines: list[Line], compiled: Compiled, most_parts: int) -> list[Line]:
    """A reply lettering its answers (a), (b), (c), (d) for a request of four questions reads
    them as 1 to 4: only when line-opening letters run a, b, c ... to exactly the number of
    questions, more letters than any question has parts, no line is numbered, and at least two
    items speak of their own question's subject (not a list of one answer's four points).
    Letters running to the number of every question and part ("A. Policy" ... "C. Delivery"
    ... "G. Executive DASV lead" for 1, 2, 2(a)-(c), 3, 4) read as those, in the request's order."""
    tops = sorted((q for q in compiled.questions if not q.parent), key=_label_order)
    every = sorted(compiled.questions, key=_label_order)  # (a question's parts after it)
    found = [
        (n, match)
        for n, line in enumerate(lines)
        if not line.cell and (match := _LETTER_LINE.match(line.text))
    ]
    letters = [(m["a"] or m["b"] or m["c"]).lower() for _, m in found]
    if letters != [chr(ord("a") + k) for k in range(len(letters))]:
        return lines
    if len(letters) == len(tops) > most_parts:
        asked, labels = tops, [f"{number}." for number in range(1, len(tops) + 1)]
    elif len(letters) == len(every) > len(tops) and all(
        _PART_LABEL.fullmatch(q.label) for q in every
    ):
        asked = every
        labels = [
            re.sub(r"^(\d+)([a-h])$", r"\1(\2)", q.label) + ("" if q.parent else ".") for q in every
        ]
    else:
        return lines
    if any((label := LABEL.match(line.text)) and set_apart(label, line.text) for line in lines):
        return lines
    # each item's words: its line, and the next when the line is a heading ("(a) Policy")
    items = [
        lines[n].text + (" " + lines[n + 1].text if n + 1 < len(lines) else "") for n, _ in found
    ]
    own = sum(
        bool(matches_any(q.cues, item) or matches_any(q.topic_cues, item))
        for q, item in zip(asked, items, strict=True)
    )
    if own < 2 or (
        asked is every and (own < 3 or _out_of_family(asked, [lines[n].text for n, _ in found]))
    ):
        return lines
    out = list(lines)
    for written, (n, match) in zip(labels, found, strict=True):
        out[n] = replace(lines[n], text=f"{written} {lines[n].text[match.end() :]}")
    return out  # (the parts under one, "(i) ... (iii)", are read by roman_parts)


_PART_LABEL = re.compile(r"\d+[a-h]?")


def _out_of_family(asked: list[Question], items: list[str]) -> bool:
    """Whether an item speaks of another question than its own and its parts ("F. Executive
    lead: ..." where F would be the plans question): a list that skips a question, or one
    answer's seven points, is not the request's parts in turn."""
    family = [q.parent or q.id for q in asked]
    return any(
        family[k] != family[n]
        and (matches_any(other.cues, item) or matches_any(other.topic_cues, item))
        for n, item in enumerate(items)
        for k, other in enumerate(asked)
        if not (matches_any(asked[n].cues, item) or matches_any(asked[n].topic_cues, item))
    )


def _label_order(question: Question) -> tuple[int, str]:
    number = re.match(r"\d+", question.label)
    return (int(number[0]) if number else 999, question.label)


def roman_parts(lines: list[Line], parts_of: dict[str, list[Question]]) -> list[Line]:
    """Parts numbered in roman numerals under a numbered answer whose question has as many
    parts ("2) Yes / i) Delivered in-house ... / ii) Optional / iii) Yes") read as its parts
    ("2(a) Delivered ..."): a run from (i) in order under a line that introduces no list, each
    item a direct answer or in its part's words; a list of another length or of other things
    ("(i) e-learning (ii) workshops") is left as it is."""
    runs: list[tuple[str, list[tuple[int, re.Match[str]]]]] = []
    for n, line in enumerate(lines):
        roman = None if line.cell else ROMAN.match(line.text)
        label = LABEL.match(line.text)
        heading = None if roman or line.cell else LABEL_ONLY.match(line.text)  # "Question 2"
        if roman and runs and ROMAN_VALUES[roman["numeral"].lower()] == len(runs[-1][1]) + 1:
            runs[-1][1].append((n, roman))
        elif heading and heading["num"] and not heading["letter"]:
            runs.append((heading["num"], []))
        elif runs and not runs[-1][1] and line.text.rstrip().endswith(":"):
            runs[-1] = ("", [])  # under "Question 2", "... three kinds of training:": a list
        elif label and set_apart(label, line.text):
            # ("2a. Delivered by: (i) ... (ii) ...": a part's own list, no parts of 2)
            listing = label["letter"] or line.text.rstrip().endswith(":")
            runs.append(("" if listing else label["num"], []))
        elif roman and runs:
            runs.append(("", []))  # out of order: later numerals are no answer's parts
    out = list(lines)
    for number, run in runs:
        parts = parts_of.get(number, [])
        if not run or len(run) != len(parts):
            continue
        if not _each_answers_its_part(parts, [lines[n].text[roman.end() :] for n, roman in run]):
            continue
        for n, roman in run:
            part_letter = _roman_letter(roman["numeral"])
            out[n] = replace(out[n], text=f"{number}({part_letter}) {out[n].text[roman.end() :]}")
    return out


_SECTION_TITLE = re.compile(r"[A-Z][A-Za-z ]{0,40}")  # a title: "Our response", no stop


def _each_answers_its_part(parts: list[Question], items: list[str]) -> bool:
    """Whether each item, in order, answers its part directly ("Yes.", "No") or in the part's
    own words: a question's parts, not a list of other things ("(i) e-learning", "2.1 Bristol")."""
    return all(
        STARTS_LIKE_ANSWER.match(item) or matches_any((*part.cues, *part.topic_cues), item)
        for part, item in zip(parts, items, strict=True)
    )


def decimal_parts(lines: list[Line], parts_of: dict[str, list[Question]]) -> list[Line]:
    """Parts numbered as decimals of their question under its answer ("2. Yes." then "2.1
    In-house ...", "2.2 Mandatory ...", "2.3 No.") read as its parts ("2(a) In-house ..."):
    only a run from N.1 in order, as long as question N has parts, after N's own label."""
    seen: set[str] = set()
    runs: dict[str, list[tuple[int, re.Match[str]]]] = {}
    for n, line in enumerate(lines):
        label = None if line.cell else LABEL.match(line.text)
        if label is None or label["letter"]:
            continue
        major, _, minor = label["num"].partition(".")
        rest = line.text[label.end() :].strip()
        if not minor and not rest.endswith(":") and not _SECTION_TITLE.fullmatch(rest):
            seen.add(major)  # (not a section's title: "2. Our response", "2. Background")
        elif minor and major in seen and major in parts_of:
            runs.setdefault(major, []).append((n, label))
    out = list(lines)
    for number, run in runs.items():
        minors = [int(label["num"].partition(".")[2]) for _, label in run]
        if minors != list(range(1, len(parts_of[number]) + 1)):
            continue
        items = [lines[n].text[label.end() :] for n, label in run]
        if not _each_answers_its_part(parts_of[number], items):
            continue  # "2.1 Bristol ... 2.2 Weston ...": a list of other things
        for (n, label), minor in zip(run, minors, strict=True):
            letter = _part_letter(minor)
            out[n] = replace(out[n], text=f"{number}({letter}) {out[n].text[label.end() :]}")
    return out


def decimals_as_numbers(lines: list[Line], questions: int) -> list[Line]:
    """Decimal labels one of whose parts never changes carry the question's number in the
    other: "Q4.1 ... Q6.1(a) ... Q7.1" (an answer's ".1" after each number) and "3.1 ... 3.6(a)
    ... 3.12" (the letter's section 3, the request's numbers after it) read as "Q4", "Q6(a)",
    "3.6(a)" as "6(a)". Only with at least three numbers, each at most the request's count,
    told by labels set apart; then "3.5 7.9%" is "5. 7.9%" too."""
    found = []
    for n, line in enumerate(lines):
        label = LABEL.match(line.text)
        if label and "." in label["num"]:
            after = line.text[label.end() : label.end() + 1]
            clear = set_apart(label, line.text) or after.isupper() or bool(label["letter"])
            major, minor = (int(part) for part in label["num"].split("."))
            found.append((n, label, major, minor, clear))
    majors, minors = {f[2] for f in found if f[4]}, {f[3] for f in found if f[4]}
    if len(majors) == 1 and len(minors) >= 3 and max(minors) <= questions:
        varies = 3  # the section's number never changes: the question's is after it
    elif len(minors) == 1 and len(majors) >= 3 and max(majors) <= questions:
        varies = 2
    else:
        return lines
    constant = (majors if varies == 3 else minors).pop()
    out = list(lines)
    for n, label, major, minor, _ in found:
        number, kept = (minor, major) if varies == 3 else (major, minor)
        if kept != constant or number > questions:
            continue
        text = out[n].text
        start, end = label.span("num")
        text = f"{text[:start]}{number}{text[end:]}"
        if not label["sep"].strip() and not set_apart(LABEL.match(text) or label, text):
            cut = label.start("sep") - (end - start) + len(str(number))
            text = f"{text[:cut]}.{text[cut:]}"  # "3.1 There were" -> "1. There were"
        out[n] = replace(out[n], text=text)
    return out


_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})(?=\s+[^\s.:)\-–—(])")


def bare_numbers(lines: list[Line], questions: int) -> list[Line]:
    """Answers numbered by bare numbers ("1 We recorded 8 cases", "6 Yes", "11 Dr X, Chief
    Medical Officer"): a run of at least four lines opening with 1, 2, 3 ... in order (other
    lines between them) has each number set apart as a label ("6. Yes")."""
    runs: list[list[tuple[int, re.Match[str]]]] = []
    for n, line in enumerate(lines):
        bare = _BARE_NUMBER.match(line.text)
        if bare is None or int(bare[1]) > questions:
            continue
        if int(bare[1]) == 1:
            runs.append([(n, bare)])
        elif runs and int(bare[1]) == int(runs[-1][-1][1][1]) + 1:
            runs[-1].append((n, bare))
    out = list(lines)
    for run in (r for r in runs if len(r) >= 4):
        for n, bare in run:
            text = out[n].text
            out[n] = replace(out[n], text=f"{text[: bare.end()]}.{text[bare.end() :]}")
    return out


def renumbered(lines: list[Line], compiled: Compiled) -> list[Line]:
    """Lines whose labels are lettered, in roman numerals, decimals or bare numbers as the
    request's numbers (see the functions above)."""
    top_level = sum(1 for q in compiled.questions if not q.parent)
    asked = questions_asked(compiled)
    parts: dict[str, list[Question]] = {}
    for question in compiled.questions:
        if question.parent:
            parts.setdefault(question.parent, []).append(question)
    lines = lettered_lines(lines, compiled, max(map(len, parts.values()), default=0))
    labels = {q.id: q.label for q in compiled.questions}
    by_number = {
        labels[p]: sorted(qs, key=lambda q: q.label) for p, qs in parts.items() if labels[p]
    }
    lines = decimal_parts(roman_parts(lines, by_number), by_number)
    lettered = letter_numbered(roman_numbered(lines), top_level)
    return bare_numbers(decimals_as_numbers(lettered, asked), asked)


def numbered_questions(lines: list[Line], compiled: Compiled, foreign: bool) -> dict[str, str]:
    """The number of each restated question in the document ("4. Does the Trust have a
    dedicated policy ...?" -> 4: the policy question), wherever it stands."""
    found: dict[str, str] = {}
    for key, rest in [*numbered_texts(lines), *inline_numbered(lines)]:
        if "?" not in rest and not INTERROGATIVE.match(rest):
            continue
        if not is_question_text(rest, True, compiled):
            continue
        first = rest.split("?")[0] + "?"
        qid = number_and_cue(restated_question(first, compiled), key, rest, compiled)
        if qid not in ("", OTHER) and not foreign and others_number(key, compiled):
            # the number the request gave another of its questions: ours only if it restates
            # ours ("10. Please give the name and job title of the lead for estates" is not)
            qid = OTHER if unlike(first, qid, compiled) else qid
        if qid:
            found.setdefault(key, qid)
    if not found:
        # The request's questions listed unnumbered (or items after "Please could you tell
        # me:", to the sign-off) and answered "1. ... 2. ...": the k-th is number k.
        runs: list[list[str]] = [[]]
        listing = False
        for line in lines:
            text = line.text.strip()
            asked = "?" in text and INTERROGATIVE.match(text) and len(text) < 400
            listed = listing and len(text) < 400 and bool(LIST_ITEM.match(text))
            if (asked or listed) and not LABEL.match(text):
                runs[-1].append(restated_question(text.split("?")[0] + "?", compiled))
            elif runs[-1]:
                runs.append([])
            intro = len(text.split()) >= 3 and LIST_INTRO.search(text)  # not "Request:"
            listing = bool(intro) or (listing and listed)
        ours = [run for run in runs if len(run) >= 2 and any(q and q != OTHER for q in run)]
        if ours:
            run = max(ours, key=len)
            found = {str(k): qid for k, qid in enumerate(run, start=1) if qid}
    return found


def others_number(label: str, compiled: Compiled) -> bool:
    """Whether a longer request numbered ``label`` one of its other questions."""
    return (
        label.isdigit()
        and int(label) <= compiled.codebook.request_questions
        and all(q.label != label for q in compiled.questions)
    )
