"""A4 tabular paper: the document set-up with the CJK font, type styles, a header and footer on every
page ("第 N 页 / 共 M 页"), form elements to tick by hand, and saving the file safely.

Sheets built here are read by older eyes and filled in with a pen: the body type is at least 11 pt
and the rows are tall. The file is written to a temporary file in the target folder and moved into
place, so a failure never leaves half a PDF behind.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from core.pdf import PdfError
from core.pdf.fonts import register_pdf_font

MARGIN = 12 * mm
BODY_POINTS = 12.0
SMALL_POINTS = 11.0  # nothing a reader needs is printed smaller
TITLE_POINTS = 18.0
GRID_COLOR = colors.HexColor("#333333")
SHADE_COLOR = colors.HexColor("#E6E6E6")
CELL_PADDING = 2.0  # above and below a cell's text, in points
CREATOR = "支部工作台"


@dataclass(frozen=True)
class PaperStyles:
    font: str
    title: ParagraphStyle
    info: ParagraphStyle  # header lines under the title
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    heading: ParagraphStyle  # a group heading inside a table
    small: ParagraphStyle


def paper_styles() -> PaperStyles:
    """The type styles of every sheet, in the registered CJK font (raises PdfError without one)."""
    font = register_pdf_font()

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, wordWrap="CJK", **extra)

    return PaperStyles(
        font=font,
        title=style("PaperTitle", TITLE_POINTS, alignment=TA_CENTER, spaceAfter=2 * mm),
        info=style("PaperInfo", BODY_POINTS, spaceAfter=1 * mm),
        cell=style("PaperCell", BODY_POINTS),
        cell_center=style("PaperCellCenter", BODY_POINTS, alignment=TA_CENTER),
        heading=style("PaperHeading", BODY_POINTS),
        small=style("PaperSmall", SMALL_POINTS),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (user data is escaped, never read as markup)."""
    return Paragraph(escape(text), style)


def spaced(parts: Sequence[str], style: ParagraphStyle, gap: int = 6) -> Paragraph:
    """Plain-text parts on one line, kept apart by ``gap`` non-breaking spaces (ordinary runs of
    spaces, also full-width ones, would collapse into one)."""
    return Paragraph(("&nbsp;" * gap).join(escape(part) for part in parts if part), style)


def blank_date() -> str:
    """A date line to fill in by hand."""
    return "______年____月____日"


def chinese_date(iso_day: str) -> str:
    year, month, day = iso_day.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


# -- form elements ----------------------------------------------------------------------------------


def _draw_box(canvas: Canvas, x: float, baseline: float, size: float) -> None:
    side = size * 0.78
    canvas.setLineWidth(0.8)
    canvas.rect(x, baseline - size * 0.1, side, side, stroke=1, fill=0)


class TickBox(Flowable):
    """One square centred in its cell: empty, to tick by hand, or with a drawn tick when ``ticked``
    (drawn, not a font's glyph, so it prints whatever font is in use)."""

    def __init__(self, size: float = BODY_POINTS, ticked: bool = False) -> None:
        super().__init__()
        self.size = size
        self.ticked = ticked
        self.box_width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.box_width = avail_width
        return avail_width, self.size

    def draw(self) -> None:
        side = self.size * 0.78
        x, y = (self.box_width - side) / 2, 0.0
        _draw_box(self.canv, x, self.size * 0.1, self.size)
        if self.ticked:
            canvas = self.canv
            canvas.saveState()
            canvas.setLineWidth(1.8)
            canvas.setLineCap(1)
            canvas.setLineJoin(1)
            tick = canvas.beginPath()
            tick.moveTo(x + side * 0.18, y + side * 0.52)
            tick.lineTo(x + side * 0.42, y + side * 0.22)
            tick.lineTo(x + side * 0.86, y + side * 0.86)
            canvas.drawPath(tick, stroke=1, fill=0)
            canvas.restoreState()


class TickOptions(Flowable):
    """Labelled squares (☐自学扫码 ☐集中学习 …) in a grid of ``columns``, one to tick by hand."""

    def __init__(self, labels: Sequence[str], font: str, size: float = SMALL_POINTS, columns: int = 2) -> None:
        super().__init__()
        self.labels = list(labels)
        self.font = font
        self.size = size
        self.columns = max(1, columns)
        self.line = size * 1.35
        self.box_width = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.box_width = avail_width
        return avail_width, math.ceil(len(self.labels) / self.columns) * self.line

    def draw(self) -> None:
        rows = math.ceil(len(self.labels) / self.columns)
        column_width = self.box_width / self.columns
        self.canv.setFont(self.font, self.size)
        for index, label in enumerate(self.labels):
            row, column = divmod(index, self.columns)
            x = column * column_width
            baseline = (rows - row - 1) * self.line + (self.line - self.size) / 2 + self.size * 0.12
            _draw_box(self.canv, x, baseline, self.size)
            self.canv.drawString(x + self.size * 1.0, baseline, label)


# -- tables -----------------------------------------------------------------------------------------


def grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    styles: PaperStyles,
    *,
    row_heights: Sequence[float | None] | None = None,
    extra: Sequence[tuple[Any, ...]] = (),
    header_rows: int = 1,
) -> Table:
    """A ruled table whose first ``header_rows`` rows are a shaded header repeated at the top of every page."""
    last = header_rows - 1
    table = Table(rows, colWidths=list(widths), rowHeights=list(row_heights) if row_heights else None,
                  repeatRows=header_rows, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("FONTSIZE", (0, 0), (-1, -1), BODY_POINTS),
        ("LEADING", (0, 0), (-1, -1), BODY_POINTS * 1.3),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, last), SHADE_COLOR),
        ("ALIGN", (0, 0), (-1, last), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        *extra,
    ]))
    return table


def grouped_table(
    header: list[Any],
    groups: Sequence[tuple[str, Sequence[list[Any]]]],
    widths: Sequence[float],
    styles: PaperStyles,
    *,
    row_height: float | None = None,
) -> Table:
    """A ruled table with a shaded heading row before each group's rows (``groups``: heading text and
    rows). A heading is never left alone at the foot of a page: it stays with its first row.
    ``row_height`` is the least height of a row (room to write by hand); a row whose text needs more
    grows, rather than spilling over the next one."""
    rows: list[list[Any]] = [header]
    extra: list[tuple[Any, ...]] = []
    for heading, members in groups:
        at = len(rows)
        rows.append([para(heading, styles.heading)] + [""] * (len(header) - 1))
        extra += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), SHADE_COLOR)]
        if members:
            extra.append(("NOSPLIT", (0, at), (-1, at + 1)))
        rows += [_at_least(list(row), row_height) for row in members]
    return grid_table(rows, widths, styles, extra=extra)


def _at_least(row: list[Any], height: float | None) -> list[Any]:
    """The row with an invisible strut of ``height`` in its first empty cell."""
    if height:
        blank = next((i for i, cell in enumerate(row) if cell == ""), 0)
        strut = Spacer(1, height - 2 * CELL_PADDING)
        row[blank] = strut if row[blank] == "" else [strut, row[blank]]
    return row


# -- the document -----------------------------------------------------------------------------------


def _numbered_canvas(font: str) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "第 N 页 / 共 M 页" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Without this every page starts in Helvetica, a font the PDF would use but not carry.
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFont(font, SMALL_POINTS)
                self.drawRightString(width - MARGIN, MARGIN, f"第 {number} 页 / 共 {total} 页")
                super().showPage()
            super().save()

    return NumberedCanvas


def _stack_height(flowables: Sequence[Flowable], width: float) -> float:
    height = 0.0
    for flowable in flowables:
        height += flowable.wrap(width, 10_000)[1] + flowable.getSpaceAfter()
    return height


FOOTER_HEIGHT = SMALL_POINTS * 1.6
FRAME_PADDING = 6.0  # reportlab's padding inside the page's frame, on each side


def body_height(header: Sequence[Flowable], *, wide: bool = False) -> float:
    """The height of the story's frame on each page under ``header``, as write_paper lays it out: no
    single flowable (a drawing, a table row) may be taller."""
    page_width, page_height = landscape(A4) if wide else A4
    header_height = _stack_height(header, page_width - 2 * MARGIN)
    return page_height - 2 * MARGIN - header_height - 3 * mm - FOOTER_HEIGHT - 2 * mm - 2 * FRAME_PADDING


def write_paper(
    out: Path,
    story: Sequence[Flowable],
    *,
    title: str,
    header: Sequence[Flowable],
    footer: str = "",
    styles: PaperStyles,
    wide: bool = False,
    author: str = "",
) -> int:
    """Lay out ``story`` on A4 (landscape when ``wide``) with ``header`` at the top and ``footer`` and
    the page numbers at the foot of every page; save it to ``out`` atomically. Returns the page count."""
    page_size = landscape(A4) if wide else A4
    page_width, page_height = page_size
    width = page_width - 2 * MARGIN
    header_height = _stack_height(header, width)
    footer_height = FOOTER_HEIGHT

    def decorate(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        y = page_height - MARGIN
        for flowable in header:
            _, height = flowable.wrap(width, header_height)
            flowable.drawOn(canvas, MARGIN, y - height)
            y -= height + flowable.getSpaceAfter()
        canvas.setStrokeColor(GRID_COLOR)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, y, page_width - MARGIN, y)
        if footer:
            canvas.setFont(styles.font, SMALL_POINTS)
            canvas.drawString(MARGIN, MARGIN, footer)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=page_size, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + header_height + 3 * mm, bottomMargin=MARGIN + footer_height + 2 * mm,
        title=title, author=author, creator=CREATOR, subject=title,
    )
    try:
        doc.build(list(story), onFirstPage=decorate, onLaterPages=decorate, canvasmaker=_numbered_canvas(styles.font))
    except LayoutError as exc:
        raise PdfError(f"「{title}」排版失败：有一项内容太大，一页放不下（{exc}）") from None
    save_atomically(out, buffer.getvalue())
    return int(doc.page)


def save_atomically(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` through a temporary file in the same folder, then move it into place.
    A failure leaves ``out`` as it was and no temporary file behind; it raises PdfError in Chinese."""
    out = Path(out)
    folder = out.parent
    if not folder.is_dir():
        raise PdfError(f"无法保存「{out.name}」：文件夹「{folder}」不存在。请另选保存位置。")
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
        temp = None
    except PermissionError:
        raise PdfError(
            f"无法保存「{out}」：没有写入权限，或文件可能正被其他程序打开（例如 PDF 阅读器）。"
            "请关闭该文件后重试，或另选一个可以写入的文件夹。"
        ) from None
    except IsADirectoryError:
        raise PdfError(f"无法保存「{out}」：这是一个文件夹的名字。请另起一个文件名。") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise PdfError(
            f"无法保存「{out}」（{reason}）：文件可能正被其他程序打开，或磁盘已满。请关闭该文件、检查磁盘空间后重试，"
            "或另选保存位置。"
        ) from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
