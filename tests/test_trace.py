"""A value's story (``explain TRUST FIELD --trace``) and a golden view of the engine's stages
on every hard case: how each reply was segmented, and each field's value, rule and flags.

The golden file is regenerated with ``FOI_UPDATE_GOLDEN=1 pytest tests/test_trace.py``; review
its diff as you would a change of values: a moved sentence or a new rule id is a change of
behaviour.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.coding import code_documents
from foi_audit.coding.trace import segmentation_lines, trace_field
from foi_audit.dataset.layout import Layout
from foi_audit.errors import CodebookError, InputError
from foi_audit.figures.explain import explain_trace, trace_dict, trace_lines
from foi_audit.ingest.pipeline import IngestOptions, ingest
from tests.test_coding import CASES, CODEBOOK, _documents, case_codebook

GOLDEN = Path(__file__).parent / "fixtures" / "coding" / "hard_cases.golden.txt"


def _golden_text() -> str:
    out: list[str] = []
    for case in CASES:
        documents, codebook = _documents(case), case_codebook(case)
        out.append(f"## {case['name']}")
        out.extend(segmentation_lines(documents, codebook))
        out.append("  coded:")
        for value in code_documents(documents, codebook):
            flags = f"  flags: {', '.join(value.flag_reasons)}" if value.flags else ""
            out.append(f"    {value.field} = {value.value or '(blank)'}  [{value.rule}]{flags}")
        out.append("")
    return "\n".join(out)


def test_hard_cases_segmentation_and_rules_match_the_golden_file() -> None:
    text = _golden_text()
    if os.environ.get("FOI_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == text, (
        "the engine's segmentation, values, rules or flags changed on a hard case: review the "
        "diff and regenerate with FOI_UPDATE_GOLDEN=1 pytest tests/test_trace.py"
    )


def _case(name: str) -> dict:
    return next(c for c in CASES if c["name"] == name)


def test_trace_keeps_each_stage_of_a_cross_referenced_answer() -> None:
    trace = trace_field(
        "RXX", "abt_planned", _documents(_case("cross-reference by 'as set out in'")), CODEBOOK
    )
    assert trace.value.value == "yes" and trace.value.rule == "abt_planned.planned"
    assert trace.value.flag_reasons == ("via_reference",)
    q3 = next(a for a in trace.answers if a.question == "q3")
    assert q3.question_text.startswith("Q3.")
    # the answer to Q3 is Q2's sentences, read through the cross-reference
    assert any(s.via_reference and "business case" in s.text for s in q3.sentences)
    assert any(s.modality == "planned" for s in q3.sentences)
    # rules are tried in priority order; the one that held is last and gives the value
    assert trace.rules[-1].held and trace.rules[-1].rule == "abt_planned.planned"
    assert not any(step.held for step in trace.rules[:-1])


def test_trace_of_a_denial_shows_the_denied_concept_and_the_rule() -> None:
    documents = _documents(_case("hedged negative: not as such, with a broader policy"))
    trace = trace_field("RXX", "policy", documents, CODEBOOK)
    assert trace.value.rule == "policy.general_only" and not trace.value.flags
    q1 = next(a for a in trace.answers if a.question == "q1")
    assert q1.status == "answered" and q1.polarity == "no"
    assert trace.documents[0].kind == "reply" and "q1" in trace.documents[0].questions
    lines = trace_lines(trace)
    assert lines[0] == "RXX policy: general_only  [rule policy.general_only]"
    assert "  reply 1, q1: policy.general_only: holds → general_only" in lines
    assert "  reply 1, q1: policy.in_development: does not hold" in lines


def test_trace_shows_what_an_answer_takes_back() -> None:
    """A sentence the answer withdraws ("Please disregard the previous sentence") is not read,
    and the trace still shows it, marked, so a value's story hides nothing."""
    name = (
        "'It is mandatory. Please disregard the previous sentence, the training is optional.': "
        "the sentence taken back"
    )
    documents = _documents(_case(name))
    trace = trace_field("RXX", "abt_mandatory", documents, CODEBOOK)
    assert trace.value.value == "optional"
    q2 = next(a for a in trace.answers if a.question in ("q2", "q2b") and a.withdrawn)
    assert q2.withdrawn == ("It is mandatory.",)
    assert "It is mandatory." not in [s.text for s in q2.sentences]
    assert "    [withdrawn: taken back below] It is mandatory." in trace_lines(trace)


def test_trace_of_a_flagged_value_names_the_reason() -> None:
    documents = _documents(_case("two replies disagree: flagged"))
    trace = trace_field("RXX", "abt_provided", documents, CODEBOOK)
    assert trace.value.flag_reasons == ("replies_conflict",)
    assert {step.reply for step in trace.rules} == {0, 1}  # both replies were read
    assert "  flagged: replies_conflict" in trace_lines(trace)


def test_trace_of_an_unknown_field_is_a_one_line_error() -> None:
    with pytest.raises(CodebookError, match="polcy"):
        trace_field("RXX", "polcy", _documents(CASES[0]), CODEBOOK)


@pytest.fixture
def ingested(project: Path) -> Layout:
    (project / "raw" / "RA9 FOI reply.txt").write_text(
        "Torbay and South Devon NHS Foundation Trust\n\n"
        "Q1. Does the Trust have a dedicated sexual safety policy?\n"
        "No. Sexual harassment is covered by our Dignity at Work Policy.\n",
        encoding="utf-8",
    )
    layout = Layout.from_dirs(project / "raw")
    ingest(layout, IngestOptions(jobs=1, timeout=30))
    return layout


def test_explain_trace_from_the_command_line_matches_the_library(ingested: Layout) -> None:
    runner = CliRunner()
    processed = str(ingested.processed)
    text = runner.invoke(app, ["explain", "RA9", "policy", "--trace", "--processed", processed])
    assert text.exit_code == 0, text.output
    assert "RA9 policy: general_only  [rule policy.general_only]" in text.output
    assert "RA9 FOI reply.txt: reply; answers to q1" in text.output
    as_json = runner.invoke(
        app, ["explain", "ra9", "policy", "--trace", "--json", "--processed", processed]
    )
    assert as_json.exit_code == 0, as_json.output
    library = trace_dict(explain_trace(ingested, "RA9", "policy"))
    assert json.loads(as_json.output) == json.loads(json.dumps(library))


def test_explain_trace_errors_are_one_actionable_line(ingested: Layout) -> None:
    runner = CliRunner()
    processed = str(ingested.processed)
    for args, words in [
        (["explain", "RBK", "policy", "--trace"], "no documents of RBK"),
        (["explain", "ZZZ9", "policy", "--trace"], "not an ODS code"),
        (["explain", "RA9", "--trace"], "give a trust and a field"),
        (["explain", "RA9", "policy"], "give a trust and a field"),
    ]:
        result = runner.invoke(app, [*args, "--processed", processed])
        assert result.exit_code == 2, (args, result.output)
        assert words in result.output, (args, result.output)
    with pytest.raises(InputError):
        explain_trace(ingested, "RBK", "policy")
