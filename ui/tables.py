"""The list tables of the pages: whole rows selected, read-only, rows tall enough for older eyes."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget


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
    """Size the shown columns to their headers and to the texts ``widest(column)`` names as the widest
    of the column: like ``resizeColumnsToContents``, which on a long table measures a thousand rows a
    column (a second for the roster), but as wide as the widest text of all rows."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    model = table.model()
    margin = _text_margin(table, metrics) + (1 if table.showGrid() else 0)  # as sizeHintForColumn adds
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        text_width = max((metrics.horizontalAdvance(text) for text in widest(column)), default=0)
        table.setColumnWidth(column, max(header.sectionSizeHint(column), text_width + margin))


def _text_margin(table: QTableView, metrics: QFontMetrics) -> int:
    """What a cell's width adds to its text's: the delegate's size hint of a cell less its text."""
    model = table.model()
    for column in range(model.columnCount()):
        index = model.index(0, column)
        text = index.data()
        if text and not table.isColumnHidden(column):
            return max(0, table.sizeHintForIndex(index).width() - metrics.horizontalAdvance(str(text)))
    return 6  # an empty table: what the usual styles add (twice the focus frame's margin and one)


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None], at_latest_ms: int) -> None:
        super().__init__(widget)
        self.fn: Callable[[], None] | None = fn
        widget.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)  # once the paint is done
        return False

    def _call(self) -> None:
        fn, self.fn = self.fn, None
        if fn is not None:
            fn()


def after_next_paint(widget: QWidget, fn: Callable[[], None], at_latest_ms: int = 250) -> None:
    """Call ``fn`` once, just after ``widget`` next paints, or after ``at_latest_ms`` if it has not
    painted by then (hidden): for work that should not hold up what is about to be painted."""
    _AfterPaint(widget, fn, at_latest_ms)
