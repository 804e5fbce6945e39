"""Sync when things go wrong, against the real server: a batch sent twice, a pull interrupted
between pages, and the server killed in the middle of a large push."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from core.migrations import SYNCED_TABLES
from core.store import Store
from core.sync import config
from core.sync.errors import ServerUnreachable, SyncCancelled
from core.sync.push import collect_batch
from core.sync.run import sync
from core.sync.status import sync_status
from core.sync.transport import HttpTransport
from tests.e2e.test_sync_branches import (
    add_people,
    assert_agree,
    comparable,
    local_records,
    open_office,
    server_records,
)
from tests.sync_server import RunningServer, admin, district_server, server_db_url  # noqa: F401


def _bulk_members(store: Store, count: int) -> list[str]:
    return store.insert_many("members", [
        {"name": f"党员{n:05d}", "category": "full", "status": "active", "village": f"第{n % 7}村",
         "name_pinyin": f"dangyuan{n:05d}", "name_initials": "dy"}
        for n in range(count)
    ])


def _wait_for_acknowledged(path: Path, rows: int, seconds: float = 60) -> bool:
    """Watch the branch database (a connection of its own, on the caller's thread) until at least
    ``rows`` members carry a server version; False when that does not happen in time."""
    watcher = Store.open(path)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if watcher.scalar("SELECT count(*) FROM members WHERE version > 0") >= rows:
                return True
            time.sleep(0.005)
        return False
    finally:
        watcher.close()


def test_a_batch_sent_twice_is_applied_once_and_answered_the_same(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    store = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    add_people(store, ["张三", "李桂兰", "赵秀英"])
    batch = collect_batch(store, dict.fromkeys(SYNCED_TABLES, 0), set(), 500)
    records = [item.record for item in batch]
    transport = HttpTransport(server.url, store.setting(config.TOKEN))
    first = transport.push("batch-once", records)
    second = transport.push("batch-once", records)
    assert first["results"] == second["results"]
    assert {r["status"] for r in first["results"]} == {"ok"}
    # the same records under a new batch id: already there with the same content, nothing new
    third = transport.push("batch-again", records)
    assert [r["version"] for r in third["results"]] == [r["version"] for r in first["results"]]
    remote = server_records(server, branch["branch_id"])
    assert len(remote) == len(records) == 11
    assert {key[1] for key in remote} == {r["id"] for r in records}
    transport.close()
    # the client then syncs as usual: every row acknowledged, both sides equal
    sync(store)
    assert_agree(store, server)
    store.close()


def test_an_interrupted_pull_resumes_without_losing_anything(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    office = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    _bulk_members(office, 95)
    sync(office)

    code = admin(server.db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
    laptop = open_office(tmp_path / "laptop.db", server, code, "笔记本")
    cancel = threading.Event()

    def stop_after_first_page(done: int, total: int, text: str) -> None:
        if text.startswith("下载"):
            cancel.set()

    with pytest.raises(SyncCancelled):
        sync(laptop, progress=stop_after_first_page, cancel=cancel, page_size=20)
    cursor = laptop.setting(config.PULL_CURSOR)
    assert cursor > 0
    assert laptop.scalar("SELECT count(*) FROM members") == 20
    assert laptop.dirty_count() == 0  # its own skills went up before the pull began
    assert sync_status(laptop).last_error and "取消" in sync_status(laptop).last_error
    assert laptop.scalar("PRAGMA foreign_keys") == 1

    resumed = sync(laptop, page_size=20)
    assert resumed.pulled == 75
    assert comparable(local_records(laptop)) == comparable(local_records(office))
    assert_agree(laptop, server)
    assert sync_status(laptop).last_error is None
    office.close()
    laptop.close()


def test_the_server_killed_mid_push_and_restarted_leaves_both_sides_in_agreement(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    store = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    _bulk_members(store, 6000)
    killed = threading.Event()

    def kill_once_some_rows_are_acknowledged() -> None:
        if _wait_for_acknowledged(store.path, 500):
            server.kill()
            killed.set()

    killer = threading.Thread(target=kill_once_some_rows_are_acknowledged)
    killer.start()
    transport = HttpTransport(server.url, store.setting(config.TOKEN), sleep=lambda seconds: None)
    with pytest.raises(ServerUnreachable):
        sync(store, transport=transport)
    killer.join()
    assert killed.is_set()
    acknowledged = store.scalar("SELECT count(*) FROM members WHERE rev = synced_rev")
    assert 500 <= acknowledged < 6000
    status = sync_status(store)
    assert status.last_error and status.pending == store.dirty_count() >= 6000 - acknowledged

    server.restart()
    result = sync(store)
    assert result.rejected == 0 and result.conflicts == 0
    assert store.scalar("SELECT count(*) FROM members WHERE rev = synced_rev") == 6000
    assert_agree(store, server)
    store.close()


def test_a_push_retried_across_a_server_restart_finishes_the_same_sync(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    store = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    _bulk_members(store, 3000)
    back = threading.Event()

    def crash_and_come_back() -> None:
        assert _wait_for_acknowledged(store.path, 500)
        server.kill()
        server.restart()
        back.set()

    helper = threading.Thread(target=crash_and_come_back)
    helper.start()
    # the transport waits for the server to come back between attempts, as a patient office would
    transport = HttpTransport(server.url, store.setting(config.TOKEN), sleep=lambda seconds: back.wait(30))
    result = sync(store, transport=transport)
    helper.join()
    assert back.is_set()
    assert result.rejected == 0 and result.pushed == 3008
    assert_agree(store, server)
    store.close()


def test_a_batch_too_large_for_the_server_is_sent_in_smaller_batches(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    store = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    # 600 members with 8,000-character notes: one 500-row batch (12 MB) would be over the server's 10 MB
    note = "".join(chr(0x4E00 + n % 20_000) for n in range(8_000))
    store.insert_many("members", [
        {"name": f"党员{n:03d}", "category": "full", "status": "active", "note": f"{n}{note}",
         "name_pinyin": f"dangyuan{n:03d}", "name_initials": "dy"}
        for n in range(600)
    ])
    result = sync(store)
    assert result.rejected == 0 and result.pushed == 608
    assert store.dirty_count() == 0
    assert_agree(store, server)
    store.close()
