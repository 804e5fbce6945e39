"""The base of every page in the main window, and of the pages made of tabs."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ui.context import AppContext


def scroll_area(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that resizes it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


def set_scrolling_content(owner: QWidget, content: QWidget) -> None:
    """Show ``content`` in a frameless scroll area filling ``owner``: with the largest type on a small
    screen, a page or tab scrolls rather than squeezes."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll_area(content))


class Page(QWidget):
    """A page shown in the main window. ``reload`` fetches its data through the task runner."""

    key = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @staticmethod
    def title() -> str:
        raise NotImplementedError

    def reload(self) -> None:
        """Fetch fresh data; called when the page is shown and when the roster changes."""

    def set_scrolling_content(self, content: QWidget) -> None:
        set_scrolling_content(self, content)


class TabbedPage(Page):
    """A page of tabs (``tabs``); a subclass adds them and connects the signals that call ``reload``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 8px 22px; }")
        layout.addWidget(self.tabs)
        self._reload_timer = QTimer(self, singleShot=True, interval=0, timeout=self._reload_tabs)

    def reload(self) -> None:
        self._reload_timer.start()  # several changes in one turn of the event loop reload once

    def _reload_tabs(self) -> None:
        """Every tab with a ``reload()`` fetches fresh data (tabs added later take part too)."""
        for position in range(self.tabs.count()):
            reload = getattr(self.tabs.widget(position), "reload", None)
            if callable(reload):
                reload()
