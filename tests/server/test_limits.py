"""Request limits: record count, body size (compressed and inflated), gzip bodies, and 429 when busy."""

from __future__ import annotations

import gzip
import json
import socket
import time
import uuid

import requests

from tests.server.api import enrolled, member
from tests.sync_server import RunningServer, admin, enroll, new_branch, start_server

MB = 1024 * 1024


def _post(server: RunningServer, token: str, body: bytes, **headers: str) -> requests.Response:
    return requests.post(
        f"{server.url}/api/v1/sync/push", data=body, timeout=60,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", **headers},
    )


def test_too_many_records_and_too_large_bodies_get_413(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    answer = office.push_raw([member(office.branch_id, f"党员{i}") for i in range(501)])
    assert answer.status_code == 413
    assert answer.json()["detail"]["code"] == "too_many" and "500" in answer.json()["detail"]["message"]
    assert office.pull_all() == []

    big = json.dumps({"batch_id": "x", "records": [], "padding": "x" * (10 * MB)}).encode()
    answer = _post(district_server, office.token, big)
    assert answer.status_code == 413 and answer.json()["detail"]["code"] == "too_large"

    # Small on the wire, too large once inflated.
    bomb = gzip.compress(big)
    assert len(bomb) < MB
    answer = _post(district_server, office.token, bomb, **{"Content-Encoding": "gzip"})
    assert answer.status_code == 413 and answer.json()["detail"]["code"] == "too_large"

    # Just under the limit is fine.
    fits = json.dumps({"batch_id": "y", "records": [], "padding": "x" * (9 * MB)}).encode()
    assert _post(district_server, office.token, fits).status_code == 200


def test_gzip_bodies_and_answers(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    rows = [member(office.branch_id, f"党员{i}") for i in range(300)]
    results = office.push(rows, compress=True)
    assert [r["status"] for r in results] == ["ok"] * 300

    answer = office.pull_raw()
    assert answer.headers.get("Content-Encoding") == "gzip"  # requests accepts gzip and inflates
    assert len(answer.json()["records"]) == 300

    broken = _post(district_server, office.token, b"\x1f\x8b\x08garbage", **{"Content-Encoding": "gzip"})
    assert broken.status_code == 400 and broken.json()["detail"]["code"] == "bad_request"
    odd = _post(district_server, office.token, b"{}", **{"Content-Encoding": "br"})
    assert odd.status_code == 400


def test_malformed_push_bodies_get_400(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    for body in (b"{not json", b"[]", b'{"records": []}', b'{"batch_id": "b"}', b'{"batch_id": "", "records": []}',
                 b'{"batch_id": "b", "records": {}}'):
        answer = _post(district_server, office.token, body)
        assert answer.status_code == 400, body
        assert answer.json()["detail"]["code"] == "bad_request"
        assert answer.json()["detail"]["message"]


def _hold_a_sync(server: RunningServer, token: str) -> socket.socket:
    """A push whose body never finishes arriving: it occupies one sync slot until closed."""
    sock = socket.create_connection(("127.0.0.1", server.port))
    sock.sendall(
        (
            "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
            '{"batch_id": '
        ).encode()
    )
    return sock


def test_busy_server_answers_429_with_retry_after(server_db_url: str) -> None:
    branch = new_branch(server_db_url, "城关镇第一支部")
    with start_server(server_db_url, max_syncs=1) as server:
        token = enroll(server.url, branch["enrollment_code"])["token"]
        headers = {"Authorization": f"Bearer {token}"}
        held = _hold_a_sync(server, token)
        try:
            deadline = time.monotonic() + 10
            while True:
                answer = requests.get(f"{server.url}/api/v1/sync/pull", headers=headers, timeout=10)
                if answer.status_code == 429 or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            assert answer.status_code == 429
            assert answer.json()["detail"]["code"] == "busy"
            assert int(answer.headers["Retry-After"]) >= 1
            push = requests.post(
                f"{server.url}/api/v1/sync/push", headers=headers, timeout=10,
                json={"batch_id": str(uuid.uuid4()), "records": []},
            )
            assert push.status_code == 429
            # Only syncs are limited.
            assert requests.get(f"{server.url}/api/v1/info", timeout=10).status_code == 200
        finally:
            held.close()
        deadline = time.monotonic() + 10
        while requests.get(f"{server.url}/api/v1/sync/pull", headers=headers, timeout=10).status_code != 200:
            assert time.monotonic() < deadline, "the slot was never freed"
            time.sleep(0.05)
    assert admin(server_db_url, "branch", "list")["branches"][0]["last_sync_at"]
