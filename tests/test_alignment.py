"""Answers tied to the request's questions by what they say: a longer request answered by
number alone, and a letter's headings that end in a full stop."""

from __future__ import annotations

from foi_audit.coding import load_codebook
from foi_audit.coding.alignment import aligned_by_content, heading_series
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.records import Line

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
