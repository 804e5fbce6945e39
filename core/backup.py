"""Backups of the branch database (SQLite backup API), their rotation, and restoring one."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.db import DatabaseError, connect, copy_database, migrate_database, schema_version

KEEP_BACKUPS = 30
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.db$")


class BackupError(Exception):
    """A backup or restore that could not be done (Chinese message)."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    size: int


def backup_dir(db_path: Path) -> Path:
    """Backups live in a folder beside the database: ``zhibu.db`` → ``zhibu-backups/``."""
    return db_path.with_name(f"{db_path.stem}-backups")


def list_backups(db_path: Path) -> list[BackupFile]:
    """Backups of this database, newest first."""
    folder = backup_dir(db_path)
    found = []
    if folder.is_dir():
        for path in folder.glob(f"{db_path.stem}-*.db"):
            match = _NAME.search(path.name)
            if match:
                made = datetime.strptime(match.group(1), _STAMP)
                found.append(BackupFile(path, made, path.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def backup_now(conn: sqlite3.Connection, db_path: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the open database into the backup folder and keep only the newest ``keep`` copies."""
    folder = backup_dir(db_path)
    stamp = datetime.now().strftime(_STAMP)
    target = folder / f"{db_path.stem}-{stamp}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{db_path.stem}-{stamp}-{counter}.db"
    try:
        copy_database(conn, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"备份失败：无法写入 {folder}（{exc}）。请检查磁盘空间和文件夹权限。") from exc
    for old in list_backups(db_path)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def backup_if_due(conn: sqlite3.Connection, db_path: Path, keep: int = KEEP_BACKUPS) -> Path | None:
    """The automatic daily backup: made when no backup exists from today."""
    backups = list_backups(db_path)
    if backups and backups[0].made_at.date() == datetime.now().date():
        return None
    return backup_now(conn, db_path, keep)


def check_backup_file(path: Path) -> int:
    """Make sure ``path`` is a sound database of this program; returns its schema version."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}")
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = source.execute("PRAGMA integrity_check").fetchone()[0]
            version = int(source.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"文件 {path.name} 不是有效的备份（{exc}），没有做任何改动。") from exc
    if ok != "ok":
        raise BackupError(f"备份文件 {path.name} 已损坏（完整性检查未通过），没有做任何改动。请选择其他备份。")
    if "members" not in tables or version < 1:
        raise BackupError(f"文件 {path.name} 不是支部工作台的数据库备份，没有做任何改动。")
    if version > schema_version():
        raise BackupError(f"备份 {path.name} 来自更新版本的软件，请先升级支部工作台再恢复。")
    return version


def restore_backup(backup: Path, db_path: Path) -> Path | None:
    """Replace the database at ``db_path`` with ``backup``. The current file is backed up first
    (the path of that safety copy is returned). Nothing changes when the backup is unusable."""
    backup = Path(backup)
    check_backup_file(backup)
    safety: Path | None = None
    target = connect(db_path)
    try:
        has_data = target.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if has_data:
            safety = backup_now(target, db_path)
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(target)
        finally:
            source.close()
        migrate_database(target, db_path)
    except (sqlite3.Error, DatabaseError) as exc:
        raise BackupError(f"恢复失败：{exc}") from exc
    finally:
        target.close()
    return safety
