"""Saving and printing QR material: the PDF is written, every code on it read back, and only then reported
saved with the number of pages and codes (or sent to the printer at actual size); a code that does not
read deletes the file and says why. ``made`` tells the page what was saved or printed, so that it can say
which live codes the district server does not have yet."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from ui import messages
from ui.context import AppContext
from ui.notice import PdfSaver, show_notice
from ui.qr.work import Choice, Saved, save_checked
from ui.tasks import TaskContext

PDF_DIR_PREF = "qr/pdf_dir"


class MaterialSaver(PdfSaver):
    made = Signal(object)  # the Saved of material just saved or printed (codes were made for it)
    written = Signal(object)  # the Saved of material written, also when printing was then cancelled

    def __init__(self, ctx: AppContext, owner: QWidget, notice: QLabel) -> None:
        super().__init__(ctx, owner, notice, PDF_DIR_PREF)
        self.writing = self.tr("Writing the QR material and checking every code…")
        self.template = self.tr("Saved {2} page(s); all {3} QR codes were checked and can be read: {0}. "
                                "<a href=\"{1}\">Open it</a> to print.")
        self.last: Saved | None = None

    def ask_path(self, title: str, file_name: str) -> Path | None:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(self.ctx.pref(self.folder_pref) or documents or Path.home())
        path, _filter = QFileDialog.getSaveFileName(self.owner, title, str(folder / file_name),
                                                    self.tr("PDF file (*.pdf)"))
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self.ctx.set_pref(self.folder_pref, str(out.parent))
        return out

    def save_material(self, title: str, file_name: str, choice: Choice) -> None:
        out = self.ask_path(title, file_name)
        if out is None:
            return
        self.last = None

        def work(task: TaskContext) -> Saved:
            return save_checked(task.store, choice, out, task.progress, task.cancel)

        self.ctx.runner.run(work, lambda saved: self._saved(out, saved), lambda error: self._failed(title, error),
                            parent=self.owner, title=self.writing, cancellable=True,
                            on_cancelled=lambda: show_notice(self.notice, self.tr("Cancelled; nothing was saved.")))

    def _saved(self, out: Path, saved: Saved) -> None:
        self.last = saved
        self.saved = self.template.format("{0}", "{1}", saved.pages, saved.codes)
        self._written(out)
        self.written.emit(saved)
        self.made.emit(saved)

    def print_material(self, title: str, file_name: str, choice: Choice) -> None:
        """Write the material to a temporary file, check it and print it at 100%."""
        folder = Path(tempfile.mkdtemp(prefix="zhibu-qr-print-"))
        out = folder / file_name

        def work(task: TaskContext) -> Saved:
            return save_checked(task.store, choice, out, task.progress, task.cancel)

        def done(saved: Saved) -> None:
            self.last = saved
            self.written.emit(saved)
            try:
                from ui.qr.printing import print_pdf

                printed = print_pdf(out, self.owner, title)
            except ImportError:
                messages.inform(self.owner, title, self.tr("Printing is not available here. Save the PDF and "
                                                           "print it at actual size (100%)."))
                printed = False
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            if printed:
                self.made.emit(saved)

        def failed(error: Exception) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            messages.show_error(self.owner, error)

        self.ctx.runner.run(work, done, failed, parent=self.owner, title=self.tr("Preparing the pages to print…"),
                            on_cancelled=lambda: shutil.rmtree(folder, ignore_errors=True))
