from __future__ import annotations

import os
import time
from typing import Any

from foi_audit.ingest.workers import Limits, run_tasks


def _work(arg: Any) -> dict[str, Any]:
    kind = arg
    if kind == "hang":
        time.sleep(60)
    if kind == "crash":
        os._exit(3)
    if kind == "raise":
        raise ValueError("bad input")
    if kind == "balloon":
        _ = bytearray(3 * 1024 * 1024 * 1024)
    return {"ok": kind, "omp": os.environ.get("OMP_THREAD_LIMIT")}


def test_timeout_crash_and_exception_cost_one_task_each() -> None:
    tasks = [(k, k) for k in ["a", "hang", "b", "crash", "raise", "balloon", "c"]]
    results = dict(run_tasks(_work, tasks, jobs=2, limits=Limits(seconds=2, memory_mb=1024)))
    assert results["a"] == {"ok": "a", "omp": "1"}
    assert results["c"]["ok"] == "c"
    assert results["hang"]["error"] == "ReaderTimeout"
    assert results["crash"]["error"] == "ReaderCrashed"
    assert results["raise"] == {"error": "ValueError", "message": "bad input"}
    assert results["balloon"]["error"] == "MemoryError"
    assert set(results) == {k for k, _ in tasks}


def test_no_tasks() -> None:
    assert list(run_tasks(_work, [], jobs=2, limits=Limits())) == []
