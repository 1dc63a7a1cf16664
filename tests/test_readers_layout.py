"""Table layout: ruled tables on scanned pages and borderless tables in text PDFs.

A question and its answer must end up in one row block (``question | answer``), never
interleaved, and letters that merely have two columns somewhere (address blocks, signatures,
hanging indents) must stay paragraphs. Fixtures are made by
``python tests/fixtures/make_reader_fixtures.py layout``; the golden text of the borderless PDF
is regenerated with ``FOI_UPDATE_GOLDEN=1 pytest tests/test_readers_layout.py``.
"""

from __future__ import annotations

import io
import math
import os
import random
import shutil
from pathlib import Path

import pytest

from foi_audit.readers import read_document
from foi_audit.readers.layout import TextLine, Word, find_gutter_tables, looks_like_item
from foi_audit.readers.ocr import numbers_restored, tsv_blocks
from foi_audit.readers.rules import find_rules
from foi_audit.records import Block, BlockRole, Extraction

LAYOUT = Path(__file__).parent / "fixtures" / "readers" / "layout"
TSV_HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="the tesseract binary is not installed (sudo apt-get install tesseract-ocr)",
)


def read(name: str) -> Extraction:
    return read_document((LAYOUT / name).read_bytes(), name)


def table_rows(extraction: Extraction) -> list[Block]:
    return [b for b in extraction.blocks if b.role == BlockRole.TABLE]


def row_with(rows: list[Block], words: str) -> Block:
    matches = [b for b in rows if words in b.text]
    assert len(matches) == 1, (words, [b.text for b in rows])
    return matches[0]


# --- ruling lines in page images (no Tesseract needed) ----------------------------------------


def grid_image(angle: float, seed: int = 3) -> object:
    """A 300 dpi page: a letterhead rule, a filled logo, a 3-column ruled table with one broken
    rule, text-like marks and speckle, turned by ``angle`` degrees."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("L", (2480, 3508), 244)
    draw = ImageDraw.Draw(image)
    draw.rectangle((1900, 120, 2250, 260), fill=40)  # a solid logo is not a rule
    draw.line((240, 330, 2240, 330), fill=70, width=3)  # letterhead rule, no verticals
    columns, rows = [240, 420, 1300, 2240], [800, 900, 1200, 1500, 1700]
    for y in rows:
        draw.line((columns[0], y, columns[-1], y), fill=150, width=3)  # thin grey rules
    for x in columns:
        draw.line((x, rows[0], x, rows[-1]), fill=150, width=3)
    draw.line((600, 1200, 700, 1200), fill=244, width=5)  # a photocopier gap
    for _ in range(400):  # word-sized dark marks, like letters
        x, y = rng.randrange(250, 2200), rng.randrange(400, 3300)
        draw.rectangle((x, y, x + rng.randrange(8, 40), y + rng.randrange(20, 40)), fill=30)
    for _ in range(3000):
        draw.point((rng.randrange(2480), rng.randrange(3508)), fill=rng.randrange(60, 200))
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=244)


@pytest.mark.parametrize("angle", [0.0, 0.5, -0.8])
def test_ruled_grid_found_through_skew_noise_and_gaps(angle: float) -> None:
    rules = find_rules(grid_image(angle))
    assert len(rules.grids) == 1
    grid = rules.grids[0]
    assert len(grid.rows) == 5 and len(grid.columns) == 4
    # the skew is measured (PIL turns anticlockwise, so rules rise to the right)
    assert rules.slope == pytest.approx(-math.tan(math.radians(angle)), abs=0.004)
    # the letterhead rule is a rule but not part of any grid; the logo is neither
    assert any(abs(rule.end - rule.start) > 1800 for rule in rules.horizontal)
    assert not any(r.start > 1850 and r.end < 2300 for r in rules.horizontal if r.position < 300)
    gaps = [b - a for a, b in zip(grid.columns, grid.columns[1:], strict=False)]
    assert gaps == pytest.approx([180, 880, 940], abs=12)


def test_a_scanners_shadow_down_the_edge_does_not_hide_the_pages_skew() -> None:
    """A dark band down the page's edge (the scanner lid's shadow) stays straight when the
    page under it lies at an angle: the skew is still the table's, and its rules are found."""
    from PIL import ImageDraw

    image = grid_image(0.7)
    ImageDraw.Draw(image).rectangle((0, 0, 14, 3507), fill=120)
    rules = find_rules(image)
    assert rules.slope == pytest.approx(-math.tan(math.radians(0.7)), abs=0.004)
    assert len(rules.grids) == 1 and len(rules.grids[0].rows) == 5


def test_page_without_rules_has_no_grid() -> None:
    from PIL import Image, ImageDraw

    image = Image.new("L", (2480, 3508), 240)
    draw = ImageDraw.Draw(image)
    for y in range(400, 3000, 60):  # lines of "text": short marks with spaces
        for x in range(240, 2200, 70):
            draw.rectangle((x, y, x + 45, y + 30), fill=20)
    assert find_rules(image).grids == ()


# --- Tesseract words into table rows (synthetic TSV, no Tesseract needed) ---------------------


def tsv(words: list[tuple[int, int, int, int, int, str]], conf: float = 95.0) -> str:
    """(block, line, left, top, width, text) per word; one paragraph per block."""
    rows = [TSV_HEADER, "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t"]
    for n, (block, line, left, top, width, text) in enumerate(words, start=1):
        rows.append(f"5\t1\t{block}\t1\t{line}\t{n}\t{left}\t{top}\t{width}\t40\t{conf}\t{text}")
    return "\n".join(rows)


def say(block: int, line: int, left: int, top: int, text: str) -> list[tuple]:
    """A run of words from ``left``, 20 px per character, as Tesseract reports them."""
    words = []
    for word in text.split():
        words.append((block, line, left, top, 20 * len(word), word))
        left += 20 * len(word) + 20
    return words


def test_a_forms_rows_are_cut_only_where_a_rule_runs_through_them() -> None:
    """A departmental form: four boxes across its top row, then question | answer rows under
    them. A rule that stops at the first row does not cut the questions below it, and a
    cell's lines keep Tesseract's own order though their boxes overlap in height."""
    from foi_audit.readers.rules import Grid, PageRules, Rule

    rows, columns = (1000.0, 1100.0, 1400.0), (200.0, 700.0, 1300.0, 1700.0, 2200.0)
    top_only = {700.0, 1700.0}
    verticals = tuple((x, 1000.0, 1100.0 if x in top_only else 1400.0) for x in columns)
    grid = Grid(rows=rows, columns=columns, verticals=verticals)
    rules = PageRules(
        horizontal=tuple(Rule(y, 200, 2200) for y in rows),
        vertical=tuple(Rule(x, a, b) for x, a, b in verticals),
        grids=(grid,),
        tolerance=12,
    )
    words = [
        *say(1, 1, 240, 1040, "Ref"),
        *say(2, 1, 740, 1040, "Department"),
        *say(3, 1, 1340, 1040, "Officer"),
        *say(4, 1, 1740, 1040, "Date"),
        *say(5, 1, 240, 1140, "1. Does the Trust have a policy"),
        *say(5, 2, 240, 1155, "on sexual safety?"),  # its box overlaps the line above
        *say(6, 1, 1340, 1140, "No - the Dignity at Work"),
        *say(6, 2, 1340, 1155, "Policy applies."),
    ]
    blocks = tsv_blocks(tsv(words), 1, first_page=False, rules=rules)
    assert [b.text for b in blocks if b.role == BlockRole.TABLE] == [
        "Ref | Department | Officer | Date",
        "1. Does the Trust have a policy on sexual safety? | "
        "No - the Dignity at Work Policy applies.",
    ]


def test_grid_cells_keep_question_and_answer_apart() -> None:
    from foi_audit.readers.rules import Grid, PageRules, Rule

    grid = Grid(rows=(1000.0, 1200.0, 1500.0), columns=(200.0, 1200.0, 2200.0))
    rules = PageRules(
        horizontal=tuple(Rule(y, 200, 2200) for y in grid.rows),
        vertical=tuple(Rule(x, 1000, 1500) for x in grid.columns),
        grids=(grid,),
        tolerance=12,
    )
    # Tesseract reads straight across the table: one line holds question and answer words,
    # and it reads the column rule as a "|" word
    words = [
        *say(1, 1, 240, 600, "Dear Ms Okafor"),
        *say(2, 1, 240, 1040, "3. If the Trust does not"),
        (2, 1, 1195, 1040, 10, "|"),
        *say(2, 1, 1240, 1040, "N/A"),
        *say(2, 2, 240, 1100, "provide ABT, does it plan"),
        *say(2, 3, 240, 1150, "to introduce it?"),
        *say(3, 1, 240, 1240, "4. Has the Trust appointed"),
        *say(3, 1, 1240, 1240, "Yes - the Chief Nurse."),
        *say(3, 2, 240, 1300, "an executive lead?"),
        *say(4, 1, 240, 1700, "Yours sincerely"),
    ]
    blocks = tsv_blocks(tsv(words), 2, first_page=False, rules=rules)
    assert [(b.text, b.locator, b.role) for b in blocks] == [
        ("Dear Ms Okafor", "page 2 (OCR)", BlockRole.BODY),
        (
            "3. If the Trust does not provide ABT, does it plan to introduce it? | N/A",
            "page 2 (OCR) table 1 row 1",
            BlockRole.TABLE,
        ),
        (
            "4. Has the Trust appointed an executive lead? | Yes - the Chief Nurse.",
            "page 2 (OCR) table 1 row 2",
            BlockRole.TABLE,
        ),
        ("Yours sincerely", "page 2 (OCR)", BlockRole.BODY),
    ]


def test_low_confidence_words_on_a_rule_are_dropped() -> None:
    from foi_audit.readers.rules import PageRules, Rule

    rules = PageRules(horizontal=(Rule(420.0, 200, 2200),))
    words = [(1, 1, 240, 300, 600, "Kingsmere"), (2, 1, 240, 400, 1900, "eeeeSSSe")]
    text = tsv(words[:1]) + "\n" + tsv(words[1:], conf=12).split("\n", 2)[2]
    blocks = tsv_blocks(text, 1, first_page=True, rules=rules)
    assert [b.text for b in blocks] == ["Kingsmere"]


def test_borderless_ocr_words_split_at_the_gutter() -> None:
    words = [*say(1, 1, 240, 300, "Dear Ms Okafor")]
    top = 500
    for number, (question, answer) in enumerate(
        [("Is there a policy?", "Yes."), ("Is ABT provided?", "No."), ("Is there a lead?", "N/A")],
        start=1,
    ):
        # Tesseract put the two columns in separate blocks, answers after all questions
        words += say(10 + number, 1, 240, top, f"{number}. {question}")
        words += say(20 + number, 1, 1300, top, answer)
        top += 120
    rows = [b for b in tsv_blocks(tsv(words), 1, first_page=False) if b.role == BlockRole.TABLE]
    assert [(b.text, b.locator) for b in rows] == [
        ("1. Is there a policy? | Yes.", "page 1 (OCR) table 1 row 1"),
        ("2. Is ABT provided? | No.", "page 1 (OCR) table 1 row 2"),
        ("3. Is there a lead? | N/A", "page 1 (OCR) table 1 row 3"),
    ]


# --- the gutter finder on its own ------------------------------------------------------------


def line(top: float, *parts: tuple[float, str]) -> TextLine:
    words = []
    for left, text in parts:
        words.append(Word(left, top, left + 5.5 * len(text), top + 10, text))
    return TextLine(top, top + 10, tuple(words))


def test_gutter_rows_start_at_item_numbers_and_gaps() -> None:
    lines = [
        line(100, (57, "Question"), (300, "Response")),
        line(125, (57, "1. Does the Trust have a policy on"), (300, "Yes, published on our")),
        line(137, (57, "sexual safety?"), (300, "website.")),
        line(149, (300, "See the link above.")),
        line(174, (57, "2. Is Active Bystander Training"), (300, "No.")),
        line(186, (57, "provided to staff?")),
        line(198, (57, "2(a) Is it mandatory?"), (300, "N/A")),
        line(230, (57, "Yours sincerely")),
    ]
    tables = find_gutter_tables(lines)
    assert len(tables) == 1
    assert [row.text for row in tables[0].rows] == [
        "Question | Response",
        "1. Does the Trust have a policy on sexual safety? | "
        "Yes, published on our website. See the link above.",
        "2. Is Active Bystander Training provided to staff? | No.",
        "2(a) Is it mandatory? | N/A",
    ]
    assert (tables[0].first, tables[0].last) == (0, 6)  # the sign-off stays a paragraph


@pytest.mark.parametrize(
    "lines",
    [
        # reference block: name and address left, references right
        [
            line(100, (57, "Ms R Okafor"), (380, "Our ref: FOI 24-7781")),
            line(112, (57, "12 Orchard Row"), (380, "Your ref: RO/11")),
            line(124, (57, "Kingsmere KM2 1AA"), (380, "Date: 28 November 2024")),
            line(136, (57, "Kingsmere"), (380, "Tel: 01632 960123")),
        ],
        # two signatures side by side
        [
            line(600, (57, "Dr A Example"), (330, "Mr B Sample")),
            line(612, (57, "Chief Executive"), (330, "Director of Nursing")),
            line(624, (57, "Kingsmere Community NHS Trust"), (330, "Kingsmere Community NHS")),
        ],
        # right-aligned answers of differing length (no common left edge)
        [
            line(100, (57, "1. Is there a policy?"), (400, "Yes")),
            line(112, (57, "2. Is ABT provided?"), (330, "Yes, by an outside firm")),
            line(124, (57, "3. Is there a lead?"), (371, "Chief Nurse")),
        ],
        # only two rows
        [
            line(100, (57, "1. Is there a policy?"), (300, "Yes")),
            line(112, (57, "2. Is ABT provided?"), (300, "No")),
        ],
    ],
    ids=["reference-block", "signatures", "right-aligned", "two-rows"],
)
def test_two_column_blocks_that_are_not_tables(lines: list[TextLine]) -> None:
    assert find_gutter_tables(lines) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Does the Trust", True),
        ("2(a) Is it", True),
        ("Q3 If the Trust", True),
        ("Question 4: Has", True),
        ("(b) Is it", True),
        ("12", True),
        ("12 Orchard Row", False),
        ("Dr A Example", False),
        ("28 November 2024", False),
    ],
)
def test_item_labels(text: str, expected: bool) -> None:
    assert looks_like_item(text) is expected


# --- text PDFs -------------------------------------------------------------------------------


def render(extraction: Extraction) -> str:
    return "\n".join(f"[{b.locator}] ({b.role}) {b.text}" for b in extraction.blocks) + "\n"


def test_borderless_pdf_table_rows_golden() -> None:
    extraction = read("borderless_table.pdf")
    rows = table_rows(extraction)
    assert row_with(rows, "does it plan to introduce it?").text == (
        "3. If the Trust does not provide ABT, does it plan to introduce it? | N/A"
    )
    assert row_with(rows, "1. Does the Trust").text.endswith(
        "| There is no dedicated policy. Sexual harassment is covered by the Dignity at Work "
        "Policy (attached)."
    )
    assert [b.locator for b in rows] == [f"page 1 table 1 row {n}" for n in range(1, 6)]
    assert "Yours sincerely" in [b.text for b in extraction.blocks if b.role != BlockRole.TABLE]
    golden = LAYOUT / "golden" / "borderless_table.txt"
    if os.environ.get("FOI_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(render(extraction), encoding="utf-8")
    assert render(extraction) == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["address_block_letter.pdf", "multi_paragraph_letter.pdf"])
def test_text_letters_without_tables_stay_paragraphs(name: str) -> None:
    extraction = read(name)
    assert table_rows(extraction) == []
    assert not any(" | " in b.text for b in extraction.blocks)
    assert all(b.locator == "page 1" for b in extraction.blocks)


def test_hanging_indent_answers_stay_separate_paragraphs() -> None:
    texts = [b.text for b in read("multi_paragraph_letter.pdf").blocks]
    assert "3. If the Trust does not provide ABT, does it plan to introduce it?" in texts
    assert "N/A" in texts


# --- scanned PDFs (Tesseract) ----------------------------------------------------------------


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize(
    "name", ["scanned_table_2col.pdf", "scanned_table_3col.pdf", "scanned_borderless.pdf"]
)
def test_scanned_tables_pair_each_question_with_its_answer(name: str) -> None:
    extraction = read(name)
    assert extraction.ocr
    rows = table_rows(extraction)
    assert all(b.locator.startswith("page 1 (OCR) table 1 row ") for b in rows)
    assert row_with(rows, "plan to introduce it?").text.endswith(
        "If the Trust does not provide ABT, does it plan to introduce it? | N/A"
    )
    first = row_with(rows, "dedicated policy on sexual safety")
    question, answer = first.text.rsplit(" | ", 1)
    assert question.endswith("please provide a copy or a link.")
    assert answer.startswith("There is no dedicated policy.") and "Dignity at Work" in answer
    lead = row_with(rows, "executive lead")
    assert lead.text.split(" | ")[-1].startswith("Yes - Mrs Harriet Quayle-Mensah")
    assert "name and job title." in lead.text.split(" | ")[-2]
    others = [b.text for b in extraction.blocks if b.role != BlockRole.TABLE]
    assert "Yours sincerely" in others
    assert not any("N/A" in text or "|" in text.replace("Riverside House |", "") for text in others)


@pytest.mark.ocr
@needs_tesseract
def test_scanned_three_columns_keep_the_number_column() -> None:
    rows = table_rows(read("scanned_table_3col.pdf"))
    first = row_with(rows, "dedicated policy on sexual safety")
    assert first.text.startswith("1 | Does the Trust have a dedicated policy")


@pytest.mark.ocr
@needs_tesseract
def test_scanned_letter_with_rule_and_address_block_is_not_a_table() -> None:
    extraction = read("scanned_address_letter.pdf")
    assert table_rows(extraction) == []
    texts = [b.text for b in extraction.blocks]
    assert texts[0] == "Kingsmere Community NHS Trust"
    assert not any("—" in text or "|" in text for text in texts)  # the rule is not text
    assert sum("Thank you for your request." in text for text in texts) == 3


LEFT_COLUMN = [
    "The Trust has not adopted a stand-alone sexual",
    "safety policy. Behaviour of a sexual nature which",
    "is unwanted, including remarks, gestures and",
    "physical contact, is dealt with under the Respect",
    "at Work Policy, which was last reviewed in June",
    "2024 and applies to all employees, bank workers",
    "and volunteers on placement across our sites.",
    "We do not currently provide bystander training",
    "to our staff; conflict resolution training is part",
    "of statutory and mandatory training for staff.",
]
RIGHT_COLUMN = [
    "The executive lead for domestic abuse and",
    "sexual violence is Ms Joanna Petrakis, Group",
    "Chief Nurse. Operational leadership sits with the",
    "Head of Safeguarding Adults, who reports to the",
    "Group Chief Nurse through the Safeguarding",
    "Assurance Group, which meets every two months.",
]


def test_a_letter_in_two_columns_is_read_a_column_at_a_time() -> None:
    from pdfwriter import placed_pdf

    items = [(63.0, 120.0, "Dear Ms Lindqvist, thank you for your request; our response is below.")]
    items += [(63.0, 200.0 + 13.5 * i, text) for i, text in enumerate(LEFT_COLUMN)]
    items += [(315.0, 200.0 + 13.5 * i, text) for i, text in enumerate(RIGHT_COLUMN)]
    items.append((63.0, 420.0, "Yours sincerely, Information Governance Team"))
    text = "\n".join(b.text for b in read_document(placed_pdf(items), "letter.pdf").blocks)
    assert " ".join(LEFT_COLUMN) in text  # one paragraph, never interleaved with the right
    assert " ".join(RIGHT_COLUMN) in text
    assert text.index(LEFT_COLUMN[-1]) < text.index(RIGHT_COLUMN[0]) < text.index("Yours")


def test_labels_beside_their_answers_are_not_read_as_two_columns() -> None:
    """A borderless "Policy | answer" layout: short labels never fill a column, so each
    label stays beside its answer."""
    from pdfwriter import placed_pdf

    labels = ["Policy", "Training", "Delivery", "Mandatory", "Module", "Plans", "Lead", "Other"]
    items = []
    for i, label in enumerate(labels):
        items.append((63.0, 200.0 + 27.0 * i, label))
        items.append((315.0, 200.0 + 27.0 * i, f"The answer about {label.lower()} is written here"))
        items.append((315.0, 213.5 + 27.0 * i, "and runs on to a second line of its own."))
    text = "\n".join(b.text for b in read_document(placed_pdf(items), "table.pdf").blocks)
    assert text.index("Policy") < text.index("about policy") < text.index("Training")


@pytest.mark.ocr
@needs_tesseract
def test_small_ruled_tables_of_short_cells_are_read_whole() -> None:
    """Tesseract's layout took boxes of short cells ("Q3(a) | No.") for pictures and skipped
    them (only 2 of 9 rows were read): the page is read with its rules painted out."""
    extraction = read("scanned_short_tables.pdf")
    rows = [b.text for b in table_rows(extraction)]
    assert len(rows) == 9
    for expected in (
        "Q3(a) | No.",
        "Q3(b)-(d) | N/A",
        "Q3(e) | No plans at present.",
        "Q2(a) | No dedicated policy.",
        "Q2(b) | Enclosed.",
        "Q5(a) | Chief Nurse: Dr Alison Hemmings",
    ):
        assert expected in rows
    # each theme heading stays a line of its own, above its table
    texts = [b.text for b in extraction.blocks]
    for heading, first_row in (
        ("Training", "Q3(a) | No."),
        ("Policy", "Q2(a) | No dedicated policy."),
    ):
        assert texts.index(heading) + 1 == texts.index(first_row)


def test_rules_are_painted_out_and_marks_between_them_kept() -> None:
    from PIL import Image

    from foi_audit.readers.rules import without_rules

    image = grid_image(0.5)
    rules = find_rules(image)
    clean = Image.open(io.BytesIO(without_rules(image, rules)))
    assert clean.size == image.size
    assert find_rules(clean).grids == ()  # no rule left to make a table of
    dark_before = sum(image.convert("L").histogram()[:60])
    dark_after = sum(clean.histogram()[:60])
    assert dark_after > 0.8 * dark_before  # the letter-like marks (fill 30) stay


def test_a_scanned_letter_in_two_columns_is_read_a_column_at_a_time() -> None:
    """Tesseract keeps each column's lines apart, but its paragraphs (a speck splits them line
    by line) were put in order of height alone, so the two answers interleaved."""
    words = say(
        1, 1, 200, 300, "Dear Ms Lindqvist, thank you for your request; our response is below."
    )
    for i, text in enumerate(LEFT_COLUMN):
        words += say(10 + i, 1, 200, 600 + 56 * i, text)
    for i, text in enumerate(RIGHT_COLUMN):
        words += say(30 + i, 1, 1290, 600 + 56 * i, text)
    words += say(50, 1, 200, 1400, "Yours sincerely, Information Governance Team")
    text = " ".join(b.text for b in tsv_blocks(tsv(words), 1, first_page=False))
    assert " ".join(LEFT_COLUMN) in text  # never interleaved with the right column
    assert " ".join(RIGHT_COLUMN) in text
    assert text.index(LEFT_COLUMN[-1]) < text.index(RIGHT_COLUMN[0]) < text.index("Yours")


def test_scanned_labels_beside_their_answers_are_not_read_as_two_columns() -> None:
    labels = ["Policy", "Training", "Delivery", "Mandatory", "Module", "Plans", "Lead", "Other"]
    words = []
    for i, label in enumerate(labels):
        words += say(10 + i, 1, 200, 600 + 112 * i, label)
        words += say(30 + i, 1, 1290, 600 + 112 * i, f"The answer about {label.lower()} is here")
        words += say(30 + i, 2, 1290, 656 + 112 * i, "and runs on to a second line.")
    text = " ".join(b.text for b in tsv_blocks(tsv(words), 1, first_page=False))
    assert text.index("Policy") < text.index("about policy") < text.index("Training")


def test_a_table_s_row_number_read_as_a_letter_is_restored_from_the_rows_above() -> None:
    """Tesseract read the "4" of a scanned answer table as "A", so the lead's answer row was
    no row of question 4 and the lead was lost; a letter that cannot follow is left alone."""

    def row(table: int, number: int, text: str) -> Block:
        return Block(text, f"page 1 (OCR) table {table} row {number}", BlockRole.TABLE)

    rows = [
        row(1, 1, "Q | Response"),
        row(1, 2, "1 | Yes - the Sexual Safety at Work Policy."),
        row(1, 3, "2 | Yes: delivered in-house."),
        row(1, 4, "3 | N/A"),
        row(1, 5, "A | Yes: Ms Tanya Ferreira-Hughes, Chief Nurse."),
        row(2, 1, "B | Another table's first row"),  # no row above it in its table
        row(2, 2, "3 | a number out of sequence"),
        row(2, 3, "S | Summary: an S is a 5, not the 4 the row above leads to"),
    ]
    texts = [b.text for b in numbers_restored(rows)]
    assert texts[4] == "4 | Yes: Ms Tanya Ferreira-Hughes, Chief Nurse."
    assert texts[:4] == [b.text for b in rows[:4]]
    assert texts[5:] == [b.text for b in rows[5:]]


def test_a_numbered_paragraph_whose_number_ocr_read_as_a_letter_takes_the_next_number() -> None:
    def paragraph(text: str) -> Block:
        return Block(text, "page 1 (OCR)", BlockRole.BODY)

    answers = [
        paragraph("Dear Ms Thackeray"),
        paragraph("A. Smith wrote to us."),  # no numbered paragraph before it: a letter
        paragraph("2. The Trust does not provide it. 3. There are no plans to introduce it."),
        paragraph("A. Our Director of Nursing is the executive lead."),
    ]
    texts = [b.text for b in numbers_restored(answers)]
    assert texts[:3] == [b.text for b in answers[:3]]
    assert texts[3] == "4. Our Director of Nursing is the executive lead."
    asked = [paragraph("3. Does the Trust plan to introduce it?"), paragraph("A. No plans.")]
    assert [b.text for b in numbers_restored(asked)] == [b.text for b in asked]  # "A." answers


def test_words_a_rule_is_drawn_through_are_not_read() -> None:
    """A form's "delete as appropriate" done with strike-through in a PDF: the struck words
    stay in the text layer, only the rule through their middle says they are gone. A rule
    under a word (an underline) leaves it."""
    from pdfwriter import placed_pdf

    items = [
        (60.0, 200.0, "2. Does the Trust provide Active Bystander Training?"),
        (60.0, 220.0, "Yes /"),
        (88.0, 220.0, "No"),
        (104.0, 220.0, "/"),
        (110.0, 220.0, "Partially"),
        (160.0, 220.0, "(delete as appropriate)"),
        (60.0, 240.0, "Delivered in-house."),
    ]
    # through "No" and "Partially" at mid-height (the rule for "Partially" starts a hair late,
    # as a writer's may); under "Delivered" at the baseline
    rules = [(87.0, 102.0, 216.5), (112.0, 146.0, 216.5), (59.0, 108.0, 221.5)]
    text = [b.text for b in read_document(placed_pdf(items, rules), "form.pdf").blocks]
    assert "Yes / / (delete as appropriate)" in text
    assert "Delivered in-house." in text


def test_a_separator_drawn_across_a_line_of_text_strikes_nothing() -> None:
    """A rule from margin to margin through a line's middle (a separator, a band's edge) does
    not start and end at the line's words: no word is taken out (review 68)."""
    from pdfwriter import placed_pdf

    answer = "Yes. The training is delivered in-house by our Organisational Development team."
    items = [
        (72.0, 200.0, "2. Does the Trust provide Active Bystander Training?"),
        (72.0, 220.0, answer),
    ]
    text = [
        b.text for b in read_document(placed_pdf(items, [(40.0, 560.0, 216.5)]), "x.pdf").blocks
    ]
    assert answer in text


def test_a_loose_strike_from_an_annotation_tool_still_strikes() -> None:
    """A strike drawn by hand in a PDF editor overshoots its word by most of a line's height
    (review 68): the word is still struck."""
    from pdfwriter import placed_pdf

    items = [(60.0, 220.0, "Mandatory /"), (120.0, 220.0, "Optional"), (170.0, 220.0, "(delete)")]
    rules = [(52.0, 117.0, 216.5)]  # "Mandatory" from 60 to about 108, struck from 52 to 117
    text = [b.text for b in read_document(placed_pdf(items, rules), "form.pdf").blocks]
    assert text == ["Optional (delete)"]
