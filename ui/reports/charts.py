"""A plain bar chart drawn with QPainter: horizontal (one row per label) or vertical (one column per
label), the value written on every bar, bars under a threshold in red. It takes the widget's font, so
it grows with the user's font size."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR_COLOR = QColor("#3d6fb4")
LOW_COLOR = QColor("#c62828")
TRACK_COLOR = QColor("#eeeae4")
TEXT_COLOR = QColor("#222222")
MUTED_COLOR = QColor("#5f5a52")
LINE_COLOR = QColor("#9a9288")

ValueFormat = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:g}"


class BarChart(QWidget):
    """``set_data(labels, values, value_format, highlight_below)``; bars below ``highlight_below``
    are drawn red and a dashed line marks the threshold."""

    def __init__(
        self, orientation: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.orientation = orientation
        self.labels: list[str] = []
        self.values: list[float] = []
        self.value_format: ValueFormat = _plain
        self.highlight_below: float | None = None
        self.maximum: float | None = None
        self.placeholder = ""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        if orientation == Qt.Orientation.Horizontal:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- data ----------------------------------------------------------------------------------

    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        value_format: ValueFormat = _plain,
        highlight_below: float | None = None,
        maximum: float | None = None,
    ) -> None:
        """``maximum`` fixes the scale (1.0 for rates); by default the largest value fills the width."""
        if len(labels) != len(values):
            raise ValueError("labels and values differ in length")
        self.labels = list(labels)
        self.values = [float(v) for v in values]
        self.value_format = value_format
        self.highlight_below = highlight_below
        self.maximum = maximum
        pairs = zip(self.labels, self.values, strict=True)
        self.setAccessibleDescription("; ".join(f"{label}: {value_format(value)}" for label, value in pairs))
        self.updateGeometry()
        self.update()

    def set_placeholder(self, text: str) -> None:
        """What the chart says when it has nothing to show."""
        self.placeholder = text
        self.update()

    def is_highlighted(self, position: int) -> bool:
        return self.highlight_below is not None and self.values[position] < self.highlight_below

    def bar_color(self, position: int) -> QColor:
        return LOW_COLOR if self.is_highlighted(position) else BAR_COLOR

    def scale_top(self) -> float:
        if self.maximum is not None:
            return self.maximum
        return max([*self.values, 0.0]) or 1.0

    # --- geometry ------------------------------------------------------------------------------

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.9)

    def _margins(self) -> tuple[int, int]:
        """Space above and below the bars."""
        height = self.fontMetrics().height()
        if self.orientation == Qt.Orientation.Horizontal:
            return (height + 10 if self.highlight_below is not None else 8), 8
        return height + 12, int(height * 1.6) + 8

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        metrics = self.fontMetrics()
        top, bottom = self._margins()
        if self.orientation == Qt.Orientation.Horizontal:
            rows = max(len(self.labels), 2)
            return QSize(metrics.horizontalAdvance("0") * 60, top + bottom + rows * self._row_height())
        columns = max(len(self.labels), 3)
        return QSize(columns * metrics.horizontalAdvance("00000"), metrics.height() * 14)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = self.sizeHint()
        metrics = self.fontMetrics()
        if self.orientation == Qt.Orientation.Horizontal:
            return QSize(metrics.horizontalAdvance("0") * 30, hint.height())
        return QSize(max(len(self.labels), 1) * metrics.horizontalAdvance("000"), metrics.height() * 10)

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (also used for tooltips)."""
        if not self.values:
            return []
        if self.orientation == Qt.Orientation.Horizontal:
            return self._horizontal_layout()[3]
        return self._vertical_layout()[1]

    def _horizontal_layout(self) -> tuple[int, int, float, list[QRectF]]:
        """(label width, left of the bars, length of a full bar, bar rectangles)."""
        metrics = self.fontMetrics()
        top, _bottom = self._margins()
        widest = max((metrics.horizontalAdvance(label) for label in self.labels), default=0)
        label_width = min(widest, int(self.width() * 0.4))
        value_width = max((metrics.horizontalAdvance(self.value_format(v)) for v in self.values), default=0)
        left = 12 + label_width + 12
        span = max(self.width() - left - value_width - 24, 10)
        row = self._row_height()
        thickness = row * 0.62
        scale = self.scale_top()
        rects = []
        for position, value in enumerate(self.values):
            length = span * max(min(value / scale, 1.0), 0.0)
            y = top + position * row + (row - thickness) / 2
            rects.append(QRectF(left, y, length, thickness))
        return label_width, left, span, rects

    def _vertical_layout(self) -> tuple[float, list[QRectF]]:
        """(slot width, bar rectangles)."""
        metrics = self.fontMetrics()
        top, bottom = self._margins()
        left, right = 16, 16
        slot = (self.width() - left - right) / len(self.values)
        width = min(slot * 0.64, metrics.height() * 3.2)
        span = max(self.height() - top - bottom, 10)
        scale = self.scale_top()
        rects = []
        for position, value in enumerate(self.values):
            height = span * max(min(value / scale, 1.0), 0.0)
            x = left + position * slot + (slot - width) / 2
            rects.append(QRectF(x, top + span - height, width, height))
        return slot, rects

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setFont(self.font())
        if not self.values:
            painter.setPen(MUTED_COLOR)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect(), flags, self.placeholder)
        elif self.orientation == Qt.Orientation.Horizontal:
            self._paint_horizontal(painter, event.rect())
        else:
            self._paint_vertical(painter)
        painter.end()

    def _paint_horizontal(self, painter: QPainter, exposed: QRect) -> None:
        metrics = self.fontMetrics()
        label_width, left, span, rects = self._horizontal_layout()
        row = self._row_height()
        for position, rect in enumerate(rects):
            if rect.bottom() + row < exposed.top() or rect.top() - row > exposed.bottom():
                continue  # a long chart in a scroll area: draw only the rows in sight
            label = metrics.elidedText(self.labels[position], Qt.TextElideMode.ElideRight, label_width)
            text_rect = QRect(12, int(rect.center().y() - row / 2), label_width, row)
            painter.setPen(TEXT_COLOR)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            painter.fillRect(QRectF(left, rect.y(), span, rect.height()), TRACK_COLOR)
            painter.fillRect(rect, self.bar_color(position))
            value = self.value_format(self.values[position])
            painter.setPen(LOW_COLOR if self.is_highlighted(position) else TEXT_COLOR)
            bold = painter.font()
            bold.setBold(self.is_highlighted(position))
            painter.setFont(bold)
            value_width = metrics.horizontalAdvance(value) + 16
            value_rect = QRect(int(left + span + 8), text_rect.y(), value_width, row)
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
            bold.setBold(False)
            painter.setFont(bold)
        if self.highlight_below is not None:
            x = left + span * min(self.highlight_below / self.scale_top(), 1.0)
            top = rects[0].y() - 4
            bottom = rects[-1].bottom() + 4
            painter.setPen(QPen(LOW_COLOR, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(int(x), int(top), int(x), int(bottom))
            mark = self.value_format(self.highlight_below)
            painter.drawText(QRect(int(x) - 60, 0, 120, int(top)), Qt.AlignmentFlag.AlignCenter, mark)

    def _paint_vertical(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        slot, rects = self._vertical_layout()
        top, bottom = self._margins()
        baseline = self.height() - bottom
        painter.setPen(QPen(LINE_COLOR, 1))
        painter.drawLine(8, baseline, self.width() - 8, baseline)
        for position, rect in enumerate(rects):
            painter.fillRect(rect, self.bar_color(position))
            centre_x = rect.center().x()
            value = self.value_format(self.values[position])
            painter.setPen(TEXT_COLOR)
            line = metrics.height()
            value_rect = QRectF(centre_x - slot / 2, rect.top() - line - 4, slot, line)
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignCenter, value)
            label = metrics.elidedText(self.labels[position], Qt.TextElideMode.ElideRight, int(slot) - 2)
            label_rect = QRectF(centre_x - slot / 2, baseline + 4, slot, metrics.height() * 1.4)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)

    # --- tooltips and font changes -------------------------------------------------------------

    def bar_at(self, point: QPoint) -> int:
        """The bar (or its row/column) under ``point``, or -1."""
        if self.orientation == Qt.Orientation.Horizontal:
            row = self._row_height()
            for position, rect in enumerate(self.bar_rects()):
                if abs(point.y() - rect.center().y()) <= row / 2:
                    return position
            return -1
        for position, rect in enumerate(self.bar_rects()):
            if abs(point.x() - rect.center().x()) <= rect.width():
                return position
        return -1

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.bar_at(event.pos())
            if position >= 0:
                text = f"{self.labels[position]}: {self.value_format(self.values[position])}"
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        return super().event(event)
