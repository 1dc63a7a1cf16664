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
