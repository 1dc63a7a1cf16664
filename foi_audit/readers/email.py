"""Emails (.eml): headers, plain or HTML body, attachments (including forwarded messages).

Bodies are decoded by their declared charset when it works, else UTF-8, else the charset
charset-normalizer finds; undecodable bytes become U+FFFD, never a crash. Inline images
(signature logos) are ignored; other attached files are returned for their own readers.
"""

from __future__ import annotations

import contextlib
import re
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import Any

from foi_audit.readers.html import read_html_text
from foi_audit.readers.image import pictures_a_page
from foi_audit.readers.text import csv_rows, decode_text
from foi_audit.records import Attachment, Block, BlockRole, Extraction

HEADER_NAMES = ("Subject", "From", "To", "Cc", "Date")
EXTENSION_BY_TYPE = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "text/plain": ".txt",
    "text/html": ".html",
    "text/csv": ".csv",
    "message/rfc822": ".eml",
}


def read(data: bytes, name: str) -> Extraction:
    message = BytesParser(policy=policy.default).parsebytes(data)
    headers = message_headers(message)
    blocks = [
        Block(f"{key}: {value}", key.lower(), BlockRole.EMAIL_HEADER) for key, value in headers
    ]
    bodies: list[tuple[str, str]] = []  # (kind, text)
    attachments: list[Attachment] = []
    _collect(message, bodies, attachments, top=True)
    paragraphs = 0
    for kind, text in bodies:
        if kind == "html":
            for block in read_html_text(text):
                if block.locator == "title":
                    continue
                if block.locator.startswith("paragraph"):
                    paragraphs += 1
                    block = Block(block.text, f"paragraph {paragraphs}", block.role)
                blocks.append(block)
        else:
            for paragraph in plain_paragraphs(text):
                paragraphs += 1
                blocks.append(Block(paragraph, f"paragraph {paragraphs}"))
    return Extraction(
        format="eml",
        blocks=tuple(blocks),
        units=1 + len(attachments),
        attachments=tuple(attachments),
        headers=tuple(headers),
    )


def message_headers(message: Message) -> list[tuple[str, str]]:
    headers = []
    for key in HEADER_NAMES:
        value = ""
        try:
            raw = message.get(key)
            value = str(raw) if raw is not None else ""
        except Exception:  # a malformed header: keep its raw bytes as text
            with contextlib.suppress(Exception):
                value = str(message.get_all(key, [""])[0])
        value = " ".join(value.split())
        if value:
            headers.append((key, value))
    return headers


def plain_paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for chunk in text.split("\n\n"):
        lines = [line.rstrip() for line in chunk.split("\n")]
        joined = "\n".join(line for line in lines if line.strip()).strip()
        if joined:
            paragraphs.extend(csv_rows(joined) or [joined])
    return paragraphs


def _collect(
    part: Message, bodies: list[tuple[str, str]], attachments: list[Attachment], top: bool
) -> None:
    ctype = part.get_content_type()
    if ctype == "message/rfc822" and not top:
        attachments.append(Attachment(_attachment_name(part, ctype), _embedded_bytes(part)))
        return
    if part.is_multipart():
        subparts = list(_subparts(part))
        if ctype == "multipart/alternative":
            # the same text twice: prefer plain, unless it is empty or a stub of the HTML
            # ("Please see the table in the HTML version of this message")
            plain = [p for p in subparts if p.get_content_type() == "text/plain"]
            chosen = [p for p in plain if _text(p).strip()]
            html = _html_parts(subparts)[-1:]
            if html and chosen and _stub_of(_text(chosen[0]), _text(html[0])):
                # (Outlook's HTML sits in a multipart/related with its pictures: keep them)
                chosen = [next(p for p in subparts if html[0] in (p, *_html_parts([p])))]
            if not chosen:
                chosen = [p for p in subparts if p.get_content_type() != "text/plain"][-1:]
            for sub in chosen:
                _collect(sub, bodies, attachments, top=False)
            for sub in subparts:  # a page pasted into the html body that was not chosen
                if sub not in chosen:
                    _collect(sub, [], attachments, top=False)
            return
        for sub in subparts:
            _collect(sub, bodies, attachments, top=False)
        return
    disposition = (part.get_content_disposition() or "").lower()
    filename = _filename(part)
    maintype = part.get_content_maintype()
    if maintype == "image" and (disposition != "attachment" or part.get("Content-ID")):
        # logos and inline pictures, but a page pasted into the body ("see our response in
        # the image below") is read like an attached scan
        payload = _payload(part)
        if payload and pictures_a_page(payload):
            attachments.append(Attachment(_attachment_name(part, ctype), payload))
        return
    if ctype in ("text/plain", "text/html") and disposition != "attachment" and not filename:
        bodies.append(("html" if ctype == "text/html" else "plain", _text(part)))
        return
    if disposition == "attachment" or filename or maintype == "application":
        payload = _payload(part)
        if payload:
            attachments.append(Attachment(_attachment_name(part, ctype), payload))


def _html_parts(parts: list[Message]) -> list[Message]:
    """The text/html parts among ``parts``, those inside a multipart/related included."""
    found = []
    for part in parts:
        if part.get_content_type() == "text/html":
            found.append(part)
        elif part.get_content_type() == "multipart/related":
            found += _html_parts(_subparts(part))
    return found


def _stub_of(plain: str, html: str) -> bool:
    """Whether the plain text says much less than the HTML (its tables, most often): the HTML
    is parsed only when its words, tags stripped crudely, could be that many more."""
    enough = 2 * len(plain.split()) + 20
    if len(_TAG.sub(" ", html).split()) <= enough:
        return False  # (most mails: no parse of an HTML body that will not be read)
    return len("\n".join(block.text for block in read_html_text(html)).split()) > enough


_TAG = re.compile(r"<[^>]*>")


def _subparts(part: Message) -> list[Message]:
    payload = part.get_payload()
    return [p for p in payload if isinstance(p, Message)] if isinstance(payload, list) else []


def _filename(part: Message) -> str:
    try:
        return part.get_filename() or ""
    except Exception:
        return ""


def _attachment_name(part: Message, ctype: str) -> str:
    name = _filename(part)
    if name:
        return name
    if ctype == "message/rfc822":
        inner = _subparts(part)
        subject = ""
        if inner:
            with contextlib.suppress(Exception):
                subject = str(inner[0].get("Subject") or "")
        return (" ".join(subject.split())[:80] or "forwarded message") + ".eml"
    return "attachment" + EXTENSION_BY_TYPE.get(ctype, ".bin")


def _embedded_bytes(part: Message) -> bytes:
    inner = _subparts(part)
    if inner:
        with contextlib.suppress(Exception):
            return inner[0].as_bytes(policy=policy.default.clone(linesep="\r\n"))
        with contextlib.suppress(Exception):
            return bytes(inner[0])
    raw = part.get_payload(decode=True)
    return raw if isinstance(raw, bytes) else b""


def _payload(part: Message) -> bytes:
    try:
        raw = part.get_payload(decode=True)
    except Exception:
        raw = None
    if isinstance(raw, bytes):
        return raw
    payload: Any = part.get_payload()
    return payload.encode("utf-8", "replace") if isinstance(payload, str) else b""


def _text(part: Message) -> str:
    """A text part's content, whatever its charset claims."""
    raw = _payload(part)
    charset = (part.get_content_charset() or "").lower()
    if charset and charset not in ("us-ascii", "ascii"):
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(raw)
