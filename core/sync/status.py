"""What the user sees about sync, read from the database (DESIGN §4 "What the user sees")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from core.store import Store
from core.sync import config, outbox
from core.sync.conflicts import open_conflict_count
from core.sync.info import clock_warning, update_notice
from core.sync.tables import pending_count, rejected_count


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    branch_name: str | None
    device_name: str | None
    last_success_at: str | None  # UTC stamps
    last_attempt_at: str | None
    last_error: str | None  # Chinese; None after a successful sync
    pending: int  # rows the next sync will send (not counting rows waiting on a rejection)
    open_conflicts: int
    rejected: int  # rows held back because the server refused them
    clock_offset_ms: int
    interval_minutes: int
    clock_warning: str | None
    update_notice: str | None = None  # the server speaks a newer protocol: install the newest version
    joined: bool = False  # a member of a branch (holds a device token), online or by sync package
    package_number: int = 0  # the last sync package exported (sync by file)
    reply_number: int = 0  # the last reply imported
    awaiting_reply: int = 0  # records in exported packages whose answer has not come back


def sync_status(store: Store) -> SyncStatus:
    settings = config.read_settings(store)
    return SyncStatus(
        enrolled=settings.enrolled,
        server_url=settings.server_url,
        branch_name=settings.branch_name,
        device_name=settings.device_name,
        last_success_at=settings.last_success_at,
        last_attempt_at=settings.last_attempt_at,
        last_error=settings.last_error,
        pending=pending_count(store),
        open_conflicts=open_conflict_count(store),
        rejected=rejected_count(store),
        clock_offset_ms=settings.clock_offset_ms,
        interval_minutes=settings.interval_minutes,
        clock_warning=clock_warning(settings.clock_offset_ms),
        update_notice=update_notice(int(store.setting(config.SERVER_PROTOCOL, 1) or 1)),
        joined=bool(settings.token),
        package_number=int(store.setting(config.PACKAGE_NUMBER, 0) or 0),
        reply_number=int(store.setting(config.REPLY_NUMBER, 0) or 0),
        awaiting_reply=outbox.held_records(store),
    )


def sync_due(store: Store, now: datetime | None = None) -> bool:
    """Whether the scheduled sync should run now: enrolled, and the last attempt is older than the
    interval (``sync_interval_minutes``, default 10) or there was none."""
    settings = config.read_settings(store)
    if not settings.enrolled:
        return False
    if not settings.last_attempt_at:
        return True
    try:
        last = datetime.fromisoformat(settings.last_attempt_at)
    except ValueError:
        return True
    moment = now or datetime.now(UTC) + timedelta(milliseconds=settings.clock_offset_ms)
    return moment - last >= timedelta(minutes=settings.interval_minutes)
