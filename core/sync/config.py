"""The local sync settings (stored with ``Store.setting``; never synced)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.store import Store
from core.sync.errors import SyncError

SERVER_URL = "sync_server_url"
TOKEN = "sync_token"
DEVICE_NAME = "sync_device_name"
DEVICE_ID = "sync_device_id"
BRANCH_NAME = "sync_branch_name"
# The address phones open for 活码, as the district server announces it (``/api/v1/info``).
PUBLIC_URL = "sync_public_url"
PULL_CURSOR = "sync_pull_cursor"
LAST_SUCCESS_AT = "sync_last_success_at"
LAST_ATTEMPT_AT = "sync_last_attempt_at"
LAST_ERROR = "sync_last_error"
# {"batch_id", "rows": [[table, id, rev], ...], "records": [...]}: the push batch whose answer has not
# arrived yet, its records as they were sent
UNANSWERED_BATCH = "sync_unanswered_batch"
CLOCK_OFFSET_MS = "clock_offset_ms"
# The sync protocol the server spoke at the last sync (``/api/v1/info``).
SERVER_PROTOCOL = "sync_server_protocol"
INTERVAL_MINUTES = "sync_interval_minutes"
# Sync by file: the numbers of the packages this PC made and of the replies it imported, and
# {"package_id", "private_key", "public_key", "device_name", "created_at"} — the enrolment package
# whose reply has not been imported yet.
PACKAGE_NUMBER = "sync_package_number"
REPLY_NUMBER = "sync_reply_number"
ENROLL_REQUEST = "sync_enroll_request"

DEFAULT_INTERVAL_MINUTES = 10
MAX_INTERVAL_MINUTES = 120
# A clock further off than this from the server's is worth telling the user about.
CLOCK_WARNING_MS = 5 * 60 * 1000


@dataclass(frozen=True)
class SyncSettings:
    server_url: str | None
    token: str | None
    device_name: str | None
    device_id: str | None
    branch_name: str | None
    pull_cursor: int
    last_success_at: str | None
    last_attempt_at: str | None
    last_error: str | None
    clock_offset_ms: int
    interval_minutes: int

    @property
    def enrolled(self) -> bool:
        return bool(self.token and self.server_url)


def read_settings(store: Store) -> SyncSettings:
    """All sync settings, read in one query."""
    raw = {
        row["key"]: json.loads(row["value"])
        for row in store.query("SELECT key, value FROM settings WHERE key LIKE 'sync\\_%' ESCAPE '\\' OR key = ?",
                               (CLOCK_OFFSET_MS,))
    }
    return SyncSettings(
        server_url=raw.get(SERVER_URL),
        token=raw.get(TOKEN),
        device_name=raw.get(DEVICE_NAME),
        device_id=raw.get(DEVICE_ID),
        branch_name=raw.get(BRANCH_NAME),
        pull_cursor=int(raw.get(PULL_CURSOR) or 0),
        last_success_at=raw.get(LAST_SUCCESS_AT),
        last_attempt_at=raw.get(LAST_ATTEMPT_AT),
        last_error=raw.get(LAST_ERROR),
        clock_offset_ms=int(raw.get(CLOCK_OFFSET_MS) or 0),
        interval_minutes=interval_minutes(raw.get(INTERVAL_MINUTES)),
    )


_HOST = re.compile(
    r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$"
)


def normalize_server_url(text: str) -> str:
    """``192.168.1.10:8000`` → ``http://192.168.1.10:8000``; refuses what cannot be an address
    (no http(s), spaces, a host name that is not one, a port that is not a number, a query)."""
    url = text.strip().rstrip("/")
    if url and "://" not in url:
        url = "http://" + url
    if not _well_formed(url):
        raise SyncError(f"服务器地址“{text}”无效，请填写区里提供的地址，例如 http://192.168.1.10:8000")
    return url


def _well_formed(url: str) -> bool:
    if any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        return False
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        return False
    host = parts.netloc.rsplit("@", 1)[-1]
    host = host.split("]", 1)[0] + "]" if host.startswith("[") else host.split(":", 1)[0]
    return bool(_HOST.match(host))


def set_server_url(store: Store, text: str) -> str:
    """Save the district server's address; returns it as saved."""
    url = normalize_server_url(text)
    store.set_setting(SERVER_URL, url)
    return url


def interval_minutes(raw: object) -> int:
    """The saved automatic sync interval: 0 (off) to MAX_INTERVAL_MINUTES; the default when unset
    or unreadable."""
    try:
        minutes = DEFAULT_INTERVAL_MINUTES if raw is None else int(raw)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_INTERVAL_MINUTES
    return min(max(minutes, 0), MAX_INTERVAL_MINUTES)


def set_interval_minutes(store: Store, minutes: int) -> None:
    """0 turns automatic sync off."""
    if not 0 <= minutes <= MAX_INTERVAL_MINUTES:
        raise SyncError(f"自动同步间隔应在 0（关闭）至 {MAX_INTERVAL_MINUTES} 分钟之间")
    store.set_setting(INTERVAL_MINUTES, int(minutes))


def default_device_name() -> str:
    """This computer's name, as the district will see it."""
    try:
        import socket  # only when a device name is first needed

        name = socket.gethostname().strip()
    except OSError:
        name = ""
    return name or "办公室电脑"
