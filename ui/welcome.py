"""The first start: create this branch's database from its profile, or open a demo branch."""

from __future__ import annotations

import traceback
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.profile import BranchProfile, set_profile
from core.roster.demo import load_demo
from ui import messages
from ui.context import AppContext
from ui.tasks import TaskContext

ERROR = "#b00020"
MUTED = "#5f5a52"


class WelcomeDialog(QDialog):
    """Shown when there is no database yet. ``exec()`` returns Accepted once the database is ready."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._busy = False
        self.setWindowTitle(self.tr("Welcome to Zhibu Desk"))
        self.setMinimumWidth(640)

        heading = QLabel(self.tr("Welcome to Zhibu Desk"))
        font = QApplication.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr(
            "Zhibu Desk keeps your branch's roster on this computer. To begin, enter your branch's "
            "details below. If you would like to look around first, open a demo branch with made-up members."
        ))
        intro.setWordWrap(True)

        self.branch_name = QLineEdit()
        self.branch_name.setPlaceholderText(self.tr("for example: 河东村党支部"))
        self.township = QLineEdit()
        self.township.setPlaceholderText(self.tr("for example: 柳林镇"))
        self.county = QLineEdit()
        self.county.setPlaceholderText(self.tr("for example: 汤阴县"))
        form = QFormLayout()
        form.addRow(self.tr("Branch &name (required):"), self.branch_name)
        form.addRow(self.tr("&Township or street:"), self.township)
        form.addRow(self.tr("C&ounty or district:"), self.county)

        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {ERROR};")
        self.error.setWordWrap(True)
        where = QLabel(self.tr("The data will be saved in: {path}").format(path=ctx.db_path))
        where.setWordWrap(True)
        where.setStyleSheet(f"color: {MUTED};")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.create_button = QPushButton(self.tr("&Create my branch"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_branch)
        self.demo_button = QPushButton(self.tr("Open a &demo branch"))
        self.demo_button.clicked.connect(self.open_demo)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(where)
        layout.addLayout(buttons)
        self.branch_name.setFocus()

    def create_branch(self) -> None:
        profile = BranchProfile(
            self.branch_name.text().strip(), self.township.text().strip(), self.county.text().strip()
        )
        if not profile.name:
            self.error.setText(self.tr("Please enter the branch name, for example 河东村党支部."))
            self.branch_name.setFocus()
            return

        def create(task: TaskContext) -> None:
            set_profile(task.store, profile)  # opening the store creates and migrates the database

        self._start(create, self.tr("Creating the branch…"))

    def open_demo(self) -> None:
        def demo(task: TaskContext) -> int:
            from core.demo_activity import add_demo_activity

            count = load_demo(task.store)
            add_demo_activity(task.store)
            return count

        self._start(demo, self.tr("Creating the demo branch…"))

    def _start(self, fn: Callable[[TaskContext], object], title: str) -> None:
        self.error.setText("")
        self._set_busy(True)
        self.ctx.runner.run(fn, self._done, self._failed, parent=self, title=title, cancellable=False)

    def _done(self, _result: object) -> None:
        if shiboken6.isValid(self):
            self.accept()

    def _failed(self, error: Exception) -> None:
        if shiboken6.isValid(self):
            self._set_busy(False)
        messages.show_error(self if shiboken6.isValid(self) else None, error,
                            "".join(traceback.format_exception(error)))

    def reject(self) -> None:
        if not self._busy:  # Esc or closing the window while the database is being made waits
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.create_button, self.demo_button, self.quit_button):
            button.setEnabled(not busy)
