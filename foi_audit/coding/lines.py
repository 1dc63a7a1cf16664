"""Stage 1, lines: a document's own text as lines with locators (tables kept as cells, e-mail history apart)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from foi_audit.coding.aligned import aligned_rows, answer_column
from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import (
    INLINE_LABEL,
    INTERROGATIVE,
    PART_WORDS,
    PREFIXED_LABEL,
    QUOTE_MARK,
    labelled_paragraphs,
)
from foi_audit.coding.options import unmarked_option_cells
from foi_audit.coding.pages import across_pages
from foi_audit.coding.quoting import below_quote, printed_header
from foi_audit.coding.records import Line
from foi_audit.coding.spelling import mended
from foi_audit.coding.table_rows import (
    COURSE_RECORD,
    NO_EXEMPTION_CELL,
    RECORD_FIELD,
    SECTION_ONLY,
    another_course,
    cell_kinds,
    column_named,
    course_header,
    course_row,
    example_row,
    grouped,
    header_columns,
    header_kind,
    is_questions_header,
    marked_option,
    of_people,
    option_columns,
    people_header,
    person_row,
    spanned,
    under_groups,
    under_merged,
    unfilled,
)
from foi_audit.coding.text import (
    CELL_SPLIT,
    matches_any,
    ocr_bars,
    ocr_boxes,
    ocr_words,
    sent_at,
)
from foi_audit.records import SHEET_FORMATS, BlockRole, Document

# Page-header blocks are read: a reply with no letterhead has its first answers there.
SKIP_ROLES = {BlockRole.EMAIL_HEADER, BlockRole.FOOTER}


_SPACED = frozenset({BlockRole.BODY})  # where a table set out with spaces is looked for
_NEVER_ROWS = frozenset({BlockRole.HEADER, BlockRole.TITLE})


def document_lines(document: Document, compiled: Compiled) -> list[Line]:
    """The document's own lines: in an email, the text above the quoted history."""
    return mail_parts(document, compiled)[0]


_OCR_STOP = re.compile(
    r"\b(of|and|the)\.(?=\s+[A-Za-z])"
    # or before a company's legal form: "Bystander North. CIC." is "Bystander North CIC."
    r"|\b([A-Z][a-z]+)\.(?=\s+(?:CIC|Ltd|Limited|LLP|plc)\b)"
)


# A text table drawn with rules ("+-----+------+"): its rows, a cell's wrapped lines joined
_ASCII_RULE = re.compile(r"(?m)^\s*\+[-=+]{3,}\+?\s*$")


# a text table's rule between its header and rows ("------|------", "|:---|:---|")
_TEXT_TABLE_RULE = re.compile(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?\s*")


def _ascii_rows(text: str) -> str:
    """A text table's rows one line each: a line whose first cell is empty continues the row
    above cell by cell ("| 2a | In-house | External: Bright Line Training |" / "|    |     |
    Partnership |"); rules and other lines end a row."""
    out: list[str] = []
    row: list[str] = []

    def flush() -> None:
        if row:
            out.append(" | ".join(" ".join(cell.split()) for cell in row))
            row.clear()

    for line in text.splitlines():
        stripped = line.strip()
        rule = bool(_ASCII_RULE.match(line))
        if rule or not (stripped.startswith("|") and stripped.endswith("|")):
            flush()
            if not rule:
                out.append(line)
            continue
        cells = [c.strip() for c in stripped[1:-1].split("|")]
        if row and len(cells) == len(row) and not cells[0]:
            row[:] = [f"{a} {b}".strip() for a, b in zip(row, cells, strict=True)]
        else:
            flush()
            row.extend(cells)
    flush()
    return "\n".join(out)


# A case record's field holding the request, not an answer
_REQUEST_FIELD = re.compile(
    r"^(?:request(?: summary| details| text)?|summary of (?:the )?request|details of (?:the )?request|"
    r"information requested|requested information|subject)\s*:?$",
    re.IGNORECASE,
)


def _answers_marked(lines: list[Line]) -> list[Line]:
    """ "Q1: Does the Trust ...? / >> A dedicated policy is being drafted. / Q2: ...?": answers
    typed under each question with quote marks of their own are the reply, no quoted message;
    only when two runs of marked lines or more each follow a question."""
    runs: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if QUOTE_MARK.match(line.text):
            if runs and runs[-1][1] == index:
                runs[-1] = (runs[-1][0], index + 1)
            else:
                runs.append((index, index + 1))
    answering = [(a, b) for a, b in runs if a > 0 and _asks(lines[a - 1].text)]
    if len(answering) < 2:
        return lines
    out = list(lines)
    for a, b in answering:
        for index in range(a, b):
            out[index] = replace(lines[index], text=QUOTE_MARK.sub("", lines[index].text))
    return out


def _asks(text: str) -> bool:
    """An unmarked line asking a question: "...?", or a question's label ("Q1: Whether ...")."""
    return not QUOTE_MARK.match(text) and ("?" in text or bool(PREFIXED_LABEL.match(text)))


def mail_parts(document: Document, compiled: Compiled) -> list[list[Line]]:
    """The document's lines, split in an email at each quoted message ("-----Original
    Message-----", "On ... wrote:"): the first part is the sender's own text, the later parts
    the history below it (a forwarded answer from a department, or the request quoted back)."""
    lines: list[Line] = []
    block_no = 0
    counted = _Count()  # the last number a paragraph started with
    columns: tuple[str, ...] = ()  # cell kinds from the last table header row
    question_columns: list[str] = []  # a header row whose every cell is a numbered question
    course_columns: tuple[str, ...] = ()  # the header of a table of courses, a row each
    options: tuple[int, ...] = ()  # the columns of a choice's options ("Yes | No"), a mark each
    option_header: list[str] = []
    blocks = across_pages(document.blocks)
    in_course = False  # in the record of a course no question asks about
    # a list of the trust's courses as records ("Course: X" over "Status: ..."), two or more
    listed_courses = sum(bool(COURSE_RECORD.match(b.text)) for b in blocks) >= 2
    # a table set out with spaces: where its answers start (0: none)
    spaced = 0 if document.ocr else answer_column([b.text for b in blocks if b.role in _SPACED])
    for block in blocks:
        # (a page's footer saying what was redacted, and under which section, is the reply's:
        # "staff names have been redacted under section 40(2)")
        redaction = block.role is BlockRole.FOOTER and matches_any(
            compiled.doc.redaction_note, block.text
        )
        if block.role in SKIP_ROLES and not redaction:
            continue
        if block.role != BlockRole.TABLE:
            # another course's record in a list of the trust's courses, and the labelled lines
            # it runs on into ("Delivery: Meridian Ltd Requirement: Optional" on a scan)
            if listed_courses and COURSE_RECORD.match(block.text):
                in_course = another_course(block.text, compiled)
            else:
                in_course = in_course and bool(RECORD_FIELD.match(block.text))
            if in_course:
                continue
        text = mended(
            block.text.replace("\u00a0", " "), compiled.misspelt, compiled.people.persons
        )  # "Polciy"
        if document.ocr:
            # a speck read as a full stop after a word no sentence ends on ("Director of. Quality")
            text = _OCR_STOP.sub(lambda stop: stop[1] or stop[2], text)
            text = ocr_boxes(text)  # "L] Yes (™] No": "☐ Yes ☒ No"
            text = ocr_words(_OCR_ONE.sub(r"\g<1>1", text))  # "Qi." is "Q1."
        if document.ocr and block.role != BlockRole.TABLE:
            # a stroke Tesseract read as "|" inside a sentence ("Freedom of | Information") or
            # before marks ("requested. | _ ag"): no cell's edge ("lead for DASV | Ms X" is)
            text = ocr_bars(text)
        if _ASCII_RULE.search(text):
            text = _ascii_rows(text)
        elif spaced and block.role in _SPACED:
            text = aligned_rows(text, spaced)
        # A table block is one row; in other blocks a line with "cell | cell" is a row.
        rows = [text] if block.role == BlockRole.TABLE else text.splitlines()
        prose: list[str] = []
        for row in rows:
            if _TEXT_TABLE_RULE.fullmatch(row):
                continue  # a text table's rule under its header ("-----|-----")
            # (no Q/A rows: a page header's "IG | Unit 2, Kings Court", a web page's title bar
            # "FOI 24-611 Sexual safety | Airedale NHS FT" (an OCR'd page's header is a guess),
            # a scan's "Question 1 - ... | Question 2 - ...")
            # (not a header of the questions across the top, "Q1 Sexual safety policy | Q2 ...")
            heads = (
                not document.ocr
                and (" | " in row or "\t" in row)
                and is_questions_header(CELL_SPLIT.split(row), compiled)
            )
            pieces = [] if heads else labelled_paragraphs(row)
            if (
                pieces
                or (block.role in _NEVER_ROWS and not document.ocr)
                or (block.role != BlockRole.TABLE and " | " not in row and "\t" not in row)
            ):
                prose.extend(pieces or [row])
                continue
            if prose:
                block_no += 1
                lines.extend(_prose_lines("\n".join(prose), block.locator, block_no, counted))
                prose, columns, course_columns, question_columns, options = [], (), (), [], ()
            cells = unmarked_option_cells([c.strip(" |") for c in CELL_SPLIT.split(row)])
            if offered := option_columns(cells):  # (a later table's own header replaces it)
                options, option_header = offered, cells
            elif options and header_columns(cells):
                options = ()  # another table's header, without options
            if options:
                placed = document.format in SHEET_FORMATS
                cells = marked_option(cells, option_header, options, placed)
            if question_columns and (spread := spanned(cells, question_columns, compiled)):
                question_columns = spread  # (a merged header a reader kept as one cell)
                continue
            if is_questions_header(cells, compiled):
                question_columns = under_groups(cells, question_columns)
                continue
            if under_merged(cells, question_columns):
                question_columns = grouped(cells, question_columns)
                continue
            if question_columns and (
                unfilled(cells, question_columns, compiled) or example_row(cells, question_columns)
            ):
                continue  # another provider's row of a regional return, left empty, or its example
            # (a spreadsheet drops the empty cells at a row's end)
            if (
                question_columns
                and len(question_columns) >= len(cells) > len(question_columns) // 2
            ):
                # Questions as column headers over their answers: one question and answer a row
                for question, answer in zip(question_columns, cells, strict=False):
                    kind = header_kind(question)
                    if not question or not answer and kind == "answer":
                        continue
                    block_no += 1
                    if kind in {"answer", "skip"}:
                        # a Notes column: its text under the question it names ("Policy: ...")
                        named = column_named(answer, question_columns, compiled)
                        if kind == "answer" and named:
                            lines.extend(_cell_lines(named, block.locator, block_no, "question"))
                            block_no += 1
                            lines.extend(_cell_lines(answer, block.locator, block_no, "answer"))
                        continue
                    lines.extend(_cell_lines(question, block.locator, block_no, "question"))
                    if answer:  # an empty cell leaves its question unanswered
                        block_no += 1
                        lines.extend(_cell_lines(answer, block.locator, block_no, "answer"))
                continue
            question_columns = []
            if of_people(columns) and len(cells) == len(columns):
                # a row of a table of people: its name, post and part read together, under
                # the area it is about as its question ("Domestic abuse | Mr X | Chief Nurse")
                area, said = person_row(cells, columns)
                for text, kind in ((area, "question"), (said, "answer" if area else "")):
                    if text:
                        block_no += 1
                        lines.extend(_cell_lines(text, block.locator, block_no, kind))
                continue
            if course_columns:
                # a row of a table of courses: the course asked about, or another's (passed over)
                for text, kind in course_row(cells, course_columns, compiled):
                    block_no += 1
                    lines.extend(_cell_lines(text, block.locator, block_no, kind))
                continue
            course_columns = course_header(cells, compiled)
            if course_columns:
                continue
            header = people_header(cells) or header_columns(cells)
            if header:
                if len(columns) == len(header):
                    # a second header row naming some columns (" | Response"): the rest stay
                    header = tuple(
                        h if c else k for h, c, k in zip(header, cells, columns, strict=False)
                    )
                columns = header
                continue
            if _REQUEST_FIELD.match(cells[0]) and len(cells) == 2 and "?" not in cells[1]:
                continue  # a case record's "Request summary | Sexual safety policy; ABT; ...": asked
            kinds = cell_kinds(cells, columns, compiled)
            for cell, kind in zip(cells, kinds, strict=True):
                if kind == "exemption":  # "None" there answers nothing; "s40(2)" stays read
                    kind = "skip" if NO_EXEMPTION_CELL.match(cell) else "answer"
                    if kind == "answer" and SECTION_ONLY.match(cell):
                        cell = f"Exemption applied: {cell}"  # what its column's header says
                if not cell or kind == "skip":
                    continue
                block_no += 1
                pieces = _split_cell(cell) if kind == "answer" else []
                if pieces:
                    # one cell "Request: 1. ...? 2. ...? Response: 1. ... 2. ...": its lines
                    for number, piece in enumerate(pieces):
                        lines.extend(
                            _cell_lines(piece, block.locator, block_no * 1000 + number, "")
                        )
                else:
                    lines.extend(_cell_lines(cell, block.locator, block_no, kind))
        if prose:
            if block.role != BlockRole.TITLE:
                columns, course_columns = (), ()
            block_no += 1
            found = _prose_lines("\n".join(prose), block.locator, block_no, counted)
            if block.role == BlockRole.TITLE:
                found = [replace(line, title=True) for line in found]
            lines.extend(found)
    quoted_mail = compiled.doc.quoted_mail_start
    is_mail = document.format in {"eml", "msg"} or bool(document.headers)
    is_mail = is_mail or document.path.lower().endswith((".eml", ".msg"))
    # a printout's own header ("From: ... Sent: ...") at its top starts no quoted message
    own_header = -1 if is_mail else printed_header(lines)
    is_mail = is_mail or own_header >= 0
    if is_mail and (own := below_quote(lines, quoted_mail)):
        lines = lines[own:] + lines[:own]  # the reply read first, the message it quotes after
    lines = _answers_marked(lines) if is_mail else lines
    cuts: list[int] = []
    for index, line in enumerate(lines if is_mail else ()):
        # A run of "> " lines is one quoted message, and so is a quoted request with answers
        # typed between its "> " questions: once a part opens with "> ", later ones are its.
        quoted_line = QUOTE_MARK.match(line.text)
        continued = quoted_line and QUOTE_MARK.match(lines[index - 1].text)
        interleaved = quoted_line and cuts and QUOTE_MARK.match(lines[cuts[-1]].text)
        # read with the lines below it: Outlook writes its history's headers one a line
        window = "\n".join(below.text for below in lines[index : index + 4])
        # "-----Original Message-----" or a rule of underscores, then "From:": one header
        just_cut = bool(cuts) and cuts[-1] == index - 1 and not quoted_line
        starts = any(pattern.match(window) for pattern in quoted_mail)
        # "> On Tue, 5 Nov ... wrote:" inside a quoted message: the older message it quotes
        # is a part of its own (a department's answers apart from the request they quote)
        bare = "\n".join(QUOTE_MARK.sub("", below.text) for below in lines[index : index + 4])
        nested = quoted_line and any(pattern.match(bare) for pattern in quoted_mail)
        if (
            index > 0
            and index != own_header
            and (nested or (starts and not (continued or interleaved or just_cut)))
        ):
            cuts.append(index)
    bounds = [0, *cuts, len(lines)]
    parts = [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    for number, part in enumerate(parts[1:], start=1):
        unquoted = (replace(line, text=QUOTE_MARK.sub("", line.text)) for line in part)
        parts[number] = [line for line in unquoted if line.text.strip()]
    sent = [s for part in parts if (s := sent_at("\n".join(ln.text for ln in part[:8])))]
    if len(sent) > 1 and sent == sorted(sent) and sent[0] != sent[-1]:
        # a thread printed oldest first (a PDF of the chain): the newest message leads
        parts = parts[::-1]
    return [_relevant_entries(part, compiled) for part in parts]


CELL_SECTION = re.compile(
    r"(?:^|(?<=[.?!:]))\s*\b((?:our |the trust'?s |trust )?(?:response|answer|reply)s?\s*:)\s*"
    r"|^\s*((?:your |the )?(?:original )?request\b[^.?:]{0,40}:)\s*",
    re.IGNORECASE,
)


# "1. Yes" or "Q1 not held": the Q makes a number a label even before a small letter.
CELL_NUMBER = re.compile(
    r"(?:^|\s)(?=(?:(\d{1,2})[.)]\s+[A-Z(]|(?:Q|Question\s*)(\d{1,2})\s*[.):–—-]?\s+\w|"
    r"\((\d{1,2})\)\s+\w))"
)  # "1. Yes", "Q1 not held", "Q2 – Active Bystander Training No", "(1) No dedicated policy"


def _split_cell(text: str) -> list[str]:
    """A table cell that runs a request and its answers together ("Request received ...:
    1. ...? 2. ...? Response: 1. No. 2. Yes.") split at its section words and at numbers that
    count up from 1; [] when the cell is one answer."""
    cuts: set[int] = set()
    sections = 0
    for match in CELL_SECTION.finditer(text):
        word = match.group(1) or match.group(2)
        start = text.index(word, match.start())
        cuts.update((start, start + len(word)))
        sections += 1
    numbers = 0
    previous = 0
    for match in CELL_NUMBER.finditer(text):
        number = int(match.group(1) or match.group(2) or match.group(3))
        after_sentence = (
            not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".?!:"
        )
        # The next number of a count always; a count starts again only after a sentence.
        if number == previous + 1 or (number == 1 and after_sentence):
            cuts.add(match.end())
            previous, numbers = number, numbers + 1
    if not sections and numbers < 2:
        return []
    bounds = sorted({0, *cuts, len(text)})
    pieces = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [piece for piece in pieces if piece]


# A tracked change pasted as text ("[deleted: Yes - ...]"): what was struck out is no answer
DELETED_TEXT = re.compile(
    r"\[(?:deleted|deletion|struck(?:[- ]?(?:out|through))?|strikethrough|removed)\b[^\]]*\]",
    re.IGNORECASE,
)


def _cell_lines(text: str, locator: str, block_no: int, kind: str) -> list[Line]:
    out = []
    for raw_line in DELETED_TEXT.sub(" ", text).splitlines():
        clean = re.sub(r"\s+", " ", raw_line).strip(" |")
        if clean:
            out.append(Line(clean, locator, block_no, kind))
    return out


@dataclass
class _Count:
    """The number the last numbered paragraph of a document started with ("3. Sexual safety
    policy"): OCR runs the next one into the end of an answer ("... subject. 4. Incidents")."""

    last: int = 0


def _prose_lines(text: str, locator: str, block_no: int, counted: _Count) -> list[Line]:
    out = []
    for number, piece in enumerate(_split_inline_labels(text, counted)):
        out.extend(_cell_lines(piece, locator, block_no * 1000 + number, ""))
    return out


# OCR's "i", "l" or "]" for the "1" of a question label at a line's start (not "Question | A")
_OCR_ONE = re.compile(r"(?m)^(\W{0,2}(?:Q|Question)\s?)[il\]](?=[.:)]?\s)")


def _split_inline_labels(text: str, counted: _Count) -> list[str]:
    """OCR and careless layouts run answers together ("Q3. N/A. Q4. Yes."): split at each
    "Q4." / "Question 4:" that follows the end of a sentence."""
    # answers run into one paragraph after a reference or a link ("Ref: 24/0551 1) Yes. ...
    # policy at https://... 2) Yes. 3) N/A."): first cut at each item of a numbered run
    cuts = [start for start in _numbered_run(text) if start > 0]
    runs = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    parts = [
        piece
        for run in runs
        for part in INLINE_LABEL.split(run)
        for piece in _split_counted(part, counted)
    ]
    return [part for part in parts if part.strip()] or [text]


# (OCR's stray comma: "Not currently. , 3. If ..."; a dash after it: "3 — N/A. 4 — Yes: X")
INLINE_NUMBER = re.compile(
    # (after a sentence, or after a dash answering the item before: "3. - 4. Yes - Mrs X")
    r"(?:(?<=[.!?])|(?<=\d[.)]\s[–—-]))\s+(?:[,;]\s+)?"
    # "Question 4" may end the paragraph: OCR ran the next heading into this answer's line
    # ("2. 2021: 38; ..." and "11. 3,402": a numbered answer may be a figure)
    # ("2b. Is it mandatory ...?": a lettered part of the question before)
    r"(?=(?:\(?(\d{1,2})(?:[a-h](?=[.)]))?(?:[.)]\s+(?:[A-Z(\d£]|[–—-](?=\s))|\s*[–—-]\s+[A-Z(]|\([a-h]\)\s+[A-Z])|(?:Q|Question\s*)(\d{1,2})[.):]?(?:\s+\w|\s*$)))"
    # OCR lost the full stop, but a question follows: "... sexual harassment 4. If not, do you"
    # (never the first: "please tell me: 1. Does ..." is a request quoted whole)
    r"|(?<=[a-z:])\s+(?=(\d{1,2})[.)]\s+(?:If|Has|Have|Do|Does|Is|Are|Please|What|Who|How|Which)\b)"
    # a case system's bare numbers, counting on ("... covers this area. 2 Yes. ... 3 Not
    # applicable. 4 Yes, Dr X")
    r"|(?<=[.!?])\s+(?=(\d{1,2})\s+[A-Z](?![A-Z]))"
    # a table's cells run into one paragraph: each question restated after its number, bare
    # or with its part ("... Training Collective 2(b) Is it mandatory or optional? Mandatory";
    # "Question Response 1 Does the Trust have ...?")
    r"|(?<=\S)\s+(?=(\d{1,2})(?:\([a-h]\)|[a-h])?\s+(?:If|Has|Have|Do|Does|Is|Are|Please|What|Who|"
    r"How|Which)\s[^?]{10,300}\?)"
)


_CELLS_HEADER = re.compile(r"\b(?:response|answer|reply)s?\s*$", re.IGNORECASE)
LEADING_NUMBER = re.compile(r"^\s*(?:Q|Question\s*|\()?(\d{1,2})(?:[.):]?\s|\s*[–—-]+\s*(?=\S))")
HEADING_NUMBER = re.compile(r"^\s*(?:Q|Question\s*)(\d{1,2})[.):]?\s*$")  # "Question 1" alone
RUNNING_NUMBER = re.compile(r"^\s*(?:Q|Question\s*|\()?(\d{1,2})(?:[.):,]\s+|\s*[–—-]+\s*)[A-Z(]")

_JOINED_LABEL = re.compile(r"\s*(?:and|&)\s*", re.IGNORECASE)


def _split_counted(text: str, counted: _Count) -> list[str]:
    """ "3) ... 2025. 4) Michelle Tandy, ...": a paragraph OCR merged from numbered answers
    split at each bare "N)" / "N." after a sentence that counts up from the paragraph's own
    number (from the last numbered paragraph's when it has none), so "section 2. 4. Next" is
    not cut."""
    leading = LEADING_NUMBER.match(text) or HEADING_NUMBER.match(text)
    previous = int(leading.group(1)) if leading else counted.last
    label = RUNNING_NUMBER.match(text) or HEADING_NUMBER.match(text)  # not "4 December 2024"
    counted.last = int(label.group(1)) if label else counted.last
    cuts: list[int] = []
    for match in INLINE_NUMBER.finditer(text):
        number = int(
            match.group(1) or match.group(2) or match.group(3) or match.group(4) or match[5]
        )
        if match.group(3) and number == 1:
            continue
        if match[5] and number == 1 and not _CELLS_HEADER.search(text, 0, match.start()):
            continue  # (a request quoted whole: "please tell me: 1 Does ...? 2 Is ...?")
        # counting on from the last numbered paragraph, or from 1 (answers under a request
        # quoted whole: "... below. 1. Yes. 2. ...")
        part = re.match(
            r"\d{1,2}(?:\([a-h]\)|[a-h][.)]|[a-h](?=\s))", text[match.end() :]
        )  # "2(b)", "2b."
        if (
            number == previous + 1
            or (part and number in (previous, previous + 1))
            or (number == 1 and not cuts and not leading)
        ):
            cuts.append(match.end())
            previous = number
    if leading and not cuts and "?" not in text:
        # "3. N/A 4. Yes - Rebecca Fairlie, Chief Nurse.": the next number after a short
        # answer without a full stop (not among questions OCR ran together)
        for item in _RUN_ITEM.finditer(text, leading.end()):
            if _JOINED_LABEL.fullmatch(text, leading.end(), item.start()):
                break  # "Q2 and Q3 We are still collating ...": one answer to both
            if int(item["label"] or item["bare"]) == previous + 1:
                cuts.append(item.start())
                previous += 1
    if cuts:
        counted.last = previous
    bounds = [0, *cuts, len(text)]
    # a stray comma OCR left before a cut is no part of the answer ("Not currently. , 3.")
    return [
        text[a:b].strip().rstrip(",;" if b in cuts else "").strip()
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def _numbered_run(text: str) -> list[int]:
    """Where each item starts of a run "1. ... 2. ... 3. ..." (three or more items counting up
    by one from 1) inside ``text``, whatever stands before each item; [] when there is none."""
    run: list[int] = []
    for item in _RUN_ITEM.finditer(text):
        if _SERIES_WORD.search(text, 0, item.start()):
            continue  # a course's own parts: "Session 1 – What stops us ... Session 2 – ..."
        number = int(item["label"] or item["bare"])
        if number == len(run) + 1:
            run.append(item.start())
        elif number == 1 and len(run) < 3:
            run = [item.start()]
    if len(run) < 3 and not (len(run) == 2 and _SALUTED.search(text[: run[0]])):
        return []  # (two items after "Dear Ms Tarrant," are the reply's first answers)
    # a request quoted in one paragraph ("please tell me: 1. Does ...? 2) Whether ...") is
    # read whole
    items = [text[a:b] for a, b in zip(run, [*run[1:], len(text)], strict=True)]
    asked = sum(
        "?" in item or bool(INTERROGATIVE.match(_RUN_ITEM.sub("", item, 1))) for item in items
    )
    return [] if asked * 2 >= len(items) else run


_SERIES_WORD = re.compile(rf"\b{PART_WORDS}\s*$", re.IGNORECASE)
_SALUTED = re.compile(r"\bdear\s[^,.;:]{1,40},?\s*$", re.I)
_RUN_ITEM = re.compile(
    r"(?:^|(?<=\s))(?:(?:Question|Q)\s*(?P<label>\d{1,2})[.):]?|(?P<bare>\d{1,2})(?:[.)]|\s+[–—-]))"
    r"\s+(?=[A-Z(])"
)


_REFERENCE_NUMBER = re.compile(r"\d{3,}")
_YEARS = frozenset(str(year) for year in range(1990, 2100))


def _entry_title(line: Line) -> bool:
    """A short line of its own that does not end a sentence: an entry's title."""
    text = line.text.strip()
    return not line.cell and 0 < len(text.split()) <= 12 and not text.endswith((".", ":", "?"))


def _relevant_entries(lines: list[Line], compiled: Compiled) -> list[Line]:
    """A page listing several requests (a disclosure log) keeps only the entries on topic."""
    heading = compiled.doc.entry_heading
    reference = compiled.doc.entry_reference
    starts = []
    for i, line in enumerate(lines):
        if PREFIXED_LABEL.match(line.text):
            continue  # "Request 3 - Plans to introduce ABT": a question's label, no log entry
        if matches_any(heading, line.text) or (
            line.cell in {"label", "question"} and matches_any(reference, line.text)
        ):
            starts.append(i)
        elif (
            i
            and not line.cell
            and matches_any(reference, line.text)
            and _REFERENCE_NUMBER.search(line.text)
            and _entry_title(lines[i - 1])
            and (not starts or starts[-1] < i - 1)
        ):
            # "Agency spend – radiographers" / "Reference FOI 5292": a title line, then its
            # reference on a line of its own (not "Request 3" labelling a question)
            starts.append(i - 1)
        elif (
            not line.cell
            and (matches_any(reference, line.text) or _NUMBER_TITLE.match(line.text))
            and _REFERENCE_NUMBER.search(line.text)
            and i + 1 < len(lines)
            and _FIRST_ITEM.match(lines[i + 1].text)
        ):
            # a reply answering several requests, each under its reference (alone, or with a
            # title: "5821 - Sexual safety of staff") with its own numbering from 1
            # ("RDUH-2412-077" / "1. Policy on violence against staff", "FOI 0916" / "Question 1")
            starts.append(i)
    if len(starts) < 2:
        return lines
    bounds = [*starts, len(lines)]
    relevance = compiled.doc.relevance
    head = lines[: starts[0]]
    entries = [lines[begin:end] for begin, end in zip(bounds, bounds[1:], strict=False)]
    relevant = [e for e in entries if matches_any(relevance, " ".join(ln.text for ln in e))]
    asked = [_questions_asked(e, compiled) for e in relevant]
    ours = {n for e, count in zip(relevant, asked, strict=True) if count >= 2 for n in _refs(e)}
    if ours:
        # An entry that asks several of our questions is our request: another request, by
        # its own reference, asking only one, on a nearby subject ("Who leads on domestic
        # abuse support?"), is someone else's (not "Request 4:" or "FOI-1609/4", a question
        # of this one; nor an entry asking none, which may be the request's answers split off)
        relevant = [
            e
            for e, count in zip(relevant, asked, strict=True)
            if count != 1 or not _refs(e) or _refs(e) & ours
        ]
    # (a later line naming only another entry's reference, "Annex - s43 public interest test
    # (UHD 1462 only)", is that request's)
    # (a year is no reference: "Agency spend 2023/24")
    theirs = {n for e in entries if not any(e is r for r in relevant) for n in _refs(e)}
    ours_too = {n for e in relevant for n in _refs(e)}
    # (a line of ours pointing at another entry, "Please see the response to FOI 2024/0456 on
    # this page", stays ours)
    kept = [
        line
        for entry in relevant
        for number, line in enumerate(entry)
        if not number
        or not (found := _numbers(line.text)) & theirs
        or found & ours_too
        or _POINTS_AT.search(line.text)
    ]
    return head + kept if kept else lines


# ("1. Policy", "Question 1"; not a date, "1 April 2025", nor a count, "1 member of staff")
_FIRST_ITEM = re.compile(r"^\W*(?:(?:Q|Question)\s*1\b|1\s*[.):\-–]\s*\S)", re.IGNORECASE)
_NUMBER_TITLE = re.compile(
    r"^\W*(?:[A-Z]{2,6}[\s/-]*)?\d{3,}[\w/-]*\s*[-–—:|]\s*[A-Z][^.?!]{2,80}$"
)


_POINTS_AT = re.compile(
    r"\b(?:see|refer to|referred to|as per|answered in)\b[^.]{0,40}\b(?:FOI|request|ref)",
    re.IGNORECASE,
)


def _numbers(text: str) -> set[str]:
    """Reference numbers in ``text``, without a year beside another number ("2024/0456")."""
    found = set(_REFERENCE_NUMBER.findall(text))
    return found - _YEARS if found - _YEARS else found


def _refs(entry: list[Line]) -> set[str]:
    """The reference numbers an entry's first line gives ("FOI/24/1180" -> {"1180"}; not the
    year every entry's reference shares, "FOI 2024/0456" -> {"0456"})."""
    return _numbers(entry[0].text)


def _questions_asked(entry: list[Line], compiled: Compiled) -> int:
    """How many of the study's questions (not their parts) an entry's question lines ask (its
    whole text when it restates none with a "?": "Q1 Sexual safety policy - Yes ... Q4 ...")."""
    asked = [line.text for line in entry if "?" in line.text] or [line.text for line in entry]
    return sum(
        1
        for q in compiled.questions
        if not q.parent and any(matches_any(q.cues, text) for text in asked)
    )
