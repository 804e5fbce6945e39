"""The one way the UI runs database and file work: off the UI thread, result or error back on the
main thread, a progress dialog only when the work takes longer than ~0.5 s, and a Cancel that works.

A task is a plain function ``fn(ctx: TaskContext) -> T``. It opens the database through
``ctx.store`` (a connection of its own, on the worker thread), reports progress through
``ctx.progress(done, total, text)`` and stops when ``ctx.cancel`` is set (core raises
``Cancelled``). Widgets never query the database themselves.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.cancel import Cancelled
from core.store import Store

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog  # imported when a task first lasts long enough to show it

PROGRESS_DELAY_MS = 500


class TaskContext:
    """What a task gets: its own database connection, a progress callback and a cancel flag."""

    def __init__(self, db_path: Path, emit_progress: Callable[[int, int, str], None]) -> None:
        self.db_path = db_path
        self.cancel = threading.Event()
        self._emit_progress = emit_progress
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.db_path)
        return self._store

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._emit_progress(done, total, text)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], db_path: Path) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.context = TaskContext(db_path, self.signals.progress.emit)

    def run(self) -> None:
        try:
            result = self.fn(self.context)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # delivered to the main thread and shown there
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)
        finally:
            self.context.close()


class Task(QObject):
    """A running task; keeps its job and its (possibly shown) progress dialog alive."""

    def __init__(self, runner: TaskRunner, job: _Job, parent: QWidget | None, title: str, cancellable: bool):
        super().__init__(runner)
        self.job = job
        self.done = False
        self._dialog: QProgressDialog | None = None
        self._parent = parent
        self._title = title
        self._cancellable = cancellable
        self._last: tuple[int, int, str] = (0, 0, title)
        job.signals.progress.connect(self._on_progress)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        if parent is not None:
            self._timer.start(PROGRESS_DELAY_MS)

    def cancel(self) -> None:
        self.job.context.cancel.set()

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._last = (done, total, text)
        if self._dialog is not None:
            self._apply(self._dialog)

    def _apply(self, dialog: QProgressDialog) -> None:
        done, total, text = self._last
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def _show_dialog(self) -> None:
        if self.done:
            return
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(self._title, self.tr("Cancel") if self._cancellable else "", 0, 0, self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self._cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        self._apply(dialog)
        dialog.show()
        self._dialog = dialog

    def finish(self) -> None:
        self.done = True
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self.deleteLater()


class TaskRunner(QObject):
    """Runs tasks on a thread pool against one database file."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.running: set[Task] = set()

    def run(
        self,
        fn: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        parent: QWidget | None = None,
        title: str = "",
        cancellable: bool = True,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Start ``fn`` on a worker thread. ``on_done``/``on_error``/``on_cancelled`` run on the main
        thread. With a ``parent`` a progress dialog appears if the work lasts longer than ~0.5 s."""
        job = _Job(fn, self.db_path)
        task = Task(self, job, parent, title, cancellable)
        self.running.add(task)

        def finished(result: Any) -> None:
            self._close(task)
            if on_done is not None:
                on_done(result)

        def failed(error: Exception, trace: str) -> None:
            self._close(task)
            if on_error is not None:
                on_error(error)
            else:
                from ui.messages import show_error

                show_error(parent, error, trace)

        def cancelled() -> None:
            self._close(task)
            if on_cancelled is not None:
                on_cancelled()

        job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        job.signals.cancelled.connect(cancelled, Qt.ConnectionType.QueuedConnection)
        job.setAutoDelete(False)
        self.pool.start(job)
        return task

    def run_now(self, fn: Callable[[TaskContext], Any]) -> Any:
        """Run ``fn`` on this thread and return its result (errors are raised): only for the few
        milliseconds of data a window needs before its first paint."""
        context = TaskContext(self.db_path, lambda _done, _total, _text: None)
        try:
            return fn(context)
        finally:
            context.close()

    def _close(self, task: Task) -> None:
        self.running.discard(task)
        task.finish()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all tasks have finished (used at shutdown and in tests)."""
        return self.pool.waitForDone(msecs)


class Loader(QObject):
    """Loads what a view shows through the runner. ``request()`` asked several times in one turn of the
    event loop calls ``start`` once; ``run`` hands on only the result of the newest load, so a slow
    earlier load never overwrites a newer one."""

    def __init__(self, runner: TaskRunner, owner: QWidget, start: Callable[[], None] | None = None) -> None:
        super().__init__(owner)
        self.runner = runner
        self.owner = owner
        self.generation = 0
        self._timer = QTimer(self, singleShot=True, interval=0)
        if start is not None:
            self._timer.timeout.connect(start)

    def request(self) -> None:
        self._timer.start()

    def run(self, fn: Callable[[TaskContext], Any], on_done: Callable[[Any], None], title: str) -> None:
        self.generation += 1
        generation = self.generation

        def done(result: Any) -> None:
            if generation == self.generation:  # else a newer load is on its way
                on_done(result)

        self.runner.run(fn, done, parent=self.owner, title=title)
