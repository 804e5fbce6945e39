"""Scope is enforced per record: a branch reads and writes only its own rows (plus reads the district's)."""

from __future__ import annotations

from tests.server.api import edited, enrolled, member
from tests.sync_server import RunningServer, admin


def test_a_branch_neither_reads_nor_writes_another_branchs_rows(district_server: RunningServer) -> None:
    a = enrolled(district_server, "甲村支部")
    b = enrolled(district_server, "乙村支部")
    b_row = member(b.branch_id, "乙村党员")
    [stored] = b.push([b_row])
    assert stored["status"] == "ok"

    assert a.pull_all() == []  # B's row is not A's to read
    assert [r["id"] for r in b.pull_all()] == [b_row["id"]]

    own = member(a.branch_id, "甲村党员")
    foreign = member(b.branch_id, "冒充乙村")  # A writes with B's branch id
    hijack = edited({**b_row, "branch_id": a.branch_id}, stored["version"], 10, name="被改名")  # B's id as A's row
    district = member("district", "区里的人")
    results = a.push([own, foreign, hijack, district])
    assert [r["status"] for r in results] == ["ok", "rejected", "rejected", "rejected"]
    assert [r["code"] for r in results[1:]] == ["scope", "scope", "scope"]
    assert "不属于本支部" in results[1]["message"]
    assert "其他支部" in results[2]["message"]
    assert results[2]["version"] == stored["version"]

    [b_now] = b.pull_all()
    assert b_now["data"]["name"] == "乙村党员" and b_now["version"] == stored["version"]
    assert [r["id"] for r in a.pull_all()] == [own["id"]]


def test_a_branch_cannot_change_a_district_lesson(district_server: RunningServer) -> None:
    lesson = admin(district_server.db_url, "lesson", "publish", "--title", "学习二十大精神", "--url", "https://v.example.cn/1")
    a = enrolled(district_server)
    [pulled] = a.pull_all()
    assert pulled["branch_id"] == "district"
    changed = {**pulled, "branch_id": a.branch_id, "base_version": pulled["version"], "data": {**pulled["data"], "title": "改"}}
    del changed["version"]
    [result] = a.push([changed])
    assert result["status"] == "rejected" and result["code"] == "scope"
    assert "区里发布" in result["message"]
    assert a.pull_all()[0]["data"]["title"] == "学习二十大精神"
    assert pulled["id"] == lesson["lesson_id"]
