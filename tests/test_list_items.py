"""Items: a sentence listing several things of a question's kind is read for the question only
in the items naming its subject; a sentence on another thing of the kind says nothing of it."""

from foi_audit.coding import load_codebook
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.items import focused, list_items
from foi_audit.coding.records import Sentence

COMPILED = compile_codebook(load_codebook())


def test_a_list_is_cut_at_semicolons_or_between_bracketed_items() -> None:
    assert list_items("A is run by X; B is bought in; and C is optional.") == [
        "A is run by X",
        "B is bought in",
        "C is optional.",
    ]
    assert list_items("It has Kind Words (in-house, mandatory) and ABT (by X Ltd, optional).") == [
        "It has Kind Words (in-house, mandatory)",
        "ABT (by X Ltd, optional).",
    ]
    # one bracket, or commas inside brackets, make no list
    assert list_items("ABT (by X Ltd), optional and open to all.") == [
        "ABT (by X Ltd), optional and open to all."
    ]


def test_only_the_item_naming_the_subject_is_read_for_its_questions() -> None:
    text = (
        "Our offer comprises Calm Talk (delivered in-house, mandatory), Safe Holding (delivered "
        "by Grip Ltd) and Active Bystander Training (delivered by Speak Up CIC, optional)."
    )
    said = [Sentence(text, "line 1", "q2a", start=True)]
    (only,) = focused(said, "q2a", COMPILED)
    assert only.text == "Active Bystander Training (delivered by Speak Up CIC, optional)."
    assert not only.start  # no longer the answer's first words
    # the policy question reads its own items, not the training's
    assert focused(said, "q1", COMPILED) == said


def test_a_list_with_no_other_thing_of_the_kind_is_read_whole() -> None:
    text = "ABT is delivered in-house by our OD team; the training is mandatory for all staff."
    said = [Sentence(text, "line 1", "q2b", start=True)]
    assert focused(said, "q2b", COMPILED) == said
