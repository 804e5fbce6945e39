"""Study a member reported from the phone (扫码自报) and the scans of live codes, as they reach the
branch by sync: the mark and the filter in the records, voiding, coverage, the ledger on paper and
in the workbook, and scans against study per lesson — on the small branch of tests/study_branch.py.

Pulled here: 安三 checked in to 课一 on 2026-11-15 and 白二 to 课二 on 2026-11-16. Scans: code A
(课一) 3 on 2026-10-02, 7 on 2026-11-15 and 50 on 2026-08-01 (outside Q4); code A again on
2026-11-18 after it was pointed at 课二, 4; code B (the archived 课三) 2 on 2026-12-01; code C (an
official account, no lesson) 9.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from core.lessons.fields import method_text
from core.lessons.study import list_records, void_record
from core.profile import BranchProfile, set_profile
from core.qr.live_links import scans_by_lesson
from core.reports.period import parse_period
from core.reports.study_export import export_study_xlsx
from core.reports.study_pdf import export_study_pdf
from core.reports.study_report import build_study_report, lesson_coverage
from core.store import Store
from tests.core.live_study import check_in, pull_rows, scan_day
from tests.pdf_reading import page_texts
from tests.study_branch import make_study_branch
from tests.support import TODAY

CODE_A, CODE_B, CODE_C = "HD7K2M9Q", "WX3P5RTA", "ZZ8CQ4NB"


@pytest.fixture
def branch(store: Store) -> dict[str, str]:
    set_profile(store, BranchProfile("河东村党支部", "柳林镇", "某县"))
    ids = make_study_branch(store)
    result = pull_rows(store, [
        check_in(store, ids["a3"], ids["L1"], "2026-11-15", minutes=30),
        check_in(store, ids["b2"], ids["L2"], "2026-11-16", minutes=20),
        scan_day(store, CODE_A, "2026-10-02", ids["L1"], 3),
        scan_day(store, CODE_A, "2026-11-15", ids["L1"], 7),
        scan_day(store, CODE_A, "2026-08-01", ids["L1"], 50),
        scan_day(store, CODE_A, "2026-11-18", ids["L2"], 4),
        scan_day(store, CODE_B, "2026-12-01", ids["L3"], 2),
        scan_day(store, CODE_C, "2026-11-15", None, 9),
    ])
    assert result.pulled == 8
    return ids


def test_the_listing_marks_self_reported_records_and_filters_them(store: Store, branch: dict[str, str]) -> None:
    every = list_records(store)
    assert len(every) == 9  # the 7 valid records of the branch and the 2 check-ins
    mine = list_records(store, self_reported=True)
    assert [(r["member_name"], r["lesson_title"], r["study_date"]) for r in mine] == [
        ("白二", "课二", "2026-11-16"), ("安三", "课一", "2026-11-15")]
    assert all(r["self_reported"] == 1 and r["method"] == "self_scan" and r["entered_by"] == "扫码自报" for r in mine)
    assert {r["self_reported"] for r in every if r["id"] not in {m["id"] for m in mine}} == {0}
    assert method_text(mine[0]["method"], mine[0]["self_reported"]) == "自学扫码 · 扫码自报"
    entered = next(r for r in every if r["member_name"] == "安一" and r["method"] == "self_scan")
    assert method_text(entered["method"], entered["self_reported"]) == "自学扫码"  # entered at the office
    assert list_records(store, self_reported=True, lesson_id=branch["L2"])[0]["member_name"] == "白二"


def test_a_self_reported_record_is_voided_like_any_other(store: Store, branch: dict[str, str]) -> None:
    record = list_records(store, self_reported=True, member_id=branch["a3"])[0]
    assert record["rev"] == record["synced_rev"] and record["version"] == 40  # as pulled
    void_record(store, record["id"], "本人当天不在村里")
    voided = store.get("study_records", record["id"])
    assert voided["deleted"] == 1 and voided["void_reason"] == "本人当天不在村里"
    assert voided["rev"] > voided["synced_rev"]  # goes back to the server with the next push
    assert voided["self_reported"] == 1 and voided["method"] == "self_scan"  # otherwise unchanged
    assert [r["member_name"] for r in list_records(store, self_reported=True)] == ["白二"]
    shown = list_records(store, self_reported=True, include_voided=True)
    assert {r["member_name"]: bool(r["deleted"]) for r in shown} == {"白二": False, "安三": True}
    report = build_study_report(store, parse_period("2026-Q4"), today=TODAY)
    assert {r.name: r.records for r in report.ledger}["安三"] == 0


def test_self_reported_records_count_in_coverage_and_the_ledger(store: Store, branch: dict[str, str]) -> None:
    # Without the check-ins 课一 was studied by 安一 白一 农一 (3/6) and 课二 by 安一 安二 (2/6).
    coverage = {c.title: c for c in lesson_coverage(store)}
    assert (coverage["课一"].studied, coverage["课二"].studied) == (4, 3)
    report = build_study_report(store, parse_period("2026-Q4"), today=TODAY)
    by_group = {g.group: g.studied for g in next(c for c in report.coverage if c.title == "课一").groups}
    assert by_group == {"一组": 2, "二组": 1, "未分组": 1}
    rows = {r.name: r for r in report.ledger}
    assert (rows["安三"].records, rows["安三"].self_reported, rows["安三"].minutes) == (1, 1, 30)
    assert (rows["白二"].records, rows["白二"].self_reported, rows["白二"].credit_hours) == (1, 1, 0.5)
    assert (rows["安一"].records, rows["安一"].self_reported) == (3, 0)  # self_scan entered at the office
    assert report.totals["records"] == 8
    assert "安三" not in {m.name for m in report.idle} and "白二" not in {m.name for m in report.idle}


def test_scans_against_study_per_lesson_for_the_period(store: Store, branch: dict[str, str]) -> None:
    queries: list[str] = []
    store.conn.set_trace_callback(queries.append)
    try:
        report = build_study_report(store, parse_period("2026-Q4"), today=TODAY)
    finally:
        store.conn.set_trace_callback(None)
    assert len([q for q in queries if "qr_scan_days" in q]) == 1  # one grouped query, not one per lesson
    # Q4 records: 课一 安一 ×2, 白一, 白三, 农一 and 安三's check-in; 课二 安一 and 白二's check-in
    # (农一's is voided); 课三 none. The account code's scans belong to no lesson.
    assert [(s.title, s.scans, s.records, s.self_reported) for s in report.scans] == [
        ("课一", 10, 6, 1), ("课二", 4, 2, 1), ("课三", 2, 0, 0)]
    assert report.scan_totals == {"scans": 16, "records": 8, "self_reported": 2}
    november = build_study_report(store, parse_period("2026-11"), today=TODAY, snapshot=report.snapshot)
    assert [(s.title, s.scans, s.records, s.self_reported) for s in november.scans] == [
        ("课一", 7, 5, 1), ("课二", 4, 2, 1)]
    august = build_study_report(store, parse_period("2026-08"), today=TODAY, snapshot=report.snapshot)
    assert [(s.title, s.scans, s.records) for s in august.scans] == [("课一", 50, 0), ("课二", 0, 1)]
    assert scans_by_lesson(store) == {branch["L1"]: 60, branch["L2"]: 4, branch["L3"]: 2}  # the catalogue's


def test_the_ledger_workbook_marks_self_reported_records(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    export_study_xlsx(store, parse_period("2026-Q4"), out, today=TODAY)
    wb = openpyxl.load_workbook(out, read_only=True)
    details = list(wb["学习明细"].iter_rows(min_row=3, values_only=True))
    methods = {(d[2], d[0]): d[4] for d in details}
    assert methods[("安三", "2026-11-15")] == "自学扫码 · 扫码自报"
    assert methods[("白二", "2026-11-16")] == "自学扫码 · 扫码自报"
    assert methods[("安一", "2026-10-05")] == "自学扫码"
    assert methods[("白一", "2026-11-20")] == "送学上门"
    assert sum("扫码自报" in m for m in methods.values()) == 2
    entered_by = {(d[2], d[0]): (*d, *[None] * 10)[8] for d in details}  # trailing blanks are not read
    assert entered_by[("安三", "2026-11-15")] == "扫码自报"
    header = next(wb["学习台账"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert header[4:6] == ("学习次数", "其中扫码自报")
    rows = list(wb["学习台账"].iter_rows(min_row=3, values_only=True))
    ledger = {row[2]: row for row in rows}
    assert ledger["安三"][4:6] == (1, 1) and ledger["安一"][4:6] == (3, 0)
    assert rows[-1][0] == "合计" and rows[-1][4:6] == (8, 2)
    scans = list(wb["扫码与学习"].iter_rows(min_row=2, values_only=True))
    assert scans[0] == ("微党课", "发布日期", "扫码次数", "学习人次", "其中扫码自报")
    assert scans[1:] == [("课一", "2026-06-01", 10, 6, 1), ("课二", "2026-07-01", 4, 2, 1), ("课三", None, 2, 0, 0),
                         ("合计", None, 16, 8, 2)]
    wb.close()


def test_the_printed_report_marks_self_reported_and_lists_scans(
    store: Store, branch: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "统计.pdf"
    export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    whole = "\n".join(page_texts(out)).replace("\r\n", "\n")
    ledger = whole[whole.index("三、学习台账"):whole.index("四、未学习名单")]
    assert "序号 党小组 姓名 状态 学习\n次数\n扫码\n自报 课程数" in ledger  # the column's title
    assert "「扫码自报」为其中党员扫描活码后在手机上自己登记的次数" in ledger.replace("\n", "")
    # 序号 党小组 姓名 状态 学习次数 扫码自报 课程数 时长 学时, then the minutes of Oct, Nov, Dec.
    assert re.search(r"\d+ 一组 安三 正常 1 1 1 30 1 30\s", ledger)
    assert re.search(r"\d+ 二组 白二 流动 1 1 1 20 0\.5 20\s", ledger)
    assert re.search(r"\d+ 一组 安一 正常 3 2 80 1\.5 30 50\s", ledger)  # none self-reported: a blank
    assert "合计 6 人学习 8 2 235 6 30 205 0" in ledger
    scans = whole[whole.index("五、活码扫码与学习记录"):]
    assert "微党课 扫码次数 学习人次 其中扫码自报" in scans
    assert "2026-06-01 发布 10 6 1" in scans and "2026-07-01 发布 4 2 1" in scans and "课三 2 0 0" in scans
    assert "合计 16 8 2" in scans


def test_a_branch_without_live_codes_prints_a_sentence_not_a_table(store: Store, tmp_path: Path) -> None:
    set_profile(store, BranchProfile("河东村党支部", "柳林镇", "某县"))
    make_study_branch(store)
    out = tmp_path / "统计.pdf"
    report = export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    assert report.scan_totals == {"scans": 0, "records": 6, "self_reported": 0}
    scans = "\n".join(page_texts(out)).split("五、活码扫码与学习记录")[1]
    assert "2026年第四季度没有活码扫码记录" in scans and "微党课 扫码次数" not in scans
