"""Files written safely: atomic replacement, and CSVs that spreadsheets cannot run as formulas.

Every file the tool writes goes through :func:`atomic_write_bytes`, so a run killed at any
moment leaves the previous version complete.
"""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import io
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit.errors import InputError, StoreError

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
    """Render rows as CSV (LF line ends, UTF-8), neutralising formula-like cells.

    A cell holding a carriage return is quoted like one holding a line feed: the csv module
    quotes only the characters of its line terminator, so such a row is written with "\r\n"
    and its ending swapped for "\n" (a file name with a CR must not split its row). Every
    other row is written as it is, in one pass (10,000 replies' rows, one by one, took a second).
    """
    buffer = io.StringIO()
    plain = csv.writer(buffer, lineterminator="\n")
    single = io.StringIO()
    with_cr = csv.writer(single, lineterminator="\r\n")
    for cells in (
        list(columns),
        *([neutralise_cell(_cell(row.get(k, ""))) for k in columns] for row in rows),
    ):
        if any("\r" in cell for cell in cells):
            single.seek(0)
            single.truncate()
            with_cr.writerow(cells)
            buffer.write(single.getvalue()[:-2] + "\n")
        else:
            plain.writerow(cells)
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


@dataclass(frozen=True)
class CsvTable:
    """A CSV as read: its rows, its header and what was done to read it (an encoding or a
    separator other than UTF-8 and commas), to tell the user in one line each."""

    rows: list[dict[str, str]]
    header: tuple[str, ...]
    notes: tuple[str, ...] = ()
    lines: tuple[int, ...] = ()  # the line each row starts on (blank lines are skipped)

    def numbered(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line number, row) pairs, for errors that name the line."""
        return zip(self.lines, self.rows, strict=True)

    def require(self, path: Path, *columns: str, example: str = "") -> None:
        """Stop with the missing column named (and the header found) unless all are there."""
        missing = [c for c in columns if c not in self.header]
        if missing:
            found = ", ".join(repr(h) for h in self.header) or "nothing"
            hint = f"; the first line should be like: {example}" if example else ""
            raise InputError(
                f"{path}: no {', '.join(missing)} column (the first line has {found}){hint}"
            )


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV written by people or by us; a clear error when it is missing."""
    return read_table(path).rows


def read_table(path: Path) -> CsvTable:
    """A CSV saved by us, a text editor or Excel: UTF-8 (with or without BOM), UTF-16 (Excel's
    "Unicode Text", with BOM), or Windows-1252 (Excel's "CSV" on Windows) with a note; commas,
    or semicolons or tabs when the header has no comma, with a note. Every problem is one
    line naming the file, the line and how to re-save it."""
    if not path.exists():
        raise StoreError(f"{path} does not exist: run `foi-audit ingest` first")
    try:
        data = read_regular_file(path)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    text, notes = _decode(path, data)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(
            f"{path} line {line} holds a NUL character (an invisible \\x00): retype that line "
            f"or re-save the file as {_RESAVE}"
        )
    first = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first:
        for other, name in ((";", "semicolons"), ("\t", "tabs")):
            if other in first:
                delimiter = other
                notes.append(f"{path} is separated by {name}, not commas: read that way")
                break
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: tuple[str, ...] = ()
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    start = 1
    try:
        for cells in reader:
            if not header:
                header = tuple(cell.strip() for cell in cells)
            elif any(cell.strip() for cell in cells):  # not a blank line (Excel adds ",,,")
                rows.append(
                    {name: cells[i] if i < len(cells) else "" for i, name in enumerate(header)}
                )
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            f"{path} line {reader.line_num}: not a readable CSV row ({exc}); "
            f"check that line or re-save the file as {_RESAVE}"
        ) from exc
    return CsvTable(rows, header, tuple(notes), tuple(lines))


_RESAVE = "CSV UTF-8 (in Excel: File > Save As > CSV UTF-8 (Comma delimited))"


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path} is damaged UTF-16 text (at byte {exc.start}): re-save it as {_RESAVE}"
            ) from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        bad = exc
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4:
        try:  # UTF-16 without its byte-order mark: every other byte is zero
            return data.decode("utf-16-le" if data[1] == 0 else "utf-16-be"), []
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, bad.start) + 1
        column = bad.start - (data.rfind(b"\n", 0, bad.start) + 1) + 1
        raise InputError(
            f"{path} line {line} is not UTF-8 text (byte 0x{data[bad.start]:02x} at column "
            f"{column}): re-save the file as {_RESAVE}"
        ) from bad
    line = data.count(b"\n", 0, bad.start) + 1
    return text, [
        f"{path} is not UTF-8 (line {line} first): read as Windows-1252, as Excel saves "
        f'"CSV" on Windows; re-save it as {_RESAVE} if accents look wrong'
    ]


def read_regular_file(path: Path | str) -> bytes:
    """A regular file's bytes; anything else (a FIFO, a device, a folder) is refused at once
    instead of blocking: opened non-blocking, checked, then read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(special_file_kind(info.st_mode))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)


class NotARegularFile(OSError):
    """A path names a FIFO, socket, device or folder where a file was expected."""

    def __init__(self, kind: str) -> None:
        super().__init__(errno.EINVAL, f"{kind}, not a file")


def special_file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def visible(text: str) -> str:
    """``text`` for a one-line message: invisible and control characters shown as escapes
    ("RJZ\\x00"), so a stray NUL or zero-width space cannot hide in an error."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def unneutralise_cell(value: str) -> str:
    """Undo :func:`neutralise_cell` when reading our own CSVs back."""
    if value.startswith("'") and value[1:2] in _FORMULA_PREFIXES:
        return value[1:]
    return value


def sha256_bytes(data: bytes) -> str:
    """A content hash, as every cache and manifest of the project names files."""
    return hashlib.sha256(data).hexdigest()
