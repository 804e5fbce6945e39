"""The district dashboard (``/admin/``, ``/admin/branches/{id}``, ``/admin/conflicts``) against the real
server on SQLite and PostgreSQL: figures, coverage, pairing progress, conflicts, escaping, login."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import pytest
import requests

from server.dashboard_data import Coverage, china_time, sync_is_stale
from tests.server.api import Device, edited, enrolled, member, second_device, stamp, study_record
from tests.sync_server import RunningServer, admin, new_branch, start_server

PASSWORD = "县委组织部2026"
EVIL = "<script>alert(1)</script>河西村支部"
CHINA = timezone(timedelta(hours=8))


# -- reading the pages ------------------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    cls: str
    href: str | None


class Tables(HTMLParser):
    """Every ``<table id=...>`` of a page as rows of cells (header and footer rows included)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[Cell]]] = {}
        self._table: str | None = None
        self._row: list[Cell] | None = None
        self._cell: list[str] | None = None
        self._cls = ""
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "table":
            self._table = attr.get("id") or f"table{len(self.tables)}"
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell, self._cls, self._href = [], attr.get("class") or "", None
        elif tag == "a" and self._cell is not None and self._href is None:
            self._href = attr.get("href")
        elif tag in ("br", "small") and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(Cell(" ".join("".join(self._cell).split()), self._cls, self._href))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(page: str) -> dict[str, list[list[Cell]]]:
    parser = Tables()
    parser.feed(page)
    return parser.tables


def row_of(table: list[list[Cell]], first: str) -> list[str]:
    found = [row for row in table if row and row[0].text.startswith(first)]
    assert len(found) == 1, (first, [[c.text for c in row] for row in table])
    return [cell.text for cell in found[0]]


def logged_in(server: RunningServer) -> requests.Session:
    session = requests.Session()
    answer = session.post(f"{server.url}/admin/login", data={"password": PASSWORD}, allow_redirects=False, timeout=10)
    assert answer.status_code == 303, answer.text
    return session


def page(session: requests.Session, url: str) -> str:
    answer = session.get(url, allow_redirects=False, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    return answer.text


# -- the district's data ---------------------------------------------------------------------------


def record(table: str, branch_id: str, **data: Any) -> dict[str, Any]:
    return {"table": table, "id": str(uuid.uuid4()), "branch_id": branch_id, "base_version": 0,
            "updated_at": stamp(), "deleted": 0, "data": data}


def pairing(branch_id: str, helper: str, elder: str, start: date, active: int = 1) -> dict[str, Any]:
    return record("pairings", branch_id, helper_id=helper, elder_id=elder, start_date=start.isoformat(),
                  end_date=None if active else date.today().isoformat(), active=active, end_reason=None, note=None)


def visit(branch_id: str, helper: str, elder: str, day: date) -> dict[str, Any]:
    return record("help_visits", branch_id, pairing_id=None, helper_id=helper, elder_id=elder,
                  visit_date=day.isoformat(), minutes=30, skill_ids="[]", lesson_id=None, study_record_id=None,
                  entered_by="组织委员", note=None, void_reason=None)


def make_conflict(office: Device, name: str, kept: str, lost: str) -> dict[str, Any]:
    """A member's phone changed on two devices of the branch: ``kept`` (newer) wins, ``lost`` is recorded."""
    laptop = second_device(office, f"{name}的笔记本")
    row = member(office.branch_id, name, phone="13000000000")
    [first] = office.push([row])
    assert office.push([edited(row, first["version"], 60, phone=lost)])[0]["status"] == "ok"
    assert laptop.push([edited(row, first["version"], 120, phone=kept)])[0]["status"] == "conflict"
    return row


@dataclass
class District:
    server: RunningServer
    a: Device
    b: Device
    c_id: str
    lesson_1: str
    lesson_2: str


def build_district(server: RunningServer) -> District:
    db = server.db_url
    admin(db, "admin", "password", "--password", PASSWORD)
    lesson_1 = admin(db, "lesson", "publish", "--title", "第一讲 学习党章", "--url", "https://v.example.cn/1",
                     "--published", "2026-11-01")["lesson_id"]
    lesson_2 = admin(db, "lesson", "publish", "--title", "第二讲 乡村振兴", "--url", "https://v.example.cn/2",
                     "--published", "2026-11-15")["lesson_id"]
    a = enrolled(server, "城关镇第一支部", "办公室电脑")
    b = enrolled(server, EVIL, "村委会电脑")
    c_id = new_branch(db, "新建的支部")["branch_id"]
    today = datetime.now(CHINA).date()

    # Branch A: 张三 李四 (active), 王五 (mobile), 赵六 (transferred), 钱七 (deleted); 孙八 comes with the conflict.
    a1, a2, a3 = member(a.branch_id, "张三"), member(a.branch_id, "李四"), member(a.branch_id, "王五", status="mobile")
    a4 = member(a.branch_id, "赵六", status="transferred")
    gone = member(a.branch_id, "钱七", deleted=1)
    people = [a1, a2, a3, a4, gone]
    ids = [p["id"] for p in people]
    assert {r["status"] for r in a.push(people)} == {"ok"}
    studies = [
        study_record(a.branch_id, member_id=ids[0], lesson_id=lesson_1),
        study_record(a.branch_id, member_id=ids[1], lesson_id=lesson_1),
        study_record(a.branch_id, member_id=ids[1], lesson_id=lesson_1, study_date="2026-11-21"),  # twice: one person
        study_record(a.branch_id, member_id=ids[3], lesson_id=lesson_1),  # transferred: not expected
        study_record(a.branch_id, member_id=ids[4], lesson_id=lesson_1),  # deleted member
        study_record(a.branch_id, member_id=ids[2], lesson_id=lesson_1, deleted=1, void_reason="录错了"),
        study_record(a.branch_id, member_id=ids[0], lesson_id=lesson_2),
        study_record(a.branch_id, member_id=ids[2], lesson_id="branch-own-lesson"),
    ]
    assert {r["status"] for r in a.push(studies)} == {"ok"}
    pairs = [
        pairing(a.branch_id, ids[0], ids[1], today - timedelta(days=60)),
        pairing(a.branch_id, ids[0], ids[2], today - timedelta(days=10)),  # no visit yet, started recently
        pairing(a.branch_id, ids[1], ids[3], today - timedelta(days=200), active=0),  # ended
        pairing(a.branch_id, ids[2], ids[3], today - timedelta(days=90)),  # last visit 40 days ago: stale
        pairing(a.branch_id, ids[2], ids[4], today - timedelta(days=5)),  # the elder was deleted
    ]
    visits = [
        visit(a.branch_id, ids[0], ids[1], today - timedelta(days=5)),
        visit(a.branch_id, ids[0], ids[1], today - timedelta(days=45)),
        visit(a.branch_id, ids[2], ids[3], today - timedelta(days=40)),
    ]
    assert {r["status"] for r in a.push(pairs + visits)} == {"ok"}
    make_conflict(a, "孙八", kept="13911111111", lost="13922222222")

    # Branch B: 周一 吴二 and 郑九 (with the conflict) expected; two of them studied lesson 1.
    b1, b2 = member(b.branch_id, "周一"), member(b.branch_id, "吴二")
    assert {r["status"] for r in b.push([b1, b2])} == {"ok"}
    studies = [study_record(b.branch_id, member_id=p["id"], lesson_id=lesson_1) for p in (b1, b2)]
    assert {r["status"] for r in b.push(studies)} == {"ok"}
    make_conflict(b, "郑九", kept="13733333333", lost="13744444444")
    return District(server, a, b, c_id, lesson_1, lesson_2)


# -- the tests -------------------------------------------------------------------------------------


def test_the_dashboard_shows_each_branch(server_db_url: str) -> None:
    with start_server(server_db_url, district_name="某某县委组织部") as server:
        d = build_district(server)
        session = logged_in(server)
        overview = page(session, f"{server.url}/admin/")
        found = tables(overview)

        assert "某某县委组织部" in overview
        assert "<script>alert" not in overview and "&lt;script&gt;alert(1)&lt;/script&gt;河西村支部" in overview
        branches = found["branches"]
        assert [c.text for c in branches[0]][:6] == ["支部", "设备", "最近同步", "党员数", "应学人数 正常+流动", "学习记录数"]
        row_a = row_of(branches, "城关镇第一支部")
        assert row_a[1] == "2"  # the office PC and a laptop
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", row_a[2]), row_a
        assert row_a[3:] == ["5", "4", "7", "3", "1", "1"]  # members, expected, records, pairings, visits, conflicts
        row_b = row_of(branches, EVIL)
        assert row_b[1:2] == ["2"] and row_b[3:] == ["3", "3", "2", "0", "0", "1"]
        never = [row for row in branches if row[0].text == "新建的支部"][0]
        assert never[2].text == "从未同步" and "old" in never[2].cls
        assert never[0].href == f"/admin/branches/{d.c_id}"
        assert row_of(branches, "合计")[3:] == ["8", "7", "9", "3", "1", "2"]

        lessons = found["lessons"]
        assert row_of(lessons, "第二讲")[1:] == ["2026-11-15", "1/7 14%", "0"]
        assert row_of(lessons, "第一讲")[1:] == ["2026-11-01", "4/7 57%", "0"]

        coverage = found["coverage"]
        assert [c.text for c in coverage[0]] == ["支部", "应学人数", "第二讲 乡村振兴 2026-11-15", "第一讲 学习党章 2026-11-01"]
        assert row_of(coverage, "城关镇第一支部")[1:] == ["4", "1/4 25%", "2/4 50%"]
        assert row_of(coverage, EVIL)[1:] == ["3", "0/3 0%", "2/3 67%"]
        assert row_of(coverage, "新建的支部")[1:] == ["0", "—", "—"]
        assert row_of(coverage, "全区合计")[1:] == ["7", "1/7 14%", "4/7 57%"]
        low = [row for row in coverage if row[0].text == EVIL][0]
        assert "low" in low[2].cls and "mid" in low[3].cls

        pairing_rows = found["pairing"]
        assert row_of(pairing_rows, "城关镇第一支部")[1:] == ["3", "2", "3", "1", "1"]
        assert row_of(pairing_rows, EVIL)[1:] == ["0", "0", "0", "0", "0"]

        # One branch: its devices, figures, coverage and only its own conflicts.
        b_page = page(session, f"{server.url}/admin/branches/{d.b.branch_id}")
        b_tables = tables(b_page)
        assert "<script>alert" not in b_page
        assert sorted(row[0].text for row in b_tables["devices"][1:]) == ["村委会电脑", "郑九的笔记本"]
        assert row_of(b_tables["figures"], "应学人数")[1] == "3"
        assert row_of(b_tables["coverage"], "第一讲")[2] == "2/3 67%"
        b_conflicts = [[c.text for c in row] for row in b_tables["conflicts"][1:]]
        assert len(b_conflicts) == 1
        assert b_conflicts[0][1:6] == ["党员 郑九", "手机", "13733333333", "13744444444", "村委会电脑"]
        assert "13922222222" not in b_page and "孙八" not in b_page

        a_page = tables(page(session, f"{server.url}/admin/branches/{d.a.branch_id}"))
        assert row_of(a_page["coverage"], "第一讲")[2] == "2/4 50%"
        assert row_of(a_page["figures"], "超过30天未走访的老人")[1] == "1"
        assert [row[1].text for row in a_page["conflicts"][1:]] == ["党员 孙八"]

        missing = session.get(f"{server.url}/admin/branches/no-such-branch", timeout=10)
        assert missing.status_code == 404 and "没有这个支部" in missing.text


def test_the_conflict_list(server_db_url: str) -> None:
    with start_server(server_db_url) as server:
        d = build_district(server)
        session = logged_in(server)
        listed = tables(page(session, f"{server.url}/admin/conflicts"))["conflicts"]
        assert [row[1].text for row in listed[1:]] == [EVIL, "城关镇第一支部"]  # newest first
        assert listed[1][1].href == f"/admin/branches/{d.b.branch_id}"

        # Branch B resolves its conflict (a synced write); it leaves the open list.
        [conflict] = [r for r in d.b.pull_all() if r["table"] == "conflicts"]
        resolved = {**conflict, "base_version": conflict["version"], "updated_at": stamp(600),
                    "data": {**conflict["data"], "resolution": "kept", "resolved_at": stamp(600), "resolved_by": "王书记"}}
        del resolved["version"]
        assert d.b.push([resolved])[0]["status"] == "ok"
        listed = tables(page(session, f"{server.url}/admin/conflicts"))["conflicts"]
        assert [row[1].text for row in listed[1:]] == ["城关镇第一支部"]
        everything = tables(page(session, f"{server.url}/admin/conflicts?all=1"))["conflicts"]
        assert [row[-1].text.split("（")[0] for row in everything[1:]] == ["已确认保留当前值", "未处理"]
        assert row_of(tables(page(session, f"{server.url}/admin/"))["branches"], EVIL)[-1] == "0"


def test_the_pages_need_the_admin(server_db_url: str) -> None:
    with start_server(server_db_url) as server:
        admin(server.db_url, "admin", "password", "--password", PASSWORD)
        office = enrolled(server)
        for path in ("/admin/", f"/admin/branches/{office.branch_id}", "/admin/conflicts?all=1"):
            anonymous = requests.get(f"{server.url}{path}", allow_redirects=False, timeout=10)
            assert anonymous.status_code == 303
            assert anonymous.headers["Location"] == f"/admin/login?next={quote(path, safe='')}"
            device = requests.get(f"{server.url}{path}", headers=office.headers, allow_redirects=False, timeout=10)
            assert device.status_code == 403 and "各支部概况" not in device.text and office.branch_name not in device.text
            wrong = requests.get(f"{server.url}{path}", auth=("admin", "wrong-password"), allow_redirects=False, timeout=10)
            assert wrong.status_code == 303

        # The login form brings the admin back to the page asked for; logging out ends the session.
        session = requests.Session()
        path = f"/admin/branches/{office.branch_id}"
        form = session.get(f"{server.url}{path}", timeout=10)
        assert form.status_code == 200 and "管理后台登录" in form.text and f'value="{path}"' in form.text
        back = session.post(f"{server.url}/admin/login", data={"password": PASSWORD, "next": path}, timeout=10)
        assert back.status_code == 200 and back.url == f"{server.url}{path}" and office.branch_name in back.text
        assert 'action="/admin/logout"' in back.text
        session.post(f"{server.url}/admin/logout", timeout=10)
        assert session.get(f"{server.url}/admin/", allow_redirects=False, timeout=10).status_code == 303


@pytest.mark.parametrize(("studied", "expected", "percent"), [
    (2, 3, 67), (1, 3, 33), (1, 8, 13), (0, 5, 0), (199, 200, 99), (5, 5, 100), (3, 0, None),
])
def test_coverage_percent(studied: int, expected: int, percent: int | None) -> None:
    assert Coverage(studied, expected).percent == percent


def test_times_are_shown_in_china_time() -> None:
    assert china_time("2026-11-22T01:30:00.000Z") == "2026-11-22 09:30"
    assert china_time("2026-11-22T17:05:00.000Z") == "2026-11-23 01:05"
    now = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    assert not sync_is_stale("2026-11-16T08:00:00.000Z", now)
    assert sync_is_stale("2026-11-15T07:59:00.000Z", now) and sync_is_stale(None, now)
