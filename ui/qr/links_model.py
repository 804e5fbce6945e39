"""The branch's printed live codes as a Qt model: one row per code with what it opens, where it hangs,
when it was made, its scans in the last 7 and 30 days, and whether the district server has it; stopped
codes stay listed, in grey."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.qr.live_links import LiveLink
from core.qr.short_codes import spaced

(CODE, TARGET, PLACE, CREATED, WEEK, MONTH, SYNCED, STATE) = range(8)
COLUMN_COUNT = 8
_RIGHT = frozenset({WEEK, MONTH})
_RETIRED_COLOR = QColor("#8a8a8a")
_PENDING_COLOR = QColor("#8a5a00")
_SYNCED_COLOR = QColor("#1b5e20")
LinkRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex



def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("LinksModel", "Short code"),
        QCoreApplication.translate("LinksModel", "Opens"),
        QCoreApplication.translate("LinksModel", "Where it hangs"),
        QCoreApplication.translate("LinksModel", "Made on"),
        QCoreApplication.translate("LinksModel", "Scans, 7 days"),
        QCoreApplication.translate("LinksModel", "Scans, 30 days"),
        QCoreApplication.translate("LinksModel", "District server"),
        QCoreApplication.translate("LinksModel", "State"),
    ]


def kind_name(kind: str) -> str:
    if kind == "lesson":
        return QCoreApplication.translate("LinksModel", "Micro-lesson")
    if kind == "account":
        return QCoreApplication.translate("LinksModel", "Official account")
    return QCoreApplication.translate("LinksModel", "Link")


def opens_text(link: LiveLink) -> str:
    return QCoreApplication.translate("LinksModel", "{0} “{1}”").format(kind_name(link.kind), link.target)


def synced_text(link: LiveLink) -> str:
    if link.synced:
        return QCoreApplication.translate("LinksModel", "Synced")
    return QCoreApplication.translate("LinksModel", "Not synced")


def state_text(link: LiveLink) -> str:
    if link.retired:
        return QCoreApplication.translate("LinksModel", "Stopped")
    return QCoreApplication.translate("LinksModel", "In use")


class LinksModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.links: list[LiveLink] = []
        self._titles = column_titles()

    def set_links(self, links: Iterable[LiveLink]) -> None:
        self.beginResetModel()
        self.links = list(links)
        self.endResetModel()

    def link_at(self, row: int) -> LiveLink:
        return self.links[row]

    def row_of(self, code: str) -> int:
        return next((row for row, link in enumerate(self.links) if link.code == code), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt naming)
        return 0 if parent.isValid() else len(self.links)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def cell_text(self, link: LiveLink, column: int) -> str:
        if column == CODE:
            return spaced(link.code)
        if column == TARGET:
            return opens_text(link)
        if column == PLACE:
            return link.label or "—"
        if column == CREATED:
            return link.created_date
        if column == WEEK:
            return str(link.scans_7d)
        if column == MONTH:
            return str(link.scans_30d)
        if column == SYNCED:
            return synced_text(link)
        return state_text(link)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        link = self.links[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(link, column)
        if role == LinkRole:
            return link
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if link.retired:
                return _RETIRED_COLOR
            if column == SYNCED:
                return _SYNCED_COLOR if link.synced else _PENDING_COLOR
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CODE and link.url:
                return QCoreApplication.translate("LinksModel", "The code holds {0}").format(link.url)
            if column == TARGET:
                return opens_text(link) + (f"\n{link.target_url}" if link.target_url else "")
            if column == SYNCED and not link.synced:
                return QCoreApplication.translate(
                    "LinksModel", "The district server does not have this code (or its change) yet: it opens as "
                    "it is here after the next sync.")
        return None
