#!/usr/bin/env python3
"""Benchmark foi-audit end to end, whole process against whole process.

    python benchmarks/run.py [--n 200] [--seed 1] [--jobs N] [--scale 500,1000,2000]

Generates N synthetic replies (``generate.py``), splits them into the text files and the scanned
ones, and reports in one run:

- ``foi-audit --help`` (median of 5): the cost of starting the program;
- the floor: ``floor.py`` reading the text files' raw text with the fastest readers, one process;
- cold ingest of the text files (empty output folder), pages per second, and the ratio
  cold ingest / floor; scanned files are ingested separately (OCR) and kept out of the ratio;
- warm re-ingest (nothing changed), and re-ingest after one file's content changed;
- ``foi-audit summary``;
- peak memory, measured two ways: the largest single process (``wait4`` rusage ``ru_maxrss``,
  exact; includes worker processes the parent waited for) and parent + workers together (sum of
  proportional set size, ``Pss`` in /proc/PID/smaps_rollup, over the process tree, sampled every
  0.1 s, so a shorter peak can be missed; PSS splits pages shared after fork, so the sum does
  not double-count them);
- with ``--scale``: cold and warm ingest at each size, to check time is linear in N.

Every time is wall-clock (``time.perf_counter``) around a subprocess. Results: a markdown table on
stdout and ``benchmarks/out/bench-n{N}-s{SEED}.json`` / ``.md`` (git-ignored). Nothing here is
a test: the targets are reported as met or not, never asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (the sibling script; run.py is run as a script, not imported)

TARGETS = {
    "ratio": 3.0,  # cold ingest / floor
    "warm_vs_help": 2.0,
    "summary_s": 0.5,
    "help_s": 0.3,
    "memory_mb": 500.0,
}


@dataclass
class Measurement:
    seconds: float
    returncode: int
    max_rss_mb: float  # largest single process (kernel's ru_maxrss over the tree it reaped)
    peak_pss_mb: float  # sampled sum over parent + workers
    stderr_tail: str = ""


@dataclass
class Report:
    machine: dict[str, Any]
    settings: dict[str, Any]
    results: dict[str, Any] = field(default_factory=dict)
    scale: list[dict[str, Any]] = field(default_factory=list)


# ---------------------------------------------------------------- measuring a process


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_pss_kb(root: int) -> int:
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _pss_kb(pid)
        stack += _children(pid)
    return total


def measure(command: list[str], env: dict[str, str] | None = None) -> Measurement:
    """Run ``command`` to completion: wall time, exit code, peak memory."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"foi-bench-{os.getpid()}.stderr"
    peak = [0]
    with open(log, "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=stderr, env=env or os.environ.copy()
        )
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_pss_kb(process.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)  # we reaped it ourselves
    text = log.read_text(encoding="utf-8", errors="replace")
    # rich draws error boxes: keep the words, drop the frame
    words = [line.strip(" │╭╮╰╯─") for line in text.splitlines()]
    tail = [line for line in words if line][-3:]
    log.unlink(missing_ok=True)
    return Measurement(
        seconds=seconds,
        returncode=process.returncode,
        max_rss_mb=usage.ru_maxrss / 1024,  # kB on Linux
        peak_pss_mb=peak[0] / 1024,
        stderr_tail=" | ".join(tail)[-300:],
    )


def median_of(runs: int, command: list[str]) -> tuple[float, list[Measurement]]:
    found = [measure(command) for _ in range(runs)]
    return statistics.median(m.seconds for m in found), found


# ---------------------------------------------------------------- the corpus


def ensure_corpus(work: Path, n: int, seed: int) -> dict[str, Any]:
    """Generated replies in ``work/raw-all`` (reused when the same n and seed are there)."""
    raw = work / "raw-all"
    manifest_path = raw / generate.MANIFEST_NAME
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("seed") == seed and manifest.get("n", 0) >= n:
            return dict(manifest)
    shutil.rmtree(raw, ignore_errors=True)
    started = time.perf_counter()
    generate.generate(n, seed, raw)
    print(f"generated {n} replies in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return dict(json.loads(manifest_path.read_text(encoding="utf-8")))


def link_subset(source: Path, entries: list[dict[str, Any]], target: Path) -> None:
    """A fresh folder holding ``entries`` as hard links (copies where links are impossible)."""
    shutil.rmtree(target, ignore_errors=True)
    for entry in entries:
        destination = target / entry["path"]
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source / entry["path"], destination)
        except OSError:
            shutil.copy2(source / entry["path"], destination)


def documents_summary(processed: Path) -> dict[str, Any]:
    """Status counts and pages from documents.csv, to show what the timed run actually did."""
    path = processed / "documents.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    statuses: dict[str, int] = {}
    for row in rows:
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    return {
        "documents": len(rows),
        "pages": sum(int(r["pages"] or 0) for r in rows),
        "status": statuses,
    }


# ---------------------------------------------------------------- the runs


def foi_audit_command(explicit: str | None) -> list[str]:
    if explicit:
        return explicit.split()
    script = Path(sys.executable).parent / "foi-audit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "foi_audit"]


def ingest_command(cli: list[str], raw: Path, processed: Path, jobs: int) -> list[str]:
    return [*cli, "ingest", str(raw), "--out", str(processed), "--jobs", str(jobs)]


def run_floor(raw: Path, repeat: int) -> tuple[float, dict[str, Any]]:
    command = [sys.executable, str(HERE / "floor.py"), str(raw), "--json"]
    seconds, _ = median_of(repeat, command)
    tally = json.loads(subprocess.run(command, capture_output=True, text=True).stdout)
    return seconds, tally


LONG_SCAN_PAGES = 12


def cold_ingest(cli: list[str], raw: Path, processed: Path, jobs: int, repeat: int) -> Measurement:
    """Median of ``repeat`` runs into an emptied output folder; the last run's outputs stay."""
    found = []
    for _ in range(repeat):
        shutil.rmtree(processed, ignore_errors=True)
        found.append(measure(ingest_command(cli, raw, processed, jobs)))
    found.sort(key=lambda m: m.seconds)
    return found[len(found) // 2]


def run_benchmark(args: argparse.Namespace) -> Report:
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    cli = foi_audit_command(args.foi_audit)
    report = Report(machine=machine(), settings=settings(args, cli))
    biggest = max([args.n, *args.scale])
    manifest = ensure_corpus(work, biggest, args.seed)
    entries = manifest["files"][: args.n]
    text_entries = [e for e in entries if not e["scanned"]]
    scan_entries = [e for e in entries if e["scanned"]]
    raw_all = work / "raw-all"
    text_raw, scan_raw = work / "text" / "raw", work / "scan" / "raw"
    link_subset(raw_all, text_entries, text_raw)
    link_subset(raw_all, scan_entries, scan_raw)
    results = report.results

    help_s, help_runs = median_of(args.help_runs, [*cli, "--help"])
    results["help"] = {"seconds": help_s, "max_rss_mb": help_runs[0].max_rss_mb}
    print(f"--help {help_s:.3f} s", file=sys.stderr)

    floor_s, tally = run_floor(text_raw, args.repeat)
    results["floor"] = {"seconds": floor_s, **{k: v for k, v in tally.items() if k != "errors"}}
    results["floor"]["errors"] = len(tally["errors"])
    print(f"floor {floor_s:.2f} s for {tally['pages']} pages", file=sys.stderr)

    text_out = work / "text" / "processed"
    cold = cold_ingest(cli, text_raw, text_out, args.jobs, args.repeat)
    results["cold"] = {**asdict(cold), **documents_summary(text_out)}
    results["cold"]["files"] = len(text_entries)
    results["cold"]["pages_per_second"] = tally["pages"] / cold.seconds if cold.seconds else 0
    results["ratio"] = cold.seconds / floor_s if floor_s else None
    print(f"cold ingest {cold.seconds:.2f} s (rc {cold.returncode})", file=sys.stderr)

    warm_s, warm_runs = median_of(
        args.repeat_warm, ingest_command(cli, text_raw, text_out, args.jobs)
    )
    results["warm"] = {**asdict(warm_runs[-1]), "seconds": warm_s}
    results["warm_vs_help"] = warm_s / help_s if help_s else None
    print(f"warm re-ingest {warm_s:.3f} s", file=sys.stderr)

    if text_entries:
        changed_index = manifest["files"].index(text_entries[len(text_entries) // 2])
        changed = generate.rewrite_one(text_raw, args.seed, changed_index)
        one = measure(ingest_command(cli, text_raw, text_out, args.jobs))
        results["one_changed"] = {**asdict(one), "file": changed}
        print(f"one file changed {one.seconds:.3f} s", file=sys.stderr)

    summary_s, summary_runs = median_of(
        args.help_runs, [*cli, "summary", "--processed", str(text_out)]
    )
    results["summary"] = {**asdict(summary_runs[-1]), "seconds": summary_s}
    print(f"summary {summary_s:.3f} s (rc {summary_runs[-1].returncode})", file=sys.stderr)

    if scan_entries and not args.no_ocr:
        scan_out = work / "scan" / "processed"
        ocr = cold_ingest(cli, scan_raw, scan_out, args.jobs, 1)
        scan_tally = json.loads(
            subprocess.run(
                [sys.executable, str(HERE / "floor.py"), str(scan_raw), "--json"],
                capture_output=True,
                text=True,
            ).stdout
        )
        pages = scan_tally["pages"]
        results["ocr"] = {
            **asdict(ocr),
            **documents_summary(scan_out),
            "files": len(scan_entries),
            "scanned_pages": pages,
            "seconds_per_page": ocr.seconds / pages if pages else None,
        }
        print(f"OCR {ocr.seconds:.1f} s for {pages} scanned pages", file=sys.stderr)
        results["long_scan"] = long_scan(cli, work, scan_raw, args.jobs)

    for size in args.scale:
        report.scale.append(scale_point(cli, work, manifest, size, args.jobs))
    return report


def long_scan(cli: list[str], work: Path, scan_raw: Path, jobs: int) -> dict[str, Any]:
    """One scanned reply of LONG_SCAN_PAGES pages (the corpus's scanned pages, joined) read with
    one worker and with ``jobs``: its pages are OCR'd side by side, so more cores read it faster."""
    import pypdfium2 as pdfium

    raw = work / "long-scan" / "raw"
    shutil.rmtree(raw.parent, ignore_errors=True)
    raw.mkdir(parents=True)
    joined = pdfium.PdfDocument.new()
    scans = sorted(scan_raw.rglob("*.pdf"))
    while scans and len(joined) < LONG_SCAN_PAGES:  # the corpus's few scanned pages, repeated
        for path in scans:
            if len(joined) >= LONG_SCAN_PAGES:
                break
            joined.import_pages(pdfium.PdfDocument(path))
    pages = len(joined)
    joined.save(raw / "long scan.pdf")
    timed = {}
    for workers in sorted({1, jobs}):
        timed[workers] = cold_ingest(cli, raw, raw.parent / f"processed-{workers}", workers, 1)
    one, many = timed[1].seconds, timed[jobs].seconds
    print(
        f"long scan {pages} pages: {one:.1f} s on 1 worker, {many:.1f} s on {jobs}", file=sys.stderr
    )
    return {
        "pages": pages,
        "jobs": jobs,
        "one_worker_s": one,
        "jobs_s": many,
        "speedup": one / many,
    }


def scale_point(
    cli: list[str], work: Path, manifest: dict[str, Any], size: int, jobs: int
) -> dict[str, Any]:
    """Cold and warm ingest of the first ``size`` replies' text files (scans left out: OCR)."""
    entries = [e for e in manifest["files"][:size] if not e["scanned"]]
    raw, out = work / f"scale-{size}" / "raw", work / f"scale-{size}" / "processed"
    link_subset(work / "raw-all", entries, raw)
    floor_s, tally = run_floor(raw, 1)
    cold = cold_ingest(cli, raw, out, jobs, 1)
    warm = measure(ingest_command(cli, raw, out, jobs))
    changed_index = manifest["files"].index(entries[len(entries) // 2])
    generate.rewrite_one(raw, manifest["seed"], changed_index)
    one = measure(ingest_command(cli, raw, out, jobs))
    point = {
        "replies": size,
        "text_files": len(entries),
        "pages": tally["pages"],
        "floor_s": floor_s,
        "cold": asdict(cold),
        "warm": asdict(warm),
        "one_changed": asdict(one),
        "ms_per_file": 1000 * cold.seconds / max(1, len(entries)),
        "ratio": cold.seconds / floor_s if floor_s else None,
        **documents_summary(out),
    }
    print(
        f"scale {size}: cold {cold.seconds:.1f} s, warm {warm.seconds:.2f} s, "
        f"one changed {one.seconds:.2f} s, "
        f"peak {cold.max_rss_mb:.0f} MB / {cold.peak_pss_mb:.0f} MB",
        file=sys.stderr,
    )
    shutil.rmtree(work / f"scale-{size}", ignore_errors=True)
    return point


# ---------------------------------------------------------------- describing the run


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "tesseract": shutil.which("tesseract") is not None,
    }


def settings(args: argparse.Namespace, cli: list[str]) -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "n": args.n,
        "seed": args.seed,
        "jobs": args.jobs,
        "repeat": args.repeat,
        "scale": args.scale,
        "command": " ".join(cli),
        "commit": commit,
        "date": time.strftime("%Y-%m-%d %H:%M"),
    }


def _verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "n/a"
    return "met" if value <= limit else "NOT met"


def markdown(report: Report) -> str:
    r, m, s = report.results, report.machine, report.settings
    lines = [
        f"Machine: {m['cpu'] or 'unknown CPU'}, {m['cores']} cores, {m['memory_gb']} GB, "
        f"{m['os']}, Python {m['python']}. Commit {s['commit']}, {s['date']}.",
        f"Replies: {s['n']} (seed {s['seed']}), --jobs {s['jobs']}.",
        "",
        "| measure | value | target |",
        "| --- | --- | --- |",
    ]

    def row(name: str, value: str, target: str = "") -> None:
        lines.append(f"| {name} | {value} | {target} |")

    help_s = r["help"]["seconds"]
    row(
        "`foi-audit --help` (median of runs)",
        f"{help_s:.3f} s",
        f"<= 0.3 s: {_verdict(help_s, 0.3)}",
    )
    floor = r["floor"]
    row(
        "floor: raw text, fastest readers, 1 process",
        f"{floor['seconds']:.2f} s ({floor['files']} files, {floor['pages']} pages)",
    )
    cold = r["cold"]
    row(
        "cold ingest (text files)",
        f"{cold['seconds']:.2f} s, {cold['pages_per_second']:.0f} pages/s, "
        f"exit {cold['returncode']}, statuses {cold.get('status', {})}",
    )
    ratio = r.get("ratio")
    row(
        "ratio cold ingest / floor",
        f"{ratio:.1f}x" if ratio else "n/a",
        f"<= 3x: {_verdict(ratio, TARGETS['ratio'])}",
    )
    warm = r["warm"]
    row(
        "warm re-ingest (nothing changed)",
        f"{warm['seconds']:.3f} s = {r['warm_vs_help']:.1f}x --help",
        f"<= 2x --help: {_verdict(r['warm_vs_help'], TARGETS['warm_vs_help'])}",
    )
    if "one_changed" in r:
        row("re-ingest after one file changed", f"{r['one_changed']['seconds']:.3f} s")
    summary = r["summary"]
    if summary["returncode"] == 0:
        row(
            "`foi-audit summary`",
            f"{summary['seconds']:.3f} s",
            f"<= 0.5 s: {_verdict(summary['seconds'], 0.5)}",
        )
    else:
        row(
            "`foi-audit summary`",
            f"failed (exit {summary['returncode']}): {summary['stderr_tail'][:80]}",
            "<= 0.5 s",
        )
    row(
        "peak memory, cold ingest",
        f"largest process {cold['max_rss_mb']:.0f} MB; parent + workers {cold['peak_pss_mb']:.0f} MB PSS",
        f"< 500 MB: {_verdict(cold['peak_pss_mb'], TARGETS['memory_mb'])}",
    )
    if "ocr" in r:
        ocr = r["ocr"]
        per_page = ocr["seconds_per_page"]
        row(
            "OCR: scanned files alone (not in the ratio)",
            f"{ocr['seconds']:.1f} s for {ocr['files']} files, {ocr['scanned_pages']} pages"
            + (f" = {per_page:.1f} s/page" if per_page else ""),
        )
    if "long_scan" in r:
        scan = r["long_scan"]
        row(
            f"OCR: one {scan['pages']}-page scan, 1 worker vs {scan['jobs']}",
            f"{scan['one_worker_s']:.1f} s vs {scan['jobs_s']:.1f} s = {scan['speedup']:.2f}x",
            f"≥ 1.8x: {'met' if scan['speedup'] >= 1.8 else 'not met'}",
        )
    if report.scale:
        lines += [
            "",
            "Scaling (text files only; scans left out):",
            "",
            "| replies | text files | floor | cold ingest | ms/file | ratio | warm | one changed "
            "| largest process | parent + workers |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for p in report.scale:
            lines.append(
                f"| {p['replies']} | {p['text_files']} | {p['floor_s']:.1f} s | {p['cold']['seconds']:.1f} s "
                f"| {p['ms_per_file']:.1f} | {p['ratio']:.1f}x | {p['warm']['seconds']:.2f} s "
                f"| {p['one_changed']['seconds']:.2f} s "
                f"| {p['cold']['max_rss_mb']:.0f} MB | {p['cold']['peak_pss_mb']:.0f} MB |"
            )
    lines += [
        "",
        "Times are wall-clock around whole processes. Memory: largest process = kernel ru_maxrss; "
        "parent + workers = sum of PSS over the process tree sampled every 0.1 s.",
    ]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="replies to generate (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--scale",
        type=lambda text: [int(x) for x in text.split(",") if x],
        default=[],
        help="comma-separated sizes for the scaling runs, e.g. 500,1000,2000,10000",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of floor and cold ingest (median)"
    )
    parser.add_argument("--repeat-warm", type=int, default=3, help="runs of warm re-ingest")
    parser.add_argument("--help-runs", type=int, default=5, help="runs of --help and summary")
    parser.add_argument("--no-ocr", action="store_true", help="skip the scanned files")
    parser.add_argument("--work", type=Path, default=HERE / "out" / "work")
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--foi-audit", help="command that runs the tool [default: venv script]")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    report = run_benchmark(args)
    text = markdown(report)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"bench-n{args.n}-s{args.seed}"
    stem.with_suffix(".json").write_text(json.dumps(asdict(report), indent=1), encoding="utf-8")
    stem.with_suffix(".md").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
