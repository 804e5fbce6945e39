"""The list of members who have not yet studied a lesson, for helpers going on home visits (送学上门).

Per 党小组, each member expected to study with no valid record of the lesson, with a village and a
phone number to find them, and columns to fill in by hand at the visit: the date, how they studied,
who helped, and a box to tick once it is done.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm

from core.lessons.catalogue import get_lesson
from core.lessons.fields import METHODS
from core.lessons.signin_sheet import lesson_summary, member_groups
from core.lessons.study import StudyError, studied_member_ids, studying_members
from core.pdf.paper import (
    TickBox,
    TickOptions,
    chinese_date,
    grouped_table,
    paper_styles,
    para,
    spaced,
    write_paper,
)
from core.profile import branch_name
from core.store import Store

TITLE = "微党课未学习党员名单"
ALL_STUDIED = "全部党员均已学习这节微党课，无需送学上门。"
VISIT_ROW_HEIGHT = 12.5 * mm
# 序号, 姓名, 村, 联系电话, 上门日期, 学习方式, 帮学人, 已学 — 186 mm between the margins of A4 portrait.
_WIDTHS = tuple(w * mm for w in (11, 20, 19, 30, 24, 47, 22, 13))


def write_not_studied_list(store: Store, out: Path, lesson_id: str, *, today: date | None = None) -> int:
    """Print the members expected to study who have no record of the lesson to ``out``, grouped by
    党小组 (a one-page note when everyone has studied). Returns how many have not studied.
    Raises StudyError or PdfError (Chinese) when there is nothing to print or the file cannot be saved."""
    lesson = get_lesson(store, lesson_id)
    if lesson is None:
        raise StudyError("找不到这节微党课，可能已被删除。请刷新课程列表后重新选择。")
    members = studying_members(store)
    if not members:
        raise StudyError("花名册中没有需要学习的党员（状态为正常或流动），无法打印未学习名单。请先录入或导入党员。")
    studied = studied_member_ids(store, lesson_id)
    missing = [m for m in members if m["id"] not in studied]
    styles = paper_styles()
    branch = branch_name(store)
    header = [
        para(TITLE, styles.title),
        spaced([f"支部：{branch}", f"打印日期：{chinese_date((today or date.today()).isoformat())}"], styles.info),
        spaced(lesson_summary(lesson), styles.info),
        spaced([f"视频链接：{lesson['video_url'] or '（无）'}"], styles.info),
        spaced([f"应学 {len(members)} 人", f"已学 {len(members) - len(missing)} 人", f"未学 {len(missing)} 人"],
               styles.info),
    ]
    if missing:
        methods = [METHODS["home"], METHODS["pair"], METHODS["self_scan"], METHODS["group"]]
        titles = ("序号", "姓名", "村", "联系电话", "上门日期", "学习方式（打√）", "帮学人", "已学")
        groups = []
        number = 0
        for group, rows in member_groups(missing):
            cells = []
            for member in rows:
                number += 1
                cells.append([
                    para(str(number), styles.cell_center), para(member["name"], styles.cell),
                    para(member["village"] or "", styles.cell), para(member["phone"] or "", styles.cell),
                    "", TickOptions(methods, styles.font), "", TickBox(16),
                ])
            groups.append((f"{group}（未学 {len(rows)} 人）", cells))
        header_row = [para(text, styles.cell_center) for text in titles]
        story = [grouped_table(header_row, groups, _WIDTHS, styles, row_height=VISIT_ROW_HEIGHT)]
        footer = f"未学 {len(missing)} 人　　送学人 ______________"
    else:
        story = [para(ALL_STUDIED, styles.title)]
        footer = ""
    write_paper(out, story, title=TITLE, header=header, footer=footer, styles=styles, author=branch)
    return len(missing)
