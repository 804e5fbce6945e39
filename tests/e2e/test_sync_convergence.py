"""Convergence of sync, property-tested against the real server (a process on 127.0.0.1, SQLite and —
with ZHIBU_TEST_PG_URL — PostgreSQL behind it).

Each example is a fresh branch with two computers. Random operations — add a member, edit a field,
change a field and change it back, delete or bring back a member, edit the branch's own lesson,
record a study, void one, resolve a conflict, the district publishing a lesson — run on either
computer, with syncs of either in random order. An operation runs now or *during* its computer's
next sync: after the push batch was built and before its answer is applied, or between pull pages
(``tests/e2e/sync_edits.py``; the sync pulls small pages). A model of the server
(``tests/e2e/sync_model.py``, whose docstring has the rules) predicts every row and conflict; after
each sync the computer must hold exactly what the model says, rows edited during the sync dirty on
their base with those edits on top, and each push must name exactly the fields edited since the
row's base. At the end everyone syncs until nothing changes, and then: all copies agree, nothing is
dirty, each concurrent change of a field is exactly one conflict (and nothing else is), no edit is
lost (each field holds its last write, or a conflict keeps that write as the one that lost), and no
study record is lost, doubled or left unvoided anywhere. Every finding of an example is collected
and reported together, the model-independent ones (lost edits, conflicts) first.

The district's side (a new branch, a device code, a published lesson) calls ``server.admin`` on the
server's database — what the admin CLI runs, without a second of interpreter start per call; the
CLI itself is tested in test_sync_branches.py. ``ZHIBU_SOAK=1`` runs many more and longer examples
under a random seed; ``ZHIBU_CONVERGENCE_SEED`` replays a run (the seed is printed with the figures),
``ZHIBU_CONVERGENCE_EXAMPLES`` sets how many examples to try.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st

from core.lessons.catalogue import add_lesson
from core.sync.conflicts import list_conflicts
from core.sync.rejections import list_rejections
from core.sync.run import SyncResult, sync
from core.sync.status import sync_status
from server import admin as district_admin
from server.db import Database
from tests.e2e.sync_edits import (
    AFTER_PUSH,
    BEFORE_PUSH,
    FIGURES,
    NOW,
    PULL,
    TODAY,
    Figures,
    HookedTransport,
    LocalEdits,
    Office,
    Operation,
    Watch,
    op,
    when_name,
)
from tests.e2e.sync_model import (
    CONFLICTS,
    Fields,
    Key,
    LocalRow,
    ServerModel,
    WriteLog,
    conflict_of,
    differences,
    expected_of,
    read_rows,
)
from tests.e2e.test_sync_branches import add_people, comparable, local_records, open_office, server_records
from tests.sync_server import RunningServer, district_server, server_db_url  # noqa: F401
from tests.sync_server import enroll as enroll_device

SOAK = os.environ.get("ZHIBU_SOAK") == "1"
SEED = int(os.environ.get("ZHIBU_CONVERGENCE_SEED") or (random.randrange(2**32) if SOAK else 17))
EXAMPLES = int(os.environ.get("ZHIBU_CONVERGENCE_EXAMPLES") or (400 if SOAK else 30))
PAGE_SIZE = 3  # small pull pages: a sync takes several, and edits happen between them
# Operation kinds, repeated to weigh them; shrinking moves towards the front.
KINDS = ("edit", "sync", "edit", "flip", "edit", "study", "void", "add", "delete", "back", "lesson", "lesson",
         "resolve", "sync", "publish")
# Mostly now; else at a moment of the computer's next sync (shrinking moves towards now).
WHEN = (NOW, NOW, NOW, NOW, BEFORE_PUSH, AFTER_PUSH, PULL, PULL + 1, PULL + 2)
# Findings, reported in this order: the model-independent ones first.
LOST, CONFLICT, CONVERGED, MODEL = range(4)


class EditLost(AssertionError):
    """An edit lost without a conflict, or a concurrent change recorded as no conflict or as two (a
    failure of its own to Hypothesis, shrunk apart from the model's other findings)."""


@dataclass
class Branch(LocalEdits):
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
    writes: WriteLog = field(default_factory=WriteLog)
    watch: Watch | None = None
    findings: list[tuple[int, str]] = field(default_factory=list)

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

    def expect(self, ok: bool, rank: int, what: Any) -> bool:
        if not ok:
            self.findings.append((rank, str(what)))
        return ok

    def expect_same(self, what: str, left: dict[Key, Any], right: dict[Key, Any], rank: int) -> None:
        difference = differences(what, left, right)
        self.expect(not difference, rank, difference)

    def run(self, operation: Operation) -> None:
        kind, pc, pick, choice, value, when = operation
        office = self.offices[pc]
        if kind == "sync":
            self.sync(pc)
            FIGURES.operations += 1
            return
        edit = self.edit(office, kind, pick, choice, value)
        if when == NOW:
            FIGURES.operations += edit()
        else:
            office.pending.append((when, edit))

    # -- sync and the checks ---------------------------------------------------------------------

    def sync(self, pc: int) -> SyncResult:
        """Sync one computer. The model predicts the push and its conflicts; afterwards the computer
        holds what the model's server holds, but for the rows edited during the sync."""
        model, office = self.model, self.offices[pc]
        before = read_rows(office.store)
        self._check_bases(office, before)
        naming = {key: sorted(names) for key, names in office.changed.items()}
        known_conflicts = len(model.conflicts)
        for key, row in before.items():
            if row.dirty:
                current = model.rows.get(key)
                FIGURES.agreed += self.writes.pushed(office.name, key, row.fields, current.fields if current else None)
        model.push(before, office.seen, office.changed)
        transport = HookedTransport(office.store, self._moment)
        watch = self.watch = Watch(office, transport, {key for key, row in before.items() if row.dirty})
        try:
            result = sync(office.store, transport=transport, page_size=PAGE_SIZE)
        finally:
            self.watch = None
            transport.close()
        FIGURES.syncs += 1
        FIGURES.pages += len(transport.pages)
        assert transport.pushes <= 1, "the model takes every dirty row to go in one batch"
        self.expect(result.rejected == 0, MODEL, [(r.what, r.message) for r in list_rejections(office.store)])
        for record in transport.sent:
            key = (record["table"], record["id"])
            if record["base_version"] > 0:
                self.expect(record.get("changed") == naming.get(key), MODEL,
                            f"{office.name} pushed {key} naming {record.get('changed')}, edited {naming.get(key)}")
        self._check_answers(office, watch, result, known_conflicts)
        self._later(office)
        return result

    def _check_bases(self, office: Office, rows: dict[Key, LocalRow]) -> None:
        """Before a push: a clean row is its base; a dirty one differs from its base only in the
        fields edited here since."""
        for key, row in rows.items():
            base, edited = office.seen.get(key), office.changed.get(key, set())
            if not row.dirty:
                self.expect(base is not None and row.fields == base.fields and not edited, MODEL,
                            f"{office.name}: {key} is clean but not its base (edited here: {sorted(edited)})")
            elif base is not None:
                off = sorted(n for n in base.fields if n not in edited and row.fields.get(n) != base.fields.get(n))
                self.expect(bool(edited) and not off, MODEL,
                            f"{office.name}: dirty {key} edited {sorted(edited)} but differs from its base in {off}")

    def _check_answers(self, office: Office, watch: Watch, result: SyncResult, known_conflicts: int) -> None:
        model = self.model
        after = read_rows(office.store)
        pulled = watch.transport.pulled()
        fresh = {key for key in pulled if key[0] == CONFLICTS and key not in model.rows}
        written = Counter(conflict_of(pulled[key][0]) for key in fresh)
        expected = Counter(expected_of(c) for c in model.conflicts[known_conflicts:])
        self.expect(written == expected, CONFLICT,
                    f"{office.name}'s push: conflicts missing {dict(expected - written)}, "
                    f"unexpected {dict(written - expected)}")
        unseen_open = {key for key in model.open_conflicts() if key not in office.seen} | fresh
        for key in sorted(fresh):
            fields, stamp = pulled[key]
            model.adopt(key, _columns(fields, after[key].fields if key in after else fields), stamp)
        self.expect(result.conflicts == len(unseen_open), MODEL, f"{result.conflicts} new conflicts said, "
                    f"{len(unseen_open)} expected")
        for key, (fields, _) in pulled.items():
            stored = model.rows.get(key)
            self.expect(stored is not None and _columns(fields, stored.fields) == stored.fields, MODEL,
                        f"{office.name} pulled {key} unlike the model's: {fields}")
        # Rows edited during the sync: on their base, with those edits on top; the rest as on the server.
        wanted: dict[Key, Fields] = model.fields()
        bases = {key: model.rows.get(key) if key in watch.on_server else office.seen.get(key) for key in watch.edited}
        for key, names in watch.edited.items():
            base, row = bases[key], after[key]
            wanted[key] = row.fields if base is None else {**base.fields, **{n: row.fields[n] for n in names}}
        dirty = {key for key, row in after.items() if row.dirty}
        self.expect(dirty == set(watch.edited), MODEL, f"{office.name} after a sync: dirty {sorted(dirty)}, "
                    f"edited during it {sorted(watch.edited)}")
        self.expect_same(f"{office.name} and the model", {k: r.fields for k, r in after.items()}, wanted, MODEL)
        office.seen, office.changed = model.snapshot(), {}
        for key, names in watch.edited.items():
            base = bases[key]
            if base is None:
                office.seen.pop(key, None)
            else:
                office.seen[key] = base
            office.changed[key] = set(names)

    def settle(self) -> None:
        """Edits still waiting happen; then both computers sync in turn until a round changes
        nothing (three rounds at most)."""
        for office in self.offices:
            self._later(office)
        for _ in range(3):
            results = [self.sync(pc) for pc in range(len(self.offices))]
            if all(r.pushed == 0 and r.pulled == 0 for r in results):
                return
        self.expect(False, CONVERGED, "three rounds of sync did not settle")

    def check_converged(self) -> None:
        remote = comparable(self._server_records())
        final = {key: {**r["data"], "deleted": r["deleted"]} for key, r in remote.items()}
        conflict_rows = [r["data"] for (table, _), r in sorted(remote.items(), key=lambda item: item[1]["version"])
                         if table == CONFLICTS]
        lost = self.writes.lost(final, conflict_rows)
        FIGURES.lost += len(lost)
        for finding in lost:
            self.expect(False, LOST, finding)
        # one conflict row for each field changed on both sides to different values, and no other
        on_server = Counter(conflict_of(data) for data in conflict_rows)
        wanted = Counter(expected_of(c) for c in self.model.conflicts)
        self.expect(on_server == wanted, CONFLICT, f"conflicts on the server: missing {dict(wanted - on_server)}, "
                    f"unexpected (or doubled) {dict(on_server - wanted)}")
        for office in self.offices:
            self.expect(office.store.dirty_count() == 0 and sync_status(office.store).pending == 0, CONVERGED,
                        f"{office.name} still has rows to send")
            self.expect(list_rejections(office.store) == [], CONVERGED, f"{office.name} has rejections")
            views = list_conflicts(office.store)
            self.expect({("conflicts", v.id) for v in views} == self.model.open_conflicts(), MODEL,
                        f"{office.name} lists other open conflicts than the model")
            assert all(v.explanation and v.what for v in views)
        first, second = (comparable(local_records(o.store)) for o in self.offices)
        self.expect_same("the two computers", first, second, CONVERGED)
        self.expect_same("a computer and the server", first, remote, CONVERGED)
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
        self.expect(set(on_server) == self.recorded, LOST, "study records lost or made up on the server")
        for office in self.offices:
            here = {r["id"]: r for r in office.store.query("SELECT * FROM study_records")}
            self.expect(set(here) == self.recorded, LOST, f"study records lost or made up on {office.name}")
            for row_id in self.recorded & set(here) & set(on_server):
                self.expect(here[row_id]["deleted"] == on_server[row_id]["deleted"] == (row_id in self.voided)
                            and here[row_id]["void_reason"] == on_server[row_id]["data"]["void_reason"],
                            CONVERGED, f"study record {row_id} voided differently")

    def report(self) -> str:
        """Every finding, the model-independent ones first; of the model's, the first three."""
        ranked = sorted(self.findings, key=lambda finding: finding[0])
        shown = [text for rank, text in ranked if rank != MODEL] + [t for r, t in ranked if r == MODEL][:3]
        return f"{len(self.findings)} findings:\n" + "\n".join(f"- {text}" for text in shown)


def _columns(fields: Fields, like: Fields) -> Fields:
    """A pulled record's fields, as many as the model's row has."""
    return {name: fields.get(name) for name in like}


# -- the property ------------------------------------------------------------------------------------

# Half of the picks take the first row or field, so that both computers often change the same one.
PICK, CHOICE = st.one_of(st.just(0), st.integers(0, 7)), st.one_of(st.just(0), st.integers(0, 3))
OPERATION = st.tuples(st.sampled_from(KINDS), st.integers(0, 1), PICK, CHOICE, st.integers(0, 2),
                      st.sampled_from(WHEN))
OPERATIONS = st.lists(OPERATION, min_size=16, max_size=80 if SOAK else 40)
# Both computers void the same study record with different reasons before either syncs: the second
# void was refused as a change of an immutable event and stayed dirty on its computer for good.
BOTH_VOID = [op("study"), op("sync"), op("sync", 1), op("void"), op("void", 1, value=1), op("sync"), op("sync", 1)]
# One phone changed on both computers, then the conflict resolved on both: the same way (that was
# two new conflicts, over when and by whom it was resolved), or differently (one conflict, not three).
PHONE_CONFLICT = [op("edit"), op("edit", 1, value=1), op("sync"), op("sync", 1), op("sync")]
BOTH_KEEP = [*PHONE_CONFLICT, op("resolve"), op("resolve", 1)]
KEEP_AND_RESTORE = [*PHONE_CONFLICT, op("resolve"), op("resolve", 1, choice=1)]
# Issue 17. The laptop changes the village; the office computer changes the phone and, while its push
# is merged with the village, changes the phone back (the back was lost: taken as "unchanged").
BACK_DURING_MERGED_PUSH = [op("edit", 1, choice=1), op("sync", 1), op("back", when=AFTER_PUSH), op("sync")]
# The office's phone edit is the older one and loses a conflict while the note is edited (the losing
# phone stayed, and the next push made a second conflict of the same concurrent change).
EDIT_DURING_CONFLICTING_PUSH = [op("edit"), op("edit", 1, value=1), op("sync", 1),
                                op("edit", choice=3, when=BEFORE_PUSH), op("sync")]
# The laptop changes the phone behind three district lessons; the office computer changes its phone
# and back between pull pages, before the page with it (the later A→C→A was taken as no change).
BACK_AND_FORTH_DURING_PULL = [op("publish"), op("publish"), op("publish"), op("edit", 1, value=1), op("sync", 1),
                              op("flip", when=PULL + 1), op("sync")]
MID_SYNC_EXAMPLES = (BACK_DURING_MERGED_PUSH, EDIT_DURING_CONFLICTING_PUSH, BACK_AND_FORTH_DURING_PULL)


def run_example(server: RunningServer, district: Database, operations: list[Operation]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="zhibu-convergence-"))
    try:
        branch = Branch.open(server, district, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        for number, operation in enumerate(operations):
            try:
                branch.run(operation)
            except AssertionError as exc:  # the model's own assumptions: nothing sensible to predict after
                branch.expect(False, MODEL, f"operation {number} {operation} ({when_name(operation[5])}): {exc}")
                break
        else:
            branch.settle()
        branch.check_converged()
        if any(rank in (LOST, CONFLICT) for rank, _ in branch.findings):  # (the operations, as Hypothesis
            raise EditLost(f"operations={operations!r}\n{branch.report()}")  # here prints none)
        if branch.findings:
            raise AssertionError(f"operations={operations!r}\n{branch.report()}")
    finally:
        branch.close()


def test_two_computers_and_the_district_converge_with_each_conflict_recorded_once(
    district_server: RunningServer,  # noqa: F811
) -> None:
    district = Database(district_server.db_url, pool_size=2)
    start = Figures(**vars(FIGURES))
    print(f"\nsync convergence: seed {SEED}, up to {EXAMPLES} examples (replay: ZHIBU_CONVERGENCE_SEED={SEED} "
          f"ZHIBU_CONVERGENCE_EXAMPLES={EXAMPLES})")

    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=False, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @seed(SEED)
    @given(operations=OPERATIONS)
    @example(operations=BOTH_VOID)
    @example(operations=BOTH_KEEP)
    @example(operations=KEEP_AND_RESTORE)
    @example(operations=BACK_DURING_MERGED_PUSH)
    @example(operations=EDIT_DURING_CONFLICTING_PUSH)
    @example(operations=BACK_AND_FORTH_DURING_PULL)
    def converges(operations: list[Operation]) -> None:
        run_example(district_server, district, operations)

    try:
        converges()
    finally:
        district.dispose()
        done = {name: value - getattr(start, name) for name, value in vars(FIGURES).items()}
        print(f"sync convergence (seed {SEED}): {done}")
    # the examples must have exercised what they claim to check
    exercised = ("merges", "conflicts", "voided", "resolved", "edits_during_syncs", "flips")
    assert all(done[name] > 0 for name in exercised), done
