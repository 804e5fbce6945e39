"""The district dashboard (``/admin/...``): server-rendered HTML pages behind the admin login.

- ``GET /admin/``                     overview: branches, lesson coverage, pairing progress
- ``GET /admin/branches/{branch_id}`` one branch: devices, figures, coverage, open conflicts
- ``GET /admin/conflicts``            open conflicts of every branch (``?all=1``: resolved ones too)

Without the admin session (or Basic admin auth) a page answers 303 to ``/admin/login?next=<page>``;
a device's bearer token never opens one (403). Figures: ``server.dashboard_data``; HTML:
``server.dashboard_html``; branches and conflict lists: ``server.admin``.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server import admin
from server.api_admin import is_admin
from server.dashboard_data import china_now, conflict_lookup, district_figures
from server.dashboard_html import branch_page, conflicts_page, message_page, overview_page
from server.deps import DbDep, bearer_token

router = APIRouter(include_in_schema=False)
CONFLICT_LIMIT = 2000
_NO_STORE = {"Cache-Control": "no-store"}


def _district(request: Request) -> str:
    return str(request.app.state.district_name)


def _page(text: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=_NO_STORE)


def _refused(request: Request, db: DbDep) -> Response | None:
    """None for the admin; otherwise the answer to send instead of the page."""
    if bearer_token(request) is not None:
        text = "设备的同步凭证不能打开管理后台。请在浏览器中用管理密码登录。"
        return _page(message_page(_district(request), "不能访问", text, china_now()), 403)
    if is_admin(request, db):
        return None
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/admin/login?next={quote(target, safe='')}", status_code=303, headers=_NO_STORE)


@router.get("/admin/")
def overview(request: Request, db: DbDep) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    now = china_now()
    branches = admin.list_branches(db)["branches"]
    with db.read() as conn:
        figures = district_figures(conn, now.date())
    return _page(overview_page(_district(request), branches, figures, now))


@router.get("/admin/branches/{branch_id}")
def branch_detail(branch_id: str, request: Request, db: DbDep) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    now = china_now()
    found = [b for b in admin.list_branches(db)["branches"] if b["branch_id"] == branch_id]
    if not found:
        text = "没有这个支部。请从总览页点支部名称进入。"
        return _page(message_page(_district(request), "没有这个支部", text, now), 404)
    conflicts = admin.list_conflicts(db, branch_id=branch_id, open_only=True, limit=CONFLICT_LIMIT)["conflicts"]
    with db.read() as conn:
        figures = district_figures(conn, now.date(), branch_id)
        lookup = conflict_lookup(conn, conflicts)
    return _page(branch_page(_district(request), found[0], figures, conflicts, lookup, now))


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
    return _page(conflicts_page(_district(request), listed, lookup, everything, china_now(), CONFLICT_LIMIT))
