"""The one write path. Every change to a synced table goes through ``Store`` so that no write can
forget to bump ``rev`` and ``updated_at``; deletes are soft (tombstones).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from core.db import default_db_path, open_connection
from core.migrations import SYNCED_TABLES
from core.sync.schema import table_schemas

BOOKKEEPING = ("id", "branch_id", "rev", "synced_rev", "version", "updated_at", "deleted")


def utc_stamp(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds, e.g. ``2026-11-22T08:30:00.123Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class Store:
    """A branch database opened for reading and writing on the current thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path: Path = path
        self._depth = 0
        self._clock_offset_ms: int | None = None

    @classmethod
    def open(cls, path: Path | None = None) -> Store:
        path = Path(path) if path else default_db_path()
        return cls(open_connection(path), path)

    def close(self) -> None:
        self.conn.close()

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing; nests through savepoints."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self.conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                self.conn.execute(f"RELEASE sp{self._depth}")
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute(f"RELEASE sp{self._depth}")

    # -- reading -----------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def get(self, table: str, row_id: str) -> dict[str, Any] | None:
        _check_table(table)
        rows = self.query(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        return rows[0] if rows else None

    # -- settings (local only, never synced) ---------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        raw = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if raw is None else json.loads(raw)

    def set_setting(self, key: str, value: Any) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )
        if key == "clock_offset_ms":
            self._clock_offset_ms = int(value)

    @property
    def branch_id(self) -> str:
        return str(self.setting("branch_id"))

    def now(self) -> str:
        """The current time corrected by the known offset to the server's clock."""
        if self._clock_offset_ms is None:
            self._clock_offset_ms = int(self.setting("clock_offset_ms", 0))
        return utc_stamp(datetime.now(UTC) + timedelta(milliseconds=self._clock_offset_ms))

    # -- the write path ------------------------------------------------------------------------

    def _take_revs(self, count: int) -> int:
        """Reserve ``count`` revisions; returns the first."""
        last = self.conn.execute(
            "UPDATE rev_counter SET value = value + ? WHERE id = 1 RETURNING value", (count,)
        ).fetchone()[0]
        return int(last) - count + 1

    def insert(self, table: str, values: Mapping[str, Any], *, audit: str = "") -> str:
        return self.insert_many(table, [values], audit=audit)[0]

    def insert_many(self, table: str, rows: Sequence[Mapping[str, Any]], *, audit: str = "") -> list[str]:
        """Insert new rows (ids made here unless given); one audit entry for the whole batch."""
        _check_table(table)
        if not rows:
            return []
        with self.transaction():
            first_rev = self._take_revs(len(rows))
            now = self.now()
            branch = self.branch_id
            records = []
            for offset, values in enumerate(rows):
                _refuse_bookkeeping(values, allowed=("id", "branch_id"))
                record = dict(values)
                record.setdefault("id", str(uuid.uuid4()))
                record.setdefault("branch_id", branch)
                record.update(rev=first_rev + offset, updated_at=now, deleted=0)
                records.append(record)
            columns = list(records[0])
            _check_columns(table, columns)
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            self.conn.executemany(sql, [[r.get(c) for c in columns] for r in records])
            ids = [r["id"] for r in records]
            self._audit("insert", table, ids[0] if len(ids) == 1 else None, audit or f"新增 {len(ids)} 条")
        return ids

    def update(self, table: str, row_id: str, changes: Mapping[str, Any], *, audit: str = "") -> bool:
        """Change fields of a row. Nothing is written (and ``rev`` stays) when no value differs."""
        _check_table(table)
        _refuse_bookkeeping(changes, allowed=())
        with self.transaction():
            current = self.get(table, row_id)
            if current is None:
                raise KeyError(f"{table}/{row_id}")
            changed = {k: v for k, v in changes.items() if current.get(k) != v}
            if not changed:
                return False
            self._write(table, row_id, changed)
            self._audit("update", table, row_id, audit or "修改 " + "、".join(changed))
        return True

    def set_deleted(self, table: str, row_id: str, deleted: bool, *, audit: str = "") -> bool:
        """Soft delete (``deleted=True``) or bring back a row. Returns whether anything changed."""
        _check_table(table)
        with self.transaction():
            current = self.get(table, row_id)
            if current is None:
                raise KeyError(f"{table}/{row_id}")
            if bool(current["deleted"]) == deleted:
                return False
            self._write(table, row_id, {"deleted": int(deleted)})
            self._audit("delete" if deleted else "undelete", table, row_id, audit)
        return True

    def _write(self, table: str, row_id: str, changed: Mapping[str, Any]) -> None:
        values = dict(changed)
        values["rev"] = self._take_revs(1)
        values["updated_at"] = self.now()
        _check_columns(table, values)
        assignments = ", ".join(f"{column} = ?" for column in values)
        self.conn.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
        )
        self.conn.executemany(
            "INSERT INTO sync_field_revs (table_name, record_id, field, rev) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (table_name, record_id, field) DO UPDATE SET rev = excluded.rev",
            [(table, row_id, name, values["rev"]) for name in changed],
        )

    def _audit(self, action: str, table: str, row_id: str | None, summary: str) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (at, action, table_name, row_id, summary) VALUES (?, ?, ?, ?, ?)",
            (self.now(), action, table, row_id, summary),
        )

    def dirty_count(self) -> int:
        return sum(
            int(self.scalar(f"SELECT count(*) FROM {table} WHERE rev > synced_rev"))
            for table in SYNCED_TABLES
        )


def _check_table(table: str) -> None:
    if table not in SYNCED_TABLES:
        raise ValueError(f"not a synced table: {table}")


@cache
def _columns(table: str) -> frozenset[str]:
    return frozenset((*table_schemas()[table].names, *BOOKKEEPING))


def _check_columns(table: str, names: Iterable[str]) -> None:
    """Column names are written into the SQL text: only the table's own columns get there."""
    unknown = [name for name in names if name not in _columns(table)]
    if unknown:
        raise ValueError(f"not columns of {table}: {unknown}")


def _refuse_bookkeeping(values: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    forbidden = [k for k in values if k in BOOKKEEPING and k not in allowed]
    if forbidden:
        raise ValueError(f"bookkeeping columns are set by the store only: {forbidden}")
