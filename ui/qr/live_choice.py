"""The choice between 活码 (live codes through the district server) and direct links, and where the
material hangs (张贴位置), kept with each live code so the codes list can tell them apart."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from core.qr.live_links import MAX_LABEL
from ui.qr.preview_pane import HINT_STYLE

LIVE, DIRECT = "live", "direct"


class _ClickableText(QLabel):
    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setMinimumHeight(30)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt naming)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class LiveChoice(QWidget):
    """Live codes are chosen once this PC has joined a district server, unless the user picked direct
    links (``mode``: the user's own pick, "" when they never made one)."""

    changed = Signal()  # the mode or the place changed
    mode_picked = Signal(str)  # the user clicked a mode: LIVE or DIRECT

    def __init__(self, mode: str = "", label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode if mode in (LIVE, DIRECT) else ""
        self.available = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.live_radio, self.live_text = self._radio(layout, self.tr(
            "Live code (through the district server: scans counted, study checked in by phone)"))
        self.direct_radio, self.direct_text = self._radio(layout, self.tr("Direct link"))
        for widget in (self.direct_radio, self.direct_text):
            widget.setToolTip(self.tr("The code holds the video's or the account's own link: it works without "
                                      "the district server, but scans are not counted."))
        self.group = QButtonGroup(self)
        self.group.addButton(self.live_radio)
        self.group.addButton(self.direct_radio)
        self.direct_radio.setChecked(True)
        self.hint = QLabel(self.tr("Live codes need this computer to join the district server first, on "
                                   "the Sync page."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.hint)
        self.live_radio.toggled.connect(self._toggled)
        self.live_radio.clicked.connect(lambda: self._picked(LIVE))
        self.direct_radio.clicked.connect(lambda: self._picked(DIRECT))

        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.place.setMinimumHeight(36)
        self.place.lineEdit().setMaxLength(MAX_LABEL)
        self.place.lineEdit().setPlaceholderText(self.tr("e.g. the clinic door"))
        self.place.setToolTip(self.tr("Where this material hangs. The same lesson in two places gets two codes, "
                                      "so the codes list shows where people scan."))
        self.set_places([], label)
        self.place.editTextChanged.connect(lambda _text: self.changed.emit())
        self.set_available(False)

    @staticmethod
    def _radio(layout: QVBoxLayout, text: str) -> tuple[QRadioButton, QLabel]:
        """A radio button whose text wraps (a long one would widen the page): a click on the text picks it."""
        row = QHBoxLayout()
        row.setSpacing(6)
        radio = QRadioButton()
        radio.setAccessibleName(text)
        radio.setMinimumHeight(30)
        label = _ClickableText(text)
        label.setBuddy(radio)
        label.clicked.connect(lambda: radio.click() if radio.isEnabled() else None)
        row.addWidget(radio, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label, 1)
        layout.addLayout(row)
        return radio, label

    def suggestions(self) -> list[str]:
        return [
            self.tr("Village committee activity room, table stand"),
            self.tr("Clinic door"),
            self.tr("Party members' activity room"),
            self.tr("Notice board at the village entrance"),
        ]

    def live(self) -> bool:
        return self.available and self.live_radio.isChecked()

    def label(self) -> str:
        return " ".join(self.place.currentText().split()) if self.live() else ""

    def set_available(self, available: bool) -> None:
        """Whether this PC can print live codes; they are chosen then unless the user picked direct links."""
        self.available = available
        why = "" if available else self.tr("This computer has to join the district server on the Sync page first.")
        for widget in (self.live_radio, self.live_text):
            widget.setEnabled(available)
            widget.setToolTip(why)
        self.hint.setVisible(not available)
        want_live = available and self.mode != DIRECT
        if want_live != self.live_radio.isChecked():
            (self.live_radio if want_live else self.direct_radio).setChecked(True)
        self.place.setEnabled(self.live())

    def set_places(self, used: Iterable[str], text: str | None = None) -> None:
        """The places offered: those used before, then the usual ones; the typed text stays."""
        keep = self.place.currentText() if text is None else text
        blocked = self.place.blockSignals(True)
        self.place.clear()
        self.place.addItems(list(dict.fromkeys([*used, *self.suggestions()])))
        self.place.setEditText(keep)
        self.place.blockSignals(blocked)

    def _picked(self, mode: str) -> None:
        self.mode = mode
        self.mode_picked.emit(mode)

    def _toggled(self, _on: bool) -> None:
        self.place.setEnabled(self.live())
        self.changed.emit()
