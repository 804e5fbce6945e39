"""关于支部工作台: the program's name and version, where its data is, and the bundled font's licence.

Opened from the settings page. Everything shown can be copied in one click, for a telephone call
with whoever supports the branch office."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.db import data_dir
from core.resources import app_root, resource_path
from core.version import app_version
from ui.fonts import registered_font_file
from ui.resources import app_icon

BUNDLED_FONT_LICENCE = "wqy-microhei-LICENSE.txt"  # written next to the font by the PyInstaller spec
MUTED = "#5f5a52"


@dataclass(frozen=True)
class AboutFacts:
    version: str
    data_folder: Path
    database: Path
    program_folder: Path
    font_file: Path | None
    runtime: str  # Qt, PySide6 and Python versions


def gather_facts(db_path: Path) -> AboutFacts:
    runtime = f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}"
    return AboutFacts(app_version(), data_dir(), db_path, app_root(), registered_font_file(), runtime)


def is_bundled(font: Path | None) -> bool:
    return font is not None and font.resolve().parent == resource_path("fonts").resolve()


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = gather_facts(db_path)
        self.setWindowTitle(self.tr("About Zhibu Desk"))
        self.setMinimumWidth(560)

        icon = QLabel()
        picture = app_icon()
        if not picture.isNull():
            icon.setPixmap(picture.pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.name_label = QLabel(self.tr("Zhibu Desk"))
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.6)
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.version_label = _selectable(self.tr("Version {version}").format(version=self.facts.version))
        summary = _selectable(self.tr("Roster, pairing, micro-lesson study and QR material "
                                      "for rural party branch offices."))
        summary.setStyleSheet(f"color: {MUTED};")
        heading = QVBoxLayout()
        for widget in (self.name_label, self.version_label, summary):
            heading.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.rows: list[tuple[str, str]] = [
            (self.tr("Data folder:"), str(self.facts.data_folder)),
            (self.tr("Database file:"), str(self.facts.database)),
            (self.tr("Program folder:"), str(self.facts.program_folder)),
            (self.tr("Chinese font:"), self._font_text()),
            (self.tr("Components:"), self.facts.runtime),
        ]
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for label, value in self.rows:
            form.addRow(label, _selectable(value))
        self.licence_label = _selectable(self._licence_text())
        self.licence_label.setStyleSheet(f"color: {MUTED};")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        column = QVBoxLayout(self)
        column.setSpacing(14)
        column.addLayout(top)
        column.addLayout(form)
        column.addWidget(self.licence_label)
        column.addWidget(buttons)

    def _font_text(self) -> str:
        font = self.facts.font_file
        if font is None:
            return self.tr("none found — Chinese may show as boxes")
        if is_bundled(font):
            return self.tr("{file} (shipped with the program)").format(file=font.name)
        return self.tr("{file} (installed on this computer)").format(file=str(font))

    def _licence_text(self) -> str:
        text = self.tr(
            "The Chinese font shipped with the program is WenQuanYi Micro Hei (文泉驿微米黑), "
            "© 2008–2009 The WenQuanYi Project Board of Trustees, based on Droid Sans Fallback © Google. "
            "It is licensed under the Apache License 2.0, or the GNU GPL version 3 or later with the "
            "font embedding exception, at your choice."
        )
        licence = resource_path("fonts", BUNDLED_FONT_LICENCE)
        if licence.is_file():
            text += " " + self.tr("The licence text is in {path}.").format(path=str(licence))
        return text

    def details(self) -> str:
        """Everything shown, as plain text."""
        lines = [f"{self.name_label.text()} {self.version_label.text()}"]
        lines += [f"{label} {value}" for label, value in self.rows]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText(self.tr("Copied"))
