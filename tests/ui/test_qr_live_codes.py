"""活码 on the QR material page against a real database file: live codes are the default once the PC has
joined a district server (direct links otherwise, the live choice disabled with the reason); a saved
live poster holds the short link /q/<code> and names the codes that open only after the next sync, with
立即同步 — which, against the real district server, makes the code open; the printed codes list, 停用
after a confirmation and 改指向 another lesson."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QRadioButton

from core.lessons.catalogue import add_lesson
from core.qr.live_links import list_links, live_targets
from core.qr.short_codes import spaced
from core.qr.targets import lesson_target
from core.qr.verify import decode_pages
from core.store import Store
from core.sync import config
from core.sync.enroll import enroll
from tests.sync_server import RunningServer, admin, start_server
from tests.ui.helpers import WAIT_MS, idle, stored
from ui import messages
from ui.context import AppContext
from ui.qr import links_model
from ui.qr.page import QrPage

SERVER = "http://10.0.0.5:8700"
SYNC_WAIT_MS = 40_000
LESSONS = {
    "红色家风故事": "https://dj.example.cn/v/1",
    "防范电信诈骗": "https://dj.example.cn/v/2",
}


def make_lessons(store: Store) -> dict[str, str]:
    return {title: add_lesson(store, {"title": title, "speaker": "王书记", "minutes": 20, "video_url": url})
            for title, url in LESSONS.items()}


def join(store: Store) -> None:
    """This PC as if it had joined the district server (nothing is sent anywhere)."""
    store.set_setting(config.SERVER_URL, SERVER)
    store.set_setting(config.TOKEN, "secret-token")


@pytest.fixture
def ids(ctx: AppContext) -> dict[str, str]:
    return stored(ctx, make_lessons)


@pytest.fixture
def enrolled(ctx: AppContext, ids: dict[str, str]) -> dict[str, str]:
    stored(ctx, join)
    return ids


def open_page(ctx: AppContext, qtbot) -> QrPage:  # type: ignore[no-untyped-def]
    page = QrPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded and page.links.state is not None, timeout=WAIT_MS)
    idle(ctx, qtbot)
    return page


def settle(page: QrPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    """No task, sync or delayed preview left, and the reloads they queued done too."""
    def quiet() -> bool:
        return not page.ctx.runner.running and not page.ctx.auto_sync.busy and not page.preview_timer.isActive()

    for _ in range(3):
        qtbot.waitUntil(quiet, timeout=SYNC_WAIT_MS)
        qtbot.wait(30)
    qtbot.waitUntil(quiet, timeout=WAIT_MS)


def save(page: QrPage, qtbot, out: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)


def pick(radio: QRadioButton, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A click on the button's circle (its middle may lie past the end of its text)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def rows(page: QrPage) -> list[list[str]]:
    model = page.links.model
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_live_codes_are_the_default_on_an_enrolled_pc(ctx: AppContext, enrolled: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_page(ctx, qtbot)
    choice = page.live_choice
    assert choice.live_radio.isEnabled() and choice.live_radio.isChecked()
    assert choice.live_text.text() == "活码（经区服务器：统计扫码、手机登记）"
    assert choice.place.isEnabled() and not choice.hint.isVisible()
    offered = [choice.place.itemText(i) for i in range(choice.place.count())]
    assert {"村委会活动室摆台", "卫生室门口", "党员活动室", "村口公告栏"} <= set(offered)
    assert page.choice().live

    qtbot.mouseClick(choice.direct_text, Qt.MouseButton.LeftButton)  # a click on the words picks it; kept
    assert not page.choice().live and not choice.place.isEnabled()
    page.close()
    again = open_page(ctx, qtbot)
    assert again.live_choice.direct_radio.isChecked() and not again.choice().live


def test_direct_links_when_the_pc_has_not_joined(ctx: AppContext, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_page(ctx, qtbot)
    choice = page.live_choice
    assert choice.direct_radio.isChecked() and choice.direct_text.text() == "直接链接"
    assert not choice.live_radio.isEnabled() and not choice.live_text.isEnabled()
    assert "需要先在「数据同步」页登记到区服务器" in choice.live_radio.toolTip()
    assert choice.hint.isVisible() and not choice.place.isEnabled()
    assert not page.choice().live
    assert "还没有登记到区服务器" in page.links.empty.text()

    stored(ctx, join)  # joined on the sync page: the sync page says so, and live codes become the default
    ctx.sync_changed.emit()
    qtbot.waitUntil(lambda: choice.live_radio.isChecked(), timeout=WAIT_MS)
    assert page.choice().live


def test_a_saved_live_poster_holds_the_short_link_and_names_the_unsynced_code(  # type: ignore[no-untyped-def]
    ctx: AppContext, enrolled: dict[str, str], qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(ctx, qtbot)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("poster-a4"))
    page.live_choice.place.setEditText("卫生室门口")
    page.set_lessons_checked([enrolled["红色家风故事"]])
    settle(page, qtbot)
    assert page.preview_pixmap is not None, page.refusal
    assert "????" in page.summary.text()  # the preview shows where the new code's short code goes
    assert stored(ctx, list_links) == []  # and makes no code

    out = tmp_path / "海报.pdf"
    save(page, qtbot, out, monkeypatch)
    (link,) = stored(ctx, list_links)
    assert link.label == "卫生室门口" and link.lesson_id == enrolled["红色家风故事"] and not link.synced
    (codes,) = decode_pages(out)
    assert codes == [f"{SERVER}/q/{link.code}"]
    assert page.saver.last is not None and page.saver.last.pending == (link.code,)

    banner = page.pending
    assert banner.isVisible() and banner.sync_button.isVisible() and banner.sync_button.text() == "立即同步"
    said = banner.text.text().replace("\u00a0", " ")  # the code is not broken across lines
    assert "还没有同步到区服务器" in said and spaced(link.code) in said and "不受影响" in said
    assert "已保存 1 页" in page.notice.text()  # printing went on regardless
    assert rows(page) == [[spaced(link.code), "微党课「红色家风故事」", "卫生室门口", link.created_date, "0", "0",
                           "未同步", "使用中"]]
    assert page.tabs.tabText(1) == "已打印的活码（1）"
    assert "????" not in page.summary.text()  # the preview now shows the code made

    started: list[object] = []
    monkeypatch.setattr(ctx.auto_sync, "sync", lambda parent=None, **_: started.append(parent) or True)
    qtbot.mouseClick(banner.sync_button, Qt.MouseButton.LeftButton)
    assert started == [banner]  # the app's one sync, as on the sync page

    save(page, qtbot, tmp_path / "again.pdf", monkeypatch)  # the same lesson at the same place: the same code
    assert [item.code for item in stored(ctx, list_links)] == [link.code]


def test_plain_text_cannot_be_a_live_code(ctx: AppContext, enrolled: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    page = open_page(ctx, qtbot)
    page.custom_text.setText("WiFi 密码 12345678")
    settle(page, qtbot)
    assert "纯文字内容不能做成活码" in page.refusal and not page.save_button.isEnabled()
    pick(page.live_choice.direct_radio, qtbot)
    settle(page, qtbot)
    assert not page.refusal and page.save_button.isEnabled()


def live_code(ctx: AppContext, lesson_id: str, place: str) -> str:
    def make(store: Store) -> str:
        (target,) = live_targets(store, [lesson_target(store, lesson_id)], place)
        return target.short_code

    return stored(ctx, make)


def test_stopping_a_code_asks_first_and_keeps_it_listed(  # type: ignore[no-untyped-def]
    ctx: AppContext, enrolled: dict[str, str], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = live_code(ctx, enrolled["防范电信诈骗"], "村口公告栏")
    page = open_page(ctx, qtbot)
    panel = page.links
    panel.select(code)
    assert panel.retire_button.isEnabled()
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(messages, "confirm", lambda _parent, _title, text, _ok: asked.append(text) or answer[0])

    qtbot.mouseClick(panel.retire_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert spaced(code) in asked[0] and "村口公告栏" in asked[0] and "防范电信诈骗" in asked[0]
    assert not stored(ctx, list_links)[0].retired  # not confirmed: nothing changed

    answer[0] = True
    page.tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # the keyboard does the same
    settle(page, qtbot)
    assert len(asked) == 2
    (link,) = stored(ctx, list_links)
    assert link.retired
    assert rows(page)[0][links_model.STATE] == "已停用"
    assert spaced(code) in panel.notice.text() and "已停用" in panel.notice.text()
    panel.select(code)
    assert not panel.retire_button.isEnabled() and not panel.retarget_button.isEnabled()


def test_a_lesson_code_is_pointed_at_another_lesson(ctx: AppContext, enrolled: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    code = live_code(ctx, enrolled["红色家风故事"], "党员活动室")
    page = open_page(ctx, qtbot)
    panel = page.links
    panel.select(code)
    assert panel.retarget_button.isEnabled()
    dialog = panel.retarget_dialog(panel.selected())
    offered = [dialog.lesson.itemData(i) for i in range(dialog.lesson.count())]
    assert enrolled["红色家风故事"] not in offered and enrolled["防范电信诈骗"] in offered
    assert not dialog.ok_button.isEnabled()  # nothing picked yet
    dialog.choose(enrolled["防范电信诈骗"])
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    settle(page, qtbot)

    (link,) = stored(ctx, list_links)
    assert link.lesson_id == enrolled["防范电信诈骗"] and link.code == code
    assert rows(page)[0][links_model.TARGET] == "微党课「防范电信诈骗」"
    assert "防范电信诈骗" in panel.notice.text() and "不用重新打印" in panel.notice.text()


# -- against the real district server ---------------------------------------------------------------


@pytest.fixture
def district(tmp_path: Path) -> Iterator[RunningServer]:
    server = start_server(f"sqlite:///{tmp_path / 'district.db'}")
    try:
        yield server
    finally:
        server.stop()


def test_sync_now_makes_the_printed_code_open(  # type: ignore[no-untyped-def]
    ctx: AppContext, ids: dict[str, str], district: RunningServer, qtbot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    branch = admin(district.db_url, "branch", "add", "--name", "河东村党支部")
    stored(ctx, lambda store: enroll(store, district.url, branch["enrollment_code"], "支部办公室电脑"))
    page = open_page(ctx, qtbot)
    assert page.choice().live
    page.set_lessons_checked([ids["防范电信诈骗"]])
    settle(page, qtbot)
    out = tmp_path / "摆台.pdf"
    save(page, qtbot, out, monkeypatch)
    (link,) = stored(ctx, list_links)
    (codes,) = decode_pages(out)
    assert codes[0].endswith(f"/q/{link.code}")
    assert not link.synced and page.pending.pending == [link.code]

    qtbot.mouseClick(page.pending.sync_button, Qt.MouseButton.LeftButton)
    settle(page, qtbot)
    assert "已同步" in page.pending.text.text() and not page.pending.sync_button.isVisible()
    assert rows(page)[0][links_model.SYNCED] == "已同步"
    answer = requests.get(f"{district.url}/q/{link.code}", timeout=30)
    assert answer.status_code == 200 and "防范电信诈骗" in answer.text
