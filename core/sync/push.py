"""Push: send every dirty row to the server in batches and apply the answers (DESIGN §4).

Rows go in dependency order (SYNCED_TABLES), at most 500 per batch, each batch under a fresh
``batch_id`` that the transport reuses when it retries. Acknowledgement is compare-and-set: a row
edited while its batch was on the way stays dirty and goes again.

A batch's id and the revs it carries are saved before it is sent and cleared with its answer. When
the link breaks after the server applied a batch, the next sync first sends that batch again under
the same id: the server answers it as before, and the rows learn the version the server holds. Sent
afresh on their old base version instead, rows edited in the meantime would clash with this
computer's own earlier edit (a false conflict, or an edit taken back to an earlier value lost).
"""

from __future__ import annotations

import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from core.migrations import SYNCED_TABLES
from core.store import Store
from core.sync import config
from core.sync.errors import ServerRefused, ServerUnreachable, SyncCancelled, SyncError
from core.sync.tables import (
    chunks,
    data_column_set,
    data_columns,
    dirty_where,
    foreign_keys_off,
    pending_count,
)
from core.sync.transport import SyncTransport

BATCH_SIZE = 500
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Outgoing:
    """One record on its way, with what the acknowledgement needs to know."""

    table: str
    id: str
    rev: int  # the rev sent: the acknowledgement only counts while the row is still at it
    had_rejection: bool
    record: dict[str, Any]


@dataclass
class PushResult:
    pushed: int = 0  # accepted by the server: ok, merged or conflict
    merged: int = 0
    conflicts: int = 0  # records the server merged with a clash (the conflict rows come by pull)
    rejected: int = 0
    batches: int = 0
    rejected_ids: list[tuple[str, str]] = field(default_factory=list)


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
            "batch_id": batch_id, "rows": [[item.table, item.id, item.rev] for item in batch]})
    try:
        answer = transport.push(batch_id, [item.record for item in batch])
    except ServerRefused as refused:
        if refused.status != 413 or len(batch) < 2:
            raise
        half = len(batch) // 2
        send_batch(store, transport, batch[:half], result)
        send_batch(store, transport, batch[half:], result)
        return
    apply_results(store, batch, answer, result)


def resend_unanswered(store: Store, transport: SyncTransport, result: PushResult) -> int:
    """Send the batch whose answer an earlier sync never got again, under its id, with the rows as
    they are now (a server that never received it applies them; one that did answers as before);
    acknowledgements count for the revs first sent. Returns how many rows it carried."""
    unanswered = store.setting(config.UNANSWERED_BATCH)
    if not unanswered:
        return 0
    batch = _as_first_sent(store, [(str(t), str(i), int(rev)) for t, i, rev in unanswered["rows"]])
    if batch is None:  # the rows go again in new batches
        _forget_unanswered(store)
        return 0
    try:
        answer = transport.push(str(unanswered["batch_id"]), [item.record for item in batch])
        apply_results(store, batch, answer, result)
    except (ServerUnreachable, SyncCancelled):
        raise
    except SyncError:  # refused, or answered in a way that cannot be applied: not asked again
        _forget_unanswered(store)
        return 0
    result.batches += 1
    return len(batch)


def _forget_unanswered(store: Store) -> None:
    with store.transaction():
        store.set_setting(config.UNANSWERED_BATCH, None)


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


def collect_batch(store: Store, after: dict[str, int], exhausted: set[str], size: int) -> list[Outgoing]:
    """Up to ``size`` pending rows, table by table in dependency order: one SELECT per table."""
    batch: list[Outgoing] = []
    for table in SYNCED_TABLES:
        if table in exhausted:
            continue
        wanted = size - len(batch)
        if wanted <= 0:
            break
        rows = _dirty_rows(store, table, after[table], wanted)
        if len(rows) < wanted:
            exhausted.add(table)
        if rows:
            after[table] = rows[-1].rev
            batch.extend(rows)
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
    return out


def apply_results(store: Store, batch: list[Outgoing], answer: Any, result: PushResult) -> None:
    """Apply one batch's answer in one transaction: compare-and-set acknowledgements, the winning
    record of merges, and rejections."""
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list) or len(results) != len(batch):
        raise SyncError("服务器对上传的回答不完整，这一批数据稍后会重新上传。如果一直这样，请联系区里的管理员。")
    acks: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    merges: list[tuple[Outgoing, dict[str, Any]]] = []
    rejections: list[tuple[str, str, int, str, str, str]] = []
    cleared: list[tuple[str, str]] = []
    now = store.now()
    for item, answer_item in zip(batch, results, strict=True):
        status = answer_item.get("status") if isinstance(answer_item, dict) else None
        if not isinstance(answer_item, dict) or answer_item.get("id") != item.id:
            raise SyncError("服务器对上传的回答与所发送的数据对不上，这一批数据稍后会重新上传。")
        if status == "ok":
            version = int(answer_item.get("version") or 0)
            acks[item.table].append((version, item.rev, item.rev, item.id))
        elif status in ("merged", "conflict"):
            record = answer_item.get("record")
            if not isinstance(record, dict) or not isinstance(record.get("data"), dict):
                raise SyncError("服务器合并后的记录不完整，这一批数据稍后会重新上传。")
            merges.append((item, record))
            result.merged += status == "merged"
            result.conflicts += status == "conflict"
        elif status == "rejected":
            code = str(answer_item.get("code") or "invalid")
            message = str(answer_item.get("message") or "服务器拒绝了这条记录。")
            rejections.append((item.table, item.id, item.rev, code, message, now))
            result.rejected += 1
            result.rejected_ids.append((item.table, item.id))
            continue
        else:
            raise SyncError(f"服务器的回答中有不认识的状态“{status}”。请升级支部工作台后再同步。")
        result.pushed += 1
        if item.had_rejection:
            cleared.append((item.table, item.id))
    if merges:
        with foreign_keys_off(store):
            _write(store, acks, merges, rejections, cleared)
    else:
        _write(store, acks, merges, rejections, cleared)


def _write(
    store: Store,
    acks: dict[str, list[tuple[int, int, int, str]]],
    merges: list[tuple[Outgoing, dict[str, Any]]],
    rejections: list[tuple[str, str, int, str, str, str]],
    cleared: list[tuple[str, str]],
) -> None:
    with store.transaction():
        store.set_setting(config.UNANSWERED_BATCH, None)
        for table, rows in acks.items():
            # The server holds what we sent at ``version`` even when the row changed since; only the
            # row's own rev decides whether it is clean.
            store.conn.executemany(
                f"UPDATE {table} SET version = ?, "
                "synced_rev = CASE WHEN rev = ? THEN ? ELSE synced_rev END WHERE id = ?",
                rows,
            )
        for item, record in merges:
            _apply_merged(store, item, record)
        if rejections:
            store.conn.executemany(
                "INSERT INTO sync_rejections (table_name, record_id, rev, code, message, at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, record_id) DO UPDATE SET "
                "rev = excluded.rev, code = excluded.code, message = excluded.message, at = excluded.at",
                rejections,
            )
        if cleared:
            store.conn.executemany(
                "DELETE FROM sync_rejections WHERE table_name = ? AND record_id = ?", cleared
            )


def _apply_merged(store: Store, item: Outgoing, record: dict[str, Any]) -> None:
    """Take the server's winning record — only while the row is still at the rev we sent."""
    known = data_column_set(item.table)
    values = {name: value for name, value in record["data"].items() if name in known}
    values["deleted"] = int(bool(record.get("deleted")))
    values["updated_at"] = str(record.get("updated_at") or item.record["updated_at"])
    values["version"] = int(record.get("version") or 0)
    assignments = ", ".join(f"{name} = ?" for name in values)
    store.conn.execute(
        f"UPDATE {item.table} SET {assignments}, synced_rev = rev WHERE id = ? AND rev = ?",
        [*values.values(), item.id, item.rev],
    )
