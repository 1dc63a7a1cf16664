"""Scripted review sessions: keys accept, pick, blank, edit, reason, skip, quit and resume."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from rich.console import Console

from foi_audit.coding import load_codebook
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import load_overrides
from foi_audit.fileio import read_csv
from foi_audit.quality.review import ReviewOptions, quote_context, run_review
from foi_audit.register.trusts import load_register

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "processed"
# The fixture's needs_review values, in review order (trust, then codebook field order).
FLAGGED = [("R1F", "policy"), ("RGT", "abt_provided"), ("RGT", "abt_provider"), ("RJ1", "policy")]


@pytest.fixture
def layout(project: Path) -> Layout:
    shutil.copytree(FIXTURE, project / "processed")
    return Layout.from_dirs(project / "raw", project / "processed")


def _keys(sequence: Iterable[str]) -> Callable[[], str]:
    keys = iter(sequence)

    def read_key() -> str:
        try:
            return next(keys)
        except StopIteration:
            raise AssertionError("the session asked for more keys than scripted") from None

    return read_key


def _lines(sequence: Iterable[str]) -> Callable[[str], str]:
    lines = iter(sequence)
    return lambda prompt: next(lines)


def _session(
    layout: Layout, keys: Iterable[str], lines: Iterable[str] = (), **options: object
) -> tuple[object, str]:
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, color_system=None)
    outcome = run_review(
        layout,
        load_codebook(),
        load_register(),
        ReviewOptions(reviewer="ann", today="2024-06-01", **options),  # type: ignore[arg-type]
        _keys(keys),
        _lines(lines),
        console,
    )
    return outcome, buffer.getvalue()


def _decisions(layout: Layout) -> dict[tuple[str, str], tuple[str, str, str]]:
    decided = load_overrides(layout.overrides_csv, load_codebook())
    return {o.key: (o.value, o.reason, o.auto_value) for o in decided}


def test_accept_pick_blank_edit_with_reason(layout: Layout) -> None:
    # R1F policy: reason then pick 1 (dedicated); RGT abt_provided: Enter accepts;
    # RGT abt_provider: edit text; RJ1 policy: blank.
    outcome, text = _session(
        layout,
        ["r", "1", "y", "\r", "e", "b", "y", "\r"],
        ["policy named on page 4", "Upstand Training Ltd"],
    )
    assert _decisions(layout) == {
        ("R1F", "policy"): ("dedicated", "policy named on page 4", "general_only"),
        ("RGT", "abt_provided"): ("yes", "accepted", "yes"),
        ("RGT", "abt_provider"): ("Upstand Training Ltd", "corrected", "Upstand Ltd"),
        ("RJ1", "policy"): ("", "corrected", "none"),
    }
    assert outcome.accepted == 1 and outcome.changed == 3  # type: ignore[attr-defined]
    rows = {r["trust_code"]: r for r in read_csv(layout.trusts_csv)}
    assert rows["R1F"]["policy"] == "dedicated"
    assert rows["RGT"]["abt_provider"] == "Upstand Training Ltd"
    assert rows["RJ1"]["policy"] == "" and rows["RJ1"]["needs_review"] == ""
    assert "Isle of Wight NHS Trust" in text
    assert "Sexual safety is covered by our Dignity at Work policy." in text
    assert "values: free text ([e] to type, [b] blank)" in text  # not eaten as markup
    assert "values: [1] dedicated  [2] general_only" in text


def test_quit_midway_keeps_decisions_and_next_run_resumes(layout: Layout) -> None:
    outcome, _ = _session(layout, ["a", "s", "q"])
    assert list(_decisions(layout)) == [("R1F", "policy")]
    assert outcome.quit and outcome.skipped == 1  # type: ignore[attr-defined]
    assert layout.trusts_csv.exists()  # trusts.csv rebuilt with what was decided

    # Resume: R1F policy is decided; the skipped value and the rest come up again.
    outcome, text = _session(layout, ["a", "a", "a", "f"])
    assert outcome.already_decided == 1  # type: ignore[attr-defined]
    assert outcome.queued == 3  # type: ignore[attr-defined]
    assert set(_decisions(layout)) == set(FLAGGED)
    assert "already decided" in text

    outcome, text = _session(layout, [])
    assert outcome.queued == 0 and "Nothing to review" in text  # type: ignore[attr-defined]


def test_ctrl_c_keeps_what_was_done(layout: Layout) -> None:
    def keys() -> Callable[[], str]:
        script = iter(["2"])

        def read_key() -> str:
            for key in script:
                return key
            raise KeyboardInterrupt

        return read_key

    with pytest.raises(KeyboardInterrupt):
        run_review(
            layout,
            load_codebook(),
            load_register(),
            ReviewOptions(reviewer="ann", today="2024-06-01"),
            keys(),
            _lines([]),
            Console(file=io.StringIO()),
        )
    assert _decisions(layout) == {("R1F", "policy"): ("general_only", "confirmed", "general_only")}
    rows = {r["trust_code"]: r for r in read_csv(layout.trusts_csv)}
    assert "policy" not in rows["R1F"]["needs_review"]


def test_field_trust_and_all_filters(layout: Layout) -> None:
    outcome, _ = _session(layout, ["a", "a", "f"], field="policy")
    assert set(_decisions(layout)) == {("R1F", "policy"), ("RJ1", "policy")}

    outcome, _ = _session(layout, ["s"] * 5, trust="rgt", include_all=True)
    assert outcome.queued == 5 and outcome.skipped == 5  # type: ignore[attr-defined]


def test_unknown_key_shows_help_and_invalid_edit_is_refused(layout: Layout) -> None:
    _, text = _session(layout, ["x", "e", "e", "q"], ["sometimes", "none"], field="policy")
    assert "a/Enter accept" in text
    assert "sometimes is not allowed" in text
    assert _decisions(layout) == {("R1F", "policy"): ("none", "corrected", "general_only")}


def test_context_shows_the_quote_block_and_its_neighbours(layout: Layout) -> None:
    _, text = _session(layout, ["q"], trust="RGT")
    assert "[page 2] Q2. Active Bystander Training is offered to all staff." in text
    assert "[page 2] Q1. The Trust has a Sexual Safety Policy" in text
    assert "[page 2] Q3. It is voluntary" in text
    assert "Upstand" not in text  # two blocks away: not shown for abt_provided


def test_changed_automatic_value_is_said_and_reviewed_again(layout: Layout) -> None:
    _session(layout, ["a", "f"], field="policy", trust="RJ1")
    codes = layout.codes_csv.read_text(encoding="utf-8").replace(
        "RJ1,policy,none,", "RJ1,policy,general_only,"
    )
    layout.codes_csv.write_text(codes, encoding="utf-8")
    outcome, text = _session(layout, ["a", "f"], field="policy", trust="RJ1")
    assert "changed from 'none' to 'general_only'" in text
    assert outcome.queued == 1  # type: ignore[attr-defined]
    assert _decisions(layout)[("RJ1", "policy")] == ("general_only", "accepted", "general_only")


def test_quote_context_prefers_locator_and_falls_back() -> None:
    blocks = [
        ("intro", "page 1", "body"),
        ("same text", "page 1", "body"),
        ("same text", "page 2", "body"),
        ("end", "page 3", "body"),
    ]
    found = quote_context(blocks, "Same   TEXT", "page 2", around=1)
    assert [(b.locator, b.is_quote_block) for b in found] == [
        ("page 1", False),
        ("page 2", True),
        ("page 3", False),
    ]
    assert quote_context(blocks, "missing", "page 3", around=0)[0].text == "end"
    assert quote_context(blocks, "missing", "page 9") == []


def test_unknown_trust_is_named(layout: Layout) -> None:
    from foi_audit.errors import InputError

    with pytest.raises(InputError, match="ZZZ is not a trust in the coded data"):
        _session(layout, [], trust="ZZZ")


def test_codes_csv_keeps_the_machine_value_beside_the_decision(layout: Layout) -> None:
    _session(layout, ["1", "y", "q"], field="policy")
    row = next(
        r for r in read_csv(layout.codes_csv) if (r["trust_code"], r["field"]) == ("R1F", "policy")
    )
    assert row["value"] == "general_only"  # what the machine said, kept
    assert (row["effective_value"], row["reviewer"], row["review_date"]) == (
        "dedicated",
        "ann",
        "2024-06-01",
    )
    assert row["review_reason"] == "corrected" and row["needs_review"] == "false"
    other = next(
        r for r in read_csv(layout.codes_csv) if (r["trust_code"], r["field"]) == ("RJ1", "policy")
    )
    assert other["effective_value"] == other["value"] and other["reviewer"] == ""


def test_a_stray_key_changes_nothing_without_yes(layout: Layout) -> None:
    outcome, text = _session(layout, ["2", "n", "1", "x", "q"], field="policy", trust="RJ1")
    assert "Change policy from none to general_only? [y] yes" in text
    assert "not changed" in text
    assert _decisions(layout) == {}


def test_undo_takes_back_the_last_decision_and_keeps_the_history(layout: Layout) -> None:
    # Accept R1F policy, change RJ1 policy to blank, undo that at the end of the queue, then
    # accept RJ1 policy and finish.
    outcome, text = _session(layout, ["a", "b", "y", "u", "a", "f"], field="policy")
    assert "undone RJ1 policy = (blank)" in text
    assert _decisions(layout) == {
        ("R1F", "policy"): ("general_only", "accepted", "general_only"),
        ("RJ1", "policy"): ("none", "accepted", "none"),
    }
    assert outcome.undone == 1 and outcome.accepted == 2 and outcome.changed == 0  # type: ignore[attr-defined]
    history = read_csv(layout.overrides_csv.with_name("overrides_history.csv"))
    assert [(h["action"], h["trust_code"], h["value"]) for h in history] == [
        ("decide", "R1F", "general_only"),
        ("decide", "RJ1", ""),
        ("undo", "RJ1", ""),
        ("decide", "RJ1", "none"),
    ]
    # Undo with nothing done in this session says so and changes nothing.
    _, text = _session(layout, ["u", "q"], field="abt_provided")
    assert "Nothing to undo" in text


def test_the_screen_fits_80_by_24_and_says_why_a_value_is_flagged(layout: Layout) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, height=24, color_system=None)
    run_review(
        layout,
        load_codebook(),
        load_register(),
        ReviewOptions(reviewer="ann", today="2024-06-01", trust="RGT", field="abt_provided"),
        _keys(["q"]),
        _lines([]),
        console,
    )
    screen = buffer.getvalue().split("\n")
    body = screen[: next(i for i, line in enumerate(screen) if "a/Enter accept" in line) + 1]
    assert len(body) <= 24
    assert max(len(line) for line in screen) <= 80
    assert screen[1].startswith("RGT ")  # the header first
    assert any(line.startswith("flagged: ") for line in body)
    words = set(" ".join(body).split())
    assert "Bystander" in words  # no word broken across lines


def test_every_command_counts_needs_review_the_same(layout: Layout, tmp_path: Path) -> None:
    """One definition: summary, report, review's queue, codes.csv and trusts.csv agree."""
    from foi_audit.dataset.codes import refresh_codes, review_state
    from foi_audit.dataset.overrides import OVERRIDES_COLUMNS
    from foi_audit.dataset.trusts import refresh_trusts
    from foi_audit.figures.html_report import write_report
    from foi_audit.figures.summary import build_summary
    from foi_audit.quality.review import review_queue

    codebook = load_codebook()
    # One flagged value decided (no longer needs review) and one decision whose automatic
    # value has changed since (needs review again).
    layout.overrides_csv.write_text(
        ",".join(OVERRIDES_COLUMNS)
        + "\nR1F,policy,dedicated,ann,2024-06-01,seen,general_only"
        + "\nRGT,policy,dedicated,ann,2024-06-01,seen,none\n",
        encoding="utf-8",
    )
    refresh_codes(layout, codebook)
    refresh_trusts(layout, load_register(), codebook)
    state = review_state(layout, codebook)
    assert ("R1F", "policy") not in state.keys and ("RGT", "policy") in state.keys
    queue, _ = review_queue(
        read_codes_for(layout), load_overrides(layout.overrides_csv, codebook), codebook,
        ReviewOptions(reviewer="ann"),
    )  # fmt: skip
    assert sorted((v.trust_code, v.field) for v in queue) == list(state.keys)
    assert build_summary(layout, codebook).needs_review == state.values
    assert write_report(layout, tmp_path / "r.html", codebook).needs_review == state.values
    codes = read_csv(layout.codes_csv)
    assert sorted((r["trust_code"], r["field"]) for r in codes if r["needs_review"] == "true") == (
        list(state.keys)
    )
    trusts = read_csv(layout.trusts_csv)
    flagged = sorted(
        (r["trust_code"], f) for r in trusts for f in r["needs_review"].split(";") if f
    )
    assert flagged == list(state.keys)


def read_codes_for(layout: Layout) -> list:  # type: ignore[type-arg]
    from foi_audit.dataset.codes import read_codes

    return read_codes(layout)


def test_redo_brings_a_decision_back_to_change_it(layout: Layout) -> None:
    """A mistaken decision is changed in review, not by editing overrides.csv by hand."""
    _session(layout, ["a", "q"])  # R1F policy accepted by mistake
    assert _decisions(layout)[("R1F", "policy")][0] == "general_only"
    outcome, text = _session(layout, [], trust="R1F", field="policy")
    assert outcome.queued == 0 and "--redo" in text  # type: ignore[attr-defined]
    outcome, text = _session(layout, ["1", "y", "f"], trust="R1F", field="policy", redo=True)
    assert "decided: general_only  by ann on 2024-06-01" in text
    assert _decisions(layout)[("R1F", "policy")][0] == "dedicated"
