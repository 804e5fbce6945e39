"""Pieces of the report page: the summary figures and the read-only tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ACCENT = "#c8102e"
MUTED = "#5f5a52"


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    """The application font times ``factor`` (the user's font size preference carries through)."""
    font = QApplication.font()
    base = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    font.setPointSizeF(base * factor)
    font.setBold(bold)
    return font


class FigureTile(QFrame):
    """A big figure with what it counts underneath and a short note."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setStyleSheet(
            "QFrame#figure { background: #fbf8f3; border: 1px solid #e2d9cc; border-radius: 10px; }"
            f"QFrame#figure QLabel#number {{ color: {ACCENT}; }}"
            f"QFrame#figure QLabel#note {{ color: {MUTED}; }}"
        )
        self.number = QLabel("–")
        self.number.setObjectName("number")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.note = QLabel("")
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 12)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.apply_fonts()

    def set_value(self, value: str, note: str = "") -> None:
        self.number.setText(value)
        self.note.setText(note)
        self.setAccessibleName(f"{self.caption.text()}: {value} {note}".strip())

    def apply_fonts(self) -> None:
        self.number.setFont(scaled_font(2.2, bold=True))
        self.caption.setFont(scaled_font(1.05, bold=True))
        self.note.setFont(scaled_font(0.9))


def report_table(model: QAbstractItemModel, *, sortable: bool = True) -> QTableView:
    """A read-only table with roomy rows, sortable by clicking a header."""
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 1.9))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    if sortable:
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the report's own order until clicked
        header.setSortIndicatorClearable(True)
        table.setSortingEnabled(True)
    return table


def caption(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED};")
    return label
