"""Ingest: read every raw file, match it to its trust, code each trust, write the outputs.

The CLI's ``ingest`` command is one call to :func:`ingest`. Per-file problems become rows in
``documents.csv``; only problems with the run itself (no raw folder) raise. This module decides
whether anything changed since the last run (cheaply: a re-run with nothing changed answers at
once); ``ingest.run`` holds the stages.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from foi_audit import __version__
from foi_audit.coding.codebook import default_codebook_path
from foi_audit.dataset.layout import (
    LAYOUT_KEY,
    Layout,
    output_stats,
    read_manifest,
    write_manifest,
)
from foi_audit.dataset.study import MANIFEST_KEY
from foi_audit.errors import Interrupted, StoreError, StudyError
from foi_audit.fileio import read_regular_file, sha256_bytes
from foi_audit.ingest.cache import run_lock
from foi_audit.ingest.files import RawFile, list_raw_files
from foi_audit.ingest.signature import READER_VERSION, stages_fingerprint
from foi_audit.records import FileStatus

UNCODED = "not coded"  # the status of a trust whose coding stopped, in the run's problems

ProgressFn = Callable[[int, int, str], None]  # (done, total, current file)


@dataclass(frozen=True)
class IngestOptions:
    jobs: int = os.cpu_count() or 1
    timeout: float = 120.0  # seconds per file
    memory_mb: int = 2048  # per worker
    max_bytes: int = 200_000_000
    exclude: tuple[str, ...] = ()
    codebook: Path | None = None
    replace: bool = False  # replace outputs that another raw folder made


@dataclass(frozen=True)
class Problem:
    """A file that was not read, or not matched to a trust."""

    status: str
    path: str
    message: str


@dataclass(frozen=True)
class IngestResult:
    files: int  # top-level files seen
    documents: int  # files and their attachments
    counts: tuple[tuple[str, int], ...]  # (status, documents with it)
    problems: tuple[Problem, ...]
    read_from_cache: int
    trusts: int
    unchanged: bool = False  # nothing changed since the last run: its outputs stand
    matched_now: int = 0  # files matched in this run (the rest kept their cached match)
    coded_now: int = 0  # trusts coded in this run (the rest kept their cached values)
    override_notes: tuple[str, ...] = ()  # reviewed values whose automatic value has changed
    notes: tuple[str, ...] = ()  # things the user should know (a pin that matches no file)

    def count(self, status: FileStatus) -> int:
        return dict(self.counts).get(str(status), 0)

    @property
    def errors(self) -> int:
        return self.count(FileStatus.ERROR)

    @property
    def unmatched(self) -> int:
        return self.count(FileStatus.UNMATCHED)

    @property
    def uncoded(self) -> int:
        """Trusts whose coding stopped (time limit, crash): their fields are blank and flagged."""
        return sum(1 for p in self.problems if p.status == UNCODED)

    @property
    def exit_code(self) -> int:
        """0 when every file was read (and coded), 1 when some were not."""
        return 1 if self.errors or self.uncoded else 0


def ingest(
    layout: Layout, options: IngestOptions = IngestOptions(), progress: ProgressFn | None = None
) -> IngestResult:
    """Read, match and code every file under ``layout.raw``; write the outputs atomically.

    Ctrl-C (or SIGTERM turned into KeyboardInterrupt by the CLI) becomes :class:`Interrupted`,
    and an output that cannot be written (a full disk) a :class:`StoreError`, each saying what
    state the outputs are in.
    """
    files = list_raw_files(layout.raw, options.exclude)  # fails early on a bad folder
    if not files:
        # Most likely the wrong folder: writing empty outputs would wipe the last run's.
        raise StoreError(
            f"no reply files found under {layout.raw}: nothing ingested, earlier outputs kept"
        )
    stage = Stage()
    try:
        with run_lock(layout) as lock_notes:
            result = _check_then_run(layout, options, files, progress, stage)
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted: {stage.outputs_state(layout)}") from None
    except OSError as exc:
        if exc.errno not in _DISK_ERRORS:
            raise
        raise StoreError(
            f"cannot write in {layout.processed}: {exc.strerror}; free some space (or fix the "
            f"folder's permissions) and run ingest again: {stage.outputs_state(layout)}"
        ) from exc
    return replace(result, notes=(*lock_notes, *result.notes)) if lock_notes else result


# Writing the outputs failed for a reason the user can fix: full disk, quota, read-only folder.
_DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG}


@dataclass
class Stage:
    """How far a run got, to say what state the outputs are in when it stops early."""

    writing: bool = False

    def outputs_state(self, layout: Layout) -> str:
        if not self.writing:
            return f"nothing was written, earlier outputs in {layout.processed} kept"
        return (
            f"the outputs in {layout.processed} may mix this run and the last; "
            "run ingest again to finish (it starts over)"
        )


def _check_then_run(
    layout: Layout,
    options: IngestOptions,
    files: list[RawFile],
    progress: ProgressFn | None,
    stage: Stage,
) -> IngestResult:
    rels = [f.rel for f in files]
    signature = _run_signature(layout, options)
    manifest = read_manifest(layout)
    if not options.replace:
        _refuse_other_outputs(layout, manifest, rels)
    if _unchanged(layout, manifest, files, signature):
        # Nothing an output depends on has changed: report the previous run.
        if progress:
            progress(len(files), len(files), "")
        return _previous_result(layout, manifest or {}, options.codebook)
    # The stages themselves are imported only now: a re-run with nothing changed does not pay
    # for them.
    from foi_audit.ingest.run import run_stages

    return run_stages(layout, options, files, progress, stage, signature, manifest)


def _refuse_other_outputs(
    layout: Layout, manifest: dict[str, Any] | None, rels: Sequence[str]
) -> None:
    """Outputs made from another raw folder are another study's (or another wave's): never
    replaced silently, since their review decisions and pins may sit beside them."""
    if not manifest:
        return
    before = Layout.recorded(layout.processed, manifest)
    if isinstance(manifest.get(LAYOUT_KEY), dict):
        if before.raw.resolve() == layout.raw.resolve():
            return
        made_by = f"the replies in {os.path.normpath(before.raw)}"
    else:  # a folder from before the layout was recorded: judge by the files it read
        previous = set(manifest.get("files", {})) | set(manifest.get("refused", {}))
        if not previous or previous & set(rels):
            return
        made_by = f"{len(previous)} other files"
    raise StudyError(
        f"{os.path.normpath(layout.processed)} holds the outputs of {made_by}, not of "
        f"{os.path.normpath(layout.raw)}: write these elsewhere (--out DIR, or a study of their "
        "own: `foi-audit init`, then --study DIR), or pass --replace to replace those outputs"
    )


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns)


def _run_signature(layout: Layout, options: IngestOptions) -> dict[str, Any]:
    """Everything besides the raw files that the outputs depend on."""

    def sig(path: Path | None) -> list[int] | None:
        found = _stat(path) if path else None
        return list(found) if found else None

    return {
        "version": __version__,
        "today": dt.date.today().isoformat(),  # timeliness (overdue/awaiting) moves with the date
        "readers": READER_VERSION,
        # An upgrade of the stages after reading (matching, coding, the register, dates) runs
        # them again even when no file changed; the readers' own cache stands.
        "stages": stages_fingerprint(),
        "codebook": str(options.codebook or ""),
        "inputs": {
            "codebook": sig(options.codebook or default_codebook_path()),
            "mapping": sig(layout.mapping_csv),
            "asked": sig(layout.asked_csv),
            "overrides": sig(layout.overrides_csv),
        },
        "exclude": list(options.exclude),
        "max_bytes": options.max_bytes,
        "places": layout.record(),
    }


def _unchanged(
    layout: Layout,
    manifest: dict[str, Any] | None,
    files: list[RawFile],
    signature: dict[str, Any],
) -> bool:
    """True when no input changed; a file touched but with the same bytes counts as unchanged."""
    if not manifest or manifest.get("signature") != signature or "counts" not in manifest:
        return False
    if MANIFEST_KEY not in manifest:
        return False  # written before runs recorded their codebook: record it now
    previous = manifest.get("files", {})
    refused = {f.rel: f.problem or f.read_elsewhere for f in files if f.stat is None}
    if manifest.get("refused", {}) != refused:
        return False  # an entry refused (a broken link) or no longer refused
    readable = [f for f in files if f.stat is not None]
    if len(previous) != len(readable) or any(f.rel not in previous for f in readable):
        return False
    if not manifest.get("outputs") or manifest["outputs"] != output_stats(layout):
        return False
    touched = [f for f in readable if list(f.stat or ()) != previous[f.rel][:2]]
    if not touched:
        return True
    if len(touched) > 50:
        return False  # many touched files: a full run is as cheap as hashing them here
    for raw_file in touched:
        try:
            sha = sha256_bytes(read_regular_file(raw_file.location))
        except OSError:
            return False
        if raw_file.stat is None or sha != previous[raw_file.rel][2]:
            return False
        previous[raw_file.rel] = [*raw_file.stat, sha]
    write_manifest(layout, manifest)  # remember the new times, so no re-hash next run
    return True


def _previous_result(
    layout: Layout, manifest: dict[str, Any], codebook: Path | None
) -> IngestResult:
    """The last run's result as its manifest recorded it (nothing was read again)."""
    notes: tuple[str, ...] = ()
    if layout.overrides_csv.exists():  # the codebook is costly to load: only when needed
        from foi_audit.coding.codebook import load_codebook
        from foi_audit.dataset.codes import auto_value_changes

        notes = tuple(c.describe() for c in auto_value_changes(layout, load_codebook(codebook)))
    files = len(manifest.get("files", {})) + len(manifest.get("refused", {}))
    return IngestResult(
        files=files,
        documents=int(manifest.get("documents", 0)),
        counts=tuple(sorted(manifest.get("counts", {}).items())),
        problems=tuple(Problem(*p) for p in manifest.get("problems", [])),
        read_from_cache=len(manifest.get("files", {})),
        trusts=int(manifest.get("trusts", 0)),
        unchanged=True,
        override_notes=notes,
        notes=tuple(manifest.get("notes", ())),
    )
