"""One elder's progress card (结对帮扶进度卡), which the helper takes along on visits.

Who the elder is and who helps them; the skills checklist with the four levels as boxes, the current
level ticked and the others empty to tick by hand when it changes; the last visits; and ruled rows to
note the next visits by hand. One A4 page normally; the header (branch, elder, date) is on every page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table

from core.pairing.fields import LEVEL_ORDER, SKILL_LEVELS, WATCH_LESSON_SKILL
from core.pairing.pairing_list import NOT_VISITED, STALE_MARK, is_stale
from core.pairing.pairings import list_pairings
from core.pairing.rules import PairingError
from core.pairing.skills import elder_skills
from core.pairing.visits import list_visits
from core.pdf.paper import (
    BODY_POINTS,
    CELL_PADDING,
    MARGIN,
    SHADE_COLOR,
    PaperStyles,
    TickBox,
    body_height,
    chinese_date,
    grid_table,
    paper_styles,
    para,
    spaced,
    write_paper,
)
from core.profile import branch_name
from core.roster.derived import age
from core.roster.fields import choice_label
from core.store import Store

TITLE = "结对帮扶进度卡"
RECENT_VISITS = 10
MIN_BLANK_ROWS = 3
MAX_BLANK_ROWS = 8
UNKNOWN_MEMBER = "找不到这名党员，可能已被删除。请刷新名单后重新选择。"
SECTION_POINTS = 13.0
SKILL_ROW_HEIGHT = 6.5 * mm
WRITE_ROW_HEIGHT = 10 * mm  # room to write by hand
# 186 mm between the margins of A4 portrait.
_INFO_WIDTHS = tuple(w * mm for w in (24, 69, 24, 69))
_SKILL_WIDTHS = tuple(w * mm for w in (50, 20, 20, 20, 20, 28, 28))  # 技能, four levels, 确认日期, 确认人
_VISIT_WIDTHS = tuple(w * mm for w in (24, 12, 72, 40, 38))
_VISIT_TITLES = ("走访日期", "分钟", "练习的技能", "一起观看的微党课", "备注")
_NEXT_WIDTHS = tuple(w * mm for w in (28, 16, 58, 56, 28))
_NEXT_TITLES = ("走访日期", "分钟", "练习的技能", "掌握情况 / 备注", "帮扶人签名")


def _elder(store: Store, elder_id: str) -> dict[str, Any]:
    rows = store.query(
        "SELECT m.*, g.name AS group_name FROM members m "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 WHERE m.id = ? AND m.deleted = 0",
        (elder_id,),
    )
    if not rows:
        raise PairingError(UNKNOWN_MEMBER)
    return rows[0]


def _pairing(store: Store, elder_id: str) -> dict[str, Any] | None:
    return next((p for p in list_pairings(store) if p["elder_id"] == elder_id), None)


def _section(text: str, styles: PaperStyles) -> list[Flowable]:
    """A section's heading, moved to the next page with what follows when less than a few rows fit."""
    style = ParagraphStyle("CardSection", parent=styles.heading, fontSize=SECTION_POINTS,
                           leading=SECTION_POINTS * 1.3, spaceBefore=2.5 * mm, spaceAfter=1.5 * mm)
    return [CondPageBreak(35 * mm), para(text, style)]


def _info(elder: Mapping[str, Any], pairing: Mapping[str, Any] | None, today: date,
          styles: PaperStyles) -> Table:
    years = age(elder, today)
    last = NOT_VISITED
    if pairing:
        last = pairing["last_visit"] or NOT_VISITED
        if is_stale(pairing, today):
            last += f"（{STALE_MARK}）"
    pairs = [
        ("姓名", elder["name"], "年龄", "" if years is None else f"{years} 岁"),
        ("党小组", elder["group_name"] or "未分组", "村", (elder["village"] or "").strip()),
        ("联系电话", elder["phone"] or "", "微信情况", choice_label("wechat", elder["wechat"]) or "未填写"),
        ("帮扶人", pairing["helper_name"] if pairing else "（尚未结对）", "帮扶人电话",
         (pairing["helper_phone"] or "") if pairing else ""),
        ("结对日期", pairing["start_date"] if pairing else "", "最近走访", last if pairing else ""),
    ]
    rows = [[para(text, styles.cell) for text in row] for row in pairs]
    return grid_table(rows, _INFO_WIDTHS, styles, header_rows=0, extra=[
        ("BACKGROUND", (0, 0), (-1, -1), colors.white),
        ("BACKGROUND", (0, 0), (0, -1), SHADE_COLOR),
        ("BACKGROUND", (2, 0), (2, -1), SHADE_COLOR),
    ])


def _skills(skills: list[dict[str, Any]], styles: PaperStyles) -> Table:
    titles = ["技能", *SKILL_LEVELS.values(), "确认日期", "确认人"]
    rows: list[list[Any]] = [[para(text, styles.cell_center) for text in titles]]
    for skill in skills:
        rows.append([
            para(skill["name"], styles.cell),
            *(TickBox(BODY_POINTS * 1.45, skill["level"] == level) for level in LEVEL_ORDER),
            para(skill["confirmed_date"] or "", styles.cell_center),
            para(skill["confirmed_by"] or "", styles.cell_center),
        ])
    # At least SKILL_ROW_HEIGHT, taller when a long name or confirmer wraps (a fixed height would let
    # the text spill over the next row); 6 points: the cell's left and right padding.
    heights: list[float | None] = [None]
    for row in rows[1:]:
        text = max(cell.wrap(width - 6, 1000)[1] for cell, width in zip(row, _SKILL_WIDTHS, strict=True)
                   if not isinstance(cell, TickBox))
        heights.append(max(SKILL_ROW_HEIGHT, text + 2 * CELL_PADDING))
    return grid_table(rows, _SKILL_WIDTHS, styles, row_heights=heights)


def _visits(visits: list[dict[str, Any]], styles: PaperStyles) -> Table:
    rows: list[list[Any]] = [[para(text, styles.cell_center) for text in _VISIT_TITLES]]
    small, extra = styles.small, []
    for visit in visits:
        rows.append([
            para(visit["visit_date"], small),
            para("" if visit["minutes"] is None else str(visit["minutes"]), small),
            para("、".join(name for name in visit["skill_names"] if name), small),
            para(visit["lesson_title"] or "", small),
            para(visit["note"] or "", small),
        ])
    if not visits:
        rows.append([para("暂无走访记录", styles.cell_center)] + [""] * (len(_VISIT_TITLES) - 1))
        extra.append(("SPAN", (0, 1), (-1, 1)))
    return grid_table(rows, _VISIT_WIDTHS, styles, extra=extra)


def _blank_rows(styles: PaperStyles, count: int) -> Table:
    rows: list[list[Any]] = [[para(text, styles.cell_center) for text in _NEXT_TITLES]]
    rows += [[""] * len(_NEXT_TITLES) for _ in range(count)]
    return grid_table(rows, _NEXT_WIDTHS, styles, row_heights=[None] + [WRITE_ROW_HEIGHT] * count)


def _blank_row_count(header: list[Flowable], story: list[Flowable], styles: PaperStyles) -> int:
    """As many rows to write in as fill the rest of the page (at least MIN_BLANK_ROWS, at most
    MAX_BLANK_ROWS); MIN_BLANK_ROWS when the card takes more than a page anyway."""
    width = A4[0] - 2 * MARGIN
    used = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in [*story, _blank_rows(styles, 0)])
    fits = int((body_height(header) - used - 2 * mm) // WRITE_ROW_HEIGHT)
    return min(MAX_BLANK_ROWS, fits) if fits >= MIN_BLANK_ROWS else MIN_BLANK_ROWS


def _skills_summary(skills: list[dict[str, Any]]) -> str:
    done = sum(1 for s in skills if s["level"] == "independent")
    watch = any(s["name"] == WATCH_LESSON_SKILL and s["level"] == "independent" for s in skills)
    return f"技能掌握情况（独立完成 {done}/{len(skills)} 项，{'已能' if watch else '尚不能'}独立观看微党课）"


def write_progress_card(store: Store, out: Path, elder_id: str, today: date | None = None) -> int:
    """Print the progress card of one elder to ``out`` (A4). Returns the number of pages.
    Raises PairingError for a member not in the roster, PdfError (Chinese) when the file cannot be made."""
    today = today or date.today()
    elder = _elder(store, elder_id)
    pairing = _pairing(store, elder_id)
    skills = elder_skills(store, elder_id)
    visits = list_visits(store, elder_id=elder_id, limit=RECENT_VISITS)
    styles = paper_styles()
    branch = branch_name(store)
    header = [
        para(TITLE, styles.title),
        spaced([f"支部：{branch}", f"老人：{elder['name']}", f"打印日期：{chinese_date(today.isoformat())}"],
               styles.info),
    ]
    story: list[Flowable] = [
        _info(elder, pairing, today, styles),
        *_section(_skills_summary(skills), styles),
        _skills(skills, styles),
        *_section(f"最近走访（最近 {RECENT_VISITS} 次）", styles),
        _visits(visits, styles),
        *_section("下次走访记录（帮扶人手填；掌握程度有变化时，在上表相应方框内打√）", styles),
    ]
    story.append(_blank_rows(styles, _blank_row_count(header, story, styles)))
    return write_paper(out, story, title=f"{TITLE}（{elder['name']}）", header=header, styles=styles,
                       author=branch)
