"""What the sync page and the status bar indicator ask of core, as plain functions that run on a worker
thread of the task runner (they take the task's own ``Store``), and the small pure helpers that turn
the stored time stamps into local times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from core.store import Store
from core.sync.config import (
    DEFAULT_INTERVAL_MINUTES,
    ENROLL_REQUEST,
    INTERVAL_MINUTES,
    MAX_INTERVAL_MINUTES,
    interval_minutes,
    set_interval_minutes,
    set_server_url,
)
from ui.tasks import TaskContext

# What the worker-thread functions below need is imported inside them: the status bar indicator
# imports this module while the window opens, and start-up should not pay for it.
if TYPE_CHECKING:
    from core.sync.conflicts import ConflictView
    from core.sync.enroll import EnrollResult
    from core.sync.package_export import ExportResult
    from core.sync.package_import import ImportResult
    from core.sync.rejections import RejectionView
    from core.sync.run import SyncResult
    from core.sync.status import SyncStatus

DEFAULT_INTERVAL = DEFAULT_INTERVAL_MINUTES
MAX_INTERVAL = MAX_INTERVAL_MINUTES


@dataclass(frozen=True)
class SyncState:
    """Everything the sync page shows, read from the database in one go."""

    status: SyncStatus
    interval: int
    conflicts: list[ConflictView] = field(default_factory=list)
    rejections: list[RejectionView] = field(default_factory=list)
    enroll_pending: bool = False  # an enrolment package left this PC; its reply has not been imported


@dataclass(frozen=True)
class Imported:
    """What importing a reply did, and the words for it (Chinese, from core)."""

    result: ImportResult
    text: str


# -- reading ------------------------------------------------------------------------------------


def read_interval(store: Store) -> int:
    return interval_minutes(store.setting(INTERVAL_MINUTES))


def load_state(store: Store, include_resolved: bool = False) -> SyncState:
    from core.sync.status import sync_status

    return SyncState(
        status=sync_status(store),
        interval=read_interval(store),
        conflicts=_conflicts().list_conflicts(store, include_resolved=include_resolved),
        rejections=_rejections().list_rejections(store),
        enroll_pending=isinstance(store.setting(ENROLL_REQUEST), dict),
    )


def load_status(store: Store) -> SyncStatus:
    from core.sync.status import sync_status

    return sync_status(store)


# -- writing ------------------------------------------------------------------------------------


def save_server_url(store: Store, text: str) -> str:
    """Check and save the server address (``SyncError`` with a Chinese message when it is not one)."""
    return set_server_url(store, text)


def save_interval(store: Store, minutes: int) -> None:
    """0 turns automatic sync off."""
    set_interval_minutes(store, min(max(int(minutes), 0), MAX_INTERVAL))


def resolve(store: Store, conflict_id: str, keep: bool, resolved_by: str) -> None:
    _conflicts().resolve_conflict(store, conflict_id, keep=keep, resolved_by=resolved_by)


def retry(store: Store, table: str, record_id: str) -> None:
    _rejections().retry_rejection(store, table, record_id)


def discard(store: Store, table: str, record_id: str) -> None:
    _rejections().discard_rejection(store, table, record_id)


# -- text ---------------------------------------------------------------------------------------


def is_online(status: SyncStatus, known: bool | None) -> bool | None:
    """Whether the server answered: ``known`` is what this session found (the last sync or a probe);
    without it, the outcome of the last attempt as stored (None when there was none)."""
    if not status.enrolled and known is None:
        return None
    if known is not None:
        return known
    if not status.last_attempt_at:
        return None
    return not status.last_error


def parse_stamp(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_time(stamp: str | None) -> str:
    """``2026-11-22T01:30:00.000Z`` → ``2026-11-22 09:30`` in the computer's time zone ("" for none)."""
    moment = parse_stamp(stamp)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def short_local_time(stamp: str | None, now: datetime | None = None) -> str:
    """Only the clock time for today (``09:30``), with the day otherwise (``11-21 09:30``)."""
    moment = parse_stamp(stamp)
    if moment is None:
        return ""
    local = moment.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M")
    return local.strftime("%m-%d %H:%M" if local.year == today.year else "%Y-%m-%d %H:%M")


# -- the network (its modules, with requests, load on first use, not when the window opens) --------

PROBE_TIMEOUT = (3.0, 5.0)  # seconds to connect, to read


def enroll_device(task: TaskContext, url: str, code: str, device_name: str) -> EnrollResult:
    from core.sync.enroll import enroll

    return enroll(task.store, url, code, device_name, cancel=task.cancel)


def run_sync(task: TaskContext) -> SyncResult:
    from core.sync.run import sync

    return sync(task.store, progress=task.progress, cancel=task.cancel)


# -- sync by file (同步包): a USB stick instead of the network -----------------------------------------


def export_package(task: TaskContext, out: str) -> ExportResult:
    """This PC's pending changes into the sync package ``out`` (nothing written when cancelled)."""
    from core.sync.package_export import export_package as export

    return export(task.store, out, progress=task.progress, cancel=task.cancel)


def export_enroll_package(task: TaskContext, out: str, code: str, device_name: str) -> ExportResult:
    from core.sync.package_export import export_enroll_package as export

    return export(task.store, out, code, device_name)


def import_package(task: TaskContext, source: str) -> Imported:
    """The district's reply (to a sync or an enrolment package); nothing written when refused."""
    from core.sync.package_import import describe
    from core.sync.package_import import import_package as apply_reply

    result = apply_reply(task.store, source, progress=task.progress, cancel=task.cancel)
    return Imported(result, describe(result))


def probe(url: str) -> bool:
    """Whether the district server answers at ``url`` (one quick ``GET /api/v1/info``, no retries)."""
    from core.sync.errors import SyncError
    from core.sync.transport import HttpTransport

    transport = HttpTransport(url, max_attempts=1, timeout=PROBE_TIMEOUT)
    try:
        transport.info()
    except SyncError:
        return False
    finally:
        transport.close()
    return True


def _conflicts() -> Any:
    from core.sync import conflicts

    return conflicts


def _rejections() -> Any:
    from core.sync import rejections

    return rejections
