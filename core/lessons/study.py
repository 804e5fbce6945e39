"""Study records: who studied which lesson, when and how.

Records are immutable events (DESIGN §3). A wrong record is voided with a reason — tombstoned —
and entered again; it is never edited in place, so two offices can never conflict over one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.lessons.fields import HELPER_METHODS, METHODS, STUDYING_STATUSES
from core.store import Store
from core.text import parse_day


class StudyError(ValueError):
    """A refused study entry; the message (Chinese) says what is wrong and what to do."""


@dataclass(frozen=True)
class StudyEntry:
    """What one bulk entry records for every chosen member."""

    lesson_id: str
    study_date: str  # ISO date
    method: str  # a key of METHODS
    minutes: int | None = None  # None: the lesson's length
    helper_id: str | None = None
    entered_by: str = ""
    note: str = ""
    session_id: str | None = None


def _check_entry(store: Store, entry: StudyEntry, today: date | None) -> tuple[dict[str, Any], str]:
    lesson = store.get("lessons", entry.lesson_id)
    if lesson is None or lesson["deleted"]:
        raise StudyError("请选择一节微党课")
    if entry.method not in METHODS:
        raise StudyError(f"学习方式「{entry.method}」无效，应为：{'、'.join(METHODS.values())}")
    try:
        day = parse_day(entry.study_date, "学习日期", not_after=today or date.today())
    except ValueError as exc:
        raise StudyError(str(exc)) from None
    if lesson["published_date"] and day < lesson["published_date"]:
        raise StudyError(f"学习日期 {day} 早于这节课的发布日期 {lesson['published_date']}")
    if entry.minutes is not None and not 1 <= entry.minutes <= 600:
        raise StudyError("学习时长应在 1 至 600 分钟之间")
    if entry.method in HELPER_METHODS:
        if not entry.helper_id:
            raise StudyError(f"「{METHODS[entry.method]}」需要填写帮学人")
        helper = store.get("members", entry.helper_id)
        if helper is None or helper["deleted"]:
            raise StudyError("帮学人不在花名册中")
    elif entry.helper_id:
        raise StudyError(f"「{METHODS[entry.method]}」不需要帮学人")
    return lesson, day


def record_study(
    store: Store, entry: StudyEntry, member_ids: Sequence[str], today: date | None = None
) -> list[str]:
    """Record that each member studied the lesson; all records or none. Returns the new ids."""
    lesson, day = _check_entry(store, entry, today)
    unique = list(dict.fromkeys(member_ids))
    if not unique:
        raise StudyError("请至少勾选一名党员")
    if entry.helper_id and entry.helper_id in unique:
        raise StudyError("帮学人不能同时是学习的党员")
    minutes = entry.minutes if entry.minutes is not None else lesson["minutes"]
    with store.transaction():
        known = {
            row["id"]: row
            for row in _in_chunks(store, "SELECT id, name, deleted FROM members WHERE id IN ({})", unique)
        }
        missing = [m for m in unique if m not in known or known[m]["deleted"]]
        if missing:
            raise StudyError(f"有 {len(missing)} 名党员不在花名册中（可能已被删除），请刷新后重试")
        rows = [
            {
                "member_id": member_id,
                "lesson_id": entry.lesson_id,
                "study_date": day,
                "method": entry.method,
                "minutes": minutes,
                "helper_id": entry.helper_id,
                "session_id": entry.session_id,
                "entered_by": entry.entered_by.strip() or None,
                "note": entry.note.strip() or None,
            }
            for member_id in unique
        ]
        return store.insert_many(
            "study_records", rows,
            audit=f"登记「{lesson['title']}」{day} {METHODS[entry.method]} {len(rows)} 人",
        )


def already_recorded(store: Store, lesson_id: str, study_date: str, member_ids: Iterable[str]) -> set[str]:
    """Members among ``member_ids`` who already have a record of this lesson on this date."""
    ids = list(member_ids)
    rows = _in_chunks(
        store,
        "SELECT DISTINCT member_id FROM study_records WHERE deleted = 0 AND lesson_id = ? "
        "AND study_date = ? AND member_id IN ({})",
        ids,
        (lesson_id, study_date),
    )
    return {row["member_id"] for row in rows}


def studied_member_ids(store: Store, lesson_id: str) -> set[str]:
    """Members with at least one valid record of the lesson (on any date)."""
    rows = store.query(
        "SELECT DISTINCT member_id FROM study_records WHERE deleted = 0 AND lesson_id = ?", (lesson_id,)
    )
    return {row["member_id"] for row in rows}


def studied_counts(store: Store) -> dict[str, int]:
    """Lesson id → how many members expected to study (正常, 流动) have studied it."""
    placeholders = ", ".join("?" for _ in STUDYING_STATUSES)
    rows = store.query(
        "SELECT r.lesson_id, count(DISTINCT r.member_id) AS n FROM study_records r "
        "JOIN members m ON m.id = r.member_id "
        f"WHERE r.deleted = 0 AND m.deleted = 0 AND m.status IN ({placeholders}) GROUP BY r.lesson_id",
        STUDYING_STATUSES,
    )
    return {row["lesson_id"]: row["n"] for row in rows}


def void_record(store: Store, record_id: str, reason: str) -> None:
    """Void a wrong record (it stays visible as voided, with the reason)."""
    reason = reason.strip()
    if not reason:
        raise StudyError("请写明作废原因，例如「日期填错」")
    with store.transaction():
        record = store.get("study_records", record_id)
        if record is None:
            raise StudyError("找不到这条学习记录")
        if record["deleted"]:
            raise StudyError("这条学习记录已经作废")
        store.update("study_records", record_id, {"void_reason": reason}, audit=f"作废学习记录：{reason}")
        store.set_deleted("study_records", record_id, True, audit=f"作废学习记录：{reason}")


def list_records(
    store: Store,
    *,
    lesson_id: str | None = None,
    member_id: str | None = None,
    include_voided: bool = False,
    self_reported: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Records newest first, with the member's, the helper's and the lesson's names.
    ``self_reported``: only the records members reported from the phone (扫码自报)."""
    where, params = [], []
    if not include_voided:
        where.append("r.deleted = 0")
    if self_reported:
        where.append("r.self_reported = 1")
    if lesson_id:
        where.append("r.lesson_id = ?")
        params.append(lesson_id)
    if member_id:
        where.append("r.member_id = ?")
        params.append(member_id)
    sql = (
        "SELECT r.*, m.name AS member_name, h.name AS helper_name, l.title AS lesson_title "
        "FROM study_records r JOIN members m ON m.id = r.member_id "
        "JOIN lessons l ON l.id = r.lesson_id LEFT JOIN members h ON h.id = r.helper_id"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY r.study_date DESC, r.updated_at DESC, m.name_pinyin"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def studying_members(store: Store) -> list[dict[str, Any]]:
    """Members expected to study (正常 and 流动), with their group names, ordered by group and pinyin."""
    placeholders = ", ".join("?" for _ in STUDYING_STATUSES)
    return store.query(
        "SELECT m.id, m.name, m.name_pinyin, m.name_initials, m.phone, m.id_number, m.birth_date, "
        "m.village, m.status, m.group_id, g.name AS group_name "
        "FROM members m LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 "
        f"WHERE m.deleted = 0 AND m.status IN ({placeholders}) "
        "ORDER BY g.name IS NULL, g.sort_order, g.name, m.name_pinyin, m.name",
        STUDYING_STATUSES,
    )


_CHUNK = 500


def _in_chunks(
    store: Store, sql: str, ids: Sequence[str], before: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """Run ``sql`` (with one ``IN ({})``) over ``ids`` in chunks SQLite accepts."""
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows += store.query(sql.format(", ".join("?" for _ in chunk)), [*before, *chunk])
    return rows
