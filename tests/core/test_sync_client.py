"""The sync client's local rules, driven through a fake transport (the acceptance tests against the
real server are in tests/e2e/test_sync_*.py): rekey on enrollment, pull page application,
compare-and-set acknowledgement, rejections and conflict resolution."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from core.lessons.catalogue import add_lesson
from core.migrations import DEFAULT_SKILLS, SYNCED_TABLES, skill_id_for
from core.pairing.skills import progress_id, set_skill_level
from core.roster.groups import ensure_group, group_id_for
from core.roster.members import add_member
from core.store import Store, utc_stamp
from core.sync import config
from core.sync.enroll import enroll
from core.sync.errors import EnrollRefused, NotEnrolled, SyncCancelled
from core.sync.pull import pull
from core.sync.push import push
from core.sync.rejections import discard_rejection, list_rejections, retry_rejection
from core.sync.run import sync
from core.sync.status import sync_status
from tests.support import TODAY, make_id

SERVER_BRANCH = "b-server-1"


class FakeTransport:
    """Answers like the server would, with hooks for the cases under test."""

    def __init__(self) -> None:
        self.pushed: list[tuple[str, list[dict[str, Any]]]] = []
        self.pages: list[dict[str, Any]] = []
        self.version = 100
        self.answer: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        self.before_answer: Callable[[], None] | None = None
        self.pull_calls: list[tuple[int, int]] = []
        self.clock_ahead_ms = 0
        self.protocol, self.min_client_protocol = 2, 1

    def info(self) -> dict[str, Any]:
        moment = datetime.now(UTC) + timedelta(milliseconds=self.clock_ahead_ms)
        return {"server_time": utc_stamp(moment), "protocol": self.protocol,
                "min_client_protocol": self.min_client_protocol,
                "district_name": "测试区"}

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        if code != "GOOD":
            from core.sync.errors import ServerRefused

            raise ServerRefused("登记码不正确或已经用过。", status=400, code="enroll_code")
        return {"branch_id": SERVER_BRANCH, "branch_name": "河东村党支部", "token": "t0ken", "device_id": "d1"}

    def push(self, batch_id: str, records: list[dict[str, Any]]) -> dict[str, Any]:
        self.pushed.append((batch_id, records))
        if self.before_answer:
            self.before_answer()
        results = []
        for record in records:
            if self.answer is not None:
                results.append(self.answer(record))
                continue
            self.version += 1
            results.append({"table": record["table"], "id": record["id"], "status": "ok", "version": self.version,
                             "code": None, "message": None, "record": None})
        return {"results": results, "server_time": "2026-11-22T08:00:00.000Z"}

    def pull(self, since: int, limit: int) -> dict[str, Any]:
        self.pull_calls.append((since, limit))
        records = [r for page in self.pages for r in page["records"] if r["version"] > since][:limit]
        last = records[-1]["version"] if records else since
        more = any(r["version"] > last for page in self.pages for r in page["records"])
        return {"records": records, "next": last, "more": more}


def _enrolled(store: Store, transport: FakeTransport) -> None:
    enroll(store, "http://127.0.0.1:9", "GOOD", "办公室电脑", transport=transport)


def _member(store: Store, name: str, birth: str, **extra: Any) -> str:
    member_id, _ = add_member(store, {"name": name, "gender": "男", "birth_date": birth,
                                      "id_number": make_id(birth), **extra}, TODAY)
    return member_id


def _server_record(table: str, row_id: str, version: int, data: dict[str, Any], deleted: int = 0,
                   branch: str = SERVER_BRANCH) -> dict[str, Any]:
    return {"table": table, "id": row_id, "branch_id": branch, "version": version,
            "updated_at": "2026-11-22T08:00:00.000Z", "deleted": deleted, "data": data}


# -- enrollment and rekey ---------------------------------------------------------------------------


def test_enroll_rekeys_rows_and_derived_ids_in_one_go(store: Store) -> None:
    old_branch = store.branch_id
    group = ensure_group(store, "第一党小组")
    elder = _member(store, "张三", "1950-03-02", group="第一党小组")
    watch = skill_id_for(old_branch, DEFAULT_SKILLS[4])
    set_skill_level(store, elder, watch, "taught", "2026-11-20", "李四", TODAY)
    lesson = add_lesson(store, {"title": "第1讲", "video_url": "https://dj.example.cn/v/1",
                                "published_date": "2026-11-01"})
    store.conn.execute(
        "INSERT INTO help_visits (id, branch_id, rev, updated_at, helper_id, elder_id, visit_date, skill_ids) "
        "VALUES ('v1', ?, 999, '2026-11-22T00:00:00.000Z', ?, ?, '2026-11-20', ?)",
        (old_branch, elder, elder, json.dumps([watch])),
    )

    transport = FakeTransport()
    result = enroll(store, "127.0.0.1:9/", "GOOD", "办公室电脑", transport=transport)

    assert result.branch_id == SERVER_BRANCH and result.branch_name == "河东村党支部"
    assert store.branch_id == SERVER_BRANCH
    for table in SYNCED_TABLES:
        assert store.scalar(f"SELECT count(*) FROM {table} WHERE branch_id != ?", (SERVER_BRANCH,)) == 0, table
    new_group = group_id_for(SERVER_BRANCH, "第一党小组")
    assert group != new_group
    assert store.get("party_groups", new_group) is not None
    assert store.get("members", elder)["group_id"] == new_group
    new_watch = skill_id_for(SERVER_BRANCH, DEFAULT_SKILLS[4])
    assert {s["id"] for s in store.query("SELECT id FROM skills")} == {
        skill_id_for(SERVER_BRANCH, name) for name in DEFAULT_SKILLS}
    progress = store.query("SELECT id, skill_id FROM skill_progress")
    assert progress == [{"id": progress_id(elder, new_watch), "skill_id": new_watch}]
    assert json.loads(store.get("help_visits", "v1")["skill_ids"]) == [new_watch]
    assert store.get("lessons", lesson)["branch_id"] == SERVER_BRANCH
    assert store.scalar("PRAGMA foreign_key_check") is None
    assert store.setting(config.SERVER_URL) == "http://127.0.0.1:9"
    assert store.setting(config.TOKEN) == "t0ken"
    assert sync_status(store).enrolled


def test_enroll_to_another_branch_is_refused_and_nothing_changes(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    transport.enroll = lambda code, name: {  # type: ignore[method-assign]
        "branch_id": "b-other", "branch_name": "河西村党支部", "token": "x", "device_id": "d2"}
    with pytest.raises(EnrollRefused, match="河东村党支部"):
        enroll(store, "http://127.0.0.1:9", "GOOD", transport=transport)
    assert store.branch_id == SERVER_BRANCH
    assert store.setting(config.TOKEN) == "t0ken"


def test_a_wrong_code_changes_nothing(store: Store) -> None:
    from core.sync.errors import ServerRefused

    before = store.branch_id
    with pytest.raises(ServerRefused, match="登记码"):
        enroll(store, "http://127.0.0.1:9", "BAD", transport=FakeTransport())
    assert store.branch_id == before and store.setting(config.TOKEN) is None
    with pytest.raises(NotEnrolled):
        sync(store, transport=FakeTransport())


# -- push ---------------------------------------------------------------------------------------------


def test_push_sends_every_dirty_row_in_dependency_order_and_batches(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    ids = store.insert_many("members", [{"name": f"党员{i}", "category": "full"} for i in range(1203)])
    done = push(store, transport, batch_size=500)
    batches = [records for _, records in transport.pushed]
    assert [len(b) for b in batches] == [500, 500, 211]  # 8 skills + 1203 members
    assert len({batch_id for batch_id, _ in transport.pushed}) == 3
    order = [SYNCED_TABLES.index(r["table"]) for b in batches for r in b]
    assert order == sorted(order)
    record = next(r for b in batches for r in b if r["id"] == ids[0])
    assert set(record) == {"table", "id", "branch_id", "base_version", "updated_at", "deleted", "data"}
    assert record["data"]["name"] == "党员0" and "rev" not in record["data"]
    assert done.pushed == 1211 and done.rejected == 0
    assert store.dirty_count() == 0
    assert push(store, transport).batches == 0


def test_ack_is_compare_and_set_a_row_edited_during_the_push_stays_dirty(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    push(store, transport)
    a = _member(store, "张三", "1960-01-01")
    b = _member(store, "李四", "1961-01-01")
    transport.before_answer = lambda: store.update("members", a, {"phone": "13800000002"})
    push(store, transport)
    row_a, row_b = store.get("members", a), store.get("members", b)
    assert row_b["synced_rev"] == row_b["rev"] and row_b["version"] > 0
    assert row_a["rev"] > row_a["synced_rev"]  # the edit made during the push is still to send
    assert row_a["version"] > 0  # the server holds what was sent; the next push builds on it
    transport.before_answer = None
    push(store, transport)
    last = transport.pushed[-1][1]
    assert [r["id"] for r in last] == [a] and last[0]["data"]["phone"] == "13800000002"
    assert last[0]["base_version"] == row_a["version"]
    assert store.dirty_count() == 0


def test_merged_answer_becomes_the_base_and_edits_made_meanwhile_stay_on_top(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    push(store, transport)
    a = _member(store, "张三", "1960-01-01")
    b = _member(store, "李四", "1961-01-01")

    def merged(record: dict[str, Any]) -> dict[str, Any]:
        data = dict(record["data"], village="河东村")
        winner = {"table": record["table"], "id": record["id"], "branch_id": SERVER_BRANCH, "version": 500,
                  "updated_at": "2026-11-22T09:00:00.000Z", "deleted": 0, "data": data}
        return {"table": record["table"], "id": record["id"], "status": "merged", "version": 500,
                "code": None, "message": None, "record": winner}

    transport.answer = merged
    transport.before_answer = lambda: store.update("members", a, {"note": "改过"})
    push(store, transport)
    row_a, row_b = store.get("members", a), store.get("members", b)
    assert row_b["village"] == "河东村" and row_b["version"] == 500 and row_b["rev"] == row_b["synced_rev"]
    # edited while its batch was on the way: the server's village, this computer's note, on the new base
    assert row_a["village"] == "河东村" and row_a["note"] == "改过" and row_a["version"] == 500
    assert row_a["rev"] > row_a["synced_rev"]  # dirty: the note goes next time, named as the one edit
    transport.answer = transport.before_answer = None
    push(store, transport)
    [again] = transport.pushed[-1][1]
    assert again["id"] == a and again["changed"] == ["note"] and again["base_version"] == 500
    assert again["data"]["village"] == "河东村" and store.dirty_count() == 0


def test_rejected_rows_wait_until_retried_or_discarded(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    push(store, transport)
    a = _member(store, "张三", "1960-01-01")
    transport.answer = lambda r: {"table": r["table"], "id": r["id"], "status": "rejected", "version": 0,
                                  "code": "invalid", "message": "党员（x）的字段“phone”应为文字。", "record": None}
    assert push(store, transport).rejected == 1
    views = list_rejections(store)
    assert [(v.table, v.record_id, v.what, v.code) for v in views] == [("members", a, "党员 张三", "invalid")]
    status = sync_status(store)
    assert (status.pending, status.rejected) == (0, 1)
    sent = len(transport.pushed)
    push(store, transport)
    assert len(transport.pushed) == sent  # held back: not sent again
    retry_rejection(store, "members", a)
    transport.answer = None
    assert push(store, transport).pushed == 1
    assert list_rejections(store) == [] and store.dirty_count() == 0

    store.update("members", a, {"phone": "13800000001"})
    version = store.get("members", a)["version"]
    store.set_setting(config.PULL_CURSOR, version + 50)
    transport.answer = lambda r: {"table": r["table"], "id": r["id"], "status": "rejected", "version": version,
                                  "code": "scope", "message": "不属于本支部", "record": None}
    push(store, transport)
    discard_rejection(store, "members", a)
    row = store.get("members", a)
    assert row["rev"] == row["synced_rev"] and row["version"] == 0
    assert store.setting(config.PULL_CURSOR) == version - 1  # the server's copy is fetched again
    assert list_rejections(store) == [] and sync_status(store).rejected == 0


def test_an_edit_after_a_rejection_is_sent_again(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    push(store, transport)
    a = _member(store, "张三", "1960-01-01")
    transport.answer = lambda r: {"table": r["table"], "id": r["id"], "status": "rejected", "version": 0,
                                  "code": "invalid", "message": "不行", "record": None}
    push(store, transport)
    store.update("members", a, {"phone": "13800000001"})
    assert sync_status(store).pending == 1 and list_rejections(store) == []
    transport.answer = None
    push(store, transport)
    assert store.scalar("SELECT count(*) FROM sync_rejections") == 0


# -- pull ---------------------------------------------------------------------------------------------


def test_pull_keeps_dirty_rows_skips_known_versions_and_drops_unknown_columns(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    push(store, transport)
    mine = _member(store, "张三", "1960-01-01")
    push(store, transport)
    mine_version = store.get("members", mine)["version"]
    store.update("members", mine, {"phone": "13800000001"})  # dirty now
    group = group_id_for(SERVER_BRANCH, "第二党小组")
    other = "m-from-laptop"
    transport.pages = [{"records": [
        # a member arriving before its group (version order, not dependency order)
        _server_record("members", other, 1001, {"name": "王五", "group_id": group, "category": "full",
                                                  "status": "active", "future_column": "x"}),
        _server_record("members", mine, 1002, {"name": "张三", "phone": "13900000009", "category": "full",
                                                 "status": "active"}),
        _server_record("party_groups", group, 1003, {"name": "第二党小组", "sort_order": 2}),
        _server_record("future_table", "f1", 1004, {"x": 1}),
        _server_record("lessons", "l-district", 1005, {"title": "区里的课", "video_url": "https://dj.example.cn/1"},
                       branch="district"),
    ]}]
    done = pull(store, transport, page_size=2)
    assert [since for since, _ in transport.pull_calls] == [0, 1002, 1004]
    assert done.pulled == 3 and done.skipped == 2
    row = store.get("members", other)
    assert row["name"] == "王五" and row["group_id"] == group and row["version"] == 1001
    assert row["rev"] == row["synced_rev"] > 0
    assert store.get("members", mine)["phone"] == "13800000001"  # dirty: never overwritten
    assert store.get("members", mine)["version"] == mine_version
    assert store.get("lessons", "l-district")["branch_id"] == "district"
    assert store.setting(config.PULL_CURSOR) == 1005
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA foreign_key_check") is None
    again = pull(store, transport)
    assert again.pulled == 0 and transport.pull_calls[-1][0] == 1005


def test_pull_skips_a_row_already_at_that_version(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    push(store, transport)
    mine = _member(store, "张三", "1960-01-01")
    push(store, transport)
    row = store.get("members", mine)
    transport.pages = [{"records": [_server_record("members", mine, row["version"], {"name": "别人"})]}]
    assert pull(store, transport).skipped == 1
    assert store.get("members", mine) == row


def test_cancelled_pull_keeps_finished_pages_and_resumes(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    transport.pages = [{"records": [
        _server_record("party_groups", f"g{n}", 2000 + n, {"name": f"第{n}党小组", "sort_order": n})
        for n in range(10)]}]
    cancel = threading.Event()
    with pytest.raises(SyncCancelled):
        pull(store, transport, page_size=3, cancel=cancel,
             progress=lambda done, total, text: cancel.set())
    assert store.setting(config.PULL_CURSOR) == 2002
    assert store.scalar("SELECT count(*) FROM party_groups WHERE id LIKE 'g%'") == 3
    pull(store, transport, page_size=3)
    assert store.scalar("SELECT count(*) FROM party_groups WHERE id LIKE 'g%'") == 10
