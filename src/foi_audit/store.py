"""The only module that knows the on-disk layout.

``data/`` (the *data folder*) holds what people made and what the tool wrote::

    data/raw/                 replies as the trusts sent them (never modified)
    data/raw/asked.csv        who was asked and when (optional, made by people)
    data/mapping.csv          hand-made pins: file -> trust (survive re-ingest)
    data/overrides.csv        human review decisions (survive re-ingest)
    data/processed/           everything the tool writes (safe to delete and rebuild)
        documents.csv         one row per input file and attachment
        codes.csv             long coded values with evidence
        trusts.csv            one row per trust
        text/<id>.txt         extracted text with locators, for people
        text/<id>.json        the same blocks, for later stages
        cache/<sha256>.json   reader output keyed by content hash (re-ingest reads only changes)

Every file the tool writes goes through :func:`atomic_write_bytes`, so a run killed at any
moment leaves the previous version complete.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit.errors import StoreError

DOCUMENTS_COLUMNS = (
    "path", "sha256", "format", "pages", "chars", "ocr", "trust_code", "match_method",
    "match_score", "status", "message", "trust_name", "parent", "text_file",
)  # fmt: skip
CODES_COLUMNS = (
    "trust_code", "field", "value", "quote", "source", "locator", "confidence", "rule",
    "needs_review",
)  # fmt: skip

# Cells starting with these are run as formulas by spreadsheet programs (CSV injection).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """Prefix a quote so a spreadsheet shows text instead of running a formula.

    Plain negative numbers are left alone: they are data, not formulas.
    """
    if value and value.startswith(_FORMULA_PREFIXES):
        if value.startswith("-") and _is_number(value):
            return value
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``.

    ``durable=False`` skips the fsync, for files that are rebuilt when lost (cache, text).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        # mkstemp makes 0600 files; outputs are shared and committed, so use the usual mode.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable)


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """Render rows as CSV (LF line ends, UTF-8), neutralising formula-like cells."""
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise_cell(_cell(row.get(k, ""))) for k in columns})
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    atomic_write_text(path, csv_text(columns, rows))


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV written by people or by us; a clear error when it is missing."""
    if not path.exists():
        raise StoreError(f"{path} does not exist: run `foi-audit ingest` first")
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise StoreError(f"{path} is not a readable UTF-8 CSV ({exc}); fix or delete it") from exc


def unneutralise_cell(value: str) -> str:
    """Undo :func:`neutralise_cell` when reading our own CSVs back."""
    if value.startswith("'") and value[1:2] in _FORMULA_PREFIXES:
        return value[1:]
    return value


@dataclass(frozen=True)
class Layout:
    """Paths of one project's data folder."""

    raw: Path
    processed: Path

    @classmethod
    def from_dirs(cls, raw: Path | None = None, processed: Path | None = None) -> Layout:
        raw = raw or Path("data/raw")
        processed = processed or (raw.parent / "processed")
        return cls(raw=raw, processed=processed)

    @classmethod
    def around(cls, processed: Path) -> Layout:
        """The data folder around a processed folder: raw/ (asked.csv) and overrides.csv beside it."""
        return cls(raw=processed.parent / "raw", processed=processed)

    @property
    def data_dir(self) -> Path:
        return self.processed.parent

    @property
    def mapping_csv(self) -> Path:
        return self.data_dir / "mapping.csv"

    @property
    def overrides_csv(self) -> Path:
        return self.data_dir / "overrides.csv"

    @property
    def asked_csv(self) -> Path:
        return self.raw / "asked.csv"

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
    def text_dir(self) -> Path:
        return self.processed / "text"

    @property
    def cache_dir(self) -> Path:
        return self.processed / "cache"


def text_id(path: str, sha256: str) -> str:
    """A stable, filesystem-safe name for a document's text files."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in path.split(" > ")[-1])
    return f"{sha256[:12]}-{safe[:60]}"


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


# ---------------------------------------------------------------- one run at a time


@contextmanager
def run_lock(layout: Layout) -> Iterator[None]:
    """Hold an exclusive lock on processed/ for a run."""
    import fcntl

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


# ---------------------------------------------------------------- run manifest


def read_manifest(layout: Layout) -> dict[str, Any] | None:
    """What the last complete ingest saw (file sizes, times, hashes) and wrote."""
    try:
        data = json.loads((layout.processed / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(layout: Layout, manifest: dict[str, Any]) -> None:
    """Written last: a run killed before this point is simply redone next time."""
    atomic_write_text(layout.processed / "manifest.json", json.dumps(manifest, sort_keys=True))


def output_stats(layout: Layout) -> dict[str, list[int]]:
    """Size and modification time of every table in processed/, to notice edits or deletions."""
    found: dict[str, list[int]] = {}
    if layout.processed.is_dir():
        for path in sorted(layout.processed.glob("*.csv")):
            info = path.stat()
            found[path.name] = [info.st_size, info.st_mtime_ns]
    return found


# ---------------------------------------------------------------- reader cache


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
    from fnmatch import fnmatch

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


def clear_text(layout: Layout) -> None:
    """Remove the extracted-text files (they are rebuilt from the cache)."""
    if layout.text_dir.exists():
        for path in layout.text_dir.iterdir():
            path.unlink(missing_ok=True)
