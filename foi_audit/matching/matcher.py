"""Match a file (and its attachments) to a trust in the register.

Every place a trust can show itself is read as a separate *signal* with its own weight: an ODS code
or a name in the file and folder names, the letterhead (header blocks, the first blocks of page 1,
the first rows of a sheet, a web page's title), the email From name and Subject, the email address,
the signature and footer, the trust's HQ postcode, an ODS code given as such ("ODS code RA9") and,
weakest, names in the body. A trust's score is its strongest signal plus a share of the others.

A file is matched only when one trust clearly wins. Two trusts with comparable evidence, or only
weak evidence, leave ``trust_code`` blank with a message naming the candidates: a wrong trust in a
published figure is worse than a file a person pins in ``data/mapping.csv``.

Names are compared on normalised word tokens ("&" = "and", apostrophes, hyphens, commas, case and
line breaks ignored; "NHS FT"/"NHSFT" = "NHS Foundation Trust"). Where one name found in a text is
inside a longer one found at the same place ("Isle of Wight" inside "Hampshire and Isle of Wight
Healthcare"), only the longer counts. Letterhead lines ending in "NHS ... Trust" are also compared
fuzzily (rapidfuzz) so that OCR noise ("Hospita1") still matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from foi_audit.matching.names import (
    SPLIT_RE,
    SUFFIX_WORDS,
    Kind,
    NameIndex,
    find_names,
    kind_key,
    name_index,
    name_tokens,
    raw_tokens,
)
from foi_audit.records import Block, BlockRole, Document, Match
from foi_audit.register.trusts import Register


class Signal(StrEnum):
    """Where the evidence was found; the value is the ``Match.method`` it produces."""

    CODE_IN_NAME = "code_in_name"
    NAME_IN_PATH = "name_in_path"
    CODE_IN_TEXT = "code_in_text"
    EMAIL_HEADER = "email_header"
    LETTERHEAD = "letterhead"
    SIGNATURE = "signature"
    POSTCODE = "postcode"
    EMAIL_ADDRESS = "email_address"
    BODY = "body"


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

MATCH_THRESHOLD = 50.0
# The runner-up makes the file ambiguous when it is this close to the winner or itself enough.
_AMBIGUOUS_RATIO = 0.7

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
# Patterns start where their first run of characters starts (a look-behind, not \b): from
# inside a long run ("x" * 80,000 with no "@") each start would re-read the rest of it.
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_HOST_RE = re.compile(
    r"(?<![a-z0-9-])(?:https?://)?(?:www\.)?([a-z0-9-]+)\.(?:nhs|example|org|co|com)\b"
)
# Where a quoted earlier message starts (everything after it is the requester's, not the trust's).
# (A forwarded message is not one: trusts forward their own answers, and it ends nothing.)
_QUOTE_START_RE = re.compile(
    r"^[ \t]*(?:-{2,}\s*original message|on .{4,120}wrote:|"
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
# Line starts are followed by [ \t]*, not \s*, which would read every following blank line again
# from each one (a million newlines).
_GREETING_RE = re.compile(
    r"^[ \t]*(?:dear|hi|hello|to)\b[^\n]{0,60}$", re.IGNORECASE | re.MULTILINE
)
_FORWARDED_RE = re.compile(r"(?i)(?<!-)-{2,}\s*forwarded message\s*-*\s*$")
_SIGN_OFF_LINE_RE = re.compile(
    r"(?im)^[ \t]*(?:yours (?:sincerely|faithfully)|(?:kind|best|warm) regards|regards|best wishes)\b"
)
_SIGN_OFF_RE = re.compile(
    r"^\s*(?:yours (?:sincerely|faithfully)|(?:kind|best|warm)? ?regards|best wishes|many thanks)",
    re.IGNORECASE,
)
_DEAR_RE = re.compile(r"\bdear\s+\w", re.IGNORECASE)
_DISCLAIMER_RE = re.compile(r"\*{5,}|confidential|intended only|meant only", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    code: str
    signal: Signal
    points: float
    quote: str
    where: str


def _name_evidence(
    text: str, signal: Signal, where: str, index: NameIndex, *, any_case: bool = False
) -> list[Evidence]:
    weights = _WEIGHTS[signal]
    hits = find_names(text, index, any_case=any_case)
    # A letterhead names its trust in full; other names beside it are sites in the address
    # ("University Hospitals Dorset NHS FT, Poole Hospital"), worth no more than a mention.
    full_codes = {h.code for h in hits if h.kind is Kind.FULL}
    found = []
    for hit in hits:
        table = weights
        if full_codes and hit.code not in full_codes:
            table = _WEIGHTS[Signal.BODY]
        points = table.get(kind_key(hit), 0.0)
        if points > 0:
            found.append(Evidence(hit.code, signal, points, hit.quote, where))
    return found


def _fuzzy_evidence(text: str, signal: Signal, where: str, index: NameIndex) -> list[Evidence]:
    """Letterhead lines that end like a trust name but do not match exactly (OCR noise).

    The words before "NHS ... Trust" are compared with every name (rapidfuzz ratio, order
    matters, so "University Hospitals Dorset" is not "Dorset HealthCare University"). Names
    scoring within a few points of the best all count, so near-twins come out ambiguous.
    """
    from rapidfuzz import fuzz, process

    found = []
    for line in text.splitlines() or [text]:
        norm, _ = name_tokens(line)
        if "trust" not in norm or len(norm) > 40:
            continue
        end = norm.index("trust")
        while end > 0 and norm[end - 1] in SUFFIX_WORDS:
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
                found.append(Evidence(code, signal, _WEIGHTS[signal]["fuzzy"], quote, where))
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

    Quoted earlier messages, quoted requests ("You asked: ...") and greetings are removed.
    """
    kept: list[tuple[Block, bool]] = []
    quoting_request = 0
    greeted = False
    for block in blocks:
        text = block.text
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
        len(raw_tokens(b.text)) for b, _ in kept if b.role is BlockRole.HEADER and _page_one(b)
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


def _path_evidence(path: str, index: NameIndex) -> list[Evidence]:
    found = []
    for raw in SPLIT_RE.split(path):
        code = raw.upper()
        if len(raw) < 3 or code not in index.codes:
            continue
        letters_only = code.isalpha()
        if letters_only and raw != code:
            continue  # "ref" in "foi ref 12.pdf" is a word; codes are written in capitals
        points = _CODE_IN_NAME_WORDLIKE if code in _WORDLIKE_CODES else _CODE_IN_NAME
        found.append(Evidence(code, Signal.CODE_IN_NAME, points, raw, path))
    # Folder and file names: underscores and dots are word breaks; case does not matter.
    words = re.sub(r"[_./\\]+", " ", path)
    found += _name_evidence(words, Signal.NAME_IN_PATH, path, index, any_case=True)
    return found


def _postcode_evidence(
    text: str, signal_points: float, where: str, index: NameIndex
) -> list[Evidence]:
    found = []
    for outward, inward in _POSTCODE_RE.findall(text.upper()):
        for code in index.postcodes.get(outward + inward, ()):
            found.append(
                Evidence(code, Signal.POSTCODE, signal_points, f"{outward} {inward}", where)
            )
    return found


def _address_tokens(address: str) -> str:
    """``uhb.foi@nhs.net`` -> ``uhb foi``; ``foi@mft.nhs.uk`` -> ``foi mft``."""
    local, _, domain = address.partition("@")
    host = [p for p in domain.split(".") if p not in {"nhs", "net", "uk", "org", "com", "example"}]
    return " ".join([local, *host])


def document_evidence(document: Document, register: Register) -> list[Evidence]:
    """Every piece of evidence about the trust in one document (for tests and ``explain``)."""
    index = name_index(register)
    found = _path_evidence(document.path.rpartition(" > ")[2] or document.path, index)
    if " > " in document.path:
        found += _path_evidence(document.path.partition(" > ")[0], index)
    zones = _zones(document)
    for value, where in zones.email_header:
        found += _name_evidence(value, Signal.EMAIL_HEADER, where, index)
    for address, where in zones.addresses:
        found += _name_evidence(
            _address_tokens(address), Signal.EMAIL_ADDRESS, where, index, any_case=True
        )
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
    for block in zones.body:
        found += _name_evidence(block.text, Signal.BODY, block.locator, index)
        found += _postcode_evidence(block.text, _POSTCODE_BODY, block.locator, index)
        for host in _URL_HOST_RE.findall(block.text.lower()):
            found += _name_evidence(
                host.replace("-", " "), Signal.EMAIL_ADDRESS, block.locator, index, any_case=True
            )
        for address in _EMAIL_RE.findall(block.text):
            found += _name_evidence(
                _address_tokens(address), Signal.EMAIL_ADDRESS, block.locator, index, any_case=True
            )
    for block in [*zones.letterhead, *zones.body, *zones.signature]:
        for code in _CODE_CONTEXT_RE.findall(block.text):
            # Codes are written in capitals: "Trust code for staff" is not a code.
            if code.upper() in index.codes and (code.isupper() or not code.isalpha()):
                found.append(
                    Evidence(code.upper(), Signal.CODE_IN_TEXT, _CODE_IN_TEXT, code, block.locator)
                )
    return found


# ----------------------------------------------------------------------------------------------
# Deciding


@dataclass(frozen=True)
class Candidate:
    code: str
    score: float
    best: Evidence
    signals: tuple[Evidence, ...]


def _score(evidence: Sequence[Evidence]) -> list[Candidate]:
    best_by: dict[str, dict[Signal, Evidence]] = {}
    for item in evidence:
        slot = best_by.setdefault(item.code, {})
        current = slot.get(item.signal)
        if current is None or item.points > current.points:
            slot[item.signal] = item
    candidates = []
    for code, by_signal in best_by.items():
        ranked = sorted(by_signal.values(), key=lambda e: -e.points)
        # The strongest signal counts in full; each further independent one adds half.
        score = ranked[0].points + 0.5 * sum(e.points for e in ranked[1:])
        candidates.append(Candidate(code, min(100.0, score), ranked[0], tuple(ranked)))
    return sorted(candidates, key=lambda c: (-c.score, c.code))


def _describe(candidate: Candidate, index: NameIndex) -> str:
    name = index.names.get(candidate.code, "")
    return (
        f"{candidate.code} {name} ({candidate.best.signal.value} "
        f"'{candidate.best.quote}', score {candidate.score:.0f})"
    )


def match_group(group: Sequence[Document], register: Register) -> Match:
    """The trust of a file and its attachments (``group[0]`` is the top file)."""
    index = name_index(register)
    evidence: list[Evidence] = []
    for document in group:
        evidence += document_evidence(document, register)
    candidates = _score(evidence)
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
            tuple(c.code for c in candidates[:3]),
        )
    top = candidates[0]
    rivals = [
        c
        for c in candidates[1:]
        if c.score >= MATCH_THRESHOLD or c.score >= _AMBIGUOUS_RATIO * top.score
    ]
    if rivals:
        named = [top, *rivals][:4]
        return Match(
            "",
            "ambiguous",
            top.score,
            "ambiguous: "
            + " or ".join(_describe(c, index) for c in named)
            + ": pin the file in data/mapping.csv",
            tuple(c.code for c in named),
        )
    return Match(
        top.code,
        top.best.signal.value,
        round(top.score, 1),
        f"{top.best.signal.value}: '{top.best.quote}' ({top.best.where})",
        (top.code,),
    )
