"""The pairing page (结对帮扶): young members teach elderly members to use WeChat. One tab each for the
pairings, the suggestions, the progress, and the lists with their rules."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import TabbedPage
from ui.pairing.lists_tab import ListsTab
from ui.pairing.pairings_tab import PairingsTab
from ui.pairing.progress_tab import ProgressTab
from ui.pairing.suggestions_tab import SuggestionsTab


class PairingPage(TabbedPage):
    key = "pairing"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pairings = PairingsTab(ctx)
        self.suggestions = SuggestionsTab(ctx)
        self.progress = ProgressTab(ctx)
        self.lists = ListsTab(ctx)
        self.tabs.addTab(self.pairings, self.tr("Pairings"))
        self.tabs.addTab(self.suggestions, self.tr("Suggestions"))
        self.tabs.addTab(self.progress, self.tr("Progress"))
        self.tabs.addTab(self.lists, self.tr("Lists and rules"))
        ctx.pairing_changed.connect(self.reload)
        ctx.roster_changed.connect(self.reload)  # names, 党小组, status and birth dates decide the lists

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("PairingPage", "Pairing")
