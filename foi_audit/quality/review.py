"""Interactive review of coded values: confirm or correct, one keystroke each.

The session is driven by injected functions (``read_key`` returns one key, ``read_line`` a
line of text) and prints to an injected rich console, so tests can script a whole session.
Every decision is written to ``overrides.csv`` at once (atomically): quitting, Ctrl-C or a
crash keeps what was done, and the next run skips what is already decided.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldKind
from foi_audit.dataset.codes import read_codes
from foi_audit.dataset.documents import read_documents
from foi_audit.dataset.layout import Layout, read_text_blocks
from foi_audit.dataset.overrides import (
    AutoValueChange,
    Override,
    changed_auto_values,
    load_overrides,
    record_decision,
)
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.errors import InputError
from foi_audit.records import CodedValue
from foi_audit.register.trusts import Register

KEY_HELP = (
    "[a/Enter] accept  [1-9] pick value  [b] blank  [e] type a value  [r] reason  "
    "[s] skip  [q] quit"
)
ACCEPT_KEYS = {"a", "\r", "\n"}
QUIT_KEYS = {"q", "\x04"}  # Ctrl-D as well: quitting keeps every decision already made
MAX_CONTEXT_CHARS = 700


@dataclass(frozen=True)
class ReviewOptions:
    reviewer: str
    field: str | None = None
    trust: str | None = None
    include_all: bool = False  # every value, not only needs_review ones
    today: str = ""  # ISO date of the decisions; blank = today
    context_blocks: int = 1  # blocks shown before and after the quote's block


@dataclass(frozen=True)
class ContextBlock:
    text: str
    locator: str
    is_quote_block: bool


@dataclass
class ReviewOutcome:
    """What a session did (mutable while it runs, so Ctrl-C still reports it)."""

    queued: int = 0
    already_decided: int = 0
    accepted: int = 0
    changed: int = 0
    skipped: int = 0
    quit: bool = False
    auto_changes: list[AutoValueChange] = field(default_factory=list)

    @property
    def decided(self) -> int:
        return self.accepted + self.changed


def review_queue(
    automatic: Sequence[CodedValue],
    overrides: Sequence[Override],
    codebook: Codebook,
    options: ReviewOptions,
) -> tuple[list[CodedValue], int]:
    """Values to review in trust and codebook order, and how many were skipped as decided.

    A decision whose automatic value has since changed comes back for another look.
    """
    if options.field:
        codebook.field(options.field)  # a clear error for a misspelt field
    stale = {c.override.key for c in changed_auto_values(automatic, overrides, codebook)}
    decided = {o.key for o in overrides} - stale
    order = {name: i for i, name in enumerate(codebook.field_names)}
    wanted = []
    already = 0
    for value in automatic:
        if value.field not in order:
            continue
        if options.field and value.field != options.field:
            continue
        if options.trust and value.trust_code != options.trust.upper():
            continue
        key = (value.trust_code, value.field)
        if not (options.include_all or value.needs_review or key in stale):
            continue
        if key in decided:
            already += 1
            continue
        wanted.append(value)
    wanted.sort(key=lambda v: (v.trust_code, order[v.field]))
    return wanted, already


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def quote_context(
    blocks: Sequence[tuple[str, str, str]], quote: str, locator: str, around: int = 1
) -> list[ContextBlock]:
    """The block holding the quote and ``around`` blocks either side; empty when not found."""
    wanted = _squash(quote)
    probe = wanted[:80]
    index = None
    if probe:
        for strict in (True, False):
            for i, (text, loc, _role) in enumerate(blocks):
                if (not strict or loc == locator) and probe in _squash(text):
                    index = i
                    break
            if index is not None:
                break
    if index is None and locator:
        index = next((i for i, b in enumerate(blocks) if b[1] == locator), None)
    if index is None:
        return []
    start, stop = max(0, index - around), min(len(blocks), index + around + 1)
    return [ContextBlock(blocks[i][0], blocks[i][1], i == index) for i in range(start, stop)]


class _DocumentTexts:
    """Block lists per source document, read lazily from processed/text/<id>.json."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._text_files: dict[str, str] | None = None
        self._cache: dict[str, list[tuple[str, str, str]]] = {}

    def blocks(self, source: str) -> list[tuple[str, str, str]]:
        if self._text_files is None:
            self._text_files = {d.path: d.text_file for d in read_documents(self.layout)}
        if source not in self._cache:
            self._cache[source] = read_text_blocks(self.layout, self._text_files.get(source, ""))
        return self._cache[source]


def run_review(
    layout: Layout,
    codebook: Codebook,
    register: Register,
    options: ReviewOptions,
    read_key: Callable[[], str],
    read_line: Callable[[str], str],
    out: Any,
) -> ReviewOutcome:
    """Review the queue one value at a time; returns what was done.

    ``out`` is a rich console. trusts.csv is rebuilt at the end (also after Ctrl-C) when
    anything was decided, so every output reflects the decisions.
    """
    automatic = read_codes(layout)
    if options.trust and options.trust.upper() not in {c.trust_code for c in automatic}:
        raise InputError(
            f"{options.trust} is not a trust in the coded data: check the ODS code "
            "(see trusts.csv or `foi-audit register --search NAME`)"
        )
    overrides = load_overrides(layout.overrides_csv, codebook)
    outcome = ReviewOutcome(auto_changes=changed_auto_values(automatic, overrides, codebook))
    for change in outcome.auto_changes:
        out.print(f"[yellow]note:[/] {_esc(change.describe())}")
    queue, outcome.already_decided = review_queue(automatic, overrides, codebook, options)
    outcome.queued = len(queue)
    if outcome.already_decided:
        out.print(f"{outcome.already_decided} value(s) already decided: skipped (resuming).")
    if not queue:
        out.print("Nothing to review.")
        return outcome
    texts = _DocumentTexts(layout)
    today = options.today or date.today().isoformat()
    try:
        for position, value in enumerate(queue, start=1):
            spec = codebook.field(value.field)
            _show(out, value, spec, register, texts, options, position, len(queue))
            decision = _decide(out, value, spec, options.reviewer, today, read_key, read_line)
            if decision is None:
                outcome.skipped += 1
                continue
            if not isinstance(decision, Override):  # "quit"
                outcome.quit = True
                break
            record_decision(layout.overrides_csv, decision, codebook)
            if decision.accepted:
                outcome.accepted += 1
            else:
                outcome.changed += 1
            out.print(
                f"[green]saved[/] {_esc(decision.trust_code)} {_esc(decision.field)} = "
                f"{_esc(_shown(decision.value))}"
            )
    finally:
        if outcome.decided:
            refresh_trusts(layout, register, codebook)
    out.print(
        f"{outcome.accepted} accepted, {outcome.changed} changed, {outcome.skipped} skipped"
        + (" (quit: run again to resume)" if outcome.quit else "")
        + f"; decisions in {layout.overrides_csv}"
    )
    return outcome


def _decide(
    out: Any,
    value: CodedValue,
    spec: Field,
    reviewer: str,
    today: str,
    read_key: Callable[[], str],
    read_line: Callable[[str], str],
) -> Override | None | str:
    """One value's decision: an Override, None for skip, or "quit"."""
    reason = ""
    choices = _choices(spec)
    auto = spec.normalise(value.value)
    while True:
        try:
            key = read_key()
        except EOFError:
            return "quit"
        key = key[:1].lower() if key not in ACCEPT_KEYS else key
        new_value: str | None = None
        if key in ACCEPT_KEYS:
            return Override(
                value.trust_code,
                value.field,
                auto,
                reviewer,
                today,
                f"accepted: {reason}" if reason else "accepted",
                auto,
            )
        if key in QUIT_KEYS:
            return "quit"
        if key == "s":
            out.print("skipped")
            return None
        if key == "r":
            reason = read_line("Reason: ").strip()
            out.print(f"reason noted: {_esc(reason)}" if reason else "no reason")
            continue
        if key == "b":
            new_value = ""
        elif key.isdigit() and 1 <= int(key) <= len(choices):
            new_value = choices[int(key) - 1]
        elif key == "e":
            typed = spec.normalise(read_line(f"New value for {spec.name}: "))
            if not spec.allows(typed):
                out.print(
                    f"[red]{_esc(typed)!s} is not allowed[/]; use " + _esc(", ".join(spec.values))
                )
                continue
            new_value = typed
        else:
            out.print(f"[dim]{_esc(KEY_HELP)}[/]")
            continue
        return Override(
            value.trust_code,
            value.field,
            new_value,
            reviewer,
            today,
            reason or ("confirmed" if new_value == auto else "corrected"),
            auto,
        )


def _choices(spec: Field) -> tuple[str, ...]:
    return spec.values[:9] if spec.kind is not FieldKind.TEXT else ()


def _show(
    out: Any,
    value: CodedValue,
    spec: Field,
    register: Any,
    texts: _DocumentTexts,
    options: ReviewOptions,
    position: int,
    total: int,
) -> None:
    from rich.rule import Rule
    from rich.text import Text

    trust = register.get(value.trust_code) if register is not None else None
    name = trust.name if trust else "(not in the register)"
    out.print(Rule(f"{position}/{total}"))
    out.print(Text.assemble((value.trust_code, "bold"), " ", name))
    out.print(Text.assemble((spec.label, "bold"), f" ({spec.name}): ", spec.definition))
    flag = "  [needs review]" if value.needs_review else ""
    out.print(
        Text.assemble(
            "automatic value: ",
            (_shown(value.value), "bold cyan"),
            f"   rule {value.rule or '-'}, confidence {value.confidence:.2f}",
            (flag, "yellow"),
        )
    )
    if value.source:
        out.print(
            Text(f"source: {value.source}" + (f" @ {value.locator}" if value.locator else ""))
        )
    if value.quote:
        out.print(Text.assemble("quote: ", (f"“{value.quote}”", "italic")))
    context = quote_context(
        texts.blocks(value.source) if value.source else [],
        value.quote,
        value.locator,
        options.context_blocks,
    )
    for block in context:
        body = _clip(block.text, value.quote)
        line = Text(f"  [{block.locator}] ", style="dim")
        text = Text(body, style="" if block.is_quote_block else "dim")
        if block.is_quote_block and value.quote:
            text.highlight_regex(re.escape(value.quote.strip()[:200]), "reverse")
        out.print(line + text)
    if spec.kind is FieldKind.TEXT:
        out.print(Text("values: free text ([e] to type, [b] blank)"))
    else:
        listed = "  ".join(f"[{i}] {v}" for i, v in enumerate(_choices(spec), start=1))
        out.print(
            Text(
                "values: "
                + listed
                + ("  [e] type a ';' list" if spec.kind is FieldKind.MULTI else "")
            )
        )
    out.print(Text(KEY_HELP, style="dim"))


def _clip(text: str, quote: str) -> str:
    """Long blocks are cut around the quote so the screen stays readable."""
    if len(text) <= MAX_CONTEXT_CHARS:
        return text
    at = text.find(quote.strip()[:80]) if quote else -1
    start = max(0, at - MAX_CONTEXT_CHARS // 3) if at >= 0 else 0
    end = start + MAX_CONTEXT_CHARS
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _shown(value: str) -> str:
    return value if value else "(blank)"


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)
