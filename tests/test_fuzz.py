"""A bounded, seeded mutation fuzz of ingest: broken replies never break a run.

312 mutants of the reader fixtures (byte flips, truncation, corrupted zip members, broken MIME,
long runs of one character, NUL bytes, right-to-left and zero-width text, splices, odd file
names) are ingested through the real command line in six batches. For each batch: exit code 0
or 1, no traceback, a row per file, nothing written outside the output folder, and the raw
files and side files (mapping.csv, overrides.csv, asked.csv) unchanged. Same seed, same mutants.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from foi_audit.ingest.files import display_name

pytestmark = pytest.mark.slow

SEED = 14
BATCHES = 6
PER_BATCH = 52  # 312 mutants in all
READERS = Path(__file__).parent / "fixtures" / "readers"
SOURCES = (
    "answers.csv", "bad_charset.eml", "disclosure_log.html", "disclosure_log.ods",
    "html_only.eml", "legacy_word.doc", "letter_with_table.pdf", "notes_cp1252.txt",
    "outlook_reply.msg", "plain_letter_blank_page.pdf", "reply.odt", "reply.rtf",
    "reply_with_attachments.eml", "reply_with_table.docx", "response_template.xlsx",
    "truncated.pdf",
)  # fmt: skip
TEXT_REPLY = (
    b"Torbay and South Devon NHS Foundation Trust\nFreedom of Information response\n"
    b"Date of response: 2 December 2024\n\nDear requester,\n\n1. Does the Trust have a policy?\n"
    b"Answer: Yes, a dedicated policy.\n\nYours sincerely,\nFOI team, foi@torbay.nhs.uk\n"
)
RUNS = (b"x", b"1", b" ", b".", b"-", b"\n", b"1.", b"a-", b"@")
ODD_TEXT = ("\u202e", "\u200b", "\ufeff", "\u200f", "\x00", "\r\n", "\r")
ODD_NAMES = (
    "rtl \u202etxt.pdf", "cr\rname.txt", "zero\u200bwidth.docx", "[bold]markup[red.txt",
    "-leading dash.eml", "nl\nname.txt", "spaces   .pdf",
)  # fmt: skip


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(max(1, len(data)))]


def _zip_member(rng: random.Random, data: bytes) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = source.infolist()
    except zipfile.BadZipFile:
        return _flip(rng, data)
    target = rng.choice(members).filename
    how = rng.choice(("garbage", "truncate", "flip", "drop", "xml"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for item in members:
            content = source.read(item.filename)
            if item.filename == target:
                if how == "drop":
                    continue
                content = {
                    "garbage": lambda c: rng.randbytes(rng.randint(0, 400)),
                    "truncate": lambda c: c[: rng.randrange(max(1, len(c)))],
                    "flip": lambda c: _flip(rng, c),
                    "xml": lambda c: c.replace(b">", b">" + b"\xe2\x80\xae" * 3, 5),
                }[how](content)
            written.writestr(item.filename, content)
    return out.getvalue()


def _mime(rng: random.Random, data: bytes) -> bytes:
    how = rng.choice(("boundary", "charset", "base64", "headers", "nesting"))
    if how == "boundary":
        return data.replace(b"boundary=", b"boundary=x", 1).replace(b"--", b"-", 3)
    if how == "charset":
        return data.replace(b"charset=", b"charset=no-such-", 1)
    if how == "base64":
        cut = data.find(b"base64")
        return data[: cut + rng.randint(40, 400)] if cut >= 0 else _truncate(rng, data)
    if how == "headers":
        return b"Content-Type: multipart/mixed\r\n" * 50 + data
    return b"Content-Type: message/rfc822\r\n\r\n" * 30 + data


def _long_run(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    run = rng.choice(RUNS)
    return data[:at] + run * (rng.randint(20_000, 120_000) // len(run)) + data[at:]


def _odd_text(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.choice(ODD_TEXT).encode("utf-8")
    return bytes(out)


def _splice(rng: random.Random, data: bytes) -> bytes:
    other = (READERS / rng.choice(SOURCES)).read_bytes()
    return data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1) :]


MUTATORS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    _flip, _truncate, _zip_member, _mime, _long_run, _odd_text, _splice,
)  # fmt: skip


def _mutants(rng: random.Random, count: int) -> dict[str, bytes]:
    """``count`` mutants named by index (a few with hostile names), each from a random source."""
    found: dict[str, bytes] = {}
    while len(found) < count:
        source = rng.choice((*SOURCES, "reply.txt"))
        data = TEXT_REPLY if source == "reply.txt" else (READERS / source).read_bytes()
        mutate = rng.choice(MUTATORS)
        if source.endswith((".docx", ".xlsx", ".odt", ".ods")) and rng.random() < 0.5:
            mutate = _zip_member
        if source.endswith(".eml") and rng.random() < 0.5:
            mutate = _mime
        for _ in range(rng.choice((1, 1, 2))):
            data = mutate(rng, data)
        suffix = Path(source).suffix
        name = f"mutant {len(found):03d} {mutate.__name__.strip('_')}{suffix}"
        if rng.random() < 0.05:
            name = f"{len(found):03d} {rng.choice(ODD_NAMES)}"
        elif rng.random() < 0.03:
            name = os.fsdecode(f"{len(found):03d} caf".encode() + b"\xe9" + suffix.encode())
        found[name] = data
    return found


def _snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every file under ``root`` outside ``skip`` and its hash."""
    seen = {}
    for folder, _, names in os.walk(root):
        if Path(folder).is_relative_to(skip):
            continue
        for name in names:
            path = Path(folder) / name
            seen[os.fsencode(path.relative_to(root)).hex()] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return seen


def _side_files(data: Path) -> None:
    (data / "mapping.csv").write_text("path,trust_code\nmutant 000 flip.csv,RA9\n")
    (data / "overrides.csv").write_text(
        "trust_code,field,value,reviewer,date,reason,auto_value\n"
        "RA9,policy,dedicated,Ana,2025-01-10,checked,dedicated\n"
    )
    (data / "raw" / "asked.csv").write_text(
        "trust_code,date_sent\nRA9,2024-11-01\nRBK,2024-11-01\nRGT,2024-11-01\n"
    )


@pytest.mark.parametrize("batch", range(BATCHES))
def test_fuzzed_replies_never_break_a_run(tmp_path: Path, batch: int) -> None:
    rng = random.Random(f"{SEED}-{batch}")
    data = tmp_path / "data"
    raw = data / "raw"
    raw.mkdir(parents=True)
    mutants = _mutants(rng, PER_BATCH)
    for name, content in mutants.items():
        (raw / name).write_bytes(content)
    _side_files(data)
    out = data / "processed"
    before = _snapshot(tmp_path, out)

    done = subprocess.run(
        [sys.executable, "-m", "foi_audit", "ingest", str(raw), "--jobs", "2", "--timeout", "10"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
        capture_output=True,
        timeout=300,
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err, err
    with (out / "documents.csv").open(newline="", encoding="utf-8") as handle:
        tops = {row["path"] for row in csv.DictReader(handle) if not row["parent"]}
    assert tops == {display_name(name)[0] for name in mutants}, "a file without its row"
    # Raw files, side files and everything else outside the output folder: untouched.
    assert _snapshot(tmp_path, out) == before
