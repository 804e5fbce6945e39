"""Many branches at once: writers queue instead of failing, versions stay unique, and a reader that
pulls while others push never skips a row (versions become visible in order)."""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from tests.server.api import Device, enrolled, member, second_device
from tests.sync_server import RunningServer, admin


def _push_batches(device: Device, batches: int, size: int) -> list[int]:
    versions = []
    for _ in range(batches):
        results = device.push([member(device.branch_id, "并发") for _ in range(size)])
        assert {r["status"] for r in results} == {"ok"}
        versions += [r["version"] for r in results]
    return versions


def test_concurrent_pushes_and_a_pull_that_never_skips(district_server: RunningServer) -> None:
    devices = [enrolled(district_server, f"支部{i}") for i in range(4)]
    devices += [second_device(devices[0], "第二台电脑")]  # two writers in one branch
    watcher = devices[0]
    seen: list[dict] = []
    stop = threading.Event()

    def watch() -> None:
        cursor = 0
        while True:
            page = watcher.pull(cursor, limit=50)
            seen.extend(page["records"])
            cursor = page["next"]
            if stop.is_set() and not page["more"]:
                return

    reader = threading.Thread(target=watch)
    reader.start()
    try:
        with ThreadPoolExecutor(len(devices) + 1) as pool:
            jobs = [pool.submit(_push_batches, device, 6, 80) for device in devices]
            lessons = pool.submit(
                lambda: [
                    admin(district_server.db_url, "lesson", "publish", "--title", f"课{i}", "--url", "https://v.cn/x")
                    for i in range(2)
                ]
            )
            all_versions = [v for job in jobs for v in job.result()]
            lessons.result()
    finally:
        time.sleep(0.2)
        stop.set()
        reader.join(60)
    assert len(all_versions) == len(set(all_versions)) == 5 * 6 * 80

    everything = watcher.pull_all()
    assert len(everything) == 2 * 6 * 80 + 2  # the branch's two devices and the district's lessons
    assert [r["id"] for r in seen] == [r["id"] for r in everything]
    versions = [r["version"] for r in everything]
    assert versions == sorted(set(versions))


def test_a_killed_server_keeps_every_batch_whole(district_server: RunningServer) -> None:
    office = enrolled(district_server)
    rows = [member(office.branch_id, f"党员{i}") for i in range(500)]
    batch_id = str(uuid.uuid4())
    sender = threading.Thread(target=lambda: _ignore_errors(office, rows, batch_id))
    sender.start()
    time.sleep(0.05)
    district_server.kill()
    sender.join(60)
    district_server.restart()

    pulled = office.pull_all()
    assert len(pulled) in (0, 500)  # all of the batch or nothing
    results = office.push(rows, batch_id=batch_id)  # the client sends the same batch again
    assert {r["status"] for r in results} == {"ok"}
    pulled = office.pull_all()
    assert sorted(r["id"] for r in pulled) == sorted(r["id"] for r in rows)
    by_id = {r["id"]: r["version"] for r in pulled}
    assert [r["version"] for r in results] == [by_id[r["id"]] for r in rows]


def _ignore_errors(device: Device, rows: list[dict], batch_id: str) -> None:
    with contextlib.suppress(Exception):  # the server is killed under it
        device.push_raw(rows, batch_id=batch_id)
