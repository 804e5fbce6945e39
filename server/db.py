"""The district database: table definitions, the engine and transaction helpers.

SQLite (a small district, the default) and PostgreSQL (a large one) run the same code; the database
URL picks. Table definitions here describe the *current* schema; ``server.migrations`` builds it
step by step. Every timestamp is UTC ISO-8601 text with milliseconds (``2026-11-22T08:00:00.123Z``).

Tables (for the sync endpoints, the admin CLI and the admin dashboard):

- ``settings``          key/value text: ``district_name``, ``cookie_secret``, ``admin_password_hash``
- ``counters``          named sequences; ``version`` is the server-wide record version
- ``branches``          one row per branch office; ``revoked_at`` set by ``branch revoke``
- ``enrollment_codes``  sha256 of one-time codes (never the code itself)
- ``devices``           enrolled devices; sha256 of the bearer token; ``last_sync_at``
- ``records``           every synced row, generic: (table_name, id) → branch, version, JSON ``data``
- ``record_history``    earlier versions of ``records`` rows (the merge base of stale pushes)
- ``batches``           stored push answers by (branch, batch_id): a batch sent twice is applied once
- ``failed_attempts``   wrong enrollment codes and admin passwords by client address (``server.attempt_limits``)
- ``scan_counts``       scans of live codes per (code, China day, lesson); published to branches at pull
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.exc import ArgumentError

from server.config import ensure_sqlite_folder

metadata = MetaData()

settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

counters = Table(
    "counters", metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

branches = Table(
    "branches", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("revoked_at", Text),
)

enrollment_codes = Table(
    "enrollment_codes", metadata,
    Column("code_hash", Text, primary_key=True),
    Column("branch_id", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("used_at", Text),
    Column("device_id", Text),  # the device enrolled with it
)

devices = Table(
    "devices", metadata,
    Column("id", Text, primary_key=True),
    Column("branch_id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("token_hash", Text, nullable=False, unique=True),
    Column("created_at", Text, nullable=False),
    Column("revoked_at", Text),
    Column("last_sync_at", Text),
)

# Enrolments by file (同步包): the reply of an enrolment package can be made again (the token, sealed to
# the PC's key, is kept only in that form).
package_enrollments = Table(
    "package_enrollments", metadata,
    Column("package_id", Text, primary_key=True),
    Column("device_id", Text, nullable=False),
    Column("sealed_token", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

records = Table(
    "records", metadata,
    Column("table_name", Text, nullable=False),
    Column("id", Text, nullable=False),
    Column("branch_id", Text, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("deleted", Integer, nullable=False),
    Column("data", Text, nullable=False),  # JSON object: the row's non-bookkeeping columns
    Column("device_name", Text),  # who wrote this version (a device name, or "district")
    PrimaryKeyConstraint("table_name", "id"),
    Index("records_branch_version", "branch_id", "version"),
    Index("records_version", "version"),
    Index("records_table_branch", "table_name", "branch_id"),
)

record_history = Table(
    "record_history", metadata,
    Column("table_name", Text, nullable=False),
    Column("id", Text, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("deleted", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("device_name", Text),
    PrimaryKeyConstraint("table_name", "id", "version"),
)

batches = Table(
    "batches", metadata,
    Column("branch_id", Text, nullable=False),
    Column("batch_id", Text, nullable=False),
    Column("response", Text, nullable=False),  # the JSON answer, sent again as it is
    Column("created_at", Text, nullable=False),
    PrimaryKeyConstraint("branch_id", "batch_id"),
)

failed_attempts = Table(
    "failed_attempts", metadata,
    Column("kind", Text, nullable=False),  # "enroll" | "admin"
    Column("client", Text, nullable=False),  # the client address as uvicorn reports it
    Column("failed_at", Text, nullable=False),
    Index("failed_attempts_client", "kind", "client", "failed_at"),
    Index("failed_attempts_at", "failed_at"),
)

scan_counts = Table(
    "scan_counts", metadata,
    Column("code", Text, nullable=False),
    Column("day", Text, nullable=False),  # YYYY-MM-DD, China time
    Column("lesson_id", Text, nullable=False, server_default=""),  # '' when the code is no lesson's
    Column("branch_id", Text, nullable=False),  # the code's owner (a branch id or "district")
    Column("link_id", Text, nullable=False),  # the qr_links record id
    Column("scans", BigInteger, nullable=False),
    Column("published", BigInteger, nullable=False, server_default="0"),  # written to records at pull
    PrimaryKeyConstraint("code", "day", "lesson_id"),
    Index("scan_counts_branch", "branch_id", "day"),
    Index("scan_counts_unpublished", "branch_id", sqlite_where=text("scans > published"),
          postgresql_where=text("scans > published")),
)

VERSION_COUNTER = "version"


def now_stamp() -> str:
    moment = datetime.now(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class DatabaseUnavailable(Exception):
    """The database cannot be opened or reached; the message is for people (Chinese)."""


def make_engine(url: str, pool_size: int = 5) -> Engine:
    """An engine for a ``sqlite:///PATH`` or ``postgresql+psycopg://…`` URL; DatabaseUnavailable when
    the URL is not one of those or its folder cannot be made."""
    if not url.startswith(("sqlite:", "postgresql")):
        raise DatabaseUnavailable(
            f"不支持的数据库地址“{url.split(':', 1)[0]}:…”，请用 sqlite:///文件路径 或 "
            "postgresql+psycopg://用户:密码@主机:端口/库名。"
        )
    try:
        return _make_engine(url, pool_size)
    except (OSError, ImportError, ArgumentError) as exc:
        raise DatabaseUnavailable(f"无法打开数据库（{exc}），请检查数据库地址。") from exc


def _make_engine(url: str, pool_size: int) -> Engine:
    if url.startswith("sqlite"):
        ensure_sqlite_folder(url)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=pool_size,
            max_overflow=10,
            pool_timeout=60,
        )
        _use_immediate_transactions(engine)
        return engine
    return create_engine(
        url, pool_size=pool_size, max_overflow=10, pool_timeout=60, pool_pre_ping=True,
        connect_args={"prepare_threshold": None},
    )


def _use_immediate_transactions(engine: Engine) -> None:
    """pysqlite recipe: the driver's own transaction handling off; we emit BEGIN ourselves, and
    BEGIN IMMEDIATE for writers so two writers queue on the lock instead of failing later."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("zhibu_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """The engine plus the two kinds of transaction the server uses."""

    def __init__(self, url: str, pool_size: int = 5) -> None:
        self.url = url
        self.engine = make_engine(url, pool_size)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._writer = self.engine.execution_options(zhibu_write=True)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed at the end, rolled back on any error."""
        with self._writer.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()


def set_setting(conn: Connection, key: str, value: str) -> None:
    done = conn.execute(settings.update().where(settings.c.key == key).values(value=value))
    if done.rowcount == 0:
        conn.execute(settings.insert().values(key=key, value=value))


def take_versions(conn: Connection, count: int) -> int:
    """Reserve ``count`` versions of the server-wide sequence; returns the first.

    The counter row stays locked until the transaction commits, so versions become visible in
    order: a reader never sees N+1 committed before N. Call it as late in the transaction as you can.
    """
    last = conn.execute(
        counters.update()
        .where(counters.c.name == VERSION_COUNTER)
        .values(value=counters.c.value + count)
        .returning(counters.c.value)
    ).scalar_one()
    return int(last) - count + 1
