"""``GET /api/v1/sync/pull``: the caller's branch's rows and the district's, in version order."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select, union_all

from core.sync.schema import DISTRICT
from server.db import records

_COLUMNS = (
    records.c.table_name, records.c.id, records.c.branch_id, records.c.version,
    records.c.updated_at, records.c.deleted, records.c.data,
)


def pull_page(conn: Connection, branch_id: str, since: int, limit: int) -> bytes:
    """One page as JSON. One statement (one snapshot): each owner's next rows by its index, merged."""
    parts = [
        select(*_COLUMNS)
        .where(records.c.branch_id == owner, records.c.version > since)
        .order_by(records.c.version)
        .limit(limit + 1)
        .subquery()
        for owner in (branch_id, DISTRICT)
    ]
    both = union_all(*(select(part) for part in parts)).subquery()
    rows = conn.execute(select(both).order_by(both.c.version).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    # The stored data is JSON already: splice it in rather than parse and encode it again.
    pieces = [
        f'{{"table":{json.dumps(row.table_name)},"id":{json.dumps(row.id)},'
        f'"branch_id":{json.dumps(row.branch_id)},"version":{int(row.version)},'
        f'"updated_at":{json.dumps(row.updated_at)},"deleted":{int(row.deleted)},"data":{row.data}}}'
        for row in rows
    ]
    next_seq = rows[-1].version if rows else since
    body = f'{{"records":[{",".join(pieces)}],"next":{int(next_seq)},"more":{"true" if more else "false"}}}'
    return body.encode("utf-8")
