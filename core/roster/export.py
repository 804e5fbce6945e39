"""Writing the roster to XLSX/CSV with Chinese headers the importer reads back, plus the blank
import template and the error workbook of an import."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from core.idcard import mask_id
from core.roster.fields import EDUCATION_LEVELS, MEMBER_FIELDS, choice_label
from core.roster.importer import ImportPlan, error_rows
from core.roster.members import list_members
from core.store import Store
from core.tabular import TableWriteError, write_csv, write_xlsx

HEADERS = [f.label for f in MEMBER_FIELDS]
_ID_COLUMN = next(i for i, f in enumerate(MEMBER_FIELDS) if f.key == "id_number")
_PHONE_COLUMN = next(i for i, f in enumerate(MEMBER_FIELDS) if f.key == "phone")


class ExportError(Exception):
    """The file could not be written (Chinese message)."""


def member_cells(member: Mapping[str, Any], show_id_numbers: bool = False) -> list[Any]:
    """One member as the cells of an exported row."""
    cells: list[Any] = []
    for f in MEMBER_FIELDS:
        value = member.get(f.key)
        if f.choices:
            value = choice_label(f.key, value)
        elif f.key == "id_number" and not show_id_numbers:
            value = mask_id(value)
        cells.append(value if value not in (None, "") else None)
    return cells


def export_roster(
    store: Store,
    path: Path,
    *,
    show_id_numbers: bool = False,
    members: Iterable[Mapping[str, Any]] | None = None,
    title: str | None = None,
) -> int:
    """Write members (all current ones by default) to ``path`` (.xlsx or .csv). Returns the count."""
    path = Path(path)
    rows = [member_cells(m, show_id_numbers) for m in (members if members is not None else list_members(store))]
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            write_csv(path, HEADERS, rows)
        elif suffix == ".xlsx":
            write_xlsx(
                path, "花名册", HEADERS, rows, text_columns=(_ID_COLUMN, _PHONE_COLUMN), title=title
            )
        else:
            raise ExportError(f"不支持的文件类型「{path.suffix}」：请保存为 .xlsx 或 .csv")
    except TableWriteError as exc:
        raise ExportError(str(exc)) from exc
    return len(rows)


def write_template(path: Path) -> None:
    """A blank import template with drop-down lists for the coded columns."""
    choices: dict[int, list[str]] = {
        index: list(f.choices.values()) for index, f in enumerate(MEMBER_FIELDS) if f.choices
    }
    choices[[f.key for f in MEMBER_FIELDS].index("education")] = list(EDUCATION_LEVELS)
    notes = [
        "填写说明：每行一名党员，姓名必填；公民身份号码请按文本填写（18 位，末位可为 X）。",
        "日期可写成 1985-03-02、1985/3/2、1985年3月2日 等；人员类别填“正式党员”或“预备党员”。",
        "预备党员不填转正日期；状态为空时视为“正常”。填好后在“花名册 → 导入”中选择本文件。",
    ]
    try:
        write_xlsx(
            Path(path), "花名册", HEADERS, [], text_columns=(_ID_COLUMN, _PHONE_COLUMN),
            title="党员花名册（导入模板）", notes=notes, choices=choices,
        )
    except TableWriteError as exc:
        raise ExportError(str(exc)) from exc


def write_error_workbook(plan: ImportPlan, path: Path) -> int:
    """Save the rejected rows as they were, with a reasons column, ready to fix and re-import."""
    headers, rows = error_rows(plan)
    id_columns = [i for i, key in plan.mapping.items() if key in ("id_number", "phone")]
    try:
        write_xlsx(
            Path(path), "未导入的行", headers, rows, text_columns=id_columns,
            highlight_column=len(headers) - 1,
        )
    except TableWriteError as exc:
        raise ExportError(str(exc)) from exc
    return len(rows)
