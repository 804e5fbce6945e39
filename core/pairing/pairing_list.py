"""The printed list of active pairings (结对帮扶名单), to pin up in the office or hand out at a meeting.

Per 党小组 of the elder, each pair with both phone numbers, the elder's age and village, the pairing's
start and the pair's last visit; a pair not visited for more than 30 days (counted from the pairing's
start when there has been no visit yet) is marked 「超过30天」 on a shaded cell, which a grey printer
shows as well. The header (branch, title, date) and the column titles are on every page.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from core.pairing.fields import STALE_DAYS
from core.pairing.pairings import list_pairings
from core.pairing.rules import PairingError
from core.pdf.paper import (
    CELL_PADDING,
    SHADE_COLOR,
    PaperStyles,
    chinese_date,
    grid_table,
    paper_styles,
    para,
    spaced,
    write_paper,
)
from core.profile import branch_name
from core.roster.derived import age
from core.store import Store
from core.text import date_of

TITLE = "结对帮扶名单"
NO_GROUP = "未分组"
STALE_MARK = f"超过{STALE_DAYS}天"
NOT_VISITED = "未走访"
NO_PAIRINGS = "还没有结对，无法打印结对名单。请先结对（可先生成结对推荐）。"
STALE_COLOR = colors.HexColor("#B00000")
STALE_FILL = colors.HexColor("#F6D5D5")
ROW_HEIGHT = 9 * mm
TITLES = ("序号", "帮扶人", "帮扶人电话", "老人", "年龄", "老人电话", "村", "结对日期", "最近走访")
# 186 mm between the margins of A4 portrait; a landline with its area code takes 29 mm at 12 pt, a date 22 mm.
COLUMN_WIDTHS = tuple(w * mm for w in (11, 19, 31, 19, 11, 31, 15, 24, 25))
_LAST_COLUMN = len(TITLES) - 1
_SIDE_PADDING = 3.0  # grid_table's left and right cell padding, in points


def days_without_visit(pairing: Mapping[str, Any], today: date) -> int:
    """Days since the pair's last visit, or since the pairing's start when there has been none."""
    anchor = max(pairing["last_visit"] or "", pairing["start_date"])
    return (today - date_of(anchor)).days


def is_stale(pairing: Mapping[str, Any], today: date) -> bool:
    return days_without_visit(pairing, today) > STALE_DAYS


def _stale_style(styles: PaperStyles) -> ParagraphStyle:
    return ParagraphStyle("PairingStale", parent=styles.cell, textColor=STALE_COLOR)


def _last_visit_cell(pairing: Mapping[str, Any], today: date, styles: PaperStyles,
                     stale_style: ParagraphStyle) -> Flowable | list[Flowable]:
    seen = pairing["last_visit"] or NOT_VISITED
    if not is_stale(pairing, today):
        return para(seen, styles.cell)
    return [para(seen, styles.cell), para(STALE_MARK, stale_style)]


def _row(number: int, pairing: Mapping[str, Any], today: date, styles: PaperStyles,
         stale_style: ParagraphStyle) -> list[Any]:
    years = age({"birth_date": pairing["elder_birth_date"]}, today)
    cell = styles.cell
    return [
        para(str(number), styles.cell_center),
        para(pairing["helper_name"], cell),
        para(pairing["helper_phone"] or "", cell),
        para(pairing["elder_name"], cell),
        para("" if years is None else str(years), styles.cell_center),
        para(pairing["elder_phone"] or "", cell),
        para((pairing["elder_village"] or "").strip(), cell),
        para(pairing["start_date"], cell),
        _last_visit_cell(pairing, today, styles, stale_style),
    ]


def _table(pairings: list[dict[str, Any]], today: date, styles: PaperStyles) -> Flowable:
    """The pairs under a shaded heading per elder's 党小组; a heading stays with its first row."""
    stale_style = _stale_style(styles)
    rows: list[list[Any]] = [[para(text, styles.cell_center) for text in TITLES]]
    extra: list[tuple[Any, ...]] = []
    number = 0
    for group, members in groupby(pairings, key=lambda p: p["elder_group"] or NO_GROUP):
        pairs = list(members)
        at = len(rows)
        rows.append([para(f"{group}（{len(pairs)} 对）", styles.heading)] + [""] * _LAST_COLUMN)
        extra += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), SHADE_COLOR),
                  ("NOSPLIT", (0, at), (-1, at + 1))]
        for pairing in pairs:
            number += 1
            if is_stale(pairing, today):
                spot = (_LAST_COLUMN, len(rows))
                extra.append(("BACKGROUND", spot, spot, STALE_FILL))
            rows.append(_row(number, pairing, today, styles, stale_style))
    return grid_table(rows, COLUMN_WIDTHS, styles, row_heights=_row_heights(rows), extra=extra)


def _row_heights(rows: list[list[Any]]) -> list[float | None]:
    """Pair rows at least ROW_HEIGHT, taller when a cell's text needs it (a fixed row height would let
    longer text spill over the next row); the header and the group headings as their text needs."""
    heights: list[float | None] = [None]
    for row in rows[1:]:
        if row[1] == "":
            heights.append(None)
            continue
        needed = 0.0
        for cell, width in zip(row, COLUMN_WIDTHS, strict=True):
            parts = cell if isinstance(cell, list) else [cell]
            text = sum(p.wrap(width - 2 * _SIDE_PADDING, 1000)[1] for p in parts if isinstance(p, Paragraph))
            needed = max(needed, text + 2 * CELL_PADDING)
        heights.append(max(ROW_HEIGHT, needed))
    return heights


def write_pairing_list(store: Store, out: Path, today: date | None = None) -> int:
    """Print the active pairings to ``out`` (A4), grouped by the elder's 党小组. Returns the number of pages.
    Raises PairingError when there is no active pairing, PdfError (Chinese) when the file cannot be made."""
    today = today or date.today()
    pairings = list_pairings(store)
    if not pairings:
        raise PairingError(NO_PAIRINGS)
    styles = paper_styles()
    branch = branch_name(store)
    helpers = {p["helper_id"] for p in pairings}
    stale = sum(1 for p in pairings if is_stale(p, today))
    header = [
        para(TITLE, styles.title),
        spaced([f"支部：{branch}", f"打印日期：{chinese_date(today.isoformat())}"], styles.info),
    ]
    footer = (f"结对 {len(pairings)} 对　　帮扶人 {len(helpers)} 人　　老人 {len(pairings)} 人　　"
              f"{STALE_MARK}未走访 {stale} 对")
    return write_paper(out, [_table(pairings, today, styles)], title=TITLE, header=header, footer=footer,
                       styles=styles, author=branch)
