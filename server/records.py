"""What the server does with one pushed record (DESIGN §4): scope, event-table rules and the
three-way merge. Pure functions over plain values; ``server.push`` runs them inside a transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.migrations import SERVER_TABLES
from core.sync.merge import FieldConflict, merge_fields
from core.sync.schema import DISTRICT, VOID_FIELDS, table_schemas
from core.sync.validate import describe

Key = tuple[str, str]  # (table, id)


@dataclass
class Row:
    """One stored record (a ``records`` row); ``version`` 0 until a version is assigned."""

    table: str
    id: str
    branch_id: str
    version: int
    updated_at: str
    deleted: int
    data: dict[str, Any]
    device_name: str | None = None

    @property
    def key(self) -> Key:
        return (self.table, self.id)

    def fields(self) -> dict[str, Any]:
        """The merge's view: data columns plus ``deleted``."""
        return {**self.data, "deleted": self.deleted}

    def as_record(self) -> dict[str, Any]:
        return {
            "table": self.table, "id": self.id, "branch_id": self.branch_id, "version": self.version,
            "updated_at": self.updated_at, "deleted": self.deleted, "data": self.data,
        }


@dataclass(frozen=True)
class Base:
    """A stale push's merge base: the row at ``base_version``, and the fields that any version stored
    since then changed (a field changed and changed back on the server counts)."""

    fields: dict[str, Any]
    changed: frozenset[str]


@dataclass
class Decision:
    """The answer for one record and what (if anything) to write for it."""

    status: str  # ok | merged | conflict | rejected
    current: Row | None  # the stored row before this record
    write: Row | None = None  # the new state to store (version assigned later)
    code: str | None = None
    message: str | None = None
    conflicts: list[Row] = field(default_factory=list)  # new ``conflicts`` records


@dataclass(frozen=True)
class Pushed:
    """A validated pushed record."""

    table: str
    id: str
    branch_id: str
    base_version: int
    updated_at: str
    deleted: int
    data: dict[str, Any]
    changed: frozenset[str] | None = None  # the fields edited since the base (protocol 2), if named

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Pushed:
        changed = record.get("changed")
        return cls(
            record["table"], record["id"], record["branch_id"], record["base_version"],
            record["updated_at"], int(bool(record["deleted"])), record["data"],
            frozenset(changed) if isinstance(changed, list) else None,
        )

    @property
    def key(self) -> Key:
        return (self.table, self.id)

    def fields(self) -> dict[str, Any]:
        return {**self.data, "deleted": self.deleted}

    def as_row(self, device_name: str) -> Row:
        return Row(self.table, self.id, self.branch_id, 0, self.updated_at, self.deleted, dict(self.data), device_name)


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Equal field by field, a missing field counting as null."""
    return all(a.get(name) == b.get(name) for name in a.keys() | b.keys())


def stamp_order(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def rejected(code: str, message: str, current: Row | None) -> Decision:
    return Decision("rejected", current, code=code, message=message)


def decide(
    pushed: Pushed, current: Row | None, base: Base | None, branch_id: str, device_name: str, now: str
) -> Decision:
    """Scope first, then the table's rules. ``base`` is the row at ``base_version`` (None when
    unknown); ``current`` the stored row (None when absent)."""
    where = describe(pushed.table, pushed.id)
    if pushed.table in SERVER_TABLES:
        return rejected("scope", f"{where}由区服务器统计，支部不能上传。", current)
    if pushed.branch_id != branch_id:
        return rejected("scope", f"{where}不属于本支部（所属支部编号不符），不能上传。", current)
    if current is not None and current.branch_id != branch_id:
        if current.branch_id == DISTRICT:
            return rejected("scope", f"{where}是区里发布的内容，支部不能修改。", current)
        return rejected("scope", f"{where}已属于其他支部，本支部不能修改。", current)
    if current is None:
        return Decision("ok", None, write=pushed.as_row(device_name))
    if table_schemas()[pushed.table].is_event:
        return _decide_event(pushed, current, where, device_name)
    return _decide_row(pushed, current, base, device_name, now)


def _decide_event(pushed: Pushed, current: Row, where: str, device_name: str) -> Decision:
    """Immutable events: insert-if-absent; the same content again is fine; voiding is the one change."""
    if same(pushed.fields(), current.fields()):
        return Decision("ok", current)
    voiding = (
        pushed.deleted == 1
        and any(pushed.data.get(name) for name in VOID_FIELDS)
        and same(
            {k: v for k, v in pushed.data.items() if k not in VOID_FIELDS},
            {k: v for k, v in current.data.items() if k not in VOID_FIELDS},
        )
    )
    if voiding and current.deleted == 0:
        return Decision("ok", current, write=pushed.as_row(device_name))
    if voiding:  # already voided from another computer (another reason): that void stands, sent back
        return Decision("merged", current)
    return rejected("immutable", f"{where}已经上传，不能再修改；如有错误，请作废后重新录入。", current)


def _decide_row(
    pushed: Pushed, current: Row, base: Base | None, device_name: str, now: str
) -> Decision:
    ours, theirs = current.fields(), pushed.fields()
    if pushed.base_version == current.version or same(ours, theirs):
        if same(ours, theirs):
            return Decision("ok", current)
        return Decision("ok", current, write=pushed.as_row(device_name))
    client_newer = stamp_order(pushed.updated_at) > stamp_order(current.updated_at)
    merge = merge_fields(
        base.fields if base else None, ours, theirs, client_is_newer=client_newer,
        client_changed=pushed.changed, server_changed=base.changed if base else None,
    )
    clashes = [item for item in merge.conflicts if not _resolution_detail(pushed.table, item.field)]
    if not clashes and same(merge.fields, theirs):
        return Decision("ok", current, write=pushed.as_row(device_name))
    decision = Decision("conflict" if clashes else "merged", current)
    if not same(merge.fields, ours):
        data = {name: value for name, value in merge.fields.items() if name != "deleted"}
        newer = pushed.updated_at if client_newer else current.updated_at
        decision.write = Row(
            current.table, current.id, current.branch_id, 0, newer, int(bool(merge.fields.get("deleted"))),
            data, device_name,
        )
    decision.conflicts = [conflict_row(item, pushed, current, device_name, now) for item in clashes]
    return decision


def _resolution_detail(table: str, field: str) -> bool:
    """When and by whom a conflict was resolved only describe its resolution: a conflict resolved on
    two computers clashes at most over the resolution itself (the newer one's details go with it)."""
    return table == "conflicts" and field in ("resolved_at", "resolved_by")


def conflict_row(item: FieldConflict, pushed: Pushed, current: Row, device_name: str, now: str) -> Row:
    """One ``conflicts`` record: the losing value kept where both the branch and district see it."""
    if item.client_won:
        kept_at, lost_at, lost_device = pushed.updated_at, current.updated_at, current.device_name
    else:
        kept_at, lost_at, lost_device = current.updated_at, pushed.updated_at, device_name
    data = {
        "table_name": pushed.table,
        "record_id": pushed.id,
        "field": item.field,
        "kept_value": json.dumps(item.kept_value, ensure_ascii=False),
        "lost_value": json.dumps(item.lost_value, ensure_ascii=False),
        "kept_updated_at": kept_at,
        "lost_updated_at": lost_at,
        "lost_device": lost_device,
        "resolution": None,
        "resolved_at": None,
        "resolved_by": None,
    }
    return Row("conflicts", str(uuid.uuid4()), current.branch_id, 0, now, 0, data, device_name)
