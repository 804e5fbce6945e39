"""Setting lines of text in the CJK font: wrapping Chinese (and the odd Latin word) to a width,
shrinking a title until it fits, and cutting what still does not fit with 「…」."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

ELLIPSIS = "…"
ASCENT = 0.77  # of the font size, above the baseline (WenQuanYi and most CJK fonts)
DESCENT = 0.24


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[list[str], bool]:
    """``text`` in at most ``max_lines`` lines no wider than ``width``; whether all of it fits.
    Lines break between any two Chinese characters, and at a space inside Latin text when one is near."""
    text = " ".join(text.split())
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        if stringWidth(rest, font, size) <= width:
            lines.append(rest)
            rest = ""
            break
        cut = _longest_prefix(rest, font, size, width)
        space = rest.rfind(" ", 0, cut + 1)
        if rest[cut].isascii() and rest[cut - 1].isascii() and space > cut // 2:
            cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        last = lines[-1] if lines else ""
        while last and stringWidth(last + ELLIPSIS, font, size) > width:
            last = last[:-1]
        if lines:
            lines[-1] = last.rstrip() + ELLIPSIS
        else:
            lines.append(ELLIPSIS)
        return lines, False
    return lines, True


def _longest_prefix(text: str, font: str, size: float, width: float) -> int:
    """The number of leading characters of ``text`` that fit in ``width`` (at least one)."""
    low, high = 1, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True)
class Block:
    lines: list[str]
    size: float
    leading: float

    @property
    def height(self) -> float:
        """From the top of the first line to the bottom of the last one."""
        if not self.lines:
            return 0.0
        return (len(self.lines) - 1) * self.leading + (ASCENT + DESCENT) * self.size


def fit(text: str, font: str, sizes: Sequence[float], width: float, max_lines: int,
        leading: float = 1.2) -> Block:
    """The largest of ``sizes`` at which ``text`` fits; at the smallest, what fits, cut with 「…」."""
    lines: list[str] = []
    for size in sizes:
        lines, whole = wrap(text, font, size, width, max_lines)
        if whole:
            return Block(lines, size, size * leading)
    return Block(lines, sizes[-1], sizes[-1] * leading)


def draw_block(canvas: Canvas, block: Block, font: str, x: float, top: float, *, align: str = "center") -> float:
    """Draw ``block`` with the top of its first line at ``top``; ``x`` is the centre (or the left
    edge with ``align="left"``). Returns the bottom of the last line."""
    canvas.setFont(font, block.size)
    baseline = top - ASCENT * block.size
    for line in block.lines:
        if align == "center":
            canvas.drawCentredString(x, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
        baseline -= block.leading
    return top - block.height
