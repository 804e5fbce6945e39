"""Codes, labels and defaults of the pairing work."""

from __future__ import annotations

from core.migrations import DEFAULT_SKILLS

# How far an elder has come with one skill, in order.
SKILL_LEVELS: dict[str, str] = {
    "not_learned": "未学",
    "taught": "教过",
    "assisted": "协助可做",
    "independent": "独立完成",
}
LEVEL_ORDER: tuple[str, ...] = tuple(SKILL_LEVELS)

# The skill that means "can watch a micro-lesson on their own" when done independently.
WATCH_LESSON_SKILL = DEFAULT_SKILLS[4]

ROLES: dict[str, str] = {"elder": "需帮扶的老人", "helper": "帮扶人"}

# 微信情况 below 会用微信: an elder at one of these levels needs help.
NEEDS_HELP_WECHAT: tuple[str, ...] = ("none", "basic_phone", "smart_no_wechat")
# 微信情况 of someone who can teach WeChat.
USES_WECHAT: tuple[str, ...] = ("wechat", "follows_account")

# An elder not visited for this many days stands out.
STALE_DAYS = 30


def level_label(code: str | None) -> str:
    return SKILL_LEVELS.get(code or "not_learned", code or "")
