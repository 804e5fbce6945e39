"""The public short links of live codes (活码), ``/q/{code}``: no login, every request hostile.

``GET`` is a scan: counted (``server.live_scans``), then a small Chinese page for phones — the lesson
with its 观看微党课 button and the check-in form, or a page saying why the code leads nowhere — or a
302 straight on for an official account or a link. ``POST`` is the check-in form
(``server.live_checkin``). The pages are Jinja2 templates (autoescaped), use no outside assets, are
never cached by phones and never answer 5xx for anything a phone can send. A recently scanned code's
page comes from the process's memory (``server.live_cache``).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from core.qr.short_codes import PATH, normalize
from server import attempt_limits, live_checkin
from server.errors import ApiError
from server.limits import read_body
from server.live_cache import Answer, CodeCache, Entry
from server.live_codes import LESSON, LESSON_GONE, REDIRECT, RETIRED, REVOKED, UNKNOWN, Resolved, resolve
from server.live_scans import ScanCounter, ScanKey, china_today
from server.templating import environment

log = logging.getLogger("zhibu.server.live")
router = APIRouter(include_in_schema=False)
MAX_FORM_BYTES = 2048
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _render(district: str, name: str, status: int, **context: Any) -> Answer:
    context.setdefault("branch_name", "")
    context.setdefault("heading", "")
    html = environment.get_template(name).render(district_name=district, **context)
    return Answer(status, html.encode("utf-8"))


def _notice(district: str, status: int, heading: str, *lines: str, **context: Any) -> Answer:
    return _render(district, "live/notice.html", status, heading=heading, lines=list(lines),
                   lessons=context.pop("lessons", []), lessons_heading=context.pop("lessons_heading", ""), **context)


def _unknown(district: str) -> Answer:
    return _notice(
        district, 404, "这个二维码还不能用",
        "没有找到这个二维码。如果它是刚刚打印的，请支部在电脑上「同步」一次，几分钟后再扫。",
        "如果一直扫不开，请向张贴它的支部询问。",
    )


def _code_page(district: str, code: Resolved, status: int = 200, result: dict[str, Any] | None = None) -> Answer:
    who = code.branch_name
    if code.state == REVOKED:
        return _notice(district, 410, "这个二维码已停用", f"「{who}」的二维码已经停止使用。",
                       "请向区委组织部或所在支部询问。", branch_name=who)
    if code.state == RETIRED:
        return _notice(district, 410, "这个二维码已停用", f"这个二维码已被「{who}」停用。",
                       "请扫支部张贴的新二维码，或向支部询问。", branch_name=who)
    if code.state == LESSON_GONE:
        title = f"「{code.lesson.title}」" if code.lesson else "这节微党课"
        return _notice(district, 410, "这节微党课已下架", f"{title}已经下架，不再提供学习。",
                       f"可以学习{who}的其他微党课：" if code.other_lessons else f"请向「{who}」询问。",
                       branch_name=who, lessons=code.other_lessons, lessons_heading="其他微党课")
    if code.state == REDIRECT and code.target_url:
        return Answer(302, b"", (("Location", code.target_url),))
    if code.state != LESSON:
        return _unknown(district)
    return _render(district, "live/lesson.html", status, lesson=code.lesson, branch_name=who, result=result,
                   takes_checkins=code.takes_checkins, action=PATH + code.code)


def _send(answer: Answer) -> Response:
    headers = {**HEADERS, **dict(answer.headers)}
    media = "text/html; charset=utf-8" if answer.body else None
    return Response(answer.body, status_code=answer.status, headers=headers, media_type=media)


def _unavailable(district: str) -> Response:
    response = _send(_notice(district, 503, "服务器正忙", "请稍等一会儿再扫一次。"))
    response.headers["Retry-After"] = "5"
    return response


def _cache(request: Request) -> CodeCache:
    cache = getattr(request.app.state, "live_codes", None)
    if cache is None:
        cache = request.app.state.live_codes = CodeCache()
    return cache


def _look_up(request: Request, code: str) -> Entry:
    """The code now (from the database) with its page, remembered for the next scans."""
    district = request.app.state.district_name
    with request.app.state.db.read() as conn:
        resolved = resolve(conn, code, district)
    return _cache(request).put(code, resolved, _code_page(district, resolved))


async def _entry(request: Request, raw_code: str) -> Entry | None:
    code = normalize(raw_code)
    if code is None:
        return None
    return _cache(request).get(code) or await run_in_threadpool(_look_up, request, code)


def _count(request: Request, code: Resolved) -> None:
    counter: ScanCounter = request.app.state.scans
    counter.count(ScanKey(code.code, china_today(), code.lesson_id, code.branch_id, code.link_id))


@router.get("/q/{raw_code:path}")
async def scan(request: Request, raw_code: str) -> Response:
    district = request.app.state.district_name
    try:
        entry = await _entry(request, raw_code)
    except SQLAlchemyError:
        log.warning("live code lookup failed", exc_info=True)
        return _unavailable(district)
    if entry is None or entry.resolved.state == UNKNOWN:
        return _send(entry.page if entry else _unknown(district))
    _count(request, entry.resolved)
    return _send(entry.page)


_RESULTS = {
    live_checkin.RECORDED: ("ok", "登记成功！", "{day} 的学习已经登记，谢谢您。支部电脑同步后就能看到。", True),
    live_checkin.ALREADY: ("ok", "已经登记过了", "您今天（{day}）学习这节课已经登记过了，不用再登记。", True),
    live_checkin.NO_MATCH: ("warn", "没有登记成功", "姓名或手机号后4位与支部花名册对不上。请核对后再试一次，"
                            "或请支部在电脑上帮您登记。", False),
    live_checkin.INVALID: ("warn", "请填写完整", "请填写姓名和手机号的最后 4 位数字。", False),
}


def _form(body: bytes) -> tuple[str, str]:
    try:
        fields = parse_qs(body.decode("utf-8"), max_num_fields=5, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        return "", ""
    return (fields.get("name") or [""])[0], (fields.get("phone_tail") or [""])[0]


def _check_in(request: Request, code: str, name: str, tail: str) -> Answer:
    """The form's answer; the code is read again (not from memory): a retired code takes no check-in."""
    district = request.app.state.district_name
    resolved = _look_up(request, code).resolved
    if not resolved.takes_checkins:
        return _code_page(district, resolved)
    outcome = live_checkin.check_in(request.app.state.db, resolved, name, tail,
                                    attempt_limits.client_address(request))
    if outcome.kind == live_checkin.BLOCKED:
        answer = _notice(district, 429, "请稍后再试", outcome.message, branch_name=resolved.branch_name)
        return Answer(429, answer.body, (("Retry-After", str(outcome.retry_seconds)),))
    style, title, text, done = _RESULTS[outcome.kind]
    result = {"style": style, "title": title, "text": text.format(day=outcome.day), "done": done}
    return _code_page(district, resolved, 200 if done else 400, result)


@router.post("/q/{raw_code:path}")
async def check_in(request: Request, raw_code: str) -> Response:
    district = request.app.state.district_name
    try:
        body = await read_body(request, limit=MAX_FORM_BYTES)
    except ApiError:
        return _send(_notice(district, 413, "填写的内容太长", "请只填写姓名和手机号后4位。"))
    code = normalize(raw_code)
    if code is None:
        return _send(_unknown(district))
    name, tail = _form(body)
    try:
        return _send(await run_in_threadpool(_check_in, request, code, name, tail))
    except SQLAlchemyError:
        log.warning("check-in failed", exc_info=True)
        return _unavailable(district)
