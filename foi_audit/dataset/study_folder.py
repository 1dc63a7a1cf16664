"""A study folder: ``foi-audit.toml`` says where one study's replies, side files and outputs are.

Every command finds the study by walking up from the current folder, as git finds its
repository, or takes ``--study DIR``. Paths in the file are relative to its folder, so a
study can be moved or shared as a whole. Path flags (RAW_DIR, ``--out``, ``--processed``)
still work and override the file's paths; a study is found from the paths given (or the
current folder) and used only when they lie inside it, so a study never reaches into an
unrelated folder.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi_audit.dataset.layout import Layout
from foi_audit.errors import StudyError

STUDY_FILE = "foi-audit.toml"

_TEMPLATE = """\
# foi-audit study: one FOI request sent to many trusts, the replies, and what was made of them.
# Paths are relative to this file's folder. Every foi-audit command run in this folder (or in
# a folder below it) uses this study; `--study DIR` picks another one.

title = {title}

[paths]
# The replies as the trusts sent them, in any nesting. foi-audit never changes them.
raw = "raw"
# Everything foi-audit writes (documents.csv, codes.csv, trusts.csv, text/, cache/). Safe to
# delete: `foi-audit ingest` rebuilds it.
processed = "processed"
# Who was asked and when: `foi-audit asked --all-open-trusts --date YYYY-MM-DD` writes it.
asked = "asked.csv"
# Files pinned to a trust by hand (columns path or sha256, trust_code).
mapping = "mapping.csv"
# Review decisions: `foi-audit review` writes them; every re-ingest keeps them.
overrides = "overrides.csv"
# The study's codebook (TOML). Blank: the built-in one, which `foi-audit codebook` prints.
codebook = ""

[files]
# Files under raw/ that are not replies (globs, relative to raw/), e.g. "notes/*", "*.tmp".
# Coding sheets (a CSV or XLSX headed with the codebook's fields) are skipped anyway.
exclude = []
"""

_KEYS: dict[str, set[str]] = {
    "": {"title", "paths", "files"},
    "paths": {"raw", "processed", "asked", "mapping", "overrides", "codebook"},
    "files": {"exclude"},
}


@dataclass(frozen=True)
class Study:
    """One study's folder, as its ``foi-audit.toml`` describes it (paths made absolute)."""

    file: Path
    title: str
    raw: Path
    processed: Path
    asked: Path
    mapping: Path
    overrides: Path
    codebook: Path | None
    exclude: tuple[str, ...]

    @property
    def root(self) -> Path:
        return self.file.parent

    def layout(self, raw: Path | None = None, processed: Path | None = None) -> Layout:
        """The study's layout; a path given on the command line replaces the file's."""
        return Layout(
            raw=raw or self.raw,
            processed=processed or self.processed,
            asked=self.asked,
            mapping=self.mapping,
            overrides=self.overrides,
            study=self.file,
        )

    def contains(self, path: Path) -> bool:
        return path.absolute().is_relative_to(self.root)


def init_study(folder: Path, title: str = "") -> Study:
    """Write ``foi-audit.toml`` (with comments) and an empty ``raw/`` into ``folder``.

    An existing study file is never replaced."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STUDY_FILE
    if path.exists():
        raise StudyError(f"{path} already exists: edit it, or run init in another folder")
    name = title or folder.absolute().name or "FOI study"
    # A TOML basic string: JSON's escaping is a subset of TOML's for the characters it escapes.
    path.write_text(_TEMPLATE.format(title=json.dumps(name, ensure_ascii=False)), "utf-8")
    study = load_study(path)
    study.raw.mkdir(parents=True, exist_ok=True)
    return study


def find_study(start: Path | None = None) -> Path | None:
    """The nearest ``foi-audit.toml`` in ``start`` (default: the current folder) or above it."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        candidate = folder / STUDY_FILE
        if candidate.is_file():
            return candidate
    return None


def load_study(path: Path) -> Study:
    """Read and check a study file (or the study file in a folder); unknown keys are refused."""
    path = path.absolute()
    if path.is_dir():
        path = path / STUDY_FILE
    if not path.is_file():
        raise StudyError(
            f"no {STUDY_FILE} in {path.parent}: make one with `foi-audit init {path.parent}`"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StudyError(f"{path} cannot be read as TOML ({exc}): fix it") from None
    _check_keys(path, data)
    paths = data.get("paths", {})
    files = data.get("files", {})
    root = path.parent

    def where(key: str, default: str) -> Path:
        value = paths.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise StudyError(f"{path}: paths.{key} must be a path (a string)")
        return root / value

    codebook = paths.get("codebook", "")
    if not isinstance(codebook, str):
        raise StudyError(f'{path}: paths.codebook must be a path or "" for the built-in one')
    exclude = files.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(p, str) for p in exclude):
        raise StudyError(f'{path}: files.exclude must be a list of globs, like ["notes/*"]')
    title = data.get("title", root.name)
    if not isinstance(title, str):
        raise StudyError(f"{path}: title must be a string")
    return Study(
        file=path,
        title=title,
        raw=where("raw", "raw"),
        processed=where("processed", "processed"),
        asked=where("asked", "asked.csv"),
        mapping=where("mapping", "mapping.csv"),
        overrides=where("overrides", "overrides.csv"),
        codebook=root / codebook if codebook.strip() else None,
        exclude=tuple(exclude),
    )


def _check_keys(path: Path, data: dict[str, Any]) -> None:
    for table, allowed in _KEYS.items():
        section = data if not table else data.get(table, {})
        if not isinstance(section, dict):
            raise StudyError(f"{path}: [{table}] must be a table")
        unknown = sorted(set(section) - allowed)
        if unknown:
            where = f"[{table}]" if table else "the top level"
            raise StudyError(
                f"{path}: unknown key {unknown[0]!r} in {where} (known: {', '.join(sorted(allowed))})"
            )


def choose_study(explicit: Path | None, *given: Path | None) -> Study | None:
    """The study a command works in: ``--study``; else the study that holds every path given
    on the command line (found by walking up from the first of them, then from the current
    folder); else, with no paths given, the one found by walking up from the current folder."""
    if explicit is not None:
        return load_study(explicit)
    paths = [path for path in given if path is not None]
    starts = [paths[0].absolute().parent] if paths else []
    for start in (*starts, Path.cwd()):
        found = find_study(start)
        if found is None:
            continue
        study = load_study(found)
        if all(study.contains(path) for path in paths):
            return study
    return None


def ingest_layout(
    study: Path | None, raw: Path | None, processed: Path | None
) -> tuple[Layout, Study | None]:
    """Where ingest reads and writes: the study's folders, or (outside a study) RAW_DIR
    (default data/raw) with processed/ and the side files beside it."""
    chosen = choose_study(study, raw, processed)
    if chosen is not None:
        return chosen.layout(raw, processed), chosen
    if raw is None and not Path("data/raw").is_dir():
        raise StudyError(
            "no study here (no foi-audit.toml in this folder or above it) and no data/raw: "
            "make one with `foi-audit init`, or give the replies' folder (foi-audit ingest DIR)"
        )
    return Layout.from_dirs(raw, processed), None


def processed_layout(study: Path | None, processed: Path | None) -> Layout:
    """Where a command that reads the outputs looks. A processed folder given knows where its
    replies and side files were (its manifest), so it is read with those, never with another
    study's; with ``--study`` too, the two must agree. Else the study's processed folder, else
    data/processed."""
    if processed is not None:
        layout = Layout.around(processed)
        if study is not None:
            named = load_study(study)
            if processed.resolve() == named.processed.resolve():
                return named.layout()
            if layout.study is None or layout.study.resolve() != named.file.resolve():
                made_by = (
                    f"the study in {_shown(layout.study.parent)}"
                    if layout.study
                    else f"the replies in {_shown(layout.raw)}"
                )
                raise StudyError(
                    f"{_shown(processed)} was made from {made_by}, not by the study in "
                    f"{_shown(named.root)}: give --study or --processed, not both"
                )
        return layout
    found = choose_study(study)
    if found is not None:
        return found.layout()
    return Layout.around(Path("data/processed"))


def _shown(path: Path) -> str:
    """A path as a person would write it: no "a/../b"."""
    return os.path.normpath(path)


def asked_path(study: Path | None, given: Path | None) -> Path:
    """The asked.csv to write or show: the one given, the study's, else data/raw/asked.csv."""
    if given is not None:
        return given
    chosen = choose_study(study)
    return chosen.asked if chosen else Path("data/raw/asked.csv")
