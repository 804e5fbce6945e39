"""Report figures against figures worked out by hand on a small fixed branch."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from core.lessons.study import StudyEntry, list_records, record_study, void_record
from core.reports.period import PeriodError, months_before, parse_period
from core.reports.study_export import export_study_xlsx
from core.reports.study_report import build_study_report
from core.store import Store
from tests.study_branch import make_study_branch
from tests.support import TODAY


@pytest.fixture
def branch(store: Store) -> dict[str, str]:
    return make_study_branch(store)


def test_coverage_counts_members_expected_to_study_by_group(store: Store, branch: dict[str, str]) -> None:
    report = build_study_report(store, parse_period("2026-Q4"), today=TODAY)
    by_title = {c.title: c for c in report.coverage}
    assert set(by_title) == {"课一", "课二"}  # the archived lesson is left out
    l1, l2 = by_title["课一"], by_title["课二"]
    # Expected to study: a1 a2 a3 b1 b2 n1 (b3 去世 is not). 课一: a1 b1 n1; 课二: a1 a2 (n1's is voided).
    assert (l1.studied, l1.total) == (3, 6)
    assert (l2.studied, l2.total) == (2, 6)
    assert {g.group: (g.studied, g.total) for g in l1.groups} == {"一组": (1, 3), "二组": (1, 2), "未分组": (1, 1)}
    assert {g.group: (g.studied, g.total) for g in l2.groups} == {"一组": (2, 3), "二组": (0, 2), "未分组": (0, 1)}
    assert l1.rate == pytest.approx(0.5)


def test_quarter_ledger_totals(store: Store, branch: dict[str, str]) -> None:
    report = build_study_report(store, parse_period("2026-Q4"), today=TODAY)
    rows = {r.name: r for r in report.ledger}
    # a1: 课一 twice (30 + 30), 课二 once (20): 3 records, 2 lessons, 80 minutes, 1.0 + 0.5 credit hours.
    a1 = rows["安一"]
    assert (a1.records, a1.lessons, a1.minutes, a1.credit_hours) == (3, 2, 80, 1.5)
    assert a1.monthly_minutes == [30, 50, 0]
    assert (rows["白一"].records, rows["白一"].minutes, rows["白一"].credit_hours) == (1, 45, 1.0)
    assert (rows["安二"].records, rows["安二"].minutes) == (0, 0)  # studied in August, outside Q4
    assert rows["农一"].records == 1  # the voided record does not count
    # b3 is no longer expected to study but studied in the period: listed with the status.
    assert rows["白三"].status == "去世" and rows["白三"].records == 1
    assert len(report.ledger) == 7
    assert report.totals == {"records": 6, "members_studied": 4, "minutes": 185, "credit_hours": 4.5}
    assert report.monthly_counts == [("2026-10", 1), ("2026-11", 5), ("2026-12", 0)]


def test_month_ledger_and_year(store: Store, branch: dict[str, str]) -> None:
    october = {r.name: r for r in build_study_report(store, parse_period("2026-10"), today=TODAY).ledger}
    assert (october["安一"].records, october["安一"].minutes, october["安一"].credit_hours) == (1, 30, 1.0)
    year = build_study_report(store, parse_period("2026"), today=TODAY)
    assert year.totals == {"records": 7, "members_studied": 5, "minutes": 205, "credit_hours": 5.0}
    assert len(year.monthly_counts) == 12


def test_members_with_no_recent_study(store: Store, branch: dict[str, str]) -> None:
    report = build_study_report(store, parse_period("2026-11"), idle_months=3, today=TODAY)
    assert report.idle_since.isoformat() == "2026-08-22"
    # a2 last studied on 2026-08-01; a3 and b2 never; b3 is not expected to study.
    assert {(m.name, m.last_study) for m in report.idle} == {("安二", "2026-08-01"), ("安三", None), ("白二", None)}
    longer = build_study_report(store, parse_period("2026-11"), idle_months=4, today=TODAY)
    assert {m.name for m in longer.idle} == {"安三", "白二"}


def test_periods() -> None:
    assert parse_period("2026-Q4").months == ["2026-10", "2026-11", "2026-12"]
    assert parse_period("2026-2").end.isoformat() == "2026-02-28"
    assert parse_period("2026").label == "2026年"
    assert months_before(TODAY.replace(month=5, day=31), 3).isoformat() == "2026-02-28"
    for bad in ("2026-13", "26-Q1", "2026-Q5", "十一月"):
        with pytest.raises(PeriodError, match="统计期间"):
            parse_period(bad)


def test_xlsx_export_holds_the_same_figures(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_study_xlsx(store, parse_period("2026-Q4"), out, today=TODAY)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["学习台账", "学习明细", "课程覆盖", "扫码与学习", "未学习名单", "按月统计"]
    ledger = [row for row in wb["学习台账"].iter_rows(min_row=3, values_only=True)]
    by_name = {row[2]: row for row in ledger}
    assert by_name["安一"][4:12] == (3, 0, 2, 80, 1.5, 30, 50, 0)  # 3 records, none self-reported
    assert ledger[-1][0] == "合计" and ledger[-1][4] == 6 and ledger[-1][7] == 185
    details = list(wb["学习明细"].iter_rows(min_row=3, values_only=True))
    assert len(details) == 6
    home_visit = next(d for d in details if d[2] == "白一")
    assert home_visit[:8] == ("2026-11-20", "二组", "白一", "课一", "送学上门", 45, 1.0, "安一")
    idle = {row[1]: row[3] for row in wb["未学习名单"].iter_rows(min_row=3, values_only=True)}
    assert idle == {"安二": "2026-08-01", "安三": "从未学习", "白二": "从未学习"}
    coverage = {row[0]: row[2:5] for row in wb["课程覆盖"].iter_rows(min_row=3, values_only=True)}
    assert coverage["课一"] == (3, 6, "50%")
    wb.close()


def test_a_snapshot_is_reused_until_the_records_change(store: Store, branch: dict[str, str]) -> None:
    first = build_study_report(store, parse_period("2026-Q4"), today=TODAY)
    again = build_study_report(store, parse_period("2026"), today=TODAY, snapshot=first.snapshot)
    assert again.snapshot is first.snapshot  # nothing changed: the records were not read again
    record_study(store, StudyEntry(branch["L2"], "2026-11-21", "self_scan"), [branch["a3"]], today=TODAY)
    after_entry = build_study_report(store, parse_period("2026-Q4"), today=TODAY, snapshot=first.snapshot)
    assert after_entry.snapshot is not first.snapshot
    assert after_entry.totals["records"] == first.totals["records"] + 1
    voided = list_records(store, member_id=branch["a3"])[0]["id"]
    void_record(store, voided, "录错了人")
    after_void = build_study_report(store, parse_period("2026-Q4"), today=TODAY, snapshot=after_entry.snapshot)
    assert after_void.totals == first.totals


def test_new_records_are_added_to_the_last_snapshot_as_if_all_were_read(store: Store, branch: dict[str, str]) -> None:
    first = build_study_report(store, parse_period("2026"), today=TODAY)
    months_before_entry = {month: len(rows) for month, rows in first.snapshot.by_month().items()}
    learners_before = {lesson: set(ids) for lesson, ids in first.snapshot.learners_and_last_study()[0].items()}
    record_study(store, StudyEntry(branch["L2"], "2026-11-21", "self_scan"), [branch["a3"]], today=TODAY)
    grown = build_study_report(store, parse_period("2026"), today=TODAY, snapshot=first.snapshot)
    fresh = build_study_report(store, parse_period("2026"), today=TODAY)
    assert grown.snapshot.rows[: len(first.snapshot.rows)] == first.snapshot.rows  # kept, the new one added
    assert len(grown.snapshot.rows) == len(fresh.snapshot.rows) == len(first.snapshot.rows) + 1
    for field_name in ("coverage", "ledger", "idle", "monthly_counts", "scans", "totals"):
        assert getattr(grown, field_name) == getattr(fresh, field_name), field_name
    # the earlier snapshot is left as it was
    assert {month: len(rows) for month, rows in first.snapshot.by_month().items()} == months_before_entry
    assert first.snapshot.learners_and_last_study()[0] == learners_before
    voided = list_records(store, member_id=branch["a3"])[0]["id"]
    void_record(store, voided, "录错了人")
    after_void = build_study_report(store, parse_period("2026"), today=TODAY, snapshot=grown.snapshot)
    assert len(after_void.snapshot.rows) == len(grown.snapshot.rows) - 1  # a void: all read again
    assert after_void.totals == build_study_report(store, parse_period("2026"), today=TODAY).totals
