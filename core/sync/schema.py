"""What each synced table's ``data`` may hold, read from the migrations themselves.

The branch database's schema is the single source: an in-memory database is migrated once and its
columns become the protocol's per-table schema, which the server validates pushed records against.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

from core.migrations import EVENT_TABLES, MIGRATIONS, SYNCED_TABLES

# The bookkeeping columns travel beside ``data``, never inside it.
BOOKKEEPING: tuple[str, ...] = ("id", "branch_id", "rev", "synced_rev", "version", "updated_at", "deleted")
# Text columns holding a JSON list of ids.
JSON_LIST_COLUMNS: frozenset[str] = frozenset({"lesson_ids", "skill_ids"})
# Fields a branch may change on an immutable event after it was first sent: voiding it.
VOID_FIELDS: tuple[str, ...] = ("void_reason",)
DISTRICT = "district"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text" | "integer" | "real"
    required: bool  # NOT NULL without a default: the record must carry a value
    not_null: bool  # NOT NULL (with or without a default): null is refused


@dataclass(frozen=True)
class TableSchema:
    name: str
    columns: tuple[Column, ...]
    is_event: bool

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column | None:
        return next((c for c in self.columns if c.name == name), None)


@cache
def table_schemas() -> dict[str, TableSchema]:
    """Every synced table's data columns, in dependency order."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS:
            migration(conn)
        schemas = {}
        for table in SYNCED_TABLES:
            columns = []
            for _cid, name, declared, notnull, default, _pk in conn.execute(f"PRAGMA table_info({table})"):
                if name in BOOKKEEPING:
                    continue
                kind = {"INTEGER": "integer", "REAL": "real"}.get(str(declared).upper(), "text")
                columns.append(Column(name, kind, bool(notnull) and default is None, bool(notnull)))
            schemas[table] = TableSchema(table, tuple(columns), table in EVENT_TABLES)
        return schemas
    finally:
        conn.close()
