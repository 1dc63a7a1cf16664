"""evaluate: per-field scores, kappa, confusion tables and disagreements against a gold CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.coding.codebook import parse_codebook
from foi_audit.dataset.codes import write_codes
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.quality.agreement import cohen_kappa
from foi_audit.quality.evaluate import evaluate
from foi_audit.records import CodedValue, Flag, FlagReason

CODEBOOK = parse_codebook(
    {
        "name": "tiny",
        "fields": [
            {"name": "answer", "values": ["yes", "no"]},
            {"name": "lead_name", "kind": "text"},
        ],
    },
    "tiny.toml",
)

HEDGED = (Flag(FlagReason.HEDGED_ANSWER),)


def _layout(tmp_path: Path) -> Layout:
    layout = Layout(raw=tmp_path / "raw", processed=tmp_path / "processed")
    layout.processed.mkdir(parents=True)
    coded = [
        CodedValue("R1", "answer", "yes", "Yes.", "a.pdf", "page 1", 0.9, "r.yes"),
        CodedValue("R1", "lead_name", "Ada Quist", "Dr Ada Quist", "a.pdf", "page 2", 0.9, "r.n"),
        CodedValue("R2", "answer", "yes", "Yes we do.", "b.pdf", "page 1", 0.9, "r.yes"),
        CodedValue("R2", "lead_name", "", "", "", "", 0.5, "none", HEDGED),
        CodedValue("R3", "answer", "no", "No.", "c.pdf", "page 1", 0.9, "r.no", HEDGED),
        CodedValue("R3", "lead_name", "  bo  CHEN ", "", "c.pdf", "", 0.9, "r.n"),
    ]
    write_codes(layout, coded, CODEBOOK)
    return layout


def _gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "files,trust_code,answer,lead_name\n"
        "a.pdf,R1,yes,Dr Ada Quist\n"
        "b.pdf,R2,no,Ben Ode\n"
        "c.pdf,R3,no,Bo Chen\n"
        "d.pdf,R4,yes,\n",
        encoding="utf-8",
    )
    return gold


def test_scores_disagreements_and_missing_trusts(tmp_path: Path) -> None:
    result = evaluate(_gold(tmp_path), _layout(tmp_path), CODEBOOK)
    answer, name = result.fields
    assert (answer.n, answer.correct, answer.flagged) == (4, 2, 1)
    assert answer.accuracy == 0.5
    assert (answer.n_not_review, answer.correct_not_review) == (3, 1)
    assert answer.confusion == {"no": {"no": 1, "yes": 1}, "yes": {"(missing)": 1, "yes": 1}}
    # Names: case, spacing and a leading title are ignored.
    assert (name.correct, name.n, name.kappa) == (2, 4, None)
    assert result.missing_trusts == ("R4",)
    wrong = {(d.trust_code, d.field): d for d in result.disagreements}
    assert set(wrong) == {
        ("R2", "answer"),
        ("R4", "answer"),
        ("R2", "lead_name"),
        ("R4", "lead_name"),
    }
    assert wrong[("R2", "answer")].quote == "Yes we do."
    assert wrong[("R2", "answer")].source == "b.pdf"
    assert wrong[("R4", "answer")].ours == "(missing)"


def test_kappa_known_values() -> None:
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0
    # 2x2 table [[20, 5], [10, 15]]: po = 0.7, pe = 0.5 -> kappa 0.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None


def test_values_compare_as_the_codebook_says(tmp_path: Path) -> None:
    """One normaliser (the codebook's): sections in any order, names without their title."""
    codebook = parse_codebook(
        {
            "name": "tiny",
            "fields": [
                {"name": "sections", "kind": "multi", "values": ["s21", "s40"]},
                {"name": "lead_name", "kind": "text"},
            ],
        },
        "tiny.toml",
    )
    layout = Layout(raw=tmp_path / "raw", processed=tmp_path / "processed")
    layout.processed.mkdir(parents=True)
    coded = [
        CodedValue("R1", "sections", "s40;s21", "", "", "", 0.9, "r"),
        CodedValue("R1", "lead_name", "Anil Varghese", "", "", "", 0.9, "r"),
    ]
    write_codes(layout, coded, codebook)
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "trust_code,sections,lead_name\nR1,s21;s40,  Professor  Anil  Varghese \n",
        encoding="utf-8",
    )
    result = evaluate(gold, layout, codebook)
    assert result.disagreements == ()
    assert [f.correct for f in result.fields] == [1, 1]


def test_gold_without_trust_code_is_an_input_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("code,answer\nR1,yes\n", encoding="utf-8")
    with pytest.raises(InputError, match="trust_code"):
        evaluate(gold, _layout(tmp_path), CODEBOOK)


def test_cli_json_equals_library_result(tmp_path: Path) -> None:
    layout = _layout(tmp_path)
    gold = _gold(tmp_path)
    codebook_file = tmp_path / "tiny.toml"
    codebook_file.write_text(
        'name = "tiny"\n[[fields]]\nname = "answer"\nvalues = ["yes", "no"]\n'
        '[[fields]]\nname = "lead_name"\nkind = "text"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    args = [
        "evaluate",
        str(gold),
        "--processed",
        str(layout.processed),
        "--codebook",
        str(codebook_file),
    ]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    expected = evaluate(gold, layout, CODEBOOK).to_dict()
    expected["fields"] = [dict(f) for f in expected["fields"]]
    assert json.loads(result.output) == json.loads(json.dumps(expected))
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "R2 answer" in table.output and "Yes we do." in table.output


def test_cli_missing_codes_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["evaluate", str(_gold(tmp_path)), "--processed", str(tmp_path / "none")]
    )
    assert result.exit_code == 2


def test_gold_value_outside_the_codebook_is_refused(tmp_path: Path) -> None:
    from foi_audit.coding import load_codebook
    from foi_audit.errors import InputError
    from foi_audit.quality.evaluate import load_gold

    gold = tmp_path / "gold.csv"
    gold.write_text("trust_code,policy\nRA9,dedicated\nRAL,nonsense\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: policy 'nonsense' is not one of"):
        load_gold(gold, load_codebook())
    # Excel's "CSV" on Windows (Windows-1252) is read as such, so the value itself is named.
    gold.write_bytes("trust_code,policy\nRA9,caf\xe9\n".encode("cp1252"))
    with pytest.raises(InputError, match="line 2: policy 'café' is not one of"):
        load_gold(gold, load_codebook())
    gold.write_bytes(b"trust_code,policy\nRA9,\x81\x8d\xff\n")  # neither UTF-8 nor Windows-1252
    with pytest.raises(InputError, match="line 2 is not UTF-8 text.*CSV UTF-8"):
        load_gold(gold, load_codebook())
