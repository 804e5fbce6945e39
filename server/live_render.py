"""The pages of live codes (活码) as finished answers: rendered from the Jinja2 templates in
``server/templates/live/`` (autoescaped) for what a code leads to now."""

from __future__ import annotations

from typing import Any

from core.qr.short_codes import PATH
from server.live_cache import Answer
from server.live_codes import LESSON, LESSON_GONE, REDIRECT, RETIRED, REVOKED, Resolved
from server.templating import environment


def render(district: str, name: str, status: int, **context: Any) -> Answer:
    context.setdefault("branch_name", "")
    context.setdefault("heading", "")
    html = environment.get_template(name).render(district_name=district, **context)
    return Answer(status, html.encode("utf-8"))


def notice(district: str, status: int, heading: str, *lines: str, **context: Any) -> Answer:
    return render(district, "live/notice.html", status, heading=heading, lines=list(lines),
                   lessons=context.pop("lessons", []), lessons_heading=context.pop("lessons_heading", ""), **context)


def unknown(district: str) -> Answer:
    return notice(
        district, 404, "这个二维码还不能用",
        "没有找到这个二维码。如果它是刚刚打印的，请支部在电脑上「同步」一次，几分钟后再扫。",
        "如果一直扫不开，请向张贴它的支部询问。",
    )


def code_page(district: str, code: Resolved, status: int = 200, result: dict[str, Any] | None = None) -> Answer:
    who = code.branch_name
    if code.state == REVOKED:
        return notice(district, 410, "这个二维码已停用", f"「{who}」的二维码已经停止使用。",
                       "请向区委组织部或所在支部询问。", branch_name=who)
    if code.state == RETIRED:
        return notice(district, 410, "这个二维码已停用", f"这个二维码已被「{who}」停用。",
                       "请扫支部张贴的新二维码，或向支部询问。", branch_name=who)
    if code.state == LESSON_GONE:
        title = f"「{code.lesson.title}」" if code.lesson else "这节微党课"
        return notice(district, 410, "这节微党课已下架", f"{title}已经下架，不再提供学习。",
                       f"可以学习{who}的其他微党课：" if code.other_lessons else f"请向「{who}」询问。",
                       branch_name=who, lessons=code.other_lessons, lessons_heading="其他微党课")
    if code.state == REDIRECT and code.target_url:
        return Answer(302, b"", (("Location", code.target_url),))
    if code.state != LESSON:
        return unknown(district)
    return render(district, "live/lesson.html", status, lesson=code.lesson, branch_name=who, result=result,
                   takes_checkins=code.takes_checkins, action=PATH + code.code)
