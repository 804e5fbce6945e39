"""Pieces of the report page: the read-only tables (the summary figures are ``ui.figure_tile``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
)

from ui.figure_tile import MUTED


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
