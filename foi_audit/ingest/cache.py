"""The reader cache (extractions keyed by content hash), the text files, and the run lock."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from foi_audit.dataset.layout import Layout
from foi_audit.errors import StoreError
from foi_audit.fileio import atomic_write_text


@contextmanager
def run_lock(layout: Layout) -> Iterator[tuple[str, ...]]:
    """Hold an exclusive lock on processed/ for a run; yields notes for the user.

    A POSIX record lock (``lockf``) belongs to this process alone: the kernel drops it when the
    run ends in any way (kill -9 included), and worker processes never hold it. The lock file
    names its owner (pid, process start time, host, when), so a refusal says who holds it, and
    a lock left by a run that is gone is taken over with a note.
    """
    layout.processed.mkdir(parents=True, exist_ok=True)
    path = layout.processed / ".lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        previous = _read_owner(fd)
        notes: list[str] = []
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            held, supported = False, True
        except OSError as exc:
            # EACCES/EAGAIN: held. Anything else: no record locks on this folder (some network
            # and FUSE folders); the owner named in the file is then the only guard.
            held = supported = exc.errno in {errno.EACCES, errno.EAGAIN}
        owner_alive = previous is not None and _alive(previous)
        if (held and (previous is None or owner_alive)) or (not supported and owner_alive):
            who = (
                f" (pid {previous.get('pid', '?')}, started {previous.get('at', '?')})"
                if previous
                else ""
            )
            raise StoreError(
                f"another foi-audit run{who} is using {layout.processed}: wait for it to finish"
            )
        # Free, or held though its owner is gone (something it left behind holds the file).
        if previous is not None and previous.get("pid") != os.getpid():
            notes.append(
                f"the run started {previous.get('at', '?')} (pid {previous.get('pid', '?')}) "
                "stopped before it finished; its lock was taken over (its outputs were never "
                "completed: this run redoes them)"
            )
        _write_owner(fd, _me())
        try:
            yield tuple(notes)
        finally:
            _write_owner(fd, None)
    finally:
        os.close(fd)  # closing drops the record lock


def _me() -> dict[str, Any]:
    return {
        "pid": os.getpid(),
        "started": _start_time(os.getpid()),
        "host": socket.gethostname(),
        "at": dt.datetime.now().isoformat(timespec="seconds"),
    }


def _start_time(pid: int) -> str:
    """When a process started (clock ticks since boot, from /proc), to tell a reused pid from
    the original; blank where there is no /proc."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return fields[19].decode()
    except (OSError, IndexError):
        return ""


def _alive(owner: dict[str, Any]) -> bool:
    """Whether the run that wrote the lock file is still running (on another host: assume so)."""
    if owner.get("host") != socket.gethostname():
        return True
    pid = owner.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process with that pid: compare start times
    started = owner.get("started") or ""
    return not started or _start_time(pid) in {started, ""}


def _read_owner(fd: int) -> dict[str, Any] | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 4096).decode("utf-8")
        owner = json.loads(text) if text.strip() else None
    except (OSError, ValueError):
        return None
    return owner if isinstance(owner, dict) else None


def _write_owner(fd: int, owner: dict[str, Any] | None) -> None:
    with contextlib.suppress(OSError):  # a full disk must not stop the run here
        os.ftruncate(fd, 0)
        if owner is not None:
            os.pwrite(fd, json.dumps(owner).encode("utf-8"), 0)


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
    """Keep a reader's output; a cache that cannot be written (a full disk) only costs a
    re-read next run, and the outputs written at the end report the disk."""
    with contextlib.suppress(OSError):
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
