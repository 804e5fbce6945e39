"""Entering one study session (集中学习 or 主题党日): date, lessons, and the attendance from the paper
sign-in sheet — by keyboard, one key per member, the table moving on by itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import get_lesson, list_lessons
from core.lessons.fields import ATTENDANCE, SESSION_KINDS
from core.lessons.sessions import StudySession, get_session, save_session
from core.lessons.study import studying_members
from core.roster.members import get_member
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.forms import filter_edit
from ui.lessons.attendance_model import (
    GROUP,
    AttendanceModel,
    AttendanceTable,
)

Loaded = tuple[list[dict[str, Any]], list[dict[str, Any]], StudySession | None]


def load_session_data(store: Store, session_id: str | None) -> Loaded:
    """Members expected to study, the lessons to choose from and the session being edited (if any).

    Members marked in the session who are no longer expected to study are added (``former``), and
    lessons of the session that have since been archived too, so that saving loses nothing."""
    members = studying_members(store)
    lessons = list_lessons(store)
    session = get_session(store, session_id) if session_id else None
    if session is not None:
        known = {m["id"] for m in members}
        for member_id in session.attendance:
            row = get_member(store, member_id) if member_id not in known else None
            if row is not None:
                members.append({**row, "group_name": row.get("group"), "former": True})
        have = {lesson["id"] for lesson in lessons}
        lessons += [lesson for lesson_id in session.lesson_ids if lesson_id not in have
                    and (lesson := get_lesson(store, lesson_id)) is not None]
    return members, lessons, session


class SessionDialog(QDialog):
    """``session_id`` None enters a new session; otherwise edits that one."""

    saved = Signal(str)  # the session's id

    def __init__(self, ctx: AppContext, session_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        self.loaded = False
        self.saving = False
        self.dirty = False
        self._skip_release = False
        self.setWindowTitle(self.tr("Edit study session") if session_id else self.tr("New study session"))
        self.resize(1040, 780)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._build_form())
        layout.addLayout(self._build_attendance_bar())
        layout.addWidget(self._build_table(), 1)
        hint = QLabel(self.tr("Keys: 1 or Space = present, 2 = on leave (then type the reason and press Enter), "
                              "3 = absent; the next member is selected by itself. Type letters to find a name."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addLayout(self._build_buttons())
        QWidget.setTabOrder(self.search, self.table)
        for button in self.findChildren(QPushButton):  # Enter moves down the table; it never saves
            button.setAutoDefault(False)
            button.setDefault(False)

        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        self.model.changed.connect(self._attendance_changed)
        self._set_enabled(False)
        self.date_edit.setFocus()
        self._load()

    # --- building ------------------------------------------------------------------------------

    def _build_form(self) -> QHBoxLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.kind_combo = QComboBox()
        for code, label in SESSION_KINDS.items():
            self.kind_combo.addItem(label, code)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. November group study"))
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("e.g. village committee meeting room"))
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(500)
        rows = ((self.tr("Date"), self.date_edit), (self.tr("Kind"), self.kind_combo),
                (self.tr("Title"), self.title_edit), (self.tr("Place"), self.place_edit),
                (self.tr("Note"), self.note_edit))
        for row, (text, editor) in enumerate(rows):
            caption = QLabel(text)
            caption.setBuddy(editor)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(editor, row, 1)
        for signal in (self.date_edit.dateChanged, self.kind_combo.currentIndexChanged, self.title_edit.textEdited,
                       self.place_edit.textEdited, self.note_edit.textEdited):
            signal.connect(self._touched)

        lessons = QVBoxLayout()
        self.lessons_label = QLabel()
        lessons.addWidget(self.lessons_label)
        self.lesson_list = QListWidget()
        self.lesson_list.setMinimumHeight(150)
        self.lesson_list.setSpacing(2)
        self.lesson_list.itemChanged.connect(self._lessons_changed)
        self.lesson_list.viewport().installEventFilter(self)
        lessons.addWidget(self.lesson_list, 1)

        row = QHBoxLayout()
        row.addLayout(grid, 2)
        row.addSpacing(12)
        row.addLayout(lessons, 3)
        return row

    def _build_attendance_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = filter_edit(self.tr("Find: name or pinyin initials (Ctrl+F)"), min_width=300)
        row.addWidget(self.search)
        self.all_button = self._button(row, self.tr("All present"), lambda: self.model.set_all("present"))
        self.group_button = self._button(row, self.tr("Whole group present"), lambda: self.table.mark_group_present())
        row.addSpacing(8)
        labels = {"present": self.tr("Present (1)"), "leave": self.tr("On leave (2)"), "absent": self.tr("Absent (3)")}
        self.mark_buttons = {code: self._button(row, labels[code], lambda _c=False, code=code: self.table.mark(code))
                             for code in ATTENDANCE}
        for button in (self.all_button, self.group_button, *self.mark_buttons.values()):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keyboard in the table
        row.addStretch(1)
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("font-weight: bold; font-size: 120%;")
        row.addWidget(self.counts_label)
        return row

    def _build_table(self) -> AttendanceTable:
        self.model = AttendanceModel(self)
        self.table = AttendanceTable(self.model)
        self.proxy = self.table.proxy
        self.table.attach_search(self.search)
        self.table.escape_pressed.connect(self.reject)
        self.table.selectionModel().currentRowChanged.connect(self._update_group_button)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        return self.table

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_label = QLabel(self.tr("Loading…"))
        row.addWidget(self.status_label, 1)
        self.save_button = self._button(row, self.tr("Save (Ctrl+S)"), self.save)
        self.save_button.setStyleSheet("font-weight: bold;")
        self._button(row, self.tr("Cancel"), self.reject)
        return row

    def _button(self, row: QHBoxLayout, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(36)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # --- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        session_id = self.session_id
        self.ctx.runner.run(lambda task: load_session_data(task.store, session_id), self._loaded,
                            self._load_failed, parent=self, title=self.tr("Loading…"), cancellable=False)

    def _loaded(self, result: Loaded) -> None:
        members, lessons, session = result
        if self.session_id and session is None:
            self.status_label.setText(self.tr("This session no longer exists; it may have been deleted."))
            return
        chosen = session.lesson_ids if session else []
        self.lesson_list.blockSignals(True)
        ordered = sorted(lessons, key=lambda lesson: lesson["id"] not in chosen)  # ticked ones first
        for lesson in ordered:
            text = lesson["title"]
            if lesson.get("minutes"):
                text = self.tr("{0} ({1} min)").format(text, lesson["minutes"])
            item = QListWidgetItem(text, self.lesson_list)
            item.setData(Qt.ItemDataRole.UserRole, lesson["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = lesson["id"] in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.lesson_list.blockSignals(False)
        if session is not None:
            self.date_edit.setDate(QDate.fromString(session.session_date, "yyyy-MM-dd"))
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(session.kind), 0))
            self.title_edit.setText(session.title)
            self.place_edit.setText(session.place)
            self.note_edit.setText(session.note)
            self.setWindowTitle(self.tr("Edit study session — {0}").format(session.session_date))
        self.model.set_members(members, session.attendance if session else None)
        self._lessons_changed()
        self.table.move_to(0)
        self.loaded = True
        self.dirty = False
        self._set_enabled(True)
        self.status_label.setText("" if members else self.tr("No members to mark: add members to the roster first."))

    def _load_failed(self, error: Exception) -> None:
        self.status_label.setText(self.tr("Could not load the session."))
        messages.show_error(self, error)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.save_button, self.all_button, self.group_button, *self.mark_buttons.values()):
            widget.setEnabled(enabled)
        self._update_group_button()

    # --- attendance ----------------------------------------------------------------------------

    def _update_group_button(self) -> None:
        current = self.table.currentIndex()
        self.group_button.setEnabled(self.loaded and current.isValid())
        if current.isValid():
            group = current.siblingAtColumn(GROUP).data()
            self.group_button.setToolTip(self.tr("Mark everyone of {0} present").format(group))

    def _attendance_changed(self) -> None:
        counts = self.model.counts()
        self.counts_label.setText(self.tr("Present {0} · On leave {1} · Absent {2}").format(
            counts["present"], counts["leave"], counts["absent"]))
        self._touched()

    def _lessons_changed(self) -> None:
        self.lessons_label.setText(self.tr("Lessons studied ({0} chosen):").format(len(self.lesson_ids())))
        self._touched()

    def _touched(self) -> None:
        if self.loaded:
            self.dirty = True

    def _table_menu(self, position: Any) -> None:
        menu = QMenu(self.table)
        for code, button in self.mark_buttons.items():
            menu.addAction(button.text(), lambda code=code: self.table.mark(code))
        menu.exec(self.table.viewport().mapToGlobal(position))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """A click anywhere on a lesson's line ticks or unticks it, not only on its small box."""
        if watched is self.lesson_list.viewport() and isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonDblClick:  # a double click ticks once, like a click
                self._skip_release = True
                return True
            if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
                item = self.lesson_list.itemAt(event.position().toPoint())
                if item is not None and not self._skip_release:
                    checked = item.checkState() == Qt.CheckState.Checked
                    item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
                self._skip_release = False
                return item is not None
        return super().eventFilter(watched, event)

    # --- saving --------------------------------------------------------------------------------

    def lesson_ids(self) -> list[str]:
        items = (self.lesson_list.item(row) for row in range(self.lesson_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked]

    def session(self) -> StudySession:
        """The session as entered."""
        return StudySession(
            session_date=self.date_edit.date().toString("yyyy-MM-dd"),
            lesson_ids=self.lesson_ids(),
            kind=self.kind_combo.currentData(),
            title=self.title_edit.text(),
            place=self.place_edit.text(),
            note=self.note_edit.text(),
            attendance=self.model.attendance(),
            id=self.session_id,
        )

    def save(self) -> None:
        if self.saving or not self.loaded:
            return
        self.table.commit_open_editor()
        session = self.session()
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.runner.run(lambda task: save_session(task.store, session), self._saved, self._failed,
                            parent=self, title=self.tr("Saving…"), cancellable=False)

    def _saved(self, session_id: str) -> None:
        self.saving = False
        self.session_id = session_id
        self.dirty = False
        self.ctx.study_changed.emit()
        self.saved.emit(session_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        messages.show_error(self, error)
        self._show_problem()

    def _show_problem(self) -> None:
        """Put the cursor where the refusal most likely is: a leave without a reason, or the lessons."""
        if not self.lesson_ids():
            self.lesson_list.setFocus()
            return
        for row in range(self.model.rowCount()):
            if self.model.status_of(row) == "leave" and not self.model.reason_of(row).strip():
                self.table.edit_reason_of(self.model.member_at(row)["id"])
                return

    def reject(self) -> None:
        if self.saving:
            return
        if self.dirty and not messages.confirm(
            self, self.tr("Close without saving"),
            self.tr("The attendance and details entered here have not been saved. Close and lose them?"),
            self.tr("Close without saving"),
        ):
            return
        super().reject()
