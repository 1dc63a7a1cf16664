"""Every message with a count reads right for 0, 1 and many (n = 0, 1, 2)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from foi_audit.cli import messages
from foi_audit.dataset.codes import ReviewState
from foi_audit.figures import stats
from foi_audit.figures.summary import bounds_text
from foi_audit.quality.agreement import blank_warnings
from foi_audit.wording import count, middle_ellipsis, plural, rounded, verb

NOUNS = "trust|value|file|document|disagreement|row|unchanged file|gold trust"
# "1 trusts", "1 value need", "2 trust", "2 values needs", "if the 1 asked trusts" ...
WRONG_FOR_ONE = re.compile(
    rf"(?<![\d.,])1 (?:{NOUNS.replace('|', 's|')}s)\b|(?<![\d.,])1 (?:{NOUNS}) (?:need|have|are|were)\b"
)
WRONG_FOR_TWO = re.compile(
    rf"(?<![\d.,])2 (?:{NOUNS})\b(?! of)|(?<![\d.,])2 (?:{NOUNS.replace('|', 's|')}s) (?:needs|has|is|was)\b"
)


def _keys(n: int) -> tuple[tuple[str, str], ...]:
    return tuple((f"T{i}", "field") for i in range(n))


TEMPLATES: dict[str, Callable[[int], str]] = {
    "count": lambda n: count(n, "trust") + " " + verb(n, "needs") + " review",
    "review state": lambda n: ReviewState(_keys(n)).text(),
    "bounds": lambda n: bounds_text(n, 3, 3 + n, 10),
    "phrase of n": lambda n: stats.natural_frequency(min(n, 1), max(n, 1)),
    "ingest": lambda n: messages.ingest_done(n, n, {"ok": n}, n, n),
    "report": lambda n: messages.report_written(Path("r.html"), n, n, n, n),
    "tables written": lambda n: messages.tables_written(n, n, Path("out")),
    "tables up to date": lambda n: messages.tables_up_to_date(n, Path("out")),
    "tables stale": lambda n: messages.tables_stale(n, n, "foi-audit tables --out out"),
    "sample": lambda n: messages.sample_written(Path("s.xlsx"), n, 20, 1, "next"),
    "export": lambda n: messages.export_written(Path("out"), ("x",) * n),
    "register": lambda n: messages.register_listed(n),
    "asked": lambda n: messages.asked_written(Path("asked.csv"), n, "2024-01-15"),
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
@pytest.mark.parametrize("n", [0, 1, 2])
def test_each_template_reads_right(name: str, n: int) -> None:
    text = TEMPLATES[name](n)
    assert text or (name == "bounds" and n == 0), name  # everyone answered: no bounds
    if n == 1:
        assert not WRONG_FOR_ONE.search(text), text
    if n == 2:
        assert not WRONG_FOR_TWO.search(text), text


def test_the_checker_catches_the_old_mistakes() -> None:
    for wrong in ("1 trusts", "if the 1 asked trusts", "1 value need review", "1 disagreements"):
        assert WRONG_FOR_ONE.search(wrong.replace("asked ", "")), wrong
    assert WRONG_FOR_TWO.search("2 values needs review")


def test_agreement_warnings_for_one_and_two_trusts(tmp_path: Path) -> None:
    for n in (1, 2):
        trusts = [f"T{i}" for i in range(n)]
        rows = {t: {"policy": ""} for t in trusts}
        full = {t: {"policy": "none"} for t in trusts}
        (text,) = blank_warnings(
            {"A": (tmp_path / "a.csv", full), "B": (tmp_path / "b.csv", rows)}, trusts, ["policy"]
        )
        check = WRONG_FOR_ONE if n == 1 else WRONG_FOR_TWO
        assert not check.search(text), text


def test_helpers() -> None:
    assert [plural(n, "trust") for n in (0, 1, 2)] == ["trusts", "trust", "trusts"]
    assert count(0, "trust", zero="no trust") == "no trust"
    assert [verb(n, "has") for n in (1, 2)] == ["has", "have"]
    assert rounded({"a": 57.49999999999999, "b": [1.25, "x"]}, 1) == {"a": 57.5, "b": [1.2, "x"]}
    assert middle_ellipsis("FOI_response_to_your_request_2024.pdf", 20) == "FOI_respon…_2024.pdf"
    assert stats.natural_frequency(1, 1) == "1 of 1 trust"
