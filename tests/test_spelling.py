"""Misspelt key words read as the words meant (coding/spelling.py) and the codebook's list."""

from __future__ import annotations

import pytest

from foi_audit.coding import load_codebook
from foi_audit.coding.codebook import parse_codebook
from foi_audit.coding.compiled import compile_codebook
from foi_audit.coding.spelling import mended, misspellings
from foi_audit.errors import CodebookError

TABLE = misspellings(["policy", "mandatory", "bystander", "harassment", "appointed", "module"])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Polciy", "Policy"),  # two letters swapped
        ("mandetory", "mandatory"),  # one vowel for another
        ("harrassment", "harassment"),  # a letter doubled
        ("apointed", "appointed"),  # a double letter single
        ("policey", "policy"),  # a letter added
        ("BYSTNADER", "BYSTANDER"),  # in the case it was typed
    ],
)
def test_a_slip_reads_as_the_word_meant(typed: str, meant: str) -> None:
    assert mended(f"The {typed} is here.", TABLE) == f"The {meant} is here."


@pytest.mark.parametrize(
    "typed",
    [
        "police",  # its last letter: an ending makes another word
        "modules",
        "Pmlicy",  # nor its first letter... nor a consonant for another
        "polcies",  # two slips
        "policy",
        "Mandatory",
    ],
)
def test_a_word_two_slips_away_or_at_its_ends_stays_as_written(typed: str) -> None:
    assert mended(typed, TABLE) == typed


def test_a_slip_of_two_words_is_left_alone() -> None:
    table = misspellings(["sector", "sectar"])  # "secter" is one vowel from both
    assert "secter" not in table
    assert mended("secter", table) == "secter"


def test_the_built_in_lists_mend_no_common_word_near_them() -> None:
    """The grammar's and the study's words, checked when they were chosen against an English
    dictionary: these words one slip from them stay as written."""
    table = compile_codebook(load_codebook()).misspelt
    for word in ("eternal", "withhold", "safely", "police", "sessional", "provides", "modular"):
        assert word not in table, word
    assert table["sexaul"] == "sexual"
    assert table["bystnader"] == "bystander"


def test_spelling_words_are_checked() -> None:
    data: dict[str, object] = {
        "questions": [{"id": "q1", "cues": ["policy"]}],
        "fields": [{"name": "f", "values": ["yes"], "questions": ["q1"], "rules": []}],
    }
    data["document"] = {"spelling": ["Policy"]}
    with pytest.raises(CodebookError, match=r"\[document\].spelling holds 'Policy'"):
        parse_codebook(data, "x")
    data["document"] = {"spelling": ["abuse"]}  # five letters: its slips are other words
    with pytest.raises(CodebookError, match="six letters or more"):
        parse_codebook(data, "x")


def test_a_value_read_through_a_slip_is_quoted_as_typed() -> None:
    from foi_audit.coding import code_documents
    from foi_audit.coding.engine import documents_from_text
    from foi_audit.records import Grounding

    text = "1. Yes - our Sexaul Saftey Polciy, ratified in May.\n2. No.\n3. No.\n4. No."
    coded = {c.field: c for c in code_documents(documents_from_text([text]), load_codebook())}
    policy = coded["policy"]
    assert policy.value == "dedicated"
    assert "Sexaul Saftey Polciy" in policy.quote
    assert policy.grounding is Grounding.EXACT


def test_as_typed_maps_a_quote_back_through_words_of_other_lengths() -> None:
    from foi_audit.coding.spelling import as_typed

    table = misspellings(["harassment", "appointed", "policy"])
    typed = "We have apointed a lead; harrassment is covered by the polcy on bullying."
    assert as_typed("harassment is covered by the policy", [typed], table) == (
        "harrassment is covered by the polcy"
    )
    assert as_typed("have appointed a … policy on bullying.", [typed], table) == (
        "have apointed a … polcy on bullying."
    )
    assert as_typed("not in the text", [typed], table) == "not in the text"


def test_a_surname_one_slip_from_a_key_word_stays_as_typed() -> None:
    compiled = compile_codebook(load_codebook())
    persons = compiled.people.persons

    def mend(text: str) -> str:
        return mended(text, compiled.misspelt, persons)

    assert mend("Dr Helen Moule, Chief Nurse, is the lead.") == (
        "Dr Helen Moule, Chief Nurse, is the lead."
    )
    # a title-case name of a policy is no person: every word of it a key word or a slip
    assert mend("Yes - our Sexaul Saftey Polciy is attached.") == (
        "Yes - our Sexual Safety Policy is attached."
    )
    assert mend("Active Bystnader Training is run by Sarah Lee.") == (
        "Active Bystander Training is run by Sarah Lee."
    )


def test_a_quote_cut_inside_a_mended_word_keeps_that_word_whole_as_typed() -> None:
    """A long quote is cut at 300 characters, maybe inside a word ("... by the poli…")."""
    from foi_audit.coding.spelling import as_typed

    table = misspellings(["harassment", "policy"])
    typed = "Here harrassment is covered by the polcy on bullying."
    assert as_typed("harassment is covered by the poli…", [typed], table) == (
        "harrassment is covered by the polcy…"
    )
