"""Paragraphs cut by a page break, joined again."""

from __future__ import annotations

from foi_audit.coding.pages import across_pages
from foi_audit.records import Block, BlockRole


def _page(text: str, page: int, role: BlockRole = BlockRole.BODY) -> Block:
    return Block(text, f"page {page}", role)


def test_a_sentence_running_over_the_page_is_one_block_at_its_first_half() -> None:
    blocks = [
        _page("The lead is our Chief Nurse and", 1),
        _page("Page 1 of 2", 1, BlockRole.FOOTER),
        _page("Brackenfield NHS Trust", 2, BlockRole.HEADER),
        _page("Director of Patient Experience.", 2),
        _page("Yours sincerely", 2),
    ]
    joined = across_pages(blocks)
    assert [b.text for b in joined] == [
        "The lead is our Chief Nurse and Director of Patient Experience.",
        "Page 1 of 2",
        "Brackenfield NHS Trust",
        "Yours sincerely",
    ]
    assert joined[0].locator == "page 1"


def test_finished_sentences_and_pages_apart_stay_as_they_are() -> None:
    ended = [_page("The policy is attached.", 1), _page("Director of Nursing.", 2)]
    assert across_pages(ended) == ended
    capital = [_page("Policy", 1), _page("Director of Nursing.", 2)]  # a heading, then a page
    assert across_pages(capital) == capital
    far = [_page("our Chief Nurse and", 1), _page("Director of Nursing.", 3)]
    assert across_pages(far) == far
    lower = [_page("the training is offered to", 1), _page("all new starters.", 2)]
    assert [b.text for b in across_pages(lower)] == ["the training is offered to all new starters."]
    same_page = [_page("our Chief Nurse and", 1), _page("Director of Nursing.", 1)]
    assert across_pages(same_page) == same_page


def test_a_continued_mark_at_the_foot_of_a_page_is_no_part_of_the_sentence() -> None:
    # Round 52: "... it does not contain a module specifically /continued" ran on, mark and all
    for mark in ("/continued", "(continued)", "(cont'd)", "continued overleaf"):
        blocks = [
            _page(f"but it does not contain a module specifically {mark}", 1),
            _page("devoted to sexual harassment.", 2),
        ]
        assert [b.text for b in across_pages(blocks)] == [
            "but it does not contain a module specifically devoted to sexual harassment."
        ], mark
    # a sentence ending on the word itself is left alone
    ended = [_page("The work has continued", 1), _page("Director of Nursing.", 2)]
    assert across_pages(ended) == ended


def test_a_letters_running_head_on_page_two_is_furniture_not_the_answer_it_interrupts() -> None:
    # Round 52: page 2 repeated page 1's letterhead; read as body, it ran into question 2(c)'s
    # answer and its words were coded.
    from foi_audit.readers import read_document
    from pdfwriter import text_pdf

    head = ["Freedom of Information Office  foi@kch.nhs.example", "King's College Hospital", "", ""]
    pdf = text_pdf(
        [
            [
                *head,
                *[""] * 10,
                "Dear Dr Whitcombe,",
                "",
                "2(c) The course does not contain a module /continued",
            ],
            [*head, "devoted to sexual harassment.", "", "Yes.", "", "Yes."],
        ]
    )
    blocks = read_document(pdf, "reply.pdf").blocks
    second = [(b.role, b.text) for b in blocks if b.locator.startswith("page 2")]
    assert second[0][0] is BlockRole.HEADER
    assert all(role is BlockRole.HEADER for role, text in second if "King's" in text)
    assert (BlockRole.BODY, "devoted to sexual harassment.") in second
    joined = [b.text for b in across_pages(blocks) if b.role is BlockRole.BODY]
    assert "2(c) The course does not contain a module devoted to sexual harassment." in joined


def test_continued_on_a_line_of_its_own_is_dropped_and_the_paragraph_above_runs_on() -> None:
    blocks = [
        _page("but it does not contain a module specifically", 1),
        _page("/continued", 1),
        _page("Page 1 of 2", 1, BlockRole.FOOTER),
        _page("Freedom of Information Office", 2, BlockRole.HEADER),
        _page("devoted to sexual harassment.", 2),
    ]
    assert [b.text for b in across_pages(blocks)] == [
        "but it does not contain a module specifically devoted to sexual harassment.",
        "Page 1 of 2",
        "Freedom of Information Office",
    ]


def test_continued_joins_an_unfinished_sentence_whatever_its_last_word_but_not_a_finished_one() -> (
    None
):
    capital = [
        _page("The sessions are delivered by Equal", 1),
        _page("/continued", 1),
        _page("Footing CIC and are optional.", 2),
    ]
    assert [b.text for b in across_pages(capital)] == [
        "The sessions are delivered by Equal Footing CIC and are optional."
    ]
    finished = [
        _page("The policy is attached.", 1),
        _page("/continued", 1),
        _page("Question 3", 2),
    ]
    assert [b.text for b in across_pages(finished)] == ["The policy is attached.", "Question 3"]
