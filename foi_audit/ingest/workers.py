"""Run reader tasks in worker processes that can be stopped.

A reader that hangs or balloons (a zip bomb, a pathological PDF) must cost one file, not the
batch: each worker has an address-space limit, and a task that runs past its time limit gets
its worker killed and replaced. Results come back as plain dicts (picklable). Workers die with
the run that started them, however it ends (a parent-death signal and a watchdog).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

Task = tuple[str, Any]  # (task id, argument)
TaskFn = Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0
    memory_mb: int = 2048


def _worker_main(conn: Connection, fn: TaskFn, memory_mb: int, parent: int) -> None:
    # What the parent made is never garbage here: keep the collector off it (it would also
    # copy every page it touches, the point of forking being to share them).
    gc.freeze()
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent stops the workers itself. SIGTERM
    # (`timeout` signals the group too) ends a worker at once, not as the CLI's interruption.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Tesseract's OpenMP threads make it several times slower on small machines.
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        import resource

        # On top of what the worker starts with (a fork of a parent that may be large).
        limit = (memory_mb + _address_space_mb()) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the time limit still applies
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        task_id, arg = item
        try:
            result = fn(arg)
        except MemoryError:
            result = {"error": "MemoryError", "message": "the file needs more memory than allowed"}
        except BaseException as exc:  # a reader bug must not kill the batch
            result = {"error": type(exc).__name__, "message": str(exc) or type(exc).__name__}
        try:
            conn.send((task_id, result))
        except (OSError, ValueError):
            return


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive its run (kill -9, the OOM killer): a killed parent cannot
    stop it, and an idle orphan would wait for work for ever. Linux kills it the moment the
    parent dies (prctl PR_SET_PDEATHSIG); elsewhere a watchdog thread notices within a second.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl here: the watchdog below still applies
    if os.getppid() != parent:
        os._exit(0)  # the parent died before the signal was asked for

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _address_space_mb() -> int:
    """This process's virtual size in MB (0 when it cannot be told)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return 0


class _Worker:
    def __init__(self, ctx: Any, fn: TaskFn, memory_mb: int) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, fn, memory_mb, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()
        self.task: Task | None = None
        self.started = 0.0
        self.seconds = 0.0

    def give(self, task: Task, seconds: float) -> None:
        self.task = task
        self.seconds = seconds
        self.started = time.monotonic()
        self.conn.send(task)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def run_tasks(
    fn: TaskFn,
    tasks: Iterable[Task],
    jobs: int,
    limits: Limits,
    seconds: Mapping[str, float] | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(task id, result)`` as tasks finish, in any order.

    ``seconds`` gives some tasks (by id) their own time limit instead of ``limits.seconds``. A
    timed-out or crashed task yields ``{"error": ..., "message": ...}``.
    """
    allowed = seconds or {}
    pending = list(tasks)
    pending.reverse()
    if not pending:
        return
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    workers = [_Worker(ctx, fn, limits.memory_mb) for _ in range(max(1, min(jobs, len(pending))))]
    try:
        for worker in workers:
            if pending:
                task = pending.pop()
                worker.give(task, allowed.get(task[0], limits.seconds))
        while any(w.task for w in workers):
            busy = [w for w in workers if w.task]
            now = time.monotonic()
            deadline = min(w.started + w.seconds for w in busy)
            ready = wait([w.conn for w in busy], timeout=max(0.0, deadline - now))
            for index, worker in enumerate(workers):
                if worker.task is None:
                    continue
                result: dict[str, Any] | None = None
                if worker.conn in ready:
                    try:
                        task_id, result = worker.conn.recv()
                    except (EOFError, OSError):
                        result = {
                            "error": "ReaderCrashed",
                            "message": "the reader crashed on this file (out of memory?)",
                        }
                elif time.monotonic() - worker.started >= worker.seconds:
                    result = {
                        "error": "ReaderTimeout",
                        "message": f"reading took longer than {worker.seconds:g} s; "
                        "stopped (raise --timeout to allow more)",
                    }
                if result is None:
                    continue
                finished = worker.task
                worker.task = None
                if "error" in result and result["error"] in {"ReaderTimeout", "ReaderCrashed"}:
                    worker.kill()
                    worker = workers[index] = _Worker(ctx, fn, limits.memory_mb)
                elif not worker.process.is_alive():
                    worker = workers[index] = _Worker(ctx, fn, limits.memory_mb)
                yield finished[0], result
                if pending:
                    task = pending.pop()
                    worker.give(task, allowed.get(task[0], limits.seconds))
    finally:
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(timeout=1)
            if worker.process.is_alive():
                worker.kill()
