"""Pairings: one helper ↔ one elder, with start and end dates. Ending a pairing keeps its history."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.pairing.people import PAIRED_STATUS, elders, helpers
from core.pairing.rules import PairingError, PairingRules, load_rules
from core.roster.fields import choice_label
from core.store import Store
from core.text import parse_day


@dataclass(frozen=True)
class PairingRequest:
    helper_id: str
    elder_id: str
    start_date: str  # ISO date
    note: str = ""


def past_day(value: str, label: str, today: date) -> str:
    """An exact day not after today, for the field ``label`` (PairingError otherwise)."""
    try:
        return parse_day(value, label, not_after=today)
    except ValueError as exc:
        raise PairingError(str(exc)) from None


def _member(store: Store, member_id: str, role: str) -> dict[str, Any]:
    member = store.get("members", member_id)
    if member is None or member["deleted"]:
        raise PairingError(f"{role}不在花名册中")
    if member["status"] != PAIRED_STATUS:
        raise PairingError(
            f"{role}{member['name']}的状态是「{choice_label('status', member['status'])}」，"
            "只有状态为「正常」的党员才能结对"
        )
    return member


# Active pairings of members still in the roster. A deleted member's pairings are left alone, so
# undoing the delete brings them back; a change of status away from 正常 ends them
# (``end_pairings_of``).
_LIVE = (
    "FROM pairings p JOIN members h ON h.id = p.helper_id JOIN members e ON e.id = p.elder_id "
    "WHERE p.deleted = 0 AND p.active = 1 AND h.deleted = 0 AND e.deleted = 0"
)


def active_pairings_of(store: Store, member_id: str, column: str) -> list[dict[str, Any]]:
    return store.query(
        f"SELECT p.*, h.name AS helper_name, e.name AS elder_name {_LIVE} AND p.{column} = ?", (member_id,)
    )


def active_load(store: Store) -> Counter[str]:
    """Helper id → how many elders they look after now."""
    rows = store.query(f"SELECT p.helper_id, count(*) AS n {_LIVE} GROUP BY p.helper_id")
    return Counter({row["helper_id"]: row["n"] for row in rows})


def paired_elder_ids(store: Store) -> set[str]:
    return {row["elder_id"] for row in store.query(f"SELECT p.elder_id {_LIVE}")}


def check_pairing(
    store: Store, request: PairingRequest, today: date, rules: PairingRules | None = None,
    *, list_warnings: bool = True,
) -> tuple[str, list[str]]:
    """Refuse (PairingError) what cannot be; return the start date and the warnings to confirm."""
    rules = rules or load_rules(store)
    if request.helper_id == request.elder_id:
        raise PairingError("帮扶人和老人不能是同一个人")
    helper = _member(store, request.helper_id, "帮扶人")
    elder = _member(store, request.elder_id, "老人")
    day = past_day(request.start_date, "结对日期", today)
    for pairing in active_pairings_of(store, elder["id"], "elder_id"):
        if pairing["helper_id"] == helper["id"]:
            raise PairingError(f"{helper['name']}和{elder['name']}已经结对，不能重复结对")
        raise PairingError(
            f"{elder['name']}已由{pairing['helper_name']}帮扶；如要换人，请先结束原来的结对"
        )
    last_end = store.scalar(
        "SELECT max(end_date) FROM pairings WHERE deleted = 0 AND active = 0 AND elder_id = ?", (elder["id"],)
    )
    if last_end and day < last_end:
        raise PairingError(f"结对日期 {day} 早于{elder['name']}上一次结对的结束日期 {last_end}")
    load = len(active_pairings_of(store, helper["id"], "helper_id"))
    if load >= rules.capacity:
        raise PairingError(
            f"{helper['name']}已帮扶 {load} 人，达到每人最多 {rules.capacity} 人的上限；"
            "请换一名帮扶人，或在「结对条件」中调整上限"
        )
    warnings = []
    if helper["group_id"] != elder["group_id"]:
        warnings.append(f"{helper['name']}和{elder['name']}不在同一个党小组")
    if (helper["village"] or "").strip() != (elder["village"] or "").strip():
        warnings.append(f"{helper['name']}和{elder['name']}不在同一个村")
    if not list_warnings:
        return day, warnings
    if request.helper_id not in {p.id for p in helpers(store, today, rules)}:
        warnings.append(f"{helper['name']}不符合帮扶人条件（{rules.helper_max_age} 岁以下、会用微信）")
    if request.elder_id not in {p.id for p in elders(store, today, rules)}:
        warnings.append(f"{elder['name']}不在需帮扶老人名单中")
    return day, warnings


def add_pairing(
    store: Store, request: PairingRequest, today: date | None = None, rules: PairingRules | None = None
) -> str:
    """Pair a helper with an elder. Warnings (different 党小组 or village) are the caller's to show
    before; see ``check_pairing``."""
    today = today or date.today()
    with store.transaction():
        day, _warnings = check_pairing(store, request, today, rules, list_warnings=False)
        helper = store.get("members", request.helper_id) or {}
        elder = store.get("members", request.elder_id) or {}
        return store.insert(
            "pairings",
            {
                "helper_id": request.helper_id,
                "elder_id": request.elder_id,
                "start_date": day,
                "active": 1,
                "note": request.note.strip() or None,
            },
            audit=f"结对：{helper.get('name')} 帮扶 {elder.get('name')}",
        )


def end_pairing(store: Store, pairing_id: str, end_date: str, reason: str, today: date | None = None) -> None:
    """End a pairing; it stays in the history with its dates and reason."""
    today = today or date.today()
    reason = reason.strip()
    if not reason:
        raise PairingError("请写明结束原因，例如「老人已能独立使用微信」")
    with store.transaction():
        pairing = store.get("pairings", pairing_id)
        if pairing is None or pairing["deleted"]:
            raise PairingError("找不到这条结对")
        if not pairing["active"]:
            raise PairingError("这条结对已经结束")
        day = past_day(end_date, "结束日期", today)
        if day < pairing["start_date"]:
            raise PairingError(f"结束日期 {day} 早于结对日期 {pairing['start_date']}")
        store.update(
            "pairings", pairing_id, {"active": 0, "end_date": day, "end_reason": reason},
            audit=f"结束结对：{reason}",
        )


def end_pairings_of(store: Store, member_id: str, end_date: str, reason: str) -> int:
    """End every active pairing of a member (as helper or as elder), e.g. when their status changes
    away from 正常. Returns how many were ended."""
    rows = store.query(
        "SELECT id, start_date FROM pairings WHERE deleted = 0 AND active = 1 AND (helper_id = ? OR elder_id = ?)",
        (member_id, member_id),
    )
    with store.transaction():
        for row in rows:
            store.update(
                "pairings", row["id"],
                {"active": 0, "end_date": max(end_date, row["start_date"]), "end_reason": reason},
                audit=f"结束结对：{reason}",
            )
    return len(rows)


def list_pairings(store: Store, *, include_ended: bool = False) -> list[dict[str, Any]]:
    """Pairings of members in the roster with both names, groups, villages, phones, and the last
    valid visit of the pairing."""
    where = "p.deleted = 0 AND h.deleted = 0 AND e.deleted = 0" + ("" if include_ended else " AND p.active = 1")
    return store.query(
        "SELECT p.id, p.helper_id, p.elder_id, p.start_date, p.end_date, p.active, p.end_reason, p.note, "
        "h.name AS helper_name, h.phone AS helper_phone, h.village AS helper_village, "
        "hg.name AS helper_group, e.name AS elder_name, e.phone AS elder_phone, "
        "e.village AS elder_village, e.birth_date AS elder_birth_date, e.wechat AS elder_wechat, "
        "eg.name AS elder_group, "
        "(SELECT max(v.visit_date) FROM help_visits v WHERE v.deleted = 0 AND v.pairing_id = p.id) AS last_visit, "
        "(SELECT count(*) FROM help_visits v WHERE v.deleted = 0 AND v.pairing_id = p.id) AS visits "
        "FROM pairings p JOIN members h ON h.id = p.helper_id JOIN members e ON e.id = p.elder_id "
        "LEFT JOIN party_groups hg ON hg.id = h.group_id AND hg.deleted = 0 "
        "LEFT JOIN party_groups eg ON eg.id = e.group_id AND eg.deleted = 0 "
        f"WHERE {where} "
        "ORDER BY p.active DESC, eg.name IS NULL, eg.sort_order, eg.name, h.name_pinyin, e.name_pinyin",
    )
