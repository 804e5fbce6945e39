"""A legacy .xls roster opened in the import wizard: the columns are mapped, the preview shows every
data row with its spreadsheet row number, the merged 党小组 filled down and the bad rows marked.

``ZHIBU_PREVIEW_SHOT=FILE`` also saves a screenshot of the preview page there."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt

from tests.core.test_spreadsheet_formats import HEADER, ROSTER
from tests.spreadsheet_formats import save
from tests.ui.test_import_wizard import go_next, open_wizard
from ui.context import AppContext
from ui.roster.import_preview import FIRST_VALUE_COLUMN, KIND_ROLE, ROW_COLUMN, STATUS_COLUMN
from ui.roster.import_wizard import MAPPING_PAGE, PREVIEW_PAGE


def test_a_xls_roster_is_mapped_and_previewed(ctx: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = save(ROSTER, tmp_path / "河东村花名册.xls")
    wizard = open_wizard(ctx, qtbot)
    wizard.resize(QSize(1100, 700))
    wizard.set_file(path)
    go_next(wizard, qtbot, MAPPING_PAGE)

    page = wizard.mapping_page
    shown = {page.header_text(c): page.field_of(c) for c in range(len(page.combos))}
    assert shown == {
        "姓名": "name", "性别": "gender", "身份证号": "id_number", "出生日期": "birth_date", "人员类别": "category",
        "入党日期": "joined_date", "转正日期": "confirmed_date", "党小组": "group", "所在村": "village",
        "联系电话": "phone",
    }
    assert list(shown) == HEADER

    go_next(wizard, qtbot, PREVIEW_PAGE)
    model = wizard.preview_model
    rows = {model.index(r, ROW_COLUMN).data(): r for r in range(model.rowCount())}
    assert sorted(rows) == [4, 5, 6, 7, 8, 9]  # title rows and the header above them
    errors = {n for n, r in rows.items() if model.index(r, 0).data(KIND_ROLE) == "error"}
    assert errors == {6, 9}
    assert model.index(rows[6], STATUS_COLUMN).data() == "有错误，不导入"
    columns = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(FIRST_VALUE_COLUMN, model.columnCount())}

    def cell(row: int, label: str) -> str:
        return str(model.index(rows[row], columns[label]).data())

    assert cell(4, "姓名") == "张三" and cell(4, "出生日期").startswith("1965-03-02")
    assert cell(5, "姓名") == "李桂兰" and cell(5, "党小组") == "第一党小组"  # merged down from row 4
    assert cell(5, "所在村") == "河东村"
    assert cell(8, "党小组") == "第二党小组" and cell(7, "人员类别") == "预备党员"

    shot = wizard.grab()
    assert shot.width() >= 800 and not shot.toImage().isNull()
    target = os.environ.get("ZHIBU_PREVIEW_SHOT")
    if target:
        assert shot.save(target)

