"""Conflicts: a field changed on two computers; the newer edit was kept and the other value saved in a
conflict row (written by the server, reaching every computer of the branch by pull). Here they are
explained in Chinese and resolved — a resolution is an ordinary synced write."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.migrations import SYNCED_TABLES
from core.pinyin import name_keys
from core.store import Store
from core.sync import config
from core.sync.describe import describe_row, display_value, field_label, local_time
from core.sync.errors import SyncError
from core.sync.tables import data_column_set

KEPT = "kept"
RESTORED = "restored"


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    record_id: str
    what: str  # the row in Chinese, e.g. “党员 张三”
    field: str
    field_label: str  # e.g. “手机”
    kept_value: Any  # decoded from JSON
    lost_value: Any
    kept_text: str  # the values as a person reads them
    lost_text: str
    kept_updated_at: str | None
    lost_updated_at: str | None
    lost_device: str | None
    resolution: str | None  # None (open) | "kept" | "restored"
    resolved_at: str | None
    resolved_by: str | None
    explanation: str  # one Chinese sentence for the list


def _decode(text: Any) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text


def list_conflicts(store: Store, include_resolved: bool = False) -> list[ConflictView]:
    """Conflicts newest first; open ones only unless ``include_resolved``."""
    where = "deleted = 0" + ("" if include_resolved else " AND resolution IS NULL")
    rows = store.query(f"SELECT * FROM conflicts WHERE {where} ORDER BY updated_at DESC, id")
    return [_view(store, row) for row in rows]


def open_conflict_count(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM conflicts WHERE deleted = 0 AND resolution IS NULL"))


def _view(store: Store, row: dict[str, Any]) -> ConflictView:
    table, field = str(row["table_name"]), str(row["field"])
    record = store.get(table, row["record_id"]) if table in SYNCED_TABLES else None
    what = describe_row(store, table, record, row["record_id"])
    label = field_label(table, field)
    kept, lost = _decode(row["kept_value"]), _decode(row["lost_value"])
    kept_text, lost_text = display_value(store, table, field, kept), display_value(store, table, field, lost)
    other = f"“{row['lost_device']}”" if row["lost_device"] else "另一台电脑"
    lost_when = f"（{local_time(row['lost_updated_at'])}）" if row["lost_updated_at"] else ""
    kept_when = f"，{local_time(row['kept_updated_at'])}" if row["kept_updated_at"] else ""
    explanation = (
        f"{what} 的“{label}”在两台电脑上都改了：保留了 {kept_text}（较新{kept_when}），"
        f"{other}的 {lost_text}{lost_when}未采用。"
    )
    if row["resolution"] == KEPT:
        explanation += f"已确认保留 {kept_text}（{row['resolved_by'] or ''} {local_time(row['resolved_at'])}）。"
    elif row["resolution"] == RESTORED:
        explanation += f"已改回 {lost_text}（{row['resolved_by'] or ''} {local_time(row['resolved_at'])}）。"
    return ConflictView(
        id=row["id"], table=table, record_id=row["record_id"], what=what, field=field, field_label=label,
        kept_value=kept, lost_value=lost, kept_text=kept_text, lost_text=lost_text,
        kept_updated_at=row["kept_updated_at"], lost_updated_at=row["lost_updated_at"],
        lost_device=row["lost_device"], resolution=row["resolution"], resolved_at=row["resolved_at"],
        resolved_by=row["resolved_by"], explanation=explanation,
    )


def resolve_conflict(store: Store, conflict_id: str, keep: bool, resolved_by: str) -> None:
    """``keep``: the kept value stays (resolution “kept”). Otherwise the value that lost is written
    back into the record (resolution “restored”). Both are normal writes that the next sync sends."""
    by = resolved_by.strip() or str(store.setting(config.DEVICE_NAME) or "")
    with store.transaction():
        row = store.get("conflicts", conflict_id)
        if row is None or row["deleted"]:
            raise SyncError("找不到这条冲突记录，可能已被删除。请刷新列表。")
        if row["resolution"] is not None:
            raise SyncError("这条冲突已经处理过了。")
        if not keep:
            _restore(store, row)
        store.update(
            "conflicts", conflict_id,
            {"resolution": KEPT if keep else RESTORED, "resolved_at": store.now(), "resolved_by": by},
            audit="确认保留同步冲突中较新的值" if keep else "同步冲突：改回未采用的值",
        )


def _restore(store: Store, conflict: dict[str, Any]) -> None:
    table, record_id, field = conflict["table_name"], conflict["record_id"], conflict["field"]
    record = store.get(table, record_id) if table in SYNCED_TABLES else None
    if record is None:
        raise SyncError("本机找不到这条冲突所涉及的记录，无法改回。请先同步一次再处理。")
    value = _decode(conflict["lost_value"])
    label = field_label(table, field)
    if field == "deleted":
        store.set_deleted(table, record_id, bool(value), audit=f"同步冲突：改回“{label}”")
        return
    if field not in data_column_set(table):
        raise SyncError(f"字段“{label}”不能改回。")
    changes = {field: value}
    if table == "members" and field == "name" and isinstance(value, str):
        changes["name_pinyin"], changes["name_initials"] = name_keys(value)
    store.update(table, record_id, changes, audit=f"同步冲突：改回“{label}”")
