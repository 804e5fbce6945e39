"""The party groups (党小组) of the branch: their member counts, adding, renaming and deleting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.roster.groups import GroupError, delete_group, ensure_group, list_groups, rename_group
from ui import messages
from ui.context import AppContext
from ui.roster.member_dialog import ERROR_COLOR
from ui.tasks import TaskContext


class GroupsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[dict[str, Any]] = []
        self.busy = False
        self.setWindowTitle(self.tr("Party groups"))
        self.setMinimumSize(560, 460)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Party groups of the branch and their members:")))
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet("QListWidget::item { padding: 6px; }")
        self.list.currentItemChanged.connect(self._selected)
        layout.addWidget(self.list, 1)

        grid = QGridLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of the party group"))
        self.name.returnPressed.connect(self.add_group)
        name_label = QLabel(self.tr("Name"))
        name_label.setBuddy(self.name)
        grid.addWidget(name_label, 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 3)
        self.add_button = QPushButton(self.tr("Add"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add_group)
        self.rename_button.clicked.connect(self.rename_group)
        self.delete_button.clicked.connect(self.delete_group)
        for column, button in enumerate((self.add_button, self.rename_button, self.delete_button), start=1):
            button.setAutoDefault(False)
            grid.addWidget(button, 1, column)
        layout.addLayout(grid)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.setVisible(False)
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, activated=self.delete_group)
        self._update_buttons()
        self.reload()

    # --- data ----------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.ctx.runner.run(lambda task: list_groups(task.store, with_counts=True),
                            lambda rows: self._loaded(rows, select), parent=self, title=self.tr("Loading…"))

    def _loaded(self, rows: list[dict[str, Any]], select: str | None) -> None:
        self.groups = rows
        current = select or self.current_id()
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(self.tr("{0} ({1} members)").format(row["name"], row["member_count"]))
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
            if row["id"] == current:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def current_group(self) -> dict[str, Any] | None:
        current = self.current_id()
        return next((g for g in self.groups if g["id"] == current), None)

    def names(self) -> list[str]:
        return [g["name"] for g in self.groups]

    def _selected(self) -> None:
        group = self.current_group()
        if group is not None:
            self.name.setText(group["name"])
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_group = self.current_group() is not None
        self.rename_button.setEnabled(has_group and not self.busy)
        self.delete_button.setEnabled(has_group and not self.busy)
        self.add_button.setEnabled(not self.busy)

    # --- changes -------------------------------------------------------------------------------

    def add_group(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.show_error(self.tr("Type the name of the new party group first."))
            return
        if name in self.names():
            self.show_error(self.tr("There is already a party group called {0}.").format(name))
            return
        self._change(lambda task: ensure_group(task.store, name), select_result=True)

    def rename_group(self) -> None:
        group = self.current_group()
        name = self.name.text().strip()
        if group is None or name == group["name"]:
            return
        group_id = group["id"]
        self._change(lambda task: rename_group(task.store, group_id, name))

    def delete_group(self) -> None:
        group = self.current_group()
        if group is None:
            return
        if group["member_count"]:
            # Core refuses a group that still has members, with a message saying what to do first.
            self._change(lambda task: delete_group(task.store, group["id"]))
            return
        question = self.tr("Delete the party group {0}?").format(group["name"])
        if not messages.confirm(self, self.tr("Delete party group"), question, self.tr("Delete")):
            return
        group_id = group["id"]
        self._change(lambda task: delete_group(task.store, group_id))

    def _change(self, fn: Callable[[TaskContext], Any], select_result: bool = False) -> None:
        self.busy = True
        self._update_buttons()
        self.show_error("")

        def done(result: Any) -> None:
            self.busy = False
            self.ctx.roster_changed.emit()
            self.reload(select=str(result) if select_result else None)

        def failed(error: Exception) -> None:
            self.busy = False
            self._update_buttons()
            if isinstance(error, GroupError):
                self.show_error(str(error))
            else:
                messages.show_error(self, error)

        self.ctx.runner.run(fn, done, failed, parent=self, title=self.tr("Saving…"), cancellable=False)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
