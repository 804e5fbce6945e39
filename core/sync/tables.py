"""Small helpers shared by push and pull: the local columns of each synced table, switching foreign
keys off while server rows are applied, and dirty-row queries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar

from core.migrations import SYNCED_TABLES
from core.store import Store
from core.sync.schema import table_schemas

T = TypeVar("T")
# Bookkeeping columns that travel in a record beside ``data``.
RECORD_COLUMNS: tuple[str, ...] = ("id", "branch_id", "version", "updated_at", "deleted")


@cache
def data_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` that travel in a record's ``data``."""
    return table_schemas()[table].names


@cache
def data_column_set(table: str) -> frozenset[str]:
    return frozenset(data_columns(table))


def chunks(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@contextmanager
def foreign_keys_off(store: Store) -> Iterator[None]:
    """Rows from the server arrive in version order, not dependency order: apply them with foreign
    keys off. The pragma only works outside a transaction, so this must wrap the transaction."""
    if store.conn.in_transaction:
        raise RuntimeError("foreign_keys_off must be entered outside a transaction")
    store.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON")


# Rows that should go to the server: dirty (rev > synced_rev) and not waiting on a rejection of
# this very revision. The join is on the rejection's primary key.
def dirty_where(table: str) -> str:
    return (
        f"FROM {table} t LEFT JOIN sync_rejections r ON r.table_name = '{table}' AND r.record_id = t.id "
        "WHERE t.rev > t.synced_rev AND (r.rev IS NULL OR r.rev != t.rev)"
    )


def pending_count(store: Store) -> int:
    """Dirty rows that the next sync will send (rows waiting on a rejection are not counted)."""
    return sum(int(store.scalar(f"SELECT count(*) {dirty_where(table)}")) for table in SYNCED_TABLES)


def rejected_count(store: Store) -> int:
    """Rejected rows not changed since the rejection (they are held back until retried)."""
    return sum(
        int(store.scalar(
            f"SELECT count(*) FROM sync_rejections r JOIN {table} t ON t.id = r.record_id "
            "WHERE r.table_name = ? AND r.rev = t.rev AND t.rev > t.synced_rev", (table,)
        ))
        for table in SYNCED_TABLES
    )


def row_values(names: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(names, row, strict=True))
