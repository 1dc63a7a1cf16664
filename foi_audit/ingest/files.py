"""The raw folder's entries: what a run reads, in a stable order, and why it reads no other.

Every entry gets a :class:`RawFile`: a file to read, or one with a ``problem`` that becomes its
row's message (a named pipe, a link to itself or to nothing, a link out of the raw folder, a
folder that cannot be opened). Folders reached through links are followed once, inside the raw
folder only: a second way to a folder already read is a row saying where its files are.
Hidden entries (``.git``, ``.DS_Store``), Office lock files and Windows litter are skipped.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from foi_audit.errors import StoreError
from foi_audit.fileio import special_file_kind

_LITTER = frozenset({"Thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class RawFile:
    rel: str  # path relative to the raw folder, with forward slashes, always valid UTF-8
    location: str  # the file's path as a string (a Path is made only when needed: 10,000 files)
    stat: tuple[int, int] | None  # (size, mtime_ns); None when it cannot be read
    problem: str = ""  # why it is not read, found when listing (its row's message)
    read_elsewhere: str = ""  # a link to a folder read under this path (its row is a duplicate)
    note: str = ""  # said on its row although it is read (a file name that is not UTF-8)

    @property
    def path(self) -> Path:
        return Path(self.location)


def display_name(name: str) -> tuple[str, str]:
    """(name as shown, note): bytes that are not UTF-8 are shown as ``\\xe9`` with a note, so a
    name from an old Windows or Mac disk can be written to UTF-8 tables."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        return shown, (
            f"the file name is not UTF-8 text (shown as {shown}): rename the file to keep "
            "its name readable"
        )
    return name, ""


def list_raw_files(raw: Path, exclude: Sequence[str] = ()) -> list[RawFile]:
    """Every entry under ``raw`` in a stable order: files to read and files refused (with the
    reason), skipping hidden and system files."""
    if not raw.is_dir():
        raise StoreError(f"{raw} is not a folder: put the replies in it or pass RAW_DIR")
    root = os.path.realpath(raw)
    found: list[RawFile] = []
    visited: set[tuple[int, int]] = set()
    real_root = os.stat(raw)
    visited.add((real_root.st_dev, real_root.st_ino))
    folders: list[tuple[str, str]] = [(os.fspath(raw), "")]  # (location, rel prefix)
    linked: list[tuple[str, str]] = []  # folders reached through links: after the real ones
    while folders or linked:
        if not folders:
            linked.sort(key=lambda item: item[1])
            location, rel = linked.pop(0)
            found.extend(_follow(location, rel, root, visited, folders))
            continue
        location, prefix = folders.pop()
        try:
            entries = sorted(os.scandir(location), key=lambda e: e.name)
        except OSError as exc:
            found.append(_refused_folder(location, prefix, exc))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~$")) or name in _LITTER:
                continue  # hidden files and folders, Office lock files, Windows litter
            shown, note = display_name(name)
            rel = prefix + shown
            if rel == "asked.csv" or any(fnmatch(rel, p) or fnmatch(shown, p) for p in exclude):
                continue
            item = _entry(entry, rel, note, root, visited, folders, linked)
            if item is not None:
                found.append(item)
    found.sort(key=lambda f: f.rel)
    return found


def _entry(
    entry: os.DirEntry[str],
    rel: str,
    note: str,
    root: str,
    visited: set[tuple[int, int]],
    folders: list[tuple[str, str]],
    linked: list[tuple[str, str]],
) -> RawFile | None:
    try:
        if entry.is_symlink():
            return _link(entry.path, rel, note, root, linked)
        info = entry.stat(follow_symlinks=False)
    except OSError as exc:
        return RawFile(rel, entry.path, None, f"cannot open: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key not in visited:  # a bind mount can show one folder twice
            visited.add(key)
            folders.append((entry.path, rel + "/"))
        return None
    if not stat.S_ISREG(info.st_mode):
        kind = special_file_kind(info.st_mode)
        return RawFile(rel, entry.path, None, f"{kind}, not a file: not read")
    return RawFile(rel, entry.path, (info.st_size, info.st_mtime_ns), note=note)


def _link(
    location: str, rel: str, note: str, root: str, linked: list[tuple[str, str]]
) -> RawFile | None:
    try:
        info = os.stat(location)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            problem = "a link that leads back to itself (a loop): fix or remove the link"
        elif exc.errno in {errno.ENOENT, errno.ENOTDIR}:
            problem = "a link to a file that does not exist (a broken link): fix or remove it"
        else:
            problem = f"cannot follow the link: {exc.strerror or exc}"
        return RawFile(rel, location, None, problem)
    target = os.path.realpath(location)
    is_folder = stat.S_ISDIR(info.st_mode)
    if not _inside(target, root):
        what = "folder" if is_folder else "file"
        return RawFile(
            rel, location, None, f"a link to a {what} outside the raw folder: copy the {what} in"
        )
    if is_folder:
        linked.append((location, rel))
        return None
    if not stat.S_ISREG(info.st_mode):
        kind = special_file_kind(info.st_mode)
        return RawFile(rel, location, None, f"a link to {kind}, not a file: not read")
    return RawFile(rel, location, (info.st_size, info.st_mtime_ns), note=note)


def _follow(
    location: str,
    rel: str,
    root: str,
    visited: set[tuple[int, int]],
    folders: list[tuple[str, str]],
) -> list[RawFile]:
    """A folder reached through a link inside the raw folder: read once, under the link's path;
    a folder already read (by its own path, or a link back up the tree) is a row saying so."""
    try:
        info = os.stat(location)
    except OSError as exc:
        return [RawFile(rel, location, None, f"cannot follow the link: {exc.strerror or exc}")]
    key = (info.st_dev, info.st_ino)
    if key in visited:
        shown = os.path.relpath(os.path.realpath(location), root).replace(os.sep, "/")
        where = "the raw folder itself" if shown == "." else f"{display_name(shown)[0]}/"
        return [RawFile(rel, location, None, read_elsewhere=where)]
    visited.add(key)
    folders.append((location, rel + "/"))
    return []


def _refused_folder(location: str, prefix: str, exc: OSError) -> RawFile:
    if not prefix:  # the raw folder itself: nothing can be read
        raise StoreError(f"cannot open {location}: {exc.strerror or exc}; check its permissions")
    rel = prefix.rstrip("/")
    if isinstance(exc, PermissionError):
        problem = "a folder that cannot be opened (permission denied): check its permissions"
    else:
        problem = f"a folder that cannot be opened: {exc.strerror or exc}"
    return RawFile(rel, location, None, problem)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def iter_raw_files(raw: Path, exclude: Sequence[str] = ()) -> Iterator[Path]:
    """The paths of the files :func:`list_raw_files` reads."""
    return (f.path for f in list_raw_files(raw, exclude) if not f.problem and not f.read_elsewhere)
