"""Importing a lesson list from the catalogue tab: choose a file, see what it holds, confirm, apply."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from core.lessons.lesson_import import LessonImportPlan, apply_lesson_import, plan_lesson_import
from ui import messages
from ui.context import AppContext
from ui.tasks import TaskContext

_SHOWN_ERRORS = 12
LAST_FOLDER_PREF = "lessons/import_folder"


class LessonImport(QObject):
    """One import at a time; ``imported`` carries how many lessons were added."""

    imported = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent

    def choose_file(self) -> Path | None:
        folder = self.ctx.pref(LAST_FOLDER_PREF) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Import a lesson list"), str(folder),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.et *.csv *.txt);;All files (*)"),
        )
        return Path(name) if name else None

    def start(self) -> None:
        path = self.choose_file()
        if path is None:
            return
        self.ctx.set_pref(LAST_FOLDER_PREF, str(path.parent))
        self.ctx.runner.run(lambda task: plan_lesson_import(task.store, path, task.cancel), self._planned,
                            lambda error: messages.show_error(self.widget, error), parent=self.widget,
                            title=self.tr("Reading {0}…").format(path.name), cancellable=True)

    def _planned(self, plan: LessonImportPlan) -> None:
        lines = [
            self.tr("{0}: {1} new lessons, {2} already in the catalogue, {3} rows with errors.").format(
                plan.path.name, len(plan.new), len(plan.existing), len(plan.errors)
            )
        ]
        lines += [error.message for error in plan.errors[:_SHOWN_ERRORS]]
        if len(plan.errors) > _SHOWN_ERRORS:
            lines.append(self.tr("… and {0} more rows with errors.").format(len(plan.errors) - _SHOWN_ERRORS))
        if plan.unknown_columns:
            lines.append(self.tr("Columns ignored: {0}").format("、".join(plan.unknown_columns)))
        if not plan.new:
            lines.append(self.tr("There is nothing new to import."))
            messages.inform(self.widget, self.tr("Import lessons"), "\n".join(lines))
            return
        if plan.errors:
            lines.append(self.tr("Rows with errors are left out; correct them and import the file again."))
        ok = self.tr("Import {0} lessons").format(len(plan.new))
        if not messages.confirm(self.widget, self.tr("Import lessons"), "\n".join(lines), ok):
            return

        def apply(task: TaskContext) -> int:
            return apply_lesson_import(task.store, plan)

        self.ctx.runner.run(apply, self._applied, lambda error: messages.show_error(self.widget, error),
                            parent=self.widget, title=self.tr("Importing…"), cancellable=False)

    def _applied(self, added: int) -> None:
        self.imported.emit(added)
        self.ctx.study_changed.emit()
