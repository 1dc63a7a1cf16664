"""Nothing in ingest's main process is super-linear: 1 MB runs of one character per module.

Ingest's main process has no time limit (readers and coding run in workers that do), so what
runs there (matching, the reply dates, ingest's own bookkeeping, the readers of side files)
must stay linear on any input. Each module's entry point gets 1 MB runs of letters, digits,
spaces, dots, dashes and newlines, and rhythms that once found bugs ("1.1.1.", "a-a-a-"), with
the labels around them that its patterns look for (see tests/runs.py for the bound).
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest

from foi_audit.errors import InputError
from foi_audit.records import Block, BlockRole, Document, FileStatus, Match
from runs import REQUIRED, RHYTHMS, assert_runs_linear

pytestmark = pytest.mark.slow

KINDS = REQUIRED + RHYTHMS


def _document(text: str, headers: tuple[tuple[str, str], ...] = ()) -> Document:
    return Document(
        "reply.txt", "0" * 64, "txt", 1, len(text), False, FileStatus.OK,
        match=Match("RA9", "letterhead", 90.0), headers=headers,
        blocks=(Block("Torbay and South Devon NHS Foundation Trust", "p1", BlockRole.HEADER),
                Block(text, "p2")),
    )  # fmt: skip


def test_matching_is_linear_on_long_runs() -> None:
    from foi_audit.matching.matcher import match_group
    from foi_audit.register.trusts import load_register

    register = load_register()

    def match(text: str) -> object:
        return match_group([_document(text, (("From", text), ("Subject", text)))], register)

    assert_runs_linear(match, kinds=KINDS, contexts=[("Dear Sir,\n", "@nhs.net")])


def test_reply_dates_are_linear_on_long_runs() -> None:
    from foi_audit.requests.dates import find_dates

    def dates(text: str) -> object:
        return find_dates(_document(text, (("Date", text),)), frozenset({"policy"}))

    assert_runs_linear(
        dates,
        kinds=KINDS,
        contexts=[("Reply", "Published 2 December 2024"), ("Date of response:", "")],
    )


def test_ingest_main_process_is_linear_on_long_runs() -> None:
    """A whole ingest of one reply that is a 1 MB run: reading and coding are in workers with
    a 5 s limit, so whatever is left over is the main process's own work."""
    from foi_audit.dataset.layout import Layout
    from foi_audit.ingest.pipeline import IngestOptions, ingest

    def run(text: str) -> object:
        with tempfile.TemporaryDirectory() as folder:
            raw = Path(folder) / "raw"
            raw.mkdir()
            (raw / "RA9 reply.txt").write_text(text, encoding="utf-8")
            return ingest(Layout.from_dirs(raw), IngestOptions(jobs=1, timeout=5))

    assert_runs_linear(
        run, kinds=REQUIRED + ("digit and dot",), contexts=[("Torbay and South Devon NHS FT\n", "")]
    )


def test_side_file_readers_are_linear_on_long_runs() -> None:
    """mapping.csv, asked.csv and overrides.csv holding a 1 MB run (one cell, a million blank
    lines or empty columns): read, or refused with a clear error, in linear time."""
    from foi_audit.coding import load_codebook
    from foi_audit.dataset.mapping import load_mapping
    from foi_audit.dataset.overrides import load_overrides
    from foi_audit.register.trusts import load_register
    from foi_audit.requests.asked import load_asked

    register = load_register()
    codes = {t.code for t in register.trusts}
    codebook = load_codebook()

    def read_all(text: str) -> object:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "side.csv"
            path.write_text(text, encoding="utf-8")
            for load in (
                lambda: load_mapping(path, codes),
                lambda: load_asked(path, register),
                lambda: load_overrides(path, codebook),
            ):
                with contextlib.suppress(InputError):  # a 1 MB cell refused in one line: fine
                    load()
        return None

    assert_runs_linear(
        read_all,
        kinds=KINDS + ("tabs",),
        contexts=[
            ("trust_code,field,value,reviewer,date,reason,auto_value\nRA9,policy,", ",,,,"),
            ("path,trust_code\n", ",RA9\n"),
            ("trust_code,date_sent\nRA9,", "\n"),
        ],
        allowed=(InputError,),
    )


def test_page_furniture_under_a_rule_line_is_found_in_linear_time() -> None:
    """A rule line then thousands of whitespace lines took 29 s for 16 kB ("\\s*\\n\\s*")."""
    from foi_audit.matching.zones import zones_of

    def zones(text: str) -> object:
        document = _document("")
        blocks = (*document.blocks[:1], Block("Kind regards", "p2"), Block(text, "p3"))
        return zones_of(Document(**{**document.__dict__, "blocks": blocks}))

    assert_runs_linear(
        zones, kinds=("space and newline", "newlines", "spaces"), contexts=[("---", "")]
    )


def test_a_posts_owners_in_brackets_are_dropped_in_linear_time() -> None:
    """ "(AA&AA&...x" doubled in time with each repeat: exponential backtracking."""
    from foi_audit.coding.extractors import OWNERS_IN_BRACKETS

    assert_runs_linear(
        lambda text: OWNERS_IN_BRACKETS.sub("", text),
        kinds=("initials and ampersand", "capitals"),
        contexts=[("Chief Nurse (", "x"), ("Chief Nurse (", ")")],
    )


def test_another_subject_is_told_in_linear_time() -> None:
    """The word before each topic word was searched for in the whole text before it."""
    from foi_audit.coding import load_codebook
    from foi_audit.coding.compiled import compile_codebook
    from foi_audit.coding.questions import restated_question

    compiled = compile_codebook(load_codebook())
    assert_runs_linear(
        lambda text: restated_question(text, compiled),
        kinds=("word and space", "letters"),
        contexts=[("Is the ", " training mandatory?"), ("", " training policy lead?")],
    )
