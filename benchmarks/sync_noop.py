"""A sync with nothing to do — the cost of the scheduled sync every few minutes: median of 20 syncs of a
branch of 10,000 rows already in step with a real district server on SQLite (target ≤ 200 ms).

Run: .venv/bin/python -m benchmarks.sync_noop
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.sync_first_push import enrolled_branch
from core.sync.run import sync


def main(records: int = 10_000, rounds: int = 20) -> int:
    with tempfile.TemporaryDirectory() as tmp, enrolled_branch(Path(tmp), records) as (_server, store, total):
        sync(store)
        print(f"branch: {total} rows, in step with the server")
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            result = sync(store)
            timings.append(time.perf_counter() - start)
            assert (result.pushed, result.pulled) == (0, 0), result
    median_ms = statistics.median(timings) * 1000
    print(f"no-op sync (info + dirty scan + one empty pull page): median {median_ms:.0f} ms, "
          f"worst {max(timings) * 1000:.0f} ms over {rounds} (target ≤ 200 ms)")
    ok = median_ms <= 200
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
