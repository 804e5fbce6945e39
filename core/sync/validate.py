"""Checking one pushed record against its table's schema (DESIGN §4 "per-table validation").

The answer is a stable error code and a Chinese message that names the table, row and field, so the
branch office can show it as it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from core.qr.short_codes import TARGET_KINDS, link_id, normalize
from core.sync.schema import JSON_LIST_COLUMNS, TableSchema, table_schemas

MAX_TEXT = 20_000
MAX_ID = 64
MAX_INTEGER = 2**63 - 1  # SQLite and PostgreSQL store 64-bit integers
# ASCII digits only, and nothing after the end (``$`` would let a trailing newline through).
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})\Z", re.ASCII)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}\Z", re.ASCII)

TABLE_NAMES_ZH = {
    "party_groups": "党小组",
    "members": "党员",
    "member_status_changes": "党员状态变动",
    "lessons": "微党课",
    "study_sessions": "集中学习",
    "session_attendance": "集中学习出勤",
    "study_records": "学习记录",
    "pairing_marks": "结对名单标记",
    "pairings": "结对",
    "skills": "技能清单",
    "skill_progress": "技能进度",
    "help_visits": "帮扶走访",
    "conflicts": "同步冲突",
    "qr_links": "活码",
    "qr_scan_days": "扫码次数",
}


@dataclass(frozen=True)
class Refusal:
    code: str  # "invalid" | "table" | "scope" | "immutable"
    message: str


def _is_stamp(value: Any) -> bool:
    """A real moment in the protocol's form (the merge compares them as times)."""
    if not isinstance(value, str) or not _STAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:  # 2026-13-40T25:00:00Z has the form but is no time
        return False
    return True


def _is_day(value: str) -> bool:
    if not _DAY.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def describe(table: str, row_id: str) -> str:
    return f"{TABLE_NAMES_ZH.get(table, table)}（{row_id}）"


def check_record(record: Any) -> Refusal | None:
    """None when the record is well formed; otherwise why not."""
    if not isinstance(record, dict):
        return Refusal("invalid", "记录格式错误：每条记录应是一个对象。")
    table, row_id = record.get("table"), record.get("id")
    if not isinstance(table, str) or table not in table_schemas():
        shown = str(table) if len(str(table)) <= MAX_ID else str(table)[:MAX_ID] + "…"
        return Refusal("table", f"不认识的数据表“{shown}”，该记录不能同步。")
    if not isinstance(row_id, str) or not row_id or len(row_id) > MAX_ID or "\x00" in row_id:
        return Refusal("invalid", f"{TABLE_NAMES_ZH[table]}记录缺少有效的编号（id）。")
    where = describe(table, row_id)
    if not isinstance(record.get("branch_id"), str) or not record["branch_id"]:
        return Refusal("invalid", f"{where}缺少所属支部（branch_id）。")
    base = record.get("base_version")
    if not isinstance(base, int) or isinstance(base, bool) or not 0 <= base <= MAX_INTEGER:
        return Refusal("invalid", f"{where}的基础版本号（base_version）无效。")
    if not _is_stamp(record.get("updated_at")):
        return Refusal("invalid", f"{where}的修改时间（updated_at）不是有效的时间。")
    if record.get("deleted") not in (0, 1, True, False):
        return Refusal("invalid", f"{where}的删除标记（deleted）无效。")
    data = record.get("data")
    if not isinstance(data, dict):
        return Refusal("invalid", f"{where}缺少数据内容（data）。")
    if "changed" in record and not _is_field_list(table_schemas()[table], record["changed"]):
        return Refusal("invalid", f"{where}的已修改字段列表（changed）无效。")
    return check_data(table_schemas()[table], where, data) or _check_live_code(table, row_id, where, data)


def _is_field_list(schema: TableSchema, changed: Any) -> bool:
    """``changed`` (protocol 2): the names of the fields edited since the base, each at most once."""
    return (
        isinstance(changed, list)
        and len(changed) == len(set(map(str, changed)))
        and all(isinstance(name, str) and (name == "deleted" or schema.column(name) is not None) for name in changed)
    )


def _check_live_code(table: str, row_id: str, where: str, data: dict[str, Any]) -> Refusal | None:
    """A live code's id is derived from its code (the server finds a scanned code by it)."""
    if table != "qr_links":
        return None
    code = data.get("code")
    if not isinstance(code, str) or normalize(code) != code or link_id(code) != row_id:
        return Refusal("invalid", f"{where}的短码（code）无效或与编号不符。")
    if data.get("target_kind") not in TARGET_KINDS:
        return Refusal("invalid", f"{where}的去向（target_kind）无效。")
    if data.get("target_kind") == "lesson" and not data.get("lesson_id"):
        return Refusal("invalid", f"{where}指向微党课，但缺少课程编号（lesson_id）。")
    url = data.get("target_url")
    if data.get("target_kind") != "lesson" and not (
        isinstance(url, str) and url.lower().startswith(("http://", "https://"))
    ):
        return Refusal("invalid", f"{where}缺少以 http:// 或 https:// 开头的链接（target_url）。")
    return None


def check_data(schema: TableSchema, where: str, data: dict[str, Any]) -> Refusal | None:
    for name in data:
        if schema.column(name) is None:
            return Refusal("invalid", f"{where}含有未知字段“{name}”。")
    for column in schema.columns:
        if column.name not in data:
            if column.required:
                return Refusal("invalid", f"{where}缺少必填字段“{column.name}”。")
            continue
        value = data[column.name]
        if value is None:
            if column.not_null:
                return Refusal("invalid", f"{where}的字段“{column.name}”不能为空。")
            continue
        problem = _value_problem(column.kind, column.name, value)
        if problem:
            return Refusal("invalid", f"{where}的字段“{column.name}”{problem}。")
    return None


def _value_problem(kind: str, name: str, value: Any) -> str | None:
    if kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            return "应为整数"
        return None if -MAX_INTEGER - 1 <= value <= MAX_INTEGER else "超出了整数的范围"
    if kind == "real":
        return None if isinstance(value, int | float) and not isinstance(value, bool) else "应为数字"
    if not isinstance(value, str):
        return "应为文字"
    if len(value) > MAX_TEXT:
        return f"太长（超过 {MAX_TEXT} 字）"
    if name in JSON_LIST_COLUMNS:
        try:
            parsed = json.loads(value)
        except ValueError:
            return "应为编号列表"
        if not isinstance(parsed, list) or not all(isinstance(item, str) for item in parsed):
            return "应为编号列表"
    if (name.endswith("_date") or name in ("date", "valid_until")) and value and not _is_day(value):
        return "不是有效的日期（应为 YYYY-MM-DD）"
    return None
