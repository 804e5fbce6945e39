"""The public short links of live codes (活码), ``/q/{code}``: no login, every request hostile.

``GET`` is a scan: counted (``server.live_scans``), then a small Chinese page for phones — the lesson
with its 观看微党课 button and the check-in form, or a page saying why the code leads nowhere — or a
302 straight on for an official account or a link. ``POST`` is the check-in form
(``server.live_checkin``). The pages are Jinja2 templates (autoescaped), use no outside assets, are
never cached by phones and never answer 5xx for anything a phone can send. A recently scanned code's
page comes from the process's memory (``server.live_cache``, answered by ``server.live_fast_path``).
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from core.qr.short_codes import normalize
from server import attempt_limits, live_checkin
from server.errors import ApiError
from server.limits import read_body
from server.live_cache import HEADERS, Answer, Entry
from server.live_codes import UNKNOWN, Resolved
from server.live_lookup import entry_for, look_up
from server.live_render import code_page, notice, unknown
from server.live_scans import ScanCounter, ScanKey, china_today

log = logging.getLogger("zhibu.server.live")
router = APIRouter(include_in_schema=False)
MAX_FORM_BYTES = 2048


def _send(answer: Answer) -> Response:
    headers = {**HEADERS, **dict(answer.headers)}
    media = "text/html; charset=utf-8" if answer.body else None
    return Response(answer.body, status_code=answer.status, headers=headers, media_type=media)


def _unavailable(district: str) -> Response:
    response = _send(notice(district, 503, "服务器正忙", "请稍等一会儿再扫一次。"))
    response.headers["Retry-After"] = "5"
    return response


async def _entry(request: Request, raw_code: str) -> Entry | None:
    code = normalize(raw_code)
    return None if code is None else await entry_for(request.app.state, code)


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
        return _send(entry.page if entry else unknown(district))
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
    resolved = look_up(request.app.state, code).resolved
    if not resolved.takes_checkins:
        return code_page(district, resolved)
    outcome = live_checkin.check_in(request.app.state.db, resolved, name, tail,
                                    attempt_limits.client_address(request))
    if outcome.kind == live_checkin.BLOCKED:
        answer = notice(district, 429, "请稍后再试", outcome.message, branch_name=resolved.branch_name)
        return Answer(429, answer.body, (("Retry-After", str(outcome.retry_seconds)),))
    style, title, text, done = _RESULTS[outcome.kind]
    result = {"style": style, "title": title, "text": text.format(day=outcome.day), "done": done}
    return code_page(district, resolved, 200 if done else 400, result)


@router.post("/q/{raw_code:path}")
async def check_in(request: Request, raw_code: str) -> Response:
    district = request.app.state.district_name
    try:
        body = await read_body(request, limit=MAX_FORM_BYTES)
    except ApiError:
        return _send(notice(district, 413, "填写的内容太长", "请只填写姓名和手机号后4位。"))
    code = normalize(raw_code)
    if code is None:
        return _send(unknown(district))
    name, tail = _form(body)
    try:
        return _send(await run_in_threadpool(_check_in, request, code, name, tail))
    except SQLAlchemyError:
        log.warning("check-in failed", exc_info=True)
        return _unavailable(district)
