"""What the buttons of sync by file (同步包) do: ask where the file goes or which reply to read (starting
in the folder used last, or on the USB stick), run the export or import through the task runner with
its progress dialog and Cancel, and say in the package box what happened and what to do next — or,
in red, core's Chinese reason why not. Never while an online sync runs, and no online sync meanwhile."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from core.sync.errors import SyncCancelled, SyncError
from ui import messages
from ui.context import AppContext
from ui.sync import work
from ui.sync.enroll_package_dialog import EnrollPackageDialog
from ui.sync.package_box import PackageBox
from ui.sync.usb_drive import start_folder
from ui.tasks import Task, TaskContext

FOLDER_PREF = "sync/package_dir"
SUFFIX = ".zbsync"
UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def safe_file_part(text: str) -> str:
    """``text`` usable in a file name on Windows too (no \\ / : * ? " < > |)."""
    return UNSAFE.sub("_", text).strip(" ._")


def shown_path(path: Path) -> str:
    return QDir.toNativeSeparators(str(path))


class PackageActions(QObject):
    """Owned by the sync page. ``reported`` after an export or import ended (the box shows the words);
    ``branch_name`` is set by the page for the file name it suggests."""

    reported = Signal()

    def __init__(self, ctx: AppContext, owner: QWidget, box: PackageBox) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self.owner = owner
        self.box = box
        self.branch_name = ""
        self.task: Task | None = None
        self.enroll_dialog: EnrollPackageDialog | None = None
        box.export_requested.connect(self.export)
        box.import_requested.connect(self.import_reply)

    @property
    def busy(self) -> bool:
        return self.task is not None

    # -- choosing the file ----------------------------------------------------------------------

    def folder(self) -> Path:
        return start_folder(self.ctx.pref(FOLDER_PREF))

    def _remember(self, path: Path) -> None:
        self.ctx.set_pref(FOLDER_PREF, str(path.parent))

    def _file_filter(self) -> str:
        return self.tr("Sync package (*.zbsync);;All files (*)")

    def ask_save(self, title: str, file_name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(self.owner, title, str(self.folder() / file_name),
                                                      self._file_filter())
        if not chosen:
            return None
        out = Path(chosen)
        if out.suffix.lower() != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        self._remember(out)
        return out

    def ask_open(self) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(self.owner, self.tr("Import the district's reply"),
                                                      str(self.folder()), self._file_filter())
        if not chosen:
            return None
        path = Path(chosen)
        self._remember(path)
        return path

    # -- exporting ------------------------------------------------------------------------------

    def export(self) -> None:
        """导出同步包（U盘）: ask where, then write it."""
        if not self._may_start():
            return
        branch = safe_file_part(self.branch_name) or self.tr("branch")
        name = self.tr("sync-package-{branch}-{date}.zbsync").format(branch=branch, date=date.today().isoformat())
        out = self.ask_save(self.tr("Save the sync package"), name)
        if out is not None:
            self.export_to(out)

    def export_to(self, out: Path) -> Task | None:
        def done(result: Any) -> None:
            if result.records:
                text = self.tr("Sync package No. {number} ({records} records) is saved to {path}. Take the USB "
                               "stick to the district's organization department; when they have processed it, "
                               "bring the reply file back and press “Import reply…”.")
            else:
                text = self.tr("Sync package No. {number} is saved to {path}. There are no changes to upload; "
                               "its reply brings what the district has for this branch. Take the USB stick to "
                               "the district's organization department, bring the reply file back and press "
                               "“Import reply…”.")
            self._report(text.format(number=result.number, records=result.records, path=shown_path(Path(result.path))))

        return self._start(lambda task: work.export_package(task, str(out)), done,
                           self.tr("Writing the sync package…"))

    # -- joining by USB stick ---------------------------------------------------------------------

    def enroll(self) -> EnrollPackageDialog:
        """用U盘登记: the code and this computer's name (returned, so tests can fill it in), then where
        to save the enrolment package."""
        dialog = EnrollPackageDialog(self.owner)
        dialog.accepted.connect(lambda: self._enroll_chosen(dialog.code(), dialog.device()))
        dialog.finished.connect(self._enroll_closed)
        self.enroll_dialog = dialog
        dialog.open()
        return dialog

    def _enroll_closed(self) -> None:
        if self.enroll_dialog is not None:
            self.enroll_dialog.deleteLater()
            self.enroll_dialog = None

    def _enroll_chosen(self, code: str, device: str) -> None:
        if not self._may_start():
            return
        name = self.tr("enrollment-package-{date}.zbsync").format(date=date.today().isoformat())
        out = self.ask_save(self.tr("Save the enrollment package"), name)
        if out is not None:
            self.export_enroll_to(out, code, device)

    def export_enroll_to(self, out: Path, code: str, device: str) -> Task | None:
        def done(result: Any) -> None:
            self._report(self.tr("The enrollment package is saved to {path}. Take the USB stick to the "
                                 "district's organization department; when they have processed it, bring the "
                                 "enrollment reply back and press “Import reply…”.")
                         .format(path=shown_path(Path(result.path))))

        return self._start(lambda task: work.export_enroll_package(task, str(out), code, device), done,
                           self.tr("Writing the enrollment package…"))

    # -- importing ------------------------------------------------------------------------------

    def import_reply(self) -> None:
        """导入回执: choose the reply file, then import it."""
        if not self._may_start():
            return
        path = self.ask_open()
        if path is not None:
            self.import_from(path)

    def import_from(self, path: Path) -> Task | None:
        def done(imported: work.Imported) -> None:
            result = imported.result
            if result.pulled or result.kind == "enroll-reply":  # rows changed here: pages showing them reload
                self.ctx.roster_changed.emit()
                self.ctx.study_changed.emit()
                self.ctx.pairing_changed.emit()
            self._report(imported.text)

        return self._start(lambda task: work.import_package(task, str(path)), done,
                           self.tr("Importing the reply…"))

    # -- running --------------------------------------------------------------------------------

    def _may_start(self) -> bool:
        if self.busy or self.ctx.auto_sync.busy:
            self._report(self.tr("A sync is running; wait for it to finish, then try again."), error=True)
            return False
        return True

    def _start(self, fn: Callable[[TaskContext], Any], on_done: Callable[[Any], None], title: str) -> Task | None:
        if not self._may_start():
            return None
        self.box.show_result("")
        self.box.set_busy(True)
        self.ctx.auto_sync.file_work = True

        def finished(result: Any) -> None:
            self._ended()
            on_done(result)

        self.task = self.ctx.runner.run(fn, finished, self._failed, parent=self.owner, title=title,
                                        cancellable=True, on_cancelled=self._cancelled)
        return self.task

    def _ended(self) -> None:
        self.task = None
        self.box.set_busy(False)
        self.ctx.auto_sync.file_work = False
        self.ctx.sync_changed.emit()

    def _failed(self, error: Exception) -> None:
        self._ended()
        if isinstance(error, SyncCancelled):
            self._report(error.message, note=True)
        elif isinstance(error, SyncError):  # refused, damaged, the stick pulled out: core says why
            self._report(error.message, error=True)
        else:
            messages.show_error(self.owner, error)

    def _cancelled(self) -> None:
        self._ended()
        self._report(self.tr("Cancelled; nothing was written."), note=True)

    def _report(self, text: str, error: bool = False, *, note: bool = False) -> None:
        self.box.show_result(text, error, note=note)
        self.reported.emit()
