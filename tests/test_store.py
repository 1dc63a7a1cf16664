from __future__ import annotations

import csv
from pathlib import Path

import pytest

from foi_audit.dataset.layout import text_id
from foi_audit.errors import StoreError
from foi_audit.fileio import (
    atomic_write_text,
    neutralise_cell,
    read_csv,
    unneutralise_cell,
    write_csv,
)
from foi_audit.ingest.files import iter_raw_files


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("-12.5", "-12.5"),
        ("plain text", "plain text"),
        ("", ""),
    ],
)
def test_neutralise_cell(cell: str, expected: str) -> None:
    assert neutralise_cell(cell) == expected
    assert unneutralise_cell(neutralise_cell(cell)) == cell


def test_write_csv_is_atomic_and_neutralised(tmp_path: Path) -> None:
    target = tmp_path / "out" / "x.csv"
    write_csv(target, ("a", "b"), [{"a": "=1+1", "b": True}, {"a": 2.5, "b": None}])
    rows = list(csv.reader(target.open()))
    assert rows == [["a", "b"], ["'=1+1", "true"], ["2.5", ""]]
    assert [p.name for p in target.parent.iterdir()] == ["x.csv"]  # no temp files left


def test_read_csv_missing_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="foi-audit ingest"):
        read_csv(tmp_path / "nope.csv")


def test_iter_raw_files_skips_system_and_own_files(tmp_path: Path) -> None:
    for name in ["b.pdf", "a/c.docx", ".DS_Store", "~$lock.docx", "asked.csv", "a/.hidden/x.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_raw_files(tmp_path)]
    assert found == ["a/c.docx", "b.pdf"]
    assert list(iter_raw_files(tmp_path, exclude=("*.pdf",))) == [tmp_path / "a/c.docx"]


def test_iter_raw_files_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a folder"):
        list(iter_raw_files(tmp_path / "missing"))


def test_text_id_is_filesystem_safe() -> None:
    name = text_id("mail.eml > ../../evil.txt", "ab" * 32)
    assert "/" not in name and name.startswith("abababababab-")


def test_atomic_write_uses_the_usual_file_mode(tmp_path: Path) -> None:
    import os

    target = tmp_path / "table.csv"
    atomic_write_text(target, "a\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)
    atomic_write_text(target, "b\n")
    assert target.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode
