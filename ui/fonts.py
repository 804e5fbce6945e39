"""A CJK TrueType font registered with Qt, so Chinese never shows as boxes, and the font sizes.

The font files come from ``core.pdf.fonts``, so the screen and printed PDFs use the same font."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from core.pdf.fonts import cjk_font_files

FONT_SIZES = {"normal": 12, "large": 14, "xlarge": 17}  # points; older eyes need more than Qt's default


# Fonts Qt can show but reportlab cannot embed (CFF outlines), tried only when none of the
# PDF-capable ones is installed.
_SCREEN_ONLY = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)


def font_files() -> list[Path]:
    """The CJK font files to try, best first: the list the PDFs use, then screen-only fonts."""
    return cjk_font_files() + [Path(p) for p in _SCREEN_ONLY if Path(p).is_file()]


_registered_file: Path | None = None


def register_cjk_font() -> str | None:
    """Register the first CJK font found (shipped first, then the system's); returns its family."""
    global _registered_file
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            if families:
                _registered_file = path
                return families[0]
    return None


def registered_font_file() -> Path | None:
    """The font file ``register_cjk_font`` chose (None before it ran or when none was found)."""
    return _registered_file


def apply_font(app: QApplication, family: str | None, size_key: str) -> None:
    font = QFont(family) if family else QFont(app.font())
    if family and sys.platform != "win32":
        font.setFamilies([family])
    font.setPointSize(FONT_SIZES.get(size_key, FONT_SIZES["normal"]))
    app.setFont(font)
