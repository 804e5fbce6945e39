"""The home page's overview of the branch, computed on a real database file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from core.profile import BranchProfile, set_profile
from core.roster.demo import load_demo
from core.roster.members import add_member, delete_member
from core.roster.overview import branch_overview, parse_stamp
from core.roster.search import filter_members
from core.store import Store
from tests.support import TODAY, make_id


def person(name: str, birth: str, **extra: object) -> dict:
    record = {"name": name, "birth_date": birth, "gender": "男", "id_number": make_id(birth),
              "joined_date": "1990-07-01", "confirmed_date": "1991-07-01"}
    record.update(extra)
    return record


def probationer(name: str, joined: date, birth: str) -> dict:
    return person(name, birth, category="预备党员", joined_date=joined.isoformat(), confirmed_date=None)


def test_empty_database(store: Store) -> None:
    overview = branch_overview(store, TODAY)
    assert overview["counts"] == {"members": 0, "full": 0, "probationary": 0, "aged_60_plus": 0,
                                  "without_wechat": 0}
    assert overview["branch"]["name"] == ""
    assert overview["probation_due"] == overview["away"] == overview["recent_changes"] == []


def test_counts_match_the_roster_on_the_demo_branch(store: Store) -> None:
    load_demo(store, members=150, seed=5, today=TODAY)
    overview = branch_overview(store, TODAY)
    every = filter_members(store, today=TODAY)
    current = [m for m in every if m["status"] in ("active", "mobile", "lost")]
    assert 0 < overview["counts"]["members"] == len(current) < 150  # some moved away or died
    assert overview["counts"]["full"] + overview["counts"]["probationary"] == len(current)
    assert overview["counts"]["aged_60_plus"] == sum(
        1 for m in current if m["birth_date"] <= date(TODAY.year - 60, TODAY.month, TODAY.day).isoformat()
    )
    assert overview["counts"]["without_wechat"] == sum(
        1 for m in current if m["wechat"] in (None, "", "none", "basic_phone", "smart_no_wechat")
    )
    assert {m["id"] for m in overview["away"]} == {m["id"] for m in current if m["status"] in ("mobile", "lost")}
    assert overview["branch"]["name"]
    assert "演示" in overview["recent_changes"][0]["summary"]


def test_counts_leave_out_transferred_deleted_and_old_age(store: Store) -> None:
    add_member(store, person("张三", "1950-01-01", wechat="会用微信"), TODAY)
    add_member(store, person("李四", "1966-11-22", wechat="老年机"), TODAY)  # 60 today
    add_member(store, person("王五", "1966-11-23"), TODAY)  # 60 tomorrow, wechat blank
    add_member(store, person("赵六", "1940-01-01", status="转出", status_date="2020-01-01"), TODAY)
    gone, _ = add_member(store, person("孙七", "1945-01-01"), TODAY)
    delete_member(store, gone)
    counts = branch_overview(store, TODAY)["counts"]
    assert counts == {"members": 3, "full": 3, "probationary": 0, "aged_60_plus": 2, "without_wechat": 2}


def test_probation_reminders_soonest_first_with_overdue(store: Store) -> None:
    year_ago = date(TODAY.year - 1, TODAY.month, TODAY.day)
    add_member(store, probationer("近期", year_ago + timedelta(days=10), "1995-05-01"), TODAY)
    add_member(store, probationer("逾期", year_ago - timedelta(days=3), "1995-05-02"), TODAY)
    add_member(store, probationer("还早", year_ago + timedelta(days=45), "1995-05-03"), TODAY)
    add_member(store, probationer("今天", year_ago, "1995-05-04"), TODAY)
    due = branch_overview(store, TODAY)["probation_due"]
    assert [(d["name"], d["days_left"]) for d in due] == [("逾期", -3), ("今天", 0), ("近期", 10)]
    assert due[2]["ends"] == TODAY + timedelta(days=10)


def test_away_members(store: Store) -> None:
    add_member(store, person("流动甲", "1960-01-01", status="流动", status_date="2025-01-01"), TODAY)
    add_member(store, person("失联乙", "1970-02-01", status="失联", status_date="2024-01-01"), TODAY)
    add_member(store, person("正常丙", "1970-01-01"), TODAY)
    away = branch_overview(store, TODAY)["away"]
    assert [(m["name"], m["status"]) for m in away] == [("流动甲", "mobile"), ("失联乙", "lost")]


def test_recent_changes_newest_first_limited_with_profile(store: Store) -> None:
    set_profile(store, BranchProfile("河东村党支部", "柳林镇", "汤阴县"))
    for number in range(12):
        add_member(store, person(f"张{'一二三四五六七八九十甲乙'[number]}", f"19{60 + number}-01-01"), TODAY)
    overview = branch_overview(store, TODAY)
    changes = overview["recent_changes"]
    assert len(changes) == 10
    assert changes[0]["summary"] == "新增党员「张乙」"
    assert changes[-1]["summary"] == "新增党员「张三」"
    assert all(c["at"].tzinfo is not None for c in changes)
    assert abs(changes[0]["at"] - datetime.now(UTC)) < timedelta(minutes=5)
    assert overview["branch"] == {"name": "河东村党支部", "township": "柳林镇", "county": "汤阴县"}


def test_parse_stamp() -> None:
    assert parse_stamp("2026-11-22T08:30:00.123Z") == datetime(2026, 11, 22, 8, 30, 0, 123000, tzinfo=UTC)
