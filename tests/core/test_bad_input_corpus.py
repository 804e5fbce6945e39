"""The bad-input corpus of the two importers (roster and lesson list, through the core and through
``import-roster`` / ``lessons import``) and of the roster export: files that are not what their
names say, broken and empty files, odd encodings, huge cells, a million rows, very wide sheets,
formulas, merged cells, hidden sheets and rows. Each is refused with a Chinese message and nothing
written, or imported correctly; memory stays bounded; no formula leaves an export as a live one."""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.lessons.lesson_import import apply_lesson_import, plan_lesson_import
from core.roster.export import export_roster, write_error_workbook
from core.roster.importer import apply_import, plan_import
from core.roster.members import list_members
from core.store import Store
from core.tabular import TableReadError, read_rows
from tests.bad_input_files import (
    Formula,
    Sheet,
    csv_text,
    entity_bomb_workbook,
    garbage,
    million_row_csv,
    write_workbook,
    zip_of,
)
from tests.e2e.run_cli import ROOT

PEAK_RSS_LIMIT_MB = 400
FIVE_MB = 5 * 1024 * 1024
ROSTER = ["姓名", "性别", "所在村", "党小组", "备注"]
LESSONS = ["标题", "时长（分钟）", "视频链接", "专题", "备注"]
Maker = Callable[[Path], Path]


def table_digest(store: Store) -> str:
    """Every row of every table: equal digests mean not one row was written."""
    digest = hashlib.sha256()
    for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        digest.update(repr((name, store.conn.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall())).encode())
    return digest.hexdigest()


def data(name: str, content: bytes) -> Maker:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path
    return make


def text(name: str, rows: list[list[Any]], encoding: str = "utf-8", delimiter: str = ",") -> Maker:
    return lambda folder: data(name, csv_text(rows, delimiter).encode(encoding))(folder)


def book(name: str, *sheets: Sheet) -> Maker:
    return lambda folder: write_workbook(folder / name, sheets)


def truncated(folder: Path) -> Path:
    whole = write_workbook(folder / "whole.xlsx", [Sheet("花名册", [ROSTER, ["张三", "男"]] * 200)]).read_bytes()
    return data("截断.xlsx", whole[: len(whole) // 2])(folder)


def cell_of(size: int, char: str = "长") -> str:
    return char * size


HUGE_CSV_CELL = text("花名册.csv", [ROSTER, ["张三", "男", "河东村", "一组", cell_of(FIVE_MB, "x")]])
GARBAGE_XLSX = data("花名册.xlsx", garbage(20_000))
ENTITY_BOMB: Maker = lambda folder: entity_bomb_workbook(folder / "花名册.xlsx")  # noqa: E731
WIDE = book("花名册.xlsx", Sheet("花名册", [[*ROSTER, *[f"列{n}" for n in range(16_379)]], ["张三", "男", *["x"] * 16_382]]))
HUGE_XLSX_CELLS = book("花名册.xlsx", Sheet("花名册", [  # one cell of 5 MB, two of 100,000 characters
    ROSTER, ["张三", "男", cell_of(FIVE_MB)], ["李四", "女", None, None, cell_of(100_000)], [cell_of(100_000), "男"],
    ["王五", "女", "河东村"]]))

# -- refused as a whole, by both importers -------------------------------------------------------------

REFUSED: list[tuple[str, Maker, str]] = [
    ("garbage named .xlsx", GARBAGE_XLSX, "损坏"),
    ("garbage named .csv", data("花名册.csv", garbage(20_000, seed=2)), "编码"),
    ("a zip that is not a workbook", data("花名册.xlsx", zip_of({"readme.txt": b"hello"})), "损坏"),
    ("a zip named .csv", data("花名册.csv", zip_of({"xl/workbook.xml": b"<x/>"})), "损坏"),
    ("a truncated workbook", truncated, "损坏"),
    ("an empty .csv", data("花名册.csv", b""), "没有数据"),
    ("an empty .xlsx", data("花名册.xlsx", b""), "损坏"),
    ("a workbook without cells", book("花名册.xlsx", Sheet("Sheet1", [])), "没有数据"),
    ("blank lines only", data("花名册.csv", b"\r\n   \r\n,,,\r\n"), "没有数据"),
    ("a 5 MB cell in a CSV", HUGE_CSV_CELL, "过长的单元格"),
    ("a broken legacy .xls renamed .xlsx", data("花名册.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048)), "旧版"),
    ("a Word file", data("花名册.docx", zip_of({"word/document.xml": b"<w/>"})), "不支持"),
    ("shared strings that expand a billion times", ENTITY_BOMB, "损坏"),
    ("GBK and UTF-8 mixed in one file",
     data("花名册.csv", csv_text([ROSTER, ["张三", "男"]]).encode("gbk") + csv_text([["李四", "女"]]).encode()), "编码"),
    # Encodings the importer does not read: the header cannot be found, so it is refused
    ("Big5", text("花名册.csv", [["姓名", "性別", "所在村", "黨小組"], ["張三", "男", "河東村"]], "big5"), "表头"),
    ("UTF-16 without a BOM", text("花名册.csv", [ROSTER, ["张三", "男"]], "utf-16-le"), "表头"),
    ("UTF-32", text("花名册.csv", [ROSTER, ["张三", "男"]], "utf-32"), "表头"),
]


@pytest.mark.parametrize(("case", "make", "says"), REFUSED, ids=[c[0] for c in REFUSED])
def test_both_importers_refuse_the_file_in_chinese_and_write_nothing(
    store: Store, tmp_path: Path, case: str, make: Maker, says: str
) -> None:
    refused_by_both_importers(store, make(tmp_path), says)


def refused_by_both_importers(store: Store, path: Path, says: str) -> list[str]:
    """The roster and the lesson importer both refuse ``path`` with a short Chinese message matching
    ``says`` that says what to do, and write nothing; their messages."""
    before = table_digest(store)
    messages = []
    for plan in (lambda: plan_import(store, path), lambda: plan_lesson_import(store, path)):
        with pytest.raises(TableReadError, match=says) as refused:
            plan()
        message = str(refused.value)
        assert re.search(r"[\u4e00-\u9fff]", message) and len(message) < 500, message
        assert "请" in message  # and it says what to do
        messages.append(message)
    assert table_digest(store) == before
    return messages


# -- imported as a person means it ----------------------------------------------------------------------

MERGED_GROUPS = Sheet("花名册", [
    ["河东村党支部党员花名册"], ROSTER,
    ["张三", "男", "河东村", "第一党小组"], ["李四", "男"], ["王五", "女", "河西村", "第二党小组"], ["赵六", "女"],
], merged=["A1:E1", "C3:C4", "D3:D4", "C5:C6", "D5:D6"])
FORMULAS = Sheet("花名册", [
    ROSTER,
    ["张三", "男", Formula('HYPERLINK("http://evil.example/","河东村")', "河东村"), Formula("1+1", 2),
     Formula("cmd|' /C calc'!A0", "0")],
    ["李四", "女", "=HYPERLINK(\"http://evil.example/\",\"点我\")", "=1+1", "=cmd|' /C calc'!A0"],
    ["王五", "女", Formula("A1&B1"), "@SUM(A1:A3)", "-2+3"],
], shared_strings=True)

ROSTER_IMPORTS: list[tuple[str, Maker, dict[str, dict[str, Any]], int]] = [  # (case, file, members, error rows)
    ("UTF-8 with a BOM", data("花名册.csv", codecs.BOM_UTF8 + csv_text([ROSTER, ["张三", "男", "河东村"]]).encode()),
     {"张三": {"gender": "M", "village": "河东村"}}, 0),
    ("UTF-16 with a BOM, tab separated (Excel Unicode text)",
     data("花名册.txt", codecs.BOM_UTF16_LE + csv_text([ROSTER, ["张三", "男", "河东村"]], "\t").encode("utf-16-le")),
     {"张三": {"village": "河东村"}}, 0),
    ("UTF-16 big-endian with a BOM",
     data("花名册.csv", codecs.BOM_UTF16_BE + csv_text([ROSTER, ["李四", "女"]]).encode("utf-16-be")),
     {"李四": {"gender": "F"}}, 0),
    ("GBK", text("花名册.csv", [ROSTER, ["张三", "男", "河东村", "第一党小组"]], "gbk"),
     {"张三": {"village": "河东村", "group": "第一党小组"}}, 0),
    ("GB18030 with characters GBK lacks", text("花名册.csv", [ROSTER, ["刘䶮", "男", "㘵村"]], "gb18030"),
     {"刘䶮": {"village": "㘵村"}}, 0),
    ("semicolons, old Mac line ends", data("花名册.csv", "姓名;性别;所在村\r张三;男;河东村\r".encode()),
     {"张三": {"village": "河东村"}}, 0),
    ("a header only", text("花名册.csv", [ROSTER]), {}, 0),
    ("a header only (workbook)", book("花名册.xlsx", Sheet("花名册", [ROSTER])), {}, 0),
    ("a workbook named .csv", book("花名册.csv", Sheet("花名册", [ROSTER, ["张三", "男"]])), {"张三": {}}, 0),
    ("a hidden list sheet before the roster",
     book("花名册.xlsx", Sheet("字典", [["男", "女"], ["正常", "流动"]], state="hidden"),
          Sheet("花名册", [ROSTER, ["张三", "男", "河东村"]])), {"张三": {"village": "河东村"}}, 0),
    ("hidden rows are rows too", book("花名册.xlsx", Sheet("花名册", [ROSTER, ["张三", "男"], ["李四", "女"]], hidden_rows=[3])),
     {"张三": {}, "李四": {}}, 0),
    ("cells merged down over a 党小组", book("花名册.xlsx", MERGED_GROUPS), {
        "张三": {"village": "河东村", "group": "第一党小组"}, "李四": {"village": "河东村", "group": "第一党小组"},
        "王五": {"village": "河西村", "group": "第二党小组"}, "赵六": {"village": "河西村", "group": "第二党小组"}}, 0),
    ("formulas: the saved results, or the text as written", book("花名册.xlsx", FORMULAS), {
        "张三": {"village": "河东村", "group": "2", "note": "0"},
        "李四": {"village": "=HYPERLINK(\"http://evil.example/\",\"点我\")", "group": "=1+1",
                 "note": "=cmd|' /C calc'!A0"},
        "王五": {"village": None, "group": "@SUM(A1:A3)", "note": "-2+3"}}, 0),
    ("16,384 columns, the most Excel has", WIDE, {"张三": {}}, 0),
    ("a quote never closed swallows the rest of the file", data("花名册.csv", '姓名,性别\r\n"张三,男\r\n李四,女\r\n'.encode()),
     {}, 1),
    ("a NUL character in a name", data("花名册.csv", "姓名,性别\r\n张\x00三,男\r\n李四,女\r\n".encode()), {"李四": {}}, 1),
]


@pytest.mark.parametrize(("case", "make", "expected", "bad_rows"), ROSTER_IMPORTS, ids=[c[0] for c in ROSTER_IMPORTS])
def test_roster_import_reads_what_the_office_sees(
    store: Store, tmp_path: Path, case: str, make: Maker, expected: dict[str, dict[str, Any]], bad_rows: int
) -> None:
    before = table_digest(store)
    plan = plan_import(store, make(tmp_path))
    assert plan.count("error") == bad_rows
    assert all(len(issue.message) < 200 for issue in plan.errors)  # a huge cell is not quoted back
    result = apply_import(store, plan)
    assert result.inserted == len(expected)
    members = {m["name"]: m for m in list_members(store)}
    assert set(members) == set(expected)
    for name, fields in expected.items():
        assert {key: members[name][key] for key in fields} == fields, name
    if not expected:
        assert table_digest(store) == before


LESSON_IMPORTS: list[tuple[str, Maker, dict[str, dict[str, Any]], int]] = [
    ("GBK", text("课程.csv", [LESSONS, ["防范电信诈骗", 15, "https://dj.example.cn/v/1"]], "gbk"),
     {"防范电信诈骗": {"minutes": 15}}, 0),
    ("UTF-16 with a BOM", text("课程.csv", [LESSONS, ["党章学习", 20]], "utf-16"), {"党章学习": {"minutes": 20}}, 0),
    ("a hidden sheet first", book("课程.xlsx", Sheet("说明", [["仅供参考"]], state="veryHidden"),
                                  Sheet("课程", [LESSONS, ["党章学习", 20]])), {"党章学习": {}}, 0),
    ("专题 merged down", book("课程.xlsx", Sheet("课程", [LESSONS, ["第一讲", 10, None, "党史"], ["第二讲", 12]],
                                                merged=["D2:D3"])),
     {"第一讲": {"topic": "党史"}, "第二讲": {"topic": "党史"}}, 0),
    ("formulas", book("课程.xlsx", Sheet("课程", [LESSONS, ["=1+1", Formula("10+5", 15)],
                                                   [Formula('HYPERLINK("http://evil.example/","看视频")', "看视频"), 5]])),
     {"=1+1": {"minutes": 15}, "看视频": {"minutes": 5}}, 0),
    ("huge cells", book("课程.xlsx", Sheet("课程", [LESSONS, ["第一讲", cell_of(FIVE_MB, "1")],
                                                   ["第二讲", 10, "https://x.cn/" + cell_of(100_000, "a")],
                                                   ["第三讲", 10, None, None, cell_of(100_000)], ["第四讲", 10]])),
     {"第四讲": {"minutes": 10}}, 3),
]


@pytest.mark.parametrize(("case", "make", "expected", "bad_rows"), LESSON_IMPORTS, ids=[c[0] for c in LESSON_IMPORTS])
def test_lesson_import_reads_what_the_office_sees(
    store: Store, tmp_path: Path, case: str, make: Maker, expected: dict[str, dict[str, Any]], bad_rows: int
) -> None:
    plan = plan_lesson_import(store, make(tmp_path))
    assert len({e.row for e in plan.errors}) == bad_rows
    assert all(len(e.message) < 200 for e in plan.errors)
    assert apply_lesson_import(store, plan) == len(expected)
    lessons = {row["title"]: row for row in store.query("SELECT * FROM lessons")}
    assert set(lessons) == set(expected)
    for title, fields in expected.items():
        assert {key: lessons[title][key] for key in fields} == fields, title


# -- formulas never leave as formulas -------------------------------------------------------------------

LIVE = ["=HYPERLINK(\"http://evil.example/\",\"点我\")", "=1+1", "=cmd|' /C calc'!A0", "@SUM(A1:A3)", "-2+3",
        "+86 138"]


def _formula_cells(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return [name for name in zf.namelist() if name.startswith("xl/worksheets/") and b"<f>" in zf.read(name)]


def test_formula_text_is_exported_as_text_and_csv_cells_cannot_start_a_formula(store: Store, tmp_path: Path) -> None:
    sheet = text("花名册.csv", [["姓名", "所在村", "村民小组", "党小组", "备注"], ["张三", *LIVE[:4]], ["李四", *LIVE[4:]]])
    plan = plan_import(store, sheet(tmp_path))
    assert apply_import(store, plan).inserted == 2
    stored = {m["name"]: [m["village"], m["village_group"], m["group"], m["note"]] for m in list_members(store)}
    assert stored == {"张三": LIVE[:4], "李四": [*LIVE[4:], None, None]}

    export_roster(store, tmp_path / "导出.xlsx")
    assert _formula_cells(tmp_path / "导出.xlsx") == []
    ws = openpyxl.load_workbook(tmp_path / "导出.xlsx").active
    cells = {c.value: c.data_type for row in ws.iter_rows() for c in row if c.value in LIVE}
    assert cells == dict.fromkeys(LIVE, "s")

    export_roster(store, tmp_path / "导出.csv")
    with (tmp_path / "导出.csv").open(encoding="utf-8-sig", newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert all("'" + value in cells for value in LIVE)
    # and the importer takes the guard off again: the round trip keeps every value
    again = {value for row in read_rows(tmp_path / "导出.csv") for value in row.values}
    assert set(LIVE) <= again

    bad = book("错行.xlsx", Sheet("花名册", [ROSTER, ["=1+1", "男", "=cmd|' /C calc'!A0"]]))(tmp_path)
    plan = plan_import(store, bad)
    assert plan.count("error") == 1
    write_error_workbook(plan, tmp_path / "错误行.xlsx")
    assert _formula_cells(tmp_path / "错误行.xlsx") == []


# -- the command line: refusals, nothing written, bounded memory ----------------------------------------


# The child reports its own peak: a fork's usage figures (RUSAGE_CHILDREN) would also count this
# test process's memory, which the child starts out as a copy of.
_REPORT_PEAK = """
import atexit, os, runpy, sys
def report():
    with open("/proc/self/status") as status:
        peak = next(line for line in status if line.startswith("VmHWM:"))
    with open(os.environ["ZHIBU_PEAK_FILE"], "w") as out:
        out.write(peak.split()[1])
atexit.register(report)
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def run_measured(db: Path, *args: str | Path) -> tuple[int, str, str, float]:
    """``main.py --db DB args`` as a process: exit code, stdout, stderr and its peak RSS in MB."""
    peak = db.with_suffix(".peak")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ZHIBU_PEAK_FILE": str(peak)}
    env.pop("ZHIBU_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", _REPORT_PEAK, str(ROOT / "main.py"), "--db", str(db), *map(str, args)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=300,
    )
    return done.returncode, done.stdout, done.stderr, int(peak.read_text()) / 1024


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (case, file, command, exit code, what stderr says or the rows a dry run would insert)
CLI_INPUTS: list[tuple[str, Maker, list[str], int, str | int]] = [
    ("a million-row CSV", lambda f: million_row_csv(f / "花名册.csv"), ["import-roster"], 1, "超过 50000 行"),
    ("a 5 MB CSV cell", HUGE_CSV_CELL, ["import-roster"], 1, "过长的单元格"),
    ("huge workbook cells: those rows are refused, the others imported", HUGE_XLSX_CELLS,
     ["import-roster", "--dry-run"], 0, 1),
    ("shared strings that expand a billion times", ENTITY_BOMB, ["import-roster"], 1, "损坏"),
    ("garbage named .xlsx", GARBAGE_XLSX, ["lessons", "import"], 1, "损坏"),
]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
@pytest.mark.parametrize(("case", "make", "command", "code", "outcome"), CLI_INPUTS, ids=[c[0] for c in CLI_INPUTS])
def test_the_command_answers_in_chinese_writes_nothing_and_stays_small(
    tmp_path: Path, case: str, make: Maker, command: list[str], code: int, outcome: str | int
) -> None:
    db = tmp_path / "branch.db"
    Store.open(db).close()
    before = file_hash(db)
    exit_code, stdout, stderr, peak_mb = run_measured(db, *command, make(tmp_path), "--json")
    assert exit_code == code, stderr
    assert "Traceback" not in stderr
    assert len(stdout.splitlines()) == 1  # one JSON object
    answer = json.loads(stdout)
    if isinstance(outcome, str):
        assert outcome in stderr and outcome in answer["error"]
    else:
        assert answer["inserted"] == outcome and len(answer["errors"]) == 3
        assert all(len(error["message"]) < 200 for error in answer["errors"])
    assert peak_mb < PEAK_RSS_LIMIT_MB, f"{case}: {peak_mb:.0f} MB"
    assert file_hash(db) == before and not db.with_name(db.name + "-wal").exists()
