"""Scan counts reach the branches as ``qr_scan_days`` records, written when a branch pulls.

Only counts that grew since they were last written are written again (the partial index
``scan_counts_unpublished`` finds them without reading the rest), so a pull with nothing new costs
one index lookup. Each record holds the whole count of one (code, China day, lesson); its id derives
from those, so a newer count replaces the older one on the branch PC. A district code's counts are
the district's records, which every branch pulls.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, and_, insert, select, update

from core.qr.short_codes import scan_day_id
from core.sync.schema import DISTRICT
from server.db import Database, now_stamp, records, scan_counts, take_versions

DEVICE = "扫码统计"
MAX_AT_ONCE = 2000  # a pull writes at most this many; the next pull writes the rest


def _unpublished(conn: Connection, owners: list[str]) -> list[object]:
    return list(conn.execute(
        select(scan_counts)
        .where(scan_counts.c.branch_id.in_(owners), scan_counts.c.scans > scan_counts.c.published)
        .order_by(scan_counts.c.code, scan_counts.c.day, scan_counts.c.lesson_id)
        .limit(MAX_AT_ONCE)  # in the flusher's order (server.live_scans): no deadlock on PostgreSQL
    ).all())


def publish_scans(db: Database, branch_id: str) -> int:
    """Write the grown counts of ``branch_id``'s and the district's codes; returns how many."""
    owners = [branch_id, DISTRICT]
    with db.read() as conn:
        if not _unpublished(conn, owners):
            return 0
    with db.write() as conn:
        rows = _unpublished(conn, owners)  # again, under the write lock: another pull may have done it
        if not rows:
            return 0
        ids = [scan_day_id(row.code, row.day, row.lesson_id or None) for row in rows]
        present = set(conn.execute(
            select(records.c.id).where(records.c.table_name == "qr_scan_days", records.c.id.in_(ids))
        ).scalars())
        first, now = take_versions(conn, len(rows)), now_stamp()
        for offset, (row, row_id) in enumerate(zip(rows, ids, strict=True)):
            data = json.dumps({"link_id": row.link_id, "code": row.code, "day": row.day,
                               "lesson_id": row.lesson_id or None, "scans": int(row.scans)},
                              ensure_ascii=False, separators=(",", ":"))
            values = {"branch_id": row.branch_id, "version": first + offset, "updated_at": now, "deleted": 0,
                      "data": data, "device_name": DEVICE}
            if row_id in present:
                conn.execute(update(records).where(records.c.table_name == "qr_scan_days", records.c.id == row_id)
                             .values(**values))
            else:
                conn.execute(insert(records).values(table_name="qr_scan_days", id=row_id, **values))
            conn.execute(update(scan_counts).where(and_(
                scan_counts.c.code == row.code, scan_counts.c.day == row.day, scan_counts.c.lesson_id == row.lesson_id,
            )).values(published=int(row.scans)))
    return len(rows)
