"""Small building blocks of the QR material page."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QGroupBox, QListWidget, QPushButton, QVBoxLayout


def names_pref(value: Any) -> list[str]:
    """A list kept in the preferences as JSON (QSettings turns a one-item list into a string)."""
    try:
        names = json.loads(value) if value else []
    except (TypeError, ValueError):
        return []
    return [str(name) for name in names] if isinstance(names, list) else []


def big_button(text: str, slot: Any, bold: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(40)
    button.setAutoDefault(False)
    if bold:
        button.setStyleSheet("font-weight: bold; padding: 0 18px;")
    button.clicked.connect(lambda: slot())
    return button


def titled_group(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }")
    layout = QVBoxLayout(box)
    layout.setSpacing(6)
    return box, layout


def check_list() -> QListWidget:
    widget = QListWidget()
    widget.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
    widget.setAlternatingRowColors(True)
    return widget
