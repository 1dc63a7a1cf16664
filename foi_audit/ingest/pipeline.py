"""Ingest: read every raw file, match it to its trust, code each trust, write the outputs.

The CLI's ``ingest`` command is one call to :func:`ingest`. Per-file problems become rows in
``documents.csv``; only problems with the run itself (no raw folder) raise.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from foi_audit import __version__
from foi_audit.coding.codebook import default_codebook_path, load_codebook
from foi_audit.dataset.codes import (
    auto_value_changes,
    flag_unmatched_candidates,
    no_reply_codes,
    write_codes,
)
from foi_audit.dataset.documents import write_documents
from foi_audit.dataset.layout import (
    LAYOUT_KEY,
    Layout,
    output_stats,
    read_manifest,
    text_id,
    write_manifest,
)
from foi_audit.dataset.mapping import read_mapping
from foi_audit.dataset.overrides import changed_auto_values, load_overrides, overrides_notes
from foi_audit.dataset.study import MANIFEST_KEY, codebook_record
from foi_audit.dataset.trusts import TrustInputs, write_trusts
from foi_audit.errors import InputError, Interrupted, StoreError, StudyError
from foi_audit.fileio import atomic_write_text, read_regular_file, write_csv
from foi_audit.ingest.cache import (
    cache_get,
    cache_prune,
    cache_put,
    clear_text,
    remove_stale_temporaries,
    run_lock,
)
from foi_audit.ingest.coding import UNCODED, code_trusts
from foi_audit.ingest.extract import READER_VERSION, sha256_bytes
from foi_audit.ingest.files import RawFile, list_raw_files
from foi_audit.ingest.sheets import coding_sheet_header
from foi_audit.ingest.stages import (
    ReadThenMatch,
    StageCache,
    documents_from_nodes,
    stages_fingerprint,
)
from foi_audit.ingest.workers import Limits, run_tasks
from foi_audit.matching.names import name_index
from foi_audit.matching.references import file_match, link_files
from foi_audit.records import Document, FileStatus, Match
from foi_audit.register.trusts import Register, load_register
from foi_audit.requests.asked import asked_notes, load_asked
from foi_audit.requests.dates import (
    DATES_COLUMNS,
    date_rows,
    topic_words,
)
from foi_audit.requests.dates import to_row as dates_row

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
    stage = _Stage()
    try:
        with run_lock(layout) as lock_notes:
            result = _ingest(layout, options, files, progress, stage)
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
class _Stage:
    """How far a run got, to say what state the outputs are in when it stops early."""

    writing: bool = False

    def outputs_state(self, layout: Layout) -> str:
        if not self.writing:
            return f"nothing was written, earlier outputs in {layout.processed} kept"
        return (
            f"the outputs in {layout.processed} may mix this run and the last; "
            "run ingest again to finish (it starts over)"
        )


def _ingest(
    layout: Layout,
    options: IngestOptions,
    files: list[RawFile],
    progress: ProgressFn | None,
    stage: _Stage,
) -> IngestResult:
    rels = [f.rel for f in files]
    stats = {f.rel: f.stat for f in files}
    signature = _run_signature(layout, options)
    manifest = read_manifest(layout)
    if not options.replace:
        _refuse_other_outputs(layout, manifest, rels)
    if _unchanged(layout, manifest, files, signature):
        # Nothing an output depends on has changed: report the previous run.
        if progress:
            progress(len(files), len(files), "")
        return _previous_result(layout, manifest or {}, options.codebook)
    remove_stale_temporaries(layout)  # what a killed run left half-written
    if manifest and manifest.get("signature", {}).get("readers") != READER_VERSION:
        clear_text(layout)  # text files are named by content, not by reader version
    known_sha = {
        rel: entry[2]
        for rel, entry in (manifest or {}).get("files", {}).items()
        if rel in stats and stats[rel] is not None and list(stats[rel] or ()) == entry[:2]
    }

    register = load_register()
    mapping = read_mapping(layout.mapping_csv, {t.code for t in register.trusts})
    pins = mapping.pins
    codebook = load_codebook(options.codebook)  # a broken codebook stops the run before reading
    asked = load_asked(layout.asked_csv, register)  # so do broken side files
    overrides = load_overrides(layout.overrides_csv, codebook, {t.code for t in register.trusts})
    notes = (
        *mapping.notes,
        *asked_notes(layout.asked_csv),
        *overrides_notes(layout.overrides_csv),
        *_unused_pins(pins, files),
    )
    stage_cache = StageCache(layout, signature["stages"], topic_words(codebook))
    read = ReadThenMatch(register, stage_cache.fingerprint, stage_cache.topic_words)
    extractions, from_cache = _extract_all(layout, files, options, known_sha, progress, read)
    for extraction in extractions.values():
        stage_cache.adopt(extraction.pop("stages", {}))
    if progress:
        progress(len(files), len(files), "matching, coding and writing")

    documents: list[Document] = []
    first_by_sha: dict[str, Document] = {}
    matched_groups: list[list[Document]] = []
    for rel in rels:
        group = documents_from_nodes(rel, extractions[rel])
        top = group[0]
        if top.status is FileStatus.DUPLICATE:  # a link to a folder read under another path
            documents.append(top)
            continue
        original = first_by_sha.get(top.sha256) if top.sha256 else None
        if original is not None and original.status is FileStatus.ERROR:
            # A copy of an unreadable file is just as unreadable: keep it visible as an error.
            documents.append(
                replace(
                    top,
                    status=FileStatus.ERROR,
                    message=f"{original.message} (same content as {original.path})",
                )
            )
            continue
        if original is not None:
            documents.append(
                replace(
                    top,
                    status=FileStatus.DUPLICATE,
                    blocks=(),
                    match=original.match,
                    duplicate_of=original.path,
                    message=f"same content as {original.path}; read once",
                )
            )
            continue
        pinned = top.path in pins or top.sha256 in pins
        sheet = () if pinned else coding_sheet_header(top, codebook.field_names)
        if sheet and top.status is FileStatus.OK:
            documents.append(replace(top, status=FileStatus.SKIPPED, message=_sheet_note(sheet)))
            continue
        group = _match_group(group, register, pins, stage_cache)
        first_by_sha.setdefault(group[0].sha256, group[0])
        matched_groups.append(group)
        documents.extend(group)
    documents = _link_groups(documents, matched_groups)

    found = date_rows(documents, stage_cache.dates)  # reply dates, for trusts.csv
    coding = code_trusts(documents, register, codebook, options, layout)
    coded, uncoded = coding.values, coding.uncoded
    coded += no_reply_codes(
        (a.trust_code for a in asked or []), {c.trust_code for c in coded}, codebook
    )
    coded = flag_unmatched_candidates(coded, documents, codebook)
    override_notes = tuple(c.describe() for c in changed_auto_values(coded, overrides, codebook))

    stage.writing = True  # from here an interruption can leave old and new outputs side by side
    _write_text(layout, documents)
    write_documents(layout, documents, register)
    write_csv(layout.dates_csv, DATES_COLUMNS, (dates_row(row) for row in found))
    write_codes(layout, coded, codebook)
    trusts = write_trusts(layout, TrustInputs(coded, overrides, asked, found), register, codebook)
    top_shas = {rel: extractions[rel]["nodes"][0]["sha256"] for rel in rels}
    cache_prune(
        layout,
        {_cache_key(sha) for sha in top_shas.values() if sha} | coding.keys | stage_cache.keys,
    )
    counts = Counter(str(d.status) for d in documents)
    problems = [
        [str(d.status), d.path, d.message]
        for d in documents
        if d.status in {FileStatus.ERROR, FileStatus.UNMATCHED, FileStatus.OUT_OF_SCOPE}
    ] + [[UNCODED, f"trust {code}", message] for code, message in uncoded]
    write_manifest(
        layout,
        {
            "signature": signature,
            "files": {
                rel: [*stat, top_shas[rel]]
                for rel in rels
                if (stat := stats[rel]) is not None and top_shas[rel]
            },
            "refused": {f.rel: f.problem or f.read_elsewhere for f in files if f.stat is None},
            "outputs": output_stats(layout),
            MANIFEST_KEY: codebook_record(codebook),  # what later commands read the data with
            LAYOUT_KEY: layout.record(),  # where later commands find asked, pins, overrides
            "trusts": trusts,
            "documents": len(documents),
            "counts": dict(sorted(counts.items())),
            "problems": problems,
            "notes": list(notes),
        },
    )
    return IngestResult(
        files=len(files),
        documents=len(documents),
        counts=tuple(sorted(counts.items())),
        problems=tuple(Problem(*p) for p in problems),
        read_from_cache=from_cache,
        trusts=trusts,
        matched_now=stage_cache.decided,
        coded_now=coding.coded_now,
        override_notes=override_notes,
        notes=notes,
    )


def _sheet_note(fields: Sequence[str]) -> str:
    return (
        f"a coding sheet, not a reply (its header names the fields {', '.join(fields[:4])}"
        f"{' ...' if len(fields) > 4 else ''}): skipped; pin it in mapping.csv if it is a reply"
    )


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


def _unused_pins(pins: dict[str, str], files: Sequence[RawFile]) -> tuple[str, ...]:
    """Pins in mapping.csv whose path names no file here (a typo, or a file moved)."""
    paths = {f.rel for f in files}
    return tuple(
        f"mapping.csv pins {key} to {code}, but there is no such file: check the path"
        for key, code in sorted(pins.items())
        if len(key) != 64 and key not in paths
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


def _cache_key(sha: str) -> str:
    return f"{sha}-v{READER_VERSION}"


def _extract_all(
    layout: Layout,
    files: Sequence[RawFile],
    options: IngestOptions,
    known_sha: dict[str, str],
    progress: ProgressFn | None,
    read: ReadThenMatch,
) -> tuple[dict[str, dict[str, Any]], int]:
    """Extractions keyed by relative path: from the cache when the content is unchanged.
    A file read now comes with its match and dates (``"stages"``), made in the worker."""
    results: dict[str, dict[str, Any]] = {}
    todo: list[tuple[str, tuple[str, tuple[str, int, str, int]]]] = []
    shas: dict[str, str] = {}
    total = len(files)
    done = from_cache = 0
    for raw_file in files:
        rel, location = raw_file.rel, raw_file.location
        try:
            if raw_file.read_elsewhere:
                results[rel] = {"nodes": [_link_node(raw_file.read_elsewhere)]}
                raise _Listed
            if raw_file.problem or raw_file.stat is None:
                raise InputError(raw_file.problem or "cannot open the file: check it is readable")
            size = raw_file.stat[0]
            if size > options.max_bytes:
                raise InputError(
                    f"{size / 1e6:.1f} MB is over the {options.max_bytes / 1e6:.0f}"
                    " MB limit: raise --max-size if this file is genuine"
                )
            # Never blocks: a file replaced by a named pipe since listing is refused.
            sha = known_sha.get(rel) or sha256_bytes(read_regular_file(location))
        except _Listed:
            sha = ""
        except (OSError, InputError) as exc:
            message = str(exc) if isinstance(exc, InputError) else f"cannot open: {exc.strerror}"
            results[rel] = {"nodes": [_error_node("", message)]}
            sha = ""
        if not sha:
            done += 1
            if progress:
                progress(done, total, rel)
            continue
        shas[rel] = sha
        cached = cache_get(layout, _cache_key(sha))
        if cached is not None:
            results[rel] = cached
            done += 1
            from_cache += 1
            if progress:
                progress(done, total, rel)
        else:
            # A scanned file's pages are OCR'd side by side on every core the run may use.
            name = rel.rsplit("/", 1)[-1]
            todo.append((rel, (rel, (location, options.max_bytes, name, options.jobs))))
    limits = Limits(seconds=options.timeout, memory_mb=options.memory_mb)
    if todo:
        name_index(read.register)  # built once here, shared with the workers by fork
    for rel, result in run_tasks(read, todo, options.jobs, limits):
        if "nodes" not in result:  # the worker itself failed: timeout, crash
            node = _error_node(shas[rel], result["message"])
            node["error"] = result.get("error", "ReadError")
            result = {"nodes": [node]}
        elif all(node["error"] != "NeedsOcr" for node in result["nodes"]):
            # NeedsOcr is not cached: installing tesseract should make the next run read it.
            cache_put(
                layout,
                _cache_key(result["nodes"][0]["sha256"]),
                {k: v for k, v in result.items() if k != "stages"},
            )
        results[rel] = result
        done += 1
        if progress:
            progress(done, total, rel)
    for raw_file in files:
        if raw_file.note:  # read, but something about it to say (a name that is not UTF-8)
            node = results[raw_file.rel]["nodes"][0]
            node["warnings"] = [raw_file.note, *node["warnings"]]
    return results, from_cache


class _Listed(Exception):
    """The entry's row was settled when the folder was listed."""


def _link_node(where: str) -> dict[str, Any]:
    node = _error_node("", f"a link to {where}, whose files are read there: not read again")
    node.update(error="", status=str(FileStatus.DUPLICATE), format="folder link")
    return node


def _error_node(sha: str, message: str) -> dict[str, Any]:
    return {
        "rel": "",
        "sha256": sha,
        "format": "",
        "units": 0,
        "ocr": False,
        "blocks": [],
        "headers": [],
        "warnings": [],
        "error": "ReadError",
        "message": message,
    }


def _match_group(
    group: list[Document],
    register: Register,
    pins: dict[str, str],
    stage_cache: StageCache,
) -> list[Document]:
    """One trust for a file and all its attachments (a covering email and its attachment)."""
    top = group[0]
    pinned = pins.get(top.path) or pins.get(top.sha256)
    if pinned and register.get(pinned) is None:
        # A pin to a code outside the register: this file's error, not the run's.
        message = (
            f"mapping.csv pins this file to {pinned}, which is not an ODS code in the register; "
            "see `foi-audit register --search NAME`"
        )
        return [
            replace(d, status=FileStatus.ERROR, message=message) if d is top else d for d in group
        ]
    if pinned:
        match = Match(pinned, "mapping", 100.0, "pinned in mapping.csv", (pinned,))
    else:
        match = stage_cache.match_of(group, register)
    return [_with_match(document, match) for document in group]


def _with_match(document: Document, match: Match) -> Document:
    """A document with its file's match, and the status that follows from it."""
    status = document.status
    message = document.message
    if status in {FileStatus.UNMATCHED, FileStatus.OUT_OF_SCOPE}:
        status, message = FileStatus.OK, ""  # matched again (linked by reference)
    if status is FileStatus.OK and match.method == "out_of_scope":
        status = FileStatus.OUT_OF_SCOPE
        message = match.message
    elif status is FileStatus.OK and not match.trust_code:
        status = FileStatus.UNMATCHED
        message = "; ".join(m for m in (match.message, message) if m)
    return replace(document, match=match, status=status, message=message)


def _link_groups(documents: list[Document], groups: list[list[Document]]) -> list[Document]:
    """Files sharing an FOI reference (or named by a reply) take the trust of those matched."""
    files = [file_match(g, g[0].match) for g in groups if g[0].status is not FileStatus.ERROR]
    changed = link_files(files)
    if not changed:
        return documents
    linked = []
    for document in documents:
        top = document.path.split(" > ")[0]
        key = document.duplicate_of or top
        new = changed.get(key)
        if new is None or document.status is FileStatus.ERROR:
            linked.append(document)
        elif document.status is FileStatus.DUPLICATE:
            linked.append(replace(document, match=new))
        else:
            linked.append(_with_match(document, new))
    return linked


def _write_text(layout: Layout, documents: Sequence[Document]) -> None:
    """Extracted text for people (.txt) and later stages (.json), one pair per document.

    Names hold the content hash, so an existing pair is already right (the folder is cleared
    when the readers change). Not fsynced: these files are rebuilt from the cache if lost.
    """
    wanted = set()
    existing = {p.name for p in layout.text_dir.iterdir()} if layout.text_dir.exists() else set()
    for document in documents:
        if not document.blocks:
            continue
        name = text_id(document.path, document.sha256)
        wanted.update({f"{name}.txt", f"{name}.json"})
        if f"{name}.txt" in existing and f"{name}.json" in existing:
            continue
        lines = [f"# {document.path}", f"# sha256 {document.sha256}", ""]
        for block in document.blocks:
            role = f" ({block.role})" if block.role != "body" else ""
            lines.extend((f"[{block.locator}]{role}", block.text, ""))
        blocks = [
            [b.text, b.locator, str(b.role), *([list(b.unsure)] if b.unsure else [])]
            for b in document.blocks
        ]
        atomic_write_text(
            layout.text_dir / f"{name}.json",
            json.dumps(
                {"path": document.path, "sha256": document.sha256, "blocks": blocks},
                ensure_ascii=False,
                indent=1,
            ),
            durable=False,
        )
        atomic_write_text(layout.text_dir / f"{name}.txt", "\n".join(lines), durable=False)
    for old in existing - wanted:
        (layout.text_dir / old).unlink(missing_ok=True)
