"""Two admins changing the same district lesson at once (the dashboard and the CLI, or two browser
tabs): every change is applied in turn on the latest version, none fails, none is lost, and each
previous version is kept in the history exactly once."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from sqlalchemy import select

from server import district_lessons
from server.db import Database, record_history, records
from server.migrations import migrate
from tests.sync_server import admin

EDITS = 8


def test_concurrent_edits_of_one_lesson_queue_and_keep_every_version(server_db_url: str) -> None:
    made = admin(server_db_url, "lesson", "publish", "--title", "学习党章", "--url", "https://dj.example.cn/v/0")
    db = Database(server_db_url, pool_size=EDITS)
    try:
        migrate(db)
        start = Barrier(EDITS)

        def edit(number: int) -> tuple[int, str, str]:
            start.wait(30)
            name, value = ("video_url", f"https://dj.example.cn/v/{number}") if number % 2 else ("speaker", f"主讲{number}")
            options = {"url" if name == "video_url" else name: value}
            return district_lessons.edit_lesson(db, made["lesson_id"], **options)["version"], name, value

        with ThreadPoolExecutor(EDITS) as pool:
            done = [job.result() for job in [pool.submit(edit, n) for n in range(EDITS)]]
        with db.read() as conn:
            kept = conn.execute(select(record_history.c.version, record_history.c.data)
                                .where(record_history.c.id == made["lesson_id"])
                                .order_by(record_history.c.version)).all()
            row = conn.execute(select(records.c.version, records.c.data)
                               .where(records.c.id == made["lesson_id"])).one()
    finally:
        db.dispose()

    versions = sorted(version for version, _name, _value in done)
    assert len(set(versions)) == EDITS and row.version == versions[-1]
    # Each earlier version is kept once, and it is the one the next change started from: no gap.
    assert [v for v, _ in kept] == [made["version"], *versions[:-1]]
    # Nothing lost: the last url change and the last speaker change are both in the final lesson.
    final = json.loads(row.data)
    for field in ("video_url", "speaker"):
        assert final[field] == max((v, value) for v, name, value in done if name == field)[1]
