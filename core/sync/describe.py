"""Saying in Chinese which row a conflict or a rejection is about, what a field is called and what a
stored value means — for the lists the user reads."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from core.lessons.fields import ATTENDANCE, LESSON_LABELS, METHODS, SESSION_KINDS
from core.pairing.fields import ROLES, SKILL_LEVELS
from core.roster.fields import MEMBER_FIELDS
from core.store import Store
from core.sync.validate import TABLE_NAMES_ZH

_COMMON = {"note": "备注", "deleted": "删除状态", "name": "名称", "sort_order": "排序", "archived": "停用"}
FIELD_LABELS: dict[str, dict[str, str]] = {
    "members": {("group_id" if f.key == "group" else f.key): f.label for f in MEMBER_FIELDS}
    | {"name_pinyin": "姓名拼音", "name_initials": "姓名首字母"},
    "lessons": LESSON_LABELS | {"archived": "已停用"},
    "party_groups": {"name": "党小组名称"},
    "member_status_changes": {"member_id": "党员", "action": "变动", "date": "日期", "from_status": "原状态",
                              "to_status": "新状态", "from_category": "原类别", "to_category": "新类别"},
    "study_sessions": {"session_date": "日期", "kind": "类型", "title": "主题", "place": "地点",
                       "lesson_ids": "学习的微党课"},
    "session_attendance": {"member_id": "党员", "attendance": "出勤", "reason": "原因"},
    "study_records": {"member_id": "党员", "lesson_id": "微党课", "study_date": "学习日期", "method": "学习方式",
                      "minutes": "时长", "helper_id": "帮学人", "entered_by": "录入人", "void_reason": "作废原因"},
    "pairing_marks": {"member_id": "党员", "role": "名单", "included": "列入名单"},
    "pairings": {"helper_id": "帮扶人", "elder_id": "老人", "start_date": "结对日期", "end_date": "结束日期",
                 "active": "进行中", "end_reason": "结束原因"},
    "skills": {"name": "技能名称"},
    "skill_progress": {"elder_id": "老人", "skill_id": "技能", "level": "掌握程度", "confirmed_date": "确认日期",
                       "confirmed_by": "确认人"},
    "help_visits": {"helper_id": "帮扶人", "elder_id": "老人", "visit_date": "走访日期", "minutes": "时长",
                    "skill_ids": "练习的技能", "lesson_id": "微党课", "void_reason": "作废原因"},
    "conflicts": {"resolution": "处理结果", "resolved_by": "处理人", "resolved_at": "处理时间"},
}
_CHOICES: dict[str, dict[str, str]] = {
    **{f.key: f.choices for f in MEMBER_FIELDS if f.choices},
    "level": SKILL_LEVELS, "kind": SESSION_KINDS, "attendance": ATTENDANCE, "method": METHODS, "role": ROLES,
}
_BOOLEAN = ("active", "archived", "included")


def field_label(table: str, field: str) -> str:
    """The Chinese name of a column, or the column itself when core has no label for it."""
    return FIELD_LABELS.get(table, {}).get(field) or _COMMON.get(field) or field


def table_label(table: str) -> str:
    return TABLE_NAMES_ZH.get(table, table)


def local_time(stamp: str | None) -> str:
    """``2026-11-22T01:30:00.000Z`` → ``11-22 09:30`` in this computer's time zone."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return stamp


def _name(store: Store, table: str, row_id: Any, column: str = "name") -> str | None:
    if not row_id:
        return None
    return store.scalar(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,))


# Where a referenced row's name is found: (table, id) → its name or title, or None when unknown.
NameOf = Callable[[str, Any], "str | None"]
_REFERENCES = {"member_id": "members", "elder_id": "members", "helper_id": "members", "group_id": "party_groups",
               "lesson_id": "lessons", "skill_id": "skills"}
_ID_LISTS = {"skill_ids": "skills", "lesson_ids": "lessons"}


def store_names(store: Store) -> NameOf:
    """Names read from the branch database."""

    def name_of(table: str, row_id: Any) -> str | None:
        return _name(store, table, row_id, "title" if table == "lessons" else "name")

    return name_of


def display_value(store: Store, table: str, field: str, value: Any) -> str:
    """A stored value as a person would say it."""
    return spoken_value(field, value, store_names(store))


def spoken_value(field: str, value: Any, name_of: NameOf) -> str:
    """A value as a person would say it: choices in Chinese, yes/no, referenced rows by name."""
    if value is None or value == "":
        return "（空）"
    if field == "deleted":
        return "已删除" if value else "未删除"
    if field in _BOOLEAN:
        return "是" if value else "否"
    if field in _CHOICES and isinstance(value, str):
        return _CHOICES[field].get(value, value)
    if field in _REFERENCES:
        return name_of(_REFERENCES[field], value) or str(value)
    if field in _ID_LISTS and isinstance(value, str):
        try:
            ids = json.loads(value)
        except ValueError:
            return value
        if isinstance(ids, list):
            return "、".join(name_of(_ID_LISTS[field], i) or str(i) for i in ids) or "（空）"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def describe_row(store: Store, table: str, row: dict[str, Any] | None, row_id: str = "") -> str:
    """“党员 张三”, “学习记录 张三《第1讲》2026-11-20”, … (falls back to the table and id)."""
    if row is None:
        return f"{table_label(table)}（{row_id}，本机没有这条记录）"
    return describe_record(table, row, store_names(store), row_id)


def describe_record(table: str, row: dict[str, Any], name_of: NameOf, row_id: str = "") -> str:
    """A row in a few words, names looked up through ``name_of``."""
    label = table_label(table)
    person = name_of("members", row.get("member_id") or row.get("elder_id")) or ""
    helper = name_of("members", row.get("helper_id")) or ""
    lesson = name_of("lessons", row.get("lesson_id")) or ""
    if table in ("members", "party_groups", "skills"):
        detail = row.get("name")
    elif table == "lessons":
        detail = f"《{row.get('title')}》"
    elif table == "study_records":
        detail = f"{person}《{lesson}》{row.get('study_date') or ''}"
    elif table == "help_visits":
        detail = f"{helper} → {person} {row.get('visit_date') or ''}"
    elif table == "pairings":
        detail = f"{helper} → {person}"
    elif table == "skill_progress":
        detail = f"{person}：{name_of('skills', row.get('skill_id')) or ''}"
    elif table == "study_sessions":
        detail = f"{row.get('session_date') or ''} {row.get('title') or ''}"
    elif table == "conflicts":
        detail = f"{table_label(str(row.get('table_name')))}的“{field_label(str(row.get('table_name')), str(row.get('field')))}”"
    else:
        detail = person
    detail = " ".join(str(detail or "").split())
    return f"{label} {detail}" if detail else f"{label}（{row.get('id') or row_id}）"
