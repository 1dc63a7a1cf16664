"""Interactive review of coded values: confirm or correct, one keystroke each.

The session is driven by injected functions (``read_key`` returns one key, ``read_line`` a
line of text) and prints to an injected rich console, so tests can script a whole session.
Every decision is written to ``overrides.csv`` at once (atomically): quitting, Ctrl-C or a
crash keeps what was done, and the next run skips what is already decided. Every decision and
every undo is also appended to ``overrides_history.csv`` beside it, so ``u`` (undo the last
decision) never loses what was there before. Changing a value with one key (``1``-``9``,
``b``) asks for ``y`` first, so a stray key changes nothing.

The screen for a value is laid out for a small terminal (80 x 24): the header (trust, field,
value, why it is flagged) first, the quote and its context cut to the lines left, the keys
last; text is wrapped at word boundaries.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi_audit.coding.codebook import Codebook, Field, FieldKind
from foi_audit.dataset.codes import needing_review, read_codes, refresh_codes
from foi_audit.dataset.documents import read_documents
from foi_audit.dataset.layout import Layout, read_text_blocks
from foi_audit.dataset.overrides import (
    OVERRIDES_COLUMNS,
    AutoValueChange,
    Override,
    apply_overrides,
    changed_auto_values,
    load_overrides,
    record_decision,
    save_overrides,
    to_row,
)
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.errors import InputError
from foi_audit.fileio import atomic_write_text, csv_text, read_csv
from foi_audit.records import CodedValue, FlagReason
from foi_audit.register.trusts import Register
from foi_audit.wording import count

KEY_HELP = "a/Enter accept  1-9 pick  b blank  e type  r reason  s skip  u undo  q quit"
SCREEN_LINES = 24  # the smallest terminal the screen is laid out for (80 x 24)
UNDO_KEY = "u"
CONFIRM_KEYS = {"y"}
HISTORY_NAME = "overrides_history.csv"
HISTORY_COLUMNS = ("action", *OVERRIDES_COLUMNS)
# Why the machine put a value in front of a person, in words (records.FlagReason).
FLAG_TEXT = {
    FlagReason.NO_RULE_MATCHED: "the answer has words no rule could code",
    FlagReason.NO_ANSWER_FOUND: "the reply restates the question but no answer was found",
    FlagReason.UNSURE_BLANK: "blank, but the reply should have answered this",
    FlagReason.REPLIES_CONFLICT: "two replies from this trust disagree",
    FlagReason.HEDGED_ANSWER: "the answer is hedged or weakly worded",
    FlagReason.VIA_REFERENCE: 'read through a cross-reference ("see Q2")',
    FlagReason.NAME_NOT_READ: "a title such as Dr is there but no name was read",
    FlagReason.OCR_LOW_CONFIDENCE: "OCR was unsure of a word the value rests on",
    FlagReason.BASE_UNDECIDED: "blank because the question it depends on is undecided",
    FlagReason.BASE_IN_DOUBT: "blank because the answer it depends on is in doubt",
    FlagReason.SEVERAL_REQUESTS: "the page lists other requests too",
    FlagReason.ATTACHMENT_TITLE_ONLY: "only an attachment's title says so",
    FlagReason.OUTCOME_FROM_GAP: "partly answered only because an answer was not found",
    FlagReason.OUTCOME_UNCLEAR: "nothing decided the outcome",
    FlagReason.NOT_HELD_IN_ONE_ANSWER: "'not held' said of one question only",
    FlagReason.NO_REPLY_TEXT: "the trust's documents hold no readable reply",
    FlagReason.ROLE_CONTAINS_NAME: "the job title taken holds a person's name",
    FlagReason.TITLE_CUT_SHORT: "the job title read is a single word: OCR or layout cut it short",
    FlagReason.NAME_IN_CAPITALS: "the name was read from text typed in capitals",
    FlagReason.PROVIDER_IS_THE_TRUST: "the provider read is the trust itself",
    FlagReason.QUOTE_IS_QUESTION_TEXT: "the evidence is the question's own words",
    FlagReason.CONFLICTING_CUES: "the answer also says something pointing elsewhere",
    FlagReason.SECTION_FOR_ANOTHER_QUESTION: (
        "a section cited only for another question of a longer request"
    ),
    FlagReason.SHARED_POST: "the post is held jointly: only the first holder was taken",
    FlagReason.SEVERAL_PEOPLE: "four people or more are named together: which holds the post is unclear",
    FlagReason.SOME_STAFF_ONLY: "required of one group of staff only: which value applies is a coder's call",
    FlagReason.SAID_IN_PASSING: "read from a sentence the reply gave to another question",
}
ACCEPT_KEYS = {"a", "\r", "\n"}
QUIT_KEYS = {"q", "\x04"}  # Ctrl-D as well: quitting keeps every decision already made
MAX_CONTEXT_CHARS = 700


@dataclass(frozen=True)
class ReviewOptions:
    reviewer: str
    field: str | None = None
    trust: str | None = None
    include_all: bool = False  # every value, not only needs_review ones
    redo: bool = False  # values already decided too, to change a decision
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
    undone: int = 0
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
    changes = changed_auto_values(automatic, overrides, codebook)
    stale = {c.override.key for c in changes}
    # The one definition of "needs review" (dataset.codes.needing_review) is the queue.
    pending = set(needing_review(apply_overrides(automatic, overrides), changes).keys)
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
        if not (options.include_all or value.flags or key in pending or options.redo):
            continue
        if key in decided and not options.redo:
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
    standing = {o.key: o for o in overrides}
    outcome.queued = len(queue)
    if outcome.already_decided:
        out.print(
            f"{count(outcome.already_decided, 'value')} already decided: skipped (resuming; "
            "--redo shows them to change a decision)."
        )
    if not queue:
        out.print("Nothing to review.")
        return outcome
    texts = _DocumentTexts(layout)
    today = options.today or date.today().isoformat()
    done: list[tuple[int, Override, Override | None]] = []  # position, decision, what it replaced
    position = 0
    try:
        while position < len(queue) or (done and not outcome.quit and _undo_at_end(out, read_key)):
            if position >= len(queue):
                position = _undo(layout, codebook, done.pop(), outcome, out)
                continue
            value = queue[position]
            spec = codebook.field(value.field)
            _show(
                out,
                value,
                spec,
                register,
                texts,
                options,
                position + 1,
                len(queue),
                question_text(codebook, spec),
                standing.get((value.trust_code, value.field)),
            )
            decision = _decide(out, value, spec, options.reviewer, today, read_key, read_line)
            if decision == UNDO_KEY:
                if not done:
                    out.print("Nothing to undo in this session.")
                    continue
                position = _undo(layout, codebook, done.pop(), outcome, out)
                continue
            if decision is None:
                outcome.skipped += 1
                position += 1
                continue
            if not isinstance(decision, Override):  # "quit"
                outcome.quit = True
                break
            before = {o.key: o for o in load_overrides(layout.overrides_csv, codebook)}
            record_decision(layout.overrides_csv, decision, codebook)
            _log(layout, "decide", decision)
            done.append((position, decision, before.get(decision.key)))
            if decision.accepted:
                outcome.accepted += 1
            else:
                outcome.changed += 1
            out.print(
                f"[green]saved[/] {_esc(decision.trust_code)} {_esc(decision.field)} = "
                f"{_esc(_shown(decision.value))}"
            )
            position += 1
    finally:
        if outcome.decided or outcome.undone:
            refresh_codes(layout, codebook)
            refresh_trusts(layout, register, codebook)
    out.print(
        f"{outcome.accepted} accepted, {outcome.changed} changed, {outcome.skipped} skipped"
        + (f", {outcome.undone} undone" if outcome.undone else "")
        + (" (quit: run again to resume)" if outcome.quit else "")
        + f"; decisions in {layout.overrides_csv}"
    )
    return outcome


def _undo_at_end(out: Any, read_key: Callable[[], str]) -> bool:
    """At the end of the queue the last decision can still be taken back."""
    out.print("End of the queue. \\[u] undo the last decision, any other key: finish")
    try:
        return read_key()[:1].lower() == UNDO_KEY
    except EOFError:
        return False


def history_path(layout: Layout) -> Path:
    return layout.overrides_csv.with_name(HISTORY_NAME)


def _log(layout: Layout, action: str, decision: Override) -> None:
    """Append one decision or undo to the history file (never rewritten, only added to)."""
    path = history_path(layout)
    rows = read_csv(path) if path.exists() else []
    rows.append({"action": action, **to_row(decision)})
    atomic_write_text(path, csv_text(HISTORY_COLUMNS, rows))


def _undo(
    layout: Layout,
    codebook: Codebook,
    last: tuple[int, Override, Override | None],
    outcome: ReviewOutcome,
    out: Any,
) -> int:
    """Take back the last decision: overrides.csv as it was before it; returns its position."""
    position, decision, replaced = last
    current = [o for o in load_overrides(layout.overrides_csv, codebook) if o.key != decision.key]
    save_overrides(layout.overrides_csv, [*current, *([replaced] if replaced else [])])
    _log(layout, "undo", decision)
    if decision.accepted:
        outcome.accepted -= 1
    else:
        outcome.changed -= 1
    outcome.undone += 1
    out.print(
        f"[yellow]undone[/] {_esc(decision.trust_code)} {_esc(decision.field)} = "
        f"{_esc(_shown(decision.value))}: back to it"
    )
    return position


def _decide(
    out: Any,
    value: CodedValue,
    spec: Field,
    reviewer: str,
    today: str,
    read_key: Callable[[], str],
    read_line: Callable[[str], str],
) -> Override | None | str:
    """One value's decision: an Override, None for skip, "u" for undo, or "quit"."""
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
        if key == UNDO_KEY:
            return UNDO_KEY
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
        if key != "e" and new_value != auto:
            # One key should not change a value by accident: ask first.
            out.print(
                f"Change {_esc(spec.name)} from {_esc(_shown(auto))} to "
                f"{_esc(_shown(new_value))}? \\[y] yes, any other key: no"
            )
            try:
                confirmed = read_key()[:1].lower() in CONFIRM_KEYS
            except EOFError:
                return "quit"
            if not confirmed:
                out.print("not changed")
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


def flag_text(value: CodedValue) -> str:
    """Why the machine flagged ``value``, in words ("two replies from this trust disagree")."""
    parts = []
    for flag in value.flags:
        words = FLAG_TEXT.get(flag.reason, str(flag.reason).replace("_", " "))
        parts.append(f"{words} ({flag.detail})" if flag.detail else words)
    return "; ".join(parts)


def _show(
    out: Any,
    value: CodedValue,
    spec: Field,
    register: Any,
    texts: _DocumentTexts,
    options: ReviewOptions,
    position: int,
    total: int,
    question: str = "",
    decided: Override | None = None,
) -> None:
    """One value on one screen: header, evidence cut to the lines left, keys last."""
    from rich.rule import Rule
    from rich.text import Text

    width = max(40, min(out.width, 120))
    height = max(SCREEN_LINES, out.height if out.is_terminal else SCREEN_LINES)
    if out.is_terminal:
        out.clear()  # each value starts at the top: the header never scrolls away
    trust = register.get(value.trust_code) if register is not None else None
    name = trust.name if trust else "(not in the register)"
    header: list[Any] = [
        Rule(f"{position} of {total}"),
        Text.assemble((value.trust_code, "bold"), " ", name),
        Text.assemble((spec.label, "bold"), f" ({spec.name})"),
        Text.assemble(
            "machine's value: ",
            (_shown(value.value), "bold cyan"),
            f"  (rule {value.rule or '-'}, confidence {value.confidence:.2f})",
        ),
    ]
    if decided is not None:
        header.append(
            Text.assemble(
                "decided: ",
                (_shown(decided.value), "bold green"),
                f"  by {decided.reviewer} on {decided.date}",
            )
        )
    if value.flags:
        header.append(Text.assemble(("flagged: ", "yellow"), flag_text(value)))
    if question:
        header.append(Text(question, style="dim"))
    if value.source:
        place = f" > {value.locator}" if value.locator else ""
        header.append(Text(f"source: {value.source}{place}"))
    footer: list[Any] = [Text(_values_line(spec)), Text(KEY_HELP, style="dim")]
    used = sum(_lines_of(item, width) for item in (*header, *footer)) + 2  # + prompt lines
    budget = max(3, height - used)
    evidence = _evidence_lines(value, texts, options, width, budget)
    for item in (*header, *evidence, *footer):
        out.print(item)


def question_text(codebook: Codebook, spec: Field) -> str:
    """The request's question the field answers first ("Q2. Does the Trust provide ...")."""
    for qid in spec.questions:
        question = codebook.question(qid)
        if question is not None:
            return f"Q{question.label}. {question.text}" if question.label else question.text
    return ""


def _lines_of(item: Any, width: int) -> int:
    text = getattr(item, "plain", "")
    if not text:
        return 1
    return sum(max(1, len(textwrap.wrap(line, width)) or 1) for line in text.split("\n"))


def _evidence_lines(
    value: CodedValue, texts: _DocumentTexts, options: ReviewOptions, width: int, budget: int
) -> list[Any]:
    """The quote, then the text around it, wrapped at words and cut to ``budget`` lines."""
    from rich.text import Text

    lines: list[Any] = []
    if value.quote:
        for line in textwrap.wrap(f"quote: “{value.quote}”", width, break_long_words=False):
            lines.append(Text(line, style="italic"))
    context = quote_context(
        texts.blocks(value.source) if value.source else [],
        value.quote,
        value.locator,
        options.context_blocks,
    )
    for block in context:
        body = _clip(" ".join(block.text.split()), value.quote)
        wrapped = textwrap.wrap(
            f"[{block.locator}] {body}",
            width,
            initial_indent="  ",
            subsequent_indent="  ",
            break_long_words=False,
        )
        for line in wrapped:
            text = Text(line, style="" if block.is_quote_block else "dim")
            if block.is_quote_block and value.quote:
                text.highlight_regex(re.escape(value.quote.strip()[:60]), "reverse")
            lines.append(text)
    if len(lines) > budget:
        lines = [*lines[: budget - 1], Text("  … (more in the source file)", style="dim")]
    return lines


def _values_line(spec: Field) -> str:
    if spec.kind is FieldKind.TEXT:
        return "values: free text ([e] to type, [b] blank)"
    listed = "  ".join(f"[{i}] {v}" for i, v in enumerate(_choices(spec), start=1))
    return "values: " + listed + ("  [e] type a ';' list" if spec.kind is FieldKind.MULTI else "")


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
