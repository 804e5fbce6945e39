"""The FastAPI application: routers per resource, error answers in the contract's shape, gzip both
ways, and the sync concurrency limit."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from server import api_admin, api_docs, api_sync, dashboard, dashboard_packages, live_pages
from server.config import DEFAULT_DISTRICT_NAME, DEFAULT_MAX_SYNCS
from server.db import Database
from server.errors import STATUS_MESSAGES
from server.limits import SyncLimiter
from server.live_cache import CodeCache
from server.live_fast_path import LiveFastPath
from server.live_scans import ScanCounter

log = logging.getLogger("zhibu.server")


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": {"code": code, "message": message}}, status_code=status, headers=headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc.detail, dict):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    code, message = STATUS_MESSAGES.get(exc.status_code, ("error", str(exc.detail)))
    return _error(exc.status_code, code, message, exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    names = [".".join(str(part) for part in error.get("loc", ())[1:]) for error in exc.errors()]
    shown = "、".join(name for name in names if name) or "请求"
    return _error(400, "bad_request", f"请求参数无效：{shown}。")


async def _database_error(_request: Request, exc: Exception) -> JSONResponse:
    log.error("database unavailable: %s", exc)
    return _error(503, "database", "服务器的数据库暂时不可用，稍后会自动重试。", {"Retry-After": "5"})


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    code, message = STATUS_MESSAGES[500]
    return _error(500, code, message)


def create_app(
    db: Database, max_syncs: int = DEFAULT_MAX_SYNCS, district_name: str | None = None,
    public_url: str | None = None,
) -> FastAPI:
    """The app over a migrated database. Its lifespan runs the scan counter's flushing thread (and
    writes the last scans at shutdown)."""
    scans = ScanCounter(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        scans.start()
        try:
            yield
        finally:
            scans.stop()

    app = FastAPI(
        title="支部工作台 · 区级同步服务器",
        summary="Zhibu Desk district server: sync protocol v1 (DESIGN §4)",
        version="1",
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.scans = scans
    app.state.district_name = district_name or DEFAULT_DISTRICT_NAME
    app.state.public_url = public_url
    app.state.live_codes = CodeCache()
    app.state.live_lookups = {}  # code → the lookup under way (server.live_pages)
    app.include_router(api_sync.router)
    app.include_router(api_admin.router)
    app.include_router(dashboard.router)
    app.include_router(dashboard_packages.router)
    app.include_router(live_pages.router)
    api_docs.without_framework_422(app)
    handlers: dict[Any, Any] = {
        StarletteHTTPException: _http_error,
        RequestValidationError: _validation_error,
        OperationalError: _database_error,
        Exception: _unexpected,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)
    app.add_middleware(SyncLimiter, limit=max_syncs)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(LiveFastPath, state=app.state)  # outermost
    return app
