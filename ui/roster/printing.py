"""The shown members leaving the app: printed (A4 landscape, the headers repeated on every page,
"第 1 页 / 共 N 页" at the foot, painted page by page with QPainter so that the same code prints,
previews and writes a PDF), or exported to a spreadsheet file chosen here."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from ui.roster.model import (
    BIRTH_DATE,
    CATEGORY,
    GENDER,
    GROUP,
    ID_NUMBER,
    JOINED,
    NAME,
    PHONE,
    STATUS,
    cell_text,
    column_titles,
)

# The printed columns and their share of the page width; a number column comes first.
PRINT_COLUMNS: tuple[int, ...] = (NAME, GENDER, BIRTH_DATE, ID_NUMBER, PHONE, GROUP, CATEGORY, JOINED, STATUS)
_NUMBER_WEIGHT = 0.6
_WEIGHTS = (1.4, 0.7, 1.4, 2.4, 1.7, 1.8, 1.3, 1.4, 1.0)
_CENTERED = frozenset({GENDER})
BODY_POINTS = 11
TITLE_POINTS = 17
MARGIN_MM = 12


def roster_title(branch_name: str) -> str:
    """"河东村党支部党员花名册", or a plain title when the branch has no name yet."""
    if branch_name.strip():
        return QCoreApplication.translate("RosterPrint", "{0} party member roster").format(branch_name.strip())
    return QCoreApplication.translate("RosterPrint", "Party member roster")


def make_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def _font(points: int, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSize(points)
    font.setBold(bold)
    return font


class _Layout:
    """Where everything goes on a page of the given size (device pixels)."""

    def __init__(self, painter: QPainter, width: float, height: float) -> None:
        painter.setFont(_font(TITLE_POINTS, bold=True))
        self.title_height = painter.fontMetrics().height() * 1.8
        painter.setFont(_font(BODY_POINTS))
        line = painter.fontMetrics().height()
        self.row_height = line * 1.75
        self.footer_height = line * 2.0
        self.padding = line * 0.35
        self.width = width
        self.table_top = self.title_height
        usable = height - self.title_height - self.footer_height - self.row_height  # header row
        self.rows_per_page = max(1, int(usable // self.row_height))
        self.footer_top = height - line * 1.3
        total = _NUMBER_WEIGHT + sum(_WEIGHTS)
        lefts = [0.0]
        for weight in (_NUMBER_WEIGHT, *_WEIGHTS):
            lefts.append(lefts[-1] + width * weight / total)
        self.lefts = lefts  # column edges, one more than columns

    def cell(self, column: int, top: float) -> QRectF:
        left, right = self.lefts[column], self.lefts[column + 1]
        return QRectF(left + self.padding, top, right - left - 2 * self.padding, self.row_height)


def page_count(members: Sequence[Any], rows_per_page: int) -> int:
    return max(1, math.ceil(len(members) / rows_per_page))


def paint_roster(printer: QPrinter, members: Sequence[dict[str, Any]], title: str, today: date | None = None) -> int:
    """Paint ``members`` onto ``printer``; returns the number of pages."""
    today = today or date.today()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("RosterPrint", "The printer could not be started."))
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        layout = _Layout(painter, area.width(), area.height())
        pages = page_count(members, layout.rows_per_page)
        for page in range(pages):
            if page:
                printer.newPage()
            chunk = members[page * layout.rows_per_page:(page + 1) * layout.rows_per_page]
            _paint_page(painter, layout, chunk, page * layout.rows_per_page, title, today)
            _paint_footer(painter, layout, page + 1, pages, len(members), today)
    finally:
        painter.end()
    return pages


def _paint_page(
    painter: QPainter, layout: _Layout, chunk: Sequence[dict[str, Any]], first: int, title: str, today: date
) -> None:
    painter.setPen(QPen(QColor("black")))
    painter.setFont(_font(TITLE_POINTS, bold=True))
    painter.drawText(QRectF(0, 0, layout.width, layout.title_height), Qt.AlignmentFlag.AlignCenter, title)

    top = layout.table_top
    titles = column_titles()
    headers = [QCoreApplication.translate("RosterPrint", "No."), *(titles[c] for c in PRINT_COLUMNS)]
    painter.fillRect(QRectF(0, top, layout.width, layout.row_height), QColor("#e6e6e6"))
    painter.setFont(_font(BODY_POINTS, bold=True))
    for column, text in enumerate(headers):
        painter.drawText(layout.cell(column, top), Qt.AlignmentFlag.AlignCenter, text)

    painter.setFont(_font(BODY_POINTS))
    metrics = painter.fontMetrics()
    for offset, member in enumerate(chunk):
        row_top = top + layout.row_height * (offset + 1)
        cells = [str(first + offset + 1), *(cell_text(member, c, today) for c in PRINT_COLUMNS)]
        for column, text in enumerate(cells):
            rect = layout.cell(column, row_top)
            centered = column == 0 or (column > 0 and PRINT_COLUMNS[column - 1] in _CENTERED)
            align = Qt.AlignmentFlag.AlignCenter if centered else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()))
            painter.drawText(rect, align, shown)

    bottom = top + layout.row_height * (len(chunk) + 1)
    pen = QPen(QColor("#555555"))
    pen.setWidthF(max(1.0, layout.row_height / 60))
    painter.setPen(pen)
    for line in range(len(chunk) + 2):
        y = top + layout.row_height * line
        painter.drawLine(0, round(y), round(layout.width), round(y))
    for x in layout.lefts:
        painter.drawLine(round(x), round(top), round(x), round(bottom))
    painter.setPen(QPen(QColor("black")))


def _paint_footer(painter: QPainter, layout: _Layout, page: int, pages: int, total: int, today: date) -> None:
    painter.setFont(_font(BODY_POINTS - 1))
    rect = QRectF(0, layout.footer_top, layout.width, layout.footer_height)
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     QCoreApplication.translate("RosterPrint", "Printed on {0}").format(today.isoformat()))
    painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                     QCoreApplication.translate("RosterPrint", "Page {0} of {1}").format(page, pages))
    painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                     QCoreApplication.translate("RosterPrint", "{0} members").format(total))


def render_roster_pdf(members: Sequence[dict[str, Any]], title: str, path: Path | str, today: date | None = None) -> int:
    """Write the printed roster to a PDF file; returns the number of pages."""
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    return paint_roster(printer, members, title, today)


def preview_roster(parent: QWidget | None, members: Sequence[dict[str, Any]], title: str) -> QPrintPreviewDialog:
    """A print preview of the members (call ``exec()`` on it to show it)."""
    printer = make_printer()
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("RosterPrint", "Print preview — {0}").format(title))
    dialog.resize(1100, 780)
    dialog.paintRequested.connect(lambda target: paint_roster(target, list(members), title))
    dialog.printer = printer  # type: ignore[attr-defined]  # keep it alive with the dialog
    return dialog


def choose_export_file(parent: QWidget | None, count: int, folder: Path) -> tuple[Path, bool] | None:
    """Ask whether to show full ID numbers, then for the file; None when the user cancels."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("RosterPrint", "Export roster"))
    box.setText(
        QCoreApplication.translate("RosterPrint", "Export the {0} members shown to an Excel (.xlsx) or CSV file.")
        .format(count)
    )
    box.setCheckBox(QCheckBox(
        QCoreApplication.translate("RosterPrint", "Show full ID numbers (otherwise the middle digits are hidden)")
    ))
    choose = box.addButton(QCoreApplication.translate("RosterPrint", "Choose file…"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("RosterPrint", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.exec()
    if box.clickedButton() is not choose:
        return None
    name = QCoreApplication.translate("RosterPrint", "roster-{0}.xlsx").format(date.today().isoformat())
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("RosterPrint", "Export roster"),
        str(folder / name),
        QCoreApplication.translate("RosterPrint", "Excel workbook (*.xlsx);;CSV file (*.csv)"),
    )
    if not path:
        return None
    return Path(path), box.checkBox().isChecked()
