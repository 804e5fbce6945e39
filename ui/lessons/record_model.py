"""Study records as Qt models: one row per record, voided ones greyed and struck through with their
reason, records a member reported from the phone marked 扫码自报 in the method column, and a filter
by member (name, pinyin or initials)."""

from __future__ import annotations

from collections.abc import Iterable
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

from core.lessons.fields import method_label
from core.text import to_halfwidth

(DATE, MEMBER, LESSON, METHOD, MINUTES, HELPER, ENTERED_BY, NOTE, VOID_REASON) = range(9)
COLUMN_COUNT = 9
_KEYS = {DATE: "study_date", MEMBER: "member_name", LESSON: "lesson_title", MINUTES: "minutes",
         HELPER: "helper_name", ENTERED_BY: "entered_by", NOTE: "note", VOID_REASON: "void_reason"}
_VOIDED_COLOR = QColor("#8a8a8a")
_REASON_COLOR = QColor("#b00020")
_SELF_REPORTED_COLOR = QColor("#1a4f8b")
METHOD_SEPARATOR = " · "

Index = QModelIndex | QPersistentModelIndex


def self_reported_mark() -> str:
    return QCoreApplication.translate("RecordModel", "self-reported")


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("RecordModel", "Date"),
        QCoreApplication.translate("RecordModel", "Member"),
        QCoreApplication.translate("RecordModel", "Lesson"),
        QCoreApplication.translate("RecordModel", "Method"),
        QCoreApplication.translate("RecordModel", "Minutes"),
        QCoreApplication.translate("RecordModel", "Helper"),
        QCoreApplication.translate("RecordModel", "Entered by"),
        QCoreApplication.translate("RecordModel", "Note"),
        QCoreApplication.translate("RecordModel", "Void reason"),
    ]


class RecordModel(QAbstractTableModel):
    """Rows of ``list_records`` (each with ``name_pinyin`` and ``name_initials`` of the member added)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[dict[str, Any]] = []
        self._titles = column_titles()
        self._mark = self_reported_mark()
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    def set_records(self, records: Iterable[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record_at(self, row: int) -> dict[str, Any]:
        return self.records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt naming)
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        column = index.column()
        voided = bool(record.get("deleted"))
        self_reported = bool(record.get("self_reported"))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == METHOD:
                label = method_label(record.get("method"))
                return f"{label}{METHOD_SEPARATOR}{self._mark}" if self_reported else label
            value = record.get(_KEYS[column])
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if voided:
                return _REASON_COLOR if column == VOID_REASON else _VOIDED_COLOR
            if self_reported and column == METHOD:
                return _SELF_REPORTED_COLOR
        if role == Qt.ItemDataRole.FontRole and voided and column != VOID_REASON:
            return self._struck
        if role == Qt.ItemDataRole.ToolTipRole and voided:
            return QCoreApplication.translate("RecordModel", "Voided: {0}").format(record.get("void_reason") or "")
        if role == Qt.ItemDataRole.ToolTipRole and self_reported and column == METHOD:
            return QCoreApplication.translate(
                "RecordModel", "The member recorded this on the phone after scanning a live code; it came with sync")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RecordFilter(QSortFilterProxyModel):
    """Records of the members whose name contains the text, or whose pinyin or initials start with it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""

    def source(self) -> RecordModel:
        model = self.sourceModel()
        assert isinstance(model, RecordModel)
        return model

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = to_halfwidth(text).strip().replace(" ", "")
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self.text:
            return True
        record = self.source().record_at(source_row)
        if self.text in (record.get("member_name") or ""):
            return True
        key = self.text.lower()
        return (record.get("name_pinyin") or "").startswith(key) or (record.get("name_initials") or "").startswith(key)

    def record_at(self, row: int) -> dict[str, Any]:
        return self.source().record_at(self.mapToSource(self.index(row, 0)).row())
