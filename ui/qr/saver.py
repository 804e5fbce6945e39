"""Saving QR material: the PDF is written, every code on it read back, and only then reported saved
with the number of pages and codes; a code that does not read deletes the file and says why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from ui.context import AppContext
from ui.notice import PdfSaver, show_notice
from ui.qr.work import Choice, Saved, save_checked
from ui.tasks import TaskContext

PDF_DIR_PREF = "qr/pdf_dir"


class MaterialSaver(PdfSaver):
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

