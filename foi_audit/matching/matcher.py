"""Match a file (and its attachments) to a trust in the register.

Every place a trust can show itself is read as a separate *signal* with its own weight: an ODS code
or a name in the file and folder names, the letterhead (header blocks, the first blocks of page 1,
the first rows of a sheet, a web page's title), the email From name and Subject, the email address,
the signature and footer, the trust's HQ postcode, an ODS code given as such ("ODS code RA9") and,
weakest, names in the body. A trust's score is its strongest signal plus a share of the others.

Evidence is weighed, not counted: each signal is *strong* (a trust's full name in the letterhead,
opening, signature or file name; an ODS code given as such or in the file name; the sender's
trust domain) or *weak* (an acronym several trusts share, a site or street name, a postcode, a
mention in the body). A trust with strong evidence wins over rivals that have only weak cues,
however many; a file is ambiguous only when strong evidence conflicts: two trusts named in full,
or a trust's repeated evidence against another's full name or code. Strong evidence for several
trusts in a reply that says it answers for them all (a group or shared FOI service, "on behalf
of X and Y", one column or section per trust) makes it a *joint* reply, matched to each.

A reply from a body that is not an NHS trust in England (a Welsh or Scottish health board, an
integrated care board, NHS England, a council) is recognised by its name, code or mail domain
and reported as out of scope, never as a trust. Given the reply date, a trust that had closed by
then points to the trust that took it over (``Register.successor_on``).

A file is matched only when one trust (or a joint reply's trusts) clearly wins. Comparable
evidence, or only weak evidence, leaves ``trust_code`` blank with a message naming the
candidates: a wrong trust in a published figure is worse than a file a person pins in
``data/mapping.csv``.

Names are compared on normalised word tokens ("&" = "and", apostrophes, hyphens, commas, case and
line breaks ignored; "NHS FT"/"NHSFT" = "NHS Foundation Trust"). Where one name found in a text is
inside a longer one found at the same place ("Isle of Wight" inside "Hampshire and Isle of Wight
Healthcare"), only the longer counts. Letterhead lines ending in "NHS ... Trust" are also compared
fuzzily (rapidfuzz) so that OCR noise ("Hospita1") still matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from foi_audit.matching.bodies import find_bodies
from foi_audit.records import Block, BlockRole, Document, Match, Trust
from foi_audit.register.domains import (
    acronyms,
    compile_domains,
    domain_labels,
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


class Kind(StrEnum):
    """What was found: the full name with its "NHS ... Trust" ending is the best evidence."""

    FULL = "full"  # name + NHS (Foundation) Trust
    CORE = "core"  # the name without the "NHS Foundation Trust" ending
    ALIAS = "alias"  # a strong short name (BHRUT, The Christie)
    WEAK = "weak"  # a weak short name (MFT, GOSH): needs other evidence
    FUZZY = "fuzzy"  # a letterhead line close to a name (OCR noise)


# Points for a kind of name found in a zone; CORE_SHORT is a one-word core ("Somerset").
_WEIGHTS: dict[Signal, dict[str, float]] = {
    Signal.NAME_IN_PATH: {"full": 60, "core": 55, "core_short": 25, "alias": 55, "weak": 25},
    Signal.LETTERHEAD: {
        "full": 60, "core": 50, "core_short": 20, "alias": 50, "weak": 25, "fuzzy": 55,
    },
    Signal.EMAIL_HEADER: {"full": 55, "core": 50, "core_short": 20, "alias": 50, "weak": 25},
    Signal.SIGNATURE: {
        "full": 50, "core": 40, "core_short": 15, "alias": 40, "weak": 20, "fuzzy": 40,
    },
    Signal.EMAIL_ADDRESS: {"alias": 40, "weak": 20},
    Signal.BODY: {"full": 20, "core": 12, "core_short": 0, "alias": 12, "weak": 0},
}  # fmt: skip
_CODE_IN_NAME = 65.0
_CODE_IN_NAME_WORDLIKE = 35.0  # an all-letter code that is also a word ("REF", "RAT")
_CODE_IN_TEXT = 55.0
_POSTCODE_HEAD = 40.0  # in the letterhead, signature or footer
_POSTCODE_BODY = 15.0
_SENDER_DOMAIN = 50.0  # the From address's domain names one trust (foi@swast.nhs.uk)
_DOMAIN_HEAD = 35.0  # an address or link in the letterhead, signature or footer
_DOMAIN_BODY = 15.0
_DOMAIN_SHARED = 10.0  # a domain that fits several trusts (bthft: Blackpool and Bradford)
_MAILBOX_LABEL = 30.0  # a trust's initials as the mailbox name ("hrch.foi@nhs.net")
_OTHER_NHS_DOMAIN = 50.0  # wales.nhs.uk, nhs.scot in the sender's address

# Zones where a trust's full or core name is strong evidence.
_HEAD_SIGNALS = frozenset(
    {Signal.NAME_IN_PATH, Signal.LETTERHEAD, Signal.SIGNATURE, Signal.EMAIL_HEADER}
)
_BODY_PREFIX = "~"  # evidence codes of out-of-scope bodies: "~NHS England (national body)"

MATCH_THRESHOLD = 50.0
# The runner-up makes the file ambiguous when it is this close to the winner or itself enough.
_AMBIGUOUS_RATIO = 0.7

_SUFFIX_WORDS = frozenset({"nhs", "foundation", "trust", "ft", "nhsft"})
_WORDLIKE_CODES = frozenset(
    {"RAE", "RAN", "RAS", "RAT", "REF", "REM", "REN", "REP", "RET", "RNA", "RDE", "RBS"}
)
_LETTERHEAD_BLOCKS = 6  # at most this many blocks above the greeting are the letterhead
_SIGNATURE_BLOCKS = 4  # the last blocks count as the signature
_FUZZY_CUTOFF = 88.0

_POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\b")
_CODE_CONTEXT_RE = re.compile(
    r"\b(?:ODS|org(?:anisation|anization)?|trust|provider)\s*(?:code|id)\b\s*(?:is|:|-|=)?\s*"
    r"([A-Z0-9]{3,5})\b",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_HOST_RE = re.compile(r"\b(?:https?://)?(?:www\.)?([a-z0-9-]+)\.(?:nhs|example|org|co|com)\b")
# Where a quoted earlier message starts (everything after it is the requester's, not the trust's).
# (A forwarded message is not one: trusts forward their own answers, and it ends nothing.)
_QUOTE_START_RE = re.compile(
    r"^\s*(?:-{2,}\s*original message|on .{4,120}wrote:|"
    r"from:\s.*\n\s*(?:sent|date):)",
    re.IGNORECASE | re.MULTILINE,
)
# A block that quotes the request ("You asked:", "Your request:") up to the trust's answer.
_REQUEST_START_RE = re.compile(
    r"^\s*(?:you asked|your (?:original )?request(?:ed)?\b[^.]{0,40}:|original request|"
    r"request(?: text)?\s*:|the request\s*:)",
    re.IGNORECASE,
)
_ANSWER_START_RE = re.compile(r"^\s*(?:our )?(?:response|answer|reply|decision)\b", re.IGNORECASE)
_GREETING_RE = re.compile(r"^\s*(?:dear|hi|hello|to)\b[^\n]{0,60}$", re.IGNORECASE | re.MULTILINE)
_FORWARDED_RE = re.compile(r"(?i)-{2,}\s*forwarded message\s*-*\s*$")
_SIGN_OFF_LINE_RE = re.compile(
    r"(?im)^\s*(?:yours (?:sincerely|faithfully)|(?:kind|best|warm) regards|regards|best wishes)\b"
)
_SIGN_OFF_RE = re.compile(
    r"^\s*(?:yours (?:sincerely|faithfully)|(?:kind|best|warm)? ?regards|best wishes|many thanks)",
    re.IGNORECASE,
)
_DEAR_RE = re.compile(r"\bdear\s+\w", re.IGNORECASE)
# A message to an organisation, not from one: a request shown in a thread.
_ORG_GREETING_RE = re.compile(
    r"(?i)^\s*dear\s+(?:the\s+)?[^\n,]{0,80}\b(?:nhs|trust|council|board|authority|service|"
    r"foi\s+(?:team|officer)|freedom\s+of\s+information\s+(?:team|officer)|icb)\b[^\n]{0,20},?"
    r"[ \t]*(?:\n|$)"
)
_DISCLAIMER_RE = re.compile(r"\*{5,}|confidential|intended only|meant only", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    code: str  # a trust's ODS code, or "~<name> (<kind>)" for a body out of scope
    signal: Signal
    points: float
    quote: str
    where: str
    strong: bool = False  # a full name, a code, the sender's domain: see the module docstring
    via: str = ""  # "RY9 closed 2024-10-31": the closed trust this evidence named


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    code: str
    kind: Kind
    acronym: bool = False  # only counts in prose when written in capitals
    generic: bool = False  # a core that is also a place ("West London"): weak without "NHS Trust"


@dataclass
class _Index:
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
    body_codes: dict[str, str] = field(default_factory=dict)  # Welsh ODS code -> "~name"


# ----------------------------------------------------------------------------------------------
# Normalising


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


_APOSTROPHES_RE = re.compile(r"['\u2019\u2018`\u00b4]")
_SPLIT_RE = re.compile(r"[^A-Za-z0-9]+")


def _raw_tokens(text: str) -> list[str]:
    """Word tokens with their original case ("Guy's" -> "Guys"; "&" -> "and")."""
    text = _APOSTROPHES_RE.sub("", _fold(text)).replace("&", " and ")
    return [t for t in _SPLIT_RE.split(text) if t]


def _norm_token(token: str) -> list[str]:
    low = token.lower()
    if low == "nhsft":
        return ["nhs", "foundation", "trust"]
    if low == "ft":
        return ["foundation", "trust"]
    if low == "saint":
        return ["st"]
    return [low]


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Normalised tokens and, in parallel, the original token each came from."""
    norm: list[str] = []
    orig: list[str] = []
    for raw in _raw_tokens(text):
        for token in _norm_token(raw):
            norm.append(token)
            orig.append(raw)
    return norm, orig


def _core(tokens: Sequence[str]) -> tuple[str, ...]:
    """A name without a leading "the" and the trailing "NHS (Foundation) Trust"."""
    words = list(tokens)
    while words and words[0] == "the":
        words.pop(0)
    while words and words[-1] in _SUFFIX_WORDS:
        words.pop()
    return tuple(words)


def _is_acronym(alias: str) -> bool:
    return " " not in alias.strip() and sum(c.isupper() for c in alias) >= 2


# ----------------------------------------------------------------------------------------------
# The index (cached per register)

_INDEX_CACHE: list[tuple[Register, tuple[Alias, ...], _Index]] = []


def _index(register: Register) -> _Index:
    aliases = load_aliases()
    for cached_register, cached_aliases, index in _INDEX_CACHE:
        if cached_register is register and cached_aliases is aliases:
            return index
    index = _build_index(register, aliases)
    _INDEX_CACHE.insert(0, (register, aliases, index))
    del _INDEX_CACHE[4:]  # a few registers at most (tests build small ones)
    return index


def _build_index(register: Register, aliases: Iterable[Alias]) -> _Index:
    index = _Index(codes=frozenset(t.code for t in register.trusts))
    index.trusts = {t.code: t for t in register.trusts}
    patterns: list[_Pattern] = []
    aliases = [a for a in aliases if a.code in index.codes]
    # Initialisms several trusts fit ("KCHFT": Kent Community Health and King's College
    # Hospital) are weak cues for each, whatever aliases.csv says.
    fits: dict[str, set[str]] = {}
    for trust in register.trusts:
        for acronym in acronyms(trust):
            fits.setdefault(acronym, set()).add(trust.code)
    index.domains = _domain_table(register, aliases)
    weak_names = {(tuple(_tokens(a.alias)[0]), a.code) for a in aliases if not a.strong}
    for trust in register.trusts:
        index.names[trust.code] = trust.name
        core = _core(_tokens(trust.name)[0])
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
    for alias in aliases:
        tokens = tuple(_tokens(alias.alias)[0])
        if not tokens:
            continue
        kind = Kind.ALIAS if alias.strong else Kind.WEAK
        is_acronym = _is_acronym(alias.alias)
        others = _contenders(alias, fits, index.trusts) if is_acronym else set()
        if others:
            kind = Kind.WEAK
            patterns += [_Pattern(tokens, code, Kind.WEAK, acronym=True) for code in others]
        patterns.append(_Pattern(tokens, alias.code, kind, acronym=is_acronym))
    for body in register.other_bodies:
        key = f"{_BODY_PREFIX}{body.name} ({body.kind})"
        if body.code:
            index.body_codes[body.code] = key
        tokens = tuple(_tokens(body.name)[0])
        if tokens:
            patterns.append(_Pattern(tokens, key, Kind.FULL))
        for short in body.aliases:
            tokens = tuple(_tokens(short)[0])
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


def _domain_table(register: Register, aliases: Sequence[Alias]) -> dict[str, tuple[str, ...]]:
    """Domain label -> the trusts it names.

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
    return {label: tuple(sorted(codes)) for label, codes in table.items()}


# ----------------------------------------------------------------------------------------------
# Finding names in one piece of text


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    code: str
    kind: Kind
    quote: str


def _find_names(text: str, index: _Index, *, any_case: bool) -> list[_Hit]:
    """Names and aliases in ``text``; a name inside a longer name found there does not count.

    Out-of-scope bodies are found here too (by name, or by the form of their names: "... Integrated
    Care Board", "... County Council"), so a trust's name inside a body's does not count.
    """
    norm: list[str] = []
    orig: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines() or [text]):
        line_norm, line_orig = _tokens(line)
        norm += line_norm
        orig += line_orig
        lines += [number] * len(line_norm)
    hits: list[_Hit] = []
    forms = [
        _Hit(body.start, body.end, f"{_BODY_PREFIX}{body.name} ({body.kind})", Kind.FULL, body.name)
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
                while stop < len(norm) and norm[stop] in _SUFFIX_WORDS:
                    stop += 1
                if stop > end and "trust" in norm[end:stop]:
                    kind, end = Kind.FULL, stop
                elif pattern.generic:
                    kind = Kind.WEAK
            hits.append(_Hit(start, end, pattern.code, kind, _join(orig[start:end])))
    # A body the register names ("Hywel Dda University Health Board") is named as the register
    # names it, not by the longer form found around it ("Bwrdd Iechyd ... Health Board").
    named = [h for h in hits if h.code.startswith(_BODY_PREFIX)]
    hits += [
        form
        for form in forms
        if not any(form.start <= h.start and h.end <= form.end for h in named)
    ]
    return _longest(hits)


def _join(words: Sequence[str]) -> str:
    out: list[str] = []
    for word in words:
        if not out or out[-1] != word:  # "NHSFT" was split into three tokens
            out.append(word)
    return " ".join(out)


def _longest(hits: list[_Hit]) -> list[_Hit]:
    kept = []
    for hit in hits:
        inside_longer = any(
            other.start <= hit.start
            and hit.end <= other.end
            and (other.end - other.start) > (hit.end - hit.start)
            for other in hits
        )
        if not inside_longer:
            kept.append(hit)
    return kept


def _kind_key(hit: _Hit) -> str:
    if hit.kind is Kind.CORE and hit.end - hit.start < 2:
        return "core_short"
    return str(hit.kind)


def _name_evidence(
    text: str, signal: Signal, where: str, index: _Index, *, any_case: bool = False
) -> list[Evidence]:
    weights = _WEIGHTS[signal]
    hits = _find_names(text, index, any_case=any_case)
    # A letterhead names its trust in full; other names beside it are sites in the address
    # ("University Hospitals Dorset NHS FT, Poole Hospital"), worth no more than a mention.
    # So is a council or board named beside a trust's full name ("in partnership with Kent
    # County Council"): the trust wrote it.
    full_codes = {h.code for h in hits if h.kind is Kind.FULL}
    trust_named = any(not c.startswith(_BODY_PREFIX) for c in full_codes)
    found = []
    for hit in hits:
        beside = full_codes and hit.code not in full_codes
        if beside or (trust_named and hit.code.startswith(_BODY_PREFIX)):
            table = _WEIGHTS[Signal.BODY]
        else:
            table = weights
        key = _kind_key(hit)
        points = table.get(key, 0.0)
        strong = (
            table is weights
            and signal in _HEAD_SIGNALS
            and key in {"full", "core", "alias", "fuzzy"}
        )
        if points > 0:
            found.append(Evidence(hit.code, signal, points, hit.quote, where, strong))
    return found


def _fuzzy_evidence(text: str, signal: Signal, where: str, index: _Index) -> list[Evidence]:
    """Letterhead lines that end like a trust name but do not match exactly (OCR noise).

    The words before "NHS ... Trust" are compared with every name (rapidfuzz ratio, order
    matters, so "University Hospitals Dorset" is not "Dorset HealthCare University"). Names
    scoring within a few points of the best all count, so near-twins come out ambiguous.
    """
    from rapidfuzz import fuzz, process

    found = []
    for line in text.splitlines() or [text]:
        norm, _ = _tokens(line)
        if "trust" not in norm or len(norm) > 40:
            continue
        end = norm.index("trust")
        while end > 0 and norm[end - 1] in _SUFFIX_WORDS:
            end -= 1
        scores: dict[str, float] = {}
        for start in range(max(0, end - 12), end - 1):
            candidate = " ".join(w for w in norm[start:end] if w != "the")
            for _, score, position in process.extract(
                candidate, index.fuzzy_names, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=3
            ):
                code = index.fuzzy_codes[position]
                scores[code] = max(scores.get(code, 0.0), score)
        if not scores:
            continue
        best = max(scores.values())
        quote = " ".join(line.split())[:90]
        for code, score in scores.items():
            if score >= best - 3:
                found.append(
                    Evidence(code, signal, _WEIGHTS[signal]["fuzzy"], quote, where, strong=True)
                )
    return found


# ----------------------------------------------------------------------------------------------
# Reading one document into zones


@dataclass
class _Zones:
    letterhead: list[Block] = field(default_factory=list)
    signature: list[Block] = field(default_factory=list)
    email_header: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[tuple[str, str]] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)


def _is_email(document: Document) -> bool:
    return bool(document.headers) or any(b.role is BlockRole.EMAIL_HEADER for b in document.blocks)


def _page_one(block: Block) -> bool:
    match = re.match(r"\s*page\s+(\d+)", block.locator, re.IGNORECASE)
    return match is None or match.group(1) == "1"


def _trust_blocks(blocks: Sequence[Block]) -> list[tuple[Block, bool]]:
    """The blocks the trust wrote, each with whether it comes before the greeting.

    Quoted earlier messages, quoted requests ("You asked: ...") and greetings are removed, and
    so is a request a thread shows (a request site's page, a thread saved as text): from a
    greeting to an organisation ("Dear Lincolnshire County Council,") to the requester's
    sign-off and name.
    """
    kept: list[tuple[Block, bool]] = []
    quoting_request = 0
    greeted = False
    in_request = 0  # 0: not in a request; 1: in it; 2: after its sign-off (the name is next)
    for block in blocks:
        text = block.text
        if in_request == 2:
            in_request = 0
            if len(text.strip()) <= 60:
                continue  # the requester's name
        if in_request == 0 and block.role is not BlockRole.EMAIL_HEADER:
            greeting = _ORG_GREETING_RE.match(text)
            if greeting:
                in_request = 1
                text = text[greeting.end() :]
        if in_request == 1:
            sign_off = _SIGN_OFF_LINE_RE.search(text)
            if sign_off:
                in_request = 2 if not text[sign_off.end() :].strip(" ,\n") else 0
            continue
        if block.role is not BlockRole.EMAIL_HEADER:
            cut = _QUOTE_START_RE.search(text)
            if cut is not None and _FORWARDED_RE.search(text[: cut.start()]):
                cut = None  # the header of a forwarded message, not a quoted earlier one
            if cut is not None:
                text = text[: cut.start()]
                if text.strip():
                    kept.append((Block(text, block.locator, block.role), False))
                break  # the rest is the requester's own message
        lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
        text, greetings = _GREETING_RE.subn("", "\n".join(lines))
        before_greeting = not greeted and not greetings
        greeted = greeted or bool(greetings) or bool(_DEAR_RE.search(text))
        if quoting_request:
            # The request quoted back ends at the trust's answer or its sign-off and signature.
            if (
                _ANSWER_START_RE.match(text)
                or _SIGN_OFF_LINE_RE.search(text)
                or _looks_like_address(Block(text, block.locator, block.role))
            ):
                quoting_request = 0
            else:
                quoting_request -= 1
                continue
        if _REQUEST_START_RE.match(text):
            quoting_request = 3
            # "Your request: <text>" in one block: the whole block is the request.
            continue
        if text.strip():
            kept.append((Block(text, block.locator, block.role), before_greeting))
    return kept


def _looks_like_address(block: Block) -> bool:
    """Names and addresses, not sentences: "Training is shared with X NHS Trust." is body."""
    text = block.text.strip()
    return (
        block.role is not BlockRole.FOOTER
        and len(text) <= 200
        and not text.endswith((".", "?", "!"))
    )


def _zones(document: Document) -> _Zones:
    zones = _Zones()
    email = _is_email(document)
    header_pairs: list[tuple[str, str]] = list(document.headers)
    content: list[Block] = []
    for block in document.blocks:
        if block.role is BlockRole.EMAIL_HEADER:
            name, _, value = block.text.partition(":")
            header_pairs.append((name.strip(), value.strip()))
        else:
            content.append(block)
    for name, value in header_pairs:
        key = name.lower()
        if key == "subject":
            zones.email_header.append((value, "Subject"))
        elif key in {"from", "sender", "reply-to"}:
            display = _EMAIL_RE.sub(" ", value).replace("<", " ").replace(">", " ")
            if display.strip():
                zones.email_header.append((display, name))
            for address in _EMAIL_RE.findall(value):
                zones.addresses.append((address, name))
    kept = _trust_blocks(content)
    # A page header that is only the "NHS" logo is no letterhead: then look at the first lines.
    header_words = sum(
        len(_raw_tokens(b.text)) for b, _ in kept if b.role is BlockRole.HEADER and _page_one(b)
    )
    has_header = header_words >= 3
    first: set[int] = set()
    if kept and kept[0][0].role is BlockRole.TITLE:
        first.add(0)  # the document's or web page's title
    if not email and not has_header:
        # No marked letterhead: the name and address lines above the greeting are the letterhead.
        first.update(
            [
                i
                for i, (b, top) in enumerate(kept)
                if top and _page_one(b) and _looks_like_address(b)
            ][:_LETTERHEAD_BLOCKS]
        )
    # The signature: name and address lines among the last blocks, and anything after the
    # sign-off ("Yours sincerely", "Kind regards").
    tail = [
        i
        for i, (block, _) in enumerate(kept)
        if block.role is not BlockRole.FOOTER and not _DISCLAIMER_RE.search(block.text)
    ][-_SIGNATURE_BLOCKS:]
    last = {
        i
        for i in tail
        if kept[i][0].role is not BlockRole.TITLE and _looks_like_address(kept[i][0])
    }
    sign_off = next(
        (i for i, (block, _) in enumerate(kept) if _SIGN_OFF_RE.match(block.text)), None
    )
    if sign_off is not None:
        last.update(
            i for i in range(sign_off, len(kept)) if not _DISCLAIMER_RE.search(kept[i][0].text)
        )
    if kept and kept[0][1] and not has_header and 0 not in first and _page_one(kept[0][0]):
        # A plain-text page or log often starts with the trust's name on its first line, in a
        # block that runs on (title, rules): its first short lines are the letterhead.
        opening = [ln for ln in kept[0][0].text.splitlines()[:3] if 0 < len(ln.split()) <= 12]
        if opening and not email:
            zones.letterhead.append(Block("\n".join(opening), kept[0][0].locator))
    if email:
        # The first lines a trust writes in a mail usually name it ("the FOI team at ...").
        for block, _ in kept[:2]:
            if block.role is BlockRole.BODY:
                zones.email_header.append((block.text, block.locator))
    for i, (block, _) in enumerate(kept):
        if (block.role is BlockRole.HEADER and _page_one(block)) or i in first:
            zones.letterhead.append(block)
        elif block.role is BlockRole.FOOTER or i in last:
            zones.signature.append(block)
        else:
            zones.body.append(block)
    return zones


# ----------------------------------------------------------------------------------------------
# Evidence for one document


def _path_evidence(path: str, index: _Index) -> list[Evidence]:
    found = []
    for raw in _SPLIT_RE.split(path):
        code = raw.upper()
        if len(raw) < 3:
            continue
        if code in index.body_codes and (raw == code or not code.isalpha()):
            # A Welsh trust's or health board's ODS code: out of scope, said plainly.
            found.append(
                Evidence(
                    index.body_codes[code], Signal.CODE_IN_NAME, _CODE_IN_NAME, raw, path, True
                )
            )
            continue
        if code not in index.codes:
            continue
        letters_only = code.isalpha()
        if letters_only and raw != code:
            continue  # "ref" in "foi ref 12.pdf" is a word; codes are written in capitals
        wordlike = code in _WORDLIKE_CODES
        points = _CODE_IN_NAME_WORDLIKE if wordlike else _CODE_IN_NAME
        found.append(Evidence(code, Signal.CODE_IN_NAME, points, raw, path, not wordlike))
    # Folder and file names: underscores and dots are word breaks; case does not matter.
    words = re.sub(r"[_./\\]+", " ", path)
    found += _name_evidence(words, Signal.NAME_IN_PATH, path, index, any_case=True)
    return found


def _postcode_evidence(
    text: str, signal_points: float, where: str, index: _Index
) -> list[Evidence]:
    found = []
    for outward, inward in _POSTCODE_RE.findall(text.upper()):
        for code in index.postcodes.get(outward + inward, ()):
            found.append(
                Evidence(code, Signal.POSTCODE, signal_points, f"{outward} {inward}", where)
            )
    return found


def _mailbox(address: str) -> str:
    """``uhb.foi@nhs.net`` -> ``uhb foi``: the mailbox name, where aliases are looked for."""
    return address.partition("@")[0]


def _domain_evidence(
    host: str, signal: Signal, points: float, where: str, index: _Index
) -> list[Evidence]:
    """What a mail or web domain says: the trust it names (strong from the sender), the trusts a
    shared label fits (weak), or that it is a Welsh, Scottish or government body's."""
    labels, scope = domain_labels(host)
    sender = signal is Signal.SENDER_DOMAIN
    found = []
    for label in labels:
        codes = index.domains.get(label, ())
        if len(codes) == 1:
            found.append(Evidence(codes[0], signal, points, host, where, sender))
        else:
            found += [Evidence(c, signal, _DOMAIN_SHARED, host, where) for c in codes]
    if scope and not found:
        body = f"{_BODY_PREFIX}{scope} (domain {host})"
        strength = _OTHER_NHS_DOMAIN if sender else points
        found.append(
            Evidence(body, signal, strength, host, where, sender and "nhs" in scope.lower())
        )
    return found


def _mailbox_evidence(address: str, where: str, index: _Index) -> list[Evidence]:
    """Aliases and a trust's initials in an address's mailbox name ("ulth.foi@nhs.net")."""
    mailbox = _mailbox(address)
    found = _name_evidence(
        mailbox.replace(".", " ").replace("-", " "),
        Signal.EMAIL_ADDRESS,
        where,
        index,
        any_case=True,
    )
    named = {e.code for e in found}
    for part in re.split(r"[._+-]+", mailbox.lower()):
        codes = index.domains.get(part, ())
        if len(codes) == 1 and codes[0] not in named:
            found.append(Evidence(codes[0], Signal.EMAIL_ADDRESS, _MAILBOX_LABEL, part, where))
    return found


def _text_domains(text: str, points: float, where: str, index: _Index) -> list[Evidence]:
    """Domains of the addresses and links in a piece of the trust's text."""
    found = []
    hosts = [a.partition("@")[2] for a in _EMAIL_RE.findall(text)]
    hosts += _URL_HOST_RE.findall(text.lower())
    for host in dict.fromkeys(h.lower() for h in hosts):
        found += _domain_evidence(host, Signal.DOMAIN, points, where, index)
    return found


def document_evidence(document: Document, register: Register) -> list[Evidence]:
    """Every piece of evidence about the trust in one document (for tests and ``explain``)."""
    return _reading(document, _index(register))[0]


def _reading(document: Document, index: _Index) -> tuple[list[Evidence], _Zones]:
    """The evidence in one document, and the zones it was read from."""
    found = _path_evidence(document.path.rpartition(" > ")[2] or document.path, index)
    if " > " in document.path:
        found += _path_evidence(document.path.partition(" > ")[0], index)
    zones = _zones(document)
    for value, where in zones.email_header:
        found += _name_evidence(value, Signal.EMAIL_HEADER, where, index)
    for address, where in zones.addresses:
        found += _mailbox_evidence(address, where, index)
        host = address.partition("@")[2]
        found += _domain_evidence(host, Signal.SENDER_DOMAIN, _SENDER_DOMAIN, where, index)
    for signal, blocks in (
        (Signal.LETTERHEAD, zones.letterhead),
        (Signal.SIGNATURE, zones.signature),
    ):
        if not blocks:
            continue
        # Joined so that a name broken over two header lines or blocks is still one name.
        joined = "\n".join(b.text for b in blocks)
        where = blocks[0].locator
        exact = _name_evidence(joined, signal, where, index)
        found += exact
        if not any(e.points >= _WEIGHTS[signal]["core"] for e in exact):
            found += _fuzzy_evidence(joined, signal, where, index)
        found += _postcode_evidence(joined, _POSTCODE_HEAD, where, index)
        found += _text_domains(joined, _DOMAIN_HEAD, where, index)
        for address in _EMAIL_RE.findall(joined):
            found += _mailbox_evidence(address, where, index)
    for block in zones.body:
        found += _name_evidence(block.text, Signal.BODY, block.locator, index)
        found += _postcode_evidence(block.text, _POSTCODE_BODY, block.locator, index)
        found += _text_domains(block.text, _DOMAIN_BODY, block.locator, index)
        for address in _EMAIL_RE.findall(block.text):
            found += _mailbox_evidence(address, block.locator, index)
    for block in [*zones.letterhead, *zones.body, *zones.signature]:
        for code in _CODE_CONTEXT_RE.findall(block.text):
            # Codes are written in capitals: "Trust code for staff" is not a code.
            if code.upper() in index.codes and (code.isupper() or not code.isalpha()):
                found.append(
                    Evidence(
                        code.upper(), Signal.CODE_IN_TEXT, _CODE_IN_TEXT, code, block.locator, True
                    )
                )
    return found, zones


# ----------------------------------------------------------------------------------------------
# Joint replies

# What a reply says when it answers for several trusts.
_JOINT_RE = re.compile(
    r"(?i)\b(?:"
    r"joint (?:foi |freedom of information |information governance |ig )?"
    r"(?:response|reply|letter|service|team)"
    r"|(?:answer(?:s|ed|ing)?|respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying))\b[^.\n]{0,60}"
    r"\bfor both\b"
    r"|(?:responding|replying) to both|this (?:letter|response|reply|e-?mail) (?:answers|covers)"
    r" both"
    r"|shar(?:e|es|ed|ing) (?:a |an |the |one )?(?:single |joint |common |same )?"
    r"(?:foi|freedom of information|information governance|ig|information rights)\b[^.\n]{0,30}"
    r"\b(?:service|team|office|function)"
    r"|each (?:trust|organisation)['\u2019]?s (?:answers?|responses?|repl(?:y|ies))"
    r"|group (?:foi|freedom of information|information governance) (?:service|team|office)"
    r")"
)
_ON_BEHALF_RE = re.compile(r"(?i)\bon behalf of\b[^\n]{0,300}")


def _full_trusts(text: str, index: _Index) -> list[str]:
    """Trusts named in full in ``text``, in order, each once."""
    hits = _find_names(text, index, any_case=False)
    codes = [h.code for h in hits if h.kind is Kind.FULL and h.code in index.codes]
    return list(dict.fromkeys(codes))


def _joint_cues(document: Document, zones: _Zones, index: _Index) -> list[str]:
    """What says the document answers for several trusts (empty for an ordinary reply)."""
    cues: list[str] = []
    blocks = [*zones.letterhead, *zones.body, *zones.signature]
    texts = [value for value, _ in zones.email_header] + [b.text for b in blocks]
    for text in texts:
        match = _JOINT_RE.search(text)
        if match:
            cues.append(f"'{' '.join(match.group(0).split())}'")
        for behalf in _ON_BEHALF_RE.finditer(text):
            if len(_full_trusts(behalf.group(0), index)) >= 2:
                cues.append(f"'{' '.join(behalf.group(0).split())[:120]}'")
    # One column per trust: a table row naming two trusts in full.
    for block in blocks:
        if block.role is BlockRole.TABLE and len(_full_trusts(block.text, index)) >= 2:
            cues.append(f"a column per trust ({block.locator})")
            break
    # One section per trust: short headings that are each a trust's full name.
    headed = []
    for block in blocks:
        text = block.text.strip()
        if len(text) <= 120 and not text.endswith("."):
            named = _full_trusts(text, index)
            if len(named) == 1:
                headed += named
    if len(set(headed)) >= 2:
        cues.append("a section per trust")
    return list(dict.fromkeys(cues))


# ----------------------------------------------------------------------------------------------
# Dates: a trust that had closed by the reply date


def _dated(
    evidence: Sequence[Evidence], register: Register, index: _Index, reply_date: str | None
) -> list[Evidence]:
    """Evidence for a trust closed by the reply date moved to the trust that took it over.

    Without a date, evidence for a closed trust moves only to a successor that has evidence of
    its own (a merged trust's old site names beside its new name).
    """
    named = {e.code for e in evidence}
    moved = []
    for item in evidence:
        trust = index.trusts.get(item.code)
        if trust is None or not trust.close_date:
            moved.append(item)
            continue
        if reply_date:
            successor = register.successor_on(item.code, reply_date)
        else:
            successor = next(
                (c for c in lineage(item.code, register.successions) if c in named), item.code
            )
        if successor == item.code:
            moved.append(item)
            continue
        via = f"{item.code} closed {trust.close_date}"
        moved.append(replace(item, code=successor, via=via))
    return moved


# ----------------------------------------------------------------------------------------------
# Deciding


@dataclass(frozen=True)
class Candidate:
    code: str  # a trust's code, or "~" for out-of-scope bodies
    score: float
    best: Evidence
    signals: tuple[Evidence, ...]

    @property
    def strong(self) -> bool:
        return any(e.strong for e in self.signals)

    @property
    def strong_signals(self) -> int:
        return sum(1 for e in self.signals if e.strong)

    @property
    def firm(self) -> bool:
        """Strong evidence no second reading explains away: a full name in a head zone, an ODS
        code, the sender's own domain."""
        return any(
            e.strong
            and (
                e.signal in {Signal.CODE_IN_NAME, Signal.CODE_IN_TEXT, Signal.SENDER_DOMAIN}
                or _is_full_name(e)
            )
            for e in self.signals
        )

    @property
    def is_body(self) -> bool:
        return self.code == _BODY_PREFIX

    def contributions(self) -> list[tuple[Evidence, float]]:
        """Each signal's points as they add up: the best in full, each other one half."""
        return [(e, e.points if i == 0 else 0.5 * e.points) for i, e in enumerate(self.signals)]


def _is_full_name(item: Evidence) -> bool:
    words = _tokens(item.quote)[0]
    return "trust" in words or item.code.startswith(_BODY_PREFIX)


_SIGNAL_ORDER = {signal: number for number, signal in enumerate(Signal)}


def _score(evidence: Sequence[Evidence]) -> list[Candidate]:
    best_by: dict[str, dict[Signal, Evidence]] = {}
    for item in evidence:
        key = _BODY_PREFIX if item.code.startswith(_BODY_PREFIX) else item.code
        slot = best_by.setdefault(key, {})
        current = slot.get(item.signal)
        if current is None or (item.points, item.strong) > (current.points, current.strong):
            slot[item.signal] = item
    candidates = []
    for code, by_signal in best_by.items():
        # Ties go to the strong signal, then to the signal that says most (a name before a
        # domain).
        ranked = sorted(
            by_signal.values(), key=lambda e: (-e.points, not e.strong, _SIGNAL_ORDER[e.signal])
        )
        # The strongest signal counts in full; each further independent one adds half.
        score = ranked[0].points + 0.5 * sum(e.points for e in ranked[1:])
        candidates.append(Candidate(code, min(100.0, score), ranked[0], tuple(ranked)))
    return sorted(candidates, key=lambda c: (-c.score, c.code))


def _body_name(candidate: Candidate) -> str:
    """The out-of-scope body a candidate stands for: its fullest name among the evidence."""
    named = [e for e in candidate.signals if not e.code.startswith(f"{_BODY_PREFIX}an ")]
    best = max(named or candidate.signals, key=lambda e: (e.strong, len(e.quote.split())))
    return best.code[len(_BODY_PREFIX) :]


def _label(candidate: Candidate, index: _Index) -> str:
    if candidate.is_body:
        return f"{_body_name(candidate)}, not an NHS trust in England"
    return f"{candidate.code} {index.names.get(candidate.code, '')}"


def _describe(candidate: Candidate, index: _Index) -> str:
    return (
        f"{_label(candidate, index)} ({candidate.best.signal.value} "
        f"'{candidate.best.quote}', score {candidate.score:.0f})"
    )


def _evidence_lines(candidates: Sequence[Candidate], index: _Index) -> tuple[str, ...]:
    """``letterhead:RJ6 'Croydon Health Services NHS Trust' +60``, one per signal."""
    lines = []
    for candidate in candidates:
        for item, points in candidate.contributions():
            code = "out_of_scope" if candidate.is_body else candidate.code
            via = f" [{item.via}]" if item.via else ""
            quote = " ".join(item.quote.split())[:80]
            lines.append(f"{item.signal.value}:{code} '{quote}'{via} +{points:.0f}")
    return tuple(lines)


def _trust_codes(candidates: Iterable[Candidate]) -> tuple[str, ...]:
    return tuple(c.code for c in candidates if not c.is_body)


def _outweighs(top: Candidate, rival: Candidate) -> bool:
    """Repeated strong evidence beats one strong cue that is not a full name or a code."""
    return (
        top.firm
        and top.strong_signals >= 2
        and not rival.firm
        and rival.strong_signals <= 1
        and top.score >= rival.score
    )


def match_group(
    group: Sequence[Document], register: Register, reply_date: str | None = None
) -> Match:
    """The trust of a file and its attachments (``group[0]`` is the top file).

    ``reply_date`` (ISO), when known, sends evidence for a trust that had closed by then to the
    trust that took it over.
    """
    index = _index(register)
    evidence: list[Evidence] = []
    read: list[tuple[Document, _Zones]] = []
    for document in group:
        found, zones = _reading(document, index)
        evidence += found
        read.append((document, zones))
    evidence = _dated(evidence, register, index, reply_date)
    candidates = _score(evidence)
    cues: list[str] = []
    if sum(1 for c in candidates if c.firm and not c.is_body) >= 2:
        # Strong evidence for several trusts: does the reply say it answers for them all?
        for document, zones in read:
            cues += _joint_cues(document, zones, index)
    return _decide(candidates, list(dict.fromkeys(cues)), index, reply_date)


def _decide(
    candidates: list[Candidate], cues: list[str], index: _Index, reply_date: str | None
) -> Match:
    if not candidates or candidates[0].score < MATCH_THRESHOLD:
        hint = ""
        if candidates:
            hint = (
                " (weak evidence only: "
                + "; ".join(_describe(c, index) for c in candidates[:3])
                + ")"
            )
        return Match(
            "",
            "none",
            candidates[0].score if candidates else 0.0,
            f"no trust found with enough evidence{hint}: pin the file in data/mapping.csv",
            _trust_codes(candidates[:3]),
            evidence=_evidence_lines(candidates[:3], index),
        )
    top = candidates[0]
    rivals = [
        c
        for c in candidates[1:]
        if c.score >= MATCH_THRESHOLD or c.score >= _AMBIGUOUS_RATIO * top.score
    ]
    # Only strong evidence can stand against strong evidence; against weak, anything can.
    conflicting = [r for r in rivals if r.strong] if top.strong else rivals
    conflicting = [r for r in conflicting if not _outweighs(top, r)]
    if conflicting:
        named = [top, *conflicting]
        if cues and all(c.firm and not c.is_body for c in named):
            return _joint(named, cues, index)
        return Match(
            "",
            "ambiguous",
            top.score,
            "ambiguous: "
            + " or ".join(_describe(c, index) for c in named[:4])
            + ": pin the file in data/mapping.csv",
            _trust_codes(named[:4]),
            evidence=_evidence_lines(named[:4], index),
        )
    if top.is_body:
        return Match(
            "",
            "out_of_scope",
            round(top.score, 1),
            f"out of scope: {_body_name(top)} is not an NHS trust in England "
            f"({top.best.signal.value} '{top.best.quote}'); its reply is not counted for any trust",
            (),
            evidence=_evidence_lines([top], index),
        )
    message = f"{top.best.signal.value}: '{top.best.quote}' ({top.best.where})"
    moved = sorted({e.via for e in top.signals if e.via})
    if moved:
        message += (
            f"; {', '.join(moved)}, before the reply date {reply_date}: "
            if reply_date
            else f"; {', '.join(moved)}: "
        ) + f"{top.code} {index.names.get(top.code, '')} took it over"
    return Match(
        top.code,
        top.best.signal.value,
        round(top.score, 1),
        message,
        (top.code,),
        evidence=_evidence_lines([top], index),
    )


def _joint(named: Sequence[Candidate], cues: Sequence[str], index: _Index) -> Match:
    """A reply answering for several trusts: matched to each (the first is ``trust_code``)."""
    codes = [c.code for c in named]
    return Match(
        codes[0],
        "joint",
        round(min(c.score for c in named), 1),
        "joint reply for "
        + " and ".join(_label(c, index) for c in named)
        + f": {'; '.join(cues[:3])}",
        tuple(codes),
        also=tuple(codes[1:]),
        evidence=_evidence_lines(named, index),
    )
