"""The raw folder's files: what a run reads, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from foi_audit.errors import StoreError


@dataclass(frozen=True)
class RawFile:
    rel: str  # path relative to the raw folder, with forward slashes
    location: str  # the file's path as a string (a Path is made only when needed: 10,000 files)
    stat: tuple[int, int] | None  # (size, mtime_ns); None when it cannot be read

    @property
    def path(self) -> Path:
        return Path(self.location)


def list_raw_files(raw: Path, exclude: Sequence[str] = ()) -> list[RawFile]:
    """Every reply file under ``raw`` in a stable order, skipping our own and system files."""

    if not raw.is_dir():
        raise StoreError(f"{raw} is not a folder: put the replies in it or pass RAW_DIR")
    found: list[RawFile] = []
    for folder, subfolders, names in os.walk(raw):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]  # .git, .cache
        prefix = os.path.relpath(folder, raw).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in names:
            rel = prefix + name
            if name.startswith((".", "~$")) or name in {"Thumbs.db", "desktop.ini"}:
                continue  # hidden files, Office lock files and Windows litter
            if rel == "asked.csv" or any(fnmatch(rel, p) or fnmatch(name, p) for p in exclude):
                continue
            location = os.path.join(folder, name)
            try:
                info = os.stat(location)
                stat: tuple[int, int] | None = (info.st_size, info.st_mtime_ns)
            except OSError:
                stat = None  # a dangling link or a file gone: reported as a row
            found.append(RawFile(rel, location, stat))
    found.sort(key=lambda f: f.rel)
    return found


def iter_raw_files(raw: Path, exclude: Sequence[str] = ()) -> Iterator[Path]:
    """The paths of :func:`list_raw_files`."""
    return (f.path for f in list_raw_files(raw, exclude))
