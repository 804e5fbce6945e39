"""The list tables of the pages: whole rows selected, read-only, rows tall enough for older eyes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTableView


def record_table(model: QAbstractItemModel, selection: QAbstractItemView.SelectionMode) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(int(table.fontMetrics().height() * 2))
    return table


def fit_columns(table: QTableView, widest: Callable[[int], Iterable[str]]) -> None:
    """Size the shown columns to their headers, the rows in view and the texts ``widest(column)`` names
    from the other rows: like ``resizeColumnsToContents``, which on a long table measures a thousand
    rows a column (seconds), but as wide as the widest text of all rows."""
    header = table.horizontalHeader()
    precision = header.resizeContentsPrecision()
    header.setResizeContentsPrecision(0)  # the rows in view only
    try:
        table.resizeColumnsToContents()
    finally:
        header.setResizeContentsPrecision(precision)  # a double-click on a divider measures as before
    metrics = table.fontMetrics()
    model = table.model()
    margin = _text_margin(table, metrics) + (1 if table.showGrid() else 0)  # as sizeHintForColumn adds
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        width = max((metrics.horizontalAdvance(text) for text in widest(column)), default=0) + margin
        if width > table.columnWidth(column):
            table.setColumnWidth(column, width)


def _text_margin(table: QTableView, metrics: QFontMetrics) -> int:
    """What a cell's width adds to its text's: the delegate's size hint of a cell less its text."""
    model = table.model()
    for column in range(model.columnCount()):
        index = model.index(0, column)
        text = index.data()
        if text and not table.isColumnHidden(column):
            return max(0, table.sizeHintForIndex(index).width() - metrics.horizontalAdvance(str(text)))
    return 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
