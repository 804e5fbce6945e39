"""Local edits for the convergence property test: what they are, when they happen, what they wrote.

``LocalEdits`` holds the operations (each picks among what its computer has, through the app's own
core functions) and wraps every single edit in ``writing``, which diffs the computer's rows before
and after it: the fields it changed join the row's ``changed`` set (what the next push must name),
go into the ``WriteLog`` (``sync_model``), and — during a sync — into the sync's ``Watch``.

An operation names *when* it runs: now, or during the next sync of its computer, at one of the
moments the real transport gives the user (``HookedTransport``): after the push batch was built and
before it goes (``BEFORE_PUSH``), after the server answered and before the answer is applied
(``AFTER_PUSH``), or before pull request k (``PULL + k - 1``: the pages before it are applied, the
rest not yet asked for). An operation whose moment does not come in that sync (no push, fewer pages)
runs at the next moment that does, or right after the sync. A sync always runs now; the district's
publishing at a moment of a sync changes the server during it. ``flip`` changes a member's field and
changes it back, both at its moment; ``back`` changes it now and changes it back at its moment.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.lessons.catalogue import edit_lesson
from core.lessons.study import StudyEntry, record_study, void_record
from core.roster.members import as_record, delete_member, edit_member, get_member, undelete_member
from core.store import Store
from core.sync import config
from core.sync.conflicts import resolve_conflict
from core.sync.transport import HttpTransport
from server import admin as district_admin
from server.db import Database
from tests.e2e.sync_model import Fields, Key, LocalRow, ServerModel, Stored, WriteLog, read_rows
from tests.e2e.test_sync_branches import add_people

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
PUBLISHED = itertools.count(1)  # district lessons stay on the server from one example to the next

NOW, BEFORE_PUSH, AFTER_PUSH, PULL = 0, 1, 2, 3
Operation = tuple[str, int, int, int, int, int]  # kind, computer, which row, which field or choice, which value, when


def op(kind: str, pc: int = 0, pick: int = 0, choice: int = 0, value: int = 0, when: int = NOW) -> Operation:
    return (kind, pc, pick, choice, value, when)


def when_name(when: int) -> str:
    if when <= AFTER_PUSH:
        return ("now", "before the push", "before the push answer is applied")[when]
    return f"before pull page {when - PULL + 1}"


def edited_fields(before: LocalRow | None, after: LocalRow | None) -> set[str]:
    """The fields a local operation changed in one row (all of them for a row it made)."""
    if after is None:
        return set()
    if before is None:
        return set(after.fields)
    return {name for name, value in after.fields.items() if before.fields.get(name) != value}


class HookedTransport:
    """The real ``HttpTransport`` of a computer, calling ``at(moment)`` whenever the user may edit
    during the sync (same thread and Store, no transaction open). Keeps what it sent and got."""

    def __init__(self, store: Store, at: Any) -> None:
        settings = config.read_settings(store)
        assert settings.server_url is not None
        self.link = HttpTransport(settings.server_url, settings.token)
        self.at = at
        self.sent: list[dict[str, Any]] = []
        self.pushes = 0
        self.pages: list[list[dict[str, Any]]] = []

    def info(self) -> dict[str, Any]:
        return self.link.info()

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        return self.link.enroll(code, device_name)

    def push(self, batch_id: str, records: list[dict[str, Any]]) -> dict[str, Any]:
        self.pushes += 1
        self.sent.extend(records)
        self.at(BEFORE_PUSH)
        answer = self.link.push(batch_id, records)
        self.at(AFTER_PUSH)
        return answer

    def pull(self, since: int, limit: int) -> dict[str, Any]:
        self.at(PULL + len(self.pages))
        page = self.link.pull(since, limit)
        self.pages.append(list(page.get("records") or []))
        return page

    def applied(self) -> set[Key]:
        """The rows of the pages received so far (before the next pull request, all applied)."""
        return {(r["table"], r["id"]) for page in self.pages for r in page}

    def pulled(self) -> dict[Key, tuple[Fields, str]]:
        """Every pulled row as the model sees it (data columns and ``deleted``) with its stamp."""
        return {
            (r["table"], r["id"]): ({**r["data"], "deleted": int(r["deleted"])}, str(r["updated_at"]))
            for page in self.pages for r in page
        }

    def close(self) -> None:
        self.link.close()


@dataclass
class Figures:
    examples: int = 0
    operations: int = 0
    syncs: int = 0
    pages: int = 0  # pull pages
    edits_during_syncs: int = 0  # operations done during a sync
    flips: int = 0  # fields changed and changed back
    writes: int = 0  # local field writes followed
    agreed: int = 0  # of those, pushed to a server that already held their value
    merges: int = 0
    conflicts: int = 0
    lost: int = 0  # edits lost without a conflict (the test fails on any)
    study_records: int = 0
    voided: int = 0
    voided_twice: int = 0  # a record voided on both computers with different reasons
    resolved: int = 0


FIGURES = Figures()
Edit = Callable[[], bool]  # an operation ready to run: True when it found something to do


@dataclass
class Office:
    name: str
    store: Store
    seen: dict[Key, Stored]  # each row's base: the server's version this computer last took in
    changed: dict[Key, set[str]] = field(default_factory=dict)  # fields edited here since each row's base
    pending: list[tuple[int, Edit]] = field(default_factory=list)  # edits waiting for a moment of the next sync


@dataclass
class Watch:
    """A sync under way, as the test follows it."""

    office: Office
    transport: HookedTransport
    pushed: set[Key]  # the rows of its push batch (dirty when it began)
    applied: set[Key] = field(default_factory=set)  # the rows of the pull pages applied so far
    edited: dict[Key, set[str]] = field(default_factory=dict)  # rows edited during the sync: those fields
    on_server: set[Key] = field(default_factory=set)  # of those, the rows whose base is the server's now


class LocalEdits:
    """The operations of the convergence test, for a branch with ``offices`` and a ``model``."""

    offices: list[Office]
    model: ServerModel
    district: Database
    writes: WriteLog
    watch: Watch | None
    serial: int
    recorded: set[str]
    voided: set[str]

    @contextmanager
    def writing(self, office: Office) -> Iterator[None]:
        """One edit on ``office``, followed field by field."""
        self.writes.wait_past(office.store)
        before = read_rows(office.store)
        yield
        watch = self.watch if self.watch is not None and self.watch.office is office else None
        for key, row in read_rows(office.store).items():
            names = edited_fields(before.get(key), row)
            if not names:
                continue
            office.changed.setdefault(key, set()).update(names)
            self.writes.add(key, names, row, office.name)
            FIGURES.writes += len(names)
            if watch is not None:
                if key not in watch.edited and (key in watch.pushed or key in watch.applied):
                    watch.on_server.add(key)
                watch.edited.setdefault(key, set()).update(names)

    def _moment(self, moment: int) -> None:
        """A moment of the running sync: the edits due by now happen."""
        watch = self.watch
        assert watch is not None
        office = watch.office
        if moment >= PULL:
            watch.applied = watch.transport.applied()
        due = [edit for when, edit in office.pending if when <= moment]
        office.pending = [(when, edit) for when, edit in office.pending if when > moment]
        for edit in due:
            done = edit()
            FIGURES.operations += done
            FIGURES.edits_during_syncs += done

    def _later(self, office: Office) -> None:
        """Edits whose moment never came in the sync just done: they happen now."""
        due, office.pending = office.pending, []
        for _, edit in due:
            FIGURES.operations += edit()

    def edit(self, office: Office, kind: str, pick: int, choice: int, value: int) -> Edit:
        if kind == "back":  # the change now, the change back at the operation's moment
            target = self._change(office, pick, choice, value)
            return (lambda: self._restore(office, *target)) if target else (lambda: False)
        return lambda: bool(getattr(self, f"_{kind}")(office, pick, choice, value))

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    @staticmethod
    def _members(store: Store, deleted: bool | None = False) -> list[str]:
        where = "" if deleted is None else f"WHERE deleted = {int(deleted)}"
        return [r["id"] for r in store.query(f"SELECT id FROM members {where} ORDER BY birth_date")]

    def _add(self, office: Office, *_: int) -> bool:
        n = self._next()
        with self.writing(office):
            add_people(office.store, [("王秀兰", "刘建国", "陈桂芳", "杨德明")[n % 4]], first_year=1960 + n)
        return True

    def _set(self, office: Office, member_id: str, name: str, value: Any) -> None:
        raw = as_record(get_member(office.store, member_id) or {})
        raw[name] = value
        with self.writing(office):
            edit_member(office.store, member_id, raw, TODAY)

    def _edit(self, office: Office, pick: int, choice: int, value: int) -> bool:
        members = self._members(office.store)
        if not members:
            return False
        name = list(MEMBER_EDITS)[choice % len(MEMBER_EDITS)]
        self._set(office, members[pick % len(members)], name, MEMBER_EDITS[name][value % len(MEMBER_EDITS[name])])
        return True

    def _change(self, office: Office, pick: int, choice: int, value: int) -> tuple[str, str, Any] | None:
        """Set a member's field to another value; returns what ``_restore`` sets it back to."""
        members = self._members(office.store)
        if not members:
            return None
        member_id = members[pick % len(members)]
        name = list(MEMBER_EDITS)[choice % len(MEMBER_EDITS)]
        was = as_record(get_member(office.store, member_id) or {})[name]
        options = MEMBER_EDITS[name]
        values = options[value % len(options):] + options[:value % len(options)]
        self._set(office, member_id, name, next(v for v in values if v != was))
        return member_id, name, was

    def _restore(self, office: Office, member_id: str, name: str, was: Any) -> bool:
        self._set(office, member_id, name, was)
        FIGURES.flips += 1
        return True

    def _flip(self, office: Office, pick: int, choice: int, value: int) -> bool:
        """Change a field and change it back: two edits."""
        target = self._change(office, pick, choice, value)
        return target is not None and self._restore(office, *target)

    def _delete(self, office: Office, pick: int, *_: int) -> bool:
        """Delete a member, or bring a deleted one back."""
        store = office.store
        members = self._members(store, deleted=None)
        member_id = members[pick % len(members)]
        with self.writing(office):
            if store.get("members", member_id)["deleted"]:  # type: ignore[index]
                undelete_member(store, member_id)
            else:
                delete_member(store, member_id)
        return True

    def _lesson(self, office: Office, _pick: int, choice: int, value: int) -> bool:
        [lesson] = office.store.query("SELECT * FROM lessons WHERE branch_id != 'district'")
        name = list(LESSON_EDITS)[choice % len(LESSON_EDITS)]
        raw = {**lesson, name: LESSON_EDITS[name][value % len(LESSON_EDITS[name])]}
        with self.writing(office):
            edit_lesson(office.store, lesson["id"], raw)
        return True

    def _study(self, office: Office, pick: int, choice: int, value: int) -> bool:
        store = office.store
        members = self._members(store)
        lessons = [r["id"] for r in store.query("SELECT id FROM lessons WHERE deleted = 0 ORDER BY video_url")]
        if not members or not lessons:
            return False
        entry = StudyEntry(lessons[choice % len(lessons)], TODAY.isoformat(), ("self_scan", "group")[value % 2],
                           note=f"第{self._next()}条")
        with self.writing(office):
            self.recorded.update(record_study(store, entry, [members[pick % len(members)]], today=TODAY))
        FIGURES.study_records += 1
        return True

    def _void(self, office: Office, pick: int, _choice: int, value: int) -> bool:
        records = [r["id"] for r in office.store.query("SELECT id FROM study_records WHERE deleted = 0 ORDER BY note")]
        if not records:
            return False
        record_id = records[pick % len(records)]
        with self.writing(office):
            void_record(office.store, record_id, VOID_REASONS[value % len(VOID_REASONS)])
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
        with self.writing(office):
            resolve_conflict(office.store, conflicts[pick % len(conflicts)]["id"], keep=choice % 2 == 0,
                             resolved_by=office.name)
        FIGURES.resolved += 1
        return True

    def _publish(self, *_: int) -> bool:
        """The district publishes a lesson (what ``lesson publish`` runs); every branch gets it."""
        n = next(PUBLISHED)
        url = f"https://dj.example.cn/district/{n:05d}"
        answer = district_admin.publish_lesson(self.district, f"区里的微党课第{n}讲", url, minutes=10 + n % 50,
                                              published=TODAY.isoformat())
        wanted = {"title": f"区里的微党课第{n}讲", "video_url": url, "minutes": 10 + n % 50,
                  "published_date": TODAY.isoformat(), "archived": 0, "deleted": 0}
        columns = next(stored.fields for key, stored in self.model.rows.items() if key[0] == "lessons")
        self.model.publish(("lessons", answer["lesson_id"]), {name: wanted.get(name) for name in columns})
        return True
