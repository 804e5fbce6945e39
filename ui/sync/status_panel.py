"""The top of the sync page: online or offline in large coloured type (or that this computer syncs by
USB stick), the 立即同步 button, the figures (待上传, 冲突, 被拒), where this computer syncs to, the last
sync packages, the last successful sync, and — in red, in plain Chinese with what to do — why the last
attempt failed; the clock warning when the clock is off."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.figure_tile import FigureTile
from ui.forms import ERROR_COLOR, OK_COLOR
from ui.sync import work
from ui.sync.indicator import BUSY_COLOR, CONFLICT_COLOR, MUTED_COLOR, PENDING_COLOR
from ui.sync.look import scale_font

WARNING_COLOR = "#8a4b00"
PANEL_STYLE = "QFrame#syncPanel { background: #fbf8f3; border: 1px solid #e2d9cc; border-radius: 10px; }"


def _label(colour: str = "", selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


def by_usb(status: Any) -> bool:
    """Joined by an enrolment package and no server address: this computer syncs only by file."""
    return bool(status.joined and not status.enrolled)


class StatusPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.setStyleSheet(PANEL_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 14, 18, 14)
        column.setSpacing(10)

        top = QHBoxLayout()
        self.state = QLabel()
        scale_font(self.state, 1.6, bold=True)
        top.addWidget(self.state)
        top.addStretch(1)
        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sync_button.setMinimumHeight(48)
        self.sync_button.setMinimumWidth(180)
        scale_font(self.sync_button, 1.2, bold=True)
        self.sync_button.setAutoDefault(False)
        self.sync_button.setToolTip(self.tr("Upload this computer's changes and download the others' (F5)"))
        top.addWidget(self.sync_button)
        column.addLayout(top)

        self.result = _label()
        scale_font(self.result, 1.1, bold=True)
        self.result.hide()
        column.addWidget(self.result)

        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        self.pending_tile = FigureTile(self.tr("Changes to upload"), number_scale=1.8)
        self.conflicts_tile = FigureTile(self.tr("Conflicts to look at"), number_scale=1.8)
        self.rejected_tile = FigureTile(self.tr("Rows the server refused"), number_scale=1.8)
        for tile in (self.pending_tile, self.conflicts_tile, self.rejected_tile):
            tiles.addWidget(tile, 1)
        column.addLayout(tiles)

        form = QFormLayout()
        form.setVerticalSpacing(6)
        form.setHorizontalSpacing(16)
        self.server = _label()
        self.branch = _label()
        self.device = _label()
        self.packages = _label()
        self.last_success = _label()
        self.last_attempt = _label()
        form.addRow(self.tr("District server:"), self.server)
        form.addRow(self.tr("Branch:"), self.branch)
        form.addRow(self.tr("This computer:"), self.device)
        form.addRow(self.tr("Sync packages:"), self.packages)
        form.addRow(self.tr("Last successful sync:"), self.last_success)
        form.addRow(self.tr("Last attempt:"), self.last_attempt)
        column.addLayout(form)
        self.form = form

        self.error = _label(ERROR_COLOR)
        scale_font(self.error, 1.05, bold=True)
        self.error.hide()
        column.addWidget(self.error)
        self.clock = _label(WARNING_COLOR)
        self.clock.hide()
        column.addWidget(self.clock)

    # -- showing --------------------------------------------------------------------------------

    def show_status(self, status: Any, online: bool | None, busy: bool, error: str = "", *,
                    enroll_pending: bool = False) -> None:
        """``status`` from core (None before the first load); ``error`` overrides the stored last error
        (what this session's last attempt said); ``enroll_pending``: an enrolment package went out."""
        self._show_state(status, online, busy, enroll_pending)
        if status is None:
            return
        none = self.tr("(not set)")
        by_file = by_usb(status)
        if by_file:
            self.server.setText(self.tr("(none — this computer syncs by USB stick; to sync over the network, "
                                        "type the address the district gave below)"))
        else:
            self.server.setText(status.server_url or self.tr("(not set — type the address the district gave below)"))
        self.branch.setText(status.branch_name or (self.tr("(not joined yet)") if not status.joined else none))
        self.device.setText(status.device_name or none)
        self.packages.setText(self.packages_text(status))
        self.form.setRowVisible(self.packages, bool(status.joined and (by_file or status.package_number)))
        self.form.setRowVisible(self.last_attempt, not by_file)  # attempts are online ones
        self.last_success.setText(work.local_time(status.last_success_at) or self.tr("Never"))
        self.last_attempt.setText(work.local_time(status.last_attempt_at) or self.tr("Never"))
        if status.awaiting_reply:
            pending_note = self.tr("%n in a sync package, waiting for the reply", "", status.awaiting_reply)
        else:
            pending_note = self.tr("waiting for the next sync") if status.pending else ""
        self.pending_tile.set_value(status.pending, pending_note)
        self.conflicts_tile.set_value(status.open_conflicts,
                                      self.tr("see the list below") if status.open_conflicts else "")
        self.rejected_tile.set_value(status.rejected, self.tr("see the list below") if status.rejected else "")
        for tile, count, colour in ((self.pending_tile, status.pending, PENDING_COLOR),
                                    (self.conflicts_tile, status.open_conflicts, CONFLICT_COLOR),
                                    (self.rejected_tile, status.rejected, ERROR_COLOR)):
            tile.number.setStyleSheet(f"color: {colour if count else OK_COLOR};")  # nothing to do: green
        message = "" if busy else (error or status.last_error or "")
        if message:
            text = self.tr("The last sync did not succeed: {message}").format(message=message)
        elif online is False and status.enrolled and not busy:  # a probe found no server
            text = self.tr("The district server does not answer right now. Check the network connection; "
                           "everything is kept on this computer and goes up at the next sync.")
        else:
            text = ""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        warnings = [w for w in (status.clock_warning, status.update_notice) if w] if status.enrolled else []
        self.clock.setText("\n".join("⚠ " + warning for warning in warnings))
        self.clock.setVisible(bool(warnings))

    def packages_text(self, status: Any) -> str:
        if not status.package_number:
            return self.tr("none exported yet")
        text = self.tr("No. {number} exported last").format(number=status.package_number)
        text += self.tr(", reply No. {number} imported").format(number=status.reply_number) if status.reply_number \
            else self.tr(", no reply imported yet")
        if status.awaiting_reply:
            text += self.tr("; %n record(s) wait for the district's reply", "", status.awaiting_reply)
        return text

    def _show_state(self, status: Any, online: bool | None, busy: bool, enroll_pending: bool = False) -> None:
        if busy:
            text, colour = self.tr("Syncing…"), BUSY_COLOR
        elif status is None:
            text, colour = self.tr("Loading…"), MUTED_COLOR
        elif by_usb(status):
            text, colour = self.tr("Syncs by sync package (USB stick)"), OK_COLOR
        elif enroll_pending and not status.joined:
            text, colour = self.tr("Waiting for the district's enrollment reply"), PENDING_COLOR
        elif not status.enrolled:
            text, colour = self.tr("Not joined to the district server yet"), MUTED_COLOR
        elif online is True:
            text, colour = self.tr("Online"), OK_COLOR
        elif online is False:
            text, colour = self.tr("Offline"), ERROR_COLOR
        else:
            text, colour = self.tr("Not synced yet"), MUTED_COLOR
        self.state.setText("● " + text)
        self.state.setStyleSheet(f"color: {colour};")
        self.state.setAccessibleName(text)

    def show_result(self, text: str, error: bool = False) -> None:
        """The outcome of the sync started here (上传 x 条，下载 y 条…), or "" to hide it."""
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {ERROR_COLOR if error else OK_COLOR};")
        self.result.setVisible(bool(text))
