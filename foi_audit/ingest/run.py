"""The stages of an ingest run after its check for changes: read (in workers, with each file's
match, dates and its trust coded ahead), join files into trusts, code each trust the workers
could not code ahead (in workers), write the outputs."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from foi_audit.coding.codebook import load_codebook
from foi_audit.coding.compiled import compile_codebook
from foi_audit.dataset.codes import flag_unmatched_candidates, no_reply_codes, write_codes
from foi_audit.dataset.documents import write_documents
from foi_audit.dataset.layout import LAYOUT_KEY, Layout, output_stats, text_id, write_manifest
from foi_audit.dataset.mapping import read_mapping
from foi_audit.dataset.overrides import changed_auto_values, load_overrides, overrides_notes
from foi_audit.dataset.study import MANIFEST_KEY, codebook_record
from foi_audit.dataset.trusts import TrustInputs, write_trusts
from foi_audit.errors import InputError
from foi_audit.fileio import atomic_write_text, read_regular_file, sha256_bytes, write_csv
from foi_audit.ingest.cache import (
    cache_get,
    cache_prune,
    cache_put,
    clear_text,
    remove_stale_temporaries,
)
from foi_audit.ingest.coding import CodeAhead, code_trusts, study_id
from foi_audit.ingest.extract import blank_node
from foi_audit.ingest.files import RawFile
from foi_audit.ingest.pipeline import (
    UNCODED,
    IngestOptions,
    IngestResult,
    Problem,
    ProgressFn,
    Stage,
)
from foi_audit.ingest.sheets import coding_sheet_header
from foi_audit.ingest.signature import READER_VERSION
from foi_audit.ingest.stages import (
    STAGES_FILE,
    ReadThenMatch,
    StageCache,
    documents_from_nodes,
    with_match,
)
from foi_audit.ingest.workers import Limits, run_tasks
from foi_audit.matching.names import name_index
from foi_audit.matching.references import file_match, link_files
from foi_audit.records import Document, FileStatus, Match
from foi_audit.register.names import own_names
from foi_audit.register.trusts import Register, load_register
from foi_audit.requests.asked import asked_notes, load_asked
from foi_audit.requests.dates import DATES_COLUMNS, date_rows, topic_words
from foi_audit.requests.dates import to_row as dates_row


def run_stages(
    layout: Layout,
    options: IngestOptions,
    files: list[RawFile],
    progress: ProgressFn | None,
    stage: Stage,
    signature: dict[str, Any],
    manifest: dict[str, Any] | None,
) -> IngestResult:
    """Read, match and code every file, then write the outputs (the run's signature and the
    last run's manifest already read: something changed since)."""
    rels = [f.rel for f in files]
    stats = {f.rel: f.stat for f in files}
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
    names = {t.code: own_names(t) for t in register.trusts}
    compile_codebook(codebook)  # once, before the workers fork: each would compile it again
    ahead = CodeAhead(
        codebook, names, options.timeout, study_id(codebook), *_files_per_trust(names)
    )
    read = ReadThenMatch(
        register, stage_cache.fingerprint, stage_cache.topic_words, frozenset(pins), ahead
    )
    extractions, from_cache = _extract_all(layout, files, options, known_sha, progress, read)
    coded_ahead: dict[str, Any] = {}
    for extraction in extractions.values():
        stage_cache.adopt(extraction.pop("stages", {}))
        coded_ahead.update(extraction.pop("coded", {}))
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
    documents = _link_groups(documents, matched_groups, stage_cache)

    found = date_rows(documents, stage_cache.dates)  # reply dates, for trusts.csv
    coding = code_trusts(
        documents, register, codebook, options, layout, stage_cache.text_hash, coded_ahead
    )
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
    stage_cache.save()
    cache_prune(
        layout,
        {_cache_key(sha) for sha in top_shas.values() if sha} | coding.keys | {STAGES_KEEP},
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


def _files_per_trust(names: dict[str, Any]) -> tuple[Any, dict[str, int]]:
    """A counter per trust shared with the forked workers (``CodeAhead.seen``), and each
    trust's place in it; no counter where processes are not forked."""
    if not hasattr(os, "fork"):
        return None, {}
    seen = mp.get_context("fork").Array("i", len(names))
    return seen, {code: index for index, code in enumerate(names)}


def _sheet_note(fields: Sequence[str]) -> str:
    return (
        f"a coding sheet, not a reply (its header names the fields {', '.join(fields[:4])}"
        f"{' ...' if len(fields) > 4 else ''}): skipped; pin it in mapping.csv if it is a reply"
    )


def _unused_pins(pins: dict[str, str], files: Sequence[RawFile]) -> tuple[str, ...]:
    """Pins in mapping.csv whose path names no file here (a typo, or a file moved)."""
    paths = {f.rel for f in files}
    return tuple(
        f"mapping.csv pins {key} to {code}, but there is no such file: check the path"
        for key, code in sorted(pins.items())
        if len(key) != 64 and key not in paths
    )


STAGES_KEEP = STAGES_FILE.removesuffix(".json")


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
                {k: v for k, v in result.items() if k not in {"stages", "coded"}},
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
    return blank_node("", sha, "ReadError", message)


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
    return [with_match(document, match) for document in group]


def _link_groups(
    documents: list[Document], groups: list[list[Document]], stage_cache: StageCache
) -> list[Document]:
    """Files sharing an FOI reference (or named by a reply) take the trust of those matched."""
    files = [
        file_match(g, g[0].match, stage_cache.linking(g))
        for g in groups
        if g[0].status is not FileStatus.ERROR
    ]
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
            linked.append(with_match(document, new))
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
