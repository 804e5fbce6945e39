"""The per-record rules of ``server.records``, without a server (fast, exhaustive corners)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from server.records import Base, Pushed, Row, decide, same
from tests.server.api import member, stamp, study_record

BRANCH = "b-1"
NOW = stamp(1000)


def _stored(record: dict[str, Any], version: int, device: str = "办公室电脑", **data: Any) -> Row:
    return Row(record["table"], record["id"], record["branch_id"], version, record["updated_at"],
               record["deleted"], {**record["data"], **data}, device)


def _pushed(record: dict[str, Any], base_version: int = 0, at: float | None = None, **data: Any) -> Pushed:
    changed = {**record, "base_version": base_version, "data": {**record["data"], **data}}
    if at is not None:
        changed["updated_at"] = stamp(at)
    return Pushed.from_json(changed)


def test_missing_fields_count_as_null() -> None:
    assert same({"a": None}, {}) and not same({"a": 1}, {})


def test_new_rows_and_scope() -> None:
    row = member(BRANCH)
    assert decide(_pushed(row), None, None, BRANCH, "PC", NOW).status == "ok"
    assert decide(_pushed(row), None, None, "b-2", "PC", NOW).code == "scope"
    theirs = _stored({**row, "branch_id": "b-2"}, 5)
    assert decide(_pushed(row), theirs, None, BRANCH, "PC", NOW).code == "scope"


def test_unknown_base_makes_every_difference_a_conflict() -> None:
    row = member(BRANCH, phone="1", note="a")
    current = _stored(row, 7, phone="2")
    # base_version 3 is not in the history: no base, so phone changed "on both sides".
    decision = decide(_pushed(row, 3, at=10, note="b"), current, None, BRANCH, "PC", NOW)
    assert decision.status == "conflict"
    assert {c.data["field"] for c in decision.conflicts} == {"phone", "note"}
    assert decision.write is not None and decision.write.data["note"] == "b"  # the client is newer


def test_with_a_base_only_changed_fields_count() -> None:
    row = member(BRANCH, phone="1", note="a")
    base = Base({**row["data"], "deleted": 0}, frozenset({"phone"}))
    current = _stored(row, 7, phone="2")
    decision = decide(_pushed(row, 3, at=-10, note="b"), current, base, BRANCH, "PC", NOW)
    assert decision.status == "merged" and not decision.conflicts
    assert decision.write is not None
    assert decision.write.data["phone"] == "2" and decision.write.data["note"] == "b"
    assert decision.write.updated_at == current.updated_at  # the newer of the two


def test_a_stale_push_equal_to_the_server_writes_nothing() -> None:
    row = member(BRANCH, phone="2")
    current = _stored(row, 7)
    base = Base({**row["data"], "phone": "1", "deleted": 0}, frozenset({"phone"}))
    decision = decide(_pushed(row, 3), current, base, BRANCH, "PC", NOW)
    assert decision.status == "ok" and decision.write is None


def test_a_field_the_client_names_as_changed_counts_even_when_back_at_the_base_value() -> None:
    """Protocol 2: phone went 1 → 3 → 1 on this computer while another changed it to 2 — a
    concurrent change, one conflict (this computer's later edit wins), not a silent loss."""
    row = member(BRANCH, phone="1", note="a")
    base = Base({**row["data"], "deleted": 0}, frozenset({"phone"}))
    current = _stored(row, 7, phone="2")
    pushed = replace(_pushed(row, 3, at=10), changed=frozenset({"phone"}))
    decision = decide(pushed, current, base, BRANCH, "PC", NOW)
    assert decision.status == "conflict" and [c.data["field"] for c in decision.conflicts] == ["phone"]
    assert decision.write is not None and decision.write.data["phone"] == "1"
    # the same record from a protocol-1 computer (no list): unchanged by value, the server's phone stays
    assert decide(_pushed(row, 3, at=10), current, base, BRANCH, "PC", NOW).write is None


def test_a_field_the_client_does_not_name_keeps_the_servers_value() -> None:
    row = member(BRANCH, phone="1", note="a")
    base = Base({**row["data"], "deleted": 0}, frozenset({"phone"}))
    current = _stored(row, 7, phone="2")
    pushed = replace(_pushed(row, 3, at=10, phone="9", note="b"), changed=frozenset({"note"}))
    decision = decide(pushed, current, base, BRANCH, "PC", NOW)
    assert decision.status == "merged" and decision.write is not None
    assert decision.write.data["phone"] == "2" and decision.write.data["note"] == "b"


def test_events_are_insert_if_absent_and_may_be_voided() -> None:
    event = study_record(BRANCH)
    current = _stored(event, 4)
    assert decide(_pushed(event), current, None, BRANCH, "PC", NOW).write is None
    void = Pushed.from_json({**event, "deleted": 1, "data": {**event["data"], "void_reason": "重复录入"}})
    assert decide(void, current, None, BRANCH, "PC", NOW).write is not None
    no_reason = Pushed.from_json({**event, "deleted": 1})
    assert decide(no_reason, current, None, BRANCH, "PC", NOW).code == "immutable"
