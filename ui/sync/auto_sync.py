"""The one place a sync is started, by hand (立即同步) or by the clock: never two at once, and a silent
run in the background shows no dialog and no message box — what went wrong is kept in the database
(``sync_last_error``) and shown on the sync page and in the status bar. When the server cannot be
reached the next tick simply tries again.

One scheduler per window context (``AppContext.auto_sync``)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.sync.errors import NotEnrolled, ServerRefused, ServerUnreachable, SyncCancelled, SyncError
from ui.sync import work
from ui.tasks import Task, TaskContext

if TYPE_CHECKING:
    from ui.context import AppContext

log = logging.getLogger(__name__)

MINUTE_MS = 60_000
STARTUP_DELAY_MS = 20_000  # the first background sync, a little after the window opened


class SyncScheduler(QObject):
    """Runs syncs through the task runner. ``started`` when one begins; ``ended`` after every attempt
    (the result, or None when it failed or was cancelled). ``online`` is what the last attempt of this
    session found (None before the first one)."""

    started = Signal()
    ended = Signal(object)
    online_changed = Signal()  # a reachability probe answered

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.busy = False
        self.task: Task | None = None
        self.interval = 0  # minutes; 0 = automatic sync is off
        self.online: bool | None = None
        self.last_result: Any = None
        self.last_error = ""  # the message of the last failed attempt of this session ("" after a success)
        self.token_refused = False  # the server no longer knows this computer: it has to join again
        self.file_work = False  # a sync package is being written or a reply imported: no sync meanwhile
        self._syncs = 0
        self._probing = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self._first = QTimer(self, singleShot=True, interval=STARTUP_DELAY_MS, timeout=self.tick)

    # -- the clock ------------------------------------------------------------------------------

    def start(self, first_delay_ms: int = STARTUP_DELAY_MS) -> None:
        """Read the interval and start the clock (the app calls this once the window is up); the
        first background sync comes ``first_delay_ms`` later."""

        def loaded(minutes: int) -> None:
            self._arm(minutes)
            if minutes > 0 and first_delay_ms >= 0:
                self._first.start(first_delay_ms)

        self.ctx.runner.run(lambda task: work.read_interval(task.store), loaded, self._load_failed)

    def set_interval(self, minutes: int) -> None:
        """Save the interval (0 = off) and restart the clock with it."""
        minutes = min(max(int(minutes), 0), work.MAX_INTERVAL)
        self._arm(minutes)
        self.ctx.runner.run(lambda task: work.save_interval(task.store, minutes), None, self._load_failed)

    def _arm(self, minutes: int) -> None:
        self.interval = minutes
        if minutes > 0:
            self.timer.start(minutes * MINUTE_MS)
        else:
            self.timer.stop()
            self._first.stop()

    def _load_failed(self, error: Exception) -> None:
        log.warning("automatic sync settings: %s", error)

    def tick(self) -> None:
        """A background sync, unless one is running already (or the database is not enrolled: a computer
        that syncs by file has no server address, and is left alone)."""
        if not self.busy and not self.file_work and self.interval > 0:
            self.sync(None, only_if_enrolled=True)

    def stop(self) -> None:
        """No more ticks, and the running sync (if any) stops at its next safe point."""
        self.timer.stop()
        self._first.stop()
        if self.task is not None and not self.task.done:
            self.task.cancel()

    # -- is the server there? ----------------------------------------------------------------------

    def probe(self, url: str) -> None:
        """Ask the server whether it is there (one quick ``GET /api/v1/info``), silently; the answer
        sets ``online`` unless a sync has said more in the meantime."""
        if self._probing:
            return
        self._probing = True
        syncs = self._syncs

        def answered(reachable: bool) -> None:
            self._probing = False
            if syncs == self._syncs and not self.busy:
                self.online = reachable
                self.online_changed.emit()

        def failed(error: Exception) -> None:
            self._probing = False
            log.warning("reachability probe: %s", error)

        self.ctx.runner.run(lambda _task: work.probe(url), answered, failed)

    def forget_online(self) -> None:
        """The address changed: what was known about being online no longer holds."""
        self.online = None
        self.online_changed.emit()

    # -- a sync ---------------------------------------------------------------------------------

    def sync(self, parent: QWidget | None = None, *, only_if_enrolled: bool = False) -> bool:
        """Start a sync; False (and nothing done) when one is running. With a ``parent`` the runner's
        progress dialog (with Cancel) shows after ~0.5 s; without one it runs silently."""
        if self.busy or self.file_work:
            return False
        self.busy = True
        self._syncs += 1
        self.started.emit()

        def run(task: TaskContext) -> Any:
            if only_if_enrolled and not work.load_status(task.store).enrolled:
                return None
            return work.run_sync(task)

        self.task = self.ctx.runner.run(
            run, self._done, lambda error: self._failed(error, parent), parent=parent,
            title=self.tr("Syncing with the district server…"), cancellable=True, on_cancelled=self._cancelled,
        )
        return True

    def _finish(self, result: Any) -> None:
        self.busy = False
        self.task = None
        self.ctx.sync_changed.emit()
        self.ended.emit(result)

    def _done(self, result: Any) -> None:
        if result is None:  # a tick while not enrolled: nothing was tried
            self._finish(None)
            return
        self.online = True
        self.last_error = ""
        self.token_refused = False
        self.last_result = result
        if getattr(result, "pulled", 0):  # rows came from the server: pages showing them reload
            self.ctx.roster_changed.emit()
            self.ctx.study_changed.emit()
            self.ctx.pairing_changed.emit()
        self._finish(result)

    def _failed(self, error: Exception, parent: QWidget | None) -> None:
        if isinstance(error, SyncCancelled):
            self._cancelled()
            return
        if isinstance(error, SyncError):
            if not isinstance(error, NotEnrolled):
                self.online = not isinstance(error, ServerUnreachable)
            self.token_refused = isinstance(error, ServerRefused) and error.status in (401, 403)
            self.last_error = error.message
        else:
            log.error("sync failed unexpectedly", exc_info=error)
            self.last_error = self.tr("The sync stopped because of an unexpected error. Nothing was lost; "
                                      "it will be tried again. If it keeps happening, tell the district.")
            if parent is not None:
                from ui import messages  # not at import: the window opens without it

                messages.show_error(parent, error)
        self._finish(None)

    def _cancelled(self) -> None:
        self.last_error = ""
        self._finish(None)
