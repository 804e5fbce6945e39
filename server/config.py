"""Server settings, from command-line arguments first and the environment second."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

ENV_DATABASE_URL = "ZHIBU_SERVER_DB"
ENV_MAX_SYNCS = "ZHIBU_MAX_SYNCS"
ENV_DISTRICT_NAME = "ZHIBU_DISTRICT_NAME"
ENV_ADMIN_PASSWORD = "ZHIBU_ADMIN_PASSWORD"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700
DEFAULT_MAX_SYNCS = 20
DEFAULT_DISTRICT_NAME = "区委组织部"

MAX_BODY_BYTES = 10 * 1024 * 1024  # compressed and after gunzip
MAX_BATCH_RECORDS = 500
MAX_PULL_LIMIT = 500
RETRY_AFTER_SECONDS = 2
BATCH_KEEP_DAYS = 60  # stored push answers older than this are dropped at start


def default_database_url() -> str:
    folder = Path(user_data_dir("ZhibuDistrict", appauthor=False))
    return f"sqlite:///{folder / 'district.db'}"


def database_url(explicit: str | None) -> str:
    return explicit or os.environ.get(ENV_DATABASE_URL) or default_database_url()


def ensure_sqlite_folder(url: str) -> None:
    """SQLite creates the file but not its folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and url[len(prefix):] not in ("", ":memory:"):
        Path(url[len(prefix):]).expanduser().parent.mkdir(parents=True, exist_ok=True)


@dataclass(frozen=True)
class ServeSettings:
    database_url: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    max_syncs: int = DEFAULT_MAX_SYNCS
    district_name: str | None = None  # None: keep the one stored in the database
    admin_password: str | None = None  # None: keep the stored one


def max_syncs(explicit: int | None) -> int:
    if explicit is not None:
        return max(1, explicit)
    raw = os.environ.get(ENV_MAX_SYNCS)
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            pass
    return DEFAULT_MAX_SYNCS


def district_name(explicit: str | None) -> str | None:
    return explicit or os.environ.get(ENV_DISTRICT_NAME) or None


def admin_password(explicit: str | None = None) -> str | None:
    return explicit or os.environ.get(ENV_ADMIN_PASSWORD) or None
