"""The ingest pipeline end to end on small text fixtures (readers are tested on their own)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError, StoreError
from foi_audit.ingest.pipeline import IngestOptions, ingest

OPTIONS = IngestOptions(jobs=2, timeout=30)
STAGE_ENTRIES = ("stages.json", "code-")  # cache entries of the stages after reading


def _write(raw: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)


def _rows(layout: Layout) -> dict[str, dict[str, str]]:
    with layout.documents_csv.open() as handle:
        return {row["path"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def layout(project: Path) -> Layout:
    _write(
        project / "raw",
        {
            "RA9 reply.txt": "Torbay and South Devon NHS Foundation Trust\n\nThe Trust has a policy.",
            "copies/RA9 reply copy.txt": "Torbay and South Devon NHS Foundation Trust\n\nThe Trust has a policy.",
            "empty.pdf": b"",
            "program.pdf": b"MZ\x90\x00\x03\x00\x00\x00",
            "letter.txt": "Dear requester,\n\nNo trust named here.",
        },
    )
    return Layout.from_dirs(project / "raw")


def test_one_row_per_file_with_status_and_message(layout: Layout) -> None:
    result = ingest(layout, OPTIONS)
    rows = _rows(layout)
    assert sorted(rows) == [
        "RA9 reply.txt",
        "copies/RA9 reply copy.txt",
        "empty.pdf",
        "letter.txt",
        "program.pdf",
    ]
    assert rows["RA9 reply.txt"]["status"] == "ok"
    assert rows["RA9 reply.txt"]["trust_code"] == "RA9"
    assert rows["RA9 reply.txt"]["format"] == "txt"
    assert rows["copies/RA9 reply copy.txt"]["status"] == "duplicate"
    assert "same content as" in rows["copies/RA9 reply copy.txt"]["message"]
    assert rows["copies/RA9 reply copy.txt"]["trust_code"] == "RA9"
    assert rows["empty.pdf"]["status"] == "error"
    assert "empty" in rows["empty.pdf"]["message"]
    assert rows["program.pdf"]["status"] == "error"
    assert "program" in rows["program.pdf"]["message"]
    assert rows["letter.txt"]["status"] == "unmatched"
    assert "mapping.csv" in rows["letter.txt"]["message"]
    assert result.exit_code == 1  # some files were not read
    assert list(csv.reader(layout.documents_csv.open()))[0][:11] == [
        "path", "sha256", "format", "pages", "chars", "ocr", "trust_code",
        "match_method", "match_score", "status", "message",
    ]  # fmt: skip


def test_text_kept_with_locators(layout: Layout) -> None:
    ingest(layout, OPTIONS)
    text_file = _rows(layout)["RA9 reply.txt"]["text_file"]
    text = (layout.processed / text_file).read_text()
    assert "[paragraph 2]" in text and "The Trust has a policy." in text
    assert (layout.processed / text_file).with_suffix(".json").exists()


def test_exit_code_zero_when_every_file_read(project: Path) -> None:
    _write(project / "raw", {"RA9.txt": "Torbay and South Devon NHS Foundation Trust"})
    assert ingest(Layout.from_dirs(project / "raw"), OPTIONS).exit_code == 0


def test_mapping_pins_a_file_and_survives_reingest(layout: Layout) -> None:
    layout.mapping_csv.write_text("path,trust_code\nletter.txt,RAL\n")
    ingest(layout, OPTIONS)
    row = _rows(layout)["letter.txt"]
    assert (row["trust_code"], row["match_method"], row["status"]) == ("RAL", "mapping", "ok")
    (layout.raw / "new.txt").write_text("another file")
    ingest(layout, OPTIONS)
    assert _rows(layout)["letter.txt"]["trust_code"] == "RAL"
    assert layout.mapping_csv.read_text() == "path,trust_code\nletter.txt,RAL\n"


def test_mapping_with_unknown_code_is_an_error_row_not_a_stopped_run(layout: Layout) -> None:
    layout.mapping_csv.write_text("path,trust_code\nletter.txt,ZZZ\n")
    result = ingest(layout, OPTIONS)
    rows = _rows(layout)
    assert rows["letter.txt"]["status"] == "error"
    assert "ZZZ" in rows["letter.txt"]["message"]
    assert "not an ODS code" in rows["letter.txt"]["message"]
    assert rows["RA9 reply.txt"]["trust_code"] == "RA9"  # the other files were matched
    assert ("error", "letter.txt") in {(p.status, p.path) for p in result.problems}


def test_reingest_reads_only_new_or_changed_files(layout: Layout) -> None:
    first = ingest(layout, OPTIONS)
    assert first.read_from_cache == 0
    second = ingest(layout, OPTIONS)
    assert second.unchanged and second.read_from_cache == 5
    assert (second.counts, second.problems) == (first.counts, first.problems)
    assert second.documents == first.documents == 5
    (layout.raw / "letter.txt").write_text("Changed, and longer than before.")
    third = ingest(layout, OPTIONS)
    assert not third.unchanged and third.read_from_cache == 4
    assert _rows(layout)["letter.txt"]["chars"] == str(len("Changed, and longer than before."))


def test_touched_but_identical_file_is_not_read_again(layout: Layout) -> None:
    ingest(layout, OPTIONS)
    letter = layout.raw / "letter.txt"
    letter.write_bytes(letter.read_bytes())  # new modification time, same bytes
    assert ingest(layout, OPTIONS).unchanged


def test_deleted_output_is_rebuilt(layout: Layout) -> None:
    ingest(layout, OPTIONS)
    layout.trusts_csv.unlink()
    result = ingest(layout, OPTIONS)
    assert not result.unchanged and layout.trusts_csv.exists()


def test_raw_files_never_modified(layout: Layout) -> None:
    before = {p: p.read_bytes() for p in layout.raw.rglob("*") if p.is_file()}
    ingest(layout, OPTIONS)
    assert {p: p.read_bytes() for p in layout.raw.rglob("*") if p.is_file()} == before


def test_asked_trust_without_reply_is_waiting_response(layout: Layout) -> None:
    (layout.raw / "asked.csv").write_text("trust_code,date_sent\nRA9,2024-11-04\nRBK,2024-11-04\n")
    ingest(layout, OPTIONS)
    trusts = {row["trust_code"]: row for row in csv.DictReader(layout.trusts_csv.open())}
    assert trusts["RBK"]["response_status"] == "waiting_response"
    assert trusts["RBK"]["policy"] == ""
    assert "asked.csv" not in _rows(layout)  # asked.csv is ours, not a reply


def test_file_needing_ocr_is_read_again_once_tesseract_is_installed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from foi_audit.readers import tesseract
    from pdfwriter import image_pdf

    raw = project / "raw"
    (raw / "scan.pdf").write_bytes(image_pdf(gray=120, full_page=True))
    layout = Layout.from_dirs(raw)
    # no tesseract, in the workers too
    monkeypatch.setattr(tesseract.shutil, "which", lambda name: None)
    first = ingest(layout, OPTIONS)
    row = _rows(layout)["scan.pdf"]
    assert row["status"] == "error" and "install tesseract-ocr" in row["message"]
    assert first.exit_code == 1
    # the reading is not cached: tesseract may come later
    read = [p for p in layout.cache_dir.glob("*.json") if not p.name.startswith(STAGE_ENTRIES)]
    assert not read


def test_empty_raw_folder_keeps_earlier_outputs(layout: Layout) -> None:
    ingest(layout, OPTIONS)
    before = layout.documents_csv.read_bytes()
    for path in sorted(layout.raw.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    with pytest.raises(StoreError, match="no reply files found"):
        ingest(layout, OPTIONS)
    assert layout.documents_csv.read_bytes() == before


def test_a_pin_naming_no_file_is_reported(layout: Layout) -> None:
    layout.mapping_csv.write_text("path,trust_code\nletter.txt,RAL\nletters.txt,RAL\n")
    result = ingest(layout, OPTIONS)
    assert result.notes == (
        "mapping.csv pins letters.txt to RAL, but there is no such file: check the path",
    )


def test_asked_csv_with_an_unknown_code_is_refused(layout: Layout) -> None:
    (layout.raw / "asked.csv").write_text("trust_code,date_sent\nRA9,2024-11-04\nZZZ,2024-11-04\n")
    with pytest.raises(InputError, match="line 3: ZZZ is not an ODS trust code"):
        ingest(layout, OPTIONS)


def test_a_rerun_codes_again_only_the_trusts_whose_replies_changed(project: Path) -> None:
    raw = project / "raw"
    _write(
        raw,
        {
            "RA9 reply.txt": "Torbay and South Devon NHS Foundation Trust\n\n1. Yes, a dedicated "
            "Sexual Safety Policy.\n2. No.\n3. No plans.\n4. Not yet appointed.",
            "RBK reply.txt": "Walsall Healthcare NHS Trust\n\n1. No.\n2. No.\n3. No plans.\n"
            "4. Ann Lee, Chief Nurse.",
        },
    )
    layout = Layout.from_dirs(raw)
    ingest(layout, IngestOptions(jobs=1))
    first = layout.codes_csv.read_bytes()
    entries = {p.name: p.stat().st_mtime_ns for p in layout.cache_dir.glob("code-*.json")}
    assert len(entries) == 2  # one per trust

    # A damaged entry is coded again; the outputs are the same bytes as an uncached run.
    damaged = sorted(layout.cache_dir.glob("code-*.json"))[0]
    damaged.write_text('[{"trust_code": "RA9"}]')
    ingest(layout, IngestOptions(jobs=1))
    assert layout.codes_csv.read_bytes() == first

    # One reply changed: its trust gets a new entry, the other trust's entry is reused.
    (raw / "RBK reply.txt").write_text(
        "Walsall Healthcare NHS Trust\n\n1. No.\n2. No.\n3. No plans.\n4. Not yet appointed."
    )
    ingest(layout, IngestOptions(jobs=1))
    now = {p.name: p.stat().st_mtime_ns for p in layout.cache_dir.glob("code-*.json")}
    assert len(now) == 2 and len(set(now) & set(entries)) == 1  # the old RBK entry pruned
    kept = (set(now) & set(entries)).pop()
    assert now[kept] == entries[kept] or kept == damaged.name
    rows = {
        (r["trust_code"], r["field"]): r["value"] for r in csv.DictReader(layout.codes_csv.open())
    }
    assert rows[("RBK", "dasv_lead")] == "none" and rows[("RA9", "policy")] == "dedicated"


def test_evidence_in_an_attachment_points_into_the_attachment(project: Path) -> None:
    """`reply.eml > answers.docx > paragraph N`, not the e-mail that carried it (issue 13)."""
    import io
    from email.message import EmailMessage

    import docx

    from foi_audit.figures.explain import explain

    document = docx.Document()
    for text in (
        "Torbay and South Devon NHS Foundation Trust",
        "Freedom of Information response",
        "1. Does the Trust have a dedicated sexual safety policy?",
        "Yes. Our Sexual Safety Policy was approved in March 2024.",
    ):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    mail = EmailMessage()
    mail["From"] = "foi@example.nhs.uk"
    mail["Subject"] = "Your FOI request"
    mail.set_content("Dear requester,\n\nPlease find our response attached.\n")
    mail.add_attachment(
        buffer.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="answers.docx",
    )
    (project / "raw" / "reply.eml").write_bytes(bytes(mail))
    layout = Layout.from_dirs(project / "raw")
    ingest(layout, OPTIONS)
    with layout.codes_csv.open(encoding="utf-8") as handle:
        policy = next(r for r in csv.DictReader(handle) if r["field"] == "policy")
    assert policy["value"] == "dedicated"
    assert policy["source"] == "reply.eml > answers.docx"
    assert policy["locator"].startswith("paragraph ")
    (row,) = explain(layout, "policy=dedicated").rows
    assert row.source == f"reply.eml > answers.docx > {policy['locator']}"
