"""Yearly study ledger export: 1,000 members, ~100,000 records → XLSX (target ≤ 3 s).

Also prints how long the report's figures take to compute (what the report page waits for).
Run: .venv/bin/python -m benchmarks.study_ledger
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.study_data import build_study_branch
from core.reports.period import parse_period
from core.reports.study_export import export_study_xlsx
from core.reports.study_report import build_study_report
from core.store import Store

TODAY = date(2026, 11, 22)


def main(rounds: int = 3) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "year.db"
        built = build_study_branch(db)
        print(f"branch: 1000 members, {built['records']} study records, {built['scan_rows']} live-code scan days "
              f"(built in {built['seconds']:.1f} s)")
        store = Store.open(db)
        period = parse_period("2026")
        figures = []
        for _ in range(rounds):
            start = time.perf_counter()
            build_study_report(store, period, today=TODAY)
            figures.append(time.perf_counter() - start)
        exports = []
        out = Path(tmp) / "台账.xlsx"
        for _ in range(rounds):
            start = time.perf_counter()
            export_study_xlsx(store, period, out, today=TODAY)
            exports.append(time.perf_counter() - start)
        size = out.stat().st_size
        store.close()
    figure_ms = statistics.median(figures) * 1000
    export_s = statistics.median(exports)
    print(f"report figures for the year (coverage, ledger, idle, months, scans): median {figure_ms:.0f} ms")
    print(f"yearly ledger → XLSX ({size / 1e6:.1f} MB, 6 sheets): median {export_s:.2f} s, "
          f"worst {max(exports):.2f} s (target ≤ 3 s)")
    ok = export_s <= 3
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
