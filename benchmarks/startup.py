"""Start-up with 5,000 members, as whole processes (interpreter, imports, database, first data) against
a bare PySide6 window process measured in the same run, warm cache (files and bytecode), median of the runs:

- the main window's first paint, as a double-click opens it (target ≤ 1.3× the bare window);
- the roster page (花名册) showing its 5,000 members, rows painted (target ≤ 2.0× the bare window): the
  first screenful of rows with the page counting all 5,000; the paint once all of them are in the
  table (searchable, sortable) is printed beside it.

Run: .venv/bin/python -m benchmarks.startup
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.roster.demo import load_demo
from core.store import Store

ROOT = Path(__file__).resolve().parent.parent
WINDOW_TARGET = 1.3
ROSTER_TARGET = 2.0


def times_to_paint(args: list[str], env: dict[str, str]) -> list[float]:
    """Seconds from starting the process to each paint ``benchmarks.startup_probe`` watches for."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup_probe", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=True,
    )
    return [float(line) - start for line in done.stdout.split() if line.replace(".", "", 1).isdigit()]


def main(members: int = 5_000, repeats: int = 7) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "branch.db"
        store = Store.open(db)
        load_demo(store, members=members, seed=5)
        shown = int(store.scalar("SELECT count(*) FROM members WHERE deleted = 0"))
        store.close()
        # Bytecode cached, as in the installed (PyInstaller) app: the warm-up runs write it.
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": tmp, "PYTHONPYCACHEPREFIX": f"{tmp}/pycache"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        kinds = {"bare": ["bare"], "app": ["app", str(db)], "roster": ["roster", str(db), str(shown)]}
        for args in kinds.values():  # warm the caches; the first start makes the daily backup
            times_to_paint(args, env)
        times: dict[str, list[float]] = {kind: [] for kind in (*kinds, "whole")}
        for _ in range(repeats):  # in turn, so that a slower moment of the machine hits all three
            for kind, args in kinds.items():
                first, *more = times_to_paint(args, env)
                times[kind].append(first)
                if more:
                    times["whole"].append(more[0])
    bare, app, roster, whole = (statistics.median(times[kind]) for kind in times)
    window_ratio, roster_ratio = app / bare, roster / bare
    print(f"members: {shown}; platform: {env['QT_QPA_PLATFORM']}; whole processes, median of {repeats}, warm cache")
    print(f"bare PySide6 window painted: {bare * 1000:.0f} ms")
    print(f"main window first paint: {app * 1000:.0f} ms vs bare window {bare * 1000:.0f} ms = {window_ratio:.2f}× "
          f"(target ≤ {WINDOW_TARGET}×)")
    print(f"roster with {shown:,} members painted: {roster * 1000:.0f} ms vs bare window {bare * 1000:.0f} ms "
          f"= {roster_ratio:.2f}× (target ≤ {ROSTER_TARGET}×)")
    print(f"  all {shown:,} in the table (searchable, sortable), painted: {whole * 1000:.0f} ms = {whole / bare:.2f}×")
    ok = window_ratio <= WINDOW_TARGET and roster_ratio <= ROSTER_TARGET
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
