"""Study sessions (集中学习) against the demo branch: attendance entered by keyboard the way it is
copied from a paper sign-in sheet, checked in the database through core."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit

from core.lessons.catalogue import add_lesson
from core.lessons.sessions import Attendance, StudySession, get_session, list_sessions, save_session
from core.lessons.study import list_records, studying_members
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.lessons import sessions_tab as tab_module
from ui.lessons.attendance_model import NAME, REASON
from ui.lessons.session_dialog import SessionDialog
from ui.lessons.sessions_tab import SessionsTab

WAIT_MS = 10_000
Key = Qt.Key


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Message boxes are recorded instead of shown; confirmations say yes."""
    seen: dict[str, list[str]] = {"errors": [], "questions": []}
    monkeypatch.setattr(messages, "show_error", lambda _parent, error, _trace="": seen["errors"].append(str(error)))
    monkeypatch.setattr(messages, "confirm",
                        lambda _parent, _title, text, _ok: seen["questions"].append(text) or True)
    return seen


@pytest.fixture
def lessons(demo_ctx: AppContext) -> list[str]:
    with opened(demo_ctx) as store:
        return [add_lesson(store, {"title": "学习党的二十届四中全会精神", "minutes": 30}),
                add_lesson(store, {"title": "农村人居环境整治", "minutes": 20})]


@pytest.fixture
def members(demo_ctx: AppContext) -> list[dict[str, Any]]:
    with opened(demo_ctx) as store:
        return studying_members(store)


class opened:  # noqa: N801  (used as ``with opened(ctx) as store``)
    def __init__(self, ctx: AppContext) -> None:
        self.store = Store.open(ctx.db_path)

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *_exc: object) -> None:
        self.store.close()


def open_dialog(ctx: AppContext, qtbot: Any, session_id: str | None = None) -> SessionDialog:
    dialog = SessionDialog(ctx, session_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    return dialog


def records_of(ctx: AppContext, session_id: str, include_voided: bool = False) -> list[dict[str, Any]]:
    with opened(ctx) as store:
        return [r for r in list_records(store, include_voided=include_voided) if r["session_id"] == session_id]


def saved_session(ctx: AppContext, lesson_ids: list[str], present: list[str]) -> str:
    """A session saved through core: ``present`` present, everyone else expected absent."""
    with opened(ctx) as store:
        marks = {m["id"]: Attendance("present" if m["id"] in present else "absent") for m in studying_members(store)}
        session = StudySession(date.today().isoformat(), lesson_ids, title="十一月集中学习", attendance=marks)
        return save_session(store, session)


def shown_row(dialog: SessionDialog, member_id: str) -> int:
    return dialog.proxy.row_of(member_id)


def test_a_session_entered_by_keyboard_is_saved_with_its_study_records(  # type: ignore[no-untyped-def]
    demo_ctx: AppContext, lessons: list[str], members: list[dict[str, Any]], qtbot
) -> None:
    dialog = open_dialog(demo_ctx, qtbot)
    assert [m["id"] for m in dialog.model.members] == [m["id"] for m in members]
    assert dialog.model.counts() == {"present": 0, "leave": 0, "absent": len(members)}  # new: all absent
    dialog.title_edit.setText("十一月集中学习")

    # Tick the first lesson with Space, the second with a click on its title.
    items = {dialog.lesson_list.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(dialog.lesson_list.count())}
    dialog.lesson_list.setFocus()
    dialog.lesson_list.setCurrentRow(items[lessons[0]])
    qtbot.keyClick(dialog.lesson_list, Key.Key_Space)
    second = dialog.lesson_list.visualItemRect(dialog.lesson_list.item(items[lessons[1]]))
    qtbot.mouseClick(dialog.lesson_list.viewport(), Qt.MouseButton.LeftButton, pos=second.center())
    assert sorted(dialog.lesson_ids()) == sorted(lessons)

    # The paper sheet, row by row: present, present, absent, present (Space), on leave with a reason.
    table = dialog.table
    table.setFocus()
    table.move_to(0)
    for key in (Key.Key_1, Key.Key_1, Key.Key_3, Key.Key_Space):
        qtbot.keyClick(table, key)
    assert table.currentIndex().row() == 4
    qtbot.keyClick(table, Key.Key_2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and table.currentIndex().column() == REASON
    editor.insert("外出务工")  # typed through an input method
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.waitUntil(lambda: table.currentIndex().row() == 5, timeout=WAIT_MS)
    assert dialog.model.reason_of(4) == "外出务工"

    # Jump to a member further down by typing the initials, then mark with 1.
    target = members[40]
    qtbot.keyClick(table, target["name_initials"][0])
    assert dialog.search.hasFocus() and dialog.search.text() == target["name_initials"][0]
    qtbot.keyClicks(dialog.search, target["name_initials"][1:])
    qtbot.keyClick(dialog.search, Key.Key_Return)
    assert table.hasFocus()
    for _ in range(shown_row(dialog, target["id"])):
        qtbot.keyClick(table, Key.Key_Down)
    assert table.currentIndex().siblingAtColumn(NAME).data() == target["name"]
    qtbot.keyClick(table, Key.Key_1)
    assert dialog.search.hasFocus()  # ready for the next name
    present = [members[0]["id"], members[1]["id"], members[3]["id"], target["id"]]
    assert dialog.counts_label.text() == f"出席 4 · 请假 1 · 缺席 {len(members) - 5}"

    qtbot.keyClick(dialog, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)

    with opened(demo_ctx) as store:
        (row,) = list_sessions(store)
        session = get_session(store, row["id"])
    assert session is not None and session.title == "十一月集中学习" and session.kind == "group_study"
    assert sorted(session.lesson_ids) == sorted(lessons) and session.session_date == date.today().isoformat()
    assert {m for m, a in session.attendance.items() if a.status == "present"} == set(present)
    assert session.attendance[members[4]["id"]] == Attendance("leave", "外出务工")
    assert session.attendance[members[2]["id"]].status == "absent"
    assert len(session.attendance) == len(members)
    records = records_of(demo_ctx, row["id"])
    assert {(r["member_id"], r["lesson_id"]) for r in records} == {(m, lesson) for m in present for lesson in lessons}
    assert len(records) == 8 and all(r["method"] == "group" for r in records)


def test_leave_without_a_reason_is_refused_and_nothing_is_lost(  # type: ignore[no-untyped-def]
    demo_ctx: AppContext, lessons: list[str], members: list[dict[str, Any]], qtbot, shown
) -> None:
    dialog = open_dialog(demo_ctx, qtbot)
    dialog.lesson_list.item(0).setCheckState(Qt.CheckState.Checked)
    table = dialog.table
    table.setFocus()
    table.move_to(0)
    qtbot.keyClick(table, Key.Key_1)
    qtbot.keyClick(table, Key.Key_2)
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)  # no reason typed
    dialog.save()
    qtbot.waitUntil(lambda: bool(shown["errors"]), timeout=WAIT_MS)

    assert f"「{members[1]['name']}」请假，请填写请假原因" in shown["errors"][0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted and not dialog.saving
    with opened(demo_ctx) as store:
        assert list_sessions(store) == []
        assert list_records(store) == []
    assert dialog.model.status_of(0) == "present" and dialog.model.status_of(1) == "leave"
    assert dialog.lesson_ids() and dialog.save_button.isEnabled()
    # The reason of that member is open for typing.
    assert table.currentIndex().row() == 1 and table.currentIndex().column() == REASON
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.insert("住院")
    qtbot.keyClick(dialog, Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    with opened(demo_ctx) as store:
        (row,) = list_sessions(store)
        assert (row["present_count"], row["leave_count"]) == (1, 1)


def test_editing_a_session_to_mark_a_member_absent_voids_their_records(  # type: ignore[no-untyped-def]
    demo_ctx: AppContext, lessons: list[str], members: list[dict[str, Any]], qtbot
) -> None:
    present = [m["id"] for m in members[:5]]
    session_id = saved_session(demo_ctx, lessons, present)
    assert len(records_of(demo_ctx, session_id)) == 10

    dialog = open_dialog(demo_ctx, qtbot, session_id)
    assert dialog.title_edit.text() == "十一月集中学习"
    assert sorted(dialog.lesson_ids()) == sorted(lessons)
    assert dialog.model.counts() == {"present": 5, "leave": 0, "absent": len(members) - 5}
    dialog.table.setFocus()
    dialog.table.move_to(shown_row(dialog, present[2]))
    qtbot.keyClick(dialog.table, Key.Key_3)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)

    valid = records_of(demo_ctx, session_id)
    assert {r["member_id"] for r in valid} == set(present) - {present[2]} and len(valid) == 8
    voided = [r for r in records_of(demo_ctx, session_id, include_voided=True) if r["deleted"]]
    assert {r["member_id"] for r in voided} == {present[2]} and len(voided) == 2
    assert all(r["void_reason"] for r in voided)


def test_all_present_and_whole_group_present(  # type: ignore[no-untyped-def]
    demo_ctx: AppContext, lessons: list[str], members: list[dict[str, Any]], qtbot
) -> None:
    dialog = open_dialog(demo_ctx, qtbot)
    member = members[30]
    group = [m["id"] for m in members if m["group_name"] == member["group_name"]]
    assert 1 < len(group) < len(members)
    dialog.table.move_to(shown_row(dialog, member["id"]))
    qtbot.mouseClick(dialog.group_button, Qt.MouseButton.LeftButton)
    assert {m for m, a in dialog.model.attendance().items() if a.status == "present"} == set(group)

    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.model.counts() == {"present": len(members), "leave": 0, "absent": 0}
    assert dialog.counts_label.text() == f"出席 {len(members)} · 请假 0 · 缺席 0"


@pytest.fixture
def tab(demo_ctx: AppContext, qtbot) -> Iterator[SessionsTab]:  # type: ignore[no-untyped-def]
    sessions = SessionsTab(demo_ctx)
    qtbot.addWidget(sessions)
    sessions.resize(1100, 600)
    sessions.show()
    qtbot.waitUntil(lambda: sessions.loaded, timeout=WAIT_MS)
    yield sessions


def test_tab_lists_sessions_and_deleting_one_voids_its_records(  # type: ignore[no-untyped-def]
    tab: SessionsTab, lessons: list[str], members: list[dict[str, Any]], qtbot, shown
) -> None:
    assert tab.model.rowCount() == 0 and tab.empty_label.isVisible()
    session_id = saved_session(tab.ctx, lessons, [m["id"] for m in members[:3]])
    tab.ctx.study_changed.emit()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT_MS)
    texts = [tab.model.index(0, column).data() for column in range(tab.model.columnCount())]
    assert texts[:3] == [date.today().isoformat(), "集中学习", "十一月集中学习"]
    assert "农村人居环境整治" in texts[3] and "四中全会" in texts[3]
    assert texts[4:] == ["3", "0", str(len(members) - 3)]
    assert not tab.empty_label.isVisible()

    tab.activateWindow()
    tab.table.setFocus()
    tab.table.selectRow(0)
    qtbot.keyClick(tab.table, Key.Key_Delete)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=WAIT_MS)
    assert "作废" in shown["questions"][0] and "3" in shown["questions"][0]
    assert records_of(tab.ctx, session_id) == []
    assert len(records_of(tab.ctx, session_id, include_voided=True)) == 6
    with opened(tab.ctx) as store:
        assert get_session(store, session_id) is None


def test_saving_from_the_tab_dialog_selects_the_new_session(  # type: ignore[no-untyped-def]
    tab: SessionsTab, lessons: list[str], qtbot
) -> None:
    dialog = tab.session_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    dialog.lesson_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.all_button.click()
    dialog.save()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.selected_session() is not None, timeout=WAIT_MS)
    assert tab.edit_button.isEnabled() and tab.delete_button.isEnabled()
    assert tab.model.index(0, tab_module.PRESENT).data() == str(dialog.model.rowCount())


def test_print_sign_in_sheet_of_the_selected_session(  # type: ignore[no-untyped-def]
    tab: SessionsTab, lessons: list[str], members: list[dict[str, Any]], qtbot, monkeypatch, tmp_path: Path
) -> None:
    pytest.importorskip("core.lessons.signin_sheet")
    saved_session(tab.ctx, lessons, [m["id"] for m in members[:3]])
    tab.reload()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT_MS)
    tab.table.selectRow(0)
    asked: list[str] = []

    def choose(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "签到表"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    tab.print_button.click()
    qtbot.waitUntil(lambda: tab.notice.isVisible(), timeout=WAIT_MS)
    assert Path(asked[0]).name == f"签到表-{date.today().isoformat()}.pdf"
    out = tmp_path / "签到表.pdf"
    assert out.read_bytes().startswith(b"%PDF")
    assert "签到表已保存" in tab.notice.text()
