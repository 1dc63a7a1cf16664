"""How well files are matched to trusts, measured on corpora with the right answer per file.

Usage::

    python benchmarks/match_eval.py [CORPUS ...] [--out /tmp/match_eval] [--no-ingest] [-v]

A corpus is a folder with ``raw/`` and either ``files.csv`` (``file,trust_codes,out_of_scope``:
``trust_codes`` ``;``-joined for a joint reply, blank with ``out_of_scope`` naming the body for a
non-trust) or a ``gold.csv`` whose ``files`` column lists each trust's files (a folder holding
``gold.csv`` beside its replies is ingested with ``--exclude gold.csv``). Short names: ``dev``,
``hand`` (shared corpora), ``b``..``g`` (tests/fixtures), ``r1_*`` (holdout).

Each corpus is ingested with ``foi-audit ingest RAW --out OUT/NAME/processed`` (the reader cache is
kept between runs; the manifest is removed so that matching always runs again), and each top-level
file's row in documents.csv is compared with the expected trust(s):

- correct: matched to exactly the expected trust(s) (all of them for a joint reply)
- wrong: matched to another trust, or to only part of a joint reply's trusts (listed)
- unmatched / ambiguous: no trust, split by whether the expected trust is among the candidates
- out of scope right / wrong: a non-trust reported as out of scope / matched to a trust, or a
  trust's file reported as out of scope
- no expectation: files the gold does not list (noise)

and, per corpus, the trusts with a file on disk none of whose files came to them.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared/corpus")
HOLDOUT = Path("/work/holdout")


@dataclass
class Expected:
    codes: tuple[str, ...] = ()
    out_of_scope: str = ""


@dataclass
class Corpus:
    name: str
    raw: Path
    expected: dict[str, Expected]
    exclude: tuple[str, ...] = ()
    unlisted: set[str] = field(default_factory=set)


def _resolve(name: str) -> Path:
    if Path(name).is_dir():
        return Path(name)
    if name in {"dev", "hand"}:
        return SHARED / name
    if len(name) == 1:
        return ROOT / "tests" / "fixtures" / f"corpus_{name}"
    return HOLDOUT / name


def load_corpus(name: str) -> Corpus:
    folder = _resolve(name)
    if (folder / "files.csv").exists():
        raw = folder / "raw"
        expected = {}
        with open(folder / "files.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                codes = tuple(c.strip() for c in row["trust_codes"].split(";") if c.strip())
                expected[row["file"]] = Expected(codes, (row.get("out_of_scope") or "").strip())
        return Corpus(Path(name).name, raw, expected)
    gold = folder / "gold.csv"
    raw = folder / "raw" if (folder / "raw").is_dir() else folder
    by_file: dict[str, list[str]] = {}
    with open(gold, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for file in row["files"].split(";"):
                if file.strip():
                    by_file.setdefault(file.strip(), []).append(row["trust_code"])
    expected = {f: Expected(tuple(sorted(c))) for f, c in by_file.items()}
    exclude = ("gold.csv",) if raw == folder else ()
    on_disk = {p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file()} - {"gold.csv"}
    return Corpus(Path(name).name, raw, expected, exclude, on_disk - set(expected))


def ingest(corpus: Corpus, out: Path, source: Path | None = None) -> Path:
    """Run ingest (this checkout's code, or ``source``'s: an older version for comparison)."""
    processed = out / corpus.name / "processed"
    (processed / "manifest.json").unlink(missing_ok=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    command = [python, "-c", "from foi_audit.cli import main; main()"]
    if source is not None:
        command[-1] = f"import sys; sys.path.insert(0, {str(source)!r}); {command[-1]}"
    command += ["ingest", str(corpus.raw)]
    command += ["--out", str(processed)]
    for pattern in corpus.exclude:
        command += ["--exclude", pattern]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if not (processed / "documents.csv").exists():
        sys.exit(f"{corpus.name}: ingest wrote no documents.csv\n{done.stderr[-3000:]}")
    return processed


_CODE_IN_MESSAGE_RE = re.compile(r"\b([A-Z][A-Z0-9]{2,4}) [A-Z][a-z]")


def _candidates(row: dict[str, str]) -> tuple[str, ...]:
    """The candidates column, or (from a version without it) the codes its message names."""
    if "candidates" in row:
        return tuple(c for c in row["candidates"].split(";") if c)
    return tuple(dict.fromkeys(_CODE_IN_MESSAGE_RE.findall(row.get("message", ""))))


def _codes(row: dict[str, str]) -> tuple[str, ...]:
    codes = [row.get("trust_code", "")]
    codes += (row.get("also_trusts") or "").split(";")
    return tuple(sorted(c.strip() for c in codes if c.strip()))


def evaluate(corpus: Corpus, processed: Path, verbose: bool) -> Counter[str]:
    with open(processed / "documents.csv", newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if not r["parent"]]
    by_path = {r["path"]: r for r in rows}
    tally: Counter[str] = Counter()
    lines = []
    got_by_trust: dict[str, int] = Counter()
    for file, want in sorted(corpus.expected.items()):
        row = by_path.get(file)
        if row is None:
            tally["missing"] += 1
            lines.append(f"  MISSING   {file}")
            continue
        got = _codes(row)
        for code in got:
            got_by_trust[code] += 1
        status, method = row["status"], row["match_method"]
        candidates = _candidates(row)
        detail = f"{row['match_method']} {'/'.join(got) or '-'} :: {row['message'][:160]}"
        if want.out_of_scope:
            if status == "out_of_scope":
                tally["oos_right"] += 1
                continue
            tally["oos_wrong"] += 1
            lines.append(f"  OOS-WRONG {file} (is {want.out_of_scope}): {detail}")
            continue
        if status == "out_of_scope":
            tally["oos_wrong"] += 1
            lines.append(f"  OOS-WRONG {file} (is {'/'.join(want.codes)}): {detail}")
            continue
        if got:
            if set(got) == set(want.codes):
                tally["correct"] += 1
                if verbose:
                    lines.append(f"  ok        {file}: {detail}")
            else:
                tally["wrong"] += 1
                lines.append(f"  WRONG     {file} (is {'/'.join(want.codes)}): {detail}")
            continue
        kind = "ambiguous" if method == "ambiguous" else "unmatched"
        if status == "error":
            kind = "error"
        listed = set(want.codes) <= set(candidates)
        tally[kind] += 1
        tally[f"{kind}_with_right_candidate"] += int(listed)
        lines.append(
            f"  {kind.upper():9} {file} (is {'/'.join(want.codes)}"
            f"{', among candidates' if listed else ''}): {detail}"
        )
    for file in sorted(corpus.unlisted):
        row = by_path.get(file)
        tally["no_expectation"] += 1
        if row is not None:
            lines.append(
                f"  (no gold) {file}: {row['status']} {row['match_method']} {'/'.join(_codes(row))}"
            )
    expected_trusts = {c for want in corpus.expected.values() for c in want.codes}
    orphans = sorted(c for c in expected_trusts if not got_by_trust.get(c))
    tally["trusts_without_files"] = len(orphans)
    print(
        f"{corpus.name:14} files {len(corpus.expected):3}  correct {tally['correct']:3}  "
        f"wrong {tally['wrong']:2}  unmatched {tally['unmatched']:2} "
        f"({tally['unmatched_with_right_candidate']} with the right candidate)  "
        f"ambiguous {tally['ambiguous']:2} ({tally['ambiguous_with_right_candidate']})  "
        f"errors {tally['error']}  out-of-scope right {tally['oos_right']} "
        f"wrong {tally['oos_wrong']}  trusts left without files {len(orphans)}"
        + (f" {orphans}" if orphans else "")
    )
    for line in lines:
        print(line)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpora",
        nargs="*",
        default=["r1_layouts", "r1_structures", "r1_bmj", "dev", "hand", *"bcdefg"],
    )
    parser.add_argument("--out", type=Path, default=Path("/tmp/match_eval"))
    parser.add_argument("--no-ingest", action="store_true", help="score the last run again")
    parser.add_argument("--fresh", action="store_true", help="drop the reader cache too")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--source", type=Path, help="run another checkout's code (e.g. the version before)"
    )
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for name in args.corpora:
        corpus = load_corpus(name)
        processed = args.out / corpus.name / "processed"
        if args.fresh:
            shutil.rmtree(processed, ignore_errors=True)
        if not args.no_ingest:
            processed = ingest(corpus, args.out, args.source)
        total += evaluate(corpus, processed, args.verbose)
    print(
        f"TOTAL correct {total['correct']} wrong {total['wrong']} unmatched {total['unmatched']} "
        f"ambiguous {total['ambiguous']} oos right {total['oos_right']} "
        f"wrong {total['oos_wrong']} trusts left without files {total['trusts_without_files']}"
    )


if __name__ == "__main__":
    main()
