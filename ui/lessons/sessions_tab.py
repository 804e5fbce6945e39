"""The 集中学习 tab: the branch's study sessions with their attendance counts, and what is done to them
(enter a new one, edit, delete, print a sign-in sheet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import list_lessons
from core.lessons.fields import SESSION_KINDS
from core.lessons.sessions import delete_session, list_sessions
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.lessons.session_dialog import SessionDialog
from ui.notice import PdfSaver, notice_label
from ui.tables import record_table
from ui.tasks import Loader

DATE, KIND, TITLE, LESSONS, PRESENT, LEAVE, ABSENT = range(7)
COLUMN_COUNT = 7
_COUNT_COLUMNS = {PRESENT: "present_count", LEAVE: "leave_count", ABSENT: "absent_count"}
SIGNIN_DIR_PREF = "lessons/signin_dir"


def load_sessions(store: Store) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The sessions, newest first, and the titles of all lessons (archived ones too) by id."""
    titles = {lesson["id"]: lesson["title"] for lesson in list_lessons(store, include_archived=True)}
    return list_sessions(store), titles


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("SessionsModel", "Date"),
        QCoreApplication.translate("SessionsModel", "Kind"),
        QCoreApplication.translate("SessionsModel", "Title / place"),
        QCoreApplication.translate("SessionsModel", "Lessons"),
        QCoreApplication.translate("SessionsModel", "Present"),
        QCoreApplication.translate("SessionsModel", "On leave"),
        QCoreApplication.translate("SessionsModel", "Absent"),
    ]


class SessionsModel(QAbstractTableModel):
    """Rows of ``list_sessions``; lesson titles come from a separate id → title map."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sessions: list[dict[str, Any]] = []
        self._titles: dict[str, str] = {}

    def set_sessions(self, sessions: list[dict[str, Any]], lesson_titles: dict[str, str]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self._titles = dict(lesson_titles)
        self.endResetModel()

    def session_at(self, row: int) -> dict[str, Any]:
        return self._sessions[row]

    def row_of(self, session_id: str) -> int:
        return next((row for row, s in enumerate(self._sessions) if s["id"] == session_id), -1)

    def lesson_titles(self, session: dict[str, Any]) -> list[str]:
        missing = QCoreApplication.translate("SessionsModel", "(lesson removed)")
        return [self._titles.get(lesson_id, missing) for lesson_id in session["lesson_ids"]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section] if 0 <= section < COLUMN_COUNT else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        session = self._sessions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(session, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, LESSONS):
            text = "\n".join(self.lesson_titles(session)) if column == LESSONS else self._text(session, column)
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (*_COUNT_COLUMNS, DATE, KIND):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, session: dict[str, Any], column: int) -> str:
        if column == DATE:
            return session["session_date"]
        if column == KIND:
            return SESSION_KINDS.get(session["kind"], session["kind"])
        if column == TITLE:
            return " · ".join(part for part in (session.get("title"), session.get("place")) if part)
        if column == LESSONS:
            return "、".join(self.lesson_titles(session))
        return str(session.get(_COUNT_COLUMNS[column]) or 0)


class SessionsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self._select_id: str | None = None
        self.loader = Loader(ctx.runner, self, self._load)
        self.model = SessionsModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        row = QHBoxLayout()
        self.add_button = self._button(row, self.tr("New session"), self.add_session, self.tr("Ctrl+N"))
        self.edit_button = self._button(row, self.tr("Edit"), self.edit_selected, self.tr("Enter or double-click"))
        self.delete_button = self._button(row, self.tr("Delete"), self.delete_selected, self.tr("Del"))
        row.addSpacing(12)
        self.print_button = self._button(
            row, self.tr("Print sign-in sheet"), self.print_signin_sheet,
            self.tr("A PDF sign-in sheet of the selected session, with its date, place and lessons, to print "
                    "before it starts"),
        )
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        layout.addLayout(row)

        self.notice = notice_label()
        layout.addWidget(self.notice)
        self.pdf = PdfSaver(
            ctx, self, self.notice, SIGNIN_DIR_PREF, writing=self.tr("Writing the sign-in sheet…"),
            saved=self.tr("Sign-in sheet saved to {0}. <a href=\"{1}\">Open it</a> to print."),
            unavailable=self.tr("Printing sign-in sheets is not available in this version yet."),
        )
        layout.addWidget(self._build_table(), 1)
        self.empty_label = QLabel(self.tr("No study sessions yet. Click \"New session\" to enter the attendance "
                                          "of a group study or a theme party day."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #555; padding: 12px;")
        layout.addWidget(self.empty_label)

        shortcut_context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_session, context=shortcut_context)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, activated=self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        ctx.study_changed.connect(self.reload)
        self._update_actions()

    def _button(self, row: QHBoxLayout, text: str, slot: Any, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(36)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _build_table(self) -> QTableView:
        self.table = record_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in ((DATE, 120), (KIND, 100), (TITLE, 260)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(LESSONS, QHeaderView.ResizeMode.Stretch)
        for column in _COUNT_COLUMNS:
            header.resizeSection(column, max(70, header.sectionSizeHint(column) + 16))
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        return self.table

    # --- loading -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.loaded:
            self.reload()

    def reload(self) -> None:
        self.loader.request()  # several requests in one turn of the event loop load once

    def _load(self) -> None:
        self.loader.run(lambda task: load_sessions(task.store), lambda result: self._loaded(*result),
                        self.tr("Loading the study sessions…"))

    def _loaded(self, sessions: list[dict[str, Any]], titles: dict[str, str]) -> None:
        selected = self._select_id or (self.selected_session() or {}).get("id")
        self._select_id = None
        self.model.set_sessions(sessions, titles)
        self.loaded = True
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self.count_label.setText(self.tr("{0} sessions").format(len(sessions)))
        self.empty_label.setVisible(not sessions)
        self._update_actions()

    def selected_session(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.session_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        chosen = self.selected_session() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    # --- sessions ------------------------------------------------------------------------------

    def session_dialog(self, session_id: str | None = None) -> SessionDialog:
        dialog = SessionDialog(self.ctx, session_id, self)
        dialog.saved.connect(self._remember)
        return dialog

    def _remember(self, session_id: str) -> None:
        self._select_id = session_id

    def add_session(self) -> None:
        self.session_dialog().exec()

    def edit_selected(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.session_dialog(session["id"]).exec()

    def delete_selected(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        kind = SESSION_KINDS.get(session["kind"], session["kind"])
        question = self.tr(
            "Delete the {0} of {1}? Its attendance is removed, and the study records it gave the {2} members "
            "present are voided."
        ).format(kind, session["session_date"], session["present_count"] or 0)
        if not messages.confirm(self, self.tr("Delete study session"), question, self.tr("Delete")):
            return
        session_id = session["id"]
        self.ctx.runner.run(lambda task: delete_session(task.store, session_id),
                            lambda _result: self.ctx.study_changed.emit(), parent=self,
                            title=self.tr("Deleting…"), cancellable=False)

    # --- sign-in sheet -------------------------------------------------------------------------

    def print_signin_sheet(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        session_id = session["id"]

        def write(store: Store, out: Path) -> int:
            from core.lessons.signin_sheet import write_signin_sheet

            return write_signin_sheet(store, out, session_id=session_id)

        self.pdf.save(self.tr("Print sign-in sheet"), self.tr("sign-in-sheet-{0}.pdf").format(session["session_date"]),
                      write)
