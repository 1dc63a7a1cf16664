"""Table rows: what a header says its columns hold, and what each cell of a row is."""

from __future__ import annotations

import re

from foi_audit.coding.compiled import Compiled
from foi_audit.coding.labels import (
    BOXED,
    FORM_ROW_LABEL,
    HEADER_ANSWER,
    HEADER_LABEL,
    HEADER_QUESTION,
    HEADER_SKIP,
    INTERROGATIVE,
    LABEL,
    LABEL_ONLY,
    NO_CHANGE,
    STARTS_LIKE_ANSWER,
    trailing_cells_dropped,
)
from foi_audit.coding.options import one_choice
from foi_audit.coding.questions import OTHER, classify_question, top_question
from foi_audit.coding.text import matches_any

# A column of the exemptions each answer relies on ("Exemption applied"; not a survey's
# "Section"): "None" there is no answer to the question, a section there is still an exemption
HEADER_EXEMPTION = re.compile(
    r"^(?:foi )?(?:exemptions?(?: (?:applied|cited|used|engaged|relied (?:up)?on))?"
    r"|sections? (?:applied|cited|engaged|relied (?:up)?on))$"
)
# a cell of sections only ("s43(2)", "s36(2)(b)(ii) and s36(2)(c)"): no words say they withhold
SECTION_ONLY = re.compile(
    r"^\W*(?:(?:s|section|sections)\.?\s*\d{1,2}[\w()]*\W*(?:and\W+)?)+$", re.I
)
NO_EXEMPTION_CELL = re.compile(r"^\W*(?:none|no|n/?a|nil|not applicable|none applied)?\W*$", re.I)
# a header naming what is withheld ("Information withheld", "Redacted item")
_WITHHELD = re.compile(r"\bwithh[eo]ld\b|\bredact", re.I)
_SPECKS_AFTER = re.compile(r"\s+[.,:;~_'`]+$")

# A table of people ("Name | Role | Responsibility", "Role | Name | Notes"): a column of names
HEADER_PERSON = re.compile(
    r"^(?:names?|full name|post ?holder|name of (?:post ?holder|individual|officer|lead)|"
    r"individual|person|lead name|named lead)$"
)
# ... or a column of leads by their part ("Executive lead | Deputy lead"), beside a column of
# the areas they lead ("Area", "Portfolio")
HEADER_LEAD = re.compile(
    r"^(?:(?:executive|exec|deputy|operational|board|accountable|named) )+leads?$"
)
# the other headings of a table of people ("Role", "Job title", "Notes")
HEADER_PEOPLE_OTHER = re.compile(
    r"^(?:roles?|job titles?|titles?|posts?|positions?|designations?|job roles?|board roles?|"
    r"responsibility|responsibilities|notes?|comments?|details|department|directorate|"
    r"organisation|contact|contact details|email|voting|executive portfolio|lead roles?)$"
)
# ... or a column to pass over ("Reports to": another post, not the row's)
HEADER_PEOPLE_SKIP = re.compile(
    r"^(?:reports? to|reporting (?:to|line)|line manager|accountable to|manager|deputy|cover)$"
)
HEADER_AREA = re.compile(
    r"^(?:area|areas|lead areas?|portfolio|portfolios|portfolio area|remit|subject|topic|"
    r"responsibility area|areas? of responsibility|"
    # "Lead responsibilities": the areas each leads ("Safeguarding; DASV executive lead")
    r"(?:lead|key|main|executive|portfolio) responsibilit(?:y|ies))$"
)


# A table of courses ("Programme | Provider | Mandatory / optional | Who for | Notes"): a row
# each, the course named first
HEADER_COURSE = re.compile(
    r"^(?:programmes?|courses?|training|training (?:course|programme|title|name)s?|modules?|"
    r"sessions?|learning|(?:course|programme) (?:title|name)|name of (?:course|programme|training)|"
    r"subject|title)$"
)
HEADER_COURSE_OTHER = re.compile(
    r"^(?:provider|provided by|delivered by|delivery|deliverer|facilitators?|mandatory|optional|"
    r"mandatory (?:or )?optional|status|requirement|required|audience|who for|target audience|"
    r"staff groups?|frequency|notes?|comments?|format|method|duration|length|level|renewal|"
    r"refresher|renewal period|validity)$"
)


def course_header(cells: list[str], compiled: Compiled) -> tuple[str, ...]:
    """The header of a table of courses, or (): a course column first, then columns of what a
    course has, one of them a part of a question ("Provider", "Mandatory / optional"; not
    "Training | Status | Notes" over rows that are the question's parts), or three of them
    ("Course | Staff group | Requirement | Renewal")."""
    low = [" ".join(re.sub(r"[^a-z ]", " ", c.lower()).split()) for c in cells]
    others = sum(bool(HEADER_COURSE_OTHER.match(c)) for c in low[1:])
    parts = [q for c in cells[1:] if (q := classify_question(c, compiled, True)) not in ("", OTHER)]
    course = (
        len(low) >= 3 and HEADER_COURSE.match(low[0]) and (others >= 3 or others >= 2 and parts)
    )
    return tuple(cells) if course else ()


# A course's record set out as labelled lines ("Course: Prevent ... Delivered by: ... Status:
# Mandatory"), its name up to the next label
COURSE_RECORD = re.compile(
    r"^\W*(?:course|programme|training)(?: (?:title|name))?\s*:\s*"
    r"(?P<name>(?-i:[A-Z])[^:\n]{2,80}?)(?=\s+[A-Z][a-z]+(?: [a-z]+)?\s*:|\s*\n|\s*$)",
    re.IGNORECASE,
)
# A record's other labelled lines: "Delivered by: ...", "Status: Mandatory"
RECORD_FIELD = re.compile(
    r"^\W*(?:delivered by|delivery|provider|provided by|status|requirement|required|audience|"
    r"staff groups?|who for|content|summary|notes?|format|duration|frequency|length|level|"
    r"mandatory(?: or optional| / optional)?)\s*:\s*\S",
    re.IGNORECASE,
)


def another_course(text: str, compiled: Compiled) -> bool:
    """Whether a block is the record of a course no question asks about ("Course: Prevent
    (Preventing Radicalisation) / Status: Mandatory"): its status is another course's (not
    "Training: Not currently provided", an answer)."""
    record = COURSE_RECORD.match(text)
    if record is None or STARTS_LIKE_ANSWER.match(record["name"]):
        return False
    return classify_question(record["name"], compiled) in ("", OTHER)


def _names_question(qid: str, text: str, compiled: Compiled) -> bool:
    question = next((q for q in compiled.questions if q.id == qid), None)
    return question is not None and bool(matches_any(question.cues, text))


def course_row(
    cells: list[str], columns: tuple[str, ...], compiled: Compiled
) -> list[tuple[str, str]]:
    """The lines of a row of a table of courses, when the course is the one a question asks
    about ("Active Bystander Training | Greylag Ltd | Optional | ..."): the course as that
    question, then its cells, each under its column's header where the header names one of
    that question's parts ("Provider"), else as its answer; [] for another course's row."""
    # (the question whose parts the other columns are: "Domestic Abuse Awareness" is a course,
    # not the answer to a question about a lead; the course named first, or in a note: "Equality
    # and Human Rights | ... | Includes an active bystander unit")
    kinds = [classify_question(h, compiled, True) for h in columns[1:]]
    headed = {top_question(q, compiled) for q in kinds} - {"", OTHER}
    first = top_question(classify_question(cells[0], compiled), compiled) if cells else ""
    # (a note naming the training itself, not a part's cell: "Mandatory" is no course)
    notes = [c for c, q in zip(cells[1:], kinds, strict=False) if q in ("", OTHER)]
    noted = next((q for q in headed if any(_names_question(q, c, compiled) for c in notes)), "")
    # (no header naming a part: the course's own row answers its question whole)
    asked = first if first in headed or not headed and first not in ("", OTHER) else noted
    if not asked:
        return []
    if len(cells) != len(columns):  # cells merged: no column says what each holds
        return [(cells[0], "question"), *((cell, "answer") for cell in cells[1:] if cell)]
    found: list[tuple[str, str]] = [(cells[0], "question")]
    parts: list[tuple[str, str]] = []
    for header, cell in zip(columns[1:], cells[1:], strict=True):
        part = classify_question(header, compiled, True) if cell else ""
        if part and part != OTHER and top_question(part, compiled) == asked:
            parts += [(header, "question"), (cell, "answer")]
        elif cell:
            found.append((cell, "answer"))
    return found + parts


def is_questions_header(cells: list[str], compiled: Compiled) -> bool:
    """A header row of numbered questions ("Q1 Policy | Q2 ABT provided | Q2a Delivery"), or
    of short headings naming three or more of the request's questions ("Dedicated sexual
    safety policy? | ABT provided? | ... | Exec lead for DASV")."""
    cells = [cell for cell in cells if cell]
    if len(cells) < 3:
        return False
    labels = [LABEL.match(cell) or LABEL_ONLY.match(cell) for cell in cells]  # "Question 1"
    if not all(labels) and all(
        label or _BESIDE_QUESTIONS.match(cell) for label, cell in zip(labels, cells, strict=True)
    ):
        # a return's header: "Org code | Organisation name | Q1 | Q2 | ... | Exemptions applied"
        labels = [label for label in labels if label]
        if len(labels) < 3:
            return False
    if not all(labels):
        if len(cells) < 4 or any(len(c.split()) > 12 or _ANSWER_CELL.match(c) for c in cells):
            return False  # (a provider's filled row: "RAL | N | No - covered by ...")
        named = {top_question(classify_question(cell, compiled, True), compiled) for cell in cells}
        return len(named - {"", OTHER}) >= 3
    numbers = [int(m.group("num")) for m in labels if m]
    ascending = all(a <= b for a, b in zip(numbers, numbers[1:], strict=False))
    return ascending and len(set(numbers)) > 1


# the columns a return sets beside its questions: whose row, and what is noted of it
_BESIDE_QUESTIONS = re.compile(
    r"^(?:org(?:anisation|anization)?|trust|provider|ods)?\s*(?:code|name)?$|^(?:organisation|"
    r"organization|trust|provider)(?: name)?$|^(?:exemptions?(?: applied| cited)?|notes?|comments?|"
    r"date(?: of response)?|reference|ref)$",
    re.IGNORECASE,
)
_ANSWER_CELL = re.compile(r"^(?:y|n|yes|no|none|n/?a)\b", re.IGNORECASE)


def example_row(cells: list[str], columns: list[str]) -> bool:
    """A return template's worked example, not a provider's row ("XXX | EXAMPLE – Anytown NHS
    Trust | Y | ..."): its values are made up. Only under a header whose first two columns say
    whose each row is, a cell there opening with the word (not "for example", nor a link)."""
    whose = len(columns) >= 2 and all(_BESIDE_QUESTIONS.match(h) for h in columns[:2])
    return whose and any(_EXAMPLE.match(cell) for cell in cells[:2])


_EXAMPLE = re.compile(r"^\W*(?:example|sample|worked example|dummy|x{3,})\b", re.IGNORECASE)


def unfilled(cells: list[str], question_columns: list[str], compiled: Compiled) -> bool:
    """A row under four or more question headers with nothing past its first two cells
    ("North Middlesex University Hospital NHS Trust | RAP" in a return each provider fills
    one row of: the provider and its code, none of the answers)."""
    if cells and (LABEL.match(cells[0]) or LABEL_ONLY.match(cells[0])):
        return False  # "Q1 | Yes - ...": a question and its answer, not a provider's row
    asked = [
        q
        for q in question_columns[2:]
        if classify_question(q, compiled, True) or LABEL.match(q) or LABEL_ONLY.match(q)
    ]
    return len(asked) >= 4 and not any(cells[2:])


# a short title with no sentence in it, not an answer's first word
_BAND = re.compile(r"^(?!(?:yes|no|none|n/?a|not)\b)[^.?!;:]{3,60}$", re.I)
_REPLY_HEADER = re.compile(r"\b(?:response|responses|answer|answers|reply|replies)\b", re.I)


def people_header(cells: list[str]) -> tuple[str, ...]:
    """A table of people's header ("Name | Role | Responsibility", "Area | Executive lead |
    Deputy lead"), read a row at a time: each column "name", "lead:<its heading>", "area",
    "person" (a post or a part played) or "skip" ("Reports to"); or () for any other row."""
    lows = [" ".join(re.sub(r"[^a-z ]", " ", cell.lower()).split()) for cell in cells]
    kinds = tuple(
        "name" if HEADER_PERSON.match(low)
        else f"lead:{cell.strip()}" if HEADER_LEAD.match(low)
        else "area" if HEADER_AREA.match(low)
        else "person" if HEADER_PEOPLE_OTHER.match(low) or not low
        else "skip" if HEADER_PEOPLE_SKIP.match(low)
        else ""
        for cell, low in zip(cells, lows, strict=True)
    )  # fmt: skip
    if len(cells) < 2 or not of_people(kinds) or "" in kinds:
        return ()
    if any(header_kind(cell) not in {"", "answer"} for cell in cells):
        return ()
    return kinds


def of_people(columns: tuple[str, ...]) -> bool:
    """Whether a table's columns (as ``people_header`` gives them) are a table of people's."""
    return any(kind == "name" or kind.startswith("lead:") for kind in columns)


# a cell naming a part someone plays ("Executive lead for DASV", "Deputy lead", "Executive Lead
# (DASV)"), not a post ("Domestic Abuse Lead Nurse")
_DUTY = re.compile(r"\blead\s*(?:$|for\b|on\b|\(|[-–:]\s)", re.I)  # "Executive lead - DASV"


def person_row(cells: list[str], columns: tuple[str, ...]) -> tuple[str, str]:
    """A row of a table of people: the area it is about ("" when none) and the row as a
    sentence, whatever the columns' order ("Ms Jo Bell, Chief Nurse: Executive lead for DASV";
    "For Domestic abuse, Executive lead Mr Al Roe, Chief People Officer; Deputy lead Ms Di Fey,
    Head of Safeguarding")."""
    filled = [(cell, kind) for cell, kind in zip(cells, columns, strict=True) if cell]
    # (a cell listing areas, "Safeguarding; DASV executive lead", stays one sentence's part)
    area = " and ".join(cell for cell, kind in filled if kind == "area")
    area = re.sub(r"\s*[;,]\s*", " / ", area.strip(" ;,."))
    people = [
        f"{kind[5:]} {cell}" if kind.startswith("lead:") else cell
        for cell, kind in filled
        if kind == "name" or kind.startswith("lead:")
    ]
    others = [cell for cell, kind in filled if kind == "person"]
    posts = [c for c in others if not _DUTY.search(c)]
    duties = [c for c in others if _DUTY.search(c)]
    if people and posts:
        people[0] = ", ".join([people[0], *posts])
    said = "; ".join(people) or ", ".join(posts)
    if duties:
        said = f"{said}: {', '.join(duties)}" if said else ", ".join(duties)
    said = said if said.endswith((".", "!", "?")) else f"{said}."  # a row ends its sentence
    return area, f"For {area}, {said}" if area else said


def header_columns(cells: list[str]) -> tuple[str, ...]:
    """The kinds of a table's columns when this row is its header row, else ()."""
    if len(cells) < 2 or len(cells) == 2 and cells[0].rstrip().endswith(":"):
        return ()  # "Response: | No.": a form's row, the first cell naming the second
    kinds: list[str] = []
    for cell in cells:
        kind = header_kind(cell)
        if kind is None:
            return ()
        if not cell and kinds:
            kind = kinds[-1]  # a heading merged over two columns ("Question |  | Response")
        kinds.append(kind)
    if "revised" in kinds:  # "Response (17/12/2024) | Updated response": the first is the original
        revised = kinds.index("revised")
        kinds = [
            "original" if k == "answer" and i < revised else "answer" if k == "revised" else k
            for i, k in enumerate(kinds)
        ]
    known = [k for k in kinds if k]
    # "No. | Question": the request quoted as a table (an annex); not "Question 2 | No."
    annex = kinds[:2] == ["label", "question"] and set(kinds) == {"label", "question"}
    if annex and not any(c.isdigit() for c in "".join(cells)):
        return tuple(kinds)
    withheld = any(_WITHHELD.search(cell) for cell in cells)
    if "exemption" in known and "answer" not in known and withheld:
        # a schedule of what is withheld ("Item | Information withheld | Exemption | Reason"):
        # its items are not the request's questions, its sections still exemptions
        return tuple("skip" if k == "label" else k for k in kinds)
    if "answer" not in known or len(known) < 2 and len(kinds) > 2:
        return ()
    # "Question | Detail | Response": a "Detail" before the reply's column details the question
    replies = [i for i, cell in enumerate(cells) if _REPLY_HEADER.search(cell)]
    if replies:
        kinds = [
            "question" if kind == "answer" and index < replies[0] else kind
            for index, kind in enumerate(kinds)
        ]
        if not kinds[replies[0]]:  # "Outcome | Response summary": the summary answers
            kinds[replies[0]] = "answer"
    if "answer" not in kinds:
        return ()
    first_answer = kinds.index("answer")
    return tuple(
        k or ("answer" if index > first_answer else "question") for index, k in enumerate(kinds)
    )


def under_merged(cells: list[str], above: list[str]) -> bool:
    """A row of sub-headers filling only the columns a merged group header spans ("Question
    2 - ABT" over four columns, then "Provided? | (a) In-house ... | (b) ... | (c) ...")."""
    spans = [
        i for i in range(1, len(above)) if not above[i] and any(above[:i])
    ]  # the columns a header to their left is merged over
    filled = [i for i, cell in enumerate(cells) if cell]
    return (
        len(filled) >= 2
        and bool(spans)
        and all(i in spans or (i + 1 in spans and above[i]) for i in filled)
    )


_PART_CELL = re.compile(r"^\W*\(?[a-h]\)\s+\S")


def spanned(cells: list[str], above: list[str], compiled: Compiled) -> list[str] | None:
    """Headers under a header whose merged cell a reader kept as one ("Q1 Policy | Q2 Active
    Bystander Training | Q3 ... | Q4 ...", then "Provided? | (a) In-house / external | (b) ...
    | (c) ..."): the question with as many parts takes the row under it, each part with it;
    None when the row is no such part headers, or no one question has those parts."""
    if len(cells) < 3 or sum(bool(_PART_CELL.match(c)) for c in cells) < 2 or not all(above):
        return None
    # (a sub-header under every question, "Policy in place? | Provided? | (a) ... | Plans?",
    # or under the merged one only)
    fits = []
    for index, header in enumerate(above):
        qid = top_question(classify_question(header, compiled, True), compiled)
        parts = sum(1 for q in compiled.questions if q.parent == qid) if qid else 0
        if parts and len(cells) in (parts, parts + 1, len(above) + parts):
            fits.append((index, parts))
    if len(fits) != 1:
        return None
    at, parts = fits[0]
    under = parts + 1 if len(cells) == len(above) + parts else len(cells)
    spread = [*above[: at + 1], *[""] * (under - 1), *above[at + 1 :]]
    padded = cells if under != len(cells) else [*[""] * at, *cells, *[""] * (len(above) - at - 1)]
    return grouped(padded, spread)


def under_groups(cells: list[str], above: list[str]) -> list[str]:
    """Headers beneath a row of group headers (merged over their columns: "Q2 Active
    Bystander Training" over "Provided? | (a) In-house or external | ..."): each header with
    its group before it. A group stands over its own column and the empty ones after it."""
    filled_above = sum(map(bool, above))
    if not above or filled_above >= sum(map(bool, cells)) or filled_above == len(above):
        return cells
    return grouped(cells, above)


def grouped(cells: list[str], above: list[str]) -> list[str]:
    """Each header with its group before it (the group over its own column and the empty
    ones after it)."""
    cells = cells + [""] * (len(above) - len(cells))  # (a sheet drops a row's empty end)
    groups, group = [], ""
    for index in range(len(cells)):
        group = above[index] if index < len(above) and above[index] else group
        groups.append(group)
    return [f"{g} - {c}" if g and c else c or g for g, c in zip(groups, cells, strict=True)]


def column_named(note: str, headers: list[str], compiled: Compiled) -> str:
    """The header of the question a note's words name ("Policy coverage: ..." -> "Q1
    Dedicated policy"), or "" when it names none or no column is that question's."""
    named = classify_question(note, compiled, True)
    if not named:
        return ""
    return next((h for h in headers if h and classify_question(h, compiled, True) == named), "")


# A revised reply's two columns of answers ("Original response (8 January 2025) | Revised
# response"): the revised one answers, the original where the revision says "No change".
_HEADER_ORIGINAL = re.compile(
    r"^(?:original|previous|initial|first|earlier) (?:response|answer|reply)(?! (?:date|due|sent))"
)
_HEADER_REVISED = re.compile(
    r"^(?:revised|updated|amended|corrected|new|current|final) (?:response|answer|reply)"
    r"(?! (?:date|due|sent))"
)


def header_kind(cell: str) -> str | None:
    """What a header cell says its column holds: skip, label, question, answer, exemption,
    original or revised (a revised reply's two answer columns), "" (a heading we do not know, "Lead
    officer's remarks"), or None (no header's words)."""
    if not cell:  # a column without a heading (a spreadsheet's empty header cell)
        return "skip"
    cell = _SPECKS_AFTER.sub("", cell.strip())  # a scan's "Exemption ."
    # "WWL Response": the trust's initials before the column's word
    cell = re.sub(r"^[A-Z]{2,8}\s+(?=(?:Response|Answer|Reply)s?\b)", "", cell)
    low = " ".join(re.sub(r"[^a-z ]", " ", cell.lower()).split())
    for kind, pattern in (
        ("original", _HEADER_ORIGINAL),
        ("revised", _HEADER_REVISED),
        ("skip", HEADER_SKIP),
        ("label", HEADER_LABEL),
        ("question", HEADER_QUESTION),
        ("answer", HEADER_ANSWER),
        ("exemption", HEADER_EXEMPTION),
    ):
        if pattern.match(low):
            return kind
    if len(cell.split()) <= 4 and not re.search(r"[.?!]$|\d", cell):
        return ""
    return None


_NUMBER_THEN_WORDS = re.compile(
    r"^\s*(?:q\s*)?\d{1,2}(?:\(?[a-h]\))?\s*[-–.:)]\s*[A-Za-z]{2,}", re.I
)


_TOPIC_WORD = re.compile(r"[A-Za-z]{4,}(?:/[A-Za-z]{4,})?")  # "Provider", "Mandatory/optional"


def _asks(cell: str, compiled: Compiled | None) -> bool:
    """A one-word topic that names one of the request's questions ("Provider", "Mandatory/
    optional", "Mandatory?"), not any word ("Training" under a policy question's row)."""
    cell = cell.strip().rstrip("?:")
    if compiled is None or not _TOPIC_WORD.fullmatch(cell):
        return False
    return classify_question(cell, compiled) not in ("", OTHER)


def cell_kinds(
    cells: list[str], columns: tuple[str, ...], compiled: Compiled | None = None
) -> list[str]:
    """Which cells of a table row are a label, the restated question and the answer."""
    kept = columns[: len(cells)]
    if columns and len(cells) < len(columns) and trailing_cells_dropped(cells, kept):
        # trailing empty cells a reader dropped: the columns still stand by position (a row
        # kept from the table's first column, " | (a) in-house / external", stands there too;
        # "3 | Has the Trust appointed ...?" and "2(c) | Sexual harassment module", answer empty;
        # an "Item" column's topic is the question, as in a full row)
        columns = tuple(kept)
    if columns and len(columns) == len(cells):
        # an "Item" column of topics ("Dedicated sexual safety policy"), not of numbers or
        # references: the question the row answers
        # (or one word, "Provider"; or a number with the question's words after it: "2 - ABT?")
        kinds = [
            "question" if kind == "label" and (
                (len(cell.split()) >= 2 or _asks(cell, compiled)) and not re.search(r"\d", cell)
                or _NUMBER_THEN_WORDS.match(cell)
            ) else kind
            for kind, cell in zip(columns, cells, strict=True)
        ]  # fmt: skip
        if "original" in kinds and "answer" in kinds:
            # the revised answer, or the original where the revision says "No change"
            revised = cells[kinds.index("answer")]
            keep = "original" if not revised.strip() or NO_CHANGE.match(revised) else "answer"
            kinds = [
                ("answer" if k == keep else "skip") if k in {"original", "answer"} else k
                for k in kinds
            ]
        return kinds
    # "2b | Mandatory ... | None": a label column its header lost
    lost_label = len(cells) == len(columns) + 1 and "label" not in columns
    if columns and lost_label and LABEL_ONLY.match(cells[0]):
        return ["label", *cell_kinds(cells[1:], columns, compiled)]
    if columns and len(cells) == 1 and _BAND.match(cells[0]):
        # a band across the table ("Sexual safety policy and training") heads the rows
        # below it: a heading, never an answer
        return ["question"]
    if len(cells) < 2:
        return [""] * len(cells)
    named = FORM_ROW_LABEL.match(cells[0])
    if len(cells) == 2 and named and header_kind(cells[1]) not in {"question", "answer"}:
        # a form's "Request: | 1. Does ...?" and "Response: | Yes." rows: the first cell says
        # what the second holds
        return ["skip", "question" if named["asked"] else "answer"]
    kinds = ["question"] * (len(cells) - 1) + ["answer"]
    for index in range(1, len(cells) - 1):
        if (
            STARTS_LIKE_ANSWER.match(cells[index]) or BOXED.match(cells[index])
        ) and "?" not in cells[index]:
            kinds[index] = "answer"  # "Q | Yes ✓ | Policy - copy attached": a tick, then details
    if LABEL_ONLY.match(cells[0]):
        kinds[0] = "label"
    if len(cells) == 2 and kinds[0] == "label":
        return kinds
    # A two-cell row with no header whose first cell reads like an answer is not a Q/A row.
    if len(cells) == 2 and not _looks_like_question_cell(cells[0]):
        return ["", ""]
    return kinds


def _looks_like_question_cell(cell: str) -> bool:
    if "?" in cell or LABEL.match(cell) or INTERROGATIVE.match(cell):
        return True
    return len(cell.split()) <= 14 and not re.search(r"[.!]\s*$", cell)


# The marks a respondent puts under one of a choice's options set as columns
_SENTENCE_IN = re.compile(r"\w[.!?]\s+\w")  # "Yes – Sexual Safety Policy approved. Copy ..."
_OPTION_MARK = re.compile(r"^(?:[✓✔☑☒✗✘xX●•■*]|y|yes|ticked)$", re.IGNORECASE)


def option_columns(cells: list[str]) -> tuple[int, ...]:
    """Where a header row sets two or more options of one choice as columns side by side, each
    once, "Yes" and "No" among them, beside short headings ("No. | Question | Yes | No |
    Details"; not a row of answers: "No | n/a | n/a | No", "Yes – Sexual Safety Policy approved
    ... | Yes | N/A | ...")."""
    if any(len(cell.split()) > 8 or _SENTENCE_IN.search(cell) for cell in cells):
        return ()
    for start in range(len(cells) - 1):
        end = start + 2
        while end < len(cells) and one_choice(cells[start : end + 1]):
            end += 1
        # (yes and no among them: "External | In-house" over years is a row of values)
        words = {cell.strip().lower() for cell in cells[start:end]}
        if one_choice(cells[start:end]) and {"yes", "no"} <= words and end - start < len(cells):
            return tuple(range(start, end))
    return ()


def marked_option(
    cells: list[str], header: list[str], options: tuple[int, ...], placed: bool
) -> list[str]:
    """A row under option columns with the option marked written out, the option columns one
    cell ("2c | Does it ...? | ✓ |" reads "2c | Does it ...? | Yes"); the header's as
    "Response". A row with anything but marks under them (counts) stays as it is; a mark whose
    column is lost (``placed`` False: a Word table's row short of its empty cells) says nothing."""
    if cells is header:
        picked = "Response"
    elif not placed and len(cells) < len(header):
        after = [cell for cell in cells[options[0] :] if not _OPTION_MARK.match(cell.strip())]
        return [*cells[: options[0]], "", *after]
    elif all(
        not cells[i].strip() or _OPTION_MARK.match(cells[i].strip())
        for i in options
        if i < len(cells)
    ):
        picked = "; ".join(header[i] for i in options if i < len(cells) and cells[i].strip())
    else:
        return cells
    rest = [cell for i, cell in enumerate(cells) if i not in options]
    return [*rest[: options[0]], picked, *rest[options[0] :]]
