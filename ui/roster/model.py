"""The roster as Qt models: one row per member, and a filter proxy for the search box and the filters.

No widgets here, so that the models can be tested on their own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from core.idcard import mask_id
from core.roster.derived import age, party_years
from core.roster.fields import CURRENT_STATUSES, choice_label
from core.roster.search import MemberIndex

# Column constants, in the order of the table.
(
    NAME, GENDER, AGE, BIRTH_DATE, ID_NUMBER, PHONE, WECHAT, VILLAGE, VILLAGE_GROUP, GROUP,
    CATEGORY, JOINED, CONFIRMED, PARTY_YEARS, STATUS, NOTE,
) = range(16)

# Stable keys of the columns (used to remember which columns are shown).
COLUMN_KEYS: tuple[str, ...] = (
    "name", "gender", "age", "birth_date", "id_number", "phone", "wechat", "village", "village_group",
    "group", "category", "joined_date", "confirmed_date", "party_years", "status", "note",
)
COLUMN_COUNT = len(COLUMN_KEYS)
DEFAULT_HIDDEN = frozenset({WECHAT, VILLAGE, VILLAGE_GROUP, CONFIRMED, NOTE})

_CHOICE_COLUMNS = {GENDER: "gender", WECHAT: "wechat", CATEGORY: "category", STATUS: "status"}
_NUMBER_COLUMNS = frozenset({AGE, PARTY_YEARS})
_CENTERED_COLUMNS = frozenset({GENDER, AGE, PARTY_YEARS})

MemberIdRole = Qt.ItemDataRole.UserRole + 1  # the member's id (str)
SortRole = Qt.ItemDataRole.UserRole + 2  # what a column sorts by: numbers for ages, pinyin for names
MemberRole = Qt.ItemDataRole.UserRole + 3  # the member's whole record (dict)

_MOBILE_COLOR = QColor("#8a5a00")
_LOST_COLOR = QColor("#b00020")
_FORMER_COLOR = QColor("#6b6b6b")

# Age bands of the age filter: key → (lowest age, highest age), None = open.
AGE_BANDS: dict[str, tuple[int | None, int | None]] = {
    "under35": (None, 34),
    "35to59": (35, 59),
    "60to79": (60, 79),
    "80plus": (80, None),
}


def columns_from_keys(keys: Any) -> set[int]:
    """The columns to show from the remembered column keys (a list, one string, or nothing)."""
    if not keys:
        return {c for c in range(COLUMN_COUNT) if c not in DEFAULT_HIDDEN}
    keys = [keys] if isinstance(keys, str) else list(keys)
    return {COLUMN_KEYS.index(k) for k in keys if k in COLUMN_KEYS} | {NAME}


def column_titles() -> list[str]:
    """The column headers in the UI language, indexed by the column constants."""
    return [
        QCoreApplication.translate("RosterModel", "Name"),
        QCoreApplication.translate("RosterModel", "Gender"),
        QCoreApplication.translate("RosterModel", "Age"),
        QCoreApplication.translate("RosterModel", "Birth date"),
        QCoreApplication.translate("RosterModel", "ID number"),
        QCoreApplication.translate("RosterModel", "Phone"),
        QCoreApplication.translate("RosterModel", "WeChat"),
        QCoreApplication.translate("RosterModel", "Village"),
        QCoreApplication.translate("RosterModel", "Village group"),
        QCoreApplication.translate("RosterModel", "Party group"),
        QCoreApplication.translate("RosterModel", "Category"),
        QCoreApplication.translate("RosterModel", "Joined"),
        QCoreApplication.translate("RosterModel", "Confirmed"),
        QCoreApplication.translate("RosterModel", "Party years"),
        QCoreApplication.translate("RosterModel", "Status"),
        QCoreApplication.translate("RosterModel", "Note"),
    ]


def age_band_titles() -> dict[str, str]:
    return {
        "under35": QCoreApplication.translate("RosterModel", "Under 35"),
        "35to59": QCoreApplication.translate("RosterModel", "35 to 59"),
        "60to79": QCoreApplication.translate("RosterModel", "60 to 79"),
        "80plus": QCoreApplication.translate("RosterModel", "80 and over"),
    }


def cell_text(member: Mapping[str, Any], column: int, today: date, show_full_ids: bool = False) -> str:
    """What a cell of the roster shows for ``member`` (also used for printing)."""
    if column in _CHOICE_COLUMNS:
        return choice_label(_CHOICE_COLUMNS[column], member.get(_CHOICE_COLUMNS[column]))
    if column == AGE:
        value = age(member, today)
        return "" if value is None else str(value)
    if column == PARTY_YEARS:
        value = party_years(member, today)
        return "" if value is None else str(value)
    if column == ID_NUMBER:
        number = member.get("id_number") or ""
        return number if show_full_ids else mask_id(number)
    value = member.get(COLUMN_KEYS[column])
    return "" if value is None else str(value)


def _sort_key(member: Mapping[str, Any], column: int, today: date) -> Any:
    if column == NAME:
        return f"{member.get('name_pinyin') or ''}\t{member.get('name') or ''}"
    if column in _NUMBER_COLUMNS:
        value = age(member, today) if column == AGE else party_years(member, today)
        return -1 if value is None else value
    if column == ID_NUMBER:
        return member.get("id_number") or ""
    return cell_text(member, column, today)


class RosterModel(QAbstractTableModel):
    """Members as returned by ``filter_members`` (each with its party group's name under ``"group"``)."""

    def __init__(self, parent: Any = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._members: list[dict[str, Any]] = []
        self._rows: dict[str, int] = {}
        self._today = today or date.today()
        self._show_full_ids = False
        self._sort_keys: dict[int, list[Any]] = {}  # column → key of each row, made on first sort

    # --- content -------------------------------------------------------------------------------

    def set_members(self, members: Iterable[dict[str, Any]], today: date | None = None) -> None:
        self.beginResetModel()
        self._members = list(members)
        self._rows = {m["id"]: row for row, m in enumerate(self._members)}
        self._sort_keys = {}
        if today is not None:
            self._today = today
        self.endResetModel()

    @property
    def members(self) -> list[dict[str, Any]]:
        return self._members

    @property
    def today(self) -> date:
        return self._today

    def member_at(self, row: int) -> dict[str, Any]:
        return self._members[row]

    def row_of(self, member_id: str) -> int:
        """The row of a member, or -1."""
        return self._rows.get(member_id, -1)

    def sort_key(self, row: int, column: int) -> Any:
        keys = self._sort_keys.get(column)
        if keys is None:
            keys = self._sort_keys[column] = [_sort_key(m, column, self._today) for m in self._members]
        return keys[row]

    def age_of(self, member: Mapping[str, Any]) -> int | None:
        return age(member, self._today)

    @property
    def show_full_ids(self) -> bool:
        return self._show_full_ids

    def set_show_full_ids(self, show: bool) -> None:
        if show == self._show_full_ids:
            return
        self._show_full_ids = show
        if self._members:
            self.dataChanged.emit(self.index(0, ID_NUMBER), self.index(len(self._members) - 1, ID_NUMBER))

    # --- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section] if 0 <= section < COLUMN_COUNT else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(member, column, self._today, self._show_full_ids)
        if role == SortRole:
            return self.sort_key(index.row(), column)
        if role == MemberIdRole:
            return member["id"]
        if role == MemberRole:
            return member
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE:
            return member.get("note") or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTERED_COLUMNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._color(member, column)
        return None

    @staticmethod
    def _color(member: Mapping[str, Any], column: int) -> QColor | None:
        status = member.get("status")
        if status not in CURRENT_STATUSES:
            return _FORMER_COLOR
        if column == STATUS and status == "mobile":
            return _MOBILE_COLOR
        if column == STATUS and status == "lost":
            return _LOST_COLOR
        return None


class RosterFilterModel(QSortFilterProxyModel):
    """Search text (name, pinyin, initials, phone or ID-number tail) and filters over a ``RosterModel``.

    Without a column sort, rows keep the search order: exact matches first, then pinyin order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._index = MemberIndex([])
        self._text = ""
        self._matches: set[str] | None = None
        self._rank: dict[str, int] = {}
        self._row_rank: list[int] = []
        self._search_order_is_source_order = True
        self._by_column = False
        self._group: str | None = None
        self._category: str | None = None
        self._statuses: frozenset[str] | None = None
        self._age_band: tuple[int | None, int | None] | None = None
        self._wechat: str | None = None
        self.sort(-1)

    def setSourceModel(self, model: RosterModel) -> None:  # type: ignore[override]  # noqa: N802
        old = self.sourceModel()
        if old is not None:
            old.modelReset.disconnect(self._rebuild_index)
        super().setSourceModel(model)
        model.modelReset.connect(self._rebuild_index)
        self._rebuild_index()

    def roster(self) -> RosterModel:
        return self.sourceModel()  # type: ignore[return-value]

    # --- search --------------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return self._text

    def set_search_text(self, text: str) -> None:
        self._text = text
        self._apply_search()
        self._refilter()
        if not self._by_column:
            self._order_by_search()

    def _apply_search(self) -> None:
        if self._text.strip():
            found = self._index.search(self._text)
            self._matches = set(found)
        else:
            found = self._index.ids
            self._matches = None
        self._rank = {member_id: position for position, member_id in enumerate(found)}
        source = self.sourceModel()
        members = source.members if isinstance(source, RosterModel) else []
        last = len(self._rank)
        self._row_rank = [self._rank.get(m["id"], last) for m in members]
        rows = [source.row_of(member_id) for member_id in found] if isinstance(source, RosterModel) else []
        # The source rows are in pinyin order already; only exact matches ahead of it need a sort.
        self._search_order_is_source_order = all(a < b for a, b in zip(rows, rows[1:], strict=False))

    def _order_by_search(self) -> None:
        """Show rows in search order: the source order when it already is, else sort (the proxy
        then sorts only the rows that pass the filter)."""
        if self._search_order_is_source_order:
            if self.sortColumn() != -1:
                super().sort(-1)
        else:
            super().sort(-1)
            super().sort(0, Qt.SortOrder.AscendingOrder)

    def _rebuild_index(self) -> None:
        source = self.sourceModel()
        self._index = MemberIndex(source.members if isinstance(source, RosterModel) else [])
        self._apply_search()
        self._refilter()
        if not self._by_column:
            self._order_by_search()

    # --- filters -------------------------------------------------------------------------------

    def set_group(self, group_id: str | None) -> None:
        """Only members of this party group (``""`` = members without a group; None = any)."""
        self._change("_group", group_id)

    def set_category(self, category: str | None) -> None:
        self._change("_category", category)

    def set_statuses(self, statuses: Collection[str] | None) -> None:
        self._change("_statuses", frozenset(statuses) if statuses else None)

    def set_status(self, code: str | None) -> None:
        """One status, ``"current"`` for the statuses of current members, or None for any."""
        self.set_statuses(CURRENT_STATUSES if code == "current" else ([code] if code else None))

    def set_age_band(self, band: str | None) -> None:
        """One of ``AGE_BANDS`` or None for any age."""
        self._change("_age_band", AGE_BANDS[band] if band else None)

    def set_wechat(self, level: str | None) -> None:
        self._change("_wechat", level)

    def _change(self, attribute: str, value: Any) -> None:
        if getattr(self, attribute) == value:
            return
        self.beginFilterChange()
        setattr(self, attribute, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        source = self.roster()
        member = source.member_at(source_row)
        if self._matches is not None and member["id"] not in self._matches:
            return False
        if self._group is not None and (member.get("group_id") or "") != self._group:
            return False
        if self._category is not None and member.get("category") != self._category:
            return False
        if self._statuses is not None and member.get("status") not in self._statuses:
            return False
        if self._wechat is not None and member.get("wechat") != self._wechat:
            return False
        if self._age_band is not None:
            years = source.age_of(member)
            low, high = self._age_band
            if years is None or (low is not None and years < low) or (high is not None and years > high):
                return False
        return True

    # --- order ---------------------------------------------------------------------------------

    @property
    def sorted_by_column(self) -> bool:
        return self._by_column

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, or with ``column = -1`` go back to the search order."""
        self._by_column = column >= 0
        if self._by_column:
            super().sort(column, order)
        else:
            self._order_by_search()

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        source = self.roster()
        if not self._by_column:
            return self._row_rank[left.row()] < self._row_rank[right.row()]
        return bool(source.sort_key(left.row(), left.column()) < source.sort_key(right.row(), right.column()))

    # --- what is shown -------------------------------------------------------------------------

    def visible_members(self) -> list[dict[str, Any]]:
        """The members shown, in the order shown."""
        source = self.roster()
        return [source.member_at(self.mapToSource(self.index(row, 0)).row()) for row in range(self.rowCount())]

    def member_at(self, row: int) -> dict[str, Any]:
        return self.roster().member_at(self.mapToSource(self.index(row, 0)).row())

    def index_of(self, member_id: str, column: int = NAME) -> QModelIndex:
        """Where a member is shown (invalid when filtered out or unknown)."""
        source = self.roster()
        row = source.row_of(member_id)
        return self.mapFromSource(source.index(row, column)) if row >= 0 else QModelIndex()
