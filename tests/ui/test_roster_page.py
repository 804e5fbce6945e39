"""The roster page and its dialogs against the demo branch, driven the way a person would."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from core.roster.groups import list_groups
from core.roster.members import get_member
from core.roster.search import filter_members
from core.store import Store
from tests.support import make_id
from ui.context import AppContext
from ui.roster import page as page_module
from ui.roster.groups_dialog import GroupsDialog
from ui.roster.member_dialog import WARNING_COLOR
from ui.roster.model import NAME, STATUS
from ui.roster.page import RosterPage
from ui.roster.printing import render_roster_pdf, roster_title

WAIT_MS = 10_000


@pytest.fixture
def page(demo_ctx: AppContext, qtbot) -> RosterPage:  # type: ignore[no-untyped-def]
    roster = RosterPage(demo_ctx)
    qtbot.addWidget(roster)
    roster.resize(1280, 760)
    roster.show()
    roster.reload()
    qtbot.waitUntil(lambda: roster.model.rowCount() == 120, timeout=WAIT_MS)
    return roster


def shown_names(page: RosterPage) -> list[str]:
    return [page.proxy.index(row, NAME).data() for row in range(page.proxy.rowCount())]


def select(page: RosterPage, member_id: str) -> dict[str, Any]:
    index = page.proxy.index_of(member_id)
    assert index.isValid()
    page.table.selectRow(index.row())
    return page.selected_members()[0]


def stored(ctx: AppContext, member_id: str) -> dict[str, Any] | None:
    store = Store.open(ctx.db_path)
    try:
        return get_member(store, member_id)
    finally:
        store.close()


def test_page_shows_the_roster_and_its_count(page: RosterPage) -> None:
    assert page.key == "roster" and RosterPage.title() == "花名册"
    assert page.count_label.text() == "共 120 人，显示 120 人"
    assert page.model.headerData(NAME, Qt.Orientation.Horizontal) == "姓名"
    assert page.group_filter.count() > 2  # all groups, each group, no group


def test_typing_in_the_search_box_filters_the_table(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = page.model.member_at(37)
    qtbot.keyClicks(page.search, target["name_initials"])
    names = shown_names(page)
    assert target["name"] in names
    assert 0 < len(names) < 120
    assert all(page.proxy.member_at(r)["name_initials"].startswith(target["name_initials"]) or
               page.proxy.member_at(r)["name_pinyin"].startswith(target["name_initials"])
               for r in range(page.proxy.rowCount()))
    assert page.count_label.text() == f"共 120 人，显示 {len(names)} 人"

    page.search.clear()
    page.search.insert(target["name"])  # typed through an input method
    assert shown_names(page)[0] == target["name"]
    page.search.clear()
    assert page.proxy.rowCount() == 120


def test_filters_narrow_the_table(page: RosterPage) -> None:
    page.category_filter.setCurrentIndex(page.category_filter.findData("probationary"))
    probationary = {m["id"] for m in page.model.members if m["category"] == "probationary"}
    assert {m["id"] for m in page.proxy.visible_members()} == probationary
    page.category_filter.setCurrentIndex(0)
    page.age_filter.setCurrentIndex(page.age_filter.findData("80plus"))
    assert all(page.model.age_of(m) >= 80 for m in page.proxy.visible_members())


def test_edit_dialog_refuses_a_bad_id_number_and_saves_a_good_one(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    member = select(page, page.model.member_at(5)["id"])
    dialog = page.member_dialog(member)
    qtbot.addWidget(dialog)
    good = make_id(member["birth_date"], male=member["gender"] == "M", seq=97)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    dialog.editors["id_number"].setText(bad)
    dialog.save()
    assert "校验" in dialog.message_of("id_number")
    assert dialog.messages["id_number"].isVisibleTo(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.saving
    assert stored(page.ctx, member["id"])["id_number"] == member["id_number"]

    dialog.editors["id_number"].setText(good)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert dialog.message_of("id_number") == ""
    assert stored(page.ctx, member["id"])["id_number"] == good


def test_old_15_digit_id_number_is_a_warning_that_does_not_block(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = page.member_dialog()
    qtbot.addWidget(dialog)
    dialog.editors["name"].setText("钱老汉")
    dialog.editors["id_number"].setText("410523450302121")  # born 1945-03-02, male
    dialog.editors["id_number"].editingFinished.emit()
    assert "15 位" in dialog.message_of("id_number")
    assert WARNING_COLOR in dialog.messages["id_number"].styleSheet()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    saved = stored(page.ctx, dialog.member_id or "")
    assert saved is not None and len(saved["id_number"]) == 18 and saved["birth_date"] == "1945-03-02"
    qtbot.waitUntil(lambda: page.proxy.index_of(saved["id"]).isValid(), timeout=WAIT_MS)
    assert [m["id"] for m in page.selected_members()] == [saved["id"]]  # the new member is selected


def test_add_dialog_shows_a_duplicate_from_the_database_under_its_field(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    other = page.model.member_at(3)
    dialog = page.member_dialog()
    qtbot.addWidget(dialog)
    dialog.editors["name"].setText("测试人")
    dialog.editors["id_number"].setText(other["id_number"])
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert other["name"] in dialog.message_of("id_number")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_delete_and_undo_restore_the_member(page: RosterPage, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(page_module.messages, "confirm", lambda _p, _t, text, _ok: asked.append(text) or True)
    member = select(page, page.model.member_at(10)["id"])
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 119, timeout=WAIT_MS)
    assert member["name"] in asked[0]
    assert page.notice.isVisible() and member["name"] in page.notice_label.text()
    assert stored(page.ctx, member["id"])["deleted"] == 1

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 120, timeout=WAIT_MS)
    assert stored(page.ctx, member["id"])["deleted"] == 0
    assert [m["id"] for m in page.selected_members()] == [member["id"]]
    assert not page.notice.isVisible()


def test_status_action_mobile_changes_the_status(page: RosterPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    active = next(m for m in page.model.members if m["status"] == "active")
    select(page, active["id"])
    dialog = page.status_dialog("mobile")
    qtbot.addWidget(dialog)
    assert dialog.action.currentText() == "流动"
    dialog.note.setText("外出务工")
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert stored(page.ctx, active["id"])["status"] == "mobile"
    qtbot.waitUntil(lambda: page.proxy.index_of(active["id"], STATUS).data() == "流动", timeout=WAIT_MS)

    again = page.status_dialog("mobile")  # already 流动: refused, shown in the dialog
    qtbot.addWidget(again)
    again.apply()
    qtbot.waitUntil(lambda: again.error.text() != "", timeout=WAIT_MS)
    assert "已经是「流动」" in again.error.text()
    assert again.result() != QDialog.DialogCode.Accepted


def test_groups_dialog_adds_a_group(demo_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = GroupsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=WAIT_MS)
    assert "人" in dialog.list.item(0).text()
    dialog.name.setText("第九党小组")
    dialog.add_group()
    qtbot.waitUntil(lambda: "第九党小组" in dialog.names(), timeout=WAIT_MS)
    assert dialog.current_group()["name"] == "第九党小组"
    store = Store.open(demo_ctx.db_path)
    try:
        assert "第九党小组" in [g["name"] for g in list_groups(store)]
    finally:
        store.close()

    # A group with members cannot be deleted: core's message is shown in the dialog.
    full = next(row for row in range(dialog.list.count()) if dialog.groups[row]["member_count"])
    dialog.list.setCurrentRow(full)
    dialog.delete_group()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT_MS)
    assert "还有" in dialog.error.text()


def test_export_writes_the_shown_members_with_masked_ids(page: RosterPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.category_filter.setCurrentIndex(page.category_filter.findData("probationary"))
    shown = page.proxy.visible_members()
    out = tmp_path / "roster.xlsx"
    page.export_to(out, show_id_numbers=False)
    qtbot.waitUntil(lambda: page.notice.isVisible(), timeout=WAIT_MS)
    sheet = openpyxl.load_workbook(out).active
    numbers = [row for row in sheet.iter_rows(values_only=True) if any(c and "*" in str(c) for c in row)]
    assert len(numbers) == len(shown) > 0


def test_printed_roster_has_headers_and_page_numbers_on_every_page(demo_ctx: AppContext, tmp_path: Path) -> None:
    store = Store.open(demo_ctx.db_path)
    members = filter_members(store)[:80]
    store.close()
    out = tmp_path / "roster.pdf"
    pages = render_roster_pdf(members, roster_title("河东村党支部"), out)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert count == pages >= 2
    for number in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(out), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "姓名" in text and "公民身份号码" in text
        assert f"第{number}页/共{count}页" in text.replace(" ", "")  # pdftotext drops spaces between CJK
    first = subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True, text=True).stdout
    assert "河东村党支部党员花名册" in first
    assert members[0]["name"] in first
    assert members[0]["id_number"] not in first  # masked
