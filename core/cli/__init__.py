"""The command line of DESIGN §5 (everything except starting the desktop window)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

from core.cli import (
    lesson_commands,
    pairing_commands,
    qr_commands,
    report_commands,
    roster_commands,
    sync_commands,
)
from core.cli.output import EXIT_REFUSED, CommandFailed, Output
from core.db import DatabaseError, default_db_path
from core.launch_options import DESCRIPTION, add_launch_options
from core.store import Store

Handler = Callable[[Store, argparse.Namespace, Output], None]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=DESCRIPTION)
    add_launch_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    roster_commands.register(commands)
    lesson_commands.register(commands)
    report_commands.register(commands)
    pairing_commands.register(commands)
    qr_commands.register(commands)
    sync_commands.register(commands)
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
