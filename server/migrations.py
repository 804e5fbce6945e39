"""Versioned migrations of the district database, run at the start of ``serve`` and of every admin
command. Each migration runs in its own transaction; never edit a released one — add the next.

The DDL is plain SQL that SQLite and PostgreSQL both accept.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from server.db import Database, DatabaseUnavailable, set_setting

_LOCK_KEY = 727_440_101  # PostgreSQL advisory lock: one migrating process at a time

_V1 = [
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "INSERT INTO counters (name, value) VALUES ('version', 0)",
    """CREATE TABLE branches (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
    """CREATE TABLE enrollment_codes (
        code_hash TEXT PRIMARY KEY,
        branch_id TEXT NOT NULL REFERENCES branches(id),
        created_at TEXT NOT NULL,
        used_at TEXT,
        device_id TEXT
    )""",
    "CREATE INDEX enrollment_codes_branch ON enrollment_codes(branch_id)",
    """CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        branch_id TEXT NOT NULL REFERENCES branches(id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        last_sync_at TEXT
    )""",
    "CREATE INDEX devices_branch ON devices(branch_id)",
    """CREATE TABLE records (
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        branch_id TEXT NOT NULL,
        version BIGINT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        data TEXT NOT NULL,
        device_name TEXT,
        PRIMARY KEY (table_name, id)
    )""",
    "CREATE INDEX records_branch_version ON records(branch_id, version)",
    "CREATE INDEX records_version ON records(version)",
    """CREATE TABLE record_history (
        table_name TEXT NOT NULL,
        id TEXT NOT NULL,
        version BIGINT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        data TEXT NOT NULL,
        device_name TEXT,
        PRIMARY KEY (table_name, id, version)
    )""",
    """CREATE TABLE batches (
        branch_id TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        response TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (branch_id, batch_id)
    )""",
    "CREATE INDEX batches_created ON batches(created_at)",
]


def _v1_tables(conn: Connection) -> None:
    for statement in _V1:
        conn.exec_driver_sql(statement)
    set_setting(conn, "cookie_secret", secrets.token_hex(32))


_V2 = [
    """CREATE TABLE failed_attempts (
        kind TEXT NOT NULL,
        client TEXT NOT NULL,
        failed_at TEXT NOT NULL
    )""",
    "CREATE INDEX failed_attempts_client ON failed_attempts(kind, client, failed_at)",
    "CREATE INDEX failed_attempts_at ON failed_attempts(failed_at)",
]


def _v2_failed_attempts(conn: Connection) -> None:
    for statement in _V2:
        conn.exec_driver_sql(statement)


_V3 = [
    # Scans of live codes (/q/{code}) per code, China day and the lesson the code led to then.
    # ``published`` is the count last written as the branch's ``qr_scan_days`` record (at pull).
    """CREATE TABLE scan_counts (
        code TEXT NOT NULL,
        day TEXT NOT NULL,
        lesson_id TEXT NOT NULL DEFAULT '',
        branch_id TEXT NOT NULL,
        link_id TEXT NOT NULL,
        scans BIGINT NOT NULL,
        published BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (code, day, lesson_id)
    )""",
    "CREATE INDEX scan_counts_branch ON scan_counts(branch_id, day)",
    # The counts not yet written to records: what a pull looks for, cheaply.
    "CREATE INDEX scan_counts_unpublished ON scan_counts(branch_id) WHERE scans > published",
    # One branch's rows of one table (a check-in reads the branch's members).
    "CREATE INDEX records_table_branch ON records(table_name, branch_id)",
]


def _v3_scan_counts(conn: Connection) -> None:
    for statement in _V3:
        conn.exec_driver_sql(statement)


def _v4_package_enrollments(conn: Connection) -> None:
    """Enrolments by sync package: the sealed token of each, so its reply can be made again."""
    conn.exec_driver_sql(
        """CREATE TABLE package_enrollments (
            package_id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            sealed_token TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )


MIGRATIONS: list[Callable[[Connection], None]] = [
    _v1_tables, _v2_failed_attempts, _v3_scan_counts, _v4_package_enrollments,
]
LATEST = len(MIGRATIONS)


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def _current(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT version FROM schema_version").scalar_one())


def migrate(db: Database) -> int:
    """Bring the database to the latest schema; returns the schema version. Idempotent."""
    try:
        with db.engine.connect():
            pass
    except DBAPIError as exc:
        shown = db.engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        raise DatabaseUnavailable(
            f"无法连接数据库（{shown}）：{reason}。请检查数据库地址、用户名密码和数据库服务是否正常。"
        ) from exc
    with db.write() as conn:
        _lock(conn)
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        if conn.exec_driver_sql("SELECT COUNT(*) FROM schema_version").scalar_one() == 0:
            conn.exec_driver_sql("INSERT INTO schema_version (version) VALUES (0)")
    for target, migration in enumerate(MIGRATIONS, start=1):
        with db.write() as conn:
            _lock(conn)
            current = _current(conn)
            if current >= target:
                continue
            migration(conn)
            conn.execute(text("UPDATE schema_version SET version = :v"), {"v": target})
    with db.read() as conn:
        current = _current(conn)
    if current > LATEST:
        raise DatabaseUnavailable(
            f"数据库结构版本（{current}）比本服务器程序支持的（{LATEST}）新，请升级服务器程序。"
        )
    return current
