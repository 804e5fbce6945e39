"""Recognising roster headers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from core.roster.columns import COLUMN_SYNONYMS, locate_header, match_header
from core.roster.fields import MEMBER_FIELDS
from core.tabular import TableReadError, TableRow, read_rows


def _rows(*values: list[object], start: int = 1) -> list[TableRow]:
    return [TableRow(start + i, list(v)) for i, v in enumerate(values)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("姓名", "name"),
        ("党员姓名", "name"),
        ("身份证号", "id_number"),
        ("证件号码", "id_number"),
        ("出生年月", "birth_date"),
        ("文化程度", "education"),
        ("联系电话", "phone"),
        ("使用微信情况", "wechat"),
        ("家庭住址", "village"),
        ("组", "village_group"),
        ("所在党小组", "group"),
        ("正式或预备", "category"),
        ("入党时间", "joined_date"),
        ("转正时间", "confirmed_date"),
        ("党员状态", "status"),
        ("状态变更日期", "status_date"),
        ("说明", "note"),
        ("Birthday", "birth_date"),
        ("ID", "id_number"),
        ("village_group", "village_group"),
        ("birth_date", "birth_date"),
    ],
)
def test_synonyms(text: str, key: str) -> None:
    assert match_header(text) == key


@pytest.mark.parametrize(
    "text",
    ["姓 名", "姓\n名", " 姓名 ", "姓\u3000名", "＊姓名", "*姓名", "姓名*", "姓名：", "姓名:", "Ｎａｍｅ", "NAME"],
)
def test_spacing_full_width_and_markers(text: str) -> None:
    assert match_header(text) == "name"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("出生日期（年月日）", "birth_date"),
        ("出生日期(yyyy-mm-dd)", "birth_date"),
        ("公民身份号码【18位】", "id_number"),
        ("*身份证号(必填)", "id_number"),
        ("手机号码（11位）：", "phone"),
    ],
)
def test_bracketed_hints(text: str, key: str) -> None:
    assert match_header(text) == key


@pytest.mark.parametrize("text", [None, "", "序号", "姓名和性别", "出生", "年龄", 42, "（备注）"])
def test_unrecognised(text: object) -> None:
    assert match_header(text) is None


def test_every_label_and_key_is_accepted() -> None:
    for field in MEMBER_FIELDS:
        assert match_header(field.label) == field.key
        assert match_header(field.key) == field.key
        assert COLUMN_SYNONYMS[field.key][0] == field.label


def test_header_below_title_rows() -> None:
    rows = _rows(
        ["东风村党支部党员花名册"],
        ["填报日期：2024年5月", None, "填报人：王五"],
        ["序号", "姓 名", "性别", "身份证号", "年龄", "联系电话"],
        [1, "张三", "男", "410101198503021234", 39, "13800000000"],
        start=2,
    )

    match = locate_header(rows)

    assert match.row_index == 2
    assert match.row_number == 4
    assert match.headers == ["序号", "姓 名", "性别", "身份证号", "年龄", "联系电话"]
    assert match.mapping == {1: "name", 2: "gender", 3: "id_number", 5: "phone"}
    assert match.unknown_columns == ["序号", "年龄"]


def test_duplicate_field_goes_to_unknown() -> None:
    rows = _rows(["姓名", "手机", None, "电话", "姓名"])

    match = locate_header(rows)

    assert match.mapping == {0: "name", 1: "phone"}
    assert match.unknown_columns == ["电话", "姓名"]
    assert match.headers == ["姓名", "手机", "", "电话", "姓名"]


def test_row_with_most_recognised_columns_wins() -> None:
    rows = _rows(
        ["姓名", "说明"],  # a notes line that happens to use two known words
        ["姓名", "性别", "民族", "出生日期"],
        ["姓名", "性别", "民族", "出生日期"],
    )

    assert locate_header(rows).row_index == 1


def test_name_is_required() -> None:
    rows = _rows(["性别", "民族", "出生日期", "身份证号"], ["男", "汉族", "1985-03-02", "4101"])

    with pytest.raises(TableReadError, match="没有找到表头行：前 30 行"):
        locate_header(rows)


def test_name_alone_is_not_a_header() -> None:
    with pytest.raises(TableReadError, match="姓名"):
        locate_header(_rows(["姓名", "年龄"]))


def test_search_depth_limits_the_search() -> None:
    rows = _rows(*[[f"第{i}行"] for i in range(5)], ["姓名", "性别"])

    with pytest.raises(TableReadError, match="前 5 行"):
        locate_header(rows, search_depth=5)
    assert locate_header(rows, search_depth=6).row_number == 6


def test_no_header_message_lists_examples() -> None:
    with pytest.raises(TableReadError) as info:
        locate_header(_rows(["甲", "乙"], ["丙"]))
    assert "身份证号" in str(info.value) and "性别" in str(info.value)


def test_from_a_real_workbook(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "东风村党支部党员花名册"
    ws["A2"] = "填报日期：2024年5月"
    ws.append([])
    ws.append(["姓\n名", "出生日期（年月日）", "公民身份号码*", "微信", "家庭情况"])
    ws.append(["张三", None, "410101198503021234", "会用微信"])
    path = tmp_path / "花名册.xlsx"
    wb.save(path)

    match = locate_header(list(read_rows(path)))

    assert match.row_number == 4
    assert match.mapping == {0: "name", 1: "birth_date", 2: "id_number", 3: "wechat"}
    assert match.unknown_columns == ["家庭情况"]
