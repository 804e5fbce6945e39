"""Roster and database commands: demo, import-roster, export-roster, import-template, members,
backup, restore."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.output import CommandFailed, Output
from core.roster.fields import (
    CATEGORIES,
    DUPLICATE_POLICIES,
    GENDERS,
    STATUSES,
    WECHAT_LEVELS,
    choice_label,
)

if TYPE_CHECKING:
    from core.store import Store

# Each command imports what it needs when it runs, so that starting the desktop app (which parses
# the same command line) does not pay for every command's modules.


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("demo", help="在空数据库中生成一个演示支部")
    p.add_argument("--members", type=int, default=120, help="党员人数（默认 120）")
    p.add_argument("--seed", type=int, default=1, help="随机种子，相同种子生成相同数据")
    p.add_argument("--roster-only", action="store_true", help="只生成花名册（不生成微党课、学习记录和结对）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_demo)

    p = commands.add_parser("import-roster", help="从 Excel 或 WPS 表格（.xlsx .xls .xlsm .et）、.ods 或 CSV 导入花名册")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--on-duplicate", choices=DUPLICATE_POLICIES, default="skip",
                   help="已在册的人：skip 跳过，fill 只补空白字段，overwrite 用表中非空值覆盖")
    p.add_argument("--errors", type=Path, metavar="OUT.xlsx", help="把有错误的行连同原因保存到此文件")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)

    p = commands.add_parser("export-roster", help="导出花名册到 .xlsx 或 .csv")
    p.add_argument("out", type=Path)
    p.add_argument("--show-id-numbers", action="store_true", help="导出完整身份证号（默认遮盖中间 8 位）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("import-template", help="保存一份空白的导入模板（.xlsx）")
    p.add_argument("out", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_template)

    p = commands.add_parser("members", help="列出或搜索党员")
    p.add_argument("--search", default="", help="姓名、拼音全拼或首字母、手机或身份证号尾号")
    p.add_argument("--category", choices=list(CATEGORIES), action="append", default=[])
    p.add_argument("--status", choices=list(STATUSES), action="append", default=[])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_members)

    p = commands.add_parser("backup", help="立即备份数据库")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = commands.add_parser("restore", help="从备份文件恢复数据库（先自动备份当前数据）")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_restore)


def cmd_demo(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.demo_activity import add_demo_activity
    from core.roster.demo import DemoRefused, load_demo
    from core.roster.members import ValidationFailed

    if args.members < 1:
        raise CommandFailed("--members 至少为 1")
    try:
        count = load_demo(store, members=args.members, seed=args.seed)
    except (DemoRefused, ValidationFailed) as exc:
        raise CommandFailed(str(exc)) from exc
    if args.roster_only:
        out.result({"members": count}, f"已生成演示支部：{count} 名党员。")
        return
    activity = add_demo_activity(store, seed=args.seed)
    out.result(
        {"members": count, **activity},
        f"已生成演示支部：{count} 名党员，{activity['lessons']} 节微党课，{activity['study_records']} 条学习记录，"
        f"{activity['pairings']} 对结对，{activity['visits']} 次走访。",
    )


def cmd_import(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.cancel import Cancelled
    from core.roster.export import ExportError, write_error_workbook
    from core.roster.importer import apply_import, plan_import, preview_import, summary
    from core.tabular import TableReadError

    try:
        plan = plan_import(store, args.file, progress=out.progress)
        if args.dry_run:
            result = preview_import(store, plan, args.on_duplicate)
        else:
            result = apply_import(store, plan, args.on_duplicate, progress=out.progress)
        if args.errors and plan.count("error"):
            write_error_workbook(plan, args.errors)
    except (TableReadError, ExportError) as exc:
        raise CommandFailed(str(exc)) from exc
    except Cancelled as exc:
        raise CommandFailed("导入已取消，没有写入任何数据。") from exc
    data = summary(plan, result)
    verb = "将" if args.dry_run else "已"
    lines = [
        f"{args.file.name}：共 {data['rows']} 行数据，有效 {data['valid']} 行，错误 {plan.count('error')} 行。",
        f"{verb}新增 {data['inserted']} 人，{verb}更新 {data['updated']} 人，跳过 {data['skipped']} 人。",
    ]
    if args.dry_run:
        lines.append("（试运行：没有写入任何数据）")
    lines += [f"  第 {e['row']} 行「{e['field']}」：{e['message']}" for e in data["errors"]]
    lines += [f"  提示 第 {w['row']} 行「{w['field']}」：{w['message']}" for w in data["warnings"]]
    if data["unknown_columns"]:
        lines.append("未识别而忽略的列：" + "、".join(data["unknown_columns"]))
    if args.errors and plan.count("error"):
        lines.append(f"错误行已保存到 {args.errors}，改正后可再次导入。")
    out.result(data, "\n".join(lines))


def cmd_export(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.roster.export import ExportError, export_roster

    try:
        count = export_roster(store, args.out, show_id_numbers=args.show_id_numbers)
    except ExportError as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"members": count, "path": str(args.out)}, f"已导出 {count} 名党员到 {args.out}")


def cmd_template(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.roster.export import ExportError, write_template

    try:
        write_template(args.out)
    except ExportError as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"path": str(args.out)}, f"导入模板已保存到 {args.out}")


def member_json(member: dict[str, Any], today: date) -> dict[str, Any]:
    """A member for ``members --json`` (ID number masked)."""
    from core.idcard import mask_id
    from core.roster.derived import age

    return {
        "id": member["id"],
        "name": member["name"],
        "pinyin": member["name_pinyin"],
        "initials": member["name_initials"],
        "gender": GENDERS.get(member["gender"] or "", ""),
        "ethnicity": member["ethnicity"],
        "birth_date": member["birth_date"],
        "age": age(member, today),
        "id_number": mask_id(member["id_number"]),
        "education": member["education"],
        "phone": member["phone"],
        "wechat": WECHAT_LEVELS.get(member["wechat"] or "", ""),
        "village": member["village"],
        "village_group": member["village_group"],
        "group": member["group"],
        "category": choice_label("category", member["category"]),
        "joined_date": member["joined_date"],
        "confirmed_date": member["confirmed_date"],
        "status": choice_label("status", member["status"]),
        "status_date": member["status_date"],
        "note": member["note"],
    }


def cmd_members(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.roster.search import MemberFilter, search_members

    today = date.today()
    filters = MemberFilter(categories=args.category, statuses=args.status)
    found = [member_json(m, today) for m in search_members(store, args.search, filters, today)]
    lines = [f"共 {len(found)} 名党员"]
    for m in found:
        lines.append(
            "  ".join(
                str(v or "-")
                for v in (m["name"], m["gender"], m["age"], m["group"], m["category"], m["status"], m["phone"])
            )
        )
    out.result({"count": len(found), "members": found}, "\n".join(lines))


def cmd_backup(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.backup import BackupError, backup_now

    try:
        path = backup_now(store.conn, store.path)
    except BackupError as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"path": str(path)}, f"已备份到 {path}")


def cmd_restore(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.backup import BackupError, restore_backup

    store.close()
    try:
        safety = restore_backup(args.file, store.path)
    except BackupError as exc:
        raise CommandFailed(str(exc)) from exc
    text = f"已从 {args.file} 恢复。"
    if safety:
        text += f" 恢复前的数据已另存为 {safety}"
    out.result({"restored": str(args.file), "previous_saved_as": str(safety) if safety else None}, text)
