"""The base of every page in the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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
