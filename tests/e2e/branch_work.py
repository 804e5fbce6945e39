"""A branch office at work, for the sync fault tests: random everyday edits through the core APIs
the app uses, a ledger of what the people did, and the checks that the district holds exactly that.

The ledger is the oracle. A member's field written on only one computer must end with the last
value written there (a field nobody wrote keeps the value it was created with); only a field written
on both computers may become a conflict. Every study record entered exists once on the server, voided
exactly when it was voided; (member, lesson, day) has at most one valid record, as the app enters it.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from core.lessons.catalogue import add_lesson
from core.lessons.fields import HELPER_METHODS, METHODS
from core.lessons.study import StudyEntry, record_study, void_record
from core.roster.members import add_member, as_record, delete_member, edit_member, get_member, undelete_member
from core.store import Store
from core.sync import config
from core.sync.status import sync_status
from core.sync.transport import HttpTransport
from tests.e2e.test_sync_branches import comparable, local_records, server_records
from tests.sync_server import RunningServer

Records = dict[tuple[str, str], dict[str, Any]]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英桂兰志强玉珍德明春华淑芬振海燕金凤永红梅"  # 24 different characters
VALUES: dict[str, tuple[Any, ...]] = {
    "phone": ("13800000001", "13800000002", "13900000003", None),
    "village": ("河东村", "河西村", "柳林村", None),
    "note": ("腿脚不便", "常年在外务工", "需要送学上门", None),
    "deleted": (0, 1),
}
TRACKED = tuple(VALUES)
VOID_REASONS = ("日期填错", "学习方式填错", "重复登记")
LESSON_AGE_DAYS = 100


@dataclass
class Office:
    """One computer of the branch and the member fields its user edits."""

    name: str
    store: Store
    token: str
    fields: tuple[str, ...]

    @classmethod
    def enrolled(cls, name: str, store: Store, fields: tuple[str, ...]) -> Office:
        return cls(name, store, str(store.setting(config.TOKEN)), fields)


@dataclass
class Ledger:
    today: date
    made: int = 0
    members: dict[str, str] = field(default_factory=dict)  # id → name
    initial: dict[tuple[str, str], Any] = field(default_factory=dict)  # (member, field) → value at creation
    writes: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # → {office: last value}
    study: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # id → member, lesson, day, method
    voided: dict[str, str] = field(default_factory=dict)  # id → reason
    lessons: set[str] = field(default_factory=set)

    def serial(self) -> int:
        self.made += 1
        return self.made

    def wrote(self, office: Office, member_id: str, name: str, value: Any) -> None:
        self.writes.setdefault((member_id, name), {})[office.name] = value

    def studied(self) -> set[tuple[str, str, str]]:
        return {key[:3] for rid, key in self.study.items() if rid not in self.voided}


# -- the work -------------------------------------------------------------------------------------


def _live(store: Store, table: str) -> list[str]:
    return [r["id"] for r in store.query(f"SELECT id FROM {table} WHERE deleted = 0 ORDER BY id")]


def add_someone(office: Office, rng: random.Random, ledger: Ledger) -> None:
    n = ledger.serial()
    name = SURNAMES[n % 20] + GIVEN[n // 20 % 24] + GIVEN[n // 480 % 24] * (n >= 480)
    birth = date(1940 + n % 60, 1 + n % 12, 1 + n % 28).isoformat()
    raw = {"name": name, "gender": rng.choice("男女"), "birth_date": birth,
           "phone": rng.choice(VALUES["phone"]), "village": rng.choice(VALUES["village"])}
    member_id, _ = add_member(office.store, raw, ledger.today)
    ledger.members[member_id] = name
    row = office.store.get("members", member_id)
    assert row is not None
    for name_ in TRACKED:
        ledger.initial[(member_id, name_)] = row[name_]


def edit_someone(office: Office, rng: random.Random, ledger: Ledger) -> None:
    editable = [f for f in office.fields if f != "deleted"]
    people = _live(office.store, "members")
    if not editable or not people:
        return
    if rng.random() < 0.5:  # most often a correction of what was just typed
        people = [r["id"] for r in office.store.query(
            "SELECT id FROM members WHERE deleted = 0 ORDER BY rev DESC LIMIT 3")]
    member_id, name = rng.choice(people), rng.choice(editable)
    member = get_member(office.store, member_id)
    assert member is not None
    raw = as_record(member)
    raw[name] = rng.choice(VALUES[name])
    edit_member(office.store, member_id, raw, ledger.today)
    ledger.wrote(office, member_id, name, raw[name])


def delete_someone(office: Office, rng: random.Random, ledger: Ledger) -> None:
    people = _live(office.store, "members")
    if "deleted" in office.fields and len(people) > 3:
        member_id = rng.choice(people)
        delete_member(office.store, member_id)
        ledger.wrote(office, member_id, "deleted", 1)


def bring_back_someone(office: Office, rng: random.Random, ledger: Ledger) -> None:
    gone = [r["id"] for r in office.store.query("SELECT id FROM members WHERE deleted = 1 ORDER BY id")]
    if "deleted" in office.fields and gone:
        member_id = rng.choice(gone)
        undelete_member(office.store, member_id)
        ledger.wrote(office, member_id, "deleted", 0)


def add_a_lesson(office: Office, rng: random.Random, ledger: Ledger) -> None:
    n = ledger.serial()
    published = (ledger.today - timedelta(days=LESSON_AGE_DAYS)).isoformat()
    lesson_id = add_lesson(office.store, {"title": f"支部微党课第{n}讲", "video_url": f"https://dj.example.cn/b/{n}",
                                          "published_date": published, "minutes": rng.choice((10, 15, 20))})
    ledger.lessons.add(lesson_id)


def record_some_study(office: Office, rng: random.Random, ledger: Ledger) -> None:
    store = office.store
    lessons = store.query("SELECT id, published_date FROM lessons WHERE deleted = 0 ORDER BY id")
    people = _live(store, "members")
    if not lessons or len(people) < 2:
        return
    lesson = rng.choice(lessons)
    earliest = date.fromisoformat(lesson["published_date"] or ledger.today.isoformat())
    day = max(earliest, ledger.today - timedelta(days=rng.randint(0, 60))).isoformat()
    method = rng.choice(list(METHODS))
    helper = rng.choice(people) if method in HELPER_METHODS else None
    done = ledger.studied()
    candidates = [m for m in people if m != helper and (m, lesson["id"], day) not in done]
    if not candidates:
        return
    chosen = rng.sample(candidates, k=min(len(candidates), rng.randint(1, 4)))
    entry = StudyEntry(lesson["id"], day, method, helper_id=helper, entered_by=office.name)
    for record_id, member_id in zip(record_study(store, entry, chosen, today=ledger.today), chosen, strict=True):
        ledger.study[record_id] = (member_id, lesson["id"], day, method)


def void_and_enter_again(office: Office, rng: random.Random, ledger: Ledger) -> None:
    """A wrong record is voided and, most often, entered again with the right method."""
    store = office.store
    here = set(_live(store, "study_records"))
    wrong = sorted(rid for rid in ledger.study if rid in here and rid not in ledger.voided)
    if not wrong:
        return
    record_id = rng.choice(wrong)
    reason = rng.choice(VOID_REASONS)
    void_record(store, record_id, reason)
    ledger.voided[record_id] = reason
    member_id, lesson_id, day, method = ledger.study[record_id]
    if rng.random() < 0.6 and member_id in _live(store, "members") and lesson_id in _live(store, "lessons"):
        right = rng.choice([m for m in ("self_scan", "group") if m != method])
        [again] = record_study(store, StudyEntry(lesson_id, day, right, entered_by=office.name), [member_id],
                               today=ledger.today)
        ledger.study[again] = (member_id, lesson_id, day, right)


ACTIONS: dict[Callable[[Office, random.Random, Ledger], None], float] = {
    add_someone: 3, edit_someone: 5, record_some_study: 3, void_and_enter_again: 1,
    delete_someone: 1, bring_back_someone: 1, add_a_lesson: 0.3,
}


def work(office: Office, rng: random.Random, ledger: Ledger, steps: int) -> None:
    """``steps`` things a committee member does on this computer."""
    for action in rng.choices(list(ACTIONS), weights=list(ACTIONS.values()), k=steps):
        action(office, rng, ledger)


def bulk_branch(store: Store, members: int, today: date) -> list[str]:
    """A large branch at once: ``members`` members, a lesson and one study record each; the new ids."""
    ids = store.insert_many("members", [
        {"name": f"党员{n:05d}", "category": "full", "status": "active", "village": f"第{n % 7}村",
         "name_pinyin": f"dangyuan{n:05d}", "name_initials": "dy"}
        for n in range(members)
    ])
    lesson = add_lesson(store, {"title": "学习党章", "video_url": "https://dj.example.cn/v/1",
                                "published_date": (today - timedelta(days=30)).isoformat(), "minutes": 20})
    records = record_study(store, StudyEntry(lesson, today.isoformat(), "group"), ids, today=today)
    return [*ids, lesson, *records]


# -- working while a sync runs ---------------------------------------------------------------------


class WorkingTransport(HttpTransport):
    """The real transport; before each push and pull request ``during`` may have the user edit
    something on the computer whose sync this is (between building a batch and applying its answer,
    and between pull pages)."""

    def __init__(self, *args: Any, during: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.during = during

    def push(self, batch_id: str, records: list[dict[str, Any]]) -> dict[str, Any]:
        if self.during:
            self.during()
        return super().push(batch_id, records)

    def pull(self, since: int, limit: int) -> dict[str, Any]:
        if self.during:
            self.during()
        return super().pull(since, limit)


@dataclass
class EditsDuring:
    """Before some requests of a sync (about one in six), the user edits something on that computer."""

    office: Office
    rng: random.Random
    ledger: Ledger
    done: int = 0

    def __call__(self) -> None:
        if self.rng.random() < 1 / 6:
            work(self.office, self.rng, self.ledger, steps=1)
            self.done += 1


# -- the checks -----------------------------------------------------------------------------------


def content_hashes(records: Records) -> dict[tuple[str, str], str]:
    """One hash per row of what sync carries (owner, version, tombstone and data)."""
    return {
        key: hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
        for key, value in comparable(records).items()
    }


def agree_with_server(stores: list[Store], server: RunningServer) -> Records:
    """Every computer has nothing left to send and holds, row for row, what the server holds (by
    content hash); returns the server's rows."""
    first = stores[0]
    remote = content_hashes(records := server_records(server, first.branch_id, str(first.setting(config.TOKEN))))
    for store in stores:
        assert store.dirty_count() == 0 and sync_status(store).pending == 0, store.path.name
        local = content_hashes(local_records(store))
        assert local.keys() == remote.keys(), (
            f"{store.path.name}: only here {sorted(local.keys() - remote.keys())[:3]}, "
            f"only on the server {sorted(remote.keys() - local.keys())[:3]}")
        differing = sorted(key for key in local if local[key] != remote[key])
        assert not differing, f"{store.path.name}: rows differ from the server's: {differing[:3]}"
    return records


def _value(record: dict[str, Any], name: str) -> Any:
    return record["deleted"] if name == "deleted" else record["data"][name]


def check_against_ledger(remote: Records, ledger: Ledger) -> None:
    """The server holds exactly what the people entered: see the module's docstring."""
    members = {key[1]: r for key, r in remote.items() if key[0] == "members"}
    assert members.keys() == ledger.members.keys(), "members lost or made up"
    names = Counter(r["data"]["name"] for r in members.values())
    assert names.most_common(1)[0][1] == 1, f"a member is on the server twice: {names.most_common(2)}"
    for member_id, record in members.items():
        for name in TRACKED:
            writers = ledger.writes.get((member_id, name), {})
            if len(writers) < 2:
                expected = next(iter(writers.values())) if writers else ledger.initial[(member_id, name)]
                assert _value(record, name) == expected, (
                    f"{ledger.members[member_id]}: {name} is {_value(record, name)!r}, "
                    f"last written {expected!r} by {list(writers) or 'nobody'}")
    for key, record in remote.items():
        if key[0] == "conflicts":
            data = record["data"]
            writers = ledger.writes.get((data["record_id"], data["field"]), {})
            assert len(writers) == 2, f"a conflict on a field written on {list(writers) or 'no computer'}: {data}"

    study = {key[1]: r for key, r in remote.items() if key[0] == "study_records"}
    assert study.keys() == ledger.study.keys(), (
        f"study records lost: {len(ledger.study.keys() - study.keys())}, "
        f"made up: {len(study.keys() - ledger.study.keys())}")
    valid: Counter[tuple[str, str, str]] = Counter()
    for record_id, record in study.items():
        data = record["data"]
        assert (data["member_id"], data["lesson_id"], data["study_date"], data["method"]) == ledger.study[record_id]
        assert record["deleted"] == (record_id in ledger.voided), record_id
        assert data["void_reason"] == ledger.voided.get(record_id), record_id
        if not record["deleted"]:
            valid[(data["member_id"], data["lesson_id"], data["study_date"])] += 1
    assert set(valid) == ledger.studied()
    assert max(valid.values(), default=1) == 1, f"study entered once, found twice: {valid.most_common(2)}"
    lessons = {key[1] for key in remote if key[0] == "lessons"}
    assert ledger.lessons <= lessons, "lessons lost"
