"""Importing a lesson list (XLSX or CSV), e.g. the district's list of new micro-lessons.

Every row is checked first; applying inserts exactly the rows the plan promised, in one
transaction. Lessons whose title is already in the catalogue are left alone.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.header_row import ColumnSet, locate_header
from core.lessons.catalogue import validate_lesson
from core.lessons.fields import LESSON_FIELDS
from core.store import Store
from core.tabular import TableReadError, read_rows

LESSON_COLUMNS = ColumnSet({f.key: (f.label, *f.synonyms) for f in LESSON_FIELDS}, required="title")


@dataclass(frozen=True)
class LessonRowError:
    row: int  # spreadsheet row number
    message: str  # Chinese, naming the column as written in the sheet


@dataclass
class LessonImportPlan:
    path: Path
    header_row: int
    new: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (row, clean lesson)
    existing: list[tuple[int, str]] = field(default_factory=list)  # (row, title) already in the catalogue
    errors: list[LessonRowError] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "new": len(self.new),
            "existing": len(self.existing),
            "errors": [{"row": e.row, "message": e.message} for e in self.errors],
            "unknown_columns": self.unknown_columns,
        }


def plan_lesson_import(store: Store, path: Path, cancel: threading.Event | None = None) -> LessonImportPlan:
    rows = list(read_rows(Path(path), cancel))
    if not rows:
        raise TableReadError(f"文件 {Path(path).name} 中没有数据（是空的）。请确认选对了文件。")
    header = locate_header(rows, LESSON_COLUMNS)
    written = {key: header.headers[col] for col, key in header.mapping.items()}
    plan = LessonImportPlan(Path(path), header.row_number, unknown_columns=header.unknown_columns)
    current = {
        row["title"] for row in store.query("SELECT title FROM lessons WHERE deleted = 0 AND archived = 0")
    }
    first_row_of: dict[str, int] = {}
    for row in rows[header.row_index + 1 :]:
        raw = {key: row.values[col] for col, key in header.mapping.items() if col < len(row.values)}
        if not any(v is not None for v in raw.values()):
            continue
        clean, issues = validate_lesson(raw)
        if issues:
            for issue in issues:
                column = written.get(issue.field, "")
                message = issue.message.split("：", 1)[-1]
                plan.errors.append(LessonRowError(row.number, f"第 {row.number} 行「{column}」：{message}"))
            continue
        title = clean["title"]
        if title in first_row_of:
            plan.errors.append(
                LessonRowError(row.number, f"第 {row.number} 行：标题「{title}」与第 {first_row_of[title]} 行重复")
            )
        elif title in current:
            plan.existing.append((row.number, title))
        else:
            first_row_of[title] = row.number
            plan.new.append((row.number, clean))
    return plan


def apply_lesson_import(store: Store, plan: LessonImportPlan) -> int:
    """Insert the plan's new lessons, all or nothing; returns how many were added."""
    if not plan.new:
        return 0
    with store.transaction():
        return len(
            store.insert_many(
                "lessons", [clean for _row, clean in plan.new],
                audit=f"从 {plan.path.name} 导入微党课 {len(plan.new)} 节",
            )
        )
