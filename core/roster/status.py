"""Status changes of a member (转正, 流动, 失联, 转出, 去世, 停止党籍, 恢复), kept in history."""

from __future__ import annotations

from datetime import date
from typing import Any

from core.pairing.pairings import end_pairings_of
from core.roster.derived import add_years
from core.roster.fields import STATUSES
from core.store import Store
from core.text import date_of, parse_date

# action → (Chinese label, status after the action; None = status unchanged)
ACTIONS: dict[str, tuple[str, str | None]] = {
    "confirm": ("转正", None),
    "mobile": ("流动", "mobile"),
    "lost": ("失联", "lost"),
    "transfer": ("转出", "transferred"),
    "deceased": ("去世", "deceased"),
    "suspend": ("停止党籍", "suspended"),
    "restore": ("恢复", "active"),
}


class StatusError(ValueError):
    """A refused status change (Chinese message)."""


def change_status(
    store: Store, member_id: str, action: str, when: object, note: str = "", today: date | None = None
) -> None:
    """Apply a status action on a date and record it in the member's history."""
    if action not in ACTIONS:
        raise StatusError(f"未知的操作：{action}")
    label, new_status = ACTIONS[action]
    try:
        day = parse_date(when)
    except ValueError as exc:
        raise StatusError(f"{label}日期：{exc}") from exc
    today = today or date.today()
    if date_of(day) > today:
        raise StatusError(f"{label}日期不能晚于今天")
    with store.transaction():
        member = store.get("members", member_id)
        if member is None or member["deleted"]:
            raise StatusError("找不到该党员，可能已被删除")
        changes: dict[str, Any] = {}
        if action == "confirm":
            _check_confirmation(member, day)
            changes = {"category": "full", "confirmed_date": day}
        else:
            if member["status"] == new_status:
                raise StatusError(f"「{member['name']}」的状态已经是「{STATUSES[new_status]}」")
            changes = {"status": new_status, "status_date": None if action == "restore" else day}
        store.update("members", member_id, changes, audit=f"{label}：{member['name']}")
        store.insert(
            "member_status_changes",
            {
                "member_id": member_id,
                "action": action,
                "date": day,
                "from_status": member["status"],
                "to_status": changes.get("status", member["status"]),
                "from_category": member["category"],
                "to_category": changes.get("category", member["category"]),
                "note": note or None,
            },
            audit=f"{label}：{member['name']}",
        )
        if changes.get("status", "active") != "active":
            # Only members whose status is 正常 can visit or be visited (结对帮扶).
            end_pairings_of(store, member_id, day, f"{member['name']}状态变为「{STATUSES[changes['status']]}」")


def _check_confirmation(member: dict[str, Any], day: str) -> None:
    if member["category"] != "probationary":
        raise StatusError(f"「{member['name']}」已经是正式党员，无需转正")
    if not member["joined_date"]:
        raise StatusError(f"「{member['name']}」没有入党日期，请先补全入党日期再办理转正")
    joined = date_of(member["joined_date"])
    confirmed = date_of(day)
    earliest, latest = add_years(joined, 1), add_years(joined, 2, leap_to_march=True)
    if not earliest <= confirmed <= latest:
        raise StatusError(
            f"转正日期应在入党日期（{member['joined_date']}）满一年之后、两年之内，即 {earliest} 至 {latest} 之间"
        )


def status_history(store: Store, member_id: str) -> list[dict[str, Any]]:
    return store.query(
        "SELECT * FROM member_status_changes WHERE member_id = ? AND deleted = 0 ORDER BY date, rev",
        (member_id,),
    )
