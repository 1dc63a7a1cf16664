"""Trust names and their tokens: the index of every name, alias and acronym, and finding them in text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from foi_audit.matching.bodies import find_bodies
from foi_audit.records import Trust
from foi_audit.register.domains import (
    acronyms,
    compile_domains,
    load_known_domains,
)
from foi_audit.register.successions import lineage
from foi_audit.register.trusts import Alias, Register, load_aliases


class Signal(StrEnum):
    """Where the evidence was found; the value is the ``Match.method`` it produces."""

    CODE_IN_NAME = "code_in_name"
    NAME_IN_PATH = "name_in_path"
    CODE_IN_TEXT = "code_in_text"
    EMAIL_HEADER = "email_header"
    LETTERHEAD = "letterhead"
    SIGNATURE = "signature"
    SENDER_DOMAIN = "sender_domain"  # the domain of the From address
    POSTCODE = "postcode"
    EMAIL_ADDRESS = "email_address"  # an alias in an address's mailbox name ("ulth.foi@nhs.net")
    DOMAIN = "domain"  # a domain in an address or link in the text
    BODY = "body"
    STATED = "stated"  # the reply says whom it is for ("This response relates to X")


class Kind(StrEnum):
    """What was found: the full name with its "NHS ... Trust" ending is the best evidence."""

    FULL = "full"  # name + NHS (Foundation) Trust
    CORE = "core"  # the name without the "NHS Foundation Trust" ending
    ALIAS = "alias"  # a strong short name (BHRUT, The Christie)
    WEAK = "weak"  # a weak short name (MFT, GOSH): needs other evidence
    FUZZY = "fuzzy"  # a letterhead line close to a name (OCR noise)


BODY_PREFIX = "~"  # evidence codes of out-of-scope bodies: "~NHS England (national body)"


SUFFIX_WORDS = frozenset({"nhs", "foundation", "trust", "ft", "nhsft"})


WORDLIKE_CODES = frozenset(
    {"RAE", "RAN", "RAS", "RAT", "REF", "REM", "REN", "REP", "RET", "RNA", "RDE", "RBS"}
)


FUZZY_CUTOFF = 88.0


# Starts where its run of characters starts (a look-behind, not \b): from inside a long run
# ("x" * 80,000 with no "@") each start would re-read the rest of it.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Evidence:
    code: str  # a trust's ODS code, or "~<name> (<kind>)" for a body out of scope
    signal: Signal
    points: float
    quote: str
    where: str
    strong: bool = False  # a full name, a code, the sender's domain: see the module docstring
    via: str = ""  # "RY9 closed 2024-10-31": the closed trust this evidence named
    co_named: tuple[str, ...] = ()  # trusts named in full on the same line


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    code: str
    kind: Kind
    acronym: bool = False  # only counts in prose when written in capitals
    generic: bool = False  # a core that is also a place ("West London"): weak without "NHS Trust"


@dataclass
class Index:
    """Normalised names of one register, built once and reused for every document."""

    by_first: dict[str, list[_Pattern]] = field(default_factory=dict)
    codes: frozenset[str] = frozenset()
    postcodes: dict[str, list[str]] = field(default_factory=dict)
    fuzzy_names: list[str] = field(default_factory=list)
    fuzzy_codes: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    max_len: int = 1
    trusts: dict[str, Trust] = field(default_factory=dict)
    domains: dict[str, tuple[str, ...]] = field(default_factory=dict)  # label -> codes
    # labels known only as a trust's initials ("sch"): another trust's may be the same
    initials_only: frozenset[str] = frozenset()
    body_codes: dict[str, str] = field(default_factory=dict)  # Welsh ODS code -> "~name"


def fold(text: str) -> str:
    if text.isascii():
        return text  # nothing to fold (and most text is): no need to look at each character
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


def core_tokens(tokens: Sequence[str]) -> tuple[str, ...]:
    """A name without a leading "the" and the trailing "NHS (Foundation) Trust"."""
    words = list(tokens)
    while words and words[0] == "the":
        words.pop(0)
    while words and words[-1] in SUFFIX_WORDS:
        words.pop()
    return tuple(words)


def _is_acronym(alias: str) -> bool:
    return " " not in alias.strip() and sum(c.isupper() for c in alias) >= 2


_INDEX_CACHE: list[tuple[Register, tuple[Alias, ...], Index]] = []


def name_index(register: Register) -> Index:
    aliases = load_aliases()
    for cached_register, cached_aliases, index in _INDEX_CACHE:
        if cached_register is register and cached_aliases is aliases:
            return index
    index = _build_index(register, aliases)
    _INDEX_CACHE.insert(0, (register, aliases, index))
    del _INDEX_CACHE[4:]  # a few registers at most (tests build small ones)
    return index


def _build_index(register: Register, aliases: Iterable[Alias]) -> Index:
    index = Index(codes=frozenset(t.code for t in register.trusts))
    index.trusts = {t.code: t for t in register.trusts}
    patterns: list[_Pattern] = []
    aliases = [a for a in aliases if a.code in index.codes]
    # Initialisms several trusts fit ("KCHFT": Kent Community Health and King's College
    # Hospital) are weak cues for each, whatever aliases.csv says.
    fits: dict[str, set[str]] = {}
    for trust in register.trusts:
        for acronym in acronyms(trust):
            fits.setdefault(acronym, set()).add(trust.code)
    index.domains, index.initials_only = _domain_table(register, aliases)
    weak_names = {(tuple(name_tokens(a.alias)[0]), a.code) for a in aliases if not a.strong}
    for trust in register.trusts:
        index.names[trust.code] = trust.name
        core = core_tokens(name_tokens(trust.name)[0])
        if core:
            generic = (core, trust.code) in weak_names
            patterns.append(_Pattern(core, trust.code, Kind.CORE, generic=generic))
            index.fuzzy_names.append(" ".join(core))
            index.fuzzy_codes.append(trust.code)
        if trust.postcode:
            key = trust.postcode.replace(" ", "").upper()
            index.postcodes.setdefault(key, []).append(trust.code)
    for key, codes in index.postcodes.items():
        # A closed trust whose successor kept its HQ: the postcode is the successor's.
        later = {c for code in codes for c in lineage(code, register.successions)}
        index.postcodes[key] = [c for c in codes if c not in later] or codes
    listed = {alias.alias.upper() for alias in aliases}
    for alias in aliases:
        tokens = tuple(name_tokens(alias.alias)[0])
        if not tokens:
            continue
        kind = Kind.ALIAS if alias.strong else Kind.WEAK
        is_acronym = _is_acronym(alias.alias)
        others = _contenders(alias, fits, index.trusts) if is_acronym else set()
        if others:
            kind = Kind.WEAK
            patterns += [_Pattern(tokens, code, Kind.WEAK, acronym=True) for code in others]
        patterns.append(_Pattern(tokens, alias.code, kind, acronym=is_acronym))
        trust_t = f"{alias.alias.upper()}T"  # "UHMB" written as "UHMBT": its Trust's initial
        if is_acronym and len(tokens) == 1 and trust_t not in listed:
            patterns.append(_Pattern((trust_t.lower(),), alias.code, kind, acronym=True))
    for body in register.other_bodies:
        key = f"{BODY_PREFIX}{body.name} ({body.kind})"
        if body.code:
            index.body_codes[body.code] = key
        tokens = tuple(name_tokens(body.name)[0])
        if tokens:
            patterns.append(_Pattern(tokens, key, Kind.FULL))
        for short in body.aliases:
            tokens = tuple(name_tokens(short)[0])
            if tokens:
                patterns.append(_Pattern(tokens, key, Kind.ALIAS, acronym=_is_acronym(short)))
    seen: set[tuple[tuple[str, ...], str, Kind]] = set()
    for pattern in patterns:
        identity = (pattern.tokens, pattern.code, pattern.kind)
        if identity in seen:
            continue
        seen.add(identity)
        index.by_first.setdefault(pattern.tokens[0], []).append(pattern)
        index.max_len = max(index.max_len, len(pattern.tokens))
    return index


def _contenders(alias: Alias, fits: dict[str, set[str]], trusts: dict[str, Trust]) -> set[str]:
    """Other trusts whose initials an acronym alias also is ("BTHFT": Blackpool and Bradford).

    A three-letter alias is a convention of its own ("KCH" is King's College Hospital, whatever
    Kent Community Health's initials are), and a closed trust does not contest an open one's.
    """
    if len(alias.alias) < 4:
        return set()
    owner_open = not trusts[alias.code].close_date
    return {
        code
        for code in fits.get(alias.alias.lower(), set()) - {alias.code}
        if not (owner_open and trusts[code].close_date)
    }


def _domain_table(
    register: Register, aliases: Sequence[Alias]
) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Domain label -> the trusts it names, and the labels known only as initials.

    A known domain beats the patterns; a short alias (three letters) beats initials that
    happen to fit; an open trust beats a closed one with the same label.
    """
    rows = compile_domains(
        register.trusts,
        [(a.code, a.alias) for a in aliases if a.strong and " " not in a.alias.strip()],
        load_known_domains(),
    )
    by_kind: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, {}).setdefault(row.label, set()).add(row.code)
    table: dict[str, set[str]] = {}
    for kind in ("acronym", "name", "alias"):
        for label, codes in by_kind.get(kind, {}).items():
            table.setdefault(label, set()).update(codes)
    for label, codes in by_kind.get("alias", {}).items():
        if len(label) <= 3:
            table[label] = set(codes)
    table.update(by_kind.get("known", {}))
    trusts = {t.code: t for t in register.trusts}
    for label, codes in table.items():
        open_codes = {c for c in codes if not trusts[c].close_date}
        table[label] = open_codes or codes
    others = {label for kind, labels in by_kind.items() if kind != "acronym" for label in labels}
    initials = frozenset(by_kind.get("acronym", {}).keys() - others)
    return {label: tuple(sorted(codes)) for label, codes in table.items()}, initials


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    code: str
    kind: Kind
    quote: str
    # Named as another organisation the writer works with ("in partnership with X", "on
    # secondment from X"), not as the writer: worth a mention wherever it stands.
    partner: bool = False
    # Other trusts named in full on the same line ("X and Y share a Chair"): evidence such a
    # line gives one of them it gives the others too.
    co_named: tuple[str, ...] = ()


# Words that, just before a name on its line, make it someone the writer relates to.
_RELATION_BEFORE: tuple[tuple[str, ...], ...] = (
    ("with",),
    ("alongside",),
    ("including",),
    ("among",),
    ("amongst",),
    ("secondment", "from"),
    ("seconded", "from"),
    ("formerly", "of"),
    ("previously", "at"),
    ("previously", "with"),
    # a trust the writer points the requester to is not the writer
    ("such", "as"),
    ("for", "example"),  # "contact the NHS trusts directly, for example A, B and C"
    ("for", "instance"),
    ("e", "g"),
    ("contact",),
    ("contacting",),
    ("redirect", "your", "request", "to"),
    ("direct", "your", "request", "to"),
    ("forwarded", "to"),
    ("transferred", "to"),
)


# Words that open a line's history of the writer ("formed from A, B and C", "following the
# merger of A and B"): every name after them on that line is a predecessor, not the writer.
_HISTORY: tuple[tuple[str, ...], ...] = (
    ("formed",),  # "formed 1 October 2024 from A, B and C"
    ("created", "from"),
    ("created", "by"),
    ("merger",),
    ("merged",),
    ("formerly",),
    ("predecessor",),
    ("predecessors",),
    ("legacy",),
)


# Words that make the words before them the name of a publication or scheme: "the NHS England
# Sexual Safety Charter" names a charter, not its writer.
_WORKS = frozenset(
    {"charter", "policy", "framework", "guidance", "standard", "standards", "programme",
     "strategy", "toolkit", "promise", "pledge", "contract", "survey", "template", "handbook"}
)  # fmt: skip


def _names_a_work(norm: Sequence[str], lines: Sequence[int], hit: _Hit) -> bool:
    """Is the name at ``hit`` the first words of a publication's name on its line?"""
    following = [
        word for k, word in enumerate(norm[hit.end : hit.end + 4], start=hit.end)
        if lines[k] == lines[hit.start]
    ]  # fmt: skip
    return any(word in _WORKS for word in following)


def _after_relation(norm: Sequence[str], lines: Sequence[int], start: int) -> bool:
    """Is the name at ``start`` preceded, on its own line, by a relation word, or by words
    telling the writer's history?"""
    first_on_line = start
    while first_on_line > 0 and lines[first_on_line - 1] == lines[start]:
        first_on_line -= 1
    before = norm[first_on_line:start]
    for words in _HISTORY:
        if any(tuple(before[k : k + len(words)]) == words for k in range(len(before))):
            return True
    position = start
    while position > 0 and lines[position - 1] == lines[start] and norm[position - 1] == "the":
        position -= 1
    for words in _RELATION_BEFORE:
        first = position - len(words)
        if first >= 0 and lines[first] == lines[start] and tuple(norm[first:position]) == words:
            return True
    return False


def find_names(text: str, index: Index, *, any_case: bool) -> list[_Hit]:
    """Names and aliases in ``text``; a name inside a longer name found there does not count.

    Out-of-scope bodies are found here too (by name, or by the form of their names: "... Integrated
    Care Board", "... County Council"), so a trust's name inside a body's does not count.
    """
    norm: list[str] = []
    orig: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines() or [text]):
        if not line or line.isspace():
            continue  # no name here: a run of blank lines costs nothing
        line_norm, line_orig = name_tokens(line)
        norm += line_norm
        orig += line_orig
        lines += [number] * len(line_norm)
    hits: list[_Hit] = []
    forms = [
        _Hit(body.start, body.end, f"{BODY_PREFIX}{body.name} ({body.kind})", Kind.FULL, body.name)
        for body in find_bodies(norm, orig, lines)
    ]
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
            hits.append(_Hit(start, end, pattern.code, kind, join_words(orig[start:end])))
    # A body the register names ("Hywel Dda University Health Board") is named as the register
    # names it, not by the longer form found around it ("Bwrdd Iechyd ... Health Board").
    named = [h for h in hits if h.code.startswith(BODY_PREFIX)]
    hits += [
        form
        for form in forms
        if not any(form.start <= h.start and h.end <= form.end for h in named)
    ]
    return _line_context(_longest(hits), norm, lines)


def _line_context(hits: list[_Hit], norm: Sequence[str], lines: Sequence[int]) -> list[_Hit]:
    """Each hit with the trusts named in full beside it on its line, and a name listed after a
    partner ("with X and Y") a partner too."""
    full_on_line: dict[int, set[str]] = {}
    for hit in hits:
        if hit.kind is Kind.FULL and not hit.code.startswith(BODY_PREFIX):
            full_on_line.setdefault(lines[hit.start], set()).add(hit.code)
    out = list(hits)
    previous: _Hit | None = None
    for i in sorted(range(len(hits)), key=lambda i: hits[i].start):
        hit = hits[i]
        line = lines[hit.start]
        partner = (
            _after_relation(norm, lines, hit.start)
            or _names_a_work(norm, lines, hit)
            or (
                previous is not None
                and previous.partner
                and lines[previous.start] == line
                and set(norm[previous.end : hit.start]) <= {"and", "with", "or", "nor", "the", "to"}
            )
        )
        others = tuple(sorted(full_on_line.get(line, set()) - {hit.code}))
        out[i] = previous = replace(hit, partner=partner, co_named=others)
    return out


def join_words(words: Sequence[str]) -> str:
    out: list[str] = []
    for word in words:
        if not out or out[-1] != word:  # "NHSFT" was split into three tokens
            out.append(word)
    return " ".join(out)


def _longest(hits: list[_Hit]) -> list[_Hit]:
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


def kind_key(hit: _Hit) -> str:
    if hit.kind is Kind.CORE and hit.end - hit.start < 2:
        return "core_short"
    return str(hit.kind)


def abbreviates_winner(rival: Sequence[Evidence], winner: Sequence[Evidence]) -> bool:
    """Whether a rival's strong evidence is only initials that shorten the last words of a
    name the winner is known by ("Hywel Dda UHB" in the file name and the sender: University
    Health Board, not University Hospitals Birmingham)."""
    strong = [e for e in rival if e.strong]
    initials = {"".join(word[0] for word in e.quote.split() if word[:1].isupper()) for e in winner}
    return bool(strong) and all(
        e.quote.isupper()
        and len(e.quote) <= 5
        and any(len(i) > len(e.quote) and i.endswith(e.quote) for i in initials)
        for e in strong
    )
