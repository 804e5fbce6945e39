"""A big figure with what it counts underneath and a short note, in type that follows the user's
font size preference (home page, reports, pairing progress)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

ACCENT = "#c8102e"
MUTED = "#5f5a52"


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    """The application font times ``factor`` (the user's font size preference carries through)."""
    font = QApplication.font()
    base = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
    font.setPointSizeF(base * factor)
    font.setBold(bold)
    return font


class FigureTile(QFrame):
    def __init__(self, caption: str, note: str = "", *, number_scale: float = 2.2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number_scale = number_scale
        self.setObjectName("figure")
        self.number = QLabel("–")
        self.number.setObjectName("number")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.note = QLabel(note)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 12)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.apply_fonts()
        # Last, once the labels are in: a style sheet set first would be worked out again for each label added.
        self.setStyleSheet(
            "QFrame#figure { background: #fbf8f3; border: 1px solid #e2d9cc; border-radius: 10px; }"
            f"QFrame#figure QLabel#number {{ color: {ACCENT}; }}"
            f"QFrame#figure QLabel#note {{ color: {MUTED}; }}"
        )

    def set_value(self, value: object, note: str | None = None) -> None:
        """Show ``value``; ``note`` replaces the note (None keeps it)."""
        self.number.setText(str(value))
        if note is not None:
            self.note.setText(note)
            self.note.setVisible(bool(note))
        self.setAccessibleName(f"{self.caption.text()}: {value} {self.note.text()}".strip())

    def apply_fonts(self) -> None:
        self.number.setFont(scaled_font(self.number_scale, bold=True))
        self.caption.setFont(scaled_font(1.05, bold=True))
        self.note.setFont(scaled_font(0.9))
