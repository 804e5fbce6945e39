"""First sync of a large branch: 50,000 records pushed to a real district server on SQLite
(target ≤ 20 s). The server runs as its own process on 127.0.0.1, as in the end-to-end tests.

Run: .venv/bin/python -m benchmarks.sync_first_push
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from core.store import Store
from core.sync.enroll import enroll
from core.sync.run import sync
from tests.sync_server import RunningServer, admin, start_server

METHODS = ("self_scan", "group", "home", "pair")


def fill_branch(store: Store, records: int, members: int = 2000, lessons: int = 50) -> int:
    """Members, lessons and study records written through ``Store.insert_many`` until the database
    holds ``records`` synced rows (the 8 default skills included). Returns the number of rows."""
    people = store.insert_many("members", [
        {"name": f"党员{n:05d}", "gender": "男" if n % 2 else "女", "birth_date": f"{1940 + n % 60}-0{1 + n % 9}-15",
         "category": "full", "status": "active", "village": f"第{n % 9 + 1}村", "phone": f"138{n:08d}",
         "wechat": "wechat", "name_pinyin": f"dangyuan{n:05d}", "name_initials": "dy"}
        for n in range(members)
    ])
    courses = store.insert_many("lessons", [
        {"title": f"第{n + 1}讲 微党课", "minutes": 20, "video_url": f"https://dj.example.cn/v/{n + 1}",
         "published_date": "2026-01-01", "credit_hours": 0.5}
        for n in range(lessons)
    ])
    existing = int(store.scalar("SELECT count(*) FROM skills")) + len(people) + len(courses)
    study = max(0, records - existing)
    start = date(2026, 1, 2)
    rows = [
        {"member_id": people[n % len(people)], "lesson_id": courses[(n // len(people)) % len(courses)],
         "study_date": (start + timedelta(days=n % 300)).isoformat(), "method": METHODS[n % 4], "minutes": 20,
         "helper_id": people[(n + 1) % len(people)] if METHODS[n % 4] in ("home", "pair") else None,
         "entered_by": "组织委员"}
        for n in range(study)
    ]
    for part in range(0, len(rows), 10_000):
        store.insert_many("study_records", rows[part : part + 10_000])
    return existing + study


@contextmanager
def enrolled_branch(folder: Path, records: int) -> Iterator[tuple[RunningServer, Store, int]]:
    """A running server on SQLite and an enrolled branch database holding ``records`` rows."""
    db_url = f"sqlite:///{folder / 'district.db'}"
    server = start_server(db_url)
    try:
        code = admin(db_url, "branch", "add", "--name", "基准测试村党支部")["enrollment_code"]
        store = Store.open(folder / "branch.db")
        try:
            total = fill_branch(store, records)
            enroll(store, server.url, code, "基准测试电脑")
            yield server, store, total
        finally:
            store.close()
    finally:
        server.stop()


def main(records: int = 50_000) -> int:
    with tempfile.TemporaryDirectory() as tmp, enrolled_branch(Path(tmp), records) as (_server, store, total):
        print(f"branch: {total} rows to send ({store.dirty_count()} dirty)")
        start = time.perf_counter()
        result = sync(store)
        seconds = time.perf_counter() - start
        assert store.dirty_count() == 0 and result.rejected == 0, result
    print(f"first push: {result.pushed} records in {seconds:.1f} s = {result.pushed / seconds:,.0f} records/s "
          f"(target ≤ 20 s)")
    ok = seconds <= 20
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
