"""Guessing limits: wrong enrollment codes, wrong admin passwords and failed phone check-ins (活码),
counted per client address — and check-ins also per code.

After ``MAX_FAILURES`` failures of one kind from one address within ``WINDOW``, that address is
refused with 429, ``Retry-After`` and a Chinese message — even when its next code or password is
right — until the oldest counted failure leaves the window. The failures are rows in the database
(``failed_attempts``), so the count holds across worker processes and restarts.

The client address is the one uvicorn reports: the connecting address, or the ``X-Forwarded-For``
of a proxy listed in ``--forwarded-allow-ips`` (see ``server.serve``); a header from anyone else is
ignored by uvicorn, so it cannot be used to dodge the limit.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from fastapi import Request
from sqlalchemy import Connection, delete, insert, select

from server.auth import verify_password
from server.db import Database, failed_attempts
from server.errors import ApiError

ENROLL = "enroll"
ADMIN = "admin"
CHECKIN = "checkin"  # per address, kept as a salted hash (server.live_checkin), never the address
CHECKIN_CODE = "checkin_code"  # per live code, from any address
MAX_FAILURES = 10
_MAX_BY_KIND = {CHECKIN_CODE: 30}
WINDOW = timedelta(minutes=15)
MAX_CLIENT = 100  # characters of the address kept
CODE = "too_many_attempts"

_MESSAGES = {
    ENROLL: "登记码输错的次数太多，为了安全，本机暂时不能登记，请 {minutes} 分钟后再试。"
            "请仔细核对区委组织部给的登记码（不区分大小写）。",
    ADMIN: "管理密码输错的次数太多，为了安全，暂时不能登录，请 {minutes} 分钟后再试。",
    CHECKIN: "登记没有成功的次数太多，为了安全，这部手机暂时不能登记，请 {minutes} 分钟后再试，"
             "或请支部在电脑上帮您登记。",
    CHECKIN_CODE: "这个二维码登记没有成功的次数太多，为了安全，暂时不能登记，请 {minutes} 分钟后再试，"
                  "或请支部在电脑上帮您登记。",
}


def max_failures(kind: str) -> int:
    return _MAX_BY_KIND.get(kind, MAX_FAILURES)


class Blocked(Exception):
    """The client has failed too often; it may try again after ``seconds``."""

    def __init__(self, kind: str, seconds: int) -> None:
        super().__init__(kind, seconds)
        self.kind = kind
        self.seconds = seconds

    @property
    def message(self) -> str:
        return _MESSAGES[self.kind].format(minutes=max(1, math.ceil(self.seconds / 60)))

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.seconds)}

    def as_api_error(self) -> ApiError:
        return ApiError(429, CODE, self.message, headers=self.headers)


def client_address(request: Request) -> str:
    host = request.client.host if request.client is not None else ""
    return (host or "unknown")[:MAX_CLIENT]


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def check(conn: Connection, kind: str, client: str, now: datetime | None = None) -> None:
    """Raise :class:`Blocked` when ``client`` has failed ``kind`` too often lately."""
    now = now or datetime.now(UTC)
    limit = max_failures(kind)
    recent = conn.execute(
        select(failed_attempts.c.failed_at)
        .where(
            failed_attempts.c.kind == kind,
            failed_attempts.c.client == client,
            failed_attempts.c.failed_at > _stamp(now - WINDOW),
        )
        .order_by(failed_attempts.c.failed_at.desc())
        .limit(limit)
    ).scalars().all()
    if len(recent) < limit:
        return
    # Allowed again once the limit-th newest failure is out of the window.
    free_at = _parse(recent[-1]) + WINDOW
    raise Blocked(kind, max(1, math.ceil((free_at - now).total_seconds())))


def note_failure(conn: Connection, kind: str, client: str, now: datetime | None = None) -> None:
    """Count one failure (and forget every failure that has left the window)."""
    now = now or datetime.now(UTC)
    conn.execute(delete(failed_attempts).where(failed_attempts.c.failed_at <= _stamp(now - WINDOW)))
    conn.execute(insert(failed_attempts).values(kind=kind, client=client, failed_at=_stamp(now)))


def check_password(db: Database, client: str, password: str, stored_hash: str) -> bool:
    """The admin password check behind the limit: raises :class:`Blocked`, counts a wrong password."""
    with db.read() as conn:
        check(conn, ADMIN, client)
    if verify_password(password, stored_hash):
        return True
    with db.write() as conn:
        note_failure(conn, ADMIN, client)
    return False
