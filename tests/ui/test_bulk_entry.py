"""Bulk entry of study against the demo branch, driven by mouse and keyboard the way a person would."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, list_records, record_study, studying_members
from core.store import Store
from ui.context import AppContext
from ui.lessons.bulk_entry import ENTERED_BY_PREF, METHOD_PREF, BulkEntryDialog
from ui.lessons.page import LessonsPage

WAIT_MS = 10_000
Ctrl = Qt.KeyboardModifier.ControlModifier


def open_store(ctx: AppContext) -> Store:
    return Store.open(ctx.db_path)


@pytest.fixture
def lesson_id(demo_ctx: AppContext) -> str:
    store = open_store(demo_ctx)
    try:
        return add_lesson(store, {"title": "学习贯彻党的二十届三中全会精神", "speaker": "王书记", "minutes": 30,
                                  "published_date": "2024-01-01"})
    finally:
        store.close()


@pytest.fixture
def members(demo_ctx: AppContext) -> list[dict[str, Any]]:
    store = open_store(demo_ctx)
    try:
        return studying_members(store)
    finally:
        store.close()


def records(ctx: AppContext, lesson_id: str) -> list[dict[str, Any]]:
    store = open_store(ctx)
    try:
        return list_records(store, lesson_id=lesson_id)
    finally:
        store.close()


def ready(dialog: BulkEntryDialog, qtbot, count: int) -> BulkEntryDialog:  # type: ignore[no-untyped-def]
    if dialog.parent() is None:  # otherwise its parent owns it
        # Closing with members ticked asks first: untick so that closing at the end does not wait.
        qtbot.addWidget(dialog, before_close_func=lambda d: d.picker.clear_checked())
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.picker.model.rowCount() == count and dialog.lesson_id() is not None,
                    timeout=WAIT_MS)
    dialog.ctx.runner.wait()
    qtbot.waitUntil(lambda: not dialog.ctx.runner.running, timeout=WAIT_MS)
    return dialog


@pytest.fixture
def dialog(demo_ctx: AppContext, lesson_id: str, members: list[dict[str, Any]], qtbot) -> BulkEntryDialog:  # type: ignore[no-untyped-def]
    return ready(BulkEntryDialog(demo_ctx, lesson_id), qtbot, len(members))


def test_acceptance_forty_members_in_at_most_ten_actions(demo_ctx: AppContext, lesson_id: str,
                                                         members: list[dict[str, Any]], qtbot) -> None:  # type: ignore[no-untyped-def]
    groups = Counter(m["group_name"] for m in members)
    group_name, size = groups.most_common(1)[0]
    assert size >= 40, groups  # the demo branch's largest party group

    actions = 0

    def act() -> None:
        nonlocal actions
        actions += 1

    page = LessonsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    page.reload()
    catalogue = page.catalogue
    qtbot.waitUntil(lambda: catalogue.model.rowCount() == 1, timeout=WAIT_MS)
    table = catalogue.table
    catalogue.table.clearSelection()

    act()  # click the lesson in the catalogue
    rect = table.visualRect(catalogue.proxy.index_of(lesson_id))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert catalogue.selected_lesson()["id"] == lesson_id

    act()  # click 批量登记学习… (the button opens this dialog)
    assert catalogue.bulk_button.isEnabled()
    dialog = ready(catalogue.bulk_dialog(), qtbot, len(members))
    assert dialog.lesson.currentText() == "学习贯彻党的二十届三中全会精神"
    assert dialog.method.currentData() == "group" and dialog.minutes.value() == 30
    assert dialog.date.date().toPython() == date.today()

    picker = dialog.picker
    combo = picker.group_combo
    act()  # click the party-group filter: its list opens
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(combo.view().isVisible, timeout=WAIT_MS)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a popup ignores a release this soon after opening
    act()  # click the group in the list
    view = combo.view()
    item = view.visualRect(combo.model().index(combo.findText(group_name), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=item.center())
    qtbot.waitUntil(lambda: combo.currentText() == group_name, timeout=WAIT_MS)
    assert picker.proxy.rowCount() == size

    act()  # Ctrl+A ticks the whole list shown
    qtbot.keyClick(combo, Qt.Key.Key_A, Ctrl)
    assert len(picker.checked_ids()) == size
    assert picker.count_label.text() == f"已选 {size} 人"

    act()  # Ctrl+S saves
    qtbot.keyClick(combo, Qt.Key.Key_S, Ctrl)
    qtbot.waitUntil(lambda: len(records(demo_ctx, lesson_id)) == size, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "已登记" in dialog.status.text(), timeout=WAIT_MS)

    saved = records(demo_ctx, lesson_id)
    assert len(saved) == size >= 40
    assert {r["member_id"] for r in saved} == {m["id"] for m in members if m["group_name"] == group_name}
    assert all(r["method"] == "group" and r["minutes"] == 30 and r["study_date"] == date.today().isoformat()
               for r in saved)
    assert actions <= 10, actions
    print(f"\nrecorded {len(saved)} members in {actions} user actions")

    # Ready for the next sheet: nothing ticked, those just recorded gone from the not-yet-studied list.
    assert f"已登记 {size} 人" in dialog.status.text()
    assert picker.checked_ids() == [] and picker.count_label.text() == "已选 0 人"
    qtbot.waitUntil(lambda: picker.proxy.rowCount() == 0, timeout=WAIT_MS)
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: catalogue.model.studied.get(lesson_id) == size, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not demo_ctx.runner.running, timeout=WAIT_MS)


def test_a_member_already_recorded_that_day_is_warned_about_and_skipped(
    dialog: BulkEntryDialog, lesson_id: str, members: list[dict[str, Any]], qtbot  # type: ignore[no-untyped-def]
) -> None:
    ctx = dialog.ctx
    first, second, third = members[3], members[4], members[5]
    store = open_store(ctx)
    record_study(store, StudyEntry(lesson_id, date.today().isoformat(), "self_scan"), [first["id"]])
    store.close()
    dialog.picker.not_studied.setChecked(False)  # show everyone, the studied too
    dialog.picker.model.set_checked([first["id"], second["id"], third["id"]])

    shown: list[str] = []

    def answer_skip() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer_skip)
            return
        shown.append(box.text() + box.informativeText())
        skip = next(b for b in box.findChildren(QPushButton) if "跳过" in b.text())
        skip.click()

    QTimer.singleShot(0, answer_skip)
    dialog.save()
    qtbot.waitUntil(lambda: len(records(ctx, lesson_id)) == 3, timeout=WAIT_MS)
    assert first["name"] in shown[0] and "其余 2 人" in shown[0]
    saved = Counter(r["member_id"] for r in records(ctx, lesson_id))
    assert saved == {first["id"]: 1, second["id"]: 1, third["id"]: 1}
    qtbot.waitUntil(lambda: "已登记 2 人" in dialog.status.text(), timeout=WAIT_MS)


def test_cancelling_the_duplicate_warning_saves_nothing(
    dialog: BulkEntryDialog, lesson_id: str, members: list[dict[str, Any]], qtbot, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    ctx = dialog.ctx
    store = open_store(ctx)
    record_study(store, StudyEntry(lesson_id, date.today().isoformat(), "group"), [members[0]["id"]])
    store.close()
    asked: list[tuple[list[str], int]] = []
    monkeypatch.setattr(dialog, "ask_skip", lambda names, rest: asked.append((names, rest)) or False)
    dialog.picker.model.set_checked([members[0]["id"], members[1]["id"]])
    dialog.save()
    qtbot.waitUntil(lambda: bool(asked) and not dialog.saving, timeout=WAIT_MS)
    assert asked == [([members[0]["name"]], 1)]
    assert len(records(ctx, lesson_id)) == 1
    assert len(dialog.picker.checked_ids()) == 2  # the ticks stay for another try


def test_pinyin_initials_find_the_member_and_enter_ticks_the_only_match(
    dialog: BulkEntryDialog, members: list[dict[str, Any]], qtbot  # type: ignore[no-untyped-def]
) -> None:
    initials = Counter(m["name_initials"] for m in members)
    target = next(m for m in members if initials[m["name_initials"]] == 1
                  and not any(o["name_pinyin"].startswith(m["name_initials"]) for o in members if o is not m))
    picker = dialog.picker
    picker.focus_filter()
    qtbot.keyClicks(picker.filter, target["name_initials"])
    assert [m["id"] for m in picker.proxy.visible_members()] == [target["id"]]

    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.checked_ids() == [target["id"]]
    assert picker.filter.text() == ""  # ready for the next name
    assert picker.proxy.rowCount() == len(members)

    # Several matches: Enter moves into the list; Space ticks the current row, Down moves on.
    letters = Counter(m["name_initials"][0] for m in members if m["name_initials"][0] != target["name_initials"][0])
    surname = letters.most_common(1)[0][0]
    qtbot.keyClicks(picker.filter, surname)
    matches = picker.proxy.visible_members()
    assert len(matches) > 1
    assert all(m["name_initials"].startswith(surname) for m in matches)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.table.hasFocus()
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    qtbot.keyClick(picker.table, Qt.Key.Key_Down)
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)
    expected = {target["id"], matches[0]["id"], matches[1]["id"]}
    assert set(picker.checked_ids()) == expected
    qtbot.keyClick(picker.table, Qt.Key.Key_Space)  # Space again unticks
    assert set(picker.checked_ids()) == expected - {matches[1]["id"]}

    # The name itself, as typed through an input method.
    picker.filter.clear()
    picker.filter.insert(target["name"])
    assert target["id"] in {m["id"] for m in picker.proxy.visible_members()}


def test_select_whole_group_ticks_exactly_that_groups_studying_members(
    dialog: BulkEntryDialog, members: list[dict[str, Any]], qtbot  # type: ignore[no-untyped-def]
) -> None:
    picker = dialog.picker
    name = members[-1]["group_name"]
    picker.group_combo.setCurrentIndex(picker.group_combo.findText(name))
    picker.filter.setText("z")  # the text filter does not narrow a whole group
    qtbot.mouseClick(picker.check_group_button, Qt.MouseButton.LeftButton)
    group = {m["id"] for m in members if m["group_name"] == name}
    assert set(picker.checked_ids()) == group
    assert picker.count_label.text() == f"已选 {len(group)} 人"
    qtbot.mouseClick(picker.clear_button, Qt.MouseButton.LeftButton)
    assert picker.checked_ids() == []

    # With every group shown, the current row's group is the one ticked.
    picker.filter.clear()
    picker.group_combo.setCurrentIndex(0)
    row = next(r for r in range(picker.proxy.rowCount()) if picker.proxy.member_at(r)["group_name"] != name)
    other = picker.proxy.member_at(row)["group_name"]
    picker.table.setCurrentIndex(picker.proxy.index(row, 1))
    picker.check_group()
    assert set(picker.checked_ids()) == {m["id"] for m in members if m["group_name"] == other}


def test_a_click_on_a_row_ticks_it(dialog: BulkEntryDialog, members: list[dict[str, Any]], qtbot) -> None:  # type: ignore[no-untyped-def]
    table = dialog.picker.table
    rect = table.visualRect(dialog.picker.proxy.index(2, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.picker.checked_ids() == [members[2]["id"]]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(0, 1))
    assert dialog.picker.checked_ids() == []


def test_home_visits_need_a_helper(dialog: BulkEntryDialog, lesson_id: str, members: list[dict[str, Any]],
                                   qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not dialog.helper.isEnabled()
    dialog.method.setCurrentIndex(dialog.method.findData("home"))
    assert dialog.helper.isEnabled()
    dialog.picker.model.set_checked([members[0]["id"], members[1]["id"]])
    qtbot.keyClick(dialog.picker.filter, Qt.Key.Key_S, Ctrl)
    qtbot.waitUntil(lambda: "帮学人" in dialog.status.text(), timeout=WAIT_MS)
    assert dialog.status.text().startswith("✖")
    assert records(dialog.ctx, lesson_id) == []
    assert len(dialog.picker.checked_ids()) == 2

    # The helper is found by pinyin initials in the helper box, and then the entry saves.
    helper = members[10]
    dialog.helper.setFocus()
    dialog.helper.lineEdit().setText(helper["name"])
    dialog.save()
    qtbot.waitUntil(lambda: len(records(dialog.ctx, lesson_id)) == 2, timeout=WAIT_MS)
    saved = records(dialog.ctx, lesson_id)
    assert {r["helper_id"] for r in saved} == {helper["id"]} and {r["method"] for r in saved} == {"home"}


def test_method_and_entered_by_are_remembered(dialog: BulkEntryDialog, lesson_id: str,
                                              members: list[dict[str, Any]], qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog.method.setCurrentIndex(dialog.method.findData("self_scan"))
    dialog.entered_by.setText("李会计")
    dialog.picker.model.set_checked([members[7]["id"]])
    dialog.save()
    qtbot.waitUntil(lambda: len(records(dialog.ctx, lesson_id)) == 1, timeout=WAIT_MS)
    assert records(dialog.ctx, lesson_id)[0]["entered_by"] == "李会计"
    assert dialog.ctx.pref(METHOD_PREF) == "self_scan" and dialog.ctx.pref(ENTERED_BY_PREF) == "李会计"
    again = ready(BulkEntryDialog(dialog.ctx, lesson_id), qtbot, len(members))
    assert again.method.currentData() == "self_scan" and again.entered_by.text() == "李会计"


def test_the_date_cannot_be_in_the_future(dialog: BulkEntryDialog) -> None:
    assert dialog.date.maximumDate().toPython() == date.today()
    dialog.date.setDate(dialog.date.date().addDays(3))
    assert dialog.date.date().toPython() == date.today()


def test_enter_moves_through_the_form_to_the_list_and_the_helper_is_found_by_initials(
    dialog: BulkEntryDialog, members: list[dict[str, Any]], qtbot  # type: ignore[no-untyped-def]
) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    dialog.lesson.setFocus()
    seen = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        seen.append(QApplication.focusWidget())
    # The helper box is skipped while the method needs no helper.
    assert seen == [dialog.date, dialog.method, dialog.minutes, dialog.entered_by, dialog.note, dialog.picker.filter]

    dialog.method.setCurrentIndex(dialog.method.findData("pair"))
    helper = next(m for m in members if sum(o["name_initials"].startswith(m["name_initials"]) or
                                            o["name_pinyin"].startswith(m["name_initials"]) for o in members) == 1)
    dialog.helper.setFocus()
    qtbot.keyClicks(QApplication.focusWidget(), helper["name_initials"])
    popup = dialog.helper.completer().popup()
    assert popup.isVisible() and dialog.helper.completer().completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.helper.value() == helper["id"]
    assert dialog.helper.currentText().startswith(helper["name"])
