"""``GET /api/v1/info``: is this the district server, does it speak our protocol, and how far off is
this computer's clock."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from core.sync.config import CLOCK_WARNING_MS, normalize_server_url
from core.sync.errors import ServerRefused, ServerUnreachable, SyncError
from core.sync.transport import PROTOCOL, SyncTransport


@dataclass(frozen=True)
class ServerInfo:
    server_time: str
    district_name: str
    protocol: int
    clock_offset_ms: int  # server time − this computer's time
    public_url: str | None = None  # the address phones open for 活码, when the district set one

    @property
    def clock_warning(self) -> str | None:
        return clock_warning(self.clock_offset_ms)

    @property
    def update_notice(self) -> str | None:
        return update_notice(self.protocol)


def clock_warning(offset_ms: int) -> str | None:
    """A Chinese warning when this computer's clock is more than 5 minutes off the server's."""
    if abs(offset_ms) <= CLOCK_WARNING_MS:
        return None
    minutes = round(abs(offset_ms) / 60_000)
    amount = f"约 {minutes} 分钟" if minutes < 120 else f"约 {minutes / 60:.0f} 小时"
    side = "慢" if offset_ms > 0 else "快"
    return (f"这台电脑的时钟比服务器{side}{amount}。请在 Windows 设置中校正日期和时间；"
            "在此之前，修改时间按服务器的时间记录。")


def update_notice(server_protocol: int) -> str | None:
    """A Chinese notice when the server speaks a newer protocol than this version (it still syncs)."""
    if server_protocol <= PROTOCOL:
        return None
    return "区里的服务器已经升级，这个版本的支部工作台仍能同步，但请尽快安装最新版本，以免以后不能同步。"


def fetch_info(transport: SyncTransport) -> ServerInfo:
    before = time.time()
    answer = transport.info()
    after = time.time()
    try:
        server_time = str(answer["server_time"])
        server_ms = datetime.fromisoformat(server_time).timestamp() * 1000
        protocol = int(answer.get("protocol", 1))
        minimum = int(answer.get("min_client_protocol", 1))
    except (KeyError, TypeError, ValueError):
        raise ServerUnreachable("服务器的回答看不懂，它可能不是区里的同步服务器。请检查服务器地址是否填写正确。") from None
    if minimum > PROTOCOL:
        raise ServerRefused("区里的服务器已经升级，这个版本的支部工作台不能再同步。请安装最新版本后再同步。",
                            code="protocol")
    midpoint_ms = (before + after) / 2 * 1000
    public = answer.get("public_url")
    try:
        public_url = normalize_server_url(public) if isinstance(public, str) and public.strip() else None
    except SyncError:
        public_url = None
    return ServerInfo(server_time, str(answer.get("district_name") or ""), protocol,
                      round(server_ms - midpoint_ms), public_url)
