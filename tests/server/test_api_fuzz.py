"""Fuzzing the real district server from its own OpenAPI schema (schemathesis, positive and negative
data) with no credentials, a branch's token, a revoked token, a garbage token and the admin password:
never a 5xx, every answer as documented (status, content type, body schema, headers), every refusal
the one the credentials call for — and branch A's token never reaches branch B: B's rows on the
server are unchanged afterwards and nothing A pulled or was answered belongs to B.

Deterministic (derandomized) and small by default; ``ZHIBU_SOAK=1`` runs many more examples.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import create_engine, text

from core.sync.schema import JSON_LIST_COLUMNS, table_schemas
from tests.server.api import Device, enrolled, member, stamp, study_record
from tests.sync_server import RunningServer, admin, database_url_fixture, start_server

SOAK = os.environ.get("ZHIBU_SOAK") == "1"
# Examples per operation and generation mode: many for branch A's pushes and pulls, where the data is.
EXAMPLES = 200 if SOAK else 4
BRANCH_EXAMPLES = 1000 if SOAK else 20
ADMIN_PASSWORD = "县委组织部-fuzz-2026"
CHECKS = [
    not_a_server_error, status_code_conformance, content_type_conformance,
    response_schema_conformance, response_headers_conformance,
]
PUSH, PULL = "POST /api/v1/sync/push", "GET /api/v1/sync/pull"
CREDENTIALS = ["none", "garbage", "revoked", "admin", "branch"]
PUBLIC = ("GET /api/v1/info", "POST /api/v1/enroll", "POST /admin/login")  # the same answer whatever the token

fuzz_db_url = database_url_fixture("fuzz_db_url", scope="module")


@dataclass
class Fuzzed:
    server: RunningServer
    schema: Any
    a: Device  # the branch whose token fuzzes
    b: Device  # the branch that must stay untouched; its device's token is revoked
    others: dict[tuple[str, str], str]  # (table, id) → owner: B's rows and the district's
    own: list[tuple[str, str]]  # A's rows
    seen: list[dict[str, Any]] = field(default_factory=list)  # every record answered to A
    outcomes: Counter[str] = field(default_factory=Counter)  # push results: status, or the refusal's code

    def headers(self, kind: str) -> dict[str, str]:
        """The credentials, and a client address of their own (the server trusts X-Forwarded-For
        from 127.0.0.1), so wrong passwords sent with one kind do not block the others."""
        address = {"X-Forwarded-For": f"198.51.100.{CREDENTIALS.index(kind) + 1}"}
        basic = base64.b64encode(f"admin:{ADMIN_PASSWORD}".encode()).decode()
        auth = {
            "none": {},
            "garbage": {"Authorization": "Bearer " + "Zm9vYmFy" * 5},
            "revoked": self.b.headers,
            "admin": {"Authorization": f"Basic {basic}"},
            "branch": self.a.headers,
        }[kind]
        return {**auth, **address}


@pytest.fixture(scope="module")
def fuzzed(fuzz_db_url: str) -> Iterator[Fuzzed]:
    server = start_server(fuzz_db_url, admin_password=ADMIN_PASSWORD)
    try:
        lesson = admin(fuzz_db_url, "lesson", "publish", "--title", "学习二十大精神", "--url", "https://v.example.cn/1")
        a = enrolled(server, "甲村支部")
        b = enrolled(server, "乙村支部")
        b_rows = [member(b.branch_id, f"乙村党员{n}") for n in range(3)] + [study_record(b.branch_id)]
        assert all(r["status"] == "ok" for r in b.push(b_rows))
        a_rows = [member(a.branch_id, "甲村党员")]
        assert a.push(a_rows)[0]["status"] == "ok"
        admin(fuzz_db_url, "branch", "revoke", b.branch_id, "--device", b.device_id)  # B's token: the revoked one
        schema = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
        others = {(r["table"], r["id"]): b.branch_id for r in b_rows} | {("lessons", lesson["lesson_id"]): "district"}
        yield Fuzzed(server, schema, a, b, others, [(r["table"], r["id"]) for r in a_rows])
    finally:
        server.stop()


# -- what the server holds that A must not change ----------------------------------------------------


def not_a_fingerprint(db_url: str, a_branch: str) -> str:
    """A hash of everything on the server that is not branch A's: rows (with their history),
    stored push answers and devices of every other branch."""
    queries = [
        "SELECT table_name, id, branch_id, version, updated_at, deleted, data, device_name FROM records"
        " WHERE branch_id != :a ORDER BY table_name, id",
        "SELECT h.table_name, h.id, h.version, h.updated_at, h.deleted, h.data, h.device_name"
        " FROM record_history h JOIN records r ON r.table_name = h.table_name AND r.id = h.id"
        " WHERE r.branch_id != :a ORDER BY h.table_name, h.id, h.version",
        "SELECT branch_id, batch_id, response FROM batches WHERE branch_id != :a ORDER BY branch_id, batch_id",
        "SELECT id, branch_id, name, token_hash, revoked_at, last_sync_at FROM devices"
        " WHERE branch_id != :a ORDER BY id",
        "SELECT id, name, revoked_at FROM branches ORDER BY id",
    ]
    digest = hashlib.sha256()
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            for query in queries:
                for row in conn.execute(text(query), {"a": a_branch}):
                    digest.update(json.dumps(list(row), ensure_ascii=False, default=str).encode())
                digest.update(b"|")
    finally:
        engine.dispose()
    return digest.hexdigest()


# -- records aimed at the scope rules -------------------------------------------------------------------


def valid_data(table: str) -> dict[str, Any]:
    """Data that passes the table's checks: required columns filled in, the others empty."""
    data: dict[str, Any] = {}
    for column in table_schemas()[table].columns:
        if not column.not_null:
            data[column.name] = None
        elif column.kind == "integer":
            data[column.name] = 0
        elif column.kind == "real":
            data[column.name] = 0.0
        elif column.name in JSON_LIST_COLUMNS:
            data[column.name] = "[]"
        elif column.name.endswith("_date") or column.name in ("date", "valid_until"):
            data[column.name] = "2026-11-20"
        else:
            data[column.name] = "甲"
    return data


def aim(case: Any, draw: Callable[[st.SearchStrategy[Any]], Any], fuzzed: Fuzzed) -> None:
    """Point some pushed records at B's and the district's rows and branches, and A's own rows with valid
    data, so the scope and merge rules are reached instead of only the shape checks."""
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("records"), list):
        return
    often = st.integers(0, 3).map(bool)  # three times in four
    if not body["records"] and draw(often):
        body["records"].append({})
    for record in body["records"]:
        if not isinstance(record, dict) or not draw(often):
            continue
        generated = str(record.get("id"))[:60] or "x"
        new_key = st.tuples(st.sampled_from(["members", "study_records", "lessons", "conflicts"]), st.just(generated))
        table, record["id"] = draw(st.one_of(st.sampled_from([*fuzzed.others, *fuzzed.own]), new_key))
        record["table"] = table
        record["branch_id"] = draw(st.sampled_from([fuzzed.a.branch_id] * 2 + [fuzzed.b.branch_id, "district"]))
        if draw(often):  # well formed too, so that the scope and merge rules decide
            record["base_version"] = draw(st.integers(0, 8))
            record["updated_at"] = draw(st.integers(0, 10**7).map(stamp))
            record["deleted"] = draw(st.sampled_from([0, 1]))
            record["data"] = valid_data(table)


# -- the fuzzing -----------------------------------------------------------------------------------------


def expect_refusal(kind: str, operation: str, status: int) -> None:
    """The status the credentials call for, whatever the request held."""
    if operation in (PUSH, PULL) and kind != "branch":
        assert status in (401, 429), status  # 429: the sync limit (never reached here)
    if operation.startswith("GET /api/v1/admin/"):
        wanted = {"none": {401}, "garbage": {403}, "revoked": {403}, "branch": {403}, "admin": {200, 400}}[kind]
        assert status in wanted, status
    if operation == "POST /api/v1/enroll":
        assert status in (400, 413, 429), status  # no code is ever right
    if operation == "POST /admin/login":
        assert status in (400, 401, 413, 429), status  # nor the password


def belongs_elsewhere(fuzzed: Fuzzed, record: dict[str, Any]) -> bool:
    """A record A must never be answered with: one of B's rows, a district row made A's, or
    anything of a branch other than A."""
    owner = fuzzed.others.get((record["table"], record["id"]))
    if owner is not None:
        return owner != "district" or record["branch_id"] != "district"
    return record["branch_id"] not in (fuzzed.a.branch_id, "district")


def note_answer(fuzzed: Fuzzed, operation: str, response: requests.Response) -> None:
    if response.status_code != 200:
        return
    if operation == PULL:
        fuzzed.seen += response.json()["records"]
    if operation == PUSH:
        results = response.json()["results"]
        fuzzed.seen += [r["record"] for r in results if r["record"]]
        fuzzed.outcomes.update(r["code"] if r["status"] == "rejected" else r["status"] for r in results)


def fuzz_operation(
    fuzzed: Fuzzed, operation: Any, mode: GenerationMode, kind: str, session: requests.Session
) -> int:
    """Hypothesis over one operation in one generation mode; returns how many requests were sent."""
    headers = fuzzed.headers(kind)
    label = operation.label
    examples = BRANCH_EXAMPLES if kind == "branch" and label in (PUSH, PULL) else EXAMPLES
    sent = 0

    @settings(
        max_examples=examples, deadline=None, derandomize=not SOAK, database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
    def run(case: Any, data: st.DataObject) -> None:
        nonlocal sent
        if kind == "branch" and label == PUSH:
            aim(case, data.draw, fuzzed)
        response = case.call(base_url=fuzzed.server.url, session=session, headers=headers, timeout=60)
        sent += 1
        if response.status_code >= 500:
            print(fuzzed.server.log()[-6000:])  # the server's traceback, shown with the failure
        case.validate_response(response, checks=CHECKS, headers=headers)
        expect_refusal(kind, label, response.status_code)
        note_answer(fuzzed, label, response)

    run()
    return sent


def modes(operation: Any) -> list[GenerationMode]:
    """Negative data needs something to break: parameters or a body."""
    takes_input = any(True for _ in operation.iter_parameters()) or bool(operation.get_request_payload_content_types())
    return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE] if takes_input else [GenerationMode.POSITIVE]


def fuzz(fuzzed: Fuzzed, kind: str) -> set[str]:
    """Every operation where the credentials matter (all of them without any), positive and negative;
    returns the operations fuzzed."""
    operations = [result.ok() for result in fuzzed.schema.get_all_operations()]
    chosen = [o for o in operations if kind == "none" or o.label not in PUBLIC]
    with requests.Session() as session:
        for operation in chosen:
            for mode in modes(operation):
                assert fuzz_operation(fuzzed, operation, mode, kind, session) > 0, operation.label
    return {o.label for o in chosen}


@pytest.mark.parametrize("kind", CREDENTIALS)
def test_fuzzing_answers_as_documented_and_never_escapes_scope(fuzzed: Fuzzed, kind: str) -> None:
    db_url, a_branch = fuzzed.server.db_url, fuzzed.a.branch_id
    before = not_a_fingerprint(db_url, a_branch)
    fuzzed.seen.clear()
    fuzzed.outcomes.clear()

    fuzzed_operations = fuzz(fuzzed, kind)

    assert {PUSH, PULL, "GET /api/v1/admin/branches", "GET /api/v1/admin/conflicts"} <= fuzzed_operations
    assert kind != "none" or set(PUBLIC) <= fuzzed_operations
    assert not_a_fingerprint(db_url, a_branch) == before, "the fuzzing changed rows that are not branch A's"
    foreign = [r for r in fuzzed.seen if belongs_elsewhere(fuzzed, r)]
    assert foreign == [], "branch A was answered with rows of another branch"
    if kind == "branch":  # the fuzzing reached the data: rows written, and B's refused on scope
        assert fuzzed.seen and fuzzed.outcomes["ok"] and fuzzed.outcomes["scope"], fuzzed.outcomes
    assert fuzzed.server.running(), fuzzed.server.log()
    assert "Traceback" not in fuzzed.server.log()
