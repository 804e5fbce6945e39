"""The printed study report, read back from real PDF files: the hand-computed figures of a small branch
in the text, the chart labels as text in the embedded font, the ledger over several pages with its header
on each, and a clear Chinese error when the file cannot be written."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase import pdfmetrics

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, record_study, studying_members
from core.pdf import PdfError
from core.pdf.fonts import register_pdf_font
from core.profile import BranchProfile, set_profile
from core.reports.period import parse_period
from core.reports.study_pdf import MAX_CHART_LESSONS, export_study_pdf
from core.roster.demo import load_demo
from core.roster.fields import STATUSES
from core.store import Store
from tests.pdf_reading import assert_fonts_embedded, page_pieces, page_texts
from tests.study_branch import make_study_branch
from tests.support import TODAY

TITLE = "河东村党支部 2026年第四季度 微党课学习统计"
LEDGER_ROW = re.compile(
    rf"^(\d+) (\S+) (\S+) ({'|'.join(STATUSES.values())}) (\d+) (\d+) (\d+) ([\d.]+)(.*?)\s*$", re.MULTILINE
)
LEDGER_HEADER = "序号 党小组 姓名 状态 学习"


@pytest.fixture
def branch(store: Store) -> dict[str, str]:
    """The branch of tests/study_branch.py, with its name set."""
    set_profile(store, BranchProfile("河东村党支部", "柳林镇", "某县"))
    return make_study_branch(store)


def between(text: str, start: str, end: str | None) -> str:
    begin = text.index(start)
    return text[begin:text.index(end, begin) if end else None]


def ledger_rows(texts: list[str]) -> list[tuple[int, list[tuple[str, ...]]]]:
    """(page number, ledger rows on it) for each page holding ledger rows."""
    found = []
    for number, text in enumerate(texts, start=1):
        if "四、未学习名单" in text:
            text = text[:text.index("四、未学习名单")]
        rows = [m.groups() for m in LEDGER_ROW.finditer(text)]
        if rows:
            found.append((number, rows))
    return found


def test_small_branch_figures_are_printed(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "统计.pdf"
    report = export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    assert report.totals == {"records": 6, "members_studied": 4, "minutes": 185, "credit_hours": 4.5}
    texts = page_texts(out)
    for number, text in enumerate(texts, start=1):
        assert TITLE in text and "打印日期：2026年11月22日" in text, f"page {number}"
        assert f"第 {number} 页 / 共 {len(texts)} 页" in text
    whole = "\n".join(texts)
    # Totals: 6 expected to study, 6 records, 4 members, 185 minutes, 4.5 credit hours.
    assert re.search(r"总学时\s+6 6 4 185 4\.5\s", whole)
    assert "课三" not in whole  # archived
    # Coverage rows: studied/expected, rate, then 一组 二组 未分组.
    coverage = between(whole, "一、课程覆盖", "二、按月统计")
    assert "2026-06-01 发布 3/6 50% 1/3 1/2 1/1" in coverage
    assert "2026-07-01 发布 2/6 33% 2/3 0/2 0/1" in coverage
    # Ledger: every member once, numbered, with the hand-computed figures and the months' minutes.
    rows = [row for _, page in ledger_rows(texts) for row in page]
    assert [int(r[0]) for r in rows] == list(range(1, 8))
    by_name = {r[2]: (r[1], *r[3:]) for r in rows}
    assert set(by_name) == {"安一", "安二", "安三", "白一", "白二", "白三", "农一"}
    assert by_name["安一"] == ("一组", "正常", "3", "2", "80", "1.5", " 30 50")
    assert by_name["白一"] == ("二组", "正常", "1", "1", "45", "1", " 45")
    assert by_name["白三"] == ("二组", "去世", "1", "1", "30", "1", " 30")
    assert by_name["安二"] == ("一组", "正常", "0", "0", "0", "0", "")  # August is outside the quarter
    assert by_name["农一"][0] == "未分组"
    assert "合计 4 人学习 6 185 4.5 30 155 0" in whole
    # Idle since 2026-08-22: 安二 (last 2026-08-01), 安三 and 白二 (never); 白三 is not expected to study.
    idle = between(whole, "四、未学习名单", None)
    assert "近 3 个月（2026年8月22日以来）" in idle and "共 3 人" in idle
    assert "安二 2026-08-01" in idle and "安三 从未学习" in idle and "白二 从未学习" in idle
    for name in ("安一", "白一", "白三", "农一"):
        assert name not in idle


def test_chart_labels_are_text_in_the_charts(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "统计.pdf"
    export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    pieces = [p for page in page_pieces(out) for p in page]
    texts = [p[4] for p in pieces]
    # The coverage chart: one value label per bar ("studied/expected rate", drawn as one string, unlike
    # the table's separate cells), on the line of the lesson's title, left of it; the weakest on top.
    labels = {p[4]: p for p in pieces if p[4] in ("3/6 50%", "2/6 33%")}
    assert set(labels) == {"3/6 50%", "2/6 33%"}
    for label, title in (("3/6 50%", "课一"), ("2/6 33%", "课二")):
        middle = (labels[label][1] + labels[label][3]) / 2
        assert any(p[4] == title and p[2] < labels[label][0] and p[1] < middle < p[3] for p in pieces), label
    assert labels["2/6 33%"][1] > labels["3/6 50%"][1]
    assert labels["3/6 50%"][0] > labels["2/6 33%"][0]  # the longer bar
    assert {"低于 60%", "60% 及以上", "0%", "100%"} <= set(texts)
    # The month chart, between its heading and the ledger's: each month's count right above its label.
    page = next(page for page in page_pieces(out) if any(p[4] == "二、按月统计" for p in page))
    top = next(p[1] for p in page if p[4] == "二、按月统计")
    bottom = next((p[3] for p in page if p[4].startswith("三、学习台账")), 0.0)
    chart = [p for p in page if bottom < p[1] < top]
    months = sorted(p for p in chart if p[4].endswith("月"))
    assert [p[4] for p in months] == ["10月", "11月", "12月"]
    for month, count in zip(months, ("1", "5", "0"), strict=True):
        centre = (month[0] + month[2]) / 2
        assert any(p[4] == count and abs((p[0] + p[2]) / 2 - centre) < 2 and p[1] > month[3] for p in chart)


@pytest.mark.parametrize("period", ["2026-Q4", "2026"])  # portrait and landscape
def test_many_lessons_chart_shows_the_weakest_on_the_first_page(
    store: Store, branch: dict[str, str], tmp_path: Path, period: str
) -> None:
    everyone = [m["id"] for m in studying_members(store)]
    for number in range(1, 22):
        lesson = add_lesson(store, {"title": f"第{number:02d}课", "minutes": 10, "published_date": "2026-09-01"})
        if number > 5:  # sixteen lessons everybody studied, five nobody did
            record_study(store, StudyEntry(lesson, "2026-10-10", "group"), everyone, today=TODAY)
    out = tmp_path / "统计.pdf"
    report = export_study_pdf(store, parse_period(period), out, today=TODAY)
    assert len(report.coverage) == 23 > MAX_CHART_LESSONS
    texts = page_texts(out)
    found = re.search(r"图中为覆盖率最低的 (\d+) 节", texts[0].replace("\r\n", ""))
    assert found, "the note says how many lessons the chart shows"
    shown = int(found[1])
    assert 8 <= shown <= MAX_CHART_LESSONS
    # The whole chart on the first page, lowest first: the five unstudied, 课二 (2/6), 课一 (3/6), then
    # only as many of the sixteen at 100% as there is room for.
    pieces = page_pieces(out)
    first = [p[4] for p in pieces[0]]
    assert first.count("0/6 0%") == 5
    assert "2/6 33%" in first and "3/6 50%" in first
    assert first.count("6/6 100%") == shown - 7
    assert [p[4] for page in pieces[1:] for p in page if "%" in p[4] and "/" in p[4]] == []
    whole = "\n".join(texts)
    for number in range(1, 22):  # the table lists them all
        assert f"第{number:02d}课" in whole


def test_month_is_portrait_without_month_columns_and_year_is_landscape(
    store: Store, branch: dict[str, str], tmp_path: Path
) -> None:
    month, year = tmp_path / "month.pdf", tmp_path / "year.pdf"
    export_study_pdf(store, parse_period("2026-11"), month, today=TODAY)
    export_study_pdf(store, parse_period("2026"), year, today=TODAY)
    page = pdfium.PdfDocument(month)[0]
    assert page.get_width() < page.get_height()
    text = "\n".join(page_texts(month))
    assert "2026年11月共学习 5 人次" in text and "各月时长" not in text
    # November: 安一 课一 and 课二 (50 minutes, 1.5 hours), 白一 45, 白三 30, 农一 30 (1 hour each).
    assert "合计 4 人学习 5 155 4.5" in text
    page = pdfium.PdfDocument(year)[0]
    assert page.get_width() > page.get_height()
    text = "\n".join(page_texts(year))
    assert "各月时长（分钟）" in text and "1月 2月" in text and "12月" in text
    # August's study (安二, 课二, 20 minutes) is in the year: 7 records, 205 minutes, 5 credit hours.
    assert "合计 5 人学习 7 205 5 0 0 0 0 0 0 0 20 0 30 155 0" in text


def test_no_printed_character_is_missing_from_the_font(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "统计.pdf"
    export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    glyphs = pdfmetrics.getFont(register_pdf_font()).face.charToGlyph
    printed = set("".join(page_texts(out))) - set(" \r\n\t\u3000")
    assert not sorted(ch for ch in printed if ord(ch) not in glyphs)



def test_every_font_is_embedded(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "统计.pdf"
    export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    assert_fonts_embedded(out)


def test_large_branch_ledger_spans_pages_with_its_header_on_each(store: Store, tmp_path: Path) -> None:
    load_demo(store, members=300, seed=2, today=TODAY)
    members = [m["id"] for m in studying_members(store)]
    for number, (share, day) in enumerate([(1, "2026-10-08"), (2, "2026-11-12"), (3, "2026-11-20")], start=1):
        lesson = add_lesson(store, {"title": f"微党课第{number}讲", "minutes": 20, "credit_hours": 0.5,
                                    "published_date": "2026-10-01"})
        record_study(store, StudyEntry(lesson, day, "self_scan"), members[::share], today=TODAY)
    out = tmp_path / "统计.pdf"
    report = export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    texts = page_texts(out)
    pages = ledger_rows(texts)
    assert len(pages) >= 3
    assert [n for n, _ in pages] == list(range(pages[0][0], pages[-1][0] + 1))  # on consecutive pages
    for number, rows in pages:
        text = texts[number - 1]
        header = text.find(LEDGER_HEADER)
        assert 0 <= header < text.index(f"{rows[0][0]} {rows[0][1]} {rows[0][2]} "), f"page {number}"
        assert "各月时长（分钟）" in text, f"page {number}"
    rows = [row for _, page in pages for row in page]
    assert len(rows) == len(report.ledger) == len(members)
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
    assert Counter(r[2] for r in rows) == Counter(r.name for r in report.ledger)
    totals = report.totals
    assert f"合计 {totals['members_studied']} 人学习 {totals['records']} {totals['minutes']}" in texts[pages[-1][0] - 1]


def test_missing_folder_is_a_chinese_error(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    missing = tmp_path / "没有这个文件夹"
    with pytest.raises(PdfError, match="不存在") as caught:
        export_study_pdf(store, parse_period("2026-Q4"), missing / "统计.pdf", today=TODAY)
    assert "请另选保存位置" in str(caught.value)
    assert not missing.exists()


def test_lessons_but_nobody_to_study(store: Store, tmp_path: Path) -> None:
    add_lesson(store, {"title": "课一", "minutes": 30, "published_date": "2026-10-01"})
    out = tmp_path / "统计.pdf"
    report = export_study_pdf(store, parse_period("2026-Q4"), out, today=TODAY)
    assert report.ledger == [] and report.coverage[0].groups == []
    whole = "\n".join(page_texts(out))
    assert "0/0 —" in whole  # the chart's label: no rate without anybody to study
    assert "合计 0 人学习 0 0 0 0 0 0" in whole and "应学党员都有学习记录" in whole
