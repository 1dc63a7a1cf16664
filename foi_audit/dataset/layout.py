"""The on-disk layout of a study's data folder: where every input and output lives.

``data/`` (the *data folder*) holds what people made and what the tool wrote::

    data/raw/                 replies as the trusts sent them (never modified)
    data/raw/asked.csv        who was asked and when (optional, made by people)
    data/mapping.csv          hand-made pins: file -> trust (survive re-ingest)
    data/overrides.csv        human review decisions (survive re-ingest)
    data/processed/           everything the tool writes (safe to delete and rebuild)
        documents.csv         one row per input file and attachment
        codes.csv             long coded values with evidence
        trusts.csv            one row per trust
        dates.csv             reply dates found per document (request side)
        text/<id>.txt         extracted text with locators, for people
        text/<id>.json        the same blocks, for later stages
        cache/<sha256>.json   reader output keyed by content hash (re-ingest reads only changes)
        manifest.json         what the last complete ingest saw and wrote, and the codebook
                              it coded with (path and sha256)

Each table has one module that owns its columns and its row <-> record mapping:
``dataset.documents``, ``dataset.codes``, ``dataset.trusts``, ``dataset.overrides``,
``dataset.mapping``, and on the request side ``requests.asked`` and ``requests.dates``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit.fileio import atomic_write_text
from foi_audit.records import Block, BlockRole


@dataclass(frozen=True)
class Layout:
    """Paths of one study's data: replies, side files made by people, outputs.

    Outside a study folder the side files sit beside processed/ (asked.csv in raw/); a
    study's ``foi-audit.toml`` may put each anywhere (``asked``, ``mapping``, ``overrides``).
    """

    raw: Path
    processed: Path
    asked: Path | None = None
    mapping: Path | None = None
    overrides: Path | None = None
    study: Path | None = None  # the foi-audit.toml these paths come from

    @classmethod
    def from_dirs(cls, raw: Path | None = None, processed: Path | None = None) -> Layout:
        raw = raw or Path("data/raw")
        processed = processed or (raw.parent / "processed")
        return cls(raw=raw, processed=processed)

    @classmethod
    def around(cls, processed: Path) -> Layout:
        """The layout that made a processed folder, as its manifest recorded it; for a folder
        from before that record, raw/ (asked.csv) and the side files beside it."""
        return cls.recorded(processed, read_manifest(cls(processed / "raw", processed)))

    @classmethod
    def recorded(cls, processed: Path, manifest: dict[str, Any] | None) -> Layout:
        """:meth:`around`, from a manifest already read."""
        recorded = (manifest or {}).get(LAYOUT_KEY)
        if isinstance(recorded, dict) and isinstance(recorded.get("raw"), str):

            def where(key: str) -> Path | None:
                value = recorded.get(key)
                return _from_processed(processed, value) if isinstance(value, str) else None

            return cls(
                raw=_from_processed(processed, recorded["raw"]),
                processed=processed,
                asked=where("asked"),
                mapping=where("mapping"),
                overrides=where("overrides"),
                study=where("study"),
            )
        return cls(raw=processed.parent / "raw", processed=processed)

    def record(self) -> dict[str, str]:
        """Where this run's inputs are, relative to processed/ (so a study moved as a whole
        still finds them): written into the manifest for every later command."""
        found = {
            "raw": self.raw,
            "asked": self.asked_csv,
            "mapping": self.mapping_csv,
            "overrides": self.overrides_csv,
            "study": self.study,
        }
        return {key: _to_processed(self.processed, p) for key, p in found.items() if p}

    @property
    def data_dir(self) -> Path:
        return self.processed.parent

    @property
    def mapping_csv(self) -> Path:
        return self.mapping or self.data_dir / "mapping.csv"

    @property
    def overrides_csv(self) -> Path:
        return self.overrides or self.data_dir / "overrides.csv"

    @property
    def asked_csv(self) -> Path:
        return self.asked or self.raw / "asked.csv"

    @property
    def documents_csv(self) -> Path:
        return self.processed / "documents.csv"

    @property
    def codes_csv(self) -> Path:
        return self.processed / "codes.csv"

    @property
    def trusts_csv(self) -> Path:
        return self.processed / "trusts.csv"

    @property
    def dates_csv(self) -> Path:
        return self.processed / "dates.csv"  # reply dates found per document (requests)

    @property
    def manifest_json(self) -> Path:
        return self.processed / "manifest.json"

    @property
    def text_dir(self) -> Path:
        return self.processed / "text"

    @property
    def cache_dir(self) -> Path:
        return self.processed / "cache"


LAYOUT_KEY = "layout"  # the manifest's record of the inputs' places


def _to_processed(processed: Path, path: Path) -> str:
    try:
        return Path(os.path.relpath(path.absolute(), processed.absolute())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return str(path.absolute())


def _from_processed(processed: Path, recorded: str) -> Path:
    return Path(os.path.normpath(processed / recorded))


def text_id(path: str, sha256: str) -> str:
    """A stable, filesystem-safe name for a document's text files."""
    name = path.split(" > ")[-1][:60]  # characters map one to one: cut first
    return f"{sha256[:12]}-{''.join(c if c.isalnum() or c in '-_.' else '_' for c in name)}"


def read_text_blocks(layout: Layout, text_file: str) -> list[tuple[str, str, str]]:
    """A document's blocks (text, locator, role) from the .json beside documents.csv's
    ``text_file`` (.txt); empty when it is missing or unreadable (context is a convenience)."""
    if not text_file:
        return []
    path = (layout.processed / text_file).with_suffix(".json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [(str(b[0]), str(b[1]), str(b[2])) for b in data.get("blocks", [])]
    except (OSError, ValueError, TypeError, IndexError, AttributeError):
        return []


def read_blocks(layout: Layout, text_file: str) -> list[Block]:
    """A document's blocks as the readers made them (with OCR's unsure words)."""
    if not text_file:
        return []
    path = (layout.processed / text_file).with_suffix(".json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            Block(str(b[0]), str(b[1]), BlockRole(b[2]), tuple(b[3]) if len(b) > 3 else ())
            for b in data.get("blocks", [])
        ]
    except (OSError, ValueError, TypeError, IndexError, AttributeError):
        return []


def read_manifest(layout: Layout) -> dict[str, Any] | None:
    """What the last complete ingest saw (file sizes, times, hashes) and wrote."""
    try:
        data = json.loads(layout.manifest_json.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(layout: Layout, manifest: dict[str, Any]) -> None:
    """Written last: a run killed before this point is simply redone next time."""
    atomic_write_text(layout.manifest_json, json.dumps(manifest, sort_keys=True))


def output_stats(layout: Layout) -> dict[str, list[int]]:
    """Size and modification time of every table in processed/, to notice edits or deletions."""
    found: dict[str, list[int]] = {}
    if layout.processed.is_dir():
        for path in sorted(layout.processed.glob("*.csv")):
            info = path.stat()
            found[path.name] = [info.st_size, info.st_mtime_ns]
    return found
