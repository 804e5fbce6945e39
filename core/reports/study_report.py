"""The study report (统计报表): lesson coverage, the per-member ledger (学习台账), members with no
recent study and study counts by month — the same figures for the screen, XLSX and PDF."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.lessons.fields import STUDYING_STATUSES
from core.lessons.study import studying_members
from core.reports.period import Period, months_before
from core.roster.fields import STATUSES
from core.store import Store

NO_GROUP = "未分组"
_STUDYING = "(" + ", ".join(f"'{s}'" for s in STUDYING_STATUSES) + ")"


@dataclass(frozen=True)
class GroupCoverage:
    group: str
    studied: int
    total: int


@dataclass(frozen=True)
class LessonCoverage:
    lesson_id: str
    title: str
    published_date: str | None
    studied: int  # members expected to study who have studied the lesson (on any date)
    total: int  # members expected to study (正常 and 流动)
    groups: list[GroupCoverage]

    @property
    def rate(self) -> float:
        return self.studied / self.total if self.total else 0.0


@dataclass
class LedgerRow:
    member_id: str
    name: str
    group: str
    status: str  # Chinese label
    records: int = 0
    lessons: int = 0  # distinct lessons studied in the period
    minutes: int = 0
    credit_hours: float = 0.0  # each lesson's credit hours counted once per member and period
    monthly_minutes: list[int] = field(default_factory=list)  # one per month of the period


@dataclass(frozen=True)
class IdleMember:
    member_id: str
    name: str
    group: str
    phone: str
    last_study: str | None  # ISO date of the latest study, None when never


@dataclass
class StudyReport:
    period: Period
    coverage: list[LessonCoverage]
    ledger: list[LedgerRow]
    idle: list[IdleMember]
    idle_months: int
    idle_since: date  # no study on or after this day
    monthly_counts: list[tuple[str, int]]  # (YYYY-MM, records) for each month of the period

    @property
    def totals(self) -> dict[str, Any]:
        return {
            "records": sum(r.records for r in self.ledger),
            "members_studied": sum(1 for r in self.ledger if r.records),
            "minutes": sum(r.minutes for r in self.ledger),
            "credit_hours": round(sum(r.credit_hours for r in self.ledger), 2),
        }


def lesson_coverage(store: Store, members: list[dict[str, Any]] | None = None) -> list[LessonCoverage]:
    """For each current lesson: how many members expected to study have studied it, by 党小组."""
    members = studying_members(store) if members is None else members
    group_totals: dict[str, int] = defaultdict(int)
    for m in members:
        group_totals[m["group_name"] or NO_GROUP] += 1
    studied: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in store.query(
        "SELECT r.lesson_id, g.name AS group_name, count(DISTINCT r.member_id) AS n "
        "FROM study_records r JOIN members m ON m.id = r.member_id "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 "
        f"WHERE r.deleted = 0 AND m.deleted = 0 AND m.status IN {_STUDYING} "
        "GROUP BY r.lesson_id, g.name"
    ):
        studied[row["lesson_id"]][row["group_name"] or NO_GROUP] += row["n"]
    lessons = store.query(
        "SELECT id, title, published_date FROM lessons WHERE deleted = 0 AND archived = 0 "
        "ORDER BY coalesce(published_date, '') DESC, title"
    )
    out = []
    for lesson in lessons:
        per_group = studied.get(lesson["id"], {})
        groups = [GroupCoverage(name, per_group.get(name, 0), total) for name, total in group_totals.items()]
        out.append(
            LessonCoverage(lesson["id"], lesson["title"], lesson["published_date"],
                           sum(per_group.values()), len(members), groups)
        )
    return out


def study_ledger(store: Store, period: Period, members: list[dict[str, Any]] | None = None) -> list[LedgerRow]:
    """One row per member expected to study, plus anyone else who studied in the period."""
    members = studying_members(store) if members is None else members
    months = period.months
    month_index = {m: i for i, m in enumerate(months)}
    rows: dict[str, LedgerRow] = {}

    def row_for(member: dict[str, Any]) -> LedgerRow:
        return LedgerRow(member["id"], member["name"], member["group_name"] or NO_GROUP,
                         STATUSES.get(member["status"], member["status"]), monthly_minutes=[0] * len(months))

    for member in members:
        rows[member["id"]] = row_for(member)
    bounds = (period.start.isoformat(), period.end.isoformat())
    for rec in store.query(
        "SELECT member_id, substr(study_date, 1, 7) AS month, count(*) AS n, "
        "coalesce(sum(minutes), 0) AS minutes, count(DISTINCT lesson_id) AS lessons "
        "FROM study_records WHERE deleted = 0 AND study_date BETWEEN ? AND ? GROUP BY member_id, month",
        bounds,
    ):
        row = rows.get(rec["member_id"])
        if row is None:
            row = rows[rec["member_id"]] = row_for(_other_member(store, rec["member_id"]))
        row.records += rec["n"]
        row.minutes += rec["minutes"]
        row.monthly_minutes[month_index[rec["month"]]] += rec["minutes"]
    for rec in store.query(
        "SELECT d.member_id, count(*) AS lessons, coalesce(sum(l.credit_hours), 0) AS credit "
        "FROM (SELECT DISTINCT member_id, lesson_id FROM study_records "
        "      WHERE deleted = 0 AND study_date BETWEEN ? AND ?) d "
        "JOIN lessons l ON l.id = d.lesson_id GROUP BY d.member_id",
        bounds,
    ):
        row = rows[rec["member_id"]]
        row.lessons = rec["lessons"]
        row.credit_hours = round(rec["credit"], 2)
    return list(rows.values())


def _other_member(store: Store, member_id: str) -> dict[str, Any]:
    found = store.query(
        "SELECT m.id, m.name, m.status, g.name AS group_name FROM members m "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 WHERE m.id = ?",
        (member_id,),
    )
    return found[0]


def idle_members(
    store: Store, months: int, today: date, members: list[dict[str, Any]] | None = None
) -> tuple[date, list[IdleMember]]:
    """Members expected to study with no study record on or after the day ``months`` months ago."""
    members = studying_members(store) if members is None else members
    since = months_before(today, months)
    last = {
        row["member_id"]: row["last"]
        for row in store.query(
            "SELECT member_id, max(study_date) AS last FROM study_records WHERE deleted = 0 GROUP BY member_id"
        )
    }
    idle = [
        IdleMember(m["id"], m["name"], m["group_name"] or NO_GROUP, m["phone"] or "", last.get(m["id"]))
        for m in members
        if (last.get(m["id"]) or "") < since.isoformat()
    ]
    return since, idle


def monthly_counts(store: Store, period: Period) -> list[tuple[str, int]]:
    counts = {
        row["month"]: row["n"]
        for row in store.query(
            "SELECT substr(study_date, 1, 7) AS month, count(*) AS n FROM study_records "
            "WHERE deleted = 0 AND study_date BETWEEN ? AND ? GROUP BY month",
            (period.start.isoformat(), period.end.isoformat()),
        )
    }
    return [(month, counts.get(month, 0)) for month in period.months]


def build_study_report(store: Store, period: Period, *, idle_months: int = 3, today: date | None = None) -> StudyReport:
    members = studying_members(store)
    since, idle = idle_members(store, idle_months, today or date.today(), members)
    return StudyReport(
        period=period,
        coverage=lesson_coverage(store, members),
        ledger=study_ledger(store, period, members),
        idle=idle,
        idle_months=idle_months,
        idle_since=since,
        monthly_counts=monthly_counts(store, period),
    )


DETAIL_HEADERS = ["学习日期", "党小组", "姓名", "微党课", "学习方式", "时长（分钟）", "学时", "帮学人", "录入人", "备注"]


def ledger_details(store: Store, period: Period) -> Iterator[tuple[Any, ...]]:
    """Every valid record of the period, by group, member and date (rows for the detail sheet)."""
    from core.lessons.fields import METHODS

    cursor = store.conn.execute(
        "SELECT r.study_date, coalesce(g.name, ?), m.name, l.title, r.method, r.minutes, l.credit_hours, "
        "h.name, r.entered_by, r.note "
        "FROM study_records r JOIN members m ON m.id = r.member_id JOIN lessons l ON l.id = r.lesson_id "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 "
        "LEFT JOIN members h ON h.id = r.helper_id "
        "WHERE r.deleted = 0 AND r.study_date BETWEEN ? AND ? "
        "ORDER BY g.sort_order IS NULL, g.sort_order, m.name_pinyin, m.id, r.study_date",
        (NO_GROUP, period.start.isoformat(), period.end.isoformat()),
    )
    for row in cursor:
        yield (*row[:4], METHODS.get(row[4], row[4]), *row[5:])
