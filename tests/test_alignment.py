"""Answers tied to the request's questions by what they say: a longer request answered by
number alone, a letter's headings that end in a full stop, an answer under the wrong number,
and a question's parts answered in turn on one line."""

from __future__ import annotations

from foi_audit.coding import load_codebook
from foi_audit.coding.alignment import (
    aligned_by_content,
    heading_series,
    parts_in_turn,
    under_wrong_number,
)
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.records import Line, Sentence

COMPILED = compile_codebook(load_codebook())


def _lines(text: str) -> list[Line]:
    """One line a paragraph, as a letter's reader gives them."""
    return [Line(t, f"paragraph {n}", n) for n, t in enumerate(text.splitlines(), start=1)]


REPLY = """Dear Dr Amadi,
Freedom of Information request 24/7731: our response.
1. 3,412 staff were employed on 31 March 2024.
2. We do not hold this centrally.
3. The Trust has no dedicated sexual safety policy; harassment falls under the Dignity at Work Policy.
4. We do not provide Active Bystander Training.
5. Not applicable.
6. The executive lead for domestic abuse and sexual violence is the Chief Nurse.
7. Yes."""


def test_numbered_answers_are_tied_to_our_questions_by_one_shift() -> None:
    # answers 3, 4 and 6 name their questions; 5 between them is the plans question
    assert aligned_by_content(_lines(REPLY), COMPILED) == {
        "3": "q1",
        "4": "q2",
        "5": "q3",
        "6": "q4",
    }


def test_a_documents_numbered_sections_that_reply_to_nobody_are_left_alone() -> None:
    policy = """Sexual Safety at Work Policy
1. Purpose: this sexual safety policy sets out how sexual harassment of staff is handled.
2. Definitions: sexual harassment is unwanted conduct of a sexual nature.
3. Scope: all staff.
4. Responsibilities: the executive lead for domestic abuse and sexual violence is the Chief Nurse.
5. Training: managers complete Active Bystander Training.
6. Monitoring: quarterly."""
    assert aligned_by_content(_lines(policy), COMPILED) == {}


def test_headings_ending_in_a_full_stop_count_only_as_a_series_in_order() -> None:
    letter = """Dear Ms Adeyemi,
Sexual safety policy.
We have no dedicated policy.
Active Bystander Training.
Not at present.
Plans.
None.
Executive lead.
The Chief Nurse."""
    assert heading_series(_lines(letter), COMPILED) == {1, 3, 5, 7}
    # one such line alone is an answer ("Optional."), not a heading
    assert heading_series(_lines("Dear Ms Adeyemi,\nOptional.\nPlans.\nNone."), COMPILED) == set()


def _said(question: str, *texts: str) -> list[Sentence]:
    return [Sentence(t, "page 1", question, start=i == 0) for i, t in enumerate(texts)]


def test_an_answer_under_another_questions_number_moves_to_the_parts_it_answers() -> None:
    answers = {
        "q2": _said("q2", "Yes.", "It is delivered in-house by our EDI team."),
        "q3": _said("q3", "The training is optional.", "There is no specific session on it."),
    }
    moved = under_wrong_number(answers, COMPILED)
    assert moved["q3"] == []
    assert [(s.question, s.text) for s in moved["q2b"] + moved["q2c"]] == [
        ("q2b", "The training is optional."),
        ("q2c", "There is no specific session on it."),
    ]


def test_an_answer_that_opens_with_yes_or_no_or_speaks_of_its_own_question_stays() -> None:
    for texts in (("No, and it would be optional.",), ("We plan to; it would be optional.",)):
        answers = {"q3": _said("q3", *texts)}
        assert under_wrong_number(answers, COMPILED) == answers


def test_parts_answered_in_turn_on_one_line_get_a_piece_each() -> None:
    answers = {"q2": _said("q2", "Yes;", "our own trainers and Bluefield CIC;", "mandatory;", "no")}
    split = parts_in_turn(answers, COMPILED)
    assert {q: [s.text for s in found] for q, found in split.items()} == {
        "q2": ["Yes;"],
        "q2a": ["our own trainers and Bluefield CIC;"],
        "q2b": ["mandatory;"],
        "q2c": ["no"],
    }
    # one piece short, or a part answered elsewhere: left as it is
    short = {"q2": answers["q2"][:3]}
    assert parts_in_turn(short, COMPILED) == short
    answered = {**answers, "q2c": _said("q2c", "No.")}
    assert parts_in_turn(answered, COMPILED) == answered
