"""``serve --workers N``: several uvicorn processes over one database, each with its share of the sync
limit; the app factory the workers call; migrations done once by the parent."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from server import config
from server.asgi import create_from_env
from server.limits import SyncLimiter
from server.serve import worker_environment
from tests.server.api import Device, enrolled, member
from tests.sync_server import start_server


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _identity(pid: int) -> tuple[int, str] | None:
    """(pid, start time): a pid the system reuses later is another process."""
    try:
        return pid, Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _alive(identity: tuple[int, str]) -> bool:
    try:
        status = Path(f"/proc/{identity[0]}/status").read_text()
    except OSError:
        return False
    return _identity(identity[0]) == identity and "zombie" not in status


def _workers(pid: int) -> list[int]:
    found = []
    for child in _children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
        except OSError:
            continue
    return found


def test_each_worker_gets_its_share_of_the_sync_limit() -> None:
    assert config.process_max_syncs(20, 1) == 20
    assert config.process_max_syncs(20, 2) == 10
    assert config.process_max_syncs(20, 3) == 7  # rounded up: 21 in all
    assert config.process_max_syncs(1, 4) == 1


def test_workers_and_forwarded_ips_from_arguments_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(config.ENV_WORKERS, raising=False)
    monkeypatch.delenv(config.ENV_FORWARDED_ALLOW_IPS, raising=False)
    assert config.workers(None) == 1 and config.workers(3) == 3 and config.workers(0) == 1
    assert config.forwarded_allow_ips(None) == "127.0.0.1,::1"
    monkeypatch.setenv(config.ENV_WORKERS, "4")
    monkeypatch.setenv(config.ENV_FORWARDED_ALLOW_IPS, "10.0.0.5")
    assert config.workers(None) == 4 and config.workers(2) == 2
    assert config.forwarded_allow_ips(None) == "10.0.0.5"
    monkeypatch.setenv(config.ENV_WORKERS, "many")
    assert config.workers(None) == 1


def test_the_factory_reads_the_environment_serve_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = config.ServeSettings(database_url=f"sqlite:///{tmp_path / 'district.db'}", max_syncs=20, workers=3)
    for key, value in worker_environment(settings).items():
        monkeypatch.setenv(key, value)
    app = create_from_env()  # migrates a database nobody migrated yet
    try:
        limits = [m.kwargs["limit"] for m in app.user_middleware if m.cls is SyncLimiter]
        assert limits == [7]
        assert app.state.district_name == config.DEFAULT_DISTRICT_NAME
    finally:
        app.state.db.dispose()


def test_several_workers_share_one_database(server_db_url: str) -> None:
    with start_server(server_db_url, env={config.ENV_WORKERS: "2"}) as server:
        assert len(_workers(server.process.pid)) == 2
        offices: list[Device] = [enrolled(server, f"第{i}支部") for i in range(4)]

        def push_all(office: Device) -> list[str]:
            ids = []
            for batch in range(5):
                rows = [member(office.branch_id, f"党员{batch}-{i}") for i in range(20)]
                results = office.push(rows, batch_id=str(uuid.uuid4()))
                assert {r["status"] for r in results} == {"ok"}
                ids += [r["id"] for r in rows]
            return ids

        with ThreadPoolExecutor(len(offices)) as pool:
            pushed = list(pool.map(push_all, offices))

        versions: list[int] = []
        for office, ids in zip(offices, pushed, strict=True):
            records = office.pull_all()
            assert sorted(r["id"] for r in records) == sorted(ids)  # each branch sees only its own
            assert [r["version"] for r in records] == sorted(r["version"] for r in records)
            versions += [r["version"] for r in records]
        assert len(set(versions)) == 400  # one server-wide sequence across the processes
        children = [i for i in map(_identity, _children(server.process.pid)) if i is not None]
    # SIGTERM to the parent stops the workers too (multiprocessing's resource tracker follows shortly).
    deadline = time.monotonic() + 10
    while any(map(_alive, children)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [c for c in children if _alive(c)]
