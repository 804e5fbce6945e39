"""The visit log: each home visit of a helper to an elder, an immutable event.

A visit where the two watched a micro-lesson together also records the elder's study of it with
the method 结对帮学 and the helper. A wrong visit is voided with a reason (and so is the study
record it made), then entered again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.lessons.study import StudyEntry, StudyError, already_recorded, record_study, void_record
from core.pairing.pairings import past_day
from core.pairing.rules import PairingError
from core.pairing.skills import set_skill_level
from core.store import Store


@dataclass(frozen=True)
class VisitEntry:
    elder_id: str
    visit_date: str  # ISO date
    minutes: int | None = None
    skill_ids: Sequence[str] = ()  # skills practised
    lesson_id: str | None = None  # a lesson watched together
    note: str = ""
    entered_by: str = ""
    helper_id: str | None = None  # None: the elder's helper on that date
    levels: Mapping[str, str] = field(default_factory=dict)  # skill id → level confirmed on the visit


def _pairing_on(store: Store, entry: VisitEntry, day: str) -> dict[str, Any]:
    rows = store.query(
        "SELECT p.*, h.name AS helper_name, e.name AS elder_name FROM pairings p "
        "JOIN members h ON h.id = p.helper_id JOIN members e ON e.id = p.elder_id "
        "WHERE p.deleted = 0 AND p.elder_id = ? ORDER BY p.active DESC, p.start_date DESC",
        (entry.elder_id,),
    )
    if not rows:
        raise PairingError("这名老人还没有结对，请先结对再记录走访")
    chosen = [r for r in rows if entry.helper_id in (None, r["helper_id"])]
    if not chosen:
        raise PairingError(f"{rows[0]['elder_name']}没有和这名帮扶人结对")
    for row in chosen:
        if row["start_date"] <= day <= (row["end_date"] or "9999-12-31"):
            return row
    first = chosen[0]
    raise PairingError(
        f"走访日期 {day} 不在{first['helper_name']}与{first['elder_name']}的结对期间"
        f"（{first['start_date']} 起{'，' + first['end_date'] + ' 止' if first['end_date'] else ''}）"
    )


def _check(store: Store, entry: VisitEntry, today: date) -> tuple[str, list[str]]:
    day = past_day(entry.visit_date, "走访日期", today)
    if entry.minutes is not None and not 1 <= entry.minutes <= 600:
        raise PairingError("走访时长应在 1 至 600 分钟之间")
    skill_ids = list(dict.fromkeys([*entry.skill_ids, *entry.levels]))
    known = {row["id"] for row in store.query("SELECT id FROM skills WHERE deleted = 0")}
    if any(s not in known for s in skill_ids):
        raise PairingError("有练习的技能不在技能清单中，请刷新后重试")
    return day, skill_ids


def record_visit(store: Store, entry: VisitEntry, today: date | None = None) -> str:
    """Log a visit; with a lesson, also the elder's study record (结对帮学). All or nothing."""
    today = today or date.today()
    day, skill_ids = _check(store, entry, today)
    with store.transaction():
        pairing = _pairing_on(store, entry, day)
        study_record_id = None
        if entry.lesson_id and not already_recorded(store, entry.lesson_id, day, [entry.elder_id]):
            study = StudyEntry(
                lesson_id=entry.lesson_id, study_date=day, method="pair", minutes=entry.minutes,
                helper_id=pairing["helper_id"], entered_by=entry.entered_by, note="结对走访时一起观看",
            )
            try:
                study_record_id = record_study(store, study, [entry.elder_id], today)[0]
            except StudyError as exc:
                raise PairingError(f"一起观看的微党课：{exc}") from None
        for skill_id, level in entry.levels.items():
            set_skill_level(store, entry.elder_id, skill_id, level, day, pairing["helper_name"], today)
        return store.insert(
            "help_visits",
            {
                "pairing_id": pairing["id"],
                "helper_id": pairing["helper_id"],
                "elder_id": entry.elder_id,
                "visit_date": day,
                "minutes": entry.minutes,
                "skill_ids": json.dumps(skill_ids),
                "lesson_id": entry.lesson_id or None,
                "study_record_id": study_record_id,
                "entered_by": entry.entered_by.strip() or None,
                "note": entry.note.strip() or None,
            },
            audit=f"走访：{pairing['helper_name']} → {pairing['elder_name']} {day}",
        )


def void_visit(store: Store, visit_id: str, reason: str) -> None:
    """Void a wrong visit and the study record it made; both stay visible as voided."""
    reason = reason.strip()
    if not reason:
        raise PairingError("请写明作废原因，例如「日期填错」")
    with store.transaction():
        visit = store.get("help_visits", visit_id)
        if visit is None:
            raise PairingError("找不到这条走访记录")
        if visit["deleted"]:
            raise PairingError("这条走访记录已经作废")
        store.update("help_visits", visit_id, {"void_reason": reason}, audit=f"作废走访：{reason}")
        store.set_deleted("help_visits", visit_id, True, audit=f"作废走访：{reason}")
        record = visit["study_record_id"] and store.get("study_records", visit["study_record_id"])
        if record and not record["deleted"]:
            void_record(store, record["id"], f"走访记录作废：{reason}")


def list_visits(
    store: Store,
    *,
    elder_id: str | None = None,
    helper_id: str | None = None,
    include_voided: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Visits newest first with names, the lesson's title and the practised skills' names."""
    where, params = [], []
    if not include_voided:
        where.append("v.deleted = 0")
    if elder_id:
        where.append("v.elder_id = ?")
        params.append(elder_id)
    if helper_id:
        where.append("v.helper_id = ?")
        params.append(helper_id)
    sql = (
        "SELECT v.*, h.name AS helper_name, e.name AS elder_name, l.title AS lesson_title "
        "FROM help_visits v JOIN members h ON h.id = v.helper_id JOIN members e ON e.id = v.elder_id "
        "LEFT JOIN lessons l ON l.id = v.lesson_id"
        + (f" WHERE {' AND '.join(where)}" if where else "")
        + " ORDER BY v.visit_date DESC, v.updated_at DESC"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    names = {row["id"]: row["name"] for row in store.query("SELECT id, name FROM skills")}
    rows = store.query(sql, params)
    for row in rows:
        row["skill_names"] = [names.get(s, "") for s in json.loads(row["skill_ids"] or "[]")]
    return rows
