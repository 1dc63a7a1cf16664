"""Outlook .msg (an OLE compound file of MAPI properties), read with olefile.

extract-msg would do this but is GPL-3.0, which does not fit an MIT tool; the few properties a
reply needs are simple to read directly (MS-OXMSG). Attached files are returned as attachments;
an attached (embedded) message becomes an ``.eml`` built from its properties, which the email
reader then reads like any other.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from foi_audit.errors import CorruptFile
from foi_audit.readers.email import plain_paragraphs
from foi_audit.readers.html import read_html_text
from foi_audit.readers.text import decode_text
from foi_audit.records import Attachment, Block, BlockRole, Extraction

# MAPI property ids
SUBJECT = 0x0037
SENDER_NAME = 0x0C1A
SENDER_EMAIL = 0x0C1F
SENDER_SMTP = 0x5D01
DISPLAY_TO = 0x0E04
DISPLAY_CC = 0x0E03
BODY = 0x1000
BODY_HTML = 0x1013
TRANSPORT_HEADERS = 0x007D
CLIENT_SUBMIT_TIME = 0x0039
DELIVERY_TIME = 0x0E06
CODEPAGE = 0x3FFD
ATTACH_DATA = 0x3701
ATTACH_FILENAME = 0x3704
ATTACH_LONG_FILENAME = 0x3707
ATTACH_DISPLAY_NAME = 0x3001
ATTACH_MIME = 0x370E
ATTACH_CONTENT_ID = 0x3712
ATTACH_FLAGS = 0x3714
PT_UNICODE, PT_STRING8, PT_BINARY, PT_OBJECT, PT_SYSTIME = 0x001F, 0x001E, 0x0102, 0x000D, 0x0040
MAX_DEPTH = 8


def read(data: bytes, name: str) -> Extraction:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except OSError as exc:
        raise CorruptFile(
            f"damaged Outlook message ({exc}): ask for it again as .eml or PDF"
        ) from None
    try:
        message = _Message(ole, [], top_level=True)
        headers = message.headers()
        blocks = [
            Block(f"{key}: {value}", key.lower(), BlockRole.EMAIL_HEADER) for key, value in headers
        ]
        html = message.html_body()
        plain = message.string(BODY)
        if plain.strip():
            blocks.extend(
                Block(p, f"paragraph {n}") for n, p in enumerate(plain_paragraphs(plain), 1)
            )
        elif html.strip():
            blocks.extend(b for b in read_html_text(html) if b.locator != "title")
        attachments = tuple(message.attachments(depth=0))
    finally:
        ole.close()
    return Extraction(
        format="msg",
        blocks=tuple(blocks),
        units=1 + len(attachments),
        attachments=attachments,
        headers=tuple(headers),
    )


class _Message:
    """The properties of one message: the file itself or an embedded one (a sub-storage)."""

    def __init__(self, ole: Any, prefix: list[str], top_level: bool) -> None:
        self.ole = ole
        self.prefix = prefix
        self.header_size = 32 if top_level else 24
        self._fixed: dict[int, bytes] | None = None
        self.codepage = ""
        cp = self.fixed_int(CODEPAGE)
        if cp:
            self.codepage = f"cp{cp}" if cp != 65001 else "utf-8"

    def _stream(self, name: str) -> bytes | None:
        path = [*self.prefix, name]
        if self.ole.exists("/".join(path)) and self.ole.get_type(path) == 2:  # STGTY_STREAM
            try:
                data: bytes = self.ole.openstream(path).read()
                return data
            except OSError:
                return None
        return None

    def string(self, prop: int) -> str:
        unicode = self._stream(f"__substg1.0_{prop:04X}{PT_UNICODE:04X}")
        if unicode is not None:
            return unicode.decode("utf-16-le", "replace").rstrip("\x00")
        raw = self._stream(f"__substg1.0_{prop:04X}{PT_STRING8:04X}")
        if raw is None:
            return ""
        raw = raw.rstrip(b"\x00")
        if self.codepage:
            try:
                return raw.decode(self.codepage)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode_text(raw)

    def binary(self, prop: int) -> bytes | None:
        return self._stream(f"__substg1.0_{prop:04X}{PT_BINARY:04X}")

    def _fixed_properties(self) -> dict[int, bytes]:
        """Fixed-length properties (dates, numbers): 16-byte entries after a header."""
        if self._fixed is None:
            self._fixed = {}
            raw = self._stream("__properties_version1.0") or b""
            for offset in range(self.header_size, len(raw) - 15, 16):
                tag = struct.unpack_from("<I", raw, offset)[0]
                self._fixed[tag] = raw[offset + 8 : offset + 16]
        return self._fixed

    def fixed_int(self, prop: int) -> int:
        value = self._fixed_properties().get((prop << 16) | 0x0003)
        return struct.unpack("<i", value[:4])[0] if value else 0

    def time(self, prop: int) -> dt.datetime | None:
        value = self._fixed_properties().get((prop << 16) | PT_SYSTIME)
        if not value:
            return None
        ticks = struct.unpack("<Q", value)[0]  # 100 ns intervals since 1601-01-01 UTC
        if not ticks:
            return None
        try:
            return dt.datetime(1601, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    def html_body(self) -> str:
        raw = self.binary(BODY_HTML)
        if raw is not None:
            return decode_text(raw.rstrip(b"\x00"))
        return self.string(BODY_HTML)

    def headers(self) -> list[tuple[str, str]]:
        sender_name = self.string(SENDER_NAME)
        sender_address = self.string(SENDER_SMTP) or self.string(SENDER_EMAIL)
        if sender_address and "@" not in sender_address:
            sender_address = ""  # an Exchange X.500 path, not an address
        sender = (
            f"{sender_name} <{sender_address}>"
            if sender_name and sender_address
            else (sender_name or sender_address)
        )
        when = self.time(CLIENT_SUBMIT_TIME) or self.time(DELIVERY_TIME)
        date = format_datetime(when) if when else self._transport_header("Date")
        values = [
            ("Subject", self.string(SUBJECT)),
            ("From", sender or self._transport_header("From")),
            ("To", self.string(DISPLAY_TO)),
            ("Cc", self.string(DISPLAY_CC)),
            ("Date", date),
        ]
        return [(key, " ".join(value.split())) for key, value in values if value.strip()]

    def _transport_header(self, name: str) -> str:
        from email.parser import HeaderParser

        text = self.string(TRANSPORT_HEADERS)
        if not text:
            return ""
        return str(HeaderParser().parsestr(text).get(name) or "")

    def attachments(self, depth: int) -> list[Attachment]:
        result = []
        storages = sorted(
            {
                entry[len(self.prefix)]
                for entry in self.ole.listdir(streams=True, storages=True)
                if len(entry) > len(self.prefix)
                and entry[: len(self.prefix)] == self.prefix
                and entry[len(self.prefix)].startswith("__attach_version1.0_")
            }
        )
        for storage in storages:
            attachment = _Message(self.ole, [*self.prefix, storage], top_level=False)
            attachment.header_size = 8
            name = (
                attachment.string(ATTACH_LONG_FILENAME)
                or attachment.string(ATTACH_FILENAME)
                or attachment.string(ATTACH_DISPLAY_NAME)
            )
            data = attachment.binary(ATTACH_DATA)
            embedded = [*self.prefix, storage, f"__substg1.0_{ATTACH_DATA:04X}{PT_OBJECT:04X}"]
            if data is not None:
                if attachment.string(ATTACH_CONTENT_ID) and attachment.string(
                    ATTACH_MIME
                ).startswith("image/"):
                    continue  # an inline picture (signature logo)
                result.append(Attachment(name or "attachment.bin", data))
            elif self.ole.exists("/".join(embedded)) and depth < MAX_DEPTH:
                inner = _Message(self.ole, embedded, top_level=False)
                subject = inner.string(SUBJECT)
                eml = inner.as_eml(depth + 1)
                stem = (name or subject or "attached message").removesuffix(".msg")[:80]
                result.append(Attachment(stem + ".eml", eml))
        return result

    def as_eml(self, depth: int) -> bytes:
        """An embedded message rebuilt as an RFC 822 message, attachments included."""
        message = EmailMessage()
        for key, value in self.headers():
            try:
                message[key] = value
            except (ValueError, TypeError):
                message[f"X-Original-{key}"] = value.encode("ascii", "replace").decode()
        plain = self.string(BODY)
        html = self.html_body()
        if plain.strip():
            message.set_content(plain)
        elif html.strip():
            message.set_content(html, subtype="html")
        else:
            message.set_content("")
        for attachment in self.attachments(depth):
            message.add_attachment(
                attachment.data,
                maintype="application",
                subtype="octet-stream",
                filename=attachment.name,
            )
        return message.as_bytes()
