"""Paragraphs a page break cut in two, joined again (the footer and header between set aside)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from foi_audit.records import Block, BlockRole

_PAGE = re.compile(r"^page (\d+)\b")
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"”’]\s*$")
# Words a sentence never ends on: "... is our Chief Nurse and" runs on over the page
_RUNS_ON = frozenset(
    ("and", "or", "of", "the", "to", "for", "a", "an", "with", "by", "in", "on", "at", "is")
    + ("are", "was", "be", "our", "their", "its", "from", "&", "as", "who", "which", "that")
)
_BETWEEN_PAGES = frozenset({BlockRole.HEADER, BlockRole.FOOTER})
# What a page's last line says of the next page: "... specifically /continued", "(cont'd)"
_CONTINUED = re.compile(
    r"(?i)\s*(?:[/(\[]\s*(?:continued|cont['\u2019]?d|cont\.)\s*[)\]]?"
    r"|continued (?:overleaf|on (?:the )?next page)|cont['\u2019]d)\s*$"
)


def across_pages(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each paragraph that runs on from the foot of one page to the top of
    the next ("... is our Chief Nurse and" | footer | "Director of Patient Experience.") made
    one block again, at the place of its first half."""
    out: list[Block] = []
    last = -1  # the place in ``out`` of the last body paragraph, while only a page's frame follows
    # "/continued" on a line of its own under it: an unfinished paragraph runs on, whatever
    # its last word
    marked = False
    for block in blocks:
        if block.role in _BETWEEN_PAGES:
            out.append(block)
            continue
        if (
            block.role is BlockRole.BODY
            and last >= 0
            and block.locator == out[last].locator
            and not _CONTINUED.sub("", block.text)
        ):
            marked = True
            continue
        if (
            block.role is BlockRole.BODY
            and last >= 0
            and ((marked and _cut_by_page(out[last], block)) or _runs_on(out[last], block))
        ):
            first = out[last]
            out[last] = replace(
                first,
                text=f"{_CONTINUED.sub('', first.text).rstrip()} {block.text.lstrip()}",
                unsure=first.unsure + block.unsure,
            )
            last, marked = -1, False
            continue
        out.append(block)
        last = len(out) - 1 if block.role is BlockRole.BODY else -1
        marked = False
    return out


def _next_page(first: Block, then: Block) -> bool:
    before, after = _PAGE.match(first.locator), _PAGE.match(then.locator)
    return bool(before and after and int(after[1]) == int(before[1]) + 1)


def _cut_by_page(first: Block, then: Block) -> bool:
    """A paragraph left unfinished at the foot of a page, the next page's first."""
    text = _CONTINUED.sub("", first.text).rstrip()
    return _next_page(first, then) and bool(text) and not _ENDS_SENTENCE.search(text)


def _runs_on(first: Block, then: Block) -> bool:
    if not _next_page(first, then):
        return False
    text, next_text = _CONTINUED.sub("", first.text).rstrip(), then.text.lstrip()
    if not text or not next_text or _ENDS_SENTENCE.search(text):
        return False
    return text.split()[-1].lower() in _RUNS_ON or next_text[0].islower()
