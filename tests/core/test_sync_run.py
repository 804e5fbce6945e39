"""A whole sync through a fake transport: success and failure recorded, the clock offset, conflicts
explained and resolved, the schedule. (Acceptance tests against the real server: tests/e2e.)"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, record_study
from core.store import Store
from core.sync import config
from core.sync.conflicts import list_conflicts, resolve_conflict
from core.sync.errors import SyncError
from core.sync.pull import pull
from core.sync.push import push
from core.sync.run import sync
from core.sync.status import sync_status
from tests.core.test_sync_client import FakeTransport, _enrolled, _member, _server_record

# -- a whole sync, conflicts ----------------------------------------------------------------------------


def test_sync_records_success_and_failure(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    result = sync(store, transport=transport)
    assert result.pushed == 8 and result.clock_warning is None and abs(result.clock_offset_ms) < 1000
    status = sync_status(store)
    assert status.last_success_at and status.last_error is None and status.pending == 0

    def broken() -> dict[str, Any]:
        from core.sync.errors import ServerUnreachable

        raise ServerUnreachable("连不上区里的服务器。")

    transport.info = broken  # type: ignore[method-assign]
    with pytest.raises(SyncError):
        sync(store, transport=transport)
    after = sync_status(store)
    assert after.last_error == "连不上区里的服务器。" and after.last_success_at == status.last_success_at
    assert after.last_attempt_at >= status.last_attempt_at


def test_conflict_is_explained_and_resolved_as_a_normal_write(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    mine = _member(store, "张三", "1960-01-01", phone="13800000002")
    push(store, transport)
    transport.pages = [{"records": [_server_record("conflicts", "c1", 3000, {
        "table_name": "members", "record_id": mine, "field": "phone",
        "kept_value": json.dumps("13800000002"), "lost_value": json.dumps("13900000001"),
        "kept_updated_at": "2026-11-22T01:30:00.000Z", "lost_updated_at": "2026-11-22T01:10:00.000Z",
        "lost_device": "书记的笔记本", "resolution": None, "resolved_at": None, "resolved_by": None})]}]
    assert pull(store, transport).new_conflicts == 1
    [view] = list_conflicts(store)
    assert view.what == "党员 张三" and view.field_label == "手机"
    assert view.kept_value == "13800000002" and view.lost_value == "13900000001"
    assert "两台电脑上都改了" in view.explanation and "保留了 13800000002" in view.explanation
    assert "“书记的笔记本”的 13900000001" in view.explanation and "未采用" in view.explanation
    assert sync_status(store).open_conflicts == 1

    resolve_conflict(store, "c1", keep=False, resolved_by="组织委员")
    assert store.get("members", mine)["phone"] == "13900000001"
    conflict = store.get("conflicts", "c1")
    assert conflict["resolution"] == "restored" and conflict["resolved_by"] == "组织委员"
    assert conflict["rev"] > conflict["synced_rev"]  # goes to the server like any edit
    assert list_conflicts(store) == []
    assert [v.resolution for v in list_conflicts(store, include_resolved=True)] == ["restored"]
    with pytest.raises(SyncError, match="已经处理过"):
        resolve_conflict(store, "c1", True, "x")


def test_lesson_and_study_rows_travel_with_their_data(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    member = _member(store, "张三", "1960-01-01")
    lesson = add_lesson(store, {"title": "第1讲", "video_url": "https://dj.example.cn/v/1",
                                "published_date": "2026-11-01", "minutes": 20})
    [record_id] = record_study(store, StudyEntry(lesson, "2026-11-20", "self_scan"), [member], today=date(2026, 11, 22))
    push(store, transport)
    sent = {r["id"]: r for _, batch in transport.pushed for r in batch}
    assert sent[record_id]["data"]["lesson_id"] == lesson and sent[record_id]["data"]["minutes"] == 20
    assert sent[record_id]["data"]["void_reason"] is None


def test_clock_offset_is_kept_and_a_large_one_warned_about(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    transport.clock_ahead_ms = 20 * 60 * 1000
    result = sync(store, transport=transport)
    assert abs(result.clock_offset_ms - 20 * 60 * 1000) < 1000
    assert result.clock_warning and "慢约 20 分钟" in result.clock_warning
    assert store.setting(config.CLOCK_OFFSET_MS) == result.clock_offset_ms
    stamp = datetime.fromisoformat(store.now())
    assert abs((stamp - datetime.now(UTC)).total_seconds() - 1200) < 2  # edits are stamped in server time
    assert sync_status(store).clock_warning == result.clock_warning


def test_sync_is_due_after_the_interval(store: Store) -> None:
    from datetime import timedelta as td

    from core.sync.status import sync_due

    assert not sync_due(store)  # not enrolled
    transport = FakeTransport()
    _enrolled(store, transport)
    assert sync_due(store)
    sync(store, transport=transport)
    now = datetime.fromisoformat(store.setting(config.LAST_ATTEMPT_AT))
    assert not sync_due(store, now + td(minutes=9))
    assert sync_due(store, now + td(minutes=10))
    config.set_interval_minutes(store, 30)
    assert not sync_due(store, now + td(minutes=29))


def test_a_newer_server_is_synced_with_a_notice_and_one_that_left_this_version_behind_refuses(store: Store) -> None:
    transport = FakeTransport()
    _enrolled(store, transport)
    _member(store, "张三", "1960-01-01")
    transport.protocol = 3  # still answers protocol-2 computers
    result = sync(store, transport=transport)
    assert result.pushed > 0 and store.dirty_count() == 0
    assert result.update_notice and "最新版本" in result.update_notice
    assert sync_status(store).update_notice == result.update_notice
    transport.min_client_protocol = 3  # no longer
    _member(store, "李四", "1961-01-01")
    batches = len(transport.pushed)
    with pytest.raises(SyncError) as refused:
        sync(store, transport=transport)
    assert "请安装最新版本" in refused.value.message
    assert len(transport.pushed) == batches and store.dirty_count() == 1  # nothing sent, the edit kept
    transport.protocol = transport.min_client_protocol = 2  # a server of this version: no notice
    assert sync(store, transport=transport).update_notice is None and sync_status(store).update_notice is None
