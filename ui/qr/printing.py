"""Printing QR material at actual size: each page of the PDF rendered at the printer's resolution and
drawn at the page's real size from the paper's corner, never shrunk to fit (a shrunk code may not scan)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import QWidget

MAX_DPI = 300  # plenty for any code; more only costs memory (an A3 page at 300 dpi is already 100 MB)


def print_pdf(pdf_path: Path, parent: QWidget | None, title: str) -> bool:
    """Ask for a printer and print ``pdf_path`` at 100%. False when the user cancelled."""
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        count = len(pdf)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        set_page(printer, *pdf[0].get_size())
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        dialog.setMinMax(1, count)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        print_pages(pdf, printer, printer.fromPage() or 1, printer.toPage() or count)
    finally:
        pdf.close()
    return True


def print_pages(pdf: Any, printer: Any, first: int, last: int) -> None:
    """Pages ``first`` to ``last`` (from 1) of an open pypdfium2 document on ``printer``, at 100%."""
    printer.setFullPage(True)  # coordinates from the paper's corner, not from the margins
    set_page(printer, *pdf[first - 1].get_size())
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for number in range(first, last + 1):
            width, height = pdf[number - 1].get_size()
            if number > first:
                set_page(printer, width, height)
                printer.newPage()
            dpi = min(printer.resolution(), MAX_DPI)
            image = pdf[number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
            data = image.tobytes()
            picture = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
            device = printer.resolution() / 72  # device pixels per point
            painter.drawImage(QRectF(0, 0, width * device, height * device), picture)
    finally:
        painter.end()


def set_page(printer: Any, width: float, height: float) -> None:
    """The paper of one PDF page (sizes in points), portrait or landscape as the page is."""
    portrait = width <= height
    size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape)
