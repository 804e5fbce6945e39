"""What a layout draws on: the canvas with the CJK font, the branch's name, the logo, and a record
of where each code landed on the page (for the result and for checking the print)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from core.qr.codes import QrCode, draw_code, quiet_box
from core.qr.short_codes import spaced
from core.qr.targets import QrTarget

INK = colors.HexColor("#111111")
RED = colors.HexColor("#B71C1C")  # party red, for the line that invites the reader
GREY = colors.HexColor("#555555")
CUT = colors.HexColor("#888888")

Item = tuple[QrTarget, QrCode]


def short_code_text(code: str) -> str:
    return f"短码 {spaced(code)}"


@dataclass(frozen=True)
class Placement:
    """One code on the printed page: page number (from 1), what it holds, and its lower-left corner
    and width in points (PDF coordinates, origin at the lower left; without the quiet zone);
    ``turned`` when it is printed upside down (the upper face of a table stand)."""

    page: int
    payload: str
    x: float
    y: float
    side: float
    modules: int
    turned: bool = False


@dataclass
class Sheet:
    canvas: Canvas
    font: str
    branch: str
    logo: Any
    page: int
    page_size: tuple[float, float]
    rotated: bool = False  # drawing the upper face of a table stand, turned by 180°
    placed: list[Placement] = field(default_factory=list)

    def code(self, code: QrCode, x: float, y: float, side: float, short_code: str = "", size: float = 11) -> None:
        """Draw ``code`` at ``x, y`` (current coordinates) and note where it is on the page; a live
        code's ``short_code`` is printed small beneath its quiet zone, for typing by hand."""
        draw_code(self.canvas, code, x, y, side, self.logo)
        if short_code:
            _, qy, _ = quiet_box(code, x, y, side)
            self.short_code(short_code, x + side / 2, qy - size * 0.9, size)
        if self.rotated:
            width, height = self.page_size
            x, y = width - x - side, height - y - side
        self.placed.append(Placement(self.page, code.payload, x, y, side, code.modules, self.rotated))

    def short_code(self, short_code: str, middle: float, baseline: float, size: float) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(GREY)
        canvas.setFont(self.font, size)
        canvas.drawCentredString(middle, baseline, short_code_text(short_code))
        canvas.restoreState()

    def cut_line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.setStrokeColor(CUT)
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        canvas.line(x1, y1, x2, y2)
        canvas.restoreState()


class Layout(Protocol):
    """One kind of printed material."""

    name: str
    document_title: str
    page_size: tuple[float, float]
    suggestion: str  # what to do instead when a code would print too small

    def pages(self, items: list[Item]) -> list[list[Item]]:
        """The items on each page, in drawing order."""
        ...

    def code_side(self, code: QrCode) -> float:
        """How wide ``code`` prints (points, without the quiet zone)."""
        ...

    def draw_page(self, sheet: Sheet, items: list[Item]) -> None:
        ...
