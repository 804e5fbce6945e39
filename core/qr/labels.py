"""Label sheets on A4: a grid of cells (3 × 4 or 4 × 6), each a code with its title underneath,
and dashed cut lines between the cells. Many targets fill as many sheets as they need."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from core.qr.codes import QrCode, side_in_box
from core.qr.lettering import ASCENT, DESCENT, draw_block, fit
from core.qr.sheet import INK, Item, Sheet

MARGIN = 10 * mm
PADDING = 2.5 * mm
CAPTION_LINES = 2
CAPTION_LEADING = 1.2


class LabelLayout:
    document_title = "二维码标签"
    page_size = A4

    def __init__(self, columns: int, rows: int, caption_size: float, suggestion: str) -> None:
        self.name = f"labels-{columns}x{rows}"
        self.columns = columns
        self.rows = rows
        self.caption_size = caption_size
        self.suggestion = suggestion
        width, height = self.page_size
        self.cell_width = (width - 2 * MARGIN) / columns
        self.cell_height = (height - 2 * MARGIN) / rows
        caption_height = ((CAPTION_LINES - 1) * CAPTION_LEADING + ASCENT + DESCENT) * caption_size
        self.caption_top_gap = 1 * mm
        # The square that holds a code with its quiet zone, at the top of the cell.
        self.box = min(self.cell_width - 2 * PADDING,
                       self.cell_height - 2 * PADDING - self.caption_top_gap - caption_height)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def pages(self, items: list[Item]) -> list[list[Item]]:
        return [items[i:i + self.per_page] for i in range(0, len(items), self.per_page)]

    def code_side(self, code: QrCode) -> float:
        return side_in_box(code, self.box)

    def cell_origin(self, index: int) -> tuple[float, float]:
        """The lower-left corner of cell ``index`` (row by row from the top left)."""
        row, column = divmod(index, self.columns)
        height = self.page_size[1]
        return MARGIN + column * self.cell_width, height - MARGIN - (row + 1) * self.cell_height

    def draw_page(self, sheet: Sheet, items: list[Item]) -> None:
        self._cut_lines(sheet)
        c, font = sheet.canvas, sheet.font
        text_width = self.cell_width - 2 * PADDING
        for index, (target, code) in enumerate(items):
            x, y = self.cell_origin(index)
            middle = x + self.cell_width / 2
            box_top = y + self.cell_height - PADDING
            side = self.code_side(code)
            sheet.code(code, middle - side / 2, box_top - self.box / 2 - side / 2, side)
            lines = CAPTION_LINES - 1 if target.short_code else CAPTION_LINES
            caption = fit(target.title, font, [self.caption_size], text_width, lines, CAPTION_LEADING)
            c.setFillColor(INK)
            below = draw_block(c, caption, font, middle, box_top - self.box - self.caption_top_gap)
            if target.short_code:
                size = self.caption_size * 0.85
                sheet.short_code(target.short_code, middle, below - size * (CAPTION_LEADING - 1) - size * ASCENT, size)

    def _cut_lines(self, sheet: Sheet) -> None:
        width, height = self.page_size
        left, right = MARGIN, width - MARGIN
        bottom, top = MARGIN, height - MARGIN
        for column in range(self.columns + 1):
            x = left + column * self.cell_width
            sheet.cut_line(x, bottom, x, top)
        for row in range(self.rows + 1):
            y = bottom + row * self.cell_height
            sheet.cut_line(left, y, right, y)


LABELS_3X4 = LabelLayout(3, 4, 11, "请改用摆台或 A4 海报，或使用更短的链接。")
LABELS_4X6 = LabelLayout(4, 6, 10, "请改用 3×4 标签或 A4 海报，或使用更短的链接。")
