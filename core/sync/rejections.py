"""Rows the server refused: listed with the server's Chinese reason, sent again, or given up."""

from __future__ import annotations

from dataclasses import dataclass

from core.migrations import SYNCED_TABLES
from core.store import Store
from core.sync import config
from core.sync.describe import describe_row
from core.sync.errors import SyncError


@dataclass(frozen=True)
class RejectionView:
    table: str
    record_id: str
    what: str  # the row in Chinese, e.g. “学习记录 张三《第1讲》2026-11-20”
    code: str  # "invalid" | "table" | "scope" | "immutable"
    message: str  # the server's Chinese reason
    at: str  # when it was refused (UTC stamp)


def list_rejections(store: Store) -> list[RejectionView]:
    """Rows held back because the server refused their current version (newest first). A row changed
    since its rejection is not listed: it goes to the server again with the next sync."""
    views = []
    for table in SYNCED_TABLES:
        rows = store.query(
            f"SELECT r.record_id, r.code, r.message, r.at, t.* FROM sync_rejections r JOIN {table} t "
            "ON t.id = r.record_id WHERE r.table_name = ? AND r.rev = t.rev AND t.rev > t.synced_rev",
            (table,),
        )
        for row in rows:
            views.append(RejectionView(table, row["record_id"], describe_row(store, table, row),
                                       row["code"], row["message"], row["at"]))
    views.sort(key=lambda view: view.at, reverse=True)
    return views


def _check(table: str, record_id: str, store: Store) -> None:
    if table not in SYNCED_TABLES:
        raise SyncError(f"不认识的数据表“{table}”")
    if store.scalar("SELECT 1 FROM sync_rejections WHERE table_name = ? AND record_id = ?",
                    (table, record_id)) is None:
        raise SyncError("这条记录已不在“被服务器拒绝”的列表中，请刷新列表。")


def retry_rejection(store: Store, table: str, record_id: str) -> None:
    """Send the row again with the next sync (e.g. after the district changed a setting)."""
    with store.transaction():
        _check(table, record_id, store)
        store.conn.execute(
            "DELETE FROM sync_rejections WHERE table_name = ? AND record_id = ?", (table, record_id)
        )


def discard_rejection(store: Store, table: str, record_id: str) -> None:
    """Stop sending this local change. A row the server already has is fetched again with the next
    sync (the server's version replaces the local change); a row the server never had stays on this
    computer only."""
    with store.transaction():
        _check(table, record_id, store)
        version = int(store.scalar(f"SELECT version FROM {table} WHERE id = ?", (record_id,)) or 0)
        store.conn.execute(f"UPDATE {table} SET synced_rev = rev, version = 0 WHERE id = ?", (record_id,))
        if version > 0:
            cursor = int(store.setting(config.PULL_CURSOR, 0) or 0)
            store.set_setting(config.PULL_CURSOR, min(cursor, version - 1))
        store.conn.execute(
            "DELETE FROM sync_rejections WHERE table_name = ? AND record_id = ?", (table, record_id)
        )
