"""``python -m server``: serve, and the district admin's commands (DESIGN §5).

Exit codes: 0 success, 1 the input was refused (Chinese message on stderr), 2 wrong usage,
3 the database could not be reached. ``--json`` prints exactly one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from core.sync.package_file import PackageError
from server import admin, config, district_lessons
from server.db import Database, DatabaseUnavailable
from server.migrations import migrate

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_DATABASE = 0, 1, 2, 3
Handler = Callable[[Database, argparse.Namespace], tuple[dict[str, Any], str]]


def _common() -> argparse.ArgumentParser:
    """Options accepted before and after the sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url", default=argparse.SUPPRESS,
        help=f"SQLAlchemy URL (sqlite:///PATH or postgresql+psycopg://…); env {config.ENV_DATABASE_URL}",
    )
    return common


def _with_json(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False, parents=[common])
    parent.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    return parent


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    out = _with_json(common)
    parser = argparse.ArgumentParser(prog="python -m server", description="支部工作台 区级同步服务器", parents=[common])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = commands.add_parser("serve", parents=[common], help="run the server")
    serve.add_argument("--host", default=config.DEFAULT_HOST)
    serve.add_argument("--port", type=int, default=config.DEFAULT_PORT)
    serve.add_argument(
        "--max-syncs", type=int, default=None,
        help=f"syncs in flight for the whole server, shared among the workers (429 above); "
             f"env {config.ENV_MAX_SYNCS}; default {config.DEFAULT_MAX_SYNCS}",
    )
    serve.add_argument("--district-name", default=None, help=f"env {config.ENV_DISTRICT_NAME}")
    serve.add_argument(
        "--workers", type=int, default=None,
        help=f"uvicorn worker processes; env {config.ENV_WORKERS}; default {config.DEFAULT_WORKERS}",
    )
    serve.add_argument(
        "--proxy-headers", action=argparse.BooleanOptionalAction, default=True,
        help="believe X-Forwarded-For/-Proto from --forwarded-allow-ips (default: on)",
    )
    serve.add_argument(
        "--forwarded-allow-ips", default=None, metavar="IPS",
        help=f"the reverse proxy's addresses, comma-separated, or '*'; env {config.ENV_FORWARDED_ALLOW_IPS}; "
             f"default {config.DEFAULT_FORWARDED_ALLOW_IPS}",
    )
    serve.add_argument(
        "--public-url", default=None, metavar="URL",
        help=f"the address phones open for 活码 (printed in live codes), e.g. https://dj.example.cn; "
             f"env {config.ENV_PUBLIC_URL}; default: the address the branches sync with",
    )
    serve.set_defaults(handler=None)

    branch = commands.add_parser("branch", parents=[common], help="branches and their devices").add_subparsers(
        dest="branch_command", metavar="ACTION", required=True
    )
    p = branch.add_parser("add", parents=[out], help="add a branch and print its first enrollment code")
    p.add_argument("--name", required=True)
    p.set_defaults(handler=_branch_add)
    p = branch.add_parser("code", parents=[out], help="a new one-time enrollment code")
    p.add_argument("branch_id")
    p.set_defaults(handler=_branch_code)
    p = branch.add_parser("list", parents=[out], help="branches, devices, last sync")
    p.set_defaults(handler=_branch_list)
    p = branch.add_parser("revoke", parents=[out], help="revoke the branch's tokens (or one device's)")
    p.add_argument("branch_id")
    p.add_argument("--device", default=None, help="only this device id")
    p.set_defaults(handler=_branch_revoke)

    lesson = commands.add_parser("lesson", parents=[common], help="district micro-lessons").add_subparsers(
        dest="lesson_command", metavar="ACTION", required=True
    )
    p = lesson.add_parser("publish", parents=[out], help="publish a lesson to every branch")
    p.add_argument("--title", required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--minutes", type=int, default=None)
    p.add_argument("--speaker", default=None)
    p.add_argument("--topic", default=None)
    p.add_argument("--published", default=None, help="YYYY-MM-DD (default today)")
    p.add_argument("--credit-hours", type=float, default=None)
    p.set_defaults(handler=_lesson_publish)
    p = lesson.add_parser("edit", parents=[out], help="change a district lesson (printed live codes follow)")
    p.add_argument("lesson_id")
    p.add_argument("--url", default=None)
    p.add_argument("--title", default=None)
    p.add_argument("--minutes", type=int, default=None)
    p.add_argument("--speaker", default=None)
    p.set_defaults(handler=_lesson_edit)
    p = lesson.add_parser("retire", parents=[out], help="retire (archive) a district lesson; history is kept")
    p.add_argument("lesson_id")
    p.set_defaults(handler=_lesson_retire)
    p = lesson.add_parser("list", parents=[out], help="the district's lessons")
    p.set_defaults(handler=_lesson_list)

    qr_link = commands.add_parser("qr-link", parents=[common], help="the district's live codes (活码)").add_subparsers(
        dest="qr_link_command", metavar="ACTION", required=True
    )
    p = qr_link.add_parser("add", parents=[out], help="a live code for a district lesson")
    p.add_argument("--lesson", required=True, metavar="LESSON_ID")
    p.add_argument("--label", default="", help="where it hangs (张贴位置)")
    p.add_argument("--public-url", default=None, help=f"the address phones open; env {config.ENV_PUBLIC_URL}")
    p.set_defaults(handler=_qr_link_add)
    p = qr_link.add_parser("list", parents=[out], help="the district's live codes and their scans")
    p.set_defaults(handler=_qr_link_list)

    package = commands.add_parser("package", parents=[common], help="sync packages (同步包) of branches with no link")
    package_cmd = package.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = package_cmd.add_parser("apply", parents=[out], help="apply a branch PC's package and write its reply")
    p.add_argument("package_file", metavar="IN.zbsync")
    p.add_argument("--reply", required=True, metavar="OUT.zbsync", help="where to write the reply for the branch")
    p.add_argument("--public-url", default=None, metavar="URL", help=f"as for serve; env {config.ENV_PUBLIC_URL}")
    p.add_argument("--district-name", default=None, help=f"env {config.ENV_DISTRICT_NAME}")
    p.set_defaults(handler=_package_apply)

    admin_cmd = commands.add_parser("admin", parents=[common], help="the dashboard admin").add_subparsers(
        dest="admin_command", metavar="ACTION", required=True
    )
    p = admin_cmd.add_parser("password", parents=[out], help="set the admin password")
    p.add_argument("--password", default=None, help=f"or env {config.ENV_ADMIN_PASSWORD}, or asked")
    p.set_defaults(handler=_admin_password)
    return parser


def _branch_add(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = admin.add_branch(db, args.name)
    return answer, (
        f"已添加支部“{args.name.strip()}”，编号 {answer['branch_id']}。\n"
        f"登记码：{answer['enrollment_code']}（只能用一次，只显示这一次）"
    )


def _branch_code(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = admin.new_code(db, args.branch_id)
    return answer, f"新登记码：{answer['enrollment_code']}（只能用一次，只显示这一次）"


def _branch_list(db: Database, _args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = admin.list_branches(db)
    lines = []
    for b in answer["branches"]:
        state = "（已停用）" if b["revoked"] else ""
        active = sum(1 for d in b["devices"] if not d["revoked"])
        lines.append(f"{b['branch_id']}  {b['name']}{state}  设备 {active} 台  最近同步 {b['last_sync_at'] or '从未'}")
        lines += [
            f"    设备 {d['device_id']}  {d['name']}{'（已停用）' if d['revoked'] else ''}" for d in b["devices"]
        ]
    return answer, "\n".join(lines) or "还没有支部。用 branch add --name 名称 添加。"


def _branch_revoke(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = admin.revoke(db, args.branch_id, args.device)
    return answer, f"已停用 {len(answer['revoked_devices'])} 台设备的同步凭证。"


def _lesson_publish(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = admin.publish_lesson(
        db, args.title, args.url, minutes=args.minutes, speaker=args.speaker, topic=args.topic,
        published=args.published, credit_hours=args.credit_hours,
    )
    return answer, f"已发布微党课“{args.title}”（编号 {answer['lesson_id']}），各支部下次同步时收到。"


def _lesson_edit(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = district_lessons.edit_lesson(db, args.lesson_id, url=args.url, title=args.title,
                                          minutes=args.minutes, speaker=args.speaker)
    return answer, f"已修改微党课 {answer['lesson_id']}；各支部下次同步时收到，已打印的活码跟着改。"


def _lesson_retire(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = district_lessons.retire_lesson(db, args.lesson_id)
    return answer, f"已下架微党课 {answer['lesson_id']}；学习记录保留，它的活码会说明已下架。"


def _lesson_list(db: Database, _args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = district_lessons.list_lessons(db)
    lines = [f"{item['lesson_id']}  {item['title']}  {item['url']}{'（已下架）' if item['archived'] else ''}"
             for item in answer["lessons"]]
    return answer, "\n".join(lines) or "区里还没有发布微党课。用 lesson publish 发布。"


def _qr_link_add(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = district_lessons.add_code(db, args.lesson, args.label, config.public_url(args.public_url))
    where = f"，地址 {answer['url']}" if "url" in answer else ""
    return answer, f"已做好活码 {answer['code'][:4]} {answer['code'][4:]}{where}。"


def _qr_link_list(db: Database, _args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    answer = district_lessons.list_codes(db)
    lines = [f"{item['code']}  {item['label'] or '-'}  扫码 {item['scans']} 次{'（已停用）' if item['retired'] else ''}"
             for item in answer["codes"]]
    return answer, "\n".join(lines) or "区里还没有活码。用 qr-link add --lesson 编号 做一个。"


def _admin_password(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    password = config.admin_password(args.password)
    if password is None:
        if not sys.stdin.isatty():
            raise admin.Refused("请用 --password 或环境变量 ZHIBU_ADMIN_PASSWORD 给出管理密码。")
        password = getpass.getpass("新的管理密码：")
        if getpass.getpass("再输入一次：") != password:
            raise admin.Refused("两次输入的密码不一致，没有修改。")
    return admin.set_admin_password(db, password), "管理密码已设置。"


def _package_apply(db: Database, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    from core.cli.output import TextProgress
    from server.package_apply import apply_file

    applied = apply_file(db, args.package_file, args.reply,
                         district_name=config.district_name(args.district_name) or config.DEFAULT_DISTRICT_NAME,
                         public_url=config.public_url(args.public_url), progress=TextProgress())
    return applied.counts() | {"reply": args.reply}, applied.summary(args.reply)


def _fail(args: argparse.Namespace, message: str, code: int) -> int:
    if getattr(args, "json", False):
        print(json.dumps({"error": message}, ensure_ascii=False), flush=True)
    print(f"错误：{message}", file=sys.stderr, flush=True)
    return code


def _open(url: str, pool_size: int = 5) -> Database:
    db = Database(url, pool_size=pool_size)
    migrate(db)
    return db


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    url = config.database_url(getattr(args, "database_url", None))
    try:
        if args.command == "serve":
            from server.serve import serve  # uvicorn only when serving

            return serve(args, url)
        db = _open(url)
        try:
            handler: Handler = args.handler
            data, text = handler(db, args)
        finally:
            db.dispose()
    except (admin.Refused, config.BadSetting, PackageError) as exc:
        return _fail(args, str(exc), EXIT_REFUSED)
    except DatabaseUnavailable as exc:
        return _fail(args, str(exc), EXIT_DATABASE)
    except KeyboardInterrupt:
        return _fail(args, "已取消。", EXIT_REFUSED)
    print(json.dumps(data, ensure_ascii=False) if args.json else text, flush=True)
    return EXIT_OK
