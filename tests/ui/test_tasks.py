"""The task runner: work off the UI thread, results on the main thread, a late progress dialog,
and a Cancel that stops the work."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QPushButton, QWidget

from core.cancel import check
from ui.context import AppContext
from ui.tasks import TaskContext


def test_result_arrives_on_the_main_thread_and_work_runs_elsewhere(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}
    main = QThread.currentThread()

    def work(task: TaskContext) -> int:
        seen["worker_is_main"] = QThread.currentThread() is main
        return int(task.store.scalar("SELECT count(*) FROM members"))

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_is_main"] = QThread.currentThread() is main

    ctx.runner.run(work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen == {"worker_is_main": False, "result": 0, "done_is_main": True}


def test_errors_reach_the_error_handler(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[Exception] = []

    def work(task: TaskContext) -> None:
        raise ValueError("坏数据")

    ctx.runner.run(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "坏数据"


def test_quick_task_shows_no_dialog_slow_task_does_and_cancel_stops_it(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    finished: list[str] = []
    quick = ctx.runner.run(lambda task: finished.append("quick"), parent=parent, title="快")
    qtbot.waitUntil(lambda: "quick" in finished, timeout=5000)
    assert quick.dialog is None

    started = threading.Event()

    def slow(task: TaskContext) -> None:
        started.set()
        for step in range(1000):
            task.progress(step, 1000, "处理中")
            check(task.cancel)
            time.sleep(0.01)
        finished.append("slow")

    cancelled: list[bool] = []
    task = ctx.runner.run(slow, parent=parent, title="慢", on_cancelled=lambda: cancelled.append(True))
    assert started.wait(5)
    qtbot.wait(200)
    assert task.dialog is None  # not before ~0.5 s
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=3000)
    assert task.dialog is not None
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.value() > 0, timeout=3000)
    task.dialog.findChild(QPushButton).click()  # the user presses Cancel
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert "slow" not in finished
    assert ctx.runner.running == set()
