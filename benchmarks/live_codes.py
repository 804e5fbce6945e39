"""活码 under load: 200 phones scanning one branch's lesson code at the same moment, against the real
server (`serve --workers 2`) on PostgreSQL through loopback; then phone check-ins of distinct members.

Prints the p50/p95/max latency of one scan over the bursts (target p95 ≤ 50 ms), whether every scan
sent was counted (the scans reach ``scan_counts`` within a few seconds, and a pull publishes them),
and check-ins per second. The phones are threads with their connection open before the burst, released
together by a barrier; the machine's cores are shared by the phones and the server.

Needs a PostgreSQL admin URL in ZHIBU_TEST_PG_URL (scripts/postgres.sh prints one); a fresh database
is made and dropped.

Run: ZHIBU_TEST_PG_URL=postgresql+psycopg://zhibu:zhibu@127.0.0.1:5432/postgres \\
     .venv/bin/python -m benchmarks.live_codes [--phones 200] [--bursts 5] [--checkins 200]
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from server.db import Database, scan_counts
from server.migrations import migrate
from tests.server.api import Device, enrolled
from tests.server.live_records import lesson, live_code, phone_member, pulled
from tests.sync_server import PG_ENV, create_pg_database, drop_pg_database, free_port, start_server

P95_TARGET_MS = 50.0


def burst(host: str, port: int, path: str, phones: int) -> list[float]:
    """``phones`` scans released at once; each one's latency in milliseconds."""
    barrier = threading.Barrier(phones)

    def one_phone(_n: int) -> float:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        conn.connect()
        try:
            barrier.wait()
            began = time.perf_counter()
            conn.request("GET", path)
            answer = conn.getresponse()
            answer.read()
            if answer.status != 200:
                raise RuntimeError(f"scan answered {answer.status}")
            return (time.perf_counter() - began) * 1000
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=phones) as pool:
        return list(pool.map(one_phone, range(phones)))


def check_ins(host: str, port: int, path: str, people: list[tuple[str, str]], clients: int) -> float:
    """Every person checks in once, ``clients`` at a time; check-ins per second."""
    def one(person: tuple[str, str]) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        body = urllib.parse.urlencode({"name": person[0], "phone_tail": person[1]})
        conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})
        answer = conn.getresponse()
        text = answer.read().decode("utf-8")
        conn.close()
        if answer.status != 200 or "登记成功" not in text:
            raise RuntimeError(f"check-in answered {answer.status}")

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(one, people))
    return len(people) / (time.perf_counter() - began)


def bare_floor(phones: int, bursts: int) -> float:
    """p95 of the same bursts against a bare uvicorn answer (``benchmarks.bare_answer``), 2 workers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "benchmarks.bare_answer:app", "--port", str(port), "--workers", "2",
         "--log-level", "warning"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                burst("127.0.0.1", port, "/", 4)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        burst("127.0.0.1", port, "/", min(20, phones))
        latencies = sorted(x for _ in range(bursts) for x in burst("127.0.0.1", port, "/", phones))
    finally:
        process.terminate()
        process.wait(timeout=10)
    return latencies[max(0, round(0.95 * len(latencies)) - 1)]


def counted(db: Database, code: str, expected: int, timeout: float = 15.0) -> int:
    deadline = time.monotonic() + timeout
    while True:
        with db.read() as conn:
            total = int(conn.execute(select(func.coalesce(func.sum(scan_counts.c.scans), 0))
                                     .where(scan_counts.c.code == code)).scalar_one())
        if total >= expected or time.monotonic() > deadline:
            return total
        time.sleep(0.2)


def prepare(office: Device, people: int) -> tuple[str, list[tuple[str, str]]]:
    course = lesson(office.branch_id, "乡村振兴微党课第一讲")
    code = live_code(office.branch_id, course["id"])
    members = [phone_member(office.branch_id, f"党员{n:03d}", f"13800{n:06d}") for n in range(people)]
    for start in range(0, len(members), 400):
        office.push(members[start:start + 400])
    office.push([course, code])
    return code["data"]["code"], [(f"党员{n:03d}", f"{n:06d}"[-4:]) for n in range(people)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--bursts", type=int, default=5)
    parser.add_argument("--checkins", type=int, default=200)
    args = parser.parse_args()
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        print(f"{PG_ENV} is not set: run scripts/postgres.sh and pass the URL it prints.")
        return 2
    db_url = create_pg_database(admin_url)
    try:
        db = Database(db_url)
        migrate(db)
        server = start_server(db_url, env={"ZHIBU_WORKERS": "2"}, timeout=30)
        try:
            office = enrolled(server, "河东村党支部")
            code, people = prepare(office, args.checkins)
            host, port = "127.0.0.1", server.port
            burst(host, port, f"/q/{code}", min(20, args.phones))  # warm both workers' pools
            warm = counted(db, code, min(20, args.phones))
            latencies: list[float] = []
            for _ in range(args.bursts):
                latencies += burst(host, port, f"/q/{code}", args.phones)
            sent = len(latencies)
            total = counted(db, code, warm + sent) - warm
            published = sum(d["data"]["scans"] for d in pulled(office, "qr_scan_days"))
            rate = check_ins(host, port, f"/q/{code}", people, clients=20)
        finally:
            server.stop()
            db.dispose()
    finally:
        drop_pg_database(admin_url, db_url)
    floor = bare_floor(args.phones, args.bursts)
    ordered = sorted(latencies)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{args.bursts} bursts of {args.phones} simultaneous scans, PostgreSQL, serve --workers 2, loopback")
    print(f"scan latency p50 {statistics.median(ordered):.1f} ms, max {ordered[-1]:.1f} ms")
    print(f"scan latency p95 {p95:.1f} ms (target ≤ {P95_TARGET_MS:.0f} ms)")
    print(f"the machine's floor, the same bursts against a bare uvicorn answer: p95 {floor:.1f} ms")
    print(f"scans counted {total} of {sent} sent; published to the branch at pull: {published - warm} "
          f"(target: all {sent})")
    print(f"check-ins: {rate:.0f} per second ({args.checkins} members, 20 phones at a time)")
    ok = p95 <= P95_TARGET_MS and total == sent and published - warm == sent
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
