"""Pieces shared by the pairing tabs and dialogs: a read-only table model over plain rows, member
choices for the searching combo, and buttons and hints in the house style."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView

from core.pinyin import name_keys

ALERT_COLOR = QColor("#b00020")
MUTED_COLOR = QColor("#8a8a8a")
PDF_DIR_PREF = "pairing/pdf_dir"
ENTERED_BY_PREF = "pairing/entered_by"

Index = QModelIndex | QPersistentModelIndex
Cell = Callable[[Any], Any]


class RowsModel(QAbstractTableModel):
    """Read-only rows (dicts or dataclasses); a column is a title and a function of the row.
    ``tone(row)`` makes a row stand out: "alert" (red, bold) or "muted" (grey); ``tip(row)`` is its
    tooltip; columns in ``centred`` are centred."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Cell]],
        parent: QObject | None = None,
        *,
        tone: Callable[[Any], str | None] | None = None,
        tip: Callable[[Any], str] | None = None,
        centred: Iterable[int] = (),
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._tone = tone
        self._tip = tip
        self._centred = set(centred)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt naming)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns[index.column()][1](row)
            return "" if value is None else str(value)
        tone = self._tone(row) if self._tone else None
        if role == Qt.ItemDataRole.ForegroundRole and tone:
            return ALERT_COLOR if tone == "alert" else MUTED_COLOR
        if role == Qt.ItemDataRole.FontRole and tone == "alert":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and self._tip:
            return self._tip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._centred:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def where_label(group: str | None, village: str | None) -> str:
    return "·".join(part for part in (group, village) if part)


def search_keys(name: str, pinyin: str = "") -> str:
    full, initials = name_keys(name)
    return f"{pinyin or full} {initials}"


def choice(value: str, name: str, details: Sequence[str], pinyin: str = "") -> tuple[str, str, str]:
    """A member in a searching combo: text ``老甲（一组·东村，86 岁）``, value, search keys."""
    shown = "，".join(part for part in details if part)
    return (f"{name}（{shown}）" if shown else name), value, search_keys(name, pinyin)


def age_text(age: int | None) -> str:
    return QCoreApplication.translate("PairingTexts", "{0} yrs").format(age) if age is not None else ""


def button(row: QHBoxLayout, text: str, slot: Callable[[], Any], tip: str = "", *, bold: bool = False) -> QPushButton:
    widget = QPushButton(text)
    widget.setMinimumHeight(36)
    widget.setToolTip(tip)
    widget.setAutoDefault(False)
    if bold:
        widget.setStyleSheet("font-weight: bold;")
    widget.clicked.connect(lambda: slot())
    row.addWidget(widget)
    return widget


def size_columns(table: QTableView, samples: Sequence[str]) -> None:
    """Columns wide enough for a typical value (``samples``, in order) and for their title."""
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    metrics = table.fontMetrics()
    for column, sample in enumerate(samples):
        header.resizeSection(column, max(metrics.horizontalAdvance(sample) + 24, header.sectionSizeHint(column) + 8))


def hint_label(text: str) -> QLabel:
    """A grey line of explanation."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    return label
