"""Zhibu Desk (支部工作台): the desktop app by default, CLI sub-commands for scripting and tests."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from core.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run(args)
    from ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
