"""Opening the branch database: location, connection settings, migrations with a backup first."""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from core.migrations import MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

APP_DIR_NAME = "ZhibuDesk"
DB_FILE_NAME = "zhibu.db"


class DatabaseError(Exception):
    """The database file cannot be used; the message says why and what to do (Chinese)."""


def data_dir() -> Path:
    """The user's data folder for this application."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_path() -> Path:
    """``$ZHIBU_DB`` when set, otherwise ``zhibu.db`` in the user's data folder."""
    env = os.environ.get("ZHIBU_DB")
    return Path(env) if env else data_dir() / DB_FILE_NAME


def schema_version() -> int:
    """The schema version this program writes."""
    return len(MIGRATIONS)


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on.

    Each thread opens its own connection; connections are never shared between threads.
    """
    path = Path(path)
    creating = not path.exists()
    if creating:
        make_private_folder(path.parent)
        _create_private_file(path)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
        conn.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"无法打开数据库文件 {path}：{exc}。该文件可能已损坏或不是本软件的数据库，"
            "请在“设置 → 备份”中从备份恢复。"
        ) from exc
    if creating:
        _restrict_to_owner(path)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def _restrict_to_owner(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and any missing parents) for this user only (0700 on POSIX); an existing
    folder is left as it is."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _create_private_file(path: Path) -> None:
    """An empty file only this user may read, made before SQLite opens it, so the file is never
    readable by others and its -wal/-shm/-journal files (SQLite gives them the file's mode) neither."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    _restrict_to_owner(path)


def open_connection(path: Path | None = None, *, migrate: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
    path = Path(path) if path else default_db_path()
    conn = connect(path)
    if migrate:
        try:
            migrate_database(conn, path)
        except Exception:
            conn.close()
            raise
    return conn


def open_database(path: Path | None = None, *, migrate: bool = True) -> sqlite_utils.Database:
    """The database as a ``sqlite_utils.Database`` (for scripts and inspection)."""
    import sqlite_utils

    return sqlite_utils.Database(open_connection(path, migrate=migrate))


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate_database(conn: sqlite3.Connection, path: Path) -> list[int]:
    """Apply pending migrations, each in its own transaction. Returns the versions applied.

    Before changing an existing schema, a copy of the file is written next to it.
    """
    version = current_version(conn)
    target = schema_version()
    if version > target:
        raise DatabaseError(
            f"数据库 {path} 的版本（{version}）比本软件（{target}）新，请安装最新版本的支部工作台后再打开。"
        )
    if version == target:
        return []
    if version > 0:
        backup_before_migration(conn, path, version)
    applied = []
    for number in range(version + 1, target + 1):
        migration = MIGRATIONS[number - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration(conn)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied


def backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    # A copy cut short by a crash (the program killed mid-backup) is of no use: remove it.
    for partial in path.parent.glob(f"{glob.escape(path.stem)}.v*.bak.db.part*"):
        partial.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak.db")
    copy_database(conn, target)
    return target


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open database through SQLite's backup API (safe while in use)."""
    make_private_folder(target.parent)
    partial = target.with_name(target.name + ".part")
    if partial.exists():
        partial.unlink()
    _create_private_file(partial)
    dest = sqlite3.connect(str(partial))
    try:
        source.backup(dest)
    finally:
        dest.close()
    _restrict_to_owner(partial)
    os.replace(partial, target)
