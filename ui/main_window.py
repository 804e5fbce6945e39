"""The main window: a left navigation and one page per domain concept."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut
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

if TYPE_CHECKING:
    from ui.sync.indicator import SyncIndicator

# key, module, class, title (translated in the class's context, where the page's title() has it).
# Modules are imported when a page is first shown, so start-up only pays for the first page.
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("home", "ui.pages.home", "HomePage", "Home"),
    ("roster", "ui.roster.page", "RosterPage", "Roster"),
    ("lessons", "ui.lessons.page", "LessonsPage", "Micro-lessons"),
    ("pairing", "ui.pairing.page", "PairingPage", "Pairing"),
    ("qr", "ui.qr.page", "QrPage", "QR material"),
    ("reports", "ui.reports.page", "ReportsPage", "Reports"),
    ("sync", "ui.sync.page", "SyncPage", "Sync"),
    ("settings", "ui.pages.settings", "SettingsPage", "Settings"),
)


PAGE_KEYS: tuple[str, ...] = tuple(key for key, *_ in PAGES)
BACKGROUND_DELAY_MS = 500


class MainWindow(QMainWindow):
    """Opens on ``start_page`` (the home page unless told otherwise): only that page is built."""

    # Once, a moment after the window first painted (its first page's data shown by then): the time for
    # the work that can wait — the sync indicator, the daily backup, the sync clock.
    background_time = Signal()

    def __init__(self, ctx: AppContext, branch_name: str = "", start_page: str = "home") -> None:
        super().__init__()
        if start_page not in PAGE_KEYS:
            raise KeyError(start_page)
        self.ctx = ctx
        self._painted = False
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
        self.page_keys = list(PAGE_KEYS)
        self.pages: dict[str, Page] = {}
        for number, (key, _module, class_name, title) in enumerate(PAGES, start=1):
            item = QListWidgetItem(QCoreApplication.translate(class_name, title))
            item.setData(Qt.ItemDataRole.UserRole, key)
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
        self._sync_indicator: SyncIndicator | None = None
        self.background_time.connect(lambda: self.sync_indicator)  # the first paint does not wait for it
        self.nav.setCurrentRow(self.page_keys.index(start_page))

    @property
    def sync_indicator(self) -> SyncIndicator:
        """The sync state in the status bar, made just after the first paint (or when first asked for)."""
        if self._sync_indicator is None:
            from ui.sync.indicator import SyncIndicator

            self._sync_indicator = SyncIndicator(self.ctx)
            self._sync_indicator.open_requested.connect(lambda: self.show_page("sync"))
            self.statusBar().addPermanentWidget(self._sync_indicator)
            self._sync_indicator.request()  # reads the state a moment later
        return self._sync_indicator

    def show_page(self, key: str) -> Page:
        if key not in self.page_keys:
            raise KeyError(key)
        self.nav.setCurrentRow(self.page_keys.index(key))
        return self.pages[key]

    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def _page(self, key: str) -> Page:
        if key not in self.pages:
            _key, module, class_name, _title = PAGES[self.page_keys.index(key)]
            page_type: type[Page] = getattr(importlib.import_module(module), class_name)
            page = page_type(self.ctx)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _show_row(self, row: int) -> None:
        page = self._page(self.page_keys[row])
        self.stack.setCurrentWidget(page)
        page.reload()

    def _reload_current(self) -> None:
        if self.stack.count():
            self.current_page().reload()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(BACKGROUND_DELAY_MS, self, self.background_time.emit)  # not after the window is gone

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        self.ctx.auto_sync.stop()  # a running sync stops at its next safe point
        self.ctx.runner.wait(10_000)
        super().closeEvent(event)
