"""Code each trust's replies in worker processes, under the same limits as the readers.

The coding engine reads a trust's whole replies with many patterns, and a hostile reply (a
million blank lines) can make one of them super-linear: in the main process nothing could stop
it and the whole run would hang. So each trust is coded in a worker (:func:`run_tasks`: the
per-file time limit for each of its documents and the per-worker memory limit, the worker
killed and replaced when over). A trust whose coding stops keeps
every field blank and flagged ``not_coded`` with the reason, the run goes on, and the result
lists it as a problem (exit code 1).

A trust's values are kept in the cache under a key made of everything they depend on: the
engine's own files, the codebook, the trust's names and its documents as read and matched. A
re-run codes again only the trusts whose key changed (one new reply costs one trust).

Most trusts send one file, so the worker that reads a file also codes its trust as if that
file were all (:class:`CodeAhead`), under what is left of the file's time limit: coding then
runs beside reading instead of after it. The values count only under the same key, that is
when the trust's documents as joined turn out to be exactly that file's; every other trust
is coded after joining, as above.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import foi_audit.coding as coding_package
from foi_audit.coding import code_one_trust, documents_by_trust
from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.codes import not_coded_values
from foi_audit.dataset.layout import Layout
from foi_audit.ingest.cache import cache_get, cache_put
from foi_audit.ingest.signature import files_fingerprint
from foi_audit.ingest.stages import block_hash
from foi_audit.ingest.workers import Limits, run_tasks
from foi_audit.records import CodedValue, Document, FileStatus, Flag, FlagReason, Grounding
from foi_audit.register.names import own_names
from foi_audit.register.trusts import Register

if TYPE_CHECKING:
    from foi_audit.ingest.pipeline import IngestOptions


@dataclass(frozen=True)
class CodedTrusts:
    values: list[CodedValue]  # every matched trust's, in trust order, as the engine gives them
    uncoded: list[tuple[str, str]]  # trusts whose coding stopped, each with the reason
    keys: set[str]  # the cache entries in use
    coded_now: int  # trusts coded in this run (the rest came from the cache)


def code_trusts(
    documents: Sequence[Document],
    register: Register,
    codebook: Codebook,
    options: IngestOptions,
    layout: Layout | None = None,
    text_hash: Callable[[Document], str] | None = None,
    ahead: Mapping[str, list[dict[str, Any]]] | None = None,
) -> CodedTrusts:
    """Code every matched trust (with ``layout``, a trust whose inputs have not changed
    takes its values from the cache; ``text_hash`` gives a document's text hash, kept between
    runs; ``ahead`` holds values the reading workers made, by coding key)."""
    # a joint reply is in each of its trusts' lists
    by_trust = documents_by_trust([d for d in documents if d.status is FileStatus.OK])
    names = {t.code: own_names(t) for t in register.trusts}
    study = _study_digest(codebook)
    hashed = text_hash or _blocks_hash
    keys = {code: coding_key(code, docs, study, names, hashed) for code, docs in by_trust.items()}
    cached: dict[str, list[CodedValue]] = {}
    if layout is not None:
        for code, key in keys.items():
            rows = cache_get(layout, key)
            if isinstance(rows, list):
                # a damaged entry: the trust is coded again
                with contextlib.suppress(TypeError, KeyError, ValueError):
                    cached[code] = [_from_cache(dict(row)) for row in rows]
    coded_ahead = 0
    for code, key in keys.items():
        rows = (ahead or {}).get(key)
        if code in cached or rows is None:
            continue
        cached[code] = [_from_cache(dict(row)) for row in rows]
        coded_ahead += 1
        if layout is not None:
            cache_put(layout, key, rows)
    task = partial(_code_trust, codebook=codebook, names=names)
    limits = Limits(seconds=options.timeout, memory_mb=options.memory_mb)
    # The per-file limit for each of the trust's files: a trust with many replies is not cut.
    seconds = {code: options.timeout * len(docs) for code, docs in by_trust.items()}
    tasks = [(code, (code, docs)) for code, docs in sorted(by_trust.items()) if code not in cached]
    results = dict(run_tasks(task, tasks, options.jobs, limits, seconds)) if tasks else {}
    coded: list[CodedValue] = []
    uncoded: list[tuple[str, str]] = []
    for code in sorted(by_trust):
        if code in cached:
            coded.extend(cached[code])
            continue
        result = results[code]
        if "codes" in result:
            coded.extend(result["codes"])
            if layout is not None:
                cache_put(layout, keys[code], [_cache_row(c) for c in result["codes"]])
            continue
        reason = _reason(result, seconds[code])
        coded.extend(not_coded_values(code, codebook, reason))
        uncoded.append((code, reason))
    return CodedTrusts(coded, uncoded, set(keys.values()), len(tasks) + coded_ahead)


def _study_digest(codebook: Codebook) -> Any:
    """The start of every coding key: :func:`study_id`, hashed once."""
    return hashlib.sha256(study_id(codebook).encode())


def study_id(codebook: Codebook) -> str:
    """The engine's own files and the parsed study (wherever it came from), as one hash."""
    digest = hashlib.sha256()
    digest.update(_engine_fingerprint().encode())
    digest.update(repr(codebook).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class CodeAhead:
    """Code a file's trust in the worker that read it (``ReadThenMatch.ahead``): the values
    as the cache keeps them, by coding key. Coding gets half the file's time limit, less the
    time reading took; past it, or on any error, nothing is coded ahead (the trust is coded
    after joining, under its own limit), so the reading is never lost to coding."""

    codebook: Codebook
    names: Mapping[str, Sequence[str]]
    seconds: float  # the file's time limit
    study: str  # study_id(codebook)
    # Files read so far in this run per trust (shared by the workers, by the trust's position
    # in ``names``): once a trust has a second file, its values made ahead from one file
    # would never stand, so no worker codes them (a study of many files per trust would
    # otherwise code every trust once per file).
    seen: Any = None
    positions: Mapping[str, int] = dataclasses.field(default_factory=dict)

    def __call__(self, documents: Sequence[Document], spent: float) -> dict[str, Any]:
        budget = self.seconds / 2 - spent
        replies = [d for d in documents if d.status is FileStatus.OK]
        if budget <= 0 or not replies:
            return {}
        study = hashlib.sha256(self.study.encode())
        found: dict[str, Any] = {}
        try:
            with _time_budget(budget):
                for code, own in documents_by_trust(replies).items():
                    if not self._first_file_of(code):
                        continue
                    key = coding_key(code, own, study, self.names, _blocks_hash)
                    values = code_one_trust(code, own, self.codebook, self.names)
                    found[key] = [_cache_row(value) for value in values]
        except Exception:  # out of time, or a bug: coded again after joining
            return {}
        return found

    def _first_file_of(self, code: str) -> bool:
        """Count this file for the trust; whether it is the first the run has read for it."""
        position = self.positions.get(code)
        if self.seen is None or position is None:
            return True
        with self.seen.get_lock():
            count = self.seen[position]
            self.seen[position] = count + 1
        return count == 0


def _blocks_hash(document: Document) -> str:
    return block_hash(document.blocks)


class _OutOfTime(Exception):
    """Coding ahead ran past its budget."""


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`_OutOfTime` inside the block after ``seconds`` (a timer signal: the
    regular-expression engine checks for signals, so a runaway pattern is stopped too). Only
    in a process's main thread, where signals are delivered; elsewhere nothing is tried."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        raise _OutOfTime

    def stop(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def coding_key(
    code: str,
    documents: Sequence[Document],
    study: Any,
    names: Mapping[str, Sequence[str]],
    text_hash: Callable[[Document], str],
) -> str:
    """The cache key of a trust's values: the engine and the codebook (``study``, from
    :func:`_study_digest`), its documents, and the names of every trust they answer for (a
    joint reply is read with its partners' names too)."""
    digest = study.copy()
    trusts = sorted({code} | {c for d in documents for c in (d.match.trust_code, *d.match.also)})
    payload = [
        code,
        [[c, list(names.get(c, ()))] for c in trusts if c],
        [_document_identity(d, text_hash(d)) for d in documents],
    ]
    # reprs of strings, numbers, enums and tuples of them: exact, and much faster than JSON
    digest.update(repr(payload).encode())
    return f"code-{digest.hexdigest()[:40]}"


_DOCUMENT_FIELDS = tuple(f.name for f in dataclasses.fields(Document) if f.name != "blocks")


def _document_identity(document: Document, text_hash: str) -> list[Any]:
    """Everything of a document the engine reads, its blocks as one hash (turning every block
    into JSON cost a second at 1,000 replies, on every run)."""
    return [text_hash, *(getattr(document, name) for name in _DOCUMENT_FIELDS)]


@cache
def _engine_fingerprint() -> str:
    """A hash of the coding engine's own files (code and grammar): a change to them codes
    every trust again."""
    return files_fingerprint(Path(coding_package.__file__).parent)


def _cache_row(coded: CodedValue) -> dict[str, Any]:
    """A machine value as the cache keeps it (JSON; every field, flags with their detail)."""
    row = dataclasses.asdict(coded)
    row.pop("decision")  # a person's decision is applied later, never cached
    row["flags"] = [[str(f.reason), f.detail] for f in coded.flags]
    row["grounding"] = str(coded.grounding)
    return row


def _from_cache(row: dict[str, Any]) -> CodedValue:
    flags = tuple(Flag(FlagReason(reason), detail) for reason, detail in row.pop("flags"))
    return CodedValue(**{**row, "flags": flags, "grounding": Grounding(row["grounding"])})


def _code_trust(
    trust: tuple[str, list[Document]], codebook: Codebook, names: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    code, documents = trust
    return {"codes": code_one_trust(code, documents, codebook, names)}


def _reason(result: dict[str, Any], seconds: float) -> str:
    error = result.get("error", "")
    if error == "ReaderTimeout":
        return (
            f"coding took longer than {seconds:g} s and was stopped: its fields are blank and "
            "flagged; check its replies by hand (or raise --timeout)"
        )
    if error in {"ReaderCrashed", "MemoryError"}:
        return "coding ran out of memory and was stopped: its fields are blank and flagged"
    return (
        f"coding failed ({error}: {result.get('message', '')}): its fields are blank and "
        "flagged; this is a bug in foi-audit, please report it"
    )
