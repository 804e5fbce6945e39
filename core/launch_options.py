"""The options of starting the program (DESIGN §5), shared by the desktop start and the command
line. Kept apart from ``core.cli`` so that opening the window does not load every command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DESCRIPTION = "支部工作台：花名册、结对帮扶、微党课学习与二维码物料。不带子命令时打开桌面程序。"
_WITH_VALUE = ("--db", "--lang", "--screenshot", "--page")


class ShowVersion(argparse.Action):
    """``--version``: prints the version and exits; the version is read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from core.version import app_version

        print(f"支部工作台 {app_version()}")
        parser.exit()


def add_launch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据文件夹中的 zhibu.db，或环境变量 ZHIBU_DB）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="把主窗口画到 PNG 文件后退出")
    parser.add_argument("--page", help="与 --screenshot 一起使用：要显示的页面")
    parser.add_argument("--version", action=ShowVersion, help="显示版本号后退出")


def desktop_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=DESCRIPTION)
    add_launch_options(parser)
    parser.set_defaults(command=None)
    return parser


def wants_desktop(argv: Sequence[str]) -> bool:
    """True when the arguments name no sub-command (and ask for no help): open the window."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help", "--version"):
            return False
        if token in _WITH_VALUE:
            next(tokens, None)
        elif not token.startswith("-"):
            return False
    return True
