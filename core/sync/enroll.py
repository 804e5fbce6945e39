"""Enrolling this database with the district server: check the server, redeem the one-time code,
and move every local row to the branch the code belongs to — all or nothing locally."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from core.store import Store
from core.sync import config
from core.sync.errors import EnrollRefused, ServerUnreachable, SyncError
from core.sync.info import fetch_info
from core.sync.rekey import rekey_branch
from core.sync.transport import SyncTransport, open_transport


@dataclass(frozen=True)
class EnrollResult:
    server_url: str
    branch_id: str
    branch_name: str
    device_id: str
    device_name: str
    district_name: str
    clock_offset_ms: int
    clock_warning: str | None


def enroll(
    store: Store,
    server_url: str,
    code: str,
    device_name: str | None = None,
    *,
    transport: SyncTransport | None = None,
    cancel: threading.Event | None = None,
) -> EnrollResult:
    """Enroll with a one-time code from the district admin. Raises ``SyncError`` (its subclasses
    ``ServerUnreachable``/``ServerRefused`` when the server cannot be reached or refuses the code)."""
    url = config.normalize_server_url(server_url)
    code = code.strip()
    if not code:
        raise SyncError("请填写区里给的登记码")
    name = (device_name or "").strip() or store.setting(config.DEVICE_NAME) or config.default_device_name()
    with open_transport(url, None, transport, cancel) as link:
        info = fetch_info(link)
        answer = link.enroll(code, name)
    try:
        branch_id = str(answer["branch_id"])
        token = str(answer["token"])
        branch_name = str(answer.get("branch_name") or "")
        device_id = str(answer.get("device_id") or "")
    except (KeyError, TypeError):
        raise ServerUnreachable("服务器的回答看不懂，它可能不是区里的同步服务器。请检查服务器地址是否填写正确。") from None
    if not branch_id or not token:
        raise ServerUnreachable("服务器没有给出登记结果，请稍后重试或联系区里的管理员。")
    current = config.read_settings(store)
    if current.token and store.branch_id != branch_id:
        raise EnrollRefused(
            f"这个数据库已经登记为“{current.branch_name or store.branch_id}”支部的数据，"
            f"不能再登记到“{branch_name or branch_id}”。刚才的登记码已用掉；如果确实要换支部，"
            "请新建一个数据库后再登记，并请区里重新生成登记码。"
        )
    with store.transaction():
        if store.branch_id != branch_id:
            rekey_branch(store, branch_id)
            store.set_setting(config.PULL_CURSOR, 0)
        store.set_setting(config.SERVER_URL, url)
        store.set_setting(config.TOKEN, token)
        store.set_setting(config.DEVICE_NAME, name)
        store.set_setting(config.DEVICE_ID, device_id)
        store.set_setting(config.BRANCH_NAME, branch_name)
        store.set_setting(config.CLOCK_OFFSET_MS, info.clock_offset_ms)
        store.set_setting(config.LAST_ERROR, None)
        store.set_setting(config.ENROLL_REQUEST, None)  # an enrolment package's reply is no longer wanted
    return EnrollResult(url, branch_id, branch_name, device_id, name, info.district_name,
                        info.clock_offset_ms, info.clock_warning)
