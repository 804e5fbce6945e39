"""The micro-lessons page: the catalogue (add, edit, archive, district lessons read-only) and the study
records (voiding with a reason), against a real database."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from core.lessons.catalogue import add_lesson, get_lesson, list_lessons
from core.lessons.study import StudyEntry, list_records, record_study, studying_members
from core.store import Store
from tests.ui.helpers import WAIT_MS, idle, stored
from ui import messages
from ui.context import AppContext
from ui.lessons.lesson_model import SOURCE, STUDIED, TITLE
from ui.lessons.page import LessonsPage
from ui.lessons.record_model import VOID_REASON
from ui.lessons.records_tab import VoidDialog
from ui.main_window import MainWindow

DISTRICT_ID = "9d3c1e52-7a7b-4f0e-9a51-3c2d1e0f0001"


@pytest.fixture
def lessons(demo_ctx: AppContext) -> dict[str, str]:
    """A branch lesson studied by five members (one of them twice) and a district lesson."""
    store = Store.open(demo_ctx.db_path)
    try:
        own = add_lesson(store, {"title": "农村基层党组织工作条例解读", "speaker": "李老师", "topic": "党规党纪",
                                 "minutes": 25, "published_date": "2024-09-01"})
        store.insert("lessons", {"id": DISTRICT_ID, "branch_id": "district", "title": "乡村振兴政策宣讲",
                                 "minutes": 40, "published_date": "2024-11-01"})
        ids = [m["id"] for m in studying_members(store)[:5]]
        record_study(store, StudyEntry(own, "2026-11-20", "group", entered_by="张会计"), ids)
        record_study(store, StudyEntry(own, "2026-11-21", "self_scan"), ids[:1])
        return {"own": own, "district": DISTRICT_ID}
    finally:
        store.close()


@pytest.fixture
def page(demo_ctx: AppContext, lessons: dict[str, str], qtbot) -> LessonsPage:  # type: ignore[no-untyped-def]
    lessons_page = LessonsPage(demo_ctx)
    qtbot.addWidget(lessons_page)
    lessons_page.resize(1280, 760)
    lessons_page.show()
    lessons_page.reload()
    qtbot.waitUntil(lambda: lessons_page.catalogue.model.rowCount() == 2
                    and lessons_page.records.model.rowCount() == 6, timeout=WAIT_MS)
    return lessons_page


def select(page: LessonsPage, lesson_id: str) -> dict[str, Any]:
    page.catalogue.select(lesson_id)
    lesson = page.catalogue.selected_lesson()
    assert lesson is not None and lesson["id"] == lesson_id
    return lesson


def test_page_has_the_catalogue_and_the_records(page: LessonsPage, demo_ctx: AppContext) -> None:
    assert page.key == "lessons" and LessonsPage.title() == "微党课"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())][:2] == ["课程", "学习记录"]
    catalogue = page.catalogue
    titles = {catalogue.proxy.index(r, TITLE).data(): r for r in range(catalogue.proxy.rowCount())}
    own = titles["农村基层党组织工作条例解读"]
    members = len(stored(demo_ctx, studying_members))
    assert catalogue.proxy.index(own, STUDIED).data() == f"5/{members}"
    assert catalogue.proxy.index(own, SOURCE).data() == "本支部"
    assert catalogue.proxy.index(titles["乡村振兴政策宣讲"], SOURCE).data() == "区县发布"


def test_main_window_lists_the_page(demo_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    assert window.page_keys.index("lessons") == window.page_keys.index("roster") + 1
    assert window.nav.item(window.page_keys.index("lessons")).text() == "微党课"
    assert isinstance(window.show_page("lessons"), LessonsPage)
    idle(demo_ctx, qtbot)


def test_adding_a_lesson_with_a_bad_link_shows_the_error_and_saves_nothing(page: LessonsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = page.ctx
    dialog = page.catalogue.lesson_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["title"].insert("学习党章")  # typed through an input method
    dialog.editors["minutes"].setText("20")
    dialog.editors["video_url"].setText("www.example.cn/v/1")
    qtbot.keyClick(dialog.editors["video_url"], Qt.Key.Key_Return)  # Enter saves
    assert "网址" in dialog.message_of("video_url")
    assert dialog.messages["video_url"].isVisibleTo(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.saving
    assert len(stored(ctx, list_lessons)) == 2

    dialog.editors["video_url"].setText("https://www.example.cn/v/1")
    qtbot.keyClick(dialog.editors["video_url"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert dialog.message_of("video_url") == ""
    saved = next(lesson for lesson in stored(ctx, list_lessons) if lesson["title"] == "学习党章")
    assert saved["video_url"] == "https://www.example.cn/v/1" and saved["minutes"] == 20
    qtbot.waitUntil(lambda: page.catalogue.model.rowCount() == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (page.catalogue.selected_lesson() or {}).get("id") == saved["id"], timeout=WAIT_MS)


def test_a_duplicate_title_from_the_database_shows_under_the_title(page: LessonsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = page.catalogue.lesson_dialog()
    qtbot.addWidget(dialog)
    dialog.editors["title"].setText("农村基层党组织工作条例解读")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert "同名" in dialog.message_of("title")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_editing_a_branch_lesson_saves_it(page: LessonsPage, lessons: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = select(page, lessons["own"])
    assert page.catalogue.edit_button.isEnabled()
    dialog = page.catalogue.lesson_dialog(lesson)
    qtbot.addWidget(dialog)
    assert dialog.editors["minutes"].text() == "25"
    dialog.editors["speaker"].setText("王老师")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert stored(page.ctx, get_lesson, lessons["own"])["speaker"] == "王老师"


def test_district_lessons_cannot_be_edited_or_archived(page: LessonsPage, lessons: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = select(page, lessons["district"])
    catalogue = page.catalogue
    assert not catalogue.edit_button.isEnabled() and not catalogue.archive_button.isEnabled()
    assert "区县" in catalogue.edit_button.toolTip() and "区县" in catalogue.archive_button.toolTip()
    assert "区县" in catalogue.hint.text()
    assert catalogue.bulk_button.isEnabled()  # members still study it

    dialog = catalogue.lesson_dialog(lesson)  # double-click opens it to look at, not to change
    qtbot.addWidget(dialog)
    assert dialog.read_only and dialog.save_button is None
    assert dialog.editors["title"].isReadOnly()
    dialog.save()
    assert stored(page.ctx, get_lesson, lessons["district"])["title"] == "乡村振兴政策宣讲"

    select(page, lessons["own"])
    assert catalogue.edit_button.isEnabled() and catalogue.archive_button.isEnabled()


def test_archive_and_restore(page: LessonsPage, lessons: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    catalogue = page.catalogue
    select(page, lessons["own"])
    assert catalogue.archive_button.text() == "归档"
    qtbot.mouseClick(catalogue.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: catalogue.proxy.rowCount() == 1, timeout=WAIT_MS)
    assert stored(page.ctx, get_lesson, lessons["own"])["archived"] == 1

    catalogue.show_archived.setChecked(True)
    lesson = select(page, lessons["own"])
    assert "已归档" in catalogue.proxy.index(catalogue.proxy.index_of(lesson["id"]).row(), TITLE).data()
    assert catalogue.archive_button.text() == "恢复"
    qtbot.mouseClick(catalogue.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(page.ctx, get_lesson, lessons["own"])["archived"] == 0, timeout=WAIT_MS)
    idle(page.ctx, qtbot)


def test_search_filters_the_catalogue(page: LessonsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.catalogue.search.insert("乡村")
    assert page.catalogue.proxy.rowCount() == 1
    page.catalogue.search.setText("李老师")
    assert page.catalogue.proxy.lesson_at(0)["title"] == "农村基层党组织工作条例解读"


def test_voiding_a_record_needs_a_reason_and_keeps_it_visible_as_voided(
    page: LessonsPage, qtbot, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ctx = page.ctx
    records = page.records
    page.tabs.setCurrentWidget(records)
    assert "作废后重新登记" in records.hint.text()
    target = records.proxy.record_at(0)
    records.table.selectRow(0)
    assert records.void_button.isEnabled()

    refused: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, error, _trace="": refused.append(str(error)))
    records.void_records([target["id"]], "   ")
    qtbot.waitUntil(lambda: bool(refused), timeout=WAIT_MS)
    assert "原因" in refused[0]
    assert len(stored(ctx, list_records)) == 6

    records.void_records([target["id"]], "日期填错")
    qtbot.waitUntil(lambda: records.model.rowCount() == 5, timeout=WAIT_MS)
    assert target["id"] not in {r["id"] for r in records.model.records}

    records.show_voided.setChecked(True)
    qtbot.waitUntil(lambda: records.model.rowCount() == 6, timeout=WAIT_MS)
    assert not records.table.isColumnHidden(VOID_REASON)
    row = next(r for r in range(records.proxy.rowCount()) if records.proxy.record_at(r)["id"] == target["id"])
    assert records.proxy.index(row, VOID_REASON).data() == "日期填错"
    assert records.proxy.index(row, 1).data(Qt.ItemDataRole.FontRole).strikeOut()
    records.table.selectRow(row)
    assert not records.void_button.isEnabled()  # voided already
    idle(ctx, qtbot)


def test_the_void_dialog_refuses_a_blank_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = VoidDialog(2)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setText("  ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.reason.setText("录错了人")
    assert dialog.ok_button.isEnabled()


def test_records_filter_by_lesson_and_member(page: LessonsPage, lessons: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    records = page.records
    first = records.proxy.record_at(0)
    initials = first["name_initials"]
    qtbot.keyClicks(records.member_filter, initials)
    assert 0 < records.proxy.rowCount() < 6
    assert all(records.proxy.record_at(r)["name_initials"].startswith(initials)
               or records.proxy.record_at(r)["name_pinyin"].startswith(initials)
               for r in range(records.proxy.rowCount()))
    records.member_filter.clear()
    records.set_lesson(lessons["district"])
    qtbot.waitUntil(lambda: records.model.rowCount() == 0, timeout=WAIT_MS)
    assert records.count_label.text() == "共 0 条记录"
    idle(page.ctx, qtbot)
