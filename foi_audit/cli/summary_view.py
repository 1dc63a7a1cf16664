"""How ``foi-audit summary`` reads on a terminal: the headline first, the rest on request.

Headline: who was asked, one line per question (its principal answer with count, base, 95%
interval, a phrase and the base chain), then how many values need review and how many files
were not matched. ``--detail`` adds every value of every field with its best and worst case,
and the outcomes; ``--field F`` gives that detail for one field. Text is wrapped by rich at
word boundaries, so it fits an 80-column terminal without breaking a word.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from foi_audit.wording import count, verb

INDENT = 2


def render_summary(result: Any, console: Any, detail: bool = False, field: str = "") -> None:
    from foi_audit.figures.file_notes import unmatched_warning

    if result.files_unmatched:  # first: every figure below may miss these trusts
        say(console, "Warning: " + unmatched_warning(result.files_unmatched), style="yellow")
    _intro(console, result)
    if field:
        for stat in [f for f in (*result.questions, *result.outcomes) if f.field == field]:
            _field_detail(console, stat)
    elif detail:
        for title, fields in (("Questions", result.questions), ("Outcomes", result.outcomes)):
            console.rule(f"[bold]{title}")
            for stat in fields:
                _field_detail(console, stat)
    else:
        _headline(console, result)
    if result.groups:
        _groups(console, result, detail=detail or bool(field), only=field)
    console.print()
    _status(console, result)
    say(console, f"Intervals: {result.method}.", style="dim")
    if not (detail or field):
        say(
            console,
            "Every answer with its best and worst case, and the outcomes: "
            "foi-audit summary --detail (one question: --field NAME).",
            style="dim",
        )
    example = result.questions[0].values[0].explain if result.questions else ""
    say(
        console,
        "The trusts behind a figure: foi-audit explain FIELD=VALUE"
        + (f" (e.g. {example})." if example else "."),
        style="dim",
    )


def say(console: Any, text: str, indent: int = 0, style: str = "") -> None:
    console.print(_text(text, indent, style, console.width), soft_wrap=True)


def _text(text: str, indent: int = 0, style: str = "", width: int = 80) -> Any:
    """A paragraph wrapped at word boundaries with a hanging indent (rich's own wrapping pads
    indented lines with spaces)."""
    from rich.text import Text

    wrapped = textwrap.fill(
        text,
        width=max(width, 40),
        initial_indent=" " * indent,
        subsequent_indent=" " * indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return Text(wrapped, style=style, no_wrap=True, overflow="ignore")


def _intro(console: Any, result: Any) -> None:
    say(console, f"Who was asked: {result.asked_note}.")
    say(
        console,
        f"{count(result.asked, 'trust')} asked → {result.replied} replied "
        f"({result.no_reply} {verb(result.no_reply, 'has')} not replied).",
    )
    for note in result.notes:
        say(console, f"Note: {note}", style="yellow")


def _headline(console: Any, result: Any) -> None:
    for line in result.headline:
        console.print()
        title = f"{line.question} {line.label}" if line.question else line.label
        say(console, title, style="bold")
        say(console, line.text, INDENT)


def _status(console: Any, result: Any) -> None:
    from foi_audit.figures.file_notes import set_aside_note

    review = result.review_text[:1].upper() + result.review_text[1:]
    if result.needs_review:
        review += " (counted as coded): foi-audit review."
    else:
        review += "."
    say(console, review, style="yellow" if result.needs_review else "")
    files = []
    if result.files_unmatched:
        files.append(
            f"{count(result.files_unmatched, 'file')} not matched to a trust: pin "
            f"{'it' if result.files_unmatched == 1 else 'them'} in mapping.csv"
        )
    if result.files_not_read:
        files.append(
            f"{count(result.files_not_read, 'file')} could not be read (see the message "
            "column of documents.csv)"
        )
    if files:
        say(console, "; ".join(files) + ".", style="yellow")
    aside = set_aside_note(result.files_out_of_scope, result.files_skipped)
    if aside:
        say(console, aside)
    if result.files and not files:
        matched = result.files - result.files_out_of_scope - result.files_skipped
        every = "Every other file" if aside else "Every file"
        say(console, f"{every} was read and matched to a trust ({count(matched, 'file')}).")


def _field_detail(console: Any, stat: Any) -> None:
    console.print()
    title = f"{stat.question} {stat.label}" if stat.question else stat.label
    review = (
        f" — {stat.needs_review} of these {verb(stat.needs_review, 'needs')} review"
        if stat.needs_review
        else ""
    )
    say(console, f"{title} ({stat.field}){review}", style="bold")
    if not stat.chain.answered:
        say(console, f"No trust answered. Base: {stat.chain_text}.", INDENT)
        return
    for value in stat.values:
        say(console, value.headline, INDENT)
        if value.bounds_text:
            say(console, value.bounds_text, INDENT * 2, style="dim")


def _groups(console: Any, result: Any, detail: bool, only: str) -> None:
    """One table per figure: the groups with someone who answered, nothing for the others."""
    from rich import box
    from rich.table import Table

    headline = {(line.field, line.value) for line in result.headline}
    first = result.groups[0].fields
    for position, stat in enumerate(first):
        if stat.kind == "multi" or (only and stat.field != only):
            continue
        for index, value in enumerate(stat.values):
            if not (detail or (stat.field, value.value) in headline):
                continue
            rows = _group_rows(result.groups, position, index)
            if not rows:
                continue
            title = f"{stat.question} {stat.label}" if stat.question else stat.label
            table = Table(
                title=f"{title}: {value.label}, by {result.by.replace('_', ' ')}",
                box=box.SIMPLE_HEAD,
                title_justify="left",
            )
            table.add_column(result.by.replace("_", " "), overflow="fold")
            table.add_column("trusts", justify="right", no_wrap=True)
            table.add_column("%", justify="right", no_wrap=True)
            table.add_column("95% CI", justify="right", no_wrap=True)
            table.add_column("in words")
            for row in rows:
                table.add_row(*row)
            console.print()
            print_table(console, table)


def print_table(console: Any, table: Any) -> None:
    """A rich table; into a file or a pipe without the spaces that pad its lines."""
    if console.is_terminal:
        console.print(table)
        return
    with console.capture() as capture:
        console.print(table)
    for line in capture.get().splitlines():
        console.print(line.rstrip(), markup=False, highlight=False, soft_wrap=True)


def _group_rows(groups: Sequence[Any], position: int, index: int) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for group in groups:
        value = group.fields[position].values[index]
        if not value.denominator:
            continue  # nobody in this group answered: no row of "0 of 0"
        rows.append(
            (
                group.label,
                f"{value.count} of {value.denominator}",
                f"{value.percent:.1f}",
                f"{value.ci_low:.1f}–{value.ci_high:.1f}",
                value.phrase,
            )
        )
    return rows
