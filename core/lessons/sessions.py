"""Study sessions (集中学习, 主题党日): when, where, which lessons, and who attended.

Saving a session keeps its study records in step with its attendance: everyone present gets a
集中学习 record for each of the session's lessons; records of people no longer marked present
(or of lessons taken off the session) are voided.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.lessons.fields import ATTENDANCE, SESSION_KINDS
from core.lessons.study import StudyEntry, StudyError, record_study
from core.store import Store
from core.text import parse_day

_ATTENDANCE_NAMESPACE = uuid.UUID("2f3b8a0e-5d43-4d8e-9d7c-6c1b0f7e4a12")
CHANGED_REASON = "集中学习的考勤或课程已更改"


@dataclass
class Attendance:
    status: str  # a key of ATTENDANCE
    reason: str = ""


@dataclass
class StudySession:
    session_date: str
    lesson_ids: list[str]
    kind: str = "group_study"
    title: str = ""
    place: str = ""
    note: str = ""
    attendance: dict[str, Attendance] = field(default_factory=dict)  # member id → attendance
    id: str | None = None


def attendance_id(session_id: str, member_id: str) -> str:
    """Derived from the pair, so entering the same attendance twice never makes two rows."""
    return str(uuid.uuid5(_ATTENDANCE_NAMESPACE, f"{session_id}/{member_id}"))


def _check(store: Store, session: StudySession, today: date | None) -> str:
    try:
        day = parse_day(session.session_date, "活动日期", not_after=today or date.today(),
                        too_late="考勤请在活动当天或之后登记")
    except ValueError as exc:
        raise StudyError(str(exc)) from None
    if session.kind not in SESSION_KINDS:
        raise StudyError(f"活动类型「{session.kind}」无效")
    if not session.lesson_ids:
        raise StudyError("请至少选择一节学习的微党课")
    for member_id, mark in session.attendance.items():
        if mark.status not in ATTENDANCE:
            raise StudyError(f"考勤「{mark.status}」无效，应为：{'、'.join(ATTENDANCE.values())}")
        if mark.status == "leave" and not mark.reason.strip():
            name = (store.get("members", member_id) or {}).get("name", member_id)
            raise StudyError(f"「{name}」请假，请填写请假原因")
    return day


def save_session(
    store: Store, session: StudySession, *, entered_by: str = "", today: date | None = None
) -> str:
    """Create or update a session with its attendance and study records; all or nothing."""
    day = _check(store, session, today)
    lesson_ids = list(dict.fromkeys(session.lesson_ids))
    values = {
        "session_date": day,
        "kind": session.kind,
        "title": session.title.strip() or None,
        "place": session.place.strip() or None,
        "lesson_ids": json.dumps(lesson_ids),
        "note": session.note.strip() or None,
    }
    label = f"{SESSION_KINDS[session.kind]} {day}"
    with store.transaction():
        if session.id is None:
            session_id = store.insert("study_sessions", values, audit=f"新建{label}")
        else:
            session_id = session.id
            if store.get("study_sessions", session_id) is None:
                raise StudyError("找不到这次学习活动，可能已被删除")
            store.update("study_sessions", session_id, values, audit=f"修改{label}")
        _save_attendance(store, session_id, session.attendance)
        present = [m for m, mark in session.attendance.items() if mark.status == "present"]
        _sync_records(store, session_id, day, lesson_ids, present, entered_by)
    return session_id


def _save_attendance(store: Store, session_id: str, marks: Mapping[str, Attendance]) -> None:
    existing = {
        row["member_id"]: row
        for row in store.query("SELECT * FROM session_attendance WHERE session_id = ?", (session_id,))
    }
    new_rows = []
    for member_id, mark in marks.items():
        values = {"attendance": mark.status, "reason": mark.reason.strip() or None}
        row = existing.get(member_id)
        if row is None:
            new_rows.append({"id": attendance_id(session_id, member_id), "session_id": session_id,
                             "member_id": member_id, **values})
            continue
        store.update("session_attendance", row["id"], values)
        store.set_deleted("session_attendance", row["id"], False)
    store.insert_many("session_attendance", new_rows, audit=f"登记考勤 {len(new_rows)} 人")
    for member_id, row in existing.items():
        if member_id not in marks:
            store.set_deleted("session_attendance", row["id"], True)


def _sync_records(
    store: Store, session_id: str, day: str, lesson_ids: Sequence[str], present: Sequence[str], entered_by: str
) -> None:
    wanted = {(m, lesson) for m in present for lesson in lesson_ids}
    have: set[tuple[str, str]] = set()
    for record in store.query(
        "SELECT id, member_id, lesson_id, study_date FROM study_records WHERE session_id = ? AND deleted = 0",
        (session_id,),
    ):
        key = (record["member_id"], record["lesson_id"])
        if key in wanted and record["study_date"] == day and key not in have:
            have.add(key)
        else:
            store.update("study_records", record["id"], {"void_reason": CHANGED_REASON})
            store.set_deleted("study_records", record["id"], True, audit=f"作废学习记录：{CHANGED_REASON}")
    for lesson_id in lesson_ids:
        members = [m for m in present if (m, lesson_id) not in have]
        if members:
            entry = StudyEntry(lesson_id, day, "group", entered_by=entered_by, session_id=session_id)
            record_study(store, entry, members, today=date.fromisoformat(day))


def delete_session(store: Store, session_id: str) -> None:
    """Remove a session: its attendance goes and its study records are voided."""
    with store.transaction():
        session = store.get("study_sessions", session_id)
        if session is None or session["deleted"]:
            raise StudyError("找不到这次学习活动，可能已被删除")
        _save_attendance(store, session_id, {})
        _sync_records(store, session_id, session["session_date"], [], [], "")
        store.set_deleted("study_sessions", session_id, True, audit=f"删除学习活动 {session['session_date']}")


def get_session(store: Store, session_id: str) -> StudySession | None:
    row = store.get("study_sessions", session_id)
    if row is None or row["deleted"]:
        return None
    marks = {
        a["member_id"]: Attendance(a["attendance"], a["reason"] or "")
        for a in store.query(
            "SELECT member_id, attendance, reason FROM session_attendance WHERE session_id = ? AND deleted = 0",
            (session_id,),
        )
    }
    return StudySession(
        session_date=row["session_date"], lesson_ids=json.loads(row["lesson_ids"]), kind=row["kind"],
        title=row["title"] or "", place=row["place"] or "", note=row["note"] or "",
        attendance=marks, id=session_id,
    )


def list_sessions(store: Store) -> list[dict[str, Any]]:
    """Sessions newest first, with attendance counts."""
    rows = store.query(
        "SELECT s.*, "
        "(SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.deleted = 0 "
        " AND a.attendance = 'present') AS present_count, "
        "(SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.deleted = 0 "
        " AND a.attendance = 'leave') AS leave_count, "
        "(SELECT count(*) FROM session_attendance a WHERE a.session_id = s.id AND a.deleted = 0 "
        " AND a.attendance = 'absent') AS absent_count "
        "FROM study_sessions s WHERE s.deleted = 0 ORDER BY s.session_date DESC, s.updated_at DESC"
    )
    for row in rows:
        row["lesson_ids"] = json.loads(row["lesson_ids"])
    return rows
