"""Enrollment with one-time codes, bearer tokens and revocation."""

from __future__ import annotations

import requests

from tests.server.api import enroll_device, enrolled, member, second_device
from tests.sync_server import RunningServer, admin, new_branch


def _enroll(server: RunningServer, code: str, name: str = "办公室电脑") -> requests.Response:
    return requests.post(f"{server.url}/api/v1/enroll", json={"code": code, "device_name": name}, timeout=10)


def test_info_needs_no_token(district_server: RunningServer) -> None:
    info = requests.get(f"{district_server.url}/api/v1/info", timeout=10).json()
    assert info["protocol"] == 2 and info["min_client_protocol"] == 1
    assert info["district_name"]
    assert info["server_time"].endswith("Z") and len(info["server_time"]) == len("2026-11-22T08:00:00.123Z")


def test_a_code_enrolls_one_device_once(district_server: RunningServer) -> None:
    branch = new_branch(district_server.db_url, "城关镇第一支部")
    code = branch["enrollment_code"]
    assert len(code) == 10 and code.isupper() and not set(code) & set("01OIL")

    first = _enroll(district_server, code.lower())  # typed by hand: case does not matter
    assert first.status_code == 200, first.text
    done = first.json()
    assert done["branch_id"] == branch["branch_id"]
    assert done["branch_name"] == "城关镇第一支部"
    assert done["token"] and done["device_id"]

    again = _enroll(district_server, code, "另一台电脑")
    assert again.status_code == 400
    assert again.json()["detail"]["code"] == "enroll_code"
    assert "登记码" in again.json()["detail"]["message"]

    unknown = _enroll(district_server, "ABCDEFGHJK")
    assert unknown.status_code == 400 and unknown.json()["detail"]["code"] == "enroll_code"


def test_a_second_device_of_the_branch(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    laptop = second_device(office)
    assert laptop.branch_id == office.branch_id and laptop.token != office.token
    listed = admin(district_server.db_url, "branch", "list")["branches"][0]
    assert [d["name"] for d in listed["devices"]] == ["办公室电脑", "书记的笔记本"]


def test_enroll_refuses_a_bad_request(district_server: RunningServer) -> None:
    url = f"{district_server.url}/api/v1/enroll"
    for body in (b"not json", b"[1, 2]", b'{"code": 5}', b'{"code": "ABCDEFGHJK", "device_name": "  "}'):
        answer = requests.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=10)
        assert answer.status_code == 400, body
        assert answer.json()["detail"]["code"] == "bad_request"


def test_missing_unknown_and_revoked_tokens_get_401(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    laptop = second_device(office)
    url = f"{district_server.url}/api/v1/sync/pull"
    for headers in ({}, {"Authorization": "Bearer nonsense"}, {"Authorization": f"Basic {office.token}"}):
        answer = requests.get(url, headers=headers, timeout=10)
        assert answer.status_code == 401
        assert answer.json()["detail"]["code"] == "token"
    assert office.pull_raw().status_code == 200

    revoked = admin(district_server.db_url, "branch", "revoke", office.branch_id, "--device", office.device_id)
    assert revoked == {"branch_id": office.branch_id, "revoked_devices": [office.device_id]}
    assert office.pull_raw().status_code == 401
    assert office.push_raw([member(office.branch_id)]).status_code == 401
    assert laptop.pull_raw().status_code == 200  # only that device

    admin(district_server.db_url, "branch", "revoke", office.branch_id)
    answer = laptop.pull_raw()
    assert answer.status_code == 401 and "登记" in answer.json()["detail"]["message"]
    listed = admin(district_server.db_url, "branch", "list")["branches"][0]
    assert listed["revoked"] is True and all(d["revoked"] for d in listed["devices"])

    # The district re-admits the branch with a new code for a new device.
    code = admin(district_server.db_url, "branch", "code", office.branch_id)["enrollment_code"]
    again = enroll_device(district_server, code, "新电脑")
    assert again.pull_raw().status_code == 200
    assert admin(district_server.db_url, "branch", "list")["branches"][0]["revoked"] is False
