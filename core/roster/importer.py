"""Importing a roster sheet: classify every row (new / duplicate / error), then apply atomically.

``plan_import`` reads and checks the file without writing anything; ``apply_import`` writes every
valid row or nothing at all. Row numbers are the spreadsheet's own (title rows included) and
fields are named by the column header as written in the file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from core.cancel import check as check_cancel
from core.roster.columns import HeaderMatch, locate_header
from core.roster.fields import DUPLICATE_POLICIES, MEMBER_FIELDS, label_of
from core.roster.members import DATA_COLUMNS, find_duplicate, stored_values
from core.roster.validation import validate_member
from core.store import Store
from core.tabular import TableReadError, TableRow, read_rows

Progress = Callable[[int, int, str], None]
POLICIES = DUPLICATE_POLICIES


@dataclass(frozen=True)
class RowIssue:
    row: int
    field: str
    message: str


@dataclass
class RowOutcome:
    row: TableRow
    kind: str  # "new", "duplicate" or "error"
    record: dict[str, Any] = field(default_factory=dict)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    duplicate_of: str | None = None


@dataclass
class ImportPlan:
    path: Path
    header: HeaderMatch
    mapping: dict[int, str]
    outcomes: list[RowOutcome]

    @property
    def errors(self) -> list[RowIssue]:
        return [issue for o in self.outcomes for issue in o.errors]

    @property
    def warnings(self) -> list[RowIssue]:
        return [issue for o in self.outcomes for issue in o.warnings]

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    def unknown_columns(self) -> list[str]:
        return [
            text for index, text in enumerate(self.header.headers) if text and index not in self.mapping
        ]


@dataclass
class ImportResult:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0


def plan_import(
    store: Store,
    path: Path,
    mapping: Mapping[int, str] | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportPlan:
    """Read ``path`` and classify each data row; nothing is written.

    ``mapping`` (column index → field key) replaces the recognised header mapping when given.
    """
    rows = list(_read_with_progress(path, progress, cancel))
    if not rows:
        raise TableReadError(f"文件 {Path(path).name} 中没有数据（是空的）。请确认选对了文件。")
    header = locate_header(rows)
    columns = dict(mapping) if mapping is not None else dict(header.mapping)
    header_at = header.row_index
    data_rows = rows[header_at + 1:]
    outcomes: list[RowOutcome] = []
    # Each field is reported under its column header as written in the file.
    written = {
        key: (header.headers[index] if index < len(header.headers) else "") or label_of(key)
        for index, key in columns.items()
    }
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[str, str], tuple[int, str | None]] = {}
    total = len(data_rows)
    for done, row in enumerate(data_rows, start=1):
        if done % 500 == 0:
            check_cancel(cancel)
            if progress:
                progress(done, total, "正在检查数据")
        raw = {key: row.values[index] if index < len(row.values) else None for index, key in columns.items()}
        if all(value in (None, "") for value in raw.values()):
            continue
        outcomes.append(_classify(store, written, row, raw, today, seen_ids, seen_names))
    return ImportPlan(path=Path(path), header=header, mapping=columns, outcomes=outcomes)


def _read_with_progress(
    path: Path, progress: Progress | None, cancel: threading.Event | None
) -> list[TableRow]:
    rows = []
    for row in read_rows(Path(path), cancel):
        rows.append(row)
        if progress and len(rows) % 1000 == 0:
            progress(len(rows), 0, "正在读取文件")
    return rows


def _classify(
    store: Store,
    written: Mapping[str, str],
    row: TableRow,
    raw: dict[str, Any],
    today: date | None,
    seen_ids: dict[str, int],
    seen_names: dict[tuple[str, str], tuple[int, str | None]],
) -> RowOutcome:
    def issue(field_key: str, message: str) -> RowIssue:
        return RowIssue(row.number, written.get(field_key, label_of(field_key)), message)

    record, issues = validate_member(raw, today)
    outcome = RowOutcome(row=row, kind="new", record=record)
    outcome.warnings = [issue(i.field, i.message) for i in issues if i.level == "warning"]
    outcome.errors = [issue(i.field, i.message) for i in issues if i.level == "error"]
    if outcome.errors:
        outcome.kind = "error"
        return outcome

    id_number = record.get("id_number")
    name_key = (record["name"], record["birth_date"]) if record.get("birth_date") else None
    earlier = seen_ids.get(id_number) if id_number else None
    if earlier is None and name_key in seen_names:
        first_row, first_id = seen_names[name_key]
        if not (id_number and first_id and first_id != id_number):
            earlier = first_row
    if earlier is not None:
        key = "id_number" if id_number and seen_ids.get(id_number) else "name"
        outcome.kind = "error"
        outcome.errors.append(issue(key, f"与本表第 {earlier} 行是同一人（重复行），本行不导入"))
        return outcome
    if id_number:
        seen_ids[id_number] = row.number
    if name_key and name_key not in seen_names:
        seen_names[name_key] = (row.number, id_number)

    existing = find_duplicate(store, record)
    if existing is not None:
        outcome.kind = "duplicate"
        outcome.duplicate_of = existing["id"]
    elif name_key and id_number:
        namesake = store.scalar(
            "SELECT id_number FROM members WHERE deleted = 0 AND name = ? AND birth_date = ?", name_key
        )
        if namesake:
            outcome.warnings.append(
                issue(
                    "id_number",
                    f"公民身份号码：在册党员中已有同名同生日的「{record['name']}」（身份证号 {namesake[-4:]} 结尾），"
                    "已按不同的人导入，请核对",
                )
            )
    return outcome


def apply_import(
    store: Store,
    plan: ImportPlan,
    policy: str = "skip",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    """Write every valid row of ``plan`` in one transaction; on any failure nothing is written."""
    if policy not in POLICIES:
        raise ValueError(f"unknown duplicate policy: {policy}")
    result = ImportResult()
    valid = [o for o in plan.outcomes if o.kind != "error"]
    total = len(valid)
    group_ids: dict[str, str] = {}
    with store.transaction():
        pending: list[dict[str, Any]] = []
        for done, outcome in enumerate(valid, start=1):
            if done % 200 == 0:
                check_cancel(cancel)
                if pending:
                    result.inserted += len(store.insert_many("members", pending, audit="导入花名册"))
                    pending = []
                if progress:
                    progress(done, total, "正在写入数据库")
            if outcome.kind == "new":
                pending.append(stored_values(store, outcome.record, group_ids))
            elif _apply_duplicate(store, outcome, policy):
                result.updated += 1
            else:
                result.skipped += 1
        if pending:
            result.inserted += len(store.insert_many("members", pending, audit="导入花名册"))
        check_cancel(cancel)
        if progress:
            progress(total, total, "正在保存")
    return result


def _apply_duplicate(store: Store, outcome: RowOutcome, policy: str) -> bool:
    """Update an existing member from a duplicate row; returns whether anything changed."""
    if policy == "skip" or outcome.duplicate_of is None:
        return False
    current = store.get("members", outcome.duplicate_of)
    assert current is not None
    given = {k: v for k, v in outcome.record.items() if v not in (None, "")}
    if policy == "fill":
        given = {k: v for k, v in given.items() if _is_blank(current, k)}
    if not given:
        return False
    values = stored_values(store, {**_as_fields(store, current), **given})
    changes = {k: v for k, v in values.items() if current.get(k) != v}
    if not changes:
        return False
    return store.update("members", outcome.duplicate_of, changes, audit=f"导入更新「{current['name']}」")


def _is_blank(current: Mapping[str, Any], key: str) -> bool:
    column = "group_id" if key == "group" else key
    return current.get(column) in (None, "")


def _as_fields(store: Store, row: Mapping[str, Any]) -> dict[str, Any]:
    record = {key: row.get(key) for key in DATA_COLUMNS if key != "group_id"}
    if row.get("group_id"):
        record["group"] = store.scalar("SELECT name FROM party_groups WHERE id = ?", (row["group_id"],))
    return record


def error_rows(plan: ImportPlan) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of the error workbook: the rejected rows as they were, plus the reasons."""
    width = max([len(plan.header.headers)] + [len(o.row.values) for o in plan.outcomes if o.kind == "error"])
    headers = [*plan.header.headers, *[""] * (width - len(plan.header.headers)), "错误原因"]
    rows = []
    for outcome in plan.outcomes:
        if outcome.kind == "error":
            values = list(outcome.row.values) + [None] * (width - len(outcome.row.values))
            reasons = "；".join(f"{i.field}：{_strip_label(i.message)}" for i in outcome.errors)
            rows.append([*values, f"第 {outcome.row.number} 行 — {reasons}"])
    return headers, rows


def _strip_label(message: str) -> str:
    for f in MEMBER_FIELDS:
        prefix = f.label + "："
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


class _DryRun(Exception):
    pass


def preview_import(store: Store, plan: ImportPlan, policy: str = "skip") -> ImportResult:
    """What ``apply_import`` would do, found by applying inside a transaction that is rolled back."""
    outcome: list[ImportResult] = []
    try:
        with store.transaction():
            outcome.append(apply_import(store, plan, policy))
            raise _DryRun
    except _DryRun:
        pass
    return outcome[0]


def summary(plan: ImportPlan, result: ImportResult) -> dict[str, Any]:
    """The ``import-roster --json`` object."""
    return {
        "rows": len(plan.outcomes),
        "valid": plan.count("new") + plan.count("duplicate"),
        "inserted": result.inserted,
        "updated": result.updated,
        "skipped": result.skipped,
        "errors": [vars(i) for i in plan.errors],
        "warnings": [vars(i) for i in plan.warnings],
        "unknown_columns": plan.unknown_columns(),
    }
