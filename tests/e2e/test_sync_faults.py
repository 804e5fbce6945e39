"""Sync through a link that breaks on purpose, and a district server that dies mid-sync.

The promise to the branch office: when the link drops or the server dies in the middle of a sync,
nothing is lost, nothing is duplicated, and after recovery the branch and the district hold the same
data. Two computers of one branch work and sync through a seeded fault proxy (tests/e2e/fault_proxy.py)
for many rounds, checked against a ledger of what their users did (tests/e2e/branch_work.py); an
answer is lost right after the server applied a push; and the server is SIGKILLed while a large push
goes up and while a second computer pulls the branch, with the proxy cutting connections all along.
In the rounds, the user also goes on working while a sync of the same computer is under way (before
some of its requests): those edits must survive the sync, whatever the link does to it.
``ZHIBU_SOAK=1`` runs many more rounds on bigger data; ``ZHIBU_FAULT_SEED`` picks another seed.
"""

from __future__ import annotations

import os
import random
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from core.roster.members import add_member, as_record, edit_member, get_member
from core.store import Store
from core.sync import config
from core.sync.conflicts import list_conflicts
from core.sync.errors import ServerUnreachable
from core.sync.run import SyncResult, sync
from core.sync.transport import HttpTransport
from tests.e2e.branch_work import (
    EditsDuring,
    Ledger,
    Office,
    WorkingTransport,
    agree_with_server,
    bulk_branch,
    check_against_ledger,
    work,
)
from tests.e2e.fault_proxy import CUT_ANSWER, CUT_REQUEST, FaultPlan, FaultProxy
from tests.e2e.test_sync_branches import local_records, open_office
from tests.sync_server import RunningServer, admin, district_server, server_db_url  # noqa: F401

SOAK = os.environ.get("ZHIBU_SOAK") == "1"
ROUNDS = 500 if SOAK else 50
BULK_MEMBERS = 6000 if SOAK else 600
SEED = int(os.environ.get("ZHIBU_FAULT_SEED", "20261122"))
TODAY = date.today()
MAX_ATTEMPTS = 200  # sync attempts one office may need in a round before the test gives up
BATCH_SIZES = (7, 40, 500)
PAGE_SIZES = (5, 60, 500)
# The transport's messages for a link or server that fails: each says the data is safe and what to do.
NETWORK_MESSAGES = ("连不上区里的服务器", "连接区里的服务器", "区里的服务器正忙", "区里的服务器暂时出了问题")


@dataclass
class Figures:
    rounds: int = 0
    attempts: int = 0
    failed: int = 0
    conflicts: int = 0
    rows_compared: int = 0
    edits_during_sync: int = 0
    failures: Counter[str] = field(default_factory=Counter)

    def line(self, proxy: FaultProxy) -> str:
        counts = proxy.counts
        rounds = f"{self.rounds} rounds, " if self.rounds else ""
        return (
            f"{rounds}{self.attempts} sync attempts, {self.failed} failed, "
            f"cuts {counts.cuts_to_server} client→server / {counts.cuts_to_client} server→client, "
            f"{counts.refused} refused, {counts.delayed} delayed of {counts.connections} connections, "
            f"{self.edits_during_sync} edits during a sync, "
            f"{self.conflicts} conflicts, {self.rows_compared} rows compared with the server's"
        )


def _no_wait(_seconds: float) -> None:
    """The transport's pause between attempts: none, the proxy decides anew at once."""


def attempt_sync(office: Office, url: str, rng: random.Random, figures: Figures, where: str,
                 max_attempts: int | None = None, size: int | None = None,
                 during: Callable[[], None] | None = None) -> SyncResult | None:
    """One sync as the app runs it, through ``url``; None when the link or the server failed. The
    transport tries each request up to ``max_attempts`` times; batches and pages hold ``size``
    records (both drawn when not given); ``during`` runs before each push and pull request."""
    attempts = max_attempts or rng.choice((1, 1, 1, 2, 3))
    transport = WorkingTransport(url, office.token, sleep=_no_wait, max_attempts=attempts, timeout=(2.0, 10.0),
                                 during=during)
    figures.attempts += 1
    try:
        return sync(office.store, transport=transport, batch_size=size or rng.choice(BATCH_SIZES),
                    page_size=size or rng.choice(PAGE_SIZES))
    except ServerUnreachable as failure:
        figures.failed += 1
        figures.failures[failure.message[:12]] += 1
        assert failure.message.startswith(NETWORK_MESSAGES), f"{where}: {failure.message}"
        assert "数据已保存在本机" in failure.message or "管理员" in failure.message, f"{where}: {failure.message}"
        store = office.store
        assert not store.conn.in_transaction and store.scalar("PRAGMA foreign_keys") == 1, where
        assert store.setting(config.LAST_ERROR) == failure.message, where
        return None
    finally:
        transport.close()


def sync_until_success(office: Office, url: str, rng: random.Random, figures: Figures, where: str,
                       between: Callable[[], None], size: int) -> SyncResult:
    """Sync again and again (as the next scheduled sync would) until one succeeds; ``between`` is
    called after each failure."""
    for n in range(MAX_ATTEMPTS):
        result = attempt_sync(office, url, rng, figures, f"{where}, attempt {n + 1}", size=size)
        if result is not None:
            return result
        between()
    pytest.fail(f"{where}: no sync succeeded in {MAX_ATTEMPTS} attempts; {figures.failures}")


def check_success(office: Office, result: SyncResult, figures: Figures, where: str, edited_meanwhile: bool = False) -> None:
    figures.conflicts += result.conflicts
    assert result.rejected == 0, f"{where}: {office.name} had rows rejected"
    if not edited_meanwhile:  # edits made during the sync wait for the next one
        assert office.store.dirty_count() == 0, f"{where}: {office.name} still has unsent rows after a successful sync"
    assert office.store.setting(config.LAST_ERROR) is None, where


def clean_sync(offices: list[Office], server: RunningServer) -> None:
    """Every office syncs straight to the server, twice round, so that each has what the others sent."""
    for _ in range(2):
        for office in offices:
            transport = HttpTransport(server.url, office.token)
            try:
                result = sync(office.store, transport=transport)
            finally:
                transport.close()
            assert result.rejected == 0 and office.store.dirty_count() == 0, office.name


# -- many rounds of work and sync through a breaking link -------------------------------------------


def test_random_rounds_through_a_breaking_link_lose_and_duplicate_nothing(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    second_code = admin(server.db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
    admin(server.db_url, "lesson", "publish", "--title", "学习党章", "--url", "https://dj.example.cn/v/1",
          "--minutes", "20", "--published", TODAY.isoformat())  # the test's today, also across midnight
    ledger = Ledger(today=TODAY)
    office = Office.enrolled("办公室电脑", open_office(tmp_path / "office.db", server, branch["enrollment_code"],
                                                        "办公室电脑"), fields=("phone", "note", "deleted"))
    laptop = Office.enrolled("书记的笔记本", open_office(tmp_path / "laptop.db", server, second_code, "书记的笔记本"),
                             fields=("village", "note"))
    offices = [office, laptop]
    setup = random.Random(SEED)
    work(office, setup, ledger, steps=8)
    clean_sync(offices, server)

    figures = Figures()
    with FaultProxy(server.port, seed=SEED, fault_rate=0.6, max_cut_bytes=6 * 1024) as proxy:
        for n in range(ROUNDS):
            seed = SEED * 1000 + n
            rng = random.Random(seed)
            proxy.reseed(seed)
            where = f"round {n + 1}, seed {seed}"
            for one in offices:
                if one is office or rng.random() < 0.35:
                    work(one, rng, ledger, steps=rng.randint(1, 4))
            # Both computers sync in turns; a user may go on working while a sync keeps failing.
            clean = {one.name: one.store.dirty_count() == 0 and rng.random() < 0.5 for one in offices}
            for step in range(MAX_ATTEMPTS):
                if all(clean.values()):
                    break
                one = rng.choice([o for o in offices if not clean[o.name]])
                meanwhile = EditsDuring(one, random.Random(f"{seed}-{step}"), ledger)
                result = attempt_sync(one, proxy.url, rng, figures, f"{where}, step {step + 1}", during=meanwhile)
                figures.edits_during_sync += meanwhile.done
                if result is not None:
                    check_success(one, result, figures, f"{where}, step {step + 1}", edited_meanwhile=meanwhile.done > 0)
                    clean[one.name] = one.store.dirty_count() == 0
                elif rng.random() < 0.7:  # offline until the next scheduled sync: the user goes on working
                    work(one, rng, ledger, steps=rng.randint(1, 2))
            else:
                pytest.fail(f"{where}: the offices did not get a successful sync in {MAX_ATTEMPTS} attempts")
            figures.rounds += 1
        counts = proxy.counts

    clean_sync(offices, server)
    remote = agree_with_server([one.store for one in offices], server)
    figures.rows_compared = len(remote) * len(offices)
    check_against_ledger(remote, ledger)
    print(f"\nsync faults [{server.db_url.split(':')[0]}]: {figures.line(proxy)}")
    assert counts.cuts_to_server > 0 and counts.cuts_to_client > 0, counts.summary()
    assert figures.failed > 0, counts.summary()
    for one in offices:
        one.store.close()


# -- an answer lost after the server applied the push -------------------------------------------------


def _info_answer(server: RunningServer) -> tuple[bytes, int]:
    """The headers of the server's answer to ``GET /api/v1/info`` (the first answer of a sync) and
    the size of the whole answer on the wire."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /api/v1/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(4096)
    head = data.partition(b"\r\n\r\n")[0]
    length = re.search(rb"content-length: *(\d+)", head, re.IGNORECASE)
    assert length is not None, head
    return head, len(head) + 4 + int(length.group(1))


def _cuts_in_headers(head: bytes) -> list[int]:
    """Cut positions in every header line (mid-name, an empty value, the value short of its last
    character, before its CRLF) and just after the headers' end."""
    positions, start = [], 0
    for line in head.split(b"\r\n"):
        colon = line.find(b":")
        positions += [start + max(colon, 1) // 2, start + colon + 1, start + len(line) - 1, start + len(line)]
        start += len(line) + 2
    return sorted({p for p in positions if p > 0} | {len(head) + 2, len(head) + 4})


def test_an_answer_lost_after_the_server_applied_the_push_costs_no_edit_and_no_false_conflict(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    office = Office.enrolled("办公室电脑", open_office(tmp_path / "office.db", server, branch["enrollment_code"],
                                                        "办公室电脑"), fields=())
    sync(office.store)
    store = office.store
    head, info_bytes = _info_answer(server)
    # cut 20 bytes into the answer that follows the info answer: the push's, after the server committed it
    lose_the_push_answer = FaultPlan(CUT_ANSWER, cut_after=info_bytes + 20)
    once = random.Random(0)

    def sync_losing_the_answer(proxy: FaultProxy) -> None:
        cursor = store.setting(config.PULL_CURSOR)
        proxy.script(lose_the_push_answer)
        failed = Figures()
        assert attempt_sync(office, proxy.url, once, failed, "lost answer", max_attempts=1) is None
        assert store.dirty_count() > 0
        direct = HttpTransport(server.url, office.token)
        on_server = {r["id"]: r for r in direct.pull(cursor, 500)["records"]}
        direct.close()
        assert member_id in on_server, "the server did not apply the push before the answer was cut"

    def phone(value: str) -> None:
        member = get_member(store, member_id)
        assert member is not None
        edit_member(store, member_id, {**as_record(member), "phone": value}, TODAY)

    with FaultProxy(server.port, fault_rate=0.0, delay_rate=0.0) as proxy:
        # a new member reaches the server, the answer does not; the phone number is then corrected
        member_id, _ = add_member(store, {"name": "张三", "gender": "男", "birth_date": "1950-01-01",
                                          "phone": "13800000001"}, TODAY)
        sync_losing_the_answer(proxy)
        phone("13800000002")
        assert sync(store).conflicts == 0
        assert list_conflicts(store) == []
        # an edit reaches the server, the answer does not; the user then takes the edit back
        phone("13900000003")
        sync_losing_the_answer(proxy)
        phone("13800000002")
        assert sync(store).conflicts == 0
        # the same cut as an orderly close, and the transport may ask again: the server answers the
        # batch id from what it stored, and the sync carries on
        phone("13900000003")
        proxy.script(FaultPlan(CUT_ANSWER, cut_after=lose_the_push_answer.cut_after, abrupt=False))
        retried = Figures()
        result = attempt_sync(office, proxy.url, once, retried, "answer cut, asked again", max_attempts=2)
        assert result is not None and result.conflicts == 0 and retried.failed == 0
        assert proxy.counts.cuts_to_client == 3
        # an answer broken off anywhere in its headers, by a reset or an orderly close, is a broken
        # link the transport asks again, never an answer it cannot read
        cuts = _cuts_in_headers(head)
        for cut_after in cuts:
            for abrupt in (True, False):
                proxy.script(FaultPlan(CUT_ANSWER, cut_after=cut_after, abrupt=abrupt))
                link = HttpTransport(proxy.url, office.token, sleep=_no_wait, max_attempts=2)
                try:
                    assert link.info()["protocol"] == 2, cut_after
                finally:
                    link.close()
        assert proxy.counts.cuts_to_client == 3 + 2 * len(cuts)
    assert store.get("members", member_id)["phone"] == "13900000003"
    assert list_conflicts(store) == []
    remote = agree_with_server([store], server)
    assert remote[("members", member_id)]["data"]["phone"] == "13900000003"
    assert not [key for key in remote if key[0] == "conflicts"]
    store.close()


# -- the server killed mid-push and mid-pull while the link is being cut --------------------------------------


def _kill_when(path: Path, sql: str, at_least: int, server: RunningServer, killed: threading.Event,
               seconds: float = 60) -> threading.Thread:
    """A thread that watches the branch database at ``path`` (its own connection) and SIGKILLs the
    server as soon as ``sql`` counts ``at_least`` rows."""

    def watch() -> None:
        watcher = Store.open(path)
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline:
                if watcher.scalar(sql) >= at_least:
                    server.kill()
                    killed.set()
                    return
                time.sleep(0.005)
        finally:
            watcher.close()

    thread = threading.Thread(target=watch)
    thread.start()
    return thread


def _sync_through_a_crash(office: Office, server: RunningServer, proxy: FaultProxy, figures: Figures,
                          watch: str, where: str, after_failure: Callable[[], None]) -> None:
    """Sync ``office`` through the faults until it succeeds, the server SIGKILLed once ``watch``
    (SQL on the office's database) counts a quarter of the branch, and restarted after three
    attempts have found it dead; ``after_failure`` checks the office after every failed attempt."""
    killed = threading.Event()
    killer = _kill_when(office.store.path, watch, BULK_MEMBERS // 4, server, killed)
    dead = 0

    def restart_after_three_dead_attempts() -> None:
        nonlocal dead
        after_failure()
        if killed.is_set() and not server.running():
            dead += 1
            if dead == 3:
                assert office.store.scalar(watch) < BULK_MEMBERS, f"{where}: the server died after the sync"
                server.restart()

    rng = random.Random(SEED)
    result = sync_until_success(office, proxy.url, rng, figures, where, restart_after_three_dead_attempts, 100)
    killer.join()
    assert killed.is_set() and dead >= 3, where
    check_success(office, result, figures, where)


def test_the_server_killed_mid_push_and_mid_pull_while_the_link_is_cut_then_both_computers_agree(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    office = Office.enrolled("办公室电脑", open_office(tmp_path / "office.db", server, branch["enrollment_code"],
                                                        "办公室电脑"), fields=())
    created = bulk_branch(office.store, BULK_MEMBERS, TODAY)
    figures = Figures()
    with FaultProxy(server.port, seed=SEED, fault_rate=0.6, max_cut_bytes=16 * 1024) as proxy:
        # The office pushes the whole branch: a request cut, an answer cut, random faults, and the
        # server killed while batches go up. Acknowledged rows stay acknowledged.
        acknowledged = 0

        def nothing_acknowledged_is_taken_back() -> None:
            nonlocal acknowledged
            now = office.store.scalar("SELECT count(*) FROM members WHERE rev = synced_rev")
            assert now >= acknowledged
            acknowledged = now

        proxy.script(FaultPlan(CUT_REQUEST, cut_after=4_000), FaultPlan(CUT_ANSWER, cut_after=1_500, abrupt=False))
        _sync_through_a_crash(office, server, proxy, figures, "SELECT count(*) FROM members WHERE rev = synced_rev",
                              "push", nothing_acknowledged_is_taken_back)
        sent = local_records(office.store)

        # A second computer pulls it all: an answer cut, random faults, and the server killed while
        # pages stream. Each page arrives whole with its cursor: exactly the rows up to it are here.
        code = admin(server.db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
        laptop = Office.enrolled("书记的笔记本", open_office(tmp_path / "laptop.db", server, code, "书记的笔记本"),
                                 fields=())

        def pages_arrived_whole() -> None:
            cursor = laptop.store.setting(config.PULL_CURSOR, 0)
            here = {key for key in local_records(laptop.store) if key[0] != "skills"}
            assert here == {key for key, r in sent.items() if key[0] != "skills" and r["version"] <= cursor}
            assert laptop.store.scalar("PRAGMA foreign_keys") == 1

        proxy.script(FaultPlan(CUT_ANSWER, cut_after=6_000))
        _sync_through_a_crash(laptop, server, proxy, figures, "SELECT count(*) FROM members", "pull",
                              pages_arrived_whole)
        counts = proxy.counts

    clean_sync([office, laptop], server)
    remote = agree_with_server([office.store, laptop.store], server)
    figures.rows_compared = 2 * len(remote)
    assert {key[1] for key in remote} >= set(created)
    assert counts.cuts_to_server > 0 and counts.cuts_to_client > 0, counts.summary()
    print(f"\nkill under faults [{server.db_url.split(':')[0]}]: {figures.line(proxy)}")
    office.store.close()
    laptop.store.close()
