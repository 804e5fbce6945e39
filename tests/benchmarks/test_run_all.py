"""benchmarks/run_all: every benchmark module is in its table, and the table reads the figures the
benchmarks print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import run_all

ROOT = Path(__file__).resolve().parents[2]


def test_every_benchmark_module_is_run() -> None:
    modules = {path.stem for path in (ROOT / "benchmarks").glob("*.py")}
    registered = {b.name for b in run_all.BENCHMARKS}
    assert modules - run_all.HELPER_MODULES == registered, "a benchmark missing from run_all.BENCHMARKS"
    for name in registered:
        source = (ROOT / "benchmarks" / f"{name}.py").read_text(encoding="utf-8")
        assert '__name__ == "__main__"' in source, f"benchmarks/{name}.py cannot be run on its own"


def test_figures_and_result_come_from_the_benchmark_output() -> None:
    output = "members: 50000\n  search 'zs' 1.20 ms\nmedian search: 1.83 ms (target ≤ 20 ms)\nPASS\n"
    assert run_all.figure_lines(output) == ["median search: 1.83 ms (target ≤ 20 ms)"]
    assert run_all.status_of(output, 0) == "PASS"
    missed = "first push: 50000 records in 25.1 s (target ≤ 20 s)\nMISS\n"
    assert run_all.status_of(missed, 1) == "MISS"
    assert run_all.status_of("Traceback …", 1) == "FAILED"
    assert run_all.figure_lines("200 branches\nall 200/200 finished in 10.0 s total\n") == [
        "all 200/200 finished in 10.0 s total"
    ]


def test_the_table_runs_a_real_benchmark(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run_all", "--only", "search_members", "--log-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    header, rule, row, *_ = done.stdout.splitlines()
    assert header.split()[:3] == ["benchmark", "result", "time"]
    name, result = row.split()[:2]
    assert name == "search_members"
    # Whether the figure meets its target depends on the machine: the exit code follows the result.
    assert (result, done.returncode) in (("PASS", 0), ("MISS", 1)), done.stdout + done.stderr
    assert "(target ≤ 20 ms)" in row
    assert "median search" in (tmp_path / "search_members.txt").read_text(encoding="utf-8")
