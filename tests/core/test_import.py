"""Importing roster sheets: classification with spreadsheet row numbers, atomic apply, duplicate
policies, the error workbook, and the export → import round trip."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from core.roster.demo import load_demo
from core.roster.export import export_roster, write_error_workbook, write_template
from core.roster.importer import apply_import, plan_import, preview_import, summary
from core.roster.members import add_member, as_record, get_member, list_members
from core.store import Store
from core.tabular import TableReadError
from tests.support import MESSY_BAD_ROWS, MESSY_GOOD_NAMES, TODAY, make_id, write_messy_roster


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "花名册.xlsx"
    write_messy_roster(path)
    return path


def test_dry_run_names_each_bad_row_and_field_and_writes_nothing(store: Store, messy: Path) -> None:
    plan = plan_import(store, messy, today=TODAY)
    data = summary(plan, preview_import(store, plan))
    assert {(e["row"], e["field"]) for e in data["errors"]} == set(MESSY_BAD_ROWS.items())
    assert len(data["errors"]) == len(MESSY_BAD_ROWS)
    assert data["rows"] == 9 and data["valid"] == 5 and data["inserted"] == 5
    assert data["unknown_columns"] == ["序号", "籍贯"]
    messages = {e["row"]: e["message"] for e in data["errors"]}
    assert "文本" in messages[7]           # Excel turned the ID number into a number
    assert "校验位" in messages[8]
    assert "第 5 行" in messages[10]       # the in-file duplicate points at the first occurrence
    assert "18" in messages[13]
    assert list_members(store) == []
    assert store.scalar("SELECT count(*) FROM audit_log") == 0


def test_apply_imports_exactly_the_valid_rows_then_nothing_again(store: Store, messy: Path) -> None:
    result = apply_import(store, plan_import(store, messy, today=TODAY))
    assert (result.inserted, result.updated, result.skipped) == (5, 0, 0)
    members = {m["name"]: m for m in list_members(store)}
    assert sorted(members) == sorted(MESSY_GOOD_NAMES)
    zhao = members["赵秀英"]
    assert zhao["birth_date"] == "1980-01-01" and zhao["phone"] == "13612345679"
    assert zhao["id_number"] == make_id("1980-01-01", False)
    assert members["欧阳振华"]["gender"] == "M" and members["欧阳振华"]["joined_date"] == "1985-06"
    assert members["李桂兰"]["phone"] == "13912345678" and members["李桂兰"]["group"] == "老党员党小组"
    revs = store.scalar("SELECT max(rev) FROM rev_counter JOIN members")

    for policy in ("skip", "fill", "overwrite"):
        again = apply_import(store, plan_import(store, messy, today=TODAY), policy)
        assert (again.inserted, again.updated, again.skipped) == (0, 0, 5), policy
    assert store.scalar("SELECT count(*) FROM members") == 5
    assert store.scalar("SELECT max(rev) FROM rev_counter JOIN members") == revs


def test_duplicate_policies(store: Store, tmp_path: Path) -> None:
    first, _ = add_member(store, {"name": "张三", "birth_date": "1965-03-02", "id_number": make_id("1965-03-02"),
                                  "phone": "13800000000"}, TODAY)
    sheet = tmp_path / "s.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号码", "手机", "民族", "备注"])
    wb.active.append(["张三", make_id("1965-03-02"), "13811111111", "汉", None])
    wb.save(sheet)

    plan = plan_import(store, sheet, today=TODAY)
    assert preview_import(store, plan, "fill").updated == 1
    assert get_member(store, first)["ethnicity"] is None  # type: ignore[index]  # preview wrote nothing

    apply_import(store, plan_import(store, sheet, today=TODAY), "fill")
    m = get_member(store, first)
    assert m is not None and (m["phone"], m["ethnicity"]) == ("13800000000", "汉族")

    apply_import(store, plan_import(store, sheet, today=TODAY), "overwrite")
    m = get_member(store, first)
    assert m is not None and m["phone"] == "13811111111"
    assert m["birth_date"] == "1965-03-02"  # a blank in the file never erases a filled value


def test_error_workbook_holds_the_rejected_rows_with_reasons(store: Store, messy: Path, tmp_path: Path) -> None:
    plan = plan_import(store, messy, today=TODAY)
    out = tmp_path / "errors.xlsx"
    assert write_error_workbook(plan, out) == len(MESSY_BAD_ROWS)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][-1] == "错误原因" and rows[0][1] == "姓 名"
    assert [r[1] for r in rows[1:]] == ["王五", "孙六", "张三", "周七"]
    assert all(r[-1] and "行" in r[-1] for r in rows[1:])
    # fixing the file and importing it again is possible: the header is recognised
    replan = plan_import(store, out, today=TODAY)
    assert replan.unknown_columns() == ["序号", "籍贯", "错误原因"]


def test_export_then_import_into_an_empty_database_gives_the_same_roster(
    store: Store, tmp_path: Path
) -> None:
    load_demo(store, members=150, seed=3, today=TODAY)
    for suffix in ("xlsx", "csv"):
        out = tmp_path / f"roster.{suffix}"
        export_roster(store, out, show_id_numbers=True)
        other = Store.open(tmp_path / f"other-{suffix}.db")
        plan = plan_import(other, out, today=TODAY)
        assert plan.errors == []
        assert apply_import(other, plan).inserted == 150

        def roster(s: Store) -> list[dict]:
            return sorted((as_record(m) for m in list_members(s)), key=lambda r: r["id_number"])

        assert roster(other) == roster(store)
        other.close()


def test_export_masks_id_numbers_by_default(store: Store, tmp_path: Path) -> None:
    load_demo(store, members=20, seed=1, today=TODAY)
    out = tmp_path / "masked.xlsx"
    export_roster(store, out)
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    column = header.index("公民身份号码")
    values = [row[column] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert all(v[6:14] == "********" and len(v) == 18 for v in values)
    real = {m["id_number"][-4:] for m in list_members(store)}
    assert {v[-4:] for v in values} == real


def test_template_is_read_back_as_an_empty_roster(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "template.xlsx"
    write_template(out)
    plan = plan_import(store, out, today=TODAY)
    assert plan.outcomes == [] and plan.unknown_columns() == []


def test_gbk_csv_is_read(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    text = f"姓名,性别,身份证号,出生日期\r\n王秀英,女,{make_id('1955-02-03', False)},1955年2月3日\r\n"
    path.write_bytes(text.encode("gbk"))
    assert apply_import(store, plan_import(store, path, today=TODAY)).inserted == 1
    assert list_members(store)[0]["name"] == "王秀英"


def test_broken_file_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"\x00\x01garbage" * 1000)
    with pytest.raises(TableReadError):
        plan_import(store, path, today=TODAY)
