"""Coding accuracy pooled over corpora: the three numbers per field the README reports.

Usage::

    python benchmarks/accuracy.py [CORPUS ...] [--out /tmp/accuracy] [--jobs 2] [-v]

A corpus is a folder with ``raw/`` and ``gold.csv`` (and ``request.toml`` when the study's
questions sat inside a longer request: the codebook is then numbered as that request was, as
``tests/test_accuracy.py`` does). With no corpus, every ``tests/fixtures/corpus_*``. Each is
ingested into ``OUT/NAME`` and scored with ``foi_audit.quality.evaluate``; the table gives, per
field and for all fields pooled, the accuracy, the share flagged for review and the share of the
values not flagged that are wrong (a trust left unmatched counts as wrong and unflagged). ``-v``
lists every wrong value, "!" when it is not flagged. ``OUT/NAME.json`` keeps each evaluation.
Nothing here is a test: ``tests/test_accuracy.py`` holds the floors.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import tomllib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from foi_audit.coding import load_codebook
from foi_audit.coding.codebook import default_codebook_path
from foi_audit.dataset.layout import Layout
from foi_audit.ingest.pipeline import IngestOptions, ingest
from foi_audit.quality.evaluate import Evaluation, evaluate

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def numbered_codebook(corpus: Path, where: Path) -> Path | None:
    """The built-in codebook numbered as the corpus's request was (its ``request.toml``)."""
    request = corpus / "request.toml"
    if not request.exists():
        return None
    numbering = tomllib.loads(request.read_text(encoding="utf-8"))
    text = default_codebook_path().read_text(encoding="utf-8")
    for qid, label in numbering["labels"].items():
        text = re.sub(rf'(id = "{qid}"\nlabel = )"[^"]*"', rf'\1"{label}"', text)
    count = numbering["request_questions"]
    text = text.replace('\nname = "', f'\nrequest_questions = {count}\nname = "', 1)
    path = where / "codebook.toml"
    path.write_text(text, encoding="utf-8")
    return path


def score_corpus(corpus: Path, out: Path) -> Evaluation:
    """Ingest one corpus into ``out`` and evaluate it against its gold."""
    out.mkdir(parents=True, exist_ok=True)
    codebook = numbered_codebook(corpus, out)
    layout = Layout(raw=corpus / "raw", processed=out / "processed")
    ingest(layout, IngestOptions(jobs=1, codebook=codebook, replace=True))
    return evaluate(corpus / "gold.csv", layout, load_codebook(codebook))


def _one(corpus: str, out: str) -> tuple[str, dict[str, Any]]:
    name = Path(corpus).name
    result = score_corpus(Path(corpus), Path(out) / name)
    return name, dataclasses.asdict(result)


def pooled(results: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Per field (and "all"): values, right, flagged, not flagged, right among not flagged."""
    totals: dict[str, list[int]] = {}
    for result in results:
        for score in result["fields"]:
            row = totals.setdefault(score["field"], [0, 0, 0, 0, 0])
            for k, key in enumerate(
                ("n", "correct", "flagged", "n_not_review", "correct_not_review")
            ):
                row[k] += score[key]
    every = [sum(values[k] for values in totals.values()) for k in range(5)]
    return [(field, *values) for field, values in [*totals.items(), ("all", every)]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/accuracy"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    corpora = args.corpora or sorted(FIXTURES.glob("corpus_*"))
    results: list[dict[str, Any]] = []
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(_one, str(c), str(args.out)) for c in corpora]
        for future in futures:
            name, result = future.result()
            (args.out / f"{name}.json").write_text(json.dumps(result), encoding="utf-8")
            results.append(result)
            if args.verbose:
                for wrong in result["disagreements"]:
                    mark = "F" if wrong["needs_review"] else "!"
                    print(
                        f"{mark} {name} {wrong['trust_code']} {wrong['field']}: "
                        f"gold {wrong['gold']!r}, ours {wrong['ours']!r} ({wrong['rule']})"
                    )
    print(f"{len(corpora)} corpora")
    print(f"{'field':16} {'accuracy':>8} {'flagged':>8} {'wrong among not flagged':>24}")
    for field, n, right, flagged, clear, right_clear in pooled(results):
        wrong = f"{(clear - right_clear) / clear:.1%} ({clear - right_clear} of {clear})"
        print(f"{field:16} {right / n:8.3f} {flagged / n:8.1%} {wrong:>24}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
