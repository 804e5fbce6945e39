"""The roster page (花名册): search, filters, the member table and everything done to members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.roster.fields import CATEGORIES, STATUSES, WECHAT_LEVELS
from core.roster.members import delete_member, undelete_member
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.forms import filter_edit
from ui.pages.base import Page
from ui.roster.column_fit import widest_texts
from ui.roster.loading import FIRST_ROWS, Loaded, first_rows, whole_roster
from ui.roster.model import (
    COLUMN_KEYS,
    NAME,
    RosterFilterModel,
    RosterModel,
    age_band_titles,
    column_titles,
    columns_from_keys,
)
from ui.roster.page_actions import RosterActions
from ui.tables import after_next_paint, fit_columns, record_table
from ui.tasks import TaskContext

# The dialogs, printing and export are imported when first used: opening the page does not need them.
if TYPE_CHECKING:
    from ui.roster.member_dialog import MemberDialog

Flag = QItemSelectionModel.SelectionFlag
COLUMNS_PREF = "roster/columns"


class RosterPage(Page, RosterActions):
    key = "roster"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = RosterModel(self)
        self.proxy = RosterFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.groups: list[dict[str, Any]] = []
        self.branch_name = ""
        self.loaded = False  # the whole roster is in the table
        self.total_members = 0
        self._generation = 0
        self._select_ids: list[str] = []
        self._last_deleted: list[dict[str, Any]] = []
        self._reload_timer = QTimer(self, singleShot=True, interval=0, timeout=self._load)
        # A filter change arrives as many row signals: count once per turn of the event loop.
        self._count_timer = QTimer(self, singleShot=True, interval=0, timeout=self._update_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_notice())
        layout.addWidget(self._build_table(), 1)
        self._apply_columns(columns_from_keys(self.ctx.pref(COLUMNS_PREF)))
        self._update_actions()

        for keys, slot in (("Ctrl+F", self.focus_search), ("Ctrl+N", self.add_member),
                           ("Ctrl+Z", self.undo_delete)):
            QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, activated=self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        ctx.roster_changed.connect(self.reload)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("RosterPage", "Roster")

    # --- building ------------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()

        statuses = {"current": self.tr("Current members"), **STATUSES}
        self.group_filter = self._filter_combo(row, self.tr("All party groups"), {}, self.proxy.set_group)
        self.category_filter = self._filter_combo(row, self.tr("All categories"), CATEGORIES, self.proxy.set_category)
        self.status_filter = self._filter_combo(row, self.tr("All statuses"), statuses, self.proxy.set_status)
        self.age_filter = self._filter_combo(row, self.tr("All ages"), age_band_titles(), self.proxy.set_age_band)
        self.wechat_filter = self._filter_combo(row, self.tr("All WeChat levels"), WECHAT_LEVELS, self.proxy.set_wechat)

        self.columns_button = QToolButton()
        self.columns_button.setText(self.tr("Columns"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.column_actions: list[QAction] = []
        for column, text in enumerate(column_titles()):
            action = self.columns_menu.addAction(text)
            action.setCheckable(True)
            action.setEnabled(column != NAME)
            action.toggled.connect(self._columns_chosen)
            self.column_actions.append(action)
        self.columns_button.setMenu(self.columns_menu)
        row.addWidget(self.columns_button)
        row.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: bold;")
        row.addWidget(self.count_label)
        return row

    def _filter_combo(self, row: QHBoxLayout, everything: str, choices: dict[str, str], setter: Any) -> QComboBox:
        """A filter: "everything" first (None), then the choices; ``setter`` gets the chosen code."""
        combo = QComboBox()
        combo.addItem(everything, None)
        for code, label in choices.items():
            combo.addItem(label, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _position: self._filter_changed(setter, combo.currentData()))
        row.addWidget(combo)
        return combo

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = filter_edit(self.tr("Search: name, pinyin, initials or phone (Ctrl+F)"), self._search_changed,
                                  min_width=280)
        self.search.returnPressed.connect(self._focus_table)
        row.addWidget(self.search, 1)
        row.addSpacing(8)
        self.add_button = self._button(row, self.tr("Add member"), self.add_member, self.tr("Ctrl+N"))
        self.edit_button = self._button(row, self.tr("Edit"), self.edit_selected, self.tr("Enter or double-click"))
        self.delete_button = self._button(row, self.tr("Delete"), self.delete_selected, self.tr("Del"))
        self.status_button = self._button(row, self.tr("Change status"), None)
        self.status_button.setMenu(QMenu(self.status_button))  # filled when first opened
        self.status_button.menu().aboutToShow.connect(self._fill_status_menu)
        row.addSpacing(12)
        self._button(row, self.tr("Party groups…"), self.edit_groups)
        self._button(row, self.tr("Import…"), self.import_members)
        self._button(row, self.tr("Export…"), self.export_members)
        self._button(row, self.tr("Print…"), self.print_members)
        return row

    def _button(self, row: QHBoxLayout, text: str, slot: Any, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(36)
        if tip:
            button.setToolTip(tip)
        if slot is not None:
            button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _build_notice(self) -> QFrame:
        self.notice = QFrame()
        self.notice.setObjectName("rosterNotice")
        row = QHBoxLayout(self.notice)
        row.setContentsMargins(12, 6, 12, 6)
        self.notice_label = QLabel()
        row.addWidget(self.notice_label, 1)
        self.undo_button = self._button(row, self.tr("Undo (Ctrl+Z)"), self.undo_delete)
        self._button(row, self.tr("Close"), self.notice.hide)
        self.notice.setStyleSheet("QFrame#rosterNotice { background: #fff4d6; border: 1px solid #e0c060; }")  # last
        self.notice.hide()
        return self.notice

    def _build_table(self) -> QTableView:
        self.table = record_table(self.proxy, QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # search order until a column is clicked
        header.setSortIndicatorClearable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._count_timer.start)
        return self.table

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.loaded and not self.model.rowCount() and not self.isVisible():
            self._show_first_rows_now()  # the window opens on this page: its first paint shows rows
        self._reload_timer.start()  # several requests in one turn of the event loop load once

    def _show_first_rows_now(self) -> None:
        try:
            loaded = self.ctx.runner.run_now(partial(first_rows, FIRST_ROWS))
        except Exception:  # noqa: BLE001 (the load that follows reports it)
            return
        self._loaded(self._generation, len(loaded[0]) >= loaded[3], loaded)

    def _load(self) -> None:
        self._generation += 1
        generation = self._generation

        def load_whole(_result: object = None) -> None:
            self.ctx.runner.run(whole_roster, partial(self._loaded, generation, True), parent=self,
                                title=self.tr("Loading the roster…"))

        if self.loaded:
            load_whole()
            return
        if self.model.rowCount():  # the first rows are in: the whole roster once they have painted
            after_next_paint(self.table.viewport(), load_whole)
            return

        # A long roster shows its first screenful at once; the whole of it is read once that has painted.
        def first_loaded(loaded: Loaded) -> None:
            whole = len(loaded[0]) >= loaded[3]  # a short roster: that was all of it
            self._loaded(generation, whole, loaded)
            if not whole:
                after_next_paint(self.table.viewport(), load_whole)

        self.ctx.runner.run(partial(first_rows, FIRST_ROWS), first_loaded, load_whole)

    def _loaded(self, generation: int, whole: bool, loaded: Loaded) -> None:
        if generation != self._generation or (not whole and self.loaded):
            return  # a newer load is on its way, or the whole roster came first
        members, groups, branch, total = loaded
        selected = self._select_ids or [m["id"] for m in self.selected_members()]
        if whole:
            self._select_ids = []
        self.groups = groups
        self.branch_name = branch
        self.total_members = total
        self._fill_group_filter()
        self.model.set_members(members, today=date.today())
        self._select(selected)
        if not self.loaded:  # sized to the first rows, then to the whole roster
            fit_columns(self.table, lambda column: widest_texts(self.model, column))
            self.loaded = whole
        self._update_actions()

    def _fill_group_filter(self) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        while self.group_filter.count() > 1:
            self.group_filter.removeItem(1)
        for group in self.groups:
            self.group_filter.addItem(group["name"], group["id"])
        self.group_filter.addItem(self.tr("No party group"), "")
        position = self.group_filter.findData(current) if current is not None else 0
        self.group_filter.setCurrentIndex(max(position, 0))
        self.group_filter.blockSignals(False)
        self.proxy.set_group(self.group_filter.currentData())

    def _select(self, member_ids: list[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        indexes = [index for index in map(self.proxy.index_of, member_ids) if index.isValid()]
        for index in indexes:
            selection.select(index, Flag.Select | Flag.Rows)
        if indexes:
            selection.setCurrentIndex(indexes[0], Flag.NoUpdate)
            self.table.scrollTo(indexes[0])

    def _select_first(self) -> None:
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    # --- search, filters, columns --------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self._filter_changed(self.proxy.set_search_text, text)
        self._select_first()

    def _filter_changed(self, setter: Any, value: Any) -> None:
        setter(value)
        self._count_timer.stop()
        self._update_count()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()
        self._select_first()

    def _apply_columns(self, visible: set[int]) -> None:
        for column, action in enumerate(self.column_actions):
            action.blockSignals(True)
            action.setChecked(column in visible)
            action.blockSignals(False)
            self.table.setColumnHidden(column, column not in visible)

    def _columns_chosen(self) -> None:
        visible = {c for c, action in enumerate(self.column_actions) if action.isChecked()} | {NAME}
        self._apply_columns(visible)
        self.ctx.set_pref(COLUMNS_PREF, [COLUMN_KEYS[c] for c in sorted(visible)])  # by key: stable

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if not self.loaded and self.total_members > total:  # the first rows only so far
            total = shown = self.total_members
        self.count_label.setText(self.tr("{0} members, {1} shown").format(total, shown))

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)
        self.status_button.setEnabled(count > 0)

    def selected_members(self) -> list[dict[str, Any]]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.member_at(row) for row in rows]

    # --- members -------------------------------------------------------------------------------

    def member_dialog(self, member: dict[str, Any] | None = None) -> MemberDialog:
        from ui.roster.member_dialog import MemberDialog

        dialog = MemberDialog(self.ctx, member, [g["name"] for g in self.groups], self)
        dialog.saved.connect(lambda member_id: self._select_ids.append(member_id))
        return dialog

    def add_member(self) -> None:
        self.member_dialog().exec()

    def edit_selected(self) -> None:
        members = self.selected_members()
        if len(members) == 1:
            self.member_dialog(members[0]).exec()

    def delete_selected(self) -> None:
        members = self.selected_members()
        if not members:
            return
        names = self.tr(", ").join(m["name"] for m in members[:10])
        if len(members) > 10:
            names = self.tr("{0} and {1} more").format(names, len(members) - 10)
        question = self.tr("Delete {0} from the roster? You can undo this right afterwards.").format(names)
        if not messages.confirm(self, self.tr("Delete members"), question, self.tr("Delete")):
            return

        def done(_result: None) -> None:
            self._last_deleted = members
            self.show_notice(self.tr("Deleted {0}").format(names), undo=True)
            self.ctx.roster_changed.emit()

        self._for_each(delete_member, [m["id"] for m in members], done, self.tr("Deleting…"))

    def undo_delete(self) -> None:
        members = self._last_deleted
        if not members:
            return
        self._last_deleted = []
        ids = [m["id"] for m in members]

        def done(_result: None) -> None:
            self._select_ids = ids
            self.notice.hide()
            self.ctx.roster_changed.emit()

        self._for_each(undelete_member, ids, done, self.tr("Restoring…"))

    def _for_each(self, change: Callable[[Store, str], None], ids: list[str], done: Callable[[None], None],
                  title: str) -> None:
        """Apply ``change`` to each member in one transaction: all of them or none."""

        def work(task: TaskContext) -> None:
            with task.store.transaction():
                for member_id in ids:
                    change(task.store, member_id)

        self.ctx.runner.run(work, done, parent=self, title=title, cancellable=False)

    def show_notice(self, text: str, undo: bool = False) -> None:
        self.notice_label.setText(text)
        self.undo_button.setVisible(undo)
        self.notice.show()
