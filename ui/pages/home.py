"""首页: the branch at a glance — big counts, reminders that need doing, and the latest changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.figure_tile import MUTED, FigureTile
from ui.pages.base import Page
from ui.tasks import TaskContext

OVERDUE = "#b00020"
DUE_TODAY = "#b35c00"


def _tile(caption: str, note: str = "", parent: QWidget | None = None) -> FigureTile:
    return FigureTile(caption, note, number_scale=2.4, parent=parent)


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QApplication.font()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _table(headers: list[str], parent: QWidget | None = None) -> QTreeWidget:
    """A read-only list with columns, easy to move through with the arrow keys."""
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setStyleSheet("QTreeView::item { padding: 5px 14px 5px 4px; }")
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setStretchLastSection(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return tree


def _placeholder(tree: QTreeWidget, text: str) -> None:
    item = QTreeWidgetItem([text])
    item.setForeground(0, QBrush(QColor(MUTED)))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    tree.addTopLevelItem(item)
    item.setFirstColumnSpanned(True)


class HomePage(Page):
    key = "home"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today: Callable[[], date] = date.today
        self.overview: dict[str, Any] | None = None
        self._generation = 0
        # Made in their parent from the start: moving a widget with a style sheet into another works
        # its style out again.
        content = QWidget()

        self.heading = QLabel(self.tr("Your branch"), content)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subheading = QLabel("", content)
        self.subheading.setStyleSheet(f"color: {MUTED};")

        self.tiles = {
            "members": _tile(self.tr("Members"), self.tr("Not counting transferred or deceased"), parent=content),
            "full": _tile(self.tr("Full members"), parent=content),
            "probationary": _tile(self.tr("Probationary members"), parent=content),
            "aged_60_plus": _tile(self.tr("Aged 60 and over"), parent=content),
            "without_wechat": _tile(
                self.tr("Without WeChat"), self.tr("No phone, basic phone, or not using WeChat"), parent=content
            ),
        }
        tile_row = QHBoxLayout()
        tile_row.setSpacing(14)
        for tile in self.tiles.values():
            tile_row.addWidget(tile, 1)

        self.probation_title = QLabel(self.tr("Probation ends within 30 days"), content)
        self.probation_list = _table([self.tr("Name"), self.tr("Probation ends"), self.tr("Days left")], content)
        self.away_title = QLabel(self.tr("Mobile or out of contact"), content)
        self.away_list = _table([self.tr("Name"), self.tr("Status"), self.tr("Since"), self.tr("Phone")], content)
        self.changes_title = QLabel(self.tr("Recent changes"), content)
        self.changes_list = _table([self.tr("Time"), self.tr("Change")], content)

        lists = QGridLayout()
        lists.setHorizontalSpacing(24)
        lists.setVerticalSpacing(6)
        lists.addWidget(self.probation_title, 0, 0)
        lists.addWidget(self.probation_list, 1, 0)
        lists.addWidget(self.away_title, 2, 0)
        lists.addWidget(self.away_list, 3, 0)
        lists.addWidget(self.changes_title, 0, 1)
        lists.addWidget(self.changes_list, 1, 1, 3, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        lists.setRowStretch(1, 1)
        lists.setRowStretch(3, 1)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addSpacing(6)
        layout.addLayout(tile_row)
        layout.addSpacing(10)
        layout.addLayout(lists, 1)
        self.set_scrolling_content(content)
        self._apply_fonts()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("HomePage", "Home")

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        today = self.today()

        def load(task: TaskContext) -> dict[str, Any]:
            from core.roster.overview import PROBATION_WARNING_DAYS, branch_overview  # not needed to paint

            return branch_overview(task.store, today, due_within=PROBATION_WARNING_DAYS)

        def done(overview: dict[str, Any]) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self.show_overview(overview, today)

        self.ctx.runner.run(load, done, parent=self, title=self.tr("Loading the overview…"), cancellable=False)

    def show_overview(self, overview: dict[str, Any], today: date) -> None:
        self.overview = overview
        branch = overview["branch"]
        self.heading.setText(branch["name"] or self.tr("Your branch"))
        place = " · ".join(part for part in (branch["township"], branch["county"]) if part)
        today_text = self.tr("Today: {date}").format(date=today.isoformat())
        self.subheading.setText(f"{place}    {today_text}" if place else today_text)
        for key, tile in self.tiles.items():
            tile.set_value(overview["counts"][key])
        self._fill_probation(overview["probation_due"])
        self._fill_away(overview["away"])
        self._fill_changes(overview["recent_changes"])

    def _fill_probation(self, due: list[dict[str, Any]]) -> None:
        self.probation_list.clear()
        if not due:
            _placeholder(self.probation_list, self.tr("No probation period ends in the next 30 days."))
            return
        for entry in due:
            days = entry["days_left"]
            if days < 0:
                left, colour = self.tr("%n day(s) overdue", "", -days), OVERDUE
            elif days == 0:
                left, colour = self.tr("Ends today"), DUE_TODAY
            else:
                left, colour = self.tr("%n day(s) left", "", days), ""
            item = QTreeWidgetItem([entry["name"], entry["ends"].isoformat(), left])
            if colour:
                for column in range(3):
                    item.setForeground(column, QBrush(QColor(colour)))
            self.probation_list.addTopLevelItem(item)

    def _fill_away(self, away: list[dict[str, Any]]) -> None:
        self.away_list.clear()
        if not away:
            _placeholder(self.away_list, self.tr("Every member is at home and in contact."))
            return
        labels = {"mobile": self.tr("Mobile"), "lost": self.tr("Out of contact")}
        for member in away:
            item = QTreeWidgetItem(
                [member["name"], labels.get(member["status"], member["status"]),
                 member["status_date"] or "", member["phone"] or ""]
            )
            if member["status"] == "lost":
                item.setForeground(1, QBrush(QColor(OVERDUE)))
            self.away_list.addTopLevelItem(item)

    def _fill_changes(self, changes: list[dict[str, Any]]) -> None:
        self.changes_list.clear()
        if not changes:
            _placeholder(self.changes_list, self.tr("Nothing has been changed yet."))
            return
        for change in changes:
            when = change["at"].astimezone().strftime("%Y-%m-%d %H:%M")
            summary = change["summary"] or f"{change['action']} {change['table_name']}"
            item = QTreeWidgetItem([when, summary])
            item.setToolTip(1, summary)
            self.changes_list.addTopLevelItem(item)

    # -- large, readable type that follows the font-size preference ------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()

    def _apply_fonts(self) -> None:
        base = QApplication.font().pointSizeF()
        if base <= 0:
            base = 12.0
        self.heading.setFont(_font(base * 2.0, bold=True))
        self.subheading.setFont(_font(base))
        for tile in self.tiles.values():
            tile.apply_fonts()
        for label in (self.probation_title, self.away_title, self.changes_title):
            label.setFont(_font(base * 1.25, bold=True))
        rows = QFontMetrics(_font(base)).height() + 12
        for tree in (self.probation_list, self.away_list):
            tree.setMinimumHeight(rows * 5)
