"""Zhibu Desk (支部工作台): the desktop app by default, CLI sub-commands for scripting and tests."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from core.launch_options import desktop_parser, wants_desktop

    argv = sys.argv[1:] if argv is None else argv
    if wants_desktop(argv):
        # Opening the window does not load the sub-commands; the core modules come before Qt.
        from core.preload import preload

        args = desktop_parser().parse_args(argv)
        preload(args.page)
        from ui.app import run_gui

        return run_gui(args)
    from core.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is None:
        from core.preload import preload

        preload(args.page)
        from ui.app import run_gui

        return run_gui(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
