"""Adding and editing one micro-lesson of the branch; a district lesson is only shown, never changed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import LessonError, add_lesson, edit_lesson, is_district, validate_lesson
from core.lessons.fields import LESSON_FIELDS
from core.roster.validation import FieldIssue
from ui import messages
from ui.context import AppContext
from ui.tasks import TaskContext

ERROR_COLOR = "#b00020"
_DATE_KEYS = frozenset({"published_date", "valid_until"})
_LONG_KEYS = frozenset({"title", "video_url", "note"})


class LessonDialog(QDialog):
    """``lesson`` None adds a lesson; a branch lesson is edited; a district lesson is shown read-only."""

    saved = Signal(str)  # the lesson's id

    def __init__(self, ctx: AppContext, lesson: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lesson = lesson
        self.lesson_id: str | None = lesson["id"] if lesson else None
        self.read_only = bool(lesson and is_district(lesson))
        self.saving = False
        self._touched: set[str] = set()
        self.editors: dict[str, QLineEdit] = {}
        self.messages: dict[str, QLabel] = {}
        if self.read_only:
            title = self.tr("Lesson published by the district (read-only)")
        else:
            title = self.tr("Edit lesson") if lesson else self.tr("Add lesson")
        self.setWindowTitle(title)
        self.setMinimumWidth(720)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if self.read_only:
            note = QLabel(self.tr("The district published this lesson; the branch cannot change it."))
            note.setStyleSheet("color: #6b4e00;")
            layout.addWidget(note)
        layout.addLayout(self._build_form())

        if self.read_only:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
            self.save_button = None
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
            self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            self.save_button.setText(self.tr("Save"))
            self.save_button.setDefault(True)  # Enter in any field saves; Esc cancels
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
            self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if lesson is not None:
            for key, editor in self.editors.items():
                value = lesson.get(key)
                editor.setText("" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
                editor.setReadOnly(self.read_only)
        self.editors["title"].setFocus()

    # --- building ------------------------------------------------------------------------------

    def _labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Title"),
            "speaker": self.tr("Speaker"),
            "topic": self.tr("Topic"),
            "minutes": self.tr("Minutes"),
            "video_url": self.tr("Video link"),
            "credit_hours": self.tr("Credit hours"),
            "published_date": self.tr("Published"),
            "valid_until": self.tr("Valid until"),
            "note": self.tr("Note"),
        }

    def _placeholders(self) -> dict[str, str]:
        return {
            "title": self.tr("Required"),
            "minutes": "30",
            "video_url": "https://",
            "credit_hours": "0.5",
            "published_date": "2026-11-01",
            "valid_until": "2026-12-31",
        }

    def _build_form(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        labels = self._labels()
        placeholders = self._placeholders()
        for position, field in enumerate(LESSON_FIELDS):
            key = field.key
            editor = QLineEdit()
            editor.setMinimumHeight(32)
            editor.setPlaceholderText(placeholders.get(key, ""))
            editor.setMaxLength(500 if key in _LONG_KEYS else 100)
            if key in _DATE_KEYS:
                editor.setToolTip(self.tr("Also accepted: 2026/11/1, 2026.11.1, 20261101, 2026年11月1日"))
            editor.editingFinished.connect(lambda key=key: self._left_field(key))
            caption = QLabel(labels[key] + ("" if key != "title" else " *"))
            caption.setBuddy(editor)
            grid.addWidget(caption, 2 * position, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(editor, 2 * position, 1)
            message = QLabel()
            message.setWordWrap(True)
            message.setStyleSheet(f"color: {ERROR_COLOR};")
            message.setVisible(False)
            grid.addWidget(message, 2 * position + 1, 1)
            self.editors[key] = editor
            self.messages[key] = message
        return grid

    # --- checking ------------------------------------------------------------------------------

    def raw(self) -> dict[str, Any]:
        return {key: editor.text().strip() or None for key, editor in self.editors.items()}

    def _left_field(self, key: str) -> None:
        if self.read_only:
            return
        self._touched.add(key)
        self.check()

    def check(self, show_all: bool = False) -> list[FieldIssue]:
        """Validate the form (no database needed) and show the messages of the fields left so far."""
        _clean, issues = validate_lesson(self.raw())
        if show_all:
            self._touched.update(self.editors)
        self.show_issues([i for i in issues if i.field in self._touched])
        return issues

    def show_issues(self, issues: Sequence[FieldIssue]) -> None:
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            by_field.setdefault(issue.field if issue.field in self.messages else "title", []).append(issue.message)
        for key, label in self.messages.items():
            found = by_field.get(key, [])
            label.setText("\n".join("✖ " + text for text in found))
            label.setVisible(bool(found))
        if self.isVisible():
            self.adjustSize()

    def message_of(self, key: str) -> str:
        return self.messages[key].text()

    # --- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving or self.read_only:
            return
        errors = [i for i in self.check(show_all=True) if i.level == "error"]
        if errors:
            self._focus(errors[0].field)
            return
        raw = self.raw()
        lesson_id = self.lesson_id

        def work(task: TaskContext) -> str:
            if lesson_id is None:
                return add_lesson(task.store, raw)
            edit_lesson(task.store, lesson_id, raw)
            return lesson_id

        self.saving = True
        assert self.save_button is not None
        self.save_button.setEnabled(False)
        self.ctx.runner.run(work, self._saved, self._failed, parent=self, title=self.tr("Saving…"),
                            cancellable=False)

    def _saved(self, lesson_id: str) -> None:
        self.saving = False
        self.lesson_id = lesson_id
        self.ctx.study_changed.emit()
        self.saved.emit(lesson_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.saving = False
        if self.save_button is not None:
            self.save_button.setEnabled(True)
        if isinstance(error, LessonError) and error.issues:
            self._touched.update(i.field for i in error.issues)
            self.show_issues(error.issues)
            self._focus(error.issues[0].field)
            return
        messages.show_error(self, error)

    def _focus(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None:
            editor.setFocus()
            editor.selectAll()
