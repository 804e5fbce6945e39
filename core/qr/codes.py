"""One QR code: its module matrix, the rules for printing it so that a cheap phone reads it, and
drawing it as vector rectangles on a reportlab canvas.

Error correction is M for a plain code and H when a logo covers the centre. Every code sits on a
white quiet zone of four modules. A module smaller than 0.5 mm, or a code narrower than 20 mm, is
refused: old phones in a dim room do not read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M
from qrcode.exceptions import DataOverflowError
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from core.qr import QrError

QUIET_MODULES = 4
MIN_MODULE_MM = 0.5
MIN_CODE_MM = 20.0
LOGO_SHARE = 0.22  # the logo's pad is at most this share of the code's width
SHORTER_LINK = "请使用更短的链接。"
MAX_BYTES = 2953  # the most a QR code holds (version 40, level L, bytes)

_LEVELS = {"M": ERROR_CORRECT_M, "H": ERROR_CORRECT_H}


@dataclass(frozen=True)
class QrCode:
    payload: str
    level: str  # "M" or "H"
    matrix: tuple[tuple[bool, ...], ...]  # rows from the top, True = dark; no quiet zone

    @property
    def modules(self) -> int:
        return len(self.matrix)


def _named(label: str) -> str:
    return f"「{label}」：" if label else ""


def make_code(payload: str, *, with_logo: bool = False, label: str = "") -> QrCode:
    """The code for ``payload`` (level H when a logo will cover its centre). ``label`` names the
    code in refusals, e.g. a lesson's title."""
    if not payload.strip():
        raise QrError(f"{_named(label)}二维码内容不能为空。", "请填写链接或文字。")
    level = "H" if with_logo else "M"
    builder = qrcode.QRCode(error_correction=_LEVELS[level], border=0)
    try:
        if len(payload.encode("utf-8")) > MAX_BYTES:  # more than any QR code holds: no need to try
            raise DataOverflowError()
        builder.add_data(payload)
        builder.make(fit=True)
    except (DataOverflowError, ValueError):
        extra = "，或不加标志（加标志时能容纳的内容更少）" if with_logo else ""
        raise QrError(
            f"{_named(label)}内容太长（{len(payload)} 个字符），一个二维码放不下。",
            f"请使用更短的链接{extra}。",
        ) from None
    matrix = tuple(tuple(bool(cell) for cell in row) for row in builder.get_matrix())
    return QrCode(payload, level, matrix)


def module_size_for(code: QrCode, side: float) -> float:
    """The printed width of one module, in points, when the code (without quiet zone) is ``side`` wide."""
    return side / code.modules


def check_print_size(code: QrCode, side: float, *, label: str = "", suggestion: str = SHORTER_LINK) -> None:
    """Refuse a code printed ``side`` points wide (without quiet zone) that a phone may not read."""
    module_mm = module_size_for(code, side) / mm
    if module_mm < MIN_MODULE_MM:
        raise QrError(f"{_named(label)}二维码每格只有 {module_mm:.2f} 毫米，手机难以识别。", suggestion)
    if side / mm < MIN_CODE_MM:
        raise QrError(f"{_named(label)}二维码只有 {side / mm:.0f} 毫米宽，手机难以识别。", suggestion)


def side_in_box(code: QrCode, box: float) -> float:
    """The widest code (without quiet zone) whose quiet zone still fits in a square ``box``."""
    return box * code.modules / (code.modules + 2 * QUIET_MODULES)


def quiet_box(code: QrCode, x: float, y: float, side: float) -> tuple[float, float, float]:
    """Lower-left corner and width of the code drawn at ``x, y`` with its quiet zone."""
    margin = QUIET_MODULES * module_size_for(code, side)
    return x - margin, y - margin, side + 2 * margin


def dark_runs(matrix: tuple[tuple[bool, ...], ...]) -> list[tuple[int, int, int]]:
    """Each row's horizontal runs of dark modules as (row, first column, length)."""
    runs = []
    for r, row in enumerate(matrix):
        c, n = 0, len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return runs


def logo_pad_modules(code: QrCode) -> int:
    """The width, in modules, of the white pad under a logo: at most LOGO_SHARE of the code, with
    the same parity as the code so that it sits exactly on the centre module."""
    pad = int(code.modules * LOGO_SHARE)
    if (pad - code.modules) % 2:
        pad -= 1
    return max(pad, 0)


def load_logo(path: Path) -> Any:
    """A logo image ready for drawing (a reportlab ImageReader); QrError if it cannot be read."""
    from PIL import Image, UnidentifiedImageError
    from reportlab.lib.utils import ImageReader

    path = Path(path)
    if not path.is_file():
        raise QrError(f"找不到标志图片「{path}」。", "请检查文件名，或选择不加标志。")
    try:
        with Image.open(path) as image:
            image.load()
            copy = image.convert("RGBA") if image.mode not in ("RGB", "RGBA") else image.copy()
    except (OSError, UnidentifiedImageError, ValueError):
        raise QrError(f"无法读取标志图片「{path.name}」。", "请使用 PNG 图片。") from None
    return ImageReader(copy)


def draw_code(canvas: Canvas, code: QrCode, x: float, y: float, side: float, logo: Any = None) -> None:
    """Draw ``code`` with its lower-left corner at ``x, y``, ``side`` points wide, on a white quiet
    zone of four modules; ``logo`` (from :func:`load_logo`) is centred on a white pad."""
    module = module_size_for(code, side)
    qx, qy, qside = quiet_box(code, x, y, side)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(qx, qy, qside, qside, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # In module units, row 0 at the top: every rectangle has whole-number corners, and one path
    # fills them all, so no hairline seams appear between rows when the page is rendered.
    canvas.translate(x, y + side)
    canvas.scale(module, -module)
    path = canvas.beginPath()
    for row, column, length in dark_runs(code.matrix):
        path.rect(column, row, length, 1)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
    if logo is not None:
        _draw_logo(canvas, code, x, y, side, logo)


def _draw_logo(canvas: Canvas, code: QrCode, x: float, y: float, side: float, logo: Any) -> None:
    module = module_size_for(code, side)
    pad = logo_pad_modules(code) * module
    px, py = x + (side - pad) / 2, y + (side - pad) / 2
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(px, py, pad, pad, stroke=0, fill=1)
    inset = min(module * 0.6, pad * 0.1)
    width, height = logo.getSize()
    box = pad - 2 * inset
    scale = box / max(width, height)
    w, h = width * scale, height * scale
    canvas.drawImage(logo, px + (pad - w) / 2, py + (pad - h) / 2, w, h, mask="auto")
    canvas.restoreState()
