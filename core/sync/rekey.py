"""Moving a database's rows to the branch id the server gave it (part of enrollment).

A fresh database makes up a random local branch id. Enrolling to server branch B changes every row's
``branch_id`` (except the district's) to B, and re-derives the ids made from the branch id — party
groups and skills — together with everything that refers to them, so that two computers of the same
branch end up with the same group and skill rows.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from core.migrations import SYNCED_TABLES, skill_id_for
from core.pairing.skills import progress_id
from core.roster.groups import group_id_for
from core.store import Store
from core.sync.schema import DISTRICT


def rekey_branch(store: Store, new_branch: str) -> dict[str, int]:
    """Re-own every local row to ``new_branch``; returns how many ids changed per table.

    Runs in one transaction (joining the caller's when there is one). Foreign keys are checked at
    the end of the transaction, so parents and children can be renamed in any order.
    """
    changed: dict[str, int] = {}
    with store.transaction():
        store.conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in SYNCED_TABLES:
            store.conn.execute(
                f"UPDATE {table} SET branch_id = ? WHERE branch_id != ? AND branch_id != ?",
                (new_branch, DISTRICT, new_branch),
            )
        groups = _new_ids(store, "party_groups", lambda name: group_id_for(new_branch, name))
        _rename(store, "party_groups", groups)
        _repoint(store, "members", "group_id", groups)
        skills = _new_ids(store, "skills", lambda name: skill_id_for(new_branch, name))
        _rename(store, "skills", skills)
        progress = _rekey_progress(store, skills)
        visits = _rekey_visit_skills(store, skills)
        store.set_setting("branch_id", new_branch)
        changed = {"party_groups": len(groups), "skills": len(skills), "skill_progress": progress,
                   "help_visits": visits}
    return changed


def _new_ids(store: Store, table: str, derive: Callable[[str], str]) -> dict[str, str]:
    """old id → new id for the rows whose derived id changes. Two rows of one name (e.g. a deleted
    group and one renamed to it) are kept apart; the live row gets the derived id."""
    rows = store.query(f"SELECT id, name FROM {table} WHERE branch_id != ? ORDER BY deleted, rev", (DISTRICT,))
    mapping: dict[str, str] = {}
    claimed: set[str] = set()
    for row in rows:
        new_id = derive(row["name"])
        if new_id in claimed:
            new_id = row["id"] if row["id"] not in claimed else str(uuid.uuid4())
        claimed.add(new_id)
        if new_id != row["id"]:
            mapping[row["id"]] = new_id
    return mapping


def _rename(store: Store, table: str, mapping: dict[str, str]) -> None:
    if mapping:
        # Through a temporary id first, in case a new id is another row's old id.
        temporary = {old: f"~rekey~{old}" for old in mapping}
        store.conn.executemany(f"UPDATE {table} SET id = ? WHERE id = ?", [(t, o) for o, t in temporary.items()])
        store.conn.executemany(
            f"UPDATE {table} SET id = ? WHERE id = ?", [(mapping[o], t) for o, t in temporary.items()]
        )
        _repoint_references(store, table, mapping)


def _repoint(store: Store, table: str, column: str, mapping: dict[str, str]) -> None:
    if mapping:
        store.conn.executemany(
            f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [(new, old) for old, new in mapping.items()]
        )


def _repoint_references(store: Store, table: str, mapping: dict[str, str]) -> None:
    """Local bookkeeping that names rows by id: rejections and conflicts."""
    pairs = [(new, table, old) for old, new in mapping.items()]
    store.conn.executemany("UPDATE sync_rejections SET record_id = ? WHERE table_name = ? AND record_id = ?", pairs)
    store.conn.executemany("UPDATE conflicts SET record_id = ? WHERE table_name = ? AND record_id = ?", pairs)


def _rekey_progress(store: Store, skills: dict[str, str]) -> int:
    """skill_progress rows point at skills and take their id from (elder, skill)."""
    rows = store.query("SELECT id, elder_id, skill_id FROM skill_progress")
    updates = []
    mapping: dict[str, str] = {}
    for row in rows:
        skill = skills.get(row["skill_id"], row["skill_id"])
        new_id = progress_id(row["elder_id"], skill)
        if skill != row["skill_id"] or new_id != row["id"]:
            updates.append((skill, row["id"]))
            if new_id != row["id"]:
                mapping[row["id"]] = new_id
    store.conn.executemany("UPDATE skill_progress SET skill_id = ? WHERE id = ?", updates)
    _rename(store, "skill_progress", mapping)
    return len(updates)


def _rekey_visit_skills(store: Store, skills: dict[str, str]) -> int:
    if not skills:
        return 0
    updates = []
    for row in store.query("SELECT id, skill_ids FROM help_visits WHERE skill_ids != '[]'"):
        try:
            ids = json.loads(row["skill_ids"] or "[]")
        except ValueError:
            continue
        if isinstance(ids, list) and any(i in skills for i in ids):
            updates.append((json.dumps([skills.get(i, i) for i in ids]), row["id"]))
    store.conn.executemany("UPDATE help_visits SET skill_ids = ? WHERE id = ?", updates)
    return len(updates)
