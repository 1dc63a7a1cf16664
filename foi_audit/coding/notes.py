"""Notes an answer points to ("Yes¹", "Optional*", "See endnote 3", "Yes [2]") read with it:
each note moved from where it stands (under the table, at the letter's end) to just after the
line that marks it, so that what it says ("¹ The Trust does not hold a standalone policy") is
part of that answer and of no other."""

from __future__ import annotations

import re
from dataclasses import replace

from foi_audit.coding.records import Line

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SYMBOL = r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|[†‡§]{1,2}"
# A note itself: "¹ The Trust ...", "* Mandatory for line managers", "[2] ...", "† ..."
# (its words start with a capital: "* the Dignity at Work Policy" is a list's one bullet)
_NOTE = re.compile(rf"^\s*(?:(?P<symbol>{_SYMBOL})|\[(?P<number>\d{{1,2}})\])\s*(?=[A-Z0-9])")
# A heading over numbered notes ("Notes", "Endnotes") and a note under it ("1. ...", "2 | ...")
_NOTES_HEADING = re.compile(r"^\W*(?:foot|end)?notes\W*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,2})\s*(?:[.):|]\s*|\s+)(?=\w)")
# Where an answer points to one: a mark after a word ("Yes¹", "No**", "in-house.*"), "[3]",
# "see note 3", "See endnote 2", "See note*"
# (not "a 5* rated provider", nor "note 4 of the policy")
_POINTER = re.compile(
    rf"(?<=[\w.)%])(?P<symbol>{_SYMBOL})(?![\w*])(?!\s+[a-z])|\[(?P<number>\d{{1,2}})\]"
    r"|\b(?:foot|end)?note\s*(?P<word>\d{1,2}\b(?!\s+of\b)|\*{1,3}|[†‡])",
    re.IGNORECASE,
)

# a mark ending a line that points to a note ("Chief People Officer.³")
_END_MARK = re.compile(r"(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰†‡]+\s*$")
# asterisks around words: "*in-house*", "**Yes**"
_OPENING_STAR = re.compile(r"(?:^|[\s(])\*{1,2}\w")
_CLOSING_STAR = re.compile(r"[\w.!?)]\*{1,2}(?:\W|$)")


def _key(symbol: str | None, number: str | None) -> str:
    return (symbol or "").translate(_SUPERSCRIPTS) or number or ""


def _emphasis(text: str) -> bool:
    """Asterisks around words, a plain-text e-mail's emphasis ("*in-house*", "**Yes**"): no
    notes there."""
    return bool(_OPENING_STAR.search(text) and _CLOSING_STAR.search(text))


def notes_placed(lines: list[Line]) -> list[Line]:
    """The lines with each note an answer points to moved, without its mark, to just after the
    line that points to it (in that line's block and cell, keeping the note's own locator);
    notes no line points to stay where they are."""
    notes: dict[str, int] = {}
    starts: dict[int, int] = {}  # where each note's words start, after its mark
    twice: set[str] = set()
    under_heading, expected = False, 1
    for n, line in enumerate(lines):
        if _NOTES_HEADING.match(line.text):
            under_heading, expected = True, 1
        elif (note := _NOTE.match(line.text)) is not None and not _emphasis(line.text):
            key = _key(note["symbol"], note["number"])
            if key in notes:
                twice.add(key)
            notes.setdefault(key, n)
            starts[n] = note.end()
        elif (
            under_heading
            and (numbered := _NUMBERED.match(line.text)) is not None
            and int(numbered["number"]) == expected  # 1, 2, 3 ... straight after the heading
            and "?" not in line.text  # (not the request's questions)
        ):
            notes.setdefault(numbered["number"], n)
            starts[n] = numbered.end()
            expected += 1
        else:
            under_heading = False
    for key in twice:  # ("* Yes" "* No": a list's bullets, not a note)
        del notes[key]
    if not notes:
        return lines
    pointed: dict[int, list[int]] = {}
    for n, line in enumerate(lines):
        if n in notes.values() or _emphasis(line.text):
            continue
        for pointer in _POINTER.finditer(line.text):
            key = _key(pointer["symbol"], pointer["number"] or pointer["word"])
            # (a note stands below what points to it)
            if key in notes and notes[key] > n and notes[key] not in pointed.get(n, []):
                pointed.setdefault(n, []).append(notes[key])
    moved = {k for ks in pointed.values() for k in ks}
    if not moved:
        return lines
    out: list[Line] = []
    for n, line in enumerate(lines):
        if n in moved:
            continue
        # (a mark ending the line is no part of its last word: "Chief People Officer.³")
        marked = _END_MARK.sub("", line.text) if n in pointed else line.text
        out.append(replace(line, text=marked) if marked != line.text else line)
        for k in pointed.get(n, []):
            # (without its mark: "3. Mr X, Director ..." is no answer numbered 3)
            text = lines[k].text[starts[k] :]
            out.append(replace(line, text=text, locator=lines[k].locator, title=False))
    return out
