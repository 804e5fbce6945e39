"""Self-reported study (扫码自报) and live-code scans on screen, after sync brought them: the mark and
the filter in 学习记录, voiding a check-in, the 扫码 column of the catalogue, and the report page's
ledger column and 扫码与学习 tab — against the branch of tests/study_branch.py in a real file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.lessons.study import list_records
from core.store import Store
from tests.core.live_study import check_in, pull_rows, scan_day
from tests.study_branch import make_study_branch
from tests.support import TODAY
from tests.ui.helpers import WAIT_MS, idle, stored
from ui.context import AppContext
from ui.lessons.lesson_model import SCANS, STUDIED, TITLE
from ui.lessons.page import LessonsPage
from ui.lessons.record_model import LESSON, MEMBER, METHOD
from ui.reports.models import NAME, RECORDS, SCAN_LESSON, SCAN_RECORDS, SCAN_SELF_REPORTED
from ui.reports.models import SCANS as REPORT_SCANS
from ui.reports.models import SELF_REPORTED as LEDGER_SELF_REPORTED
from ui.reports.page import SCANS_TAB, ReportsPage


@pytest.fixture
def branch(ctx: AppContext) -> dict[str, str]:
    """安三 checked in to 课一 on 2026-11-15 and 白二 to 课二 on 2026-11-16; 课一's code was scanned
    7 times in November and 3 in October, 课二's 4 times in November."""
    store = Store.open(ctx.db_path)
    try:
        ids = make_study_branch(store)
        pull_rows(store, [
            check_in(store, ids["a3"], ids["L1"], "2026-11-15"),
            check_in(store, ids["b2"], ids["L2"], "2026-11-16", minutes=20),
            scan_day(store, "HD7K2M9Q", "2026-11-15", ids["L1"], 7),
            scan_day(store, "HD7K2M9Q", "2026-10-02", ids["L1"], 3),
            scan_day(store, "WX3P5RTA", "2026-11-16", ids["L2"], 4),
        ])
        return ids
    finally:
        store.close()


@pytest.fixture
def lessons_page(ctx: AppContext, branch: dict[str, str], qtbot) -> LessonsPage:  # type: ignore[no-untyped-def]
    page = LessonsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.catalogue.model.rowCount() == 3 and page.records.model.rowCount() == 9,
                    timeout=WAIT_MS)
    return page


def rows_of(records) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    proxy = records.proxy
    return [(proxy.index(r, MEMBER).data(), proxy.index(r, LESSON).data(), proxy.index(r, METHOD).data())
            for r in range(proxy.rowCount())]


def test_records_show_the_mark_and_filter_self_reported(lessons_page: LessonsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    records = lessons_page.records
    lessons_page.tabs.setCurrentWidget(records)
    shown = rows_of(records)
    assert ("安三", "课一", "自学扫码 · 扫码自报") in shown and ("白二", "课二", "自学扫码 · 扫码自报") in shown
    assert ("安一", "课二", "自学扫码") in shown  # self_scan entered at the office: no mark
    assert sum("扫码自报" in method for _, _, method in shown) == 2
    row = next(r for r in range(records.proxy.rowCount()) if records.proxy.index(r, MEMBER).data() == "安三")
    assert "手机" in records.proxy.index(row, METHOD).data(Qt.ItemDataRole.ToolTipRole)
    assert records.proxy.index(row, METHOD).data(Qt.ItemDataRole.ForegroundRole) is not None

    assert records.only_self_reported.text() == "只看扫码自报"
    records.only_self_reported.setChecked(True)
    qtbot.waitUntil(lambda: records.model.rowCount() == 2, timeout=WAIT_MS)
    assert sorted(rows_of(records)) == [("安三", "课一", "自学扫码 · 扫码自报"), ("白二", "课二", "自学扫码 · 扫码自报")]
    assert records.count_label.text() == "扫码自报 2 条"
    records.only_self_reported.setChecked(False)
    qtbot.waitUntil(lambda: records.model.rowCount() == 9, timeout=WAIT_MS)
    idle(lessons_page.ctx, qtbot)


def test_a_self_reported_record_is_voided_from_the_records_tab(lessons_page: LessonsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    records = lessons_page.records
    records.only_self_reported.setChecked(True)
    qtbot.waitUntil(lambda: records.model.rowCount() == 2, timeout=WAIT_MS)
    row = next(r for r in range(records.proxy.rowCount()) if records.proxy.index(r, MEMBER).data() == "安三")
    records.table.selectRow(row)
    assert records.void_button.isEnabled()
    target = records.selected_ids()
    records.void_records(target, "本人当天不在村里")
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=WAIT_MS)
    assert rows_of(records) == [("白二", "课二", "自学扫码 · 扫码自报")]
    voided = stored(lessons_page.ctx, list_records, self_reported=True, include_voided=True, member_id=None)
    assert {(r["member_name"], r["deleted"], r["void_reason"]) for r in voided} == {
        ("白二", 0, None), ("安三", 1, "本人当天不在村里")}
    records.show_voided.setChecked(True)
    qtbot.waitUntil(lambda: records.model.rowCount() == 2, timeout=WAIT_MS)
    row = next(r for r in range(records.proxy.rowCount()) if records.proxy.index(r, MEMBER).data() == "安三")
    assert records.proxy.index(row, METHOD).data(Qt.ItemDataRole.FontRole).strikeOut()
    idle(lessons_page.ctx, qtbot)


def test_the_catalogue_shows_the_scans_next_to_the_studied_count(lessons_page: LessonsPage) -> None:
    catalogue = lessons_page.catalogue
    model = catalogue.proxy
    assert SCANS == STUDIED + 1
    assert model.headerData(STUDIED, Qt.Orientation.Horizontal) == "已学人数"
    assert model.headerData(SCANS, Qt.Orientation.Horizontal) == "扫码"
    assert "活码" in model.headerData(SCANS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    catalogue.show_archived.setChecked(True)
    by_title = {model.index(r, TITLE).data(): (model.index(r, STUDIED).data(), model.index(r, SCANS).data())
                for r in range(model.rowCount())}
    # Expected to study: 安一 安二 安三 白一 白二 农一. 课一: 安一 白一 农一 and 安三's check-in.
    assert by_title == {"课一": ("4/6", "10"), "课二": ("3/6", "4"), "课三（已归档）": ("0/6", "0")}
    catalogue.table.sortByColumn(SCANS, Qt.SortOrder.DescendingOrder)
    assert model.index(0, TITLE).data() == "课一"
    assert "扫码" in catalogue.hint.text()


def test_the_report_page_gives_self_reported_and_scans_against_study(ctx: AppContext, branch: dict[str, str],
                                                                    qtbot) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(ctx)
    page.today = lambda: TODAY
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_period("2026-Q4")
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    ledger = page.ledger.proxy
    assert ledger.headerData(LEDGER_SELF_REPORTED, Qt.Orientation.Horizontal) == "扫码自报"
    by_name = {ledger.index(r, NAME).data(): (ledger.index(r, RECORDS).data(),
                                              ledger.index(r, LEDGER_SELF_REPORTED).data())
               for r in range(ledger.rowCount())}
    assert by_name["安三"] == ("1", "1") and by_name["白二"] == ("1", "1") and by_name["安一"] == ("3", "")

    assert page.tabs.tabText(SCANS_TAB) == "扫码与学习"
    page.tabs.setCurrentIndex(SCANS_TAB)
    scans = page.scans.table.model()
    assert [scans.headerData(c, Qt.Orientation.Horizontal) for c in range(scans.columnCount())] == [
        "微党课", "发布日期", "扫码次数", "学习人次", "扫码自报"]
    shown = [tuple(scans.index(r, c).data() for c in (SCAN_LESSON, REPORT_SCANS, SCAN_RECORDS, SCAN_SELF_REPORTED))
             for r in range(scans.rowCount())]
    # Q4: 课一 安一 ×2, 白一, 白三, 农一 and 安三's check-in; 课二 安一 and 白二's check-in.
    assert shown == [("课一", "10", "6", "1"), ("课二", "4", "2", "1")]
    assert page.scans.count.text() == "扫码 14 次，学习 8 人次，其中扫码自报 2 人次"

    page.set_period("2026-10")  # the records read are reused; the scans are counted for the new period
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    shown = [tuple(scans.index(r, c).data() for c in (SCAN_LESSON, REPORT_SCANS, SCAN_RECORDS))
             for r in range(scans.rowCount())]
    assert shown == [("课一", "3", "1")]
    idle(ctx, qtbot)
