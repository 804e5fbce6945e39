"""The lesson catalogue as Qt models: one row per lesson with how many members studied it and how often
its live codes were scanned, and a filter for the search box and the "show archived" switch."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from core.lessons.catalogue import is_district
from core.text import to_halfwidth

(TITLE, SPEAKER, TOPIC, MINUTES, CREDIT_HOURS, PUBLISHED, VALID_UNTIL, SOURCE, STUDIED, SCANS) = range(10)
COLUMN_COUNT = 10
_KEYS = {TITLE: "title", SPEAKER: "speaker", TOPIC: "topic", MINUTES: "minutes", CREDIT_HOURS: "credit_hours",
         PUBLISHED: "published_date", VALID_UNTIL: "valid_until"}
_RIGHT = frozenset({MINUTES, CREDIT_HOURS, STUDIED, SCANS})
SortRole = Qt.ItemDataRole.UserRole + 2
_ARCHIVED_COLOR = QColor("#8a8a8a")
_DISTRICT_COLOR = QColor("#1a4f8b")

Index = QModelIndex | QPersistentModelIndex


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("LessonModel", "Title"),
        QCoreApplication.translate("LessonModel", "Speaker"),
        QCoreApplication.translate("LessonModel", "Topic"),
        QCoreApplication.translate("LessonModel", "Minutes"),
        QCoreApplication.translate("LessonModel", "Credit hours"),
        QCoreApplication.translate("LessonModel", "Published"),
        QCoreApplication.translate("LessonModel", "Valid until"),
        QCoreApplication.translate("LessonModel", "Source"),
        QCoreApplication.translate("LessonModel", "Studied"),
        QCoreApplication.translate("LessonModel", "Scans"),
    ]


def source_text(lesson: Mapping[str, Any]) -> str:
    if is_district(lesson):
        return QCoreApplication.translate("LessonModel", "District")
    return QCoreApplication.translate("LessonModel", "This branch")


class LessonModel(QAbstractTableModel):
    """Rows of ``list_lessons``; ``studied`` maps a lesson's id to how many studying members studied it,
    ``scans`` to how often its live codes were scanned (all time)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lessons: list[dict[str, Any]] = []
        self.studied: dict[str, int] = {}
        self.scans: dict[str, int] = {}
        self.member_count = 0
        self._titles = column_titles()

    def set_lessons(self, lessons: Iterable[dict[str, Any]], studied: Mapping[str, int], member_count: int,
                    scans: Mapping[str, int] | None = None) -> None:
        self.beginResetModel()
        self.lessons = list(lessons)
        self.studied = dict(studied)
        self.scans = dict(scans or {})
        self.member_count = member_count
        self.endResetModel()

    def lesson_at(self, row: int) -> dict[str, Any]:
        return self.lessons[row]

    def row_of(self, lesson_id: str) -> int:
        return next((row for row, lesson in enumerate(self.lessons) if lesson["id"] == lesson_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt naming)
        return 0 if parent.isValid() else len(self.lessons)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == STUDIED:
            return QCoreApplication.translate(
                "LessonModel", "Members who studied the lesson / members who should study (active and mobile)"
            )
        if role == Qt.ItemDataRole.ToolTipRole and section == SCANS:
            return QCoreApplication.translate(
                "LessonModel", "How often the lesson's live codes were scanned (counted by the district server, "
                "brought here by sync)"
            )
        return None

    def cell_text(self, lesson: Mapping[str, Any], column: int) -> str:
        if column == SOURCE:
            return source_text(lesson)
        if column == STUDIED:
            return f"{self.studied.get(lesson['id'], 0)}/{self.member_count}"
        if column == SCANS:
            return str(self.scans.get(lesson["id"], 0))
        value = lesson.get(_KEYS[column])
        if value is None:
            return ""
        if column == TITLE and lesson.get("archived"):
            return QCoreApplication.translate("LessonModel", "{0} (archived)").format(value)
        return f"{value:g}" if isinstance(value, float) else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        lesson = self.lessons[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(lesson, column)
        if role == SortRole:
            if column == STUDIED:
                return self.studied.get(lesson["id"], 0)
            if column == SCANS:
                return self.scans.get(lesson["id"], 0)
            if column in (MINUTES, CREDIT_HOURS):
                return lesson.get(_KEYS[column]) or 0
            return self.cell_text(lesson, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if lesson.get("archived"):
                return _ARCHIVED_COLOR
            if column == SOURCE and is_district(lesson):
                return _DISTRICT_COLOR
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE and lesson.get("video_url"):
            return lesson["video_url"]
        return None


class LessonFilter(QSortFilterProxyModel):
    """Words of the search box (each in title, speaker or topic) and whether archived lessons show."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.show_archived = False
        self.setSortRole(SortRole)

    def source(self) -> LessonModel:
        model = self.sourceModel()
        assert isinstance(model, LessonModel)
        return model

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = to_halfwidth(text).lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_archived(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_archived = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        lesson = self.source().lesson_at(source_row)
        if lesson.get("archived") and not self.show_archived:
            return False
        text = " ".join(str(lesson.get(key) or "") for key in ("title", "speaker", "topic")).lower()
        return all(word in text for word in self.words)

    def lesson_at(self, row: int) -> dict[str, Any]:
        return self.source().lesson_at(self.mapToSource(self.index(row, 0)).row())

    def index_of(self, lesson_id: str) -> QModelIndex:
        row = self.source().row_of(lesson_id)
        return self.mapFromSource(self.source().index(row, TITLE)) if row >= 0 else QModelIndex()
