"""Where a document shows its sender: letterhead, opening, signature and e-mail headers, apart from quoted request text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from foi_audit.matching.names import EMAIL_RE, raw_tokens
from foi_audit.records import Block, BlockRole, Document

_LETTERHEAD_BLOCKS = 6  # at most this many blocks above the greeting are the letterhead


_SIGNATURE_BLOCKS = 4  # the last blocks count as the signature
_MAIL_OPENING = 400  # characters of a mail's first blocks that may name its sender
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
# a sentence sending the requester to other bodies names them, not the writer: "The three NHS
# trusts in Dorset - A, B and C - are separate public authorities; you will need to contact them"
_REFERRED_ELSEWHERE = re.compile(
    r"(?i)\b(?:you (?:will|would|may) need to (?:contact|write to|ask)|you may wish to "
    r"(?:contact|write to|redirect)|(?:please )?(?:contact|write to) (?:them|each|the trusts?) "
    r"directly|(?:are|is) (?:a )?separate public authorit(?:y|ies)|redirect your request"
    # what another body did, told as background: "In September 2023 NHS England launched its
    # sexual safety charter"
    r"|(?:launched|published|issued|announced|released) (?:its|their) )"
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


# Line starts are followed by [ \t]*, not \s*, which would read every following blank line
# again from each one (a million newlines).
_GREETING_RE = re.compile(
    r"^[ \t]*(?:dear|hi|hello|to)\b[^\n]{0,60}$", re.IGNORECASE | re.MULTILINE
)


_FORWARDED_RE = re.compile(r"(?i)(?<!-)-{2,}\s*forwarded message\s*-*\s*$")


_SIGN_OFF_LINE_RE = re.compile(
    r"(?im)^[ \t]*(?:yours (?:sincerely|faithfully)|(?:kind|best|warm) regards|regards|best wishes|"
    r"cheers|with thanks|all the best)\b"
)


_SIGN_OFF_RE = re.compile(
    r"^\s*(?:yours (?:sincerely|faithfully)|(?:kind|best|warm)? ?regards|best wishes|all the best\b|"
    # (a sentence of thanks opens a mail: "Many thanks for getting in touch with us ...")
    r"(?:many thanks|cheers|thanks again|with thanks)\b(?![^\n]{25}))",
    re.IGNORECASE,
)


_DEAR_RE = re.compile(r"\bdear\s+\w", re.IGNORECASE)
_OCR_DEAR_RE = re.compile(r"\bdear\b[^\w\n]{1,3}\w", re.IGNORECASE)  # "Dear‘ Imogen": OCR's marks


# A message to an organisation, not from one: a request shown in a thread.
_ORG_GREETING_RE = re.compile(
    r"(?i)^\s*dear\s+(?:the\s+)?[^\n,]{0,80}\b(?:nhs|trust|council|board|authority|service|"
    r"foi\s+(?:team|officer)|freedom\s+of\s+information\s+(?:team|officer)|icb)\b[^\n]{0,20},?"
    r"[ \t]*(?:\n|$)"
)


# A request site's page or thread saved as text: its own words about the thread.
_THREAD_RE = re.compile(
    r"(?im)^[^\w\n]*link to this\b|\bmade this freedom of information request to\b"
)


_DISCLAIMER_RE = re.compile(r"\*{5,}|confidential|intended only|meant only", re.IGNORECASE)
# A web page's furniture under a reply (request sites, disclosure logs): the signature ends.
_PAGE_CHROME_RE = re.compile(
    r"^\s*(?:[-=_*~]{3,}[^\S\n]*\n[^\S\n]*)?(?:link to this|report\b|things to do|similar requests|related (?:requests|by)|"
    r"more requests|add an annotation|send a follow-?up|privacy|share this|back to top)",
    re.IGNORECASE,
)


@dataclass
class Zones:
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
    blocks = _below_forwards(blocks)
    # a request site's thread saved as text heads each message "From: ... Date: ...": no quote
    thread = any(_THREAD_RE.search(block.text) for block in blocks)
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
            if cut is not None and thread and cut.group(0).lstrip().lower().startswith("from:"):
                cut = None
            if cut is not None and _FORWARDED_RE.search(text[: cut.start()]):
                cut = None  # the header of a forwarded message, not a quoted earlier one
            if cut is not None and _passed_on(kept, text, cut.start()):
                # a short note passing on a trust's reply ("Bucks replied to me rather than
                # you"): the quoted message is the trust's; read on below its header
                kept = []
                quoted = text[cut.start() :]
                text = quoted.split("\n\n", 1)[1] if "\n\n" in quoted else ""
                cut = None
                if not text.strip():
                    continue
            if cut is not None and _marked_line_by_line(text[cut.end() :]):
                # "On ... wrote:" over lines each marked ">": the reply goes on below them
                # (answers under the quoted questions, the trust's signature at the end)
                text = text[: cut.start()]
                cut = None
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


def _marked_line_by_line(quoted: str) -> bool:
    """Whether a quoted message's lines are each marked with ">" (so unmarked text after them
    is the sender's again)."""
    lines = [line for line in quoted.splitlines()[1:] if line.strip()]
    return bool(lines) and all(line.lstrip().startswith(">") for line in lines)


def _passed_on(kept: Sequence[tuple[Block, bool]], text: str, cut: int) -> bool:
    """Whether a quoted message is a trust's reply passed on by short notes above it (one
    colleague's, or several forwarding it in turn): the notes' own words under 1,000
    characters, without a greeting or a trust's name, the quoted header from an FOI office or
    a trust. The headers of the forwards between them ("Subject: FW: FOI 24-118") are not
    their words."""
    said = [block.text for block, _ in kept if block.role != BlockRole.EMAIL_HEADER]
    note = "\n".join(
        line
        for line in "\n".join([*said, text[:cut]]).splitlines()
        if not _PRINTED_HEADER_RE.fullmatch(line) and not _FORWARDED_RE.search(line)
    )
    header = "\n".join(text[cut:].splitlines()[:3])
    # (a trust's own officer forwarding a department's answers signs with the trust's name)
    return (
        len(note) < 1000
        and not _TRUST_WORD_RE.search(note)
        and bool(_TRUST_SENDER_RE.search(header))
    )


def _below_forwards(blocks: Sequence[Block]) -> Sequence[Block]:
    """A trust's reply passed on by a chain of colleagues ("Tom - found this in the project
    mailbox", forwarded again with a note): the blocks from the first quoted message whose
    header is a trust's or an FOI office's, when every note above it passes it on
    (``_passed_on``); the blocks unchanged otherwise. One note above is read in place."""
    for index, block in enumerate(blocks):
        if block.role is BlockRole.EMAIL_HEADER:
            continue
        starts = list(_QUOTE_START_RE.finditer(block.text))
        for found in starts:
            header = "\n".join(block.text[found.start() :].splitlines()[:3])
            if not _TRUST_SENDER_RE.search(header):
                continue
            above = [(b, False) for b in blocks[:index] if b.role is not BlockRole.EMAIL_HEADER]
            if not any(_QUOTE_START_RE.search(b.text) for b, _ in above) and found is starts[0]:
                return blocks  # one note above: read in place by _trust_blocks
            if not _passed_on(above, block.text, found.start()):
                return blocks
            quoted = block.text[found.start() :]
            rest = quoted.split("\n\n", 1)[1] if "\n\n" in quoted else ""
            return [*([replace(block, text=rest)] if rest.strip() else []), *blocks[index + 1 :]]
    return blocks


_TRUST_WORD_RE = re.compile(r"\b(?:NHS|Trust|FOI|Freedom of Information)\b|^\W*dear\b", re.M)


_TRUST_SENDER_RE = re.compile(
    r"(?im)^\s*from:.*\b(?:foi|freedom of information|information governance|nhs|trust)\b"
)


_PRINTED_HEADER_RE = re.compile(
    r"[ \t]*(from|sent|date|to|cc|subject|attachments):[ \t]*(.*)", re.I
)


def _printed_mail_header(blocks: list[Block]) -> tuple[list[Block], list[tuple[str, str]]]:
    """A mail printed or saved as a file opens with its own From:/Sent:/To:/Subject: lines:
    they are the message's header, not the start of a quoted earlier message."""
    if not blocks or not re.match(r"(?i)\s*from:\s.*\n\s*(?:sent|date):", blocks[0].text):
        return blocks, []
    lines = blocks[0].text.strip().splitlines()
    pairs = []
    for line in lines:
        found = _PRINTED_HEADER_RE.fullmatch(line)
        if found is None:
            break
        pairs.append((found.group(1).title(), found.group(2).strip()))
    rest = "\n".join(lines[len(pairs) :]).strip()
    first = [replace(blocks[0], text=rest)] if rest else []
    return first + list(blocks[1:]), pairs


def _looks_like_address(block: Block) -> bool:
    """Names and addresses, not sentences: "Training is shared with X NHS Trust." is body."""
    text = block.text.strip()
    return (
        block.role is not BlockRole.FOOTER
        and len(text) <= 200
        and not text.endswith((".", "?", "!"))
        and "? " not in text  # a question (a spreadsheet's last row: "...? | Yes")
    )


# Words of a sentence, which names and addresses seldom have
_PROSE_WORD_RE = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")


def reads_as_prose(block: Block) -> bool:
    """A sentence with ten words or more in lower case, ended ("This policy ... supports the NHS
    England Sexual Safety in Healthcare Charter."), as a page's top lines read as its header
    may be: not a letterhead's tagline ("invented reply, not a real response from this trust")."""
    text = block.text.rstrip()
    return text.endswith(".") and len(_PROSE_WORD_RE.findall(text)) >= 10


_QUOTE_MARKS_RE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_HEADER_LINE_RE = re.compile(r"(?i)^\s*(?:from|sent|date|to|cc|subject):")


def _own_earlier_signature(content: Sequence[Block], senders: Sequence[str]) -> list[Block]:
    """The signature of the sender's own earlier message quoted in a thread (its header from
    the same address as this mail's, "On ..., GOSH FOI <gosh.foi@...> wrote:"): a follow-up
    or a second part often names the trust only there. Its last short lines, at most four."""
    lines = [
        (_QUOTE_MARKS_RE.sub("", line), block)
        for block in content
        for line in block.text.split("\n")
    ]
    wanted = [address.lower() for address in senders]
    starts = [
        _QUOTE_START_RE.match("\n".join(t for t, _ in lines[n : n + 2])) for n in range(len(lines))
    ]
    for n, start in enumerate(starts):
        if not start or n and _FORWARDED_RE.search(lines[n - 1][0]):
            continue  # (a forwarded message's own header: read in place, not quoted)
        header = start.group(0).lower()  # "On ..., X <address> wrote:", "From: X <address>"
        if not any(address in header for address in wanted):
            continue
        message: list[tuple[str, Block]] = []
        for k, (text, block) in enumerate(lines[n + 1 :], start=n + 1):
            if starts[k]:
                break
            if text.strip() and (message or not _HEADER_LINE_RE.match(text)):  # past its header
                message.append((text.strip(), block))
        tail = [(t, b) for t, b in message[-_SIGNATURE_BLOCKS:] if len(t) <= 120]
        return [Block(text, block.locator, block.role) for text, block in tail]
    return []


def _forwarded_senders(content: Sequence[Block]) -> list[str]:
    """The addresses of an FOI office's or a trust's messages forwarded in this mail
    ("---------- Forwarded message --------- From: FOI Team <foi@...>"): read in place as the
    sender's, so that office's own earlier message quoted below is the sender's too."""
    found: list[str] = []
    for block in content:
        lines = block.text.splitlines()
        for n, line in enumerate(lines):
            if _FORWARDED_RE.search(line):
                header = "\n".join(lines[n + 1 : n + 3])
                if _TRUST_SENDER_RE.search(header):
                    found += EMAIL_RE.findall(header)
    return found


def _thread_sign_offs(
    kept: Sequence[tuple[Block, bool]], sign_off: int | None, chrome: int
) -> list[int]:
    """The first sign-off, and each later one below a request site's furniture (``chrome``,
    the first after the sign-off; ``len(kept)`` when there is none)."""
    if sign_off is None:
        return []
    return [sign_off] + [
        i for i in range(chrome + 1, len(kept)) if _SIGN_OFF_RE.match(kept[i][0].text)
    ]


def zones_of(document: Document) -> Zones:
    zones = Zones()
    email = _is_email(document)
    header_pairs: list[tuple[str, str]] = list(document.headers)
    content: list[Block] = []
    for block in document.blocks:
        if block.role is BlockRole.EMAIL_HEADER:
            name, _, value = block.text.partition(":")
            header_pairs.append((name.strip(), value.strip()))
        else:
            content.append(block)
    # A mail printed to a file carries its header as its first lines.
    content, printed = _printed_mail_header(content)
    header_pairs += printed
    email = email or bool(printed)
    for name, value in header_pairs:
        key = name.lower()
        if key == "subject":
            zones.email_header.append((value, "Subject"))
        elif key in {"from", "sender", "reply-to"}:
            display = EMAIL_RE.sub(" ", value).replace("<", " ").replace(">", " ")
            if display.strip():
                zones.email_header.append((display, name))
            for address in EMAIL_RE.findall(value):
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
    if not email and has_header:
        # a page header of a team's name only ("NHFT Information Governance") over the trust's
        # name on the first line of the page: that line is part of the letterhead
        below = next((i for i, (b, _) in enumerate(kept) if b.role is not BlockRole.HEADER), None)
        first_line = next((b for b in content if b.role is not BlockRole.HEADER), None)
        if (
            below is not None
            and first_line is not None
            and kept[below][0] == first_line  # nothing dropped above it (a request quoted)
            and _page_one(first_line)
            and _looks_like_address(first_line)
        ):
            first.add(below)
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
    # A web page's furniture under the reply (and what follows it) is never the signature;
    # the navigation above a reply is left alone.
    sign_off = next(
        (i for i, (block, _) in enumerate(kept) if _SIGN_OFF_RE.match(block.text)), None
    )
    below = sign_off if sign_off is not None else len(kept) // 2
    chrome = next(
        (i for i, (block, _) in enumerate(kept) if i > below and _PAGE_CHROME_RE.match(block.text)),
        len(kept),
    )
    tail = [
        i
        for i, (block, _) in enumerate(kept[:chrome])
        if block.role is not BlockRole.FOOTER and not _DISCLAIMER_RE.search(block.text)
    ][-_SIGNATURE_BLOCKS:]
    last = {
        i
        for i in tail
        if kept[i][0].role is not BlockRole.TITLE and _looks_like_address(kept[i][0])
    }
    # The sign-off and the few blocks under it (name, post, team, trust); a web page's
    # furniture after it (a request site's "Similar requests" naming other trusts) is not. A
    # request site's thread saved as text signs each message off above its "Link to this":
    # every message's sign-off below that furniture counts too (the reply's comes after the
    # acknowledgement's).
    for start in _thread_sign_offs(kept, sign_off, chrome):
        for i in range(start, min(len(kept), start + 1 + _SIGNATURE_BLOCKS)):
            if i > start and (
                kept[i][0].role is BlockRole.TITLE or _PAGE_CHROME_RE.match(kept[i][0].text)
            ):
                break
            if not _DISCLAIMER_RE.search(kept[i][0].text):
                last.add(i)
    if kept and not has_header and 0 not in first and _page_one(kept[0][0]):
        # A plain-text page or log often starts with the trust's name on its first line, in a
        # block that runs on (title, rules): its first short lines are the letterhead.
        opening = [ln for ln in kept[0][0].text.splitlines()[:3] if 0 < len(ln.split()) <= 12]
        opening = opening if kept[0][1] else []
        greeting = _OCR_DEAR_RE.search(kept[0][0].text)
        if greeting and 0 < greeting.start() <= 200 and not opening:
            # a scan's letterhead, address and greeting OCR'd as one long line
            opening = [kept[0][0].text[: greeting.start()]]
        if opening and not email:
            zones.letterhead.append(Block("\n".join(opening), kept[0][0].locator))
    if email:
        # The first lines a trust writes in a mail usually name it ("the FOI team at ..."):
        # the opening of its first blocks, not a whole answer run on in one ("... the national
        # report is available from NHS England")
        for block, _ in kept[:2]:
            if block.role is BlockRole.BODY:
                first_two = " ".join(
                    sentence
                    for sentence in _SENTENCE_BREAK.split(block.text, maxsplit=2)[:2]
                    if not _REFERRED_ELSEWHERE.search(sentence)
                )
                zones.email_header.append((first_two[:_MAIL_OPENING], block.locator))
    if email:
        senders = [address for address, name in zones.addresses if name.lower() == "from"]
        senders += _forwarded_senders(content)
        zones.signature += _own_earlier_signature(content, senders)
    for i, (block, _) in enumerate(kept):
        if (block.role is BlockRole.HEADER and _page_one(block)) or i in first:
            zones.letterhead.append(block)
        elif block.role is BlockRole.FOOTER or i in last:
            zones.signature.append(block)
        else:
            zones.body.append(block)
    return zones
