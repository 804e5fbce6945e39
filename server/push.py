"""``POST /api/v1/sync/push``: one batch of records in one transaction.

Pushes of one branch are serialized (the branch row is locked; SQLite serializes every writer with
BEGIN IMMEDIATE). Versions are taken last, in one counter update, so the counter is locked only for
the few writes before commit and readers see versions commit in order.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.sync.validate import check_record
from server.auth import Caller
from server.db import Database, batches, branches, devices, now_stamp, record_history, records, take_versions
from server.errors import ApiError
from server.records import Base, Decision, Key, Pushed, Row, decide

ATTEMPTS = 3  # a push racing another branch's insert of the same id is simply run again


class BatchGone(Exception):
    """The caller's branch no longer exists."""


def push_batch(db: Database, caller: Caller, batch_id: str, raw_records: list[Any]) -> bytes:
    """Apply a batch and return the JSON answer (the stored one if this batch was seen before)."""
    for attempt in range(ATTEMPTS):
        try:
            with db.write() as conn:
                return _push(conn, caller, batch_id, raw_records)
        except (IntegrityError, DBAPIError) as exc:
            if attempt == ATTEMPTS - 1 or not _retryable(exc):
                raise
    raise AssertionError("unreachable")


def _retryable(exc: DBAPIError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in ("40001", "40P01")  # serialization failure, deadlock


def _push(conn: Connection, caller: Caller, batch_id: str, raw_records: list[Any]) -> bytes:
    locked = conn.execute(
        select(branches.c.id).where(branches.c.id == caller.branch_id).with_for_update()
    ).first()
    if locked is None:
        raise BatchGone(caller.branch_id)
    stored = conn.execute(
        select(batches.c.response).where(
            batches.c.branch_id == caller.branch_id, batches.c.batch_id == batch_id
        )
    ).scalar()
    if stored is not None:
        # The same batch again is answered as before; another batch under a used id is refused.
        if [(r["table"], r["id"]) for r in json.loads(stored)["results"]] != [_key_of(raw) for raw in raw_records]:
            raise ApiError(409, "batch_reused",
                           "这个批次编号（batch_id）已经用于另一批记录。请为每一批新的记录使用新的批次编号。")
        return stored.encode("utf-8")

    now = now_stamp()
    refusals = [check_record(raw) for raw in raw_records]
    valid = [Pushed.from_json(raw) if refusal is None else None for raw, refusal in zip(raw_records, refusals, strict=True)]
    originals = _load_rows(conn, [p.key for p in valid if p is not None])
    bases = _load_bases(conn, valid, originals)
    state: dict[Key, Row | None] = dict(originals)
    final: dict[Key, Row] = {}  # key → the state to write, in first-write order
    new_conflicts: list[Row] = []
    decisions: list[Decision] = []
    for pushed, refusal in zip(valid, refusals, strict=True):
        if pushed is None:
            assert refusal is not None
            decisions.append(Decision("rejected", None, code=refusal.code, message=refusal.message))
            continue
        decision = decide(pushed, state.get(pushed.key), bases.get(pushed.key), caller.branch_id, caller.device_name, now)
        decisions.append(decision)
        if decision.write is not None:
            state[pushed.key] = final[pushed.key] = decision.write
        new_conflicts.extend(decision.conflicts)

    writes = [*final.values(), *new_conflicts]
    if writes:
        first = take_versions(conn, len(writes))
        for offset, row in enumerate(writes):
            row.version = first + offset
        _store(conn, writes, originals)

    results = [
        _result(raw, pushed, decision, final)
        for raw, pushed, decision in zip(raw_records, valid, decisions, strict=True)
    ]
    answer = json.dumps({"results": results, "server_time": now}, ensure_ascii=False, separators=(",", ":"))
    conn.execute(insert(batches).values(branch_id=caller.branch_id, batch_id=batch_id, response=answer, created_at=now))
    conn.execute(update(devices).where(devices.c.id == caller.device_id).values(last_sync_at=now))
    return answer.encode("utf-8")


def _key_of(raw: Any) -> tuple[Any, Any]:
    """The (table, id) a record's answer names, as it was sent."""
    return (raw.get("table"), raw.get("id")) if isinstance(raw, dict) else (None, None)


def _result(raw: Any, pushed: Pushed | None, decision: Decision, final: dict[Key, Row]) -> dict[str, Any]:
    """The answer for one record. A row written twice in one batch answers with its final state."""
    table, row_id = _key_of(raw)
    result: dict[str, Any] = {
        "table": table,
        "id": row_id,
        "status": decision.status, "version": 0, "code": decision.code, "message": decision.message,
        "record": None,
    }
    shown = decision.current
    if decision.status != "rejected" and pushed is not None:
        shown = final.get(pushed.key) or decision.current
        if decision.status in ("merged", "conflict") and shown is not None:
            result["record"] = shown.as_record()
    result["version"] = shown.version if shown is not None else 0
    return result


def _row(mapping: Any) -> Row:
    return Row(
        mapping.table_name, mapping.id, mapping.branch_id, int(mapping.version), mapping.updated_at,
        int(mapping.deleted), json.loads(mapping.data), mapping.device_name,
    )


def _load_rows(conn: Connection, keys: list[Key]) -> dict[Key, Row | None]:
    """The stored rows of the batch, in one query."""
    found: dict[Key, Row | None] = dict.fromkeys(keys)
    if keys:
        # Plain IN lists on both key columns use the primary key on SQLite and PostgreSQL alike (a row
        # value IN list does not); the few extra (table, id) pairs it may match are dropped here.
        query = select(records).where(
            records.c.table_name.in_(sorted({table for table, _ in found})),
            records.c.id.in_(sorted({row_id for _, row_id in found})),
        )
        for mapping in conn.execute(query):
            if (mapping.table_name, mapping.id) in found:
                row = _row(mapping)
                found[row.key] = row
    return found


def _load_bases(
    conn: Connection, valid: list[Pushed | None], originals: dict[Key, Row | None]
) -> dict[Key, Base]:
    """The merge base of every stale record: the row as it was at ``base_version``, and which fields
    the versions stored since then (kept in the history, and the current one) changed."""
    wanted: dict[Key, int] = {}
    for pushed in valid:
        current = originals.get(pushed.key) if pushed is not None else None
        if pushed is not None and current is not None and 0 < pushed.base_version != current.version:
            wanted[pushed.key] = min(pushed.base_version, wanted.get(pushed.key, pushed.base_version))
    if not wanted:
        return {}
    versions: dict[Key, dict[int, dict[str, Any]]] = {key: {} for key in wanted}
    query = select(record_history).where(
        record_history.c.table_name.in_(sorted({table for table, _ in wanted})),
        record_history.c.id.in_(sorted({row_id for _, row_id in wanted})),
        record_history.c.version >= min(wanted.values()),
    )
    for mapping in conn.execute(query):
        key = (mapping.table_name, mapping.id)
        if key in wanted and mapping.version >= wanted[key]:
            versions[key][int(mapping.version)] = {**json.loads(mapping.data), "deleted": int(mapping.deleted)}
    bases: dict[Key, Base] = {}
    for key, first in wanted.items():
        if first not in versions[key]:
            continue  # no common base known: every differing field counts as changed on both sides
        base = versions[key][first]
        current = originals[key]
        assert current is not None
        later = [fields for version, fields in versions[key].items() if version > first] + [current.fields()]
        changed = frozenset(
            name for fields in later for name in fields.keys() | base.keys() if fields.get(name) != base.get(name)
        )
        bases[key] = Base(base, changed)
    return bases


def _store(conn: Connection, writes: list[Row], originals: dict[Key, Row | None]) -> None:
    """Bulk insert new rows, bulk update changed ones and keep their previous versions."""
    inserts, updates, history = [], [], []
    for row in writes:
        values = {
            "table_name": row.table, "id": row.id, "branch_id": row.branch_id, "version": row.version,
            "updated_at": row.updated_at, "deleted": row.deleted,
            "data": json.dumps(row.data, ensure_ascii=False, separators=(",", ":")), "device_name": row.device_name,
        }
        before = originals.get(row.key)
        if before is None:
            inserts.append(values)
        else:
            updates.append({f"v_{name}": value for name, value in values.items()})
            history.append({
                "table_name": before.table, "id": before.id, "version": before.version,
                "updated_at": before.updated_at, "deleted": before.deleted,
                "data": json.dumps(before.data, ensure_ascii=False, separators=(",", ":")),
                "device_name": before.device_name,
            })
    if inserts:
        conn.execute(insert(records), inserts)
    if history:
        conn.execute(insert(record_history), history)
    if updates:
        conn.execute(
            update(records)
            .where(records.c.table_name == bindparam("v_table_name"), records.c.id == bindparam("v_id"))
            .values(
                branch_id=bindparam("v_branch_id"), version=bindparam("v_version"),
                updated_at=bindparam("v_updated_at"), deleted=bindparam("v_deleted"),
                data=bindparam("v_data"), device_name=bindparam("v_device_name"),
            ),
            updates,
        )
