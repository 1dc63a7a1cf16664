"""The codebook a run was coded with: recorded by ingest in ``processed/manifest.json``.

Every later command (summary, explain, tables, report, review, evaluate, sample, agreement)
reads the data with that codebook unless it is given another one, so another study's data never
fall back to the built-in study's fields.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit.coding.codebook import Codebook, default_codebook_path, load_codebook
from foi_audit.dataset.layout import Layout, read_manifest
from foi_audit.errors import CodebookError

MANIFEST_KEY = "codebook"


@dataclass(frozen=True)
class StudyCodebook:
    codebook: Codebook
    warnings: tuple[str, ...] = ()  # one line each, for the command to show


def codebook_record(codebook: Codebook) -> dict[str, Any]:
    """What ingest writes into the manifest: where the codebook is and what it held.

    The built-in codebook is recorded as such, so an installation moved elsewhere still finds
    it (and a changed one is noticed by its hash).
    """
    path = Path(codebook.source).resolve()
    return {
        "path": str(path),
        "sha256": codebook.sha256,
        "builtin": path == default_codebook_path().resolve(),
    }


def study_codebook(layout: Layout, explicit: Path | None = None) -> StudyCodebook:
    """``explicit`` when given; else the codebook ingest recorded; else the built-in one (data
    ingested before the codebook was recorded, or written by hand)."""
    if explicit is not None:
        return StudyCodebook(load_codebook(explicit))
    record = (read_manifest(layout) or {}).get(MANIFEST_KEY)
    if not isinstance(record, dict) or not record.get("path"):
        return StudyCodebook(load_codebook())
    manifest = layout.manifest_json
    path = default_codebook_path() if record.get("builtin") else Path(str(record["path"]))
    try:
        data = path.read_bytes()
    except OSError:
        raise CodebookError(
            f"{path}, the codebook {manifest} says these data were coded with, is gone: "
            "pass --codebook FILE or ingest again"
        ) from None
    warnings: tuple[str, ...] = ()
    if hashlib.sha256(data).hexdigest() != record.get("sha256"):
        warnings = (
            f"{path} has changed since these data were coded (sha256 in {manifest}): "
            "ingest again to code them with it",
        )
    # The very file ingest coded with (and checked): its patterns need no second check.
    return StudyCodebook(load_codebook(path, check_patterns=bool(warnings)), warnings)


def load_study_codebook(layout: Layout, explicit: Path | None = None) -> Codebook:
    """:func:`study_codebook` without its warnings (for library callers)."""
    return study_codebook(layout, explicit).codebook
