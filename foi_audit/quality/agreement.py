"""Inter-coder agreement: Cohen's kappa and Krippendorff's alpha (nominal) per field.

Two coders' files are compared trust by trust: trusts.csv-shaped CSVs (the tool's own output,
or a second coder's) or the XLSX coding sheet that ``foi-audit sample`` writes. Only trusts in
both files count; the others are listed.

Blanks need an explicit policy because they are common (conditional fields are blank when they
do not apply) and change the figures a lot:

- ``category`` (default): a blank is a value of its own, "(blank)". Two coders leaving a field
  blank agree; one coding it and the other not disagree.
- ``missing``: a blank is missing data. Kappa drops pairs where either coder is blank; alpha
  treats the blank as missing (a trust with one value is not pairable and drops out).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from foi_audit.coding.codebook import Codebook, Field
from foi_audit.errors import InputError
from foi_audit.fileio import read_table, unneutralise_cell
from foi_audit.wording import count

BLANK = "(blank)"


class BlankPolicy(StrEnum):
    CATEGORY = "category"
    MISSING = "missing"


BLANK_POLICY_NOTES = {
    BlankPolicy.CATEGORY: (
        'blanks counted as a value of their own, "(blank)": coders who both leave a field '
        "blank agree (use --blanks missing to leave them out)"
    ),
    BlankPolicy.MISSING: (
        "blanks treated as missing: kappa drops trusts where either coder left the field "
        "blank; alpha leaves blank values out (use --blanks category to count them)"
    ),
}


@dataclass(frozen=True)
class Disagreement:
    trust_code: str
    field: str
    value_a: str
    value_b: str


@dataclass(frozen=True)
class FieldAgreement:
    field: str
    kind: str
    pairs: int  # trusts both coders coded under the blank policy (kappa's n)
    agree: int
    kappa: float | None  # None: undefined (no pairs, or both coders used one value only)
    alpha: float | None
    dropped_for_blank: int
    disagreements: tuple[Disagreement, ...]

    @property
    def observed(self) -> float | None:
        return self.agree / self.pairs if self.pairs else None


@dataclass(frozen=True)
class AgreementResult:
    file_a: str
    file_b: str
    blank_policy: BlankPolicy
    trusts: tuple[str, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]
    fields: tuple[FieldAgreement, ...]
    fields_not_compared: tuple[str, ...]  # codebook fields missing from either file
    warnings: tuple[str, ...] = ()  # an empty sheet, a field one coder left blank throughout

    @property
    def blank_note(self) -> str:
        return BLANK_POLICY_NOTES[self.blank_policy]


# ---------------------------------------------------------------- the two statistics


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's (1960) kappa for two coders: (p_o - p_e) / (1 - p_e)."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected >= 1.0:
        return None  # both coders used one and the same value throughout
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Iterable[Sequence[str | None]]) -> float | None:
    """Krippendorff's alpha for nominal data, any number of coders, ``None`` = missing.

    alpha = 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011, "Computing
    Krippendorff's Alpha-Reliability"); units with fewer than two values are not pairable.
    """
    coincidence: defaultdict[tuple[str, str], float] = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, first in enumerate(values):
            for j, second in enumerate(values):
                if i != j:
                    coincidence[(first, second)] += 1 / (m - 1)
    totals: defaultdict[str, float] = defaultdict(float)
    for (first, _), weight in coincidence.items():
        totals[first] += weight
    n = sum(totals.values())
    if n <= 1:
        return None
    disagree_observed = sum(w for (c, k), w in coincidence.items() if c != k)
    disagree_expected = (n * n - sum(t * t for t in totals.values())) / (n - 1)
    if disagree_expected == 0:
        return None  # no variation at all: alpha is undefined
    return 1 - disagree_observed / disagree_expected


# ---------------------------------------------------------------- reading coders' files


def read_coding_file(path: Path) -> dict[str, dict[str, str]]:
    """trust_code -> column -> value from a trusts.csv-shaped CSV or a coding-sheet XLSX."""
    if not path.exists():
        raise InputError(f"{path} does not exist: pass a trusts.csv or a coding sheet (.xlsx)")
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        header, rows = _read_xlsx(path)
        lines: Sequence[int] = range(2, len(rows) + 2)
    else:
        # Saved by us, a text editor or Excel (Windows-1252, UTF-16, semicolons): as it is.
        table = read_table(path)
        header = list(table.header)
        rows = [[row[name] for name in table.header] for row in table.rows]
        lines = table.lines
    header = [h.strip() for h in header]
    if "trust_code" not in header:
        raise InputError(f"{path}: no trust_code column; pass a trusts.csv-shaped file")
    result: dict[str, dict[str, str]] = {}
    for line, row in zip(lines, rows, strict=True):
        record = {
            name: unneutralise_cell(cell.strip()) for name, cell in zip(header, row, strict=False)
        }
        code = record.get("trust_code", "").upper()
        if not code:
            continue
        if code in result:
            raise InputError(f"{path} line {line}: trust {code} appears twice; keep one row")
        result[code] = record
    return result


def _read_xlsx(path: Path) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise InputError(f"{path} is not a readable XLSX file ({exc})") from exc
    sheet = book["coding"] if "coding" in book.sheetnames else book.worksheets[0]
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    for index, row in enumerate(rows):
        if "trust_code" in (c.strip() for c in row):
            return row, rows[index + 1 :]
    return [], []


# ---------------------------------------------------------------- comparing


def same_value(spec: Field, a: str, b: str) -> bool:
    """Whether two coders' (or gold and ours) values say the same: the codebook's
    :meth:`Field.same_value` (sections in any order; text ignoring case, spacing, a leading
    title and a final full stop)."""
    return spec.same_value(a, b)


class _Canonical:
    """One representative per class of values that are the same (:func:`same_value`), so
    kappa and alpha count them as one category."""

    def __init__(self, spec: Field) -> None:
        self.spec = spec
        self.seen: list[str] = []

    def __call__(self, value: str) -> str:
        value = self.spec.normalise(value)
        for representative in self.seen:
            if same_value(self.spec, representative, value):
                return representative
        self.seen.append(value)
        return value


def compare(
    path_a: Path,
    path_b: Path,
    codebook: Codebook,
    blanks: BlankPolicy = BlankPolicy.CATEGORY,
    fields: Sequence[str] = (),
) -> AgreementResult:
    """Agreement per codebook field between two coders' files."""
    coder_a, coder_b = read_coding_file(path_a), read_coding_file(path_b)
    columns_a = set().union(*(r.keys() for r in coder_a.values())) if coder_a else set()
    columns_b = set().union(*(r.keys() for r in coder_b.values())) if coder_b else set()
    wanted = list(fields) or list(codebook.field_names)
    for name in wanted:
        codebook.field(name)
    compared = [f for f in wanted if f in columns_a and f in columns_b]
    trusts = tuple(sorted(set(coder_a) & set(coder_b)))
    results = []
    for name in compared:
        spec = codebook.field(name)
        canonical = _Canonical(spec)
        pairs: list[tuple[str, str]] = []
        units: list[list[str | None]] = []
        disagreements = []
        dropped = 0
        for code in trusts:
            a = canonical(coder_a[code].get(name, ""))
            b = canonical(coder_b[code].get(name, ""))
            if blanks is BlankPolicy.CATEGORY:
                a, b = a or BLANK, b or BLANK
                units.append([a, b])
            else:
                units.append([a or None, b or None])
                if not a or not b:
                    dropped += 1
                    continue
            pairs.append((a, b))
            if a != b:
                disagreements.append(
                    Disagreement(
                        code, name, coder_a[code].get(name, ""), coder_b[code].get(name, "")
                    )
                )
        results.append(
            FieldAgreement(
                field=name,
                kind=spec.kind,
                pairs=len(pairs),
                agree=sum(1 for a, b in pairs if a == b),
                kappa=cohen_kappa(pairs),
                alpha=krippendorff_alpha_nominal(units),
                dropped_for_blank=dropped,
                disagreements=tuple(disagreements),
            )
        )
    return AgreementResult(
        warnings=blank_warnings({"A": (path_a, coder_a), "B": (path_b, coder_b)}, trusts, compared),
        file_a=str(path_a),
        file_b=str(path_b),
        blank_policy=blanks,
        trusts=trusts,
        only_in_a=tuple(sorted(set(coder_a) - set(coder_b))),
        only_in_b=tuple(sorted(set(coder_b) - set(coder_a))),
        fields=tuple(results),
        fields_not_compared=tuple(f for f in wanted if f not in compared),
    )


def blank_warnings(
    coders: dict[str, tuple[Path, dict[str, dict[str, str]]]],
    trusts: Sequence[str],
    fields: Sequence[str],
) -> tuple[str, ...]:
    """What makes the figures meaningless: a coder who coded nothing (an unfilled sheet), or
    a field one coder left blank for every trust compared while the other coded it."""
    if not trusts or not fields:
        return ()
    found = []
    blank = {
        label: [f for f in fields if not any(rows[t].get(f, "").strip() for t in trusts)]
        for label, (_, rows) in coders.items()
    }
    for label, (path, _) in coders.items():
        others = [f for other, names in blank.items() if other != label for f in names]
        # A field both coders left blank (no exemption anywhere) is agreement, not a slip.
        blank_fields = [f for f in blank[label] if f not in others]
        if len(blank[label]) == len(fields):
            found.append(
                f"{label} ({path.name}) has no value at all for the {count(len(trusts), 'trust')} "
                "compared: is the sheet filled in? The figures below compare with an empty sheet."
            )
        elif blank_fields:
            found.append(
                f"{label} ({path.name}) left {', '.join(blank_fields)} blank for every trust "
                f"compared: kappa and alpha for {'it' if len(blank_fields) == 1 else 'them'} "
                "say nothing about agreement."
            )
    return tuple(found)


def result_dict(result: AgreementResult) -> dict[str, Any]:
    """Plain data for ``--json``."""

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    return {
        "file_a": result.file_a,
        "file_b": result.file_b,
        "blank_policy": str(result.blank_policy),
        "blank_note": result.blank_note,
        "trusts_compared": len(result.trusts),
        "only_in_a": list(result.only_in_a),
        "only_in_b": list(result.only_in_b),
        "fields_not_compared": list(result.fields_not_compared),
        "warnings": list(result.warnings),
        "fields": [
            {
                "field": f.field,
                "kind": f.kind,
                "pairs": f.pairs,
                "agree": f.agree,
                "observed_agreement": rounded(f.observed),
                "cohen_kappa": rounded(f.kappa),
                "krippendorff_alpha": rounded(f.alpha),
                "dropped_for_blank": f.dropped_for_blank,
                "disagreements": [
                    {"trust_code": d.trust_code, "a": d.value_a, "b": d.value_b}
                    for d in f.disagreements
                ],
            }
            for f in result.fields
        ],
    }
