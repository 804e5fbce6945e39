"""The base of every page in the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.context import AppContext


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
        """Show ``content`` in a frameless scroll area filling the page: with the largest type on a
        small screen, a page scrolls rather than squeezes."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
