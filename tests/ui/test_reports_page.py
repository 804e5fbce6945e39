"""The report page (统计报表) against a small branch whose figures are worked out by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, record_study
from core.reports.study_report import GroupCoverage, IdleMember, LedgerRow, LessonCoverage
from core.roster.members import add_member
from core.store import Store
from tests.support import TODAY
from ui.context import AppContext
from ui.main_window import PAGES
from ui.reports import page as page_module
from ui.reports.charts import LOW_COLOR, BarChart
from ui.reports.models import (
    CREDIT,
    IDLE_LAST,
    IDLE_NAME,
    LEDGER_FIRST_MONTH,
    LESSON,
    MINUTES,
    NAME,
    RATE,
    RECORDS,
    STUDIED,
    WARNING_COLOR,
    CoverageModel,
    IdleModel,
    LedgerFilterModel,
    LedgerModel,
)
from ui.reports.page import IDLE_TAB, ReportsPage
from ui.reports.period_picker import PeriodPicker

WAIT_MS = 10_000


@pytest.fixture
def branch(ctx: AppContext) -> dict[str, str]:
    """一组: 安一 安二 安三; 二组: 白一, 白二 (流动); 农一 without a group. 课一 (30 min, 1 学时) and
    课二 (20 min, 0.5 学时). Records:
      安一 课一 2026-10-05, 安一 课一 2026-11-02, 安一 课二 2026-11-10
      安二 课二 2026-08-01
      白一 课一 2026-11-20, 45 minutes, helped by 安一
      农一 课一 2026-11-03
    """
    store = Store.open(ctx.db_path)
    ids: dict[str, str] = {}
    try:
        for key, name, group, status in [
            ("a1", "安一", "一组", "正常"), ("a2", "安二", "一组", "正常"), ("a3", "安三", "一组", "正常"),
            ("b1", "白一", "二组", "正常"), ("b2", "白二", "二组", "流动"), ("n1", "农一", "", "正常"),
        ]:
            ids[key], _ = add_member(store, {"name": name, "group": group, "status": status}, today=TODAY)
        ids["L1"] = add_lesson(store, {"title": "课一", "minutes": 30, "credit_hours": 1,
                                       "published_date": "2026-06-01"})
        ids["L2"] = add_lesson(store, {"title": "课二", "minutes": 20, "credit_hours": 0.5,
                                       "published_date": "2026-07-01"})
        for member, lesson, day, method, extra in [
            ("a1", "L1", "2026-10-05", "self_scan", {}),
            ("a1", "L1", "2026-11-02", "group", {}),
            ("a1", "L2", "2026-11-10", "self_scan", {}),
            ("a2", "L2", "2026-08-01", "self_scan", {}),
            ("b1", "L1", "2026-11-20", "home", {"minutes": 45, "helper_id": ids["a1"]}),
            ("n1", "L1", "2026-11-03", "self_scan", {}),
        ]:
            record_study(store, StudyEntry(ids[lesson], day, method, **extra), [ids[member]], today=TODAY)
    finally:
        store.close()
    return ids


@pytest.fixture
def page(ctx: AppContext, branch: dict[str, str], qtbot) -> ReportsPage:  # type: ignore[no-untyped-def]
    reports = ReportsPage(ctx)
    reports.today = lambda: TODAY
    qtbot.addWidget(reports)
    reports.resize(1200, 800)
    reports.show()
    reports.set_period("2026-11")
    wait(reports, qtbot)
    return reports


def wait(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def column_of(model: QAbstractItemModel, title: str) -> int:
    for column in range(model.columnCount()):
        if str(model.headerData(column, Qt.Orientation.Horizontal)).split("\n")[0] == title:
            return column
    raise AssertionError(f"no column {title!r}")


def row_of(model: QAbstractItemModel, column: int, text: str) -> int:
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            return row
    raise AssertionError(f"no row with {text!r}")


def cell(model: QAbstractItemModel, key_column: int, key: str, column: int) -> Any:
    return model.index(row_of(model, key_column, key), column).data()


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


# --- the page ----------------------------------------------------------------------------------


def test_page_is_registered_before_the_settings(page: ReportsPage) -> None:
    keys = [key for key, *_ in PAGES]
    assert keys.index("reports") < keys.index("settings")  # the sync page sits between them
    assert page.key == "reports" and ReportsPage.title() == "统计报表"
    assert page.heading.text() == "2026年11月学习统计"


def test_coverage_table_shows_studied_over_expected_by_group(page: ReportsPage) -> None:
    table = page.coverage.proxy
    # Expected to study: 安一 安二 安三 白一 白二 农一. 课一: 安一 白一 农一. 课二: 安一 安二.
    assert table.headerData(STUDIED, Qt.Orientation.Horizontal) == "已学/应学"
    assert cell(table, LESSON, "课一", STUDIED) == "3/6"
    assert cell(table, LESSON, "课一", RATE) == "50%"
    assert cell(table, LESSON, "课二", STUDIED) == "2/6"
    assert table.headerData(column_of(table, "一组"), Qt.Orientation.Horizontal) == "一组\n已学/应学"
    assert cell(table, LESSON, "课一", column_of(table, "一组")) == "1/3"
    assert cell(table, LESSON, "课一", column_of(table, "二组")) == "1/2"
    assert cell(table, LESSON, "课一", column_of(table, "未分组")) == "1/1"
    assert cell(table, LESSON, "课二", column_of(table, "一组")) == "2/3"
    row = row_of(table, LESSON, "课一")
    assert table.index(row, RATE).data(Qt.ItemDataRole.ForegroundRole) == WARNING_COLOR  # below 60%


def test_coverage_chart_gets_the_coverage_weakest_first(page: ReportsPage) -> None:
    chart = page.coverage.chart
    assert chart.labels == ["课二", "课一"]
    assert chart.values == pytest.approx([2 / 6, 3 / 6])
    assert chart.maximum == 1.0 and chart.highlight_below == pytest.approx(0.6)
    assert chart.is_highlighted(0) and chart.bar_color(0) == LOW_COLOR
    assert "课一: 50%" in chart.accessibleDescription()


def test_summary_figures_for_the_month(page: ReportsPage) -> None:
    # November: 安一 2 records (30 + 20 min), 白一 1 (45 min), 农一 1 (30 min).
    assert page.figures["records"].number.text() == "4"
    assert page.figures["members"].number.text() == "3"
    assert page.figures["members"].note.text() == "3 人本期未学习"
    assert page.figures["minutes"].number.text() == f"{125 / 60:.1f}"
    assert page.figures["minutes"].note.text() == "共 125 分钟"
    assert page.figures["credit"].number.text() == "3.5"  # 安一 1 + 0.5, 白一 1, 农一 1


def test_ledger_shows_minutes_and_follows_the_period(page: ReportsPage, qtbot, ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    ledger = page.ledger.proxy
    assert ledger.columnCount() == LEDGER_FIRST_MONTH  # one month: no month columns
    assert cell(ledger, NAME, "安一", MINUTES) == "50"
    assert cell(ledger, NAME, "安一", RECORDS) == "2"
    assert cell(ledger, NAME, "白一", MINUTES) == "45"
    assert cell(ledger, NAME, "安二", MINUTES) == "0"
    assert page.ledger.count.text() == "共 6 人，显示 6 人"

    # From month to quarter with the period controls, as a person would.
    page.picker.kind.setCurrentIndex(page.picker.kind.findData("quarter"))
    assert page.picker.code() == "2026-Q4"
    wait(page, qtbot)
    assert page.heading.text() == "2026年第四季度学习统计"
    assert cell(ledger, NAME, "安一", MINUTES) == "80"
    months = range(LEDGER_FIRST_MONTH, LEDGER_FIRST_MONTH + 3)
    assert [ledger.headerData(c, Qt.Orientation.Horizontal) for c in months] == ["10月", "11月", "12月"]
    row = row_of(ledger, NAME, "安一")
    assert [ledger.index(row, c).data() for c in months] == ["30", "50", "0"]

    page.set_period("2026-08")
    wait(page, qtbot)
    assert cell(ledger, NAME, "安二", MINUTES) == "20"
    assert cell(ledger, NAME, "安一", MINUTES) == "0"
    assert ctx.pref(page_module.PERIOD_PREF) == "2026-08"
    again = ReportsPage(ctx)
    qtbot.addWidget(again)
    assert again.period.code == "2026-08" and again.picker.code() == "2026-08"


def test_members_who_did_not_study_are_red_and_can_be_listed(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    ledger = page.ledger.proxy
    row = row_of(ledger, NAME, "安二")
    assert ledger.index(row, NAME).data(Qt.ItemDataRole.ForegroundRole) == WARNING_COLOR
    page.ledger.unstudied_only.setChecked(True)
    assert sorted(column_texts(ledger, NAME)) == sorted(["安二", "安三", "白二"])
    page.ledger.unstudied_only.setChecked(False)
    page.ledger.name_filter.insert("白")  # typed through an input method
    assert sorted(column_texts(ledger, NAME)) == sorted(["白一", "白二"])
    assert page.ledger.count.text() == "共 6 人，显示 2 人"
    page.ledger.name_filter.setText("二组")
    assert sorted(column_texts(ledger, NAME)) == sorted(["白一", "白二"])


def test_ledger_sorts_by_numbers(page: ReportsPage) -> None:
    page.ledger.table.sortByColumn(MINUTES, Qt.SortOrder.DescendingOrder)
    assert column_texts(page.ledger.proxy, NAME)[:3] == ["安一", "白一", "农一"]


def test_idle_list_and_its_count_in_the_tab_title(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    # No study since 2026-08-22: 安二 (last 08-01), 安三 and 白二 (never).
    idle = page.idle.model
    assert sorted(column_texts(idle, IDLE_NAME)) == sorted(["安二", "安三", "白二"])
    assert page.tabs.tabText(IDLE_TAB) == "未学习名单（3）"
    assert cell(idle, IDLE_NAME, "安三", IDLE_LAST) == "从未学习"
    assert cell(idle, IDLE_NAME, "安二", IDLE_LAST) == "2026-08-01"
    assert "2026-08-22" in page.idle.note.text()

    page.idle_spin.setValue(4)  # since 2026-07-22: 安二 studied on 08-01
    wait(page, qtbot)
    assert sorted(column_texts(idle, IDLE_NAME)) == sorted(["安三", "白二"])
    assert page.tabs.tabText(IDLE_TAB) == "未学习名单（2）"


def test_monthly_chart_counts_records_by_month(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.set_period("2026")
    wait(page, qtbot)
    chart = page.monthly.chart
    assert chart.labels[0] == "1月" and len(chart.labels) == 12
    assert chart.values[7:11] == [1, 0, 1, 4]  # Aug 1, Sep 0, Oct 1, Nov 4


def test_new_study_reloads_the_visible_page(page: ReportsPage, branch: dict[str, str], ctx: AppContext,
                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(ctx.db_path)
    try:
        record_study(store, StudyEntry(branch["L2"], "2026-11-21", "self_scan"), [branch["a3"]], today=TODAY)
    finally:
        store.close()
    ctx.study_changed.emit()
    wait(page, qtbot)
    assert cell(page.ledger.proxy, NAME, "安三", MINUTES) == "20"
    assert cell(page.coverage.proxy, LESSON, "课二", STUDIED) == "3/6"
    assert page.tabs.tabText(IDLE_TAB) == "未学习名单（2）"


def test_a_result_for_an_older_period_is_dropped(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.set_period("2026-08")
    qtbot.waitUntil(lambda: not page._requested, timeout=WAIT_MS)  # the August task has started
    page.set_period("2026-Q4")
    wait(page, qtbot)
    qtbot.wait(50)  # anything still queued has been delivered
    assert page.report is not None and page.report.period.code == "2026-Q4"
    assert cell(page.ledger.proxy, NAME, "安一", MINUTES) == "80"


# --- export ------------------------------------------------------------------------------------


def _export(page: ReportsPage, button: Any, chosen: Path, monkeypatch, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    offered: list[str] = []

    def save_name(_parent: Any, _title: str, default: str, _filter: str) -> tuple[str, str]:
        offered.append(default)
        return str(chosen), ""

    monkeypatch.setattr(page_module.QFileDialog, "getSaveFileName", staticmethod(save_name))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=WAIT_MS)
    return offered


def test_export_excel_writes_the_ledger(page: ReportsPage, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    offered = _export(page, page.excel_button, tmp_path / "十一月台账", monkeypatch, qtbot)
    assert Path(offered[0]).name == "学习台账-2026-11.xlsx"
    saved = tmp_path / "十一月台账.xlsx"
    assert page.notice_label.text() == f"已保存到 {saved}"
    book = openpyxl.load_workbook(saved, read_only=True)
    assert "学习台账" in book.sheetnames
    rows = [list(r) for r in book["学习台账"].iter_rows(values_only=True)]
    an_yi = next(r for r in rows if "安一" in r)
    assert 50 in an_yi  # 安一's minutes in November
    book.close()
    assert page.ctx.pref(page_module.EXPORT_DIR_PREF) == str(tmp_path)


def test_export_pdf(page: ReportsPage, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("core.reports.study_pdf")
    offered = _export(page, page.pdf_button, tmp_path / "台账.pdf", monkeypatch, qtbot)
    assert Path(offered[0]).name == "学习台账-2026-11.pdf"
    assert (tmp_path / "台账.pdf").read_bytes().startswith(b"%PDF")


# --- models and widgets on their own -----------------------------------------------------------


def test_models_without_a_page(qapp) -> None:  # type: ignore[no-untyped-def]
    coverage = CoverageModel()
    coverage.set_coverage([
        LessonCoverage("l1", "课一", "2026-06-01", 5, 6, [GroupCoverage("一组", 3, 3), GroupCoverage("二组", 2, 3)]),
        LessonCoverage("l2", "课二", None, 1, 6, [GroupCoverage("一组", 1, 3), GroupCoverage("二组", 0, 3)]),
    ])
    assert coverage.columnCount() == 6
    assert coverage.index(0, RATE).data() == "83%" and coverage.index(0, RATE).data(
        Qt.ItemDataRole.ForegroundRole) is None
    assert coverage.index(1, 5).data() == "0/3"
    assert coverage.index(1, 5).data(Qt.ItemDataRole.ForegroundRole) == WARNING_COLOR

    ledger = LedgerModel()
    rows = [LedgerRow("m1", "张三", "一组", "正常", 2, 2, 50, 1.5, [20, 30, 0]),
            LedgerRow("m2", "李四", "二组", "流动", 0, 0, 0, 0.0, [0, 0, 0])]
    ledger.set_ledger(rows, ["2026-10", "2026-11", "2026-12"])
    assert ledger.columnCount() == LEDGER_FIRST_MONTH + 3
    first = LEDGER_FIRST_MONTH
    assert [ledger.index(0, c).data() for c in (MINUTES, first, first + 1, first + 2)] == ["50", "20", "30", "0"]
    assert ledger.index(0, CREDIT).data() == "1.5"
    proxy = LedgerFilterModel()
    proxy.setSourceModel(ledger)
    proxy.set_text("李")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_only_unstudied(True)
    assert proxy.rowCount() == 1 and proxy.index(0, NAME).data() == "李四"

    idle = IdleModel()
    idle.set_members([IdleMember("m2", "李四", "二组", "139", None)])
    assert idle.index(0, IDLE_LAST).data() == "从未学习"
    assert idle.index(0, IDLE_LAST).data(Qt.ItemDataRole.ForegroundRole) == WARNING_COLOR


def test_period_picker_keeps_the_same_stretch_of_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = PeriodPicker(TODAY)
    qtbot.addWidget(picker)
    assert picker.code() == "2026-11"
    seen: list[str] = []
    picker.changed.connect(seen.append)
    picker.kind.setCurrentIndex(picker.kind.findData("quarter"))
    picker.kind.setCurrentIndex(picker.kind.findData("year"))
    assert not picker.part.isVisibleTo(picker)
    picker.kind.setCurrentIndex(picker.kind.findData("month"))
    assert seen == ["2026-Q4", "2026", "2026-11"]
    assert picker.set_code("2025-Q2") and picker.code() == "2025-Q2" and seen[-1] == "2026-11"  # quietly
    assert not picker.set_code("2025-13") and picker.code() == "2025-Q2"


def test_chart_grows_with_the_font(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = BarChart(Qt.Orientation.Horizontal)
    qtbot.addWidget(chart)
    chart.set_data(["课一", "课二", "课三"], [0.2, 0.7, 1.0], lambda v: f"{v:.0%}", highlight_below=0.6, maximum=1.0)
    small = chart.sizeHint().height()
    font = QFont(chart.font())
    font.setPointSize(font.pointSize() * 2)
    chart.setFont(font)
    assert chart.sizeHint().height() > small * 1.5
    chart.resize(600, chart.sizeHint().height())
    assert [chart.is_highlighted(i) for i in range(3)] == [True, False, False]
    rects = chart.bar_rects()
    assert rects[0].width() < rects[1].width() < rects[2].width()
    assert not chart.grab().isNull()
