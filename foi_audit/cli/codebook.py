"""``foi-audit codebook``."""

from __future__ import annotations

from typing import Any

from foi_audit.cli.options import JsonOut, StudyCodebook
from foi_audit.cli.output import answer, stdout


def codebook(codebook_file: StudyCodebook = None, json_out: JsonOut = False) -> None:
    """Print the codebook: fields, allowed values, decision rules and worked examples.

    Example: foi-audit codebook --codebook my-study.toml --json
    """
    from foi_audit.coding.codebook import codebook_summary, load_codebook

    answer(
        lambda: codebook_summary(load_codebook(codebook_file)),
        json_out=json_out,
        as_json=lambda summary: summary,
        render=_render,
    )


def _render(summary: dict[str, Any]) -> None:
    from rich.table import Table

    console = stdout()
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
