"""The benchmark scripts work: valid, deterministic synthetic replies; floor and run.py complete.

No timing is asserted here (timed tests are flaky); run.py reports the timings.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import io
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import floor  # noqa: E402
import generate  # noqa: E402


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _reply(kind: str, index: int = 4) -> generate.Reply:
    return replace(generate.make_reply(index, 1, generate.load_trusts()), kind=kind)


def _pdf_text(data: bytes) -> tuple[int, str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document), "".join(p.get_textpage().get_text_range() for p in document)
    finally:
        document.close()


def test_pdf_letter_has_trust_answers_and_synthetic_note() -> None:
    reply = _reply("pdf")
    pages, text = _pdf_text(generate.pdf_letter(reply))
    flat = " ".join(text.split())
    assert pages >= 1
    assert reply.trust.name in flat
    assert "SYNTHETIC" in flat
    assert " ".join(reply.answers[3].split()[:4]) in flat


def test_scanned_pdf_has_pages_but_no_text_layer() -> None:
    pages, text = _pdf_text(generate.scanned_pdf(_reply("scan")))
    assert pages >= 1
    assert text.strip() == ""


def test_docx_reply_opens_and_says_synthetic() -> None:
    import docx

    reply = _reply("docx")
    document = docx.Document(io.BytesIO(generate.docx_letter(reply)))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert reply.trust.name in document.sections[0].header.paragraphs[0].text
    assert "SYNTHETIC" in document.sections[0].footer.paragraphs[0].text
    assert reply.answers[0] in body + cells


def test_xlsx_reply_opens_with_question_rows() -> None:
    import openpyxl

    reply = _reply("xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(generate.xlsx_reply(reply)))
    values = [str(c) for row in workbook["Response"].iter_rows(values_only=True) for c in row if c]
    assert values[0].startswith(reply.trust.name)
    assert generate.QUESTIONS[1] in values
    assert reply.answers[1] in values
    assert any("SYNTHETIC" in v for v in values)


@pytest.mark.parametrize(("kind", "suffix"), [("eml_pdf", ".pdf"), ("eml_docx", ".docx")])
def test_email_carries_a_readable_attachment(kind: str, suffix: str) -> None:
    reply = _reply(kind)
    message = email.message_from_bytes(generate.email_reply(reply), policy=email.policy.default)
    assert reply.trust.name in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    attachments = list(message.iter_attachments())
    assert [str(a.get_filename()).rsplit(".", 1)[-1] for a in attachments] == [suffix[1:]]
    payload = attachments[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    tally = floor.Tally()
    assert reply.trust.name in " ".join(floor.read_bytes(payload, "x" + suffix, tally).split())


def test_generation_is_deterministic_and_independent_of_n(tmp_path: Path) -> None:
    generate.generate(6, 3, tmp_path / "a")
    generate.generate(6, 3, tmp_path / "b")
    generate.generate(4, 3, tmp_path / "c")
    generate.generate(6, 4, tmp_path / "d")
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert first == second
    smaller = _digests(tmp_path / "c")
    del smaller[generate.MANIFEST_NAME]
    assert smaller.items() <= first.items()  # reply i is the same whatever N is
    assert _digests(tmp_path / "d") != first


def test_manifest_lists_every_file_and_rewrite_changes_content_only(tmp_path: Path) -> None:
    entries = generate.generate(5, 2, tmp_path)
    manifest = json.loads((tmp_path / generate.MANIFEST_NAME).read_text())
    on_disk = {p for p in _digests(tmp_path) if p != generate.MANIFEST_NAME}
    assert {e["path"] for e in manifest["files"]} == on_disk == {e["path"] for e in entries}
    before = _digests(tmp_path)
    rel = generate.rewrite_one(tmp_path, 2, 1)
    after = _digests(tmp_path)
    assert set(after) == set(before)
    assert [p for p in after if after[p] != before[p]] == [rel]


def test_floor_reads_every_generated_file_and_skips_the_manifest(tmp_path: Path) -> None:
    generate.generate(8, 5, tmp_path)
    tally = floor.floor(tmp_path)
    assert tally.files == 8
    assert tally.errors == []
    assert tally.pages >= 8
    assert tally.chars > 8 * 500  # every reply answers four questions


def test_run_script_completes_on_three_replies(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, str(BENCHMARKS / "run.py"), "--n", "3", "--seed", "1"]
    command += ["--work", str(tmp_path / "work"), "--out", str(out), "--jobs", "1"]
    command += ["--help-runs", "1", "--repeat-warm", "1", "--no-ocr"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    report = json.loads((out / "bench-n3-s1.json").read_text())
    results = report["results"]
    text_files = results["cold"]["files"]
    assert results["floor"]["files"] == text_files == 3 - results.get("ocr", {}).get("files", 0)
    assert results["cold"]["returncode"] in (0, 1)
    assert results["cold"]["documents"] >= text_files
    assert results["cold"]["max_rss_mb"] > 0
    assert results["one_changed"]["file"]
    assert results["ratio"] == pytest.approx(
        results["cold"]["seconds"] / results["floor"]["seconds"]
    )
    assert "| ratio cold ingest / floor |" in (out / "bench-n3-s1.md").read_text()
    assert "ratio cold ingest / floor" in finished.stdout
