"""Word DOCX: body in reading order (paragraphs and table rows interleaved), headers, footers.

python-docx parses with lxml and ``resolve_entities=False``, so external entities in a hostile
file are not fetched or expanded; the zip is checked for bombs before it is opened.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from foi_audit.errors import CorruptFile
from foi_audit.readers._zip import open_zip
from foi_audit.records import Block, BlockRole, Extraction

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read(data: bytes, name: str) -> Extraction:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    open_zip(data, "Word").close()
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise CorruptFile(
            f"damaged Word file ({type(exc).__name__}): ask the trust to send it again or as PDF"
        ) from None
    blocks: list[Block] = []
    seen: set[str] = set()
    for section in document.sections:
        for part in _header_footer_parts(section, "header"):
            blocks.extend(_part_blocks(part, "header", BlockRole.HEADER, seen))
    counter = _Counter()
    token = _NOTES.set(_notes(document))
    try:
        body = list(_body_blocks(document.element.body, counter))
    finally:
        _NOTES.reset(token)
    blocks.extend(_with_notes_inline(body))
    for section in document.sections:
        for part in _header_footer_parts(section, "footer"):
            blocks.extend(_part_blocks(part, "footer", BlockRole.FOOTER, seen))
    return Extraction(format="docx", blocks=tuple(blocks), units=len(document.sections))


class _Counter:
    def __init__(self) -> None:
        self.paragraphs = 0
        self.tables = 0


def _header_footer_parts(section: Any, kind: str) -> Iterator[Any]:
    for attr in (kind, f"first_page_{kind}", f"even_page_{kind}"):
        try:
            part = getattr(section, attr)
            if part.is_linked_to_previous:
                continue
        except (AttributeError, KeyError, ValueError):
            continue
        yield part


def _part_blocks(part: Any, locator: str, role: BlockRole, seen: set[str]) -> list[Block]:
    """A header or footer, each distinct text once (every section repeats them)."""
    blocks = []
    for text in _texts(part._element):
        if text not in seen:
            seen.add(text)
            blocks.append(Block(text, locator, role))
    return blocks


def _texts(element: Any) -> Iterator[str]:
    """Paragraph and row texts under a header/footer element, in order."""
    for child in element.iterchildren():
        if child.tag == f"{W}p":
            yield from (t for t in [_paragraph_text(child), *_textbox_texts(child)] if t)
        elif child.tag == f"{W}tbl":
            for cells in _table_rows(child):
                yield " | ".join(cells)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _texts(content)


def _body_blocks(body: Any, counter: _Counter) -> Iterator[Block]:
    for child in body.iterchildren():
        if child.tag == f"{W}p":
            text = _paragraph_text(child)
            if text:
                counter.paragraphs += 1
                role = BlockRole.TITLE if _is_title(child) else BlockRole.BODY
                yield Block(text, f"paragraph {counter.paragraphs}", role)
            for box_text in _textbox_texts(child):
                counter.paragraphs += 1
                yield Block(box_text, f"paragraph {counter.paragraphs} (text box)")
        elif child.tag == f"{W}tbl" and _is_layout_table(child):
            # a page laid out in a table (a sidebar beside the letter): each cell is read as
            # the body it is, its paragraphs and tables in order
            for tc in child.iterchildren(f"{W}tr"):
                for cell in tc.iterchildren(f"{W}tc"):
                    yield from _body_blocks(cell, counter)
        elif child.tag == f"{W}tbl":
            counter.tables += 1
            for number, cells in enumerate(_table_rows(child), start=1):
                yield Block(
                    " | ".join(cells), f"table {counter.tables} row {number}", BlockRole.TABLE
                )
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_blocks(content, counter)


def _paragraph_text(p: Any) -> str:
    """Visible text of a paragraph: runs, hyperlinks, fields; not text boxes, hidden text or
    deleted text. A footnote or endnote is read where it is referred to, in brackets; a number set in
    superscript (a footnote typed by hand) is kept as a marker for :func:`_with_notes_inline`."""
    parts: list[str] = []
    notes = _NOTES.get()
    for node in p.iter(
        f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}txbxContent", f"{W}delText",
        f"{W}footnoteReference", f"{W}endnoteReference",
    ):  # fmt: skip
        if _in_textbox(node, p) or _hidden(node):
            continue
        if node.tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
            note = (notes or {}).get((node.tag, node.get(f"{W}id")), "")
            parts.append(f" ({note})" if note else "")
        elif node.tag == f"{W}t" and notes is not None and _superscript_number(node):
            parts.append(f"{_MARK}{node.text.strip()}{_MARK}")
        elif node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
    lines = [
        "  ".join(" ".join(seg.split()) for seg in line.split("\t"))
        for line in parts_to_lines(parts)
    ]
    return "\n".join(line.strip() for line in lines if line.strip())


def _hidden(node: Any) -> bool:
    """Text in a run formatted as hidden (``w:vanish``): not what the reader of the reply sees
    ("Kestrel Upstander Ltd" kept out of sight beside "withheld under section 43"); or struck
    through (``w:strike``, ``w:dstrike``): an answer the reply takes back, not its answer."""
    run = node.getparent()
    props = run.find(f"{W}rPr") if run is not None else None
    if props is None:
        return False
    return any(
        flag is not None and flag.get(f"{W}val") not in ("0", "false", "off")
        for flag in (props.find(f"{W}{tag}") for tag in ("vanish", "strike", "dstrike"))
    )


# Footnotes and endnotes of the document being read, by (reference tag, id).
_NOTES: ContextVar[dict[tuple[str, str], str] | None] = ContextVar("docx_notes", default=None)
_MARK = "\x00"  # around a superscript number until its note is found


def _notes(document: Any) -> dict[tuple[str, str], str]:
    """The text of each footnote and endnote (not the separators Word keeps there)."""
    from docx.oxml import parse_xml

    found: dict[tuple[str, str], str] = {}
    for part in document.part.package.iter_parts():
        name = str(part.partname)
        kind = {"/word/footnotes.xml": "footnote", "/word/endnotes.xml": "endnote"}.get(name)
        if kind is None:
            continue
        try:
            root = parse_xml(part.blob)
        except Exception:  # a damaged notes part costs its notes, not the document
            continue
        for note in root.iterchildren(f"{W}{kind}"):
            if note.get(f"{W}type") in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            text = " ".join(
                t for t in (_paragraph_text(p) for p in note.iter(f"{W}p")) if t
            ).strip()
            if text:
                found[(f"{W}{kind}Reference", note.get(f"{W}id"))] = text
    return found


def _superscript_number(node: Any) -> bool:
    """A run of digits set in superscript: a footnote marker typed by hand ("Chief Nurse¹")."""
    text = (node.text or "").strip()
    run = node.getparent()
    if not (text.isdigit() and len(text) <= 2) or run is None or run.tag != f"{W}r":
        return False
    align = run.find(f"{W}rPr/{W}vertAlign")
    return align is not None and align.get(f"{W}val") == "superscript"


def _with_notes_inline(blocks: list[Block]) -> list[Block]:
    """Markers typed by hand replaced by their note in brackets ("the Chief Nurse (Mrs X,
    who took up the post in August)"): the note is the later paragraph that starts with the
    marker's number; a marker with no such note is dropped."""
    out = []
    for index, block in enumerate(blocks):
        text = block.text
        for number in dict.fromkeys(re.findall(f"{_MARK}(\\d+){_MARK}", text)):
            note = next(
                (
                    m.group(1)
                    for later in blocks[index + 1 :]
                    if (m := re.match(rf"{_MARK}?{number}{_MARK}?\s*(\D.*)", later.text, re.S))
                ),
                "",
            )
            if note and not text.startswith(f"{_MARK}{number}{_MARK}"):  # not the note itself
                text = text.replace(f"{_MARK}{number}{_MARK}", f" ({note.strip().rstrip('.')})")
        text = re.sub(f"{_MARK}(\\d+){_MARK}", lambda m: m.group(1) if m.start() == 0 else "", text)
        out.append(block if text == block.text else replace(block, text=text))
    return out


def parts_to_lines(parts: list[str]) -> list[str]:
    return "".join(parts).split("\n")


def _in_textbox(node: Any, stop: Any) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == f"{W}txbxContent":
            return True
        parent = parent.getparent()
    return False


def _textbox_texts(p: Any) -> list[str]:
    """Text boxes anchored in a paragraph (the VML fallback copy is skipped)."""
    texts = []
    for box in p.iter(f"{W}txbxContent"):
        if _has_ancestor(box, MC_FALLBACK, p) or _has_ancestor(box, f"{W}txbxContent", p):
            continue
        for inner in box.iter(f"{W}p"):
            text = _paragraph_text(inner)
            if text:
                texts.append(text)
    return texts


def _has_ancestor(node: Any, tag: str, stop: Any) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def _table_rows(tbl: Any) -> Iterator[list[str]]:
    """Rows of cell texts; a cell spanning columns counts once, a vertical merge's tail is blank."""
    for tr in tbl.iterchildren(f"{W}tr"):
        cells = []
        for tc in tr.iter(f"{W}tc"):
            if _has_ancestor(tc, f"{W}tc", tr):
                continue  # a nested table's cell: included in its outer cell's text
            props = tc.find(f"{W}tcPr")
            if props is not None:
                vmerge = props.find(f"{W}vMerge")
                if vmerge is not None and vmerge.get(f"{W}val") in (None, "continue"):
                    continue
            text = " ".join(line for line in (_cell_text(tc).split("\n")) if line.strip()).strip()
            if text:
                cells.append(text)
        if cells:
            yield cells


def _cell_text(tc: Any) -> str:
    texts = []
    for child in tc.iterchildren():
        if child.tag == f"{W}p":
            texts.append(_paragraph_text(child))
        elif child.tag == f"{W}tbl":
            # a table inside a cell: each row a line ("(a) Delivery: Both. ..."), never cells
            # of the outer row (" | " would shift the outer table's columns)
            texts.extend(_nested_row(cells) for cells in _table_rows(child))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                texts.append(_cell_text(content))
    return "\n".join(t for t in texts if t)


def _is_layout_table(tbl: Any) -> bool:
    """One row of at most three cells, one of them a letter in itself (several paragraphs
    or a table of its own, 400 characters or more): layout, not a table of answers."""
    rows = list(tbl.iterchildren(f"{W}tr"))
    if len(rows) != 1:
        return False
    cells = list(rows[0].iterchildren(f"{W}tc"))
    if not 1 <= len(cells) <= 3:
        return False
    for tc in cells:
        paragraphs = [p for p in tc.iterchildren(f"{W}p") if _paragraph_text(p)]
        nested = any(True for _ in tc.iterchildren(f"{W}tbl"))
        if (len(paragraphs) >= 3 or nested) and len(_cell_text(tc)) >= 400:
            return True
    return False


def _nested_row(cells: list[str]) -> str:
    """A nested table's row as a line: a label and its text joined by a colon."""
    line = cells[0]
    for cell in cells[1:]:
        line += " " if line.endswith((":", "?", ".", ";", "-", "–")) else ": "
        line += cell
    return line


def _is_title(p: Any) -> bool:
    props = p.find(f"{W}pPr")
    if props is None:
        return False
    style = props.find(f"{W}pStyle")
    value = (style.get(f"{W}val") or "") if style is not None else ""
    return value.lower().startswith(("title", "heading1", "heading 1"))
