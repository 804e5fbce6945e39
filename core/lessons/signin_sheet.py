"""The paper sign-in sheet (签到表) for a micro-lesson or a study session.

Elderly members' study is often logged on paper first and entered later: every member expected
to study gets a row, grouped by 党小组, with a tall box to sign in and the four ways of studying
to tick. The sheet's header (branch, lesson, date) and the column titles are on every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from core.lessons.catalogue import get_lesson
from core.lessons.fields import METHODS
from core.lessons.sessions import get_session
from core.lessons.study import StudyError, studying_members
from core.pdf.paper import (
    PaperStyles,
    TickOptions,
    blank_date,
    chinese_date,
    grouped_table,
    paper_styles,
    para,
    spaced,
    write_paper,
)
from core.profile import branch_name
from core.store import Store
from core.text import parse_date

LESSON_TITLE = "微党课学习签到表"
SESSION_TITLES = {"group_study": "微党课集中学习签到表", "theme_day": "主题党日学习签到表"}
NO_GROUP = "未分组"
SIGN_ROW_HEIGHT = 12.5 * mm  # room to sign by hand
# 序号, 姓名, 村, 签名, 学习方式, 备注 — 186 mm between the margins of A4 portrait.
_WIDTHS = tuple(w * mm for w in (11, 22, 20, 50, 53, 30))




def lesson_summary(lesson: Mapping[str, Any], label: str = "课程") -> list[str]:
    """「课程：《title》」, its speaker and its length, as printed in a sheet's header."""
    parts = [f"{label}：《{lesson['title']}》"]
    if lesson.get("speaker"):
        parts.append(f"主讲：{lesson['speaker']}")
    if lesson.get("minutes"):
        parts.append(f"时长：{lesson['minutes']} 分钟")
    return parts


def member_groups(members: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Members (already ordered by group) split by 党小组; members without one under 「未分组」."""
    return [(name or NO_GROUP, list(rows)) for name, rows in groupby(members, key=lambda m: m["group_name"])]


def _missing_lesson() -> StudyError:
    return StudyError("找不到这节微党课，可能已被删除。请刷新课程列表后重新选择。")


def _lesson_header(
    store: Store, lesson_id: str | None, session_id: str | None, study_date: str | None
) -> tuple[str, list[list[str]], str | None, str | None]:
    """The sheet's title, its lesson lines, its date (ISO or None) and its place (None: no place line)."""
    if (lesson_id is None) == (session_id is None):
        raise StudyError("请选择一节微党课，或选择一次学习活动，再打印签到表")
    if session_id is not None:
        session = get_session(store, session_id)
        if session is None:
            raise StudyError("找不到这次学习活动，可能已被删除。请刷新活动列表后重新选择。")
        lessons = [lesson for lesson in (get_lesson(store, i) for i in session.lesson_ids) if lesson]
        if not lessons:
            raise StudyError("这次学习活动的微党课都已被删除。请先在活动中选择要学习的微党课。")
        lines = [[f"活动：{session.title}"]] if session.title else []
        if len(lessons) == 1:
            lines.append(lesson_summary(lessons[0]))
        else:
            lines += [lesson_summary(lesson, f"课程 {n}") for n, lesson in enumerate(lessons, start=1)]
        return SESSION_TITLES.get(session.kind, LESSON_TITLE), lines, session.session_date, session.place
    lesson = get_lesson(store, lesson_id or "")
    if lesson is None:
        raise _missing_lesson()
    day = None
    if study_date:
        try:
            day = parse_date(study_date)
        except ValueError as exc:
            raise StudyError(f"学习日期：{exc}") from None
        if len(day) != 10:
            raise StudyError("学习日期：请写出具体日期，例如 2026-11-20，或不填（留空由手写）")
    return LESSON_TITLE, [lesson_summary(lesson)], day, None


def _header(styles: PaperStyles, title: str, branch: str, lines: list[list[str]], day: str | None,
            place: str | None) -> list[Flowable]:
    first = [f"支部：{branch}", f"日期：{chinese_date(day) if day else blank_date()}"]
    if place is not None:
        first.append(f"地点：{place or '________________'}")
    return [para(title, styles.title), *(spaced(parts, styles.info) for parts in [first, *lines])]


def write_signin_sheet(
    store: Store,
    out: Path,
    *,
    lesson_id: str | None = None,
    session_id: str | None = None,
    study_date: str | None = None,
) -> int:
    """Print the sign-in sheet of a lesson (``study_date`` optional: left blank to fill in by hand) or
    of a session (its date, place, kind and lessons) to ``out``. Returns the number of member rows.
    Raises StudyError or PdfError (Chinese) when there is nothing to print or the file cannot be saved."""
    title, lines, day, place = _lesson_header(store, lesson_id, session_id, study_date)
    members = studying_members(store)
    if not members:
        raise StudyError("花名册中没有需要学习的党员（状态为正常或流动），无法打印签到表。请先录入或导入党员。")
    styles = paper_styles()
    branch = branch_name(store)
    methods = list(METHODS.values())
    header_row = [para(text, styles.cell_center) for text in ("序号", "姓名", "村", "签名", "学习方式（打√）", "备注")]
    groups = []
    number = 0
    for group, rows in member_groups(members):
        cells = []
        for member in rows:
            number += 1
            cells.append([para(str(number), styles.cell_center), para(member["name"], styles.cell),
                          para(member["village"] or "", styles.cell), "", TickOptions(methods, styles.font), ""])
        groups.append((f"{group}（{len(rows)} 人）", cells))
    table = grouped_table(header_row, groups, _WIDTHS, styles, row_height=SIGN_ROW_HEIGHT)
    write_paper(
        out, [table], title=title, styles=styles, author=branch,
        header=_header(styles, title, branch, lines, day, place),
        footer=f"应到 {len(members)} 人　　实到 ________ 人　　记录人 ______________",
    )
    return len(members)
