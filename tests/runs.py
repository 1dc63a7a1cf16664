"""Long runs of one character: a reusable check that a text function stays linear.

A regular expression with nested or overlapping repeats (``[\\w.]+@``, ``\\s*:\\s*``) can take
time quadratic (or worse) in the length of a run of characters it half-matches: 80,000 "x"
took 11 s in the matcher's e-mail pattern. Anything that runs in ingest's main process has no
time limit, so it must stay linear on any input.

:func:`assert_runs_linear` feeds 1 MB runs of each character class (letters, digits, spaces,
dots, dashes, and a few two-character rhythms) to a callable, each in a forked child that is
killed at a generous bound: the time the same callable takes on a 10 kB run, scaled linearly
to 1 MB, times a slack factor, plus a fixed allowance, and never more than 30 s. A quadratic
pattern needs 10,000 times its small-input time and is caught; a linear one passes whatever the
machine.

Usage (any module, including ``foi_audit/coding``)::

    from runs import REQUIRED, RHYTHMS, assert_runs_linear

    def test_my_function_is_linear_on_runs() -> None:
        assert_runs_linear(my_function, kinds=REQUIRED + RHYTHMS, contexts=[("Date:", "")])

``contexts`` wraps each run in a prefix and suffix (a label before it, an ``@`` after it), so a
pattern that only goes wrong after a label is reached. ``allowed`` names exceptions that are a
fine answer to a 1 MB run (a side-file reader refusing a 1 MB cell). :func:`slow_runs` returns
the failures instead of asserting, to survey a module. The big runs go in forked children, as
many at once as there are cores.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# Each run is one of these repeated to the size asked for. REQUIRED are the classes every
# function in ingest's main process is checked on; the rest are rhythms that found bugs.
RUNS: dict[str, str] = {
    "letters": "x",
    "capitals": "X",
    "digits": "1",
    "spaces": " ",
    "dots": ".",
    "dashes": "-",
    "underscores": "_",
    "newlines": "\n",
    "tabs": "\t",
    "word and space": "x ",
    "digit and dot": "1.",
    "letter and dash": "a-",
    "space and newline": " \n",
    "at signs": "@",
    "initials and ampersand": "AA&",
}
REQUIRED = ("letters", "digits", "spaces", "dots", "dashes", "newlines")
RHYTHMS = ("digit and dot", "letter and dash", "word and space")

BIG = 1_000_000  # characters in a long run
SMALL = 10_000  # characters in the run the bound is scaled from
SLACK = 20.0  # a linear callable may be this many times slower per character on the big run
ALLOWANCE = 2.0  # seconds added to every bound (start-up, garbage collection, a busy machine)
CEILING = 30.0  # no bound is longer: nothing in ingest's main process may take this long on 1 MB


@dataclass(frozen=True)
class SlowRun:
    kind: str
    context: tuple[str, str]
    seconds: float  # how long it ran before it finished or was stopped
    bound: float
    error: str = ""  # the exception the callable raised, if any

    def describe(self) -> str:
        prefix, suffix = self.context
        where = f" between {prefix!r} and {suffix!r}" if prefix or suffix else ""
        if self.error:
            return f"{self.kind}{where}: raised {self.error}"
        return f"{self.kind}{where}: over {self.bound:.1f} s (stopped at {self.seconds:.1f} s)"


def _time(fn: Callable[[str], object], text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def _child(
    fn: Callable[[str], object], text: str, conn: Any, allowed: tuple[type[BaseException], ...]
) -> None:
    try:
        fn(text)
        message = ""
    except allowed:
        message = ""  # a clear refusal ("a cell over 128 kB") is an answer, not a hang
    except BaseException as exc:  # reported to the parent, which fails the test
        message = f"{type(exc).__name__}: {exc}"[:300]
    conn.send(message)


@dataclass
class _Trial:
    kind: str
    context: tuple[str, str]
    text: str
    bound: float
    process: Any = None
    conn: Any = None
    started: float = 0.0


def slow_runs(
    fn: Callable[[str], object],
    *,
    contexts: Sequence[tuple[str, str]] = (("", ""),),
    kinds: Sequence[str] = tuple(RUNS),
    size: int = BIG,
    ceiling: float = CEILING,
    allowed: tuple[type[BaseException], ...] = (),
) -> list[SlowRun]:
    """Every (run, context) on which ``fn`` took longer than a linear bound, or raised an
    exception other than ``allowed``. The big runs go in forked children, as many at once as
    there are cores, each killed at its bound."""
    if not hasattr(os, "fork"):  # pragma: no cover - the suite runs on Linux
        return []
    trials = []
    slow: list[SlowRun] = []
    for kind in kinds:
        unit = RUNS[kind]
        for prefix, suffix in contexts:
            small_text = prefix + unit * (SMALL // len(unit)) + suffix
            try:
                small = _time(fn, small_text)
            except allowed:
                small = 0.0
            except Exception as exc:  # fails on a small run already: no need for the big one
                error = f"{type(exc).__name__}: {exc}"[:300]
                slow.append(SlowRun(kind, (prefix, suffix), 0.0, 0.0, f"{error} (on a 10 kB run)"))
                continue
            bound = min(small * (size / SMALL) * SLACK + ALLOWANCE, ceiling)
            trials.append(
                _Trial(kind, (prefix, suffix), prefix + unit * (size // len(unit)) + suffix, bound)
            )
    ctx = mp.get_context("fork")
    waiting = list(reversed(trials))
    running: list[_Trial] = []
    while waiting or running:
        while waiting and len(running) < (os.cpu_count() or 1):
            trial = waiting.pop()
            parent, child = ctx.Pipe(duplex=False)
            trial.conn = parent
            # Not a daemon: the callable may start worker processes of its own (ingest does).
            trial.process = ctx.Process(target=_child, args=(fn, trial.text, child, allowed))
            trial.started = time.monotonic()
            trial.process.start()
            child.close()
            running.append(trial)
        time.sleep(0.01)
        for trial in list(running):
            seconds = time.monotonic() - trial.started
            finished = trial.conn.poll()
            if not finished and seconds < trial.bound:
                continue
            error = ""
            if finished:
                try:
                    error = trial.conn.recv()
                except EOFError:
                    error = "the child died"
            if error or not finished:
                slow.append(SlowRun(trial.kind, trial.context, seconds, trial.bound, error))
            trial.process.kill()
            trial.process.join(5)
            trial.conn.close()
            running.remove(trial)
    return slow


def assert_runs_linear(
    fn: Callable[[str], object],
    *,
    contexts: Sequence[tuple[str, str]] = (("", ""),),
    kinds: Sequence[str] = tuple(RUNS),
    size: int = BIG,
    ceiling: float = CEILING,
    allowed: tuple[type[BaseException], ...] = (),
) -> None:
    """Fail, naming each run, when ``fn`` is not linear on 1 MB runs of one character."""
    slow = slow_runs(
        fn, contexts=contexts, kinds=kinds, size=size, ceiling=ceiling, allowed=allowed
    )
    assert not slow, "not linear on long runs:\n" + "\n".join(s.describe() for s in slow)
