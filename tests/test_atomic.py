"""A run killed at any moment (SIGKILL) leaves the previous outputs complete and readable."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

OUTPUTS = ("documents.csv", "codes.csv", "trusts.csv")


def _ingest_cmd(raw: Path) -> list[str]:
    return [sys.executable, "-m", "foi_audit", "ingest", str(raw), "--jobs", "2"]


def _table(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), f"{path.name} is cut short"
    rows = list(csv.DictReader(text.splitlines()))
    assert rows and all(None not in row for row in rows), f"{path.name} has a broken row"
    return rows


def _make_files(raw: Path, start: int, count: int) -> None:
    codes = ["RA9", "RAL", "RBK", "RBV", "RDE", "RGT", "RJ2", "RKB"]
    for i in range(start, start + count):
        code = codes[i % len(codes)]
        (raw / f"{code} reply {i:04d}.txt").write_text(
            f"Reply {i}\n\n" + "The Trust does have a dedicated policy. " * 40
        )


@pytest.mark.slow
def test_sigkill_at_any_moment_keeps_previous_outputs(project: Path) -> None:
    raw = project / "raw"
    _make_files(raw, 0, 40)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    subprocess.run(_ingest_cmd(raw), env=env, check=True, capture_output=True)
    processed = project / "processed"
    before = {name: len(_table(processed / name)) for name in OUTPUTS}
    decisions = project / "overrides.csv"
    decisions.write_text("trust_code,field,value,reviewer,date,reason,auto_value\n")
    decisions_hash = hashlib.sha256(decisions.read_bytes()).hexdigest()

    _make_files(raw, 40, 400)  # a bigger second run, killed part-way, again and again
    kills = 0
    for delay in (0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.6, 2.0, 2.5):
        process = subprocess.Popen(
            _ingest_cmd(raw),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the run and its workers
            kills += 1
        process.wait()
        for name in OUTPUTS:
            rows = _table(processed / name)  # complete and readable, old or new
            assert len(rows) >= 1
        assert hashlib.sha256(decisions.read_bytes()).hexdigest() == decisions_hash
    assert kills >= 3, "runs finished too fast to test killing them"

    subprocess.run(_ingest_cmd(raw), env=env, check=True, capture_output=True)
    after = {name: len(_table(processed / name)) for name in OUTPUTS}
    assert after["documents.csv"] == 440 > before["documents.csv"]
    assert not list(processed.rglob("*.tmp")), "temporary files left behind"
