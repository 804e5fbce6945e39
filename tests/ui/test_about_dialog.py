"""关于支部工作台: opened from the settings page, it shows the version from pyproject.toml, where the
data is, and the font licence; its details can be copied."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from core.db import data_dir
from tests.ui.helpers import idle
from ui.about_dialog import AboutDialog
from ui.context import AppContext
from ui.pages.settings import SettingsPage

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def shown_text(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_shows_the_version_from_pyproject_and_the_data_paths(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(ctx.db_path)
    qtbot.addWidget(dialog)
    text = shown_text(dialog)
    assert dialog.windowTitle() == "关于支部工作台"
    assert dialog.version_label.text() == f"版本 {pyproject_version()}"
    assert str(ctx.db_path) in text
    assert str(data_dir()) in text
    assert "文泉驿微米黑" in dialog.licence_label.text()
    assert "Apache" in dialog.licence_label.text()


def test_copy_details_puts_everything_on_the_clipboard(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(ctx.db_path)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert pyproject_version() in copied
    assert str(ctx.db_path) in copied
    assert "Qt " in copied and "Python " in copied
    assert dialog.copy_button.text() == "已复制"


def test_settings_page_opens_the_about_dialog(ctx: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    idle(ctx, qtbot)
    assert page.about_button.text() == "关于(&A)…"
    qtbot.mouseClick(page.about_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].facts.database == ctx.db_path
    assert opened[0].facts.version == pyproject_version()
