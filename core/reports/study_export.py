"""The study report as an Excel workbook (统计报表.xlsx): ledger, details, coverage, scans of the live
codes against study, idle members, months."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from core.profile import branch_name
from core.reports.period import Period
from core.reports.study_report import (
    DETAIL_HEADERS,
    StudyReport,
    build_study_report,
    ledger_details,
)
from core.store import Store
from core.xlsx_writer import Sheet, write_workbook

LEDGER_HEADERS = ["序号", "党小组", "姓名", "状态", "学习次数", "其中扫码自报", "学习课程数", "学习时长（分钟）", "学时"]
SCAN_HEADERS = ["微党课", "发布日期", "扫码次数", "学习人次", "其中扫码自报"]


def percent(studied: int, total: int) -> str:
    return f"{studied / total:.0%}" if total else "—"


def ledger_rows(report: StudyReport) -> Iterator[list[Any]]:
    multi_month = len(report.period.months) > 1
    for number, row in enumerate(report.ledger, start=1):
        cells: list[Any] = [number, row.group, row.name, row.status, row.records, row.self_reported, row.lessons,
                            row.minutes, row.credit_hours]
        if multi_month:
            cells += row.monthly_minutes
        yield cells
    totals = report.totals
    total_cells: list[Any] = ["合计", "", f"{totals['members_studied']} 人学习", "", totals["records"],
                              sum(r.self_reported for r in report.ledger), "", totals["minutes"],
                              totals["credit_hours"]]
    if multi_month:
        total_cells += [sum(r.monthly_minutes[i] for r in report.ledger) for i in range(len(report.period.months))]
    yield total_cells


def ledger_headers(period: Period) -> list[str]:
    months = period.months
    if len(months) == 1:
        return list(LEDGER_HEADERS)
    return LEDGER_HEADERS + [f"{int(m[5:])}月（分钟）" for m in months]


def coverage_sheet(report: StudyReport) -> Sheet:
    groups = [g.group for g in report.coverage[0].groups] if report.coverage else []
    headers = ["微党课", "发布日期", "已学人数", "应学人数", "覆盖率"] + [f"{g}（已学/应学）" for g in groups]
    rows = [
        [c.title, c.published_date or "", c.studied, c.total, percent(c.studied, c.total)]
        + [f"{g.studied}/{g.total}" for g in c.groups]
        for c in report.coverage
    ]
    return Sheet("课程覆盖", headers, rows, heading="各微党课学习覆盖情况（在册应学党员：正常、流动）")


def scans_sheet(report: StudyReport) -> Sheet:
    """Each lesson scanned or studied in the period: scans of its live codes against its study records."""
    rows: list[list[Any]] = [[s.title, s.published_date or "", s.scans, s.records, s.self_reported]
                             for s in report.scans]
    totals = report.scan_totals
    rows.append(["合计", "", totals["scans"], totals["records"], totals["self_reported"]])
    return Sheet("扫码与学习", SCAN_HEADERS, rows,
                 heading=f"{report.period.label} 各微党课活码扫码次数与学习记录（扫码自报：党员扫码后在手机上自己登记的）")


def export_study_xlsx(
    store: Store, period: Period, out: Path, *, idle_months: int = 3, today: date | None = None
) -> StudyReport:
    """Write the report for ``period`` to ``out``; returns the figures written."""
    report = build_study_report(store, period, idle_months=idle_months, today=today)
    name = branch_name(store)
    idle_rows = [[m.group, m.name, m.phone, m.last_study or "从未学习"] for m in report.idle]
    sheets = [
        Sheet("学习台账", ledger_headers(period), ledger_rows(report),
              heading=f"{name} {period.label} 党员学习台账"),
        Sheet("学习明细", DETAIL_HEADERS, ledger_details(store, period),
              heading=f"{name} {period.label} 学习记录明细"),
        coverage_sheet(report),
        scans_sheet(report),
        Sheet("未学习名单", ["党小组", "姓名", "手机", "最近学习日期"], idle_rows, text_columns={2},
              heading=f"近 {idle_months} 个月（{report.idle_since.isoformat()} 起）没有学习记录的党员"),
        Sheet("按月统计", ["月份", "学习人次"], [[m, n] for m, n in report.monthly_counts],
              heading=f"{period.label} 各月学习人次"),
    ]
    write_workbook(out, sheets)
    return report
