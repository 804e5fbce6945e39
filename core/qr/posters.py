"""Posters (A4, A3: one code per page, large) and folded table stands (二维码摆台: A4 folded across
the middle, the upper half drawn turned by 180° so that both faces read upright on the table)."""

from __future__ import annotations

import math

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm

from core.qr.codes import QUIET_MODULES, QrCode
from core.qr.lettering import Block, draw_block, fit
from core.qr.sheet import GREY, INK, RED, Item, Sheet
from core.qr.targets import QrTarget

# How to scan, for members who rarely do: the glyphs are all in the CJK font (checked by a test).
STEPS = ("① 打开微信 → ② 点右上角 ⊕ →", "③ 扫一扫 → ④ 对准二维码")
STEPS_SHORT = ("① 打开微信", "② 点右上角 ⊕", "③ 扫一扫", "④ 对准二维码")


def worst_quiet_box(side: float) -> float:
    """The width with quiet zone of the smallest QR code (21 modules, the widest margin) ``side`` wide."""
    return side * (21 + 2 * QUIET_MODULES) / 21


def footer_lines(sheet: Sheet, target: QrTarget) -> tuple[str, str]:
    """The small print: the branch with a lesson's speaker and length, and the address the code holds."""
    first = "　".join(part for part in (sheet.branch, target.caption) if part)
    return first, (target.payload if target.kind != "text" else "")


class PosterLayout:
    """One target per page: the branch, an invitation, the title in big type, a large code, how to
    scan, and the small print. A3 is A4 enlarged by √2, type and all."""

    document_title = "二维码海报"

    def __init__(self, a3: bool = False) -> None:
        self.name = "poster-a3" if a3 else "poster-a4"
        self.scale = math.sqrt(2) if a3 else 1.0
        self.page_size = A3 if a3 else A4
        self.suggestion = "请使用更短的链接。" if a3 else "请改用 A3 海报，或使用更短的链接。"

    def pages(self, items: list[Item]) -> list[list[Item]]:
        return [[item] for item in items]

    def code_side(self, code: QrCode) -> float:
        return 120 * mm * self.scale

    def draw_page(self, sheet: Sheet, items: list[Item]) -> None:
        (target, code), = items
        s, c, font = self.scale, sheet.canvas, sheet.font
        width, height = self.page_size
        margin = 15 * mm * s
        text_width = width - 2 * margin
        middle = width / 2

        top = height - margin
        c.setFillColor(INK)
        top = draw_block(c, fit(sheet.branch, font, [20 * s, 16 * s], text_width, 1), font, middle, top)
        top -= 4 * mm * s
        c.setFillColor(RED)
        top = draw_block(c, fit(target.invitation, font, [16 * s], text_width, 1), font, middle, top)
        top -= 3 * mm * s
        c.setFillColor(INK)
        title = fit(target.title, font, [size * s for size in (36, 32, 28, 24)], text_width, 2)
        top = draw_block(c, title, font, middle, top) - 3 * mm * s

        bottom = margin * 0.8
        first, address = footer_lines(sheet, target)
        c.setFillColor(GREY)
        if address:
            block = fit(address, font, [10 * s], text_width, 2)
            draw_block(c, block, font, middle, bottom + block.height)
            bottom += block.height + 1.5 * mm * s
        block = fit(first, font, [12 * s], text_width, 1)
        bottom = draw_block(c, block, font, middle, bottom + block.height) + block.height + 2.5 * mm * s
        c.setStrokeColor(GREY)
        c.setLineWidth(0.6 * s)
        c.line(margin, bottom, width - margin, bottom)
        bottom += 5 * mm * s

        c.setFillColor(INK)
        steps = _steps_block(font, [size * s for size in (26, 24, 22, 20)], text_width)
        draw_block(c, steps, font, middle, bottom + steps.height)
        bottom += steps.height + 4 * mm * s

        side = self.code_side(code)
        note = 12 * s if target.short_code else 0  # room for the short code under a live code
        centre = (top + bottom + note) / 2
        sheet.code(code, middle - side / 2, centre - side / 2, side, target.short_code, 12 * s)


def _steps_block(font: str, sizes: list[float], width: float, lines: tuple[str, ...] = STEPS) -> Block:
    """The steps, one given line per line, at the largest of ``sizes`` at which every line fits."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = next((size for size in sizes if all(stringWidth(line, font, size) <= width for line in lines)), sizes[-1])
    return Block(list(lines), size, size * 1.35)


class TentLayout:
    """A4 portrait folded across the middle into a table stand. ``items[0]`` is the lower face,
    ``items[1]`` the upper one; a last target without a partner goes on both faces."""

    name = "tent"
    document_title = "二维码摆台"
    page_size = A4
    suggestion = "请改用 A4 海报，或使用更短的链接。"
    trim = 10 * mm  # the cut marks' box, inside the page edge
    side = 66 * mm

    def pages(self, items: list[Item]) -> list[list[Item]]:
        return [[items[i], items[i + 1] if i + 1 < len(items) else items[i]] for i in range(0, len(items), 2)]

    def code_side(self, code: QrCode) -> float:
        return self.side

    def draw_page(self, sheet: Sheet, items: list[Item]) -> None:
        c = sheet.canvas
        width, height = self.page_size
        self._draw_face(sheet, items[0])
        c.saveState()
        c.translate(width, height)
        c.rotate(180)
        sheet.rotated = True
        self._draw_face(sheet, items[1])
        sheet.rotated = False
        c.restoreState()
        sheet.cut_line(0, height / 2, width, height / 2)  # the fold
        self._cut_marks(sheet)

    def _cut_marks(self, sheet: Sheet) -> None:
        width, height = self.page_size
        t, gap, length = self.trim, 2 * mm, 5 * mm
        c = sheet.canvas
        c.saveState()
        c.setStrokeColor(INK)
        c.setLineWidth(0.5)
        for x, dx in ((t, -1), (width - t, 1)):
            for y, dy in ((t, -1), (height - t, 1)):
                c.line(x + dx * gap, y, x + dx * (gap + length), y)
                c.line(x, y + dy * gap, x, y + dy * (gap + length))
        c.restoreState()

    def _draw_face(self, sheet: Sheet, item: Item) -> None:
        """One face, in the lower half's coordinates: the fold is the top edge."""
        target, code = item
        c, font = sheet.canvas, sheet.font
        width, fold = self.page_size[0], self.page_size[1] / 2
        left, right, floor = self.trim + 2 * mm, width - self.trim - 2 * mm, self.trim + 2 * mm
        middle = width / 2

        top = fold - 9 * mm
        c.setFillColor(RED)
        top = draw_block(c, fit(sheet.branch, font, [13, 11], right - left, 1), font, middle, top) - 2 * mm
        c.setFillColor(INK)
        top = draw_block(c, fit(target.title, font, [26, 24, 22, 20], right - left, 2), font, middle, top)
        top -= 2 * mm

        side = self.side
        box = worst_quiet_box(side)
        code_middle_x = left + box / 2
        note = 10 if target.short_code else 0
        centre = (top + floor + note) / 2
        sheet.code(code, code_middle_x - side / 2, centre - side / 2, side, target.short_code, 10)

        column = left + box + 4 * mm
        column_width = right - column
        invitation = fit(target.invitation, font, [18, 16], column_width, 1)
        steps = _steps_block(font, [20, 18], column_width, STEPS_SHORT)
        gap = 3 * mm
        stack = invitation.height + gap + steps.height
        y = centre + stack / 2 + 4 * mm
        c.setFillColor(RED)
        y = draw_block(c, invitation, font, column, y, align="left") - gap
        c.setFillColor(INK)
        y = draw_block(c, steps, font, column, y, align="left")

        if target.caption:
            caption = fit(target.caption, font, [11], column_width, 2)
            c.setFillColor(GREY)
            bottom_room = y - floor - 3 * mm
            if caption.height <= bottom_room:
                draw_block(c, caption, font, column, floor + caption.height, align="left")
