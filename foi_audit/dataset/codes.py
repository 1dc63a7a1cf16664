"""codes.csv: the machine's coded values with their evidence (long: one row per trust and field).

``codes.csv`` holds what the machine decided (``value``) and, in columns of their own, what
counts after review: ``effective_value``, ``reviewer``, ``review_date`` and ``review_reason``
(blank when no person decided). It is rewritten when a review decision is saved. Everything
people read (trusts.csv, summary, tables, explain, report) goes through
:func:`effective_codes`, which lays human overrides (``overrides.csv``) on top.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import (
    AutoValueChange,
    apply_overrides,
    changed_auto_values,
    load_overrides,
)
from foi_audit.errors import StoreError
from foi_audit.fileio import read_csv, unneutralise_cell, write_csv
from foi_audit.records import CodedValue, Document, FileStatus, Flag, FlagReason, Grounding
from foi_audit.wording import count, verb

CODES_COLUMNS = (
    "trust_code", "field", "value", "quote", "source", "locator", "confidence", "rule",
    "needs_review", "flags", "question", "grounding", "effective_value", "reviewer",
    "review_date", "review_reason",
)  # fmt: skip
NO_REPLY_RULE = "no_reply_received"
NOT_CODED_RULE = "not_coded"


def to_row(coded: CodedValue, needs_review: bool | None = None) -> dict[str, Any]:
    """A row of codes.csv: ``value`` is always the machine's; a person's decision (``coded``
    with overrides applied) fills the effective value and review columns."""
    decision = coded.decision
    return {
        "trust_code": coded.trust_code,
        "field": coded.field,
        "value": decision.machine_value if decision else coded.value,
        "quote": coded.quote,
        "source": coded.source,
        "locator": coded.locator,
        "confidence": round(coded.confidence, 2),
        "rule": coded.rule,
        "needs_review": coded.needs_review if needs_review is None else needs_review,
        "flags": ";".join(coded.flag_reasons),
        "question": coded.question,
        "grounding": str(coded.grounding),
        "effective_value": coded.value,
        "reviewer": decision.reviewer if decision else "",
        "review_date": decision.date if decision else "",
        "review_reason": decision.note if decision else "",
    }


def from_row(row: Mapping[str, str]) -> CodedValue:
    return CodedValue(
        trust_code=row["trust_code"],
        field=row["field"],
        value=unneutralise_cell(row["value"]),
        quote=unneutralise_cell(row["quote"]),
        source=unneutralise_cell(row["source"]),
        locator=unneutralise_cell(row["locator"]),
        confidence=float(row["confidence"] or 0),
        rule=row["rule"],
        flags=tuple(Flag(FlagReason(reason)) for reason in row["flags"].split(";") if reason),
        question=row.get("question", ""),
        grounding=Grounding(row.get("grounding", "")),
    )


def read_codes(layout: Layout) -> list[CodedValue]:
    """The automatic codes as ingest wrote them."""
    rows = read_csv(layout.codes_csv)
    if rows and "flags" not in rows[0]:
        raise StoreError(
            f"{layout.codes_csv} was written by an older foi-audit (no flags column): "
            "run `foi-audit ingest` again to rebuild it"
        )
    return [from_row(r) for r in rows]


def write_codes(layout: Layout, coded: Sequence[CodedValue], codebook: Codebook) -> None:
    """codes.csv from the machine's values, with the review decisions in ``overrides.csv``
    beside them; sorted by trust then codebook field order (deterministic)."""
    overrides = load_overrides(layout.overrides_csv, codebook)
    effective = apply_overrides(coded, overrides)
    review = set(needing_review(effective, changed_auto_values(coded, overrides, codebook)).keys)
    fields = codebook.field_names
    ordered = sorted(
        effective,
        key=lambda c: (c.trust_code, fields.index(c.field) if c.field in fields else len(fields)),
    )
    write_csv(
        layout.codes_csv,
        CODES_COLUMNS,
        (to_row(c, (c.trust_code, c.field) in review) for c in ordered),
    )


def refresh_codes(layout: Layout, codebook: Codebook) -> None:
    """Rewrite codes.csv after review decisions: machine values kept, decisions beside them."""
    write_codes(layout, read_codes(layout), codebook)


def effective_codes(layout: Layout, codebook: Codebook) -> list[CodedValue]:
    """Automatic codes with human overrides applied: what every figure is computed from.

    ``codebook`` (the one the data were coded with) validates the overrides.
    """
    return apply_overrides(read_codes(layout), load_overrides(layout.overrides_csv, codebook))


@dataclass(frozen=True)
class ReviewState:
    """The one definition of "needs review", used by every command: a value the machine
    flagged that no person has decided, or a decision whose automatic value has changed since
    the person saw it (``foi-audit review`` shows both)."""

    keys: tuple[tuple[str, str], ...]  # (trust_code, field), sorted

    @property
    def values(self) -> int:
        return len(self.keys)

    @property
    def trusts(self) -> int:
        return len({code for code, _ in self.keys})

    def text(self) -> str:
        """ "22 values in 6 trusts need review" / "no value needs review"."""
        if not self.keys:
            return "no value needs review"
        return (
            f"{count(self.values, 'value')} in {count(self.trusts, 'trust')} "
            f"{verb(self.values, 'needs')} review"
        )


def needing_review(
    effective: Iterable[CodedValue], changes: Iterable[AutoValueChange] = ()
) -> ReviewState:
    """Which values need review, from the effective codes and the changed automatic values."""
    keys = {(c.trust_code, c.field) for c in effective if c.needs_review}
    keys |= {change.override.key for change in changes}
    return ReviewState(tuple(sorted(keys)))


def review_state(layout: Layout, codebook: Codebook) -> ReviewState:
    """:func:`needing_review` for the processed folder (overrides applied)."""
    automatic = read_codes(layout)
    overrides = load_overrides(layout.overrides_csv, codebook)
    return needing_review(
        apply_overrides(automatic, overrides), changed_auto_values(automatic, overrides, codebook)
    )


def auto_value_changes(layout: Layout, codebook: Codebook) -> list[AutoValueChange]:
    """What ``ingest``, ``review`` and ``report`` call to warn about changed automatic values."""
    overrides = load_overrides(layout.overrides_csv, codebook)
    if not overrides:
        return []
    return changed_auto_values(read_codes(layout), overrides, codebook)


def no_reply_codes(
    asked_codes: Iterable[str], replied: set[str], codebook: Codebook
) -> list[CodedValue]:
    """Trusts that were asked and sent nothing: the codebook's no-reply outcome, every other
    field blank."""
    outcome = codebook.outcome_field
    values = []
    for code in sorted(set(asked_codes) - replied):
        for f in codebook.fields:
            value = codebook.no_reply_value if outcome and f.name == outcome.name else ""
            values.append(CodedValue(code, f.name, value, rule=NO_REPLY_RULE, confidence=1.0))
    return values


def flag_unmatched_candidates(
    values: list[CodedValue], documents: Iterable[Document], codebook: Codebook
) -> list[CodedValue]:
    """A file not matched to a trust (no evidence enough, or two trusts' evidence) may hold a
    candidate trust's reply: that trust's outcome is put in front of a person, so a reply on
    disk never becomes "no reply" unseen. Pinning the file in mapping.csv clears it."""
    outcome = codebook.outcome_field
    if outcome is None:
        return values
    files: dict[str, list[str]] = {}
    for document in documents:
        if document.status is FileStatus.UNMATCHED and not document.parent:
            for code in document.match.candidates:
                files.setdefault(code, []).append(document.path)
    if not files:
        return values
    flagged = []
    for value in values:
        paths = files.get(value.trust_code)
        if paths and value.field == outcome.name:
            shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
            flag = Flag(FlagReason.UNMATCHED_FILE_MAY_BELONG, f"not matched to a trust: {shown}")
            value = replace(value, flags=(*value.flags, flag))
        flagged.append(value)
    return flagged


def not_coded_values(trust_code: str, codebook: Codebook, reason: str) -> list[CodedValue]:
    """A trust whose coding stopped (time limit, crash): every field blank and flagged with
    the reason, so review shows it and no figure takes the blanks as answers unseen."""
    flag = Flag(FlagReason.NOT_CODED, reason)
    return [
        CodedValue(trust_code, f.name, "", rule=NOT_CODED_RULE, flags=(flag,))
        for f in codebook.fields
    ]
