"""Sample: reproducible, blind coding sheet with drop-downs that agreement reads back."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from foi_audit.coding import load_codebook
from foi_audit.dataset.codes import no_reply_codes, read_codes, write_codes
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.errors import InputError
from foi_audit.quality.agreement import compare
from foi_audit.quality.sample import SampleTrust, draw_sample, eligible_trusts, make_sample
from foi_audit.records import CodedValue
from foi_audit.register.trusts import load_register

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "processed"


@pytest.fixture
def layout(project: Path) -> Layout:
    shutil.copytree(FIXTURE, project / "processed")
    return Layout.from_dirs(project / "raw", project / "processed")


def _pool(size: int) -> list[SampleTrust]:
    return [SampleTrust(f"R{i:02d}", f"Trust {i}", ()) for i in range(size)]


def test_draw_is_reproducible_and_order_independent() -> None:
    pool = _pool(40)
    first = draw_sample(pool, 10, seed=1)
    assert first == draw_sample(list(reversed(pool)), 10, seed=1)
    assert len(first) == 10 and first == sorted(first, key=lambda t: t.code)
    assert first != draw_sample(pool, 10, seed=2)
    assert draw_sample(pool[:3], 10, seed=1) == pool[:3]  # fewer trusts than asked: all
    with pytest.raises(InputError):
        draw_sample(pool, 0, seed=1)


def test_no_reply_trusts_are_not_sampled(layout: Layout) -> None:
    codebook = load_codebook()
    coded = read_codes(layout) + no_reply_codes(["RX1"], set(), codebook)
    write_codes(layout, coded, codebook)
    trusts = eligible_trusts(layout, load_register())
    assert [t.code for t in trusts] == ["R1F", "RGT", "RJ1"]
    rgt = trusts[1]
    assert rgt.name == "Cambridge University Hospitals NHS Foundation Trust"
    assert rgt.documents == ("CUH/reply.eml", "CUH/reply.eml > answers.pdf")


def test_sheet_is_blind_has_dropdowns_and_same_bytes(layout: Layout, tmp_path: Path) -> None:
    codebook = load_codebook()
    out = tmp_path / "sheet.xlsx"
    sample = make_sample(layout, codebook, load_register(), 2, 7, out)
    again = tmp_path / "again.xlsx"
    make_sample(layout, codebook, load_register(), 2, 7, again)
    assert out.read_bytes() == again.read_bytes()

    book = load_workbook(io.BytesIO(out.read_bytes()))
    sheet = book["coding"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["trust_code", "trust_name", "documents"]
    assert header[3:-1] == list(codebook.field_names)
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == [t.code for t in sample]
    for row in sheet.iter_rows(min_row=2, min_col=4, values_only=True):
        assert all(v is None for v in row)  # blind: no automatic values
    cells = " ".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    )
    assert "Dignity at Work" not in cells and "Upstand" not in cells  # no quotes or values
    assert "Does the trust provide Active Bystander Training" in cells  # definitions
    policy_column = "ABCDEFGHIJKLMNOP"[header.index("policy")]
    rules = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    policy_rule = rules[f"{policy_column}2:{policy_column}3"]
    assert policy_rule.type == "list" and policy_rule.allow_blank
    listed_column = policy_rule.formula1.split("!")[1].split(":")[0].replace("$", "")[:-1]
    lists = book["lists"]
    assert [lists[f"{listed_column}{r}"].value for r in range(2, 6)] == list(
        codebook.field("policy").values
    )


def test_refuses_to_overwrite_without_force(layout: Layout, tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    out.write_bytes(b"precious")
    with pytest.raises(InputError, match="already exists"):
        make_sample(layout, load_codebook(), load_register(), 2, 1, out)
    assert out.read_bytes() == b"precious"
    make_sample(layout, load_codebook(), load_register(), 2, 1, out, force=True)
    assert out.read_bytes().startswith(b"PK")


def test_filled_sheet_is_read_back_by_agreement(layout: Layout, tmp_path: Path) -> None:
    codebook = load_codebook()
    register = load_register()
    refresh_trusts(layout, register, codebook)
    out = tmp_path / "sheet.xlsx"
    make_sample(layout, codebook, register, 3, 1, out)
    book = load_workbook(out)
    sheet = book["coding"]
    header = [c.value for c in sheet[1]]
    answers = {"R1F": "none", "RGT": "dedicated", "RJ1": "none"}
    for row in range(2, 5):
        code = sheet.cell(row=row, column=1).value
        sheet.cell(row=row, column=header.index("policy") + 1, value=answers[code])
        sheet.cell(row=row, column=header.index("response_status") + 1, value="successful")
    book.save(out)
    result = compare(out, layout.trusts_csv, codebook)
    assert result.trusts == ("R1F", "RGT", "RJ1")
    policy = {f.field: f for f in result.fields}["policy"]
    assert policy.agree == 2
    assert [(d.trust_code, d.value_a, d.value_b) for d in policy.disagreements] == [
        ("R1F", "none", "general_only")
    ]
    status = {f.field: f for f in result.fields}["response_status"]
    assert status.agree == 2  # R1F was partially_successful


def test_sampling_needs_coded_trusts(project: Path, tmp_path: Path) -> None:
    layout = Layout.from_dirs(project / "raw", project / "processed")
    codebook = load_codebook()
    write_codes(layout, [CodedValue("RX1", "policy", "", rule="no_reply_received")], codebook)
    with pytest.raises(InputError, match="no coded trusts"):
        make_sample(layout, codebook, load_register(), 2, 1, tmp_path / "s.xlsx")


def test_cli_sample_then_refuses_to_overwrite(layout: Layout, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from foi_audit.cli.app import app

    out = tmp_path / "sheet.xlsx"
    args = [
        "sample",
        "--n",
        "2",
        "--seed",
        "3",
        "--out",
        str(out),
        "--processed",
        str(layout.processed),
    ]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "2 trusts, seed 3" in first.output
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 2 and "already exists" in second.output
