"""Party groups (党小组) of the branch."""

from __future__ import annotations

import uuid
from typing import Any

from core.store import Store

_GROUP_NAMESPACE = uuid.UUID("6b1f3c52-8f0e-4f57-9a55-2f8e1d0c7a31")


class GroupError(ValueError):
    """A refused change to a party group (Chinese message)."""


def group_id_for(branch_id: str, name: str) -> str:
    """The id of a group is derived from its name, so two offices creating the same group offline
    create the same row."""
    return str(uuid.uuid5(_GROUP_NAMESPACE, f"{branch_id}/{name}"))


def list_groups(store: Store, *, with_counts: bool = False) -> list[dict[str, Any]]:
    sql = "SELECT g.id, g.name, g.sort_order, g.note"
    if with_counts:
        sql += (
            ", (SELECT count(*) FROM members m WHERE m.group_id = g.id AND m.deleted = 0)"
            " AS member_count"
        )
    sql += " FROM party_groups g WHERE g.deleted = 0 ORDER BY g.sort_order, g.name"
    return store.query(sql)


def group_names(store: Store) -> dict[str, str]:
    """Group id → name for the groups in use."""
    return {row["id"]: row["name"] for row in list_groups(store)}


def ensure_group(store: Store, name: str) -> str:
    """The id of the group called ``name``, creating (or bringing back) the group when needed."""
    name = name.strip()
    if not name:
        raise GroupError("党小组名称不能为空")
    existing = store.query("SELECT id, deleted FROM party_groups WHERE name = ? ORDER BY deleted", (name,))
    if existing:
        row = existing[0]
        if row["deleted"]:
            store.set_deleted("party_groups", row["id"], False, audit=f"恢复党小组「{name}」")
        return str(row["id"])
    group_id = group_id_for(store.branch_id, name)
    if store.get("party_groups", group_id) is not None:
        store.update("party_groups", group_id, {"name": name})
        store.set_deleted("party_groups", group_id, False)
        return group_id
    order = int(store.scalar("SELECT coalesce(max(sort_order), 0) + 1 FROM party_groups"))
    store.insert(
        "party_groups", {"id": group_id, "name": name, "sort_order": order}, audit=f"新建党小组「{name}」"
    )
    return group_id


def rename_group(store: Store, group_id: str, new_name: str) -> None:
    new_name = new_name.strip()
    if not new_name:
        raise GroupError("党小组名称不能为空")
    clash = store.scalar(
        "SELECT count(*) FROM party_groups WHERE name = ? AND id != ? AND deleted = 0", (new_name, group_id)
    )
    if clash:
        raise GroupError(f"已经有名为「{new_name}」的党小组")
    store.update("party_groups", group_id, {"name": new_name}, audit=f"党小组改名为「{new_name}」")


def delete_group(store: Store, group_id: str) -> None:
    """Remove an empty group; a group that still has members is refused."""
    count = int(store.scalar("SELECT count(*) FROM members WHERE group_id = ? AND deleted = 0", (group_id,)))
    if count:
        raise GroupError(f"该党小组还有 {count} 名党员，请先把他们调到其他党小组再删除")
    store.set_deleted("party_groups", group_id, True, audit="删除党小组")
