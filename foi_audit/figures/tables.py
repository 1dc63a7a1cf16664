"""The paper's tables (CSV, Markdown, LaTeX, XLSX), byte-identical on every rerun.

``generate`` returns every output file as bytes (pure given the processed folder); ``write_tables``
writes them, or with ``check=True`` only compares them with what is on disk — the command a
paper's CI runs. Determinism: rows in codebook/sorted order, numbers with fixed formatting, no
timestamps anywhere (the XLSX has fixed document dates and zip entry times).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from foi_audit.coding.codebook import Codebook
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.study import load_study_codebook
from foi_audit.errors import InputError
from foi_audit.figures import stats
from foi_audit.figures import summary as report
from foi_audit.figures.charts import chart_files
from foi_audit.figures.file_notes import unmatched_warning
from foi_audit.fileio import atomic_write_bytes, csv_text, neutralise_cell

FORMATS = ("csv", "md", "tex", "xlsx")
XLSX_NAME = "tables.xlsx"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
FIXED_DATE = "2000-01-01T00:00:00Z"  # the XLSX's created/modified properties


@dataclass(frozen=True)
class Table:
    name: str  # file stem
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    display: tuple[str, ...]  # the columns shown in Markdown and LaTeX (CSV/XLSX have all)
    note: str


@dataclass(frozen=True)
class TablesResult:
    out: Path
    files: tuple[str, ...]  # every file generated, sorted
    written: tuple[str, ...]  # files whose bytes changed on disk (all of them the first time)
    differing: tuple[str, ...]  # with check: files missing or different on disk
    warning: str = ""  # said before the tables: some files are not matched to a trust


# The columns a reader sees in Markdown/LaTeX (the CSV keeps every column).
_DISPLAY = ("question", "answer", "count", "answered", "percent", "ci_low", "ci_high", "in_words")


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


_VALUE_COLUMNS = (
    "field", "question", "value", "answer", "count", "answered", "percent", "ci_low", "ci_high",
    "in_words",
)  # fmt: skip


def _value_cells(fs: report.FieldStat, vs: report.ValueStat) -> tuple[str | int, ...]:
    return (
        fs.field,
        fs.label,
        vs.value,
        vs.label,
        vs.count,
        vs.denominator,
        _pct(vs.percent),
        _pct(vs.ci_low),
        _pct(vs.ci_high),
        vs.phrase,
    )


def _note(summary: report.Summary) -> str:
    return (
        f"Percent of the trusts that answered each question; {stats.INTERVAL_METHOD}. "
        f"Who was asked: {summary.asked_note}; {summary.replied} of {summary.asked} replied. "
        "Best/worst case: the count if every asked trust that did not answer had / had not "
        "given this answer. Source: FOI replies coded with foi-audit."
    )


def build_tables(
    overall: report.Summary, by_region: report.Summary, by_type: report.Summary
) -> list[Table]:
    """The four tables of the paper from summaries computed on the same data."""
    note = _note(overall)
    field_rows = tuple(
        (
            *_value_cells(fs, vs),
            fs.chain.asked,
            fs.chain.replied,
            fs.chain.base,
            fs.chain.in_base,
            fs.chain_text,
            vs.worst_case,
            vs.best_case,
            fs.chain.bound_base,
            vs.needs_review,
        )
        for fs, vs in report.flatten_values(overall.questions)
    )
    tables = [
        Table(
            name="coverage_by_field",
            title="Answers by question",
            columns=(
                *_VALUE_COLUMNS,
                "asked",
                "replied",
                "base",
                "in_base",
                "chain",
                "worst_case",
                "best_case",
                "bound_base",
                "needs_review",
            ),  # fmt: skip
            rows=field_rows,
            display=_DISPLAY,
            note=note,
        )
    ]
    for summary, dimension, title in (
        (by_region, "region", "Answers by NHS England region"),
        (by_type, "trust_type", "Answers by trust type"),
    ):
        rows = tuple(
            (group.group, group.asked, group.replied, *_value_cells(fs, vs))
            for group in summary.groups
            for fs, vs in report.flatten_values(f for f in group.fields if f.section == "questions")
            if vs.denominator  # a group where nobody answered has no figure: no "0 of 0" row
        )
        tables.append(
            Table(
                name=f"coverage_by_{dimension}",
                title=title,
                columns=(dimension, "asked", "replied", *_VALUE_COLUMNS),
                rows=rows,
                display=(dimension, *_DISPLAY[:-1]),
                note=note,
            )
        )
    tables.append(
        Table(
            name="outcomes",
            title="Outcomes of the requests",
            columns=(*_VALUE_COLUMNS, "chain", "needs_review"),
            rows=tuple(
                (*_value_cells(fs, vs), fs.chain_text, vs.needs_review)
                for fs, vs in report.flatten_values(overall.outcomes)
            ),
            display=_DISPLAY,
            note=note.replace("answered each question", "are counted (see the chain column)"),
        )
    )
    return tables


# ---------------------------------------------------------------- renderers


def render_csv(table: Table) -> bytes:
    rows = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    return csv_text(table.columns, rows).encode("utf-8")


def _display_rows(table: Table) -> list[list[str]]:
    index = [table.columns.index(c) for c in table.display]
    return [[str(row[i]) for i in index] for row in table.rows]


_NUMERIC = {"count", "answered", "percent", "ci_low", "ci_high", "asked", "replied"}
# The comparison of two rounds (figures/compare_tables.py): decimals, then counts.
_COMPARISON_DECIMALS = {
    f"{c}_{r}" for c in ("percent", "ci_low", "ci_high") for r in ("first", "second")
} | {"difference", "difference_low", "difference_high", "mcnemar_p"}
_NUMERIC |= (
    _COMPARISON_DECIMALS
    | {f"{c}_{r}" for c in ("count", "answered") for r in ("first", "second")}
    | {"both", "kept", "neither", "gained", "lost", "first_only", "second_only"}
)


def render_markdown(table: Table) -> bytes:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = [f"## {table.title}", ""]
    lines.append("| " + " | ".join(table.display) + " |")
    lines.append("|" + "|".join("---:" if c in _NUMERIC else "---" for c in table.display) + "|")
    for row in _display_rows(table):
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    lines += ["", table.note, ""]
    return "\n".join(lines).encode("utf-8")


_TEX_ESCAPES = {
    "\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "–": "--", "—": "---", "→": r"$\rightarrow$", "“": "``", "”": "''",
}  # fmt: skip


def tex_escape(text: str) -> str:
    return "".join(_TEX_ESCAPES.get(ch, ch) for ch in text)


def render_latex(table: Table) -> bytes:
    """A booktabs ``table`` environment: \\usepackage{booktabs} in the paper's preamble."""
    spec = "".join("r" if c in _NUMERIC else "l" for c in table.display)
    lines = [
        f"% {table.name}: generated by foi-audit tables; do not edit by hand",
        r"\begin{table}",
        r"\centering",
        rf"\caption{{{tex_escape(table.title)}}}",
        rf"\label{{tab:{table.name.replace('_', '-')}}}",
        rf"\begin{{tabular}}{{{spec}}}",
        r"\toprule",
        " & ".join(tex_escape(c.replace("_", " ")) for c in table.display) + r" \\",
        r"\midrule",
    ]
    lines += [" & ".join(tex_escape(c) for c in row) + r" \\" for row in _display_rows(table)]
    lines += [
        r"\bottomrule",
        r"\end{tabular}",
        rf"\par\smallskip\footnotesize {tex_escape(table.note)}",
        r"\end{table}",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def render_xlsx(tables: Sequence[Table]) -> bytes:
    """One workbook, a sheet per table plus notes; identical bytes for identical tables."""
    from openpyxl import Workbook  # heavy: only when an XLSX is asked for
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(table.name[:31])
        sheet.append(list(table.columns))
        for row in table.rows:
            sheet.append(
                [_xlsx_cell(col, value) for col, value in zip(table.columns, row, strict=True)]
            )
    notes = workbook.create_sheet("notes")
    for table in tables:
        notes.append([table.name, table.title, table.note])
    fixed = dt.datetime(2000, 1, 1)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.properties.creator = "foi-audit"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # save_workbook() would stamp "modified" with now
    return _fix_zip_times(raw.getvalue())


def _xlsx_cell(column: str, value: str | int) -> str | int | float:
    if (
        column in {"percent", "ci_low", "ci_high"} | _COMPARISON_DECIMALS
        and isinstance(value, str)
        and value
    ):
        return float(value)
    if isinstance(value, str):
        return neutralise_cell(value)  # quotes are text, never formulas
    return value


def _fix_zip_times(data: bytes) -> bytes:
    """Rewrite a zip with every entry dated 1980-01-01 so the bytes depend only on content."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- generate / write / check


def parse_formats(text: str) -> tuple[str, ...]:
    chosen = tuple(sorted({part.strip().lower() for part in text.split(",") if part.strip()}))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise InputError(
            f"--format {text!r}: choose from " + ",".join(FORMATS) + " (comma-separated)"
        )
    return chosen


def generate(
    layout: Layout,
    formats: Sequence[str] = FORMATS,
    charts: bool = False,
    headline: str = "",
    codebook: Codebook | None = None,
) -> dict[str, bytes]:
    """Every output file (name -> bytes) for the processed folder, without writing anything.

    ``codebook`` defaults to the one the data were coded with (recorded by ingest).
    """
    return _generate(layout, formats, charts, headline, codebook)[0]


def _generate(
    layout: Layout,
    formats: Sequence[str],
    charts: bool,
    headline: str,
    codebook: Codebook | None,
) -> tuple[dict[str, bytes], report.Population]:
    codebook = codebook or load_study_codebook(layout)
    population = report.load_population(layout, codebook)
    overall = report.compute_summary(population, codebook)
    by_region = report.compute_summary(population, codebook, "region")
    by_type = report.compute_summary(population, codebook, "trust_type")
    tables = build_tables(overall, by_region, by_type)
    files: dict[str, bytes] = {}
    for table in tables:
        if "csv" in formats:
            files[f"{table.name}.csv"] = render_csv(table)
        if "md" in formats:
            files[f"{table.name}.md"] = render_markdown(table)
        if "tex" in formats:
            files[f"{table.name}.tex"] = render_latex(table)
    if "xlsx" in formats:
        files[XLSX_NAME] = render_xlsx(tables)
    if charts:
        grouped = {"region": by_region, "trust_type": by_type}
        files.update(chart_files(overall, grouped, codebook, headline))
    return dict(sorted(files.items())), population


def write_tables(
    layout: Layout,
    out: Path,
    formats: Sequence[str] = FORMATS,
    charts: bool = False,
    check: bool = False,
    headline: str = "",
    codebook: Codebook | None = None,
) -> TablesResult:
    """Write the tables into ``out`` (only files whose bytes changed), or just compare them."""
    files, population = _generate(layout, formats, charts, headline, codebook)
    differing = tuple(
        name
        for name, data in files.items()
        if not (out / name).is_file() or (out / name).read_bytes() != data
    )
    written: tuple[str, ...] = ()
    if not check:
        for name in differing:
            atomic_write_bytes(out / name, files[name])
        written = differing
    warning = unmatched_warning(population.files_unmatched)
    return TablesResult(out, tuple(files), written, differing if check else (), warning)
