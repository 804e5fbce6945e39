"""Importing a roster sheet step by step: choose the file, match its columns, look at every row,
decide what happens to people already in the roster, import, and see what happened.

The wizard holds the state (file, plan, policy, result) and starts every piece of file and database
work through the task runner; the pages in ``import_pages``, ``import_preview`` and
``import_apply`` only show that state and ask the wizard to act.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QWidget, QWizard

from core.roster.export import write_error_workbook, write_template
from core.roster.importer import (
    POLICIES,
    ImportPlan,
    ImportResult,
    apply_import,
    plan_import,
    preview_import,
)
from ui.context import AppContext
from ui.messages import USER_ERRORS, show_error
from ui.roster.import_apply import ImportApplyPage, ImportPolicyPage, ImportSummaryPage
from ui.roster.import_pages import ImportFilePage, ImportMappingPage, StepPage
from ui.roster.import_preview import ImportPreviewModel, ImportPreviewPage
from ui.tasks import Task, TaskContext

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, POLICY_PAGE, APPLY_PAGE, SUMMARY_PAGE = range(6)


class _ProgressBridge(QObject):
    """Carries progress from the worker thread to the apply page (queued onto the main thread)."""

    progress = Signal(int, int, str)


class ImportWizard(QWizard):
    """Import a roster sheet (.xlsx, .xls, .xlsm, .et, .ods or .csv) into the branch roster."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: date | None = None  # validation date; None means the real today
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.previews: dict[str, ImportResult] = {}
        self.task: Task | None = None
        self._bridge = _ProgressBridge(self)

        self.setWindowTitle(self.tr("Import roster"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.setMinimumSize(QSize(900, 640))
        self.resize(1060, 720)

        self.file_page = ImportFilePage(self)
        self.mapping_page = ImportMappingPage(self)
        self.preview_page = ImportPreviewPage(self)
        self.policy_page = ImportPolicyPage(self)
        self.apply_page = ImportApplyPage(self)
        self.summary_page = ImportSummaryPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.mapping_page, self.preview_page, self.policy_page, self.apply_page,
             self.summary_page)
        ):
            self.setPage(page_id, page)
        self._bridge.progress.connect(self.apply_page.show_progress)
        self.setStartId(FILE_PAGE)

    # ------------------------------------------------------------------------------------------
    # What tests and callers use

    @property
    def busy(self) -> bool:
        return self.task is not None

    @property
    def path(self) -> Path | None:
        text = self.file_page.path_edit.text().strip()
        return Path(text) if text else None

    def set_file(self, path: Path | str) -> None:
        self.file_page.path_edit.setText(str(path))

    @property
    def preview_model(self) -> ImportPreviewModel:
        return self.preview_page.model

    @property
    def policy(self) -> str:
        return self.policy_page.policy()

    @policy.setter
    def policy(self, value: str) -> None:
        if value not in POLICIES:
            raise ValueError(f"unknown duplicate policy: {value}")
        self.policy_page.set_policy(value)

    def default_error_path(self) -> Path:
        source = self.plan.path if self.plan else (self.path or Path("花名册.xlsx"))
        return source.with_name(f"{source.stem}-错误行.xlsx")

    # ------------------------------------------------------------------------------------------
    # Work, always through the task runner

    def start_plan(self, path: Path, mapping: Mapping[int, str] | None, page: StepPage) -> None:
        """Read and check ``path`` (with ``mapping`` if given); on success go on from ``page``."""
        today = self.today
        columns = dict(mapping) if mapping is not None else None

        def work(task: TaskContext) -> ImportPlan:
            return plan_import(task.store, path, columns, today=today, progress=task.progress, cancel=task.cancel)

        def done(plan: ImportPlan) -> None:
            self.plan = plan
            self.result = None
            self.previews = {}
            page.proceed()

        self._run(work, done, page, self.tr("Reading the file"), self.tr("Reading the file was cancelled."))

    def start_previews(self, page: StepPage, on_done: Callable[[dict[str, ImportResult]], None]) -> None:
        """What each duplicates policy would do, found without writing anything."""
        plan = self.plan
        assert plan is not None

        def work(task: TaskContext) -> dict[str, ImportResult]:
            return {policy: preview_import(task.store, plan, policy) for policy in POLICIES}

        def done(previews: dict[str, ImportResult]) -> None:
            self.previews = previews
            on_done(previews)

        self._run(work, done, page, self.tr("Checking the roster"), self.tr("The check was cancelled."))

    def start_apply(self, page: StepPage, on_cancelled: Callable[[], None]) -> None:
        """Write the plan with the chosen policy; the apply page shows the progress itself."""
        plan, policy, bridge = self.plan, self.policy, self._bridge
        assert plan is not None

        def work(task: TaskContext) -> ImportResult:
            def progress(done: int, total: int, text: str) -> None:
                bridge.progress.emit(done, total, text)

            return apply_import(task.store, plan, policy, progress=progress, cancel=task.cancel)

        def done(result: ImportResult) -> None:
            self.result = result
            self.ctx.roster_changed.emit()
            page.proceed()

        self._run(work, done, page, self.tr("Importing"), on_cancelled=on_cancelled, dialog=False)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def save_template(self, path: Path, page: StepPage) -> None:
        def done(_: None) -> None:
            page.show_note(self.tr("The blank template was saved to {0}").format(path))

        self._run(lambda task: write_template(path), done, page, self.tr("Saving the template"))

    def save_error_rows(self, path: Path, page: StepPage) -> None:
        plan = self.plan
        assert plan is not None

        def done(count: int) -> None:
            page.show_note(self.tr("{0} rows were saved to {1}").format(count, path))

        self._run(lambda task: write_error_workbook(plan, path), done, page, self.tr("Saving the error rows"))

    def _run(
        self,
        work: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None],
        page: StepPage,
        title: str,
        cancelled_text: str = "",
        on_cancelled: Callable[[], None] | None = None,
        dialog: bool = True,
    ) -> None:
        """Run ``work``; its outcome reaches ``page`` only while that page is still showing."""
        page.clear_message()
        task: Task | None = None

        def finish() -> bool:
            if self.task is task:
                self.task = None
            page.completeChanged.emit()
            return self.currentPage() is page

        def done(result: Any) -> None:
            if finish():
                on_done(result)

        def failed(error: Exception) -> None:
            showing = finish()
            if not isinstance(error, USER_ERRORS):
                show_error(self, error, "".join(traceback.format_exception(error)))
            elif showing:
                page.show_error(str(error))

        def cancelled() -> None:
            if not finish():
                return
            if on_cancelled is not None:
                on_cancelled()
            elif cancelled_text:
                page.show_note(cancelled_text)

        task = self.ctx.runner.run(
            work, done, failed, parent=self if dialog else None, title=title, on_cancelled=cancelled
        )
        self.task = task
        page.completeChanged.emit()

    def reject(self) -> None:
        """Closing the wizard stops any work under way; a cancelled import writes nothing."""
        self.cancel_task()
        super().reject()
