"""The green notice line above a table that says what was just done, and saving a PDF the user asked
for, which ends on that line with a link to open the file."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from core.pdf import PdfError
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.tasks import TaskContext


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
    """Asks where to save a PDF (starting in the folder last used, kept in the preference ``folder_pref``),
    writes it through the task runner and offers to open it on the ``notice`` line.

    What a kind of document says while it is written (``writing``), once saved (``saved``, with ``{0}``
    the file and ``{1}`` its link) and where printing it is not available (``unavailable``) may be given;
    by default the words fit any PDF."""

    def __init__(self, ctx: AppContext, owner: QWidget, notice: QLabel, folder_pref: str, *,
                 writing: str = "", saved: str = "", unavailable: str = "") -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.notice = notice
        self.folder_pref = folder_pref
        self.writing = writing or self.tr("Writing the PDF…")
        self.saved = saved or self.tr("Saved to {0}. <a href=\"{1}\">Open it</a> to print.")
        self.unavailable = unavailable or self.tr("Printing this is not available in this version yet.")

    def save(self, title: str, file_name: str, write: Callable[[Store, Path], int]) -> None:
        """``write(store, out)`` runs on the worker thread and returns the number of pages."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(self.ctx.pref(self.folder_pref) or documents or Path.home())
        path, _filter = QFileDialog.getSaveFileName(self.owner, title, str(folder / file_name),
                                                    self.tr("PDF file (*.pdf)"))
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self.ctx.set_pref(self.folder_pref, str(out.parent))

        def work(task: TaskContext) -> int:
            return write(task.store, out)

        self.ctx.runner.run(work, lambda _pages: self._written(out), lambda error: self._failed(title, error),
                            parent=self.owner, title=self.writing, cancellable=False)

    def _written(self, out: Path) -> None:
        link = QUrl.fromLocalFile(str(out)).toString()
        show_notice(self.notice, self.saved.format(html.escape(str(out)), html.escape(link, quote=True)))

    def _failed(self, title: str, error: Exception) -> None:
        if isinstance(error, ImportError):
            QMessageBox.information(self.owner, title, self.unavailable)
            return
        if isinstance(error, PdfError):  # the file could not be written: its message says why
            QMessageBox.warning(self.owner, title, str(error))
            return
        messages.show_error(self.owner, error)
