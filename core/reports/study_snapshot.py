"""The valid study records a report is made from, read once and reused: a screen that shows report
after report (other periods, another N) passes the last snapshot back, and the records are read
again only if they changed — and when the only change is new records (the usual one: a record was
entered), only those are read and added to the last snapshot."""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from core.store import Store

Row = tuple[str, str, str, "int | None", int]  # member_id, lesson_id, study_date, minutes, self_reported


@dataclass(frozen=True)
class MonthStats:
    """The records of one month, counted: a period's figures are the sums of its months'."""

    count: int
    records: Counter[str]  # member → records
    minutes: dict[str, int]  # member → minutes
    lessons: dict[str, set[str]]  # member → lessons studied
    lesson_records: Counter[str]  # lesson → records
    self_reported: Counter[str]  # member → records reported from the phone
    lesson_self_reported: Counter[str]  # lesson → records reported from the phone


def month_stats(rows: list[Row]) -> MonthStats:
    minutes: dict[str, int] = defaultdict(int)
    lessons: dict[str, set[str]] = defaultdict(set)
    own: list[Row] = []
    for member_id, lesson_id, _day, spent, self_reported in rows:
        lessons[member_id].add(lesson_id)
        if spent:
            minutes[member_id] += spent
        if self_reported:
            own.append((member_id, lesson_id, _day, spent, self_reported))
    member, lesson = itemgetter(0), itemgetter(1)
    return MonthStats(len(rows), Counter(map(member, rows)), dict(minutes), dict(lessons),
                      Counter(map(lesson, rows)), Counter(map(member, own)), Counter(map(lesson, own)))


@dataclass(frozen=True)
class RecordSnapshot:
    """The valid study records as (member_id, lesson_id, study_date, minutes, self_reported), with
    the state of the database they were read from. What does not depend on the period is worked out
    once per snapshot and kept in ``all_time``; snapshots and what they keep are read only."""

    key: tuple[int, int, int]  # revision counter, highest rowid, number of valid records
    rows: list[Row]
    all_time: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def by_month(self) -> dict[str, list[Row]]:
        """The rows grouped by month (``YYYY-MM``), made on first use: a period reads only its months."""
        grouped = self.all_time.get("by_month")
        if grouped is None:
            grouped = self.all_time["by_month"] = _group_by_month(self.rows)
        return grouped  # type: ignore[no-any-return]

    def month_stats(self, month: str) -> MonthStats:
        """The records of ``month`` counted. On first use every month is counted (one pass over the
        records), so that any period after it is quick; a month new records fall in, again when asked."""
        known: dict[str, MonthStats] | None = self.all_time.get("month_stats")
        if known is None:
            known = self.all_time["month_stats"] = {m: month_stats(rows) for m, rows in self.by_month().items()}
        stats = known.get(month)
        if stats is None:
            stats = known[month] = month_stats(self.by_month().get(month, []))
        return stats

    def learners_and_last_study(self) -> tuple[dict[str, set[str]], dict[str, str]]:
        """Who studied each lesson (any date) and each member's latest study date."""
        known = self.all_time.get("tally")
        if known is None:
            known = self.all_time["tally"] = _learners_and_last_study(self.rows, defaultdict(set), {})
        return known  # type: ignore[no-any-return]

    def extended(self, key: tuple[int, int, int], added: list[Row]) -> RecordSnapshot:
        """This snapshot with the new records ``added``: what it has worked out is carried over, the
        parts the new records touch copied first, so that this snapshot stays as it was."""
        grown = RecordSnapshot(key, self.rows + added)
        # The members and lesson coverage of this snapshot, for the report made from the new one to reuse
        # (see study_report.build_study_report); the lessons of the new records are counted again.
        grown.all_time["carried"] = (self.all_time.get("members"), self.all_time.get("coverage"),
                                     {row[1] for row in added})
        grouped = self.all_time.get("by_month")
        if grouped is not None:
            carried = dict(grouped)
            counted = self.all_time.get("month_stats")
            stats = dict(counted) if counted is not None else None
            for month, rows in _group_by_month(added).items():
                carried[month] = carried.get(month, []) + rows
                if stats is not None:
                    stats.pop(month, None)  # counted again when asked for
            grown.all_time["by_month"] = carried
            if stats is not None:
                grown.all_time["month_stats"] = stats
        known = self.all_time.get("tally")
        if known is not None:
            learners = defaultdict(set, known[0])
            for lesson_id in {row[1] for row in added}:
                learners[lesson_id] = set(learners.get(lesson_id, ()))
            grown.all_time["tally"] = _learners_and_last_study(added, learners, dict(known[1]))
        return grown


def _group_by_month(rows: Iterable[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row[2][:7]].append(row)
    return dict(grouped)


def _learners_and_last_study(
    rows: Iterable[Row], learners: dict[str, set[str]], last_study: dict[str, str]
) -> tuple[dict[str, set[str]], dict[str, str]]:
    for member_id, lesson_id, day, _minutes, _self_reported in rows:
        learners[lesson_id].add(member_id)
        if day > last_study.get(member_id, ""):
            last_study[member_id] = day
    return learners, last_study


def _snapshot_key(store: Store) -> tuple[int, int, int]:
    # Every write through Store bumps the revision counter; the rowid and the count of valid records
    # also catch rows written by other means (records are immutable: only inserts and voids happen).
    rev = int(store.scalar("SELECT value FROM rev_counter WHERE id = 1") or 0)
    top = int(store.scalar("SELECT max(rowid) FROM study_records") or 0)
    valid = int(store.scalar("SELECT count(*) FROM study_records WHERE deleted = 0") or 0)
    return rev, top, valid


def _added_since(store: Store, previous: RecordSnapshot, key: tuple[int, int, int]) -> list[Row] | None:
    """The records added since ``previous`` when adding is all that happened to the records; None when
    a record read before was changed (voided) or the counts do not add up: then all are read again."""
    rev, top, valid = previous.key
    # Every row written since carries a newer revision (Store and the sync pull both take one).
    changed = store.conn.execute(
        "SELECT rowid, deleted, member_id, lesson_id, study_date, minutes, self_reported FROM study_records "
        "WHERE rev > ?", (rev,)
    ).fetchall()
    if any(rowid <= top for rowid, *_rest in changed):
        return None
    added: list[Row] = [(m, lesson, day, minutes, own) for _r, deleted, m, lesson, day, minutes, own in changed
                        if not deleted]
    if key[1] < top or key[2] != valid + len(added):
        return None
    return added


def record_snapshot(store: Store, previous: RecordSnapshot | None = None) -> RecordSnapshot:
    """The valid records now: ``previous`` itself when nothing has changed since it was read,
    ``previous`` with the new records when records were only added."""
    key = _snapshot_key(store)
    if previous is not None:
        if previous.key == key:
            return previous
        added = _added_since(store, previous, key)
        if added is not None:
            return previous.extended(key, added)
    collecting = gc.isenabled()
    gc.disable()  # ~100,000 tuples that form no cycles: collections would only walk them again
    try:
        # Every valid record is read, in no particular order: a plain scan of the table is quicker than
        # walking the partial date index SQLite would otherwise pick and looking each row up from it.
        rows = store.conn.execute(
            "SELECT member_id, lesson_id, study_date, minutes, self_reported FROM study_records NOT INDEXED "
            "WHERE deleted = 0"
        ).fetchall()
    finally:
        if collecting:
            gc.enable()
    return RecordSnapshot(key, rows)
