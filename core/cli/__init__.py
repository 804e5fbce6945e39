"""The command line of DESIGN §5 (everything except starting the desktop window)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

from core.cli import lesson_commands, pairing_commands, qr_commands, report_commands, roster_commands
from core.cli.output import EXIT_REFUSED, CommandFailed, Output
from core.db import DatabaseError, default_db_path
from core.store import Store

Handler = Callable[[Store, argparse.Namespace, Output], None]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="支部工作台：花名册、结对帮扶、微党课学习与二维码物料。不带子命令时打开桌面程序。",
    )
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据文件夹中的 zhibu.db，或环境变量 ZHIBU_DB）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="把主窗口画到 PNG 文件后退出")
    parser.add_argument("--page", help="与 --screenshot 一起使用：要显示的页面")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    roster_commands.register(commands)
    lesson_commands.register(commands)
    report_commands.register(commands)
    pairing_commands.register(commands)
    qr_commands.register(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run the sub-command in ``args`` against the database; returns the exit code."""
    output = Output(getattr(args, "json", False))
    handler: Handler = args.handler
    try:
        store = Store.open(args.db or default_db_path())
    except DatabaseError as exc:
        return output.failure(CommandFailed(str(exc)))
    try:
        handler(store, args, output)
    except CommandFailed as exc:
        return output.failure(exc)
    except KeyboardInterrupt:
        return output.failure(CommandFailed("已取消，没有写入任何数据。", EXIT_REFUSED))
    finally:
        store.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    return run(args)
