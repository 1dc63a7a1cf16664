"""Per-file work after reading (a file's match, each document's dates): done in the worker
that read the file, and kept between runs.

A re-run after one file changed must cost about that file, not the study: a file's match
depends only on its own documents (paths, content, statuses), the register, the matcher and
the codebook's topic words; a document's dates only on itself and those words. Both are cached
under a key made of exactly those inputs (the code of the stages included, so an upgrade redoes
them). What joins files (shared FOI references, pins, duplicates) is recomputed every run from
these per-file results: it is cheap, and it keeps an incremental run's outputs byte-identical
to a cold run's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass, field, replace
from typing import Any

from foi_audit.dataset.layout import Layout
from foi_audit.fileio import atomic_write_text
from foi_audit.ingest.extract import extract_file
from foi_audit.ingest.signature import READER_VERSION
from foi_audit.matching.matcher import match_group
from foi_audit.matching.references import FileLinks, file_links
from foi_audit.records import Block, BlockRole, Document, FileStatus, Match
from foi_audit.register.trusts import Register
from foi_audit.requests.dates import KIND_RANK, FoundDate, find_dates


def documents_from_nodes(rel: str, extraction: dict[str, Any]) -> list[Document]:
    """A file and its attachments as documents (unmatched), from the reader's output."""
    documents = []
    for node in extraction["nodes"]:
        path = f"{rel} > {node['rel']}" if node["rel"] else rel
        parent = path.rsplit(" > ", 1)[0] if node["rel"] else ""
        blocks = tuple(
            Block(item[0], item[1], BlockRole(item[2]), tuple(item[3]) if len(item) > 3 else ())
            for item in node["blocks"]
        )
        message = node["message"] or "; ".join(node["warnings"])
        documents.append(
            Document(
                path=path,
                sha256=node["sha256"],
                format=node["format"],
                units=node["units"],
                chars=sum(len(b.text) for b in blocks),
                ocr=node["ocr"],
                status=FileStatus(node.get("status") or ("error" if node["error"] else "ok")),
                message=message,
                blocks=blocks,
                headers=tuple((k, v) for k, v in node["headers"]),
                parent=parent,
            )
        )
    return documents


STAGES_FILE = "stages.json"  # in the cache folder: every per-file stage result, in one file


@dataclass
class StageCache:
    """Matches, dates, references and text hashes for one run: in memory, in the study's
    cache (``layout``: one file, read once and written once, so a re-run after one change
    does not open a small file per reply), and handed over by the workers. ``keys`` are the
    entries this run used (only they are written back); ``fresh`` those a worker computed, to
    send back."""

    layout: Layout | None
    fingerprint: str
    topic_words: frozenset[str]
    keys: set[str] = field(default_factory=set)
    fresh: dict[str, Any] = field(default_factory=dict)
    decided: int = 0  # files matched in this run, here or in a worker (not from the cache)
    _known: dict[str, Any] = field(default_factory=dict)
    _dates: dict[tuple[str, str], list[FoundDate]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # what every key shares, hashed once
        self._base = hashlib.sha256()
        self._base.update(f"{self.fingerprint}\0{READER_VERSION}\0".encode())
        self._base.update(json.dumps(sorted(self.topic_words)).encode())
        if self.layout is not None:
            self._known = _read_store(self.layout)

    def save(self) -> None:
        """Keep the entries this run used (a file that cannot be written only costs a re-match
        next run)."""
        if self.layout is None:
            return
        entries = {key: self._known[key] for key in sorted(self.keys) if key in self._known}
        with contextlib.suppress(OSError):
            atomic_write_text(
                self.layout.cache_dir / STAGES_FILE,
                json.dumps({"entries": entries}, ensure_ascii=False, separators=(",", ":")),
                durable=False,
            )

    def _key(self, kind: str, payload: Any) -> str:
        digest = self._base.copy()
        digest.update(repr(payload).encode())  # lists of strings: repr is exact, and fast
        key = f"{kind}-{digest.hexdigest()[:40]}"
        self.keys.add(key)
        return key

    def _get(self, key: str) -> Any:
        return self._known.get(key)

    def _put(self, key: str, value: Any) -> None:
        self._known[key] = value
        if self.layout is None:  # in a worker: sent back to the main process, which keeps it
            self.fresh[key] = value

    def text_hash(self, document: Document) -> str:
        """A hash of a document's blocks as read (kept: hashing every reply's text cost a
        second at 10,000 replies on every run)."""
        key = self._key("text", [document.path, document.sha256, str(document.status)])
        found = self._get(key)
        if isinstance(found, str):
            return found
        value = block_hash(document.blocks)
        self._put(key, value)
        return value

    def linking(self, group: Sequence[Document]) -> FileLinks:
        """What links a file to others: its references and titles (kept, like its match)."""
        key = self._key("links", [[d.path, d.sha256, str(d.status)] for d in group])
        found = self._get(key)
        if isinstance(found, list) and len(found) == 2:
            with contextlib.suppress(TypeError):
                return FileLinks(tuple(found[0]), tuple(found[1]))
        links = file_links(group)
        self._put(key, [list(links.references), list(links.titles)])
        return links

    def adopt(self, entries: dict[str, Any]) -> None:
        """Entries a worker computed for a file it read."""
        for key, value in entries.items():
            self._put(key, value)
            self.decided += key.startswith("match-")

    def match_of(self, group: Sequence[Document], register: Register) -> Match:
        """The match of a file and its attachments (``group[0]`` is the file), from the cache
        when its documents are the same as when it was last decided."""
        key = self._key("match", [[d.path, d.sha256, str(d.status)] for d in group])
        found = self._get(key)
        if isinstance(found, list):
            try:
                return _match_from_json(found)
            except (TypeError, ValueError):
                pass  # a damaged entry: decided again
        match = self._decide(group, register)
        self.decided += 1
        self._put(key, _match_to_json(match))
        return match

    def _decide(self, group: Sequence[Document], register: Register) -> Match:
        return match_group(group, register, reply_date=self._reply_date(group))

    def _reply_date(self, group: Sequence[Document]) -> str | None:
        """The date the trust wrote (email Date header, "Date of response", the letter's date)."""
        found = [
            item
            for document in group
            if document.status is FileStatus.OK
            for item in self.dates(document)
            if item.role != "other"
        ]
        if not found:
            return None
        return min(found, key=lambda item: KIND_RANK[item.kind]).date

    def dates(self, document: Document) -> list[FoundDate]:
        """Every candidate date in one document, for its current trust."""
        memo = (document.path, document.sha256)
        if memo not in self._dates:
            self._dates[memo] = self._dates_unmatched(document)
        trust = document.match.trust_code
        return [replace(d, trust_code=trust) for d in self._dates[memo]]

    def _dates_unmatched(self, document: Document) -> list[FoundDate]:
        key = self._key("dates", [document.path, document.sha256, str(document.status)])
        found = self._get(key)
        if isinstance(found, list):
            try:
                return [FoundDate(*row) for row in found]
            except TypeError:
                pass  # a damaged entry: read again
        dates = find_dates(replace(document, match=Match("", "none", 0.0)), self.topic_words)
        self._put(key, [list(astuple(d)) for d in dates])
        return dates


def with_match(document: Document, match: Match) -> Document:
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


@dataclass(frozen=True)
class ReadThenMatch:
    """A worker's task: read a file, then match it and find its dates while it is at hand
    (``(rel, reader argument)`` -> the reader's output, plus ``"stages"``: the cache
    entries made). Matching here runs beside reading on every core, under the file's time
    limit; files read in an earlier run are matched in the main process, from the cache when
    their match is kept. A pinned file is not matched (its pin decides), and a matcher that
    fails never costs the reading: the main process matches that file again.

    ``ahead`` codes the file's trust as if the file were its only reply (``"coded"``: values
    by coding key, from :class:`foi_audit.ingest.coding.CodeAhead`); the main process uses
    them for each trust whose documents turn out to be just these, and codes the rest."""

    register: Register
    fingerprint: str
    topic_words: frozenset[str]
    pinned: frozenset[str] = frozenset()  # paths and content hashes pinned in mapping.csv
    ahead: Callable[[Sequence[Document], float], dict[str, Any]] | None = None

    def __call__(self, arg: tuple[str, Any]) -> dict[str, Any]:
        started = time.monotonic()
        rel, reader_arg = arg
        result = extract_file(reader_arg)
        if rel in self.pinned or result["nodes"][0]["sha256"] in self.pinned:
            return result
        stage = StageCache(None, self.fingerprint, self.topic_words)
        try:
            group = documents_from_nodes(rel, result)
            match = stage.match_of(group, self.register)
            for document in group:
                if document.status is FileStatus.OK:
                    stage.dates(document)
        except Exception:  # a matcher bug: the reading stands, the main process matches again
            return result
        found = {**result, "stages": stage.fresh}
        if self.ahead is not None and match.trust_code:
            matched = [with_match(document, match) for document in group]
            found["coded"] = self.ahead(matched, time.monotonic() - started)
        return found


def block_hash(blocks: Sequence[Block]) -> str:
    """Everything of a document's blocks the engine reads, as one hash."""
    text = hashlib.sha256()
    for block in blocks:
        text.update("\0".join((block.text, block.locator, str(block.role), *block.unsure)).encode())
        text.update(b"\1")
    return text.hexdigest()


def _read_store(layout: Layout) -> dict[str, Any]:
    try:
        entries = json.loads((layout.cache_dir / STAGES_FILE).read_text(encoding="utf-8"))
        return dict(entries["entries"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # no store yet, or a damaged one: everything is decided again


def _match_to_json(match: Match) -> list[Any]:
    return [list(v) if isinstance(v, tuple) else v for v in astuple(match)]


def _match_from_json(row: list[Any]) -> Match:
    code, method, score, message, candidates, also, evidence = row
    if not all(isinstance(v, str) for v in (code, method, message)):
        raise TypeError("not a match")
    return Match(
        code, method, float(score), message, tuple(candidates), tuple(also), tuple(evidence)
    )
