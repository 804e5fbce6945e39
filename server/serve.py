"""``python -m server serve``: migrate, apply the serve-time settings, run uvicorn (one process)."""

from __future__ import annotations

import argparse

import uvicorn

from server import admin, config
from server.app import create_app
from server.db import Database
from server.migrations import migrate


def serve(args: argparse.Namespace, url: str) -> int:
    max_syncs = config.max_syncs(args.max_syncs)
    db = Database(url, pool_size=max_syncs + 5)
    try:
        migrate(db)
        admin.prune_batches(db)
        name = config.district_name(args.district_name)
        if name:
            admin.set_district_name(db, name)
        password = config.admin_password()
        if password:
            admin.set_admin_password(db, password)
        app = create_app(db, max_syncs=max_syncs, district_name=admin.district_name(db))
        print(f"listening on http://{args.host}:{args.port}", flush=True)
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    finally:
        db.dispose()
    return 0
