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
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from foi_audit.matching.joint import REQUEST_TO, joint_cues, named_in_full
from foi_audit.matching.names import (
    BODY_PREFIX,
    EMAIL_RE,
    SPLIT_RE,
    WORDLIKE_CODES,
    Evidence,
    Index,
    Kind,
    Signal,
    abbreviates_winner,
    find_names,
    kind_key,
    name_index,
    name_tokens,
)
from foi_audit.matching.ocr_names import ocr_names
from foi_audit.matching.zones import Zones, zones_of
from foi_audit.records import Block, Document, Match
from foi_audit.register.domains import (
    domain_labels,
)
from foi_audit.register.successions import lineage
from foi_audit.register.trusts import Register

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
    Signal.STATED: {"full": 50, "core": 45, "core_short": 15, "alias": 40, "weak": 15},
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
    {Signal.NAME_IN_PATH, Signal.LETTERHEAD, Signal.SIGNATURE, Signal.EMAIL_HEADER, Signal.STATED}
)

# A reply saying whom it answers for (a group's letter, a shared FOI service): the trust
# named next is the writer, however many the letterhead names.
_STATED_RE = re.compile(
    r"\b(?:this|our) (?:response|reply|letter|answer|information|disclosure)s? "
    r"(?:relates? to|is (?:sent |provided |given |made )?(?:on behalf of|for|from)|covers|"
    r"concerns|applies to)\s+(?:the\s+)?"
    # "Response prepared by the FOI Team, Rotherham Doncaster and South Humber NHS FT"
    r"|\b(?:response|reply|letter|answers?) (?:was |is |has been )?(?:prepared|sent|issued|"
    r"compiled|written) by\s+(?:the\s+)?(?:[\w ]{0,40}?\b(?:team|office|department|unit)"
    r"\s*(?:,|at|of)?\s*)?(?:the\s+)?"
    # an acknowledgement names whom the requester wrote to: "Thank you for contacting the
    # Sussex Community NHS Foundation Trust Freedom of Information team"
    r"|\bthank you for (?:contacting|writing to|your (?:e-?mail|request|letter|message) to)\s+"
    r"(?:the\s+)?",
    re.IGNORECASE,
)


# A table row holding only an organisation's name and its ODS code.
_LISTING_ROW = re.compile(r"[^|\n]{5,120}\|\s*[A-Z0-9]{3,5}\s*(?:\|\s*)*")

MATCH_THRESHOLD = 50.0


# The runner-up makes the file ambiguous when it is this close to the winner or itself enough.
_AMBIGUOUS_RATIO = 0.7


# (OCR reads a 0 as O: "HP7 OJD" is HP7 0JD)
_POSTCODE_RE = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9O][A-Z]{2})\b")


_CODE_CONTEXT_RE = re.compile(
    r"\b(?:ODS|org(?:anisation|anization)?|trust|provider)\s*(?:code|id)\b\s*(?:is|:|-|=)?\s*"
    r"([A-Z0-9]{3,5})\b",
    re.IGNORECASE,
)


_URL_HOST_RE = re.compile(
    r"(?<![a-z0-9-])(?:https?://)?(?:www\.)?([a-z0-9-]+)\.(?:nhs|example|org|co|com)\b"
)


def _name_evidence(
    text: str, signal: Signal, where: str, index: Index, *, any_case: bool = False
) -> list[Evidence]:
    weights = _WEIGHTS[signal]
    hits = find_names(text, index, any_case=any_case)
    # A letterhead names its trust in full; other names beside it are sites in the address
    # ("University Hospitals Dorset NHS FT, Poole Hospital"), worth no more than a mention.
    # So is a council or board named beside a trust's full name ("in partnership with Kent
    # County Council"): the trust wrote it.
    full_codes = {h.code for h in hits if h.kind is Kind.FULL and not h.partner}
    trust_named = any(not c.startswith(BODY_PREFIX) for c in full_codes)
    found = []
    for hit in hits:
        beside = full_codes and hit.code not in full_codes
        if beside or hit.partner or (trust_named and hit.code.startswith(BODY_PREFIX)):
            table = _WEIGHTS[Signal.BODY]
        else:
            table = weights
        key = kind_key(hit)
        points = table.get(key, 0.0)
        strong = (
            table is weights
            and signal in _HEAD_SIGNALS
            and key in {"full", "core", "alias", "fuzzy"}
        )
        if points > 0:
            found.append(
                Evidence(hit.code, signal, points, hit.quote, where, strong, co_named=hit.co_named)
            )
    return found


def _fuzzy_evidence(text: str, signal: Signal, where: str, index: Index) -> list[Evidence]:
    """Letterhead lines that end like a trust name but do not match exactly (OCR noise):
    close readings are strong; a looser one (one trust alone) counts only as much as an
    acronym, so it needs another sign, such as the trust's postcode, to match a file."""
    return [
        Evidence(code, signal, _WEIGHTS[signal][kind], quote, where, strong=kind == "fuzzy")
        for code, kind, quote in ocr_names(text, index)
    ]


def _path_evidence(path: str, index: Index) -> list[Evidence]:
    found = []
    for raw in SPLIT_RE.split(path):
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
        wordlike = code in WORDLIKE_CODES
        points = _CODE_IN_NAME_WORDLIKE if wordlike else _CODE_IN_NAME
        found.append(Evidence(code, Signal.CODE_IN_NAME, points, raw, path, not wordlike))
    # Folder and file names: underscores and dots are word breaks; case does not matter.
    words = re.sub(r"[_./\\]+", " ", path)
    found += _name_evidence(words, Signal.NAME_IN_PATH, path, index, any_case=True)
    return found


def _postcode_evidence(text: str, signal_points: float, where: str, index: Index) -> list[Evidence]:
    found = []
    for outward, inward in _POSTCODE_RE.findall(text.upper()):
        inward = "0" + inward[1:] if inward[0] == "O" else inward
        for code in index.postcodes.get(outward + inward, ()):
            found.append(
                Evidence(code, Signal.POSTCODE, signal_points, f"{outward} {inward}", where)
            )
    return found


def _mailbox(address: str) -> str:
    """``uhb.foi@nhs.net`` -> ``uhb foi``: the mailbox name, where aliases are looked for."""
    return address.partition("@")[0]


def _domain_evidence(
    host: str, signal: Signal, points: float, where: str, index: Index
) -> list[Evidence]:
    """What a mail or web domain says: the trust it names (strong from the sender), the trusts a
    shared label fits (weak), or that it is a Welsh, Scottish or government body's."""
    labels, scope = domain_labels(host)
    sender = signal is Signal.SENDER_DOMAIN
    found = []
    # a council's or government department's domain ("medway.gov.uk") is never a trust's,
    # though its place name is a trust's label too
    for label in () if "government" in scope else labels:
        codes = index.domains.get(label, ())
        if len(codes) == 1:
            # a sender's domain made of initials only ("sch-nhs") may be another trust's too:
            # it matches a file alone, but yields to a trust named in full
            strong = sender and label not in index.initials_only
            found.append(Evidence(codes[0], signal, points, host, where, strong))
        else:
            found += [Evidence(c, signal, _DOMAIN_SHARED, host, where) for c in codes]
    if scope and not found:
        body = f"{BODY_PREFIX}{scope} (domain {host})"
        strength = _OTHER_NHS_DOMAIN if sender else points
        found.append(
            Evidence(body, signal, strength, host, where, sender and "nhs" in scope.lower())
        )
    return found


def _mailbox_evidence(address: str, where: str, index: Index) -> list[Evidence]:
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


def _text_domains(text: str, points: float, where: str, index: Index) -> list[Evidence]:
    """Domains of the addresses and links in a piece of the trust's text."""
    found = []
    hosts = [a.partition("@")[2] for a in EMAIL_RE.findall(text)]
    hosts += _URL_HOST_RE.findall(text.lower())
    for host in dict.fromkeys(h.lower() for h in hosts):
        found += _domain_evidence(host, Signal.DOMAIN, points, where, index)
    return found


def document_evidence(document: Document, register: Register) -> list[Evidence]:
    """Every piece of evidence about the trust in one document (for tests and ``explain``)."""
    return _reading(document, name_index(register))[0]


def _reading(document: Document, index: Index) -> tuple[list[Evidence], Zones]:
    """The evidence in one document, and the zones it was read from."""
    found = _path_evidence(document.path.rpartition(" > ")[2] or document.path, index)
    if " > " in document.path:
        found += _path_evidence(document.path.partition(" > ")[0], index)
    listed = [b for b in document.blocks if _LISTING_ROW.fullmatch(b.text)]
    if len(listed) >= 3:
        # a regional return's rows of providers left for each to fill ("Whittington Health
        # NHS Trust | RKE"): a list of others, not its writer; the filled row still counts
        kept = tuple(b for b in document.blocks if b not in listed)
        document = replace(document, blocks=kept)
    zones = zones_of(document)
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
        if signal is Signal.SIGNATURE:
            # a request site's list of other requests at the foot of its page ("... - request
            # to Salisbury NHS Foundation Trust") names others' trusts, not the writer's
            exact = [_as_body(e, index) if _listed_request(joined, e) else e for e in exact]
        found += exact
        if document.ocr and not any(e.points >= _WEIGHTS[signal]["core"] for e in exact):
            # a near-miss is OCR's noise; in typed text it is another trust's name
            # ("Worcestershire Health and Care" is not "Gloucestershire Health and Care")
            found += _fuzzy_evidence(joined, signal, where, index)
        found += _postcode_evidence(joined, _POSTCODE_HEAD, where, index)
        found += _text_domains(joined, _DOMAIN_HEAD, where, index)
        for address in EMAIL_RE.findall(joined):
            found += _mailbox_evidence(address, where, index)
    for cell, where in _organisation_cells([*zones.letterhead, *zones.body]):
        found += _name_evidence(cell, Signal.STATED, where, index)
    for block in zones.body:
        found += _name_evidence(block.text, Signal.BODY, block.locator, index)
        for stated in _STATED_RE.finditer(block.text):
            said = block.text[stated.end() : stated.end() + 120].split(".")[0]
            found += _name_evidence(said, Signal.STATED, block.locator, index)
        found += _postcode_evidence(block.text, _POSTCODE_BODY, block.locator, index)
        found += _text_domains(block.text, _DOMAIN_BODY, block.locator, index)
        for address in EMAIL_RE.findall(block.text):
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


def _organisation_cells(blocks: Sequence[Block]) -> Iterable[tuple[str, str]]:
    """Cells under a column headed "Organisation" or "Trust name" (an answer sheet or a CSV
    export naming whose answers each row holds): the reply says whom it is for."""
    column: int | None = None
    for block in blocks:
        if " | " not in block.text:
            column = None
            continue
        cells = [c.strip() for c in block.text.split(" | ")]
        heads = [i for i, c in enumerate(cells) if _ORGANISATION_HEADER.match(c)]
        if heads:
            column = heads[0]
        elif column is not None and column < len(cells) and cells[column]:
            yield cells[column], block.locator


_ORGANISATION_HEADER = re.compile(
    r"^(?:responding |name of (?:the )?)?(?:nhs )?(?:organisation|organization|trust|"
    r"public authority)(?: name)?$",
    re.IGNORECASE,
)


def _listed_request(text: str, item: Evidence) -> bool:
    """Is this name the addressee of a request listed in the text ("request to <trust>")?"""
    return any(
        REQUEST_TO.search(text[max(0, m.start() - 24) : m.start()])
        for m in re.finditer(re.escape(item.quote), text)
    )


def _as_body(item: Evidence, index: Index) -> Evidence:
    """The same name as weak evidence, as if it stood in the body of the text."""
    weak = _name_evidence(item.quote, Signal.BODY, item.where, index)
    return next((e for e in weak if e.code == item.code), replace(item, strong=False))


def _dated(
    evidence: Sequence[Evidence], register: Register, index: Index, reply_date: str | None
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
        return self.code == BODY_PREFIX

    def contributions(self) -> list[tuple[Evidence, float]]:
        """Each signal's points as they add up: the best in full, each other one half."""
        return [(e, e.points if i == 0 else 0.5 * e.points) for i, e in enumerate(self.signals)]


def _is_full_name(item: Evidence) -> bool:
    words = name_tokens(item.quote)[0]
    return "trust" in words or item.code.startswith(BODY_PREFIX)


_SIGNAL_ORDER = {signal: number for number, signal in enumerate(Signal)}


def _score(evidence: Sequence[Evidence]) -> list[Candidate]:
    best_by: dict[str, dict[Signal, Evidence]] = {}
    for item in evidence:
        key = BODY_PREFIX if item.code.startswith(BODY_PREFIX) else item.code
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
    named = [e for e in candidate.signals if not e.code.startswith(f"{BODY_PREFIX}an ")]
    best = max(named or candidate.signals, key=lambda e: (e.strong, len(e.quote.split())))
    return best.code[len(BODY_PREFIX) :]


def _label(candidate: Candidate, index: Index) -> str:
    if candidate.is_body:
        return f"{_body_name(candidate)}, not an NHS trust in England"
    return f"{candidate.code} {index.names.get(candidate.code, '')}"


def _describe(candidate: Candidate, index: Index) -> str:
    return (
        f"{_label(candidate, index)} ({candidate.best.signal.value} "
        f"'{candidate.best.quote}', score {candidate.score:.0f})"
    )


def _evidence_lines(candidates: Sequence[Candidate], index: Index) -> tuple[str, ...]:
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


def _named_only_beside(rival: Candidate, top: Candidate) -> bool:
    """Is all the rival's strong evidence a line naming the winner too ("X and Y share a
    Chair"), while the winner has strong evidence of its own? Outside a joint reply such a line
    says who the writer works with, not who wrote."""
    rival_strong = [e for e in rival.signals if e.strong]
    return all(top.code in e.co_named for e in rival_strong) and any(
        e.strong and rival.code not in e.co_named for e in top.signals
    )


def _own_site(rival: Candidate, top: Candidate) -> bool:
    """Is the rival a body (a GP practice called "Queens Medical Centre") whose every strong
    cue is words the winner knows as its own site, in the same place? Then the words name the
    trust's hospital, not another body."""
    strong = [(e.quote, e.where) for e in rival.signals if e.strong]
    known = {(t.quote, t.where) for t in top.signals}
    return rival.is_body and bool(strong) and all(s in known for s in strong)


def match_group(
    group: Sequence[Document], register: Register, reply_date: str | None = None
) -> Match:
    """The trust of a file and its attachments (``group[0]`` is the top file).

    ``reply_date`` (ISO), when known, sends evidence for a trust that had closed by then to the
    trust that took it over.
    """
    index = name_index(register)
    evidence: list[Evidence] = []
    read: list[tuple[Document, Zones]] = []
    for document in group:
        found, zones = _reading(document, index)
        evidence += found
        read.append((document, zones))
    evidence = _dated(evidence, register, index, reply_date)
    candidates = _score(evidence)
    cues: list[str] = []
    in_full: set[str] = set()
    if sum(1 for c in candidates if c.strong and not c.is_body) >= 2:
        # Strong evidence for several trusts: does the reply say it answers for them all?
        for document, zones in read:
            cues += joint_cues(document, zones, index)
            in_full |= named_in_full(zones, index)
    return _decide(candidates, list(dict.fromkeys(cues)), index, reply_date, in_full)


def _decide(
    candidates: list[Candidate],
    cues: list[str],
    index: Index,
    reply_date: str | None,
    in_full: AbstractSet[str] = frozenset(),
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
            f"no trust found with enough evidence{hint}: pin the file in mapping.csv",
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
        # each trust firmly named, or named in full by a reply that says it answers for both
        # (a shared FOI mailbox, each trust's acronym in the subject and its section headed)
        if cues and all((c.firm or c.code in in_full) and not c.is_body for c in named):
            return _joint(named, cues, index)
        conflicting = [
            r
            for r in conflicting
            if not _named_only_beside(r, top)
            and not _own_site(r, top)
            and not abbreviates_winner(r.signals, top.signals)
        ]
    if conflicting:
        named = [top, *conflicting]
        return Match(
            "",
            "ambiguous",
            top.score,
            "ambiguous: "
            + " or ".join(_describe(c, index) for c in named[:4])
            + ": pin the file in mapping.csv",
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


def _joint(named: Sequence[Candidate], cues: Sequence[str], index: Index) -> Match:
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
