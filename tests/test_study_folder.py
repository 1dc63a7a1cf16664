"""A study folder: foi-audit.toml found as git finds its repository; one study's replies, side
files and outputs never mix with another's; files that are not replies are skipped."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foi_audit.cli.app import app
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.study_folder import (
    STUDY_FILE,
    find_study,
    init_study,
    load_study,
    processed_layout,
)
from foi_audit.errors import StudyError
from foi_audit.ingest.pipeline import IngestOptions, ingest

OPTIONS = IngestOptions(jobs=1, timeout=30)
REPLY = (
    "Torbay and South Devon NHS Foundation Trust\n\nDear requester,\n\n"
    "1. Does the Trust have a dedicated sexual safety policy?\nYes, our Sexual Safety Policy.\n"
)
OTHER_REPLY = (
    "Royal Berkshire NHS Foundation Trust\n\nDear requester,\n\n"
    "1. Does the Trust have a dedicated sexual safety policy?\nNo.\n"
)


def _documents(layout: Layout) -> dict[str, dict[str, str]]:
    with layout.documents_csv.open(encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle)}


def test_init_writes_a_commented_study_file_and_never_replaces_one(tmp_path: Path) -> None:
    study = init_study(tmp_path / "wave1", 'Sexual safety "2024"')
    text = study.file.read_text(encoding="utf-8")
    assert text.startswith("# foi-audit study")
    assert study.title == 'Sexual safety "2024"'  # quotes escaped, read back as written
    assert study.raw == tmp_path / "wave1" / "raw" and study.raw.is_dir()
    assert study.overrides == tmp_path / "wave1" / "overrides.csv"
    assert study.codebook is None and study.exclude == ()
    with pytest.raises(StudyError, match="already exists"):
        init_study(tmp_path / "wave1", "another")
    assert study.file.read_text(encoding="utf-8") == text


def test_unknown_keys_and_wrong_types_are_refused_with_the_file_named(tmp_path: Path) -> None:
    path = tmp_path / STUDY_FILE
    path.write_text('title = "x"\n[paths]\nraw = "replies"\nrwa = "typo"\n', encoding="utf-8")
    with pytest.raises(StudyError, match=r"unknown key 'rwa' in \[paths\]") as caught:
        load_study(tmp_path)
    assert str(path) in str(caught.value)
    path.write_text('[files]\nexclude = "notes/*"\n', encoding="utf-8")
    with pytest.raises(StudyError, match="list of globs"):
        load_study(path)
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(StudyError, match="cannot be read as TOML"):
        load_study(path)
    with pytest.raises(StudyError, match="foi-audit init"):
        load_study(tmp_path / "nowhere")


def test_the_study_is_found_by_walking_up(tmp_path: Path) -> None:
    study = init_study(tmp_path / "s")
    deep = tmp_path / "s" / "raw" / "inbox"
    deep.mkdir(parents=True)
    assert find_study(deep) == study.file
    assert find_study(tmp_path) is None or find_study(tmp_path) != study.file


def test_paths_in_the_file_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / STUDY_FILE).write_text(
        'title = "t"\n[paths]\nraw = "replies"\nprocessed = "out/p"\nasked = "replies/asked.csv"\n'
        'codebook = "study.toml"\n[files]\nexclude = ["notes/*"]\n',
        encoding="utf-8",
    )
    study = load_study(tmp_path)
    layout = study.layout()
    assert layout.raw == tmp_path / "replies"
    assert layout.processed == tmp_path / "out" / "p"
    assert layout.asked_csv == tmp_path / "replies" / "asked.csv"
    assert layout.mapping_csv == tmp_path / "mapping.csv"
    assert study.codebook == tmp_path / "study.toml"
    assert study.exclude == ("notes/*",)


def test_init_ingest_summary_review_need_no_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    made = runner.invoke(app, ["init", "study", "--title", "Wave 1"])
    assert made.exit_code == 0, made.output
    (tmp_path / "study" / "raw" / "RA9 reply.txt").write_text(REPLY, encoding="utf-8")
    (tmp_path / "study" / "asked.csv").write_text(
        "trust_code,date_sent\nRA9,2024-11-04\nRHW,2024-11-04\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "study" / "raw")  # any folder inside the study will do
    ran = runner.invoke(app, ["ingest", "--jobs", "1"])
    assert ran.exit_code == 0, ran.output
    assert (tmp_path / "study" / "processed" / "codes.csv").is_file()
    summary = runner.invoke(app, ["summary", "--json"])
    assert summary.exit_code == 0, summary.output
    data = json.loads(summary.stdout)
    assert data["asked_source"] == "asked.csv"  # the study's asked.csv, not raw/asked.csv
    assert data["asked"] == 2
    # From outside, --study names it.
    monkeypatch.chdir(tmp_path)
    again = runner.invoke(app, ["summary", "--json", "--study", "study"])
    assert json.loads(again.stdout)["asked"] == 2


def test_a_processed_folder_remembers_where_its_replies_and_side_files_are(
    tmp_path: Path,
) -> None:
    """After `ingest myreplies`, summary --processed finds myreplies/asked.csv."""
    raw = tmp_path / "myreplies"
    raw.mkdir()
    (raw / "RA9 reply.txt").write_text(REPLY, encoding="utf-8")
    (raw / "asked.csv").write_text("trust_code,date_sent\nRA9,2024-11-04\n", encoding="utf-8")
    layout = Layout.from_dirs(raw)
    ingest(layout, OPTIONS)
    found = processed_layout(None, layout.processed)
    assert found.raw.resolve() == raw.resolve()
    assert found.asked_csv.resolve() == (raw / "asked.csv").resolve()
    # Moved as a whole, the folder still finds them (paths are recorded relative to it).
    moved = tmp_path / "moved"
    moved.mkdir()
    raw.rename(moved / "myreplies")
    layout.processed.rename(moved / "processed")
    again = Layout.around(moved / "processed")
    assert again.asked_csv.resolve() == (moved / "myreplies" / "asked.csv").resolve()


def test_outputs_of_another_raw_folder_are_not_replaced_without_replace(tmp_path: Path) -> None:
    first, second = tmp_path / "data" / "raw", tmp_path / "data" / "wave2"
    for folder, name, text in ((first, "RA9.txt", REPLY), (second, "RHW.txt", OTHER_REPLY)):
        folder.mkdir(parents=True)
        (folder / name).write_text(text, encoding="utf-8")
    ingest(Layout.from_dirs(first), OPTIONS)
    before = (tmp_path / "data" / "processed" / "codes.csv").read_bytes()
    with pytest.raises(StudyError, match="--replace") as caught:
        ingest(Layout.from_dirs(second), OPTIONS)
    assert "wave2" in str(caught.value)
    assert (tmp_path / "data" / "processed" / "codes.csv").read_bytes() == before
    ingest(Layout.from_dirs(second), IngestOptions(jobs=1, timeout=30, replace=True))
    assert "RHW" in (tmp_path / "data" / "processed" / "codes.csv").read_text(encoding="utf-8")


def test_the_cli_says_how_to_proceed_when_outputs_belong_to_another_raw_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder, text in (("data/raw", REPLY), ("data/wave2", OTHER_REPLY)):
        Path(folder).mkdir(parents=True)
        (Path(folder) / "reply.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "data/raw", "--jobs", "1"]).exit_code == 0
    refused = runner.invoke(app, ["ingest", "data/wave2", "--jobs", "1"])
    assert refused.exit_code == 2
    assert "--replace" in refused.output and "--out" in refused.output


def test_a_coding_sheet_in_the_replies_folder_is_skipped_with_a_reason(
    project: Path,
) -> None:
    raw = project / "raw"
    (raw / "RA9 reply.txt").write_text(REPLY, encoding="utf-8")
    (raw / "gold.csv").write_text(
        "files,trust_code,response_status,exemptions,policy\n"
        "x.pdf,RHW,refused,s12;s14;s40,dedicated\n",
        encoding="utf-8",
    )
    # A reply's own table that names one field is still a reply.
    (raw / "RHW answers.csv").write_text(
        "Royal Berkshire NHS Foundation Trust,\nQuestion,Answer\n"
        "Does the Trust have a dedicated policy (policy)?,No\n",
        encoding="utf-8",
    )
    layout = Layout.from_dirs(raw)
    result = ingest(layout, OPTIONS)
    rows = _documents(layout)
    assert rows["gold.csv"]["status"] == "skipped"
    assert "coding sheet" in rows["gold.csv"]["message"]
    assert rows["gold.csv"]["trust_code"] == ""
    assert rows["RHW answers.csv"]["status"] == "ok"
    assert result.exit_code == 0
    codes = layout.codes_csv.read_text(encoding="utf-8")
    assert "s12;s14;s40" not in codes
    from foi_audit.figures.file_notes import set_aside_note
    from foi_audit.figures.summary import build_summary

    summary = build_summary(layout)
    assert (summary.files_skipped, summary.files_out_of_scope) == (1, 0)
    assert set_aside_note(0, 1) == "Set aside: 1 file skipped as not a reply (see documents.csv)."


def test_a_pinned_coding_sheet_is_read_as_a_reply(project: Path) -> None:
    raw = project / "raw"
    (raw / "sheet.csv").write_text(
        "trust_code,policy,abt_provided\nRA9,dedicated,yes\n", encoding="utf-8"
    )
    layout = Layout.from_dirs(raw)
    layout.mapping_csv.write_text("path,trust_code\nsheet.csv,RA9\n", encoding="utf-8")
    ingest(layout, OPTIONS)
    assert _documents(layout)["sheet.csv"]["status"] == "ok"


def test_the_study_exclude_patterns_and_codebook_reach_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = init_study(tmp_path / "s")
    text = study.file.read_text(encoding="utf-8").replace("exclude = []", 'exclude = ["notes/*"]')
    study.file.write_text(text, encoding="utf-8")
    (study.raw / "notes").mkdir()
    (study.raw / "notes" / "todo.txt").write_text("chase RA9", encoding="utf-8")
    (study.raw / "RA9 reply.txt").write_text(REPLY, encoding="utf-8")
    monkeypatch.chdir(study.root)
    assert CliRunner().invoke(app, ["ingest", "--jobs", "1"]).exit_code == 0
    assert list(_documents(study.layout())) == ["RA9 reply.txt"]


def test_an_unmatched_file_flags_its_candidates_and_every_figure_warns(project: Path) -> None:
    """A reply on disk never turns a trust into "no reply" unseen (issue 13)."""
    from foi_audit.figures.file_notes import unmatched_warning
    from foi_audit.figures.summary import build_summary
    from foi_audit.figures.tables import write_tables

    raw = project / "raw"
    (raw / "Torbay FOI reply.txt").write_text(
        "Dear requester,\n\n1. Does the Trust have a dedicated sexual safety policy?\nNo.\n\n"
        "Kind regards\nFOI team, Torbay Hospital\n",
        encoding="utf-8",
    )
    (raw / "asked.csv").write_text(
        "trust_code,date_sent\nRA9,2024-11-04\nRBK,2024-11-04\n", encoding="utf-8"
    )
    layout = Layout.from_dirs(raw)
    ingest(layout, OPTIONS)
    assert _documents(layout)["Torbay FOI reply.txt"]["candidates"] == "RA9"
    with layout.codes_csv.open(encoding="utf-8") as handle:
        status = {
            r["trust_code"]: r for r in csv.DictReader(handle) if r["field"] == "response_status"
        }
    assert status["RA9"]["flags"] == "unmatched_file_may_belong"
    assert status["RA9"]["needs_review"] == "true"
    assert status["RBK"]["flags"] == ""  # not a candidate: nothing to look at
    summary = build_summary(layout)
    assert summary.files_unmatched == 1
    assert unmatched_warning(1).startswith("1 file is not matched to a trust: figures may miss")
    tables = write_tables(layout, project / "tables", ("csv",))
    assert tables.warning == unmatched_warning(1)
    # Pinned, the file is matched and the warning goes.
    layout.mapping_csv.write_text("path,trust_code\nTorbay FOI reply.txt,RA9\n", encoding="utf-8")
    ingest(layout, OPTIONS)
    assert build_summary(layout).files_unmatched == 0
    assert write_tables(layout, project / "tables", ("csv",)).warning == ""


def test_a_processed_folder_given_is_read_with_its_own_side_files(tmp_path: Path) -> None:
    """`--study B --processed A/processed` never reads A's data with B's asked.csv or writes
    B's overrides for A's trusts: the folder knows its study, and the two must agree."""
    first, second = init_study(tmp_path / "a"), init_study(tmp_path / "b")
    (first.raw / "RA9 reply.txt").write_text(REPLY, encoding="utf-8")
    ingest(first.layout(), OPTIONS)
    layout = processed_layout(None, first.processed)
    assert layout.overrides_csv.resolve() == first.overrides.resolve()
    assert layout.asked_csv.resolve() == first.asked.resolve()
    assert processed_layout(first.root, first.processed).overrides_csv == first.overrides
    with pytest.raises(StudyError, match="not both"):
        processed_layout(second.root, first.processed)


def test_replies_given_inside_another_study_are_that_studys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = init_study(tmp_path / "a"), init_study(tmp_path / "b")
    (second.raw / "RHW.txt").write_text(OTHER_REPLY, encoding="utf-8")
    monkeypatch.chdir(first.root)
    ran = CliRunner().invoke(app, ["ingest", str(second.raw), "--jobs", "1"])
    assert ran.exit_code == 0, ran.output
    assert (second.processed / "codes.csv").is_file()
    assert not first.processed.exists()


def test_ingest_in_an_empty_folder_says_to_make_a_study(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ran = CliRunner().invoke(app, ["ingest"])
    assert ran.exit_code == 2
    assert "foi-audit init" in ran.output


def test_the_report_of_a_study_carries_its_title(tmp_path: Path) -> None:
    from foi_audit.figures.html_report import write_report

    study = init_study(tmp_path / "s", "Sexual safety in NHS trusts, 2024")
    (study.raw / "RA9 reply.txt").write_text(REPLY, encoding="utf-8")
    ingest(study.layout(), OPTIONS)
    page = tmp_path / "report.html"
    write_report(processed_layout(study.root, None), page)
    assert "<title>Sexual safety in NHS trusts, 2024</title>" in page.read_text(encoding="utf-8")
