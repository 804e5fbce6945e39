"""The micro-lessons page (微党课): the catalogue, the study records and the study sessions, one tab each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.lessons.catalogue_tab import CatalogueTab
from ui.lessons.records_tab import RecordsTab
from ui.lessons.sessions_tab import SessionsTab
from ui.pages.base import TabbedPage


class LessonsPage(TabbedPage):
    key = "lessons"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.catalogue = CatalogueTab(ctx)
        self.records = RecordsTab(ctx)
        self.sessions = SessionsTab(ctx)
        self.tabs.addTab(self.catalogue, self.tr("Lessons"))
        self.tabs.addTab(self.records, self.tr("Study records"))
        self.tabs.addTab(self.sessions, self.tr("Study sessions"))
        ctx.study_changed.connect(self.reload)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("LessonsPage", "Micro-lessons")
