"""Misspelt key words read as the words meant ("Sexaul Safety Polciy" as "Sexual Safety Policy")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foi_audit.coding.people import Span

_VOWELS = "aeiou"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_TOKEN = re.compile(r"\b[A-Za-z]{5,}\b")  # (no slip of a six-letter word is shorter)
_WORD = re.compile(r"\b[A-Za-z]{2,}\b")


def _slips(word: str) -> set[str]:
    """The ways a typist's one slip spells ``word``: two neighbouring letters swapped, a letter
    doubled, dropped or added inside the word, or one vowel for another. Never at its first
    letter nor its last (an ending changes the word: "modules", "dedicate")."""
    found = set()
    for i in range(1, len(word) - 2):
        found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # "sexaul"
    for i in range(1, len(word) - 1):
        found.add(word[:i] + word[i + 1 :])  # "polcy", "apointed"
        found.update(word[:i] + c + word[i:] for c in _LETTERS)  # "harrassment"
        if word[i] in _VOWELS:
            found.update(word[:i] + v + word[i + 1 :] for v in _VOWELS)  # "mandetory"
    found.update(word[:-1] + c + word[-1] for c in _LETTERS)  # "policey": the last kept
    return found


def misspellings(words: Iterable[str]) -> dict[str, str]:
    """Each slip (lower case) -> the word it misspells; a slip of two words, or itself one of
    the words, is left alone."""
    words = {w.lower() for w in words if len(w) >= 6}
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in sorted(words):
        for slip in _slips(word) - words:
            if table.setdefault(slip, word) != word:
                ambiguous.add(slip)
    return {slip: word for slip, word in table.items() if slip not in ambiguous}


def mended(
    text: str, table: Mapping[str, str], persons: Callable[[str], Iterable[Span]] | None = None
) -> str:
    """``text`` with each misspelt word of ``table`` spelt right, in the case it was typed;
    never a person's surname as ``persons`` finds it ("Dr Helen Moule" is no "Module"): the
    last word of a name that has a word of its own, neither a key word nor a slip of one."""
    if not table:
        return text
    new, spans = _mended_spans(text, table)
    if not spans or persons is None or all(new[a].islower() for a, _, _, _ in spans):
        return new
    known = {*table, *table.values()}
    names = [
        (p.start, p.end)
        for p in persons(text)
        if any(w.lower() not in known for w in _WORD.findall(text[p.start : p.end]))
    ]
    out, last = [], 0
    for new_start, new_end, old_start, old_end in spans:
        surname = any(a <= old_start and old_end == b for a, b in names)
        out.append(text[last:old_start])
        out.append(text[old_start:old_end] if surname else new[new_start:new_end])
        last = old_end
    return "".join(out) + text[last:]


def _fix(found: re.Match[str], table: Mapping[str, str]) -> str:
    typed = found.group(0)
    word = table.get(typed.lower())
    if word is None:
        return typed
    if typed.isupper():
        return word.upper()
    return word.capitalize() if typed[0].isupper() else word


def as_typed(quote: str, texts: Sequence[str], table: Mapping[str, str]) -> str:
    """``quote``, read from one of ``texts`` once mended, in the words as they were typed (a
    quote is the reply's own text: "Sexaul Safety Policy", not "Sexual ...")."""
    if not table or " ".join(quote.split()) in " ".join(" ".join(texts).split()):
        return quote
    parts = quote.split(" … ")
    typed = [_typed_part(part, texts, table) for part in parts]
    return " … ".join(typed)


def _typed_part(part: str, texts: Sequence[str], table: Mapping[str, str]) -> str:
    wanted = " ".join(part.rstrip("…").split())
    for text in texts:
        spaced = " ".join(text.split())
        if wanted in spaced:
            return part  # as typed already
        new, spans = _mended_spans(spaced, table)
        at = new.find(wanted) if spans else -1
        if at >= 0:
            end = _typed_at(at + len(wanted), spans, True)
            return spaced[_typed_at(at, spans, False) : end] + part[len(part.rstrip("…")) :]
    return part


def _mended_spans(
    text: str, table: Mapping[str, str]
) -> tuple[str, list[tuple[int, int, int, int]]]:
    """``text`` mended, and each mended word's (start, end) there and in ``text``."""
    out: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    last = length = 0
    for found in _TOKEN.finditer(text):
        word = _fix(found, table)
        if word == found.group(0):
            continue
        out.append(text[last : found.start()])
        length += found.start() - last
        spans.append((length, length + len(word), found.start(), found.end()))
        out.append(word)
        length += len(word)
        last = found.end()
    out.append(text[last:])
    return "".join(out), spans


def _typed_at(position: int, spans: Sequence[tuple[int, int, int, int]], end: bool) -> int:
    """Where ``position`` of the mended text falls in the text as typed (inside a mended word:
    that word's end for a quote's ``end``, else its start)."""
    shift = 0
    for new_start, new_end, old_start, old_end in spans:
        if position <= new_start:
            break
        if position < new_end:
            return old_end if end else old_start
        shift = old_end - new_end
    return position + shift
