"""Pairing commands (结对帮扶): pairing suggest|list|add|end|visit|progress|print|card."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.cli.output import EXIT_USAGE, CommandFailed, Output

if TYPE_CHECKING:
    from core.store import Store

# Commands import their modules when they run, to keep the desktop app's start-up light.

_LEVEL_HELP = "not_learned（未学）、taught（教过）、assisted（协助可做）、independent（独立完成）"
_SEPARATORS = r"[,，、;；]"


def register(commands: argparse._SubParsersAction) -> None:
    pairing = commands.add_parser("pairing", help="结对帮扶：推荐、结对、走访、进度、打印").add_subparsers(
        dest="pairing_command", metavar="ACTION", required=True
    )
    p = pairing.add_parser("suggest", help="为还没有帮扶人的老人推荐帮扶人")
    p.add_argument("--apply", action="store_true", help="接受全部推荐，立即结对")
    p.add_argument("--start-date", help="与 --apply 一起使用：结对日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_suggest)

    p = pairing.add_parser("list", help="列出结对")
    p.add_argument("--all", action="store_true", help="包括已结束的结对")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list)

    p = pairing.add_parser("add", help="让一名帮扶人帮扶一名老人")
    p.add_argument("--helper", required=True, help="帮扶人的党员 ID 或姓名")
    p.add_argument("--elder", required=True, help="老人的党员 ID 或姓名")
    p.add_argument("--date", help="结对日期（默认今天）")
    p.add_argument("--note", default="", help="备注")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_add)

    p = pairing.add_parser("end", help="结束一条结对（保留历史）")
    p.add_argument("pairing", metavar="PAIRING_ID", help="结对 ID（见 pairing list）")
    p.add_argument("--reason", required=True, help="结束原因，例如「老人已能独立使用微信」")
    p.add_argument("--date", help="结束日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_end)

    p = pairing.add_parser("visit", help="登记一次走访")
    p.add_argument("--elder", required=True, help="老人的党员 ID 或姓名")
    p.add_argument("--helper", help="帮扶人的党员 ID 或姓名（默认：老人在走访当天的帮扶人）")
    p.add_argument("--date", required=True, help="走访日期，例如 2026-11-20")
    p.add_argument("--minutes", type=int, help="走访时长（分钟）")
    p.add_argument("--skills", default="", help="练习的技能名称，用逗号分隔，例如 \"扫一扫,观看微党课视频\"")
    p.add_argument("--level", action="append", default=[], metavar="技能=程度",
                   help=f"走访时确认的掌握程度，可重复；程度：{_LEVEL_HELP}")
    p.add_argument("--lesson", help="一起观看的微党课的 ID 或完整标题（同时登记结对帮学记录）")
    p.add_argument("--note", default="", help="备注")
    p.add_argument("--entered-by", default="", help="录入人")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_visit)

    p = pairing.add_parser("progress", help="结对帮扶进度：每位老人的技能与走访情况")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_progress)

    p = pairing.add_parser("print", help="打印结对名单（PDF）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_print)

    p = pairing.add_parser("card", help="打印一位老人的进度卡（PDF）")
    p.add_argument("--elder", required=True, help="老人的党员 ID 或姓名")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_card)


# -- helpers ----------------------------------------------------------------------------------------


def find_member(store: Store, text: str, role: str = "党员") -> dict[str, Any]:
    """A current member by id, or by an exact name that only one member has."""
    text = text.strip()
    if not text:
        raise CommandFailed(f"请写出{role}的党员 ID 或姓名", EXIT_USAGE)
    member = store.get("members", text)
    if member is not None and not member["deleted"]:
        return member
    rows = store.query(
        "SELECT m.id, m.name, m.village, g.name AS group_name FROM members m "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 "
        "WHERE m.deleted = 0 AND m.name = ? ORDER BY g.sort_order, m.village, m.id",
        (text,),
    )
    if not rows:
        raise CommandFailed(f"找不到{role}「{text}」，请用 members 命令查看党员的 ID 或完整姓名")
    if len(rows) > 1:
        listed = "；".join(f"{r['group_name'] or '未分组'} {r['village'] or ''} ID：{r['id']}" for r in rows)
        raise CommandFailed(
            f"姓名为「{text}」的党员有 {len(rows)} 人，请改用党员 ID：{listed}",
            details={"candidates": [{"id": r["id"], "name": r["name"], "group": r["group_name"],
                                     "village": r["village"]} for r in rows]},
        )
    return store.get("members", rows[0]["id"]) or {}


def columns(rows: Sequence[Sequence[Any]], indent: str = "  ") -> list[str]:
    """Rows of text lined up in columns, Chinese characters counted as two places."""
    from core.tabular import display_width as _width

    cells = [["" if value is None else str(value) for value in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells if i < len(row)) for i in range(max(map(len, cells), default=0))]
    lines = []
    for row in cells:
        padded = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)]
        lines.append((indent + "  ".join(padded)).rstrip())
    return lines


def _today_iso(value: str | None) -> str:
    return value or date.today().isoformat()


def _pairing_errors() -> tuple[type[Exception], ...]:
    from core.pairing.rules import PairingError
    from core.pdf import PdfError

    return (PairingError, PdfError)


def _skill_ids(store: Store, names: Sequence[str]) -> list[str]:
    """Skill ids of the named skills (names or ids); refuses unknown ones, listing the checklist."""
    from core.pairing.skills import list_skills

    skills = list_skills(store)
    by_name = {s["name"]: s["id"] for s in skills} | {s["id"]: s["id"] for s in skills}
    unknown = [name for name in names if name not in by_name]
    if unknown:
        known = "、".join(s["name"] for s in skills)
        raise CommandFailed(
            f"技能「{'、'.join(unknown)}」不在技能清单中。清单中的技能：{known}",
            details={"unknown_skills": unknown, "skills": [s["name"] for s in skills]},
        )
    return [by_name[name] for name in names]


def _level_code(text: str) -> str:
    from core.pairing.fields import SKILL_LEVELS

    text = text.strip()
    for code, label in SKILL_LEVELS.items():
        if text in (code, label):
            return code
    raise CommandFailed(f"掌握程度「{text}」无效，应为：{_LEVEL_HELP}")


def _levels(store: Store, given: Sequence[str]) -> dict[str, str]:
    parsed: list[tuple[str, str]] = []
    for item in given:
        name, sep, level = item.replace("＝", "=").rpartition("=")
        if not sep or not name.strip() or not level.strip():
            raise CommandFailed(f"--level「{item}」应写成「技能=程度」，例如「观看微党课视频=独立完成」", EXIT_USAGE)
        parsed.append((name.strip(), _level_code(level)))
    ids = _skill_ids(store, [name for name, _ in parsed])
    return {skill_id: level for skill_id, (_, level) in zip(ids, parsed, strict=True)}


# -- commands ---------------------------------------------------------------------------------------


def cmd_suggest(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.rules import PairingError
    from core.pairing.suggestions import accept_suggestions, suggest_pairings

    if args.start_date and not args.apply:
        raise CommandFailed("--start-date 只能与 --apply 一起使用", EXIT_USAGE)
    today = date.today()
    found = suggest_pairings(store, today)
    data: dict[str, Any] = {
        "suggestions": [s.as_json() for s in found.suggestions],
        "unpaired_elders": found.unpaired_elders,
    }
    lines = [f"推荐结对 {len(found.suggestions)} 对（等待结对的老人 {found.waiting_elders} 人，"
             f"帮扶人空位 {found.free_slots} 个）"]
    if found.suggestions:
        lines += columns([("序号", "帮扶人", "老人", "老人的党小组", "村", "理由")] + [
            (n, s.helper.name, s.elder.name, s.elder.group_name or "未分组", s.elder.village, "、".join(s.reasons))
            for n, s in enumerate(found.suggestions, start=1)
        ])
    if found.unpaired_elders:
        lines.append(f"仍有 {found.unpaired_elders} 位老人没有可推荐的帮扶人（帮扶人不足或已满）。")
    if args.apply:
        applied = 0
        if found.suggestions:
            start = _today_iso(args.start_date)
            try:
                applied = len(accept_suggestions(store, found.suggestions, start, today))
            except PairingError as exc:
                raise CommandFailed(str(exc)) from exc
            lines.append(f"已按推荐结对 {applied} 对（结对日期 {start}）。")
        else:
            lines.append("没有需要结对的老人，未作任何改动。")
        data["applied"] = applied
    elif found.suggestions:
        lines.append("如接受全部推荐，请加 --apply。")
    out.result(data, "\n".join(lines))


def _pairing_json(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"], "helper_id": row["helper_id"], "helper": row["helper_name"],
        "helper_phone": row["helper_phone"], "helper_group": row["helper_group"],
        "elder_id": row["elder_id"], "elder": row["elder_name"], "elder_phone": row["elder_phone"],
        "elder_group": row["elder_group"], "elder_village": row["elder_village"],
        "start_date": row["start_date"], "end_date": row["end_date"], "end_reason": row["end_reason"],
        "active": bool(row["active"]), "last_visit": row["last_visit"], "visits": row["visits"], "note": row["note"],
    }


def cmd_list(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.pairings import list_pairings

    items = [_pairing_json(row) for row in list_pairings(store, include_ended=args.all)]
    active = sum(1 for item in items if item["active"])
    lines = [f"共 {len(items)} 条结对" + (f"（进行中 {active} 条）" if args.all else "")]
    if items:
        lines += columns([("帮扶人", "老人", "老人的党小组", "结对日期", "最近走访", "走访次数", "状态", "结对 ID")] + [
            (i["helper"], i["elder"], i["elder_group"] or "未分组", i["start_date"], i["last_visit"] or "未走访",
             i["visits"], "进行中" if i["active"] else f"{i['end_date']} 结束", i["id"])
            for i in items
        ])
    out.result({"count": len(items), "pairings": items}, "\n".join(lines))


def cmd_add(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.pairings import PairingRequest, add_pairing, check_pairing
    from core.pairing.rules import PairingError

    today = date.today()
    helper = find_member(store, args.helper, "帮扶人")
    elder = find_member(store, args.elder, "老人")
    request = PairingRequest(helper["id"], elder["id"], _today_iso(args.date), args.note)
    try:
        day, warnings = check_pairing(store, request, today)
        pairing_id = add_pairing(store, request, today)
    except PairingError as exc:
        raise CommandFailed(str(exc)) from exc
    if not out.as_json:
        for warning in warnings:
            out.stderr.write(f"提示：{warning}\n")
        out.stderr.flush()
    data = {"id": pairing_id, "helper_id": helper["id"], "elder_id": elder["id"], "start_date": day,
            "warnings": warnings}
    out.result(data, f"已结对：{helper['name']} 帮扶 {elder['name']}（{day} 起），结对 ID：{pairing_id}")


def cmd_end(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.pairings import end_pairing
    from core.pairing.rules import PairingError

    try:
        end_pairing(store, args.pairing, _today_iso(args.date), args.reason, date.today())
    except PairingError as exc:
        raise CommandFailed(str(exc)) from exc
    row = store.get("pairings", args.pairing) or {}
    helper = store.get("members", row["helper_id"]) or {}
    elder = store.get("members", row["elder_id"]) or {}
    data = {"id": args.pairing, "end_date": row["end_date"], "reason": row["end_reason"]}
    out.result(data, f"已结束结对：{helper.get('name')} → {elder.get('name')}（{row['end_date']}，{row['end_reason']}）")


def cmd_visit(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.cli.lesson_commands import find_lesson
    from core.pairing.rules import PairingError
    from core.pairing.visits import VisitEntry, record_visit

    elder = find_member(store, args.elder, "老人")
    helper = find_member(store, args.helper, "帮扶人") if args.helper else None
    skill_ids = _skill_ids(store, [s.strip() for s in re.split(_SEPARATORS, args.skills) if s.strip()])
    levels = _levels(store, args.level)
    lesson = find_lesson(store, args.lesson) if args.lesson else None
    entry = VisitEntry(
        elder_id=elder["id"], visit_date=args.date, minutes=args.minutes, skill_ids=skill_ids,
        lesson_id=lesson["id"] if lesson else None, note=args.note, entered_by=args.entered_by,
        helper_id=helper["id"] if helper else None, levels=levels,
    )
    try:
        visit_id = record_visit(store, entry, date.today())
    except PairingError as exc:
        raise CommandFailed(str(exc)) from exc
    visit = store.get("help_visits", visit_id) or {}
    by = store.get("members", visit["helper_id"]) or {}
    study_record = visit["study_record_id"]
    text = f"已登记走访：{by.get('name')} → {elder['name']} {visit['visit_date']}，走访 ID：{visit_id}"
    if lesson and study_record:
        text += f"\n同时登记了「{lesson['title']}」的结对帮学记录。"
    elif lesson:
        text += f"\n{elder['name']}当天已有「{lesson['title']}」的学习记录，未重复登记。"
    if levels:
        text += f"\n已更新 {len(levels)} 项技能的掌握程度。"
    out.result({"visit_id": visit_id, "study_record_id": study_record}, text)


def cmd_progress(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.fields import STALE_DAYS
    from core.pairing.progress import pairing_progress

    found = pairing_progress(store, date.today())
    elders = [
        {"elder_id": e.elder_id, "name": e.name, "group": e.group_name, "village": e.village, "age": e.age,
         "helper_id": e.helper_id, "helper": e.helper_name, "pairing_start": e.pairing_start,
         "skills_done": e.skills_done, "skills_total": e.skills_total, "can_watch_lesson": e.can_watch_lesson,
         "last_visit": e.last_visit, "visits_30d": e.visits_30d, "days_without_visit": e.days_without_visit,
         "stale": e.stale, "levels": e.levels}
        for e in found.elders
    ]
    data = {
        "elders_total": found.elders_total, "paired": found.paired, "can_watch_lesson": found.can_watch_lesson,
        "stale": found.stale, "capacity": found.capacity,
        "skills": [{"skill_id": s.skill_id, "name": s.name, "levels": s.levels} for s in found.skills],
        "helpers": [{"helper_id": h.helper_id, "name": h.name, "group": h.group_name, "elders": h.elders,
                     "visits_30d": h.visits_30d, "last_visit": h.last_visit, "stale_elders": h.stale_elders}
                    for h in found.helpers],
        "elders": elders,
    }
    lines = [
        f"需帮扶的老人 {found.elders_total} 人，已结对 {found.paired} 人，能独立观看微党课 {found.can_watch_lesson} 人，"
        f"超过{STALE_DAYS}天未走访 {found.stale} 人。"
    ]
    if elders:
        lines += columns([("老人", "党小组", "帮扶人", "独立完成", "近30天走访", "最近走访", "")] + [
            (e["name"], e["group"] or "未分组", e["helper"] or "（未结对）", f"{e['skills_done']}/{e['skills_total']}",
             e["visits_30d"], e["last_visit"] or "未走访", f"超过{STALE_DAYS}天" if e["stale"] else "")
            for e in elders
        ])
    out.result(data, "\n".join(lines))


def cmd_print(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.pairing_list import write_pairing_list
    from core.pairing.pairings import list_pairings

    try:
        pages = write_pairing_list(store, args.output, date.today())
    except _pairing_errors() as exc:
        raise CommandFailed(str(exc)) from exc
    count = len(list_pairings(store))
    out.result({"path": str(args.output), "pages": pages, "pairings": count},
               f"结对名单已保存到 {args.output}（{count} 对，{pages} 页）")


def cmd_card(store: Store, args: argparse.Namespace, out: Output) -> None:
    from core.pairing.progress_card import write_progress_card

    elder = find_member(store, args.elder, "老人")
    try:
        pages = write_progress_card(store, args.output, elder["id"], date.today())
    except _pairing_errors() as exc:
        raise CommandFailed(str(exc)) from exc
    out.result({"path": str(args.output), "pages": pages, "elder_id": elder["id"], "elder": elder["name"]},
               f"{elder['name']}的进度卡已保存到 {args.output}（{pages} 页）")
