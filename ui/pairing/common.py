"""Pieces shared by the pairing tabs and dialogs: a read-only table model over plain rows, member
choices for the searching combo, buttons and a status line in the house style, and saving a PDF."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from core.pdf import PdfError
from core.pinyin import name_keys
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.tasks import TaskContext

ALERT_COLOR = QColor("#b00020")
MUTED_COLOR = QColor("#8a8a8a")
OK_COLOR = "#1b5e20"
ERROR_COLOR = "#b00020"
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


def date_edit(maximum_today: bool = True) -> QDateEdit:
    editor = QDateEdit(QDate.currentDate())
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setMinimumHeight(34)
    if maximum_today:
        editor.setMaximumDate(QDate.currentDate())
    return editor


def iso(editor: QDateEdit) -> str:
    return editor.date().toString("yyyy-MM-dd")


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


def show_status(label: QLabel, text: str, error: bool = False) -> None:
    label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
    label.setText(("✖ " if error else "✔ ") + text if text else "")


def notice_label() -> QLabel:
    """A green line above a table saying what was just done (with a link to open a saved file)."""
    label = QLabel()
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    label.setStyleSheet("background: #eaf4ea; border: 1px solid #9cc79c; padding: 6px;")
    label.hide()
    return label


def show_notice(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class PdfSaver(QObject):
    """Asks where to save a PDF, writes it through the task runner and offers to open it."""

    def __init__(self, ctx: AppContext, owner: QWidget, notice: QLabel) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.notice = notice

    def save(self, title: str, file_name: str, write: Callable[[Store, Path], int]) -> None:
        """``write(store, out)`` runs on the worker thread and returns the number of pages."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(self.ctx.pref(PDF_DIR_PREF) or documents or Path.home())
        path, _filter = QFileDialog.getSaveFileName(self.owner, title, str(folder / file_name),
                                                    self.tr("PDF file (*.pdf)"))
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self.ctx.set_pref(PDF_DIR_PREF, str(out.parent))

        def work(task: TaskContext) -> int:
            return write(task.store, out)

        self.ctx.runner.run(work, lambda _pages: self._written(out), lambda error: self._failed(title, error),
                            parent=self.owner, title=self.tr("Writing the PDF…"), cancellable=False)

    def _written(self, out: Path) -> None:
        link = QUrl.fromLocalFile(str(out)).toString()
        show_notice(self.notice, self.tr("Saved to {0}. <a href=\"{1}\">Open it</a> to print.")
                    .format(html.escape(str(out)), html.escape(link, quote=True)))

    def _failed(self, title: str, error: Exception) -> None:
        if isinstance(error, ImportError):
            QMessageBox.information(self.owner, title, self.tr("Printing this is not available in this version yet."))
            return
        if isinstance(error, PdfError):
            QMessageBox.warning(self.owner, title, str(error))
            return
        messages.show_error(self.owner, error)
