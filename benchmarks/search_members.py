"""Search over 50,000 members (target: median ≤ 20 ms per search).

A search is a scan of the in-memory ``MemberIndex`` (what a keystroke in the roster costs); the
one-off cost of loading the members and building the index is printed separately.
Run: .venv/bin/python -m benchmarks.search_members
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from core.roster.demo import load_demo
from core.roster.search import MemberIndex, filter_members, search_members
from core.store import Store

QUERIES = ["zs", "wang", "lgl", "张", "桂兰", "1234", "0521", "zhangjian", "x", "ma", "13", "21X"]


def main(members: int = 50_000, rounds: int = 7) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "big.db")
        load_demo(store, members=members, seed=9)
        start = time.perf_counter()
        rows = filter_members(store)
        index = MemberIndex(rows)
        build = time.perf_counter() - start
        timings: dict[str, list[float]] = {q: [] for q in QUERIES}
        counts: dict[str, int] = {}
        for _ in range(rounds):
            for query in QUERIES:
                start = time.perf_counter()
                counts[query] = len(index.search(query))
                timings[query].append(time.perf_counter() - start)
        start = time.perf_counter()
        search_members(store, "zs")
        whole = time.perf_counter() - start
        store.close()
    print(f"members: {members}; each search repeated {rounds} times")
    print(f"load members + build index (once per roster change): {build * 1000:.0f} ms")
    for query in QUERIES:
        print(f"  search {query!r:12} {statistics.median(timings[query]) * 1000:6.2f} ms  ({counts[query]} matches)")
    overall = statistics.median([t for ts in timings.values() for t in ts]) * 1000
    print(f"CLI path (load from database + search 'zs'): {whole * 1000:.0f} ms")
    print(f"median search: {overall:.2f} ms (target ≤ 20 ms)")
    print("PASS" if overall <= 20 else "MISS")
    return 0 if overall <= 20 else 1


if __name__ == "__main__":
    sys.exit(main())
