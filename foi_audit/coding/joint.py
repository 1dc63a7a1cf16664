"""Joint replies: one letter answering for several trusts, seen as each trust's own reply.

Trusts that share an FOI service answer in one letter laid out in one of four ways, and each
trust's view of the letter keeps what is its own and what is shared:

- **sections**: a heading names one trust ("Section B – East Cheshire NHS Trust", "KGH
  response:") and its answers follow; a trust's view is the text before the first heading
  plus its own section.
- **columns**: a table whose header row names a trust per column ("Your question | KGH |
  NGH"); a trust's view keeps each row's question cells and its own column.
- **rows**: a regional return, a table whose rows each open with one trust's name under a
  header row of questions ("Organisation | Q1 Dedicated policy | ..."); a trust's view keeps the
  header row and its own rows, and no other body's.
- **shared**: one set of answers for all; a clause given to another trust ("for WCHC, Mr
  Neil Oduya ...", "ECT: No.") is left out of this trust's view, a clause naming both kept,
  and a clause giving a part to each ("at Barnsley, X, and at Rotherham, Y") keeps its own.

A body's reply that carries one trust's answers (an ICB's letter, ``Match.method`` "carried")
is, for that trust, its section alone: from the heading naming it to the end.

The matcher says which trusts a file answers for (``Match.also``); a trust's names are its
register names and initialisms (``register.names.own_names``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from foi_audit.coding.text import CELL_SPLIT, SENTENCE_END, own_names_pattern
from foi_audit.records import Block, BlockRole, Document
from foi_audit.register.names import owner_cells, owner_column

__all__ = ["JointLayout", "TrustView", "documents_by_trust", "trust_view"]


class JointLayout(StrEnum):
    SOLE = "sole"  # not a joint reply
    SECTIONS = "sections"
    COLUMNS = "columns"
    ROWS = "rows"
    SHARED = "shared"
    CARRIED = "carried"  # a body's reply (an ICB's) carrying the trust's answers in a section


@dataclass(frozen=True)
class TrustView:
    document: Document  # the trust's own view (same path and locators)
    layout: JointLayout
    partners: tuple[str, ...] = ()  # the other trusts the letter answers for


def documents_by_trust(documents: Sequence[Document]) -> dict[str, list[Document]]:
    """Each trust's documents: those matched to it and the joint replies that answer for it."""
    by_trust: dict[str, list[Document]] = {}
    for document in documents:
        for code in dict.fromkeys((document.match.trust_code, *document.match.also)):
            if code:
                by_trust.setdefault(code, []).append(document)
    return by_trust


_FRAME = {BlockRole.HEADER, BlockRole.FOOTER, BlockRole.EMAIL_HEADER}
# Words a section heading may have besides the trust's name.
_HEADING_FILLER = re.compile(
    r"(?i)\b(?:section|part|annex|appendix|response|responses|reply|answers?|information|"
    r"for|from|to|by|of|the|our|trust|[a-z]|[ivx]+|\d+)\b|[^\w\s]"
)
# "for WCHC, Mr ...": the words that give the rest of a clause to one trust.
_ATTRIBUTION = re.compile(r"(?i)\b(?:for|at|in|within)\s+$")
_LABEL_START = re.compile(r"^\s*(?:(?:Q(?:uestion)?\.?\s*)?\d+[a-z]?[.):]?|\([a-z0-9]+\))\s+")


def trust_view(
    document: Document, trust_code: str, names: Mapping[str, Sequence[str]]
) -> TrustView:
    """``trust_code``'s view of ``document`` (the document itself when it is not joint)."""
    if document.match.method == "carried":
        return TrustView(_carried(document, trust_code, names), JointLayout.CARRIED)
    joint = tuple(dict.fromkeys((document.match.trust_code, *document.match.also)))
    if len(joint) < 2 or trust_code not in joint:
        return TrustView(document, JointLayout.SOLE)
    partners = tuple(c for c in joint if c != trust_code)
    places = _places({c: names.get(c, ()) for c in joint})
    patterns = {c: own_names_pattern((*names.get(c, ()), *places[c])) for c in joint}
    if any(p is None for p in patterns.values()):
        return TrustView(document, JointLayout.SHARED, partners)
    naming = _Naming({c: p for c, p in patterns.items() if p is not None})
    owner = _attachment_owner(document, naming)
    if owner:
        # one trust's answers attached to a mail answering for several ("NNUH-24-2901
        # response.pdf"): that trust's alone
        mine = owner == trust_code
        return TrustView(
            document if mine else replace(document, blocks=()), JointLayout.SECTIONS, partners
        )
    layout = JointLayout.COLUMNS
    owned = _by_columns(document.blocks, trust_code, naming)
    if owned is None:
        layout, owned = JointLayout.ROWS, _by_rows(document.blocks, trust_code, naming)
    if owned is None:
        layout, owned = JointLayout.SECTIONS, _by_sections(document.blocks, trust_code, naming)
    if owned is None:
        layout, owned = JointLayout.SHARED, [(b, False) for b in document.blocks]
    # In the trust's own section or column every sentence is its own; elsewhere a clause
    # given to another trust only is left out.
    blocks = [b if own else _own_clauses(b, trust_code, naming) for b, own in owned]
    kept = tuple(b for b in blocks if b is not None)
    return TrustView(replace(document, blocks=kept), layout, partners)


def _attachment_owner(document: Document, naming: _Naming) -> str:
    """The one trust an attachment of a joint reply is named for, by its file name or its
    letterhead; "" when it names none, or several (a joint letter attached)."""
    if " > " not in document.path:
        return ""
    head = [document.path.rsplit(" > ", 1)[-1]]
    head += [b.text for b in document.blocks[:3] if b.role is not BlockRole.TABLE]
    named = naming.named("\n".join(head))
    body = naming.named("\n".join(b.text for b in document.blocks))
    return next(iter(named)) if len(named) == 1 and body <= named else ""


def _carried(document: Document, trust: str, names: Mapping[str, Sequence[str]]) -> Document:
    """The trust's section of a body's reply: from the first line naming the trust with no
    sentence in it ("RESPONSE FROM X", "Part 2 - X") to the end. The body's own answers
    before it ("The ICB does not hold this information") are not the trust's."""
    own = own_names_pattern(names.get(trust, ()))
    if own is None:
        return document
    for number, block in enumerate(document.blocks):
        if block.role in _FRAME:
            continue
        lines = block.text.split("\n")
        start = next(
            (
                i
                for i, line in enumerate(lines)
                if own.search(line) and len(line) <= 120 and not line.rstrip().endswith(".")
            ),
            None,
        )
        if start is not None:
            kept = [b for b in document.blocks[:number] if b.role in _FRAME]
            first = replace(block, text="\n".join(lines[start:]))
            return replace(document, blocks=(*kept, first, *document.blocks[number + 1 :]))
    return document


# "Barnsley Hospital", "The Rotherham": a trust's place, the word a joint letter calls it by
_PLACE = re.compile(
    r"^(?:[Tt]he\s+)?(?P<place>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?:\s+(?:University\s+)?(?:Teaching\s+)?Hospitals?)?$"
)


def _places(names: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each joint trust's place alone ("at Barnsley, the Chief Nurse ...; at Rotherham, ..."),
    where no other trust of the letter shares it. A place alone names a town too, so only
    a joint letter, between its own trusts, reads it as a trust's name."""
    found = {
        code: {m["place"] for n in own if (m := _PLACE.match(n))} for code, own in names.items()
    }

    def elsewhere(place: str, code: str) -> bool:  # "Wirral" in "Wirral Community Health"
        word = re.compile(rf"\b{re.escape(place)}\b")
        return any(word.search(n) for o, own in names.items() if o != code for n in own)

    return {
        code: tuple(sorted(p for p in mine if not elsewhere(p, code)))
        for code, mine in found.items()
    }


@dataclass(frozen=True)
class _Naming:
    patterns: Mapping[str, re.Pattern[str]]

    def named(self, text: str) -> set[str]:
        return {code for code, pattern in self.patterns.items() if pattern.search(text)}

    def strip(self, text: str) -> str:
        for pattern in self.patterns.values():
            text = pattern.sub(" ", text)
        return text

    def first(self, text: str, codes: set[str]) -> int:
        found = [m.start() for c in codes if (m := self.patterns[c].search(text))]
        return min(found) if found else 0


def _heading_of(block: Block, naming: _Naming) -> str:
    """The trust a block heads a section for: its first line short, naming one trust and
    little else."""
    text = block.text.strip()
    if block.role in _FRAME or block.role is BlockRole.TABLE:
        return ""
    # A heading may open the block its answers are in ("PAHT\n1. Yes ..."), under a rule
    # ("=====\nSUSSEX PARTNERSHIP NHS FOUNDATION TRUST\n=====").
    text = next((line.strip() for line in text.split("\n") if any(c.isalpha() for c in line)), "")
    if len(text) > 120 or " | " in text:
        return ""
    named = naming.named(text)
    if len(named) != 1:
        return ""
    stripped = naming.strip(text)
    label = stripped.split(":", 1)
    if len(label) == 2 and _HEADING_FILLER.sub(" ", label[1]).split():
        return ""  # "NGH: No.": a trust's label before its answer, no heading
    rest = _HEADING_FILLER.sub(" ", stripped).split()
    return next(iter(named)) if len(rest) <= 1 else ""


def _by_sections(
    blocks: Sequence[Block], trust: str, naming: _Naming
) -> list[tuple[Block, bool]] | None:
    """The blocks before the first trust's heading (shared) and the trust's own section."""
    headings = [_heading_of(b, naming) for b in blocks]
    if len({h for h in headings if h}) < 2 or trust not in headings:
        return None  # a letter in sections heads at least two trusts' answers
    kept: list[tuple[Block, bool]] = []
    owner = ""  # whose section a block is in ("" before the first heading)
    for block, heading in zip(blocks, headings, strict=True):
        owner = heading or owner
        if block.role in _FRAME or owner == "":
            kept.append((block, False))
        elif owner == trust:
            kept.append((block, True))
    return kept


def _is_row(block: Block) -> bool:
    # (a letterhead "Trust A | Trust B" over a table is no row)
    return (
        block.role not in _FRAME
        and (block.role is BlockRole.TABLE or " | " in block.text)
        and "\n" not in block.text
    )


def _text_rows_apart(blocks: Sequence[Block]) -> list[Block]:
    """A plain-text e-mail's table ("Question | KGH | NGH" and its rows, one paragraph) as
    a block per row."""
    apart: list[Block] = []
    for block in blocks:
        lines = block.text.split("\n")
        if block.role not in _FRAME and sum(" | " in line for line in lines) >= 2:
            apart.extend(replace(block, text=line) for line in lines if line.strip())
        else:
            apart.append(block)
    return apart


def _by_rows(
    blocks: Sequence[Block], trust: str, naming: _Naming
) -> list[tuple[Block, bool]] | None:
    """A table with a row per trust: the trust's own rows under the row that heads them; the
    rows of others (a trust, an ICB answering for information) are left out."""
    owners: list[str | None] = []
    column = None  # the column a header names as the trust's ("Responding trust")
    for block in blocks:
        if not _is_row(block):
            column = None
            owners.append(None)
            continue
        cells = _cells(block.text)
        headed = owner_column(cells)
        column = column if headed is None else headed
        named = next((n for cell in owner_cells(cells, column) if (n := naming.named(cell))), set())
        owners.append(named.pop() if len(named) == 1 else "")
    if len({o for o in owners if o}) < 2 or trust not in owners:
        return None
    kept: list[tuple[Block, bool]] = []
    in_rows = False  # below the first trust's row, until the table ends
    for index, (block, owner) in enumerate(zip(blocks, owners, strict=True)):
        if owner is None:
            in_rows = False
            kept.append((block, False))
        elif owner == trust:
            in_rows = True
            kept.append((block, True))
        elif owner or in_rows:
            in_rows = True  # another trust's row, or another body's below them
        elif index + 1 < len(owners) and owners[index + 1] is not None:
            kept.append((block, True))  # the header row over the trusts' rows
    return kept


def _cells(text: str) -> list[str]:
    return [c.strip(" |") for c in CELL_SPLIT.split(text)]


def _column_owners(cells: Sequence[str], naming: _Naming) -> list[str] | None:
    """A header row's trust per column ("" for the question's), when two or more columns
    each name a different trust."""
    owners = []
    for cell in cells:
        named = naming.named(cell)
        owners.append(next(iter(named)) if len(named) == 1 else "")
    distinct = [o for o in owners if o]
    return owners if len(distinct) >= 2 and len(set(distinct)) == len(distinct) else None


def _by_columns(
    blocks: Sequence[Block], trust: str, naming: _Naming
) -> list[tuple[Block, bool]] | None:
    """Table rows cut to their question cells and the trust's own column, below a header row
    naming a trust per column (a table continued on the next page keeps its columns)."""
    kept: list[tuple[Block, bool]] = []
    owners: list[str] | None = None
    headers: list[str] = []  # the header row's cells ("Kettering General Hospital ... (KGH)")
    rows_cut = 0
    for block in _text_rows_apart(blocks):
        if not _is_row(block):
            kept.append((block, False))
            continue
        cells = _cells(block.text)
        header = _column_owners(cells, naming)
        if header is not None and trust in header:
            owners, headers = header, cells
            if _labels_only(cells, header):
                if not all(header):  # "Question | KGH | NGH | Notes"
                    kept.append((replace(block, text=_own_header(cells, header, trust)), True))
                continue  # "KGH | NGH": only the trusts' names, above the rows' own cells
        row_owners = owners
        leading = next((i for i, o in enumerate(owners or []) if o), 0)  # question cells
        if owners is not None and header is None and len(cells) == leading + 1:
            # "4. Executive lead | Yes – Ms X (covers both Trusts)": one cell merged across
            # the trusts' columns answers for all of them
            kept.append((block, True))
            rows_cut += 1
            continue
        if owners is not None and len(cells) > len(owners) and all(owners):
            # "KGH | NGH" over "Offered? | Yes | No": the empty corner cell was not kept
            row_owners = [""] * (len(cells) - len(owners)) + owners
        elif owners is not None and header is None and len(cells) < len(owners):
            cells = cells + [""] * (len(owners) - len(cells))  # empty last cells not kept
        if row_owners is None or len(cells) != len(row_owners):
            kept.append((block, False))
            continue
        if header is None:
            rows_cut += 1
        cells = _partners_answers(cells, row_owners, trust, naming, headers)
        mine = [c for c, o in zip(cells, row_owners, strict=True) if o in {"", trust}]
        while len(mine) > 1 and not mine[-1]:
            mine.pop()  # the empty cells added above
        kept.append((replace(block, text=" | ".join(mine)), True))
    # a header row with no rows beneath (a sign-off "Trust A | Trust B") is no table
    return kept if rows_cut else None


def _partners_answers(
    cells: list[str], owners: Sequence[str], trust: str, naming: _Naming, headers: Sequence[str]
) -> list[str]:
    """The trust's cell that answers by another trust's column ("As KGH.", "Same as for
    Kettering") given that column's answer; the other trust named as the register names it or
    as its column's header does ("Kettering General Hospital NHS FT (KGH)")."""
    out = list(cells)
    shift = len(cells) - len(headers)  # an empty corner cell the header row did not keep
    for index, (cell, owner) in enumerate(zip(cells, owners, strict=True)):
        found = _AS_PARTNER.match(cell) if owner == trust else None
        if not found:
            continue
        named = naming.named(found["partner"]) - {trust}
        said = re.compile(rf"(?<!\w){re.escape(found['partner'])}(?!\w)", re.IGNORECASE)
        columns = {
            other
            for column, other in enumerate(owners)
            if other
            and other != trust
            and 0 <= column - shift < len(headers)
            and said.search(headers[column - shift])
        }
        partners = (named | columns) & (set(owners) - {trust, ""})
        if len(partners) == 1:
            out[index] = cells[owners.index(partners.pop())]
    return out


_AS_PARTNER = re.compile(
    r"^\W*(?:the\s+)?(?:same\s+as|as(?:\s+(?:for|per|with))?|see)\s+(?:for\s+)?(?P<partner>.{2,80}?)"
    r"(?:['’]s(?:\s+answer)?|\s+(?:above|answer|column))?\W*$",
    re.IGNORECASE,
)


def _labels_only(cells: Sequence[str], owners: Sequence[str]) -> bool:
    """A header row names each trust in a short cell (a row of answers naming the trusts,
    "KGH's policy is in draft | Yes. NGH's policy ...", is no header)."""
    return all(len(c.split()) <= 6 for c, o in zip(cells, owners, strict=True) if o)


def _own_header(cells: Sequence[str], owners: Sequence[str], trust: str) -> str:
    """The header row in the trust's view: its own column is the response column."""
    own = ("Response" if o == trust else c for c, o in zip(cells, owners, strict=True))
    return " | ".join(c for c, o in zip(own, owners, strict=True) if o in {"", trust})


def _own_clauses(block: Block, trust: str, naming: _Naming) -> Block | None:
    """The block without the clauses given to other trusts of the letter only."""
    if block.role in _FRAME or not (naming.named(block.text) - {trust}):
        return block
    lines = [_own_line(line, trust, naming) for line in block.text.split("\n")]
    text = "\n".join(line for line in lines if line.strip())
    return replace(block, text=text) if text.strip() else None


def _own_line(line: str, trust: str, naming: _Naming) -> str:
    kept = ""
    owner = ""  # the trust a label gave the line to ("GHFT: Yes. It is optional."), until another
    whole = True  # the clause before was kept whole
    for clause in SENTENCE_END.split(line):
        part = _own_part(clause, trust, naming, owner := _labelled(clause, naming) or owner)
        if part.strip():
            # after a clause left out ("At Barnsley it is mandatory; [at Rotherham it is
            # optional]"), a line of its own: not read on from the clause before it
            kept += (" " if whole or not kept else "\n") + part if kept else part
        whole = part == clause
    return kept


def _own_part(clause: str, trust: str, naming: _Naming, owner: str) -> str:
    """What of one clause is the trust's: all of it, a part, a label, or nothing."""
    named = naming.named(clause)
    label = _LABEL_START.match(clause)
    if owner and owner != trust and trust not in named:
        # keep "4." so the answers that follow stay under their question
        return label.group(0).rstrip() if label else ""
    if owner == trust:
        return clause
    if (own := _attributed(clause, trust, naming)) is not None:
        return own  # "are, at Barnsley, X, and at Rotherham, Y": this trust's part
    others = named - {trust}
    if not others or trust in named:
        return clause
    before = clause[: naming.first(clause, others)]
    intro = _ATTRIBUTION.search(before)
    if intro or (before.strip() and before.rstrip().endswith(":")):
        # "... its own executive lead: [for WCHC, Mr Neil Oduya ...]"
        return (before[: intro.start()] if intro else before).rstrip()
    return label.group(0).rstrip() if label else ""


def _attributed(clause: str, trust: str, naming: _Naming) -> str | None:
    """A clause that gives a part to each of two trusts or more ("The executive leads are, at
    Barnsley, the Chief Nurse, Mrs X, and at Rotherham, Dr Y"): its head and this trust's
    part ("The executive leads are, at Rotherham, Dr Y"); None when it does not."""
    starts = sorted(
        (intro.start(), code)
        for code, pattern in naming.patterns.items()
        for found in pattern.finditer(clause)
        if (intro := _ATTRIBUTION.search(clause[: found.start()]))
    )
    if len({code for _, code in starts}) < 2:
        return None
    ends = [start for start, _ in starts[1:]] + [len(clause)]
    own = [
        re.sub(r"[\s,;]*\band\s*$", "", clause[start:end]).rstrip(" ,;")
        for (start, code), end in zip(starts, ends, strict=True)
        if code == trust
    ]
    text = " ".join([clause[: starts[0][0]].rstrip(), *own]).strip()
    stop = clause.rstrip()[-1:]
    return text + stop if stop in ".!?" and not text.endswith(stop) else text


_LABEL_COLON = re.compile(r"^\s*([^:.;]{1,60}?)\s*:\s")


def _labelled(clause: str, naming: _Naming) -> str:
    """The trust a clause opens with as its label ("GHFT: Yes.", "2. For KGH: No."), if any."""
    found = _LABEL_COLON.match(_LABEL_START.sub("", clause, count=1))
    if not found:
        return ""
    named = naming.named(found.group(1))
    rest = _HEADING_FILLER.sub(" ", naming.strip(found.group(1))).split()
    if len(named) != 1:
        return ""
    (code,) = named
    # "Q2 Active Bystander Training Walsall Healthcare: Yes.": a topic, then the trust's label
    last = [m.end() for m in naming.patterns[code].finditer(found.group(1))]
    after_topic = len(rest) <= 5 and bool(last) and last[-1] == len(found.group(1))
    return code if len(rest) <= 1 or after_topic else ""
