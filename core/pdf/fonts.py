"""The one place that knows where CJK TrueType fonts are, for the screen (Qt) and for PDFs.

A font shipped in ``resources/fonts/`` comes first, then the system's. Only TrueType outlines
qualify: reportlab cannot embed CFF fonts such as Noto Sans CJK, and a PDF must carry its font.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from core.pdf import PdfError
from core.resources import resources_dir

PDF_FONT_NAME = "ZhibuCJK"
# A font used for Chinese paper must draw these; a Latin-only font would print empty boxes.
_PROBE = "支部党员签到表学习"

SYSTEM_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/simkai.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)

_registered: str | None = None


def cjk_font_files() -> list[Path]:
    """Existing CJK TrueType font files, best first: the shipped ones, then the system's."""
    folder = resources_dir() / "fonts"
    shipped = sorted(p for p in folder.glob("*") if p.suffix.lower() in (".ttf", ".ttc")) if folder.is_dir() else []
    return shipped + [Path(p) for p in SYSTEM_CANDIDATES if Path(p).is_file()]


def register_pdf_font() -> str:
    """Register the first usable CJK font with reportlab (once per process); returns its name."""
    global _registered
    if _registered is None:
        _registered = register_first_usable(cjk_font_files())
    return _registered


def register_first_usable(paths: Iterable[Path], name: str = PDF_FONT_NAME) -> str:
    """Register the first of ``paths`` that reportlab can embed and that draws Chinese."""
    # reportlab is imported here, not at the top: the desktop app reads the font list at start-up
    # and should not pay ~50 ms for a PDF library it may not use in the session.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    tried: list[str] = []
    for path in paths:
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except Exception:  # reportlab raises assorted errors for CFF, broken or odd files
            tried.append(path.name)
            continue
        if all(ord(ch) in font.face.charToGlyph for ch in _PROBE):
            pdfmetrics.registerFont(font)
            return name
        tried.append(path.name)
    fonts = resources_dir() / "fonts"
    detail = f"（试过但不能使用：{'、'.join(tried)}）" if tried else ""
    raise PdfError(
        f"找不到可用于 PDF 的中文字体{detail}。请安装文泉驿微米黑字体"
        f"（Linux：sudo apt install fonts-wqy-microhei），或把一个 TrueType 中文字体文件"
        f"（.ttf 或 .ttc，例如 wqy-microhei.ttc、simhei.ttf）复制到「{fonts}」文件夹，然后重新打开本程序。"
    )
