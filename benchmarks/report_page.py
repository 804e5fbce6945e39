"""The 统计报表 page with 1,000 members and ~100,000 study records: time from asking for a period
to the page showing it, repainted (target: worst case ≤ 200 ms) — on first show, when only the period
changes (the records read last time are reused), and after a new record (the records are read again).

Run: .venv/bin/python -m benchmarks.report_page
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication  # noqa: E402

from benchmarks.study_data import build_study_branch  # noqa: E402
from core.lessons.study import StudyEntry, record_study  # noqa: E402
from core.store import Store  # noqa: E402
from ui.app import make_application, prepare  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.reports.page import ReportsPage  # noqa: E402

PERIODS = ["2026-11", "2026-Q4", "2026", "2026-10", "2026-Q3", "2026"]


def refresh(page: ReportsPage, code: str) -> float:
    done: list[bool] = []
    page.refreshed.connect(lambda: done.append(True))
    start = time.perf_counter()
    page.set_period(code)
    deadline = time.monotonic() + 60
    while not done:
        QCoreApplication.processEvents()
        time.sleep(0.001)
        if time.monotonic() > deadline:
            raise TimeoutError(code)
    page.repaint()
    elapsed = time.perf_counter() - start
    page.refreshed.disconnect()
    return elapsed


def main(rounds: int = 3) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "year.db"
        built = build_study_branch(db)
        print(f"branch: 1000 members, {built['records']} study records, {built['scan_rows']} live-code scan days")
        ctx = AppContext(db, Path(tmp) / "ui.ini")
        prepare(make_application(), ctx, "zh_CN")
        page = ReportsPage(ctx)
        page.today = lambda: date(2026, 11, 22)
        page.resize(1280, 800)
        page.show()
        first = refresh(page, "2026-09")  # first show: records read, models and tables built
        timings: dict[str, list[float]] = {code: [] for code in dict.fromkeys(PERIODS)}
        for _round in range(rounds):
            for code in PERIODS:
                timings[code].append(refresh(page, code))
        changed = []
        for _round in range(rounds):  # a record entered meanwhile: the records are read again
            store = Store.open(db)
            lesson, member = store.query("SELECT lesson_id, member_id FROM study_records LIMIT 1")[0].values()
            record_study(store, StudyEntry(lesson, "2026-11-21", "self_scan"), [member], today=date(2026, 11, 22))
            store.close()
            page.ctx.study_changed.emit()
            changed.append(refresh(page, "2026" if page.period.code != "2026" else "2026-Q4"))
        page.close()
        ctx.runner.wait()
    for code, values in timings.items():
        print(f"  period {code:8} median {statistics.median(values) * 1000:5.0f} ms, worst {max(values) * 1000:5.0f} ms")
    print(f"  first show of the page (month; builds the tables, not counted as a refresh) {first * 1000:.0f} ms")
    print(f"  after a new record (reread) median {statistics.median(changed) * 1000:5.0f} ms, "
          f"worst {max(changed) * 1000:5.0f} ms")
    every = [t for values in timings.values() for t in values] + changed
    median, worst = statistics.median(every) * 1000, max(every) * 1000
    print(f"report page refresh: median {median:.0f} ms, worst {worst:.0f} ms (target ≤ 200 ms)")
    ok = worst <= 200
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
