"""The dashboard's figures: pure functions over a SQLAlchemy ``Connection``.

Every figure comes from the generic ``records`` table: one query per synced table (filtered by
``table_name``, and by branch for a branch page), the JSON ``data`` parsed here in Python, so the
same code runs on SQLite and PostgreSQL. Member rows decide who counts: a study record, a pairing
or a visit counts only for members present (not deleted) in the same branch.

Definitions (the same words the branch app uses):

- 党员数: members not deleted; 应学人数: those with status 正常 or 流动 (``STUDYING_STATUSES``).
- Coverage of a district lesson in a branch: distinct members expected to study who have a study
  record of it (voided records are deleted, so they do not count) / the branch's 应学人数.
- 结对: active pairings (``active`` = 1, not deleted) whose helper and elder are both in the roster.
- 近30天走访: visits not voided with ``visit_date`` within the last 30 days (China time).
- 扫码: scans of a branch's live codes (``scan_counts``, by the code's owner; the district's own codes
  under ``district``); 扫码自报: study records with ``self_reported`` (voided ones are deleted).
- 超过30天未走访: paired elders whose last visit — or the pairing's start, when later or when there is
  no visit — is more than 30 days ago (``core.pairing.fields.STALE_DAYS``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, case, func, select

from core.lessons.fields import STUDYING_STATUSES
from core.pairing.fields import STALE_DAYS
from core.sync.schema import DISTRICT
from server.db import records, scan_counts

CHINA = timezone(timedelta(hours=8), "北京时间")
STALE_SYNC_DAYS = 7
RECENT_DAYS = STALE_DAYS
MEMBER_REFS = ("member_id", "elder_id", "helper_id")
_REF_TABLES = {
    **dict.fromkeys(MEMBER_REFS, "members"), "lesson_id": "lessons", "skill_id": "skills", "group_id": "party_groups",
}
_CHUNK = 500


def china_now() -> datetime:
    return datetime.now(CHINA)


def parse_stamp(stamp: str | None) -> datetime | None:
    """A protocol timestamp (``2026-11-22T01:30:00.000Z``) as an aware datetime, or None."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def china_time(stamp: str | None) -> str:
    """``2026-11-22T01:30:00.000Z`` → ``2026-11-22 09:30`` (UTC+8); "" when absent or unreadable."""
    moment = parse_stamp(stamp)
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if moment else (stamp or "")


def sync_is_stale(stamp: str | None, now: datetime) -> bool:
    """True when the last sync is older than ``STALE_SYNC_DAYS`` (or there has been none)."""
    moment = parse_stamp(stamp)
    return moment is None or now - moment > timedelta(days=STALE_SYNC_DAYS)


def _day(text: Any) -> date | None:
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass
class BranchFigures:
    members: int = 0  # not deleted
    expected: int = 0  # 应学人数: status active or mobile
    study_records: int = 0
    pairings: int = 0  # active pairings
    elders: int = 0  # distinct elders in active pairings
    helpers: int = 0  # distinct helpers in active pairings
    recent_visits: int = 0  # visits in the last RECENT_DAYS days
    stale_elders: int = 0  # paired elders not visited for more than STALE_DAYS days
    open_conflicts: int = 0
    scans: int = 0  # scans of the branch's live codes, all time
    scans_30d: int = 0  # … in the last 30 China days
    self_reported: int = 0  # study records checked in from the phone (扫码自报), not voided

    def add(self, other: BranchFigures) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    published_date: str
    archived: bool


@dataclass(frozen=True)
class Coverage:
    studied: int
    expected: int

    @property
    def percent(self) -> int | None:
        """Rounded half up; never 100 before everyone has studied. None when nobody is expected."""
        if self.expected <= 0:
            return None
        value = (200 * self.studied + self.expected) // (2 * self.expected)
        return min(value, 99) if self.studied < self.expected else value


@dataclass
class Figures:
    branches: dict[str, BranchFigures] = field(default_factory=lambda: defaultdict(BranchFigures))
    lessons: list[Lesson] = field(default_factory=list)
    studied: dict[tuple[str, str], int] = field(default_factory=dict)  # (branch, lesson) → members
    self_reported: dict[tuple[str, str], int] = field(default_factory=dict)  # (branch, lesson) → records
    scans: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # → (30 days, all time)

    def branch(self, branch_id: str) -> BranchFigures:
        return self.branches.get(branch_id) or BranchFigures()

    def coverage(self, branch_id: str, lesson_id: str) -> Coverage:
        return Coverage(self.studied.get((branch_id, lesson_id), 0), self.branch(branch_id).expected)

    def totals(self, branch_ids: Iterable[str]) -> BranchFigures:
        total = BranchFigures()
        for branch_id in branch_ids:
            total.add(self.branch(branch_id))
        return total

    def lesson_total(self, lesson_id: str, branch_ids: Iterable[str]) -> Coverage:
        wanted = list(branch_ids)
        return Coverage(
            sum(self.studied.get((b, lesson_id), 0) for b in wanted),
            sum(self.branch(b).expected for b in wanted),
        )


def _rows(conn: Connection, table: str, branch_id: str | None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(branch_id, id, data) of the table's rows that are not deleted."""
    query = select(records.c.branch_id, records.c.id, records.c.data).where(
        records.c.table_name == table, records.c.deleted == 0
    )
    if branch_id is not None:
        query = query.where(records.c.branch_id == branch_id)
    for row in conn.execute(query):
        try:
            data = json.loads(row.data)
        except ValueError:
            continue
        if isinstance(data, dict):
            yield row.branch_id, row.id, data


def district_lessons(conn: Connection) -> list[Lesson]:
    """The district's lessons (not deleted), newest first."""
    lessons = [
        Lesson(row_id, str(data.get("title") or ""), str(data.get("published_date") or ""), bool(data.get("archived")))
        for _branch, row_id, data in _rows(conn, "lessons", DISTRICT)
    ]
    lessons.sort(key=lambda lesson: lesson.title)
    lessons.sort(key=lambda lesson: lesson.published_date, reverse=True)
    return lessons


def district_figures(conn: Connection, today: date, branch_id: str | None = None) -> Figures:
    """The figures of every branch (or of one), as of ``today`` (a China date)."""
    figures = Figures(lessons=district_lessons(conn))
    lesson_ids = {lesson.id for lesson in figures.lessons}
    present: set[tuple[str, str]] = set()
    expected: set[tuple[str, str]] = set()
    for branch, row_id, data in _rows(conn, "members", branch_id):
        present.add((branch, row_id))
        figures.branches[branch].members += 1
        if data.get("status") in STUDYING_STATUSES:
            expected.add((branch, row_id))
            figures.branches[branch].expected += 1

    studied: dict[tuple[str, str], set[str]] = defaultdict(set)
    self_reported: dict[tuple[str, str], int] = defaultdict(int)
    for branch, _id, data in _rows(conn, "study_records", branch_id):
        figures.branches[branch].study_records += 1
        member, lesson = data.get("member_id"), data.get("lesson_id")
        if data.get("self_reported"):
            figures.branches[branch].self_reported += 1
            self_reported[(branch, str(lesson))] += 1
        if lesson in lesson_ids and (branch, member) in expected:
            studied[(branch, str(lesson))].add(str(member))
    figures.studied = {key: len(members) for key, members in studied.items()}
    figures.self_reported = dict(self_reported)
    _scan_figures(conn, figures, today, branch_id)

    _pairing_figures(conn, figures, present, today, branch_id)

    for branch, _id, data in _rows(conn, "conflicts", branch_id):
        if not data.get("resolution"):
            figures.branches[branch].open_conflicts += 1
    return figures


def _scan_figures(conn: Connection, figures: Figures, today: date, branch_id: str | None) -> None:
    """Scans per (code's owner, lesson): one grouped query over ``scan_counts``."""
    since = (today - timedelta(days=29)).isoformat()
    recent = func.sum(case((scan_counts.c.day >= since, scan_counts.c.scans), else_=0))
    query = select(scan_counts.c.branch_id, scan_counts.c.lesson_id, recent.label("recent"),
                   func.sum(scan_counts.c.scans).label("total")).group_by(scan_counts.c.branch_id, scan_counts.c.lesson_id)
    if branch_id is not None:
        query = query.where(scan_counts.c.branch_id == branch_id)
    for row in conn.execute(query):
        owner, recent_scans, total = row.branch_id, int(row.recent or 0), int(row.total or 0)
        figures.scans[(owner, row.lesson_id)] = (recent_scans, total)
        figures.branches[owner].scans_30d += recent_scans
        figures.branches[owner].scans += total


def _pairing_figures(
    conn: Connection, figures: Figures, present: set[tuple[str, str]], today: date, branch_id: str | None
) -> None:
    anchors: dict[tuple[str, str], date] = {}  # (branch, elder) → latest start of an active pairing
    helpers: dict[str, set[str]] = defaultdict(set)
    for branch, _id, data in _rows(conn, "pairings", branch_id):
        elder, helper = str(data.get("elder_id")), str(data.get("helper_id"))
        if not data.get("active") or (branch, elder) not in present or (branch, helper) not in present:
            continue
        figures.branches[branch].pairings += 1
        helpers[branch].add(helper)
        start = _day(data.get("start_date")) or date.min
        anchors[(branch, elder)] = max(anchors.get((branch, elder), date.min), start)

    recent_from = today - timedelta(days=RECENT_DAYS)
    for branch, _id, data in _rows(conn, "help_visits", branch_id):
        visited = _day(data.get("visit_date"))
        if visited is None:
            continue
        if visited >= recent_from:
            figures.branches[branch].recent_visits += 1
        key = (branch, str(data.get("elder_id")))
        if key in anchors:
            anchors[key] = max(anchors[key], visited)

    for (branch, _elder), anchor in anchors.items():
        figures.branches[branch].elders += 1
        if (today - anchor).days > STALE_DAYS:
            figures.branches[branch].stale_elders += 1
    for branch, people in helpers.items():
        figures.branches[branch].helpers = len(people)


# -- what a conflict is about ----------------------------------------------------------------------


@dataclass
class Lookup:
    """Rows and names the conflict lists refer to: (table, id) → data, and display names by id."""

    rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)
    lessons: dict[str, str] = field(default_factory=dict)
    skills: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)

    def name_of(self, table: str, row_id: Any) -> str | None:
        names = {"members": self.members, "lessons": self.lessons, "skills": self.skills,
                 "party_groups": self.groups}.get(table, {})
        return names.get(str(row_id)) if row_id else None


def _fetch(conn: Connection, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = sorted({i for i in ids if isinstance(i, str) and i})
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = select(records.c.id, records.c.data).where(
            records.c.table_name == table, records.c.id.in_(wanted[start:start + _CHUNK])
        )
        for row in conn.execute(query):
            try:
                data = json.loads(row.data)
            except ValueError:
                continue
            if isinstance(data, dict):
                found[row.id] = data
    return found


def decode_value(text: Any) -> Any:
    """A conflict's kept or lost value: JSON text, decoded (the text itself when it is not JSON)."""
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def conflict_lookup(conn: Connection, conflicts: list[dict[str, Any]]) -> Lookup:
    """Everything needed to say in Chinese which row each conflict is about and what its values mean."""
    lookup = Lookup()
    by_table: dict[str, set[str]] = defaultdict(set)
    for conflict in conflicts:
        by_table[str(conflict.get("table_name"))].add(str(conflict.get("record_id")))
    for table, ids in by_table.items():
        for row_id, data in _fetch(conn, table, ids).items():
            lookup.rows[(table, row_id)] = data

    pairs: list[tuple[str, Any]] = [item for data in lookup.rows.values() for item in data.items()]
    for conflict in conflicts:
        field_name = str(conflict.get("field"))
        pairs += [(field_name, decode_value(conflict.get("kept_value"))), (field_name, decode_value(conflict.get("lost_value")))]
    refs: dict[str, set[str]] = defaultdict(set)
    for name, value in pairs:
        if name == "skill_ids":
            decoded = decode_value(value)
            if isinstance(decoded, list):
                refs["skills"].update(str(item) for item in decoded)
        elif isinstance(value, str) and name in _REF_TABLES:
            refs[_REF_TABLES[name]].add(value)
    lookup.members = {k: str(v.get("name") or "") for k, v in _fetch(conn, "members", refs["members"]).items()}
    lookup.lessons = {k: str(v.get("title") or "") for k, v in _fetch(conn, "lessons", refs["lessons"]).items()}
    lookup.skills = {k: str(v.get("name") or "") for k, v in _fetch(conn, "skills", refs["skills"]).items()}
    lookup.groups = {k: str(v.get("name") or "") for k, v in _fetch(conn, "party_groups", refs["party_groups"]).items()}
    return lookup
