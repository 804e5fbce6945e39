"""Reading and writing tables with real files."""

from __future__ import annotations

import datetime as dt
import re
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest

from core import tabular
from core.cancel import Cancelled
from core.tabular import TableReadError, TableRow, TableWriteError, read_rows, write_csv, write_xlsx

ID = "410101198503021234"


def _rows(path: Path) -> list[TableRow]:
    return list(read_rows(path))


def _as_pairs(rows: list[TableRow]) -> list[tuple[int, list[object]]]:
    return [(r.number, r.values) for r in rows]


def test_xlsx_row_numbers_skip_blank_and_keep_title_rows(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A2"] = "  东风村党支部党员花名册  "
    ws["A3"] = "填报日期：2024年5月"
    ws.append([])  # row 4 stays empty
    ws["A5"], ws["B5"], ws["C5"], ws["D5"] = "姓名", "出生日期", "年龄", None
    ws["A7"], ws["B7"], ws["C7"] = "张三", dt.datetime(1985, 3, 2), 39
    ws["E7"] = "   "  # whitespace only → trailing empty, trimmed
    ws["A8"], ws["B8"], ws["C8"] = "李四", None, 41.5
    ws["F12"] = "备注在远处"
    path = tmp_path / "roster.xlsx"
    wb.save(path)

    rows = _rows(path)

    assert _as_pairs(rows) == [
        (2, ["东风村党支部党员花名册"]),
        (3, ["填报日期：2024年5月"]),
        (5, ["姓名", "出生日期", "年龄"]),
        (7, ["张三", dt.datetime(1985, 3, 2), 39]),
        (8, ["李四", None, 41.5]),
        (12, [None, None, None, None, None, "备注在远处"]),
    ]
    assert type(rows[3].values[2]) is int
    assert type(rows[4].values[2]) is float


def test_xlsx_uses_first_sheet_with_data(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "空表"
    wb.create_sheet("名单").append(["姓名", "性别"])
    path = tmp_path / "two.xlsx"
    wb.save(path)

    assert _as_pairs(_rows(path)) == [(1, ["姓名", "性别"])]


def test_xlsx_with_wrong_stored_dimension_is_read_completely(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(1, 6):
        ws.append([f"人{i}", i])
    path = tmp_path / "dim.xlsx"
    wb.save(path)
    # Some programs write a wrong <dimension>; rows beyond it must not be lost.
    broken = tmp_path / "dim2.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[A-Z0-9:]+"', b'<dimension ref="A1:B2"', data)
                assert b'<dimension ref="A1:B2"' in data
            dst.writestr(item, data)

    assert [r.number for r in _rows(broken)] == [1, 2, 3, 4, 5]


CSV_TEXT = "花名册\r\n\r\n姓名,性别,身份证号\r\n 张三 ,男,410101198503021234\r\n李四,,\r\n,,\r\n"
CSV_EXPECTED = [
    (1, ["花名册"]),
    (3, ["姓名", "性别", "身份证号"]),
    (4, ["张三", "男", ID]),
    (5, ["李四"]),
]


@pytest.mark.parametrize(
    "data",
    [
        CSV_TEXT.encode("utf-8"),
        CSV_TEXT.encode("utf-8-sig"),
        CSV_TEXT.encode("gbk"),
        CSV_TEXT.encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "utf16"],
)
def test_csv_encodings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(data)

    assert _as_pairs(_rows(path)) == CSV_EXPECTED


def test_csv_gbk_with_rare_characters(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("姓名,民族\n喆䶮,维吾尔族\n".encode("gb18030"))

    assert _as_pairs(_rows(path)) == [(1, ["姓名", "民族"]), (2, ["喆䶮", "维吾尔族"])]


def test_tab_and_semicolon_separated(tmp_path: Path) -> None:
    tab = tmp_path / "roster.txt"
    tab.write_text("姓名\t性别\t备注\n张三\t男\t爱好：读书, 种地\n", encoding="utf-8")
    semi = tmp_path / "roster.csv"
    semi.write_text("姓名;性别\n张三;男\n", encoding="utf-8")

    assert _as_pairs(_rows(tab)) == [(1, ["姓名", "性别", "备注"]), (2, ["张三", "男", "爱好：读书, 种地"])]
    assert _as_pairs(_rows(semi)) == [(1, ["姓名", "性别"]), (2, ["张三", "男"])]


def test_comma_csv_with_quoted_field_spanning_lines(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('姓名,备注\n张三,"第一行\n第二行"\n李四,无\n', encoding="utf-8")

    assert _as_pairs(_rows(path)) == [
        (1, ["姓名", "备注"]),
        (2, ["张三", "第一行\n第二行"]),
        (3, ["李四", "无"]),
    ]


def test_garbage_named_xlsx_is_refused_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(bytes(range(256)) * 20)

    with pytest.raises(TableReadError, match="坏文件.xlsx") as info:
        _rows(path)
    assert "另存为" in str(info.value)


def test_truncated_xlsx_is_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for i in range(200):
        wb.active.append([f"人{i}", i])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])

    with pytest.raises(TableReadError, match="cut.xlsx"):
        _rows(cut)


def test_broken_legacy_workbook_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "旧表.xlsx"  # an OLE file (legacy .xls) with nothing valid in it
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)

    with pytest.raises(TableReadError, match="损坏.*旧版"):
        _rows(path)


@pytest.mark.parametrize("name", ["roster.numbers", "roster.xlsb", "roster"])
def test_unsupported_types_are_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")

    with pytest.raises(TableReadError, match="另存为") as info:
        read_rows(path)
    assert ".xls、" in str(info.value) and ".ods" in str(info.value)  # it names what can be read


@pytest.mark.parametrize(("name", "says"), [("roster.xls", "损坏"), ("roster.ods", "损坏"), ("roster.et", "WPS 表格")])
def test_broken_workbooks_of_every_kind_are_refused(tmp_path: Path, name: str, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")

    with pytest.raises(TableReadError, match=says) as info:
        _rows(path)
    assert "另存为" in str(info.value) and name in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TableReadError, match="找不到文件"):
        _rows(tmp_path / "nope.csv")


def test_too_many_rows_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROWS", 10)
    path = tmp_path / "big.csv"
    path.write_text("\n".join(f"人{i},{i}" for i in range(11)), encoding="utf-8")
    ok = tmp_path / "ok.csv"
    ok.write_text("\n".join(f"人{i},{i}" for i in range(10)), encoding="utf-8")

    assert len(_rows(ok)) == 10
    with pytest.raises(TableReadError, match="超过 10 行"):
        _rows(path)


def test_too_many_xlsx_rows_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tabular, "MAX_ROWS", 5)
    wb = openpyxl.Workbook()
    for i in range(6):
        wb.active.append([f"人{i}"])
    path = tmp_path / "big.xlsx"
    wb.save(path)

    with pytest.raises(TableReadError, match="超过 5 行"):
        _rows(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_cancel_stops_reading(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"many{suffix}"
    data = [[f"人{i}", i] for i in range(2000)]
    if suffix == ".csv":
        write_csv(path, ["姓名", "序号"], data)
    else:
        write_xlsx(path, "表", ["姓名", "序号"], data)
    assert rows_read_after_cancel(path, at=100) < 600


def test_write_xlsx_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    headers = ["姓名", "公民身份号码", "出生日期", "年龄", "备注"]
    rows = [
        ["张三", ID, dt.date(1985, 3, 2), 39, "=1+1 不是公式"],
        ["李四", 41010119900101123, None, 34.5, None],
    ]

    write_xlsx(path, "花名册", headers, rows, text_columns=[1], title="东风村党员花名册", notes=["说明：示例"])

    assert _as_pairs(_rows(path)) == [
        (1, ["东风村党员花名册"]),
        (2, headers),
        (3, ["张三", ID, dt.datetime(1985, 3, 2), 39, "=1+1 不是公式"]),
        (4, ["李四", "41010119900101123", None, 34.5]),
    ]
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["花名册", "填写说明"]
    assert workbook["填写说明"]["A1"].value == "说明：示例"
    ws = workbook.active
    assert ws["B3"].value == ID and ws["B3"].number_format == "@"
    assert ws.column_dimensions["B"].number_format == "@"
    assert ws["E3"].data_type == "s"
    assert ws.freeze_panes == "A3"
    assert "A1:E1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].font.b and ws["A1"].font.b
    assert ws.column_dimensions["B"].width >= 18
    assert ws.column_dimensions["A"].width < ws.column_dimensions["B"].width
    assert not list(tmp_path.glob("*.tmp"))


def test_write_xlsx_choices_and_highlight(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"

    write_xlsx(
        path, "模板", ["姓名", "性别", "错误原因"], [["张三", "男", "性别不对"]],
        choices={1: ["男", "女"]}, highlight_column=2,
    )

    ws = openpyxl.load_workbook(path).active
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"男,女"'
    assert str(dv.sqref) == "B2:B1001"
    assert ws["C2"].fill.fgColor.rgb.endswith("F8CBAD")
    assert ws["A2"].fill.fill_type is None
    assert ws.freeze_panes == "A2"


def test_write_csv_has_bom_crlf_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"

    write_csv(path, ["姓名", "备注", "日期"], [["张三", "说, 明", dt.date(2024, 5, 1)], ["李四", None, None]])

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert _as_pairs(_rows(path)) == [
        (1, ["姓名", "备注", "日期"]),
        (2, ["张三", "说, 明", "2024-05-01"]),
        (3, ["李四"]),
    ]


def test_write_replaces_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")

    write_csv(path, ["姓名"], [["王五"]])

    assert _as_pairs(_rows(path)) == [(1, ["姓名"]), (2, ["王五"])]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_into_missing_folder(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "没有这个文件夹" / f"out{suffix}"

    with pytest.raises(TableWriteError, match="无法写入文件"):
        if suffix == ".csv":
            write_csv(path, ["姓名"], [])
        else:
            write_xlsx(path, "表", ["姓名"], [])


def test_write_permission_error_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tabular.os, "replace", locked)

    with pytest.raises(TableWriteError, match="正被 Excel 打开"):
        write_csv(tmp_path / "out.csv", ["姓名"], [])
    assert not list(tmp_path.iterdir())


def rows_read_after_cancel(path: Path, at: int) -> int:
    """How many rows ``read_rows`` gave before it stopped with ``Cancelled``, the cancel set after
    ``at`` rows."""
    cancel = threading.Event()
    seen = 0
    with pytest.raises(Cancelled):
        for _ in read_rows(path, cancel):
            seen += 1
            if seen == at:
                cancel.set()
    return seen
