"""The sync state in the status bar of every page — "● 已同步 09:30", "● 待上传 12 条", "● 离线",
"● 同步中…", "● 2 个冲突" — coloured, and a click opens the sync page. It reads the state through the
task runner after each sync and, a moment after any local change, to count what waits for upload."""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ui.context import AppContext
from ui.sync import work

log = logging.getLogger(__name__)

REFRESH_DELAY_MS = 800  # several local changes in a row count once

BUSY_COLOR = "#1565c0"
OK_COLOR = "#1b5e20"
PENDING_COLOR = "#8a5a00"
CONFLICT_COLOR = "#c25e00"
ERROR_COLOR = "#b00020"
MUTED_COLOR = "#5f5a52"


class SyncIndicator(QPushButton):
    open_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = ctx.auto_sync
        self.status: Any = None
        self.colour = MUTED_COLOR
        self._generation = 0
        self.setObjectName("syncIndicator")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clicked.connect(self.open_requested)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS, timeout=self.refresh)
        for signal in (ctx.roster_changed, ctx.study_changed, ctx.pairing_changed):
            signal.connect(self.request)
        ctx.sync_changed.connect(self.refresh)
        self.scheduler.started.connect(self.show_state)
        self.scheduler.online_changed.connect(self.show_state)
        self.show_state()

    def request(self) -> None:
        """Refresh a moment from now (restarted by every further change)."""
        self._timer.start()

    def refresh(self) -> None:
        """Read the sync state through the runner, silently (no dialog; a failure only leaves a log)."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation

        def loaded(status: Any) -> None:
            if generation == self._generation and shiboken6.isValid(self):  # the window may be gone
                self.status = status
                self.show_state()

        self.ctx.runner.run(lambda task: work.load_status(task.store), loaded, self._failed)

    def _failed(self, error: Exception) -> None:
        log.warning("sync indicator: %s", error)

    def show_state(self) -> None:
        text, self.colour, tip = self.describe()
        self.setText("● " + text)
        self.setToolTip(tip)
        self.setAccessibleName(text)
        self.setStyleSheet(f"QPushButton#syncIndicator {{ color: {self.colour}; font-weight: bold; border: none; "
                           "padding: 2px 10px; }"
                           "QPushButton#syncIndicator:hover { text-decoration: underline; }")

    def describe(self) -> tuple[str, str, str]:
        """(text, colour, tooltip) for the current state."""
        opening = self.tr("Click to open the Sync page.")
        status = self.status
        if self.scheduler.busy:
            return self.tr("Syncing…"), BUSY_COLOR, opening
        if status is None:
            return self.tr("Sync"), MUTED_COLOR, opening
        if not status.joined:
            return (self.tr("Not set up for sync"), MUTED_COLOR,
                    self.tr("This computer has not joined the district server yet.") + " " + opening)
        parts: list[str] = []
        colour = ""
        online = work.is_online(status, self.scheduler.online)
        if online is False:
            parts.append(self.tr("Offline"))
            colour = ERROR_COLOR
        if status.open_conflicts:
            parts.append(self.tr("%n conflict(s)", "", status.open_conflicts))
            colour = colour or CONFLICT_COLOR
        if status.rejected:
            parts.append(self.tr("%n rejected", "", status.rejected))
            colour = ERROR_COLOR
        waiting = min(status.awaiting_reply, status.pending)  # in a sync package: its reply is awaited
        if waiting:
            parts.append(self.tr("%n awaiting the reply", "", waiting))
            colour = colour or PENDING_COLOR
        if status.pending > waiting:
            parts.append(self.tr("%n to upload", "", status.pending - waiting))
            colour = colour or PENDING_COLOR
        last = work.local_time(status.last_success_at)
        tip = (self.tr("Last successful sync: {time}").format(time=last) if last
               else self.tr("Never synced yet.")) + "\n" + opening
        if not status.enrolled:
            tip = self.tr("This computer syncs by sync package (USB stick).") + "\n" + tip
        if parts:
            return " · ".join(parts), colour, tip
        when = work.short_local_time(status.last_success_at)
        if not when:
            return self.tr("Not synced yet"), PENDING_COLOR, tip
        return self.tr("Synced {time}").format(time=when), OK_COLOR, tip
