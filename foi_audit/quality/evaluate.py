"""Compare the effective codes (automatic codes with human overrides) with a gold coding.

``foi-audit evaluate GOLD.csv`` is one call to :func:`evaluate`. Per field: how many trusts,
accuracy, Cohen's kappa (categorical fields), accuracy on the values *not* flagged
``needs_review`` and how many were flagged; a confusion table; and every disagreement with the
quote and its place, so a researcher can see why.

Values are compared as the codebook says (:meth:`Field.same_value`, through
:func:`foi_audit.quality.agreement.same_value`): several sections in any order, text fields
(names, job titles, providers) ignoring case, spacing, a leading title (Dr, Professor, Mr, Mrs,
Ms, Miss) and a final full stop. Trusts in the gold but absent from our output count as
disagreements (ours = ``(missing)``). Kappa is :func:`foi_audit.quality.agreement.cohen_kappa`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from foi_audit.coding.codebook import Codebook, FieldKind
from foi_audit.dataset.codes import effective_codes
from foi_audit.dataset.layout import Layout
from foi_audit.errors import InputError
from foi_audit.fileio import read_table
from foi_audit.quality.agreement import cohen_kappa, same_value
from foi_audit.records import CodedValue

MISSING = "(missing)"
BLANK = "(blank)"


@dataclass(frozen=True)
class Disagreement:
    trust_code: str
    field: str
    gold: str
    ours: str
    needs_review: bool
    rule: str
    quote: str
    source: str
    locator: str


@dataclass(frozen=True)
class FieldScore:
    field: str
    kind: str
    n: int
    correct: int
    accuracy: float
    kappa: float | None  # None for text fields, or when agreement by chance is certain
    n_not_review: int
    correct_not_review: int
    accuracy_not_review: float | None
    flagged: int
    confusion: dict[str, dict[str, int]]  # gold value -> our value -> trusts (categorical)


@dataclass(frozen=True)
class Evaluation:
    gold: str
    processed: str
    trusts: int
    missing_trusts: tuple[str, ...]
    fields: tuple[FieldScore, ...]
    disagreements: tuple[Disagreement, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_gold(path: Path, codebook: Codebook) -> tuple[list[dict[str, str]], list[str]]:
    """Gold rows and the codebook fields it codes; extra columns (``files``) are ignored."""
    if not path.exists():
        raise InputError(
            f"{path} does not exist: pass the gold CSV (trust_code + one column per field)"
        )
    table = read_table(path)  # as Excel saves it; a file it cannot read is one line
    rows = table.rows
    columns = list(table.header)
    if "trust_code" not in columns:
        raise InputError(f"{path} has no trust_code column: add one (ODS codes)")
    fields = [name for name in codebook.field_names if name in columns]
    if not fields:
        raise InputError(
            f"{path} has none of the codebook's fields as columns: expected some of "
            + ", ".join(codebook.field_names)
        )
    for number, row in table.numbered():
        if not (row.get("trust_code") or "").strip():
            raise InputError(f"{path} line {number}: trust_code is blank")
        for name in fields:
            value = (row.get(name) or "").strip()
            if not codebook.field(name).allows(value):
                raise InputError(
                    f"{path} line {number}: {name} {value!r} is not one of the codebook's values "
                    f"({', '.join(codebook.field(name).values)})"
                )
    return rows, fields


def evaluate(gold_path: Path, layout: Layout, codebook: Codebook) -> Evaluation:
    """Score the effective codes in ``layout`` against the gold CSV."""
    rows, fields = load_gold(gold_path, codebook)
    ours: dict[tuple[str, str], CodedValue] = {
        (c.trust_code, c.field): c for c in effective_codes(layout, codebook)
    }
    coded_trusts = {trust for trust, _ in ours}
    gold_trusts = [row["trust_code"].strip().upper() for row in rows]
    missing = tuple(sorted(t for t in set(gold_trusts) if t not in coded_trusts))

    scores = []
    disagreements = []
    for name in fields:
        f = codebook.field(name)
        pairs: list[tuple[str, str]] = []
        correct = n_clear = correct_clear = flagged = 0
        confusion: dict[str, dict[str, int]] = {}
        for trust, row in zip(gold_trusts, rows, strict=True):
            gold_value = f.normalise(row.get(name, ""))
            coded = ours.get((trust, name))
            our_value = f.normalise(coded.value) if coded else MISSING
            agree = coded is not None and same_value(f, gold_value, our_value)
            pairs.append((gold_value or BLANK, our_value or BLANK))
            correct += agree
            review = bool(coded and coded.needs_review)
            if review:
                flagged += 1
            else:
                n_clear += 1
                correct_clear += agree
            if f.kind is not FieldKind.TEXT:
                cell = confusion.setdefault(gold_value or BLANK, {})
                cell[our_value or BLANK] = cell.get(our_value or BLANK, 0) + 1
            if not agree:
                disagreements.append(
                    Disagreement(
                        trust_code=trust,
                        field=name,
                        gold=row.get(name, "").strip(),
                        ours=coded.value if coded else MISSING,
                        needs_review=review,
                        rule=coded.rule if coded else "",
                        quote=coded.quote if coded else "",
                        source=coded.source if coded else "",
                        locator=coded.locator if coded else "",
                    )
                )
        n = len(pairs)
        scores.append(
            FieldScore(
                field=name,
                kind=f.kind,
                n=n,
                correct=correct,
                accuracy=round(correct / n, 4) if n else 0.0,
                kappa=_rounded(cohen_kappa(pairs)) if f.kind is not FieldKind.TEXT else None,
                n_not_review=n_clear,
                correct_not_review=correct_clear,
                accuracy_not_review=round(correct_clear / n_clear, 4) if n_clear else None,
                flagged=flagged,
                confusion={g: dict(sorted(o.items())) for g, o in sorted(confusion.items())},
            )
        )
    return Evaluation(
        gold=str(gold_path),
        processed=str(layout.processed),
        trusts=len(rows),
        missing_trusts=missing,
        fields=tuple(scores),
        disagreements=tuple(disagreements),
    )


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
