"""QR material commands: poster (posters, table stands, label sheets; every code checked by
decoding the written PDF) and accounts list|add|remove (the branch's official WeChat accounts)."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.output import EXIT_USAGE, CommandFailed, Output

if TYPE_CHECKING:
    from core.qr.targets import QrTarget
    from core.store import Store

# Commands import their modules when they run, to keep the desktop app's start-up light.

LAYOUT_CHOICES = ("poster-a4", "poster-a3", "tent", "labels-3x4", "labels-4x6")


class _AddTarget(argparse.Action):
    """Collects --lesson, --all-lessons, --account and --url in the order they were given (a table
    stand puts the first on its lower face and the second on its upper one)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        chosen = list(getattr(namespace, self.dest) or [])
        chosen.append((self.const, values))
        setattr(namespace, self.dest, chosen)


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "poster", help="打印二维码物料（PDF）：海报、摆台、标签",
        description="为微党课、公众号或链接生成二维码物料。写好后把每一页渲染出来逐个识别二维码，确保手机能扫。",
    )
    p.add_argument("--lesson", action=_AddTarget, const="lesson", dest="targets", metavar="ID|TITLE",
                   help="微党课的 ID 或完整标题（可重复）")
    p.add_argument("--all-lessons", action=_AddTarget, const="all-lessons", dest="targets", nargs=0,
                   help="所有未归档且有视频链接的微党课")
    p.add_argument("--account", action=_AddTarget, const="account", dest="targets", metavar="NAME",
                   help="已保存的公众号名称（可重复，见 accounts list）")
    p.add_argument("--url", action=_AddTarget, const="url", dest="targets", metavar="URL_OR_TEXT",
                   help="任意链接或文字（可重复）")
    p.add_argument("--title", help="--url 二维码的标题；只有一个二维码时，替换它的标题")
    p.add_argument("--layout", required=True, choices=LAYOUT_CHOICES, metavar="|".join(LAYOUT_CHOICES),
                   help="poster-a4/poster-a3：海报，每页一个；tent：对折摆台，正反两面；labels-3x4/labels-4x6：标签纸")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--live", dest="live", action="store_true", default=None,
                      help="活码：经区服务器打开，统计扫码、手机登记学习（已登记到区服务器时默认）")
    mode.add_argument("--direct", dest="live", action="store_false",
                      help="直接链接：二维码里就是视频或公众号的链接（没有区服务器时默认）")
    p.add_argument("--label", default="", metavar="TEXT", help="活码的张贴位置，例如「村委会活动室摆台」")
    p.add_argument("--logo", type=Path, metavar="PNG", help="放在二维码中央的标志图片")
    p.add_argument("--no-verify", action="store_true", help="不核验（默认把每个二维码识别一遍）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_poster, targets=[])

    links = commands.add_parser("qr-links", help="本支部打印过的活码：列出、停用、改指向").add_subparsers(
        dest="qr_links_command", metavar="ACTION", required=True
    )
    p = links.add_parser("list", help="列出活码及近 7 天、30 天的扫码次数")
    p.add_argument("--active", action="store_true", help="不列出已停用的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_links_list)
    p = links.add_parser("retire", help="停用一个活码（同步后扫码显示已停用）")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_links_retire)
    p = links.add_parser("retarget", help="让一个微党课活码改为打开另一节课（不用重新打印）")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--lesson", required=True, metavar="ID|TITLE")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_links_retarget)

    accounts = commands.add_parser("accounts", help="本支部的微信公众号：列出、添加、删除").add_subparsers(
        dest="accounts_command", metavar="ACTION", required=True
    )
    p = accounts.add_parser("list", help="列出已保存的公众号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_accounts_list)

    p = accounts.add_parser("add", help="添加公众号（同名的则更新链接）")
    p.add_argument("--name", required=True, help="公众号名称")
    p.add_argument("--url", required=True, help="公众号的二维码链接或主页链接（http:// 或 https://）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_accounts_add)

    p = accounts.add_parser("remove", help="删除一个公众号")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_accounts_remove)


def _targets(store: Store, args: argparse.Namespace) -> list[QrTarget]:
    from dataclasses import replace

    from core.cli.lesson_commands import find_lesson
    from core.qr.targets import account_target, all_lesson_targets, custom_target, target_for_lesson

    chosen: list[tuple[str, str | None]] = args.targets
    if not chosen:
        raise CommandFailed("请至少指定一个二维码：--lesson、--all-lessons、--account 或 --url", EXIT_USAGE)
    has_url = any(kind == "url" for kind, _ in chosen)
    targets: list[QrTarget] = []
    for kind, value in chosen:
        if kind == "lesson":
            targets.append(target_for_lesson(find_lesson(store, str(value))))
        elif kind == "all-lessons":
            targets += all_lesson_targets(store)
        elif kind == "account":
            targets.append(account_target(store, str(value)))
        else:
            targets.append(custom_target(str(value), args.title if has_url else None))
    if args.title and not has_url:
        if len(targets) != 1:
            raise CommandFailed("有多个二维码时，--title 只用于 --url 的二维码", EXIT_USAGE)
        targets = [replace(targets[0], title=args.title.strip() or targets[0].title)]
    return targets


def cmd_poster(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pdf import PdfError
    from core.qr import QrError
    from core.qr.live_links import live_available, live_targets, pending_codes
    from core.qr.material import LAYOUT_NAMES, write_material
    from core.qr.verify import verify_material

    live = live_available(store) if args.live is None else args.live
    try:
        targets = _targets(store, args)
        if live:
            targets = live_targets(store, targets, args.label)
        result = write_material(store, args.layout, targets, args.output, args.logo,
                                progress=lambda done, total, text: out.progress(done, total, text))
    except (QrError, PdfError) as exc:
        raise CommandFailed(str(exc)) from exc
    verified = False
    if not args.no_verify:
        out.stderr.write("正在核验二维码……\n")
        try:
            verify_material(args.output, result)
        except QrError as exc:
            with contextlib.suppress(OSError):
                args.output.unlink()
            raise CommandFailed(f"{exc}（文件已删除）") from exc
        verified = True
    short_codes = [t.short_code for t in targets if t.short_code]
    pending = pending_codes(store, short_codes)
    data = {
        "pages": result.pages,
        "codes": [{"page": page, "payload": payload} for page, payload in result.codes],
        "verified": verified,
        "live": live,
        "short_codes": list(dict.fromkeys(short_codes)),
        "not_synced": pending,
    }
    lines = [f"{LAYOUT_NAMES[args.layout]}已保存到 {args.output}（{result.pages} 页，{len(result.codes)} 个二维码）"]
    if verified:
        lines.append(f"已核验：{len(result.codes)} 个二维码均可识别")
    else:
        lines.append("未核验（--no-verify）：打印前请用手机试扫")
    if pending:
        lines.append(f"注意：{len(pending)} 个活码还没有同步到区服务器，同步之前扫码会显示“还没有启用”。"
                     "请联网后运行 sync（或在「数据同步」页点「立即同步」）；打印不受影响。")
    out.result(data, "\n".join(lines))


def cmd_accounts_list(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.qr.targets import list_accounts

    accounts = list_accounts(store)
    lines = [f"共 {len(accounts)} 个公众号"] + [f"  {a['name']}  {a['url']}" for a in accounts]
    out.result({"count": len(accounts), "accounts": accounts}, "\n".join(lines))


def cmd_accounts_add(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.qr import QrError
    from core.qr.targets import list_accounts, save_account

    try:
        replaced = save_account(store, args.name, args.url)
    except QrError as exc:
        raise CommandFailed(str(exc)) from exc
    saved = next(a for a in list_accounts(store) if a["name"] == " ".join(args.name.split()))
    verb = "已更新" if replaced else "已添加"
    out.result({**saved, "replaced": replaced}, f"{verb}公众号「{saved['name']}」：{saved['url']}")


def cmd_accounts_remove(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.qr import QrError
    from core.qr.targets import remove_account

    try:
        remove_account(store, args.name)
    except QrError as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"removed": args.name.strip()}, f"已删除公众号「{args.name.strip()}」")


def cmd_links_list(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.qr.live_links import KIND_NAMES, list_links
    from core.qr.short_codes import spaced

    links = list_links(store, include_retired=not args.active)
    lines = [f"共 {len(links)} 个活码"]
    for link in links:
        state = "已停用" if link.retired else ("已同步" if link.synced else "未同步")
        place = f"  {link.label}" if link.label else ""
        lines.append(f"  {spaced(link.code)}  {KIND_NAMES[link.kind]}「{link.target}」{place}  "
                     f"近7天 {link.scans_7d} 次  近30天 {link.scans_30d} 次  {state}")
    out.result({"count": len(links), "links": [link.as_json() for link in links]}, "\n".join(lines))


def cmd_links_retire(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.qr import QrError
    from core.qr.live_links import retire_link
    from core.qr.short_codes import normalize, spaced

    try:
        changed = retire_link(store, args.code)
    except QrError as exc:
        raise CommandFailed(str(exc)) from exc
    code = normalize(args.code) or args.code
    text = f"活码 {spaced(code)} 已停用，下次同步后扫码会显示“已停用”" if changed else f"活码 {spaced(code)} 早已停用"
    out.result({"code": code, "retired": True, "changed": changed}, text)


def cmd_links_retarget(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.cli.lesson_commands import find_lesson
    from core.qr import QrError
    from core.qr.live_links import retarget_link
    from core.qr.short_codes import normalize, spaced

    lesson = find_lesson(store, args.lesson)
    try:
        retarget_link(store, args.code, lesson["id"])
    except QrError as exc:
        raise CommandFailed(str(exc)) from exc
    code = normalize(args.code) or args.code
    out.result({"code": code, "lesson_id": lesson["id"]},
               f"活码 {spaced(code)} 改为打开「{lesson['title']}」，下次同步后生效，不用重新打印")
