"""No study words outside coding/: figures, dataset, requests, quality and cli know a study only
through its codebook (field roles: the outcome field, the exemptions field, the no-reply value,
``Field.negative``), so another study's codebook runs through every command unchanged.

The built-in study's field names and values are read from its codebook, so a field added there
is checked here too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from foi_audit.coding import load_codebook

PACKAGE = Path(__file__).parent.parent / "foi_audit"
CHECKED = ("figures", "dataset", "requests", "quality", "cli")
MODULES = sorted(p for name in CHECKED for p in (PACKAGE / name).rglob("*.py"))
STUDY = load_codebook()
FIELDS = set(STUDY.field_names)
VALUES = {v for f in STUDY.fields for v in (*f.values, *f.negative)}
# Names with an underscore cannot be ordinary English: they may not appear anywhere, not even
# in a comment or a docstring.
DISTINCTIVE = sorted(w for w in FIELDS | VALUES if "_" in w)
# Exact string literals that are not the study's although they spell one of its values.
NOT_THE_STUDY = {
    ("figures/charts.py", "none"),  # matplotlib: errorbar(fmt="none") draws no marker
    ("figures/summary.py", "no"),  # English: a label starting "no ..." reads "have no ..."
}


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _documentation(tree: ast.AST) -> set[int]:
    """ids of the docstrings and typer ``help=`` texts: they may show the default study."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg == "help":
            found.update(id(n) for n in ast.walk(node.value))
    return found


def test_the_check_sees_the_study() -> None:
    assert {"response_status", "exemptions", "waiting_response", "none", "no"} <= FIELDS | VALUES
    assert len(MODULES) > 15


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_no_study_names_anywhere(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [w for w in DISTINCTIVE if re.search(rf"(?<![A-Za-z0-9_]){w}(?![A-Za-z0-9_])", text)]
    assert not found, f"{_rel(path)} names the study: {found}; use the codebook's roles"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_no_study_fields_or_values_in_code(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documentation = _documentation(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in documentation:
                continue
            words = set(re.findall(r"[A-Za-z0-9_]+", node.value))
            if words & FIELDS:
                found.append(f"line {node.lineno}: field in {node.value[:60]!r}")
            if node.value in VALUES and (_rel(path), node.value) not in NOT_THE_STUDY:
                found.append(f"line {node.lineno}: value {node.value!r}")
        elif isinstance(node, ast.Name | ast.arg | ast.Attribute):
            name = (
                node.id
                if isinstance(node, ast.Name)
                else (node.arg if isinstance(node, ast.arg) else node.attr)
            )
            if name in FIELDS:
                found.append(f"line {node.lineno}: identifier {name!r}")
    assert not found, f"{_rel(path)} names the study:\n" + "\n".join(found)
