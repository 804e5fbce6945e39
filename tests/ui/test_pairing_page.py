"""The pairing page (结对帮扶) against the hand-made pairing branch in a real database file: suggestions
accepted and rejected, a visit with a lesson watched together and a skill done alone, refusals in
Chinese, ended pairings kept, the lists and their rules."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from core.lessons.study import list_records
from core.pairing.pairings import PairingRequest, add_pairing, list_pairings
from core.pairing.rules import load_rules
from core.pairing.skills import elder_skills
from core.pairing.suggestions import rejected_pairs
from core.pairing.visits import VisitEntry, list_visits, record_visit
from tests.pairing_branch import make_pairing_branch
from tests.ui.helpers import WAIT_MS, idle, stored
from ui import messages
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pairing import lists_tab, suggestions_tab
from ui.pairing.common import ALERT_COLOR, MUTED_COLOR
from ui.pairing.page import PairingPage
from ui.pairing.pairing_dialog import EndPairingDialog
from ui.pairing.progress_tab import LAST_VISIT, SKILLS, WATCH
from ui.pairing.visits_dialog import VisitsDialog

Ctrl = Qt.KeyboardModifier.ControlModifier


def days_ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


@pytest.fixture
def ids(ctx: AppContext) -> dict[str, str]:
    return stored(ctx, make_pairing_branch)


@pytest.fixture
def page(ctx: AppContext, ids: dict[str, str], qtbot) -> PairingPage:  # type: ignore[no-untyped-def]
    pairing_page = PairingPage(ctx)
    qtbot.addWidget(pairing_page)
    pairing_page.resize(1280, 800)
    pairing_page.show()
    pairing_page.reload()
    qtbot.waitUntil(lambda: pairing_page.pairings.loaded and pairing_page.lists.data is not None
                    and pairing_page.progress.progress is not None, timeout=WAIT_MS)
    idle(ctx, qtbot)
    return pairing_page


def pair(ctx: AppContext, helper: str, elder: str, start: str | None = None) -> str:
    request = PairingRequest(helper, elder, start or date.today().isoformat())
    return stored(ctx, add_pairing, request)


def progress_cells(page: PairingPage, elder_id: str) -> tuple[str, str, str]:
    model = page.progress.elder_model
    row = page.progress.elder_row(elder_id)
    return tuple(model.index(row, column).data() for column in (SKILLS, WATCH, LAST_VISIT))  # type: ignore[return-value]


def generate(page: PairingPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = page.suggestions
    before = tab.loader.generation
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.result is not None and tab.loader.generation > before and not page.ctx.runner.running,
                    timeout=WAIT_MS)


def names(page: PairingPage) -> list[tuple[str, str]]:
    return [(s.helper.name, s.elder.name) for s in page.suggestions.model.rows]


def test_the_page_is_in_the_main_window(ctx: AppContext, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.page_keys.index("pairing") == window.page_keys.index("lessons") + 1
    assert window.nav.item(window.page_keys.index("pairing")).text() == "结对帮扶"
    page = window.show_page("pairing")
    assert isinstance(page, PairingPage) and PairingPage.title() == "结对帮扶"
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["结对", "推荐", "进度", "名单与条件"]
    idle(ctx, qtbot)


def test_acceptance_suggest_accept_then_a_visit_with_a_lesson(
    page: PairingPage, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    ctx = page.ctx
    generate(page, qtbot)
    assert sorted(names(page)) == [("青一", "老乙"), ("青一", "老甲"), ("青二", "老丁"), ("青二", "老丙")]
    assert page.suggestions.summary.text().startswith("可结对 4 人")
    reasons = {s.elder.name: page.suggestions.model.index(r, 4).data()
               for r, s in enumerate(page.suggestions.model.rows)}
    assert reasons["老甲"] == "同组 · 同村 · 负担 2/3" and reasons["老丁"] == "同组 · 跨村 · 负担 2/3"

    asked: list[int] = []
    monkeypatch.setattr(suggestions_tab, "ask_start_date",
                        lambda _parent, count: asked.append(count) or date.today().isoformat())
    qtbot.mouseClick(page.suggestions.accept_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.pairings.model.rows) == 4, timeout=WAIT_MS)
    assert asked == [4]
    saved = {(p["helper_name"], p["elder_name"]) for p in stored(ctx, list_pairings)}
    assert saved == {("青一", "老甲"), ("青一", "老乙"), ("青二", "老丙"), ("青二", "老丁")}
    qtbot.waitUntil(lambda: page.suggestions.summary.text() == "所有需帮扶的老人都已结对。", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.progress.progress is not None and page.progress.progress.paired == 4,
                    timeout=WAIT_MS)
    assert progress_cells(page, ids["e1"]) == ("0/8", "否", "")

    # A visit to 老甲, from the selected pairing, entered from the keyboard.
    page.tabs.setCurrentWidget(page.pairings)
    page.pairings.select(next(p["id"] for p in page.pairings.model.rows if p["elder_id"] == ids["e1"]))
    dialog = page.pairings.visit_dialog()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: len(dialog.skill_rows) == 8 and bool(dialog.lessons), timeout=WAIT_MS)
    idle(ctx, qtbot)
    assert dialog.elder_id() == ids["e1"] and "青一" in dialog.helper_label.text()
    dialog.minutes.setValue(40)
    dialog.lesson.setFocus()
    dialog.lesson.lineEdit().insert("课一")  # typed through an input method
    qtbot.keyClick(dialog.lesson.lineEdit(), Qt.Key.Key_Return)
    assert dialog.lesson.value() == ids["L1"]
    watch = dialog.row_of("观看微党课视频")
    watch.level.setCurrentIndex(watch.level.findData("independent"))
    assert watch.practised.isChecked()
    dialog.row_of("扫一扫").practised.setChecked(True)
    dialog.entered_by.setText("张会计")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Ctrl)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)

    today = date.today().isoformat()
    qtbot.waitUntil(lambda: progress_cells(page, ids["e1"]) == ("1/8", "是", today), timeout=WAIT_MS)
    assert page.progress.tile_watch.number.text() == "1"
    records = stored(ctx, list_records, member_id=ids["e1"])
    assert [(r["lesson_id"], r["method"], r["helper_id"], r["study_date"], r["minutes"]) for r in records] == [
        (ids["L1"], "pair", ids["h1"], today, 40)]
    levels = {s["name"]: (s["level"], s["confirmed_by"]) for s in stored(ctx, elder_skills, ids["e1"])}
    assert levels["观看微党课视频"] == ("independent", "青一") and levels["扫一扫"][0] == "not_learned"
    qtbot.waitUntil(lambda: any(p["elder_id"] == ids["e1"] and p["last_visit"] == today
                                for p in page.pairings.model.rows), timeout=WAIT_MS)
    assert ctx.pref("pairing/entered_by") == "张会计"


def test_a_rejected_suggestion_is_not_suggested_again(page: PairingPage, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    generate(page, qtbot)
    tab = page.suggestions
    row = names(page).index(("青二", "老丁"))
    tab.table.selectRow(row)
    before = tab.loader.generation
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.loader.generation > before and not page.ctx.runner.running, timeout=WAIT_MS)
    assert ("青二", "老丁") not in names(page)
    assert ("青一", "老丁") in names(page)  # the next best helper: same village, another 党小组
    assert (ids["h2"], ids["e4"]) in stored(page.ctx, rejected_pairs)
    assert "不会再推荐" in tab.notice.text()
    generate(page, qtbot)
    assert ("青二", "老丁") not in names(page)


def test_new_pairing_refuses_a_duplicate_and_asks_about_warnings(
    page: PairingPage, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    pair(page.ctx, ids["h1"], ids["e1"])
    dialog = page.pairings.new_pairing_dialog()
    dialog.show()
    qtbot.waitUntil(lambda: dialog.helper.count() > 0 and dialog.elder.count() > 0, timeout=WAIT_MS)
    idle(page.ctx, qtbot)
    dialog.helper.set_value(ids["h1"])
    dialog.elder.set_value(ids["e1"])
    assert "已由青一帮扶" in dialog.elder.currentText()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不能重复结对" in dialog.status.text(), timeout=WAIT_MS)
    assert dialog.status.text() == "✖ 青一和老甲已经结对，不能重复结对"
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(stored(page.ctx, list_pairings)) == 1

    questions: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, _ok: questions.append(text) or True)
    dialog.helper.set_value(ids["h2"])
    dialog.elder.set_value(ids["e2"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert "青二和老乙不在同一个党小组" in questions[0] and "不在同一个村" in questions[0]
    assert {(p["helper_name"], p["elder_name"]) for p in stored(page.ctx, list_pairings)} == {
        ("青一", "老甲"), ("青二", "老乙")}
    qtbot.waitUntil(lambda: len(page.pairings.model.rows) == 2, timeout=WAIT_MS)


def test_ending_a_pairing_keeps_it_in_the_list_of_ended_ones(
    ctx: AppContext, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    pairing_id = pair(ctx, ids["h1"], ids["e1"], days_ago(10))
    page = PairingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: len(page.pairings.model.rows) == 1, timeout=WAIT_MS)
    idle(ctx, qtbot)

    probe = EndPairingDialog(page.pairings.model.rows[0], page)
    assert not probe.ok_button.isEnabled()  # the reason is required
    probe.reason.setEditText("老人已能独立使用微信")
    assert probe.ok_button.isEnabled()
    probe.deleteLater()

    def answer(dialog: EndPairingDialog) -> QDialog.DialogCode:
        dialog.reason.setEditText("老人已能独立使用微信")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EndPairingDialog, "exec", answer)
    page.pairings.select(pairing_id)
    page.pairings.end_selected()
    qtbot.waitUntil(lambda: not page.pairings.model.rows and not ctx.runner.running, timeout=WAIT_MS)
    assert stored(ctx, list_pairings) == []
    page.pairings.show_ended.setChecked(True)
    qtbot.waitUntil(lambda: len(page.pairings.model.rows) == 1, timeout=WAIT_MS)
    row = page.pairings.model.rows[0]
    assert (row["id"], row["active"], row["end_date"], row["end_reason"]) == (
        pairing_id, 0, date.today().isoformat(), "老人已能独立使用微信")
    model = page.pairings.model
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == MUTED_COLOR
    assert not page.pairings.table.isColumnHidden(9)
    assert model.index(0, 9).data() == "老人已能独立使用微信"


def test_an_elder_not_visited_for_thirty_days_stands_out(ctx: AppContext, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    pair(ctx, ids["h1"], ids["e1"], days_ago(40))
    pair(ctx, ids["h2"], ids["e3"], days_ago(5))
    page = PairingPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: len(page.pairings.model.rows) == 2 and page.progress.progress is not None,
                    timeout=WAIT_MS)
    idle(ctx, qtbot)
    colours = {r["elder_name"]: page.pairings.model.index(p, 1).data(Qt.ItemDataRole.ForegroundRole)
               for p, r in enumerate(page.pairings.model.rows)}
    assert colours == {"老甲": ALERT_COLOR, "老丙": None}
    assert "1 名老人超过 30 天未走访" in page.pairings.stale_label.text()
    assert page.progress.tile_stale.number.text() == "1"
    stale_row = page.progress.elder_row(ids["e1"])
    assert page.progress.elder_model.index(stale_row, 0).data(Qt.ItemDataRole.ForegroundRole) == ALERT_COLOR


def test_a_level_changed_by_hand_on_the_progress_tab(page: PairingPage, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    pair(page.ctx, ids["h1"], ids["e2"])
    page.reload()
    tab = page.progress
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.progress is not None and tab.progress.paired == 1, timeout=WAIT_MS)
    tab.select_elder(ids["e2"])
    qtbot.waitUntil(lambda: tab.checklist_model.rowCount() == 8, timeout=WAIT_MS)
    assert tab.checklist_title.text().startswith("老乙的技能")
    skill = next(s for s in tab.checklist_model.rows if s["name"] == "扫一扫")
    tab.set_level(ids["e2"], skill["skill_id"], "assisted", date.today().isoformat(), "张会计")
    qtbot.waitUntil(lambda: any(s["name"] == "扫一扫" and s["level"] == "assisted"
                                for s in tab.checklist_model.rows), timeout=WAIT_MS)
    assert tab.selected_elder() is not None and tab.selected_elder().elder_id == ids["e2"]  # type: ignore[union-attr]
    row = next(r for r, s in enumerate(tab.checklist_model.rows) if s["name"] == "扫一扫")
    assert tab.checklist_model.index(row, 1).data() == "协助可做"


def test_the_lists_and_their_rules(page: PairingPage, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab = page.lists
    page.tabs.setCurrentWidget(tab)
    assert [r["name"] for r in tab.models["elder"].rows] == ["老甲", "老乙", "老丙", "老丁"]
    assert [r["name"] for r in tab.models["helper"].rows] == ["青一", "青二"]

    monkeypatch.setattr(lists_tab, "pick_member", lambda _parent, _title, choices: next(
        value for _text, value, _keys in choices if value == ids["x4"]))
    qtbot.mouseClick(tab.buttons["helper"][0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r["name"] == "中年" for r in tab.models["helper"].rows), timeout=WAIT_MS)
    row = next(p for p, r in enumerate(tab.models["helper"].rows) if r["name"] == "中年")
    assert tab.models["helper"].index(row, 4).data() == "手工加入"
    assert tab.counts["helper"].text() == "3 人"

    tab.tables["helper"].selectRow(row)
    qtbot.mouseClick(tab.buttons["helper"][1], Qt.MouseButton.LeftButton)  # take off the list
    qtbot.waitUntil(lambda: any(r["name"] == "中年" and r["source"] == "removed"
                                for r in tab.models["helper"].rows), timeout=WAIT_MS)
    row = next(p for p, r in enumerate(tab.models["helper"].rows) if r["name"] == "中年")
    assert tab.models["helper"].index(row, 4).data() == "手工移出"
    assert tab.counts["helper"].text() == "2 人"
    tab.tables["helper"].selectRow(row)
    qtbot.mouseClick(tab.buttons["helper"][2], Qt.MouseButton.LeftButton)  # back to the rules
    qtbot.waitUntil(lambda: all(r["name"] != "中年" for r in tab.models["helper"].rows), timeout=WAIT_MS)

    tab.elder_min_age.setValue(75)
    tab.capacity.setValue(2)
    qtbot.mouseClick(tab.save_rules_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [r["name"] for r in tab.models["elder"].rows] == ["老甲", "老乙", "老丙"],
                    timeout=WAIT_MS)
    rules = stored(page.ctx, load_rules)
    assert (rules.elder_min_age, rules.helper_max_age, rules.capacity) == (75, 45, 2)
    assert "已保存" in tab.rules_status.text()


def test_a_wrong_visit_is_voided_with_its_study_record(ctx: AppContext, ids: dict[str, str], qtbot) -> None:  # type: ignore[no-untyped-def]
    pair(ctx, ids["h1"], ids["e1"], days_ago(3))
    entry = VisitEntry(ids["e1"], days_ago(1), minutes=30, lesson_id=ids["L1"], entered_by="张会计")
    stored(ctx, record_visit, entry)
    assert len(stored(ctx, list_records, member_id=ids["e1"])) == 1
    dialog = VisitsDialog(ctx, ids["e1"], "老甲")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.windowTitle() == "老甲的走访记录" and dialog.model.index(0, 5).data() == "课一"
    dialog.table.selectRow(0)
    assert dialog.void_button.isEnabled()
    dialog.void(dialog.selected() or {}, "日期填错")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0 and not ctx.runner.running, timeout=WAIT_MS)
    assert stored(ctx, list_visits) == [] and stored(ctx, list_records, member_id=ids["e1"]) == []
    dialog.show_voided.setChecked(True)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT_MS)
    assert dialog.model.index(0, 8).data() == "日期填错"
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == MUTED_COLOR


def test_printing_the_pairing_list_and_a_progress_card(
    page: PairingPage, ids: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot  # type: ignore[no-untyped-def]
) -> None:
    pytest.importorskip("core.pairing.pairing_list")
    pytest.importorskip("core.pairing.progress_card")
    pair(page.ctx, ids["h1"], ids["e1"])
    page.reload()
    qtbot.waitUntil(lambda: len(page.pairings.model.rows) == 1, timeout=WAIT_MS)
    targets = iter([tmp_path / "名单", tmp_path / "进度卡.pdf"])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(next(targets)), ""))
    qtbot.mouseClick(page.pairings.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pairings.notice.isVisible() and not page.ctx.runner.running, timeout=WAIT_MS)
    assert (tmp_path / "名单.pdf").stat().st_size > 0 and "打开" in page.pairings.notice.text()

    page.tabs.setCurrentWidget(page.progress)
    qtbot.waitUntil(lambda: page.progress.elder_row(ids["e1"]) >= 0, timeout=WAIT_MS)
    page.progress.select_elder(ids["e1"])
    qtbot.mouseClick(page.progress.card_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.progress.notice.isVisible() and not page.ctx.runner.running, timeout=WAIT_MS)
    assert (tmp_path / "进度卡.pdf").stat().st_size > 0
