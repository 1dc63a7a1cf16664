"""Ruled tables in text PDFs: found from pdfium's vector paths, read row by row.

Fixtures are made by tests/fixtures/readers/pdf_tables/make_fixtures.py (rules drawn as line
segments, one rectangle per cell, thin filled bars, all in one path, inside a form XObject; a
merged cell; a table over two pages; decorative rules that are no table). Golden files hold each fixture's blocks;
regenerate with ``FOI_UPDATE_GOLDEN=1 pytest tests/test_readers_pdf_tables.py`` after a
deliberate change, and read the diff. pdfplumber, which used to read every ruled page, is the
reference: on every fixture page the grid finder is sure of, the rows must be pdfplumber's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from foi_audit.readers import pdf
from foi_audit.readers.layout import find_grid_tables
from foi_audit.records import BlockRole, Extraction

FIXTURES = Path(__file__).parent / "fixtures" / "readers" / "pdf_tables"
GOLDEN = FIXTURES / "golden"
SURE = [
    "ruled_2col.pdf",
    "ruled_3col.pdf",
    "cell_rectangles.pdf",
    "one_path_grid.pdf",
    "thin_filled_rules.pdf",
    "form_xobject.pdf",
    "merged_cell.pdf",
    "two_pages.pdf",
    "split_words.pdf",
    "decorative_rules.pdf",
]


def read(name: str) -> Extraction:
    return pdf.read((FIXTURES / name).read_bytes(), name)


def rows(extraction: Extraction) -> list[tuple[str, str]]:
    return [(b.locator, b.text) for b in extraction.blocks if b.role == BlockRole.TABLE]


def render(extraction: Extraction) -> str:
    return "".join(f"[{b.locator}] ({b.role}) {b.text}\n" for b in extraction.blocks)


@pytest.mark.parametrize("name", [*SURE, "crossing_text.pdf"])
def test_golden_blocks(name: str) -> None:
    actual = render(read(name))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("FOI_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_two_column_table_keeps_wrapped_cells_whole() -> None:
    table = rows(read("ruled_2col.pdf"))
    assert table[0] == ("page 1 table 1 row 1", "Question | Response")
    locator, text = table[1]
    assert locator == "page 1 table 1 row 2"
    assert text == (
        "1. Does the Trust have a dedicated policy on sexual safety or the sexual harassment of "
        "staff? If so, please provide a copy or a link. | Yes. Our Sexual Safety Policy is "
        "published at https://www.example.org/ssp-2024 and is exempt under section 21."
    )
    assert len(table) == 4


@pytest.mark.parametrize("name", ["ruled_3col.pdf", "cell_rectangles.pdf", "one_path_grid.pdf"])
def test_three_column_table_from_lines_cell_rectangles_or_one_path(name: str) -> None:
    table = rows(read(name))
    assert [locator for locator, _ in table] == [f"page 1 table 1 row {n}" for n in (1, 2, 3, 4)]
    assert table[0][1] == "No. | Information requested | Reply"
    assert table[3][1] == "3 | Does the training include a module on sexual harassment? | No."
    assert table[1][1].startswith("1 | Has the Trust appointed an executive lead for domestic")
    assert table[1][1].endswith("| Yes - Dr Priya Raman, Chief Nursing Officer and Director of "
                                "Infection Prevention and Control.")  # fmt: skip


def test_thin_filled_bars_and_form_xobjects_are_rules_too() -> None:
    expected = rows(read("ruled_2col.pdf"))
    assert rows(read("thin_filled_rules.pdf")) == expected
    assert rows(read("form_xobject.pdf")) == expected


def test_merged_cell_is_one_cell() -> None:
    table = rows(read("merged_cell.pdf"))
    assert table[2] == (
        "page 1 table 1 row 3",
        "2 | Questions 2(a) to 2(c) are answered together: the training is bought in from an "
        "external provider and is optional for all staff.",
    )
    assert table[3][1] == "3 | Does the Trust plan to introduce it? | Not applicable."


def test_table_over_two_pages_is_numbered_per_page() -> None:
    extraction = read("two_pages.pdf")
    table = rows(extraction)
    page_1 = [text for locator, text in table if locator.startswith("page 1 table 1 ")]
    page_2 = [text for locator, text in table if locator.startswith("page 2 table 1 ")]
    assert len(page_1) == 9 and len(page_2) == 7
    assert page_1[0] == page_2[0] == "Question | Response"  # the header repeated
    assert page_1[-1].startswith("8. Please state how many") and "296 members" in page_1[-1]
    assert page_2[1].startswith("9. Please state how many") and "333 members" in page_2[1]
    # the sign-off after the table is prose again
    assert extraction.blocks[-2].text == "Yours sincerely,"
    assert extraction.blocks[-2].role == BlockRole.BODY


def test_word_drawn_in_two_pieces_is_not_split() -> None:
    table = rows(read("split_words.pdf"))
    assert table[1] == ("page 1 table 1 row 2", "Reference: trust719 | Yes - see attached.")


def test_decorative_rules_are_not_a_table() -> None:
    extraction = read("decorative_rules.pdf")
    assert rows(extraction) == []
    texts = [b.text for b in extraction.blocks]
    assert "2. Does the Trust provide Active Bystander Training? No." in texts
    assert "Head of Information Governance" in texts


def _page_results(name: str) -> list[tuple[Any, Any]]:
    """For each page: (the grid finder's pieces and boxes, pdfplumber's)."""
    import pypdfium2 as pdfium

    data = (FIXTURES / name).read_bytes()
    doc = pdfium.PdfDocument(data)
    plumber = pdf._open_plumber(data)
    results = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            height = page.get_size()[1]
            textpage = page.get_textpage()
            rules = pdf._page_rules(page, height)
            lines = pdf._text_lines(textpage, height, rules)
            ours = pdf._ruled_tables(rules, textpage, lines, height, index + 1)
            results.append((ours, pdf._tables(plumber, index, index + 1)))
    finally:
        plumber.close()
        doc.close()
    return results


def _comparable(found: tuple[list[Any], list[Any]]) -> tuple[list[Any], list[Any]]:
    pieces, boxes = found
    return (
        [(p.text, p.locator, round(p.top, 2), round(p.bottom, 2)) for p in pieces],
        [tuple(round(v, 2) for v in box) for box in boxes],
    )


@pytest.mark.parametrize("name", SURE)
def test_same_rows_and_boxes_as_pdfplumber(name: str) -> None:
    for ours, theirs in _page_results(name):
        assert ours is not None  # sure of every page of these
        assert _comparable(ours) == _comparable(theirs)


def test_sure_pages_never_open_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes) -> None:
        raise AssertionError("pdfplumber opened")

    monkeypatch.setattr(pdf, "_open_plumber", refuse)
    for name in SURE:
        assert read(name).blocks


def test_text_across_a_cell_border_is_left_to_pdfplumber(monkeypatch: pytest.MonkeyPatch) -> None:
    [(ours, theirs)] = _page_results("crossing_text.pdf")
    assert ours is None  # unsure: a run of text crosses the column border
    calls: list[int] = []
    real = pdf._tables

    def counting(plumber: Any, index: int, number: int) -> Any:
        calls.append(number)
        return real(plumber, index, number)

    monkeypatch.setattr(pdf, "_tables", counting)
    table = rows(read("crossing_text.pdf"))
    assert calls == [1]
    assert table == [(p.locator, p.text) for p in theirs[0]]
    assert table[0] == ("page 1 table 1 row 1", "Question | Response")


# ---------------------------------------------------------------- the grid on its own


def h(x0: float, x1: float, y: float) -> tuple[float, float, float, float]:
    return (x0, y, x1, y)


def v(x: float, top: float, bottom: float) -> tuple[float, float, float, float]:
    return (x, top, x, bottom)


def test_grid_two_by_two() -> None:
    [table] = find_grid_tables(
        [h(0, 200, 0), h(0, 200, 20), h(0, 200, 50)],
        [v(0, 0, 50), v(100, 0, 50), v(200, 0, 50)],
    )
    assert table.rows == (
        ((0, 0, 100, 20), (100, 0, 200, 20)),
        ((0, 20, 100, 50), (100, 20, 200, 50)),
    )
    assert table.bbox == (0, 0, 200, 50)


def test_grid_missing_inner_rule_merges_cells() -> None:
    [table] = find_grid_tables(
        [h(0, 200, 0), h(0, 200, 20), h(0, 200, 50)],
        [v(0, 0, 50), v(100, 0, 20), v(200, 0, 50)],  # the middle rule stops at row 1
    )
    assert table.rows[1] == ((0, 20, 200, 50), None)


def test_grid_snaps_near_rules_and_joins_broken_ones() -> None:
    # rules drawn 1 unit apart are one rule; a rule broken by a 2-unit gap is whole
    [table] = find_grid_tables(
        [h(0, 90, 0), h(92, 200, 1), h(0, 200, 20), h(0, 200, 50)],
        [v(0, 0, 50), v(101, 0, 50), v(200, 0, 50)],
    )
    assert len(table.rows) == 2
    first = table.rows[0][0]
    assert first is not None
    assert first[1] == pytest.approx(0.5) and first[2] == pytest.approx(101)


def test_grid_single_box_and_loose_rules_are_no_table() -> None:
    assert find_grid_tables([h(0, 100, 0), h(0, 100, 40)], [v(0, 0, 40), v(100, 0, 40)]) == []
    assert find_grid_tables([h(0, 500, 10), h(0, 500, 700), h(0, 150, 600)], []) == []
    # rules too short (a thin bar's ends, dots) are ignored
    assert find_grid_tables([h(0, 0.5, 10), h(0, 0.5, 20)], [v(0, 10, 10.4)]) == []


PROSE = [
    "Dear Ms Example,",
    "Thank you for your request for information, which we received on",
    "4 November 2024. Our answers to your questions are set out in the",
    "table below, question by question, as you asked in your request.",
    "If you are unhappy with the way your request has been handled, you",
    "may ask for an internal review within 40 working days of the date",
    "of this letter. If you remain dissatisfied you may then complain to",
    "the Information Commissioner, whose address is on our website.",
]


def test_a_row_drawn_as_one_text_object_is_cut_at_its_gutter() -> None:
    # regression (round 59): each row of a borderless table was one pdfium rectangle, so its
    # question ran into its answer ("... a policy on Yes. Our Sexual Safety Policy ...")
    import pdfwriter

    rows = [
        ("1. Does the Trust have a policy on", "Yes. Our Sexual Safety Policy"),
        ("2. Does the Trust provide ABT?", "No."),
        ("3. Does it plan to introduce it?", "Yes, from April 2025."),
        ("4. Who is the executive lead?", "Ms Ada Quill, Chief Nurse."),
    ]
    blocks = pdf.read(pdfwriter.one_run_rows_pdf(PROSE, rows), "rows.pdf").blocks
    table = [b.text for b in blocks if b.role is BlockRole.TABLE]
    assert table == [f"{question} | {answer}" for question, answer in rows]
    # the letter's own lines, whose words are as close as usual, stay whole
    assert "Dear Ms Example," in [b.text for b in blocks]
