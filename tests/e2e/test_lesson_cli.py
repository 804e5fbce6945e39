"""Lesson, study and report commands as scripts use them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from core.tabular import write_xlsx
from tests.e2e.run_cli import as_json, cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "b.db"
    cli("--db", path, "demo", "--members", "40", "--roster-only")
    return path


def member_ids(db: Path, count: int) -> list[str]:
    return [m["id"] for m in as_json(cli("--db", db, "members", "--status", "active", "--json"))["members"][:count]]


def test_add_list_record_and_report(db: Path, tmp_path: Path) -> None:
    added = as_json(cli("--db", db, "lessons", "add", "--title", "乡村振兴微党课", "--minutes", "25",
                        "--url", "https://dj.example.cn/v/7", "--credit-hours", "0.5", "--published", "2026-10-01",
                        "--json"))
    lesson = added["id"]
    listed = as_json(cli("--db", db, "lessons", "list", "--json"))
    assert [(x["id"], x["title"], x["studied"]) for x in listed["lessons"]] == [(lesson, "乡村振兴微党课", 0)]

    ids = member_ids(db, 6)
    first = as_json(cli("--db", db, "study", "record", "--lesson", lesson, "--members", ",".join(ids[:4]),
                        "--date", "2026-11-20", "--method", "group", "--json"))
    assert first["recorded"] == 4 and first["already_recorded"] == []
    # The same day again: the four already recorded are skipped, the two new ones recorded.
    again = as_json(cli("--db", db, "study", "record", "--lesson", "乡村振兴微党课", "--members", ",".join(ids),
                        "--date", "2026-11-20", "--method", "自学扫码", "--json"))
    assert again["recorded"] == 2 and sorted(again["already_recorded"]) == sorted(ids[:4])

    records = as_json(cli("--db", db, "study", "list", "--lesson", lesson, "--json"))
    assert records["count"] == 6
    voided = records["records"][0]["id"]
    cli("--db", db, "study", "void", voided, "--reason", "日期填错")
    assert as_json(cli("--db", db, "study", "list", "--lesson", lesson, "--json"))["count"] == 5

    out = tmp_path / "台账.xlsx"
    report = as_json(cli("--db", db, "report", "study", "--period", "2026-11", "-o", out, "--json"))
    assert report["records"] == 5 and report["minutes"] == 125 and report["credit_hours"] == 2.5
    assert report["coverage"][0]["studied"] == 5
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames[0] == "学习台账"
    wb.close()


def test_refusals_name_what_is_wrong(db: Path, tmp_path: Path) -> None:
    lesson = as_json(cli("--db", db, "lessons", "add", "--title", "课", "--json"))["id"]
    ids = member_ids(db, 2)
    done = cli("--db", db, "study", "record", "--lesson", lesson, "--members", ",".join(ids), "--date",
               "2026-11-20", "--method", "home", "--json", check_code=1)
    assert "帮学人" in as_json(done)["error"]
    done = cli("--db", db, "study", "record", "--lesson", lesson, "--members", ids[0], "--date", "2026-11-20",
               "--method", "watching", check_code=1)
    assert "学习方式「watching」无效" in done.stderr
    done = cli("--db", db, "study", "record", "--lesson", "没有这课", "--members", ids[0], "--date",
               "2026-11-20", "--method", "group", check_code=1)
    assert "找不到微党课" in done.stderr
    done = cli("--db", db, "report", "study", "--period", "2026-13", "-o", tmp_path / "r.xlsx", check_code=2)
    assert "统计期间" in done.stderr
    assert as_json(cli("--db", db, "study", "list", "--json"))["count"] == 0


def test_import_lesson_list(db: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "课程清单.xlsx"
    write_xlsx(sheet, "课程", ["序号", "课程名称", "主讲", "时长", "链接", "学分", "上线日期"], [
        [1, "党章学习", "王老师", 20, "https://dj.example.cn/1", 0.5, "2026-09-01"],
        [2, "防范电信诈骗", "李警官", "15", "dj.example.cn/2", 0.5, "2026-09-02"],  # no scheme
        [3, "党章学习", "王老师", 20, "https://dj.example.cn/1", 0.5, "2026-09-01"],  # repeated
        [4, "乡村振兴", None, 30, None, 1, "2026/10/8"],
    ], title="2026年第三批微党课")
    preview = as_json(cli("--db", db, "lessons", "import", sheet, "--dry-run", "--json"))
    assert preview["new"] == 2 and preview["added"] == 0
    assert [e["row"] for e in preview["errors"]] == [4, 5]
    assert "「链接」" in preview["errors"][0]["message"]
    assert "与第 3 行重复" in preview["errors"][1]["message"]
    assert as_json(cli("--db", db, "lessons", "list", "--json"))["count"] == 0
    done = as_json(cli("--db", db, "lessons", "import", sheet, "--json"))
    assert done["added"] == 2
    titles = {x["title"]: x for x in as_json(cli("--db", db, "lessons", "list", "--json"))["lessons"]}
    assert set(titles) == {"党章学习", "乡村振兴"}
    assert titles["乡村振兴"]["published_date"] == "2026-10-08" and titles["乡村振兴"]["minutes"] == 30
    # Importing again adds nothing: the titles (rows 3, 5 and 6) are already in the catalogue.
    again = as_json(cli("--db", db, "lessons", "import", sheet, "--json"))
    assert (again["added"], again["existing"]) == (0, 3)


def test_paper_sheets(db: Path, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    lesson = as_json(cli("--db", db, "lessons", "add", "--title", "防范电信诈骗", "--json"))["id"]
    expected = len(as_json(cli("--db", db, "members", "--status", "active", "--status", "mobile", "--json"))["members"])
    sheet = as_json(cli("--db", db, "signin-sheet", "--lesson", "防范电信诈骗", "-o", tmp_path / "签到表.pdf",
                        "--date", "2026-11-20", "--json"))
    assert sheet["members"] == expected
    pdf = pdfium.PdfDocument(tmp_path / "签到表.pdf")
    first_page = pdf[0].get_textpage().get_text_range()
    assert "防范电信诈骗" in first_page and "签名" in first_page
    pdf.close()
    ids = member_ids(db, 3)
    cli("--db", db, "study", "record", "--lesson", lesson, "--members", ",".join(ids), "--date", "2026-11-20",
        "--method", "self_scan")
    missing = as_json(cli("--db", db, "not-studied-list", "--lesson", lesson, "-o", tmp_path / "未学.pdf", "--json"))
    assert missing["members"] == expected - 3
    done = cli("--db", db, "signin-sheet", "--lesson", lesson, "-o", tmp_path / "no" / "x.pdf", check_code=1)
    assert "不存在" in done.stderr or "文件夹" in done.stderr
