"""Many branches syncing at once: 200 branch offices, each with 100 new changes, all press 同步 at the
same moment against one district server on PostgreSQL. Every sync must finish; 429 answers (the
server's concurrency limit) are waited out as the client does in the field. Prints the total time,
the p50/p95/max of one branch's sync and how many 429 waits there were.

Needs a PostgreSQL admin URL in ZHIBU_TEST_PG_URL (scripts/postgres.sh prints one); a fresh database
is made and dropped.

Run: ZHIBU_TEST_PG_URL=postgresql+psycopg://zhibu:zhibu@127.0.0.1:5432/postgres \\
     .venv/bin/python -m benchmarks.sync_many_branches [--branches 200] [--changes 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from core.store import Store
from core.sync.enroll import enroll
from core.sync.errors import ServerUnreachable
from core.sync.run import sync
from core.sync.transport import HttpTransport
from server.admin import add_branch
from server.db import Database
from server.migrations import migrate
from tests.sync_server import PG_ENV, create_pg_database, drop_pg_database, start_server


@dataclass
class Outcome:
    seconds: float
    waits: int  # 429 / 5xx / connection retries inside the transport
    reruns: int  # whole syncs run again after the transport gave up (as the scheduler would)
    pushed: int  # by the sync that succeeded (rows acknowledged by an attempt that failed later are not counted)
    left_dirty: int  # rows not yet acknowledged after the successful sync: 0 when the branch is done


def prepare_branch(folder: Path, number: int, db: Database, server_url: str, changes: int) -> Store:
    code = add_branch(db, f"第{number:03d}村党支部")["enrollment_code"]
    store = Store.open(folder / f"branch{number:03d}.db")
    enroll(store, server_url, code, f"办公室电脑{number:03d}")
    store.insert_many("members", [
        {"name": f"党员{number:03d}-{n:03d}", "gender": "男" if n % 2 else "女", "birth_date": "1956-05-01",
         "category": "full", "status": "active", "village": f"第{number:03d}村", "name_pinyin": "dangyuan",
         "name_initials": "dy"}
        for n in range(changes)
    ])
    return store


def sync_one(db_path: Path, start: threading.Barrier) -> Outcome:
    store = Store.open(db_path)
    waits = 0

    def counting_sleep(seconds: float) -> None:
        nonlocal waits
        waits += 1
        time.sleep(seconds)

    try:
        token, url = store.setting("sync_token"), store.setting("sync_server_url")
        start.wait()
        began = time.perf_counter()
        reruns = 0
        while True:
            link = HttpTransport(url, token, sleep=counting_sleep)
            try:
                result = sync(store, transport=link)
                break
            except ServerUnreachable:
                reruns += 1
            finally:
                link.close()
        return Outcome(time.perf_counter() - began, waits, reruns, result.pushed, store.dirty_count())
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--branches", type=int, default=200)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--max-syncs", type=int, default=20)
    args = parser.parse_args()
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        print(f"{PG_ENV} is not set: run scripts/postgres.sh and pass the URL it prints.")
        return 2
    db_url = create_pg_database(admin_url)
    try:
        migrate(Database(db_url))
        server = start_server(db_url, max_syncs=args.max_syncs)
        db = Database(db_url)
        try:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                paths = []
                for number in range(args.branches):
                    store = prepare_branch(folder, number, db, server.url, args.changes)
                    paths.append(store.path)
                    store.close()
                print(f"{args.branches} branches enrolled, {args.changes} changes each; server on PostgreSQL, "
                      f"at most {args.max_syncs} syncs at once")
                barrier = threading.Barrier(args.branches)
                began = time.perf_counter()
                with ThreadPoolExecutor(max_workers=args.branches) as pool:
                    outcomes = list(pool.map(lambda p: sync_one(p, barrier), paths))
                total = time.perf_counter() - began
        finally:
            db.dispose()
            server.stop()
    finally:
        drop_pg_database(admin_url, db_url)
    times = sorted(o.seconds for o in outcomes)
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    pushed = sum(o.pushed for o in outcomes)
    finished = sum(1 for o in outcomes if o.left_dirty == 0)
    print(f"all {finished}/{args.branches} finished in {total:.1f} s total; one branch's sync: "
          f"p50 {statistics.median(times):.2f} s, p95 {p95:.2f} s, max {times[-1]:.2f} s")
    print(f"records pushed: {pushed}; retries inside the client (429 busy and the like): "
          f"{sum(o.waits for o in outcomes)}; whole syncs run again: {sum(o.reruns for o in outcomes)}")
    return 0 if finished == args.branches else 1


if __name__ == "__main__":
    sys.exit(main())
