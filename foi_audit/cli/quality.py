"""Quality of the coding: ``foi-audit review``, ``sample``, ``agreement`` and ``evaluate``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.cli.options import (
    DEFAULT_PROCESSED,
    JsonOut,
    Processed,
    RecordedCodebook,
    ReviewProcessed,
)
from foi_audit.cli.output import (
    answer,
    fail,
    interrupted,
    layout_around,
    stderr,
    stdout,
    study_codebook,
)


def review(
    field: Annotated[str | None, typer.Option("--field", help="Only this field.")] = None,
    trust: Annotated[
        str | None, typer.Option("--trust", help="Only this trust (ODS code).")
    ] = None,
    all_values: Annotated[
        bool, typer.Option("--all", help="Every value, not only those flagged needs_review.")
    ] = False,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", help="Your name or initials [default: $USER].")
    ] = None,
    processed: ReviewProcessed = DEFAULT_PROCESSED,
    codebook: RecordedCodebook = None,
) -> None:
    """Confirm or correct coded values one keystroke at a time, with their evidence.

    Shows each value flagged needs_review (or every value with --all) with its quote, the
    text around it and its source. Keys: a/Enter accept, 1-9 pick an allowed value, b blank,
    e type a value, r add a reason, s skip, q quit. Every decision is saved at once to
    data/overrides.csv; quitting keeps them and the next run resumes where you stopped.

    Example: foi-audit review --field policy --reviewer ann
    """
    from foi_audit.quality.review import ReviewOptions, run_review
    from foi_audit.register.trusts import load_register

    if not sys.stdin.isatty():
        fail("review is interactive: run it in a terminal")
    console = stdout()
    options = ReviewOptions(
        reviewer=reviewer or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown",
        field=field,
        trust=trust,
        include_all=all_values,
    )
    layout = layout_around(processed)
    try:
        answer(
            lambda: run_review(
                layout,
                study_codebook(layout, codebook),
                load_register(),
                options,
                read_key=typer.getchar,  # one key, no Enter needed
                read_line=lambda prompt: console.input(prompt),
                out=console,
            )
        )
    except KeyboardInterrupt:
        interrupted("\nStopped: every decision so far is saved; run again to resume.")


def sample(
    out: Annotated[Path, typer.Option("--out", help="The coding sheet to write (.xlsx).")],
    n: Annotated[int, typer.Option("--n", min=1, help="How many trusts.")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same sample.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
    processed: Processed = DEFAULT_PROCESSED,
    codebook: RecordedCodebook = None,
) -> None:
    """Draw a reproducible blind sample of trusts as an XLSX coding sheet for a second coder.

    The sheet lists each trust and its reply files with empty field columns (drop-downs of
    the allowed values) and a sheet of instructions and field definitions: no automatic
    values, no quotes. Read it back with `foi-audit agreement`.

    Example: foi-audit sample --n 20 --seed 1 --out sheet.xlsx
    """
    from foi_audit.quality.sample import make_sample
    from foi_audit.register.trusts import load_register

    layout = layout_around(processed)
    chosen = answer(
        lambda: make_sample(
            layout, study_codebook(layout, codebook), load_register(), n, seed, out, force
        )
    )
    note = "" if len(chosen) == n else f" (only {len(chosen)} trusts have replies)"
    stderr().print(
        f"Wrote {out}: {len(chosen)} trusts, seed {seed}{note}. "
        f"Then: foi-audit agreement {out} {processed / 'trusts.csv'}"
    )


def agreement(
    file_a: Annotated[Path, typer.Argument(help="Coder A: trusts.csv-shaped CSV or coding sheet.")],
    file_b: Annotated[Path, typer.Argument(help="Coder B: trusts.csv-shaped CSV or coding sheet.")],
    blanks: Annotated[
        str,
        typer.Option(
            "--blanks",
            help="category: a blank is a value of its own; missing: blanks are left out.",
        ),
    ] = "category",
    field: Annotated[
        list[str] | None, typer.Option("--field", help="Only this field (repeatable).")
    ] = None,
    processed: Processed = DEFAULT_PROCESSED,
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
) -> None:
    """Cohen's kappa and Krippendorff's alpha (nominal) per field between two coders.

    Compares the trusts in both files (others are listed) and lists every disagreement.
    Reads trusts.csv-shaped CSVs and the XLSX coding sheet from `foi-audit sample`.
    Exemption sets compare in any order; free text ignores case and spacing. The fields
    are those of the codebook the data in --processed were coded with (or --codebook).

    Example: foi-audit agreement second_coder.xlsx data/processed/trusts.csv --blanks missing
    """
    from foi_audit.quality.agreement import BlankPolicy, compare, result_dict

    if blanks not in {p.value for p in BlankPolicy}:
        raise typer.BadParameter("use category or missing", param_hint="--blanks")
    layout = layout_around(processed)
    answer(
        lambda: compare(
            file_a,
            file_b,
            study_codebook(layout, codebook),
            BlankPolicy(blanks),
            field or (),
        ),
        json_out=json_out,
        as_json=result_dict,
        render=_render_agreement,
    )


def _render_agreement(result: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    def number(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    console = stdout()
    console.print(
        f"A = {escape(result.file_a)}, B = {escape(result.file_b)}: "
        f"{len(result.trusts)} trusts in both."
    )
    table = Table("field", "trusts", "agree", "%", "kappa", "alpha", "blanks out")
    for f in result.fields:
        table.add_row(
            f.field,
            str(f.pairs),
            str(f.agree),
            "n/a" if f.observed is None else f"{100 * f.observed:.0f}",
            number(f.kappa),
            number(f.alpha),
            str(f.dropped_for_blank),
        )
    console.print(table)
    console.print(f"Blanks: {escape(result.blank_note)}.")
    console.print(
        "kappa: Cohen's kappa; alpha: Krippendorff's alpha (nominal); "
        "n/a: undefined (no pairs, or one value used throughout).",
        style="dim",
    )
    for label, codes in (("only in A", result.only_in_a), ("only in B", result.only_in_b)):
        if codes:
            console.print(f"{len(codes)} trusts {label}, not compared: {', '.join(codes)}")
    if result.fields_not_compared:
        console.print(
            "Fields not in both files: " + ", ".join(result.fields_not_compared), style="dim"
        )
    disagreements = [d for f in result.fields for d in f.disagreements]
    if disagreements:
        listing = Table("trust", "field", "A", "B", title=f"{len(disagreements)} disagreements")
        for d in disagreements:
            listing.add_row(d.trust_code, d.field, d.value_a or "(blank)", d.value_b or "(blank)")
        console.print(listing)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold CSV: trust_code and one column per field.")],
    processed: Processed = DEFAULT_PROCESSED,
    codebook: RecordedCodebook = None,
    json_out: JsonOut = False,
) -> None:
    """Score the coded values (with review overrides) against a gold coding.

    Per field: accuracy, Cohen's kappa, accuracy on values not flagged needs_review and how
    many were flagged; confusion tables; every disagreement with its quote and place. Names
    match ignoring case, spacing and a leading title (Dr, Professor, Mr, Mrs, Ms, Miss).

    Example: foi-audit evaluate gold.csv --processed data/processed
    """
    from foi_audit.quality.evaluate import evaluate as run_evaluate

    layout = layout_around(processed)
    answer(
        lambda: run_evaluate(gold, layout, study_codebook(layout, codebook)),
        json_out=json_out,
        as_json=lambda result: result.to_dict(),
        render=_render_evaluation,
    )


def _render_evaluation(result: Any) -> None:
    from rich.table import Table

    console = stdout()
    table = Table("field", "n", "accuracy", "kappa", "acc. not flagged", "not flagged", "flagged")
    for score in result.fields:
        clear = score.accuracy_not_review
        table.add_row(
            score.field,
            str(score.n),
            f"{score.accuracy:.3f}",
            "" if score.kappa is None else f"{score.kappa:.3f}",
            "" if clear is None else f"{clear:.3f}",
            str(score.n_not_review),
            str(score.flagged),
        )
    console.print(table)
    for score in result.fields:
        if not score.confusion or score.correct == score.n:
            continue
        ours = sorted({o for row in score.confusion.values() for o in row})
        confusion = Table("gold \\ ours", *ours, title=f"{score.field}: confusion")
        for gold_value, row in score.confusion.items():
            confusion.add_row(gold_value, *(str(row.get(o, "")) for o in ours))
        console.print(confusion)
    for d in result.disagreements:
        flag = " [yellow](flagged)[/]" if d.needs_review else ""
        console.print(
            f"[bold]{d.trust_code}[/] {d.field}: gold {d.gold or '(blank)'!r}, ours "
            f"{d.ours or '(blank)'!r}{flag} [dim]{d.rule}; {d.source} {d.locator}[/]",
            soft_wrap=True,
        )
        if d.quote:
            console.print(f"    [dim]“{d.quote}”[/]", soft_wrap=True)
    if result.missing_trusts:
        console.print(f"Not in our output: {', '.join(result.missing_trusts)}", soft_wrap=True)
    console.print(
        f"{result.trusts} gold trusts, {len(result.disagreements)} disagreements.", style="dim"
    )
