"""The same roster saved as .xlsx, .xls and .ods is read the same and gives the same members: title
rows above the header, merged 党小组/村 cells, a hidden first sheet, dates as date cells, numbers and
text, an ID number stored as a number, full-width digits."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from core.roster.importer import apply_import, plan_import
from core.roster.members import as_record, list_members
from core.store import Store
from core.tabular import TableRow, read_rows
from tests.core.test_tabular import rows_read_after_cancel
from tests.spreadsheet_formats import FORMATS, Book, Grid, save
from tests.support import TODAY, fullwidth, make_id

HEADER = ["姓名", "性别", "身份证号", "出生日期", "人员类别", "入党日期", "转正日期", "党小组", "所在村", "联系电话"]
ZHANG, LI, WANG = make_id("1965-03-02"), make_id("1965-03-15", False), make_id("1970-05-06")
ZHAO, MA = make_id("1958-11-20", False), make_id("1972-08-09")
ROSTER = Book([
    Grid("字典", [["男", "女"], ["正式党员", "预备党员"]], hidden=True),
    Grid("花名册", [
        ["河东村党支部党员花名册"],                                                                      # row 1
        ["填报日期：2026年11月"],                                                                        # row 2
        HEADER,                                                                                          # row 3
        ["张三", "男", ZHANG, dt.date(1965, 3, 2), "正式党员", dt.date(1990, 7, 1), dt.date(1991, 7, 1),
         " 第一党小组 ", "河东村", 13812345678],                                                          # row 4
        ["李桂兰", "女", LI, "1965.3", "正式党员", "1985年6月", "1986-06"],                               # row 5
        ["王五", "男", int(WANG), "1970-05", "正式党员"],                                                 # row 6: ID as a number
        ["赵秀英", "女", ZHAO, "1958年11月", "预备党员", "2026-03", None, "第二党小组", "河西村",
         fullwidth("13612345679")],                                                                      # row 7
        ["马建国", "男", MA, "1972-08", "正式党员", 36342],  # row 8: a date as Excel's day number
        ["孙六", "男", make_id("1965-03-04"), 1965.3],  # row 9: 1965.3 in a number cell cannot tell 3 from 10
    ], merged=[(0, 0, 0, 9), (3, 7, 5, 7), (3, 8, 5, 8), (6, 7, 7, 7), (6, 8, 7, 8)]),
])
EXPECTED = {
    "张三": {"birth_date": "1965-03-02", "joined_date": "1990-07-01", "confirmed_date": "1991-07-01",
             "group": "第一党小组", "village": "河东村", "phone": "13812345678", "category": "full"},
    "李桂兰": {"birth_date": "1965-03", "joined_date": "1985-06", "confirmed_date": "1986-06",
               "group": "第一党小组", "village": "河东村", "gender": "F"},
    "赵秀英": {"birth_date": "1958-11", "category": "probationary", "joined_date": "2026-03",
               "group": "第二党小组", "village": "河西村", "phone": "13612345679"},
    "马建国": {"birth_date": "1972-08", "joined_date": "1999-07-01", "group": "第二党小组", "village": "河西村",
               "id_number": MA},
}


def _roster(store: Store) -> list[dict]:
    return sorted((as_record(m) for m in list_members(store)), key=lambda r: r["id_number"])


def _import(tmp_path: Path, suffix: str) -> tuple[list[dict], dict[int, str]]:
    path = save(ROSTER, tmp_path / f"花名册.{suffix}")
    store = Store.open(tmp_path / f"{suffix}.db")
    try:
        plan = plan_import(store, path, today=TODAY)
        errors = {e.row: e.message for e in plan.errors}
        assert apply_import(store, plan).inserted == len(EXPECTED)
        return _roster(store), errors
    finally:
        store.close()


def test_the_roster_in_every_format_gives_the_same_members(tmp_path: Path) -> None:
    results = {suffix: _import(tmp_path, suffix) for suffix in FORMATS}
    members, errors = results["xlsx"]
    by_name = {m["name"]: m for m in members}
    assert set(by_name) == set(EXPECTED)
    for name, fields in EXPECTED.items():
        assert {key: by_name[name][key] for key in fields} == fields, name
    assert list(errors) == [6, 9]
    assert "文本" in errors[6]  # Excel turned that ID number into a number
    assert "无法判断月份" in errors[9]
    for suffix in ("xls", "ods"):
        assert results[suffix] == results["xlsx"], suffix


CELLS = Book([Grid("Sheet1", [
    [], [None, "标题"], [],  # nothing in column A: the reader starts at B, the row numbers do not
    [None, None, "姓名", "数", "小数", "日期", "文字日期"],
    [None, None, "  张三 ", 39, 41.5, dt.date(1985, 3, 2), "1965年3月"],
    [None, None, None, None, None, None, None, "远处"],
])])


@pytest.mark.parametrize("suffix", FORMATS)
def test_cells_and_row_numbers_are_the_same_in_every_format(tmp_path: Path, suffix: str) -> None:
    rows = list(read_rows(save(CELLS, tmp_path / f"cells.{suffix}")))

    assert [(r.number, r.values) for r in rows] == [
        (2, [None, "标题"]),
        (4, [None, None, "姓名", "数", "小数", "日期", "文字日期"]),
        (5, [None, None, "张三", 39, 41.5, dt.datetime(1985, 3, 2), "1965年3月"]),
        (6, [None] * 7 + ["远处"]),
    ]
    assert type(rows[2].values[3]) is int


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_a_workbook_with_the_wrong_name_is_read_by_its_content(tmp_path: Path, suffix: str) -> None:
    real = save(CELLS, tmp_path / f"cells.{suffix}")
    renamed = tmp_path / "cells.xlsx"
    shutil.copy(real, renamed)

    assert [r.values for r in read_rows(renamed)] == [r.values for r in read_rows(real)]


def test_a_wps_et_file_is_read(tmp_path: Path) -> None:
    # WPS 表格 keeps .et files in the OLE format of .xls
    rows: list[TableRow] = list(read_rows(save(CELLS, tmp_path / "花名册.et")))
    assert rows[1].values[2:4] == ["姓名", "数"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_cancel_stops_reading_every_format(tmp_path: Path, suffix: str) -> None:
    path = save(Book([Grid("名单", [["姓名", "序号"], *([f"人{i}", i] for i in range(2000))])]),
                tmp_path / f"many.{suffix}")
    assert rows_read_after_cancel(path, at=100) < 600


# The columns of the 党员信息采集表 / 全国党员管理信息系统 export, in its order.
OFFICIAL_HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "学历", "公民身份号码", "人员类别", "所在党支部",
                   "加入党组织日期", "转为正式党员日期", "工作岗位", "联系电话", "现居住地"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_official_export_headers_are_recognised(tmp_path: Path, suffix: str) -> None:
    book = Book([Grid("党员信息", [
        ["党员信息采集表"],
        OFFICIAL_HEADER,
        [1, "张三", "男", "汉族", "1965-03-02", "高中", ZHANG, "正式党员", "中共河东村支部委员会",
         "1990-07-01", "1991-07-01", "农民", "13812345678", "河东村"],
        [2, "赵秀英", "女", "汉族", "1958-11-20", "初中", ZHAO, "预备党员", "中共河东村支部委员会",
         "2026-03-01", None, "农民", "0371-12345678", "河西村"],
    ])])
    store = Store.open(tmp_path / "official.db")
    plan = plan_import(store, save(book, tmp_path / f"采集表.{suffix}"), today=TODAY)

    assert plan.errors == []
    assert plan.unknown_columns() == ["序号", "所在党支部", "工作岗位"]
    assert apply_import(store, plan).inserted == 2
    members = {m["name"]: m for m in list_members(store)}
    zhang, zhao = members["张三"], members["赵秀英"]
    assert (zhang["id_number"], zhang["category"], zhang["joined_date"], zhang["confirmed_date"]) == (
        ZHANG, "full", "1990-07-01", "1991-07-01")
    assert (zhang["education"], zhang["phone"], zhang["village"], zhang["ethnicity"]) == (
        "高中", "13812345678", "河东村", "汉族")
    assert (zhao["category"], zhao["joined_date"], zhao["confirmed_date"], zhao["village"]) == (
        "probationary", "2026-03-01", None, "河西村")
    store.close()
