"""The sync page (数据同步) and the status bar indicator against the REAL district server (a process on
127.0.0.1 over a fresh SQLite database): joining the branch with a one-time code, a local change going
up (待上传 1 → 0), the server gone (离线, a Chinese reason, nothing lost), a conflict made by a second
computer of the same branch and put right with 恢复另一台电脑的值, refused rows sent again or given up,
and the automatic sync driven tick by tick."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QScrollArea

from core.roster.members import add_member, get_member
from core.store import Store
from core.sync.conflicts import list_conflicts
from core.sync.enroll import enroll
from core.sync.run import sync
from core.sync.status import sync_status
from tests.sync_server import RunningServer, admin, start_server
from tests.ui.helpers import WAIT_MS, stored
from ui import messages
from ui.context import AppContext
from ui.fonts import apply_font, register_cjk_font
from ui.main_window import PAGES, MainWindow
from ui.sync.issues_list import IssueCard
from ui.sync.page import SyncPage

SYNC_WAIT_MS = 40_000  # an unreachable server is retried with backoff for several seconds
BRANCH = "河东村党支部"
SCREENSHOT = Path("/tmp/sync_page.png")


@pytest.fixture
def district(tmp_path: Path) -> Iterator[RunningServer]:
    server = start_server(f"sqlite:///{tmp_path / 'district.db'}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def branch(district: RunningServer) -> dict[str, str]:
    """A branch on the server: {"branch_id", "enrollment_code"}."""
    return admin(district.db_url, "branch", "add", "--name", BRANCH)


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
    """No sync, load or refresh under way, and their results shown."""
    ctx = page.ctx

    def quiet() -> bool:
        return not ctx.auto_sync.busy and not ctx.runner.running

    qtbot.waitUntil(quiet, timeout=SYNC_WAIT_MS)
    for _ in range(3):  # zero-delay reloads queued by the results, then their tasks
        qtbot.wait(20)
        qtbot.waitUntil(quiet, timeout=WAIT_MS)


def indicator_text(window: MainWindow) -> str:
    return window.sync_indicator.text()


def join(page: SyncPage, district: RunningServer, code: str, qtbot, device: str = "村委会办公室电脑") -> None:  # type: ignore[no-untyped-def]
    """Type the address, press 加入支部…, fill in the code and the computer's name, press 加入."""
    page.connection.url.setText(district.url)
    qtbot.mouseClick(page.connection.enroll_button, Qt.MouseButton.LeftButton)
    dialog = page.enroll_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.device_name.text()  # the computer's name by default
    dialog.device_name.setText(device)
    dialog.code.setText(code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.enroll_dialog is None, timeout=WAIT_MS)
    settle(page, qtbot)


def add_someone(ctx: AppContext, name: str, phone: str = "") -> str:
    member_id, _warnings = stored(ctx, add_member, {"name": name, "gender": "女", "phone": phone})
    ctx.roster_changed.emit()  # as the roster page does after a save
    return str(member_id)


def press_sync(page: SyncPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert page.panel.sync_button.isEnabled()
    qtbot.mouseClick(page.panel.sync_button, Qt.MouseButton.LeftButton)
    assert page.ctx.auto_sync.busy
    settle(page, qtbot)


def cards(page: SyncPage, kind: str) -> list[IssueCard]:
    return [card for card in page.issues.cards if card.kind == kind]


def open_message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


# -- joining and syncing --------------------------------------------------------------------------


def test_the_page_is_listed_before_settings_and_the_indicator_opens_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    keys = [key for key, *_ in PAGES]
    assert keys.index("sync") == keys.index("settings") - 1
    assert window.nav.item(keys.index("sync")).text() == "数据同步"
    qtbot.waitUntil(lambda: "未设置同步" in indicator_text(window), timeout=WAIT_MS)
    window.show_page("home")
    qtbot.mouseClick(window.sync_indicator, Qt.MouseButton.LeftButton)
    assert isinstance(window.current_page(), SyncPage)


def test_join_add_a_member_and_sync(page: SyncPage, window: MainWindow, district: RunningServer,
                                    branch: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    assert page.panel.state.text() == "● 尚未加入区里的服务器"
    assert page.connection.enroll_button.isEnabled()

    join(page, district, branch["enrollment_code"], qtbot)
    # joined: the branch name shows, joining again is off, and the first sync has run
    assert BRANCH in page.notice.text()
    assert page.panel.branch.text() == BRANCH
    assert page.panel.device.text() == "村委会办公室电脑"
    assert page.panel.server.text() == district.url
    assert not page.connection.enroll_button.isEnabled()
    assert "无需再次加入" in page.connection.enroll_note.text()
    assert page.panel.state.text() == "● 在线"
    assert not page.panel.clock.isVisible()  # a server of this version: no notice to update
    assert page.panel.pending_tile.number.text() == "0"
    assert page.panel.last_success.text().startswith(time.strftime("%Y-%m-%d"))
    qtbot.waitUntil(lambda: indicator_text(window).startswith("● 已同步 "), timeout=WAIT_MS)

    add_someone(ctx, "李秀英", "13800000001")
    qtbot.waitUntil(lambda: indicator_text(window) == "● 待上传 1 条", timeout=WAIT_MS)  # the roster changed
    page.reload()
    settle(page, qtbot)
    assert page.panel.pending_tile.number.text() == "1"

    press_sync(page, qtbot)
    assert page.panel.pending_tile.number.text() == "0"
    assert page.panel.result.isVisible()
    assert "上传 1 条" in page.panel.result.text() and "下载 0 条" in page.panel.result.text()
    assert "冲突 0 条" in page.panel.result.text() and "被拒 0 条" in page.panel.result.text()
    assert not page.panel.error.isVisible()
    qtbot.waitUntil(lambda: indicator_text(window).startswith("● 已同步 "), timeout=WAIT_MS)
    assert stored(ctx, sync_status).pending == 0


def test_a_second_join_is_not_offered_and_the_address_can_change(page: SyncPage, district: RunningServer,
                                                                  branch: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    join(page, district, branch["enrollment_code"], qtbot)
    assert not page.connection.enroll_button.isEnabled()
    page.connection.url.setText("not an address at all")
    qtbot.mouseClick(page.connection.save_button, Qt.MouseButton.LeftButton)
    assert page.connection.url_status.isVisible()
    assert "服务器地址“not an address at all”无效" in page.connection.url_status.text()
    assert stored(page.ctx, sync_status).server_url == district.url  # nothing saved
    page.connection.url.setText(f"127.0.0.1:{district.port}/")
    qtbot.mouseClick(page.connection.save_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert stored(page.ctx, sync_status).server_url == district.url  # made whole: http://, no slash
    assert page.connection.url.text() == district.url


def test_a_revoked_computer_may_join_again(page: SyncPage, district: RunningServer, branch: dict[str, str],
                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    join(page, district, branch["enrollment_code"], qtbot)
    admin(district.db_url, "branch", "revoke", branch["branch_id"])
    add_someone(page.ctx, "周桂芳")
    press_sync(page, qtbot)
    assert page.panel.state.text() == "● 在线"  # the server answered, and said no
    assert page.panel.error.isVisible() and "登记" in page.panel.error.text()
    assert page.connection.enroll_button.isEnabled()
    assert "新的登记码" in page.connection.enroll_note.text()

    code = admin(district.db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
    join(page, district, code, qtbot)
    assert not page.connection.enroll_button.isEnabled()
    assert not page.panel.error.isVisible()
    assert stored(page.ctx, sync_status).pending == 0


def test_a_wrong_code_is_said_in_the_dialog(page: SyncPage, district: RunningServer, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.connection.url.setText(district.url)
    qtbot.mouseClick(page.connection.enroll_button, Qt.MouseButton.LeftButton)
    dialog = page.enroll_dialog
    assert dialog is not None
    dialog.code.setText("WRONGCODE")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.status.text()), timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.status.text().startswith("✖ ")
    assert not stored(page.ctx, sync_status).enrolled
    dialog.reject()


def test_server_gone_shows_offline_and_loses_nothing(page: SyncPage, window: MainWindow, district: RunningServer,
                                                     branch: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    join(page, district, branch["enrollment_code"], qtbot)
    district.stop()
    member = add_someone(ctx, "王建军")

    press_sync(page, qtbot)
    assert page.panel.state.text() == "● 离线"
    assert page.panel.error.isVisible()
    error = page.panel.error.text()
    assert error.startswith("上次同步没有成功：") and "连不上" in error and "不会丢失" in error
    assert page.panel.pending_tile.number.text() == "1"
    assert not page.panel.result.isVisible()
    assert not open_message_boxes()  # the reason is on the page, not in a box
    qtbot.waitUntil(lambda: indicator_text(window) == "● 离线 · 待上传 1 条", timeout=WAIT_MS)
    assert stored(ctx, get_member, member)["name"] == "王建军"

    district.restart()
    press_sync(page, qtbot)
    assert page.panel.state.text() == "● 在线"
    assert not page.panel.error.isVisible()
    assert page.panel.pending_tile.number.text() == "0"
    qtbot.waitUntil(lambda: indicator_text(window).startswith("● 已同步 "), timeout=WAIT_MS)


def test_a_slow_sync_shows_progress_and_cancel_works(page: SyncPage, district: RunningServer,
                                                     branch: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    join(page, district, branch["enrollment_code"], qtbot)
    district.stop()  # every attempt fails and is retried after a pause: slow enough to cancel
    add_someone(page.ctx, "吴淑珍")
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(page.panel.sync_button, Qt.Key.Key_F5)
    assert page.ctx.auto_sync.busy and not page.panel.sync_button.isEnabled()

    def progress() -> QProgressDialog | None:
        shown = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
        return shown[0] if shown else None

    qtbot.waitUntil(lambda: progress() is not None, timeout=WAIT_MS)
    dialog = progress()
    assert dialog is not None and dialog.windowTitle() == "正在与区里的服务器同步……"
    (cancel,) = dialog.findChildren(QPushButton)
    assert cancel.text() == "取消"
    started = time.monotonic()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert time.monotonic() - started < 3  # stopped at once, not after all the retries
    assert page.panel.sync_button.isEnabled() and not open_message_boxes()
    assert "已取消" in page.panel.error.text()
    assert stored(page.ctx, sync_status).pending == 1  # nothing lost


# -- conflicts and refused rows -------------------------------------------------------------------


def second_computer(tmp_path: Path, district: RunningServer, branch_id: str) -> Store:
    """Another computer of the same branch (the secretary's laptop), driven through core."""
    code = admin(district.db_url, "branch", "code", branch_id)["enrollment_code"]
    laptop = Store.open(tmp_path / "laptop.db")
    enroll(laptop, district.url, code, "书记的笔记本")
    sync(laptop)
    return laptop


def test_a_conflict_is_explained_and_the_other_value_put_back(page: SyncPage, window: MainWindow,
                                                               district: RunningServer, branch: dict[str, str],
                                                               tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    join(page, district, branch["enrollment_code"], qtbot)
    member = add_someone(ctx, "张桂兰", "13800000001")
    press_sync(page, qtbot)

    laptop = second_computer(tmp_path, district, branch["branch_id"])
    try:
        laptop.update("members", member, {"phone": "13900000002"})
        sync(laptop)
        time.sleep(0.01)
        stored(ctx, lambda store: store.update("members", member, {"phone": "13700000003"}))  # later: it wins
        # and a row the server refuses: a party group of another branch
        stored(ctx, lambda store: store.insert("party_groups", {"name": "别的支部的小组", "branch_id": "another"}))
        press_sync(page, qtbot)

        assert "冲突 1 条" in page.panel.result.text() and "被拒 1 条" in page.panel.result.text()
        assert page.panel.conflicts_tile.number.text() == "1"
        assert page.panel.rejected_tile.number.text() == "1"
        qtbot.waitUntil(lambda: "1 个冲突" in indicator_text(window) and "1 条被拒" in indicator_text(window),
                        timeout=WAIT_MS)
        (conflict,) = cards(page, "conflict")
        assert "张桂兰" in conflict.title.text()
        assert "书记的笔记本" in conflict.body.text() and "13900000002" in conflict.body.text()
        assert set(conflict.buttons) == {"keep", "restore"}
        assert conflict.buttons["restore"].text() == "恢复另一台电脑的值"
        assert conflict.buttons["keep"].text() == "保留当前值"
        (refused,) = cards(page, "rejection")
        assert "别的支部的小组" in refused.title.text() or "党小组" in refused.title.text()
        assert refused.body.text()  # the server's Chinese reason
        save_screenshot(window, page)

        qtbot.mouseClick(conflict.buttons["restore"], Qt.MouseButton.LeftButton)
        settle(page, qtbot)
        assert stored(ctx, get_member, member)["phone"] == "13900000002"
        assert "已恢复另一台电脑的值" in page.notice.text()
        assert not cards(page, "conflict")
        page.issues.show_resolved.setChecked(True)
        settle(page, qtbot)
        (resolved,) = cards(page, "conflict")
        assert resolved.resolved and not resolved.buttons and "已处理" in resolved.title.text()

        press_sync(page, qtbot)
        sync(laptop)
        assert laptop.get("members", member)["phone"] == "13900000002"
        assert [c.resolution for c in list_conflicts(laptop, include_resolved=True)] == ["restored"]
    finally:
        laptop.close()


def save_screenshot(window: MainWindow, page: SyncPage) -> None:
    """The window as a person sees it, and the whole page content (it scrolls) beside it."""
    assert window.grab().save(str(SCREENSHOT))
    scroll = page.findChild(QScrollArea)
    assert scroll is not None and scroll.widget() is not None
    assert scroll.widget().grab().save(str(SCREENSHOT.with_name("sync_page_full.png")))


def test_a_refused_row_is_sent_again_or_given_up(page: SyncPage, district: RunningServer, branch: dict[str, str],
                                                  qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    join(page, district, branch["enrollment_code"], qtbot)
    stored(ctx, lambda store: store.insert("party_groups", {"name": "别的支部的小组", "branch_id": "another"}))
    press_sync(page, qtbot)
    (refused,) = cards(page, "rejection")
    assert page.panel.pending_tile.number.text() == "0"  # held back, not pending

    qtbot.mouseClick(refused.buttons["retry"], Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert not cards(page, "rejection") and page.panel.pending_tile.number.text() == "1"
    press_sync(page, qtbot)
    (refused,) = cards(page, "rejection")  # refused again

    asked: list[str] = []

    def answer(parent: Any, title: str, text: str, ok_text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # "no" the first time

    monkeypatch.setattr(messages, "confirm", answer)
    qtbot.mouseClick(refused.buttons["discard"], Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert len(asked) == 1 and len(cards(page, "rejection")) == 1  # not confirmed: nothing changed
    qtbot.mouseClick(cards(page, "rejection")[0].buttons["discard"], Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert len(asked) == 2 and not cards(page, "rejection")
    status = stored(ctx, sync_status)
    assert status.rejected == 0 and status.pending == 0


# -- automatic sync -------------------------------------------------------------------------------


def test_automatic_sync_every_minute_runs_silently(page: SyncPage, window: MainWindow, district: RunningServer,
                                                   branch: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    scheduler = ctx.auto_sync
    join(page, district, branch["enrollment_code"], qtbot)
    page.connection.interval.setValue(1)
    settle(page, qtbot)
    assert scheduler.interval == 1 and scheduler.timer.isActive() and scheduler.timer.interval() == 60_000
    assert stored(ctx, lambda store: store.setting("sync_interval_minutes")) == 1

    add_someone(ctx, "赵德明")
    scheduler.timer.timeout.emit()  # a minute has passed
    assert scheduler.busy
    settle(page, qtbot)
    assert stored(ctx, sync_status).pending == 0
    assert page.panel.state.text() == "● 在线"

    # the server goes away: the tick runs without any dialog or box, and says 离线 on the page
    district.stop()
    add_someone(ctx, "孙玉珍")
    scheduler.timer.timeout.emit()
    assert scheduler.busy
    running = len(ctx.runner.running)
    scheduler.tick()  # never two at once
    assert len(ctx.runner.running) == running
    qtbot.wait(1500)  # longer than the runner waits before it shows a progress dialog
    assert scheduler.busy
    assert not page.findChildren(QProgressDialog) and not window.findChildren(QProgressDialog)
    settle(page, qtbot)
    assert not open_message_boxes()
    assert page.panel.state.text() == "● 离线" and "连不上" in page.panel.error.text()
    assert stored(ctx, sync_status).pending == 1
    qtbot.waitUntil(lambda: indicator_text(window) == "● 离线 · 待上传 1 条", timeout=WAIT_MS)

    # the next tick tries again and gets through
    district.restart()
    scheduler.tick()
    settle(page, qtbot)
    assert stored(ctx, sync_status).pending == 0
    assert page.panel.state.text() == "● 在线"

    page.connection.interval.setValue(0)
    settle(page, qtbot)
    assert not scheduler.timer.isActive()
    assert stored(ctx, lambda store: store.setting("sync_interval_minutes")) == 0


def test_a_tick_before_joining_does_nothing(page: SyncPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    scheduler = page.ctx.auto_sync
    page.connection.interval.setValue(5)
    settle(page, qtbot)
    scheduler.tick()
    settle(page, qtbot)
    status = stored(page.ctx, sync_status)
    assert not status.enrolled and status.last_attempt_at is None and not page.panel.error.isVisible()


def test_f5_syncs_and_sync_before_joining_says_what_to_do(page: SyncPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.panel.sync_button, Qt.MouseButton.LeftButton)
    assert not page.ctx.auto_sync.busy
    assert page.panel.result.isVisible() and "加入支部" in page.panel.result.text()


def test_large_type_follows_the_text_size(page: SyncPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    family = register_cjk_font()
    before = page.heading.font().pointSizeF(), page.panel.state.font().pointSizeF()
    try:
        apply_font(app, family, "xlarge")
        qtbot.waitUntil(lambda: page.heading.font().pointSizeF() > before[0], timeout=WAIT_MS)
        assert page.panel.state.font().pointSizeF() > before[1] and page.panel.state.font().bold()
    finally:
        apply_font(app, family, "normal")
