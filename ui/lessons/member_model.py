"""Members to tick for a lesson, as Qt models: a checkable table and its filter (text, group, studied).

Ticks belong to the members, not to the rows shown: a member stays ticked while the filter hides them,
so a sheet can be entered by searching one name after another.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from core.roster.search import MemberIndex

NAME, GROUP, VILLAGE, BORN, STUDIED = range(5)
COLUMN_COUNT = 5
MemberIdRole = Qt.ItemDataRole.UserRole + 1
_STUDIED_COLOR = QColor("#2e7d32")
NO_GROUP = ""  # the group filter's value for members without a party group

Index = QModelIndex | QPersistentModelIndex


class MemberPickModel(QAbstractTableModel):
    """Rows of ``studying_members``; the first column carries the tick."""

    checked_changed = Signal(int)  # how many members are ticked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[dict[str, Any]] = []
        self._rows: dict[str, int] = {}
        self.checked: set[str] = set()
        self.studied: set[str] = set()

    # --- content -------------------------------------------------------------------------------

    def set_members(self, members: Iterable[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.members = list(members)
        self._rows = {m["id"]: row for row, m in enumerate(self.members)}
        self.checked &= set(self._rows)
        self.endResetModel()
        self.checked_changed.emit(len(self.checked))

    def set_studied(self, member_ids: Iterable[str]) -> None:
        """Members who already studied the chosen lesson."""
        self.studied = set(member_ids)
        self._refresh_all()

    def member_at(self, row: int) -> dict[str, Any]:
        return self.members[row]

    def row_of(self, member_id: str) -> int:
        return self._rows.get(member_id, -1)

    def checked_members(self) -> list[dict[str, Any]]:
        """Ticked members in list order."""
        return [m for m in self.members if m["id"] in self.checked]

    # --- ticking -------------------------------------------------------------------------------

    def set_checked(self, member_ids: Iterable[str], checked: bool = True) -> None:
        ids = {m for m in member_ids if m in self._rows}
        before = len(self.checked)
        if checked:
            self.checked |= ids
        else:
            self.checked -= ids
        self._refresh_all()
        if len(self.checked) != before:
            self.checked_changed.emit(len(self.checked))

    def toggle(self, member_id: str) -> None:
        self.set_checked([member_id], member_id not in self.checked)

    def clear_checked(self) -> None:
        if self.checked:
            self.checked.clear()
            self._refresh_all()
            self.checked_changed.emit(0)

    def _refresh_all(self) -> None:
        if self.members:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.members) - 1, STUDIED))

    # --- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt naming)
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("MemberPickModel", "Name"),
                QCoreApplication.translate("MemberPickModel", "Party group"),
                QCoreApplication.translate("MemberPickModel", "Village"),
                QCoreApplication.translate("MemberPickModel", "Born"),
                QCoreApplication.translate("MemberPickModel", "This lesson"),
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Not "user checkable": the list ticks a row on a click anywhere in it (and on Space), which is
        # easier to hit than the small box; the box only shows the state.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.members[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return member["name"]
            if column == GROUP:
                return member.get("group_name") or QCoreApplication.translate("MemberPickModel", "No party group")
            if column == VILLAGE:
                return member.get("village") or ""
            if column == BORN:  # tells apart two members of the same name
                return (member.get("birth_date") or "")[:7]
            if member["id"] in self.studied:
                return QCoreApplication.translate("MemberPickModel", "Studied")
            return ""
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME:
            return Qt.CheckState.Checked if member["id"] in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == STUDIED:
            return _STUDIED_COLOR
        if role == MemberIdRole:
            return member["id"]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != NAME:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.set_checked([self.members[index.row()]["id"]], state == Qt.CheckState.Checked)
        return True


class MemberPickFilter(QSortFilterProxyModel):
    """Shows the members matching the text, in the chosen party group, and (optionally) not yet studied."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.group: str | None = None  # None: every group; NO_GROUP: members without one
        self.hide_studied = True
        self._index = MemberIndex([])
        self._matches: set[str] | None = None  # None: no text, everyone matches

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 (Qt naming)
        super().setSourceModel(model)
        model.modelReset.connect(self._reindex)
        self._reindex()

    def source(self) -> MemberPickModel:
        model = self.sourceModel()
        assert isinstance(model, MemberPickModel)
        return model

    def _reindex(self) -> None:
        self._index = MemberIndex(self.source().members)
        self.set_text(self.text)

    def set_text(self, text: str) -> None:
        """Name, full pinyin, pinyin initials ("zs" finds 张三) or the tail of the phone number."""
        self.beginFilterChange()
        self.text = text.strip()
        self._matches = set(self._index.search(self.text)) if self.text else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_group(self, group: str | None) -> None:
        self.beginFilterChange()
        self.group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hide_studied(self, hide: bool) -> None:
        self.beginFilterChange()
        self.hide_studied = hide
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Filter again (after the studied members changed)."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def in_group(self, member: dict[str, Any], group: str | None) -> bool:
        return group is None or (member.get("group_id") or NO_GROUP) == group

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.source()
        member = model.member_at(source_row)
        if self.hide_studied and member["id"] in model.studied:
            return False
        return self.in_group(member, self.group) and (self._matches is None or member["id"] in self._matches)

    def member_at(self, row: int) -> dict[str, Any]:
        return self.source().member_at(self.mapToSource(self.index(row, 0)).row())

    def visible_members(self) -> list[dict[str, Any]]:
        return [self.member_at(row) for row in range(self.rowCount())]

    def index_of(self, member_id: str) -> QModelIndex:
        row = self.source().row_of(member_id)
        if row < 0:
            return QModelIndex()
        return self.mapFromSource(self.source().index(row, NAME))
