"""The main window: a left navigation and one page per domain concept."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui.context import AppContext
from ui.pages.base import Page


def page_classes() -> list[type[Page]]:
    from ui.pages.home import HomePage
    from ui.pages.settings import SettingsPage
    from ui.roster.page import RosterPage

    return [HomePage, RosterPage, SettingsPage]


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, branch_name: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Zhibu Desk") + (f" — {branch_name}" if branch_name else ""))
        self.resize(1280, 800)
        self.setMinimumSize(QSize(960, 600))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f3f0ea; border: none; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 12px 18px; }"
            "QListWidget#navigation::item:selected { background: #c8102e; color: white; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, Page] = {}
        for number, cls in enumerate(page_classes(), start=1):
            page = cls(ctx)
            self.pages[cls.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(cls.title())
            item.setData(Qt.ItemDataRole.UserRole, cls.key)
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number - 1: self.nav.setCurrentRow(n))
        self.nav.currentRowChanged.connect(self._show_row)
        ctx.roster_changed.connect(self._reload_current)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.status_label = QLabel(str(ctx.db_path))
        self.statusBar().addPermanentWidget(self.status_label)
        self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> None:
        keys = list(self.pages)
        if key not in keys:
            raise KeyError(key)
        self.nav.setCurrentRow(keys.index(key))

    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def _show_row(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self.current_page().reload()

    def _reload_current(self) -> None:
        self.current_page().reload()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        self.ctx.runner.wait(10_000)
        super().closeEvent(event)
