"""A combo box to type into: it offers the choices whose search keys contain the typed text
(a member by name, full pinyin or initials; a lesson by any word of its title), and never keeps text
that is not one of its choices."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

SearchRole = Qt.ItemDataRole.UserRole + 7


class _Completer(QCompleter):
    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 (Qt naming)
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")  # the shown text, not the search keys


class SearchCombo(QComboBox):
    """Choices are ``(text, value, search keys)``; ``blank`` (a text) adds a first "nothing" choice."""

    def __init__(self, blank: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blank = blank
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = _Completer(self.model(), self)
        completer.setCompletionRole(SearchRole)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._settle)

    def set_choices(self, choices: Iterable[tuple[str, Any, str]], keep: Any = None) -> None:
        """Replace the choices; ``keep`` (a value) stays chosen when it is still offered. Signals one
        change of the current choice at the end (unless signals are blocked)."""
        blocked = self.blockSignals(True)
        self.clear()
        if self.blank is not None:
            self.addItem(self.blank, None)
            self.setItemData(0, "", SearchRole)
        for text, value, keys in choices:
            self.addItem(text, value)
            self.setItemData(self.count() - 1, f"{text} {keys}".lower(), SearchRole)
        position = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(position if position >= 0 else (0 if self.blank is not None else -1))
        self.blockSignals(blocked)
        if not blocked:
            self.currentIndexChanged.emit(self.currentIndex())

    def value(self) -> Any:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_value(self, value: Any) -> None:
        position = self.findData(value)
        self.setCurrentIndex(position if position >= 0 else (0 if self.blank is not None else -1))

    def _settle(self) -> None:
        """Leaving the field: the typed text becomes its choice, or goes back to the chosen one."""
        text = self.currentText().strip()
        position = self.findText(text, Qt.MatchFlag.MatchExactly)
        if position < 0 and not text and self.blank is not None:
            position = 0
        if position < 0 and text:
            completer = self.completer()
            completer.setCompletionPrefix(text)
            if completer.completionCount() == 1:
                position = completer.completionModel().mapToSource(completer.completionModel().index(0, 0)).row()
        if position >= 0:
            if position != self.currentIndex():
                self.setCurrentIndex(position)
            self.setEditText(self.itemText(position))
        else:
            self.setEditText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
