"""The attendance table of one study session: one row per member with status and reason, the search
that narrows it, and the view that marks a member with one key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from core.lessons.fields import ATTENDANCE
from core.lessons.sessions import Attendance
from core.roster.search import MemberIndex

NAME, GROUP, STATUS, REASON = range(4)
COLUMN_COUNT = 4
MemberIdRole = Qt.ItemDataRole.UserRole + 1

DEFAULT_STATUS = "absent"
Flag = QItemSelectionModel.SelectionFlag
_MARK_KEYS = {Qt.Key.Key_1: "present", Qt.Key.Key_Space: "present", Qt.Key.Key_2: "leave", Qt.Key.Key_3: "absent"}
# Colours of the status cell: (background, text). Strong enough to tell apart at a glance.
STATUS_COLORS: dict[str, tuple[str | None, str]] = {
    "present": ("#d8f0d8", "#1b5e20"),
    "leave": ("#fff0c8", "#8a5300"),
    "absent": (None, "#666666"),
}
_FORMER_COLOR = QColor("#8a8a8a")


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("AttendanceModel", "Name"),
        QCoreApplication.translate("AttendanceModel", "Party group"),
        QCoreApplication.translate("AttendanceModel", "Attendance"),
        QCoreApplication.translate("AttendanceModel", "Reason"),
    ]


class AttendanceModel(QAbstractTableModel):
    """Members (rows of ``studying_members``, in that order) and what was marked for each.

    A member dict may carry ``former: True``: marked in this session but no longer expected to study
    (status changed, or removed from the roster); such rows are kept so that saving loses nothing.
    """

    changed = Signal()  # a status or a reason changed (counts and "unsaved" follow it)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._members: list[dict[str, Any]] = []
        self._rows: dict[str, int] = {}
        self._marks: dict[str, Attendance] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # --- content -------------------------------------------------------------------------------

    def set_members(self, members: Iterable[dict[str, Any]], marks: Mapping[str, Attendance] | None = None) -> None:
        """Show ``members``; those without a mark in ``marks`` start as 缺席."""
        marks = marks or {}
        self.beginResetModel()
        self._members = list(members)
        self._rows = {m["id"]: row for row, m in enumerate(self._members)}
        self._marks = {
            m["id"]: Attendance(marks[m["id"]].status, marks[m["id"]].reason) if m["id"] in marks
            else Attendance(DEFAULT_STATUS)
            for m in self._members
        }
        self.endResetModel()
        self.changed.emit()

    @property
    def members(self) -> list[dict[str, Any]]:
        return self._members

    def member_at(self, row: int) -> dict[str, Any]:
        return self._members[row]

    def row_of(self, member_id: str) -> int:
        return self._rows.get(member_id, -1)

    def status_of(self, row: int) -> str:
        return self._marks[self._members[row]["id"]].status

    def reason_of(self, row: int) -> str:
        return self._marks[self._members[row]["id"]].reason

    def attendance(self) -> dict[str, Attendance]:
        """What to save: every member's mark (a copy)."""
        return {member_id: Attendance(mark.status, mark.reason) for member_id, mark in self._marks.items()}

    def counts(self) -> dict[str, int]:
        tally = Counter(mark.status for mark in self._marks.values())
        return {code: tally.get(code, 0) for code in ATTENDANCE}

    def group_rows(self, group: str | None) -> list[int]:
        """The rows of the members of a party group (by name; None = no group)."""
        return [row for row, m in enumerate(self._members) if (m.get("group_name") or None) == group]

    # --- marking -------------------------------------------------------------------------------

    def set_status(self, rows: Iterable[int], status: str) -> None:
        if status not in ATTENDANCE:
            raise ValueError(status)
        touched = [row for row in rows if 0 <= row < len(self._members) and self.status_of(row) != status]
        for row in touched:
            self._marks[self._members[row]["id"]].status = status
        if touched:
            self.dataChanged.emit(self.index(min(touched), 0), self.index(max(touched), COLUMN_COUNT - 1))
            self.changed.emit()

    def set_all(self, status: str) -> None:
        self.set_status(range(len(self._members)), status)

    def set_reason(self, row: int, reason: str) -> None:
        mark = self._marks[self._members[row]["id"]]
        if mark.reason == reason:
            return
        mark.reason = reason
        self.dataChanged.emit(self.index(row, REASON), self.index(row, REASON))
        self.changed.emit()

    # --- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_titles()[section] if 0 <= section < COLUMN_COUNT else None
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == REASON:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        mark = self._marks[member["id"]]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return member.get("name") or ""
            if column == GROUP:
                return member.get("group_name") or QCoreApplication.translate("AttendanceModel", "No party group")
            if column == STATUS:
                return ATTENDANCE[mark.status]
            return mark.reason
        if role == MemberIdRole:
            return member["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            if member.get("former"):
                return QCoreApplication.translate(
                    "AttendanceModel", "No longer in the study list (status changed or removed from the roster)"
                )
            if column == REASON and mark.reason:
                return mark.reason
            return None
        if column == STATUS:
            background, text = STATUS_COLORS[mark.status]
            if role == Qt.ItemDataRole.BackgroundRole and background:
                return QBrush(QColor(background))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(text))
            if role == Qt.ItemDataRole.FontRole and mark.status != DEFAULT_STATUS:
                return self._bold
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and member.get("former"):
            return QBrush(_FORMER_COLOR)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == REASON:
            self.set_reason(index.row(), str(value or "").strip())
            return True
        if index.column() == STATUS and value in ATTENDANCE:
            self.set_status([index.row()], str(value))
            return True
        return False


class AttendanceFilter(QSortFilterProxyModel):
    """Narrows the attendance table to the members matching a name, pinyin or initials; keeps the
    source order (by party group, then pinyin)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._index = MemberIndex([])
        self._text = ""
        self._matches: set[str] | None = None

    def setSourceModel(self, model: AttendanceModel) -> None:  # type: ignore[override]  # noqa: N802
        super().setSourceModel(model)
        model.modelReset.connect(self._rebuild)
        self._rebuild()

    def attendance_model(self) -> AttendanceModel:
        return self.sourceModel()  # type: ignore[return-value]

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._refilter()

    def _rebuild(self) -> None:
        self._index = MemberIndex(self.attendance_model().members)
        self._refilter()

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._matches = set(self._index.search(self._text)) if self._text.strip() else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if self._matches is None:
            return True
        return self.attendance_model().member_at(source_row)["id"] in self._matches

    def source_rows(self, rows: Iterable[int]) -> list[int]:
        return [self.mapToSource(self.index(row, 0)).row() for row in rows]

    def row_of(self, member_id: str) -> int:
        """Where a member is shown, or -1 (filtered out or unknown)."""
        source = self.attendance_model().row_of(member_id)
        return self.mapFromSource(self.attendance_model().index(source, 0)).row() if source >= 0 else -1


class AttendanceTable(QTableView):
    """The attendance view, made for entering a paper sign-in sheet by keyboard.

    Keys on a row: 1 or Space 出席, 2 请假 (the reason cell opens for typing; Enter finishes it),
    3 缺席 — then the next row is selected by itself. Enter moves down, letters start a search in
    the box given to ``attach_search``; while searching, marking a member returns to that box.
    """

    escape_pressed = Signal()  # Escape with no search to clear: the dialog may close

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attendance = model
        self.proxy = AttendanceFilter(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.search: QLineEdit | None = None
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in ((NAME, 130), (GROUP, 170), (STATUS, 110)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)

    # --- marking -------------------------------------------------------------------------------

    def mark(self, status: str) -> None:
        """Mark the selected members (or the current one) and move on."""
        current = self.currentIndex()
        if not current.isValid():
            return
        selected = sorted(index.row() for index in self.selectionModel().selectedRows())
        rows = selected if current.row() in selected else [current.row()]
        member_ids = [self.proxy.index(row, NAME).data(MemberIdRole) for row in rows]
        self.attendance.set_status(self.proxy.source_rows(rows), status)
        last = max(self.proxy.row_of(member_id) for member_id in member_ids)
        if status == "leave" and len(rows) == 1 and last >= 0:
            self.edit_reason(last)
            return
        self.move_to(last if last >= 0 else current.row())
        self.member_done()

    def mark_group_present(self) -> None:
        """Mark everyone of the current member's party group present (searched or not)."""
        current = self.currentIndex()
        if current.isValid():
            member = self.attendance.member_at(self.proxy.source_rows([current.row()])[0])
            self.attendance.set_status(self.attendance.group_rows(member.get("group_name") or None), "present")
        self.setFocus()

    def member_done(self) -> None:
        """After a member: the next row, or back to the search box while searching."""
        if self.search is not None and self.proxy.text.strip():
            self.search.setFocus()
            self.search.selectAll()
            return
        self.setFocus()
        self.move_to(self.currentIndex().row() + 1)

    def edit_reason(self, row: int) -> None:
        self.setFocus()
        self.move_to(row, REASON)
        self.edit(self.proxy.index(row, REASON))

    def edit_reason_of(self, member_id: str) -> None:
        """Show a member (clearing the search if needed) and open their reason for typing."""
        if self.proxy.row_of(member_id) < 0 and self.search is not None:
            self.search.clear()
        row = self.proxy.row_of(member_id)
        if row >= 0:
            self.edit_reason(row)

    def move_to(self, row: int, column: int = STATUS) -> None:
        """Make ``row`` (of what is shown) the current, selected row."""
        if self.proxy.rowCount() == 0:
            return
        index = self.proxy.index(max(0, min(row, self.proxy.rowCount() - 1)), column)
        self.selectionModel().setCurrentIndex(index, Flag.ClearAndSelect | Flag.Rows)
        self.scrollTo(index)

    def commit_open_editor(self) -> None:
        """Keep what is being typed in a reason cell (before saving)."""
        if self.state() == QAbstractItemView.State.EditingState:
            editor = self.indexWidget(self.currentIndex())
            if editor is not None:
                self.commitData(editor)
                self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # --- keys ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        key = Qt.Key(event.key())
        if plain and self.state() != QAbstractItemView.State.EditingState:
            text = event.text()
            if key in _MARK_KEYS:
                self.mark(_MARK_KEYS[key])
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_to(self.currentIndex().row() + 1)
                return
            if key == Qt.Key.Key_Escape:
                self._escape()
                return
            if self.search is not None and text.isascii() and text.isalpha() and self.currentIndex().column() != REASON:
                self.search.setText(text)
                self.search.setFocus()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the reason cell
            self.member_done()

    def _escape(self) -> None:
        if not self.proxy.text:
            self.escape_pressed.emit()
            return
        member_id = self.currentIndex().siblingAtColumn(NAME).data(MemberIdRole)
        if self.search is not None:
            self.search.clear()
        if member_id:
            self.move_to(self.proxy.row_of(member_id))

    # --- search --------------------------------------------------------------------------------

    def attach_search(self, search: QLineEdit) -> None:
        """Let ``search`` narrow the table; Enter or Down in it goes to the first member found."""
        self.search = search
        search.textChanged.connect(self._search_changed)
        search.installEventFilter(self)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.move_to(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down) and self.proxy.rowCount():
                self.setFocus()
                self.move_to(0)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)
