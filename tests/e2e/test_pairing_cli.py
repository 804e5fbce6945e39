"""Pairing commands as scripts use them, on the hand-made fixture branch (4 elders, 2 helpers who look
after 3 each): suggest and apply, list, add and end, visits with a lesson watched, progress, printing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from core.store import Store
from tests.e2e.run_cli import as_json, cli
from tests.pairing_branch import make_pairing_branch
from tests.pdf_reading import page_texts

# Relative to the day the commands run, which they take from the clock.
STARTED = (date.today() - timedelta(days=20)).isoformat()
VISITED = (date.today() - timedelta(days=2)).isoformat()


@pytest.fixture
def branch(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "pairing.db"
    store = Store.open(path)
    try:
        ids = make_pairing_branch(store)
    finally:
        store.close()
    return path, ids


@pytest.fixture
def paired(branch: tuple[Path, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    db, _ = branch
    assert as_json(cli("--db", db, "pairing", "suggest", "--apply", "--start-date", STARTED, "--json"))["applied"] == 4
    return branch


def test_suggest_then_apply_pairs_every_elder(branch: tuple[Path, dict[str, str]]) -> None:
    db, ids = branch
    found = as_json(cli("--db", db, "pairing", "suggest", "--json"))
    assert set(found) == {"suggestions", "unpaired_elders"}
    assert found["unpaired_elders"] == 0
    assert {(s["helper_id"], s["elder_id"]) for s in found["suggestions"]} == {
        (ids["h1"], ids["e1"]), (ids["h1"], ids["e2"]), (ids["h2"], ids["e3"]), (ids["h2"], ids["e4"])
    }
    for suggestion in found["suggestions"]:
        assert {"helper_id", "elder_id", "reasons"} <= set(suggestion)
        assert suggestion["reasons"] and all(isinstance(r, str) for r in suggestion["reasons"])
    text = cli("--db", db, "pairing", "suggest").stdout
    assert "推荐结对 4 对" in text and "老甲" in text and "同组" in text
    assert as_json(cli("--db", db, "pairing", "list", "--json"))["pairings"] == []  # nothing written yet

    applied = as_json(cli("--db", db, "pairing", "suggest", "--apply", "--start-date", STARTED, "--json"))
    assert applied["applied"] == 4 and len(applied["suggestions"]) == 4 and applied["unpaired_elders"] == 0
    listed = as_json(cli("--db", db, "pairing", "list", "--json"))["pairings"]
    assert len(listed) == 4
    assert {(p["helper_id"], p["elder_id"]) for p in listed} == {
        (s["helper_id"], s["elder_id"]) for s in found["suggestions"]
    }
    assert all(p["active"] and p["start_date"] == STARTED and p["visits"] == 0 and p["last_visit"] is None
               for p in listed)
    again = as_json(cli("--db", db, "pairing", "suggest", "--json"))
    assert again == {"suggestions": [], "unpaired_elders": 0}
    assert as_json(cli("--db", db, "pairing", "suggest", "--apply", "--json"))["applied"] == 0


def test_a_visit_with_a_lesson_records_the_study_as_pair_help(paired: tuple[Path, dict[str, str]]) -> None:
    db, ids = paired
    visit = as_json(cli("--db", db, "pairing", "visit", "--elder", "老甲", "--date", VISITED, "--minutes", "40",
                        "--skills", "扫一扫,观看微党课视频", "--level", "观看微党课视频=独立完成",
                        "--level", "扫一扫=assisted", "--lesson", "课一", "--note", "一起看了课一", "--json"))
    assert set(visit) == {"visit_id", "study_record_id"} and visit["study_record_id"]
    records = as_json(cli("--db", db, "study", "list", "--member", ids["e1"], "--json"))["records"]
    assert [(r["id"], r["method"], r["helper"], r["lesson"], r["date"]) for r in records] == [
        (visit["study_record_id"], "pair", "青一", "课一", VISITED)
    ]
    # Without a lesson, no study record.
    plain = as_json(cli("--db", db, "pairing", "visit", "--elder", ids["e3"], "--helper", "青二", "--date", VISITED,
                        "--json"))
    assert plain["study_record_id"] is None

    listed = {p["elder_id"]: p for p in as_json(cli("--db", db, "pairing", "list", "--json"))["pairings"]}
    assert listed[ids["e1"]]["last_visit"] == VISITED and listed[ids["e1"]]["visits"] == 1
    progress = as_json(cli("--db", db, "pairing", "progress", "--json"))
    assert (progress["elders_total"], progress["paired"], progress["can_watch_lesson"]) == (4, 4, 1)
    elders = {e["elder_id"]: e for e in progress["elders"]}
    assert elders[ids["e1"]]["skills_done"] == 1 and elders[ids["e1"]]["helper"] == "青一"
    assert elders[ids["e1"]]["last_visit"] == VISITED and not elders[ids["e1"]]["stale"]
    assert "已结对 4 人" in cli("--db", db, "pairing", "progress").stdout


def test_visit_refusals_name_what_is_wrong(paired: tuple[Path, dict[str, str]]) -> None:
    db, ids = paired
    done = cli("--db", db, "pairing", "visit", "--elder", ids["e1"], "--date", VISITED, "--skills", "扫一扫,刷视频",
               "--json", check_code=1)
    error = as_json(done)["error"]
    assert "刷视频" in error and "观看微党课视频" in error and "医保码/乘车码" in error  # the known skills listed
    done = cli("--db", db, "pairing", "visit", "--elder", ids["e1"], "--date", VISITED, "--level", "扫一扫=会了",
               check_code=1)
    assert "掌握程度「会了」无效" in done.stderr
    done = cli("--db", db, "pairing", "visit", "--elder", "老戊", "--date", VISITED, check_code=1)
    assert "还没有结对" in done.stderr
    done = cli("--db", db, "pairing", "visit", "--elder", "没有这人", "--date", VISITED, check_code=1)
    assert "找不到老人「没有这人」" in done.stderr
    cli("--db", db, "pairing", "visit", "--elder", ids["e1"], check_code=2)  # no --date
    assert as_json(cli("--db", db, "pairing", "list", "--json"))["pairings"][0]["visits"] == 0


def test_add_and_end(paired: tuple[Path, dict[str, str]]) -> None:
    db, ids = paired
    done = cli("--db", db, "pairing", "add", "--helper", ids["h1"], "--elder", ids["e1"], check_code=1)
    assert "已经结对，不能重复结对" in done.stderr
    done = cli("--db", db, "pairing", "add", "--helper", "青二", "--elder", "老甲", "--json", check_code=1)
    assert "已由青一帮扶" in as_json(done)["error"]

    ended = next(p for p in as_json(cli("--db", db, "pairing", "list", "--json"))["pairings"]
                 if p["elder_id"] == ids["e4"])
    result = as_json(cli("--db", db, "pairing", "end", ended["id"], "--reason", "换同村的帮扶人", "--json"))
    assert result["end_date"] == date.today().isoformat() and result["reason"] == "换同村的帮扶人"
    cli("--db", db, "pairing", "end", ended["id"], "--reason", "再结束一次", check_code=1)

    added = as_json(cli("--db", db, "pairing", "add", "--helper", "青一", "--elder", "老丁", "--json"))
    assert added["helper_id"] == ids["h1"] and added["elder_id"] == ids["e4"]
    assert any("不在同一个党小组" in w for w in added["warnings"])
    listed = as_json(cli("--db", db, "pairing", "list", "--all", "--json"))["pairings"]
    assert len(listed) == 5 and sum(p["active"] for p in listed) == 4
    assert [p["end_reason"] for p in listed if not p["active"]] == ["换同村的帮扶人"]

    # Text mode: the warnings go to stderr, the result to stdout. 青一 now looks after 3: full.
    done = cli("--db", db, "pairing", "add", "--helper", "青一", "--elder", "老戊", check_code=1)
    assert "上限" in done.stderr
    done = cli("--db", db, "pairing", "add", "--helper", "青二", "--elder", "老戊", "--date", STARTED)
    assert "已结对：青二 帮扶 老戊" in done.stdout and "不在需帮扶老人名单中" in done.stderr


def test_an_ambiguous_name_is_refused_with_the_candidates(branch: tuple[Path, dict[str, str]]) -> None:
    db, _ = branch
    store = Store.open(db)
    try:
        from core.roster.members import add_member

        other, _ = add_member(store, {"name": "老甲", "group": "二组", "village": "西村", "birth_date": "1941-01-01",
                                      "wechat": "无手机"})
    finally:
        store.close()
    done = cli("--db", db, "pairing", "card", "--elder", "老甲", "-o", db.parent / "x.pdf", "--json", check_code=1)
    answer = as_json(done)
    assert "有 2 人" in answer["error"] and other in answer["error"]
    assert {c["village"] for c in answer["candidates"]} == {"东村", "西村"}
    assert not (db.parent / "x.pdf").exists()


def test_print_the_list_and_a_card(paired: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    db, ids = paired
    cli("--db", db, "pairing", "visit", "--elder", ids["e2"], "--date", VISITED, "--skills", "扫一扫",
        "--lesson", "课一")
    listing = tmp_path / "结对名单.pdf"
    printed = as_json(cli("--db", db, "pairing", "print", "-o", listing, "--json"))
    assert printed == {"path": str(listing), "pages": 1, "pairings": 4}
    text = page_texts(listing)[0]
    assert all(name in text for name in ("结对帮扶名单", "青一", "青二", "老甲", "老乙", "老丙", "老丁", VISITED))

    card = tmp_path / "进度卡.pdf"
    done = cli("--db", db, "pairing", "card", "--elder", ids["e2"], "-o", card)
    assert "老乙的进度卡已保存" in done.stdout
    text = page_texts(card)[0]
    assert all(part in text for part in ("结对帮扶进度卡", "老乙", "青一", "扫一扫", "课一", VISITED, "下次走访记录"))


def test_printing_without_pairings_is_refused(branch: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    db, _ = branch
    done = cli("--db", db, "pairing", "print", "-o", tmp_path / "list.pdf", check_code=1)
    assert "还没有结对" in done.stderr
    assert not (tmp_path / "list.pdf").exists()
