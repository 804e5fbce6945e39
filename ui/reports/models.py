"""The study report's tables as Qt models: lesson coverage, the ledger (with its filter), the
members with no recent study, and the scans of the live codes against study. Display strings are
made once when the data arrives.

No widgets here, so that the models can be tested on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from core.reports.study_export import percent
from core.reports.study_report import IdleMember, LedgerRow, LessonCoverage, LessonScans

LOW_COVERAGE = 0.6  # below this a lesson's coverage is shown in red
SortRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

WARNING_COLOR = QColor("#b00020")
MUTED_COLOR = QColor("#8a847b")
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def hours(value: float) -> str:
    """Credit hours without trailing zeros: 2, 1.5, 0.25."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


class _TableModel(QAbstractTableModel):
    """Rows of precomputed display strings and sort keys; subclasses fill them in ``_rebuild``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers: list[str] = []
        self.header_tips: list[str] = []
        self.cells: list[list[str]] = []
        self.sort_keys: list[list[Any]] = []
        self.alignments: dict[int, int] = {}

    def _reset(self, headers: list[str], cells: list[list[str]], sort_keys: list[list[Any]],
               tips: list[str] | None = None) -> None:
        self.beginResetModel()
        self.headers = headers
        self.header_tips = tips or []
        self.cells = cells
        self.sort_keys = sort_keys
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.header_tips):
            return self.header_tips[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cells):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[row][column]
        if role == SortRole:
            return self.sort_keys[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignments.get(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.color(row, column)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, column)
        return None

    def color(self, row: int, column: int) -> QColor | None:
        return None

    def font(self, row: int, column: int) -> QFont | None:
        return None


# --- lesson coverage ---------------------------------------------------------------------------

LESSON, PUBLISHED, STUDIED, RATE = range(4)  # then one column per party group
COVERAGE_FIRST_GROUP = 4


class CoverageModel(_TableModel):
    """One row per current lesson: studied/expected, coverage, and studied/expected in each 党小组."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.coverage: list[LessonCoverage] = []
        self.groups: list[str] = []
        self.alignments = {PUBLISHED: _CENTER, STUDIED: _CENTER, RATE: _RIGHT}

    def set_coverage(self, coverage: Sequence[LessonCoverage]) -> None:
        self.coverage = list(coverage)
        self.groups = [g.group for g in self.coverage[0].groups] if self.coverage else []
        studied_of = QCoreApplication.translate("ReportModels", "studied/expected")
        group_tip = QCoreApplication.translate("ReportModels", "Party group {0}: studied / expected")
        headers = [
            QCoreApplication.translate("ReportModels", "Lesson"),
            QCoreApplication.translate("ReportModels", "Published"),
            QCoreApplication.translate("ReportModels", "Studied/expected"),
            QCoreApplication.translate("ReportModels", "Coverage"),
        ] + [f"{group}\n{studied_of}" for group in self.groups]
        studied_tip = QCoreApplication.translate(
            "ReportModels", "Members who studied the lesson / members expected to study (active and mobile)")
        tips = ["", "", studied_tip, ""]
        tips += [group_tip.format(group) for group in self.groups]
        cells, keys = [], []
        for lesson in self.coverage:
            cells.append([lesson.title, lesson.published_date or "", f"{lesson.studied}/{lesson.total}",
                          percent(lesson.studied, lesson.total)]
                         + [f"{g.studied}/{g.total}" for g in lesson.groups])
            keys.append([lesson.title, lesson.published_date or "", lesson.studied, lesson.rate]
                        + [g.studied / g.total if g.total else 0.0 for g in lesson.groups])
        for column in range(COVERAGE_FIRST_GROUP, COVERAGE_FIRST_GROUP + len(self.groups)):
            self.alignments[column] = _CENTER
        self._reset(headers, cells, keys, tips)

    def is_low(self, row: int) -> bool:
        lesson = self.coverage[row]
        return bool(lesson.total) and lesson.rate < LOW_COVERAGE

    def color(self, row: int, column: int) -> QColor | None:
        if column == RATE and self.is_low(row):
            return WARNING_COLOR
        if column >= COVERAGE_FIRST_GROUP:
            group = self.coverage[row].groups[column - COVERAGE_FIRST_GROUP]
            if group.total and group.studied / group.total < LOW_COVERAGE:
                return WARNING_COLOR
        return None

    def font(self, row: int, column: int) -> QFont | None:
        if column == RATE:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None


# --- the ledger --------------------------------------------------------------------------------

GROUP, NAME, STATUS, RECORDS, SELF_REPORTED, LESSONS, MINUTES, CREDIT = range(8)  # then one per month
LEDGER_FIRST_MONTH = 8


def month_title(month: str) -> str:
    """``2026-11`` → 11月."""
    return QCoreApplication.translate("ReportModels", "Month {0}").format(int(month[5:]))


class LedgerModel(_TableModel):
    """One row per member: study in the period; with several months, minutes in each month."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[LedgerRow] = []
        self.months: list[str] = []
        self.search_texts: list[str] = []
        self.alignments = {STATUS: _CENTER, RECORDS: _RIGHT, SELF_REPORTED: _RIGHT, LESSONS: _RIGHT,
                           MINUTES: _RIGHT, CREDIT: _RIGHT}

    def set_ledger(self, rows: Sequence[LedgerRow], months: Sequence[str]) -> None:
        self.rows = list(rows)
        self.months = list(months) if len(months) > 1 else []
        month_tip = QCoreApplication.translate("ReportModels", "Minutes of study in {0}")
        headers = [
            QCoreApplication.translate("ReportModels", "Party group"),
            QCoreApplication.translate("ReportModels", "Name"),
            QCoreApplication.translate("ReportModels", "Status"),
            QCoreApplication.translate("ReportModels", "Times studied"),
            QCoreApplication.translate("ReportModels", "Self-reported"),
            QCoreApplication.translate("ReportModels", "Lessons"),
            QCoreApplication.translate("ReportModels", "Minutes"),
            QCoreApplication.translate("ReportModels", "Credit hours"),
        ] + [month_title(m) for m in self.months]
        tips = [
            "", "", "",
            QCoreApplication.translate("ReportModels", "Study records in the period"),
            QCoreApplication.translate(
                "ReportModels", "Of those, the records the member reported on the phone after scanning a live code"),
            QCoreApplication.translate("ReportModels", "Different lessons studied in the period"),
            QCoreApplication.translate("ReportModels", "Minutes of study in the period"),
            QCoreApplication.translate("ReportModels", "Credit hours: each lesson counted once"),
        ] + [month_tip.format(m) for m in self.months]
        cells, keys = [], []
        for row in self.rows:
            monthly = row.monthly_minutes if self.months else []
            cells.append([row.group, row.name, row.status, str(row.records),
                          str(row.self_reported) if row.self_reported else "", str(row.lessons),
                          str(row.minutes), hours(row.credit_hours), *map(str, monthly)])
            keys.append([row.group, row.name, row.status, row.records, row.self_reported, row.lessons,
                         row.minutes, row.credit_hours, *monthly])
        self.search_texts = [f"{row.name}\t{row.group}".casefold() for row in self.rows]
        for column in range(LEDGER_FIRST_MONTH, LEDGER_FIRST_MONTH + len(self.months)):
            self.alignments[column] = _RIGHT
        self._reset(headers, cells, keys, tips)

    def row_at(self, row: int) -> LedgerRow:
        return self.rows[row]

    def color(self, row: int, column: int) -> QColor | None:
        if not self.rows[row].records:
            return WARNING_COLOR  # studied nothing in the period: easy to spot
        if column >= LEDGER_FIRST_MONTH and not self.rows[row].monthly_minutes[column - LEDGER_FIRST_MONTH]:
            return MUTED_COLOR
        return None


class LedgerFilterModel(QSortFilterProxyModel):
    """The ledger filtered by a name (or group) and, if asked, to members who studied nothing."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortLocaleAware(True)
        self.text = ""
        self.only_unstudied = False

    def ledger(self) -> LedgerModel:
        return self.sourceModel()  # type: ignore[return-value]

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_only_unstudied(self, only: bool) -> None:
        self.beginFilterChange()
        self.only_unstudied = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.ledger()
        if self.only_unstudied and model.rows[source_row].records:
            return False
        return not self.text or self.text in model.search_texts[source_row]


# --- members with no recent study --------------------------------------------------------------

IDLE_GROUP, IDLE_NAME, IDLE_PHONE, IDLE_LAST = range(4)


class IdleModel(_TableModel):
    """Members expected to study with no study in the last N months."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[IdleMember] = []
        self.alignments = {IDLE_LAST: _CENTER}

    def set_members(self, members: Sequence[IdleMember]) -> None:
        self.members = list(members)
        never = QCoreApplication.translate("ReportModels", "Never studied")
        headers = [
            QCoreApplication.translate("ReportModels", "Party group"),
            QCoreApplication.translate("ReportModels", "Name"),
            QCoreApplication.translate("ReportModels", "Phone"),
            QCoreApplication.translate("ReportModels", "Last study"),
        ]
        cells = [[m.group, m.name, m.phone, m.last_study or never] for m in self.members]
        keys = [[m.group, m.name, m.phone, m.last_study or ""] for m in self.members]
        self._reset(headers, cells, keys)

    def color(self, row: int, column: int) -> QColor | None:
        if column == IDLE_LAST and self.members[row].last_study is None:
            return WARNING_COLOR
        return None


# --- scans of the live codes against study -----------------------------------------------------

SCAN_LESSON, SCAN_PUBLISHED, SCANS, SCAN_RECORDS, SCAN_SELF_REPORTED = range(5)


class ScansModel(_TableModel):
    """One row per lesson scanned or studied in the period: scans of its live codes, its study records
    and, of those, the ones members reported on the phone."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lessons: list[LessonScans] = []
        self.alignments = {SCAN_PUBLISHED: _CENTER, SCANS: _RIGHT, SCAN_RECORDS: _RIGHT, SCAN_SELF_REPORTED: _RIGHT}

    def set_scans(self, lessons: Sequence[LessonScans]) -> None:
        self.lessons = list(lessons)
        headers = [
            QCoreApplication.translate("ReportModels", "Lesson"),
            QCoreApplication.translate("ReportModels", "Published"),
            QCoreApplication.translate("ReportModels", "Times scanned"),
            QCoreApplication.translate("ReportModels", "Study records"),
            QCoreApplication.translate("ReportModels", "Self-reported"),
        ]
        tips = [
            "", "",
            QCoreApplication.translate("ReportModels", "Scans of the lesson's live codes on days of the period"),
            QCoreApplication.translate("ReportModels", "Study records of the lesson in the period"),
            QCoreApplication.translate(
                "ReportModels", "Of those, the records the member reported on the phone after scanning a live code"),
        ]
        cells = [[s.title, s.published_date or "", str(s.scans), str(s.records), str(s.self_reported)]
                 for s in self.lessons]
        keys = [[s.title, s.published_date or "", s.scans, s.records, s.self_reported] for s in self.lessons]
        self._reset(headers, cells, keys, tips)

    def color(self, row: int, column: int) -> QColor | None:
        lesson = self.lessons[row]
        if column == SCANS and not lesson.scans:
            return MUTED_COLOR
        return None
