"""Malformed sync payloads sent to the real server (SQLite, and PostgreSQL with ZHIBU_TEST_PG_URL):
bodies that are not JSON or not a batch, wrong types for every field of a record, unknown tables,
missing ids, huge strings, nested garbage, invalid UTF-8, gzip bombs, too many records, repeated ids
and a reused batch id. Each gets a clear 4xx or a per-record ``rejected`` with a stable code, never
a 5xx, and the records the server holds are unchanged for every refused part."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.server.api import Device, enrolled, member, stamp, study_record
from tests.sync_server import RunningServer, database_url_fixture, start_server

MB = 1024 * 1024
CODES = {"invalid", "table", "scope", "immutable"}  # the stable codes of a rejected record


shared_db_url = database_url_fixture("shared_db_url", scope="module")


@pytest.fixture(scope="module")
def server(shared_db_url: str) -> Iterator[RunningServer]:
    """One real server (per kind of database) for this module; each test enrolls a branch of its own."""
    running = start_server(shared_db_url)
    yield running
    running.stop()


@pytest.fixture
def office(server: RunningServer, request: pytest.FixtureRequest) -> Device:
    device = enrolled(server, f"{request.node.name[:40]}支部")
    device.push([member(device.branch_id, "张三")])  # something already there that must stay as it is
    return device


@pytest.fixture(scope="module")
def records_hash(server: RunningServer) -> Iterator[Any]:
    """A digest of what the server holds: every record and every earlier version of one."""
    engine = create_engine(server.db_url)

    def digest(without: set[str] | None = None) -> str:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT table_name, id, branch_id, version, updated_at, deleted, data "
                                     "FROM records ORDER BY table_name, id")).all()
            history = conn.execute(text("SELECT table_name, id, version, data FROM record_history "
                                        "ORDER BY table_name, id, version")).all()
        kept = [tuple(row) for row in rows if row.id not in (without or set())]
        return hashlib.sha256(repr((kept, [tuple(row) for row in history])).encode()).hexdigest()

    yield digest
    engine.dispose()


def post(office: Device, body: bytes, **headers: str) -> requests.Response:
    return requests.post(f"{office.server.url}/api/v1/sync/push", data=body, timeout=60,
                         headers={**office.headers, "Content-Type": "application/json", **headers})


def batch(records: Any, batch_id: Any = None) -> bytes:
    return json.dumps({"batch_id": batch_id or str(uuid.uuid4()), "records": records}, ensure_ascii=False).encode()


def chinese(message: Any) -> bool:
    return isinstance(message, str) and bool(re.search(r"[\u4e00-\u9fff]", message)) and len(message) < 1000


def bodies(branch_id: str) -> list[tuple[str, bytes, dict[str, str], int]]:
    """(what, body, extra headers, the status it must get)."""
    ok_record = member(branch_id, "李四")
    deep = b"[" * 100_000 + b"]" * 100_000
    too_large = batch([ok_record])[:-1] + b', "padding": "' + b"x" * (11 * MB) + b'"}'
    with_name = batch([{**ok_record, "data": {**ok_record["data"], "name": "@"}}])
    cases: list[tuple[str, bytes, dict[str, str], int]] = [
        ("not JSON", b"hello, server", {}, 400),
        ("an empty body", b"", {}, 400),
        ("invalid UTF-8", b'{"batch_id": "\xff\xfe", "records": []}', {}, 400),
        ("a JSON array", json.dumps([ok_record]).encode(), {}, 400),
        ("a JSON string", b'"records"', {}, 400),
        ("a JSON number", b"42", {}, 400),
        ("JSON null", b"null", {}, 400),
        ("an object without a batch", b"{}", {}, 400),
        ("NaN in a record", batch([{**ok_record, "base_version": "NaN"}]).replace(b'"NaN"', b"NaN"), {}, 400),
        ("Infinity as a number", batch([ok_record]).replace(b'"base_version": 0', b'"base_version": 1e999'), {}, 400),
        ("a number of 5,000 digits", b'{"batch_id": 1' + b"0" * 5000 + b', "records": []}', {}, 400),
        ("arrays nested 100,000 deep", b'{"batch_id": "x", "records": ' + deep + b"}", {}, 400),
        ("garbage nested 100,000 deep in data", batch([{**ok_record, "data": "@"}]).replace(b'"@"', deep), {}, 400),
        ("a lone UTF-16 surrogate in a name", with_name.replace(b'"@"', b'"\\ud800x"'), {}, 400),
        ("a surrogate pair the wrong way round", with_name.replace(b'"@"', b'"\\udc00\\ud800"'), {}, 400),
        ("a lone surrogate as the table", batch([{**ok_record, "table": "@"}]).replace(b'"@"', b'"\\udc00"'), {}, 400),
        ("501 records", batch([member(branch_id, f"党员{n}") for n in range(501)]), {}, 413),
        ("a body over 10 MB", too_large, {}, 413),
        ("a gzip bomb", gzip.compress(too_large), {"Content-Encoding": "gzip"}, 413),
        ("a broken gzip body", b"\x1f\x8b\x08\x00garbage", {"Content-Encoding": "gzip"}, 400),
        ("an unknown compression", batch([ok_record]), {"Content-Encoding": "br"}, 400),
    ]
    for value in (None, 1, 1.5, True, [], {}, "", "x" * 201):
        cases.append((f"batch_id {value!r:.20}", json.dumps({"batch_id": value, "records": []}).encode(), {}, 400))
    for value in (None, 1, "records", {}, True):
        cases.append((f"records {value!r}", json.dumps({"batch_id": "b", "records": value}).encode(), {}, 400))
    return cases


def test_requests_that_are_no_batch_get_a_4xx_in_chinese_and_change_nothing(
    office: Device, records_hash: Any
) -> None:
    before = records_hash()
    wrong = []
    for what, body, headers, status in bodies(office.branch_id):
        answer = post(office, body, **headers)
        detail = answer.json().get("detail") if answer.headers.get("content-type", "").startswith("application/json") \
            else None
        if answer.status_code != status or not isinstance(detail, dict) or not chinese(detail.get("message")):
            wrong.append((what, answer.status_code, answer.text[:200]))
    assert wrong == []
    assert records_hash() == before
    unauthorised = requests.post(f"{office.server.url}/api/v1/sync/push", data=batch([]), timeout=30,
                                 headers={"Authorization": "Bearer not-a-token"})
    assert unauthorised.status_code == 401 and chinese(unauthorised.json()["detail"]["message"])


def well_formed(branch_id: str) -> list[dict[str, Any]]:
    """A member, a lesson and a visit as a branch sends them: the bad records below are these, spoiled."""
    return [member(branch_id, "王五"), *({
        "table": table, "id": str(uuid.uuid4()), "branch_id": branch_id, "base_version": 0, "updated_at": stamp(),
        "deleted": 0, "data": data} for table, data in [
            ("lessons", {"title": "党章", "minutes": 20, "credit_hours": 0.5}),
            ("help_visits", {"helper_id": "m-1", "elder_id": "m-2", "visit_date": "2026-11-20", "skill_ids": "[]"}),
    ])]


def bad_records(branch_id: str) -> list[tuple[str, Any, str]]:
    """(what, record, the code it must be rejected with)."""
    good, lesson, visit = well_formed(branch_id)
    cases: list[tuple[str, Any, str]] = [(f"a record that is {value!r}", value, "invalid")
                                         for value in (None, 5, "members", [], True)]
    fields: dict[str, tuple[list[Any], str]] = {
        "table": ([None, 5, "", [], {}, "sqlite_master", "records", "MEMBERS", "x" * 100_000], "table"),
        "id": ([None, 5, "", [], {}, "x" * 65, "a\x00b", "x" * 100_000], "invalid"),
        "branch_id": ([None, 5, "", [], {}], "invalid"),
        "base_version": ([None, "0", -1, 1.5, True, [], 2**63, 10**30], "invalid"),
        "updated_at": ([None, 0, "", "yesterday", "2026-13-45T99:99:99Z", "2026-11-22T08:00:00+25:00",
                        "2026-11-22T08:00:00Z\n", "２０２６-11-22T08:00:00Z"], "invalid"),
        "deleted": ([None, "1", 2, -1, [], "yes"], "invalid"),
        "data": ([None, [], "name=x", 1, True], "invalid"),
        "changed": ([None, "phone", 5, {}, [5], ["phone", "phone"], ["evil"], ["rev"], [["phone"]],
                     ["x" * 100_000]], "invalid"),
    }
    for name, (values, code) in fields.items():
        cases += [(f"{name} = {value!r:.30}", {**good, "id": str(uuid.uuid4()), name: value}, code)
                  for value in values]
    for what, data, target in [
        ("an unknown field", {"evil": "x"}, good), ("a name that is a number", {"name": 7}, good),
        ("no name", {"name": None}, good), ("a name that is a list", {"name": ["张", "三"]}, good),
        ("nested garbage in a field", {"note": {"a": [1, {"b": None}]}}, good),
        ("a note of 20,001 characters", {"note": "长" * 20_001}, good),
        ("a note of 8 MB", {"note": "x" * (8 * MB)}, good),
        ("a birth date of 30 February", {"birth_date": "2026-02-30"}, good),
        ("minutes as text", {"minutes": "20"}, lesson), ("minutes as a fraction", {"minutes": 1.5}, lesson),
        ("minutes as true", {"minutes": True}, lesson), ("minutes past 64 bits", {"minutes": 2**64}, lesson),
        ("credit hours as text", {"credit_hours": "1.5"}, lesson),
        ("skills that are not a list", {"skill_ids": "not json"}, visit),
        ("skills that are numbers", {"skill_ids": "[1, 2]"}, visit),
    ]:
        cases.append((what, {**target, "id": str(uuid.uuid4()), "data": {**target["data"], **data}}, "invalid"))
    cases.append(("another branch's row", {**good, "id": str(uuid.uuid4()), "branch_id": "another-branch"}, "scope"))
    cases.append(("a district row", {**good, "id": str(uuid.uuid4()), "branch_id": "district"}, "scope"))
    return cases


def test_every_wrong_field_of_a_record_is_rejected_with_a_stable_code_and_the_rest_applies(
    office: Device, records_hash: Any
) -> None:
    before = records_hash()
    bases = well_formed(office.branch_id)
    assert [r["status"] for r in office.push(bases)] == ["ok"] * 3
    cases = bad_records(office.branch_id)
    good = member(office.branch_id, "赵六")
    # in batches of up to 50 (and under 10 MB), each with one good record that must go in
    sent = 0
    for start in range(0, len(cases), 50):
        part = cases[start : start + 50]
        results = office.push([good, *[record for _, record, _ in part]])
        assert len(results) == len(part) + 1 and results[0]["status"] == "ok"
        wrong = [(what, r["status"], r["code"], str(r["message"])[:80])
                 for (what, _, code), r in zip(part, results[1:], strict=True)
                 if r["status"] != "rejected" or r["code"] != code or not chinese(r["message"])]
        assert wrong == []
        sent += len(part)
    assert sent == len(cases) >= 70
    assert records_hash(without={good["id"], *(base["id"] for base in bases)}) == before
    assert [r["data"].get("name") for r in office.pull_all() if r["table"] == "members"] == ["张三", "王五", "赵六"]


def test_repeated_ids_and_a_reused_batch_id(office: Device, records_hash: Any) -> None:
    # the same row twice in one batch is stored once, as it last was
    row = member(office.branch_id, "周八")
    later = {**row, "updated_at": stamp(30), "data": {**row["data"], "phone": "13700000000"}}
    first, second = office.push([row, later])
    assert first["status"] == second["status"] == "ok" and first["version"] == second["version"]
    # an event sent twice with different content: the second is refused
    event = study_record(office.branch_id)
    changed = {**event, "data": {**event["data"], "minutes": 45}}
    [kept, refused] = office.push([event, changed])
    assert kept["status"] == "ok" and (refused["status"], refused["code"]) == ("rejected", "immutable")

    before = records_hash()
    records = [member(office.branch_id, "吴九"), member(office.branch_id, "郑十")]
    answer = post(office, batch(records, "batch-1"))
    assert answer.status_code == 200
    after_first = records_hash()
    assert post(office, batch(records, "batch-1")).json() == answer.json()  # sent again: answered the same
    others = [member(office.branch_id, "冯十一")]
    for reuse in (others, records[:1], [*records, *others], list(reversed(records))):
        reused = post(office, batch(reuse, "batch-1"))
        assert reused.status_code == 409, reused.text
        assert reused.json()["detail"]["code"] == "batch_reused" and chinese(reused.json()["detail"]["message"])
    assert records_hash() == after_first != before
    names = [r["data"]["name"] for r in office.pull_all() if r["table"] == "members"]
    assert "冯十一" not in names and {"吴九", "郑十"} <= set(names)


def test_malformed_pull_requests_get_a_4xx(office: Device) -> None:
    for params in ({"since": -1}, {"since": "abc"}, {"since": 10**30}, {"since": "1e3"}, {"limit": 0},
                   {"limit": "many"}, {"limit": -5}, {"since": "\u0000"}):
        answer = requests.get(f"{office.server.url}/api/v1/sync/pull", params=params, headers=office.headers,
                              timeout=30)
        assert 400 <= answer.status_code < 500, (params, answer.status_code)
        assert chinese(answer.json()["detail"]["message"])
    assert office.pull(since=0, limit=10**6)["records"]  # a large limit is only capped
