"""Who needs help (elders) and who can help (helpers), by the branch's rules and hand marks."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from core.pairing.fields import NEEDS_HELP_WECHAT, ROLES, USES_WECHAT
from core.pairing.rules import PairingError, PairingRules, load_rules
from core.roster.derived import age
from core.roster.fields import choice_label
from core.store import Store

_MARK_NAMESPACE = uuid.UUID("3a9d6c1e-7b24-4f0a-8c55-6e2f1b9d0a47")

# Only members in the roster as 正常 are paired: a 流动 or 失联 member cannot visit or be visited.
PAIRED_STATUS = "active"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    name_pinyin: str
    group_id: str | None
    group_name: str
    village: str
    birth_date: str | None
    age: int | None
    phone: str
    wechat: str
    marked: bool  # put on the list by hand rather than by the rules

    @property
    def wechat_label(self) -> str:
        return choice_label("wechat", self.wechat)


def mark_id(member_id: str, role: str) -> str:
    return str(uuid.uuid5(_MARK_NAMESPACE, f"{member_id}/{role}"))


def set_mark(store: Store, member_id: str, role: str, included: bool | None) -> None:
    """Put a member on the list of ``role`` by hand (True), keep them off it (False), or go back to
    the rules (None)."""
    if role not in ROLES:
        raise PairingError(f"未知的名单：{role}")
    member = store.get("members", member_id)
    if member is None or member["deleted"]:
        raise PairingError("这名党员不在花名册中")
    row_id = mark_id(member_id, role)
    current = store.get("pairing_marks", row_id)
    what = {True: "加入", False: "移出", None: "恢复按条件判断"}[included]
    audit = f"{member['name']}：{ROLES[role]}名单{what}"
    with store.transaction():
        if included is None:
            if current is not None and not current["deleted"]:
                store.set_deleted("pairing_marks", row_id, True, audit=audit)
        elif current is None:
            store.insert(
                "pairing_marks", {"id": row_id, "member_id": member_id, "role": role, "included": int(included)},
                audit=audit,
            )
        else:
            store.update("pairing_marks", row_id, {"included": int(included)}, audit=audit)
            store.set_deleted("pairing_marks", row_id, False, audit=audit)


def marks(store: Store, role: str) -> dict[str, bool]:
    """Member id → marked in (True) or out (False) for ``role``."""
    rows = store.query(
        "SELECT member_id, included FROM pairing_marks WHERE deleted = 0 AND role = ?", (role,)
    )
    return {row["member_id"]: bool(row["included"]) for row in rows}


def _members(store: Store) -> list[dict[str, Any]]:
    return store.query(
        "SELECT m.id, m.name, m.name_pinyin, m.group_id, m.village, m.birth_date, m.phone, m.wechat, "
        "g.name AS group_name FROM members m "
        "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0 "
        "WHERE m.deleted = 0 AND m.status = ? "
        "ORDER BY g.name IS NULL, g.sort_order, g.name, m.name_pinyin, m.id",
        (PAIRED_STATUS,),
    )


def _person(row: dict[str, Any], years: int | None, marked: bool) -> Person:
    return Person(
        id=row["id"], name=row["name"], name_pinyin=row["name_pinyin"] or "",
        group_id=row["group_id"] if row["group_name"] is not None else None,
        group_name=row["group_name"] or "", village=(row["village"] or "").strip(),
        birth_date=row["birth_date"], age=years, phone=row["phone"] or "", wechat=row["wechat"] or "",
        marked=marked,
    )


def _select(store: Store, role: str, today: date, by_rule: Any) -> list[Person]:
    hand = marks(store, role)
    people = []
    for row in _members(store):
        years = age(row, today)
        mark = hand.get(row["id"])
        if mark is False:
            continue
        if mark or by_rule(row, years):
            people.append(_person(row, years, bool(mark) and not by_rule(row, years)))
    return people


def elders(store: Store, today: date, rules: PairingRules | None = None) -> list[Person]:
    """Members who need help: aged at least the rule's age with 微信情况 below 会用微信, plus those
    marked by hand, minus those marked off; only members whose status is 正常."""
    rules = rules or load_rules(store)
    return _select(
        store, "elder", today,
        lambda row, years: years is not None and years >= rules.elder_min_age
        and row["wechat"] in NEEDS_HELP_WECHAT,
    )


def helpers(store: Store, today: date, rules: PairingRules | None = None) -> list[Person]:
    """Members who can help: aged at most the rule's age who use WeChat, status 正常 (not 流动 or
    失联), plus those marked by hand, minus those marked off."""
    rules = rules or load_rules(store)
    return _select(
        store, "helper", today,
        lambda row, years: years is not None and years <= rules.helper_max_age and row["wechat"] in USES_WECHAT,
    )
