"""Convergence of sync, property-tested against the real server (a process on 127.0.0.1, SQLite and —
with ZHIBU_TEST_PG_URL — PostgreSQL behind it).

Each example is a fresh branch with two computers. Random operations — add a member, edit a field,
delete or bring back a member, edit the branch's own lesson, record a study, void one, resolve a
conflict, the district publishing a lesson — run on either computer, with syncs of either in random
order. A model of the server (``tests/e2e/sync_model.py``) predicts every row and every conflict;
after each sync the computer must hold exactly what the model says. At the end everyone syncs until
nothing changes, and then: all copies agree, nothing is dirty, each concurrent change of a field is
recorded as exactly one conflict (and nothing else is), and no study record is lost, doubled or left
unvoided anywhere.

The district's side (a new branch, a device code, a published lesson) calls ``server.admin`` on the
server's database — what the admin CLI runs, without a second of interpreter start per call; the
CLI itself is tested in test_sync_branches.py. The server has no way to edit a published lesson, so
the district only publishes. ``ZHIBU_SOAK=1`` runs many more and longer examples.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.lessons.catalogue import add_lesson, edit_lesson
from core.lessons.study import StudyEntry, record_study, void_record
from core.roster.members import as_record, delete_member, edit_member, get_member, undelete_member
from core.store import Store
from core.sync.conflicts import list_conflicts, resolve_conflict
from core.sync.rejections import list_rejections
from core.sync.run import SyncResult, sync
from core.sync.status import sync_status
from server import admin as district_admin
from server.db import Database
from tests.e2e.sync_model import CONFLICTS, ExpectedConflict, Key, ServerModel, Stored, read_rows
from tests.e2e.test_sync_branches import add_people, comparable, local_records, open_office, server_records
from tests.sync_server import RunningServer, district_server, server_db_url  # noqa: F401
from tests.sync_server import enroll as enroll_device

SOAK = os.environ.get("ZHIBU_SOAK") == "1"
TODAY = date.today()
MEMBER_EDITS: dict[str, tuple[Any, ...]] = {
    "phone": ("13800000001", "13900000002", "13700000003"),
    "village": ("河东村", "河西村", "南岭村"),
    "wechat": ("none", "wechat", "follows_account"),
    "note": ("腿脚不便", "常年外出务工", None),
}
LESSON_EDITS: dict[str, tuple[Any, ...]] = {
    "title": ("村规民约学习", "乡村振兴讲座", "防范电信诈骗"),
    "minutes": (15, 20, 30),
}
VOID_REASONS = ("日期填错", "重复登记")
# Operation kinds, repeated to weigh them; shrinking moves towards the front.
KINDS = ("edit", "sync", "edit", "edit", "study", "void", "add", "delete", "lesson", "lesson", "resolve", "sync",
         "publish")
Operation = tuple[str, int, int, int, int]  # kind, computer, which row, which field or choice, which value


@dataclass
class Figures:
    examples: int = 0
    operations: int = 0
    syncs: int = 0
    merges: int = 0
    conflicts: int = 0
    study_records: int = 0
    voided: int = 0
    voided_twice: int = 0  # a record voided on both computers with different reasons
    resolved: int = 0


FIGURES = Figures()
PUBLISHED = itertools.count(1)  # district lessons stay on the server from one example to the next


@dataclass
class Office:
    name: str
    store: Store
    seen: dict[Key, Stored]


@dataclass
class Branch:
    """One example: a fresh branch, its two computers and the model of the server."""

    server: RunningServer
    district: Database
    folder: Path
    branch_id: str
    offices: list[Office]
    model: ServerModel
    serial: int = 0  # makes names, ID numbers and notes unique within the example
    recorded: set[str] = field(default_factory=set)
    voided: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, server: RunningServer, district: Database, folder: Path) -> Branch:
        """A new branch with two members and a lesson of its own, on two computers that agree."""
        branch = district_admin.add_branch(district, f"河东村党支部{uuid.uuid4().hex[:8]}")
        first = open_office(folder / "office.db", server, branch["enrollment_code"], "办公室电脑")
        add_people(first, ["张三", "李桂兰"])
        add_lesson(first, {"title": "支部自己的课", "video_url": "https://dj.example.cn/branch/1", "minutes": 20,
                           "published_date": (TODAY - timedelta(days=30)).isoformat()})
        sync(first)
        code = district_admin.new_code(district, branch["branch_id"])["enrollment_code"]
        second = open_office(folder / "laptop.db", server, code, "书记的笔记本")
        sync(second)
        sync(first)
        assert comparable(local_records(first)) == comparable(local_records(second))
        rows = read_rows(first)
        assert not any(row.dirty for row in rows.values())
        model = ServerModel(rows)
        offices = [Office("办公室电脑", first, model.snapshot()), Office("书记的笔记本", second, model.snapshot())]
        return cls(server, district, folder, branch["branch_id"], offices, model)

    def close(self) -> None:
        for office in self.offices:
            office.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- operations: each picks among what the computer has; False when there is nothing to pick ----

    def run(self, op: Operation) -> None:
        kind, pc, pick, choice, value = op
        if kind == "sync":
            self.sync(pc)
            done = True
        else:
            done = getattr(self, f"_{kind}")(self.offices[pc], pick, choice, value)
        FIGURES.operations += done

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    @staticmethod
    def _members(store: Store, deleted: bool | None = False) -> list[str]:
        where = "" if deleted is None else f"WHERE deleted = {int(deleted)}"
        return [r["id"] for r in store.query(f"SELECT id FROM members {where} ORDER BY birth_date")]

    def _add(self, office: Office, *_: int) -> bool:
        n = self._next()
        add_people(office.store, [("王秀兰", "刘建国", "陈桂芳", "杨德明")[n % 4]], first_year=1960 + n)
        return True

    def _edit(self, office: Office, pick: int, choice: int, value: int) -> bool:
        store = office.store
        members = self._members(store)
        if not members:
            return False
        member_id = members[pick % len(members)]
        name = list(MEMBER_EDITS)[choice % len(MEMBER_EDITS)]
        raw = as_record(get_member(store, member_id) or {})
        raw[name] = MEMBER_EDITS[name][value % len(MEMBER_EDITS[name])]
        edit_member(store, member_id, raw, TODAY)
        return True

    def _delete(self, office: Office, pick: int, *_: int) -> bool:
        """Delete a member, or bring a deleted one back."""
        store = office.store
        members = self._members(store, deleted=None)
        member_id = members[pick % len(members)]
        if store.get("members", member_id)["deleted"]:  # type: ignore[index]
            undelete_member(store, member_id)
        else:
            delete_member(store, member_id)
        return True

    def _lesson(self, office: Office, _pick: int, choice: int, value: int) -> bool:
        store = office.store
        [lesson] = store.query("SELECT * FROM lessons WHERE branch_id != 'district'")
        name = list(LESSON_EDITS)[choice % len(LESSON_EDITS)]
        raw = {**lesson, name: LESSON_EDITS[name][value % len(LESSON_EDITS[name])]}
        edit_lesson(store, lesson["id"], raw)
        return True

    def _study(self, office: Office, pick: int, choice: int, value: int) -> bool:
        store = office.store
        members = self._members(store)
        lessons = [r["id"] for r in store.query("SELECT id FROM lessons WHERE deleted = 0 ORDER BY video_url")]
        if not members or not lessons:
            return False
        entry = StudyEntry(lessons[choice % len(lessons)], TODAY.isoformat(), ("self_scan", "group")[value % 2],
                           note=f"第{self._next()}条")
        self.recorded.update(record_study(store, entry, [members[pick % len(members)]], today=TODAY))
        FIGURES.study_records += 1
        return True

    def _void(self, office: Office, pick: int, _choice: int, value: int) -> bool:
        store = office.store
        records = [r["id"] for r in store.query("SELECT id FROM study_records WHERE deleted = 0 ORDER BY note")]
        if not records:
            return False
        record_id = records[pick % len(records)]
        void_record(store, record_id, VOID_REASONS[value % len(VOID_REASONS)])
        self.voided.add(record_id)
        FIGURES.voided += 1
        return True

    def _resolve(self, office: Office, pick: int, choice: int, _value: int) -> bool:
        """Resolve an open conflict: keep the newer value, or restore the one that lost."""
        conflicts = office.store.query(
            "SELECT id FROM conflicts WHERE deleted = 0 AND resolution IS NULL "
            "ORDER BY updated_at, table_name, field, kept_value, lost_value"
        )
        if not conflicts:
            return False
        resolve_conflict(office.store, conflicts[pick % len(conflicts)]["id"], keep=choice % 2 == 0,
                         resolved_by=office.name)
        FIGURES.resolved += 1
        return True

    def _publish(self, *_: Any) -> bool:
        """The district publishes a lesson (what ``lesson publish`` runs); every branch gets it."""
        n = next(PUBLISHED)
        url = f"https://dj.example.cn/district/{n:05d}"
        answer = district_admin.publish_lesson(self.district, f"区里的微党课第{n}讲", url, minutes=10 + n % 50)
        wanted = {"title": f"区里的微党课第{n}讲", "video_url": url, "minutes": 10 + n % 50,
                  "published_date": TODAY.isoformat(), "archived": 0, "deleted": 0}
        columns = next(stored.fields for key, stored in self.model.rows.items() if key[0] == "lessons")
        self.model.publish(("lessons", answer["lesson_id"]), {name: wanted.get(name) for name in columns})
        return True

    # -- sync and the checks ---------------------------------------------------------------------

    def sync(self, pc: int) -> SyncResult:
        """Sync one computer. The model predicts the push and its conflicts; afterwards the computer
        holds exactly what the model's server holds."""
        model, office = self.model, self.offices[pc]
        before = read_rows(office.store)
        for key, row in before.items():
            if not row.dirty:
                assert key in office.seen and row.fields == office.seen[key].fields, f"{key} changed but is clean"
        known_conflicts = len(model.conflicts)
        model.push(before, office.seen)
        result = sync(office.store)
        FIGURES.syncs += 1
        assert result.rejected == 0, [(r.what, r.message) for r in list_rejections(office.store)]
        after = read_rows(office.store)
        assert not [key for key, row in after.items() if row.dirty], "rows still dirty after a sync"
        fresh = {key: row for key, row in after.items() if key[0] == CONFLICTS and key not in model.rows}
        written = Counter(_conflict_of(row.fields) for row in fresh.values())
        expected = Counter(_expected(c) for c in model.conflicts[known_conflicts:])
        assert written == expected, {"missing": expected - written, "unexpected": written - expected}
        unseen_open = {key for key in model.open_conflicts() if key not in office.seen} | set(fresh)
        for key, row in fresh.items():
            model.adopt(key, row)
        assert result.conflicts == len(unseen_open)
        office.seen = model.snapshot()
        assert_same(f"{office.name} and the model", {key: row.fields for key, row in after.items()}, model.fields())
        return result

    def settle(self) -> None:
        """Sync both computers in turn until a round changes nothing (three rounds at most)."""
        for _ in range(3):
            results = [self.sync(pc) for pc in range(len(self.offices))]
            if all(r.pushed == 0 and r.pulled == 0 for r in results):
                return
        raise AssertionError("three rounds of sync did not settle")

    def check_converged(self) -> None:
        for office in self.offices:
            assert office.store.dirty_count() == 0 and sync_status(office.store).pending == 0
            assert list_rejections(office.store) == []
            views = list_conflicts(office.store)
            assert {("conflicts", v.id) for v in views} == self.model.open_conflicts()
            assert all(v.explanation and v.what for v in views)
        first, second = (comparable(local_records(o.store)) for o in self.offices)
        remote = comparable(self._server_records())
        assert_same("the two computers", first, second)
        assert_same("a computer and the server", first, remote)
        # one conflict row for each field changed on both sides to different values, and no other
        on_server = Counter(_conflict_of(r["data"]) for (table, _), r in remote.items() if table == CONFLICTS)
        assert on_server == Counter(_expected(c) for c in self.model.conflicts)
        self._check_study(remote)
        FIGURES.examples += 1
        FIGURES.merges += self.model.merges
        FIGURES.voided_twice += self.model.voided_twice
        FIGURES.conflicts += len(self.model.conflicts)

    def _server_records(self) -> dict[Key, dict[str, Any]]:
        """What a new device of the branch pulls (``server_records``, its code issued in-process)."""
        code = district_admin.new_code(self.district, self.branch_id)["enrollment_code"]
        token = enroll_device(self.server.url, code, "检查用电脑")["token"]
        return server_records(self.server, self.branch_id, token)

    def _check_study(self, remote: dict[Key, dict[str, Any]]) -> None:
        """Every study record entered on either computer is there once; a voided one is voided
        everywhere."""
        on_server = {row_id: r for (table, row_id), r in remote.items() if table == "study_records"}
        assert set(on_server) == self.recorded
        for office in self.offices:
            here = {r["id"]: r for r in office.store.query("SELECT * FROM study_records")}
            assert set(here) == self.recorded
            for row_id in self.recorded:
                assert here[row_id]["deleted"] == on_server[row_id]["deleted"] == (row_id in self.voided)
                assert here[row_id]["void_reason"] == on_server[row_id]["data"]["void_reason"]


def _conflict_of(data: dict[str, Any]) -> tuple[str, ...]:
    """A conflict row as (table, record id, field, kept value, lost value), values canonical JSON."""
    kept, lost = json.loads(data["kept_value"]), json.loads(data["lost_value"])
    return (data["table_name"], data["record_id"], data["field"], _canonical(kept), _canonical(lost))


def _expected(conflict: ExpectedConflict) -> tuple[str, ...]:
    return (conflict.table, conflict.record_id, conflict.field, _canonical(conflict.kept), _canonical(conflict.lost))


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def assert_same(what: str, left: dict[Key, Any], right: dict[Key, Any]) -> None:
    """Equal mappings, or an assertion naming the first differing rows and fields."""
    if left == right:
        return
    only_left, only_right = sorted(left.keys() - right.keys()), sorted(right.keys() - left.keys())
    differing = []
    for key in sorted(left.keys() & right.keys()):
        if left[key] != right[key]:
            a, b = left[key], right[key]
            if isinstance(a, dict) and isinstance(a.get("data"), dict):
                a, b = {**a["data"], "deleted": a["deleted"]}, {**b["data"], "deleted": b["deleted"]}
            differing.append((key, {n: (a.get(n), b.get(n)) for n in a.keys() | b.keys() if a.get(n) != b.get(n)}))
    raise AssertionError(f"{what} differ: only left {only_left[:3]}, only right {only_right[:3]}, "
                         f"differing {differing[:3]}")


# -- the property ------------------------------------------------------------------------------------

# Half of the picks take the first row or field, so that both computers often change the same one.
PICK, CHOICE = st.one_of(st.just(0), st.integers(0, 7)), st.one_of(st.just(0), st.integers(0, 3))
OPERATION = st.tuples(st.sampled_from(KINDS), st.integers(0, 1), PICK, CHOICE, st.integers(0, 2))
OPERATIONS = st.lists(OPERATION, min_size=16, max_size=80 if SOAK else 40)
# Both computers void the same study record with different reasons before either syncs: the second
# void was refused as a change of an immutable event and stayed dirty on its computer for good.
BOTH_VOID: list[Operation] = [("study", 0, 0, 0, 0), ("sync", 0, 0, 0, 0), ("sync", 1, 0, 0, 0),
                              ("void", 0, 0, 0, 0), ("void", 1, 0, 0, 1), ("sync", 0, 0, 0, 0), ("sync", 1, 0, 0, 0)]
# One phone changed on both computers, then the conflict resolved on both: the same way (that was
# two new conflicts, over when and by whom it was resolved), or differently (one conflict, not three).
PHONE_CONFLICT: list[Operation] = [("edit", 0, 0, 0, 0), ("edit", 1, 0, 0, 1), ("sync", 0, 0, 0, 0),
                                   ("sync", 1, 0, 0, 0), ("sync", 0, 0, 0, 0)]
BOTH_KEEP = [*PHONE_CONFLICT, ("resolve", 0, 0, 0, 0), ("resolve", 1, 0, 0, 0)]
KEEP_AND_RESTORE = [*PHONE_CONFLICT, ("resolve", 0, 0, 0, 0), ("resolve", 1, 0, 1, 0)]


def run_example(server: RunningServer, district: Database, operations: list[Operation]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="zhibu-convergence-"))
    try:
        branch = Branch.open(server, district, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        for op in operations:
            branch.run(op)
        branch.settle()
        branch.check_converged()
    finally:
        branch.close()


def test_two_computers_and_the_district_converge_with_each_conflict_recorded_once(
    district_server: RunningServer,  # noqa: F811
) -> None:
    district = Database(district_server.db_url, pool_size=2)
    start = Figures(**vars(FIGURES))

    @settings(
        max_examples=400 if SOAK else 30, deadline=None, derandomize=not SOAK, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(operations=OPERATIONS)
    @example(operations=BOTH_VOID)
    @example(operations=BOTH_KEEP)
    @example(operations=KEEP_AND_RESTORE)
    def converges(operations: list[Operation]) -> None:
        run_example(district_server, district, operations)

    try:
        converges()
    finally:
        district.dispose()
    done = {name: value - getattr(start, name) for name, value in vars(FIGURES).items()}
    print(f"\nsync convergence: {done}")
    # the examples must have exercised what they claim to check
    assert all(done[name] > 0 for name in ("merges", "conflicts", "voided", "resolved")), done
