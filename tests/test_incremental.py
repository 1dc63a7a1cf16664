"""A re-run after a change redoes only what the change can affect, and writes exactly what a
cold run on the same files writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import OVERRIDES_COLUMNS
from foi_audit.ingest.coding import CodeAhead, study_id
from foi_audit.ingest.pipeline import IngestOptions, ingest

OPTIONS = IngestOptions(jobs=2, timeout=60)
OUTPUTS = ("documents.csv", "codes.csv", "trusts.csv", "dates.csv")
FIXTURES = Path(__file__).parent / "fixtures"

LETTER = """{name}
Freedom of Information Office

Our ref: {ref}
{day} November 2024

Dear Ms Jones,

1. Do you have a dedicated sexual safety policy?
{policy}

2. Do you provide Active Bystander Training?
{abt}

Yours sincerely,
FOI Team
{name}
"""

REPLIES = {
    "RA9 reply.txt": ("Torbay and South Devon NHS Foundation Trust", "FOI-1001", 4, "Yes."),
    "letters/Leeds.txt": ("Leeds Teaching Hospitals NHS Trust", "FOI-2002", 5, "No."),
    "Response.txt": ("Oxford Health NHS Foundation Trust", "FOI-3003", 6, "Yes, since 2023."),
}


def _letter(name: str, ref: str, day: int, policy: str, abt: str = "Not at present.") -> str:
    return LETTER.format(name=name, ref=ref, day=day, policy=policy, abt=abt)


def _outputs(layout: Layout) -> dict[str, bytes]:
    found = {name: (layout.processed / name).read_bytes() for name in OUTPUTS}
    for path in sorted(layout.text_dir.iterdir()):
        found[f"text/{path.name}"] = path.read_bytes()
    return found


def _cold(layout: Layout, where: Path) -> dict[str, bytes]:
    """The outputs of a run with nothing cached, over the same replies and side files."""
    shutil.rmtree(where, ignore_errors=True)
    cold = Layout(
        raw=layout.raw,
        processed=where,
        asked=layout.asked_csv,
        mapping=layout.mapping_csv,
        overrides=layout.overrides_csv,
    )
    ingest(cold, OPTIONS)
    return _outputs(cold)


def test_each_change_redoes_only_its_trusts_and_matches_a_cold_run(project: Path) -> None:
    raw = project / "raw"
    for rel, (name, ref, day, policy) in REPLIES.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_text(_letter(name, ref, day, policy))
    layout = Layout.from_dirs(raw)
    cold_dir = project / "cold"

    def step() -> tuple[int, int, dict[str, bytes]]:
        """The trusts this run coded, the files it matched, its outputs (a cold run's too)."""
        result = ingest(layout, OPTIONS)
        done = (result.coded_now, result.matched_now)
        outputs = _outputs(layout)
        assert outputs == _cold(layout, cold_dir)
        return (*done, outputs)

    assert step()[:2] == (3, 3)

    # an edit: that trust alone is matched and coded again
    name, ref, day, _ = REPLIES["letters/Leeds.txt"]
    (raw / "letters/Leeds.txt").write_text(_letter(name, ref, day, "No.", abt="Yes, we do."))
    assert step()[:2] == (1, 1)

    # an addition: a second file of one trust, sharing nothing with the others
    (raw / "RA9 follow-up.txt").write_text(
        _letter("Torbay and South Devon NHS Foundation Trust", "FOI-1001", 20, "Yes.", "We do.")
    )
    assert step()[:2] == (1, 1)

    # an appendix naming no trust, linked to its letter by the FOI reference only
    (raw / "FOI-3003 Appendix A.txt").write_text("FOI-3003 - Appendix A\n\n2. Bystander: Yes.\n")
    assert step()[:2] == (1, 1)

    # a pin: the letter's trust changes, its appendix follows it, RNU is left with nothing
    layout.mapping_csv.write_text("path,trust_code\nResponse.txt,RX1\n")
    coded, matched, outputs = step()
    assert (coded, matched) == (1, 0)
    assert b"RNU" not in outputs["trusts.csv"]

    # an override: a person's decision changes trusts.csv, and no trust is coded again
    layout.overrides_csv.write_text(
        ",".join(OVERRIDES_COLUMNS)
        + "\nRA9,policy,general_only,ann,2024-12-01,only a broader policy,dedicated\n",
        encoding="utf-8",
    )
    assert step()[:2] == (0, 0)

    # a removal: the trust left with no file drops out
    (raw / "letters/Leeds.txt").unlink()
    coded, matched, outputs = step()
    assert (coded, matched) == (0, 0)
    assert b"RR8" not in outputs["trusts.csv"]


def test_a_damaged_cache_entry_is_redone(project: Path) -> None:
    raw = project / "raw"
    name, ref, day, policy = REPLIES["RA9 reply.txt"]
    (raw / "RA9 reply.txt").write_text(_letter(name, ref, day, policy))
    layout = Layout.from_dirs(raw)
    ingest(layout, OPTIONS)
    first = _outputs(layout)
    for entry in layout.cache_dir.glob("code-*.json"):
        entry.write_text("[1, 2", encoding="utf-8")
    store = layout.cache_dir / "stages.json"
    entries = json.loads(store.read_text(encoding="utf-8"))["entries"]
    assert {key.split("-")[0] for key in entries} == {"match", "dates", "links", "text"}
    store.write_text(json.dumps({"entries": dict.fromkeys(entries, [1, 2])}), encoding="utf-8")
    (raw / "RA9 reply.txt").touch()  # not unchanged: the run goes through every stage
    layout.trusts_csv.unlink()
    result = ingest(layout, OPTIONS)
    assert _outputs(layout) == first
    assert (result.coded_now, result.matched_now) == (1, 1)

    store.write_text('{"entries": {', encoding="utf-8")  # the whole store damaged
    layout.trusts_csv.unlink()
    result = ingest(layout, OPTIONS)
    assert _outputs(layout) == first
    assert result.matched_now == 1


def test_a_trusts_own_names_come_in_the_same_order_in_every_process() -> None:
    """Names of equal length once kept a set's order, which changes with the hash seed: the
    trust's cache key changed on every run, and every trust was coded again."""
    script = (
        "from foi_audit.register.trusts import load_register\n"
        "from foi_audit.register.names import own_names\n"
        "print([own_names(t) for t in load_register().trusts])"
    )
    printed = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(printed) == 1


def test_ingest_says_how_much_a_re_run_coded_again_and_nothing_of_the_kind_first(
    project: Path,
) -> None:
    from typer.testing import CliRunner

    from foi_audit.cli.app import app

    raw = project / "raw"
    for rel, (name, ref, day, policy) in REPLIES.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_text(_letter(name, ref, day, policy))
    # a trust asked but silent is a row of trusts.csv, never "coded again"
    (raw / "asked.csv").write_text("trust_code,date_sent\nRA9,2024-11-04\nRBK,2024-11-04\n")
    args = ["ingest", str(raw), "--jobs", "2"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "coded again" not in first.output and "4 trusts coded." in first.output
    name, ref, day, _ = REPLIES["letters/Leeds.txt"]
    (raw / "letters/Leeds.txt").write_text(_letter(name, ref, day, "Yes."))
    second = CliRunner().invoke(app, args)
    assert "(1 coded again, the rest unchanged)" in second.output


# ---------------------------------------------------------------------------------------------
# Coding ahead: the worker that reads a file codes its trust as if the file were its only reply


def test_values_coded_ahead_are_exactly_those_coded_after_joining(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round's corpus (joint replies, letters with appendices, trusts with several files):
    the outputs are the same bytes with coding ahead as without it, and most trusts take the
    values their reading worker made."""
    import foi_audit.ingest.run as run

    shutil.copytree(FIXTURES / "corpus_zl" / "raw", project / "raw", dirs_exist_ok=True)
    layout = Layout.from_dirs(project / "raw")
    real = run.code_trusts
    used: list[int] = []

    def code_trusts(*args: Any, **kwargs: Any) -> Any:
        coding = real(*args, **kwargs)
        used.append(len(set(args[6]) & coding.keys))  # values made ahead that stood
        return coding

    monkeypatch.setattr(run, "code_trusts", code_trusts)
    result = ingest(layout, OPTIONS)
    ahead = _outputs(layout)
    assert result.trusts > 30 and used[0] > result.trusts * 0.7

    monkeypatch.setattr(CodeAhead, "__call__", lambda self, documents, spent: {})
    assert _cold(layout, project / "after joining") == ahead
    assert used[1] == 0


def test_coding_ahead_that_runs_out_of_time_gives_up_and_keeps_the_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import foi_audit.ingest.coding as coding
    from foi_audit.coding import load_codebook
    from foi_audit.records import Block, Document, FileStatus, Match

    def stuck(*args: Any) -> Any:
        time.sleep(30)

    monkeypatch.setattr(coding, "code_one_trust", stuck)
    codebook = load_codebook()
    ahead = CodeAhead(codebook, {}, seconds=1.0, study=study_id(codebook))
    reply = Document(
        "RA9.txt", "0" * 64, "txt", 1, 3, False, FileStatus.OK,
        match=Match("RA9", "letterhead", 90.0), blocks=(Block("Yes.", "p1"),),
    )  # fmt: skip
    started = time.monotonic()
    assert ahead([reply], spent=0.2) == {}
    assert time.monotonic() - started < 5  # stopped at its budget (0.3 s), not after 30 s
    assert ahead([reply], spent=0.6) == {}  # no budget left: not tried


def test_a_trusts_second_file_is_not_coded_ahead() -> None:
    """Values coded ahead from one file never stand for a trust with two: once the run has read
    a file of a trust, no worker codes that trust ahead again (a study with dozens of files per
    trust would otherwise code every trust once per file)."""
    import multiprocessing as mp

    from foi_audit.coding import load_codebook
    from foi_audit.records import Block, Document, FileStatus, Match

    codebook = load_codebook()
    seen = mp.get_context("fork").Array("i", 2)
    ahead = CodeAhead(codebook, {}, 60.0, study_id(codebook), seen, {"RA9": 0, "RBK": 1})

    def reply(code: str, path: str) -> Document:
        return Document(
            path, "0" * 64, "txt", 1, 3, False, FileStatus.OK,
            match=Match(code, "letterhead", 90.0), blocks=(Block("1. Policy: No.", "p1"),),
        )  # fmt: skip

    assert len(ahead([reply("RA9", "first.txt")], spent=0.0)) == 1
    assert ahead([reply("RA9", "second.txt")], spent=0.0) == {}
    assert len(ahead([reply("RBK", "other trust.txt")], spent=0.0)) == 1
    assert list(seen) == [2, 1]
