"""Issue 14: the eighteen failures a fuzzing and fault-injection campaign found, each kept gone.

F = a crash or a hang, W = a wrong result given silently, U = an unclear message. Each test is
named after its finding. The run-level ones (kill -9, Ctrl-C, a full disk) drive the real
command line in a subprocess, as a user would.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError, StoreError
from foi_audit.ingest.pipeline import IngestOptions, ingest
from runs import assert_runs_linear

OPTIONS = IngestOptions(jobs=2, timeout=30)
REPO = Path(__file__).parent.parent
REPLY = "Torbay and South Devon NHS Foundation Trust\n\nThe Trust has a dedicated policy.\n"
OVERRIDES_HEADER = "trust_code,field,value,reviewer,date,reason,auto_value\n"


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "foi_audit", *map(str, args)]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _documents(layout: Layout) -> dict[str, dict[str, str]]:
    return {row["path"]: row for row in _rows(layout.documents_csv)}


@pytest.fixture
def layout(project: Path) -> Layout:
    (project / "raw" / "RA9 reply.txt").write_text(REPLY)
    return Layout.from_dirs(project / "raw")


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; its parent has not collected it yet


def _many_replies(raw: Path, count: int) -> None:
    codes = ["RA9", "RAL", "RBK", "RBV", "RDE", "RGT", "RJ2", "RKB"]
    for i in range(count):
        code = codes[i % len(codes)]
        (raw / f"{code} reply {i:04d}.txt").write_text(
            f"Reply {i}\n\n" + "The Trust does have a dedicated policy. " * 40
        )


def _start_reading(raw: Path) -> tuple[subprocess.Popen[bytes], list[int]]:
    """An ingest of ``raw`` caught while its workers read: the process and its workers."""
    process = subprocess.Popen(
        _cli("ingest", raw, "--jobs", "2"),
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and process.poll() is None and len(workers) < 2:
        time.sleep(0.02)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the run never started its workers"
    return process, workers


# ---------------------------------------------------------------------------------------------
# Crashes and hangs


@pytest.mark.slow
def test_f1_killed_ingest_leaves_no_workers_and_the_next_run_starts_at_once(
    project: Path,
) -> None:
    raw = project / "raw"
    _many_replies(raw, 160)
    process, workers = _start_reading(raw)
    process.kill()  # kill -9 of the main process only, as the OOM killer does
    process.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived their run"
    lock = json.loads((project / "processed" / ".lock").read_text())
    assert lock["pid"] == process.pid and lock["started"]  # who held it, to tell it is gone

    again = subprocess.run(_cli("ingest", raw, "--jobs", "2"), env=_env(), capture_output=True)
    err = again.stderr.decode()
    assert again.returncode == 0, err
    assert "another foi-audit run" not in err
    assert f"(pid {process.pid}) stopped before it finished; its lock was taken over" in err
    assert len(_rows(project / "processed" / "documents.csv")) == 160


@pytest.mark.slow
def test_f1_sigterm_stops_the_workers_and_says_what_was_kept(project: Path) -> None:
    raw = project / "raw"
    _many_replies(raw, 160)
    process, workers = _start_reading(raw)
    process.send_signal(signal.SIGTERM)  # what `timeout` and service managers send
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted: nothing was written" in err.decode()
    assert "Traceback" not in err.decode()
    assert not [w for w in workers if _alive(w)]
    assert (project / "processed" / ".lock").read_text() == ""  # released and cleared


def test_f1_lock_held_by_a_live_run_names_it(layout: Layout) -> None:
    layout.processed.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(layout.processed / '.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        with pytest.raises(StoreError, match="another foi-audit run is using"):
            ingest(layout, OPTIONS)
    finally:
        holder.kill()
        holder.wait()
    ingest(layout, OPTIONS)  # the holder is gone: the lock is free at once


def test_f1_lock_left_by_a_dead_run_is_taken_over_with_a_note(layout: Layout) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    layout.processed.mkdir(parents=True)
    (layout.processed / ".lock").write_text(
        json.dumps({"pid": gone.pid, "started": "1", "host": os.uname().nodename, "at": "then"})
    )
    result = ingest(layout, OPTIONS)
    assert any(
        f"(pid {gone.pid}) stopped before it finished; its lock was taken over" in n
        for n in result.notes
    )
    assert (layout.processed / ".lock").read_text() == ""


def test_f1_workers_die_with_their_parent() -> None:
    """The parent-death signal itself: a worker pool whose parent is killed leaves nothing."""
    code = (
        "import time\n"
        "from foi_audit.ingest.workers import Limits, run_tasks\n"
        "def slow(arg):\n"
        "    time.sleep(60)\n"
        "    return {}\n"
        "for _ in run_tasks(slow, [('a', 1), ('b', 2)], 2, Limits(seconds=120)):\n"
        "    pass\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], env=_env())
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.02)
        workers = _children(parent.pid)
    assert len(workers) == 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]


def _match(text: str) -> object:
    from foi_audit.matching.matcher import match_group
    from foi_audit.records import Block, Document, FileStatus
    from foi_audit.register.trusts import load_register

    document = Document(
        "reply.txt", "0" * 64, "txt", 1, len(text), False, FileStatus.OK,
        blocks=(Block(text, "p1"),),
    )  # fmt: skip
    return match_group([document], load_register())


def test_f2_long_word_run_in_matcher_is_linear() -> None:
    # 80,000 "x" took 11.4 s, 500,000 over 10 minutes: the e-mail pattern re-read the run
    # from every position.
    assert_runs_linear(_match, kinds=("letters", "digit and dot"), contexts=[("", ""), ("", "@")])


def test_f3_long_space_run_after_a_label_in_dates_is_linear() -> None:
    from foi_audit.records import Block, Document, FileStatus, Match
    from foi_audit.requests.dates import find_dates

    def dates(text: str) -> object:
        document = Document(
            "reply.txt", "0" * 64, "txt", 1, len(text), False, FileStatus.OK,
            match=Match("RA9", "letterhead", 90.0), blocks=(Block(text, "p1"),),
        )  # fmt: skip
        return find_dates(document)

    # 20,000 spaces after a word took 5.3 s, 40,000 took 20.8 s ("[ \t]+[ \t]*" in the label).
    assert_runs_linear(
        dates, kinds=("spaces", "tabs"), contexts=[("Reply", ""), ("Date of response:", "")]
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_f4_fifo_in_the_raw_folder_is_a_row_not_a_hang(layout: Layout) -> None:
    os.mkfifo(layout.raw / "pipe.pdf")
    done = subprocess.run(
        _cli("ingest", layout.raw), env=_env(), capture_output=True, timeout=120
    )  # it used to wait for a writer for ever
    assert done.returncode == 1, done.stderr.decode()
    row = _documents(layout)["pipe.pdf"]
    assert row["status"] == "error" and "named pipe (FIFO), not a file" in row["message"]
    assert _documents(layout)["RA9 reply.txt"]["status"] == "ok"


def test_f5_symlink_to_itself_is_a_row_not_a_crash(layout: Layout) -> None:
    os.symlink("loop.pdf", layout.raw / "loop.pdf")
    result = ingest(layout, OPTIONS)
    row = _documents(layout)["loop.pdf"]
    assert row["status"] == "error" and "leads back to itself (a loop)" in row["message"]
    assert result.exit_code == 1


def test_f6_non_utf8_file_name_is_read_and_named_with_escapes(layout: Layout) -> None:
    name = os.fsdecode(b"caf\xe9 reply.txt")
    (layout.raw / name).write_text(REPLY.replace("policy", "policy (copy)"))
    result = ingest(layout, OPTIONS)
    row = _documents(layout)["caf\\xe9 reply.txt"]
    assert row["status"] == "ok" and row["trust_code"] == "RA9"
    assert "not UTF-8" in row["message"] and "rename" in row["message"]
    assert result.exit_code == 0
    assert ingest(layout, OPTIONS).unchanged  # the manifest holds the name too


@pytest.mark.slow
def test_f7_full_disk_is_one_line_exit_2_and_keeps_earlier_outputs(layout: Layout) -> None:
    assert subprocess.run(_cli("ingest", layout.raw), env=_env()).returncode == 0
    before = layout.documents_csv.read_bytes()
    (layout.raw / "RA9 long.txt").write_text(REPLY + "More words here. " * 20_000)

    def small_disk() -> None:  # no file over 100 kB can be written: like a disk filling up
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    done = subprocess.run(
        _cli("ingest", layout.raw), env=_env(), capture_output=True, preexec_fn=small_disk
    )
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert "cannot write" in err and "run ingest again" in err
    assert layout.documents_csv.read_bytes() == before


def test_f7_no_space_left_names_the_state_of_the_outputs(
    layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    import foi_audit.ingest.run as run

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(run, "write_codes", full)
    with pytest.raises(StoreError, match="No space left on device; free some space.*may mix"):
        ingest(layout, OPTIONS)


def test_exit_code_3_internal_error_is_one_line_naming_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from foi_audit.cli import output

    monkeypatch.setitem(output._state, "processed", tmp_path)
    monkeypatch.setitem(output._state, "debug", False)

    def broken_app() -> None:
        raise ValueError("a bug")

    with pytest.raises(SystemExit) as stopped:
        output.run_app(broken_app)
    assert stopped.value.code == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "internal error: ValueError: a bug" in err and str(tmp_path / "error.log") in err
    assert "Traceback" in (tmp_path / "error.log").read_text()
    monkeypatch.setitem(output._state, "debug", True)
    with pytest.raises(ValueError):  # --debug: the traceback itself
        output.run_app(broken_app)


def test_exit_codes_are_in_help_and_readme() -> None:
    from typer.testing import CliRunner

    from foi_audit.cli.app import app

    readme = (REPO / "README.md").read_text()
    for text in (
        CliRunner().invoke(app, ["--help"]).output,
        CliRunner().invoke(app, ["ingest", "--help"]).output,
    ):
        flat = " ".join(text.replace("│", " ").split())
        for fragment in ("0", "1", "2", "3", "130"):
            assert f" {fragment} " in flat
        assert "internal error" in flat
    for fragment in ("`0`", "`1`", "`2`", "`3`", "`130`", "error.log", "--debug"):
        assert fragment in readme


# ---------------------------------------------------------------------------------------------
# Wrong results given silently


def test_w1_carriage_return_in_a_file_name_keeps_every_table_whole(layout: Layout) -> None:
    (layout.raw / "RA9\rreply.txt").write_text(REPLY + "Date of response: 2 December 2024\n")
    (layout.raw / "RA9 reply.txt").unlink()
    ingest(layout, OPTIONS)
    documents = _rows(layout.documents_csv)
    assert [r["path"] for r in documents] == ["RA9\rreply.txt"]
    assert {r["trust_code"] for r in _rows(layout.trusts_csv)} == {"RA9"}  # no phantom ".txt"
    assert {r["trust_code"] for r in _rows(layout.codes_csv)} == {"RA9"}
    assert [r["path"] for r in _rows(layout.dates_csv)] == ["RA9\rreply.txt"]


def test_w1_csv_cells_with_a_carriage_return_are_quoted() -> None:
    from foi_audit.fileio import csv_text

    text = csv_text(["a", "b"], [{"a": "x\ry", "b": "z"}])
    assert text == 'a,b\n"x\ry",z\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["a", "b"], ["x\ry", "z"]]


@given(
    st.lists(
        st.lists(st.text(alphabet='ab,"\n\r=-+@\t 1.é', max_size=6), min_size=2, max_size=2),
        max_size=5,
    )
)
def test_csv_text_reads_back_every_cell(rows: list[list[str]]) -> None:
    """Rows are written in one pass unless a cell holds a CR: either way each cell reads back
    (formula-like cells with their quote prefix) and every row ends with LF alone."""
    from foi_audit.fileio import csv_text, neutralise_cell

    text = csv_text(["a", "b"], [{"a": a, "b": b} for a, b in rows])
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read == [["a", "b"], *([neutralise_cell(a), neutralise_cell(b)] for a, b in rows)]
    assert text.endswith("\n") and not text.endswith("\r\n")


def test_w2_symlinked_folders_are_read_once_or_refused_with_a_row(
    layout: Layout, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "RBK reply.txt").write_text(REPLY)
    inside = layout.raw / ".archive"  # hidden, so read only through the link
    inside.mkdir()
    (inside / "RA9 old.txt").write_text(REPLY + "An older reply.\n")
    os.symlink(elsewhere, layout.raw / "outside")
    os.symlink(inside, layout.raw / "archive")
    os.symlink(layout.raw, layout.raw / "itself")
    ingest(layout, OPTIONS)
    rows = _documents(layout)
    assert rows["outside"]["status"] == "error"
    assert "a link to a folder outside the raw folder" in rows["outside"]["message"]
    assert rows["archive/RA9 old.txt"]["status"] == "ok"  # followed once, inside the raw folder
    assert rows["itself"]["status"] == "duplicate"
    assert "the raw folder itself, whose files are read there" in rows["itself"]["message"]
    assert not any(p.startswith("itself/") for p in rows)


def test_w3_unreadable_folder_gets_a_row(layout: Layout, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = layout.raw / "locked"
    locked.mkdir()
    (locked / "RBK reply.txt").write_text(REPLY)
    if os.geteuid() == 0:  # root reads every folder: refuse it as the kernel would
        import foi_audit.ingest.files as files

        real = os.scandir

        def scandir(path: str) -> object:
            if os.fspath(path) == str(locked):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(files.os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        result = ingest(layout, OPTIONS)
    finally:
        locked.chmod(0o755)
    row = _documents(layout)["locked"]
    assert row["status"] == "error" and "cannot be opened (permission denied)" in row["message"]
    assert result.exit_code == 1


def test_w4_two_pins_for_one_file_are_refused_with_both_lines(layout: Layout) -> None:
    layout.mapping_csv.write_text("path,trust_code\nRA9 reply.txt,RA9\nRA9 reply.txt,RBK\n")
    with pytest.raises(
        InputError, match="line 3: RA9 reply.txt is already pinned to RA9 on line 2"
    ):
        ingest(layout, OPTIONS)


# ---------------------------------------------------------------------------------------------
# Unclear messages


def _decision(layout: Layout, reason: str) -> str:
    return OVERRIDES_HEADER + f"RA9,policy,dedicated,Ana,2025-01-10,{reason},dedicated\n"


def test_u1_side_files_saved_by_excel_are_read_with_a_note(layout: Layout) -> None:
    from foi_audit.coding import load_codebook
    from foi_audit.dataset.overrides import load_overrides

    codebook = load_codebook()
    text = _decision(layout, "checked the café's letter").replace("\n", "\r\n")
    layout.overrides_csv.write_bytes(text.encode("cp1252"))
    result = ingest(layout, OPTIONS)
    assert any("read as Windows-1252" in n and "CSV UTF-8" in n for n in result.notes)
    assert load_overrides(layout.overrides_csv, codebook)[0].reason == "checked the café's letter"

    layout.overrides_csv.write_bytes(text.encode("utf-16"))  # Excel's "Unicode Text"
    assert load_overrides(layout.overrides_csv, codebook)[0].reason == "checked the café's letter"


def test_u1_undecodable_side_file_names_the_line_and_how_to_resave(layout: Layout) -> None:
    layout.overrides_csv.write_bytes(
        (OVERRIDES_HEADER + "RA9,policy,dedicated,Ana,2025-01-10,").encode() + b"\x81\x8d\n"
    )
    with pytest.raises(InputError) as error:
        ingest(layout, OPTIONS)
    message = str(error.value)
    assert "line 2 is not UTF-8 text" in message and "Save As > CSV UTF-8" in message
    assert message.count(str(layout.overrides_csv)) == 1
    assert "delete" not in message  # deleting overrides.csv would lose review decisions


def test_u2_missing_column_or_semicolons_are_named(layout: Layout) -> None:
    asked = layout.asked_csv
    asked.write_text("code,date_sent\nRA9,2024-11-01\n")
    with pytest.raises(InputError, match="no trust_code column \\(the first line has 'code', "):
        ingest(layout, OPTIONS)
    asked.write_text("trust_code;date_sent\nRA9;2024-11-01\n")
    result = ingest(layout, OPTIONS)
    assert any("separated by semicolons" in n for n in result.notes)
    assert _rows(layout.trusts_csv)[0]["date_sent"] == "2024-11-01"


def test_u3_override_for_a_trust_not_in_the_register_is_refused(layout: Layout) -> None:
    layout.overrides_csv.write_text(
        OVERRIDES_HEADER + "RZZ9,policy,dedicated,Ana,2025-01-10,typo,\n"
    )
    with pytest.raises(InputError, match="line 2: RZZ9 is not an ODS trust code in the register"):
        ingest(layout, OPTIONS)


@pytest.mark.slow
def test_u4_ctrl_c_says_the_earlier_outputs_are_kept(project: Path) -> None:
    # (and a second run started meanwhile is refused, naming the first)
    raw = project / "raw"
    _many_replies(raw, 160)
    process, workers = _start_reading(raw)
    second = subprocess.run(_cli("ingest", raw), env=_env(), capture_output=True)
    assert second.returncode == 2  # two runs at once: the second is refused, naming the first
    assert f"another foi-audit run (pid {process.pid}, started " in second.stderr.decode()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted: nothing was written, earlier outputs in" in err.decode()
    assert "kept" in err.decode() and "Traceback" not in err.decode()
    assert not [w for w in workers if _alive(w)]


def test_u5_fresh_run_counts_no_refused_file_as_unchanged(layout: Layout) -> None:
    os.symlink("gone.pdf", layout.raw / "dangling.pdf")
    result = ingest(layout, OPTIONS)
    assert result.read_from_cache == 0  # nothing was read before: nothing is "unchanged"
    row = _documents(layout)["dangling.pdf"]
    assert "a link to a file that does not exist (a broken link)" in row["message"]
    assert "outside the raw folder" not in row["message"]
    assert ingest(layout, OPTIONS).unchanged  # a broken link left as it is changes nothing


def test_u6_nul_byte_in_mapping_is_shown(layout: Layout) -> None:
    layout.mapping_csv.write_bytes(b"path,trust_code\nRA9 reply.txt,RJZ\x00\n")
    with pytest.raises(InputError, match=r"line 2 holds a NUL character \(an invisible \\x00\)"):
        ingest(layout, OPTIONS)


def test_u7_empty_asked_csv_is_warned_and_not_counted_as_zero_asked(layout: Layout) -> None:
    from foi_audit.coding import load_codebook
    from foi_audit.figures.summary import load_population

    layout.asked_csv.write_text("trust_code,date_sent\n")
    result = ingest(layout, OPTIONS)
    assert any("lists no trusts, so it is ignored" in n for n in result.notes)
    population = load_population(layout, load_codebook())
    assert population.asked_source == "replies" and len(population.trusts) == 1
    assert any("lists no trusts" in n for n in population.notes)


# ---------------------------------------------------------------------------------------------
# Nothing in the main process without a limit: coding runs in workers


def test_coding_past_the_time_limit_leaves_the_trust_flagged_not_coded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from foi_audit.coding import load_codebook
    from foi_audit.ingest.coding import code_trusts
    from foi_audit.records import Block, Document, FileStatus, FlagReason, Match
    from foi_audit.register.trusts import load_register

    def reply(code: str, text: str) -> Document:
        return Document(
            f"{code}.txt", "0" * 64, "txt", 1, len(text), False, FileStatus.OK,
            match=Match(code, "letterhead", 90.0), blocks=(Block(text, "p1"),),
        )  # fmt: skip

    import foi_audit.ingest.coding as coding

    real = coding.code_one_trust

    def slow_engine(code: str, documents: list, codebook: object, names: object) -> object:  # type: ignore[type-arg]
        if code == "RBK":  # an engine stuck on one reply (once: "\n" runs after "Answer:")
            time.sleep(30)
        return real(code, documents, codebook, names)  # type: ignore[arg-type]

    monkeypatch.setattr(coding, "code_one_trust", slow_engine)  # the forked workers inherit it
    codebook = load_codebook()
    hostile = reply("RBK", "Answer: Yes.")
    run = code_trusts(
        [reply("RA9", REPLY), hostile],
        load_register(),
        codebook,
        IngestOptions(jobs=2, timeout=2),
    )
    coded, uncoded = run.values, run.uncoded
    assert [code for code, _ in uncoded] == ["RBK"]
    assert "coding took longer than 2 s" in uncoded[0][1]
    stopped = [c for c in coded if c.trust_code == "RBK"]
    assert len(stopped) == len(codebook.fields)
    assert all(c.value == "" and c.flags[0].reason is FlagReason.NOT_CODED for c in stopped)
    assert {c.trust_code for c in coded if not c.flags or c.rule != "not_coded"} == {"RA9"}


def test_coding_that_crashes_on_one_trust_costs_that_trust_only(
    layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    import foi_audit.ingest.coding as coding

    (layout.raw / "RBK reply.txt").write_text(
        REPLY.replace("Torbay and South Devon NHS Foundation Trust", "Walsall Healthcare NHS Trust")
    )
    real = coding.code_one_trust

    def engine(code: str, documents: list, codebook: object, names: object) -> object:  # type: ignore[type-arg]
        if code == "RBK":
            raise ValueError("an engine bug")
        return real(code, documents, codebook, names)  # type: ignore[arg-type]

    monkeypatch.setattr(coding, "code_one_trust", engine)  # the forked workers inherit it
    result = ingest(layout, OPTIONS)
    assert result.exit_code == 1 and result.uncoded == 1
    problem = next(p for p in result.problems if p.status == "not coded")
    assert problem.path == "trust RBK" and "ValueError: an engine bug" in problem.message
    trusts = {r["trust_code"]: r for r in _rows(layout.trusts_csv)}
    assert set(trusts) == {"RA9", "RBK"}


def test_override_with_a_5000_digit_section_is_one_line_not_a_crash(layout: Layout) -> None:
    # Found by tests/runs.py: the codebook's section sort turns the digits into an int.
    layout.overrides_csv.write_text(
        OVERRIDES_HEADER + f"RA9,exemptions,{'1' * 5000},Ana,2025-01-10,typo,\n"
    )
    with pytest.raises(
        InputError, match="line 2: '1+…1+' is not an allowed value of exemptions"
    ) as e:
        ingest(layout, OPTIONS)
    assert len(str(e.value)) < 400


def test_f1_where_record_locks_do_not_work_the_owner_named_in_the_lock_decides(
    layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    import foi_audit.ingest.cache as cache

    def no_locks(fd: int, how: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(cache.fcntl, "lockf", no_locks)  # some network and FUSE folders
    layout.processed.mkdir(parents=True)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = {"pid": running.pid, "started": cache._start_time(running.pid)}
        (layout.processed / ".lock").write_text(
            json.dumps({**owner, "host": os.uname().nodename, "at": "now"})
        )
        with pytest.raises(StoreError, match=f"another foi-audit run \\(pid {running.pid}, "):
            ingest(layout, OPTIONS)
    finally:
        running.kill()
        running.wait()
    assert ingest(layout, OPTIONS).exit_code == 0  # its owner gone: taken over


def test_coding_reference_patterns_are_linear_on_runs() -> None:
    # "FOI" then spaces, and a long line of dots, were quadratic in the log-page detector
    # (issue 14 follow-up): "\s*[:#]?\s*" after "FOI" and "^\W*" under MULTILINE.
    from foi_audit.coding.answers import _lists_several_requests
    from foi_audit.records import Block, Document, FileStatus, Match

    def several(text: str) -> object:
        document = Document(
            "log.html", "0" * 64, "html", 1, len(text), False, FileStatus.OK,
            match=Match("RA9", "letterhead", 90.0), blocks=(Block(text, "p1"),),
        )  # fmt: skip
        return _lists_several_requests(document)

    assert_runs_linear(
        several,
        kinds=("spaces", "dots", "dashes", "digits"),
        contexts=[("FOI", ""), ("Request", ":"), ("", "")],
    )
