"""Changing an elder's level in one skill (with who confirmed it and when), and adding a skill to
everyone's checklist."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.pairing.fields import SKILL_LEVELS
from ui.forms import RequiredDialog, date_edit, iso, ok_cancel

CONFIRMED_BY_PREF = "pairing/confirmed_by"


class SkillLevelDialog(RequiredDialog):
    """The new level (current one preselected), the day it was confirmed and by whom (required)."""

    def __init__(self, elder_name: str, skill: dict[str, Any], confirmed_by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skill level"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("How far has {0} come with “{1}”?").format(elder_name, skill["name"]))
        label.setWordWrap(True)
        label.setStyleSheet("font-weight: bold;")
        layout.addWidget(label)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.level = QComboBox()
        for code, text in SKILL_LEVELS.items():
            self.level.addItem(text, code)
        self.level.setCurrentIndex(max(self.level.findData(skill["level"]), 0))
        self.level.setMinimumHeight(34)
        self.confirmed = date_edit()
        self.confirmed_by = QLineEdit(confirmed_by)
        self.confirmed_by.setMaxLength(40)
        self.confirmed_by.setMinimumHeight(34)
        self.confirmed_by.setPlaceholderText(self.tr("Who saw it (required)"))
        form.addRow(self.tr("&Level"), self.level)
        form.addRow(self.tr("Confirmed &on"), self.confirmed)
        form.addRow(self.tr("Confirmed &by"), self.confirmed_by)
        layout.addLayout(form)
        self.ok_button = ok_cancel(self, layout, self.tr("Save"))
        self.confirmed_by.textChanged.connect(self._update)
        self._update()
        self.level.setFocus()

    def chosen_level(self) -> str:
        return str(self.level.currentData())

    def confirmed_date(self) -> str:
        return iso(self.confirmed)

    def confirmer(self) -> str:
        return self.confirmed_by.text().strip()

    def filled(self) -> bool:
        return bool(self.confirmer())


class AddSkillDialog(RequiredDialog):
    """The name of a new skill (at most 30 characters)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add skill"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("The new skill is added to every elder's checklist, as not learned yet."))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.name = QLineEdit()
        self.name.setMaxLength(30)
        self.name.setMinimumHeight(34)
        self.name.setPlaceholderText(self.tr("e.g. pay with WeChat"))
        layout.addWidget(self.name)
        self.ok_button = ok_cancel(self, layout, self.tr("Add"))
        self.name.textChanged.connect(self._update)
        self._update()

    def filled(self) -> bool:
        return bool(self.name.text().strip())
