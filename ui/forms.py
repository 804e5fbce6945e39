"""Pieces of the dialogs where records are entered: date editors, the status line, OK and Cancel, dialogs
whose OK waits for a required field (such as the reason a record is voided), and the base of the dialogs
that enter records from paper at speed (Enter moves on to the next field, Ctrl+S saves)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import messages
from ui.context import AppContext
from ui.lessons.search_combo import SearchCombo
from ui.tasks import TaskContext

OK_COLOR = "#1b5e20"
ERROR_COLOR = "#b00020"


def filter_edit(placeholder: str, on_change: Callable[[str], Any] | None = None, *, min_width: int = 0) -> QLineEdit:
    """The search / filter box of a list: placeholder, clear button, tall enough for older eyes."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setMinimumHeight(36)
    if min_width:
        edit.setMinimumWidth(min_width)
    if on_change is not None:
        edit.textChanged.connect(on_change)
    return edit


def date_edit(maximum_today: bool = True) -> QDateEdit:
    editor = QDateEdit(QDate.currentDate())
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setMinimumHeight(34)
    if maximum_today:
        editor.setMaximumDate(QDate.currentDate())
    return editor


def iso(editor: QDateEdit) -> str:
    return editor.date().toString("yyyy-MM-dd")


def show_status(label: QLabel, text: str, error: bool = False) -> None:
    """A green ✔ line, a red ✖ one, or nothing for no text."""
    label.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR}; font-weight: bold;")
    label.setText(("✖ " if error else "✔ ") + text if text else "")


def ok_cancel(dialog: QDialog, layout: QBoxLayout, ok_text: str,
              on_ok: Callable[[], Any] | None = None) -> QPushButton:
    """OK (saying ``ok_text``; it calls ``on_ok``, by default the dialog's accept) and Cancel at the foot
    of ``dialog``; returns OK."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("Forms", "Cancel"))
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return ok


class RequiredDialog(QDialog):
    """A dialog whose OK stays disabled, and which does not accept, until ``filled()`` (a reason, a
    name… is typed). A subclass sets ``ok_button``, calls ``_update`` when the field changes and once
    when built."""

    ok_button: QPushButton

    def filled(self) -> bool:
        raise NotImplementedError

    def _update(self) -> None:
        self.ok_button.setEnabled(self.filled())

    def accept(self) -> None:
        if self.filled():
            super().accept()


class VoidingDialog(RequiredDialog):
    """Asks why something is voided (``title`` and the question ``text``); the reason is required."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None, width: int = 480) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QLineEdit()
        self.reason.setMinimumHeight(34)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. wrong date"))
        layout.addWidget(self.reason)
        self.ok_button = ok_cancel(self, layout, self.tr("Void"))
        self.reason.textChanged.connect(self._update)
        self._update()

    def filled(self) -> bool:
        return bool(self.reason.text().strip())


class EntryDialog(QDialog):
    """The base of the dialogs that enter records from paper at speed: a grid form where Enter moves on
    to the next field, as in a spreadsheet, and a status line with Save (Ctrl+S, Ctrl+Enter) and Close
    below it. A subclass builds ``status``, ``save_button`` and ``close_button`` with ``_build_bottom``,
    and implements ``save`` and ``_failed``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self._enter_moves: list[QWidget] = []

    def save(self) -> None:
        raise NotImplementedError

    def _failed(self, error: Exception) -> None:
        raise NotImplementedError

    # --- building ------------------------------------------------------------------------------

    def _field(self, grid: QGridLayout, row: int, column: int, label: str, editor: QWidget, span: int = 1) -> None:
        caption = QLabel(label)
        caption.setBuddy(editor)
        editor.setMinimumHeight(34)
        grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(editor, row, column + 1, 1, span)

    def _entered_by_editor(self, remembered: object) -> QLineEdit:
        """Who enters the records, filled in with the name remembered from last time."""
        editor = QLineEdit(str(remembered or ""))
        editor.setPlaceholderText(self.tr("Your name"))
        editor.setMaxLength(40)
        return editor

    def _build_bottom(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().height() * 2)
        row.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setMinimumHeight(40)
        self.save_button.setStyleSheet("font-weight: bold;")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda: self.save())
        row.addWidget(self.save_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setMinimumHeight(40)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        return row

    def _set_keys(self, enter_moves: list[QWidget]) -> None:
        """Enter in one of ``enter_moves`` moves on (see ``_enter_pressed``); Ctrl+S or Ctrl+Enter saves."""
        self._enter_moves = enter_moves
        for editor in enter_moves:
            editor.installEventFilter(self)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=lambda: self.save(),
                      context=Qt.ShortcutContext.WindowShortcut)

    # --- saving --------------------------------------------------------------------------------

    def show_status(self, text: str, error: bool = False) -> None:
        show_status(self.status, text, error)

    def _run_save(self, work: Callable[[TaskContext], Any], on_done: Callable[[Any], None]) -> None:
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.runner.run(work, on_done, self._failed, parent=self, title=self.tr("Saving…"), cancellable=False)

    def _save_ended(self) -> None:
        self.saving = False
        self.save_button.setEnabled(True)

    def _refused(self, error: Exception, refusal: type[Exception]) -> bool:
        """After a failed save: a ``refusal`` (its message says what to mend) goes on the status line and
        True is returned; any other error is shown in a box."""
        self._save_ended()
        if not isinstance(error, refusal):
            messages.show_error(self, error)
            return False
        self.show_status(str(error), error=True)
        return True

    # --- keyboard ------------------------------------------------------------------------------

    def _enter_pressed(self, watched: QWidget) -> None:
        self.focusNextChild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched in self._enter_moves and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                if isinstance(watched, SearchCombo):
                    watched.lineEdit().editingFinished.emit()  # take the typed choice first
                assert isinstance(watched, QWidget)
                self._enter_pressed(watched)
                return True
        return super().eventFilter(watched, event)
