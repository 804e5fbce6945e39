"""Start-up time with 5,000 members: process start → main window painted, against a bare PySide6
window script measured in the same run (targets: ≤ 1.5 s and ≤ 2× the bare window).

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


def time_to_paint(args: list[str], env: dict[str, str]) -> float:
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.startup_probe", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=True,
    )
    return float(done.stdout.strip().splitlines()[-1]) - start


def main(members: int = 5_000, repeats: int = 5) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "branch.db"
        store = Store.open(db)
        load_demo(store, members=members, seed=5)
        store.close()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": tmp}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        time_to_paint(["app", str(db)], env)  # first run makes the daily backup; warm the caches
        bare, app = [], []
        for _ in range(repeats):
            bare.append(time_to_paint(["bare"], env))
            app.append(time_to_paint(["app", str(db)], env))
    bare_s, app_s = statistics.median(bare), statistics.median(app)
    print(f"members: {members}; platform: {env['QT_QPA_PLATFORM']}; median of {repeats}")
    print(f"bare PySide6 window painted: {bare_s * 1000:.0f} ms")
    print(f"Zhibu Desk main window painted: {app_s * 1000:.0f} ms (target ≤ 1500 ms)")
    print(f"ratio: {app_s / bare_s:.2f} (target ≤ 2.0)")
    ok = app_s <= 1.5 and app_s / bare_s <= 2
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
