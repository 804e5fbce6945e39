"""The study report (统计报表): lesson coverage, the per-member ledger (学习台账), members with no
recent study, study counts by month, and the scans of each lesson's live codes (活码) against the
study recorded — the same figures for the screen, XLSX and PDF."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import Any

from core.lessons.fields import METHODS, method_text
from core.lessons.study import studying_members
from core.reports.period import Period, months_before, parse_period
from core.reports.study_snapshot import RecordSnapshot, record_snapshot
from core.roster.fields import STATUSES
from core.store import Store

NO_GROUP = "未分组"


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
    self_reported: int = 0  # of the records, those the member reported from the phone (扫码自报)


@dataclass(frozen=True)
class LessonScans:
    """One lesson in the period: scans of its live codes against the study recorded."""

    lesson_id: str
    title: str
    published_date: str | None
    scans: int  # scans of the codes that led to this lesson, on days of the period
    records: int  # study records of the lesson dated in the period
    self_reported: int  # of those, reported by the member from the phone after scanning (扫码自报)


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
    scans: list[LessonScans] = field(default_factory=list)  # lessons scanned or studied in the period
    snapshot: RecordSnapshot | None = field(default=None, repr=False)  # the records it was made from

    @property
    def totals(self) -> dict[str, Any]:
        return {
            "records": sum(r.records for r in self.ledger),
            "members_studied": sum(1 for r in self.ledger if r.records),
            "minutes": sum(r.minutes for r in self.ledger),
            "credit_hours": round(sum(r.credit_hours for r in self.ledger), 2),
        }

    @property
    def scan_totals(self) -> dict[str, int]:
        """Scans of every live code that led to a lesson, study records and self-reported records
        of the period."""
        return {
            "scans": sum(s.scans for s in self.scans),
            "records": sum(s.records for s in self.scans),
            "self_reported": sum(s.self_reported for s in self.scans),
        }


@dataclass
class _Tally:
    """Everything the report needs from the records of a period."""

    learners: dict[str, set[str]]  # lesson → members (any date)
    last_study: dict[str, str]  # member → latest date
    records: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # member → in period
    minutes: dict[str, list[int]] = field(default_factory=dict)  # member → minutes per month of period
    lessons: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # member → in period
    monthly: dict[str, int] = field(default_factory=dict)  # month → records
    lesson_records: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # lesson → in period
    self_reported: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # member → in period
    lesson_self_reported: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # lesson → in period


def _tally(snapshot: RecordSnapshot, period: Period) -> _Tally:
    """The period's figures, summed from its months' (a period is a month, a quarter or a year).

    For a year of 100,000 records counting in Python is several times faster than SQLite GROUP BY
    queries with DISTINCT over the same rows (measured by benchmarks.study_ledger); each month is
    counted once per snapshot and kept with it, as is what does not depend on the period (who studied
    each lesson, each member's latest study)."""
    months = period.months
    learners, last_study = snapshot.learners_and_last_study()
    tally = _Tally(learners, last_study, monthly=dict.fromkeys(months, 0))
    stats = [snapshot.month_stats(month) for month in months]
    for month, counted in zip(months, stats, strict=True):
        tally.monthly[month] = counted.count
    if len(stats) == 1:  # one month: its counts as they are (read only, as the snapshot's are)
        only = stats[0]
        tally.records, tally.lessons, tally.lesson_records = only.records, only.lessons, only.lesson_records
        tally.self_reported, tally.lesson_self_reported = only.self_reported, only.lesson_self_reported
        tally.minutes = {member_id: [spent] for member_id, spent in only.minutes.items()}
        return tally
    lessons = tally.lessons
    for index, counted in enumerate(stats):
        for counter, part in ((tally.records, counted.records), (tally.lesson_records, counted.lesson_records),
                              (tally.self_reported, counted.self_reported),
                              (tally.lesson_self_reported, counted.lesson_self_reported)):
            for key, number in part.items():
                counter[key] += number
        for member_id, studied in counted.lessons.items():
            lessons[member_id] |= studied
        for member_id, spent in counted.minutes.items():
            per_month = tally.minutes.get(member_id)
            if per_month is None:
                per_month = tally.minutes[member_id] = [0] * len(months)
            per_month[index] = spent
    return tally


def _coverage(
    store: Store, members: list[dict[str, Any]], tally: _Tally, earlier: tuple[list[LessonCoverage], set[str]] | None = None
) -> list[LessonCoverage]:
    """Coverage of every current lesson. ``earlier``: the coverage for the same members before records
    of the given lessons were added; the other lessons' coverage is kept as it was."""
    group_of = {m["id"]: m["group_name"] or NO_GROUP for m in members}
    group_totals: dict[str, int] = defaultdict(int)
    for group in group_of.values():
        group_totals[group] += 1
    lessons = store.query(
        "SELECT id, title, published_date FROM lessons WHERE deleted = 0 AND archived = 0 "
        "ORDER BY coalesce(published_date, '') DESC, title"
    )
    kept: dict[str, LessonCoverage] = {}
    if earlier is not None:
        previous, touched = earlier
        kept = {c.lesson_id: c for c in previous if c.lesson_id not in touched}
    out = []
    for lesson in lessons:
        same = kept.get(lesson["id"])
        if same is not None and (same.title, same.published_date) == (lesson["title"], lesson["published_date"]):
            out.append(same)
            continue
        per_group = Counter(map(group_of.get, tally.learners.get(lesson["id"], ())))
        per_group.pop(None, None)  # learners no longer expected to study
        groups = [GroupCoverage(name, per_group.get(name, 0), total) for name, total in group_totals.items()]
        out.append(
            LessonCoverage(lesson["id"], lesson["title"], lesson["published_date"],
                           sum(per_group.values()), len(members), groups)
        )
    return out


def _ledger(store: Store, period: Period, members: list[dict[str, Any]], tally: _Tally) -> list[LedgerRow]:
    months = len(period.months)

    def row_for(member: dict[str, Any]) -> LedgerRow:
        return LedgerRow(member["id"], member["name"], member["group_name"] or NO_GROUP,
                         STATUSES.get(member["status"], member["status"]), monthly_minutes=[0] * months)

    rows = {m["id"]: row_for(m) for m in members}
    for member_id in tally.records.keys() - rows.keys():  # studied, but no longer expected to study
        rows[member_id] = row_for(_other_member(store, member_id))
    credit = {
        r["id"]: r["credit_hours"] or 0.0
        for r in store.query("SELECT id, credit_hours FROM lessons WHERE deleted = 0")
    }
    for member_id, count in tally.records.items():
        row = rows[member_id]
        row.records = count
        row.monthly_minutes = tally.minutes.get(member_id, row.monthly_minutes)
        row.minutes = sum(row.monthly_minutes)
        studied = tally.lessons[member_id]
        row.lessons = len(studied)
        row.credit_hours = round(sum(map(credit.get, studied, repeat(0.0))), 2)
        row.self_reported = tally.self_reported.get(member_id, 0)
    return list(rows.values())


def _other_member(store: Store, member_id: str) -> dict[str, Any]:
    found = store.query(
        "SELECT m.id, m.name, m.status, g.name AS group_name FROM members m "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 WHERE m.id = ?",
        (member_id,),
    )
    return found[0]


def _scans(store: Store, period: Period, coverage: list[LessonCoverage], tally: _Tally) -> list[LessonScans]:
    """Each lesson scanned or studied in the period: the scans of its live codes (one grouped query
    over the scan counts) against its records of the period, most scanned first."""
    from core.qr.live_links import scans_by_lesson  # loaded when a report is made, not at start-up

    scans = scans_by_lesson(store, period.start.isoformat(), period.end.isoformat())
    active = {lesson_id for lesson_id, n in scans.items() if n} | tally.lesson_records.keys()
    titles = {c.lesson_id: (c.title, c.published_date) for c in coverage}
    missing = active - titles.keys()  # archived lessons, or ones deleted since
    if missing:
        for lesson in store.query("SELECT id, title, published_date FROM lessons"):
            if lesson["id"] in missing:
                titles[lesson["id"]] = (lesson["title"], lesson["published_date"])
    out = [
        LessonScans(lesson_id, *titles.get(lesson_id, ("（课程已删除）", None)), scans.get(lesson_id, 0),
                    tally.lesson_records.get(lesson_id, 0), tally.lesson_self_reported.get(lesson_id, 0))
        for lesson_id in active
    ]
    out.sort(key=lambda s: (-s.scans, -s.records, s.title, s.lesson_id))
    return out


def _idle(members: list[dict[str, Any]], tally: _Tally, since: date) -> list[IdleMember]:
    cutoff = since.isoformat()
    return [
        IdleMember(m["id"], m["name"], m["group_name"] or NO_GROUP, m["phone"] or "", tally.last_study.get(m["id"]))
        for m in members
        if tally.last_study.get(m["id"], "") < cutoff
    ]


def build_study_report(
    store: Store,
    period: Period,
    *,
    idle_months: int = 3,
    today: date | None = None,
    snapshot: RecordSnapshot | None = None,
) -> StudyReport:
    """All the report's figures for ``period``; "idle" means no study on or after the day
    ``idle_months`` months before ``today``. ``snapshot``: the records of an earlier report,
    reused when they are still current."""
    snapshot = record_snapshot(store, snapshot)
    # Members and lessons change only with a write, which makes a new snapshot: what comes of them
    # alone is kept with the snapshot.
    members = snapshot.all_time.get("members")
    if members is None:
        members = snapshot.all_time["members"] = studying_members(store)
    tally = _tally(snapshot, period)
    since = months_before(today or date.today(), idle_months)
    coverage = snapshot.all_time.get("coverage")
    if coverage is None:
        # Only records added since the last snapshot, for the same members: only their lessons change.
        carried = snapshot.all_time.pop("carried", None)
        earlier = (carried[1], carried[2]) if carried and carried[0] == members and carried[1] is not None else None
        coverage = snapshot.all_time["coverage"] = _coverage(store, members, tally, earlier)
    return StudyReport(
        period=period,
        coverage=coverage,
        ledger=_ledger(store, period, members, tally),
        idle=_idle(members, tally, since),
        idle_months=idle_months,
        idle_since=since,
        monthly_counts=list(tally.monthly.items()),
        scans=_scans(store, period, coverage, tally),
        snapshot=snapshot,
    )


def lesson_coverage(store: Store) -> list[LessonCoverage]:
    """For each current lesson: how many members expected to study have studied it, by 党小组."""
    return _coverage(store, studying_members(store), _tally(record_snapshot(store), parse_period("1900")))


DETAIL_HEADERS = ["学习日期", "党小组", "姓名", "微党课", "学习方式", "时长（分钟）", "学时", "帮学人", "录入人", "备注"]


def ledger_details(store: Store, period: Period) -> Iterator[tuple[Any, ...]]:
    """Every valid record of the period, by group, member and date (rows for the detail sheet); the
    method of a record the member reported from the phone carries the mark 扫码自报."""
    # The query marks the method code of a self-reported record, so each row needs one lookup only.
    marked = "#self_reported"
    labels = {**METHODS, **{code + marked: method_text(code, True) for code in METHODS}}
    cursor = store.conn.execute(
        "SELECT r.study_date, coalesce(g.name, ?), m.name, l.title, "
        "CASE WHEN r.self_reported THEN r.method || ? ELSE r.method END, r.minutes, l.credit_hours, "
        "h.name, r.entered_by, r.note "
        "FROM study_records r JOIN members m ON m.id = r.member_id JOIN lessons l ON l.id = r.lesson_id "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 "
        "LEFT JOIN members h ON h.id = r.helper_id "
        "WHERE r.deleted = 0 AND r.study_date BETWEEN ? AND ? "
        "ORDER BY g.sort_order IS NULL, g.sort_order, m.name_pinyin, m.id, r.study_date",
        (NO_GROUP, marked, period.start.isoformat(), period.end.isoformat()),
    )
    for row in cursor:
        method = labels.get(row[4])
        if method is None:  # a method this version does not know
            code = row[4] or ""
            method = method_text(code.removesuffix(marked), code.endswith(marked))
        yield (*row[:4], method, *row[5:])
