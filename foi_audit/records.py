"""Records passed between stages: frozen dataclasses and enums only, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockRole(StrEnum):
    """Where on the document a block sits; the matcher trusts letterheads more than body text."""

    BODY = "body"
    HEADER = "header"  # page header / letterhead region
    FOOTER = "footer"
    TABLE = "table"
    EMAIL_HEADER = "email_header"  # Subject/From/To/Date lines
    TITLE = "title"  # document title, sheet title rows


@dataclass(frozen=True)
class Block:
    """A piece of text and where it came from (``page 2``, ``Sheet2!B4``, ``paragraph 12``)."""

    text: str
    locator: str
    role: BlockRole = BlockRole.BODY


@dataclass(frozen=True)
class Attachment:
    """A file found inside another (email attachment, embedded message)."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Extraction:
    """What a reader returns for one file."""

    format: str
    blocks: tuple[Block, ...]
    units: int = 0  # pages, sheets or parts
    ocr: bool = False
    attachments: tuple[Attachment, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()  # email headers kept for matching and dates
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def header(self, name: str) -> str:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return ""


class FileStatus(StrEnum):
    OK = "ok"
    DUPLICATE = "duplicate"
    UNMATCHED = "unmatched"
    ERROR = "error"


@dataclass(frozen=True)
class Trust:
    code: str
    name: str  # as trusts write it (title case)
    region: str
    trust_type: str  # acute | mental_health | community | ambulance | specialist | ...
    open_date: str  # ISO yyyy-mm-dd
    close_date: str = ""  # ISO or blank while open
    postcode: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """Which trust a file belongs to, how that was decided, and how sure."""

    trust_code: str  # blank when unmatched or ambiguous
    method: str  # mapping | code_in_name | name_in_name | letterhead | signature | ... | none
    score: float  # 0..100
    message: str = ""
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One input file or attachment after reading and matching."""

    path: str  # relative to the raw folder; attachments as ``mail.eml > answers.pdf``
    sha256: str
    format: str
    units: int
    chars: int
    ocr: bool
    status: FileStatus
    message: str = ""
    match: Match = field(default_factory=lambda: Match("", "none", 0.0))
    blocks: tuple[Block, ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    parent: str = ""  # path of the containing file, for attachments
    duplicate_of: str = ""


@dataclass(frozen=True)
class CodedValue:
    """One field's value for one trust, with the evidence that decided it."""

    trust_code: str
    field: str
    value: str  # blank = the replies give no information
    quote: str = ""
    source: str = ""  # document path
    locator: str = ""
    confidence: float = 0.0
    rule: str = ""
    needs_review: bool = False
