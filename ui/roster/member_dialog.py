"""Adding and editing one member: every field, checked as the user goes, saved through the runner."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from core.roster.derived import age, party_years
from core.roster.fields import CATEGORIES, EDUCATION_LEVELS, GENDERS, STATUSES, WECHAT_LEVELS
from core.roster.members import ValidationFailed, add_member, as_record, edit_member
from core.roster.status import ACTIONS, status_history
from core.roster.validation import ETHNIC_GROUPS, FieldIssue, validate_member
from ui.context import AppContext
from ui.tasks import TaskContext

ERROR_COLOR = "#b00020"
WARNING_COLOR = "#9a5b00"
DATE_PLACEHOLDER = "1985-03-02"

# Where each field goes: (key, column of the form, row within the column).
_LEFT = ("name", "gender", "ethnicity", "birth_date", "id_number", "education", "phone", "wechat")
_RIGHT = ("village", "village_group", "group", "category", "joined_date", "confirmed_date", "status",
          "status_date")
_DATE_KEYS = frozenset({"birth_date", "joined_date", "confirmed_date", "status_date"})
_CHOICES: dict[str, dict[str, str]] = {
    "gender": GENDERS, "wechat": WECHAT_LEVELS, "category": CATEGORIES, "status": STATUSES,
}
_REQUIRED_CHOICES = frozenset({"category", "status"})  # no blank entry: they always have a value


class MemberDialog(QDialog):
    """``member`` None adds a new member; otherwise edits that member (a row of ``filter_members``)."""

    saved = Signal(str)  # the member's id

    def __init__(
        self,
        ctx: AppContext,
        member: dict[str, Any] | None = None,
        groups: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.member_id: str | None = member["id"] if member else None
        self.saving = False
        self._filling = False
        self._touched: set[str] = set()
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        title = self.tr("Edit member — {0}").format(member["name"]) if member else self.tr("Add member")
        self.setWindowTitle(title)
        self.setMinimumWidth(900)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        if member is not None:
            self.info = QLabel(self._derived_text(member))
            self.info.setStyleSheet("font-weight: bold;")
            layout.addWidget(self.info)
        layout.addLayout(self._build_form(groups))
        for first, second in zip(self._tab_order, self._tab_order[1:], strict=False):
            QWidget.setTabOrder(self.editors[first], self.editors[second])  # down the left column, then the right

        self.history: QListWidget | None = None
        if member is not None:
            box = QGroupBox(self.tr("Status history"))
            box_layout = QVBoxLayout(box)
            self.history = QListWidget()
            self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.history.setMaximumHeight(130)
            self.history.addItem(self.tr("Loading…"))
            box_layout.addWidget(self.history)
            layout.addWidget(box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if member is not None:
            self.fill(as_record(member))
            self._load_history()
        self.editors["name"].setFocus()

    # --- building ------------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name"),
            "gender": self.tr("Gender"),
            "ethnicity": self.tr("Ethnicity"),
            "birth_date": self.tr("Birth date"),
            "id_number": self.tr("ID number"),
            "education": self.tr("Education"),
            "phone": self.tr("Phone"),
            "wechat": self.tr("WeChat"),
            "village": self.tr("Village"),
            "village_group": self.tr("Village group"),
            "group": self.tr("Party group"),
            "category": self.tr("Category"),
            "joined_date": self.tr("Joined"),
            "confirmed_date": self.tr("Confirmed"),
            "status": self.tr("Status"),
            "status_date": self.tr("Status date"),
            "note": self.tr("Note"),
        }

    def _build_form(self, groups: Sequence[str]) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        labels = self._labels()
        order: list[str] = []
        for column, keys in ((0, _LEFT), (2, _RIGHT)):
            for position, key in enumerate(keys):
                self._add_field(grid, key, labels[key], 2 * position, column, groups)
            order.extend(keys)
        self._add_field(grid, "note", labels["note"], 2 * len(_LEFT), 0, groups, span=3)
        order.append("note")
        self._tab_order = order
        if self.member is not None:  # status changes go through the Status menu, with history
            for key in ("status", "status_date"):
                self.editors[key].setEnabled(False)
                self.editors[key].setToolTip(self.tr("Change the status with the Status button of the roster"))
        return grid

    def _add_field(
        self, grid: QGridLayout, key: str, label: str, row: int, column: int, groups: Sequence[str], span: int = 1
    ) -> None:
        editor = self._make_editor(key, groups)
        caption = QLabel(label)
        caption.setBuddy(editor)
        grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(editor, row, column + 1, 1, span)
        message = QLabel()
        message.setWordWrap(True)
        message.setVisible(False)
        grid.addWidget(message, row + 1, column + 1, 1, span)
        self.editors[key] = editor
        self.messages[key] = message

    def _make_editor(self, key: str, groups: Sequence[str]) -> QWidget:
        if key in _CHOICES:
            combo = QComboBox()
            if key not in _REQUIRED_CHOICES:
                combo.addItem("", "")
            for code, label in _CHOICES[key].items():
                combo.addItem(label, code)
            combo.currentIndexChanged.connect(lambda _i, key=key: self._left_field(key))
            return combo
        if key in ("group", "education"):
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(["", *(groups if key == "group" else EDUCATION_LEVELS)])
            line = combo.lineEdit()
            if key == "group":
                line.setPlaceholderText(self.tr("Choose, or type a new group name"))
            line.editingFinished.connect(lambda key=key: self._left_field(key))
            combo.activated.connect(lambda _i, key=key: self._left_field(key))
            return combo
        edit = QLineEdit()
        if key in _DATE_KEYS:
            edit.setPlaceholderText(DATE_PLACEHOLDER)
            edit.setToolTip(self.tr("Also accepted: 1985/3/2, 1985.3.2, 19850302, 1985年3月2日, 1985年3月"))
        elif key == "ethnicity":
            names = sorted(ETHNIC_GROUPS - {"汉族"})
            edit.setCompleter(QCompleter(["汉族", *names], edit))
        elif key == "phone":
            edit.setPlaceholderText("13812345678")
        elif key == "id_number":
            edit.setMaxLength(24)
        elif key == "note":
            edit.setMaxLength(500)
        edit.editingFinished.connect(lambda key=key: self._left_field(key))
        return edit

    # --- values --------------------------------------------------------------------------------

    def fill(self, record: dict[str, Any]) -> None:
        self._filling = True  # filling in is not the user leaving a field
        try:
            for key in self.editors:
                self.set_value(key, record.get(key))
        finally:
            self._filling = False

    def set_value(self, key: str, value: Any) -> None:
        editor = self.editors[key]
        text = "" if value is None else str(value)
        if isinstance(editor, QComboBox) and not editor.isEditable():
            position = editor.findData(text)
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def value(self, key: str) -> str:
        editor = self.editors[key]
        if isinstance(editor, QComboBox) and not editor.isEditable():
            return str(editor.currentData() or "")
        if isinstance(editor, QComboBox):
            return editor.currentText().strip()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def raw(self) -> dict[str, Any]:
        """The record as typed: blanks mean "not given"."""
        record = {key: self.value(key) or None for key in self.editors}
        if self.member is not None:  # keep the status as it is; it changes only with its history
            record["status"] = self.member.get("status")
            record["status_date"] = self.member.get("status_date")
        return record

    # --- checking ------------------------------------------------------------------------------

    def _left_field(self, key: str) -> None:
        if self._filling:
            return
        self._touched.add(key)
        if key in ("birth_date", "gender"):
            self._touched.add("id_number")  # their consistency is reported there
        if key == "category":
            self._touched.add("confirmed_date")
        self.check()

    def check(self, show_all: bool = False) -> list[FieldIssue]:
        """Validate the form (no database needed) and show the messages of the fields concerned."""
        _clean, issues = validate_member(self.raw())
        if show_all:
            self._touched.update(self.editors)
        self.show_issues([i for i in issues if i.field in self._touched])
        return issues

    def show_issues(self, issues: Sequence[FieldIssue]) -> None:
        by_field: dict[str, list[FieldIssue]] = {}
        for issue in issues:
            by_field.setdefault(issue.field if issue.field in self.messages else "name", []).append(issue)
        for key, label in self.messages.items():
            found = by_field.get(key, [])
            label.setVisible(bool(found))
            if not found:
                label.clear()
                continue
            color = ERROR_COLOR if any(i.level == "error" for i in found) else WARNING_COLOR
            label.setStyleSheet(f"color: {color};")
            label.setText("\n".join(("⚠ " if i.level == "warning" else "✖ ") + i.message for i in found))
        if self.isVisible():
            self._fit_height()

    def _fit_height(self) -> None:
        """Grow (or shrink back) so that wrapped messages are never cut off."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > 0 and needed != self.height():
            self.resize(self.width(), needed)

    def message_of(self, key: str) -> str:
        """The message shown under a field (empty when none)."""
        return self.messages[key].text()

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        issues = self.check(show_all=True)
        errors = [i for i in issues if i.level == "error"]
        if errors:
            self._focus(errors[0].field)
            return
        raw = self.raw()
        member_id = self.member_id

        def work(task: TaskContext) -> str:
            if member_id is None:
                new_id, _warnings = add_member(task.store, raw)
                return new_id
            edit_member(task.store, member_id, raw)
            return member_id

        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.runner.run(work, self._saved, self._failed, parent=self, title=self.tr("Saving…"),
                            cancellable=False)

    def _saved(self, member_id: str) -> None:
        self.saving = False
        self.member_id = member_id
        self.ctx.roster_changed.emit()
        self.saved.emit(member_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            shown = self.check()
            self._touched.update(i.field for i in error.issues)
            self.show_issues([*shown, *error.issues])
            if error.issues:
                self._focus(error.issues[0].field)
            return
        from ui.messages import show_error

        show_error(self, error)

    def _focus(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None and editor.isEnabled():
            editor.setFocus()

    # --- edit mode extras ----------------------------------------------------------------------

    def _derived_text(self, member: dict[str, Any]) -> str:
        today = date.today()
        years = age(member, today)
        party = party_years(member, today)
        parts = [
            self.tr("Age: {0}").format(years if years is not None else "—"),
            self.tr("Party years: {0}").format(party if party is not None else "—"),
            self.tr("Status: {0}").format(STATUSES.get(member.get("status") or "", "—")),
        ]
        return "　　".join(parts)

    def _load_history(self) -> None:
        member_id = self.member_id
        assert member_id is not None
        self.ctx.runner.run(lambda task: status_history(task.store, member_id), self._show_history,
                            lambda _error: self._show_history([]))

    def _show_history(self, rows: list[dict[str, Any]]) -> None:
        if self.history is None:
            return
        self.history.clear()
        if not rows:
            self.history.addItem(self.tr("No status changes recorded"))
            return
        for row in rows:
            action = ACTIONS.get(row["action"], (row["action"], None))[0]
            before, after = STATUSES.get(row["from_status"], ""), STATUSES.get(row["to_status"], "")
            if row["action"] == "confirm":
                before, after = CATEGORIES.get(row["from_category"], ""), CATEGORIES.get(row["to_category"], "")
            change = self.tr("{0} → {1}").format(before, after)
            line = self.tr("{0}  {1} ({2})").format(row["date"], action, change)
            if row.get("note"):
                line = self.tr("{0}: {1}").format(line, row["note"])
            self.history.addItem(line)
