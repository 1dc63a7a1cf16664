"""The codebook: loading, validation, printing, and every worked example run through the engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.coding.codebook import (
    FieldRole,
    codebook_summary,
    load_codebook,
    parse_codebook,
)
from foi_audit.coding.engine import code_text
from foi_audit.errors import CodebookError

FIXTURES = Path(__file__).parent / "fixtures" / "coding"
DEFAULT = load_codebook()
SECOND = load_codebook(FIXTURES / "parking_codebook.toml")


def _examples(codebook):  # type: ignore[no-untyped-def]
    return [
        pytest.param(codebook, f.name, example.text, example.value, id=f"{f.name}-{n}")
        for f in codebook.fields
        for n, example in enumerate(f.examples, start=1)
    ]


def test_default_codebook_has_every_study_field_and_rules() -> None:
    assert DEFAULT.field_names == (
        "response_status", "exemptions", "policy", "abt_provided", "abt_delivery",
        "abt_provider", "abt_mandatory", "abt_sh_module", "abt_planned", "dasv_lead",
        "dasv_lead_name", "dasv_lead_role",
    )  # fmt: skip
    for f in DEFAULT.fields:
        assert f.definition
        assert f.rules or f.role is not FieldRole.ANSWER, f"{f.name} has no rules"


def test_every_field_with_rules_has_worked_examples() -> None:
    for f in DEFAULT.fields:
        if f.rules and f.name != "dasv_lead_role":
            assert f.examples, f"{f.name} has no worked example"


@pytest.mark.parametrize(("codebook", "field", "text", "expected"), _examples(DEFAULT))
def test_worked_example(codebook, field: str, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    coded = code_text(text, codebook)
    assert coded[field].value == expected, coded[field]


@pytest.mark.parametrize(("codebook", "field", "text", "expected"), _examples(SECOND))
def test_second_codebook_worked_example(codebook, field: str, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert code_text(text, codebook)[field].value == expected


def test_second_codebook_runs_through_the_same_engine() -> None:
    text = (
        "Dear Requester\n1. Does the Trust charge staff for parking?\nNo, staff parking is free of"
        " charge.\n2. Is there a staff parking policy?\nNo.\nYours sincerely"
    )
    coded = code_text(text, SECOND)
    assert set(coded) == {"exemptions", "staff_charged", "parking_policy"}
    assert coded["staff_charged"].value == "no"
    assert coded["staff_charged"].rule == "staff_charged.free"
    assert coded["staff_charged"].quote.startswith("No, staff parking is free")
    assert coded["parking_policy"].value == "no"
    assert coded["exemptions"].value == ""


def _codebook_with(rule: dict) -> dict:  # type: ignore[type-arg]
    return {
        "questions": [{"id": "q1", "cues": ["policy"]}],
        "fields": [{"name": "f", "values": ["yes", "no"], "questions": ["q1"], "rules": [rule]}],
    }


def test_bad_regex_names_the_rule() -> None:
    with pytest.raises(CodebookError, match="f.broken.*bad pattern"):
        parse_codebook(
            _codebook_with({"id": "f.broken", "value": "yes", "any": ["(unclosed"]}), "x"
        )


def test_rule_value_must_be_allowed() -> None:
    with pytest.raises(CodebookError, match="'maybe' is not one of its values"):
        parse_codebook(_codebook_with({"id": "f.bad", "value": "maybe", "any": ["x"]}), "x")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("15", "request_questions must be a whole number"),
        (2.5, "request_questions must be a whole number"),
        (3, "request_questions is 3, but a question is labelled 7"),
    ],
)
def test_request_questions_is_checked(value: object, message: str) -> None:
    data = _codebook_with({"id": "f.ok", "value": "yes", "any": ["x"]})
    data["questions"][0]["label"] = "7"
    data["request_questions"] = value
    with pytest.raises(CodebookError, match=message):
        parse_codebook(data, "x")


def test_answers_numbered_as_a_longer_request_was_are_read_by_the_study_numbering() -> None:
    """A 15-question request with the study's questions at 3, 7 and 12, answered by number
    only: with the request's numbering in the codebook the numbers say which answer is which;
    without it only what the answers say ties them to ours ("12. Yes - Dr Ann Bell, Chief
    Nurse." is the lead's, "8. No plans." the plans'), and an answer that names no question of
    ours ("3. No, only a Dignity at Work Policy.") is left blank and flagged, never guessed."""
    import dataclasses

    reply = "\n".join(
        [
            "Dear Ms Lowe, our answers are numbered as your questions were.",
            *(f"{n}. {text}" for n, text in [
                (1, "Headcount 4,100."), (2, "152 complaints."), (3, "No, only a Dignity at Work Policy."),
                (4, "39 incidents."), (5, "Yes, in 2023."), (6, "£2.1m."),
                (7, "Not currently."), (8, "No plans."), (9, "Not applicable."),
                (10, "£300,000."), (11, "Three guardians."), (12, "Yes - Dr Ann Bell, Chief Nurse."),
                (13, "Yes."), (14, "Four areas."), (15, "None."),
            ]),
        ]
    )  # fmt: skip
    numbering = {"q1": "3", "q2": "7", "q2a": "7a", "q2b": "7b", "q2c": "7c", "q3": "8", "q4": "12"}
    study = dataclasses.replace(
        DEFAULT,
        source="numbered as asked",
        questions=tuple(
            dataclasses.replace(q, label=numbering.get(q.id, q.label)) for q in DEFAULT.questions
        ),
        request_questions=15,
    )
    coded = code_text(reply, study)
    assert coded["policy"].value == "general_only"
    assert (coded["abt_provided"].value, coded["abt_planned"].value) == ("no", "no")
    assert coded["dasv_lead_name"].value == "Dr Ann Bell"
    by_content = code_text(reply, DEFAULT)
    assert by_content["dasv_lead_name"].value == "Dr Ann Bell"
    assert by_content["abt_planned"].value == "no"
    assert by_content["policy"].value == "" and by_content["policy"].needs_review


def test_a_questions_elsewhere_concepts_must_exist() -> None:
    """``elsewhere`` names concepts of another subject of the question's kind; a misspelt one
    is refused with the closest concept named."""
    data = _codebook_with({"id": "f.ok", "value": "yes", "any": ["x"]})
    data["concepts"] = {"other_training": ["conflict resolution"]}
    data["questions"][0]["elsewhere"] = ["other_trainng"]
    with pytest.raises(CodebookError, match="question q1 names unknown concept.*other_training"):
        parse_codebook(data, "x")


def test_unknown_question_is_an_error() -> None:
    data = _codebook_with({"id": "f.ok", "value": "yes", "any": ["x"]})
    data["fields"][0]["questions"] = ["q9"]
    with pytest.raises(CodebookError, match="unknown question 'q9'"):
        parse_codebook(data, "x")


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="does not exist"):
        load_codebook(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("name = [", encoding="utf-8")
    with pytest.raises(CodebookError, match="not valid TOML"):
        load_codebook(bad)


def test_cli_codebook_json_is_the_library_summary() -> None:
    result = CliRunner().invoke(app, ["codebook", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json.loads(json.dumps(codebook_summary(DEFAULT)))


def test_cli_codebook_prints_another_codebook() -> None:
    result = CliRunner().invoke(
        app, ["codebook", "--codebook", str(FIXTURES / "parking_codebook.toml")]
    )
    assert result.exit_code == 0, result.output
    assert "staff_charged" in result.output
    assert "free of charge" in result.output


def test_cli_codebook_bad_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["codebook", "--codebook", str(tmp_path / "missing.toml")])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("where", "misspelt"),
    [("rule", "unles"), ("field", "aplies_when"), ("question", "cue")],
)
def test_misspelt_keys_are_refused_with_the_key_named(where: str, misspelt: str) -> None:
    data = _codebook_with({"id": "f.ok", "value": "yes", "any": ["x"]})
    target = {
        "rule": data["fields"][0]["rules"][0],
        "field": data["fields"][0],
        "question": data["questions"][0],
    }[where]
    target[misspelt] = ["x"]
    with pytest.raises(CodebookError, match=f"unknown key '{misspelt}'.*did you mean"):
        parse_codebook(data, "study.toml")


def test_roles_are_declared_in_the_codebook() -> None:
    assert DEFAULT.outcome_field is not None and DEFAULT.outcome_field.name == "response_status"
    assert DEFAULT.exemptions_field is not None and DEFAULT.exemptions_field.name == "exemptions"
    assert DEFAULT.no_reply_value == "waiting_response"
    assert SECOND.outcome_field is None and SECOND.no_reply_value == ""
    assert DEFAULT.field("dasv_lead").negative == ("none",)


def test_one_value_normaliser() -> None:
    exemptions = DEFAULT.field("exemptions")
    assert exemptions.normalise("s40; s21") == "s21;s40"
    assert exemptions.normalise("s43;s12;s40") == "s12;s40;s43"
    name = DEFAULT.field("dasv_lead_name")
    assert name.same_value("Dr  Jane Smith", "jane smith")
    assert not name.same_value("Jane Smith", "Jane Smyth")
    provider = DEFAULT.field("abt_provider")  # a company's article is no part of what it is
    assert provider.same_value("The Active Bystander Collective", "Active Bystander Collective")
    assert not provider.same_value("The Bystander Collective", "Active Bystander Collective")
    assert DEFAULT.field("policy").normalise(" Dedicated ") == "dedicated"


def test_concept_gates_find_exactly_the_sentences_their_patterns_find() -> None:
    """A gate (a concept's patterns joined) only saves time: over every line of the hard
    cases it must agree with trying the patterns one by one."""
    import tomllib

    from foi_audit.coding.codebook import load_codebook as load
    from foi_audit.coding.compiled import compile_codebook

    compiled = compile_codebook(load(None))
    cases = tomllib.loads(
        (Path(__file__).parent / "fixtures/coding/hard_cases.toml").read_text("utf-8")
    )["case"]
    lines = {line for c in cases for d in c["documents"] for line in d["text"].splitlines()}
    assert len(lines) > 1000
    gated = 0
    for name, found in compiled.concepts:
        gate = compiled.concept_gates[name]
        for line in lines:
            assert bool(gate.search(line)) == any(p.search(line) for p in found), (name, line)
            gated += not gate.search(line)
    assert gated > 0


def test_patterns_with_back_references_get_no_gate() -> None:
    from foi_audit.coding.compiled import _gates

    plain = re.compile("policy", re.I)
    echo = re.compile(r"(\w+) \1", re.I)
    assert set(_gates([("a", (plain,)), ("b", (plain, echo))])) == {"a"}


def test_a_rules_review_names_its_flag_reason_or_is_refused() -> None:
    """``review = true`` flags a hedged reading; ``review = "<reason>"`` names the doubt (a
    convention coders differ on); any other text is refused with the reasons listed."""
    rules = {
        "true": {"id": "f.hedged", "value": "no", "any": ["x"], "review": True},
        "named": {"id": "f.held", "value": "no", "any": ["x"], "review": "not_held_read_as_no"},
    }
    book = parse_codebook(_codebook_with(rules["true"]), "x")
    assert book.fields[0].rules[0].review == "hedged_answer"
    book = parse_codebook(_codebook_with(rules["named"]), "x")
    assert book.fields[0].rules[0].review == "not_held_read_as_no"
    bad = {"id": "f.bad", "value": "no", "any": ["x"], "review": "maybe"}
    with pytest.raises(CodebookError, match="review 'maybe' is not true, false or one of"):
        parse_codebook(_codebook_with(bad), "x")


def test_not_held_to_the_plans_question_is_no_and_flagged_for_its_convention() -> None:
    """ "Not held." to the plans question: coded no (the hand corpus's convention), flagged
    not_held_read_as_no because other coders leave it blank."""
    from foi_audit.coding import code_documents
    from foi_audit.coding.engine import documents_from_text

    text = (
        "Q2. Does the Trust provide Active Bystander Training?\nNo.\n"
        "Q3. If not, does it plan to introduce it?\nInformation not held.\n"
    )
    coded = {c.field: c for c in code_documents(documents_from_text([text], "RXX"), DEFAULT)}
    assert coded["abt_planned"].value == "no"
    assert coded["abt_planned"].flag_reasons == ("not_held_read_as_no",)
