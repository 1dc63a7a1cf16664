"""What says a reply answers for several trusts: "joint response", "on behalf of" two trusts,
a column, a row or a section per trust (a request site's list of others' requests is none)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from foi_audit.matching.names import Index, Kind, find_names
from foi_audit.matching.zones import Zones
from foi_audit.records import BlockRole, Document
from foi_audit.register.names import owner_cells, owner_column

# What a reply says when it answers for several trusts.
_JOINT_RE = re.compile(
    r"(?i)\b(?:"
    r"joint (?:foi |freedom of information |information governance |ig )?"
    r"(?:response|reply|letter|service|team)"
    r"|(?:answer(?:s|ed|ing)?|respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying))\b[^.\n]{0,60}"
    r"\bfor both\b"
    r"|(?:responding|replying) to both|(?:answering|answer|answers) both (?:requests|trusts)\b"
    # "this letter answers both", "this single response covers both organisations"
    r"|this (?:single |one |joint |combined )?(?:letter|response|reply|e-?mail) (?:answers|covers)"
    r" (?:both|the two|all (?:three|four))\b(?!\s+(?:of\s+(?:your|the)\s+)?(?:questions|parts|points))"
    r"|(?<!their )(?<!whose )shar(?:e|es|ed|ing) (?:a |an |the |one )?(?:single |joint |common |same )?"
    r"(?:foi|freedom of information|information governance|ig|information rights)\b[^.\n]{0,30}"
    r"\b(?:service|team|office|function)"
    r"|each (?:trust|organisation)['\u2019]?s (?:answers?|responses?|repl(?:y|ies))"
    # "You made the same request to both trusts in our Group. The answers below apply equally"
    r"|same (?:freedom of information |foi )?request to both\b"
    # "You sent the same request to the two trusts in our hospital group", "your request to the
    # three member trusts of the Collaborative"
    r"|you asked (?:both|all (?:three|four|(?:of )?the)|the (?:two|three|four)) trusts\b"
    r"|(?:same|your) (?:freedom of information |foi )?requests? to (?:the (?:two|three|four)|all "
    r"(?:three|four|(?:of )?the)|each of the)\b[^.\n]{0,30}\btrusts\b"
    r"|appl(?:y|ies) (?:equally )?to both\b|answers? below appl(?:y|ies) (?:equally )?to\b"
    r"|group (?:foi|freedom of information|information governance) (?:service|team|office)"
    # "As the two requests were identical we have answered them together"
    r"|(?:answer(?:ed|ing)?|respond(?:ed|ing)?\s+to|repl(?:ied|ying|y)\s+to|deal(?:t|ing)\s+with)\s+"
    r"(?:them|both|the two(?: requests)?|both requests)\s+together"
    r")"
)


# (with two trusts named in full after it: "on behalf of A and B", "your requests to A and B")
_ON_BEHALF_RE = re.compile(
    r"(?i)\b(?:on behalf of|(?:handles|processes|deals with|answers|manages) (?:the )?"
    r"(?:freedom of information |foi |information )?requests (?:made )?(?:for|to)"
    r"|(?:your|you (?:sent|made|submitted)) (?:two |identical |separate )?"
    r"(?:freedom of information |foi |information )?requests (?:made |sent )?to)\b"
    r"[^.;\n]{0,300}"  # (within its sentence: "on behalf of A. B, Unit 2 ..." names A alone)
)

# A request named by whom it went to: a request site's list of others' requests.
REQUEST_TO = re.compile(r"\brequests? (?:made |sent )?to\b", re.IGNORECASE)


def _full_trusts(text: str, index: Index) -> list[str]:
    """Trusts named in full in ``text``, in order, each once."""
    hits = find_names(text, index, any_case=False)
    codes = [h.code for h in hits if h.kind is Kind.FULL and h.code in index.codes]
    return list(dict.fromkeys(codes))


def named_in_full(zones: Zones, index: Index) -> set[str]:
    """Trusts the document names in full, outside a request site's list of others' requests."""
    blocks = [*zones.letterhead, *zones.body, *zones.signature]
    return {
        code
        for block in blocks
        if not REQUEST_TO.search(block.text)
        for code in _full_trusts(block.text, index)
    }


def trusts_by_row(zones: Zones, index: Index) -> list[str]:
    """The trusts of a regional return: a table whose rows of answers each open with one
    trust's full name ("Humber Teaching NHS FT | Yes - ... | No | ..."), or with its code
    or row number then its name ("RBL | Wirral University Teaching Hospital NHS FT | Y |
    ..."), two or more."""
    owners = []
    column = None  # the column a header names as the trust's ("Responding trust")
    for block in [*zones.letterhead, *zones.body, *zones.signature]:
        cells = block.text.split(" | ")
        if block.role is not BlockRole.TABLE or len(cells) < 3:
            column = None
            continue
        headed = owner_column(cells)
        if headed is not None:
            column = headed
            continue
        named = next(
            (n for cell in owner_cells(cells, column) if (n := _full_trusts(cell, index))), []
        )
        if len(named) == 1:
            owners.append(named[0])
    return list(dict.fromkeys(owners)) if len(set(owners)) >= 2 else []


def trusts_by_column(zones: Zones, index: Index) -> list[str]:
    """The trusts of a joint table of answers: a row (its header) whose cells after the first
    each name one trust in full ("Question | Kettering General Hospital NHS Foundation Trust
    (KGH) | Northampton General Hospital NHS Trust (NGH)"), two or more, the first naming none."""
    for block in [*zones.letterhead, *zones.body, *zones.signature]:
        cells = block.text.split(" | ")
        if block.role is not BlockRole.TABLE or len(cells) < 3 or _full_trusts(cells[0], index):
            continue
        owners = [named[0] for cell in cells[1:] if len(named := _full_trusts(cell, index)) == 1]
        if len(owners) == len(cells) - 1 and len(set(owners)) >= 2:
            return list(dict.fromkeys(owners))
    return []


# Words that say a heading heads answers, and all the words such a heading may have besides
# the trust's name ("RESPONSE FROM X", "Part 2 - X", "X's answers:").
_SECTION_WORDS = r"part|section|annex|appendix|responses?|repl(?:y|ies)|answers?"
_SECTION_WORD = re.compile(rf"(?i)\b(?:{_SECTION_WORDS})\b")
_HEADING_WORDS = re.compile(
    rf"(?i)\b(?:{_SECTION_WORDS}|information|from|for|of|the|by|trust|[a-z]|[ivx]+|\d+)\b"
    r"|['\u2019]s\b|[^\w\s]"
)


def carried_trust(zones: Zones, index: Index) -> tuple[str, str]:
    """The one trust whose answers a body's reply carries under a heading of their own ("Part
    2 - Maidstone and Tunbridge Wells NHS Trust" in an ICB's letter), and that heading."""
    found: dict[str, str] = {}
    lines = (
        line.strip()
        for block in [*zones.body, *zones.signature]
        if block.role is not BlockRole.TABLE
        for line in block.text.split("\n")
    )
    for line in lines:
        if len(line) > 120 or line.endswith("."):
            continue
        hits = find_names(line, index, any_case=False)
        if len(hits) != 1 or hits[0].kind is not Kind.FULL or hits[0].code not in index.codes:
            continue
        rest = line.replace(hits[0].quote, " ", 1)
        # (a heading says it heads answers: a trust's name alone may be an address to write to)
        if _SECTION_WORD.search(rest) and not _HEADING_WORDS.sub(" ", rest).split():
            found.setdefault(hits[0].code, line)
    return next(iter(found.items())) if len(found) == 1 else ("", "")


# A mail or letter saying whom alone it is sent for (the first sentence after the words)
_SENT_FOR_ONE = re.compile(
    r"(?i)\b(?:(?:sent|written|issued|replying|responding|answered)\s+"
    # "The ... Shared IG Service processes Freedom of Information requests on behalf of X"
    r"|(?:process|handl|manag|deal)\w*\b[^.;\n]{0,60}?\s)on behalf of\s+[^.;\n]{0,120}"
)
_SHARED_SERVICE = re.compile(r"(?i)\b(?:service|team|office|function)'?$")


SECTION_CUE = "a section per trust"


def trusts_by_section(zones: Zones, index: Index) -> list[str]:
    """The trusts of a reply with one section per trust: short headings that are each one
    trust's full name, two or more (else none)."""
    headed: list[str] = []
    for block in [*zones.letterhead, *zones.body, *zones.signature]:
        if block.role is BlockRole.TABLE:
            continue  # a row naming one trust ("Whittington Health NHS Trust | RKE"): no heading
        text = block.text.strip()
        # not a request site's list of others' requests ("... - request to Salisbury NHS FT")
        if len(text) <= 120 and not text.endswith(".") and not REQUEST_TO.search(text):
            named = _full_trusts(text, index)
            if len(named) == 1:
                headed += named
    found = list(dict.fromkeys(headed))
    return found if len(found) >= 2 else []


def trusts_answered_for(zones: Zones, index: Index) -> list[str]:
    """The trusts a reply says it answers for, named in full in one sentence of its opening
    ("The Dorset Shared FOI Service handles requests for A, B and C"), two or more; not a
    service's remit in a footer ("This mailbox is operated ... on behalf of A, B and C"), nor
    trusts it cannot answer for ("we cannot answer on behalf of provider trusts, such as ...")."""
    opening = [value for value, _ in zones.email_header]
    opening += [b.text for b in [*zones.letterhead, *zones.body[:6]]]
    return next((named for text in opening for _, named in _answered_for(text, index)), [])


def _answered_for(text: str, index: Index) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Each "on behalf of A and B" (or "handles requests for A, B and C") in the text with the
    two or more trusts it names in full, unless the words before deny it (``_NOT_FOR_THEM``)."""
    for behalf in _ON_BEHALF_RE.finditer(text):
        if _NOT_FOR_THEM.search(text[max(0, behalf.start() - 80) : behalf.start()]):
            continue
        if len(named := _full_trusts(behalf.group(0), index)) >= 2:
            yield behalf, named


# "we cannot answer on behalf of", "This mailbox is operated by ... on behalf of"
_NOT_FOR_THEM = re.compile(
    r"(?i)\b(?:cannot|can ?not|unable to|not able to|do not|does not|will not)\b[^.;]{0,20}$"
    r"|\b(?:mailbox|inbox|service|team|function)\b[^.;]{0,20}\b(?:is|are) (?:operated|run|"
    r"managed|provided|hosted)\b[^.;]{0,60}$"
)


def joint_cues(document: Document, zones: Zones, index: Index) -> list[str]:
    """What says the document answers for several trusts (empty for an ordinary reply)."""
    cues: list[str] = []
    blocks = [*zones.letterhead, *zones.body, *zones.signature]
    texts = [value for value, _ in zones.email_header] + [b.text for b in blocks]
    for text in texts:
        match = _JOINT_RE.search(text)
        if match:
            cues.append(f"'{' '.join(match.group(0).split())}'")
        for behalf, _ in _answered_for(text, index):
            cues.append(f"'{' '.join(behalf.group(0).split())[:120]}'")
    # One column per trust: a table row naming two trusts in full.
    for block in blocks:
        if block.role is BlockRole.TABLE and len(_full_trusts(block.text, index)) >= 2:
            cues.append(f"a column per trust ({block.locator})")
            break
    if trusts_by_section(zones, index):
        cues.append(SECTION_CUE)
    if any(
        len(_full_trusts(m.group(0), index)) == 1 for t in texts for m in _SENT_FOR_ONE.finditer(t)
    ):
        # a shared service's name ("... Joint Information Governance Service. This message was
        # sent on behalf of Wye Valley NHS Trust"): the service is joint, the reply is one trust's
        cues = [c for c in cues if not _SHARED_SERVICE.search(c)]
    return list(dict.fromkeys(cues))
