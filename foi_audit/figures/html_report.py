"""One self-contained HTML page: summary figures, then the trust x field grid with its evidence.

No server and no network: CSS, script and data are inline. The data travels as JSON in a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` escaped, and the page's
script only ever sets ``textContent``: quotes come from documents anyone could have written,
so nothing from them is ever parsed as HTML.

What a reader sees: values by their codebook labels; beside each quote the question it
answers; under a reviewer's decision what the machine said; a relative link to the original
file (so the page and ``data/raw`` can move together); a footer with the version, the number
of files, the date and the codebook's hash. The grid fits a 1,366 px screen: short column
headings (``figures/presentation.toml``), trust names on one line with the full name as a
tooltip, the trust column sticky while the grid scrolls.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit import __version__
from foi_audit.coding.codebook import Codebook, Field, FieldKind, FieldRole
from foi_audit.dataset.codes import needing_review, read_codes
from foi_audit.dataset.documents import read_documents
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.overrides import (
    AutoValueChange,
    apply_overrides,
    changed_auto_values,
    is_overridden,
    load_overrides,
)
from foi_audit.dataset.study import load_study_codebook
from foi_audit.dataset.study_folder import load_study
from foi_audit.errors import StudyError
from foi_audit.figures.file_notes import set_aside_note, unmatched_warning
from foi_audit.figures.presentation import question_text, section_label, short_label
from foi_audit.figures.summary import build_summary
from foi_audit.fileio import atomic_write_text
from foi_audit.records import CodedValue
from foi_audit.register.trusts import Register, load_register

UNKNOWN_REGION = "(unknown)"


@dataclass(frozen=True)
class ReportInfo:
    """What was written, for the command's one-line answer."""

    path: Path
    trusts: int
    cells: int
    needs_review: int
    overridden: int
    changes: tuple[AutoValueChange, ...]


def label_of(spec: Field | None, value: str) -> str:
    """How a reader knows a value: the codebook's label ("only a broader policy"), exemptions
    with their names ("s40 personal information"); blank stays blank."""
    if spec is None or not value or spec.kind is FieldKind.TEXT:
        return value
    if spec.role is FieldRole.EXEMPTIONS or spec.kind is FieldKind.MULTI:
        return "; ".join(section_label(part) for part in value.split(";"))
    return spec.value_label(value)


def source_link(source: str, raw: Path | None, page: Path | None) -> str:
    """A relative link from the page to the original file (the outer file of an attachment:
    "reply.eml > answers.pdf" links reply.eml); blank when it cannot be made."""
    if not source or raw is None or page is None:
        return ""
    outer = source.split(" > ", 1)[0]
    try:
        relative = os.path.relpath(raw / outer, page.parent)
    except ValueError:  # another drive on Windows
        return ""
    href = urllib.parse.quote(Path(relative).as_posix())
    return href if href.startswith("../") else "./" + href  # never read as a URL scheme


def cell_data(
    value: CodedValue,
    codebook: Codebook | None = None,
    needs_review: bool | None = None,
    href: str = "",
) -> dict[str, Any]:
    decided = value.decision
    spec = codebook.field(value.field) if codebook and codebook.has_field(value.field) else None
    note = (
        f"{decided.note or 'no reason given'} ({decided.reviewer}, {decided.date})"
        if decided
        else ""
    )
    machine = decided.machine_value if decided else value.value
    question_id = str(getattr(value, "question", "") or "")  # set by the coding engine
    return {
        "v": value.value,
        "label": label_of(spec, value.value),
        "q": value.quote,
        "question": question_text(codebook, spec, question_id) if codebook and spec else "",
        "src": value.source,
        "href": href,
        "loc": value.locator,
        "rule": value.rule,
        "conf": round(value.confidence, 2),
        "machine": label_of(spec, machine) if decided else "",
        "machine_v": machine if decided else "",
        "nr": value.needs_review if needs_review is None else needs_review,
        "flags": "; ".join(r.replace("_", " ") for r in value.flag_reasons),
        "ov": is_overridden(value),
        "note": note,
    }


def report_data(
    coded: Sequence[CodedValue],
    codebook: Codebook,
    register: Register | None,
    summary: dict[str, Any],
    changes: Sequence[AutoValueChange] = (),
    title: str = "",
    footer: str = "",
    links: tuple[Path, Path] | None = None,
) -> dict[str, Any]:
    """Everything the page shows, as plain data (pure). ``links``: (raw folder, the page's
    path) to link each value to its original file."""
    pending = set(needing_review(coded, changes).keys)
    raw, page = links if links else (None, None)
    by_trust: dict[str, dict[str, CodedValue]] = {}
    for value in coded:
        by_trust.setdefault(value.trust_code, {})[value.field] = value
    trusts = []
    for code in sorted(by_trust):
        known = register.get(code) if register is not None else None
        trusts.append(
            {
                "code": code,
                "name": known.name if known else "",
                "region": (known.region if known else "") or UNKNOWN_REGION,
                "type": known.trust_type if known else "",
                "cells": {
                    name: cell_data(
                        by_trust[code][name],
                        codebook,
                        (code, name) in pending,
                        source_link(by_trust[code][name].source, raw, page),
                    )
                    for name in codebook.field_names
                    if name in by_trust[code]
                },
            }
        )
    return {
        "title": title or f"foi-audit report: {codebook.name}",
        "summary": summary,
        "fields": [
            {
                "name": f.name,
                "label": f.label,
                "short": short_label(codebook, f),
                "definition": f.definition,
            }
            for f in codebook.fields
        ],
        "footer": footer,
        "regions": sorted({t["region"] for t in trusts}),
        "trusts": trusts,
        "changes": [c.describe() for c in changes],
    }


def summary_figures(
    layout: Layout, codebook: Codebook, coded: Sequence[CodedValue]
) -> dict[str, Any]:
    """Headline numbers and one row per reported value, from the summary engine."""
    summary = build_summary(layout, codebook)
    rows = []
    for stat in (*summary.questions, *summary.outcomes):
        for value in stat.values:
            rows.append(
                {
                    "field": (f"{stat.question} " if stat.question else "") + stat.label,
                    "value": value.label,
                    "count": value.count,
                    "denominator": value.denominator,
                    "percent": _one_decimal(value.percent),
                    "ci": (
                        f"{value.ci_low:.1f}–{value.ci_high:.1f}"
                        if value.ci_low is not None and value.ci_high is not None
                        else ""
                    ),
                    "needs_review": value.needs_review,
                    "headline": value.headline,
                }
            )
    return {
        "figures": [
            ["trusts asked", summary.asked],
            ["replied", summary.replied],
            ["no reply", summary.no_reply],
            [
                f"{'value needs' if summary.needs_review == 1 else 'values need'} review",
                summary.needs_review,
            ],
        ],
        "headline": [
            {"question": line.question, "label": line.label, "text": line.text}
            for line in summary.headline
        ],
        "notes": [
            unmatched_warning(summary.files_unmatched),
            summary.asked_note,
            *summary.notes,
            set_aside_note(summary.files_out_of_scope, summary.files_skipped),
        ],
        "rows": rows,
        "interval": summary.method,
    }


def _one_decimal(value: float | None) -> float | str:
    return "" if value is None else round(value, 1)


def simple_counts(coded: Sequence[CodedValue], codebook: Codebook) -> dict[str, Any]:
    """Plain counts among trusts with a value, no intervals (a page without the summary)."""
    trusts = {c.trust_code for c in coded}
    rows = []
    for spec in codebook.fields:
        if spec.kind is FieldKind.TEXT:
            continue
        values = [c for c in coded if c.field == spec.name and c.value]
        for allowed in spec.values:
            count = sum(1 for c in values if allowed in c.value.split(";"))
            if count:
                rows.append(
                    {
                        "field": spec.label,
                        "value": spec.value_label(allowed),
                        "count": count,
                        "denominator": len(values),
                        "percent": round(100 * count / len(values), 1),
                        "ci": "",
                        "needs_review": sum(
                            1 for c in values if c.needs_review and allowed in c.value.split(";")
                        ),
                        "headline": "",
                    }
                )
    return {
        "figures": [
            ["trusts", len(trusts)],
            ["values needing review", sum(1 for c in coded if c.needs_review)],
        ],
        "notes": ["simple counts among trusts with a value (summary engine unavailable)"],
        "rows": rows,
        "interval": "",
    }


def json_for_script(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment, whatever the quotes say."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_html(data: dict[str, Any]) -> str:
    return (
        _PAGE.replace("__TITLE__", html.escape(data["title"]))
        .replace("__CSS__", _CSS)
        .replace("__JS__", _JS)
        .replace("__DATA__", json_for_script(data))
    )


def footer_text(files: int, codebook: Codebook, generated: dt.date) -> str:
    """ "foi-audit 0.1.0, 45 files, generated 2026-12-03, codebook 00e1f144dd37" """
    short_hash = (codebook.sha256 or "unknown")[:12]
    return (
        f"foi-audit {__version__}, {files} {'file' if files == 1 else 'files'}, generated "
        f"{generated.isoformat()}, codebook {codebook.name} {short_hash}"
    )


def _study_title(layout: Layout) -> str:
    """The study's title (foi-audit.toml) when the data come from a study folder."""
    if layout.study is None:
        return ""
    try:
        return load_study(layout.study).title
    except StudyError:
        return ""  # the page still says which codebook it shows


def write_report(
    layout: Layout,
    out: Path,
    codebook: Codebook | None = None,
    register: Register | None = None,
    generated: dt.date | None = None,
) -> ReportInfo:
    """Build the page from the effective codes (overrides applied) and write it atomically.

    ``codebook`` defaults to the one the data were coded with (recorded by ingest).
    """
    codebook = codebook or load_study_codebook(layout)
    register = register or load_register()
    automatic = read_codes(layout)
    overrides = load_overrides(layout.overrides_csv, codebook)
    coded = apply_overrides(automatic, overrides)
    changes = changed_auto_values(automatic, overrides, codebook)
    documents = read_documents(layout) if layout.documents_csv.exists() else []
    files = sum(1 for d in documents if not d.parent)
    data = report_data(
        coded,
        codebook,
        register,
        summary_figures(layout, codebook, coded),
        changes,
        title=_study_title(layout),
        footer=footer_text(files, codebook, generated or dt.date.today()),
        links=(layout.raw.resolve(), out.resolve()),
    )
    atomic_write_text(out, render_html(data))
    return ReportInfo(
        path=out,
        trusts=len(data["trusts"]),
        cells=sum(len(t["cells"]) for t in data["trusts"]),
        needs_review=needing_review(coded, changes).values,
        overridden=sum(1 for c in coded if is_overridden(c)),
        changes=tuple(changes),
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>__TITLE__</title>
<style>__CSS__</style>
</head>
<body>
<header><h1 id="title">__TITLE__</h1></header>
<section id="summary" aria-label="Summary figures">
  <ul id="figures"></ul>
  <ol id="headline"></ol>
  <ul id="notes"></ul>
  <ul id="changes" class="warn"></ul>
  <details><summary>Every figure (hover a row for its sentence)</summary>
  <table id="summary-table"><thead><tr><th>Question</th><th>Answer</th><th>Trusts</th>
  <th>%</th><th>95% interval</th><th>of which need review</th></tr></thead><tbody></tbody></table>
  </details>
</section>
<section id="filters" aria-label="Filters">
  <label><input type="checkbox" id="needs-review-only"> needs review only</label>
  <label>Field <select id="field-filter"><option value="">all fields</option></select></label>
  <label>Region <select id="region-filter"><option value="">all regions</option></select></label>
  <span id="shown-count"></span>
  <span class="legend"><span class="mark-review">?</span> needs review
  <span class="mark-override">✎</span> decided by a reviewer</span>
</section>
<main><table id="grid"><thead><tr><th class="trust-col">Trust</th></tr></thead><tbody></tbody></table></main>
<aside id="panel" hidden aria-live="polite">
  <button id="panel-close" type="button" aria-label="Close">×</button>
  <h2 id="panel-title"></h2>
  <dl>
    <dt>Value</dt><dd id="panel-value"></dd>
    <dt>Question</dt><dd id="panel-question"></dd>
    <dt>Quote</dt><dd id="panel-quote"></dd>
    <dt>Source file</dt><dd id="panel-source"></dd>
    <dt>Locator</dt><dd id="panel-locator"></dd>
    <dt>Machine's value</dt><dd id="panel-machine"></dd>
    <dt>Rule</dt><dd id="panel-rule"></dd>
    <dt>Confidence</dt><dd id="panel-confidence"></dd>
    <dt>Needs review</dt><dd id="panel-review"></dd>
    <dt>Reviewer's decision</dt><dd id="panel-override"></dd>
  </dl>
</aside>
<footer id="footer"></footer>
<script type="application/json" id="report-data">__DATA__</script>
<script>__JS__</script>
</body>
</html>
"""

_CSS = """
body{font-family:system-ui,sans-serif;margin:1rem;color:#222}
h1{font-size:1.3rem}
#figures{display:flex;gap:1.5rem;list-style:none;padding:0;font-size:1.1rem}
#figures b{font-size:1.4rem;display:block}
#headline{padding-left:0;list-style:none;max-width:60rem}
#headline li{margin:.3rem 0}
#headline b{margin-right:.4rem}
.warn li{color:#8a4b00}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
#summary-table td:nth-child(n+3){text-align:right}
#filters{position:sticky;top:0;background:#fff;padding:.5rem 0;display:flex;gap:1rem;flex-wrap:wrap;z-index:3}
#grid{table-layout:fixed;font-size:.78rem}
#grid thead th{position:sticky;top:2.6rem;background:#f5f5f5;z-index:1;width:5.1rem;
 overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#grid .trust-col{position:sticky;left:0;background:#fff;z-index:2;width:12rem;max-width:12rem;
 white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#grid thead .trust-col{background:#f5f5f5;z-index:3}
#grid td.cell{overflow-wrap:normal;word-break:normal;hyphens:none}
#grid td.cell button{all:unset;cursor:pointer;display:block}
#grid td.cell button:focus{outline:2px solid #06c}
td.review{background:#fff4cc}
td.overridden{background:#e6f0ff}
.mark-review{color:#a60;font-weight:bold}
.mark-override{color:#06c;font-weight:bold}
td.blank{color:#999}
.filtered-out{visibility:hidden}
#panel{position:fixed;right:0;top:0;bottom:0;width:min(32rem,90vw);overflow:auto;background:#fff;
 border-left:2px solid #06c;padding:1rem;box-shadow:-4px 0 12px #0002;z-index:5}
#panel dd{margin:0 0 .6rem 0;white-space:pre-wrap}
#panel-quote{font-style:italic}
#panel-close{float:right;font-size:1.4rem}
footer{margin-top:1rem;color:#666;font-size:.8rem}
"""

_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function shown(v) { return v === "" ? "(blank)" : v; }

  var figures = document.getElementById("figures");
  data.summary.figures.forEach(function (f) {
    var li = el("li"); li.appendChild(el("b", f[1])); li.appendChild(el("span", f[0]));
    figures.appendChild(li);
  });
  var headline = document.getElementById("headline");
  (data.summary.headline || []).forEach(function (h) {
    var li = el("li"); li.appendChild(el("b", (h.question ? h.question + " " : "") + h.label));
    li.appendChild(el("span", h.text)); headline.appendChild(li);
  });
  var notes = document.getElementById("notes");
  data.summary.notes.forEach(function (n) { if (n) notes.appendChild(el("li", n)); });
  var changes = document.getElementById("changes");
  data.changes.forEach(function (c) { changes.appendChild(el("li", c)); });
  var sbody = document.querySelector("#summary-table tbody");
  data.summary.rows.forEach(function (r) {
    var tr = el("tr"); if (r.headline) tr.title = r.headline;
    [r.field, r.value, r.count + " of " + r.denominator, r.percent, r.ci, r.needs_review]
      .forEach(function (v) { tr.appendChild(el("td", v)); });
    sbody.appendChild(tr);
  });
  document.getElementById("footer").textContent = data.footer || "";

  var fieldFilter = document.getElementById("field-filter");
  var regionFilter = document.getElementById("region-filter");
  var reviewOnly = document.getElementById("needs-review-only");
  data.fields.forEach(function (f) {
    var o = el("option", f.label); o.value = f.name; fieldFilter.appendChild(o);
  });
  data.regions.forEach(function (r) {
    var o = el("option", r); o.value = r; regionFilter.appendChild(o);
  });

  var headRow = document.querySelector("#grid thead tr");
  data.fields.forEach(function (f) {
    var th = el("th", f.short || f.label); th.dataset.field = f.name;
    th.title = f.label + (f.definition ? ": " + f.definition : "");
    headRow.appendChild(th);
  });
  var body = document.querySelector("#grid tbody");
  data.trusts.forEach(function (t) {
    var tr = el("tr"); tr.dataset.code = t.code; tr.dataset.region = t.region;
    var name = el("th", t.code + " " + t.name, "trust-col"); name.scope = "row";
    name.title = t.code + " " + t.name + " (" + t.region + ")";
    tr.appendChild(name);
    data.fields.forEach(function (f) {
      var c = t.cells[f.name];
      var td = el("td", null, "cell"); td.dataset.field = f.name;
      if (c) {
        var b = el("button", shown(c.label)); b.type = "button"; td.title = shown(c.label);
        if (c.nr) { td.classList.add("review"); b.appendChild(el("span", " ?", "mark-review")); }
        if (c.ov) { td.classList.add("overridden"); b.appendChild(el("span", " ✎", "mark-override")); }
        if (c.v === "") td.classList.add("blank");
        b.addEventListener("click", function () { openPanel(t, f, c); });
        td.appendChild(b);
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });

  var panel = document.getElementById("panel");
  function setText(id, v) { document.getElementById(id).textContent = v; }
  function openPanel(t, f, c) {
    setText("panel-title", t.code + " " + t.name + " — " + f.label);
    setText("panel-value", c.v === "" ? "(blank)" : c.label + (c.label !== c.v ? " (" + c.v + ")" : ""));
    setText("panel-question", c.question || "(not recorded)");
    setText("panel-quote", c.q ? "\u201c" + c.q + "\u201d" : "(no quote)");
    var source = document.getElementById("panel-source");
    source.textContent = "";
    if (c.src && c.href) {
      var a = el("a", c.src); a.href = c.href; a.target = "_blank"; a.rel = "noopener";
      source.appendChild(a);
    } else { source.textContent = c.src || "(none)"; }
    setText("panel-locator", c.loc || "(none)");
    setText("panel-machine", c.ov ? shown(c.machine) + (c.machine_v && c.machine !== c.machine_v ? " (" + c.machine_v + ")" : "") : "(the value shown)");
    setText("panel-rule", c.rule || "(none)");
    setText("panel-confidence", c.conf);
    setText("panel-review", c.nr ? "yes" + (c.flags ? ": " + c.flags : "") : (c.flags ? "no (flagged: " + c.flags + "; decided)" : "no"));
    setText("panel-override", c.ov ? c.note : "(automatic value)");
    panel.hidden = false;
  }
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") panel.hidden = true; });

  function applyFilters() {
    var field = fieldFilter.value, region = regionFilter.value, only = reviewOnly.checked;
    document.querySelectorAll("#grid [data-field]").forEach(function (node) {
      node.hidden = !!field && node.dataset.field !== field;
    });
    var rows = document.querySelectorAll("#grid tbody tr"), visible = 0;
    rows.forEach(function (tr) {
      var flagged = 0;
      tr.querySelectorAll("td.cell").forEach(function (td) {
        var counts = !td.hidden && td.classList.contains("review");
        if (counts) flagged += 1;
        td.classList.toggle("filtered-out", only && !td.classList.contains("review"));
      });
      var show = (!region || tr.dataset.region === region) && (!only || flagged > 0);
      tr.hidden = !show;
      if (show) visible += 1;
    });
    document.getElementById("shown-count").textContent =
      visible + " of " + rows.length + " trusts shown";
  }
  [fieldFilter, regionFilter, reviewOnly].forEach(function (n) {
    n.addEventListener("change", applyFilters);
  });
  applyFilters();
})();
"""
