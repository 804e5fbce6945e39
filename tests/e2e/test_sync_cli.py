"""``main.py sync`` as scripts run it, against the real server: the JSON answer, enrolling, status
and exit code 3 when the server cannot be reached or refuses."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.run_cli import as_json, cli
from tests.sync_server import RunningServer, admin, district_server, free_port, server_db_url  # noqa: F401

SYNC_KEYS = {"pushed", "pulled", "conflicts", "rejected"}


def test_sync_cli_enrolls_syncs_and_reports_status(district_server: RunningServer, tmp_path: Path) -> None:  # noqa: F811
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    db = tmp_path / "office.db"
    cli("--db", db, "demo", "--members", "30")

    first = cli("--db", db, "sync", "--server", server.url, "--enroll", branch["enrollment_code"],
                "--device-name", "办公室电脑", "--json")
    data = as_json(first)
    assert set(data) == SYNC_KEYS
    assert data["pushed"] > 30 and data["rejected"] == 0 and data["conflicts"] == 0
    assert "已登记" in first.stderr

    admin(server.db_url, "lesson", "publish", "--title", "区里的课", "--url", "https://dj.example.cn/v/9")
    again = as_json(cli("--db", db, "sync", "--json"))
    assert again == {"pushed": 0, "pulled": 1, "conflicts": 0, "rejected": 0}

    status = as_json(cli("--db", db, "sync", "status", "--json"))
    assert status["enrolled"] is True and status["server_url"] == server.url
    assert status["branch_name"] == "河东村党支部" and status["device_name"] == "办公室电脑"
    assert status["pending"] == 0 and status["last_error"] is None and status["last_success_at"]

    text = cli("--db", db, "sync").stdout
    assert "同步完成" in text
    assert as_json(cli("--db", db, "sync", "conflicts", "--json")) == {"count": 0, "conflicts": []}
    assert as_json(cli("--db", db, "sync", "rejections", "--json")) == {"count": 0, "rejections": []}


def test_sync_cli_exits_3_when_the_server_is_down_or_refuses(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    db = tmp_path / "office.db"

    wrong = cli("--db", db, "sync", "--server", server.url, "--enroll", "WRONGCODE1", "--json", check_code=3)
    answer = as_json(wrong)
    assert "登记码" in answer["error"] and "登记码" in wrong.stderr
    assert as_json(cli("--db", db, "sync", "status", "--json"))["enrolled"] is False

    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    as_json(cli("--db", db, "sync", "--enroll", branch["enrollment_code"], "--json"))  # the saved address

    dead = f"http://127.0.0.1:{free_port()}"
    down = cli("--db", db, "sync", "--server", dead, "--json", check_code=3)
    message = as_json(down)["error"]
    assert "连不上区里的服务器" in message and "错误：" in down.stderr
    status = as_json(cli("--db", db, "sync", "status", "--json"))
    assert status["last_error"] == message and status["server_url"] == dead

    # the district revokes this computer: refused, exit 3, and the message says to enroll again
    cli("--db", db, "sync", "--server", server.url, "--json")
    admin(server.db_url, "branch", "revoke", branch["branch_id"])
    revoked = cli("--db", db, "sync", "--json", check_code=3)
    assert json.loads(revoked.stdout)["error"] and "登记" in revoked.stderr


def test_sync_cli_before_enrolling_says_what_to_do(tmp_path: Path) -> None:
    done = cli("--db", tmp_path / "office.db", "sync", "--json", check_code=1)
    assert "还没有登记" in as_json(done)["error"]
    usage = cli("--db", tmp_path / "office.db", "sync", "--enroll", "CODE", "--json", check_code=2)
    assert "--server" in as_json(usage)["error"]
