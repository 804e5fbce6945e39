"""Report commands: report study."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from core.cli.output import EXIT_USAGE, CommandFailed, Output

if TYPE_CHECKING:
    from core.store import Store


def register(commands: argparse._SubParsersAction) -> None:
    reports = commands.add_parser("report", help="统计报表").add_subparsers(
        dest="report_command", metavar="REPORT", required=True
    )
    p = reports.add_parser("study", help="学习统计：课程覆盖、学习台账、未学习名单（.xlsx 或 .pdf）")
    p.add_argument("--period", required=True, help="统计期间：2026-11（月）、2026-Q4（季度）或 2026（年）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.xlsx|OUT.pdf")
    p.add_argument("--idle-months", type=int, default=3, help="多少个月没有学习记录算作未学习（默认 3）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_report_study)


def cmd_report_study(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.reports.period import PeriodError, parse_period
    from core.tabular import TableWriteError

    suffix = args.output.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise CommandFailed("输出文件应以 .xlsx 或 .pdf 结尾", EXIT_USAGE)
    if not 1 <= args.idle_months <= 36:
        raise CommandFailed("--idle-months 应在 1 至 36 之间", EXIT_USAGE)
    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        raise CommandFailed(str(exc), EXIT_USAGE) from exc
    try:
        if suffix == ".xlsx":
            from core.reports.study_export import export_study_xlsx

            report = export_study_xlsx(store, period, args.output, idle_months=args.idle_months)
        else:
            from core.pdf import PdfError
            from core.reports.study_pdf import export_study_pdf

            try:
                report = export_study_pdf(store, period, args.output, idle_months=args.idle_months)
            except PdfError as exc:
                raise CommandFailed(str(exc)) from exc
    except TableWriteError as exc:
        raise CommandFailed(str(exc)) from exc
    totals = report.totals
    data = {
        "path": str(args.output),
        "period": period.code,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        **totals,
        "coverage": [
            {"lesson_id": c.lesson_id, "title": c.title, "studied": c.studied, "expected": c.total,
             "groups": [{"group": g.group, "studied": g.studied, "expected": g.total} for g in c.groups]}
            for c in report.coverage
        ],
        "idle_months": report.idle_months,
        "idle_since": report.idle_since.isoformat(),
        "idle_members": [{"id": m.member_id, "name": m.name, "group": m.group, "last_study": m.last_study}
                         for m in report.idle],
        "monthly": [{"month": m, "records": n} for m, n in report.monthly_counts],
        "self_reported": report.scan_totals["self_reported"],
        "scans": report.scan_totals["scans"],
        "lesson_scans": [
            {"lesson_id": s.lesson_id, "title": s.title, "scans": s.scans, "records": s.records,
             "self_reported": s.self_reported}
            for s in report.scans
        ],
    }
    text = (
        f"{period.label}：学习 {totals['records']} 人次，{totals['members_studied']} 人学习，"
        f"共 {totals['minutes']} 分钟、{totals['credit_hours']} 学时；"
        f"近 {report.idle_months} 个月没有学习记录的有 {len(report.idle)} 人；"
        f"活码扫码 {report.scan_totals['scans']} 次，扫码自报 {report.scan_totals['self_reported']} 人次。"
        f"\n已保存到 {args.output}"
    )
    out.result(data, text)
