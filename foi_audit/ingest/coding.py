"""Code each trust's replies in worker processes, under the same limits as the readers.

The coding engine reads a trust's whole replies with many patterns, and a hostile reply (a
million blank lines) can make one of them super-linear: in the main process nothing could stop
it and the whole run would hang. So each trust is coded in a worker (:func:`run_tasks`: the
per-file time limit for each of its documents and the per-worker memory limit, the worker
killed and replaced when over). A trust whose coding stops keeps
every field blank and flagged ``not_coded`` with the reason, the run goes on, and the result
lists it as a problem (exit code 1).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from foi_audit.coding import code_one_trust, documents_by_trust
from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.codes import not_coded_values
from foi_audit.ingest.workers import Limits, run_tasks
from foi_audit.records import CodedValue, Document, FileStatus
from foi_audit.register.names import own_names
from foi_audit.register.trusts import Register

if TYPE_CHECKING:
    from foi_audit.ingest.pipeline import IngestOptions

UNCODED = "not coded"  # the status of a trust whose coding stopped, in the run's problems


def code_trusts(
    documents: Sequence[Document],
    register: Register,
    codebook: Codebook,
    options: IngestOptions,
) -> tuple[list[CodedValue], list[tuple[str, str]]]:
    """Every matched trust's coded values (in trust order, as the engine gives them), and the
    trusts whose coding stopped, each with the reason."""
    # a joint reply is in each of its trusts' lists
    by_trust = documents_by_trust([d for d in documents if d.status is FileStatus.OK])
    names = {t.code: own_names(t) for t in register.trusts}
    task = partial(_code_trust, codebook=codebook, names=names)
    limits = Limits(seconds=options.timeout, memory_mb=options.memory_mb)
    # The per-file limit for each of the trust's files: a trust with many replies is not cut.
    seconds = {code: options.timeout * len(docs) for code, docs in by_trust.items()}
    tasks = [(code, (code, docs)) for code, docs in sorted(by_trust.items())]
    results = dict(run_tasks(task, tasks, options.jobs, limits, seconds))
    coded: list[CodedValue] = []
    uncoded: list[tuple[str, str]] = []
    for code in sorted(by_trust):
        result = results[code]
        if "codes" in result:
            coded.extend(result["codes"])
            continue
        reason = _reason(result, seconds[code])
        coded.extend(not_coded_values(code, codebook, reason))
        uncoded.append((code, reason))
    return coded, uncoded


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
