"""Sync with the district server: sync [--server URL] [--enroll CODE] [--device-name NAME],
sync status | conflicts | rejections; by file: sync export-package OUT [--enroll CODE],
sync import-package REPLY (``core.cli.package_commands``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from core.cli.output import EXIT_REFUSED, EXIT_SERVER, EXIT_USAGE, CommandFailed, Output, TextProgress

if TYPE_CHECKING:
    from core.store import Store
    from core.sync.errors import SyncError

# Commands import their modules when they run, to keep the desktop app's start-up light.
PACKAGE_ACTIONS = ("export-package", "import-package")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "sync", help="与区里的服务器同步（上传本机的修改，下载区里和本支部其他电脑的数据）",
        description="不带 ACTION 时立即同步一次；status 查看同步状态，conflicts 列出同步冲突，"
                    "rejections 列出被服务器拒绝的记录。没有网络时：export-package 文件 导出同步包"
                    "（加 --enroll 登记码 则导出登记包），交到区里处理后，import-package 回执文件 导入区里给的回执。",
    )
    p.add_argument("action", nargs="?", choices=["status", "conflicts", "rejections", *PACKAGE_ACTIONS],
                   metavar="ACTION", help="status | conflicts | rejections | export-package | import-package（不写则同步）")
    p.add_argument("file", nargs="?", metavar="FILE", help="export-package / import-package 的文件（.zbsync）")
    p.add_argument("--server", metavar="URL", help="区里服务器的地址，例如 http://192.168.1.10:8000（会保存下来）")
    p.add_argument("--enroll", metavar="CODE", help="区里给的一次性登记码：先登记这台电脑，再同步")
    p.add_argument("--device-name", metavar="NAME", help="这台电脑在区里显示的名称（登记时使用），例如「办公室电脑」")
    p.add_argument("--all", action="store_true", help="与 conflicts 一起使用：包括已处理的冲突")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync)


def _failed(exc: SyncError) -> CommandFailed:
    from core.sync.errors import ServerRefused, ServerUnreachable

    code = EXIT_SERVER if isinstance(exc, ServerUnreachable | ServerRefused) else EXIT_REFUSED
    return CommandFailed(exc.message, code)


def cmd_sync(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.sync.errors import SyncError

    if args.action in PACKAGE_ACTIONS:
        from core.cli.package_commands import run_package_action

        try:
            run_package_action(store, args, out)
        except SyncError as exc:
            raise _failed(exc) from None
        return
    if args.file:
        raise CommandFailed("只有 export-package 和 import-package 需要写文件名", EXIT_USAGE)
    if args.action and (args.enroll or args.device_name):
        raise CommandFailed("--enroll 和 --device-name 只能在同步时使用（不要写 ACTION）", EXIT_USAGE)
    if args.all and args.action != "conflicts":
        raise CommandFailed("--all 只能与 conflicts 一起使用", EXIT_USAGE)
    try:
        if args.server:
            from core.sync.config import set_server_url

            set_server_url(store, args.server)
        if args.action == "status":
            _status(store, out)
        elif args.action == "conflicts":
            _conflicts(store, out, args.all)
        elif args.action == "rejections":
            _rejections(store, out)
        else:
            _run(store, args, out)
    except SyncError as exc:
        raise _failed(exc) from None


def _run(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.sync import config
    from core.sync.enroll import enroll
    from core.sync.run import sync

    progress = TextProgress()
    if args.enroll:
        url = store.setting(config.SERVER_URL)
        if not url:
            raise CommandFailed("登记需要服务器地址，请同时写上 --server URL", EXIT_USAGE)
        done = enroll(store, url, args.enroll, args.device_name)
        out.stderr.write(f"已登记：{done.branch_name}（{done.district_name}），本机名称“{done.device_name}”。\n")
    elif args.device_name:
        raise CommandFailed("--device-name 只能与 --enroll 一起使用", EXIT_USAGE)
    result = sync(store, progress=progress)
    if result.clock_warning:
        out.stderr.write(f"提示：{result.clock_warning}\n")
    if result.update_notice:
        out.stderr.write(f"提示：{result.update_notice}\n")
    out.stderr.flush()
    data = {"pushed": result.pushed, "pulled": result.pulled, "conflicts": result.conflicts,
            "rejected": result.rejected}
    text = f"同步完成：上传 {result.pushed} 条，下载 {result.pulled} 条。"
    if result.conflicts:
        text += f"\n有 {result.conflicts} 处修改在两台电脑上冲突，已保留较新的修改，请用 sync conflicts 查看。"
    if result.rejected:
        text += f"\n有 {result.rejected} 条记录被服务器拒绝，请用 sync rejections 查看原因。"
    out.result(data, text)


def _status(store: Store, out: Output) -> None:
    from dataclasses import asdict

    from core.sync.describe import local_time
    from core.sync.status import sync_status

    status = sync_status(store)
    data: dict[str, Any] = asdict(status)
    if not status.joined:
        lines = ["这台电脑还没有登记到区里的服务器。"
                 "登记：sync --server 地址 --enroll 登记码" + (f"（已保存的地址：{status.server_url}）" if status.server_url else "")
                 + "；没有网络时：sync export-package 登记包.zbsync --enroll 登记码"]
    else:
        lines = [
            f"服务器：{status.server_url or '（未填写，用同步包同步）'}    支部：{status.branch_name or ''}"
            f"    本机：{status.device_name or ''}",
            f"上次成功同步：{local_time(status.last_success_at) or '从未'}"
            f"    上次尝试：{local_time(status.last_attempt_at) or '从未'}",
            f"待上传 {status.pending} 条，未处理的冲突 {status.open_conflicts} 条，被拒绝 {status.rejected} 条",
        ]
        if status.package_number:
            lines.append(f"同步包：已导出到第 {status.package_number} 号，已导入第 {status.reply_number} 号的回执"
                         + (f"，{status.awaiting_reply} 条在等回执" if status.awaiting_reply else ""))
        if status.last_error:
            lines.append(f"上次同步失败：{status.last_error}")
    if status.clock_warning:
        lines.append(f"提示：{status.clock_warning}")
    if status.update_notice:
        lines.append(f"提示：{status.update_notice}")
    out.result(data, "\n".join(lines))


def _conflicts(store: Store, out: Output, include_resolved: bool) -> None:
    from dataclasses import asdict

    from core.sync.conflicts import list_conflicts

    views = list_conflicts(store, include_resolved=include_resolved)
    lines = [f"同步冲突 {len(views)} 条" + ("" if include_resolved else "（未处理）")]
    lines += [f"  {n}. {v.explanation}  [ID：{v.id}]" for n, v in enumerate(views, start=1)]
    out.result({"count": len(views), "conflicts": [asdict(v) for v in views]}, "\n".join(lines))


def _rejections(store: Store, out: Output) -> None:
    from dataclasses import asdict

    from core.sync.rejections import list_rejections

    views = list_rejections(store)
    lines = [f"被服务器拒绝的记录 {len(views)} 条"]
    lines += [f"  {n}. {v.what}：{v.message}" for n, v in enumerate(views, start=1)]
    out.result({"count": len(views), "rejections": [asdict(v) for v in views]}, "\n".join(lines))
