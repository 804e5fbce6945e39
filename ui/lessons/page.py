"""The micro-lessons page (微党课): the catalogue, the study records and the study sessions, one tab each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.lessons.catalogue_tab import CatalogueTab
from ui.lessons.records_tab import RecordsTab
from ui.lessons.sessions_tab import SessionsTab
from ui.pages.base import Page


class LessonsPage(Page):
    key = "lessons"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 8px 22px; }")
        self.catalogue = CatalogueTab(ctx)
        self.records = RecordsTab(ctx)
        self.sessions = SessionsTab(ctx)
        self.tabs.addTab(self.catalogue, self.tr("Lessons"))
        self.tabs.addTab(self.records, self.tr("Study records"))
        self.tabs.addTab(self.sessions, self.tr("Study sessions"))
        layout.addWidget(self.tabs)
        self._reload_timer = QTimer(self, singleShot=True, interval=0, timeout=self._reload_tabs)
        ctx.study_changed.connect(self.reload)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("LessonsPage", "Micro-lessons")

    def reload(self) -> None:
        self._reload_timer.start()  # several changes in one turn of the event loop reload once

    def _reload_tabs(self) -> None:
        """Every tab with a ``reload()`` fetches fresh data (tabs added later take part too)."""
        for position in range(self.tabs.count()):
            reload = getattr(self.tabs.widget(position), "reload", None)
            if callable(reload):
                reload()
