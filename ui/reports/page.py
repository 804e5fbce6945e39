"""统计报表: who has studied what — figures for a period, coverage of each lesson by party group, the
per-member ledger, members with no recent study, study by month, and the scans of each lesson's live
codes against the study recorded; exported to Excel or PDF.

Every refresh is one task computing the whole report; a result that arrives for an older request
(the period changed meanwhile) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.reports.period import Period, PeriodError, parse_period
from core.reports.study_export import export_study_xlsx
from core.reports.study_report import StudyReport, build_study_report
from ui import messages
from ui.context import AppContext
from ui.figure_tile import FigureTile, scaled_font
from ui.pages.base import Page
from ui.reports.figures import caption
from ui.reports.models import hours
from ui.reports.period_picker import PeriodPicker
from ui.reports.tabs import CoverageTab, IdleTab, LedgerTab, MonthlyTab, ScansTab
from ui.tasks import TaskContext

PERIOD_PREF = "reports/period"
IDLE_PREF = "reports/idle_months"
TAB_PREF = "reports/tab"
EXPORT_DIR_PREF = "reports/export_dir"
DEFAULT_IDLE_MONTHS = 3
MAX_IDLE_MONTHS = 24
COVERAGE_TAB, LEDGER_TAB, IDLE_TAB, MONTHLY_TAB, SCANS_TAB = range(5)
BUSY_DELAY_MS = 400


class ReportsPage(Page):
    key = "reports"
    refreshed = Signal()  # the latest requested report has arrived and is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: Callable[[], date] = date.today
        today = self.today()
        try:
            self.period: Period = parse_period(str(ctx.pref(PERIOD_PREF, "")))
        except PeriodError:
            self.period = parse_period(f"{today.year:04d}-{today.month:02d}")
        self.idle_months = min(max(self._number_pref(IDLE_PREF, DEFAULT_IDLE_MONTHS), 1), MAX_IDLE_MONTHS)
        self.report: StudyReport | None = None  # the report on screen
        self._requested = False  # a refresh waits for the next turn of the event loop
        self._generation = 0  # of the latest request
        self._shown_generation = 0
        self._fetch_timer = QTimer(self, singleShot=True, interval=0, timeout=self._fetch)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS, timeout=self._show_busy)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        self.heading = QLabel()
        self.subheading = caption()
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addLayout(self._build_controls())
        layout.addWidget(self._build_notice())
        layout.addLayout(self._build_figures())
        self.coverage = CoverageTab()
        self.ledger = LedgerTab()
        self.idle = IdleTab()
        self.monthly = MonthlyTab()
        self.scans = ScansTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.coverage, self.tr("Lesson coverage"))
        self.tabs.addTab(self.ledger, self.tr("Study ledger"))
        self.tabs.addTab(self.idle, self.tr("No recent study"))
        self.tabs.addTab(self.monthly, self.tr("By month"))
        self.tabs.addTab(self.scans, self.tr("Scans and study"))
        self.tabs.setCurrentIndex(self._number_pref(TAB_PREF, COVERAGE_TAB))
        self.tabs.currentChanged.connect(lambda tab: self.ctx.set_pref(TAB_PREF, tab))
        layout.addWidget(self.tabs, 1)
        self.set_scrolling_content(content)
        self._apply_fonts()

        ctx.study_changed.connect(self._data_changed)
        ctx.roster_changed.connect(self._data_changed)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ReportsPage", "Reports")

    def _number_pref(self, key: str, default: int) -> int:
        try:
            return int(self.ctx.pref(key, default))
        except (TypeError, ValueError):
            return default

    # --- building ------------------------------------------------------------------------------

    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(QLabel(self.tr("Period:")))
        self.picker = PeriodPicker(self.today())
        self.picker.set_code(self.period.code)
        self.picker.changed.connect(self.set_period)
        row.addWidget(self.picker)
        row.addSpacing(20)
        idle_label = QLabel(self.tr("Months with no study:"))
        row.addWidget(idle_label)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, MAX_IDLE_MONTHS)
        self.idle_spin.setValue(self.idle_months)
        self.idle_spin.setMinimumHeight(36)
        self.idle_spin.setToolTip(
            self.tr("Members with no study in this many months make the list of no recent study"))
        idle_label.setBuddy(self.idle_spin)
        self.idle_spin.valueChanged.connect(self.set_idle_months)
        row.addWidget(self.idle_spin)
        row.addStretch(1)
        self.busy_label = QLabel(self.tr("Counting…"))
        self.busy_label.setStyleSheet("color: #5f5a52;")
        self.busy_label.hide()
        row.addWidget(self.busy_label)
        self.excel_button = QPushButton(self.tr("Export Excel…"))
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        for button in (self.excel_button, self.pdf_button):
            button.setMinimumHeight(36)
            row.addWidget(button)
        return row

    def _build_notice(self) -> QFrame:
        self.notice = QFrame()
        self.notice.setObjectName("reportsNotice")
        self.notice.setStyleSheet("QFrame#reportsNotice { background: #e8f3e8; border: 1px solid #9cc79c; }")
        row = QHBoxLayout(self.notice)
        row.setContentsMargins(12, 6, 12, 6)
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.notice_label, 1)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_export_folder)
        row.addWidget(self.open_folder_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.notice.hide)
        row.addWidget(close)
        self.notice.hide()
        self.saved_path: Path | None = None
        return self.notice

    def _build_figures(self) -> QHBoxLayout:
        self.figures = {
            "records": FigureTile(self.tr("Times studied")),
            "members": FigureTile(self.tr("Members who studied")),
            "minutes": FigureTile(self.tr("Total time (hours)")),
            "credit": FigureTile(self.tr("Total credit hours")),
        }
        row = QHBoxLayout()
        row.setSpacing(14)
        for tile in self.figures.values():
            row.addWidget(tile, 1)
        return row

    # --- loading -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while the latest requested report has not arrived yet."""
        return self._requested or self._shown_generation != self._generation

    def reload(self) -> None:
        self._requested = True
        self._fetch_timer.start()  # requests made in one turn of the event loop are fetched once
        if not self._busy_timer.isActive() and not self.busy_label.isVisible():
            self._busy_timer.start()

    def set_period(self, code: str) -> None:
        """Show the period ``code`` (2026-11, 2026-Q4 or 2026) and remember it."""
        try:
            period = parse_period(code)
        except PeriodError as exc:
            messages.show_error(self, exc)
            return
        if self.picker.code() != period.code:
            self.picker.set_code(period.code)
        self.period = period
        self.ctx.set_pref(PERIOD_PREF, period.code)
        self.reload()

    def set_idle_months(self, months: int) -> None:
        if self.idle_spin.value() != months:
            self.idle_spin.setValue(months)  # valueChanged brings it back here
            return
        self.idle_months = months
        self.ctx.set_pref(IDLE_PREF, months)
        self.reload()

    def _data_changed(self) -> None:
        if self.isVisible():
            self.reload()

    def _fetch(self) -> None:
        self._requested = False
        self._generation += 1
        generation = self._generation
        today, period, months = self.today(), self.period, self.idle_months
        records = self.report.snapshot if self.report is not None else None  # reread only if changed

        def work(task: TaskContext) -> StudyReport:
            return build_study_report(task.store, period, idle_months=months, today=today, snapshot=records)

        # No parent, so no progress dialog: the page says "Counting…" itself and stays usable.
        self.ctx.runner.run(work, partial(self._arrived, generation), partial(self._failed, generation),
                            title=self.tr("Counting…"), cancellable=False)

    def _arrived(self, generation: int, report: StudyReport) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # the page is gone, or a newer request is on its way
        self._shown_generation = generation
        self.show_report(report)
        self._settle()

    def _failed(self, generation: int, error: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._shown_generation = generation
        self._settle()
        messages.show_error(self, error)

    def _settle(self) -> None:
        if not self.busy:
            self._busy_timer.stop()
            self.busy_label.hide()
            self.refreshed.emit()

    def _show_busy(self) -> None:
        self.busy_label.setVisible(self.busy)

    # --- showing -------------------------------------------------------------------------------

    def show_report(self, report: StudyReport) -> None:
        first_time = self.report is None
        self.report = report
        period = report.period
        self.heading.setText(self.tr("{0}: study report").format(period.label))
        span = self.tr("From {0} to {1}").format(period.start.isoformat(), period.end.isoformat())
        self.subheading.setText(span)
        self._show_figures(report)
        self.coverage.show_coverage(report.coverage)
        self.ledger.show_ledger(report.ledger, period.months)
        self.idle.show_idle(report.idle_months, report.idle_since, report.idle)
        self.tabs.setTabText(IDLE_TAB, self.tr("No recent study ({0})").format(len(report.idle)))
        self.monthly.show_months(period, report.monthly_counts)
        self.scans.show_scans(report.scans)
        if first_time:
            for table in (self.coverage.table, self.idle.table, self.scans.table):
                table.resizeColumnsToContents()
            self.ledger.fit_columns()

    def _show_figures(self, report: StudyReport) -> None:
        totals = report.totals
        not_studied = len(report.ledger) - totals["members_studied"]
        self.figures["records"].set_value(str(totals["records"]))
        self.figures["members"].set_value(str(totals["members_studied"]),
                                          self.tr("{0} have not studied").format(not_studied))
        self.figures["minutes"].set_value(f"{totals['minutes'] / 60:.1f}",
                                          self.tr("{0} minutes").format(totals["minutes"]))
        self.figures["credit"].set_value(hours(totals["credit_hours"]))

    # --- export --------------------------------------------------------------------------------

    def export_excel(self) -> None:
        self._export("xlsx", self.tr("Export to Excel"), self.tr("Excel workbook (*.xlsx)"))

    def export_pdf(self) -> None:
        self._export("pdf", self.tr("Export to PDF"), self.tr("PDF document (*.pdf)"))

    def default_export_path(self, suffix: str) -> Path:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(str(self.ctx.pref(EXPORT_DIR_PREF, documents or str(Path.home()))))
        return folder / f"{self.tr('Study ledger')}-{self.period.code}.{suffix}"

    def _export(self, suffix: str, title: str, file_filter: str) -> None:
        default = str(self.default_export_path(suffix))
        chosen, _filter = QFileDialog.getSaveFileName(self, title, default, file_filter)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{suffix}":
            path = path.with_name(f"{path.name}.{suffix}")
        self.ctx.set_pref(EXPORT_DIR_PREF, str(path.parent))
        period, months, today = self.period, self.idle_months, self.today()

        def work(task: TaskContext) -> Path:
            if suffix == "pdf":
                from core.reports.study_pdf import export_study_pdf  # reportlab loads only when asked

                export_study_pdf(task.store, period, path, idle_months=months, today=today)
            else:
                export_study_xlsx(task.store, period, path, idle_months=months, today=today)
            return path

        self.ctx.runner.run(work, self._exported, parent=self, title=self.tr("Exporting…"), cancellable=False)

    def _exported(self, path: Path) -> None:
        if not shiboken6.isValid(self):
            return
        self.saved_path = path
        self.notice_label.setText(self.tr("Saved to {0}").format(str(path)))
        self.notice.show()

    def open_export_folder(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))

    # --- large, readable type that follows the font-size preference ------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()

    def _apply_fonts(self) -> None:
        self.heading.setFont(scaled_font(1.6, bold=True))
        for tile in self.figures.values():
            tile.apply_fonts()
        self.tabs.setMinimumHeight(self.fontMetrics().height() * 24)
