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
of X and Y", one column or section per trust) makes it a *joint* reply, matched to each; so
does a regional return's row per trust, each opening with the trust's full name. A reply that
says it answers for one trust alone ("I am writing on behalf of X", "This reply covers X only")
is that trust's (*sent_for*), whoever sent it (a shared service, a group's letterhead, a partner
trust's FOI office).

A reply from a body that is not an NHS trust in England (a Welsh or Scottish health board, an
integrated care board, NHS England, a council) is recognised by its name, code or mail domain
and reported as out of scope, never as a trust, unless it carries one trust's answers under
their own heading ("Part 2 - X NHS Trust"): then it is that trust's (*carried*). Given the
reply date, a trust that had closed by then points to the trust that took it over
(``Register.successor_on``).

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
from dataclasses import replace

from foi_audit.matching.joint import (
    REQUEST_TO,
    SECTION_CUE,
    carried_trust,
    joint_cues,
    named_in_full,
    sent_for_one,
    trusts_answered_for,
    trusts_by_column,
    trusts_by_row,
    trusts_by_section,
    trusts_set_aside,
    weak_joint,
    zone_texts,
)
from foi_audit.matching.names import (
    BODY_PREFIX,
    EMAIL_RE,
    SPLIT_RE,
    WORDLIKE_CODES,
    Evidence,
    Index,
    Kind,
    Signal,
    find_names,
    kind_key,
    name_index,
    name_tokens,
)
from foi_audit.matching.ocr_names import ocr_names
from foi_audit.matching.verdict import (
    MATCH_THRESHOLD,
    Candidate,
    carried,
    contradicted,
    decide,
    joint,
    others_not_answering,
    score,
    sent_for,
)
from foi_audit.matching.zones import Zones, reads_as_prose, zones_of
from foi_audit.records import Block, Document, Match
from foi_audit.register.domains import NOT_A_TRUST_SCOPES, domain_labels
from foi_audit.register.successions import lineage
from foi_audit.register.trusts import Register

__all__ = ["MATCH_THRESHOLD", "document_evidence", "match_group"]

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
    # "Response prepared by the FOI Team, Rotherham Doncaster and South Humber NHS FT", "This
    # reply was sent by ..." (not another's letter the reply speaks of: "You will be aware of
    # the letter sent by NHS England to all trusts")
    r"|(?:(?:^|[.:;|])\s*|\b(?:this|our) |\bthe (?=\w+ (?:was|were|is|are|has|have) ))(?:responses?|repl(?:y|ies)|letters?|answers?) "
    r"(?:was |were |is |are |has been |have been )?(?:prepared|sent|issued|compiled|written|published) by\s+"
    r"(?:the\s+)?(?:[\w ]{0,40}?\b(?:team|office|department|unit)\s*(?:,|at|of)?\s*)?(?:the\s+)?"
    # "Please see below East Cheshire NHS Trust's response.": the reply said to be that trust's,
    # the sentence ending there (not a partner's reply passed on: "... Trust's response for
    # those services, which they asked us to pass on")
    r"|(?:^|(?<=[.!?]\s))(?:please\s+)?(?:see|find)\s+(?:below|attached|enclosed)\s+(?:the\s+)?"
    r"(?=[^.|]{3,80}?['’]s\s+(?:full\s+|final\s+)?(?:response|reply|answers?)"
    r"(?:\s+to\s+your\s+(?:request|questions?|e-?mail))?\s*[.:](?:\s|$))"
    # an acknowledgement names whom the requester wrote to: "Thank you for contacting the
    # Sussex Community NHS Foundation Trust Freedom of Information team"
    r"|\bthank you for (?:contacting|writing to|your (?:e-?mail|request|letter|message) to)\s+"
    r"(?:the\s+)?"
    # a request sent to the wrong trust, passed on: the notice is the request's, of the trust
    # it was meant for ("your request is addressed to X ... We have passed your request on to
    # their FOI team")
    r"|\byour request is (?:addressed|meant|intended) (?:to|for)\s+(?:the\s+)?",
    re.IGNORECASE,
)


# A table row holding only an organisation's name and its ODS code.
# (a trust's name then its code, or its code then its name: "RAE | Bradford Teaching ...")
_LISTING_ROW = re.compile(
    r"(?:[^|\n]{5,120}\|\s*[A-Z0-9]{3,5}|\s*[A-Z0-9]{3,5}\s*\|[^|\n]{5,120})\s*(?:\|\s*)*"
)


# a row naming a trust with answers after it: "RK5 | Sherwood Forest ... | Yes | ..."
_FILLED_ROW = re.compile(
    r"(?:\s*[A-Z0-9]{3,5}\s*\|[^|\n]{5,120}|[^|\n]{5,120}\|\s*[A-Z0-9]{3,5}\s*)\|\s*\S"
)


def _listed_trust(row: str, index: Index) -> bool:
    """Whether a listing row's code is a trust's in the register (not a year, a site code or a
    question's number: "2021 | 48 staff", "RK5BC | King's Mill Hospital", "Q2A | Yes")."""
    cells = [c.strip() for c in row.split("|") if c.strip()]
    return any(c in index.codes for c in cells)


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
    bodies = any(h.code.startswith(BODY_PREFIX) for h in hits)
    addresses = _trust_addresses(text, index) if bodies else []
    found = []
    for hit in hits:
        beside = full_codes and hit.code not in full_codes
        # a practice or health centre named in a trust's own postal address ("IG Team, St
        # Catherine's Health Centre, Birkenhead CH42 0LQ") is a building of the trust's, not
        # the sender (a board or a council sharing the address is still a body)
        premises = hit.code.endswith(_BUILDING) and any(
            f" {' '.join(name_tokens(hit.quote)[0])} " in f" {line} " for line in addresses
        )
        if beside or premises or hit.partner or (trust_named and hit.code.startswith(BODY_PREFIX)):
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


_BUILDING = "(GP practice)"  # the kind of body whose name is also a building's


def _trust_addresses(text: str, index: Index) -> list[str]:
    """The lines of ``text`` (as name tokens) that end a trust's postal address: its HQ
    postcode."""
    return [
        " ".join(name_tokens(line)[0])
        for line in text.splitlines()
        if any(index.postcodes.get(outward + inward) for outward, inward in _postcodes(line))
    ]


def _postcodes(text: str) -> list[tuple[str, str]]:
    """The postcodes in ``text`` as (outward, inward), an OCR'd "O" read as the zero it is."""
    return [
        (outward, "0" + inward[1:] if inward[0] == "O" else inward)
        for outward, inward in _POSTCODE_RE.findall(text.upper())
    ]


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
    for outward, inward in _postcodes(text):
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
    # (nor an integrated care board's: "kentandmedway.icb.nhs.uk")
    for label in () if scope in NOT_A_TRUST_SCOPES else labels:
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
    listed = [
        b
        for b in document.blocks
        if _LISTING_ROW.fullmatch(b.text) and _listed_trust(b.text, index)
    ]
    others = {id(b) for b in listed}
    filled = any(id(b) not in others and _FILLED_ROW.match(b.text) for b in document.blocks)
    if len(listed) >= 3 and filled:
        # a regional return's rows of providers left for each to fill ("Whittington Health
        # NHS Trust | RKE"): a list of others, not its writer; the filled row still counts
        kept = tuple(b for b in document.blocks if id(b) not in others)
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
        else:
            # a body named in a sentence at the top of a page ("This policy ... supports the NHS
            # England Sexual Safety in Healthcare Charter") is no letterhead of the body's
            lines = "\n".join(b.text for b in blocks if not reads_as_prose(b))
            exact = [
                _as_body(e, index) if e.code.startswith(BODY_PREFIX) and e.quote not in lines else e
                for e in exact
            ]
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
            # "East Cheshire NHS Trust's response" (not the name's own "Children's")
            said = re.sub(
                r"(?<=\w)['’]s(?=\s+(?:full\s+|final\s+)?(?:response|reply|answer))", "", said
            )
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
        # a case system's field, "Organisation: X NHS Trust" or a row "Organisation | X" (not
        # among a requester's fields, "Requester: ... Organisation: ...", nor a body a request
        # was passed to, "transferred ... to the following body: Organisation: ... Contact: ...")
        lines = block.text.splitlines()
        if not any(_OTHER_PARTY.match(line.strip()) for line in lines):
            for line in lines:
                if field := _ORGANISATION_FIELD.match(line.strip()):
                    yield field[1], block.locator
        if " | " not in block.text:
            column = None
            continue
        cells = [c.strip() for c in block.text.split(" | ")]
        heads = [i for i, c in enumerate(cells) if _ORGANISATION_HEADER.match(c)]
        if heads:
            column = heads[0]
        elif column is not None and column < len(cells) and cells[column]:
            yield cells[column], block.locator


_ORGANISATION_WORDS = (
    r"(?:responding |name of (?:the )?)?(?:nhs )?(?:organisation|organization|trust|"
    r"public authority)(?: name)?"
)
_ORGANISATION_HEADER = re.compile(rf"^{_ORGANISATION_WORDS}$", re.IGNORECASE)
_OTHER_PARTY = re.compile(
    r"^(?:requester|requestor|applicant|name|from|contact|e-?mail|address)\b", re.IGNORECASE
)
_ORGANISATION_FIELD = re.compile(
    rf"^{_ORGANISATION_WORDS}\s*(?::|\s\|\s)\s*(\S.{{4,120}})$", re.IGNORECASE
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


def match_group(
    group: Sequence[Document], register: Register, reply_date: str | None = None
) -> Match:
    """The trust of a file and its attachments (``group[0]`` is the top file).

    ``reply_date`` (ISO), when known, sends evidence for a trust that had closed by then to the
    trust that took it over.
    """
    index = name_index(register)
    readings = [_reading(document, index) for document in group]
    evidence = _dated([e for found, _ in readings for e in found], register, index, reply_date)
    read = [(document, zones) for document, (_, zones) in zip(group, readings, strict=True)]
    candidates = score(evidence)
    # a regional return answers for the trust of each row (not for a body's row, nor its host);
    # a joint table of answers, for the trust of each column
    for owners, cue in (
        (trusts_by_row, "a row per trust"),
        (trusts_by_column, "a column per trust"),
    ):
        found = {code for _, zones in read for code in owners(zones, index)}
        if len(each := [c for c in candidates if c.code in found and not c.is_body]) >= 2:
            return joint(each, [cue], index)
    verdict, cues = _weighed(read, candidates, index, reply_date)
    if verdict.method in {"out_of_scope", "carried"}:
        return verdict
    trusts = [c for c in candidates if not c.is_body]
    if verdict.method == "none" and len(trusts) < 2:
        return verdict
    texts = [text for _, zones in read for text in zone_texts(zones)]
    if verdict.method == "none":
        # a group's FOI office naming its member trusts in the body only, and saying whose
        # request this is ("This response relates only to X"): that trust's
        owner = sent_for_one(texts, index, {c.code: c.score for c in trusts})
        if owner is None or not owner.exclusive:
            return verdict
        mine = next(c for c in trusts if c.code == owner.code)
        return sent_for(mine, [c for c in candidates if c is not mine], owner.words, index)
    # (every joint verdict was given with the cues that made it)
    weak = verdict.method == "ambiguous" or (verdict.method == "joint" and weak_joint(cues))
    return _whose(verdict, texts, candidates, index, weak, reply_date)


def _whose(
    verdict: Match,
    texts: Sequence[str],
    candidates: list[Candidate],
    index: Index,
    weak: bool,
    reply_date: str | None,
) -> Match:
    """The verdict again, in the light of what the reply says of whom it answers for: one trust
    alone ("This reply covers X only", or, where only a shared service's name made it joint, "I
    am writing on behalf of X"); all but one of the trusts it might be from not answering ("X
    is a separate organisation and was not asked"); a body holding nothing for the trusts it
    names. A reply saying it answers for another trust than its evidence names is left to a
    person."""
    trusts = {c.code: c.score for c in candidates if not c.is_body}
    owner = sent_for_one(texts, index, trusts)
    if owner is not None:
        mine = next(c for c in candidates if c.code == owner.code)
        others = [c for c in candidates if c is not mine]
        if verdict.method == "ambiguous" or (
            verdict.method == "joint" and (owner.exclusive or weak)
        ):
            return sent_for(mine, others, owner.words, index)
        if verdict.method != "joint" and verdict.trust_code != owner.code:
            shown = next(c for c in candidates if c.code == verdict.trust_code)
            return contradicted(shown, mine, owner.words, index)
    if not weak:
        return verdict
    # (a joint reply made so by words, a column or a row per trust is no one trust's)
    codes = [verdict.trust_code, *verdict.also] if verdict.trust_code else verdict.candidates
    aside = trusts_set_aside(texts, index, set(codes))
    left = [c for c in candidates if c.code in codes and c.code not in aside]
    words = "; ".join(dict.fromkeys(aside.values()))
    if aside and len(left) == 1:
        return others_not_answering(
            left[0], [c for c in candidates if c.code in aside], words, index
        )
    if aside and not left and candidates[0].is_body:
        # a body's reply saying it holds nothing for the trusts it names (an ICB's): its own
        own = decide([c for c in candidates if c.code not in aside], [], index, reply_date)
        return replace(own, message=f"{own.message}; not {', '.join(aside)}: '{words[:100]}'")
    return verdict


def _weighed(
    read: Sequence[tuple[Document, Zones]],
    candidates: list[Candidate],
    index: Index,
    reply_date: str | None,
) -> tuple[Match, list[str]]:
    """The verdict of a file's evidence (past the tables of a row or a column per trust), and
    what says the reply is joint (read only where several trusts are in question)."""
    # Several trusts the reply says it answers for: each trust heading a section of its own (when
    # the reply also says it answers for them: "You sent the same request to the two trusts in
    # our hospital group"), those a shared service "handles requests for", or, between strong
    # candidates, whatever says the reply is joint
    sections = {code for _, zones in read for code in trusts_by_section(zones, index)}
    served = {code for _, zones in read for code in trusts_answered_for(zones, index)}
    by_section = [c for c in candidates if c.code in sections and not c.is_body]
    by_service = [c for c in candidates if c.code in served and not c.is_body]
    strong = sum(1 for c in candidates if c.strong and not c.is_body) >= 2
    cues: list[str] = []
    in_full: set[str] = set()
    if strong or len(by_section) >= 2 or len(by_service) >= 2:
        for document, zones in read:
            cues += joint_cues(document, zones, index)
            in_full |= named_in_full(zones, index)
        cues = list(dict.fromkeys(cues))
    if len(by_section) >= 2 and any(c != SECTION_CUE for c in cues):
        return joint(by_section, cues, index), cues
    if len(by_service) >= 2:
        return joint(by_service, cues, index), cues
    verdict = decide(
        candidates, cues if strong else [], index, reply_date, in_full if strong else set()
    )
    if verdict.method == "joint":
        # each trust heading a section is answered for, though the rest of the reply names it
        # no more than in passing ("1. SLaM does not have ...")
        answered = [verdict.trust_code, *verdict.also]
        more = [c for c in by_section if c.code not in answered]
        if more:
            named = [c for code in answered for c in candidates if c.code == code]
            verdict = joint([*named, *more], cues, index)
    bodies = [c for c in candidates[:2] if c.is_body]
    if bodies and verdict.method in {"out_of_scope", "ambiguous"}:
        # a body's reply (an ICB's) carrying one trust's answers under their own heading
        heading = next((h for _, z in read if (h := carried_trust(z, index))[0]), ("", ""))
        for trust in (c for c in candidates if c.code == heading[0]):
            return carried(bodies[0], trust, heading[1], index), cues
    return verdict, cues
