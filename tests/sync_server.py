"""The real district server for tests: a process on 127.0.0.1, the admin CLI, and a fresh database
per test on SQLite (always) and PostgreSQL (when ``ZHIBU_TEST_PG_URL`` names an admin URL, e.g.
``postgresql+psycopg://zhibu:zhibu@127.0.0.1:5432/postgres``).

Use from any test module::

    from tests.sync_server import district_server, server_db_url  # noqa: F401  (fixtures)
    from tests.sync_server import admin, enroll, start_server

``server_db_url`` is parametrized ``[sqlite]`` / ``[postgresql]`` (the latter skipped without the
environment variable); ``district_server`` is a started ``RunningServer`` over it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
PG_ENV = "ZHIBU_TEST_PG_URL"
_SERVER_ENV = ("ZHIBU_SERVER_DB", "ZHIBU_MAX_SYNCS", "ZHIBU_DISTRICT_NAME", "ZHIBU_ADMIN_PASSWORD")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SERVER_ENV}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra or {})
    return env


@dataclass
class RunningServer:
    """A ``python -m server serve`` process; ``url`` is its base address (no trailing slash)."""

    url: str
    db_url: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    options: dict[str, Any] = field(default_factory=dict)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def running(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        """A graceful stop (SIGTERM, then SIGKILL after ``timeout``)."""
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process.wait()

    def kill(self) -> None:
        """A crash: SIGKILL, no cleanup (the tests kill it mid-sync)."""
        if self.running():
            self.process.kill()
        self.process.wait()

    def restart(self, timeout: float = 15.0) -> RunningServer:
        """Stop (if running) and start again on the same port and database; returns self."""
        self.stop()
        self.process = _spawn(self.db_url, self.port, self.log_path, self.options)
        _wait_ready(self, timeout)
        return self

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _spawn(db_url: str, port: int, log_path: Path, options: dict[str, Any]) -> subprocess.Popen[bytes]:
    args = ["--database-url", db_url, "serve", "--host", "127.0.0.1", "--port", str(port)]
    if options.get("max_syncs") is not None:
        args += ["--max-syncs", str(options["max_syncs"])]
    if options.get("district_name"):
        args += ["--district-name", options["district_name"]]
    extra = dict(options.get("env") or {})
    if options.get("admin_password"):
        extra["ZHIBU_ADMIN_PASSWORD"] = options["admin_password"]
    log = log_path.open("ab")
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "server", *args], cwd=ROOT, env=_env(extra),
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        )
    finally:
        log.close()


def _wait_ready(server: RunningServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.running():
            raise RuntimeError(f"server exited with {server.process.returncode}:\n{server.log()}")
        try:
            if requests.get(f"{server.url}/api/v1/info", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    server.kill()
    raise RuntimeError(f"server did not answer within {timeout} s:\n{server.log()}")


def start_server(
    db_url: str,
    *,
    port: int | None = None,
    max_syncs: int | None = None,
    district_name: str | None = None,
    admin_password: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 15.0,
) -> RunningServer:
    """Start the real server on 127.0.0.1 and wait until ``/api/v1/info`` answers."""
    port = port or free_port()
    log_path = Path(tempfile.mkdtemp(prefix="zhibu-server-")) / "server.log"
    options = {"max_syncs": max_syncs, "district_name": district_name, "admin_password": admin_password, "env": env}
    server = RunningServer(
        f"http://127.0.0.1:{port}", db_url, port, _spawn(db_url, port, log_path, options), log_path, options
    )
    _wait_ready(server, timeout)
    return server


# -- the admin CLI --------------------------------------------------------------------------------


def admin_run(db_url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m server --database-url URL *args`` as a process."""
    return subprocess.run(
        [sys.executable, "-m", "server", "--database-url", db_url, *args],
        cwd=ROOT, env=_env(env), capture_output=True, text=True, timeout=120,
    )


def admin(db_url: str, *args: str, expect_code: int = 0) -> dict[str, Any]:
    """Run an admin command with ``--json``; its one JSON object (asserting the exit code)."""
    done = admin_run(db_url, *args, "--json")
    assert done.returncode == expect_code, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout
    return json.loads(lines[0])


def new_branch(db_url: str, name: str) -> dict[str, Any]:
    """``branch add``: {"branch_id", "enrollment_code"}."""
    return admin(db_url, "branch", "add", "--name", name)


def enroll(server_url: str, code: str, device_name: str = "支部办公室电脑") -> dict[str, Any]:
    """``POST /api/v1/enroll``: {"branch_id", "branch_name", "token", "device_id"}."""
    answer = requests.post(f"{server_url}/api/v1/enroll", json={"code": code, "device_name": device_name}, timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()


# -- a fresh database per test ----------------------------------------------------------------------


def _psycopg_conninfo(sqlalchemy_url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(sqlalchemy_url).set(drivername="postgresql").render_as_string(hide_password=False)


def create_pg_database(admin_url: str) -> str:
    """A new empty database next to ``admin_url``'s; returns its SQLAlchemy URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"zhibu_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_psycopg_conninfo(admin_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(admin_url: str, db_url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(db_url).database
    with psycopg.connect(_psycopg_conninfo(admin_url), autocommit=True) as conn:
        for attempt in range(40):
            try:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
                # an autovacuum worker (not ours to terminate) is still in the database: it leaves soon
                if attempt == 39:
                    raise
                time.sleep(0.25)


DB_PARAMS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql", id="postgresql",
        marks=pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"set {PG_ENV} to test on PostgreSQL"),
    ),
]


def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """Yield the URL of a new empty database of ``kind``; drop it afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'district.db'}"
        return
    admin_url = os.environ[PG_ENV]
    url = create_pg_database(admin_url)
    try:
        yield url
    finally:
        drop_pg_database(admin_url, url)


def database_url_fixture(name: str, scope: str = "function") -> Any:
    """A fixture called ``name``: a fresh database URL per test (or per ``scope``), over both kinds."""

    @pytest.fixture(scope=scope, params=DB_PARAMS, name=name)  # type: ignore[call-overload]
    def _database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
        yield from fresh_database(request.param, tmp_path_factory.mktemp("district"))

    return _database_url


server_db_url = database_url_fixture("server_db_url")


@pytest.fixture(name="district_server")
def district_server(server_db_url: str) -> Iterator[RunningServer]:
    """The real server over a fresh database (both kinds), stopped after the test."""
    server = start_server(server_db_url)
    try:
        yield server
    finally:
        server.stop()
