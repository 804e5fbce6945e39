"""The views of the study report, one tab each: lesson coverage, the ledger, members with no recent
study, study by month, and the scans of the live codes against study. Each shows what it is given;
the page fetches the report."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.reports.period import Period
from core.reports.study_report import IdleMember, LedgerRow, LessonCoverage, LessonScans
from ui.forms import filter_edit
from ui.pages.base import scroll_area
from ui.reports.charts import BarChart
from ui.reports.figures import caption, report_table
from ui.reports.models import (
    LEDGER_FIRST_MONTH,
    LOW_COVERAGE,
    SELF_REPORTED,
    CoverageModel,
    IdleModel,
    LedgerFilterModel,
    LedgerModel,
    ScansModel,
    SortRole,
    month_title,
)


def sorted_proxy(model: Any, parent: QWidget) -> QSortFilterProxyModel:
    """A proxy that sorts ``model`` by its sort keys when a column header is clicked."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SortRole)
    proxy.setSortLocaleAware(True)
    proxy.setSourceModel(model)
    return proxy


def percent_text(rate: float) -> str:
    return f"{rate:.0%}"


class CoverageTab(QWidget):
    """A bar of coverage per lesson (red below 60%) above the table of studied/expected by 党小组."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CoverageModel(self)
        self.proxy = sorted_proxy(self.model, self)
        self.chart = BarChart(Qt.Orientation.Horizontal)
        self.chart.set_placeholder(self.tr("No lessons yet."))
        self.chart.setAccessibleName(self.tr("Coverage by lesson"))
        chart_area = scroll_area(self.chart)
        self.table = report_table(self.proxy)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(chart_area)
        splitter.addWidget(self.table)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(caption(self.tr(
            "Every current lesson, counted over the members expected to study (active and mobile), "
            "whatever the period; the chart puts the least studied first. Red: fewer than {0} have studied it."
        ).format(percent_text(LOW_COVERAGE))))
        layout.addWidget(splitter, 1)

    def show_coverage(self, coverage: list[LessonCoverage]) -> None:
        self.model.set_coverage(coverage)
        weakest_first = sorted(coverage, key=lambda c: c.rate)  # stable: newest first among equals
        self.chart.set_data([c.title for c in weakest_first], [c.rate for c in weakest_first], percent_text,
                            highlight_below=LOW_COVERAGE, maximum=1.0)


class LedgerTab(QWidget):
    """The per-member ledger of the period, filtered by name and sortable by any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LedgerModel(self)
        self.proxy = LedgerFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.name_filter = filter_edit(self.tr("Filter by name or party group"), lambda _text: self._filter_changed(),
                                       min_width=240)
        self.unstudied_only = QCheckBox(self.tr("Only members who have not studied in the period"))
        self.unstudied_only.toggled.connect(self._filter_changed)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        self.note = caption()
        self.table = report_table(self.proxy)
        row = QHBoxLayout()
        row.addWidget(self.name_filter)
        row.addWidget(self.unstudied_only)
        row.addStretch(1)
        row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_ledger(self, ledger: list[LedgerRow], months: list[str]) -> None:
        columns = self.model.columnCount()
        self.model.set_ledger(ledger, months)
        if self.model.columnCount() != columns:  # month columns came or went: fit them to 4-digit minutes
            width = self.table.fontMetrics().horizontalAdvance("000000")
            for column in range(LEDGER_FIRST_MONTH, self.model.columnCount()):
                self.table.setColumnWidth(column, width)
        if len(months) > 1:
            self.note.setText(self.tr("Red rows: no study in the period. Month columns: minutes of study."))
        else:
            self.note.setText(self.tr("Red rows: no study in the period."))
        self._update_count()

    def fit_columns(self) -> None:
        """Columns as wide as what they hold; the self-reported counts (a digit or two under a longer
        title) as wide as their title, which saves measuring every row of that column."""
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == SELF_REPORTED:
                self.table.setColumnWidth(column, header.sectionSizeHint(column))
            else:
                self.table.resizeColumnToContents(column)

    def _filter_changed(self) -> None:
        self.proxy.set_text(self.name_filter.text())
        self.proxy.set_only_unstudied(self.unstudied_only.isChecked())
        self._update_count()

    def _update_count(self) -> None:
        shown = self.tr("{0} members, {1} shown").format(self.model.rowCount(), self.proxy.rowCount())
        self.count.setText(shown)


class IdleTab(QWidget):
    """Members expected to study with no study in the last N months, by party group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = IdleModel(self)
        self.note = caption()
        self.table = report_table(sorted_proxy(self.model, self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)

    def show_idle(self, months: int, since: date, members: list[IdleMember]) -> None:
        self.model.set_members(members)
        self.note.setText(self.tr(
            "{0} members expected to study have no study in the last {1} months (none since {2}).")
            .format(len(members), months, since.isoformat()))


class MonthlyTab(QWidget):
    """Times studied in each month of the period, as columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = caption()
        self.chart = BarChart(Qt.Orientation.Vertical)
        self.chart.setAccessibleName(self.tr("Times studied by month"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.chart, 1)

    def show_months(self, period: Period, monthly: list[tuple[str, int]]) -> None:
        self.chart.set_data([month_title(m) for m, _n in monthly], [n for _m, n in monthly],
                            lambda n: str(int(n)))
        self.note.setText(self.tr("Times studied in each month of {0}, {1} in all.")
                          .format(period.label, sum(n for _m, n in monthly)))


class ScansTab(QWidget):
    """Each lesson scanned or studied in the period: scans of its live codes against the study recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScansModel(self)
        self.note = caption(self.tr(
            "Scans: how often the lesson's live codes were scanned in the period (counted by the district "
            "server, brought here by sync). Times studied: the study records of the period; self-reported: "
            "those a member recorded on the phone after scanning. Lessons with neither are not listed."))
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        self.table = report_table(sorted_proxy(self.model, self))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)

    def show_scans(self, lessons: list[LessonScans]) -> None:
        self.model.set_scans(lessons)
        scans = sum(s.scans for s in lessons)
        records = sum(s.records for s in lessons)
        reported = sum(s.self_reported for s in lessons)
        self.count.setText(self.tr("{0} scans, {1} times studied, {2} of them self-reported")
                           .format(scans, records, reported))
