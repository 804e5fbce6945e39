"""Branch offices syncing with the real district server (a process on 127.0.0.1, SQLite and —
with ZHIBU_TEST_PG_URL — PostgreSQL behind it): two branches kept apart, a district lesson reaching
both, and two computers of one branch merging their edits and seeing the same conflict."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, record_study
from core.migrations import DEFAULT_SKILLS, SYNCED_TABLES, skill_id_for
from core.roster.members import add_member
from core.store import Store
from core.sync.conflicts import list_conflicts, resolve_conflict
from core.sync.enroll import enroll
from core.sync.run import sync
from core.sync.status import sync_status
from core.sync.transport import HttpTransport
from tests.support import make_id
from tests.sync_server import RunningServer, admin, district_server, server_db_url  # noqa: F401
from tests.sync_server import enroll as enroll_device

TODAY = date.today()


# -- helpers shared by the sync end-to-end tests ------------------------------------------------------


def open_office(path: Path, server: RunningServer, code: str, device: str) -> Store:
    """A fresh branch database at ``path``, enrolled with ``code``."""
    store = Store.open(path)
    enroll(store, server.url, code, device)
    return store


def add_people(store: Store, names: list[str], first_year: int = 1950) -> list[str]:
    ids = []
    for n, name in enumerate(names):
        birth = f"{first_year + n}-0{1 + n % 9}-1{n % 9}"
        member_id, _ = add_member(store, {"name": name, "gender": "男", "birth_date": birth,
                                          "id_number": make_id(birth, seq=10 + n % 80)}, TODAY)
        ids.append(member_id)
    return ids


def local_records(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced row as the server would hold it."""
    out = {}
    for table in SYNCED_TABLES:
        for row in store.query(f"SELECT * FROM {table}"):
            data = {k: v for k, v in row.items()
                    if k not in ("id", "branch_id", "rev", "synced_rev", "version", "updated_at", "deleted")}
            out[(table, row["id"])] = {"branch_id": row["branch_id"], "version": row["version"],
                                       "updated_at": row["updated_at"], "deleted": row["deleted"], "data": data}
    return out


def server_records(
    server: RunningServer, branch_id: str, token: str | None = None
) -> dict[tuple[str, str], dict[str, Any]]:
    """What a new device of the branch pulls from the server: everything it may read. With the
    ``token`` of a device already enrolled in the branch, the pull goes under it (nothing changes
    on that device)."""
    if token is None:
        code = admin(server.db_url, "branch", "code", branch_id)["enrollment_code"]
        token = enroll_device(server.url, code, "检查用电脑")["token"]
    transport = HttpTransport(server.url, token)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    since = 0
    try:
        while True:
            page = transport.pull(since, 500)
            for r in page["records"]:
                key = (r["table"], r["id"])
                assert key not in out, f"{key} pulled twice"
                out[key] = {k: r[k] for k in ("branch_id", "version", "updated_at", "deleted", "data")}
            since = page["next"]
            if not page["more"]:
                return out
    finally:
        transport.close()


def comparable(records: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Records without ``updated_at``: a row pushed with the same content the server already holds
    (e.g. a default skill made on two computers) is acknowledged ``ok`` without a write, so each
    side keeps its own stamp of the identical content."""
    return {key: {k: v for k, v in r.items() if k != "updated_at"} for key, r in records.items()}


def assert_agree(store: Store, server: RunningServer) -> None:
    """Every local row clean, and the server's rows equal to the local ones."""
    assert store.dirty_count() == 0
    assert sync_status(store).pending == 0
    local, remote = comparable(local_records(store)), comparable(server_records(server, store.branch_id))
    assert local.keys() == remote.keys()
    differing = [key for key in local if local[key] != remote[key]]
    assert not differing, [(k, local[k], remote[k]) for k in differing[:3]]


# -- two branches ----------------------------------------------------------------------------------


def test_two_branches_sync_apart_and_both_get_the_district_lesson(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    east = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    west = admin(server.db_url, "branch", "add", "--name", "河西村党支部")
    a = open_office(tmp_path / "east.db", server, east["enrollment_code"], "河东村办公室")
    b = open_office(tmp_path / "west.db", server, west["enrollment_code"], "河西村办公室")
    assert a.branch_id == east["branch_id"] and b.branch_id == west["branch_id"]

    a_people = add_people(a, ["张三", "李桂兰", "赵秀英"])
    b_people = add_people(b, ["王五", "孙六"], first_year=1960)
    for store, people in ((a, a_people), (b, b_people)):
        lesson = add_lesson(store, {"title": "支部自己的课", "video_url": "https://dj.example.cn/own",
                                    "published_date": "2026-01-05", "minutes": 20})
        record_study(store, StudyEntry(lesson, "2026-01-10", "self_scan"), people, today=TODAY)
    first_a, first_b = sync(a), sync(b)
    # 3 members + 1 lesson + 3 study records + 8 skills
    assert (first_a.pushed, first_a.rejected, first_a.conflicts) == (15, 0, 0)
    assert (first_b.pushed, first_b.rejected) == (13, 0)

    published = admin(server.db_url, "lesson", "publish", "--title", "学习二十届三中全会精神",
                      "--url", "https://dj.example.cn/v/3", "--minutes", "25", "--published", TODAY.isoformat())
    assert sync(a).pulled == 1 and sync(b).pulled == 1
    for store in (a, b):
        lesson = store.get("lessons", published["lesson_id"])
        assert lesson is not None and lesson["branch_id"] == "district"
        assert lesson["title"] == "学习二十届三中全会精神" and lesson["rev"] == lesson["synced_rev"]

    a_names = {r["name"] for r in a.query("SELECT name FROM members")}
    b_names = {r["name"] for r in b.query("SELECT name FROM members")}
    assert a_names == {"张三", "李桂兰", "赵秀英"} and b_names == {"王五", "孙六"}
    assert a.scalar("SELECT count(*) FROM study_records") == 3 and b.scalar("SELECT count(*) FROM study_records") == 2

    # study of the district lesson is recorded offline and synced like anything else
    record_study(a, StudyEntry(published["lesson_id"], TODAY.isoformat(), "group"), a_people[:2], today=TODAY)
    assert sync(a).pushed == 2
    assert_agree(a, server)
    assert_agree(b, server)
    remote_a = server_records(server, a.branch_id)
    assert not {("members", m) for m in b_people} & remote_a.keys()
    assert {r["branch_id"] for r in remote_a.values()} == {a.branch_id, "district"}
    a.close()
    b.close()


# -- two computers of one branch ------------------------------------------------------------------------


def test_two_computers_of_one_branch_merge_fields_and_share_the_conflict(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    office = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    [zhang, li] = add_people(office, ["张三", "李桂兰"])
    sync(office)

    second_code = admin(server.db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
    laptop = open_office(tmp_path / "laptop.db", server, second_code, "书记的笔记本")
    first = sync(laptop)
    assert first.rejected == 0 and first.conflicts == 0
    assert {r["name"] for r in laptop.query("SELECT name FROM members")} == {"张三", "李桂兰"}
    # the default skills of both computers were re-keyed to the same rows: no duplicates
    skills = laptop.query("SELECT id FROM skills")
    assert {s["id"] for s in skills} == {skill_id_for(branch["branch_id"], n) for n in DEFAULT_SKILLS}
    sync(office)
    assert comparable(local_records(office)) == comparable(local_records(laptop))

    # different fields of one member: both edits survive on both computers
    office.update("members", zhang, {"phone": "13800000001"})
    laptop.update("members", zhang, {"village": "河东村"})
    sync(office)
    assert sync(laptop).conflicts == 0
    sync(office)
    for store in (office, laptop):
        row = store.get("members", zhang)
        assert (row["phone"], row["village"]) == ("13800000001", "河东村")
    assert list_conflicts(office) == [] and list_conflicts(laptop) == []

    # the same field: the newer edit wins everywhere and the conflict shows on both computers
    laptop.update("members", li, {"phone": "13900000001"})  # older
    time.sleep(0.05)
    office.update("members", li, {"phone": "13800000002"})  # newer
    sync(office)
    assert sync(laptop).conflicts == 1
    assert sync(office).conflicts == 1
    for store in (office, laptop):
        assert store.get("members", li)["phone"] == "13800000002"
        [view] = list_conflicts(store)
        assert (view.table, view.record_id, view.field) == ("members", li, "phone")
        assert (view.kept_value, view.lost_value, view.lost_device) == ("13800000002", "13900000001", "书记的笔记本")
        assert view.what == "党员 李桂兰" and view.field_label == "手机"
        assert "保留了 13800000002" in view.explanation and "13900000001" in view.explanation
    remote = server_records(server, branch["branch_id"])
    on_server = [r for (table, _), r in remote.items() if table == "conflicts"]
    assert [(c["data"]["record_id"], c["data"]["field"], c["data"]["resolution"]) for c in on_server] == [
        (li, "phone", None)]

    # resolving on one computer reaches the other and the server
    resolve_conflict(laptop, view.id, keep=False, resolved_by="书记")
    sync(laptop)
    sync(office)
    for store in (office, laptop):
        assert store.get("members", li)["phone"] == "13900000001"
        assert list_conflicts(store) == []
        assert store.get("conflicts", view.id)["resolution"] == "restored"
    assert_agree(office, server)
    assert_agree(laptop, server)
    office.close()
    laptop.close()
