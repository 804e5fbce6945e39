"""Type on the sync page that is larger than the application font, and follows the user's text size
when it is changed in 设置 while the page is open."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.figure_tile import FigureTile, scaled_font

SCALE = "syncFontScale"


def scale_font(widget: QWidget, factor: float, bold: bool = False) -> None:
    """The application font times ``factor``, remembered on the widget for ``rescale_fonts``."""
    widget.setProperty(SCALE, (factor, bold))
    widget.setFont(scaled_font(factor, bold=bold))


def rescale_fonts(root: QWidget) -> None:
    """Apply the (new) application font to every scaled widget under ``root``."""
    for widget in root.findChildren(QWidget):
        scale = widget.property(SCALE)
        if isinstance(scale, tuple | list) and len(scale) == 2:
            widget.setFont(scaled_font(float(scale[0]), bold=bool(scale[1])))
        elif isinstance(widget, FigureTile):
            widget.apply_fonts()
