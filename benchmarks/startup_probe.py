"""Child process of ``benchmarks.startup``: start the app (or a bare window) and print the wall-clock
time of the main window's first paint, then exit."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            watched.removeEventFilter(self)
        return False


def main() -> int:
    probe = FirstPaint()
    if sys.argv[1] == "bare":
        app = QApplication([])
        window = QMainWindow()
        window.resize(1280, 800)
        window.installEventFilter(probe)
        window.show()
        return app.exec()
    from core.launch_options import desktop_parser  # what main.py does without a sub-command
    from ui.app import start_window

    started = start_window(desktop_parser().parse_args(["--db", sys.argv[2]]))
    assert not isinstance(started, int)
    app, ctx, window = started
    window.installEventFilter(probe)
    code = app.exec()
    ctx.runner.wait()
    return code


if __name__ == "__main__":
    sys.exit(main())
