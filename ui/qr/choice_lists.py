"""The left column of the QR material page: the micro-lessons with a video link (filter, tick the shown
ones), the branch's official accounts (add, remove) and a link or text of one's own."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.qr.targets import remove_account
from ui import messages
from ui.context import AppContext
from ui.forms import filter_edit
from ui.qr.account_dialog import AccountDialog
from ui.qr.preview_pane import HINT_STYLE
from ui.qr.widgets import big_button, check_list, titled_group

IdRole = Qt.ItemDataRole.UserRole


class ChoiceLists(QWidget):
    changed = Signal()  # a box was ticked or the own link was typed
    notice = Signal(str)  # what was just done, for the page's notice line
    reload_wanted = Signal()  # the accounts changed: the page reads them again

    def __init__(self, ctx: AppContext, checked_lessons: Iterable[str], checked_accounts: Iterable[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lessons: list[dict[str, str]] = []
        self.accounts: list[dict[str, str]] = []
        self.checked_lessons: set[str] = set(checked_lessons)
        self.checked_accounts: set[str] = set(checked_accounts)
        self.building = False

        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(10)
        box, layout = titled_group(self.tr("Micro-lessons (those with a video link)"))
        row = QHBoxLayout()
        self.filter = filter_edit(self.tr("Filter by title or speaker"), lambda _text: self.apply_filter())
        row.addWidget(self.filter, 1)
        row.addWidget(big_button(self.tr("Tick shown"), lambda: self.tick_shown(True)))
        row.addWidget(big_button(self.tr("Clear"), lambda: self.tick_shown(False)))
        layout.addLayout(row)
        self.lesson_list = check_list()
        self.lesson_list.setMinimumHeight(220)
        self.lesson_list.itemChanged.connect(lambda item: self._ticked(item, self.checked_lessons))
        layout.addWidget(self.lesson_list, 1)
        self.no_lessons = QLabel(self.tr("No micro-lesson has a video link yet. Add the links on the "
                                         "Micro-lessons page; lessons with a link show here."))
        self.no_lessons.setWordWrap(True)
        self.no_lessons.setStyleSheet(HINT_STYLE)
        self.no_lessons.hide()
        layout.addWidget(self.no_lessons)
        left.addWidget(box, 3)

        box, layout = titled_group(self.tr("Official accounts"))
        self.account_list = check_list()
        self.account_list.setMinimumHeight(110)
        self.account_list.itemChanged.connect(lambda item: self._ticked(item, self.checked_accounts))
        self.account_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.account_list, 1)
        row = QHBoxLayout()
        row.addWidget(big_button(self.tr("Add account…"), self.add_account))
        self.remove_button = big_button(self.tr("Remove…"), self.remove_selected_account)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        left.addWidget(box, 1)

        box, layout = titled_group(self.tr("A link or text of your own"))
        form = QFormLayout()
        self.custom_text = QLineEdit()
        self.custom_text.setPlaceholderText(self.tr("https://… or any text, e.g. the Wi-Fi password"))
        self.custom_title = QLineEdit()
        self.custom_title.setMaxLength(40)
        self.custom_title.setPlaceholderText(self.tr("Title printed with it (optional)"))
        for editor in (self.custom_text, self.custom_title):
            editor.setMinimumHeight(36)
            editor.textChanged.connect(lambda _text: self._changed())
        form.addRow(self.tr("Content"), self.custom_text)
        form.addRow(self.tr("Title"), self.custom_title)
        layout.addLayout(form)
        left.addWidget(box)
        self._update_buttons()

    # --- what is listed and ticked -------------------------------------------------------------

    def show_choices(self, lessons: list[dict[str, str]], accounts: list[dict[str, str]]) -> None:
        self.lessons, self.accounts = lessons, accounts
        self.building = True
        self.lesson_list.clear()
        for lesson in lessons:
            text = lesson["title"] + (f"（{lesson['speaker']}）" if lesson["speaker"] else "")
            self._add_item(self.lesson_list, text, lesson["id"], lesson["url"], lesson["id"] in self.checked_lessons)
        current = (self.account_list.currentItem() or QListWidgetItem()).data(IdRole)
        self.account_list.clear()
        for account in accounts:
            item = self._add_item(self.account_list, account["name"], account["name"], account["url"],
                                  account["name"] in self.checked_accounts)
            if account["name"] == current:
                self.account_list.setCurrentItem(item)
        self.building = False
        self.no_lessons.setVisible(not lessons)
        self.apply_filter()
        self._update_buttons()

    @staticmethod
    def _add_item(widget: QListWidget, text: str, key: str, tip: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(IdRole, key)
        item.setToolTip(tip)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
        return item

    def lesson_ids(self) -> tuple[str, ...]:
        return tuple(row["id"] for row in self.lessons if row["id"] in self.checked_lessons)

    def account_names(self) -> tuple[str, ...]:
        return tuple(row["name"] for row in self.accounts if row["name"] in self.checked_accounts)

    def set_lessons_checked(self, lesson_ids: list[str], checked: bool = True) -> None:
        """Tick (or untick) lessons by id, as a click on their boxes does."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for position in range(self.lesson_list.count()):
            item = self.lesson_list.item(position)
            if item.data(IdRole) in lesson_ids:
                item.setCheckState(state)

    def _ticked(self, item: QListWidgetItem, checked: set[str]) -> None:
        if self.building:
            return
        if item.checkState() == Qt.CheckState.Checked:
            checked.add(item.data(IdRole))
        else:
            checked.discard(item.data(IdRole))
        self._changed()

    def apply_filter(self) -> None:
        words = self.filter.text().lower().split()
        for position in range(self.lesson_list.count()):
            item = self.lesson_list.item(position)
            haystack = item.text().lower()
            item.setHidden(not all(word in haystack for word in words))

    def tick_shown(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.building = True
        for position in range(self.lesson_list.count()):
            item = self.lesson_list.item(position)
            if not item.isHidden() or not checked:
                item.setCheckState(state)
                (self.checked_lessons.add if checked else self.checked_lessons.discard)(item.data(IdRole))
        self.building = False
        self._changed()

    def _changed(self) -> None:
        if not self.building:
            self.changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.account_list.currentItem() is not None)

    # --- accounts ------------------------------------------------------------------------------

    def account_dialog(self) -> AccountDialog:
        dialog = AccountDialog(self.ctx, self)
        dialog.saved.connect(self._account_saved)
        return dialog

    def add_account(self) -> None:
        self.account_dialog().exec()

    def _account_saved(self, name: str, replaced: bool) -> None:
        self.checked_accounts.add(name)
        text = self.tr("The link of \"{0}\" was changed.") if replaced else self.tr("\"{0}\" was added and ticked.")
        self.notice.emit(text.format(name))
        self.reload_wanted.emit()

    def remove_selected_account(self) -> None:
        item = self.account_list.currentItem()
        if item is None:
            return
        name = str(item.data(IdRole))
        if messages.confirm(self, self.tr("Remove account"),
                            self.tr("Remove the official account \"{0}\" from the list?").format(name),
                            self.tr("Remove")):
            self.remove_account(name)

    def remove_account(self, name: str) -> None:
        def done(_result: object) -> None:
            self.checked_accounts.discard(name)
            self.notice.emit(self.tr("\"{0}\" was removed.").format(name))
            self.reload_wanted.emit()

        self.ctx.runner.run(lambda task: remove_account(task.store, name), done, parent=self,
                            title=self.tr("Saving…"), cancellable=False)
