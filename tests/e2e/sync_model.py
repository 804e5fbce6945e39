"""A model of what the district server holds for one branch, written from DESIGN §4 and kept apart
from the server's code: every row's fields and version, the field-by-field merge of a stale push
against the version the pushing computer last saw, and the conflicts that merge must record.

The convergence property test drives it beside the real server and compares the two after every
sync. ``fields`` are a row's data columns plus ``deleted``. Conflict rows get their id on the server:
the test checks each new one against ``ServerModel.conflicts`` and then adopts it, after which it is
a row like any other (a resolution is an ordinary write, merged like the rest).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.migrations import EVENT_TABLES, SYNCED_TABLES
from core.store import BOOKKEEPING, Store
from core.sync.schema import VOID_FIELDS

Key = tuple[str, str]  # (table, row id)
Fields = dict[str, Any]
CONFLICTS = "conflicts"
# When and by whom a conflict was resolved go with its resolution and are no conflict of their own.
RESOLUTION_DETAILS = ("resolved_at", "resolved_by")


@dataclass(frozen=True)
class LocalRow:
    """A row of a branch database as the next push sees it."""

    fields: Fields
    updated_at: str
    dirty: bool


@dataclass(frozen=True)
class Stored:
    """A row on the server; ``version`` counts this row's writes (the server's numbers differ, the
    question "is the pushing computer's copy the current one" has the same answer)."""

    fields: Fields
    updated_at: str
    version: int


@dataclass(frozen=True)
class ExpectedConflict:
    table: str
    record_id: str
    field: str
    kept: Any
    lost: Any


def read_rows(store: Store) -> dict[Key, LocalRow]:
    """Every synced row of a branch database."""
    out: dict[Key, LocalRow] = {}
    for table in SYNCED_TABLES:
        for row in store.query(f"SELECT * FROM {table}"):
            fields = {name: value for name, value in row.items() if name not in BOOKKEEPING}
            fields["deleted"] = row["deleted"]
            out[(table, row["id"])] = LocalRow(fields, row["updated_at"], row["rev"] > row["synced_rev"])
    return out


def _newer(a: str, b: str) -> bool:
    return datetime.fromisoformat(a.replace("Z", "+00:00")) > datetime.fromisoformat(b.replace("Z", "+00:00"))


def _without_void(fields: Fields) -> Fields:
    return {name: value for name, value in fields.items() if name not in (*VOID_FIELDS, "deleted")}


class ServerModel:
    """What the server should hold after each push, and every conflict it should have recorded."""

    def __init__(self, rows: dict[Key, LocalRow]) -> None:
        self.rows: dict[Key, Stored] = {key: Stored(dict(row.fields), row.updated_at, 1) for key, row in rows.items()}
        self.conflicts: list[ExpectedConflict] = []
        self.merges = 0  # stale pushes merged field by field
        self.voided_twice = 0  # voids that reached the server after another void of the same record

    def snapshot(self) -> dict[Key, Stored]:
        """What a computer holds after a complete sync: everything, at its current version."""
        return dict(self.rows)

    def fields(self) -> dict[Key, Fields]:
        return {key: stored.fields for key, stored in self.rows.items()}

    def publish(self, key: Key, fields: Fields) -> None:
        """A district row written on the server itself (``lesson publish``)."""
        self.rows[key] = Stored(dict(fields), "", 1)

    def adopt(self, key: Key, row: LocalRow) -> None:
        """A conflict row the server wrote (already checked against ``conflicts``)."""
        assert key[0] == CONFLICTS and key not in self.rows
        self.rows[key] = Stored(dict(row.fields), row.updated_at, 1)

    def open_conflicts(self) -> set[Key]:
        return {
            key for key, stored in self.rows.items()
            if key[0] == CONFLICTS and not stored.fields["deleted"] and stored.fields["resolution"] is None
        }

    def push(self, local: dict[Key, LocalRow], seen: dict[Key, Stored]) -> None:
        """A computer pushes its dirty rows; ``seen`` is what it got from its last sync."""
        for key, row in local.items():
            if row.dirty:
                self._push_one(key, row, seen.get(key))

    def _write(self, key: Key, fields: Fields, updated_at: str) -> None:
        before = self.rows.get(key)
        self.rows[key] = Stored(dict(fields), updated_at, before.version + 1 if before else 1)

    def _push_one(self, key: Key, row: LocalRow, seen: Stored | None) -> None:
        current = self.rows.get(key)
        if current is None:  # insert
            self._write(key, row.fields, row.updated_at)
            return
        if row.fields == current.fields:  # the server already holds this content: nothing to write
            return
        if key[0] in EVENT_TABLES:
            self._push_event(key, row, current)
            return
        assert seen is not None, f"{key} pushed by a computer that never had it"
        if seen.version == current.version:  # nobody else changed it: the push wins as sent
            self._write(key, row.fields, row.updated_at)
            return
        self.merges += 1
        client_newer = _newer(row.updated_at, current.updated_at)
        merged: Fields = {}
        clashes = []
        for name in dict.fromkeys([*current.fields, *row.fields]):
            ours, theirs, base = current.fields.get(name), row.fields.get(name), seen.fields.get(name)
            if ours == theirs or theirs == base:
                merged[name] = ours
            elif ours == base:
                merged[name] = theirs
            else:  # changed on both sides to different values: the newer edit wins, the other is kept
                kept, lost = (theirs, ours) if client_newer else (ours, theirs)
                merged[name] = kept
                if not (key[0] == CONFLICTS and name in RESOLUTION_DETAILS):
                    clashes.append(ExpectedConflict(key[0], key[1], name, kept, lost))
        self.conflicts.extend(clashes)
        if not clashes and merged == row.fields:
            self._write(key, row.fields, row.updated_at)
        elif merged != current.fields:
            self._write(key, merged, row.updated_at if client_newer else current.updated_at)

    def _push_event(self, key: Key, row: LocalRow, current: Stored) -> None:
        """Immutable events change only by voiding; a record voided on two computers stays voided
        with the reason that reached the server first, and the later computer takes that one."""
        assert _without_void(row.fields) == _without_void(current.fields), f"{key}: an event was edited"
        assert row.fields["deleted"] and row.fields.get("void_reason"), f"{key}: an event changed without voiding"
        if not current.fields["deleted"]:
            self._write(key, row.fields, row.updated_at)
        else:
            self.voided_twice += 1
