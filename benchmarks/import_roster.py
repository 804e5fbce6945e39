"""Importing a 10,000-row XLSX roster versus just reading it, same run: a bare openpyxl read-only read
and a bare python-calamine read (what the importer reads with).

Targets: the whole import (read + check + write) ≤ 1.0× the bare openpyxl read, and ≤ 5 s.
Run: .venv/bin/python -m benchmarks.import_roster
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from core.roster.demo_data import generate_demo_branch
from core.roster.export import HEADERS, member_cells
from core.roster.importer import apply_import, plan_import
from core.store import Store


def write_roster(path: Path, rows: int) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["某某村党支部党员花名册"])
    ws.append(HEADERS)
    for member in generate_demo_branch(members=rows, seed=2024).members:
        ws.append(member_cells(member, show_id_numbers=True))
    wb.save(path)


def bare_read(path: Path) -> float:
    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for _row in wb.active.iter_rows(values_only=True):
        pass
    wb.close()
    return time.perf_counter() - start


def bare_calamine_read(path: Path) -> float:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    with CalamineWorkbook.from_path(path) as wb:
        for _row in wb.get_sheet_by_name(wb.sheet_names[0]).iter_rows():
            pass
    return time.perf_counter() - start


def full_import(path: Path, db: Path) -> tuple[float, int]:
    start = time.perf_counter()
    store = Store.open(db)
    plan = plan_import(store, path)
    result = apply_import(store, plan)
    store.close()
    return time.perf_counter() - start, result.inserted


def main(rows: int = 10_000, repeats: int = 3) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        sheet = Path(tmp) / "roster.xlsx"
        write_roster(sheet, rows)
        reads, calamine_reads, imports = [], [], []
        for attempt in range(repeats):
            reads.append(bare_read(sheet))
            calamine_reads.append(bare_calamine_read(sheet))
            seconds, inserted = full_import(sheet, Path(tmp) / f"run{attempt}.db")
            assert inserted == rows, inserted
            imports.append(seconds)
    read_s, calamine_s, import_s = (statistics.median(x) for x in (reads, calamine_reads, imports))
    ratio = import_s / read_s
    print(f"rows: {rows}")
    print(f"openpyxl read-only read: {read_s:.2f} s (median of {repeats})")
    print(f"calamine read: {calamine_s:.3f} s (median of {repeats})")
    print(f"import (read + check + write): {import_s:.2f} s (median of {repeats}); "
          f"{import_s / calamine_s:.1f}× the bare calamine read")
    print(f"import vs. bare openpyxl read: {ratio:.2f}× (target ≤ 1.0×)   absolute {import_s:.2f} s (target ≤ 5 s)")
    ok = import_s <= 5 and ratio <= 1.0
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
