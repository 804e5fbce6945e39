"""A CJK TrueType font registered with Qt, so Chinese never shows as boxes, and the font sizes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ui.resources import RESOURCES

FONT_SIZES = {"normal": 12, "large": 14, "xlarge": 17}  # points; older eyes need more than Qt's default

_SYSTEM_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
]


def font_files() -> list[Path]:
    shipped = sorted((RESOURCES / "fonts").glob("*.tt[fc]")) if (RESOURCES / "fonts").is_dir() else []
    return shipped + [Path(p) for p in _SYSTEM_CANDIDATES if Path(p).is_file()]


def register_cjk_font() -> str | None:
    """Register the first CJK font found (shipped first, then the system's); returns its family."""
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                return families[0]
    return None


def apply_font(app: QApplication, family: str | None, size_key: str) -> None:
    font = QFont(family) if family else QFont(app.font())
    if family and sys.platform != "win32":
        font.setFamilies([family])
    font.setPointSize(FONT_SIZES.get(size_key, FONT_SIZES["normal"]))
    app.setFont(font)
