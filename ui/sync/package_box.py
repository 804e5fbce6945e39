"""同步包（U盘） on the sync page: with no usable link, this computer's changes go to the district on a USB
stick. 导出同步包（U盘） writes the package, the district applies it and gives a reply file back, and
导入回执 imports that reply (the reply to an enrolment package too). Below the buttons: where this
computer stands (the last package and reply, what waits for the reply) and what the last export or
import did, in plain Chinese."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.figure_tile import MUTED
from ui.forms import ERROR_COLOR, OK_COLOR
from ui.sync.look import scale_font
from ui.sync.status_panel import PANEL_STYLE


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(44)
    button.setAutoDefault(False)
    button.setStyleSheet("padding: 0 18px;")
    scale_font(button, 1.1, bold=True)
    return button


def _text(colour: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


class PackageBox(QFrame):
    """Emits ``export_requested`` and ``import_requested``; the page asks for the file and does the
    work through the task runner, then calls ``show_result``."""

    export_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.joined = False
        self.busy = False
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(10)

        intro = _text(MUTED)
        intro.setText(self.tr("No network? Take the changes to the district on a USB stick: export a sync "
                              "package, have it processed at the district's organization department, then "
                              "import the reply file they give you."))
        column.addWidget(intro)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.export_button = _button(self.tr("Export sync package (USB stick)…"))
        self.export_button.setToolTip(self.tr("Write this computer's changes to a file for the district"))
        self.export_button.clicked.connect(self.export_requested)
        self.import_button = _button(self.tr("Import reply…"))
        self.import_button.setToolTip(self.tr("Import the reply file the district made from a sync or "
                                              "enrollment package"))
        self.import_button.clicked.connect(self.import_requested)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        column.addLayout(row)

        self.state = _text()
        column.addWidget(self.state)
        self.result = _text()
        scale_font(self.result, 1.05, bold=True)
        self.result.hide()
        column.addWidget(self.result)
        self._update()

    # -- showing --------------------------------------------------------------------------------

    def show_state(self, status: Any, enroll_pending: bool = False) -> None:
        """``status`` from core's ``sync_status``; ``enroll_pending``: an enrolment package went out and
        its reply has not been imported yet."""
        self.joined = bool(status.joined)
        self.state.setText(self.describe(status, enroll_pending))
        self._update()

    def describe(self, status: Any, enroll_pending: bool) -> str:
        """What to do next (the numbers of the packages and replies are in the status panel)."""
        if not status.joined:
            if enroll_pending:
                return self.tr("The enrollment package has been exported. When the district gives you its "
                               "reply, press “Import reply…”.")
            return self.tr("This computer has not joined the branch yet. Without a network, join with "
                           "“Join by USB stick…” under “Connection” first.")
        if status.awaiting_reply:
            return self.tr("Next: when the district gives you the reply to sync package No. {number}, press "
                           "“Import reply…”.").format(number=status.package_number)
        if status.pending:
            return self.tr("%n change(s) to take to the district: press “Export sync package (USB stick)…”.",
                           "", status.pending)
        if not status.package_number:
            return self.tr("No sync package has been exported from this computer yet.")
        return self.tr("Everything has reached the district. A new package also brings back what the district "
                       "has for this branch, such as new lessons.")

    def show_result(self, text: str, error: bool = False, *, note: bool = False) -> None:
        """What the last export or import did (green), why it could not (red), or — ``note`` — that it
        was cancelled (grey); "" hides it."""
        mark, colour = ("", MUTED) if note else ("✖ ", ERROR_COLOR) if error else ("✔ ", OK_COLOR)
        self.result.setText(mark + text if text else "")
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def _update(self) -> None:
        self.export_button.setEnabled(self.joined and not self.busy)
        self.import_button.setEnabled(not self.busy)
