"""Legacy and less common word-processor formats: .doc (refused with advice), ODT and RTF."""

from __future__ import annotations

import re

from foi_audit.errors import CorruptFile, UnsupportedFormat
from foi_audit.readers._zip import open_zip
from foi_audit.records import Block, BlockRole, Extraction

DOC_MESSAGE = (
    "legacy Word .doc: open it in Word or LibreOffice and save as DOCX or PDF, e.g. "
    "`soffice --headless --convert-to docx FILE`"
)
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def read_doc(data: bytes, name: str) -> Extraction:
    raise UnsupportedFormat(DOC_MESSAGE)


# --- ODT -------------------------------------------------------------------------------------


def read_odt(data: bytes, name: str) -> Extraction:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    archive = open_zip(data, "OpenDocument")
    blocks: list[Block] = []
    try:
        with archive:
            content = archive.read("content.xml")
            styles = archive.read("styles.xml") if "styles.xml" in archive.namelist() else b""
        root = ElementTree.fromstring(content)
        header_blocks, footer_blocks = [], []
        if styles:
            style_root = ElementTree.fromstring(styles)
            for element in style_root.iter(f"{{{STYLE_NS}}}header"):
                header_blocks += [Block(t, "header", BlockRole.HEADER) for t in _odt_texts(element)]
            for element in style_root.iter(f"{{{STYLE_NS}}}footer"):
                footer_blocks += [Block(t, "footer", BlockRole.FOOTER) for t in _odt_texts(element)]
    except (KeyError, ElementTree.ParseError) as exc:
        raise CorruptFile(f"damaged OpenDocument file ({exc}): ask for it as DOCX or PDF") from None
    except DefusedXmlException:
        raise UnsupportedFormat(
            "the OpenDocument file uses XML entities or DTDs (unsafe): ask for it as PDF"
        ) from None
    blocks.extend(header_blocks)
    body = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
    paragraphs = tables = 0
    for kind, text in _odt_items(body if body is not None else root):
        if kind == "p":
            paragraphs += 1
            blocks.append(Block(text, f"paragraph {paragraphs}"))
        elif kind == "h":
            paragraphs += 1
            blocks.append(Block(text, f"paragraph {paragraphs}", BlockRole.TITLE))
        elif kind == "table":
            tables += 1
            rows = text.split("\x1e")
            for number, row in enumerate(rows, start=1):
                blocks.append(Block(row, f"table {tables} row {number}", BlockRole.TABLE))
    blocks.extend(footer_blocks)
    return Extraction(format="odt", blocks=tuple(blocks), units=1)


def _odt_text(element: object) -> str:
    """All text under an element; <text:s/>, tabs and line breaks become spaces."""
    parts: list[str] = []

    def walk(node: object) -> None:
        tag = getattr(node, "tag", "")
        if tag in (f"{{{TEXT_NS}}}s", f"{{{TEXT_NS}}}tab", f"{{{TEXT_NS}}}line-break"):
            parts.append(" ")
        elif getattr(node, "text", None):
            parts.append(node.text)  # type: ignore[attr-defined]
        for child in list(node):  # type: ignore[call-overload]
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return " ".join("".join(parts).split())


def _odt_items(element: object) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for child in list(element):  # type: ignore[call-overload]
        tag = child.tag
        if tag in (f"{{{TEXT_NS}}}p", f"{{{TEXT_NS}}}h"):
            text = _odt_text(child)
            if text:
                items.append(("h" if tag.endswith("}h") else "p", text))
        elif tag == f"{{{TABLE_NS}}}table":
            rows = []
            for row in child.iter(f"{{{TABLE_NS}}}table-row"):
                cells = [_odt_text(c) for c in row if c.tag == f"{{{TABLE_NS}}}table-cell"]
                cells = [c for c in cells if c]
                if cells:
                    rows.append(" | ".join(cells))
            if rows:
                items.append(("table", "\x1e".join(rows)))
        else:  # lists, sections, frames: their paragraphs in order
            items.extend(_odt_items(child))
    return items


def _odt_texts(element: object) -> list[str]:
    return [text for _, text in _odt_items(element) for text in text.split("\x1e")]


# --- RTF -------------------------------------------------------------------------------------

_RTF_TOKEN = re.compile(
    rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
_RTF_SKIP = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header", b"footer",
    b"headerl", b"headerr", b"headerf", b"footerl", b"footerr", b"footerf", b"themedata",
    b"colorschememapping", b"latentstyles", b"datastore", b"xmlnstbl", b"listtable",
    b"listoverridetable", b"rsidtbl", b"generator", b"filetbl", b"revtbl", b"fldinst",
}  # fmt: skip


def read_rtf(data: bytes, name: str) -> Extraction:
    text = rtf_to_text(data)
    blocks = []
    number = 0
    for paragraph in text.split("\n"):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            number += 1
            role = BlockRole.TABLE if " | " in paragraph else BlockRole.BODY
            blocks.append(Block(paragraph, f"paragraph {number}", role))
    return Extraction(format="rtf", blocks=tuple(blocks), units=1)


def rtf_to_text(data: bytes) -> str:
    """A small RTF-to-text converter: paragraphs, table cells (`` | ``), code-page and Unicode
    escapes; font tables, pictures, headers' formatting and other destinations skipped."""
    codepage = "cp1252"
    match = re.search(rb"\\ansicpg(\d+)", data[:2000])
    if match:
        codepage = f"cp{int(match.group(1))}"
    out: list[str] = []
    stack: list[tuple[bool, int]] = []
    skipping = False
    uc_skip = 1  # characters to drop after a \uN escape
    pending_skip = 0
    destination_next = False
    for m in _RTF_TOKEN.finditer(data):
        word, arg, hex_byte, symbol, brace, literal = m.groups()
        if brace == b"{":
            stack.append((skipping, uc_skip))
            destination_next = False
            continue
        if brace == b"}":
            if stack:
                skipping, uc_skip = stack.pop()
            continue
        if pending_skip and (hex_byte or literal):
            if literal:
                drop = min(pending_skip, len(literal))
                literal = literal[drop:]
                pending_skip -= drop
            else:
                pending_skip -= 1
                continue
        if symbol is not None:
            if symbol == b"*":
                destination_next = True
                skipping = True
            elif symbol in (b"\\", b"{", b"}") and not skipping:
                out.append(symbol.decode())
            elif symbol == b"~" and not skipping:
                out.append(" ")
            continue
        if word is not None:
            if word in _RTF_SKIP or destination_next:
                skipping = True
            destination_next = False
            if skipping:
                continue
            if word in (b"par", b"line", b"row", b"sect", b"page"):
                out.append("\n")
            elif word == b"cell":
                out.append(" | ")
            elif word == b"tab":
                out.append(" ")
            elif word == b"uc" and arg:
                uc_skip = int(arg)
            elif word == b"u" and arg:
                code = int(arg)
                out.append(chr(code + 65536 if code < 0 else code))
                pending_skip = uc_skip
            continue
        if skipping:
            continue
        if hex_byte is not None:
            try:
                out.append(bytes([int(hex_byte, 16)]).decode(codepage))
            except (LookupError, UnicodeDecodeError):
                out.append(bytes([int(hex_byte, 16)]).decode("cp1252", "replace"))
        elif literal:
            out.append(literal.decode(codepage, "replace"))
    text = "".join(out)
    text = re.sub(r"(\s*\|\s*)+\n", "\n", text)  # trailing cell marks at a row end
    return text
