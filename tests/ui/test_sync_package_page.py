"""Sync by file (同步包) on the sync page, against a real branch database and the real district side (a
migrated server database, the branch and its one-time code made by the admin functions, each file
applied by ``server.package_apply.apply_file`` as ``package apply`` does): joining with 用U盘登记, a
package with pending changes going out and its reply coming back (待上传 N → 0), a cancelled export or
import leaving nothing behind, and a refused file said in Chinese with nothing changed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

from core.roster.members import add_member
from core.sync.status import sync_status
from server.admin import add_branch, publish_lesson
from server.db import Database
from server.migrations import migrate
from server.package_apply import apply_file
from tests.ui.helpers import WAIT_MS, stored
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sync.package_actions import FOLDER_PREF
from ui.sync.page import SyncPage

BRANCH = "河东村党支部"
DISTRICT = "城关区委组织部"
SCREENSHOTS = Path("/tmp")


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'district.db'}")
    migrate(db)
    yield db
    db.dispose()


@pytest.fixture
def code(district: Database) -> str:
    """A one-time enrollment code for a new branch at the district."""
    return str(add_branch(district, BRANCH)["enrollment_code"])


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The USB stick."""
    folder = tmp_path / "U盘"
    folder.mkdir()
    return folder


@pytest.fixture
def window(ctx: AppContext, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(ctx, BRANCH)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def page(window: MainWindow, qtbot) -> SyncPage:  # type: ignore[no-untyped-def]
    shown = window.show_page("sync")
    assert isinstance(shown, SyncPage)
    qtbot.waitUntil(lambda: shown.loaded, timeout=WAIT_MS)
    settle(shown, qtbot)
    return shown


def settle(page: SyncPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    """No task under way, and what they found shown."""
    ctx = page.ctx

    def quiet() -> bool:
        return not ctx.runner.running and not ctx.auto_sync.busy and not page.packages.busy

    for _ in range(3):  # the reloads queued by a result, then their tasks
        qtbot.waitUntil(quiet, timeout=WAIT_MS)
        qtbot.wait(20)
    qtbot.waitUntil(quiet, timeout=WAIT_MS)


class Dialogs:
    """The file dialogs, answered as a person would: every call is noted (title, folder offered)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = ""
        self.calls: list[tuple[str, str]] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._ask)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._ask)

    def _ask(self, _parent: Any, title: str, where: str, _filter: str = "", *_a: Any, **_k: Any) -> tuple[str, str]:
        self.calls.append((title, where))
        return self.answer, ""

    def choose(self, path: Path | str) -> None:
        self.answer = str(path)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


def click(button: QPushButton, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def at_district(district: Database, package: Path, reply: Path) -> None:
    """The district's admin applies the package from the stick and writes the reply onto it."""
    apply_file(district, package, reply, district_name=DISTRICT)
    assert reply.is_file()


def join_by_file(page: SyncPage, district: Database, code: str, usb: Path, dialogs: Dialogs, qtbot,  # type: ignore[no-untyped-def]
                 device: str = "村部电脑") -> None:
    """用U盘登记 → the code and name → save the enrolment package; the district applies it; 导入回执."""
    click(page.connection.file_enroll_button, qtbot)
    dialog = page.packages.enroll_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.device_edit.text()  # the computer's name by default
    assert not dialog.ok_button.isEnabled()  # no code yet
    dialog.device_edit.setText(device)
    dialog.code_edit.setText(code)
    dialogs.choose(usb / "登记包.zbsync")
    click(dialog.ok_button, qtbot)
    settle(page, qtbot)
    assert (usb / "登记包.zbsync").is_file()
    at_district(district, usb / "登记包.zbsync", usb / "登记回执.zbsync")
    dialogs.choose(usb / "登记回执.zbsync")
    click(page.package_box.import_button, qtbot)
    settle(page, qtbot)


def add_someone(ctx: AppContext, name: str) -> None:
    stored(ctx, add_member, {"name": name, "gender": "女"})
    ctx.roster_changed.emit()


def snapshot(ctx: AppContext) -> dict[str, list[Any]]:
    """Every row of every table of the branch database."""

    def read(store: Any) -> dict[str, list[Any]]:
        names = [row[0] for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: sorted(map(repr, store.conn.execute(f'SELECT * FROM "{name}"'))) for name in names}

    return stored(ctx, read)


def progress_dialog(page: SyncPage) -> QProgressDialog | None:
    shown = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
    return shown[0] if shown else None


def open_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def save(window: MainWindow, name: str) -> None:
    assert window.grab().save(str(SCREENSHOTS / name))


# -- joining by USB stick -----------------------------------------------------------------------------


def test_join_by_usb_stick(page: SyncPage, window: MainWindow, district: Database, code: str, usb: Path,
                           dialogs: Dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    box, connection = page.package_box, page.connection
    assert page.panel.state.text() == "● 尚未加入区里的服务器"
    assert connection.file_enroll_button.text() == "用U盘登记…"
    assert connection.file_enroll_button.isEnabled() and connection.enroll_button.isEnabled()
    assert box.export_button.text() == "导出同步包（U盘）…" and not box.export_button.isEnabled()
    assert box.import_button.text() == "导入回执…" and box.import_button.isEnabled()
    assert "用U盘登记" in box.state.text()
    column = page.column  # not joined: the USB stick section follows the connection settings
    assert column.indexOf(page.package_section) == column.indexOf(connection) + 1
    save(window, "sync_package_not_joined.png")

    click(connection.file_enroll_button, qtbot)
    dialog = page.packages.enroll_dialog
    assert dialog is not None and dialog.windowTitle() == "用U盘登记"
    dialog.code_edit.setText(code)
    dialog.device_edit.setText("村部电脑")
    dialogs.choose(usb / "登记包")  # typed without the ending: it is added
    click(dialog.ok_button, qtbot)
    settle(page, qtbot)
    title, offered = dialogs.calls[-1]
    assert title == "保存登记包" and Path(offered).name == f"登记包-{date.today().isoformat()}.zbsync"
    request = usb / "登记包.zbsync"
    assert request.is_file()
    assert box.result.isVisible()
    assert box.result.text() == (f"✔ 登记包已保存到 {request}。请把U盘带到区委组织部，处理后把登记回执带回来，"
                                 "点“导入回执”。")
    assert "登记包已导出" in connection.enroll_note.text() and "登记包已导出" in box.state.text()
    assert not stored(page.ctx, sync_status).joined
    assert page.panel.state.text() == "● 等待区里的登记回执"
    assert column.indexOf(page.package_section) == column.indexOf(page.panel) + 1  # 导入回执 is the next step
    assert connection.file_enroll_button.isEnabled()  # a new enrolment package may replace this one

    at_district(district, request, usb / "登记回执.zbsync")
    dialogs.choose(usb / "登记回执.zbsync")
    click(box.import_button, qtbot)
    settle(page, qtbot)
    assert dialogs.calls[-1] == ("导入区里给的回执", str(usb))  # opens where the package went
    assert box.result.text().startswith(f"✔ 已加入“{BRANCH}”支部")

    status = stored(page.ctx, sync_status)
    assert status.joined and not status.enrolled and status.server_url is None
    assert page.panel.state.text() == "● 用同步包（U盘）同步"
    assert page.panel.branch.text() == BRANCH and page.panel.device.text() == "村部电脑"
    assert "用U盘同步" in page.panel.server.text()
    assert "尚未加入" not in page.panel.state.text() + page.panel.branch.text()
    assert not connection.enroll_button.isEnabled() and not connection.file_enroll_button.isEnabled()
    assert "已用U盘加入“河东村党支部”支部" in connection.enroll_note.text()
    assert box.export_button.isEnabled()
    assert box.state.text() == f"有 {status.pending} 条修改要交到区里：请点“导出同步包（U盘）”。"
    # its way to sync: right under the status panel
    assert column.indexOf(page.package_section) == column.indexOf(page.panel) + 1
    qtbot.waitUntil(lambda: "未设置同步" not in window.sync_indicator.text(), timeout=WAIT_MS)


def test_no_online_sync_without_a_server_address(page: SyncPage, district: Database, code: str, usb: Path,
                                                 dialogs: Dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    join_by_file(page, district, code, usb, dialogs, qtbot)
    scheduler = page.ctx.auto_sync
    click(page.panel.sync_button, qtbot)
    assert not scheduler.busy
    assert page.panel.result.isVisible() and "没有服务器地址" in page.panel.result.text()
    assert "导出同步包（U盘）" in page.panel.result.text()

    page.connection.interval.setValue(1)  # automatic sync on: a tick tries nothing
    settle(page, qtbot)
    scheduler.tick()
    settle(page, qtbot)
    status = stored(page.ctx, sync_status)
    assert status.last_attempt_at is None and status.last_error is None
    assert not page.panel.error.isVisible()


# -- a round by USB stick -------------------------------------------------------------------------------


def test_a_package_goes_out_and_its_reply_comes_back(page: SyncPage, window: MainWindow, district: Database,
                                                      code: str, usb: Path, dialogs: Dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    join_by_file(page, district, code, usb, dialogs, qtbot)
    publish_lesson(district, "学习党章", "https://dj.example.cn/v/1", minutes=20)  # the reply brings it
    add_someone(ctx, "李秀英")
    add_someone(ctx, "王建军")
    page.reload()
    settle(page, qtbot)
    pending = stored(ctx, sync_status).pending
    assert pending >= 2

    dialogs.choose(usb / "同步包.zbsync")
    click(page.package_box.export_button, qtbot)
    settle(page, qtbot)
    title, offered = dialogs.calls[-1]
    assert title == "保存同步包"
    assert offered == str(usb / f"同步包-{BRANCH}-{date.today().isoformat()}.zbsync")  # where the last file went
    package = usb / "同步包.zbsync"
    assert package.is_file() and not package.with_name(package.name + ".part").exists()
    assert page.package_box.result.text() == (
        f"✔ 第 1 号同步包（{pending} 条记录）已保存到 {package}。请把U盘带到区委组织部，处理后把回执文件带回来，"
        "点“导入回执”。")
    status = stored(ctx, sync_status)
    assert status.package_number == 1 and status.awaiting_reply == pending and status.pending == pending
    assert page.package_box.state.text() == "下一步：拿到区里给的第 1 号同步包的回执后，点“导入回执”。"
    assert page.panel.packages.text() == f"最近导出第 1 号，还没有导入过回执；{pending} 条记录在等区里的回执"
    assert page.panel.pending_tile.number.text() == str(pending)
    assert page.panel.pending_tile.note.text() == f"其中 {pending} 条已导出，等区里的回执"
    qtbot.waitUntil(lambda: window.sync_indicator.text() == f"● 等回执 {pending} 条", timeout=WAIT_MS)
    save(window, "sync_package_awaiting_reply.png")

    reply = usb / "回执.zbsync"
    at_district(district, package, reply)
    dialogs.choose(reply)
    click(page.package_box.import_button, qtbot)
    settle(page, qtbot)
    assert page.package_box.result.text() == f"✔ 已导入第 1 号同步包的回执：区里收下 {pending} 条，下载 1 条。"
    status = stored(ctx, sync_status)
    assert status.pending == 0 and status.awaiting_reply == 0 and status.reply_number == 1
    assert page.panel.pending_tile.number.text() == "0"
    assert page.panel.packages.text() == "最近导出第 1 号，已导入第 1 号回执"
    assert page.package_box.state.text().startswith("本机的修改都已交到区里。")
    assert stored(ctx, lambda store: store.scalar(
        "SELECT count(*) FROM lessons WHERE branch_id = 'district' AND title = '学习党章'")) == 1
    qtbot.waitUntil(lambda: window.sync_indicator.text().startswith("● 已同步 "), timeout=WAIT_MS)
    assert stored(ctx, lambda store: store.setting("sync_package_number")) == 1
    assert page.ctx.pref(FOLDER_PREF) == str(usb)
    save(window, "sync_package_imported.png")


def test_a_reply_imported_twice_or_a_package_is_refused_and_changes_nothing(
        page: SyncPage, district: Database, code: str, usb: Path, dialogs: Dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    join_by_file(page, district, code, usb, dialogs, qtbot)
    add_someone(ctx, "周桂芳")
    dialogs.choose(usb / "同步包.zbsync")
    click(page.package_box.export_button, qtbot)
    settle(page, qtbot)
    at_district(district, usb / "同步包.zbsync", usb / "回执.zbsync")
    dialogs.choose(usb / "回执.zbsync")
    click(page.package_box.import_button, qtbot)
    settle(page, qtbot)
    assert page.package_box.result.text().startswith("✔ 已导入第 1 号同步包的回执")
    before = snapshot(ctx)

    click(page.package_box.import_button, qtbot)  # the same reply again
    settle(page, qtbot)
    result = page.package_box.result
    assert result.isVisible() and result.text().startswith("✖ 这个回执（第 1 号同步包的回执）已经导入过")
    assert "没有再导入" in result.text()
    assert snapshot(ctx) == before
    assert not open_message_boxes()

    dialogs.choose(usb / "同步包.zbsync")  # the package itself, not its reply
    click(page.package_box.import_button, qtbot)
    settle(page, qtbot)
    assert result.text().startswith("✖ 这是支部电脑导出的同步包，不是区里给的回执")
    assert snapshot(ctx) == before

    dialogs.choose("")  # the file dialog closed with 取消: nothing happens
    click(page.package_box.import_button, qtbot)
    settle(page, qtbot)
    assert result.text().startswith("✖ 这是支部电脑导出的同步包") and snapshot(ctx) == before


# -- cancelling ---------------------------------------------------------------------------------------


class WriteLock:
    """Another connection holding the branch database's write lock: the export or import waits for
    it (its progress dialog shows) until ``release``."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def cancel_in_the_dialog(page: SyncPage, title: str, lock: WriteLock, qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        qtbot.waitUntil(lambda: progress_dialog(page) is not None, timeout=WAIT_MS)
        dialog = progress_dialog(page)
        assert dialog is not None and dialog.windowTitle() == title
        (cancel,) = dialog.findChildren(QPushButton)
        assert cancel.text() == "取消"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        lock.release()
    settle(page, qtbot)


def test_a_cancelled_export_or_import_leaves_nothing(page: SyncPage, district: Database, code: str, usb: Path,
                                                     dialogs: Dialogs, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    join_by_file(page, district, code, usb, dialogs, qtbot)
    add_someone(ctx, "吴淑珍")
    before = snapshot(ctx)
    package = usb / "同步包.zbsync"
    dialogs.choose(package)
    lock = WriteLock(ctx.db_path)
    click(page.package_box.export_button, qtbot)
    assert not page.package_box.export_button.isEnabled() and not page.package_box.import_button.isEnabled()
    cancel_in_the_dialog(page, "正在导出同步包……", lock, qtbot)
    assert not package.exists() and not list(usb.glob("*.part"))
    assert snapshot(ctx) == before  # nothing held, no package number used
    assert page.package_box.result.text() == "已取消导出，没有生成同步包。"
    assert page.package_box.export_button.isEnabled() and page.package_box.import_button.isEnabled()

    click(page.package_box.export_button, qtbot)  # once more, to the end: package No. 1
    settle(page, qtbot)
    assert package.is_file() and "第 1 号同步包" in page.package_box.result.text()
    at_district(district, package, usb / "回执.zbsync")
    before = snapshot(ctx)
    dialogs.choose(usb / "回执.zbsync")
    lock = WriteLock(ctx.db_path)
    click(page.package_box.import_button, qtbot)
    cancel_in_the_dialog(page, "正在导入回执……", lock, qtbot)
    assert snapshot(ctx) == before
    assert "已取消导入" in page.package_box.result.text()
    status = stored(ctx, sync_status)
    assert status.reply_number == 0 and status.pending == status.awaiting_reply > 0

    click(page.package_box.import_button, qtbot)  # and then imported after all
    settle(page, qtbot)
    assert page.package_box.result.text().startswith("✔ 已导入第 1 号同步包的回执")
    assert stored(ctx, sync_status).pending == 0
