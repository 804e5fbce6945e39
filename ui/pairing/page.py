"""The pairing page (结对帮扶): young members teach elderly members to use WeChat. One tab each for the
pairings, the suggestions, the progress, and the lists with their rules."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.pairing.lists_tab import ListsTab
from ui.pairing.pairings_tab import PairingsTab
from ui.pairing.progress_tab import ProgressTab
from ui.pairing.suggestions_tab import SuggestionsTab


class PairingPage(Page):
    key = "pairing"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 8px 22px; }")
        self.pairings = PairingsTab(ctx)
        self.suggestions = SuggestionsTab(ctx)
        self.progress = ProgressTab(ctx)
        self.lists = ListsTab(ctx)
        self.tabs.addTab(self.pairings, self.tr("Pairings"))
        self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self.tabs.addTab(self.progress, self.tr("Progress"))
        self.tabs.addTab(self.lists, self.tr("Lists and rules"))
        layout.addWidget(self.tabs)
        self._reload_timer = QTimer(self, singleShot=True, interval=0, timeout=self._reload_tabs)
        ctx.pairing_changed.connect(self.reload)
        ctx.roster_changed.connect(self.reload)  # names, 党小组, status and birth dates decide the lists

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("PairingPage", "Pairing")

    def reload(self) -> None:
        self._reload_timer.start()  # several changes in one turn of the event loop reload once

    def _reload_tabs(self) -> None:
        for position in range(self.tabs.count()):
            reload = getattr(self.tabs.widget(position), "reload", None)
            if callable(reload):
                reload()
