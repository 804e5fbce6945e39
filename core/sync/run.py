"""One sync with the district server: info → push → pull (DESIGN §4 "Order of a sync")."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from core.store import Store
from core.sync import config
from core.sync.errors import NotEnrolled, SyncError
from core.sync.info import fetch_info
from core.sync.pull import PAGE_SIZE, pull
from core.sync.push import BATCH_SIZE, push
from core.sync.transport import SyncTransport, open_transport

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class SyncResult:
    pushed: int  # local rows the server accepted (as sent, or merged)
    pulled: int  # rows written locally from the server
    conflicts: int  # conflicts this computer learned of in this sync (open conflict rows received)
    rejected: int  # rows the server refused in this sync (see list_rejections)
    clock_offset_ms: int  # server time − this computer's time
    clock_warning: str | None  # Chinese warning when the clock is more than 5 minutes off
    update_notice: str | None = None  # Chinese notice: the server speaks a newer protocol than this version


def sync(
    store: Store,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    transport: SyncTransport | None = None,
    page_size: int = PAGE_SIZE,
    batch_size: int = BATCH_SIZE,
) -> SyncResult:
    """Push every pending row, then pull until there is nothing more.

    Raises ``NotEnrolled``, ``ServerUnreachable``, ``ServerRefused``, ``SyncCancelled`` (all
    ``SyncError``, each with a Chinese message). Whatever happens the database stays consistent:
    batches and pages already done are kept; the next sync carries on from there.
    """
    if store.conn.in_transaction:
        raise RuntimeError("sync() must not run inside a transaction")
    settings = config.read_settings(store)
    if settings.token and not settings.server_url:
        raise NotEnrolled("这台电脑是用同步包加入支部的，还没有填写区里服务器的地址。能上网时，请填写区里提供的"
                          "服务器地址后再同步；没有网络时，请继续用同步包（U盘）同步。")
    if not settings.enrolled:
        raise NotEnrolled("这台电脑还没有登记到区里的服务器。请先填写服务器地址和区里给的登记码，完成登记后再同步。")
    assert settings.server_url is not None
    store.set_setting(config.LAST_ATTEMPT_AT, store.now())
    try:
        if progress:
            progress(0, 0, "正在连接区里的服务器…")
        with open_transport(settings.server_url, settings.token, transport, cancel) as link:
            info = fetch_info(link)
            with store.transaction():  # one commit for what the server said about itself
                store.set_setting(config.CLOCK_OFFSET_MS, info.clock_offset_ms)
                store.set_setting(config.PUBLIC_URL, info.public_url)
                store.set_setting(config.SERVER_PROTOCOL, info.protocol)
            pushed = push(store, link, progress=progress, cancel=cancel, batch_size=batch_size)
            pulled = pull(store, link, progress=progress, cancel=cancel, page_size=page_size)
    except SyncError as exc:
        _finish(store, error=exc.message)
        raise
    except BaseException:
        _finish(store, error="同步意外中断，请再同步一次；数据已保存在本机。")
        raise
    _finish(store, error=None)
    return SyncResult(
        pushed=pushed.pushed,
        pulled=pulled.pulled,
        conflicts=pulled.new_conflicts,
        rejected=pushed.rejected,
        clock_offset_ms=info.clock_offset_ms,
        clock_warning=info.clock_warning,
        update_notice=info.update_notice,
    )


def _finish(store: Store, *, error: str | None) -> None:
    if store.conn.in_transaction:  # never expected: every step commits or rolls back its own
        return
    with store.transaction():
        store.set_setting(config.LAST_ERROR, error)
        if error is None:
            store.set_setting(config.LAST_SUCCESS_AT, store.now())
