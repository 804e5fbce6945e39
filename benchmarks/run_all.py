"""Run every benchmark, one process each, and print one table of figures against their targets.

    .venv/bin/python -m benchmarks.run_all                   every benchmark (about 10 minutes)
    .venv/bin/python -m benchmarks.run_all --only sync_noop --only startup
    .venv/bin/python -m benchmarks.run_all --skip sync_many_branches

Each benchmark prints its own figures, the lines naming their target ("… (target ≤ 20 s)"), and PASS or
MISS. This script collects those lines into the table; a benchmark without a "target" line shows its last
line. ``sync_many_branches`` needs PostgreSQL: ``$ZHIBU_TEST_PG_URL``, or what ``scripts/postgres.sh``
prints when it can start one; otherwise it is shown as skipped. The whole output of each benchmark is
kept in ``--log-dir`` (default ``build/benchmarks``). Exits 1 when any benchmark missed its target or failed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_ENV = "ZHIBU_TEST_PG_URL"


@dataclass(frozen=True)
class Benchmark:
    name: str  # the module in benchmarks/
    what: str
    needs_pg: bool = False


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark("import_roster", "10,000-row XLSX import vs. bare openpyxl and calamine reads"),
    Benchmark("search_members", "search over 50,000 members"),
    Benchmark("startup", "process start → main window painted; roster with 5,000 members painted"),
    Benchmark("roster_ui", "search keystroke; event-loop stalls during a 10,000-row import"),
    Benchmark("study_ledger", "yearly ledger XLSX, 1,000 members / ~100,000 study records"),
    Benchmark("report_page", "统计报表 page refresh"),
    Benchmark("pairing_suggest", "pairing suggestions, 2,000 elders and 1,000 helpers"),
    Benchmark("qr_material", "100 posters vs. bare reportlab + qrcode; 100 label pages"),
    Benchmark("sync_first_push", "first sync of 50,000 records to a real server"),
    Benchmark("sync_package", "同步包: export, district apply and import of a 50,000-record first package"),
    Benchmark("sync_noop", "a sync with nothing to do, 10,000-row branch"),
    Benchmark("sync_many_branches", "200 branches syncing at once, PostgreSQL", needs_pg=True),
    Benchmark("live_codes", "活码: 200 simultaneous scans and check-ins, PostgreSQL, 2 workers", needs_pg=True),
)
# Modules in benchmarks/ that are not benchmarks of their own.
HELPER_MODULES = frozenset({"__init__", "run_all", "startup_probe", "study_data", "bare_answer"})


@dataclass
class Outcome:
    benchmark: Benchmark
    status: str  # PASS, MISS, FAILED, SKIPPED
    figures: list[str]
    seconds: float


def figure_lines(output: str) -> list[str]:
    """The lines that state a figure against its target; the last line when none does."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    chosen = [line for line in lines if re.search(r"\btarget\b", line, re.IGNORECASE)]
    if chosen:
        return chosen
    tail = [line for line in lines if line not in ("PASS", "MISS")]
    return tail[-1:] if tail else ["(no output)"]


def status_of(output: str, returncode: int) -> str:
    words = {line.strip() for line in output.splitlines()}
    if "MISS" in words:
        return "MISS"
    if returncode != 0:
        return "FAILED"
    return "PASS"


def postgres_url() -> str | None:
    if os.environ.get(PG_ENV):
        return os.environ[PG_ENV]
    script = ROOT / "scripts" / "postgres.sh"
    try:
        done = subprocess.run([str(script)], capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    url = done.stdout.strip().splitlines()[-1:] if done.returncode == 0 else []
    return url[0] if url else None


def run_one(benchmark: Benchmark, log_dir: Path, pg_url: str | None) -> Outcome:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    if benchmark.needs_pg:
        if not pg_url:
            return Outcome(benchmark, "SKIPPED", ["PostgreSQL not available (set ZHIBU_TEST_PG_URL)"], 0.0)
        env[PG_ENV] = pg_url
    print(f"running {benchmark.name} …", file=sys.stderr, flush=True)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{benchmark.name}"], cwd=ROOT, env=env,
        stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )
    seconds = time.perf_counter() - began
    output = done.stdout + (f"\n--- stderr ---\n{done.stderr}" if done.stderr.strip() else "")
    (log_dir / f"{benchmark.name}.txt").write_text(output, encoding="utf-8")
    status = status_of(done.stdout, done.returncode)
    figures = figure_lines(done.stdout) if status != "FAILED" else [f"exit {done.returncode}: see the log"]
    return Outcome(benchmark, status, figures, seconds)


def table(outcomes: list[Outcome]) -> str:
    name_width = max(len(o.benchmark.name) for o in outcomes)
    rows = [f"{'benchmark':<{name_width}}  {'result':<7}  {'time':>6}  figures against targets",
            f"{'-' * name_width}  {'-' * 7}  {'-' * 6}  {'-' * 40}"]
    for outcome in outcomes:
        first, *more = outcome.figures
        seconds = f"{outcome.seconds:5.0f}s" if outcome.seconds else "     -"
        rows.append(f"{outcome.benchmark.name:<{name_width}}  {outcome.status:<7}  {seconds}  {first}")
        rows.extend(f"{'':<{name_width}}  {'':<7}  {'':>6}  {line}" for line in more)
    return "\n".join(rows)


def selected(only: list[str], skip: list[str]) -> list[Benchmark]:
    known = {b.name for b in BENCHMARKS}
    unknown = sorted(set(only + skip) - known)
    if unknown:
        raise SystemExit(f"unknown benchmark: {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [b for b in BENCHMARKS if (not only or b.name in only) and b.name not in skip]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmark and print one table of figures.")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME")
    parser.add_argument("--log-dir", type=Path, default=ROOT / "build" / "benchmarks")
    args = parser.parse_args(argv)
    chosen = selected(args.only, args.skip)
    args.log_dir.mkdir(parents=True, exist_ok=True)
    pg_url = postgres_url() if any(b.needs_pg for b in chosen) else None
    outcomes = [run_one(b, args.log_dir, pg_url) for b in chosen]
    print(table(outcomes))
    print(f"\nfull output of each benchmark: {args.log_dir}/<name>.txt")
    return 1 if any(o.status in ("MISS", "FAILED") for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
