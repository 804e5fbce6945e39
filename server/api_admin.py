"""The district admin's HTTP side: login with the admin password (a signed HttpOnly session cookie)
and JSON views of branches and conflicts. Dashboard pages (``/admin/...`` HTML) build on
``is_admin`` / ``AdminDep`` and the tables of ``server.db``."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from server import admin, attempt_limits, auth
from server.db import Database, get_setting
from server.deps import DbDep, bearer_token
from server.errors import ApiError, error_responses
from server.limits import read_body
from server.templating import environment

router = APIRouter()
LOGIN_FORM_LIMIT = 64 * 1024
ADMIN_HOME = "/admin/"


def _stored_hash(db: Database) -> str | None:
    with db.read() as conn:
        return get_setting(conn, "admin_password_hash")


def _cookie_secret(db: Database) -> str:
    with db.read() as conn:
        secret = get_setting(conn, "cookie_secret")
    if not secret:
        raise RuntimeError("cookie_secret missing: the database was not migrated")
    return secret


def _basic_password(request: Request) -> str | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        raw = base64.b64decode(encoded.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        decoded = raw.decode("latin-1")
    user, _, password = decoded.partition(":")
    return password if user == "admin" else None


def is_admin(request: Request, db: Database) -> bool:
    """True when the request carries a valid admin session cookie or Basic admin:<password>."""
    stored = _stored_hash(db)
    if stored is None:
        return False
    password = _basic_password(request)
    if password is not None:
        try:
            if attempt_limits.check_password(db, attempt_limits.client_address(request), password, stored):
                return True
        except attempt_limits.Blocked as blocked:
            raise blocked.as_api_error() from None
    cookie = request.cookies.get(auth.SESSION_COOKIE)
    return bool(cookie) and auth.verify_session(_cookie_secret(db), stored, cookie)


def require_admin(request: Request, db: DbDep) -> None:
    """Dependency for admin JSON endpoints: 403 for a device token, 401 without admin login."""
    if bearer_token(request) is not None:
        raise ApiError(403, "admin", "设备的同步凭证不能访问管理接口，请用管理密码登录。")
    if _stored_hash(db) is None:
        raise ApiError(
            401, "admin", "尚未设置管理密码。请在服务器上运行 python -m server admin password 设置后再登录。"
        )
    if not is_admin(request, db):
        raise ApiError(
            401, "admin", "请先用管理密码登录管理后台。", headers={"WWW-Authenticate": 'Basic realm="zhibu-admin"'}
        )


AdminDep = Annotated[None, Depends(require_admin)]


@router.get(
    "/api/v1/admin/branches",
    summary="Branches, their devices and last sync (admin)",
    responses=error_responses(401, 403, 429, 503),
)
def admin_branches(_: AdminDep, db: DbDep) -> dict[str, Any]:
    return admin.list_branches(db)


@router.get(
    "/api/v1/admin/conflicts",
    summary="Conflict records of every branch, newest first (admin)",
    responses=error_responses(400, 401, 403, 429, 503),
)
def admin_conflicts(
    _: AdminDep,
    db: DbDep,
    branch_id: Annotated[str | None, Query(pattern=r"^[^\x00]*$")] = None,  # PostgreSQL text holds no NUL
    open_only: Annotated[bool, Query(alias="open")] = False,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    return admin.list_conflicts(db, branch_id=branch_id, open_only=open_only, limit=limit)


# -- login / logout -------------------------------------------------------------------------------

def _login_page(
    next_path: str, error: str = "", status: int = 200, headers: dict[str, str] | None = None
) -> HTMLResponse:
    page = environment.get_template("admin/login.html").render(next_path=next_path, error=error)
    return HTMLResponse(page, status_code=status, headers=headers)


def _safe_next(value: str | None) -> str:
    """Only a local path: never redirect to another site."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return ADMIN_HOME


@router.get("/admin/login", include_in_schema=False)
def login_form(next: str | None = None) -> HTMLResponse:
    return _login_page(_safe_next(next))


_LOGIN_FORM = {
    "type": "object",
    "required": ["password"],
    "properties": {"password": {"type": "string"}, "next": {"type": "string", "description": "A local path"}},
}
_HTML = {"text/html": {"schema": {"type": "string"}}}
_LOGIN_ANSWERS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Wrong password, or none set yet (the login page again)", "content": _HTML},
    429: {
        "description": "Too many wrong passwords from this address (the login page again); see Retry-After",
        "content": _HTML,
        "headers": {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "string"}}},
    },
    **error_responses(400, 413, 503),
}


@router.post(
    "/admin/login",
    summary="Admin login (form field `password`); sets the session cookie",
    openapi_extra={"requestBody": {
        "required": True, "content": {"application/x-www-form-urlencoded": {"schema": _LOGIN_FORM}},
    }},
    status_code=303,
    response_class=RedirectResponse,
    response_description="Logged in: the session cookie is set; on to `next`",
    responses=_LOGIN_ANSWERS,
)
async def login(request: Request) -> Response:
    body = await read_body(request, LOGIN_FORM_LIMIT)
    fields = parse_qs(body.decode("utf-8", errors="replace"))
    password = (fields.get("password") or [""])[0]
    next_path = _safe_next((fields.get("next") or [None])[0])
    db: Database = request.app.state.db
    stored = await _in_thread(_stored_hash, db)
    if stored is None:
        return _login_page(next_path, "尚未设置管理密码。请在服务器上运行 python -m server admin password。", 401)
    client = attempt_limits.client_address(request)
    try:
        accepted = await _in_thread(attempt_limits.check_password, db, client, password, stored)
    except attempt_limits.Blocked as blocked:
        return _login_page(next_path, blocked.message, 429, blocked.headers)
    if not accepted:
        return _login_page(next_path, "密码不正确，请重新输入。", 401)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(
        auth.SESSION_COOKIE, auth.sign_session(await _in_thread(_cookie_secret, db), stored),
        max_age=auth.SESSION_SECONDS, httponly=True, samesite="lax", path="/",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/admin/logout", include_in_schema=False)
def logout() -> Response:
    response = RedirectResponse("/admin/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


async def _in_thread(function: Any, *args: Any) -> Any:
    return await run_in_threadpool(function, *args)
