"""Lesson and study commands: lessons add|edit|archive|list|import, study record|void|list,
signin-sheet, not-studied-list."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.output import CommandFailed, Output
from core.lessons.fields import METHODS, method_text

if TYPE_CHECKING:
    from core.store import Store

# Commands import their modules when they run, to keep the desktop app's start-up light.


def register(commands: argparse._SubParsersAction) -> None:
    lessons = commands.add_parser("lessons", help="微党课目录：新增、列出、导入").add_subparsers(
        dest="lessons_command", metavar="ACTION", required=True
    )
    p = lessons.add_parser("add", help="新增一节本支部的微党课")
    p.add_argument("--title", required=True, help="标题")
    p.add_argument("--speaker", help="主讲人")
    p.add_argument("--topic", help="专题")
    p.add_argument("--minutes", help="时长（分钟）")
    p.add_argument("--url", help="视频链接（http:// 或 https://）")
    p.add_argument("--credit-hours", help="学时")
    p.add_argument("--published", help="发布日期")
    p.add_argument("--valid-until", help="有效期至")
    p.add_argument("--note", help="备注")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_lessons_add)

    p = lessons.add_parser("edit", help="修改本支部的一节微党课（视频链接改了，已打印的活码跟着改）")
    p.add_argument("lesson", help="微党课的 ID 或完整标题")
    p.add_argument("--title", help="标题")
    p.add_argument("--speaker", help="主讲人")
    p.add_argument("--topic", help="专题")
    p.add_argument("--minutes", help="时长（分钟）")
    p.add_argument("--url", help="视频链接（http:// 或 https://）")
    p.add_argument("--note", help="备注")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_lessons_edit)

    p = lessons.add_parser("archive", help="归档（下架）本支部的一节微党课；学习记录保留")
    p.add_argument("lesson", help="微党课的 ID 或完整标题")
    p.add_argument("--restore", action="store_true", help="恢复已归档的课")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_lessons_archive)

    p = lessons.add_parser("list", help="列出微党课及学习人数、活码扫码次数")
    p.add_argument("--search", default="", help="按标题、主讲人或专题查找")
    p.add_argument("--all", action="store_true", help="包括已归档的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_lessons_list)

    p = lessons.add_parser("import", help="从 Excel 或 WPS 表格（.xlsx .xls .xlsm .et）、.ods 或 CSV 导入微党课清单")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_lessons_import)

    study = commands.add_parser("study", help="学习记录：登记、作废、列出").add_subparsers(
        dest="study_command", metavar="ACTION", required=True
    )
    p = study.add_parser("record", help="登记若干党员学习了一节微党课")
    p.add_argument("--lesson", required=True, help="微党课的 ID 或完整标题")
    p.add_argument("--members", required=True, help="党员 ID，用逗号分隔")
    p.add_argument("--date", required=True, help="学习日期，例如 2026-11-20")
    p.add_argument("--method", required=True,
                   help="学习方式：" + "、".join(f"{code}（{label}）" for code, label in METHODS.items()))
    p.add_argument("--minutes", type=int, help="学习时长（分钟，默认为课程时长）")
    p.add_argument("--helper", help="帮学人的党员 ID（送学上门、结对帮学时必填）")
    p.add_argument("--entered-by", default="", help="录入人")
    p.add_argument("--note", default="", help="备注")
    p.add_argument("--again", action="store_true", help="同一天已登记过本课的党员也再登记一次（默认跳过）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_study_record)

    p = study.add_parser("void", help="作废一条登记错误的学习记录")
    p.add_argument("record", help="学习记录 ID")
    p.add_argument("--reason", required=True, help="作废原因")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_study_void)

    p = study.add_parser("list", help="列出学习记录")
    p.add_argument("--lesson", help="微党课的 ID 或完整标题")
    p.add_argument("--member", help="党员 ID")
    p.add_argument("--voided", action="store_true", help="包括已作废的记录")
    p.add_argument("--self-reported", action="store_true", help="只列出党员扫码后在手机上自己登记的（扫码自报）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_study_list)

    p = commands.add_parser("signin-sheet", help="打印签到表（PDF）")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--lesson", help="微党课的 ID 或完整标题")
    which.add_argument("--session", help="集中学习活动的 ID")
    p.add_argument("--date", help="学习日期（不填则留空手写）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_signin_sheet)

    p = commands.add_parser("not-studied-list", help="打印某节微党课的未学名单（PDF，供送学上门使用）")
    p.add_argument("--lesson", required=True, help="微党课的 ID 或完整标题")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_not_studied_list)


def find_lesson(store: Store, text: str) -> dict[str, Any]:
    """A lesson by id, or by its exact title among current lessons."""
    from core.lessons.catalogue import get_lesson

    lesson = get_lesson(store, text.strip())
    if lesson is not None:
        return lesson
    rows = store.query(
        "SELECT * FROM lessons WHERE deleted = 0 AND title = ? ORDER BY archived, published_date DESC",
        (text.strip(),),
    )
    if not rows:
        raise CommandFailed(f"找不到微党课「{text}」，请用 lessons list 查看 ID 或完整标题")
    return rows[0]


def cmd_lessons_add(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.catalogue import LessonError, add_lesson

    raw = {
        "title": args.title, "speaker": args.speaker, "topic": args.topic, "minutes": args.minutes,
        "video_url": args.url, "credit_hours": args.credit_hours, "published_date": args.published,
        "valid_until": args.valid_until, "note": args.note,
    }
    try:
        lesson_id = add_lesson(store, raw)
    except LessonError as exc:
        raise CommandFailed(str(exc), details={"fields": [i.field for i in exc.issues]}) from exc
    out.result({"id": lesson_id, "title": args.title.strip()}, f"已新增微党课「{args.title.strip()}」，ID：{lesson_id}")


_EDITABLE = {"title": "title", "speaker": "speaker", "topic": "topic", "minutes": "minutes", "url": "video_url",
             "note": "note"}


def cmd_lessons_edit(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.catalogue import LessonError, edit_lesson
    from core.lessons.fields import LESSON_FIELDS

    lesson = find_lesson(store, args.lesson)
    changes = {field: getattr(args, option) for option, field in _EDITABLE.items() if getattr(args, option) is not None}
    if not changes:
        raise CommandFailed("请至少给出一项要修改的内容，例如 --url 新的视频链接")
    raw = {f.key: lesson[f.key] for f in LESSON_FIELDS} | changes
    try:
        edit_lesson(store, lesson["id"], raw)
    except LessonError as exc:
        raise CommandFailed(str(exc), details={"fields": [i.field for i in exc.issues]}) from exc
    shown = "、".join(sorted(changes))
    out.result({"id": lesson["id"], "changed": sorted(changes)},
               f"已修改微党课「{raw['title']}」（{shown}）；同步后，已打印的活码跟着改。")


def cmd_lessons_archive(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.catalogue import LessonError, archive_lesson

    lesson = find_lesson(store, args.lesson)
    try:
        archive_lesson(store, lesson["id"], archived=not args.restore)
    except LessonError as exc:
        raise CommandFailed(str(exc)) from exc
    verb = "恢复" if args.restore else "归档"
    out.result({"id": lesson["id"], "archived": not args.restore}, f"已{verb}微党课「{lesson['title']}」")


def cmd_lessons_list(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.catalogue import is_district, list_lessons
    from core.qr.live_links import scans_by_lesson
    from core.reports.study_report import lesson_coverage

    lessons = list_lessons(store, search=args.search, include_archived=args.all)
    coverage = {c.lesson_id: c for c in lesson_coverage(store)}
    scans = scans_by_lesson(store)  # all time
    items = []
    for lesson in lessons:
        cov = coverage.get(lesson["id"])
        items.append({
            "id": lesson["id"], "title": lesson["title"], "speaker": lesson["speaker"], "topic": lesson["topic"],
            "minutes": lesson["minutes"], "video_url": lesson["video_url"], "credit_hours": lesson["credit_hours"],
            "published_date": lesson["published_date"], "valid_until": lesson["valid_until"],
            "source": "district" if is_district(lesson) else "branch", "archived": bool(lesson["archived"]),
            "studied": cov.studied if cov else None, "expected": cov.total if cov else None,
            "scans": scans.get(lesson["id"], 0),
        })
    lines = [f"共 {len(items)} 节微党课"]
    for item in items:
        learned = f"{item['studied']}/{item['expected']} 人已学" if item["studied"] is not None else "已归档"
        source = "区县发布" if item["source"] == "district" else "本支部"
        lines.append(f"  {item['id']}  {item['title']}  {item['minutes'] or '-'} 分钟  {source}  {learned}"
                     f"  扫码 {item['scans']} 次")
    out.result({"count": len(items), "lessons": items}, "\n".join(lines))


def cmd_lessons_import(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.lesson_import import apply_lesson_import, plan_lesson_import
    from core.tabular import TableReadError

    try:
        plan = plan_lesson_import(store, args.file)
    except TableReadError as exc:
        raise CommandFailed(str(exc)) from exc
    added = 0 if args.dry_run else apply_lesson_import(store, plan)
    data = {**plan.summary(), "added": added, "dry_run": args.dry_run}
    verb = "将" if args.dry_run else "已"
    lines = [
        f"{args.file.name}：{verb}新增 {len(plan.new)} 节，已在目录中 {len(plan.existing)} 节，错误 {len(plan.errors)} 行。"
    ]
    lines += [f"  {e.message}" for e in plan.errors]
    if plan.unknown_columns:
        lines.append("未识别而忽略的列：" + "、".join(plan.unknown_columns))
    if args.dry_run:
        lines.append("（试运行：没有写入任何数据）")
    out.result(data, "\n".join(lines))


def _method_code(text: str) -> str:
    text = text.strip()
    if text in METHODS:
        return text
    for code, label in METHODS.items():
        if text == label:
            return code
    raise CommandFailed(f"学习方式「{text}」无效，应为：" + "、".join(f"{c}（{label}）" for c, label in METHODS.items()))


def cmd_study_record(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.study import StudyEntry, StudyError, already_recorded, record_study
    from core.text import parse_date

    lesson = find_lesson(store, args.lesson)
    members = [m.strip() for m in args.members.replace("，", ",").split(",") if m.strip()]
    entry = StudyEntry(lesson["id"], args.date, _method_code(args.method), args.minutes, args.helper or None,
                       args.entered_by, args.note)
    try:
        day = parse_date(args.date)
    except ValueError as exc:
        raise CommandFailed(f"学习日期：{exc}") from exc
    repeated = set() if args.again else already_recorded(store, lesson["id"], day, members)
    to_record = [m for m in members if m not in repeated]
    try:
        ids = record_study(store, entry, to_record) if to_record else []
    except StudyError as exc:
        raise CommandFailed(str(exc)) from exc
    data = {"lesson_id": lesson["id"], "recorded": len(ids), "ids": ids, "already_recorded": sorted(repeated)}
    text = f"已登记「{lesson['title']}」{day} {METHODS[entry.method]} {len(ids)} 人。"
    if repeated:
        text += f"\n另有 {len(repeated)} 人当天已登记过本课，已跳过（如确需重复登记，请加 --again）。"
    out.result(data, text)


def cmd_study_void(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.study import StudyError, void_record

    try:
        void_record(store, args.record, args.reason)
    except StudyError as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"voided": args.record, "reason": args.reason}, f"已作废学习记录 {args.record}（{args.reason}）")


def cmd_study_list(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.study import list_records

    lesson_id = find_lesson(store, args.lesson)["id"] if args.lesson else None
    rows = list_records(store, lesson_id=lesson_id, member_id=args.member, include_voided=args.voided,
                        self_reported=args.self_reported)
    records = [
        {
            "id": r["id"], "member_id": r["member_id"], "member": r["member_name"], "lesson_id": r["lesson_id"],
            "lesson": r["lesson_title"], "date": r["study_date"], "method": r["method"], "minutes": r["minutes"],
            "helper": r["helper_name"], "entered_by": r["entered_by"], "note": r["note"],
            "voided": bool(r["deleted"]), "void_reason": r["void_reason"], "self_reported": bool(r["self_reported"]),
        }
        for r in rows
    ]
    lines = [f"共 {len(records)} 条" + ("扫码自报的" if args.self_reported else "") + "学习记录"]
    for r in records:
        flag = f"  [已作废：{r['void_reason']}]" if r["voided"] else ""
        lines.append(f"  {r['date']}  {r['member']}  {r['lesson']}  {method_text(r['method'], r['self_reported'])}{flag}")
    out.result({"count": len(records), "records": records}, "\n".join(lines))


def _print_errors() -> tuple[type[Exception], ...]:
    from core.lessons.study import StudyError
    from core.pdf import PdfError

    return (StudyError, PdfError)


def cmd_signin_sheet(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.signin_sheet import write_signin_sheet

    lesson_id = find_lesson(store, args.lesson)["id"] if args.lesson else None
    try:
        rows = write_signin_sheet(store, args.output, lesson_id=lesson_id, session_id=args.session,
                                  study_date=args.date)
    except _print_errors() as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"path": str(args.output), "members": rows}, f"签到表已保存到 {args.output}（{rows} 人）")


def cmd_not_studied_list(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.lessons.not_studied_list import write_not_studied_list

    lesson = find_lesson(store, args.lesson)
    try:
        count = write_not_studied_list(store, args.output, lesson["id"])
    except _print_errors() as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"path": str(args.output), "members": count},
               f"「{lesson['title']}」未学名单已保存到 {args.output}（{count} 人）")
