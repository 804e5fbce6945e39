"""The district dashboard (``/admin/...``): server-rendered Jinja2 pages behind the admin login.

- ``GET /admin/``                     overview: branches, lesson coverage, 活码 scans, pairing progress
- ``GET /admin/branches/{branch_id}`` one branch: devices, figures, coverage, scans, open conflicts
- ``GET /admin/conflicts``            open conflicts of every branch (``?all=1``: resolved ones too)
- ``GET /admin/lessons``              the district's lessons, with forms to change or retire each
- ``POST /admin/lessons/{id}/edit``   (``title``, ``url``, ``speaker``, ``minutes``) and ``…/retire`` (``confirm``)
- ``/admin/packages``                 sync packages brought on a USB stick (``server.dashboard_packages``)

Without the admin session (or Basic admin auth) a page answers 303 to ``/admin/login?next=<page>``;
a device's bearer token never opens one (403). A form carries a CSRF token derived from the server's
secret and the admin password's hash. Figures: ``server.dashboard_data``; rows for the templates:
``server.dashboard_view``; templates: ``server/templates/admin/`` (autoescaped).
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from server import admin, dashboard_view, district_lessons
from server.api_admin import _cookie_secret, _stored_hash, is_admin
from server.dashboard_data import china_now, conflict_lookup, district_figures
from server.deps import DbDep, bearer_token
from server.errors import ApiError
from server.limits import read_body
from server.templating import templates

router = APIRouter(include_in_schema=False)
CONFLICT_LIMIT = 2000
FORM_LIMIT = 16 * 1024
_NO_STORE = {"Cache-Control": "no-store"}
_DONE = {"edited": "已保存修改。各支部下次同步时收到，已打印的活码跟着改。", "retired": "已下架。学习记录保留。"}


def _render(request: Request, name: str, title: str, status: int = 200, **context: Any) -> Response:
    values = dashboard_view.common(str(request.app.state.district_name), title, china_now()) | context
    return templates.TemplateResponse(request, f"admin/{name}", values, status_code=status, headers=dict(_NO_STORE))


def _message(request: Request, title: str, text: str, status: int) -> Response:
    return _render(request, "message.html", title, status, text=text)


def _refused(request: Request, db: DbDep) -> Response | None:
    """None for the admin; otherwise the answer to send instead of the page."""
    if bearer_token(request) is not None:
        return _message(request, "不能访问", "设备的同步凭证不能打开管理后台。请在浏览器中用管理密码登录。", 403)
    if is_admin(request, db):
        return None
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/admin/login?next={quote(target, safe='')}", status_code=303, headers=_NO_STORE)


@router.get("/admin/")
def overview(request: Request, db: DbDep) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    branches = admin.list_branches(db)["branches"]
    with db.read() as conn:
        figures = district_figures(conn, china_now().date())
    return _render(request, "overview.html", "总览", **dashboard_view.overview(branches, figures))


@router.get("/admin/branches/{branch_id}")
def branch_detail(branch_id: str, request: Request, db: DbDep) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    found = [b for b in admin.list_branches(db)["branches"] if b["branch_id"] == branch_id]
    if not found:
        return _message(request, "没有这个支部", "没有这个支部。请从总览页点支部名称进入。", 404)
    conflicts = admin.list_conflicts(db, branch_id=branch_id, open_only=True, limit=CONFLICT_LIMIT)["conflicts"]
    with db.read() as conn:
        figures = district_figures(conn, china_now().date(), branch_id)
        lookup = conflict_lookup(conn, conflicts)
        scan_rows = dashboard_view.branch_scan_rows(conn, figures, branch_id)
    return _render(request, "branch.html", str(found[0]["name"]), branch=found[0], figures=figures,
                   figure_items=dashboard_view.figure_items(figures.branch(branch_id)), scan_rows=scan_rows,
                   conflict_rows=dashboard_view.conflict_rows(conflicts, lookup))


@router.get("/admin/conflicts")
def conflicts(
    request: Request, db: DbDep, show_all: Annotated[str | None, Query(alias="all")] = None
) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    everything = (show_all or "").lower() in ("1", "true", "yes")
    listed = admin.list_conflicts(db, open_only=not everything, limit=CONFLICT_LIMIT)["conflicts"]
    with db.read() as conn:
        lookup = conflict_lookup(conn, listed)
    title = "全部同步冲突" if everything else "未处理的同步冲突"
    return _render(request, "conflicts.html", title, conflict_rows=dashboard_view.conflict_rows(listed, lookup),
                   show_all=everything, capped=len(listed) >= CONFLICT_LIMIT, limit=CONFLICT_LIMIT)


def _csrf(db: DbDep) -> str:
    secret, stored = _cookie_secret(db), _stored_hash(db) or ""
    return hmac.new(secret.encode(), f"csrf/{stored}".encode(), hashlib.sha256).hexdigest()


def _lessons_page(request: Request, db: DbDep, status: int = 200, done: str = "", error: str = "") -> Response:
    return _render(request, "lessons.html", "微党课", status, lessons=district_lessons.list_lessons(db)["lessons"],
                   csrf=_csrf(db), done=done, error=error)


@router.get("/admin/lessons")
def lessons(request: Request, db: DbDep, done: str | None = None) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    return _lessons_page(request, db, done=_DONE.get(done or "", ""))


async def _form(request: Request) -> dict[str, str]:
    try:
        body = await read_body(request, FORM_LIMIT)
        fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10)
    except (ApiError, UnicodeDecodeError, ValueError):
        return {}
    return {name: values[0] for name, values in fields.items()}


def _change(request: Request, db: DbDep, lesson_id: str, action: str, form: dict[str, str]) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    if not hmac.compare_digest(form.get("csrf", "").encode(), _csrf(db).encode()):  # bytes: any text compares
        return _lessons_page(request, db, 403, error="页面已过期或来源不明，没有修改。请刷新页面后再试。")
    try:
        if action == "retire":
            if form.get("confirm") != "1":
                return _lessons_page(request, db, 400, error="请先勾选“确认下架”。")
            district_lessons.retire_lesson(db, lesson_id)
        else:
            current = {item["lesson_id"]: item for item in district_lessons.list_lessons(db)["lessons"]}.get(lesson_id)
            if current is None:
                raise admin.Refused("没有这节区里发布的微党课，请刷新页面。")
            minutes_text = form.get("minutes", "").strip()
            if minutes_text and not minutes_text.isdigit():
                raise admin.Refused("时长（分钟）应为 1 至 600 的整数。")
            title, url = form.get("title", "").strip(), form.get("url", "").strip()
            speaker = form["speaker"].strip() if "speaker" in form else None  # an emptied field clears it
            minutes = int(minutes_text) if minutes_text else None
            changes = {
                "title": title if title != current["title"] else None,
                "url": url if url != (current["url"] or "") else None,
                "speaker": speaker if speaker is not None and speaker != (current["speaker"] or "") else None,
                "minutes": minutes if minutes is not None and minutes != current["minutes"] else None,
            }
            if all(value is None for value in changes.values()):
                return _lessons_page(request, db, done="没有改动，什么也没有修改。")
            district_lessons.edit_lesson(db, lesson_id, **changes)
    except admin.Refused as refused_change:
        return _lessons_page(request, db, 400, error=str(refused_change))
    done = "retired" if action == "retire" else "edited"
    return RedirectResponse(f"/admin/lessons?done={done}", status_code=303, headers=_NO_STORE)


@router.post("/admin/lessons/{lesson_id}/edit")
async def edit_lesson(lesson_id: str, request: Request, db: DbDep) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_change, request, db, lesson_id, "edit", form)


@router.post("/admin/lessons/{lesson_id}/retire")
async def retire_lesson(lesson_id: str, request: Request, db: DbDep) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_change, request, db, lesson_id, "retire", form)
