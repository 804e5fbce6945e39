"""Sync by file on the command line: ``sync export-package OUT [--enroll CODE] [--device-name NAME]``
and ``sync import-package REPLY``; ``--json`` gives the counts as ``sync --json`` does."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from core.cli.output import EXIT_USAGE, CommandFailed, Output, TextProgress

if TYPE_CHECKING:
    from core.store import Store


def run_package_action(store: Store, args: argparse.Namespace, out: Output) -> None:
    if not args.file:
        raise CommandFailed(f"{args.action} 需要文件名，例如 sync {args.action} E:\\同步包.zbsync", EXIT_USAGE)
    if args.all:
        raise CommandFailed("--all 只能与 conflicts 一起使用", EXIT_USAGE)
    if args.action == "export-package":
        _export(store, args, out)
    else:
        if args.enroll or args.device_name:
            raise CommandFailed("--enroll 和 --device-name 只能与 export-package 一起使用", EXIT_USAGE)
        _import(store, args, out)


def _export(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.sync.package_export import export_enroll_package, export_package

    if args.enroll:
        done = export_enroll_package(store, args.file, args.enroll, args.device_name)
        text = (f"登记包已保存到 {done.path}。请把它带到区里（区委组织部）处理，"
                "再把区里给的登记回执用 sync import-package 导入这台电脑。")
    else:
        if args.device_name:
            raise CommandFailed("--device-name 只能与 --enroll 一起使用", EXIT_USAGE)
        done = export_package(store, args.file, progress=TextProgress())
        text = (f"第 {done.number} 号同步包已保存到 {done.path}（{done.records} 条待上传）。"
                "请把它带到区里处理，再把区里给的回执用 sync import-package 导入这台电脑。")
    data = {"file": done.path, "number": done.number, "records": done.records, "batches": done.batches,
            "bytes": done.bytes, "enroll": bool(args.enroll),
            "pushed": 0, "pulled": 0, "conflicts": 0, "rejected": 0}
    out.result(data, text)


def _import(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.sync.package_import import describe, import_package

    done = import_package(store, args.file, progress=TextProgress())
    data = {"kind": done.kind, "number": done.number, "pushed": done.pushed, "pulled": done.pulled,
            "conflicts": done.conflicts, "rejected": done.rejected, "skipped_batches": done.skipped_batches}
    out.result(data, describe(done))
