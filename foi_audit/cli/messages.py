"""The command line's messages that hold a count, each right for 0, 1 and many.

One function per message, so ``tests/test_wording.py`` can render each with n = 0, 1, 2.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from foi_audit.wording import count, verb


def ingest_done(
    files: int,
    documents: int,
    counts: Mapping[str, int],
    from_cache: int,
    trusts: int,
    uncoded: int = 0,
    coded_now: int | None = None,
) -> str:
    out_of_scope = counts.get("out_of_scope", 0)
    bodies = f"{out_of_scope} out of scope, " if out_of_scope else ""
    if counts.get("skipped", 0):
        bodies += f"{counts['skipped']} skipped (not replies), "
    stopped = f" ({uncoded} not coded: see below)" if uncoded else ""
    if not stopped and coded_now is not None and coded_now < trusts:
        # a re-run: say how much of the work was done again
        stopped = f" ({coded_now} coded again, the rest unchanged)"
    return (
        f"{count(files, 'file')}, {count(documents, 'document')} with attachments: "
        f"{counts.get('ok', 0)} ok, {counts.get('duplicate', 0)} duplicate, "
        f"{counts.get('unmatched', 0)} unmatched, {bodies}{counts.get('error', 0)} not read; "
        f"{count(from_cache, 'unchanged file')} not read again; "
        f"{count(trusts, 'trust')} coded{stopped}."
    )


def report_written(path: Path, trusts: int, cells: int, review: int, overridden: int) -> str:
    return (
        f"Wrote {path}: {count(trusts, 'trust')}, {count(cells, 'value')}, {review} "
        f"{verb(review, 'needs')} review, {overridden} decided by a reviewer."
    )


def tables_written(files: int, written: int, out: Path) -> str:
    return (
        f"{count(files, 'file')} in {out} ({written} changed, {files - written} already up to "
        "date)."
    )


def tables_up_to_date(files: int, out: Path) -> str:
    if files == 1:
        return f"The 1 file in {out} is up to date."
    return f"All {files} files in {out} are up to date."


def tables_stale(differing: int, files: int, command: str) -> str:
    return (
        f"{differing} of {count(files, 'file')} {verb(differing, 'is')} out of date: run "
        f"`{command}` and commit {'it' if differing == 1 else 'them'}."
    )


def sample_written(out: Path, chosen: int, wanted: int, seed: int, next_step: str) -> str:
    note = (
        ""
        if chosen == wanted
        else f" (only {count(chosen, 'trust')} {verb(chosen, 'has')} replies)"
    )
    return f"Wrote {out}: {count(chosen, 'trust')}, seed {seed}{note}. Then: {next_step}"


def export_written(out: Path, written: tuple[str, ...]) -> str:
    return f"Wrote {count(len(written), 'file')} in {out}: {', '.join(written)}"


def register_listed(n: int) -> str:
    return f"{count(n, 'trust')}. Source: NHS ODS trust extract, Open Government Licence v3.0."


def asked_written(path: Path, n: int, day: str) -> str:
    return f"Wrote {path}: {count(n, 'trust')} open on {day}, date_sent {day}."
