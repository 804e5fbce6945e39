"""The app factory uvicorn calls in each worker process: ``server.asgi:create_from_env``.

``python -m server serve`` sets the environment and migrates the database before the workers start.
The factory also works under a process manager of your own, e.g.
``ZHIBU_SERVER_DB=… uvicorn --factory server.asgi:create_from_env --workers 4``; then it migrates
the database itself when needed (idempotent, and locked on PostgreSQL).

Environment: ``ZHIBU_SERVER_DB`` (the database URL), ``ZHIBU_PUBLIC_URL`` (the address for 活码),
``ZHIBU_PROCESS_MAX_SYNCS`` (this process's
share of the sync limit; when unset, ``ZHIBU_MAX_SYNCS`` or 20 for this process alone).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.exc import DBAPIError

from server import admin, config
from server.app import create_app
from server.db import Database
from server.migrations import LATEST, migrate


def process_max_syncs() -> int:
    raw = os.environ.get(config.ENV_PROCESS_MAX_SYNCS)
    if raw and raw.strip().isdigit():
        return max(1, int(raw))
    return config.max_syncs(None)


def _schema_version(db: Database) -> int | None:
    try:
        with db.read() as conn:
            return int(conn.exec_driver_sql("SELECT version FROM schema_version").scalar_one())
    except DBAPIError:
        return None


def create_from_env() -> FastAPI:
    """A new app over the database named by the environment (one per worker process)."""
    limit = process_max_syncs()
    db = Database(config.database_url(None), pool_size=limit + 5)
    if _schema_version(db) != LATEST:
        migrate(db)
    app = create_app(db, max_syncs=limit, district_name=admin.district_name(db),
                     public_url=config.public_url(None))
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app_: FastAPI) -> AsyncIterator[None]:
        try:
            async with inner(app_):
                yield
        finally:
            db.dispose()  # close the pooled connections when the worker stops

    app.router.lifespan_context = lifespan
    return app
