"""The command line as scripts use it: real processes, real files, JSON on stdout, exit codes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from core.roster.demo_data import generate_demo_branch
from core.roster.export import HEADERS, member_cells
from tests.e2e.run_cli import ROOT, as_json, cli
from tests.support import MESSY_BAD_ROWS, write_messy_roster


def test_demo_then_search_by_initials(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    made = as_json(cli("--db", db, "demo", "--members", "200", "--json"))
    assert made["members"] == 200 and made["lessons"] == 8 and made["pairings"] > 0 and made["visits"] > 0
    everyone = as_json(cli("--db", db, "members", "--json"))
    assert everyone["count"] == 200
    expected = {m["id"] for m in everyone["members"] if m["initials"].startswith("zs")}
    found = as_json(cli("--db", db, "members", "--search", "zs", "--json"))
    assert found["count"] == len(found["members"]) == len(expected)
    assert {m["id"] for m in found["members"]} == expected
    for m in found["members"]:
        assert m["id_number"][6:14] == "********"
    exact = [m["initials"] == "zs" for m in found["members"]]
    assert exact == sorted(exact, reverse=True)  # exact initials first


def test_demo_refuses_a_filled_database(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    cli("--db", db, "demo", "--members", "5")
    done = cli("--db", db, "demo", "--json", check_code=1)
    assert "演示数据只能放入空数据库" in as_json(done)["error"]


def test_messy_import_dry_run_apply_and_again(tmp_path: Path) -> None:
    db, sheet, errors = tmp_path / "m.db", tmp_path / "messy.xlsx", tmp_path / "errors.xlsx"
    write_messy_roster(sheet)
    dry = as_json(cli("--db", db, "import-roster", sheet, "--dry-run", "--json"))
    assert {(e["row"], e["field"]) for e in dry["errors"]} == set(MESSY_BAD_ROWS.items())
    assert (dry["rows"], dry["valid"], dry["inserted"]) == (9, 5, 5)
    assert as_json(cli("--db", db, "members", "--json"))["count"] == 0

    applied = as_json(cli("--db", db, "import-roster", sheet, "--errors", errors, "--json"))
    assert (applied["inserted"], applied["updated"]) == (5, 0)
    assert as_json(cli("--db", db, "members", "--json"))["count"] == 5
    assert openpyxl.load_workbook(errors).active.max_row == 1 + len(MESSY_BAD_ROWS)

    again = as_json(cli("--db", db, "import-roster", sheet, "--on-duplicate", "overwrite", "--json"))
    assert (again["inserted"], again["updated"], again["skipped"]) == (0, 0, 5)
    assert as_json(cli("--db", db, "members", "--json"))["count"] == 5


def test_unreadable_file_exit_code_and_message(tmp_path: Path) -> None:
    bad = tmp_path / "roster.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    done = cli("--db", tmp_path / "x.db", "import-roster", bad, check_code=1)
    assert "xlsx" in done.stderr and "Traceback" not in done.stderr
    assert cli("--db", tmp_path / "x.db", "no-such-command", check_code=2).returncode == 2


def test_export_round_trip_and_masking(tmp_path: Path) -> None:
    db, copy = tmp_path / "a.db", tmp_path / "b.db"
    cli("--db", db, "demo", "--members", "60", "--seed", "5")
    cli("--db", db, "export-roster", tmp_path / "full.xlsx", "--show-id-numbers")
    cli("--db", db, "export-roster", tmp_path / "masked.csv")
    assert "********" in (tmp_path / "masked.csv").read_text(encoding="utf-8-sig")
    result = as_json(cli("--db", copy, "import-roster", tmp_path / "full.xlsx", "--json"))
    assert result["inserted"] == 60 and result["errors"] == []

    def fields(path: Path) -> list[dict]:
        members = as_json(cli("--db", path, "members", "--json"))["members"]
        return sorted(({k: v for k, v in m.items() if k != "id"} for m in members), key=lambda m: m["id_number"])

    assert fields(copy) == fields(db)


def test_backup_and_restore(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    cli("--db", db, "demo", "--members", "30")
    backup = Path(as_json(cli("--db", db, "backup", "--json"))["path"])
    assert backup.exists()
    sheet = tmp_path / "messy.xlsx"
    write_messy_roster(sheet)
    cli("--db", db, "import-roster", sheet)
    assert as_json(cli("--db", db, "members", "--json"))["count"] == 35
    restored = as_json(cli("--db", db, "restore", backup, "--json"))
    assert as_json(cli("--db", db, "members", "--json"))["count"] == 30
    assert Path(restored["previous_saved_as"]).exists()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"nope" * 1000)
    cli("--db", db, "restore", garbage, check_code=1)
    assert as_json(cli("--db", db, "members", "--json"))["count"] == 30


def _big_roster(path: Path, rows: int) -> None:
    branch = generate_demo_branch(members=rows, seed=11)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADERS)
    for member in branch.members:
        ws.append(member_cells(member, show_id_numbers=True))
    wb.save(path)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_import_killed_part_way_leaves_none_or_all(tmp_path: Path) -> None:
    sheet = tmp_path / "big.xlsx"
    rows = 6000
    _big_roster(sheet, rows)
    db = tmp_path / "k.db"
    cli("--db", db, "members")  # create the empty database
    killed_while_writing = 0
    for attempt in range(3):
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), "import-roster", str(sheet)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        )
        assert proc.stderr is not None
        deadline = time.monotonic() + 120
        for line in proc.stderr:
            if "正在写入数据库" in line:
                time.sleep(0.05 * attempt)
                break
            assert time.monotonic() < deadline
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if proc.returncode == -signal.SIGKILL:
            killed_while_writing += 1
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM members").fetchone()[0]
        conn.close()
        assert count in (0, rows)
        if count == rows:
            break
    assert killed_while_writing >= 1
