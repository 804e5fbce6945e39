"""Changing the status of one or more members (转正, 流动, 失联, 转出, 去世, 停止党籍, 恢复)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from core.roster.status import ACTIONS, StatusError, change_status
from ui.context import AppContext
from ui.forms import ok_cancel
from ui.roster.member_dialog import DATE_PLACEHOLDER, ERROR_COLOR
from ui.tasks import TaskContext


def status_menu(parent: QWidget, choose: Callable[[str], None]) -> QMenu:
    """The status actions (转正, 流动, …) as a menu; ``choose`` gets the chosen action's code."""
    menu = QMenu(parent)
    add_status_actions(menu, choose)
    return menu


def add_status_actions(menu: QMenu, choose: Callable[[str], None]) -> None:
    for code, (label, _status) in ACTIONS.items():
        menu.addAction(label, lambda code=code: choose(code))


class StatusDialog(QDialog):
    """Applies one action, on one date, to the given members; refusals are shown in the dialog."""

    def __init__(
        self,
        ctx: AppContext,
        members: Sequence[dict[str, Any]],
        action: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.members = list(members)
        self.applying = False
        self.setWindowTitle(self.tr("Change status"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        self.who = QLabel()
        self.who.setWordWrap(True)
        layout.addWidget(self.who)

        form = QFormLayout()
        self.action = QComboBox()
        for code, (label, _status) in ACTIONS.items():
            self.action.addItem(label, code)
        if action is not None:
            self.action.setCurrentIndex(max(self.action.findData(action), 0))
        self.date = QLineEdit(date.today().isoformat())
        self.date.setPlaceholderText(DATE_PLACEHOLDER)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("e.g. moved to work in the city"))
        form.addRow(self.tr("Action"), self.action)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setVisible(False)
        layout.addWidget(self.error)

        self.ok_button = ok_cancel(self, layout, self.tr("Apply"), self.apply)
        self.ok_button.setDefault(True)
        self._show_who()
        self.date.setFocus()
        self.date.selectAll()

    def _show_who(self) -> None:
        names = self.tr(", ").join(m["name"] for m in self.members[:8])
        if len(self.members) > 8:
            names = self.tr("{0} and {1} more").format(names, len(self.members) - 8)
        self.who.setText(self.tr("Members: {0}").format(names))

    def apply(self) -> None:
        if self.applying or not self.members:
            return
        action = str(self.action.currentData())
        when = self.date.text().strip()
        note = self.note.text().strip()
        members = [m["id"] for m in self.members]

        def work(task: TaskContext) -> tuple[list[str], list[tuple[str, str]]]:
            done: list[str] = []
            refused: list[tuple[str, str]] = []
            for member_id in members:
                try:
                    change_status(task.store, member_id, action, when, note)
                except StatusError as exc:
                    refused.append((member_id, str(exc)))
                else:
                    done.append(member_id)
            return done, refused

        self.applying = True
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(work, self._applied, self._failed, parent=self, title=self.tr("Saving…"),
                            cancellable=False)

    def _applied(self, result: tuple[list[str], list[tuple[str, str]]]) -> None:
        done, refused = result
        self.applying = False
        self.ok_button.setEnabled(True)
        if done:
            self.ctx.roster_changed.emit()
        if not refused:
            self.accept()
            return
        names = {m["id"]: m["name"] for m in self.members}
        self.members = [m for m in self.members if m["id"] in dict(refused)]
        self._show_who()
        if len(names) == 1:
            self.show_error(refused[0][1])
        else:
            lines = [self.tr("{0}: {1}").format(names[member_id], message) for member_id, message in refused]
            self.show_error("\n".join(lines))

    def _failed(self, error: Exception) -> None:
        self.applying = False
        self.ok_button.setEnabled(True)
        from ui.messages import show_error

        show_error(self, error)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
