"""Trust names as the matcher compares them: normalised word tokens and an index of every
trust's name and short names (aliases), built once per register.

"&" = "and"; apostrophes, hyphens, commas, case and line breaks are ignored; "NHS FT"/"NHSFT" =
"NHS Foundation Trust". Where one name found in a text is inside a longer one found at the same
place, only the longer counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from foi_audit.register.trusts import Alias, Register, load_aliases

SUFFIX_WORDS = frozenset({"nhs", "foundation", "trust", "ft", "nhsft"})


class Kind(StrEnum):
    """What was found: the full name with its "NHS ... Trust" ending is the best evidence."""

    FULL = "full"  # name + NHS (Foundation) Trust
    CORE = "core"  # the name without the "NHS Foundation Trust" ending
    ALIAS = "alias"  # a strong short name (BHRUT, The Christie)
    WEAK = "weak"  # a weak short name (MFT, GOSH): needs other evidence
    FUZZY = "fuzzy"  # a letterhead line close to a name (OCR noise)


@dataclass(frozen=True)
class NamePattern:
    tokens: tuple[str, ...]
    code: str
    kind: Kind
    acronym: bool = False  # only counts in prose when written in capitals
    generic: bool = False  # a core that is also a place ("West London"): weak without "NHS Trust"


@dataclass
class NameIndex:
    """Normalised names of one register, built once and reused for every document."""

    by_first: dict[str, list[NamePattern]] = field(default_factory=dict)
    codes: frozenset[str] = frozenset()
    postcodes: dict[str, list[str]] = field(default_factory=dict)
    fuzzy_names: list[str] = field(default_factory=list)
    fuzzy_codes: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    max_len: int = 1


# ----------------------------------------------------------------------------------------------
# Normalising


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


_APOSTROPHES_RE = re.compile(r"['\u2019\u2018`\u00b4]")
SPLIT_RE = re.compile(r"[^A-Za-z0-9]+")


def raw_tokens(text: str) -> list[str]:
    """Word tokens with their original case ("Guy's" -> "Guys"; "&" -> "and")."""
    text = _APOSTROPHES_RE.sub("", fold(text)).replace("&", " and ")
    return [t for t in SPLIT_RE.split(text) if t]


def _norm_token(token: str) -> list[str]:
    low = token.lower()
    if low == "nhsft":
        return ["nhs", "foundation", "trust"]
    if low == "ft":
        return ["foundation", "trust"]
    if low == "saint":
        return ["st"]
    return [low]


def name_tokens(text: str) -> tuple[list[str], list[str]]:
    """Normalised tokens and, in parallel, the original token each came from."""
    norm: list[str] = []
    orig: list[str] = []
    for raw in raw_tokens(text):
        for token in _norm_token(raw):
            norm.append(token)
            orig.append(raw)
    return norm, orig


def core_words(tokens: Sequence[str]) -> tuple[str, ...]:
    """A name without a leading "the" and the trailing "NHS (Foundation) Trust"."""
    words = list(tokens)
    while words and words[0] == "the":
        words.pop(0)
    while words and words[-1] in SUFFIX_WORDS:
        words.pop()
    return tuple(words)


def _is_acronym(alias: str) -> bool:
    return " " not in alias.strip() and sum(c.isupper() for c in alias) >= 2


# ----------------------------------------------------------------------------------------------
# The index (cached per register)

_INDEX_CACHE: list[tuple[Register, tuple[Alias, ...], NameIndex]] = []


def name_index(register: Register) -> NameIndex:
    aliases = load_aliases()
    for cached_register, cached_aliases, index in _INDEX_CACHE:
        if cached_register is register and cached_aliases is aliases:
            return index
    index = build_index(register, aliases)
    _INDEX_CACHE.insert(0, (register, aliases, index))
    del _INDEX_CACHE[4:]  # a few registers at most (tests build small ones)
    return index


def build_index(register: Register, aliases: Iterable[Alias]) -> NameIndex:
    index = NameIndex(codes=frozenset(t.code for t in register.trusts))
    patterns: list[NamePattern] = []
    aliases = list(aliases)
    weak_names = {(tuple(name_tokens(a.alias)[0]), a.code) for a in aliases if not a.strong}
    for trust in register.trusts:
        index.names[trust.code] = trust.name
        core = core_words(name_tokens(trust.name)[0])
        if core:
            generic = (core, trust.code) in weak_names
            patterns.append(NamePattern(core, trust.code, Kind.CORE, generic=generic))
            index.fuzzy_names.append(" ".join(core))
            index.fuzzy_codes.append(trust.code)
        if trust.postcode:
            key = trust.postcode.replace(" ", "").upper()
            index.postcodes.setdefault(key, []).append(trust.code)
    for alias in aliases:
        if alias.code not in index.codes:
            continue
        tokens = tuple(name_tokens(alias.alias)[0])
        if not tokens:
            continue
        kind = Kind.ALIAS if alias.strong else Kind.WEAK
        patterns.append(NamePattern(tokens, alias.code, kind, acronym=_is_acronym(alias.alias)))
    seen: set[tuple[tuple[str, ...], str, Kind]] = set()
    for pattern in patterns:
        identity = (pattern.tokens, pattern.code, pattern.kind)
        if identity in seen:
            continue
        seen.add(identity)
        index.by_first.setdefault(pattern.tokens[0], []).append(pattern)
        index.max_len = max(index.max_len, len(pattern.tokens))
    return index


# ----------------------------------------------------------------------------------------------
# Finding names in one piece of text


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    code: str
    kind: Kind
    quote: str


def find_names(text: str, index: NameIndex, *, any_case: bool) -> list[Hit]:
    """Names and aliases in ``text``; a name inside a longer name found there does not count."""
    norm, orig = name_tokens(text)
    hits: list[Hit] = []
    for start, token in enumerate(norm):
        for pattern in index.by_first.get(token, ()):
            end = start + len(pattern.tokens)
            if tuple(norm[start:end]) != pattern.tokens:
                continue
            if pattern.acronym and not any_case and orig[start].islower():
                continue  # "sash" in prose is a window, not Surrey and Sussex Healthcare
            kind = pattern.kind
            if kind is Kind.CORE:
                stop = end
                while stop < len(norm) and norm[stop] in SUFFIX_WORDS:
                    stop += 1
                if stop > end and "trust" in norm[end:stop]:
                    kind, end = Kind.FULL, stop
                elif pattern.generic:
                    kind = Kind.WEAK
            hits.append(Hit(start, end, pattern.code, kind, _join(orig[start:end])))
    return _longest(hits)


def _join(words: Sequence[str]) -> str:
    out: list[str] = []
    for word in words:
        if not out or out[-1] != word:  # "NHSFT" was split into three tokens
            out.append(word)
    return " ".join(out)


def _longest(hits: list[Hit]) -> list[Hit]:
    """Hits not inside a longer hit, in their order. One sweep by start (not every pair: a
    reply naming its trust 100,000 times must not take 10^10 steps)."""
    inside: set[int] = set()
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start, -hits[i].end))
    reach = -1  # furthest end of the hits that start before the current start
    position = 0
    while position < len(order):
        start = hits[order[position]].start
        group_end = position
        while group_end < len(order) and hits[order[group_end]].start == start:
            group_end += 1
        longest = hits[order[position]].end  # same start: the first (longest) holds the rest
        for i in order[position:group_end]:
            if hits[i].end <= reach or hits[i].end < longest:
                inside.add(i)
        reach = max(reach, longest)
        position = group_end
    return [hit for i, hit in enumerate(hits) if i not in inside]


def kind_key(hit: Hit) -> str:
    if hit.kind is Kind.CORE and hit.end - hit.start < 2:
        return "core_short"
    return str(hit.kind)
