"""The admin CLI (JSON shapes, exit codes, migrations) and the admin HTTP side (login required)."""

from __future__ import annotations

import requests
from sqlalchemy import create_engine, text

from server.migrations import LATEST
from tests.server.api import enrolled, member, second_device
from tests.sync_server import RunningServer, admin, admin_run, new_branch, start_server


def test_branch_commands_print_one_json_object(server_db_url: str) -> None:
    added = admin(server_db_url, "branch", "add", "--name", "城关镇第一支部")
    assert set(added) == {"branch_id", "enrollment_code"} and len(added["enrollment_code"]) == 10
    code = admin(server_db_url, "branch", "code", added["branch_id"])
    assert code["branch_id"] == added["branch_id"] and code["enrollment_code"] != added["enrollment_code"]

    # --database-url may also follow the sub-command.
    done = admin_run("sqlite:////nonexistent/ignored.db", "branch", "list", "--database-url", server_db_url, "--json")
    assert done.returncode == 0, done.stderr
    listed = admin(server_db_url, "branch", "list")
    assert listed == {"branches": [{
        "branch_id": added["branch_id"], "name": "城关镇第一支部", "created_at": listed["branches"][0]["created_at"],
        "devices": [], "last_sync_at": None, "revoked": False,
    }]}
    revoked = admin(server_db_url, "branch", "revoke", added["branch_id"])
    assert revoked == {"branch_id": added["branch_id"], "revoked_devices": []}


def test_refused_input_exits_1_with_a_chinese_message(server_db_url: str) -> None:
    for args in (
        ("branch", "code", "no-such-branch"),
        ("branch", "revoke", "no-such-branch"),
        ("lesson", "publish", "--title", "课", "--url", "not a url"),
        ("lesson", "publish", "--title", "课", "--url", "https://v.example.cn/1", "--published", "2026-13-40"),
        ("admin", "password", "--password", "short"),
    ):
        done = admin_run(server_db_url, *args)
        assert done.returncode == 1, args
        assert "错误" in done.stderr and done.stdout == ""
    answer = admin(server_db_url, "branch", "code", "no-such-branch", expect_code=1)
    assert "no-such-branch" in answer["error"]
    new_branch(server_db_url, "甲村支部")
    assert "已经有" in admin(server_db_url, "branch", "add", "--name", "甲村支部", expect_code=1)["error"]


def test_wrong_usage_exits_2(server_db_url: str) -> None:
    assert admin_run(server_db_url).returncode == 2
    assert admin_run(server_db_url, "branch").returncode == 2
    assert admin_run(server_db_url, "branch", "add").returncode == 2
    assert admin_run(server_db_url, "lesson", "publish", "--title", "t", "--url", "https://x.cn", "--minutes", "x").returncode == 2


def test_migrations_are_idempotent_and_data_survives_restarts(server_db_url: str) -> None:
    with start_server(server_db_url) as server:
        office = enrolled(server)
        row = member(office.branch_id)
        version = office.push([row])[0]["version"]
        server.restart()
        assert office.pull_all()[0]["version"] == version
        server.kill()  # a crash, then a fresh start over the same database
        server.restart()
        assert office.pull_all()[0]["id"] == row["id"]
        assert office.push([member(office.branch_id)])[0]["version"] > version
    admin(server_db_url, "branch", "list")
    engine = create_engine(server_db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version FROM schema_version")).scalars().all() == [LATEST]
            assert conn.execute(text("SELECT COUNT(*) FROM counters")).scalar() == 1
    finally:
        engine.dispose()


def test_admin_endpoints_need_the_admin(district_server: RunningServer) -> None:
    url = district_server.url
    office = enrolled(district_server)
    laptop = second_device(office)
    v1 = office.push([row := member(office.branch_id, phone="1")])[0]["version"]
    office.push([{**row, "base_version": v1, "updated_at": "2026-11-22T09:00:00.000Z", "data": {**row["data"], "phone": "2"}}])
    laptop.push([{**row, "base_version": v1, "updated_at": "2026-11-22T10:00:00.000Z", "data": {**row["data"], "phone": "3"}}])

    branches = f"{url}/api/v1/admin/branches"
    assert requests.get(branches, timeout=10).status_code == 401  # no password set yet
    admin(district_server.db_url, "admin", "password", "--password", "县委组织部2026")

    assert requests.get(branches, timeout=10).status_code == 401
    assert requests.get(branches, auth=("admin", "wrong-password"), timeout=10).status_code == 401
    device = requests.get(branches, headers=office.headers, timeout=10)
    assert device.status_code == 403 and device.json()["detail"]["code"] == "admin"
    basic = requests.get(branches, auth=(b"admin", "县委组织部2026".encode()), timeout=10)
    assert basic.status_code == 200
    [listed] = basic.json()["branches"]
    assert listed["branch_id"] == office.branch_id and len(listed["devices"]) == 2 and listed["last_sync_at"]

    session = requests.Session()
    wrong = session.post(f"{url}/admin/login", data={"password": "nope"}, allow_redirects=False, timeout=10)
    assert wrong.status_code == 401 and "密码不正确" in wrong.text
    assert session.get(branches, timeout=10).status_code == 401
    login = session.post(
        f"{url}/admin/login", data={"password": "县委组织部2026", "next": "//evil.example"},
        allow_redirects=False, timeout=10,
    )
    assert login.status_code == 303 and login.headers["Location"] == "/admin/"
    assert "httponly" in login.headers["Set-Cookie"].lower()
    assert session.get(branches, timeout=10).status_code == 200

    conflicts = session.get(f"{url}/api/v1/admin/conflicts", timeout=10).json()["conflicts"]
    assert len(conflicts) == 1
    assert conflicts[0]["branch_id"] == office.branch_id and conflicts[0]["branch_name"] == office.branch_name
    assert conflicts[0]["record_id"] == row["id"] and conflicts[0]["field"] == "phone"
    assert conflicts[0]["lost_device"] == "办公室电脑"

    forged = requests.Session()
    forged.cookies.set("zhibu_admin", "9999999999.forged")
    assert forged.get(branches, timeout=10).status_code == 401

    # A new password ends the old sessions.
    admin(district_server.db_url, "admin", "password", "--password", "another-password")
    assert session.get(branches, timeout=10).status_code == 401


def test_serve_time_settings(server_db_url: str) -> None:
    with start_server(server_db_url, district_name="某某县委组织部", admin_password="serve-time-pw") as server:
        info = requests.get(f"{server.url}/api/v1/info", timeout=10).json()
        assert info["district_name"] == "某某县委组织部"
        answer = requests.get(f"{server.url}/api/v1/admin/branches", auth=("admin", "serve-time-pw"), timeout=10)
        assert answer.status_code == 200
        assert requests.get(f"{server.url}/openapi.json", timeout=10).json()["paths"]["/api/v1/sync/push"]
        assert requests.get(f"{server.url}/docs", timeout=10).status_code == 200
    with start_server(server_db_url) as server:  # the name is kept
        assert requests.get(f"{server.url}/api/v1/info", timeout=10).json()["district_name"] == "某某县委组织部"


def test_an_unreachable_database_exits_3() -> None:
    done = admin_run("postgresql+psycopg://zhibu:zhibu@127.0.0.1:1/nowhere", "branch", "list", "--json")
    assert done.returncode == 3
    assert "无法连接数据库" in done.stderr and "zhibu:zhibu" not in done.stderr
    assert admin_run("mysql://somewhere/db", "branch", "list").returncode == 3
