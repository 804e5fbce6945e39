"""Pairing work through core against a real SQLite file: lists, pairings, suggestions, visits, progress."""

from __future__ import annotations

import pytest

from core.lessons.catalogue import add_lesson
from core.lessons.study import list_records
from core.pairing.pairings import PairingRequest, add_pairing, check_pairing, end_pairing, list_pairings
from core.pairing.people import elders, helpers, set_mark
from core.pairing.progress import pairing_progress
from core.pairing.rules import PairingError, PairingRules, load_rules, save_rules
from core.pairing.skills import add_skill, elder_skills, list_skills, set_skill_level
from core.pairing.suggestions import accept_suggestions, reject_suggestion, suggest_pairings
from core.pairing.visits import VisitEntry, list_visits, record_visit, void_visit
from core.store import Store
from tests.pairing_branch import make_pairing_branch
from tests.support import TODAY


@pytest.fixture
def branch(store: Store) -> dict[str, str]:
    return make_pairing_branch(store)


def names(people) -> list[str]:
    return sorted(p.name for p in people)


def pair(store: Store, helper: str, elder: str, day: str = "2026-10-01") -> str:
    return add_pairing(store, PairingRequest(helper, elder, day), TODAY)


def test_lists_follow_age_wechat_and_status_and_hand_marks(store: Store, branch: dict[str, str]) -> None:
    assert names(elders(store, TODAY)) == ["老丁", "老丙", "老乙", "老甲"]
    assert names(helpers(store, TODAY)) == ["青一", "青二"]
    set_mark(store, branch["x1"], "elder", True)  # 老戊 uses WeChat but asks for help
    set_mark(store, branch["e4"], "elder", False)  # 老丁's grandson teaches him already
    set_mark(store, branch["x4"], "helper", True)  # 中年, 51, volunteers
    assert names(elders(store, TODAY)) == ["老丙", "老乙", "老戊", "老甲"]
    assert [p.marked for p in elders(store, TODAY) if p.name == "老戊"] == [True]
    assert "中年" in names(helpers(store, TODAY))
    set_mark(store, branch["e4"], "elder", None)
    assert "老丁" in names(elders(store, TODAY))
    save_rules(store, PairingRules(elder_min_age=80, helper_max_age=30, capacity=2))
    assert names(elders(store, TODAY)) == ["老戊", "老甲"]  # 老甲 86 (老乙 78); 老戊 by hand
    assert names(helpers(store, TODAY)) == ["中年"]  # 青一 36 and 青二 31 are over 30
    with pytest.raises(PairingError, match="年龄下限"):
        save_rules(store, PairingRules(elder_min_age=20))
    assert load_rules(store).capacity == 2


def test_refusals_and_warnings(store: Store, branch: dict[str, str]) -> None:
    day, warnings = check_pairing(store, PairingRequest(branch["h1"], branch["e3"], "2026-11-01"), TODAY)
    assert day == "2026-11-01"
    assert warnings == ["青一和老丙不在同一个党小组", "青一和老丙不在同一个村"]
    pair(store, branch["h1"], branch["e1"])
    with pytest.raises(PairingError, match="已经结对，不能重复"):
        pair(store, branch["h1"], branch["e1"])
    with pytest.raises(PairingError, match="老甲已由青一帮扶"):
        pair(store, branch["h2"], branch["e1"])
    with pytest.raises(PairingError, match="流动"):
        pair(store, branch["x3"], branch["e2"])
    with pytest.raises(PairingError, match="还没到"):
        pair(store, branch["h1"], branch["e2"], "2026-12-01")
    with pytest.raises(PairingError, match="同一个人"):
        pair(store, branch["h1"], branch["h1"])
    save_rules(store, PairingRules(capacity=1))
    with pytest.raises(PairingError, match="达到每人最多 1 人的上限"):
        pair(store, branch["h1"], branch["e2"])
    assert len(list_pairings(store)) == 1


def test_ending_keeps_history_and_frees_the_elder(store: Store, branch: dict[str, str]) -> None:
    first = pair(store, branch["h1"], branch["e1"], "2026-09-01")
    with pytest.raises(PairingError, match="原因"):
        end_pairing(store, first, "2026-11-01", " ", TODAY)
    with pytest.raises(PairingError, match="早于结对日期"):
        end_pairing(store, first, "2026-08-01", "搬家", TODAY)
    end_pairing(store, first, "2026-11-01", "青一外出务工", TODAY)
    pair(store, branch["h2"], branch["e1"], "2026-11-02")
    assert [p["helper_name"] for p in list_pairings(store)] == ["青二"]
    history = list_pairings(store, include_ended=True)
    assert [(p["helper_name"], p["active"], p["end_reason"]) for p in history] == [
        ("青二", 1, None), ("青一", 0, "青一外出务工"),
    ]


def test_suggestions_respect_existing_pairs_capacity_and_rejections(store: Store, branch: dict[str, str]) -> None:
    save_rules(store, PairingRules(capacity=2))
    pair(store, branch["h2"], branch["e3"])
    result = suggest_pairings(store, TODAY)
    got = {(s.helper.name, s.elder.name): s.reasons for s in result.suggestions}
    # 青二 has one place left; 老丁 (二组) goes to him, 老甲 and 老乙 (一组 东村) to 青一.
    assert got == {
        ("青一", "老甲"): ("同组", "同村", "负担 2/2"),
        ("青一", "老乙"): ("同组", "同村", "负担 2/2"),
        ("青二", "老丁"): ("同组", "跨村", "负担 2/2"),
    }
    assert (result.unpaired_elders, result.waiting_elders, result.free_slots) == (0, 3, 3)
    reject_suggestion(store, branch["h2"], branch["e4"])
    again = suggest_pairings(store, TODAY)
    assert ("青二", "老丁") not in {(s.helper.name, s.elder.name) for s in again.suggestions}
    # Pairing all three beats keeping 青一 to his own group: he takes 老丁 and one of 老甲 / 老乙.
    assert len(again.suggestions) == 3 and again.unpaired_elders == 0
    ding = next(s for s in again.suggestions if s.elder.name == "老丁")
    assert (ding.helper.name, ding.reasons) == ("青一", ("跨组", "同村", "负担 2/2"))
    accept_suggestions(store, again.suggestions, "2026-11-20", TODAY)
    assert len(list_pairings(store)) == 4
    assert suggest_pairings(store, TODAY).suggestions == []


def test_accepting_a_stale_suggestion_changes_nothing(store: Store, branch: dict[str, str]) -> None:
    result = suggest_pairings(store, TODAY)
    pair(store, branch["h2"], branch["e1"])  # someone paired 老甲 meanwhile
    with pytest.raises(PairingError, match="已不能接受"):
        accept_suggestions(store, result.suggestions, "2026-11-20", TODAY)
    assert len(list_pairings(store)) == 1


def test_visit_with_a_lesson_records_pair_study_and_raises_levels(store: Store, branch: dict[str, str]) -> None:
    pair(store, branch["h1"], branch["e1"], "2026-10-01")
    skills = {s["name"]: s["id"] for s in list_skills(store)}
    assert len(skills) == 8
    entry = VisitEntry(
        elder_id=branch["e1"], visit_date="2026-11-20", minutes=40,
        skill_ids=[skills["扫一扫"]], lesson_id=branch["L1"], note="教会了扫码",
        entered_by="村干部", levels={skills["观看微党课视频"]: "independent", skills["扫一扫"]: "assisted"},
    )
    visit_id = record_visit(store, entry, TODAY)
    (record,) = list_records(store, member_id=branch["e1"])
    assert (record["method"], record["helper_id"], record["minutes"], record["study_date"]) == (
        "pair", branch["h1"], 40, "2026-11-20")
    (visit,) = list_visits(store, elder_id=branch["e1"])
    assert visit["skill_names"] == ["扫一扫", "观看微党课视频"] and visit["lesson_title"] == "课一"
    levels = {s["name"]: (s["level"], s["confirmed_by"]) for s in elder_skills(store, branch["e1"])}
    assert levels["观看微党课视频"] == ("independent", "青一")
    assert levels["扫一扫"] == ("assisted", "青一")
    progress = {e.name: e for e in pairing_progress(store, TODAY).elders}
    assert (progress["老甲"].skills_done, progress["老甲"].can_watch_lesson) == (1, True)
    void_visit(store, visit_id, "日期填错")
    assert list_records(store, member_id=branch["e1"]) == []
    assert list_visits(store, elder_id=branch["e1"]) == []


def test_visits_are_refused_outside_a_pairing(store: Store, branch: dict[str, str]) -> None:
    with pytest.raises(PairingError, match="还没有结对"):
        record_visit(store, VisitEntry(branch["e1"], "2026-11-20"), TODAY)
    pair(store, branch["h1"], branch["e1"], "2026-10-01")
    with pytest.raises(PairingError, match="不在青一与老甲的结对期间"):
        record_visit(store, VisitEntry(branch["e1"], "2026-09-20"), TODAY)
    late = add_lesson(store, {"title": "新课", "minutes": 20, "published_date": "2026-11-01"})
    with pytest.raises(PairingError, match="一起观看的微党课：学习日期 2026-10-20 早于这节课的发布日期"):
        record_visit(store, VisitEntry(branch["e1"], "2026-10-20", levels={_watch(store): "taught"},
                                       lesson_id=late), TODAY)
    assert list_visits(store) == [] and list_records(store) == []
    assert {s["level"] for s in elder_skills(store, branch["e1"])} == {"not_learned"}


def _watch(store: Store) -> str:
    return next(s["id"] for s in list_skills(store) if s["name"] == "观看微党课视频")


def test_progress_figures(store: Store, branch: dict[str, str]) -> None:
    pair(store, branch["h1"], branch["e1"], "2026-09-01")  # visited 2026-11-10
    pair(store, branch["h1"], branch["e2"], "2026-09-01")  # visited 2026-10-01: stale
    pair(store, branch["h2"], branch["e3"], "2026-11-15")  # new, not yet visited: not stale
    record_visit(store, VisitEntry(branch["e1"], "2026-11-10", 30), TODAY)
    record_visit(store, VisitEntry(branch["e2"], "2026-10-01", 30), TODAY)
    watch = next(s["id"] for s in list_skills(store) if s["name"] == "观看微党课视频")
    set_skill_level(store, branch["e3"], watch, "independent", "2026-11-16", "青二", TODAY)
    add_skill(store, "微信支付")
    progress = pairing_progress(store, TODAY)
    rows = {e.name: e for e in progress.elders}
    assert (progress.elders_total, progress.paired, progress.can_watch_lesson, progress.stale) == (4, 3, 1, 1)
    assert (rows["老甲"].days_without_visit, rows["老甲"].stale, rows["老甲"].visits_30d) == (12, False, 1)
    assert (rows["老乙"].days_without_visit, rows["老乙"].stale) == (52, True)
    assert (rows["老丙"].days_without_visit, rows["老丙"].stale, rows["老丙"].skills_done) == (7, False, 1)
    assert rows["老丁"].helper_id is None and rows["老丁"].skills_total == 9
    by_helper = {h.name: h for h in progress.helpers}
    assert (by_helper["青一"].elders, by_helper["青一"].visits_30d, by_helper["青一"].stale_elders) == (2, 1, 1)
    tally = {t.name: t.levels for t in progress.skills}
    assert tally["观看微党课视频"]["independent"] == 1 and tally["微信支付"]["not_learned"] == 4


def test_a_status_change_ends_pairings_and_a_delete_hides_them_until_undone(store: Store, branch: dict[str, str]) -> None:
    from core.roster.members import delete_member, undelete_member
    from core.roster.status import change_status

    pair(store, branch["h1"], branch["e1"], "2026-09-01")
    pair(store, branch["h1"], branch["e2"], "2026-09-01")
    change_status(store, branch["e1"], "deceased", "2026-11-10", today=TODAY)
    (ended,) = [p for p in list_pairings(store, include_ended=True) if not p["active"]]
    assert (ended["elder_name"], ended["end_date"], ended["end_reason"]) == ("老甲", "2026-11-10", "老甲状态变为「去世」")
    delete_member(store, branch["e2"])
    assert list_pairings(store) == []
    assert suggest_pairings(store, TODAY).free_slots == 6  # 青一 looks after nobody now
    undelete_member(store, branch["e2"])
    assert [p["elder_name"] for p in list_pairings(store)] == ["老乙"]


def test_a_new_pairing_cannot_overlap_the_last_one(store: Store, branch: dict[str, str]) -> None:
    first = pair(store, branch["h2"], branch["e4"], "2026-09-01")
    end_pairing(store, first, "2026-11-10", "换人", TODAY)
    with pytest.raises(PairingError, match="早于老丁上一次结对的结束日期 2026-11-10"):
        pair(store, branch["h1"], branch["e4"], "2026-11-09")
    pair(store, branch["h1"], branch["e4"], "2026-11-10")
    set_mark(store, branch["x1"], "elder", False)
    pair(store, branch["h2"], branch["x1"], "2026-11-01")  # paired by hand though not on the list
    rows = {e.name: e for e in pairing_progress(store, TODAY).elders}
    assert rows["老戊"].age == 76 and rows["老戊"].helper_name == "青二"
