"""Crash safety: a real ``main.py`` process killed with SIGKILL at seeded random moments while it
imports a large roster, applies pages pulled from the real district server, or migrates a large old
database. After every kill the database opens with the app's own code, ``PRAGMA integrity_check``
says ``ok`` and the state is exactly the one before or after the interrupted step; the next run
finishes the work. ``ZHIBU_SOAK=1`` tries many more moments."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from core.db import connect, schema_version
from core.migrations import MIGRATIONS
from core.roster.demo_data import generate_demo_branch
from core.roster.export import HEADERS, member_cells
from core.store import Store
from core.sync import config
from core.sync.run import sync
from core.sync.transport import HttpTransport
from core.tabular import write_csv
from tests.e2e.run_cli import ROOT, as_json, cli
from tests.e2e.test_sync_branches import assert_agree, comparable, local_records, open_office
from tests.sync_server import RunningServer, admin, district_server, server_db_url  # noqa: F401

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")
SOAK = os.environ.get("ZHIBU_SOAK") == "1"

# -- killing main.py ---------------------------------------------------------------------------------

Anchor = Callable[[subprocess.Popen[str]], bool]  # waits for a moment; False when the process ended first


@dataclass
class Kill:
    anchored: bool  # the moment the delay counts from was reached while the process ran
    killed: bool  # the process was still running when SIGKILL came


def main_py(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ZHIBU_DB", None)
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )


def at_start(_proc: subprocess.Popen[str]) -> bool:
    return True


def at_line(text: str) -> Anchor:
    """The first progress line on stderr that contains ``text``."""
    def wait(proc: subprocess.Popen[str]) -> bool:
        assert proc.stderr is not None
        return any(text in line for line in proc.stderr)
    return wait


def when(reached: Callable[[], bool]) -> Anchor:
    """The moment ``reached()`` first holds (polled every millisecond)."""
    def wait(proc: subprocess.Popen[str]) -> bool:
        while not reached():
            if proc.poll() is not None:
                return False
            time.sleep(0.001)
        return True
    return wait


def kill_at(proc: subprocess.Popen[str], anchor: Anchor, delay: float) -> Kill:
    anchored = anchor(proc)
    if anchored and delay:
        time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode in (0, -signal.SIGKILL), stderr
    return Kill(anchored, proc.returncode == -signal.SIGKILL)


# -- looking at a database -----------------------------------------------------------------------------


def content_hash(conn: sqlite3.Connection, tables: list[str] | None = None) -> str:
    """A digest of every row of ``tables`` (all tables by default) in storage order."""
    if tables is None:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    digest = hashlib.sha256()
    for table in tables:
        digest.update(repr((table, conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())).encode())
    return digest.hexdigest()


def schema_of(conn: sqlite3.Connection) -> list[tuple[str, ...]]:
    return sorted(conn.execute(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def reopened(path: Path) -> Store:
    """The database as the app opens it, checked by SQLite itself."""
    store = Store.open(path)
    assert store.scalar("PRAGMA integrity_check") == "ok"
    return store


def fresh_copy(source: Path, target: Path) -> Path:
    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    shutil.copyfile(source, target)
    return target


# -- import-roster ---------------------------------------------------------------------------------------

IMPORT_SIZES = {".csv": (3000, 20 if SOAK else 4), ".xlsx": (1500, 10 if SOAK else 2)}  # rows, kill points
WRITING = "正在写入数据库"  # the first line comes from inside the import's transaction
MID_WRITE_TRIES = 5


def roster_file(path: Path, rows: int) -> Path:
    cells = [member_cells(m, show_id_numbers=True) for m in generate_demo_branch(members=rows, seed=7).members]
    if path.suffix == ".csv":
        write_csv(path, HEADERS, cells)
    else:
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("花名册")
        ws.append(HEADERS)
        for row in cells:
            ws.append(row)
        wb.save(path)
    return path


def import_moment(rng: random.Random, point: int, rows: int) -> tuple[str, Anchor, float]:
    if point == 0:  # at the first write: thousands of rows are still to come, so this kill is mid-transaction
        return "writing", at_line(WRITING), 0.0
    kind = rng.choice(["start", "checked", "writing"])
    if kind == "start":
        return kind, at_start, rng.uniform(0.2, 4.0)
    if kind == "checked":  # the last check line: the transaction begins right after it
        return kind, at_line(f"正在检查数据 {rows}/{rows}"), rng.uniform(0.0, 1.0)
    return kind, at_line(WRITING), rng.uniform(0.0, 0.5)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_killed_at_random_moments_leaves_none_or_all_promised_rows(tmp_path: Path, suffix: str) -> None:
    rows, points = IMPORT_SIZES[suffix]
    sheet = roster_file(tmp_path / f"花名册{suffix}", rows)
    pristine = tmp_path / "empty.db"
    Store.open(pristine).close()
    with closing(sqlite3.connect(pristine)) as conn:
        empty = content_hash(conn)
    promised = as_json(cli("--db", pristine, "import-roster", sheet, "--dry-run", "--json"))
    assert promised["inserted"] == promised["valid"] == rows and promised["errors"] == []
    rng = random.Random(f"import{suffix}")
    mid_write = None
    # the first point kills at the first write; on a loaded machine the rest of the import can outrun
    # the signal, so it is tried again (each try checked like any other) until one lands mid-transaction
    tries = [0] * MID_WRITE_TRIES + list(range(1, points))
    for attempt, point in enumerate(tries):
        if point == 0 and mid_write is not None:
            continue
        db = fresh_copy(pristine, tmp_path / f"branch-{attempt}.db")
        kind, anchor, delay = import_moment(rng, point, rows)
        kill = kill_at(main_py(db, "import-roster", str(sheet)), anchor, delay)
        store = reopened(db)
        assert store.query("PRAGMA foreign_key_check") == []
        count = store.scalar("SELECT count(*) FROM members")
        if count == 0:  # before: not one row or audit entry or revision more than the empty database
            assert content_hash(store.conn) == empty, (point, kind, delay)
            if kill.killed and kill.anchored and kind == "writing":
                mid_write = db
        else:  # after: every promised row, with its audit entry, waiting to be synced
            assert count == rows, (point, kind, delay)
            assert store.scalar("SELECT count(*) FROM audit_log WHERE summary = '导入花名册'") >= 1
            assert store.scalar("SELECT count(*) FROM members WHERE rev > synced_rev") == rows
            assert store.scalar("SELECT max(rev) FROM members") <= store.scalar("SELECT value FROM rev_counter")
        store.close()
    assert mid_write is not None, "no kill landed inside the import's transaction"
    # the office imports the file again after the crash: it all goes in
    again = as_json(cli("--db", mid_write, "import-roster", sheet, "--json"))
    assert again["inserted"] == rows
    store = reopened(mid_write)
    assert store.scalar("SELECT count(*) FROM members") == rows
    store.close()


# -- sync: applying pulled pages -------------------------------------------------------------------------


def fill_branch(store: Store, members: int) -> None:
    """A large branch: members, lessons and their study records."""
    people = store.insert_many("members", [
        {"name": f"党员{n:05d}", "category": "full", "status": "active", "village": f"第{n % 7}村",
         "phone": f"138{n:08d}", "name_pinyin": f"dangyuan{n:05d}", "name_initials": "dy"}
        for n in range(members)
    ])
    lessons = store.insert_many("lessons", [{"title": f"微党课第{n}讲", "minutes": 20} for n in range(10)])
    store.insert_many("study_records", [
        {"member_id": person, "lesson_id": lessons[n % 10], "study_date": "2026-11-20", "method": "group"}
        for n, person in enumerate(people[: members // 2])
    ])


def everything_on_server(server: RunningServer, device: Path) -> dict[tuple[str, str], dict]:
    """What the device at ``device`` may read from the server, as ``comparable`` records."""
    store = Store.open(device)
    transport = HttpTransport(server.url, store.setting(config.TOKEN))
    store.close()
    found: dict[tuple[str, str], dict] = {}
    since, more = 0, True
    while more:
        page = transport.pull(since, 500)
        found.update({(r["table"], r["id"]): {k: r[k] for k in ("branch_id", "version", "deleted", "data")}
                      for r in page["records"]})
        since, more = page["next"], page["more"]
    transport.close()
    return found


def pull_cursor(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (config.PULL_CURSOR,)).fetchone()
    return int(json.loads(row[0]) or 0) if row else 0


def check_pulled(store: Store, remote: dict[tuple[str, str], dict]) -> int:
    """Exactly the server's records up to the saved cursor are here, each as the server holds it."""
    cursor = pull_cursor(store.conn)
    local = comparable(local_records(store))
    expected = {key for key, record in remote.items() if record["version"] <= cursor}
    # the computer's own skills are acknowledged by the push before the pull
    pulled = {key for key, record in local.items() if record["version"] > 0 and key[0] != "skills"}
    assert pulled == {key for key in expected if key[0] != "skills"}, cursor
    assert all(local[key] == remote[key] for key in expected)
    # and every pulled row is clean: nothing of the pull waits to be pushed back
    assert store.scalar("SELECT count(*) FROM members WHERE version > 0 AND rev > synced_rev") == 0
    return cursor


def test_sync_killed_while_applying_pages_keeps_cursor_and_rows_together(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    office = open_office(tmp_path / "office.db", server, branch["enrollment_code"], "办公室电脑")
    fill_branch(office, 3000)
    assert sync(office).rejected == 0
    office.close()
    code = admin(server.db_url, "branch", "code", branch["branch_id"])["enrollment_code"]
    pristine = tmp_path / "laptop.db"
    open_office(pristine, server, code, "书记的笔记本").close()
    remote = everything_on_server(server, pristine)
    last = max(record["version"] for record in remote.values())

    on_sqlite = server.db_url.startswith("sqlite")
    points = (12 if SOAK else 5) if on_sqlite else (6 if SOAK else 3)
    rng = random.Random(f"pull-{on_sqlite}")
    part_way = 0
    for point in range(points):
        db = fresh_copy(pristine, tmp_path / f"laptop-{point}.db")
        with closing(sqlite3.connect(db)) as watcher:
            if point == 0 or rng.random() < 0.8:  # after the first page is in: more pages are on the way
                anchor, delay = when(lambda: pull_cursor(watcher) > 0), 0.0 if point == 0 else rng.uniform(0, 1.2)
            else:
                anchor, delay = at_start, rng.uniform(0.2, 1.5)
            kill = kill_at(main_py(db, "sync"), anchor, delay)
        store = reopened(db)
        cursor = check_pulled(store, remote)
        part_way += kill.killed and 0 < cursor < last
        missing = sum(1 for (table, _), r in remote.items() if table != "skills" and r["version"] > cursor)
        resumed = sync(store)  # the next sync finishes the pull from the saved cursor
        assert (resumed.pulled, resumed.rejected, resumed.conflicts) == (missing, 0, 0)
        assert pull_cursor(store.conn) == last
        assert comparable(local_records(store)) == remote and store.dirty_count() == 0
        if point == points - 1:
            assert_agree(store, server)
        store.close()
    assert part_way >= 1, "no kill landed between the pages of the pull"


# -- schema migration ----------------------------------------------------------------------------------------

MIGRATION_POINTS = 20 if SOAK else 5
OLD_TABLES = ["settings", "members", "member_status_changes", "audit_log"]  # the tables of a version 1 database


def database_at(path: Path, version: int, members: int = 0) -> Path:
    """A database as an older release left it: the first ``version`` migrations, then ``members`` rows."""
    conn = connect(path)
    for number in range(1, version + 1):
        conn.execute("BEGIN IMMEDIATE")
        MIGRATIONS[number - 1](conn)
        conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    if members:
        branch = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'branch_id'").fetchone()[0])
        stamp = "2025-06-01T08:00:00.000Z"
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO members (id, branch_id, rev, updated_at, name, birth_date, village, note, name_pinyin, "
            "name_initials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((str(uuid.uuid4()), branch, n + 1, stamp, f"党员{n}", f"19{40 + n % 60}-03-02", f"第{n % 9}村",
              "常年在外务工，逢年过节回村。" * 8, f"dangyuan{n}", "dy") for n in range(members)))
        conn.execute("UPDATE rev_counter SET value = ?", (members,))
        conn.execute("COMMIT")
    conn.close()
    return path


def migration_moment(rng: random.Random, point: int, folder: Path) -> tuple[Anchor, float]:
    copying = when(lambda: any(folder.glob("*.bak.db.part")))
    copied = when(lambda: any(folder.glob("*.bak.db")))  # the backup is complete: the migrations run now
    if point < 3:  # right after the copy, between the migrations (they take milliseconds), mid-copy
        return [(copied, 0.0), (copied, rng.uniform(0.002, 0.02)), (copying, rng.uniform(0.0, 0.15))][point]
    return rng.choice([(at_start, rng.uniform(0.0, 1.5)), (copying, rng.uniform(0.0, 0.3)),
                       (copied, rng.uniform(0.0, 0.03))])


def test_migration_killed_at_random_moments_leaves_one_schema_version(tmp_path: Path) -> None:
    old, new = 1, schema_version()
    schemas = {}
    for version in range(old, new + 1):
        with closing(sqlite3.connect(database_at(tmp_path / f"schema-v{version}.db", version))) as conn:
            schemas[version] = schema_of(conn)
    pristine = database_at(tmp_path / "old.db", old, members=30_000)
    with closing(sqlite3.connect(pristine)) as conn:
        data = content_hash(conn, OLD_TABLES)
    rng = random.Random(f"migrate-v{old}")
    interrupted = 0
    for point in range(MIGRATION_POINTS):
        folder = tmp_path / f"p{point}"
        folder.mkdir()
        db = fresh_copy(pristine, folder / "branch.db")
        anchor, delay = migration_moment(rng, point, folder)
        kill = kill_at(main_py(db, "sync", "status", "--json"), anchor, delay)
        with closing(connect(db)) as conn:  # the app's connection, not yet migrating
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            assert old <= version <= new
            assert schema_of(conn) == schemas[version], version
            assert content_hash(conn, OLD_TABLES) == data
        interrupted += kill.killed and version < new
        backups = sorted(folder.glob("branch.v*.bak.db"))
        assert backups or version == old  # a complete copy is made before the first migration
        for backup in backups:
            with closing(sqlite3.connect(backup)) as copy:
                assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert copy.execute("PRAGMA user_version").fetchone()[0] == old
                assert content_hash(copy, OLD_TABLES) == data
        store = reopened(db)  # the next start completes the migration
        assert store.scalar("PRAGMA user_version") == new and schema_of(store.conn) == schemas[new]
        assert content_hash(store.conn, OLD_TABLES) == data
        assert store.scalar("SELECT count(*) FROM skills") == 8
        store.close()
        assert not list(folder.glob("*.part*")), "a partial copy was left beside the database"
        shutil.rmtree(folder)
    assert interrupted >= 1, "no kill landed while the database was being migrated"
