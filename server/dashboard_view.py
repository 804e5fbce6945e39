"""What the dashboard's templates show, prepared from the figures: rows of plain values (the templates
escape them all) and the helpers the templates call. Templates: ``server/templates/admin/``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, select

from core.pairing.fields import STALE_DAYS
from core.sync.describe import describe_record, field_label, spoken_value, table_label
from core.sync.schema import DISTRICT
from server.dashboard_data import (
    RECENT_DAYS,
    STALE_SYNC_DAYS,
    BranchFigures,
    Figures,
    Lesson,
    Lookup,
    china_time,
    decode_value,
    sync_is_stale,
)
from server.db import records

OVERVIEW_LESSONS = 6  # lesson columns in the overview's coverage table (newest first)
RESOLUTIONS = {None: "未处理", "kept": "已确认保留当前值", "restored": "已改回未采用的值"}


def common(district: str, title: str, now: datetime) -> dict[str, Any]:
    """What every page's template needs."""
    return {
        "district": district, "title": title, "now": now, "china_time": china_time, "sync_is_stale": sync_is_stale,
        "quote": lambda value: quote(str(value), safe=""), "stale_sync_days": STALE_SYNC_DAYS,
        "recent_days": RECENT_DAYS, "stale_days": STALE_DAYS,
    }


def devices_text(branch: dict[str, Any]) -> str:
    active = sum(1 for device in branch["devices"] if not device["revoked"])
    revoked = len(branch["devices"]) - active
    return f"{active}（停用{revoked}）" if revoked else str(active)


@dataclass(frozen=True)
class LessonRow:
    lesson: Lesson
    total: Any  # Coverage over the listed branches
    done: int  # branches where everyone expected has studied it
    scans: int
    scans_30d: int
    self_reported: int


def _scans_of(figures: Figures, owners: Sequence[str], lesson_id: str) -> tuple[int, int]:
    pairs = [figures.scans.get((owner, lesson_id), (0, 0)) for owner in owners]
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def overview(branches: list[dict[str, Any]], figures: Figures) -> dict[str, Any]:
    ids = [b["branch_id"] for b in branches]
    rows = []
    for lesson in figures.lessons:
        total = figures.lesson_total(lesson.id, ids)
        done = sum(1 for b in ids if (cover := figures.coverage(b, lesson.id)).percent is not None
                   and cover.studied >= cover.expected)
        recent, scans = _scans_of(figures, [*ids, DISTRICT], lesson.id)
        reported = sum(figures.self_reported.get((b, lesson.id), 0) for b in ids)
        rows.append(LessonRow(lesson, total, done, scans, recent, reported))
    return {
        "branches": branches, "figures": figures, "branch_ids": ids, "total": figures.totals(ids),
        "active_devices": sum(sum(1 for d in b["devices"] if not d["revoked"]) for b in branches),
        "devices_text": devices_text, "lesson_rows": rows, "matrix_lessons": figures.lessons[:OVERVIEW_LESSONS],
        "more_lessons": len(figures.lessons) > OVERVIEW_LESSONS, "overview_lessons": OVERVIEW_LESSONS,
        "district_scans": figures.branch(DISTRICT),
    }


def figure_items(own: BranchFigures) -> list[tuple[str, int, bool]]:
    return [("党员数", own.members, False), ("应学人数（正常+流动）", own.expected, False),
            ("学习记录数", own.study_records, False), ("结对（进行中）", own.pairings, False),
            ("结对老人", own.elders, False), ("帮扶人", own.helpers, False),
            (f"近{RECENT_DAYS}天走访", own.recent_visits, False),
            (f"超过{STALE_DAYS}天未走访的老人", own.stale_elders, True), ("未解决冲突", own.open_conflicts, True),
            ("近30天活码扫码", own.scans_30d, False), ("扫码自报（人次）", own.self_reported, False)]


def branch_scan_rows(conn: Connection, figures: Figures, branch_id: str) -> list[dict[str, Any]]:
    """Each lesson of the branch's codes or check-ins, with its title (the branch's own lessons too)."""
    lesson_ids = {lesson for owner, lesson in figures.scans if owner == branch_id and lesson}
    lesson_ids |= {lesson for owner, lesson in figures.self_reported if owner == branch_id}
    titles = {}
    if lesson_ids:
        found = conn.execute(select(records.c.id, records.c.data).where(
            records.c.table_name == "lessons", records.c.id.in_(sorted(lesson_ids)))).all()
        titles = {row.id: str(json.loads(row.data).get("title") or "") for row in found}
    rows = []
    for lesson_id in lesson_ids:
        recent, scans = figures.scans.get((branch_id, lesson_id), (0, 0))
        rows.append({"title": titles.get(lesson_id) or "（课程已删除）", "scans": scans, "scans_30d": recent,
                     "self_reported": figures.self_reported.get((branch_id, lesson_id), 0)})
    rows.sort(key=lambda row: (-row["scans"], row["title"]))
    return rows


def describe_conflict_record(table: str, record_id: str, lookup: Lookup) -> str:
    """“党员 张三”, “学习记录 张三《第1讲》2026-11-20”, … (the table and id when unknown)."""
    row = lookup.rows.get((table, record_id))
    if row is None:
        return f"{table_label(table)}（{record_id}）"
    return describe_record(table, row, lookup.name_of, record_id)


def conflict_rows(conflicts: list[dict[str, Any]], lookup: Lookup) -> list[dict[str, Any]]:
    rows = []
    for c in conflicts:
        table, field = str(c.get("table_name")), str(c.get("field"))
        state = RESOLUTIONS.get(c.get("resolution"), str(c.get("resolution")))
        by = " ".join(x for x in (str(c.get("resolved_by") or ""), china_time(c.get("resolved_at"))) if x)
        rows.append({
            "at": china_time(c.get("updated_at")), "branch_id": c.get("branch_id"),
            "branch_name": c.get("branch_name") or c.get("branch_id"),
            "record": describe_conflict_record(table, str(c.get("record_id")), lookup),
            "field": field_label(table, field),
            "kept": spoken_value(field, decode_value(c.get("kept_value")), lookup.name_of),
            "lost": spoken_value(field, decode_value(c.get("lost_value")), lookup.name_of),
            "device": c.get("lost_device") or "不详",
            "kept_at": china_time(c.get("kept_updated_at")) or "不详",
            "lost_at": china_time(c.get("lost_updated_at")) or "不详",
            "state": state + (f"（{by}）" if by and c.get("resolution") else ""),
        })
    return rows
