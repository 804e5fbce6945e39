"""The three-way field merge of DESIGN §4, shared by the server and the tests.

A pushed record whose base version is not the server's current one was also changed elsewhere.
Field by field against the base: a field changed on one side only takes that side's value; a field
changed on both sides to different values goes to the newer edit, and the losing value is reported.
A field counts as changed on a side when that side says it changed it (protocol 2: the pushing
computer names its edited fields, the server reads its stored versions), or else when it differs from
the base.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    field: str
    kept_value: Any
    lost_value: Any
    client_won: bool


@dataclass(frozen=True)
class Merge:
    fields: dict[str, Any]
    conflicts: tuple[FieldConflict, ...]


def merge_fields(
    base: Mapping[str, Any] | None,
    server: Mapping[str, Any],
    client: Mapping[str, Any],
    *,
    client_is_newer: bool,
    client_changed: Collection[str] | None = None,
    server_changed: Collection[str] | None = None,
) -> Merge:
    """Merge ``client`` into ``server`` against their common ``base`` (None: no common base known,
    so every field that differs counts as changed on both sides).

    Which fields each side changed since the base is, by default, which differ from it. A side that
    knows better says so: ``client_changed`` names the fields the pushing computer edited (a field
    changed and changed back is an edit too), ``server_changed`` the fields any version stored since
    the base changed."""
    merged: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name in dict.fromkeys([*server, *client]):
        ours = server.get(name)
        theirs = client.get(name) if name in client else ours
        if ours == theirs:
            merged[name] = ours
            continue
        original = base.get(name) if base is not None else _NO_BASE
        client_did = name in client_changed if client_changed is not None else theirs != original
        server_did = name in server_changed if server_changed is not None else ours != original
        if not client_did:
            merged[name] = ours
        elif not server_did:
            merged[name] = theirs
        else:
            kept, lost = (theirs, ours) if client_is_newer else (ours, theirs)
            merged[name] = kept
            conflicts.append(FieldConflict(name, kept, lost, client_is_newer))
    return Merge(merged, tuple(conflicts))


_NO_BASE = object()
