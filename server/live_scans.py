"""Scans of live codes: counted in memory by each worker process, written to ``scan_counts`` about once
a second by a background thread, so a scan never waits for a database write.

Each flush adds this process's counts since the last flush to the stored ones in one transaction
(an upsert, so several worker processes add up). A flush that fails keeps its counts for the next
one; the app's shutdown flushes what is left. The days are China days (UTC+8, no daylight saving).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from typing import NamedTuple

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from server.db import Database, scan_counts

log = logging.getLogger("zhibu.server.scans")
CHINA = timezone(timedelta(hours=8), "CST")
FLUSH_SECONDS = 1.0


def china_today(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(CHINA).date().isoformat()


class ScanKey(NamedTuple):
    code: str
    day: str
    lesson_id: str  # '' when the code leads to no lesson
    branch_id: str
    link_id: str


def add_counts(conn: Connection, counts: Counter[ScanKey]) -> None:
    """Add ``counts`` to the stored ones (one statement for all of them)."""
    if not counts:
        return
    rows = [
        {"code": key.code, "day": key.day, "lesson_id": key.lesson_id, "branch_id": key.branch_id,
         "link_id": key.link_id, "scans": scans, "published": 0}
        for key, scans in sorted(counts.items())  # one order in every process: no deadlocks on PostgreSQL
    ]
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(scan_counts)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[scan_counts.c.code, scan_counts.c.day, scan_counts.c.lesson_id],
            set_={"scans": scan_counts.c.scans + statement.excluded.scans},
        ),
        rows,
    )


class ScanCounter:
    """This process's scans since the last flush, and the thread that flushes them."""

    def __init__(self, db: Database, interval: float = FLUSH_SECONDS) -> None:
        self._db = db
        self._interval = interval
        self._counts: Counter[ScanKey] = Counter()
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def count(self, key: ScanKey) -> None:
        with self._lock:
            self._counts[key] += 1

    def pending(self) -> int:
        with self._lock:
            return sum(self._counts.values())

    def flush(self) -> None:
        """Write the counts so far; on failure they are kept for the next flush."""
        with self._flushing:
            with self._lock:
                taken, self._counts = self._counts, Counter()
            if not taken:
                return
            try:
                self._write(taken)
            except Exception:  # the database may be away for a moment: keep the counts, try again
                log.warning("scan counts not written yet (%d scans kept)", sum(taken.values()), exc_info=True)
                with self._lock:
                    self._counts.update(taken)

    def _write(self, counts: Counter[ScanKey]) -> None:
        """One statement; on PostgreSQL in autocommit (one round trip, so the flushing thread hands
        the interpreter back and forth with the serving thread as little as it can)."""
        if self._db.is_sqlite:
            with self._db.write() as conn:
                add_counts(conn, counts)
            return
        with self._db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            add_counts(conn, counts)

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="scan-counts", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread and write what is left."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self.flush()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self.flush()
