"""A branch with a year of study: 1,000 members, 120 lessons and ~100,000 study records.

Built through the real write path (``record_study``), one bulk entry per lesson, date and method,
as an office would enter it. With ``live_codes`` (the default) each lesson also has two live codes
(活码) scanned on each of the 100 days after it was published (24,000 scan-count rows, applied as a
sync pull applies them), and one in ten self-study records is a member's own check-in from the phone
(扫码自报). Used by the ledger-export and report-page benchmarks.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from core.lessons.catalogue import add_lesson
from core.lessons.fields import SELF_REPORTED
from core.lessons.study import StudyEntry, record_study, studying_members
from core.qr.short_codes import link_id, new_code, scan_day_id
from core.roster.demo import load_demo
from core.store import Store
from core.sync.pull import PullResult, apply_page
from core.sync.tables import foreign_keys_off

YEAR_END = date(2026, 12, 31)
METHOD_WEIGHTS = (("self_scan", 5), ("group", 4), ("home", 1), ("pair", 1))


SCAN_DAYS = 100
CODES_PER_LESSON = 2


def build_study_branch(path: Path, members: int = 1000, lessons: int = 120, records: int = 100_000,
                       seed: int = 5, live_codes: bool = True) -> dict[str, float]:
    """Fill a new database at ``path``; returns the number of records and the seconds it took."""
    rng = random.Random(seed)
    started = time.perf_counter()
    store = Store.open(path)
    load_demo(store, members=members, seed=seed, today=date(2026, 11, 22))
    lesson_ids = []
    for n in range(lessons):
        published = date(2026, 1, 1) + timedelta(days=n * 365 // lessons)
        lesson_ids.append(add_lesson(store, {
            "title": f"第{n + 1}讲 微党课", "minutes": rng.choice((15, 20, 25, 30, 45)),
            "credit_hours": rng.choice((0.5, 1.0)), "published_date": published.isoformat(),
            "video_url": f"https://dj.example.cn/v/{n + 1}",
        }))
    people = [m["id"] for m in studying_members(store)]
    methods = [m for m, weight in METHOD_WEIGHTS for _ in range(weight)]
    per_lesson = records // lessons
    written = 0
    for n, lesson_id in enumerate(lesson_ids):
        published = date(2026, 1, 1) + timedelta(days=n * 365 // lessons)
        chosen = rng.sample(people, min(per_lesson, len(people)))
        # A lesson is studied over a few days after it is published, in a few batches.
        for batch in range(0, len(chosen), 100):
            day = min(published + timedelta(days=rng.randrange(0, 40)), YEAR_END)
            method = rng.choice(methods)
            group = chosen[batch : batch + 100]
            helper = None
            if method in ("home", "pair"):
                helper = rng.choice([p for p in people if p not in group])
            entry = StudyEntry(lesson_id, day.isoformat(), method, helper_id=helper, entered_by="组织委员")
            written += len(record_study(store, entry, group, today=YEAR_END))
    scan_rows = _add_live_codes(store, lesson_ids, rng) if live_codes else 0
    store.close()
    return {"records": written, "scan_rows": scan_rows, "seconds": time.perf_counter() - started}


def _add_live_codes(store: Store, lesson_ids: list[str], rng: random.Random) -> int:
    """What the district server would have sent: the daily scans of each lesson's codes, and one in
    ten self-study records turned into phone check-ins. Returns the number of scan-count rows."""
    published = dict(store.conn.execute("SELECT id, published_date FROM lessons"))
    pulled = []
    for lesson_id in lesson_ids:
        first = date.fromisoformat(published[lesson_id])
        for _ in range(CODES_PER_LESSON):
            code = new_code()
            for offset in range(SCAN_DAYS):
                day = (first + timedelta(days=offset)).isoformat()
                pulled.append({
                    "table": "qr_scan_days", "id": scan_day_id(code, day, lesson_id), "branch_id": store.branch_id,
                    "version": len(pulled) + 1, "updated_at": "2027-01-01T00:00:00.000Z", "deleted": False,
                    "data": {"link_id": link_id(code), "code": code, "day": day, "lesson_id": lesson_id,
                             "scans": rng.randint(1, 12)},
                })
    with foreign_keys_off(store), store.transaction():
        apply_page(store, pulled, PullResult())
        store.conn.execute(
            "UPDATE study_records SET self_reported = 1, entered_by = ? WHERE method = 'self_scan' AND rowid % 10 = 0",
            (SELF_REPORTED,),
        )
    return len(pulled)
