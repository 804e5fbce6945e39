"""Members of the branch: add, edit, delete (soft) and read, always validated."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from core.pinyin import name_keys
from core.roster.fields import MEMBER_FIELDS, label_of
from core.roster.groups import ensure_group, group_names
from core.roster.validation import FieldIssue, validate_member
from core.store import Store

# Stored columns of a member besides the bookkeeping ones (the group is stored by id).
DATA_COLUMNS: tuple[str, ...] = tuple(
    "group_id" if f.key == "group" else f.key for f in MEMBER_FIELDS
)


class ValidationFailed(ValueError):
    """A member record was refused; ``issues`` names every field that is wrong."""

    def __init__(self, issues: list[FieldIssue]) -> None:
        self.issues = issues
        super().__init__("；".join(issue.message for issue in issues))


def stored_values(
    store: Store, clean: Mapping[str, Any], group_ids: dict[str, str] | None = None
) -> dict[str, Any]:
    """Turn a validated record (field keys, group by name) into stored column values.

    Groups are created as needed; ``group_ids`` (name → id) caches them across many records.
    """
    values = {key: clean.get(key) for key in DATA_COLUMNS if key != "group_id"}
    group = clean.get("group")
    if not group:
        values["group_id"] = None
    elif group_ids is not None:
        if group not in group_ids:
            group_ids[group] = ensure_group(store, group)
        values["group_id"] = group_ids[group]
    else:
        values["group_id"] = ensure_group(store, group)
    values["name_pinyin"], values["name_initials"] = name_keys(values["name"] or "")
    return values


def with_group_names(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = group_names(store)
    for row in rows:
        row["group"] = names.get(row.get("group_id") or "", None)
    return rows


def list_members(store: Store, *, include_deleted: bool = False) -> list[dict[str, Any]]:
    where = "" if include_deleted else "WHERE deleted = 0"
    rows = store.query(f"SELECT * FROM members {where} ORDER BY name_pinyin, name")
    return with_group_names(store, rows)


def get_member(store: Store, member_id: str) -> dict[str, Any] | None:
    row = store.get("members", member_id)
    return with_group_names(store, [row])[0] if row else None


def find_duplicate(
    store: Store, clean: Mapping[str, Any], exclude_id: str | None = None
) -> dict[str, Any] | None:
    """A current member who is the same person: same ID number, or same name and birth date
    where at least one of the two has no ID number."""
    if clean.get("id_number"):
        rows = store.query(
            "SELECT * FROM members WHERE deleted = 0 AND id_number = ? AND id != ?",
            (clean["id_number"], exclude_id or ""),
        )
        if rows:
            return rows[0]
    if clean.get("name") and clean.get("birth_date"):
        # Two different ID numbers are two different people, whatever their names.
        id_condition = "" if not clean.get("id_number") else " AND coalesce(id_number, '') = ''"
        rows = store.query(
            "SELECT * FROM members WHERE deleted = 0 AND name = ? AND birth_date = ? AND id != ?"
            + id_condition,
            (clean["name"], clean["birth_date"], exclude_id or ""),
        )
        if rows:
            return rows[0]
    return None


def check_member(
    store: Store, raw: Mapping[str, Any], member_id: str | None = None, today: date | None = None
) -> tuple[dict[str, Any], list[FieldIssue]]:
    """Validate a record as a form would submit it, including uniqueness among current members."""
    clean, issues = validate_member(raw, today)
    if not any(i.level == "error" and i.field == "id_number" for i in issues):
        other = find_duplicate(store, clean, exclude_id=member_id)
        if other is not None:
            field = "id_number" if other["id_number"] and other["id_number"] == clean.get("id_number") else "name"
            what = "公民身份号码" if field == "id_number" else "姓名和出生日期"
            issues.append(
                FieldIssue(field, f"{label_of(field)}：{what}与在册党员「{other['name']}」相同，不能重复登记", "error")
            )
    return clean, issues


def add_member(store: Store, raw: Mapping[str, Any], today: date | None = None) -> tuple[str, list[FieldIssue]]:
    """Add a member. Returns the new id and the warnings; raises ``ValidationFailed``."""
    with store.transaction():
        clean, issues = check_member(store, raw, today=today)
        errors = [i for i in issues if i.level == "error"]
        if errors:
            raise ValidationFailed(errors)
        member_id = store.insert("members", stored_values(store, clean), audit=f"新增党员「{clean['name']}」")
    return member_id, issues


def edit_member(
    store: Store, member_id: str, raw: Mapping[str, Any], today: date | None = None
) -> list[FieldIssue]:
    """Replace a member's fields with ``raw`` (a full record). Returns warnings; raises ``ValidationFailed``."""
    with store.transaction():
        clean, issues = check_member(store, raw, member_id=member_id, today=today)
        errors = [i for i in issues if i.level == "error"]
        if errors:
            raise ValidationFailed(errors)
        store.update("members", member_id, stored_values(store, clean), audit=f"修改党员「{clean['name']}」")
    return issues


def delete_member(store: Store, member_id: str) -> None:
    """Soft delete; ``undelete_member`` brings the member back unchanged."""
    row = store.get("members", member_id)
    name = row["name"] if row else member_id
    store.set_deleted("members", member_id, True, audit=f"删除党员「{name}」")


def undelete_member(store: Store, member_id: str) -> None:
    row = store.get("members", member_id)
    name = row["name"] if row else member_id
    with store.transaction():
        if row and row.get("id_number"):
            clash = find_duplicate(store, {"id_number": row["id_number"]}, exclude_id=member_id)
            if clash is not None:
                raise ValidationFailed(
                    [FieldIssue("id_number", f"公民身份号码：已有在册党员「{clash['name']}」使用该号码，无法恢复", "error")]
                )
        store.set_deleted("members", member_id, False, audit=f"恢复党员「{name}」")


def as_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored member (with its group name) as a record keyed by field keys."""
    return {f.key: row.get(f.key) for f in MEMBER_FIELDS}
