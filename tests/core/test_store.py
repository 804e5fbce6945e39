"""The database file and the one write path: revisions, timestamps, tombstones, transactions."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from core import db as dbmod
from core.db import DatabaseError, open_database, schema_version
from core.migrations import SYNCED_TABLES
from core.store import Store


def test_new_database_is_wal_with_foreign_keys_and_current_schema(store: Store, db_path: Path) -> None:
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA user_version") == schema_version()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert len(store.branch_id) == 36


def test_every_synced_table_has_the_bookkeeping_columns(store: Store) -> None:
    for table in SYNCED_TABLES:
        columns = {row["name"] for row in store.query(f"PRAGMA table_info({table})")}
        assert {"id", "branch_id", "rev", "synced_rev", "version", "updated_at", "deleted"} <= columns, table


def test_insert_and_update_bump_rev_and_updated_at(store: Store) -> None:
    gid = store.insert("party_groups", {"name": "第一党小组"})
    first = store.get("party_groups", gid)
    assert first is not None
    assert first["rev"] > first["synced_rev"] == 0
    assert first["updated_at"].endswith("Z") and len(first["updated_at"]) == 24
    assert first["branch_id"] == store.branch_id

    assert store.update("party_groups", gid, {"name": "第二党小组"})
    second = store.get("party_groups", gid)
    assert second is not None
    assert second["rev"] > first["rev"]
    assert second["updated_at"] >= first["updated_at"]


def test_update_with_same_values_writes_nothing(store: Store) -> None:
    gid = store.insert("party_groups", {"name": "第一党小组"})
    before = store.get("party_groups", gid)
    assert not store.update("party_groups", gid, {"name": "第一党小组"})
    assert store.get("party_groups", gid) == before


def test_bookkeeping_columns_cannot_be_written_directly(store: Store) -> None:
    gid = store.insert("party_groups", {"name": "第一党小组"})
    with pytest.raises(ValueError):
        store.update("party_groups", gid, {"rev": 0})
    with pytest.raises(ValueError):
        store.insert("party_groups", {"name": "x", "synced_rev": 5})


def test_soft_delete_keeps_the_row_as_a_tombstone(store: Store) -> None:
    gid = store.insert("party_groups", {"name": "第一党小组"})
    rev = store.get("party_groups", gid)["rev"]  # type: ignore[index]
    assert store.set_deleted("party_groups", gid, True)
    row = store.get("party_groups", gid)
    assert row is not None and row["deleted"] == 1 and row["rev"] > rev
    assert store.set_deleted("party_groups", gid, False)
    assert store.get("party_groups", gid)["deleted"] == 0  # type: ignore[index]


def test_transaction_is_all_or_nothing_and_nests(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.insert("party_groups", {"name": "甲"})
        with store.transaction():
            store.insert("party_groups", {"name": "乙"})
        raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM party_groups") == 0

    with store.transaction():
        store.insert("party_groups", {"name": "甲"})
        with pytest.raises(RuntimeError), store.transaction():
            store.insert("party_groups", {"name": "乙"})
            raise RuntimeError("inner only")
    assert [r["name"] for r in store.query("SELECT name FROM party_groups")] == ["甲"]


def test_revisions_come_from_one_counter_across_tables(store: Store) -> None:
    before = store.dirty_count()  # the default skills checklist, made with the schema
    gid = store.insert("party_groups", {"name": "甲"})
    mid = store.insert("members", {"name": "张三", "name_pinyin": "zhangsan", "name_initials": "zs"})
    revs = [store.get("party_groups", gid)["rev"], store.get("members", mid)["rev"]]  # type: ignore[index]
    assert revs[1] == revs[0] + 1
    assert store.dirty_count() == before + 2


def test_clock_offset_corrects_timestamps(store: Store) -> None:
    store.set_setting("clock_offset_ms", 3_600_000)
    gid = store.insert("party_groups", {"name": "甲"})
    stamp = store.get("party_groups", gid)["updated_at"]  # type: ignore[index]
    from datetime import UTC, datetime

    written = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert 3500 < (written - datetime.now(UTC)).total_seconds() < 3700


def test_migration_backs_up_the_file_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "b.db"
    s = Store.open(path)
    s.insert("party_groups", {"name": "甲"})
    s.close()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE party_groups ADD COLUMN color TEXT")

    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, add_column])
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(dbmod.MIGRATIONS)
    assert "color" in db["party_groups"].columns_dict
    db.conn.close()
    current = len(dbmod.MIGRATIONS) - 1
    backups = list(tmp_path.glob(f"b.v{current}-*.bak.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == current
    assert copy.execute("SELECT name FROM party_groups").fetchall() == [("甲",)]
    copy.close()


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "b.db"
    Store.open(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE party_groups ADD COLUMN color TEXT")
        conn.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(dbmod, "MIGRATIONS", [*dbmod.MIGRATIONS, broken])
    with pytest.raises(sqlite3.OperationalError):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(dbmod.MIGRATIONS) - 1
    assert "color" not in [r[1] for r in conn.execute("PRAGMA table_info(party_groups)")]
    conn.close()


def test_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DatabaseError, match="新"):
        open_database(path)


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="无法打开"):
        open_database(path)
