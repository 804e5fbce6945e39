"""Sync by file (同步包) for a large branch: a first package of 50,000 records exported on the branch
PC, applied at the district by the real ``python -m server package apply`` process (server database on
SQLite), and its reply imported back. Targets: export ≤ 10 s, apply ≤ 20 s (as an online first push), import ≤ 10 s.

Run: .venv/bin/python -m benchmarks.sync_package [--records N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.sync_first_push import enrolled_branch
from core.sync.package_export import export_package
from core.sync.package_import import import_package
from tests.sync_server import admin_run

TARGETS = {"export": 10.0, "apply": 20.0, "import": 10.0}


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def main(records: int = 50_000) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with enrolled_branch(folder, records) as (server, store, total):
            print(f"branch: {total} rows to send ({store.dirty_count()} dirty)")
            package, reply = folder / "同步包.zbsync", folder / "回执.zbsync"

            start = time.perf_counter()
            exported = export_package(store, package)
            export_s = time.perf_counter() - start
            print(f"export: {exported.records} records in {exported.batches} batches, {_mb(exported.bytes)}, "
                  f"{export_s:.1f} s (target ≤ {TARGETS['export']:.0f} s)")

            start = time.perf_counter()
            done = admin_run(server.db_url, "package", "apply", str(package), "--reply", str(reply), "--json")
            apply_s = time.perf_counter() - start
            if done.returncode != 0:
                print(done.stdout, done.stderr, sep="\n")
                return 1
            applied = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"apply (python -m server package apply, process start included): {applied['pushed']} records taken, "
                  f"{applied['rejected']} rejected, reply {_mb(reply.stat().st_size)}, {apply_s:.1f} s "
                  f"(target ≤ {TARGETS['apply']:.0f} s)")

            start = time.perf_counter()
            imported = import_package(store, reply)
            import_s = time.perf_counter() - start
            print(f"import: {imported.pushed} answered, {imported.pulled} pulled, {imported.conflicts} conflicts, "
                  f"{import_s:.1f} s (target ≤ {TARGETS['import']:.0f} s)")
            left = store.dirty_count()
        total_s = export_s + apply_s + import_s
        print(f"whole round: {total_s:.1f} s = {exported.records / total_s:,.0f} records/s; {left} rows still to send")
    ok = (left == 0 and applied["rejected"] == 0 and export_s <= TARGETS["export"]
          and apply_s <= TARGETS["apply"] and import_s <= TARGETS["import"])
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    sys.exit(main(parser.parse_args().records))
