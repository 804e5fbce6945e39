"""The QR material page (二维码物料) against a real database file: lessons with links and an official
account to choose from, the live preview, a refusal in red, a saved PDF whose codes read back as exactly
the chosen links, accounts added and removed, and the choice remembered for the next visit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core.lessons.catalogue import add_lesson
from core.qr.targets import list_accounts, save_account
from core.qr.verify import decode_pages
from tests.ui.helpers import WAIT_MS, idle, stored
from ui import messages
from ui.context import AppContext
from ui.main_window import PAGES
from ui.qr.page import QrPage

LESSONS = {
    "学习党的二十届三中全会精神": "https://example.cn/v/101",
    "农村基层党组织工作条例解读": "https://example.cn/v/102",
    "乡村振兴政策讲座": "https://example.cn/v/103",
}


@pytest.fixture
def ids(ctx: AppContext) -> dict[str, str]:
    def make(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
        made = {title: add_lesson(store, {"title": title, "speaker": "王书记", "minutes": 20, "video_url": url})
                for title, url in LESSONS.items()}
        add_lesson(store, {"title": "没有链接的课", "minutes": 10})
        save_account(store, "河东村党支部", "https://mp.example.cn/hedong")
        return made

    return stored(ctx, make)


def open_page(ctx: AppContext, qtbot) -> QrPage:  # type: ignore[no-untyped-def]
    page = QrPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.loaded, timeout=WAIT_MS)
    idle(ctx, qtbot)
    return page


@pytest.fixture
def page(ctx: AppContext, ids: dict[str, str], qtbot) -> QrPage:  # type: ignore[no-untyped-def]
    return open_page(ctx, qtbot)


def choose_layout(page: QrPage, key: str) -> None:
    page.layout_combo.setCurrentIndex(page.layout_combo.findData(key))


def wait_preview(page: QrPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.preview_timer.isActive() and not page.ctx.runner.running
                    and (page.preview_pixmap is not None or bool(page.refusal)), timeout=WAIT_MS)


def test_lists_only_lessons_with_a_link_and_the_accounts(page: QrPage) -> None:
    titles = [page.lesson_list.item(i).text() for i in range(page.lesson_list.count())]
    assert len(titles) == 3 and all("没有链接" not in t for t in titles)
    assert page.account_list.count() == 1 and page.account_list.item(0).text() == "河东村党支部"
    assert not page.save_button.isEnabled()  # nothing chosen yet
    assert page.preview_pixmap is None

    page.filter.setText("条例")
    shown = [page.lesson_list.item(i).text() for i in range(page.lesson_list.count())
             if not page.lesson_list.item(i).isHidden()]
    assert shown == ["农村基层党组织工作条例解读（王书记）"]


def test_two_lessons_on_labels_show_a_preview(page: QrPage, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    choose_layout(page, "labels-3x4")
    chosen = [ids["学习党的二十届三中全会精神"], ids["乡村振兴政策讲座"]]
    page.set_lessons_checked(chosen)
    assert set(page.choice().lesson_ids) == set(chosen)
    wait_preview(page, qtbot)
    assert page.preview_pixmap is not None and not page.preview_pixmap.isNull()
    assert page.preview.pixmap() is not None and not page.preview.pixmap().isNull()
    assert page.preview_info is not None and page.preview_info.pages == 1 and page.preview_info.codes == 2
    assert "2" in page.summary.text()
    assert page.save_button.isEnabled() and page.print_button.isEnabled()


def test_a_link_too_long_for_small_labels_is_refused_in_red(page: QrPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    choose_layout(page, "labels-4x6")
    page.custom_text.setText("https://example.cn/v/" + "a" * 300)
    wait_preview(page, qtbot)
    assert page.preview_pixmap is None
    assert "手机难以识别" in page.refusal
    assert "手机难以识别" in page.preview.text() and "#b00020" in page.preview.styleSheet()
    assert not page.save_button.isEnabled()

    choose_layout(page, "poster-a4")  # the same link fits a poster
    wait_preview(page, qtbot)
    assert page.preview_pixmap is not None and not page.refusal
    assert page.save_button.isEnabled()


def test_saved_pdf_carries_exactly_the_chosen_lessons(page: QrPage, ids: dict[str, str], qtbot,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_layout(page, "labels-3x4")
    titles = ["学习党的二十届三中全会精神", "农村基层党组织工作条例解读"]
    page.set_lessons_checked([ids[t] for t in titles])
    wait_preview(page, qtbot)
    out = tmp_path / "out" / "物料"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(page.ctx, qtbot)

    saved = out.with_name("物料.pdf")
    assert saved.is_file()
    decoded = decode_pages(saved)
    assert sorted(code for codes in decoded for code in codes) == sorted(LESSONS[t] for t in titles)
    assert page.saver.last is not None and page.saver.last.codes == 2
    assert "已保存 1 页，已核验 2 个二维码均可识别" in page.notice.text()
    assert page.ctx.pref("qr/pdf_dir") == str(out.parent)


def test_failed_check_deletes_the_file_and_says_why(page: QrPage, ids: dict[str, str], qtbot,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.qr import verify

    page.set_lessons_checked([ids["乡村振兴政策讲座"]])
    wait_preview(page, qtbot)
    out = tmp_path / "bad.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF"))
    monkeypatch.setattr(verify, "decode_pages", lambda *a, **k: [[]])
    shown: list[str] = []
    monkeypatch.setattr(messages.QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page.save_pdf()
    idle(page.ctx, qtbot)
    assert not out.exists()
    assert shown and "核验未通过" in shown[0] and "文件已删除" in shown[0]


def test_choice_is_restored_on_a_new_page(ctx: AppContext, page: QrPage, ids: dict[str, str], qtbot,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    from PIL import Image

    Image.new("RGB", (64, 64), "red").save(logo)
    choose_layout(page, "tent")
    chosen = [ids["农村基层党组织工作条例解读"]]
    page.set_lessons_checked(chosen)
    page.account_list.item(0).setCheckState(Qt.CheckState.Checked)
    page.set_logo(str(logo))
    wait_preview(page, qtbot)
    assert page.preview_pixmap is not None, page.refusal
    page.close()

    again = open_page(ctx, qtbot)
    choice = again.choice()
    assert choice.layout == "tent"
    assert list(choice.lesson_ids) == chosen
    assert list(choice.accounts) == ["河东村党支部"]
    assert choice.logo == str(logo)
    assert again.logo_label.text() == "logo.png"
    wait_preview(again, qtbot)  # the remembered choice is previewed as soon as the page opens
    assert again.preview_pixmap is not None and again.preview_info is not None
    assert again.preview_info.codes == 2


def test_accounts_are_added_and_removed(page: QrPage, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = page.account_dialog()
    dialog.name.setText("西岭村党支部")
    dialog.url.setText("不是链接")
    dialog.save()
    idle(page.ctx, qtbot)
    assert "不是有效的网址" in dialog.status.text()
    dialog.url.setText("https://mp.example.cn/xiling")
    dialog.save()
    idle(page.ctx, qtbot)
    qtbot.waitUntil(lambda: page.account_list.count() == 2, timeout=WAIT_MS)
    assert "西岭村党支部" in page.choice().accounts  # a new account is ticked
    assert "西岭村党支部" in page.notice.text()

    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    page.account_list.setCurrentRow(0)
    page.remove_selected_account()
    idle(page.ctx, qtbot)
    qtbot.waitUntil(lambda: page.account_list.count() == 1, timeout=WAIT_MS)
    assert [a["name"] for a in stored(page.ctx, list_accounts)] == ["西岭村党支部"]


def test_lesson_list_follows_study_changes(ctx: AppContext, page: QrPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    stored(ctx, add_lesson, {"title": "新上线的微党课", "minutes": 15, "video_url": "https://example.cn/v/104"})
    ctx.study_changed.emit()
    qtbot.waitUntil(lambda: page.lesson_list.count() == 4, timeout=WAIT_MS)


def test_page_is_in_the_main_window() -> None:
    assert ("qr", "ui.qr.page", "QrPage", "QR material") in PAGES
    assert QrPage.title() == "二维码物料"
