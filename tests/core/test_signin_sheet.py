"""The printed sign-in sheet and not-yet-studied list, read back from real PDF files the way a reader
(and pdffonts) sees them: every expected member exactly once, the headers on every page, the font
embedded, and a clear Chinese error when the file cannot be written."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from core.lessons.catalogue import add_lesson
from core.lessons.fields import METHODS
from core.lessons.not_studied_list import ALL_STUDIED, write_not_studied_list
from core.lessons.sessions import StudySession, save_session
from core.lessons.signin_sheet import write_signin_sheet
from core.lessons.study import StudyEntry, StudyError, record_study, studying_members
from core.pdf import PdfError
from core.pdf.fonts import register_pdf_font
from core.roster.demo import load_demo
from core.roster.members import add_member, delete_member
from core.store import Store
from tests.pdf_reading import assert_fonts_embedded, page_pieces, page_texts
from tests.support import TODAY, make_id

TITLE = "学习贯彻全会精神 坚持和加强党的全面领导"
# Not expected to study: they must never be printed (names the demo never makes).
GONE = {"司马长风": "去世", "诸葛晓光": "转出"}
NO_GROUP_NAME = "欧阳一鸣"


def person(name: str, birth: str, **extra: object) -> dict[str, Any]:
    record = {"name": name, "birth_date": birth, "gender": "男", "id_number": make_id(birth, seq=77),
              "joined_date": "1990-07-01", "confirmed_date": "1991-07-01", "village": "河东村"}
    record.update(extra)
    return record


@pytest.fixture
def branch(store: Store) -> str:
    """The 120-member demo branch, plus a member without a 党小组 and members who must not be printed;
    returns the id of a lesson."""
    load_demo(store, members=120, seed=1, today=TODAY)
    add_member(store, person(NO_GROUP_NAME, "1970-05-05", phone="13900001111"), TODAY)
    for number, (name, status) in enumerate(GONE.items()):
        add_member(store, person(name, f"194{number}-01-01", status=status, status_date="2025-01-01"), TODAY)
    deleted, _ = add_member(store, person("上官删除", "1960-02-02"), TODAY)
    delete_member(store, deleted)
    return add_lesson(store, {"title": TITLE, "minutes": 20, "video_url": "https://example.cn/v/42",
                              "credit_hours": 0.5, "published_date": "2026-10-01", "speaker": "王建华",
                              "topic": "理论学习"})



def table_rows(path: Path) -> list[list[str]]:
    """The member rows, as the cells beside each row number (the number first), read by position:
    pieces of text whose middle lies level with a number printed in the first column; pieces that
    (nearly) touch are one cell's text."""
    rows = []
    for pieces in page_pieces(path):
        for left, bottom, _, top, text in pieces:
            if left < 24 * mm and text.isdigit():
                cells: list[list[Any]] = []
                for piece in sorted(p for p in pieces if bottom - 2 <= (p[1] + p[3]) / 2 <= top + 2):
                    if cells and piece[0] - cells[-1][0] < 3:
                        cells[-1] = [piece[2], cells[-1][1] + piece[4]]
                    else:
                        cells.append([piece[2], piece[4]])
                rows.append([cell[1] for cell in cells])
    rows.sort(key=lambda row: int(row[0]))
    return rows


def row_pitches(path: Path) -> list[float]:
    """Vertical distances (points) between consecutive row numbers on each page."""
    pitches: list[float] = []
    for pieces in page_pieces(path):
        tops = sorted((top for left, _, _, top, text in pieces if left < 24 * mm and text.isdigit()), reverse=True)
        pitches += [a - b for a, b in zip(tops, tops[1:], strict=False)]
    return pitches


def test_every_studying_member_is_on_the_sheet_exactly_once(store: Store, branch: str, tmp_path: Path) -> None:
    out = tmp_path / "签到表.pdf"
    expected = studying_members(store)
    assert write_signin_sheet(store, out, lesson_id=branch) == len(expected) > 100
    texts = page_texts(out)
    assert len(texts) > 1
    rows = table_rows(out)
    assert [int(r[0]) for r in rows] == list(range(1, len(expected) + 1))
    assert Counter((r[1], r[2]) for r in rows) == Counter((m["name"], m["village"]) for m in expected)
    whole = "".join(texts)
    for name in [*GONE, "上官删除"]:
        assert name not in whole
    assert "未分组" in whole and NO_GROUP_NAME in whole
    for group in {m["group_name"] for m in expected if m["group_name"]}:
        assert group in whole
    for number, text in enumerate(texts, start=1):
        assert "河东村党支部" in text and TITLE in text and "微党课学习签到表" in text, f"page {number}"
        assert "签名" in text and "学习方式" in text and "序号" in text, f"page {number}"
        assert f"第 {number} 页 / 共 {len(texts)} 页" in text
        assert f"应到 {len(expected)} 人" in text and "记录人" in text
        assert "____年" in text  # no date given: a line to write it by hand
    for label in METHODS.values():
        assert whole.count(label) == len(expected)


@pytest.mark.parametrize("size", [84, 90, 150])  # demo branches whose page breaks fall at a group's start
def test_a_group_heading_is_never_alone_at_the_foot_of_a_page(store: Store, size: int, tmp_path: Path) -> None:
    load_demo(store, members=size, seed=1, today=TODAY)
    lesson = add_lesson(store, {"title": "一节课", "minutes": 10, "video_url": "https://example.cn/v/1",
                                "published_date": "2026-10-01"})
    out = tmp_path / "sheet.pdf"
    write_signin_sheet(store, out, lesson_id=lesson)
    heading = re.compile(r"(党小组|未分组)（\d+ 人）")
    for number, text in enumerate(page_texts(out), start=1):
        found = list(heading.finditer(text))
        if found:
            assert re.search(r"\n\d+ ", text[found[-1].end():]), f"page {number} ends with a group heading"


def test_rows_are_tall_enough_to_sign(store: Store, branch: str, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    count = write_signin_sheet(store, out, lesson_id=branch)
    pitches = row_pitches(out)
    assert len(pitches) > count // 2
    assert min(pitches) >= 9 * mm


def test_every_printed_character_is_in_the_font(store: Store, branch: str, tmp_path: Path) -> None:
    """No "tofu": a character missing from the font would print as an empty box."""
    out = tmp_path / "sheet.pdf"
    write_signin_sheet(store, out, lesson_id=branch, study_date="2026-11-20")
    record_study(store, StudyEntry(branch, "2026-11-20", "self_scan"), [studying_members(store)[0]["id"]],
                 today=TODAY)
    listing = tmp_path / "list.pdf"
    write_not_studied_list(store, listing, branch, today=TODAY)
    glyphs = pdfmetrics.getFont(register_pdf_font()).face.charToGlyph
    printed = set("".join(page_texts(out) + page_texts(listing))) - set(" \r\n\t\u3000")
    missing = sorted(ch for ch in printed if ord(ch) not in glyphs)
    assert not missing, f"characters printed without a glyph: {missing}"



def test_fonts_are_embedded_truetype_subsets(store: Store, branch: str, tmp_path: Path) -> None:
    sheet, listing = tmp_path / "sheet.pdf", tmp_path / "list.pdf"
    write_signin_sheet(store, sheet, lesson_id=branch)
    write_not_studied_list(store, listing, branch, today=TODAY)
    for path in (sheet, listing):
        assert_fonts_embedded(path)


def test_session_sheet_shows_date_place_and_every_lesson(store: Store, branch: str, tmp_path: Path) -> None:
    second = add_lesson(store, {"title": "乡村振兴与基层党建", "minutes": 25, "video_url": "https://example.cn/v/7",
                                "credit_hours": 0.5, "published_date": "2026-10-01", "speaker": "李明"})
    session_id = save_session(store, StudySession("2026-11-20", [branch, second], kind="theme_day",
                                                  title="十一月主题党日", place="村委会会议室"), today=TODAY)
    out = tmp_path / "session.pdf"
    assert write_signin_sheet(store, out, session_id=session_id) == len(studying_members(store))
    texts = page_texts(out)
    assert len(texts) > 1
    for text in texts:
        for part in ("主题党日学习签到表", "2026年11月20日", "村委会会议室", "十一月主题党日", TITLE,
                     "乡村振兴与基层党建", "李明", "25 分钟"):
            assert part in text


def test_not_studied_list_has_exactly_those_without_a_record(store: Store, branch: str, tmp_path: Path) -> None:
    members = studying_members(store)
    studied = members[::3]
    record_study(store, StudyEntry(branch, "2026-11-20", "self_scan"), [m["id"] for m in studied], today=TODAY)
    waiting = [m for m in members if m not in studied]
    out = tmp_path / "未学名单.pdf"
    assert write_not_studied_list(store, out, branch, today=TODAY) == len(waiting)
    texts = page_texts(out)
    rows = table_rows(out)
    printed = Counter((r[1], r[2], r[3] if len(r) > 3 and r[3][0].isdigit() else "") for r in rows)
    assert printed == Counter((m["name"], m["village"], m["phone"] or "") for m in waiting)
    waiting_names = {m["name"] for m in waiting}
    whole = "".join(texts)
    assert any(m["name"] not in waiting_names for m in studied)
    for member in studied:
        if member["name"] not in waiting_names:
            assert member["name"] not in whole
    for number, text in enumerate(texts, start=1):
        assert "微党课未学习党员名单" in text and TITLE in text and "https://example.cn/v/42" in text, number
        assert "上门日期" in text and "学习方式" in text and "2026年11月22日" in text, number


def test_everyone_studied_still_gives_one_page(store: Store, branch: str, tmp_path: Path) -> None:
    everyone = [m["id"] for m in studying_members(store)]
    record_study(store, StudyEntry(branch, "2026-11-20", "home", helper_id=everyone[0]), everyone[1:], today=TODAY)
    record_study(store, StudyEntry(branch, "2026-11-21", "self_scan"), everyone[:1], today=TODAY)
    out = tmp_path / "none.pdf"
    assert write_not_studied_list(store, out, branch, today=TODAY) == 0
    texts = page_texts(out)
    assert len(texts) == 1
    assert ALL_STUDIED in texts[0] and TITLE in texts[0]
    assert not table_rows(out)


def no_leftovers(folder: Path) -> list[str]:
    """What is in ``folder`` besides the test's database files."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("branch.db"))


def test_missing_folder_is_a_chinese_error_and_writes_nothing(store: Store, branch: str, tmp_path: Path) -> None:
    missing = tmp_path / "没有这个文件夹"
    with pytest.raises(PdfError, match="不存在"):
        write_signin_sheet(store, missing / "签到表.pdf", lesson_id=branch)
    assert not missing.exists()
    a_file = tmp_path / "note.txt"
    a_file.write_text("x")
    with pytest.raises(PdfError, match="不存在"):
        write_not_studied_list(store, a_file / "list.pdf", branch, today=TODAY)
    assert no_leftovers(tmp_path) == ["note.txt"]


def test_read_only_folder_is_a_chinese_error_and_leaves_the_old_file(
    store: Store, branch: str, tmp_path: Path
) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("the superuser may write into read-only folders")
    folder = tmp_path / "只读"
    folder.mkdir()
    old = folder / "签到表.pdf"
    old.write_bytes(b"old sheet")
    folder.chmod(0o555)
    try:
        with pytest.raises(PdfError, match="权限|其他程序"):
            write_signin_sheet(store, old, lesson_id=branch)
    finally:
        folder.chmod(0o755)
    assert no_leftovers(folder) == ["签到表.pdf"]
    assert old.read_bytes() == b"old sheet"


def test_a_folder_in_the_way_is_a_chinese_error_and_leaves_no_partial_file(
    store: Store, branch: str, tmp_path: Path
) -> None:
    """The target name is taken by a folder: the finished file cannot be moved into place."""
    target = tmp_path / "out"
    (target / "inside").mkdir(parents=True)
    with pytest.raises(PdfError) as caught:
        write_signin_sheet(store, target, lesson_id=branch)
    assert "无法保存" in str(caught.value)
    assert no_leftovers(tmp_path) == ["out"]
    assert no_leftovers(target) == ["inside"]


def test_overwrites_an_earlier_file(store: Store, branch: str, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"an older sheet")
    write_signin_sheet(store, out, lesson_id=branch)
    assert out.read_bytes().startswith(b"%PDF")
    assert no_leftovers(tmp_path) == ["sheet.pdf"]


def test_missing_lesson_or_session_is_a_chinese_error(store: Store, branch: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(StudyError, match="找不到这节微党课"):
        write_signin_sheet(store, out, lesson_id="no-such-lesson")
    with pytest.raises(StudyError, match="找不到这节微党课"):
        write_not_studied_list(store, out, "no-such-lesson")
    with pytest.raises(StudyError, match="找不到这次学习活动"):
        write_signin_sheet(store, out, session_id="no-such-session")
    with pytest.raises(StudyError, match="请选择"):
        write_signin_sheet(store, out)
    with pytest.raises(StudyError, match="学习日期"):
        write_signin_sheet(store, out, lesson_id=branch, study_date="明天")
    assert not out.exists()


def test_nobody_to_study_is_a_chinese_error(store: Store, tmp_path: Path) -> None:
    lesson = add_lesson(store, {"title": "一节课", "minutes": 10, "video_url": "https://example.cn/v/1",
                                "published_date": "2026-10-01"})
    add_member(store, person("司马长风", "1940-01-01", status="去世", status_date="2025-01-01"), TODAY)
    out = tmp_path / "x.pdf"
    with pytest.raises(StudyError, match="没有需要学习的党员"):
        write_signin_sheet(store, out, lesson_id=lesson)
    with pytest.raises(StudyError, match="没有需要学习的党员"):
        write_not_studied_list(store, out, lesson)
    assert not out.exists()


