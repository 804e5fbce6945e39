"""The public short links of live codes (活码), ``/q/{code}``: no login, every request hostile.

``GET`` is a scan: counted (``server.live_scans``), then a small Chinese page for phones — the lesson
with its 观看微党课 button and the check-in form, or a page saying why the code leads nowhere — or a
302 straight on for an official account or a link. ``POST`` is the check-in form
(``server.live_checkin``). The pages are Jinja2 templates (autoescaped), use no outside assets, are
never cached and never answer 5xx for anything a phone can send.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from core.qr.short_codes import PATH, normalize
from server import attempt_limits, live_checkin
from server.errors import ApiError
from server.limits import read_body
from server.live_codes import LESSON, LESSON_GONE, REDIRECT, RETIRED, REVOKED, Resolved, resolve
from server.live_scans import ScanCounter, ScanKey, china_today
from server.templating import templates

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


def _page(request: Request, name: str, status: int, **context: Any) -> Response:
    context.setdefault("branch_name", "")
    context.setdefault("heading", "")
    context["district_name"] = request.app.state.district_name
    return templates.TemplateResponse(request, name, context, status_code=status, headers=dict(HEADERS))


def _notice(request: Request, status: int, heading: str, *lines: str, **context: Any) -> Response:
    return _page(request, "live/notice.html", status, heading=heading, lines=list(lines),
                 lessons=context.pop("lessons", []), lessons_heading=context.pop("lessons_heading", ""), **context)


def _unknown(request: Request) -> Response:
    return _notice(
        request, 404, "这个二维码还不能用",
        "没有找到这个二维码。如果它是刚刚打印的，请支部在电脑上「同步」一次，几分钟后再扫。",
        "如果一直扫不开，请向张贴它的支部询问。",
    )


def _unavailable(request: Request) -> Response:
    response = _notice(request, 503, "服务器正忙", "请稍等一会儿再扫一次。")
    response.headers["Retry-After"] = "5"
    return response


def _look_up(request: Request, raw_code: str) -> Resolved | None:
    code = normalize(raw_code)
    if code is None:
        return None
    with request.app.state.db.read() as conn:
        return resolve(conn, code, request.app.state.district_name)


def _count(request: Request, code: Resolved) -> None:
    counter: ScanCounter = request.app.state.scans
    counter.count(ScanKey(code.code, china_today(), code.lesson_id, code.branch_id, code.link_id))


def _code_page(request: Request, code: Resolved, status: int = 200, result: dict[str, Any] | None = None) -> Response:
    who = code.branch_name
    if code.state == REVOKED:
        return _notice(request, 410, "这个二维码已停用", f"「{who}」的二维码已经停止使用。",
                       "请向区委组织部或所在支部询问。", branch_name=who)
    if code.state == RETIRED:
        return _notice(request, 410, "这个二维码已停用", f"这个二维码已被「{who}」停用。",
                       "请扫支部张贴的新二维码，或向支部询问。", branch_name=who)
    if code.state == LESSON_GONE:
        title = f"「{code.lesson.title}」" if code.lesson else "这节微党课"
        return _notice(request, 410, "这节微党课已下架", f"{title}已经下架，不再提供学习。",
                       f"可以学习{who}的其他微党课：" if code.other_lessons else f"请向「{who}」询问。",
                       branch_name=who, lessons=code.other_lessons, lessons_heading="其他微党课")
    if code.state == REDIRECT and code.target_url:
        return RedirectResponse(code.target_url, status_code=302, headers=dict(HEADERS))
    if code.state != LESSON:
        return _unknown(request)
    return _page(request, "live/lesson.html", status, lesson=code.lesson, branch_name=who, result=result,
                 takes_checkins=code.takes_checkins, action=PATH + code.code)


@router.get("/q/{raw_code:path}")
def scan(request: Request, raw_code: str) -> Response:
    try:
        code = _look_up(request, raw_code)
    except SQLAlchemyError:
        log.warning("live code lookup failed", exc_info=True)
        return _unavailable(request)
    if code is None or not code.counted:
        return _unknown(request)
    _count(request, code)
    return _code_page(request, code)


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


@router.post("/q/{raw_code:path}")
async def check_in(request: Request, raw_code: str) -> Response:
    try:
        body = await read_body(request, limit=MAX_FORM_BYTES)
    except ApiError:
        return _notice(request, 413, "填写的内容太长", "请只填写姓名和手机号后4位。")
    name, tail = _form(body)
    try:
        code = _look_up(request, raw_code)
        if code is None or not code.takes_checkins:
            return _unknown(request) if code is None or not code.counted else _code_page(request, code)
        outcome = await _run(live_checkin.check_in, request.app.state.db, code, name, tail,
                             attempt_limits.client_address(request))
    except SQLAlchemyError:
        log.warning("check-in failed", exc_info=True)
        return _unavailable(request)
    if outcome.kind == live_checkin.BLOCKED:
        response = _notice(request, 429, "请稍后再试", outcome.message, branch_name=code.branch_name)
        response.headers["Retry-After"] = str(outcome.retry_seconds)
        return response
    style, title, text, done = _RESULTS[outcome.kind]
    status = 200 if done else 400
    return _code_page(request, code, status, {"style": style, "title": title, "text": text.format(day=outcome.day),
                                              "done": done})


async def _run(func: Any, *args: Any) -> Any:
    """Blocking database work off the event loop."""
    return await run_in_threadpool(func, *args)
