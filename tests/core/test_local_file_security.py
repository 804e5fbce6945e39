"""What stays on the branch office PC: the database, its WAL/SHM files, backups, the copy made
before a migration and a restored file are readable by their user only (0600, folders 0700 where
the program makes them) — even under a permissive umask; ID numbers (身份证号) are masked in
exports unless asked for, and never appear in full in messages, logs or the audit log."""

from __future__ import annotations

import csv
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from core.backup import backup_now, restore_backup
from core.db import connect, open_connection
from core.idcard import mask_id
from core.migrations import MIGRATIONS
from core.roster.importer import apply_import, plan_import
from core.store import Store
from tests.e2e.run_cli import as_json, cli
from tests.support import make_id, wrong_check
from tests.sync_server import admin, start_server

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Files anyone could read unless the program says otherwise."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def private_files(folder: Path) -> dict[str, int]:
    """Mode of every file in ``folder`` that is not 0600."""
    return {p.name: oct(mode(p)) for p in folder.iterdir() if p.is_file() and mode(p) != 0o600}


@posix_only
def test_a_new_database_and_its_wal_and_shm_files_are_the_users_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "ZhibuDesk" / "zhibu.db"
    store = Store.open(path)
    try:
        store.insert("party_groups", {"name": "第一党小组", "sort_order": 1})
        names = {p.name for p in path.parent.iterdir()}
        assert {"zhibu.db", "zhibu.db-wal", "zhibu.db-shm"} <= names
        assert private_files(path.parent) == {}
        assert mode(path.parent) == 0o700
    finally:
        store.close()


@posix_only
def test_backups_and_their_folder_are_the_users_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "zhibu.db"
    conn = connect(path)
    try:
        first, second = backup_now(conn, path), backup_now(conn, path)
    finally:
        conn.close()
    assert first.parent == second.parent == tmp_path / "zhibu-backups"
    assert mode(first.parent) == 0o700
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, second.name])  # no .part left
    assert private_files(first.parent) == {}


@posix_only
def test_the_copy_made_before_a_migration_is_the_users_only(tmp_path: Path, open_umask: None) -> None:
    path = tmp_path / "zhibu.db"
    old = sqlite3.connect(path)  # an older version's database, made world-readable by the umask
    for migration in MIGRATIONS[:-1]:
        migration(old)
    old.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    old.commit()
    old.close()
    os.chmod(path, 0o644)

    open_connection(path).close()

    [copy] = tmp_path.glob(f"zhibu.v{len(MIGRATIONS) - 1}-*.bak.db")
    assert mode(copy) == 0o600


@posix_only
def test_a_restored_database_and_the_safety_copy_are_the_users_only(tmp_path: Path, open_umask: None) -> None:
    source = tmp_path / "office" / "zhibu.db"
    store = Store.open(source)
    store.insert("party_groups", {"name": "第一党小组", "sort_order": 1})
    backup = backup_now(store.conn, source)
    store.close()

    fresh = tmp_path / "new-computer" / "data" / "zhibu.db"
    assert restore_backup(backup, fresh) is None
    assert mode(fresh.parent) == 0o700 and private_files(fresh.parent) == {}

    safety = restore_backup(backup, source)  # over an existing database: a safety copy first
    assert safety is not None and mode(safety) == 0o600
    assert private_files(source.parent) == {}


# -- ID numbers -----------------------------------------------------------------------------------------


def id_numbers(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT id_number FROM members WHERE coalesce(id_number, '') != ''")]
    finally:
        conn.close()


def csv_text(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return "\n".join(",".join(row) for row in csv.reader(handle))


def xlsx_text(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
    finally:
        book.close()


def test_exports_mask_id_numbers_unless_asked(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    cli("--db", db, "demo", "--members", "25", "--roster-only")
    numbers = id_numbers(db)
    assert len(numbers) >= 20
    for name, read in (("roster.csv", csv_text), ("roster.xlsx", xlsx_text)):
        masked, full = tmp_path / name, tmp_path / f"full-{name}"
        cli("--db", db, "export-roster", masked)
        cli("--db", db, "export-roster", full, "--show-id-numbers")
        masked_text, full_text = read(masked), read(full)
        assert [n for n in numbers if n in masked_text] == [], name
        assert all(mask_id(n) in masked_text for n in numbers), name
        assert all(n in full_text for n in numbers), name


def write_sheet(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "性别", "出生日期", "公民身份号码"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD, NAMESAKE = make_id("1965-03-02"), make_id("1965-03-02", seq=34)  # two people, same name and birthday
BAD = wrong_check(make_id("1972-08-08"))
CONVERTED = make_id("1950-05-06", male=False, seq=12)
OLD = CONVERTED[:6] + CONVERTED[8:17]  # its 15-digit form
NUMBERS = [GOOD, NAMESAKE, BAD, CONVERTED, OLD]


def full_ids_in(text: str, numbers: list[str]) -> list[str]:
    return [n for n in numbers if n in text]


def test_messages_logs_and_the_audit_log_hold_no_full_id_number(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "office.db"
    cli("--db", db, "import-roster", write_sheet(tmp_path / "first.xlsx", [["张三", "男", "1965-03-02", GOOD]]))
    # A bad check digit (an error), an old number (converted, with a warning) and a namesake of 张三
    # with another number (a warning naming the other one by its last digits).
    sheet = write_sheet(tmp_path / "花名册.xlsx", [
        ["王五", "男", "1972-08-08", BAD], ["李桂兰", "女", "1950-05-06", OLD], ["张三", "男", "1965-03-02", NAMESAKE],
    ])
    checked = cli("--db", db, "import-roster", sheet, "--dry-run", "--json")
    answer = as_json(checked)
    assert answer["inserted"] == 2 and len(answer["errors"]) == 1 and len(answer["warnings"]) == 2
    assert mask_id(CONVERTED) in str(answer["warnings"]) and GOOD[-4:] in str(answer["warnings"])
    imported = cli("--db", db, "import-roster", sheet)
    for done in (checked, imported):
        assert full_ids_in(done.stdout + done.stderr, NUMBERS) == [], done.stdout

    with caplog.at_level(logging.DEBUG):  # whatever the program logs, at any level
        store = Store.open(tmp_path / "again.db")
        try:
            apply_import(store, plan_import(store, sheet))
        finally:
            store.close()
    assert full_ids_in(caplog.text, NUMBERS) == []

    with start_server(f"sqlite:///{tmp_path / 'district.db'}") as server:
        code = admin(server.db_url, "branch", "add", "--name", "河东村党支部")["enrollment_code"]
        synced = cli("--db", db, "sync", "--server", server.url, "--enroll", code, "--json")
        assert as_json(synced)["pushed"] >= 3
        assert full_ids_in(synced.stdout + synced.stderr + server.log(), NUMBERS) == []

    conn = sqlite3.connect(db)
    try:
        kept = [" ".join(map(str, row)) for table in ("audit_log", "sync_rejections", "settings")
                for row in conn.execute(f"SELECT * FROM {table}")]
        stored = {r[0] for r in conn.execute("SELECT id_number FROM members")}
    finally:
        conn.close()
    assert len(kept) > 5 and full_ids_in("\n".join(kept), NUMBERS) == []
    assert stored == {GOOD, NAMESAKE, CONVERTED}  # the roster itself keeps them in full
