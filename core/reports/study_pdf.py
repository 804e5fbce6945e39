"""The study report as printed paper (学习统计.pdf): the totals, lesson coverage (chart and table),
study counts by month, the per-member ledger (学习台账), the members with no recent study, and the
scans of each lesson's live codes (活码) against the study recorded.

The same figures as the workbook (study_export). A4 portrait for a month or a quarter (a quarter's
three month columns fit beside the ledger); landscape for a year, so that twelve month columns do.
A single month gets no month chart, only a sentence with its count: one bar says nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from core.lessons.study import studying_members
from core.pdf.paper import (
    MARGIN,
    SHADE_COLOR,
    SMALL_POINTS,
    PaperStyles,
    body_height,
    chinese_date,
    grid_table,
    paper_styles,
    para,
    spaced,
    write_paper,
)
from core.profile import branch_name
from core.reports.period import Period
from core.reports.study_charts import BAR_PITCH, ShareBar, count_columns, share_bars, share_bars_height
from core.reports.study_export import percent
from core.reports.study_report import LessonCoverage, StudyReport, build_study_report
from core.store import Store

WARN_BELOW = 0.6  # coverage under this is marked
WARN_FILL = colors.HexColor("#F9DDB1")
MAX_CHART_LESSONS = 20  # more lessons (or fewer fit): the chart shows the weakest ones, the table all
SECTION_POINTS = 14.0
# The ledger's fixed columns (mm): 序号, 党小组, 姓名, 状态, 学习次数, 扫码自报, 课程数, 时长（分钟）, 学时.
LEDGER_WIDTHS = (12, 28, 22, 14, 14, 12, 15, 19, 13)
LEDGER_TITLES = ("序号", "党小组", "姓名", "状态", "学习\n次数", "扫码\n自报", "课程数", "时长\n（分钟）", "学时")
# The scans table's number columns (mm): 扫码次数, 学习人次, 其中扫码自报; the title takes the rest.
SCAN_COUNT = 30
# Coverage table columns (mm): the title takes what is left, at least COVER_TITLE_MIN.
COVER_TITLE_MIN, COVER_COUNT, COVER_RATE, COVER_GROUP = 56, 18, 15, 18


def _lines(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain text whose line breaks are kept."""
    return Paragraph("<br/>".join(escape(part) for part in text.split("\n")), style)


def _number(value: float) -> str:
    return f"{value:g}"


def _blank_zero(count: int) -> str:
    return str(count) if count else ""


def _month(month: str) -> str:
    return f"{int(month[5:])}月"


class _Layout:
    """Styles and the text width of the page."""

    def __init__(self, styles: PaperStyles, wide: bool) -> None:
        self.styles = styles
        self.width = (landscape(A4) if wide else A4)[0] - 2 * MARGIN
        self.section = ParagraphStyle("ReportSection", parent=styles.heading, fontSize=SECTION_POINTS,
                                      leading=SECTION_POINTS * 1.3, spaceBefore=5 * mm, spaceAfter=2 * mm,
                                      keepWithNext=1)
        # A heading stays with what follows it; a chart's note with its chart. (Not a table's note: kept
        # together with a table taller than the space left, it would push the whole table to the next page;
        # the CondPageBreak before a heading leaves room for a table's first rows instead.)
        self.table_note = ParagraphStyle("ReportTableNote", parent=styles.small, spaceAfter=2 * mm)
        self.note = ParagraphStyle("ReportNote", parent=self.table_note, keepWithNext=1)
        self.date_cell = ParagraphStyle("ReportDateCell", parent=styles.small, textColor=colors.HexColor("#333333"))

    def height(self, flowables: Sequence[Flowable]) -> float:
        """The height ``flowables`` take one under the other (spaces between them included)."""
        return sum(f.wrap(self.width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)

    def heading(self, text: str) -> list[Flowable]:
        return [CondPageBreak(50 * mm), para(text, self.section)]

    def header_cells(self, titles: Sequence[str]) -> list[Paragraph]:
        return [_lines(title, self.styles.cell_center) for title in titles]


# -- sections ---------------------------------------------------------------------------------------


def _summary(report: StudyReport, expected: int, layout: _Layout) -> list[Flowable]:
    """The totals as one shaded line of titles over one line of figures."""
    totals = report.totals
    titles = ["应学党员（人）", "学习人次", "学习人数（人）", "总时长（分钟）", "总学时"]
    figures = [str(expected), str(totals["records"]), str(totals["members_studied"]), str(totals["minutes"]),
               _number(totals["credit_hours"])]
    style = ParagraphStyle("ReportFigure", parent=layout.styles.cell_center, fontSize=SECTION_POINTS,
                           leading=SECTION_POINTS * 1.4)
    widths = [layout.width / len(titles)] * len(titles)
    return [grid_table([layout.header_cells(titles), [para(f, style) for f in figures]], widths, layout.styles)]


def _cover_cell(studied: int, total: int, at: tuple[int, int], marks: list[tuple[Any, ...]]) -> str:
    if total and studied / total < WARN_BELOW:
        marks.append(("BACKGROUND", at, at, WARN_FILL))
    return f"{studied}/{total}"


def _group_chunks(groups: list[str], layout: _Layout) -> list[list[str]]:
    """The 党小组 columns of each coverage table: as many as fit beside the title (the first table
    also holds the totals)."""
    first = int((layout.width / mm - COVER_TITLE_MIN - COVER_COUNT - COVER_RATE) // COVER_GROUP)
    later = int((layout.width / mm - COVER_TITLE_MIN) // COVER_GROUP)
    chunks = [groups[:first]]
    rest = groups[first:]
    while rest:
        chunks.append(rest[:later])
        rest = rest[later:]
    return chunks


def _coverage_table(coverage: list[LessonCoverage], groups: list[str], offset: int, first: bool,
                    layout: _Layout) -> Flowable:
    """Lessons by rows; the totals (first table only) and one 已学/应学 column per 党小组, the group names
    in a second header row."""
    styles = layout.styles
    fixed = ["微党课"] + (["已学/\n应学", "覆盖率"] if first else [])
    widths = ([COVER_COUNT * mm, COVER_RATE * mm] if first else []) + [COVER_GROUP * mm] * len(groups)
    widths.insert(0, layout.width - sum(widths))
    marks: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER")]
    rows: list[list[Any]] = [layout.header_cells(fixed)]
    if groups:  # nobody to study: no groups
        rows[0] += [para("各党小组 已学/应学", styles.cell_center)] + [""] * (len(groups) - 1)
        rows.append([""] * len(fixed) + layout.header_cells(groups))
        marks += [("SPAN", (c, 0), (c, 1)) for c in range(len(fixed))] + [("SPAN", (len(fixed), 0), (-1, 0))]
    header_rows = len(rows)
    for number, lesson in enumerate(coverage, start=header_rows):
        title: list[Flowable] = [para(lesson.title, styles.cell)]
        if lesson.published_date:
            title.append(para(f"{lesson.published_date} 发布", layout.date_cell))
        row: list[Any] = [title]
        if first:
            row += [f"{lesson.studied}/{lesson.total}", percent(lesson.studied, lesson.total)]
            if lesson.total and lesson.rate < WARN_BELOW:
                marks.append(("BACKGROUND", (2, number), (2, number), WARN_FILL))
        for column, group in enumerate(lesson.groups[offset:offset + len(groups)], start=len(row)):
            row.append(_cover_cell(group.studied, group.total, (column, number), marks))
        rows.append(row)
    return grid_table(rows, widths, styles, extra=marks, header_rows=header_rows)


def _coverage(report: StudyReport, expected: int, layout: _Layout, room: float) -> list[Flowable]:
    """The coverage section; its heading, note and chart take at most ``room`` points of height."""
    coverage = report.coverage
    out = layout.heading(f"一、课程覆盖（{len(coverage)} 节微党课）")
    if not coverage:
        return [*out, para("暂无微党课（已归档的课程不计入）。", layout.styles.info)]
    mark = f"{WARN_BELOW:.0%}"
    note = (f"覆盖率＝学过这节课的应学党员人数 ÷ 应学党员人数（状态为正常、流动，共 {expected} 人），"
            f"学习日期不限于本统计期间。低于 {mark} 的以橙色标出。")
    shown = f"图中为覆盖率最低的 {MAX_CHART_LESSONS} 节，全部课程见下表。"
    room -= layout.height([*out, para(note + shown, layout.note)]) + share_bars_height(0)
    fit = max(1, min(MAX_CHART_LESSONS, int(room // BAR_PITCH)))
    weakest = sorted(coverage, key=lambda c: (c.rate, c.title))[:fit]
    if len(coverage) > fit:
        note += f"图中为覆盖率最低的 {fit} 节，全部课程见下表。"
    bars = [ShareBar(c.title, c.rate, f"{c.studied}/{c.total} {percent(c.studied, c.total)}") for c in weakest]
    chart = share_bars(bars, layout.styles.font, layout.width, warn_below=WARN_BELOW)
    out += [para(note, layout.note), chart, Spacer(1, 4 * mm)]
    groups = [g.group for g in coverage[0].groups]
    offset = 0
    for index, chunk in enumerate(_group_chunks(groups, layout)):
        if index:
            out += [Spacer(1, 3 * mm), para("各党小组覆盖情况（续）", layout.styles.info)]
        out.append(_coverage_table(coverage, chunk, offset, index == 0, layout))
        offset += len(chunk)
    return out


def _monthly(report: StudyReport, layout: _Layout) -> list[Flowable]:
    out = layout.heading("二、按月统计")
    counts = report.monthly_counts
    if len(counts) == 1:
        return [*out, para(f"{report.period.label}共学习 {counts[0][1]} 人次。", layout.styles.info)]
    chart = count_columns([(_month(m), n) for m, n in counts], layout.styles.font, layout.width, unit="学习人次")
    return [*out, chart]


def _ledger(report: StudyReport, layout: _Layout) -> list[Flowable]:
    styles = layout.styles
    months = report.period.months if len(report.period.months) > 1 else []
    fixed = [w * mm for w in LEDGER_WIDTHS]
    if not months:  # the room of the month columns goes to the 党小组 and the names
        spare = layout.width - sum(fixed)
        fixed[1] += spare / 2
        fixed[2] += spare / 2
    month_w = (layout.width - sum(fixed)) / len(months) if months else 0.0
    widths = fixed + [month_w] * len(months)
    fixed_n = len(LEDGER_WIDTHS)
    marks: list[tuple[Any, ...]] = [("ALIGN", (4, 0), (-1, -1), "RIGHT"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                                    ("ALIGN", (3, 0), (3, -1), "CENTER")]
    if months:
        header: list[list[Any]] = [
            layout.header_cells(LEDGER_TITLES) + [para("各月时长（分钟）", styles.cell_center)]
            + [""] * (len(months) - 1),
            [""] * fixed_n + [para(_month(m), styles.cell_center) for m in months],
        ]
        marks += [("SPAN", (c, 0), (c, 1)) for c in range(fixed_n)]
        marks.append(("SPAN", (fixed_n, 0), (-1, 0)))
        if len(months) > 3:
            marks.append(("FONTSIZE", (fixed_n, 2), (-1, -1), SMALL_POINTS))
    else:
        header = [layout.header_cells(LEDGER_TITLES)]
    rows: list[list[Any]] = list(header)
    for number, row in enumerate(report.ledger, start=1):
        rows.append([str(number), para(row.group, styles.cell), para(row.name, styles.cell), row.status,
                     str(row.records), _blank_zero(row.self_reported), str(row.lessons), str(row.minutes),
                     _number(row.credit_hours),
                     *(str(m) if m else "" for m in (row.monthly_minutes if months else []))])
    totals = report.totals
    rows.append(["合计", "", f"{totals['members_studied']} 人学习", "", str(totals["records"]),
                 _blank_zero(sum(r.self_reported for r in report.ledger)), "",
                 str(totals["minutes"]), _number(totals["credit_hours"]),
                 *(str(sum(r.monthly_minutes[i] for r in report.ledger)) for i in range(len(months)))])
    marks += [("SPAN", (0, -1), (1, -1)), ("SPAN", (2, -1), (3, -1)), ("BACKGROUND", (0, -1), (-1, -1), SHADE_COLOR),
              ("ALIGN", (0, -1), (3, -1), "CENTER")]
    table = grid_table(rows, widths, styles, extra=marks, header_rows=len(header))
    note = ("学习次数、时长按统计期间内的学习记录计；学时每节课只计一次。"
            "「扫码自报」为其中党员扫描活码后在手机上自己登记的次数，没有的空白。")
    if months:
        note += "某月没有学习记录的，该月一栏空白。"
    return [*layout.heading(f"三、学习台账（{len(report.ledger)} 人）"), para(note, layout.table_note), table]


def _idle(report: StudyReport, layout: _Layout) -> list[Flowable]:
    styles = layout.styles
    since = chinese_date(report.idle_since.isoformat())
    out = layout.heading(f"四、未学习名单：近 {report.idle_months} 个月（{since}以来）没有学习记录的党员")
    if not report.idle:
        return [*out, para(f"近 {report.idle_months} 个月内，应学党员都有学习记录。", styles.info)]
    out.append(para(f"共 {len(report.idle)} 人（应学党员：状态为正常、流动）。", layout.table_note))
    widths = [12 * mm, 36 * mm, 30 * mm, 36 * mm, 32 * mm, 0.0]
    widths[-1] = layout.width - sum(widths)
    rows: list[list[Any]] = [layout.header_cells(["序号", "党小组", "姓名", "手机", "最近学习日期", "备注"])]
    for number, member in enumerate(report.idle, start=1):
        rows.append([str(number), para(member.group, styles.cell), para(member.name, styles.cell), member.phone,
                     member.last_study or "从未学习", ""])
    extra = [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (4, -1), "CENTER")]
    return [*out, grid_table(rows, widths, styles, extra=extra)]


def _scans(report: StudyReport, layout: _Layout) -> list[Flowable]:
    """Each lesson scanned or studied in the period: the scans of its live codes, its study records,
    and of those the ones members reported from the phone (扫码自报)."""
    styles = layout.styles
    totals = report.scan_totals
    out = layout.heading("五、活码扫码与学习记录")
    if not totals["scans"] and not totals["self_reported"]:
        return [*out, para(f"{report.period.label}没有活码扫码记录（扫码次数在同步后从区服务器取得）。", styles.info)]
    out.append(para(
        "扫码次数＝本统计期间内各微党课的活码被扫描的次数（区服务器统计，同步后取得）；学习人次＝本期登记的"
        "学习记录；扫码自报＝其中党员扫码后在手机上自己登记的。只列出本期有扫码或有学习记录的微党课。",
        layout.table_note))
    widths = [layout.width - 3 * SCAN_COUNT * mm] + [SCAN_COUNT * mm] * 3
    rows: list[list[Any]] = [layout.header_cells(["微党课", "扫码次数", "学习人次", "其中扫码自报"])]
    for lesson in report.scans:
        title: list[Flowable] = [para(lesson.title, styles.cell)]
        if lesson.published_date:
            title.append(para(f"{lesson.published_date} 发布", layout.date_cell))
        rows.append([title, str(lesson.scans), str(lesson.records), str(lesson.self_reported)])
    rows.append(["合计", str(totals["scans"]), str(totals["records"]), str(totals["self_reported"])])
    extra = [("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("BACKGROUND", (0, -1), (-1, -1), SHADE_COLOR),
             ("ALIGN", (0, -1), (0, -1), "CENTER")]
    return [*out, grid_table(rows, widths, styles, extra=extra)]


# -- the document -----------------------------------------------------------------------------------


def export_study_pdf(
    store: Store, period: Period, out: Path, *, idle_months: int = 3, today: date | None = None
) -> StudyReport:
    """Print the report for ``period`` to ``out``; returns the figures printed. Raises PdfError
    (Chinese) when there is no usable font or the file cannot be saved."""
    report = build_study_report(store, period, idle_months=idle_months, today=today)
    styles = paper_styles()
    wide = len(period.months) > 3
    layout = _Layout(styles, wide)
    branch = branch_name(store)
    title = f"{branch} {period.label} 微党课学习统计"
    printed = (today or date.today()).isoformat()
    header = [
        para(title, styles.title),
        spaced([f"统计期间：{chinese_date(period.start.isoformat())} 至 {chinese_date(period.end.isoformat())}",
                f"打印日期：{chinese_date(printed)}"], styles.info),
    ]
    expected = len(studying_members(store))
    summary = _summary(report, expected, layout)
    room = body_height(header, wide=wide) - layout.height(summary) - 6  # the chart stays on the first page
    story = [
        *summary,
        *_coverage(report, expected, layout, room),
        *_monthly(report, layout),
        *_ledger(report, layout),
        *_idle(report, layout),
        *_scans(report, layout),
    ]
    write_paper(out, story, title=title, header=header, styles=styles, wide=wide, author=branch)
    return report
