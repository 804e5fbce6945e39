"""The Qt binding the app runs on keeps Python's object counts right: a long day at the office runs
many thousands of timers and event-loop turns (debounced searches, previews, automatic sync)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer


def test_timers_and_event_loop_turns_leave_none_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(5000):
        timer.start(10)
        timer.stop()
        QCoreApplication.processEvents()
    # PySide6 6.12.0 dropped one reference per call here, and the process aborted ("none_dealloc").
    assert abs(sys.getrefcount(None) - before) < 100
