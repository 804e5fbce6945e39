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
ENV_WORKERS = "ZHIBU_WORKERS"
ENV_FORWARDED_ALLOW_IPS = "ZHIBU_FORWARDED_ALLOW_IPS"
# The address phones reach the server at (printed in 活码), when it differs from the branches' one.
ENV_PUBLIC_URL = "ZHIBU_PUBLIC_URL"
# Set by ``serve`` for its worker processes (server.asgi): each process's share of --max-syncs.
ENV_PROCESS_MAX_SYNCS = "ZHIBU_PROCESS_MAX_SYNCS"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8700
DEFAULT_MAX_SYNCS = 20
DEFAULT_DISTRICT_NAME = "区委组织部"
DEFAULT_WORKERS = 1
DEFAULT_FORWARDED_ALLOW_IPS = "127.0.0.1,::1"  # nginx on the same machine

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
    max_syncs: int = DEFAULT_MAX_SYNCS  # for the whole server; each worker gets its share
    district_name: str | None = None  # None: keep the one stored in the database
    admin_password: str | None = None  # None: keep the stored one
    workers: int = DEFAULT_WORKERS
    proxy_headers: bool = True
    forwarded_allow_ips: str = DEFAULT_FORWARDED_ALLOW_IPS
    public_url: str | None = None  # None: branches print the address they sync with

    @property
    def process_max_syncs(self) -> int:
        return process_max_syncs(self.max_syncs, self.workers)


def _positive_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            pass
    return default


def max_syncs(explicit: int | None) -> int:
    if explicit is not None:
        return max(1, explicit)
    return _positive_env(ENV_MAX_SYNCS, DEFAULT_MAX_SYNCS)


def workers(explicit: int | None) -> int:
    """How many uvicorn worker processes: ``--workers``, ``$ZHIBU_WORKERS``, or 1."""
    if explicit is not None:
        return max(1, explicit)
    return _positive_env(ENV_WORKERS, DEFAULT_WORKERS)


def process_max_syncs(total: int, worker_count: int) -> int:
    """Each worker's share of the server-wide sync limit (the 429 limiter counts per process), rounded
    up: 20 syncs over 3 workers is 7 each, 21 in all."""
    return max(1, -(-max(1, total) // max(1, worker_count)))


def forwarded_allow_ips(explicit: str | None) -> str:
    """The proxies whose X-Forwarded-For/-Proto are believed (comma-separated addresses, or ``*``)."""
    return explicit or os.environ.get(ENV_FORWARDED_ALLOW_IPS) or DEFAULT_FORWARDED_ALLOW_IPS


def district_name(explicit: str | None) -> str | None:
    return explicit or os.environ.get(ENV_DISTRICT_NAME) or None


def admin_password(explicit: str | None = None) -> str | None:
    return explicit or os.environ.get(ENV_ADMIN_PASSWORD) or None


class BadSetting(ValueError):
    """A serve-time setting that cannot be used; the message (Chinese) says what to give instead."""


def public_url(explicit: str | None) -> str | None:
    """The server's public address for 活码 (``--public-url``, ``$ZHIBU_PUBLIC_URL``): an http(s)
    address without a trailing slash, or None. A value that is no web address is refused."""
    raw = (explicit or os.environ.get(ENV_PUBLIC_URL) or "").strip()
    if not raw:
        return None
    if not raw.lower().startswith(("http://", "https://")) or any(ch.isspace() for ch in raw) or len(raw) > 200:
        raise BadSetting(f"公开地址“{raw}”无效，应是以 http:// 或 https:// 开头的网址，例如 https://dj.example.cn。")
    return raw.rstrip("/")
