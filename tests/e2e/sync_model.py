"""A model of what the district server holds for one branch, written from DESIGN §4 and the issue-17
design (sync protocol 2) and kept apart from the server's code: every row's versions, the field-by-
field merge of a stale push against the version the pushing computer last saw, the conflicts that
merge must record, and what a computer holds after a sync during which it was edited.

``fields`` are a row's data columns plus ``deleted``. Conflict rows get their id on the server: the
test checks each new one against ``ServerModel.conflicts`` and then adopts it, after which it is a
row like any other (a resolution is an ordinary write, merged like the rest).

The rules (protocol 2):

- Versions. Every write of a row is a new version; the model keeps them all (``history``), numbered
  1, 2, … per row. A computer's copy of a row rests on a *base*: the version it last took in.
- A push carries each dirty row with its base and its ``changed`` set: the fields edited on that
  computer since the base, a field changed and changed back included. The test keeps this set per
  computer by diffing each row before and after every local operation (never by reading the app's
  bookkeeping), and it starts empty again whenever the row takes in a new base.
- The server, per pushed row: a new row is inserted. Content equal to the current version writes
  nothing. An event (study record) changes only by voiding; one voided twice keeps the first void.
  A push on the current version is written as sent. Otherwise the push is stale and merged field by
  field: the client changed a field iff it is in ``changed``; the server changed it iff any version
  stored after the base differs from the base in it. Changed on one side only: that side's value.
  Changed on both to different values: a conflict, and the row with the newer ``updated_at`` wins
  (the server's on a tie); ``resolved_at``/``resolved_by`` of a conflict row follow the winner
  without a conflict of their own. A merge equal to what was sent is written as sent; a merge that
  differs from the current version is written with the newer stamp; otherwise nothing is written.
- One batch per sync (the default batch size, far above the rows of an example): the rows dirty
  when the sync begins go in it; a row edited after it was built waits for the next sync.
- Answers. Every pushed row's new base is the server's version after the push. A row still as sent
  takes it whole and is clean. A row edited after its batch was built (*during* the sync) keeps the
  values of the fields edited meanwhile over that base, stays dirty, and its ``changed`` set becomes
  just those fields.
- Pull. Pages come in version order; a clean row takes the page's version; a dirty row is skipped.
  So a row first edited during the pull is based on the server's version if a page applied before
  that edit carried it, else on the base it had.
- After a sync, then: each row edited during it is dirty and holds its base (the server's version
  after the push if it was pushed in this sync or pulled before the edit, else the base it had)
  overlaid with the values of the fields edited during the sync, which are its ``changed`` set; a
  row made during the sync is new and dirty; every other row is clean and equal to the model's
  server.

``WriteLog`` keeps every local write of a (row, field) with its stamp (the row's ``updated_at``).
Local writes get strictly increasing stamps across both computers (``wait_past``), so "the last
write" is the one with the newest stamp. Writes whose value the server already holds when their
computer pushes them drop out: the server takes such a field as unchanged (no write, no stamp, no
conflict), and a computer that based a later edit on that value may overwrite it. After everything
converged, each field holds its last write, or the latest conflict on that (row, field) holds it as
the value that lost. Study records are events: a record voided on two computers keeps the
reason that reached the server first (checked apart), so they are left out here.
"""

from __future__ import annotations

import json
import time
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


def stamp_order(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _newer(a: str, b: str) -> bool:
    return stamp_order(a) > stamp_order(b)


def _without_void(fields: Fields) -> Fields:
    return {name: value for name, value in fields.items() if name not in (*VOID_FIELDS, "deleted")}


class ServerModel:
    """What the server should hold after each push, and every conflict it should have recorded."""

    def __init__(self, rows: dict[Key, LocalRow]) -> None:
        self.rows: dict[Key, Stored] = {}
        self.history: dict[Key, list[Stored]] = {}  # every version of each row, oldest first
        for key, row in rows.items():
            self._write(key, row.fields, row.updated_at)
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
        self._write(key, fields, "")

    def adopt(self, key: Key, fields: Fields, updated_at: str) -> None:
        """A conflict row the server wrote (already checked against ``conflicts``)."""
        assert key[0] == CONFLICTS and key not in self.rows
        self._write(key, fields, updated_at)

    def open_conflicts(self) -> set[Key]:
        return {
            key for key, stored in self.rows.items()
            if key[0] == CONFLICTS and not stored.fields["deleted"] and stored.fields["resolution"] is None
        }

    def push(self, local: dict[Key, LocalRow], seen: dict[Key, Stored], changed: dict[Key, set[str]]) -> None:
        """A computer pushes its dirty rows; ``seen`` holds each row's base, ``changed`` the fields
        edited on that computer since it."""
        for key, row in local.items():
            if row.dirty:
                self._push_one(key, row, seen.get(key), changed.get(key, set()))

    def changed_since(self, key: Key, base: Stored) -> set[str]:
        """The fields in which any version stored after ``base`` differs from it."""
        later = self.history[key][base.version:]
        return {
            name for stored in later for name in stored.fields.keys() | base.fields.keys()
            if stored.fields.get(name) != base.fields.get(name)
        }

    def _write(self, key: Key, fields: Fields, updated_at: str) -> None:
        versions = self.history.setdefault(key, [])
        stored = Stored(dict(fields), updated_at, len(versions) + 1)
        versions.append(stored)
        self.rows[key] = stored

    def _push_one(self, key: Key, row: LocalRow, seen: Stored | None, changed: set[str]) -> None:
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
        assert changed, f"{key}: a dirty row with no field edited since its base"
        self.merges += 1
        server_changed = self.changed_since(key, seen)
        client_newer = _newer(row.updated_at, current.updated_at)
        merged: Fields = {}
        clashes = []
        for name in dict.fromkeys([*current.fields, *row.fields]):
            ours, theirs = current.fields.get(name), row.fields.get(name)
            if ours == theirs or name not in changed:
                merged[name] = ours
            elif name not in server_changed:
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


@dataclass
class Write:
    stamp: str
    value: Any
    office: str
    sent: bool = False  # carried by a push of its computer


class WriteLog:
    """Every local write of every (row, field), oldest first."""

    def __init__(self) -> None:
        self.writes: dict[tuple[Key, str], list[Write]] = {}
        self.latest = "1970-01-01T00:00:00.000Z"

    def wait_past(self, store: Store) -> None:
        """Until ``store``'s clock is past every stamp written so far (a millisecond at most,
        unless a new clock offset moved it back)."""
        while stamp_order(store.now()) <= stamp_order(self.latest):
            time.sleep(0.0005)

    def add(self, key: Key, names: set[str], row: LocalRow, office: str) -> None:
        for name in names:
            self.writes.setdefault((key, name), []).append(Write(row.updated_at, row.fields[name], office))
        if stamp_order(row.updated_at) > stamp_order(self.latest):
            self.latest = row.updated_at

    def pushed(self, office: str, key: Key, row: Fields, server: Fields | None) -> int:
        """``office`` pushes ``row``, carrying its writes not sent before. Those to a field whose value
        the server already holds drop out: an edit that agrees with the server changes nothing there
        (acknowledged, not written). Returns how many dropped."""
        dropped = 0
        for name, value in row.items():
            agrees = server is not None and server.get(name) == value
            kept = []
            for write in self.writes.get((key, name), []):
                if write.office == office and not write.sent:
                    dropped += agrees
                    write.sent = True
                    if agrees:
                        continue
                kept.append(write)
            self.writes[(key, name)] = kept
        return dropped

    def lost(self, final: dict[Key, Fields], conflicts: list[Fields]) -> list[str]:
        """Each (row, field) whose final value is not its last write, unless the latest conflict on
        that (row, field) (``conflicts`` come oldest first) keeps that write as the value that lost."""
        latest = {(c["table_name"], c["record_id"], c["field"]): c for c in conflicts}
        out = []
        for (key, name), writes in sorted(self.writes.items()):
            if not writes:
                continue
            write, row, conflict = writes[-1], final.get(key), latest.get((*key, name))
            if key[0] in EVENT_TABLES or (row is not None and row.get(name) == write.value):
                continue
            if conflict is not None and json.loads(conflict["lost_value"]) == write.value:
                continue
            final_value = "(row missing)" if row is None else row.get(name)
            out.append(f"lost edit: {key} {name}: last written {write.value!r} on {write.office} at "
                       f"{write.stamp}, holds {final_value!r}, no conflict keeps it")
        return out


def conflict_of(data: dict[str, Any]) -> tuple[str, ...]:
    """A conflict row as (table, record id, field, kept value, lost value), values canonical JSON."""
    kept, lost = json.loads(data["kept_value"]), json.loads(data["lost_value"])
    return (data["table_name"], data["record_id"], data["field"], canonical(kept), canonical(lost))


def expected_of(conflict: ExpectedConflict) -> tuple[str, ...]:
    return (conflict.table, conflict.record_id, conflict.field, canonical(conflict.kept), canonical(conflict.lost))


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def differences(what: str, left: dict[Key, Any], right: dict[Key, Any]) -> str:
    """Nothing for equal mappings, else a finding naming the first differing rows and fields."""
    if left == right:
        return ""
    only_left, only_right = sorted(left.keys() - right.keys()), sorted(right.keys() - left.keys())
    differing = []
    for key in sorted(left.keys() & right.keys()):
        if left[key] != right[key]:
            a, b = left[key], right[key]
            if isinstance(a, dict) and isinstance(a.get("data"), dict):
                a, b = {**a["data"], "deleted": a["deleted"]}, {**b["data"], "deleted": b["deleted"]}
            differing.append((key, {n: (a.get(n), b.get(n)) for n in a.keys() | b.keys() if a.get(n) != b.get(n)}))
    return f"{what} differ: only left {only_left[:3]}, only right {only_right[:3]}, differing {differing[:3]}"
