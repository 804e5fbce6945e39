"""Starting the desktop app: language, font, first-run welcome, main window, ``--screenshot``.

Only what the first page needs happens before the window first paints; the daily backup and the
background sync start after it, on the task runner."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from core.db import DatabaseError, data_dir, default_db_path
from core.profile import get_profile
from core.store import Store
from core.version import app_version
from ui.context import AppContext
from ui.fonts import apply_font, register_cjk_font
from ui.i18n import DEFAULT_LANGUAGE, install_language
from ui.main_window import PAGE_KEYS, MainWindow
from ui.resources import app_icon
from ui.tasks import TaskContext


def user_prefs_path() -> Path:
    return data_dir() / "ui.ini"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("ZhibuDesk")
    app.setApplicationDisplayName("支部工作台")
    app.setApplicationVersion(app_version())
    app.setWindowIcon(app_icon())
    # Lets Wayland/X11 match the window to the installed zhibu-desk.desktop (its icon in the dock).
    QGuiApplication.setDesktopFileName("zhibu-desk")
    return app


def prepare(app: QApplication, ctx: AppContext, language: str | None = None) -> str:
    """Language and font from the preferences (or ``language``); returns the language in use."""
    language = language or str(ctx.pref("language", DEFAULT_LANGUAGE))
    install_language(app, language)
    family = register_cjk_font()
    apply_font(app, family, str(ctx.pref("font_size", "normal")))
    return language


def auto_backup_on(ctx: AppContext) -> bool:
    return bool(ctx.prefs.value("backup/auto", True, type=bool))


def open_or_create(ctx: AppContext, backup: bool = True) -> str:
    """Open (migrating if needed) the database; returns the branch name for the title. With ``backup``,
    makes the daily backup unless the preference ``backup/auto`` turned it off."""
    store = Store.open(ctx.db_path)
    try:
        profile = get_profile(store)
        if backup and auto_backup_on(ctx):
            from core.backup import backup_if_due

            backup_if_due(store.conn, ctx.db_path)
        return profile.name if profile else ""
    finally:
        store.close()


def start_daily_backup(ctx: AppContext) -> None:
    """The daily backup on the task runner (the app starts it a moment after the window painted)."""
    if not auto_backup_on(ctx):
        return

    def work(task: TaskContext) -> None:
        from core.backup import backup_if_due

        backup_if_due(task.store.conn, ctx.db_path)

    ctx.runner.run(work)


def wait_until_idle(ctx: AppContext, seconds: float = 15.0) -> None:
    """Let queued tasks finish and their results reach the widgets."""
    deadline = time.monotonic() + seconds
    idle_turns = 0  # pages defer their loading by a turn or two of the event loop (zero-delay timers)
    while time.monotonic() < deadline and idle_turns < 5:
        QCoreApplication.processEvents()
        idle_turns = 0 if ctx.runner.running else idle_turns + 1
        time.sleep(0.01)
    for _ in range(5):
        QCoreApplication.processEvents()


def start_window(args: argparse.Namespace) -> tuple[QApplication, AppContext, MainWindow] | int:
    """Everything up to a shown main window; an exit code when the app should not start."""
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    db_path = Path(args.db) if args.db else default_db_path()
    app = make_application()
    ctx = AppContext(db_path, user_prefs_path())
    prepare(app, ctx, args.lang)

    if not db_path.exists() and not args.screenshot:
        from ui.welcome import WelcomeDialog

        if not WelcomeDialog(ctx).exec():
            return 0
    if args.page and args.page not in PAGE_KEYS:
        print(f"unknown page: {args.page}; pages: {', '.join(PAGE_KEYS)}", file=sys.stderr)
        return 2
    try:
        branch_name = open_or_create(ctx, backup=False)
    except DatabaseError as exc:
        from ui.messages import show_error

        show_error(None, exc)
        return 1

    window = MainWindow(ctx, branch_name, start_page=args.page or "home")
    window.background_time.connect(lambda: start_daily_backup(ctx))
    window.show()
    return app, ctx, window


def start_background_work(ctx: AppContext, window: MainWindow) -> None:
    """What the running app does besides the window, once the window has painted: the sync clock."""
    window.background_time.connect(lambda: ctx.auto_sync.start())  # background sync while enrolled


def run_gui(args: argparse.Namespace) -> int:
    started = start_window(args)
    if isinstance(started, int):
        return started
    app, ctx, window = started
    if args.screenshot:
        window.sync_indicator  # noqa: B018 (made now, so that the picture has it)
        wait_until_idle(ctx)
        image = window.grab()
        ok = image.save(str(args.screenshot))
        ctx.runner.wait()
        return 0 if ok and not image.isNull() else 1
    start_background_work(ctx, window)
    running = hold_running_mutex()  # noqa: F841 (held until the process exits)
    return app.exec()


RUNNING_MUTEX_NAMES = ("ZhibuDeskRunning", "Global\\ZhibuDeskRunning")


def hold_running_mutex() -> list[int]:
    """On Windows, the named mutexes the installer waits on (``AppMutex`` in installers/windows/zhibu.iss)
    before it replaces or removes the program's files. Windows frees them when the process exits."""
    if sys.platform != "win32":
        return []
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    return [kernel32.CreateMutexW(None, False, name) or 0 for name in RUNNING_MUTEX_NAMES]
