"""Child process of ``benchmarks.startup``: start a bare window, the app, or the app on its roster page,
print the wall-clock time of the paint being measured, then exit.

    bare           a bare PySide6 main window: its first paint
    app DB         the app as a double-click starts it (home page): the main window's first paint
    roster DB N    the app opened on the roster page: the first paint of the member table's rows
                   with the page counting all N members, then (a second line) the first paint
                   once all N are in the table, searchable and sortable
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

if sys.argv[1] != "bare":  # as main.py does, before Qt
    from core.preload import preload

    preload("roster" if sys.argv[1] == "roster" else None)

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class FirstPaint(QObject):
    """Prints the time of the first paint of the watched widget for which each of ``ready`` holds in
    turn (one line each), then quits."""

    def __init__(self, *ready: Callable[[], bool]) -> None:
        super().__init__()
        self.ready = list(ready) or [lambda: True]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() == QEvent.Type.Paint and self.ready[0]():
            print(f"{time.time():.6f}", flush=True)
            self.ready.pop(0)
            if not self.ready:
                QTimer.singleShot(0, QApplication.quit)
                watched.removeEventFilter(self)
        return False


def main() -> int:
    if sys.argv[1] == "bare":
        app = QApplication([])
        window = QMainWindow()
        window.resize(1280, 800)
        probe = FirstPaint()
        window.installEventFilter(probe)
        window.show()
        return app.exec()
    from core.launch_options import desktop_parser  # what main.py does without a sub-command
    from ui.app import start_background_work, start_window

    roster = sys.argv[1] == "roster"
    options = ["--db", sys.argv[2]] + (["--page", "roster"] if roster else [])
    started = start_window(desktop_parser().parse_args(options))
    assert not isinstance(started, int)
    app, ctx, window = started
    start_background_work(ctx, window)
    if roster:
        page = window.pages["roster"]
        members = int(sys.argv[3])

        def rows_shown() -> bool:  # rows to paint, and the page counting every member
            return page.proxy.rowCount() > 0 and members in (page.total_members, page.model.rowCount())

        def all_in_table() -> bool:
            return page.loaded and page.model.rowCount() == members and page.proxy.rowCount() > 0

        probe = FirstPaint(rows_shown, all_in_table)
        page.table.viewport().installEventFilter(probe)  # type: ignore[attr-defined]
    else:
        probe = FirstPaint()
        window.installEventFilter(probe)
    code = app.exec()
    ctx.runner.wait()
    return code


if __name__ == "__main__":
    sys.exit(main())
