"""Sync by file (同步包) end to end, with real processes, on SQLite and PostgreSQL server databases.

Branch 东沟村 has two PCs. PC A never reaches the server: it joins with an enrolment package that
the district applies (``python -m server package apply``) and whose reply it imports, and from then
on it sends its work in packages and imports the district's replies. PC B enrolls and syncs online
against the running server. Over seeded rounds A adds members and records (and voids) study, the
district publishes lessons, B edits members A also has; in one round A also syncs online between
exporting a package and importing its reply, which resends the held batches under their ids. In the
end every PC and the server hold the same rows, checked against a ledger of what the people did
(``tests/e2e/branch_work.py``): nothing lost, nothing twice, no conflict where nobody made one.
"""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path
from typing import Any

from core.store import Store
from core.sync import config
from core.sync.status import sync_status
from tests.e2e.branch_work import (
    Ledger,
    Office,
    add_a_lesson,
    add_someone,
    agree_with_server,
    check_against_ledger,
    edit_someone,
    record_some_study,
    void_and_enter_again,
    work,
)
from tests.e2e.package_work import (
    apply_package,
    edit_shared,
    export_package,
    import_reply,
    join_by_file,
    publish_lesson,
    sync_online,
)
from tests.sync_server import RunningServer, admin, district_server, new_branch, server_db_url  # noqa: F401

SEED = 20261205
TODAY = date.today()
ROUNDS = 3
MIXED_ROUND = 2  # the round in which A also syncs online between export and import


def _members(store: Store) -> set[str]:
    return {r["id"] for r in store.query("SELECT id FROM members WHERE deleted = 0")}


def _a_works(a: Office, rng: random.Random, ledger: Ledger, first: bool) -> None:
    for _ in range(3):
        add_someone(a, rng, ledger)
    if first:
        add_a_lesson(a, rng, ledger)  # the district's lessons reach A with its first reply
    for _ in range(2):
        record_some_study(a, rng, ledger)
    edit_someone(a, rng, ledger)
    if not first:
        void_and_enter_again(a, rng, ledger)
        work(a, rng, ledger, steps=2)


def _exchange(db_url: str, a: Office, a_db: Path, folder: Path, n: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A's package ``n`` is applied at the district and its reply imported: (apply, import) answers."""
    package, reply = folder / f"同步包{n}.zbsync", folder / f"回执{n}.zbsync"
    assert package.is_file()
    applied = apply_package(db_url, package, reply)
    assert applied["kind"] == "package" and applied["number"] == n and applied["branch_name"] == "东沟村"
    imported = import_reply(a_db, reply)
    assert imported["kind"] == "reply" and imported["number"] == n
    assert sync_status(a.store).awaiting_reply == 0
    return applied, imported


def test_a_pc_with_no_link_and_an_online_pc_of_the_same_branch_end_up_with_the_same_rows(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    started = time.monotonic()
    server, db_url = district_server, district_server.db_url
    stick = tmp_path / "U盘"
    stick.mkdir()
    a_db, b_db = tmp_path / "村部电脑.db", tmp_path / "笔记本.db"
    branch = new_branch(db_url, "东沟村")

    joined = join_by_file(db_url, a_db, stick, branch["enrollment_code"], "村部电脑")
    assert joined["rejected"] == 0 and joined["conflicts"] == 0
    code = admin(db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
    online = sync_online(b_db, "--server", server.url, "--enroll", code, "--device-name", "书记的笔记本")
    assert online["pushed"] > 0 and online["rejected"] == 0 and online["conflicts"] == 0
    a = Office.enrolled("村部电脑", Store.open(a_db), fields=("phone", "note"))
    b = Office.enrolled("书记的笔记本", Store.open(b_db), fields=("village",))
    assert a.store.branch_id == b.store.branch_id == branch["branch_id"]
    assert a.store.setting(config.SERVER_URL) is None  # A has never been told where the server is

    rng, ledger = random.Random(SEED), Ledger(today=TODAY)
    lessons: list[str] = []
    b_wrote: dict[tuple[str, str], Any] = {}

    # The first package: everything A made (its skills checklist too) goes up, nothing else.
    _a_works(a, rng, ledger, first=True)
    made = sync_status(a.store).pending
    exported = export_package(a_db, stick / "同步包1.zbsync")
    assert exported["number"] == 1 and exported["records"] == made > len(ledger.members)
    assert sync_status(a.store).awaiting_reply == made
    applied, imported = _exchange(db_url, a, a_db, stick, 1)
    assert applied["pushed"] == imported["pushed"] == made
    assert applied["rejected"] == imported["rejected"] == 0 and applied["conflicts"] == imported["conflicts"] == 0
    assert a.store.dirty_count() == 0
    pulled = sync_online(b_db)
    assert pulled["pushed"] == 0 and pulled["pulled"] >= len(ledger.members)

    for n in range(2, 2 + ROUNDS):
        _a_works(a, rng, ledger, first=False)
        made = sync_status(a.store).pending
        exported = export_package(a_db, stick / f"同步包{n}.zbsync")
        assert exported["number"] == n and exported["records"] == made > 0
        lessons.append(publish_lesson(db_url, n, TODAY))

        shared = sorted(_members(a.store) & _members(b.store))
        member_id, name, value = edit_shared(b, rng, ledger, shared)
        b_wrote[(member_id, name)] = value
        work(b, rng, ledger, steps=2)
        b_sent = sync_online(b_db)
        assert b_sent["pushed"] >= 1 and b_sent["pulled"] >= 1  # B's edit up, the district lesson down
        assert b_sent["conflicts"] == b_sent["rejected"] == 0
        assert b.store.get("lessons", lessons[-1]) is not None

        mixed = n == MIXED_ROUND + 1
        if mixed:  # A goes online once: the held batches go again under their ids, with what A did since
            edit_someone(a, rng, ledger)
            add_someone(a, rng, ledger)
            waiting = sync_status(a.store).pending  # the held rows and the two just changed
            assert waiting > exported["records"]
            went = sync_online(a_db, "--server", server.url)
            assert went["pushed"] >= waiting and went["rejected"] == went["conflicts"] == 0
            assert a.store.dirty_count() == 0
            assert went["pulled"] >= 1 and a.store.get("lessons", lessons[-1]) is not None
            assert sync_status(a.store).awaiting_reply == 0
            edit_shared(a, rng, ledger, shared)  # and A goes on working before the reply comes back
            dirty = a.store.dirty_count()
            assert dirty > 0

        applied, imported = _exchange(db_url, a, a_db, stick, n)
        assert applied["pushed"] == exported["records"] and applied["rejected"] == applied["conflicts"] == 0
        assert imported["rejected"] == imported["conflicts"] == 0
        assert applied["pulled"] >= imported["pulled"] >= (0 if mixed else 2)  # the lesson, B's rows
        if mixed:  # every batch was answered online already: the reply's answers are passed over
            assert imported["pushed"] == 0 and imported["skipped_batches"] == exported["batches"]
            assert a.store.dirty_count() == dirty  # the edit made meanwhile is still to be sent
        else:
            assert imported["pushed"] == exported["records"] and imported["skipped_batches"] == 0
            assert a.store.dirty_count() == 0
        assert a.store.get("lessons", lessons[-1]) is not None
        assert all(a.store.get("members", m)[f] == v for (m, f), v in b_wrote.items())

        b_got = sync_online(b_db)
        assert b_got["pulled"] >= exported["records"] and b_got["conflicts"] == b_got["rejected"] == 0

    # The last exchange: whatever is left goes up, and everyone has everything.
    made = sync_status(a.store).pending
    exported = export_package(a_db, stick / f"同步包{2 + ROUNDS}.zbsync")
    assert exported["records"] == made
    applied, imported = _exchange(db_url, a, a_db, stick, 2 + ROUNDS)
    assert applied["pushed"] == imported["pushed"] == made
    sync_online(b_db)

    remote = agree_with_server([a.store, b.store], server)
    check_against_ledger(remote, ledger)
    assert not [key for key in remote if key[0] == "conflicts"], "a conflict where no field was written twice"
    for lesson_id in lessons:
        assert remote[("lessons", lesson_id)]["branch_id"] == "district"
        assert a.store.get("lessons", lesson_id) is not None
    for (member_id, name), value in b_wrote.items():
        assert a.store.get("members", member_id)[name] == value == remote[("members", member_id)]["data"][name]
    devices = admin(db_url, "branch", "list")["branches"][0]["devices"]
    assert sorted(d["name"] for d in devices) == ["书记的笔记本", "村部电脑"]
    print(f"\nsync by file [{db_url.split(':')[0]}]: {len(remote)} rows agree on 2 PCs and the server, "
          f"{len(ledger.members)} members, {len(ledger.study)} study records, "
          f"{time.monotonic() - started:.1f} s")
    a.store.close()
    b.store.close()
