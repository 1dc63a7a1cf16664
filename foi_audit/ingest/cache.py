"""The reader cache (extractions keyed by content hash), the text files, and the run lock."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from foi_audit.dataset.layout import Layout
from foi_audit.errors import StoreError
from foi_audit.fileio import atomic_write_text


@contextmanager
def run_lock(layout: Layout) -> Iterator[None]:
    """Hold an exclusive lock on processed/ for a run."""

    layout.processed.mkdir(parents=True, exist_ok=True)
    with (layout.processed / ".lock").open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"another foi-audit run is using {layout.processed}: wait for it to finish"
            ) from None
        yield


def remove_stale_temporaries(layout: Layout) -> None:
    """Half-written files a killed run left behind (atomic writes name them ``.NAME.*.tmp``)."""
    for folder in (layout.processed, layout.text_dir, layout.cache_dir):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                Path(entry.path).unlink(missing_ok=True)


def cache_get(layout: Layout, key: str) -> Any | None:
    path = layout.cache_dir / f"{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a missing or damaged cache entry just means "read again"


def cache_put(layout: Layout, key: str, value: Any) -> None:
    atomic_write_text(
        layout.cache_dir / f"{key}.json", json.dumps(value, ensure_ascii=False), durable=False
    )


def cache_prune(layout: Layout, keep: set[str]) -> int:
    """Delete cache entries no current file needs; returns how many went."""
    removed = 0
    if layout.cache_dir.exists():
        for entry in layout.cache_dir.glob("*.json"):
            if entry.stem not in keep:
                entry.unlink(missing_ok=True)
                removed += 1
    return removed


def clear_text(layout: Layout) -> None:
    """Remove the extracted-text files (they are rebuilt from the cache)."""
    if layout.text_dir.exists():
        for path in layout.text_dir.iterdir():
            path.unlink(missing_ok=True)
