"""The study report's charts as reportlab drawings: coverage per lesson as horizontal bars (the weak
ones in a warning colour) and study counts per month as vertical bars.

Every piece of text is drawn in the embedded CJK font given by the caller and at least 10 pt: the
drawings also start in that font, so the PDF never names a font it does not carry.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

LABEL_POINTS = 10.5  # category and value labels
TICK_POINTS = 10.0  # axis figures
BAR_COLOR = colors.HexColor("#3B6EA8")
WARN_COLOR = colors.HexColor("#E8A33D")  # also tells apart from the blue on a grey printer
WARN_LINE = colors.HexColor("#B86E00")
AXIS_COLOR = colors.HexColor("#333333")
GRID_LIGHT = colors.HexColor("#CCCCCC")
TEXT_COLOR = colors.black
BAR_PITCH = LABEL_POINTS * 2.5  # room of one bar of share_bars, for a two-line label
_LEGEND_H, _AXIS_H = LABEL_POINTS * 2.2, TICK_POINTS * 2.2


@dataclass(frozen=True)
class ShareBar:
    label: str  # e.g. the lesson's title
    share: float  # 0 … 1
    text: str  # printed after the bar, e.g. "35/57 61%"


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut short with "…" so that it is at most ``width`` points wide."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap_text(text: str, font: str, size: float, width: float, lines: int = 2) -> list[str]:
    """``text`` broken into at most ``lines`` lines of at most ``width`` points, the last one cut short."""
    out: list[str] = []
    rest = text.strip()
    while rest and len(out) < lines - 1 and stringWidth(rest, font, size) > width:
        end = 1
        while end < len(rest) and stringWidth(rest[:end + 1], font, size) <= width:
            end += 1
        out.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    if rest:
        out.append(fit_text(rest, font, size, width))
    return out


def _string(x: float, y: float, text: str, font: str, size: float, anchor: str = "start",
            color: colors.Color = TEXT_COLOR) -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)


def _drawing(width: float, height: float, font: str) -> Drawing:
    return Drawing(width, height, initialFontName=font, initialFontSize=LABEL_POINTS)


def _legend(drawing: Drawing, font: str, right: float, y: float, entries: Sequence[tuple[colors.Color, str]]) -> None:
    """Colour keys, right-aligned at ``right`` on the baseline ``y``."""
    box = LABEL_POINTS * 0.9
    x = right
    for color, label in reversed(entries):
        x -= stringWidth(label, font, LABEL_POINTS)
        drawing.add(_string(x, y, label, font, LABEL_POINTS))
        x -= box + 4
        drawing.add(Rect(x, y - 1, box, box, fillColor=color, strokeColor=None))
        x -= 14


def share_bars_height(count: int) -> float:
    """The height of share_bars with ``count`` bars."""
    return _LEGEND_H + count * BAR_PITCH + _AXIS_H


def share_bars(bars: Sequence[ShareBar], font: str, width: float, *, warn_below: float = 0.6) -> Drawing:
    """One horizontal bar per item on a 0–100% scale, the first at the top; bars under ``warn_below``
    in the warning colour, with a dashed line at that mark. Labels take up to two lines, then are cut
    short with "…"."""
    pitch, thickness = BAR_PITCH, LABEL_POINTS * 1.5
    legend_h, axis_h = _LEGEND_H, _AXIS_H
    longest_label = max((stringWidth(b.label, font, LABEL_POINTS) for b in bars), default=0.0)
    label_w = min(longest_label, width * 0.36)
    text_w = max((stringWidth(b.text, font, LABEL_POINTS) for b in bars), default=0.0) + 8
    left = label_w + 8
    plot_w = width - left - text_w
    height = share_bars_height(len(bars))
    drawing = _drawing(width, height, font)
    top = height - legend_h
    bottom = axis_h
    mark = f"{warn_below:.0%}"
    _legend(drawing, font, width, height - LABEL_POINTS * 1.2,
            [(WARN_COLOR, f"低于 {mark}"), (BAR_COLOR, f"{mark} 及以上")])
    for tick in range(0, 101, 20):
        x = left + plot_w * tick / 100
        drawing.add(Line(x, bottom, x, top, strokeColor=GRID_LIGHT, strokeWidth=0.5))
        drawing.add(_string(x, bottom - TICK_POINTS * 1.3, f"{tick}%", font, TICK_POINTS, "middle"))
    for index, bar in enumerate(bars):
        middle = top - (index + 0.5) * pitch
        share = min(max(bar.share, 0.0), 1.0)
        length = plot_w * share
        color = WARN_COLOR if bar.share < warn_below else BAR_COLOR
        if length > 0:
            drawing.add(Rect(left, middle - thickness / 2, length, thickness, fillColor=color, strokeColor=None))
        baseline = middle - LABEL_POINTS * 0.35
        lines = wrap_text(bar.label, font, LABEL_POINTS, label_w)
        for number, line in enumerate(lines):
            shift = (len(lines) - 1) / 2 - number  # lines centred on the bar
            drawing.add(_string(label_w, baseline + shift * LABEL_POINTS * 1.15, line, font, LABEL_POINTS, "end"))
        drawing.add(_string(left + length + 4, baseline, bar.text, font, LABEL_POINTS))
    threshold = left + plot_w * warn_below
    drawing.add(Line(threshold, bottom, threshold, top, strokeColor=WARN_LINE, strokeWidth=1,
                     strokeDashArray=[4, 3]))
    drawing.add(Line(left, bottom, left, top, strokeColor=AXIS_COLOR, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=AXIS_COLOR, strokeWidth=0.8))
    return drawing


def nice_step(largest: int, ticks: int = 5) -> int:
    """A step of 1, 2 or 5 times a power of ten giving at most ``ticks`` steps up to ``largest``."""
    if largest <= ticks:
        return 1
    power = 10 ** int(math.floor(math.log10(largest / ticks)))
    for factor in (1, 2, 5, 10):
        if largest / (factor * power) <= ticks:
            return factor * power
    return 10 * power


def count_columns(columns: Sequence[tuple[str, int]], font: str, width: float, *, unit: str = "",
                  height: float = 170.0) -> Drawing:
    """One vertical bar per (label, count), its count printed above it and its label below; ``unit``
    is printed above the scale."""
    largest = max((count for _, count in columns), default=0)
    step = nice_step(largest)
    scale_top = max(step, math.ceil(largest / step) * step)
    ticks = [step * i for i in range(scale_top // step + 1)]
    left = max(stringWidth(str(t), font, TICK_POINTS) for t in ticks) + 8
    bottom = LABEL_POINTS * 2.0
    top = height - LABEL_POINTS * 2.6  # room for the unit and the tallest bar's figure
    plot_w = width - left - 4
    drawing = _drawing(width, height, font)
    if unit:
        drawing.add(_string(0, height - LABEL_POINTS, unit, font, LABEL_POINTS))
    for tick in ticks:
        y = bottom + (top - bottom) * tick / scale_top
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=GRID_LIGHT, strokeWidth=0.5))
        drawing.add(_string(left - 4, y - TICK_POINTS * 0.35, str(tick), font, TICK_POINTS, "end"))
    slot = plot_w / max(len(columns), 1)
    bar_w = min(slot * 0.6, 56.0)
    for index, (label, count) in enumerate(columns):
        middle = left + slot * (index + 0.5)
        bar_h = (top - bottom) * count / scale_top
        if bar_h > 0:
            drawing.add(Rect(middle - bar_w / 2, bottom, bar_w, bar_h, fillColor=BAR_COLOR, strokeColor=None))
        drawing.add(_string(middle, bottom + bar_h + 4, str(count), font, LABEL_POINTS, "middle"))
        drawing.add(_string(middle, bottom - LABEL_POINTS * 1.4,
                            fit_text(label, font, LABEL_POINTS, slot - 2), font, LABEL_POINTS, "middle"))
    drawing.add(Line(left, bottom, left, top, strokeColor=AXIS_COLOR, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left + plot_w, bottom, strokeColor=AXIS_COLOR, strokeWidth=0.8))
    return drawing
