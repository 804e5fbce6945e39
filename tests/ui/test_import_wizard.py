"""The roster import wizard, driven as a person would: file → columns → preview → policy → import →
summary, with every read and write going through the task runner."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from core.roster.demo_data import generate_demo_branch
from core.roster.export import HEADERS, member_cells
from core.roster.members import list_members
from core.store import Store
from tests.support import MESSY_BAD_ROWS, MESSY_GOOD_NAMES, TODAY, write_messy_roster
from ui.context import AppContext
from ui.roster.import_preview import (
    ERROR_BACKGROUND,
    KIND_ROLE,
    PROBLEM_COLUMN,
    ROW_COLUMN,
    STATUS_COLUMN,
)
from ui.roster.import_wizard import (
    APPLY_PAGE,
    FILE_PAGE,
    MAPPING_PAGE,
    POLICY_PAGE,
    PREVIEW_PAGE,
    SUMMARY_PAGE,
    ImportWizard,
)

WAIT = 30_000


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "花名册.xlsx"
    write_messy_roster(path)
    return path


def open_wizard(ctx: AppContext, qtbot) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(ctx)
    wizard.today = TODAY
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == FILE_PAGE
    return wizard


def go_next(wizard: ImportWizard, qtbot, expected: int) -> None:  # type: ignore[no-untyped-def]
    """Press Next and wait until the wizard shows page ``expected`` (work included)."""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == expected and not wizard.busy, timeout=WAIT)


def run_to_preview(wizard: ImportWizard, path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard.set_file(path)
    go_next(wizard, qtbot, MAPPING_PAGE)
    go_next(wizard, qtbot, PREVIEW_PAGE)


def members(ctx: AppContext) -> list[dict]:
    store = Store.open(ctx.db_path)
    try:
        return list_members(store)
    finally:
        store.close()


def test_messy_file_end_to_end_then_again_imports_nothing(ctx: AppContext, messy: Path, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(ctx, qtbot)
    wizard.set_file(messy)
    go_next(wizard, qtbot, MAPPING_PAGE)

    page = wizard.mapping_page
    shown = {page.header_text(c): page.field_of(c) for c in range(len(page.combos))}
    assert shown == {
        "序号": "", "姓 名": "name", "性别": "gender", "出生年月": "birth_date", "身份证号": "id_number",
        "联系电话": "phone", "入党时间": "joined_date", "转正时间": "confirmed_date", "党小组": "group", "籍贯": "",
    }
    assert page.combo(1).currentText() == "姓名"
    assert page.combo(0).currentText() == "（不导入）"
    assert page.table.item(1, 2).text() == "张三"  # sample of the first data row (spreadsheet row 5)

    go_next(wizard, qtbot, PREVIEW_PAGE)
    model = wizard.preview_model
    rows = {model.outcome(r).row.number: r for r in range(model.rowCount())}
    assert sorted(rows) == [5, 6, 7, 8, 9, 10, 12, 13, 14]
    errors = {n for n, r in rows.items() if model.index(r, 0).data(KIND_ROLE) == "error"}
    assert errors == set(MESSY_BAD_ROWS)
    for number, field in MESSY_BAD_ROWS.items():
        r = rows[number]
        assert model.index(r, ROW_COLUMN).data() == number
        assert model.index(r, STATUS_COLUMN).data() == "有错误，不导入"
        reasons = model.index(r, PROBLEM_COLUMN).data()
        assert reasons and reasons in model.index(r, 5).data(Qt.ItemDataRole.ToolTipRole).replace("\n", "；")
        assert model.index(r, 4).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
        assert [i.field for i in model.outcome(r).errors] == [field]
    assert "校验位" in model.index(rows[8], PROBLEM_COLUMN).data()
    assert "第 5 行" in model.index(rows[10], PROBLEM_COLUMN).data()
    assert model.index(rows[5], PROBLEM_COLUMN).data() == ""
    assert model.index(rows[5], 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "序号" in wizard.preview_page.unknown.text() and "籍贯" in wizard.preview_page.unknown.text()

    wizard.preview_page.only_problems.setChecked(True)
    proxy = wizard.preview_page.proxy
    assert {proxy.index(r, ROW_COLUMN).data() for r in range(proxy.rowCount())} == set(MESSY_BAD_ROWS)
    wizard.preview_page.only_problems.setChecked(False)
    assert proxy.rowCount() == 9

    go_next(wizard, qtbot, POLICY_PAGE)
    assert wizard.policy == "skip"
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "导入(&I)"
    changed: list[bool] = []
    ctx.roster_changed.connect(lambda: changed.append(True))
    go_next(wizard, qtbot, SUMMARY_PAGE)
    assert changed == [True]
    result = wizard.result
    assert result is not None and (result.inserted, result.updated, result.skipped) == (5, 0, 0)
    assert sorted(m["name"] for m in members(ctx)) == sorted(MESSY_GOOD_NAMES)
    summary = wizard.summary_page
    assert (summary.inserted.text(), summary.errors.text()) == ("5", "4")
    assert summary.save_button.isEnabled()
    assert wizard.default_error_path() == messy.with_name("花名册-错误行.xlsx")

    out = tmp_path / "错误行.xlsx"
    summary.save_errors(out)
    qtbot.waitUntil(lambda: out.exists() and not wizard.busy, timeout=WAIT)
    sheet = openpyxl.load_workbook(out).active
    reasons = [row[-1] for row in sheet.iter_rows(values_only=True) if row[-1] and str(row[-1]).startswith("第 ")]
    assert [int(r.split()[1]) for r in reasons] == sorted(MESSY_BAD_ROWS)
    assert "4" in summary.message.text()

    again = open_wizard(ctx, qtbot)
    run_to_preview(again, messy, qtbot)
    assert again.plan is not None and again.plan.count("duplicate") == 5
    go_next(again, qtbot, POLICY_PAGE)
    qtbot.waitUntil(lambda: bool(again.previews), timeout=WAIT)
    assert "5 人保持不变" in again.policy_page.effects["skip"].text()
    again.policy = "overwrite"
    go_next(again, qtbot, SUMMARY_PAGE)
    assert again.result is not None and again.result.inserted == 0
    assert len(members(ctx)) == 5


def test_remapping_a_column_changes_the_plan(ctx: AppContext, messy: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(ctx, qtbot)
    wizard.set_file(messy)
    go_next(wizard, qtbot, MAPPING_PAGE)
    page = wizard.mapping_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    page.set_field(0, "name")  # 序号 as 姓名 too: two columns for one field
    assert not next_button.isEnabled()
    assert "姓名" in page.message.text() and "A / B" in page.message.text()
    page.set_field(0, "")
    page.set_field(1, "")  # no name column at all
    assert not next_button.isEnabled()
    assert "姓名" in page.message.text()
    page.set_field(1, "name")
    assert next_button.isEnabled() and page.message.isHidden()

    page.set_field(5, "")  # 联系电话 → (ignore)
    page.set_field(9, "note")  # 籍贯 → 备注
    go_next(wizard, qtbot, PREVIEW_PAGE)
    plan = wizard.plan
    assert plan is not None
    assert 5 not in plan.mapping and plan.mapping[9] == "note"
    assert plan.unknown_columns() == ["序号", "联系电话"]
    first = next(o for o in plan.outcomes if o.row.number == 5)
    assert first.record.get("note") == "河南" and not first.record.get("phone")
    headers = [wizard.preview_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(wizard.preview_model.columnCount())]
    assert "手机" not in headers and "备注" in headers


def test_a_broken_file_shows_the_chinese_error_on_the_first_page(ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"this is not a workbook")
    wizard = open_wizard(ctx, qtbot)
    wizard.set_file(broken)
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy and wizard.file_page.message.isVisible(), timeout=WAIT)
    assert wizard.currentId() == FILE_PAGE
    text = wizard.file_page.message.text()
    assert "坏文件.xlsx" in text or "文件" in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert "b00020" in wizard.file_page.message.styleSheet()

    no_header = tmp_path / "无表头.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    wizard.set_file(no_header)
    assert wizard.file_page.message.isHidden()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy and wizard.file_page.message.isVisible(), timeout=WAIT)
    assert "没有找到表头行" in wizard.file_page.message.text()
    assert wizard.currentId() == FILE_PAGE


def test_blank_template_is_saved_through_the_runner(ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(ctx, qtbot)
    out = tmp_path / "模板.xlsx"
    wizard.file_page.save_template(out)
    qtbot.waitUntil(lambda: out.exists() and not wizard.busy, timeout=WAIT)
    assert str(out) in wizard.file_page.message.text()
    wizard.set_file(out)
    wizard.next()  # a template has headers but no members: nothing to import, still readable
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING_PAGE and not wizard.busy, timeout=WAIT)
    assert wizard.plan is not None and wizard.plan.outcomes == []


def test_cancel_during_apply_writes_nothing(ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "大花名册.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for member in generate_demo_branch(3000, seed=5, today=TODAY).members:
        sheet.append(member_cells(member, show_id_numbers=True))
    book.save(big)

    wizard = open_wizard(ctx, qtbot)
    run_to_preview(wizard, big, qtbot)
    assert wizard.plan is not None and wizard.plan.count("new") > 2500
    go_next(wizard, qtbot, POLICY_PAGE)
    wizard.next()  # Import: the apply page starts the import at once
    assert wizard.currentId() == APPLY_PAGE and wizard.busy
    page = wizard.apply_page
    page.cancel()
    qtbot.waitUntil(lambda: page.cancelled, timeout=WAIT)
    assert wizard.currentId() == APPLY_PAGE and wizard.result is None
    assert "没有写入" in page.status.text()
    assert page.retry_button.isVisible()
    assert members(ctx) == []

    seen: list[int] = []
    page.bar.valueChanged.connect(seen.append)
    page.retry_button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY_PAGE, timeout=WAIT)
    assert seen and max(seen) > 0  # the bar on the page followed the import
    assert wizard.result is not None and len(members(ctx)) == wizard.result.inserted > 2500
