"""Where the application's resources (fonts, translations, icons) are, also in a frozen build.

The location itself comes from ``core.resources`` (shared with the PDF fonts); this module adds the
Qt side: the application icon."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from core.resources import resource_path, resources_dir

RESOURCES = resources_dir()
ICONS = resource_path("icons")
SMALL_ICON_SIZES = (16, 24, 32, 48)  # drawn on their own; larger sizes are scaled from zhibu.png


def app_icon() -> QIcon:
    """The 支 icon in every size drawn by ``installers/make_icon.py`` (an empty icon when missing)."""
    icon = QIcon()
    paths = [ICONS / f"zhibu-{size}.png" for size in SMALL_ICON_SIZES] + [ICONS / "zhibu.png"]
    for path in paths:
        if path.is_file():
            icon.addFile(str(path))
    return icon
