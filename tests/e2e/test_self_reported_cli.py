"""Self-reported study (扫码自报) and live-code scans through the command line, after sync has brought
them: study list --self-reported and its JSON, voiding a check-in, lessons list with scans, and the
report's scans against study."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from core.store import Store
from tests.core.live_study import check_in, pull_rows, scan_day
from tests.e2e.run_cli import as_json, cli

CODE = "HD7K2M9Q"


@pytest.fixture
def branch(tmp_path: Path) -> dict[str, object]:
    """40 members, two lessons; four members studied 课甲 in a group on 2026-11-10; two checked in
    from the phone (课甲 on 2026-11-12, 课乙 on 2026-11-13); 课甲's code was scanned 5 + 6 times in
    November and 8 times in October, 课乙's code 3 times in November."""
    db = tmp_path / "b.db"
    cli("--db", db, "demo", "--members", "40", "--roster-only")
    first = as_json(cli("--db", db, "lessons", "add", "--title", "课甲", "--minutes", "20", "--json"))["id"]
    second = as_json(cli("--db", db, "lessons", "add", "--title", "课乙", "--minutes", "15", "--json"))["id"]
    members = [m["id"] for m in as_json(cli("--db", db, "members", "--status", "active", "--json"))["members"][:6]]
    cli("--db", db, "study", "record", "--lesson", first, "--members", ",".join(members[:4]),
        "--date", "2026-11-10", "--method", "group", "--json")
    store = Store.open(db)
    try:
        pull_rows(store, [
            check_in(store, members[4], first, "2026-11-12", minutes=20),
            check_in(store, members[5], second, "2026-11-13", minutes=15),
            scan_day(store, CODE, "2026-11-12", first, 5),
            scan_day(store, CODE, "2026-11-13", first, 6),
            scan_day(store, CODE, "2026-10-30", first, 8),
            scan_day(store, "WX3P5RTA", "2026-11-13", second, 3),
        ])
    finally:
        store.close()
    return {"db": db, "first": first, "second": second, "members": members}


def test_study_list_marks_and_filters_self_reported_records(branch: dict[str, object]) -> None:
    db, members = branch["db"], branch["members"]
    every = as_json(cli("--db", db, "study", "list", "--json"))
    assert every["count"] == 6
    assert {r["member_id"]: r["self_reported"] for r in every["records"]} == {
        **dict.fromkeys(members[:4], False), members[4]: True, members[5]: True}  # type: ignore[index]
    mine = as_json(cli("--db", db, "study", "list", "--self-reported", "--json"))
    assert [(r["lesson"], r["date"], r["method"], r["entered_by"], r["self_reported"]) for r in mine["records"]] == [
        ("课乙", "2026-11-13", "self_scan", "扫码自报", True), ("课甲", "2026-11-12", "self_scan", "扫码自报", True)]
    text = cli("--db", db, "study", "list", "--self-reported").stdout
    assert "共 2 条扫码自报的学习记录" in text and text.count("自学扫码 · 扫码自报") == 2
    one = as_json(cli("--db", db, "study", "list", "--self-reported", "--lesson", "课甲", "--json"))
    assert [r["member_id"] for r in one["records"]] == [members[4]]  # type: ignore[index]

    voided = mine["records"][1]["id"]
    cli("--db", db, "study", "void", voided, "--reason", "本人当天不在村里")
    assert as_json(cli("--db", db, "study", "list", "--self-reported", "--json"))["count"] == 1
    kept = as_json(cli("--db", db, "study", "list", "--self-reported", "--voided", "--json"))["records"]
    assert {(r["id"], r["voided"], r["void_reason"]) for r in kept if r["voided"]} == {
        (voided, True, "本人当天不在村里")}


def test_lessons_list_and_the_report_give_the_scans(branch: dict[str, object], tmp_path: Path) -> None:
    db, first, second = branch["db"], branch["first"], branch["second"]
    lessons = {x["id"]: x for x in as_json(cli("--db", db, "lessons", "list", "--json"))["lessons"]}
    assert (lessons[first]["scans"], lessons[first]["studied"]) == (19, 5)  # all time; the check-in counts
    assert (lessons[second]["scans"], lessons[second]["studied"]) == (3, 1)
    assert "扫码 19 次" in cli("--db", db, "lessons", "list").stdout

    out = tmp_path / "台账.xlsx"
    report = as_json(cli("--db", db, "report", "study", "--period", "2026-11", "-o", out, "--json"))
    assert (report["records"], report["scans"], report["self_reported"]) == (6, 14, 2)
    assert [(s["title"], s["scans"], s["records"], s["self_reported"]) for s in report["lesson_scans"]] == [
        ("课甲", 11, 5, 1), ("课乙", 3, 1, 1)]
    wb = openpyxl.load_workbook(out, read_only=True)
    assert ("课甲", None, 11, 5, 1) in list(wb["扫码与学习"].iter_rows(min_row=3, values_only=True))
    wb.close()
    october = as_json(cli("--db", db, "report", "study", "--period", "2026-10", "-o", tmp_path / "十月.pdf",
                          "--json"))
    assert october["lesson_scans"] == [
        {"lesson_id": first, "title": "课甲", "scans": 8, "records": 0, "self_reported": 0}]
