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
    Study,
)
from foi_audit.cli.output import (
    answer,
    fail,
    interrupted,
    layout_for,
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
    redo: Annotated[
        bool,
        typer.Option(
            "--redo", help="Show values already decided too (with the decision), to change one."
        ),
    ] = False,
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", help="Your name or initials [default: $USER].")
    ] = None,
    processed: ReviewProcessed = DEFAULT_PROCESSED,
    study: Study = None,
    codebook: RecordedCodebook = None,
) -> None:
    """Confirm or correct coded values one keystroke at a time, with their evidence.

    Shows each value that needs review (or every value with --all) with why it was flagged,
    its quote, the text around it and its source, one screen each (fits 80 x 24). Keys:
    a/Enter accept, 1-9 pick an allowed value, b blank (both ask y to confirm a change),
    e type a value, r add a reason, s skip, u undo the last decision, q quit. Every decision
    is saved at once to the study's overrides.csv (outside a study data/overrides.csv;
    history in overrides_history.csv beside it); quitting keeps them and the next run
    resumes where you stopped. To change a decision: --redo (with --trust and --field for
    one value). Review needs a terminal: keys are read one at a time.

    Example: foi-audit review --field policy --reviewer ann

    Example: foi-audit review --redo --trust RMP
    """
    from foi_audit.quality.review import ReviewOptions, run_review
    from foi_audit.register.trusts import load_register

    if not sys.stdin.isatty():
        fail("review is interactive: run it in a terminal")
    console = stdout(wrap=True)
    options = ReviewOptions(
        reviewer=reviewer or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown",
        field=field,
        trust=trust,
        include_all=all_values,
        redo=redo,
    )
    layout = layout_for(study, processed)
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
    study: Study = None,
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

    layout = layout_for(study, processed)
    chosen = answer(
        lambda: make_sample(
            layout, study_codebook(layout, codebook), load_register(), n, seed, out, force
        )
    )
    from foi_audit.cli.messages import sample_written

    stderr().print(
        sample_written(out, len(chosen), n, seed, f"foi-audit agreement {out} {layout.trusts_csv}"),
        markup=False,
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
    study: Study = None,
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
    layout = layout_for(study, processed)
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
    from rich.table import Table

    def number(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    from rich import box

    from foi_audit.cli.summary_view import say
    from foi_audit.wording import count

    console = stdout(wrap=True)
    say(
        console,
        f"A = {result.file_a}, B = {result.file_b}: {count(len(result.trusts), 'trust')} in both.",
    )
    for warning in result.warnings:
        say(console, f"Warning: {warning}", style="yellow")
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("field", no_wrap=True)
    for header in ("trusts", "agree", "%", "kappa", "alpha", "blanks out"):
        table.add_column(header, justify="right")
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
    say(console, f"Blanks: {result.blank_note}.")
    say(
        console,
        "kappa: Cohen's kappa; alpha: Krippendorff's alpha (nominal); "
        "n/a: undefined (no pairs, or one value used throughout).",
        style="dim",
    )
    for label, codes in (("only in A", result.only_in_a), ("only in B", result.only_in_b)):
        if codes:
            say(console, f"{count(len(codes), 'trust')} {label}, not compared: {', '.join(codes)}")
    if result.fields_not_compared:
        say(
            console,
            "Fields not in both files: " + ", ".join(result.fields_not_compared),
            style="dim",
        )
    disagreements = [d for f in result.fields for d in f.disagreements]
    if disagreements:
        listing = Table("trust", "field", "A", "B", title=count(len(disagreements), "disagreement"))
        for d in disagreements:
            listing.add_row(d.trust_code, d.field, d.value_a or "(blank)", d.value_b or "(blank)")
        console.print(listing)


def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold CSV: trust_code and one column per field.")],
    processed: Processed = DEFAULT_PROCESSED,
    study: Study = None,
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

    layout = layout_for(study, processed)
    answer(
        lambda: run_evaluate(gold, layout, study_codebook(layout, codebook)),
        json_out=json_out,
        as_json=lambda result: result.to_dict(),
        render=_render_evaluation,
    )


def _render_evaluation(result: Any) -> None:
    from rich import box
    from rich.table import Table

    from foi_audit.cli.summary_view import say
    from foi_audit.wording import count

    console = stdout(wrap=True)
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("field", no_wrap=True)
    for header in ("n", "accuracy", "kappa", "accuracy if not flagged", "not flagged", "flagged"):
        table.add_column(header, justify="right")
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
        width = max([len("gold \\ ours"), *(len(g) for g in score.confusion)]) + 4
        width += sum(max(len(o), 3) + 3 for o in ours)
        if width <= console.width:
            confusion = Table(
                "gold \\ ours", *ours, title=f"{score.field}: confusion", box=box.SIMPLE_HEAD
            )
            for gold_value, row in score.confusion.items():
                confusion.add_row(gold_value, *(str(row.get(o, "")) for o in ours))
            console.print(confusion)
        else:  # too many values for the terminal: one line per cell that is not on the diagonal
            say(console, f"{score.field}: confusion (gold → ours: trusts)", style="bold")
            for gold_value, row in score.confusion.items():
                for ours_value, n in row.items():
                    if ours_value != gold_value and n:
                        say(
                            console,
                            f"{gold_value or '(blank)'} → {ours_value or '(blank)'}: {n}",
                            2,
                        )
    for d in result.disagreements:
        flag = " (flagged)" if d.needs_review else ""
        say(
            console,
            f"{d.trust_code} {d.field}: gold {d.gold or '(blank)'!r}, ours "
            f"{d.ours or '(blank)'!r}{flag}; {d.rule}; {d.source} {d.locator}",
        )
        if d.quote:
            say(console, f"“{d.quote}”", 4, style="dim")
    if result.missing_trusts:
        say(console, f"Not in our output: {', '.join(result.missing_trusts)}")
    say(
        console,
        f"{count(result.trusts, 'gold trust')}, "
        f"{count(len(result.disagreements), 'disagreement')}.",
        style="dim",
    )
