"""A branch with a year of study: 1,000 members, 120 lessons and ~100,000 study records.

Built through the real write path (``record_study``), one bulk entry per lesson, date and method,
as an office would enter it. Used by the ledger-export and report-page benchmarks.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, record_study, studying_members
from core.roster.demo import load_demo
from core.store import Store

YEAR_END = date(2026, 12, 31)
METHOD_WEIGHTS = (("self_scan", 5), ("group", 4), ("home", 1), ("pair", 1))


def build_study_branch(path: Path, members: int = 1000, lessons: int = 120, records: int = 100_000,
                       seed: int = 5) -> dict[str, float]:
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
    store.close()
    return {"records": written, "seconds": time.perf_counter() - started}
