"""Applying the server's answer to a pushed batch (DESIGN §4, protocol 2).

Every record was sent at a rev. The server's answer makes what it now holds the row's base: its
``version``, and for ``merged`` or ``conflict`` the merged record. A row still at the rev sent takes
the answer as it is and is clean. A row edited while its batch was on the way (its rev moved on) is
merged here, three ways — what was sent, what the server answered, what the row is now: each field
edited since the batch was built keeps this computer's value, every other field takes the server's.
The row stays dirty, and the next push names just those edited fields against the new base, so an
edit made during a sync is never lost — not even a field changed back to its old value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from core.store import Store
from core.sync import config, outbox
from core.sync.errors import SyncError
from core.sync.tables import data_column_set, foreign_keys_off


@dataclass(frozen=True)
class Outgoing:
    """One record on its way, with what the acknowledgement needs to know."""

    table: str
    id: str
    rev: int  # the rev sent: fields changed after it are edits made during the sync
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


def apply_results(
    store: Store, batch: list[Outgoing], answer: Any, result: PushResult, batch_id: str | None = None
) -> None:
    """Apply one batch's answer in one transaction: acknowledgements, the merged records and
    rejections; the batch is no longer unanswered (nor held for a package, ``core.sync.outbox``).
    Inside a caller's transaction, the caller has switched foreign keys off."""
    results = answer.get("results") if isinstance(answer, dict) else None
    if not isinstance(results, list) or len(results) != len(batch):
        raise SyncError("服务器对上传的回答不完整，这一批数据稍后会重新上传。如果一直这样，请联系区里的管理员。")
    acks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    merges: list[tuple[Outgoing, dict[str, Any]]] = []
    rejections: list[tuple[str, str, int, str, str, str]] = []
    cleared: list[tuple[str, str]] = []
    now = store.now()
    for item, answer_item in zip(batch, results, strict=True):
        status = answer_item.get("status") if isinstance(answer_item, dict) else None
        if not isinstance(answer_item, dict) or answer_item.get("id") != item.id:
            raise SyncError("服务器对上传的回答与所发送的数据对不上，这一批数据稍后会重新上传。")
        if status == "ok":
            acks[item.table].append((int(answer_item.get("version") or 0), item.rev, item.id))
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
    if merges and not store.conn.in_transaction:
        with foreign_keys_off(store):
            _write(store, batch_id, acks, merges, rejections, cleared)
    else:
        _write(store, batch_id, acks, merges, rejections, cleared)


def _write(
    store: Store,
    batch_id: str | None,
    acks: dict[str, list[tuple[int, int, str]]],
    merges: list[tuple[Outgoing, dict[str, Any]]],
    rejections: list[tuple[str, str, int, str, str, str]],
    cleared: list[tuple[str, str]],
) -> None:
    with store.transaction():
        unanswered = store.setting(config.UNANSWERED_BATCH)
        if batch_id is None or (isinstance(unanswered, dict) and unanswered.get("batch_id") == batch_id):
            store.set_setting(config.UNANSWERED_BATCH, None)
        if batch_id is not None:
            outbox.release(store, batch_id)
        answered: list[tuple[str, str, int]] = []
        for table, rows in acks.items():
            # The server holds what was sent at ``version``: that is the row's base now. The row is
            # clean only if it is still at the rev sent (``synced_rev`` never goes back).
            store.conn.executemany(
                f"UPDATE {table} SET version = ?, synced_rev = max(synced_rev, ?) WHERE id = ?", rows
            )
            answered.extend((table, row_id, rev) for _, rev, row_id in rows)
        for item, record in merges:
            _apply_merged(store, item, record)
            answered.append((item.table, item.id, item.rev))
        # What was sent is acknowledged: only edits made after it remain to be named next time.
        store.conn.executemany(
            "DELETE FROM sync_field_revs WHERE table_name = ? AND record_id = ? AND rev <= ?", answered
        )
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
    """The server's merged record becomes the row's base. A row still at the rev sent takes it whole;
    a row edited since keeps its edited fields (and their ``updated_at``) on top of it."""
    known = data_column_set(item.table)
    values = {name: value for name, value in record["data"].items() if name in known}
    values["deleted"] = int(bool(record.get("deleted")))
    values["updated_at"] = str(record.get("updated_at") or item.record["updated_at"])
    version = int(record.get("version") or 0)
    assignments = ", ".join(f"{name} = ?" for name in values)
    taken = store.conn.execute(
        f"UPDATE {item.table} SET {assignments}, version = ?, synced_rev = rev WHERE id = ? AND rev = ?",
        [*values.values(), version, item.id, item.rev],
    ).rowcount
    if taken:
        return
    edited = {
        name for (name,) in store.conn.execute(
            "SELECT field FROM sync_field_revs WHERE table_name = ? AND record_id = ? AND rev > ?",
            (item.table, item.id, item.rev),
        )
    }
    kept = {name: value for name, value in values.items() if name not in edited and name != "updated_at"}
    assignments = "".join(f"{name} = ?, " for name in kept)
    store.conn.execute(
        f"UPDATE {item.table} SET {assignments}version = ?, synced_rev = max(synced_rev, ?) "
        "WHERE id = ? AND rev > ?",
        [*kept.values(), version, item.rev, item.id, item.rev],
    )
