#!/usr/bin/env python3
"""Benchmark ``foi-audit summary`` on a 210-trust processed folder, as a whole process.

    python benchmarks/bench_summary.py [--trusts 210] [--runs 7] [--keep DIR]

Writes a synthetic processed folder (codes.csv, trusts.csv and raw/asked.csv with a few
trusts that never replied) through the library, then runs ``foi-audit summary`` (text and
``--json``) as subprocesses and reports the median and worst wall-clock time. The target is
under 0.5 s; it is reported, never asserted (this is not a test).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from foi_audit.coding import load_codebook
from foi_audit.dataset.codes import no_reply_codes, write_codes
from foi_audit.dataset.layout import Layout
from foi_audit.dataset.trusts import refresh_trusts
from foi_audit.fileio import write_csv
from foi_audit.records import CodedValue, Flag, FlagReason
from foi_audit.register.trusts import load_register

TARGET_SECONDS = 0.5


def make_processed(root: Path, trusts: int, seed: int = 1) -> Layout:
    """A processed folder for ``trusts`` real register trusts, 3% of them never replying."""
    rng = random.Random(seed)
    codebook = load_codebook()
    register = load_register()
    codes = sorted(t.code for t in register.trusts)[:trusts]
    layout = Layout(raw=root / "raw", processed=root / "processed")
    replied = codes[: trusts - max(1, trusts * 3 // 100)]
    coded = []
    for code in replied:
        abt = rng.choice(["yes", "yes", "no", ""])
        for f in codebook.fields:
            if f.applies_when and f.applies_when[1] != abt:
                value = ""
            elif f.kind == "text":
                value = rng.choice(["", "Example Provider Ltd", "Chief Nurse"])
            elif f.name == "abt_provided":
                value = abt
            elif f.kind == "multi":
                value = rng.choice(["", "", "", "s40", "s40;s43"])
            else:
                value = rng.choice([*f.values, ""])
            coded.append(
                CodedValue(
                    code,
                    f.name,
                    value,
                    quote=f"{code}: {value}" if value else "",
                    source=f"{code}.pdf",
                    locator="page 1",
                    confidence=0.8,
                    rule="bench",
                    flags=(Flag(FlagReason.HEDGED_ANSWER),) if rng.random() < 0.05 else (),
                )
            )
    coded += no_reply_codes(codes, set(replied), codebook)
    write_codes(layout, coded, codebook)
    refresh_trusts(layout, register, codebook)
    write_csv(
        layout.asked_csv,
        ("trust_code", "date_sent"),
        [{"trust_code": c, "date_sent": "2024-11-04"} for c in codes],
    )
    return layout


def time_command(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trusts", type=int, default=210)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="Write the processed folder here and keep it.")
    options = parser.parse_args()
    root = options.keep or Path(tempfile.mkdtemp(prefix="bench-summary-"))
    try:
        layout = make_processed(root, options.trusts)
        base = [sys.executable, "-m", "foi_audit", "summary", "--processed", str(layout.processed)]
        print(f"foi-audit summary on {options.trusts} trusts, {options.runs} runs each")
        for label, args in (("text", base), ("--json", [*base, "--json"])):
            times = time_command(args, options.runs)
            median = statistics.median(times)
            verdict = "meets" if median < TARGET_SECONDS else "MISSES"
            print(
                f"  {label:7} median {median:.3f} s, worst {max(times):.3f} s "
                f"({verdict} the {TARGET_SECONDS} s target)"
            )
    finally:
        if not options.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
