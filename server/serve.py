"""``python -m server serve``: migrate once, apply the serve-time settings, then run uvicorn with one or
more worker processes.

The parent process migrates the database, prunes old push answers and stores the district name and
the admin password before any worker starts. The workers (or the one in-process server) build their
app with :func:`server.asgi.create_from_env` from environment variables set here, because uvicorn
needs an import string to start worker processes.

The 429 limiter counts per process, so ``--max-syncs`` (the whole server's limit) is divided among the
workers, rounded up. The kernel hands connections to workers unevenly, so one worker may answer 429
while another still has room; clients retry after ``Retry-After``.
"""

from __future__ import annotations

import argparse
import os

import uvicorn

from server import admin, config
from server.db import Database
from server.migrations import migrate

APP_FACTORY = "server.asgi:create_from_env"


def settings_from_args(args: argparse.Namespace, url: str) -> config.ServeSettings:
    return config.ServeSettings(
        database_url=url,
        host=args.host,
        port=args.port,
        max_syncs=config.max_syncs(args.max_syncs),
        district_name=config.district_name(args.district_name),
        admin_password=config.admin_password(),
        workers=config.workers(getattr(args, "workers", None)),
        proxy_headers=getattr(args, "proxy_headers", True),
        forwarded_allow_ips=config.forwarded_allow_ips(getattr(args, "forwarded_allow_ips", None)),
        public_url=config.public_url(getattr(args, "public_url", None)),
    )


def prepare_database(settings: config.ServeSettings) -> None:
    """Everything that must happen once, before the workers start."""
    db = Database(settings.database_url, pool_size=1)
    try:
        migrate(db)
        admin.prune_batches(db)
        if settings.district_name:
            admin.set_district_name(db, settings.district_name)
        if settings.admin_password:
            admin.set_admin_password(db, settings.admin_password)
    finally:
        db.dispose()


def worker_environment(settings: config.ServeSettings) -> dict[str, str]:
    """What :func:`server.asgi.create_from_env` reads in each worker."""
    environment = {
        config.ENV_DATABASE_URL: settings.database_url,
        config.ENV_PROCESS_MAX_SYNCS: str(settings.process_max_syncs),
    }
    if settings.public_url:
        environment[config.ENV_PUBLIC_URL] = settings.public_url
    return environment


def serve(args: argparse.Namespace, url: str) -> int:
    settings = settings_from_args(args, url)
    prepare_database(settings)
    os.environ.update(worker_environment(settings))
    os.environ.pop(config.ENV_ADMIN_PASSWORD, None)  # stored already; the workers need not see it
    workers = f", {settings.workers} workers" if settings.workers > 1 else ""
    print(f"listening on http://{settings.host}:{settings.port}{workers}", flush=True)
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        proxy_headers=settings.proxy_headers,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        # Start, stop and worker (re)starts in the journal; no line per request (nginx logs those).
        log_level="info",
        access_log=False,
    )
    return 0
