"""Push: send every dirty row to the server in batches (DESIGN §4; answers: ``core.sync.answers``).

Rows go in dependency order (SYNCED_TABLES), at most 500 per batch, each batch under a fresh
``batch_id`` that the transport reuses when it retries. A row the server already holds names the
fields edited here since its base (``changed``, protocol 2). A row edited while its batch was on the
way stays dirty and goes again, with just those edits.

A batch's id and its records are saved before it is sent and cleared with its answer. When the link
breaks after the server applied a batch, the next sync first sends that batch again, the same
records under the same id: the server answers it as before (or applies it, if it never got it), and
the answer is about exactly what this computer holds as sent. Sent afresh on their old base version
instead, rows edited in the meantime would clash with this computer's own earlier edit (a false
conflict, or an edit taken back to an earlier value lost).
"""

from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from core.migrations import SYNCED_TABLES
from core.store import Store
from core.sync import config, outbox
from core.sync.answers import Outgoing, PushResult, apply_results
from core.sync.errors import ServerRefused, ServerUnreachable, SyncCancelled, SyncError
from core.sync.tables import chunks, data_columns, dirty_where, pending_count
from core.sync.transport import SyncTransport

BATCH_SIZE = 500
Key = tuple[str, str]
Progress = Callable[[int, int, str], None]


def push(
    store: Store,
    transport: SyncTransport,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
) -> PushResult:
    """Send every pending row. Raises ``SyncError`` subclasses; batches already answered stay
    acknowledged (each batch is applied in its own transaction)."""
    batch_size = max(1, min(batch_size, BATCH_SIZE))
    result = PushResult()
    total = pending_count(store)
    if progress:
        progress(0, total, f"上传 0/{total} 条")
    done = resend_unanswered(store, transport, result)
    after = dict.fromkeys(SYNCED_TABLES, 0)  # per table: the last rev collected
    exhausted: set[str] = set()
    while True:
        if cancel is not None and cancel.is_set():
            raise SyncCancelled()
        batch = collect_batch(store, after, exhausted, batch_size)
        if not batch:
            break
        send_batch(store, transport, batch, result)
        result.batches += 1
        done += len(batch)
        total = max(total, done)
        if progress:
            progress(done, total, f"上传 {done}/{total} 条")
    return result


def send_batch(store: Store, transport: SyncTransport, batch: list[Outgoing], result: PushResult) -> None:
    """Push ``batch`` under a new batch id (saved until its answer is applied) and apply the answer.
    A batch the server finds too large (413: very long texts) is split in halves, each a batch of
    its own, down to single records."""
    batch_id = str(uuid.uuid4())
    with store.transaction():
        store.set_setting(config.UNANSWERED_BATCH, {
            "batch_id": batch_id, "rows": [[item.table, item.id, item.rev] for item in batch],
            # A new row's answer is an acknowledgement; a stale row's may be a merge, made of exactly
            # what was sent: those records are kept as they are (a first push stays cheap)
            "records": [item.record if item.record["base_version"] > 0 else None for item in batch]})
    try:
        answer = transport.push(batch_id, [item.record for item in batch])
    except ServerRefused as refused:
        if refused.status != 413 or len(batch) < 2:
            raise
        half = len(batch) // 2
        send_batch(store, transport, batch[:half], result)
        send_batch(store, transport, batch[half:], result)
        return
    apply_results(store, batch, answer, result, batch_id)


def resend_unanswered(store: Store, transport: SyncTransport, result: PushResult) -> int:
    """Send the batches whose answers have not arrived again, under their ids, as first sent (a
    server that never received one applies it; one that did answers as before): first those that
    left in a sync package (``core.sync.outbox``), then the one an earlier online sync never got the
    answer to. Acknowledgements count for the revs first sent. Returns how many rows they carried."""
    done = 0
    for held in outbox.held_batches(store):
        done += _resend(store, transport, result, held.batch_id, held.rows, held.records,
                        lambda batch_id=held.batch_id: _release(store, batch_id))
    unanswered = store.setting(config.UNANSWERED_BATCH)
    if not unanswered:
        return done
    rows = [(str(t), str(i), int(rev)) for t, i, rev in unanswered["rows"]]
    records = unanswered.get("records")
    if not (isinstance(records, list) and len(records) == len(rows)):
        records = None  # saved by a version that kept only the revs: the rows as they are now
    return done + _resend(store, transport, result, str(unanswered["batch_id"]), rows, records,
                          lambda: _forget_unanswered(store))


def _resend(
    store: Store, transport: SyncTransport, result: PushResult, batch_id: str,
    rows: list[tuple[str, str, int]], records: list[dict[str, Any] | None] | None, forget: Callable[[], None],
) -> int:
    batch = batch_as_sent(store, rows, records) if records is not None else _as_first_sent(store, rows)
    if batch is None:  # the rows go again in new batches
        forget()
        return 0
    try:
        answer = transport.push(batch_id, [item.record for item in batch])
        apply_results(store, batch, answer, result, batch_id)
    except (ServerUnreachable, SyncCancelled):
        raise
    except SyncError:  # refused, or answered in a way that cannot be applied: not asked again
        forget()
        return 0
    result.batches += 1
    return len(batch)


def _release(store: Store, batch_id: str) -> None:
    with store.transaction():
        outbox.release(store, batch_id)


def _forget_unanswered(store: Store) -> None:
    with store.transaction():
        store.set_setting(config.UNANSWERED_BATCH, None)


def batch_as_sent(
    store: Store, rows: list[tuple[str, str, int]], records: list[dict[str, Any] | None]
) -> list[Outgoing] | None:
    """The batch as it was first sent: a row the server already held exactly as sent (its answer may
    be a merge of just that), a new row as it is now (its answer is only ever an acknowledgement).
    Rows edited since stay dirty and go again in a later batch."""
    rejected = {
        (str(t), str(i)) for t, i in store.conn.execute("SELECT table_name, record_id FROM sync_rejections")
    }
    fresh = _as_first_sent(store, [row for row, record in zip(rows, records, strict=True) if record is None])
    if fresh is None:
        return None
    now = {(item.table, item.id): item for item in fresh}
    return [
        now[(table, row_id)] if record is None
        else Outgoing(table, row_id, rev, (table, row_id) in rejected, record)
        for (table, row_id, rev), record in zip(rows, records, strict=True)
    ]


def _as_first_sent(store: Store, rows: list[tuple[str, str, int]]) -> list[Outgoing] | None:
    """The rows' current records, in the given order, each with the rev it was first sent at. Rows of
    an unanswered batch stay dirty: only an answer clears them."""
    current: dict[tuple[str, str], Outgoing] = {}
    for table in dict.fromkeys(table for table, _, _ in rows):
        ids = [row_id for t, row_id, _ in rows if t == table]
        for part in chunks(ids):
            current.update(((item.table, item.id), item) for item in _dirty_rows(store, table, 0, len(part), part))
    if any((table, row_id) not in current for table, row_id, _ in rows):
        return None  # a row no longer waiting to be sent: cannot happen short of a purge
    return [replace(current[(table, row_id)], rev=rev) for table, row_id, rev in rows]


def collect_batch(
    store: Store, after: dict[str, int], exhausted: set[str], size: int, held: frozenset[Key] = frozenset()
) -> list[Outgoing]:
    """Up to ``size`` pending rows, table by table in dependency order: one SELECT per table (a few
    more when rows are skipped: those ``held`` in a batch still waiting for its answer)."""
    batch: list[Outgoing] = []
    for table in SYNCED_TABLES:
        while table not in exhausted and len(batch) < size:
            wanted = size - len(batch)
            rows = _dirty_rows(store, table, after[table], wanted)
            if len(rows) < wanted:
                exhausted.add(table)
            if rows:
                after[table] = rows[-1].rev
                batch.extend(row for row in rows if (row.table, row.id) not in held)
        if len(batch) >= size:
            break
    return batch


def _dirty_rows(
    store: Store, table: str, after_rev: int, limit: int, ids: Sequence[str] | None = None
) -> list[Outgoing]:
    """Up to ``limit`` dirty rows of ``table`` after ``after_rev`` (among ``ids`` if given), by rev."""
    columns = data_columns(table)
    select = ", ".join(f"t.{c}" for c in columns)
    among = "" if ids is None else f" AND t.id IN ({', '.join('?' for _ in ids)})"
    cursor = store.conn.execute(
        f"SELECT t.id, t.branch_id, t.rev, t.version, t.updated_at, t.deleted, r.rev IS NOT NULL, {select} "
        f"{dirty_where(table)} AND t.rev > ?{among} ORDER BY t.rev LIMIT ?",
        [after_rev, *(ids or ()), limit],
    )
    out = []
    for row in cursor.fetchall():
        row_id, branch, rev, version, updated_at, deleted, had_rejection = row[:7]
        record = {
            "table": table,
            "id": row_id,
            "branch_id": branch,
            "base_version": version,
            "updated_at": updated_at,
            "deleted": int(deleted),
            "data": dict(zip(columns, row[7:], strict=True)),
        }
        out.append(Outgoing(table, row_id, rev, bool(had_rejection), record))
    _name_changed_fields(store, table, out)
    return out


def _name_changed_fields(store: Store, table: str, rows: list[Outgoing]) -> None:
    """Give each row the server already holds its ``changed`` list: the fields edited here since its
    base (protocol 2). A row edited before this computer kept field revs (a database from an earlier
    version) has none recorded and goes without the list, merged by value as in protocol 1."""
    ids = [item.id for item in rows if item.record["base_version"] > 0]
    changed: dict[str, list[str]] = defaultdict(list)
    for part in chunks(ids):
        marks = ", ".join("?" for _ in part)
        for row_id, name in store.conn.execute(
            f"SELECT f.record_id, f.field FROM sync_field_revs f JOIN {table} t ON t.id = f.record_id "
            f"WHERE f.table_name = ? AND f.record_id IN ({marks}) AND f.rev > t.synced_rev ORDER BY f.field",
            [table, *part],
        ):
            changed[row_id].append(name)
    for item in rows:
        if changed.get(item.id):
            item.record["changed"] = changed[item.id]
