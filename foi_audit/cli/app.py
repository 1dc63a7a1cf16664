"""Command line: parse, call one library function, render with rich.

This is the only module that imports typer. Library errors (:class:`FoiAuditError`) become a
one-line message on stderr and exit code 2; per-file problems are rows in the outputs.
Heavy libraries are imported inside commands so that ``foi-audit --help`` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from foi_audit.errors import FoiAuditError

app = typer.Typer(
    name="foi-audit",
    help="Turn NHS trusts' FOI replies into a coded, evidenced dataset and honest statistics.\n\n"
    "Typical run: foi-audit ingest && foi-audit summary",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,  # a bug report must not dump reply text or paths
)


def _stderr() -> Any:
    """Messages and errors. soft_wrap: never break a path or a figure in two."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _stdout() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


@contextmanager
def _library_errors() -> Iterator[None]:
    """Turn a library error into one line on stderr and exit code 2."""
    try:
        yield
    except FoiAuditError as exc:
        _stderr().print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
        raise typer.Exit(2) from None


def _layout_around(processed: Path) -> Any:
    """The data folder around a processed folder (raw/asked.csv, overrides.csv beside it)."""
    from foi_audit.dataset.layout import Layout

    return Layout.around(processed)


def _progress_bar(total_label: str) -> tuple[Any, Callable[[int, int, str], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=_stderr(),
        transient=False,
        disable=not sys.stderr.isatty(),
    )
    task = progress.add_task(total_label, total=None, current="")

    def update(done: int, total: int, current: str) -> None:
        progress.update(task, completed=done, total=total, current=current[-50:])

    return progress, update


# --- section: ingest ---------------------------------------------------------------------


@app.command()
def ingest(
    raw_dir: Annotated[Path, typer.Argument(help="Folder of replies, any nesting.")] = Path(
        "data/raw"
    ),
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Output folder [default: processed/ beside RAW_DIR, i.e. data/processed]."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes [default: number of cores]."),
    ] = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per file.")] = 120.0,
    max_size: Annotated[float, typer.Option(help="Largest file read, in MB.")] = 200.0,
    exclude: Annotated[
        list[str] | None,
        typer.Option(help="Glob of files to skip (repeatable), e.g. --exclude gold.csv."),
    ] = None,
    codebook: Annotated[
        Path | None,
        typer.Option(help="Another study's codebook (TOML) instead of the built-in one."),
    ] = None,
) -> None:
    """Read every reply, match it to its trust, code each trust.

    Writes data/processed/documents.csv (one row per file and attachment: format, pages,
    trust, match method, status, message), the extracted text under data/processed/text/,
    codes.csv and trusts.csv. Files are read in worker processes with a time limit; a
    re-run reads only new or changed files. Pin a file to a trust in data/mapping.csv
    (columns path or sha256, trust_code).

    Exit code: 0 when every file was read, 1 when some were not (see documents.csv),
    2 when the run itself could not start.

    Example: foi-audit ingest data/raw --out data/processed --jobs 2
    """
    import os

    from foi_audit.dataset.layout import Layout
    from foi_audit.ingest.pipeline import IngestOptions
    from foi_audit.ingest.pipeline import ingest as run_ingest

    layout = Layout.from_dirs(raw_dir, out)
    options = IngestOptions(
        jobs=jobs or os.cpu_count() or 1,
        timeout=timeout,
        max_bytes=int(max_size * 1e6),
        exclude=tuple(exclude or ()),
        codebook=codebook,
    )
    progress, update = _progress_bar("Reading")
    with _library_errors(), progress:
        result = run_ingest(layout, options, progress=update)
    console = _stderr()
    if result.unchanged:
        console.print("Nothing changed since the last run; its outputs stand.", soft_wrap=True)
    count = dict(result.counts)
    console.print(
        f"{result.files} files, {result.documents} documents with attachments: "
        f"{count.get('ok', 0)} ok, {count.get('duplicate', 0)} duplicate, "
        f"{count.get('unmatched', 0)} unmatched, {count.get('error', 0)} not read; "
        f"{result.read_from_cache} unchanged files not read again; {result.trusts} trusts coded.",
        soft_wrap=True,
    )
    for note in result.override_notes:
        console.print(f"  [yellow]override[/]: {note}", soft_wrap=True)
    shown = 20  # the full list is in documents.csv
    for problem in result.problems[:shown]:
        console.print(
            f"  [yellow]{problem.status}[/]: {problem.path}: {problem.message}", soft_wrap=True
        )
    if len(result.problems) > shown:
        console.print(
            f"  ... and {len(result.problems) - shown} more: see the status and message "
            f"columns of {layout.documents_csv}",
            soft_wrap=True,
        )
    if not result.unchanged:
        console.print(f"Wrote {layout.documents_csv}, {layout.codes_csv}, {layout.trusts_csv}")
    for note in result.notes:
        console.print(f"  [yellow]note[/]: {note}")
    raise typer.Exit(result.exit_code)


# --- section: register -------------------------------------------------------------------


@app.command()
def register(
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", help="Words to find in code, name or short names."),
    ] = None,
    open_on: Annotated[
        str | None, typer.Option("--open-on", help="Only trusts open on this date (YYYY-MM-DD).")
    ] = None,
    rebuild: Annotated[
        str | None,
        typer.Option(
            "--rebuild",
            help="Rebuild the register from a newer ODS etr.csv (file path or https URL).",
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List, search or rebuild the trust register (NHS ODS, Open Government Licence v3.0).

    Examples: foi-audit register --search "king's lynn";
    foi-audit register --open-on 2024-01-15;
    foi-audit register --rebuild ~/Downloads/etr.csv
    """
    from foi_audit.register import trusts as reg

    with _library_errors():
        if rebuild:
            count = reg.rebuild(rebuild)
            _stderr().print(f"Register rebuilt from {rebuild}: {count} English trusts.")
            return
        trusts = list(reg.load_register().trusts)
        if search:
            trusts = reg.load_register().search(search)
        if open_on:
            open_codes = {t.code for t in reg.load_register().open_on(open_on)}
            trusts = [t for t in trusts if t.code in open_codes]
    rows = reg.register_rows(trusts)
    if json_out:
        import json

        print(json.dumps(rows, indent=1))
        return
    from rich.table import Table

    table = Table("code", "name", "region", "type", "open", "closed")
    for row in rows:
        table.add_row(
            row["code"],
            row["name"],
            row["region"],
            row["trust_type"],
            row["open_date"],
            row["close_date"],
        )
    console = _stdout()
    console.print(table)
    console.print(
        f"{len(rows)} trusts. Source: NHS ODS trust extract, Open Government Licence v3.0.",
        style="dim",
    )


# --- section: coding (codebook, evaluate) ------------------------------------------------


@app.command()
def codebook(
    codebook_file: Annotated[
        Path | None,
        typer.Option(
            "--codebook", help="Another study's codebook (TOML) instead of the built-in one."
        ),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print the codebook: fields, allowed values, decision rules and worked examples.

    Example: foi-audit codebook --codebook my-study.toml --json
    """
    from foi_audit.coding.codebook import codebook_summary, load_codebook

    with _library_errors():
        summary = codebook_summary(load_codebook(codebook_file))
    if json_out:
        import json

        print(json.dumps(summary, indent=1, ensure_ascii=False))
        return
    from rich.table import Table

    console = _stdout()
    console.print(f"[bold]{summary['name']}[/]: {summary['description']}  ({summary['source']})")
    for item in summary["fields"]:
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_row("[bold]definition[/]", item["definition"])
        table.add_row("[bold]values[/]", ", ".join(item["values"]) or "(free text)")
        if item["applies_when"]:
            table.add_row("[bold]only when[/]", item["applies_when"])
        if item["questions"]:
            table.add_row("[bold]reads answers to[/]", ", ".join(item["questions"]))
        if item["decision"]:
            table.add_row("[bold]decision[/]", item["decision"])
        for rule in item["rules"]:
            table.add_row(f"[dim]rule {rule['id']}[/]", f"-> {rule['value'] or '(blank)'}")
        for example in item["examples"]:
            table.add_row(
                "[dim]example[/]", f"{example['text']!r} -> {example['value'] or '(blank)'}"
            )
        console.print(f"\n[bold cyan]{item['name']}[/] ({item['kind']}): {item['label']}")
        console.print(table)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold CSV: trust_code and one column per field.")],
    processed: Annotated[
        Path, typer.Option("--processed", help="Processed folder written by ingest.")
    ] = Path("data/processed"),
    codebook_file: Annotated[
        Path | None,
        typer.Option("--codebook", help="The codebook the data were coded with."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score the coded values (with review overrides) against a gold coding.

    Per field: accuracy, Cohen's kappa, accuracy on values not flagged needs_review and how
    many were flagged; confusion tables; every disagreement with its quote and place. Names
    match ignoring case, spacing and a leading title (Dr, Professor, Mr, Mrs, Ms, Miss).

    Example: foi-audit evaluate gold.csv --processed data/processed
    """
    from foi_audit.coding.codebook import load_codebook
    from foi_audit.quality.evaluate import evaluate as run_evaluate

    with _library_errors():
        result = run_evaluate(
            gold,
            _layout_around(processed),
            load_codebook(codebook_file),
        )
    if json_out:
        import json

        print(json.dumps(result.to_dict(), indent=1, ensure_ascii=False))
        return
    from rich.table import Table

    console = _stdout()
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


# --- section: summary (summary, tables, explain) -----------------------------------------


_PROCESSED_OPTION = typer.Option(
    "--processed", help="The processed folder (asked.csv is read from raw/ beside it)."
)


@app.command()
def summary(
    processed: Annotated[Path, _PROCESSED_OPTION] = Path("data/processed"),
    by: Annotated[
        str | None, typer.Option("--by", help="Break every figure down by region or trust_type.")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every figure with its count, denominator, 95% interval and a plain-English phrase.

    Percentages are of the trusts that answered each question, with the chain asked ->
    replied -> answered and best/worst cases for those who did not answer. Conditional
    questions (ABT details) count among trusts with ABT. Intervals: Wilson score, no
    continuity correction. Human overrides (data/overrides.csv) are applied.

    Example: foi-audit summary --by region
    """
    from foi_audit.figures.summary import build_summary, summary_dict

    with _library_errors():
        result = build_summary(_layout_around(processed), by=by or "")
    if json_out:
        import json

        print(json.dumps(summary_dict(result), ensure_ascii=False, indent=1))
        return
    _print_summary(result)


def _print_summary(result: Any) -> None:
    console = _stdout()
    console.print(f"[bold]Who was asked[/]: {result.asked_note}")
    console.print(
        f"{result.asked} asked → {result.replied} replied ({result.no_reply} have not replied)."
    )
    console.print(f"Intervals: {result.method}.", style="dim")
    if result.needs_review:
        console.print(
            f"[yellow]{result.needs_review} counted values still need review[/] (counted as "
            "coded; see `foi-audit explain FIELD=VALUE`)."
        )
    for note in result.notes:
        console.print(f"[yellow]Note:[/] {note}", soft_wrap=True)
    for title, fields in (("Questions", result.questions), ("Outcomes", result.outcomes)):
        console.rule(f"[bold]{title}")
        for field in fields:
            review = f" — {field.needs_review} need review" if field.needs_review else ""
            console.print(f"\n[bold]{field.label}[/] ({field.field}){review}", highlight=False)
            if not field.chain.answered:
                console.print(f"  No trust answered. Base: {field.chain_text}.", markup=False)
                continue
            for value in field.values:
                console.print(f"  {value.headline}", soft_wrap=True, markup=False)
                unknown = field.chain.bound_base - value.denominator
                if unknown and value.denominator:
                    console.print(
                        f"    Worst to best case, if the {unknown} asked trusts that did not "
                        f"answer had all answered otherwise / this way: "
                        f"{value.worst_case}–{value.best_case} of "
                        f"{field.chain.bound_base} ({value.worst_case_percent:.1f}%–"
                        f"{value.best_case_percent:.1f}%).",
                        style="dim",
                        soft_wrap=True,
                        markup=False,
                    )
    if result.groups:
        _print_groups(console, result)
    console.print(
        "\nThe trusts behind a figure: foi-audit explain FIELD=VALUE (e.g. "
        + (result.questions[0].values[0].explain if result.questions else "")
        + ")",
        style="dim",
        markup=False,
    )


def _print_groups(console: Any, result: Any) -> None:
    from rich.table import Table

    # Text output keeps to the questions and outcome; --json has every field per group.
    names = [f.field for f in result.groups[0].fields if f.field not in {"exemptions"}]
    for name in names:
        table = Table(
            result.by, "asked", "answer", "n of N", "%", "95% CI", "in words",
            title=f"{name} by {result.by}",
        )  # fmt: skip
        for group in result.groups:
            field = next(f for f in group.fields if f.field == name)
            for value in field.values:
                table.add_row(
                    group.group,
                    str(group.asked),
                    value.label,
                    f"{value.count} of {value.denominator}",
                    "" if value.percent is None else f"{value.percent:.1f}",
                    "" if value.ci_low is None else f"{value.ci_low:.1f}–{value.ci_high:.1f}",
                    value.phrase,
                )
        console.print(table)


@app.command()
def tables(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the tables into.")],
    processed: Annotated[Path, _PROCESSED_OPTION] = Path("data/processed"),
    formats: Annotated[
        str, typer.Option("--format", help="Comma-separated: csv,md,tex,xlsx.")
    ] = "csv,md,tex,xlsx",
    charts: Annotated[
        bool, typer.Option("--charts", help="Also write the charts (PNG and SVG).")
    ] = False,
    headline: Annotated[
        str,
        typer.Option(help="FIELD=VALUE charted by region [default: first question's first value]."),
    ] = "",
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 and name the files that would change."),
    ] = False,
) -> None:
    """The paper's tables (coverage by field, by region, by trust type; outcomes).

    Byte-identical on every rerun, so they can live in a paper's repository: `--check`
    exits 1 and names each file that differs from what would be generated (for CI).
    `--charts` adds chart_coverage_by_field and chart_coverage_by_region (.png, .svg).

    Example: foi-audit tables --out paper/tables --format csv,tex --charts --check
    """
    from foi_audit.figures.tables import parse_formats, write_tables

    with _library_errors():
        result = write_tables(
            _layout_around(processed),
            out,
            parse_formats(formats),
            charts=charts,
            check=check,
            headline=headline,
        )
    console = _stderr()
    if check:
        for name in result.differing:
            state = "differs" if (out / name).exists() else "missing"
            console.print(f"  [yellow]{state}[/]: {out / name}")
        if result.differing:
            console.print(
                f"{len(result.differing)} of {len(result.files)} files are out of date: "
                f"run `foi-audit tables --out {out}` and commit them."
            )
            raise typer.Exit(1)
        console.print(f"All {len(result.files)} files in {out} are up to date.")
        return
    console.print(
        f"{len(result.files)} files in {out} ({len(result.written)} changed, "
        f"{len(result.files) - len(result.written)} already up to date)."
    )


@app.command()
def explain(
    figure: Annotated[str, typer.Argument(help="FIELD or FIELD=VALUE, e.g. policy=dedicated.")],
    processed: Annotated[Path, _PROCESSED_OPTION] = Path("data/processed"),
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The trusts behind a figure, each with its quote and source.

    FIELD=VALUE lists exactly the trusts counted in that figure of `foi-audit summary`;
    FIELD alone lists every trust in the question's base with what it answered.

    Example: foi-audit explain policy=dedicated
    """
    from foi_audit.figures.summary import explain as run_explain
    from foi_audit.figures.summary import explanation_dict

    with _library_errors():
        result = run_explain(_layout_around(processed), figure)
    if json_out:
        import json

        print(json.dumps(explanation_dict(result), ensure_ascii=False, indent=1))
        return
    from rich.table import Table

    console = _stdout()
    if result.headline:
        console.print(result.headline, markup=False, soft_wrap=True)
    else:
        console.print(f"Base: {result.chain_text}.", markup=False)
    table = Table("code", "trust", "value", "quote", "source", "flags")
    for row in result.rows:
        flags = ", ".join(
            name
            for name, on in (("needs review", row.needs_review), ("overridden", row.overridden))
            if on
        )
        table.add_row(
            row.trust_code, row.trust_name, row.value or "(no answer)", row.quote, row.source, flags
        )
    console.print(table)
    console.print(f"{len(result.rows)} trusts.", style="dim")


# --- section: review (review, report, agreement, sample) ---------------------------------


_REVIEW_PROCESSED = typer.Option(
    "--processed", help="The processed folder; decisions go to overrides.csv beside it."
)


@app.command()
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
    processed: Annotated[Path, _REVIEW_PROCESSED] = Path("data/processed"),
) -> None:
    """Confirm or correct coded values one keystroke at a time, with their evidence.

    Shows each value flagged needs_review (or every value with --all) with its quote, the
    text around it and its source. Keys: a/Enter accept, 1-9 pick an allowed value, b blank,
    e type a value, r add a reason, s skip, q quit. Every decision is saved at once to
    data/overrides.csv; quitting keeps them and the next run resumes where you stopped.

    Example: foi-audit review --field policy --reviewer ann
    """
    import os

    from foi_audit.coding import load_codebook
    from foi_audit.quality.review import ReviewOptions, run_review
    from foi_audit.register.trusts import load_register

    if not sys.stdin.isatty():
        _stderr().print("[bold red]error:[/] review is interactive: run it in a terminal")
        raise typer.Exit(2)
    console = _stdout()
    options = ReviewOptions(
        reviewer=reviewer or os.environ.get("USER") or os.environ.get("USERNAME") or "unknown",
        field=field,
        trust=trust,
        include_all=all_values,
    )
    with _library_errors():
        try:
            run_review(
                _layout_around(processed),
                load_codebook(),
                load_register(),
                options,
                read_key=typer.getchar,  # one key, no Enter needed
                read_line=lambda prompt: console.input(prompt),
                out=console,
            )
        except KeyboardInterrupt:
            console.print("\nStopped: every decision so far is saved; run again to resume.")
            raise typer.Exit(130) from None


@app.command()
def report(
    html_out: Annotated[
        Path, typer.Option("--html", help="The HTML file to write (one self-contained page).")
    ],
    processed: Annotated[Path, _PROCESSED_OPTION] = Path("data/processed"),
) -> None:
    """Write one static HTML page: summary figures, then every trust x field with its evidence.

    Click a cell for its quote, source file, locator, rule and any reviewer's decision;
    filter by needs_review, field and region. Opens in any browser, no server or network.

    Example: foi-audit report --html report.html
    """
    from foi_audit.figures.html_report import write_report

    with _library_errors():
        info = write_report(_layout_around(processed), html_out)
    console = _stderr()
    for change in info.changes:
        console.print(f"[yellow]note:[/] {change.describe()}", markup=True, soft_wrap=True)
    console.print(
        f"Wrote {info.path}: {info.trusts} trusts, {info.cells} values, "
        f"{info.needs_review} need review, {info.overridden} decided by a reviewer."
    )


@app.command()
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
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Cohen's kappa and Krippendorff's alpha (nominal) per field between two coders.

    Compares the trusts in both files (others are listed) and lists every disagreement.
    Reads trusts.csv-shaped CSVs and the XLSX coding sheet from `foi-audit sample`.
    Exemption sets compare in any order; free text ignores case and spacing.

    Example: foi-audit agreement second_coder.xlsx data/processed/trusts.csv --blanks missing
    """
    from foi_audit.coding import load_codebook
    from foi_audit.quality.agreement import BlankPolicy, compare, result_dict

    if blanks not in {p.value for p in BlankPolicy}:
        raise typer.BadParameter("use category or missing", param_hint="--blanks")
    with _library_errors():
        result = compare(file_a, file_b, load_codebook(), BlankPolicy(blanks), field or ())
    if json_out:
        import json

        print(json.dumps(result_dict(result), ensure_ascii=False, indent=1))
        return
    _print_agreement(result)


def _print_agreement(result: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    def number(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    console = _stdout()
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


@app.command()
def sample(
    out: Annotated[Path, typer.Option("--out", help="The coding sheet to write (.xlsx).")],
    n: Annotated[int, typer.Option("--n", min=1, help="How many trusts.")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same sample.")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists.")] = False,
    processed: Annotated[Path, _PROCESSED_OPTION] = Path("data/processed"),
) -> None:
    """Draw a reproducible blind sample of trusts as an XLSX coding sheet for a second coder.

    The sheet lists each trust and its reply files with empty field columns (drop-downs of
    the allowed values) and a sheet of instructions and field definitions: no automatic
    values, no quotes. Read it back with `foi-audit agreement`.

    Example: foi-audit sample --n 20 --seed 1 --out sheet.xlsx
    """
    from foi_audit.coding import load_codebook
    from foi_audit.quality.sample import make_sample
    from foi_audit.register.trusts import load_register

    with _library_errors():
        chosen = make_sample(
            _layout_around(processed), load_codebook(), load_register(), n, seed, out, force
        )
    note = "" if len(chosen) == n else f" (only {len(chosen)} trusts have replies)"
    _stderr().print(
        f"Wrote {out}: {len(chosen)} trusts, seed {seed}{note}. "
        f"Then: foi-audit agreement {out} {processed / 'trusts.csv'}"
    )


# --- section: requests (asked, deadline) -------------------------------------------------


@app.command()
def asked(
    all_open_trusts: Annotated[
        bool,
        typer.Option(
            "--all-open-trusts", help="Write a row for every English trust open on --date."
        ),
    ] = False,
    date: Annotated[
        str | None, typer.Option("--date", help="Date the requests were sent (YYYY-MM-DD).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="The asked.csv to write or show.")] = Path(
        "data/raw/asked.csv"
    ),
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an existing asked.csv (a hidden backup is kept)."),
    ] = False,
) -> None:
    """Write or show data/raw/asked.csv: who was asked and when.

    Columns: trust_code, date_sent, optional date_received and reference. Deadlines count
    from date_received when known, else from date_sent. An existing asked.csv is never
    overwritten without --force. Without --all-open-trusts, shows the current file.

    Example: foi-audit asked --all-open-trusts --date 2024-01-15
    """
    from foi_audit.requests import asked as asked_lib

    console = _stderr()
    if all_open_trusts:
        if not date:
            console.print("[bold red]error:[/] --all-open-trusts needs --date YYYY-MM-DD")
            raise typer.Exit(2)
        with _library_errors():
            written = asked_lib.write_all_open(out, date, force=force)
        if written.backup:
            console.print(f"Kept the previous file as {written.backup}", soft_wrap=True)
        console.print(
            f"Wrote {written.path}: {written.count} trusts open on {date}, date_sent {date}.",
            soft_wrap=True,
        )
        return
    with _library_errors():
        rows = asked_lib.load_asked(out)
    if rows is None:
        console.print(
            f"{out} does not exist: make one with `foi-audit asked --all-open-trusts "
            "--date YYYY-MM-DD` or by hand (trust_code, date_sent).",
            soft_wrap=True,
        )
        raise typer.Exit(1)
    from collections import Counter

    sent = Counter(a.date_sent or "(blank)" for a in rows)
    received = sum(1 for a in rows if a.date_received)
    _stdout().print(
        f"{out}: {len(rows)} trusts asked; sent "
        + ", ".join(f"{day}: {n}" for day, n in sorted(sent.items()))
        + f"; {received} with a receipt date.",
        soft_wrap=True,
    )


@app.command()
def deadline(
    received: Annotated[str, typer.Argument(help="Date the trust received the request.")],
    days: Annotated[int, typer.Option("--days", min=1, help="Working days allowed.")] = 20,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Statutory FOI due date (FOI Act 2000 s10) and every day skipped, with the reason.

    The due date is the 20th working day following the day of receipt (day 0). Weekends,
    Christmas Day, Good Friday and bank holidays in ANY part of the UK (England, Wales,
    Scotland, Northern Ireland) are not working days.

    Example: foi-audit deadline 2024-12-20 --json
    """
    from foi_audit.requests.deadlines import deadline_json, deadline_report

    with _library_errors():
        result = deadline_report(received, days)
    if json_out:
        import json

        print(json.dumps(deadline_json(result), indent=1))
        return
    console = _stdout()
    console.print(
        f"Received {result.received:%A %d %B %Y} (day 0). Due {result.due:%A %d %B %Y} "
        f"[bold]{result.due.isoformat()}[/]: the {_ordinal(days)} working day after receipt.",
        soft_wrap=True,
    )
    if result.skipped:
        from rich.table import Table

        table = Table("skipped", "day", "why not a working day")
        for skipped in result.skipped:
            table.add_row(skipped.date.isoformat(), f"{skipped.date:%a}", skipped.reason)
        console.print(table)


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}th" if 11 <= number % 100 <= 13 else f"{number}{suffix}"


def _version(value: bool) -> None:
    if value:
        from foi_audit import __version__

        print(f"foi-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn NHS trusts' FOI replies into a coded, evidenced dataset and honest statistics."""


def main() -> None:
    app()
