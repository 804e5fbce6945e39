"""Pull: fetch what changed on the server since the saved cursor, page by page (DESIGN §4).

Each page is applied in one transaction together with the new cursor, so an interrupted pull
resumes where it stopped. A local row with unsent changes is never overwritten (the push that
follows merges it on the server); a row already at the page's version is skipped.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.store import Store
from core.sync import config
from core.sync.errors import SyncCancelled, SyncError
from core.sync.schema import table_schemas
from core.sync.tables import chunks, data_column_set, foreign_keys_off
from core.sync.transport import SyncTransport
from core.sync.validate import TABLE_NAMES_ZH

PAGE_SIZE = 500
Progress = Callable[[int, int, str], None]
_BOOKKEEPING = ("id", "branch_id", "rev", "synced_rev", "version", "updated_at", "deleted")


@dataclass
class PullResult:
    pulled: int = 0  # rows written locally
    skipped: int = 0  # rows already at that version, kept because dirty, or of unknown tables
    new_conflicts: int = 0  # open conflict rows this computer had not seen before
    pages: int = 0


def pull(
    store: Store,
    transport: SyncTransport,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    page_size: int = PAGE_SIZE,
) -> PullResult:
    """Fetch and apply pages until the server has no more. Cancelling stops between pages."""
    result = PullResult()
    since = int(store.setting(config.PULL_CURSOR, 0) or 0)
    seen = 0
    while True:
        if cancel is not None and cancel.is_set():
            raise SyncCancelled()
        page = transport.pull(since, page_size)
        records, next_cursor, more = _parse_page(page, since)
        with foreign_keys_off(store), store.transaction():
            apply_page(store, records, result)
            store.set_setting(config.PULL_CURSOR, next_cursor)
        result.pages += 1
        seen += len(records)
        if progress:
            progress(seen, 0, f"下载 {seen} 条")
        if not more or next_cursor <= since:
            break
        since = next_cursor
    return result


def _parse_page(page: Any, since: int) -> tuple[list[dict[str, Any]], int, bool]:
    try:
        records = page["records"]
        next_cursor = int(page["next"])
        more = bool(page["more"])
    except (KeyError, TypeError, ValueError):
        raise SyncError("服务器发来的数据格式不对，请稍后再同步；如果一直这样，请联系区里的管理员。") from None
    if not isinstance(records, list) or next_cursor < since:
        raise SyncError("服务器发来的数据格式不对，请稍后再同步；如果一直这样，请联系区里的管理员。")
    return records, next_cursor, more


def apply_page(store: Store, records: list[dict[str, Any]], result: PullResult) -> None:
    """Write one page's records (inside the caller's transaction, foreign keys off)."""
    schemas = table_schemas()
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if not isinstance(record, dict) or record.get("table") not in schemas or not isinstance(
            record.get("data"), dict
        ) or not isinstance(record.get("id"), str):
            result.skipped += 1  # a table this version does not know: dropped
            continue
        by_table[record["table"]].append(record)
    for table, rows in by_table.items():
        _apply_table(store, table, rows, result)


def _apply_table(store: Store, table: str, records: list[dict[str, Any]], result: PullResult) -> None:
    local: dict[str, tuple[int, int, int]] = {}
    ids = [r["id"] for r in records]
    for part in chunks(ids):
        marks = ", ".join("?" for _ in part)
        for row_id, rev, synced_rev, version in store.conn.execute(
            f"SELECT id, rev, synced_rev, version FROM {table} WHERE id IN ({marks})", list(part)
        ):
            local[row_id] = (rev, synced_rev, version)
    wanted = []
    for record in records:
        version = int(record.get("version") or 0)
        mine = local.get(record["id"])
        if mine is not None and (mine[0] > mine[1] or mine[2] >= version):
            result.skipped += 1  # dirty here (the next push merges it) or already at that version
            continue
        wanted.append(record)
        if table == "conflicts" and mine is None and not record.get("deleted") \
                and record["data"].get("resolution") is None:
            result.new_conflicts += 1
    if not wanted:
        return
    first_rev = store._take_revs(len(wanted))
    known = data_column_set(table)
    groups: dict[tuple[str, ...], list[list[Any]]] = defaultdict(list)
    for offset, record in enumerate(wanted):
        rev = first_rev + offset
        data = {name: value for name, value in record["data"].items() if name in known}
        columns = (*_BOOKKEEPING, *data)
        groups[columns].append([
            record["id"], str(record.get("branch_id") or ""), rev, rev, int(record.get("version") or 0),
            str(record.get("updated_at") or ""), int(bool(record.get("deleted"))), *data.values(),
        ])
    for columns, values in groups.items():
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        try:
            store.conn.executemany(sql, values)
        except sqlite3.IntegrityError as exc:
            raise SyncError(
                f"服务器发来的{TABLE_NAMES_ZH.get(table, table)}数据无法保存（{exc}）。请把这条信息告诉区里的管理员。"
            ) from None
    result.pulled += len(wanted)
