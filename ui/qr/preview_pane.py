"""The preview of the first printed page: the page image scaled to fit, a refusal in red, or a hint."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.forms import ERROR_COLOR

HINT_STYLE = "color: #555;"
REFUSAL_STYLE = f"color: {ERROR_COLOR}; font-weight: bold; padding: 16px;"


class PreviewPane(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QPixmap | None = None  # the page at full preview resolution
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(360, 420)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setStyleSheet("background: #fafafa;")

    def show_page(self, png: bytes) -> QPixmap:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.image = pixmap
        self.setStyleSheet("background: #fafafa;")
        self.fit()
        return pixmap

    def show_refusal(self, text: str) -> None:
        self.image = None
        self.clear()
        self.setStyleSheet(f"background: #fdf0f0; {REFUSAL_STYLE}")
        self.setText("✖ " + text)

    def show_hint(self, text: str) -> None:
        self.image = None
        self.clear()
        self.setStyleSheet(f"background: #fafafa; {HINT_STYLE} padding: 16px;")
        self.setText(text)

    def fit(self) -> None:
        if self.image is None or self.image.isNull():
            return
        ratio = self.devicePixelRatioF()
        scaled = self.image.scaled(self.contentsRect().size() * ratio, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        self.setPixmap(scaled)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.fit)  # once the layout has settled
