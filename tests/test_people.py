"""Job titles and people's names recognised by their form (coding/people.py)."""

from __future__ import annotations

import pytest

from foi_audit.coding.codebook import load_codebook
from foi_audit.coding.people import Grammar


@pytest.fixture(scope="module")
def grammar() -> Grammar:
    return Grammar(load_codebook().people)


def test_a_saints_name_is_a_place_not_a_person(grammar: Grammar) -> None:
    # round 76: "the Hospital of St Cross, Rugby has a site lead ..." gave "St Cross" as the
    # holder of the executive lead's post
    text = "The Hospital of St Cross has a site lead, Tomasz Eldridge; Dr St Clair-Hughes chairs."
    assert [p.text for p in grammar.persons(text)] == ["Tomasz Eldridge", "Dr St Clair-Hughes"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Yes – Chief Nurse, Dr Jo Bell.", "Chief Nurse"),
        ("Our lead is a Non-Executive Director, Mr Ben Aldous.", "Non-Executive Director"),
        (
            "Ms Kerry Ball, Director of Nursing, Quality and Safeguarding (interim), is our lead.",
            "Director of Nursing, Quality and Safeguarding (interim)",
        ),
        (
            "Mr Idris Pen, Director of Patient Safety and Quality (Interim) and Executive "
            "Safeguarding Lead.",
            "Director of Patient Safety and Quality (Interim) and Executive Safeguarding Lead",
        ),
        ("Deputy Chief Nurse (Safeguarding)", "Deputy Chief Nurse (Safeguarding)"),
        # a function after a dash ends the title; an answer word after one is no function
        (
            "The lead is our Deputy Director of Nursing - Safeguarding.",
            "Deputy Director of Nursing - Safeguarding",
        ),
        ("Director of Nursing – Yes.", "Director of Nursing"),
        # round 75: an employer named after a comma or "of" is part of the title as written; a
        # trust's full name run on after it is not
        (
            "Ms Rosa Ingham, Director of People, Riverbank Staffing Services Ltd, is the lead.",
            "Director of People, Riverbank Staffing Services Ltd",
        ),
        (
            "The Chief Nurse of Westcombe University Hospitals is the lead.",
            "Chief Nurse of Westcombe University Hospitals",
        ),
        (
            "Dr Jo Bell, Group Chief Nurse, University Hospitals of Teesdale",
            "Group Chief Nurse, University Hospitals of Teesdale",
        ),
        (
            "Mr Owen Pryce, Director of Nursing, Therapies and Quality Kestrel Hospital NHS Trust",
            "Director of Nursing, Therapies and Quality",
        ),
        (
            "The Chief Nurse of Kestrel University Hospitals NHS Foundation Trust is the lead.",
            "Chief Nurse",
        ),
        ("Chief Nurse, University Hospitals Kestrel NHS Foundation Trust", "Chief Nurse"),
    ],
)
def test_job_title_as_written(grammar: Grammar, text: str, title: str) -> None:
    assert [span.text for span in grammar.titles(text)][0] == title


def test_a_lower_case_aside_in_brackets_is_not_part_of_a_title(grammar: Grammar) -> None:
    titles = [span.text for span in grammar.titles("Chief Nurse (see attached) and Jo Bell")]
    assert titles == ["Chief Nurse"]


@pytest.mark.parametrize(
    ("text", "withheld"),
    [
        ("Director of Nursing and Governance | Name withheld - s40(2)", True),
        # a return's notes cell on another answer: the provider's name, not the lead's
        ("Director of Nursing and Governance | Provider name exempt under s43(2)", False),
    ],
)
def test_only_the_lead_s_own_name_withheld_makes_the_lead_withheld(
    grammar: Grammar, text: str, withheld: bool
) -> None:
    assert [lead.withheld for lead in grammar.leads(text)] == [withheld]


def test_name_after_a_title(grammar: Grammar) -> None:
    persons = [span.text for span in grammar.persons("Chief Nurse, Dr Ruth Amankwah, leads.")]
    assert persons == ["Dr Ruth Amankwah"]


@pytest.mark.parametrize(
    "text",
    [
        "Louise Pemberton, the Trust's Director of Nursing, was appointed executive lead in May.",
        "Louise Pemberton, our Director of Nursing, is the executive lead.",
        "Director of Nursing: Louise Pemberton.",
    ],
)
def test_a_post_and_its_holder_are_paired(grammar: Grammar, text: str) -> None:
    found = grammar.leads(text)
    assert found and found[0].person is not None and found[0].title is not None
    assert (found[0].person.text, found[0].title.text) == (
        "Louise Pemberton",
        "Director of Nursing",
    )


@pytest.mark.parametrize(
    ("text", "organisations"),
    [
        (
            "The Trust commissions Open Door Training (UK) Ltd to run it.",
            ["Open Door Training (UK) Ltd"],
        ),
        ("Delivered by Intervene Consulting.", ["Intervene Consulting"]),
        ("The Group provides the sessions to staff.", []),
        ("Sessions are run by Solent's own Organisational Development practitioners.", []),
        ("The training is delivered by the Service's own Clinical Education team.", []),
        # round 72: a word with a small first letter inside a name ("eLearn") ended it
        ("We buy in a module from Brightside eLearn Ltd", ["Brightside eLearn Ltd"]),
    ],
)
def test_organisations_by_form(grammar: Grammar, text: str, organisations: list[str]) -> None:
    assert [span.text for span in grammar.organisations(text)] == organisations


def test_a_small_word_inside_a_name_keeps_the_name_whole(grammar: Grammar) -> None:
    found = grammar.leads("Name: Siân ap Gwilym Post: Chief Nursing Officer")
    assert found[0].person is not None and found[0].person.text == "Siân ap Gwilym"


def test_a_contraction_in_capitals_is_no_name(grammar: Grammar) -> None:
    assert all("Haven't" not in p.text for p in grammar.persons("We Haven't Appointed One."))


def test_the_post_holder_covered_for_is_not_the_lead(grammar: Grammar) -> None:
    """ "Mrs A (interim, covering the substantive Chief Nurse, Professor B, during his
    secondment)": Professor B is away; he is named to place the post, as a supporter is."""
    text = (
        "Mrs Manjit Bains-Rowley (interim from 1 October 2024, covering the substantive Chief "
        "Nurse, Professor Alan Whitcroft, during his secondment)"
    )
    covered = [lead for lead in grammar.leads(text) if lead.person]
    assert [(lead.person.text, lead.supporting) for lead in covered if lead.person] == [
        ("Professor Alan Whitcroft", True)
    ]
