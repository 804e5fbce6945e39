"""The branch at a glance, for the home page: counts, reminders and the latest changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from core.profile import get_profile
from core.roster.derived import age, probation_due
from core.roster.fields import CURRENT_STATUSES
from core.store import Store

ELDERLY_AGE = 60
PROBATION_WARNING_DAYS = 30
RECENT_CHANGES = 10
# WeChat levels of people who cannot (yet) use WeChat; a blank value counts as "cannot" too.
NO_WECHAT_LEVELS = ("none", "basic_phone", "smart_no_wechat")
AWAY_STATUSES = ("mobile", "lost")

_MEMBER_COLUMNS = (
    "id, name, category, status, status_date, birth_date, wechat, phone, joined_date, deleted"
)


def parse_stamp(stamp: str) -> datetime:
    """A stored UTC stamp (``2026-11-22T08:30:00.123Z``) as an aware datetime in UTC."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def without_wechat(member: dict[str, Any]) -> bool:
    level = member.get("wechat")
    return not level or level in NO_WECHAT_LEVELS


def branch_overview(
    store: Store,
    today: date,
    *,
    due_within: int = PROBATION_WARNING_DAYS,
    recent: int = RECENT_CHANGES,
) -> dict[str, Any]:
    """Everything the home page shows, read in one go.

    ``counts`` are over current members (not transferred, deceased or suspended);
    ``probation_due`` lists probationary members whose year ends within ``due_within`` days or has
    already ended (``days_left`` negative); ``away`` lists 流动/失联 members; ``recent_changes``
    are the newest audit-log entries (``at`` an aware UTC datetime).
    """
    profile = get_profile(store)
    rows = store.query(f"SELECT {_MEMBER_COLUMNS} FROM members WHERE deleted = 0 ORDER BY name_pinyin, name")
    current = [m for m in rows if m["status"] in CURRENT_STATUSES]
    ages = [age(m, today) for m in current]
    counts = {
        "members": len(current),
        "full": sum(1 for m in current if m["category"] == "full"),
        "probationary": sum(1 for m in current if m["category"] == "probationary"),
        "aged_60_plus": sum(1 for a in ages if a is not None and a >= ELDERLY_AGE),
        "without_wechat": sum(1 for m in current if without_wechat(m)),
    }
    due = [
        {"id": m["id"], "name": m["name"], "ends": ends, "days_left": (ends - today).days}
        for m, ends in probation_due(current, today, due_within)
    ]
    away = [
        {
            "id": m["id"],
            "name": m["name"],
            "status": m["status"],
            "status_date": m["status_date"],
            "phone": m["phone"],
        }
        for m in current
        if m["status"] in AWAY_STATUSES
    ]
    away.sort(key=lambda m: (AWAY_STATUSES.index(m["status"]), m["status_date"] or ""))
    changes = store.query(
        "SELECT at, action, table_name, row_id, summary FROM audit_log ORDER BY at DESC, id DESC LIMIT ?",
        (recent,),
    )
    for change in changes:
        change["at"] = parse_stamp(change["at"])
    return {
        "branch": {
            "name": profile.name if profile else "",
            "township": profile.township if profile else "",
            "county": profile.county if profile else "",
        },
        "counts": counts,
        "probation_due": due,
        "away": away,
        "recent_changes": changes,
    }
