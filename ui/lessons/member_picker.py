"""Ticking members off a paper sheet: a filter line, a party-group filter, a checkable list and a counter.

Keyboard: type a name, pinyin or initials in the filter (typing in the list goes there too); Enter ticks
the only match (and clears the filter for the next name) or moves into the list; Up/Down move, Space
ticks; Ctrl+A ticks every member shown; Ctrl+F goes back to the filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.forms import filter_edit
from ui.lessons.member_model import NAME, NO_GROUP, MemberPickFilter, MemberPickModel

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.KeypadModifier)


class PickTable(QTableView):
    """The member list: Space ticks the current row, a click anywhere on a row ticks it, typed letters
    go to the filter line."""

    toggle_requested = Signal(QModelIndex)
    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key.Key_Space and event.modifiers() in _PLAIN:
            if self.currentIndex().isValid():
                self.toggle_requested.emit(self.currentIndex())
            return
        text = event.text()
        if text and text.isprintable() and not text.isspace() and event.modifiers() in _PLAIN:
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


class MemberPicker(QWidget):
    """Choose members: ``checked_ids()`` are the ticked ones, shown or not."""

    count_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MemberPickModel(self)
        self.proxy = MemberPickFilter(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_buttons())

        QShortcut(QKeySequence(QKeySequence.StandardKey.SelectAll), self, activated=self.check_visible,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_filter,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.model.checked_changed.connect(self._checked_changed)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._update_shown)
        self._checked_changed(0)
        self._update_shown()

    # --- building ------------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.filter = filter_edit(self.tr("Find: name, pinyin or initials, e.g. zs (Ctrl+F)"), self.proxy.set_text,
                                  min_width=340)
        self.filter.setToolTip(self.tr("Enter ticks the only match and clears the filter for the next name; "
                                       "with several matches it moves into the list. Ctrl+A ticks all shown."))
        self.filter.returnPressed.connect(self._filter_entered)
        self.filter.installEventFilter(self)
        row.addWidget(self.filter, 1)

        self.group_combo = QComboBox()
        self.group_combo.setMinimumHeight(34)
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_combo.addItem(self.tr("All party groups"), None)
        self.group_combo.currentIndexChanged.connect(lambda _i: self.proxy.set_group(self.group_combo.currentData()))
        row.addWidget(self.group_combo)

        self.not_studied = QCheckBox(self.tr("Only members who have not studied this lesson"))
        self.not_studied.setChecked(True)
        self.not_studied.toggled.connect(self.proxy.set_hide_studied)
        row.addWidget(self.not_studied)
        row.addStretch(1)
        self.shown_label = QLabel()
        row.addWidget(self.shown_label)
        return row

    def _build_table(self) -> PickTable:
        self.table = PickTable()
        self.table.setModel(self.proxy)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.resizeSection(NAME, self.fontMetrics().horizontalAdvance("欧阳振华华") + 60)
        header.resizeSection(1, self.fontMetrics().horizontalAdvance("老党员党小组") + 40)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("河东村河东") + 30)
        header.resizeSection(3, self.fontMetrics().horizontalAdvance("1950-01") + 40)
        self.table.clicked.connect(self._toggle_index)
        self.table.toggle_requested.connect(self._toggle_index)
        self.table.typed.connect(self._typed_in_table)
        return self.table

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.check_all_button = self._button(row, self.tr("Tick all shown"), self.check_visible,
                                             self.tr("Ctrl+A: ticks every member in the list as filtered"))
        self.check_group_button = self._button(
            row, self.tr("Tick whole party group"), self.check_group,
            self.tr("Ticks the party group chosen above (or the group of the current row); "
                    "with “only not studied” on, those who studied are left out"))
        self.clear_button = self._button(row, self.tr("Untick all"), self.clear_checked)
        row.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: bold; font-size: 15pt; color: #c8102e;")
        row.addWidget(self.count_label)
        return row

    def _button(self, row: QHBoxLayout, text: str, slot: Any, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(34)
        button.setAutoDefault(False)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def tab_chain(self) -> list[QWidget]:
        """The picker's widgets in keyboard order."""
        return [self.filter, self.group_combo, self.not_studied, self.table, self.check_all_button,
                self.check_group_button, self.clear_button]

    # --- content -------------------------------------------------------------------------------

    def set_members(self, members: list[dict[str, Any]]) -> None:
        self.model.set_members(members)
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        while self.group_combo.count() > 1:
            self.group_combo.removeItem(1)
        groups = dict.fromkeys((m.get("group_id") or NO_GROUP, m.get("group_name") or "") for m in members)
        for group_id, name in groups:
            if group_id != NO_GROUP:
                self.group_combo.addItem(name, group_id)
        if any(group_id == NO_GROUP for group_id, _name in groups):
            self.group_combo.addItem(self.tr("No party group"), NO_GROUP)
        position = self.group_combo.findData(current) if current is not None else 0
        self.group_combo.setCurrentIndex(max(position, 0))
        self.group_combo.blockSignals(False)
        self.proxy.set_group(self.group_combo.currentData())

    def set_studied(self, member_ids: Iterable[str]) -> None:
        self.model.set_studied(member_ids)
        self.proxy.refilter()

    def checked_ids(self) -> list[str]:
        return [m["id"] for m in self.model.checked_members()]

    def names_of(self, member_ids: Iterable[str]) -> list[str]:
        wanted = set(member_ids)
        return [m["name"] for m in self.model.members if m["id"] in wanted]

    # --- ticking -------------------------------------------------------------------------------

    def check_visible(self) -> None:
        self.model.set_checked(m["id"] for m in self.proxy.visible_members())

    def check_group(self) -> None:
        group = self.group_combo.currentData()
        if group is None:
            current = self.table.currentIndex()
            if not current.isValid():
                return
            group = self.proxy.member_at(current.row()).get("group_id") or NO_GROUP
        hide = self.proxy.hide_studied
        studied = self.model.studied
        self.model.set_checked(
            m["id"] for m in self.model.members
            if self.proxy.in_group(m, group) and not (hide and m["id"] in studied)
        )

    def clear_checked(self) -> None:
        self.model.clear_checked()

    def reset_for_next_sheet(self) -> None:
        """After saving: nothing ticked, the filter line empty and focused; the group choice stays."""
        self.model.clear_checked()
        self.filter.clear()
        self.focus_filter()

    def _toggle_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.model.toggle(self.proxy.member_at(index.row())["id"])

    # --- keyboard ------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def focus_table(self) -> None:
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, NAME))

    def _filter_entered(self) -> None:
        shown = self.proxy.rowCount()
        if shown == 1 and self.filter.text().strip():
            self.model.set_checked([self.proxy.member_at(0)["id"]])
            self.filter.clear()
        elif shown:
            self.table.setCurrentIndex(self.proxy.index(0, NAME))
            self.table.setFocus()

    def _typed_in_table(self, text: str) -> None:
        self.filter.setFocus()
        self.filter.insert(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.SelectAll):
                self.check_visible()  # in this one line, Ctrl+A ticks the list like everywhere else here
                return True
            if event.key() == Qt.Key.Key_Down:
                self.focus_table()
                return True
        return super().eventFilter(watched, event)

    # --- counters ------------------------------------------------------------------------------

    def _checked_changed(self, count: int) -> None:
        self.count_label.setText(self.tr("{0} selected").format(count))
        self.count_changed.emit(count)

    def _update_shown(self) -> None:
        self.shown_label.setText(self.tr("{0} in the list").format(self.proxy.rowCount()))
