"""HTML (saved disclosure-log pages, HTML-only emails): one block per paragraph, heading,
list item and table row. Scripts, styles, navigation and struck-through text are dropped; the page's own
``<header>``/``<footer>`` (not an article's) get roles HEADER/FOOTER, where a trust's name sits.
"""

from __future__ import annotations

import re
from typing import Any

from foi_audit.records import Block, BlockRole, Extraction

# (struck-through text, "<del>Yes. Chief Nurse. The name is withheld ...</del>" above an
# update, is what the page takes back: not an answer)
DROP = {
    "script", "style", "noscript", "template", "nav", "svg", "iframe", "object", "form", "del",
    "s", "strike",
}  # fmt: skip
BLOCK = {
    "p", "div", "li", "dt", "dd", "blockquote", "pre", "section", "article", "main", "aside",
    "address", "figcaption", "caption", "ul", "ol", "dl", "body", "html", "fieldset", "details",
    "summary", "center", "hr",
}  # fmt: skip
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def read(data: bytes, name: str) -> Extraction:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    return Extraction(format="html", blocks=tuple(html_blocks(soup)), units=1)


def read_html_text(text: str) -> list[Block]:
    """Blocks of an HTML string (an email's HTML body)."""
    from bs4 import BeautifulSoup

    return html_blocks(BeautifulSoup(text, "html.parser"))


def html_blocks(soup: Any) -> list[Block]:
    walker = _Walker()
    title = soup.find("title")
    if title is not None and title.get_text(strip=True):
        walker.blocks.append(Block(" ".join(title.get_text().split()), "title", BlockRole.TITLE))
    for dropped in soup.find_all(["head", *DROP]):
        dropped.decompose()
    walker.walk(soup, BlockRole.BODY, "")
    walker.flush(BlockRole.BODY, "")
    return walker.blocks


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.paragraphs = 0
        self.tables = 0

    def flush(self, role: BlockRole, locator: str) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if not text:
            return
        if not locator:
            self.paragraphs += 1
            locator = f"paragraph {self.paragraphs}"
        self.blocks.append(Block(text, locator, role))

    def walk(self, node: Any, role: BlockRole, locator: str) -> None:
        from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

        for child in list(node.children):
            if isinstance(child, Comment | Doctype | Declaration | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            tag = (child.name or "").lower()
            if tag in DROP:
                continue
            if tag == "br":
                self.buffer.append(" ")
            elif tag == "img":
                alt = str(child.get("alt") or "").strip()
                if alt and role in (BlockRole.HEADER, BlockRole.FOOTER):
                    self.buffer.append(f" {alt} ")
            elif tag == "table" and _links_only(child):
                continue  # a menu laid out as a table is navigation
            elif tag == "table" and _lays_out_page(child):
                self.flush(role, locator)  # its cells are the page's parts, each read as blocks
                self.walk(child, role, locator)
                self.flush(role, locator)
            elif tag == "table":
                self.flush(role, locator)
                self._table(child, role, locator)
            elif tag in ("header", "footer") and not _inside_content(child):
                self.flush(role, locator)
                new_role = BlockRole.HEADER if tag == "header" else BlockRole.FOOTER
                self.walk(child, new_role, tag)
                self.flush(new_role, tag)
            elif tag in HEADINGS:
                self.flush(role, locator)
                self.walk(child, role, locator)
                self.flush(BlockRole.TITLE if role == BlockRole.BODY else role, locator)
            elif tag in BLOCK or tag in ("header", "footer", "tr", "td", "th", "tbody"):
                self.flush(role, locator)
                self.walk(child, role, locator)
                self.flush(role, locator)
            else:
                self.walk(child, role, locator)

    def _table(self, table: Any, role: BlockRole, locator: str) -> None:
        self.tables += 1
        number = 0
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue
            cells = []
            for cell in tr.find_all(["td", "th"]):
                if cell.find_parent("tr") is not tr:
                    continue
                text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(cell.get_text(" ").split()))
                if text:
                    cells.append(text)
            if cells:
                number += 1
                row_locator = locator or f"table {self.tables} row {number}"
                row_role = BlockRole.TABLE if role == BlockRole.BODY else role
                self.blocks.append(Block(" | ".join(cells), row_locator, row_role))


def _own_cells(table: Any) -> list[Any]:
    return [c for c in table.find_all(["td", "th"]) if c.find_parent("table") is table]


def _lays_out_page(table: Any) -> bool:
    """A table used to lay out a page (old disclosure-log sites): a cell holds a table, a
    heading or a rule, so its cells are columns of the page, not a row of answers."""
    return any(cell.find(["table", "hr", *HEADINGS]) is not None for cell in _own_cells(table))


def _links_only(table: Any) -> bool:
    """A menu laid out as a table: three or more cells, each only a link."""
    cells = [c for c in _own_cells(table) if c.get_text(strip=True)]
    return len(cells) >= 3 and all(
        c.get_text(strip=True) == "".join(a.get_text(strip=True) for a in c.find_all("a"))
        for c in cells
    )


def _inside_content(tag: Any) -> bool:
    """A <header>/<footer> inside an article or section heads that entry, not the page."""
    return tag.find_parent(["article", "section", "main"]) is not None
