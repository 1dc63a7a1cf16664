"""What says a reply answers for several trusts: "joint response", "on behalf of" two trusts,
a column, a row or a section per trust (a request site's list of others' requests is none)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from foi_audit.matching.names import Index, Kind, find_names, name_tokens
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


def answers_for_several(text: str) -> str:
    """The words saying this reply itself answers for several trusts ("our FOI team has
    answered for both trusts in one document", "this letter covers both organisations"), or
    "": not what the request was ("you asked both trusts"), nor a shared service's name."""
    found = _ANSWERS_FOR_SEVERAL.search(text)
    return " ".join(found.group(0).split()) if found else ""


_ANSWERS_FOR_SEVERAL = re.compile(
    r"(?i)\b(?:(?:answer(?:s|ed|ing)?|respond(?:s|ed|ing)?|repl(?:y|ies|ied|ying))\b[^.\n]{0,60}"
    r"\bfor (?:both|all (?:three|four|(?:of )?the)|each of the) (?:two |three |four )?"
    r"(?:trusts|organisations)\b"
    r"|this (?:single |one |joint |combined )?(?:letter|response|reply|e-?mail|document) "
    r"(?:answers|covers) (?:both|the two|all (?:three|four)) (?:trusts|organisations)\b)"
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


# A reply saying whom alone it answers for (the words after it name one trust): "I am writing on
# behalf of X", "FOI Office (for and on behalf of X)", "this reply gives X's information only",
# "This reply covers BHRUT only", "Please find NHFT's response below", "the attached response
# from X"
_FOR_ONE = re.compile(
    r"(?i)(?:\b(?:writing|sent|written|issued|replying|responding|answered|answering|for and"
    r"|(?:is|are) (?:provided|given|made|prepared))"
    # "This response is issued by the Chelsea and Westminster FOI team on behalf of X"
    r"(?:\s+by\s+(?:the\s+|our\s+)?[^.;\n()]{2,60}?\b(?:team|office|service|department|unit))?"
    r"\s+on behalf of\s+(?P<behalf>[^.;\n()]{3,150})"
    # "FOI Office (for George Eliot Hospital NHS Trust)"
    r"|\((?:for|on behalf of) (?P<paren>[^()\n]{3,90})\)"
    # "Trust responding: Wye Valley NHS Trust", "Your request has been answered by X"
    r"|\btrust responding:\s*(?P<responding>[^.;\n|]{3,90})"
    r"|\brequest (?:has been|was|is being|will be) answered by (?P<by>[^.;\n()]{3,90})"
    # "Please see the attached response from X", "the response to your request to X"
    r"|\b(?:(?:attached|enclosed|following) (?:response|reply|answers) from|(?:response|reply) to "
    r"your (?:freedom of information |foi )?request (?:made |sent )?to) (?P<sender>[^.;\n()]{3,90})"
    # "This response is from X", "We confirm receipt of your FOI request to X"
    r"|\b(?:this|our) (?:reply|response|letter) is from (?P<from>[^.;\n]{3,90})"
    r"|\b(?:receipt of|received|acknowledge|acknowledging) your (?:freedom of information |foi )?"
    r"request (?:made |sent )?to (?P<asked>[^.;\n()]{3,90})"
    r"|\b(?:this|the|these|our) (?:reply|response|letter|e-?mail|answers|information)"
    r"(?: below| above| given)? (?:only )?"
    r"(?:covers?|gives?|is for|are for|relates? to|concerns?|provides?|appl(?:y|ies) to)\s+"
    r"(?P<only>[^.;\n]{2,90}?)\s+only\b"
    # a group's FOI office: "This response relates only to X", "This letter answers the request
    # you sent to X", "Your request to X has been received by the ... FOI service"
    r"|\bthis (?:reply|response|letter|e-?mail) (?:relates|applies) only to (?P<solely>[^.;\n(]{3,90})"
    r"|\bthis (?:reply|response|letter|e-?mail) answers (?:the|your) (?:freedom of information |foi )?"
    r"request (?:that )?you (?:made|sent) to (?P<sent_to>[^.;\n(]{3,90})"
    r"|\byour (?:freedom of information |foi )?request to (?P<yours>[^.;,\n(]{3,90}?) has been "
    r"(?:received|handled|logged)\b(?!\s+separately)"
    r"|\bplease find (?P<whose>[^.;\n]{2,60}?)['\u2019]s? (?:response|reply|answers)\b"
    # "The response below is East Cheshire NHS Trust's response"
    r"|\b(?:response|reply|answers)(?: below| above)? (?:is|are) (?P<is>[^.;\n]{2,90}?)['\u2019]s?"
    r" (?:response|reply|answers|information)\b)"
)

_POSSESSIVE = re.compile(r"['\u2019]s\b")
# Words that say the reply is for the trust it names and no other (else a joint letter's signing
# trust, "For and on behalf of X", would take it alone)
_EXCLUSIVE = frozenset({"only", "whose", "is", "from", "responding", "solely", "sent_to", "yours"})
_WHOLE_NAME = frozenset({"solely", "sent_to", "yours"})
_ONLY = re.compile(r"(?i)^[^.;\n]*\bonly\b")
# A request passed from one body to another: the trust it was sent to is not the one answering
_PASSED_ON = re.compile(r"(?i)\b(?:transferred|forwarded|redirected|passed (?:it )?on)\b")
_BOTH = re.compile(r"(?i)\s*both\b")
_SEVERAL = re.compile(r"(?i)\s*(?:all|each|every|the (?:two|three|four|member)|these|those)\b")


@dataclass(frozen=True)
class Owner:
    """The one trust a reply says it answers for, the words that say so, and whether they say it
    answers for that trust alone ("This reply covers X only") or only that it speaks for it ("I
    am writing on behalf of X")."""

    code: str
    words: str
    exclusive: bool


def zone_texts(zones: Zones) -> list[str]:
    """A document's texts where a reply says whom it is from: its mail headers and opening, its
    letterhead, body and signature."""
    texts = [value for value, _ in zones.email_header]
    return texts + [b.text for b in [*zones.letterhead, *zones.body, *zones.signature]]


def sent_for_one(
    texts: Sequence[str], index: Index, candidates: Mapping[str, float]
) -> Owner | None:
    """The one trust among ``candidates`` (code: score) that ``texts`` say the reply answers for
    ("I am writing on behalf of Derbyshire Healthcare NHS Foundation Trust"), named first in the
    words after the cue; none when such words name two trusts ("on behalf of both A and B"), or
    disagree."""
    owners: dict[str, Owner] = {}
    for text in texts:
        for found in _FOR_ONE.finditer(text):
            kind, words = next((k, w) for k, w in found.groupdict().items() if w)
            if _BOTH.match(words):
                return None  # "on behalf of both A and B": joint, not one trust's
            if _SEVERAL.match(words) or (kind in {"asked", "sender"} and _PASSED_ON.search(text)):
                continue  # "on behalf of all trusts in the ICS"; a request transferred to us
            # ("X's response" is X's; but "St George's University Hospitals" keeps its 's)
            named = words if kind in _WHOLE_NAME else _POSSESSIVE.sub("", words)
            code = _first_named(named, index, candidates)
            if code is None:
                return None  # "on behalf of A and B"
            if code:
                exclusive = kind in _EXCLUSIVE or bool(kind == "behalf" and _ONLY.match(words))
                said = " ".join(found.group(0).split())
                owners.setdefault(code, Owner(code, said, exclusive))
    return next(iter(owners.values())) if len(owners) == 1 else None


def _first_named(words: str, index: Index, candidates: Mapping[str, float]) -> str | None:
    """The trust among ``candidates`` that ``words`` open with ("the" aside); "" when they open
    with none ("(for example X staff ...)"), None when they name two."""
    spans: dict[tuple[int, int], list[str]] = {}
    for hit in find_names(words, index, any_case=False):
        if hit.code in candidates:
            spans.setdefault((hit.start, hit.end), []).append(hit.code)
    # ("NHFT's response": an acronym several trusts share names the likeliest of them)
    codes = {span: max(fits, key=candidates.__getitem__) for span, fits in spans.items()}
    if len(set(codes.values())) > 1:
        return None
    tokens = name_tokens(words)[0]
    opening = 1 if tokens[:1] == ["the"] else 0
    return next((code for (start, _), code in codes.items() if start <= opening), "")


# A sentence saying a trust is not the one answering: "Barts Health NHS Trust is a separate
# organisation in our hospital group and was not asked", "Your separate request to X has been
# answered", "... are run by X, which may hold different arrangements; you may wish to contact
# them", "The response below ... does not describe Mid Cheshire Hospitals"
_NOT_THIS_ONE = re.compile(
    r"(?i)\b(?:separate (?:request|organisation|organization|public authority|legal entity)"
    r"|(?:has|have) (?:its|their) own (?:foi|freedom of information) (?:process|team|office"
    r"|service|officer)"
    r"|was not asked|(?:contact|approach|write to) (?:it|them) directly"
    r"|(?:reply|response|letter|answers?|information)(?: below| above)? (?:does|do) not "
    r"(?:describe|cover|relate to|apply to|concern)"
    r"|you (?:may|might) wish to (?:contact|approach|write to) (?:it|them))\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A body saying it holds nothing for the trusts it names: "does not employ staff of A or B, and
# does not hold the information for them"
_NOT_THEIRS = re.compile(
    r"(?i)\b(?:does|do) not (?:employ (?:the )?staff of|hold (?:the |this |any )?information "
    r"(?:for|on behalf of|about) (?:them|it|those trusts|these trusts))\b"
)


def trusts_set_aside(
    texts: Sequence[str], index: Index, candidates: AbstractSet[str]
) -> dict[str, str]:
    """Trusts among ``candidates`` that a sentence of the reply, naming that trust alone, says
    are not the one answering, or whose information it says it does not hold ("... does not
    employ staff of A or B, and does not hold the information for them"); each with its
    sentence."""
    aside: dict[str, str] = {}
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            several = bool(_NOT_THEIRS.search(sentence))
            if not several and not _NOT_THIS_ONE.search(sentence):
                continue
            named = {h.code for h in find_names(sentence, index, any_case=False)} & candidates
            if len(named) == 1 or several:
                for code in sorted(named):
                    aside.setdefault(code, " ".join(sentence.split()))
    return aside


def weak_joint(cues: Sequence[str]) -> bool:
    """Whether all that made a reply joint is a shared or group service's name ("Group FOI
    Team") or short lines naming a trust each (a letterhead, a signature): no words saying the
    reply answers for them all."""
    return all(c == SECTION_CUE or _SHARED_SERVICE.search(c) for c in cues)


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
