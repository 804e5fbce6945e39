"""Talking to the district server over HTTP (DESIGN §4 "Network").

Timeouts on connect and read, gzip request bodies, and retries with exponential backoff and jitter on
connection errors, timeouts, 429 (honouring ``Retry-After``) and 5xx — safe because every request is
idempotent (a push batch keeps its ``batch_id`` across retries). Failures become
:class:`ServerUnreachable` or :class:`ServerRefused` with a Chinese message that says what to do.
"""

from __future__ import annotations

import gzip
import json
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

import requests

from core.sync.errors import ServerRefused, ServerUnreachable, SyncCancelled

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
MAX_ATTEMPTS = 5
BACKOFF_BASE = 0.5  # seconds before the second attempt; doubles each time
BACKOFF_CAP = 30.0
RETRY_AFTER_CAP = 120.0
GZIP_ABOVE = 1024  # bytes
PROTOCOL = 2  # 2: a pushed record names the fields edited since its base (``changed``)
USER_AGENT = "ZhibuDesk-sync/2"
TOO_MANY_ATTEMPTS = "too_many_attempts"  # the server's 429 after too many wrong enrollment codes

Sleep = Callable[[float], None]
# The link broke: no connection, or the answer cut off or garbled on the way (the server may have
# done the work; asking again is safe).
BROKEN_LINK = (
    requests.ConnectionError,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)


class SyncTransport(Protocol):
    """What the sync needs from the server; tests may pass their own object."""

    def info(self) -> dict[str, Any]: ...

    def enroll(self, code: str, device_name: str) -> dict[str, Any]: ...

    def push(self, batch_id: str, records: list[dict[str, Any]]) -> dict[str, Any]: ...

    def pull(self, since: int, limit: int) -> dict[str, Any]: ...


class HttpTransport:
    """The real transport: one ``requests.Session`` per sync."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        cancel: threading.Event | None = None,
        sleep: Sleep | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.cancel = cancel
        self.sleep = sleep or self._default_sleep
        self.max_attempts = max(1, max_attempts)
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept-Encoding"] = "gzip"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    # -- the four calls ------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        return self._request("GET", "/api/v1/info")

    def enroll(self, code: str, device_name: str) -> dict[str, Any]:
        return self._request("POST", "/api/v1/enroll", {"code": code, "device_name": device_name})

    def push(self, batch_id: str, records: list[dict[str, Any]]) -> dict[str, Any]:
        return self._request("POST", "/api/v1/sync/push", {"batch_id": batch_id, "records": records})

    def pull(self, since: int, limit: int) -> dict[str, Any]:
        return self._request("GET", "/api/v1/sync/pull", params={"since": since, "limit": limit})

    # -- the machinery ---------------------------------------------------------------------------

    def _default_sleep(self, seconds: float) -> None:
        if self.cancel is not None:
            self.cancel.wait(seconds)
        else:
            time.sleep(seconds)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise SyncCancelled()

    def _request(
        self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        url = self.base_url + path
        headers: dict[str, str] = {}
        data: bytes | None = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if len(data) > GZIP_ABOVE:
                data = gzip.compress(data, compresslevel=5)
                headers["Content-Encoding"] = "gzip"
        failure: ServerUnreachable | None = None
        retry_after: float | None = None
        for attempt in range(self.max_attempts):
            self._check_cancel()
            if attempt:
                self.sleep(self._delay(attempt, retry_after))
                self._check_cancel()
            retry_after = None
            try:
                response = self.session.request(
                    method, url, data=data, params=params, headers=headers, timeout=self.timeout
                )
            except requests.Timeout:
                failure = ServerUnreachable(
                    f"连接区里的服务器（{self.base_url}）超时。请检查网络后再同步；数据已保存在本机，不会丢失。"
                )
                continue
            except BROKEN_LINK:
                failure = self._broken_link()
                continue
            except requests.RequestException as exc:
                raise ServerUnreachable(
                    f"无法连接服务器地址 {self.base_url}（{exc.__class__.__name__}）。请检查服务器地址是否填写正确。"
                ) from None
            retry = self._retryable(response)
            if retry is not None:
                failure, retry_after = retry
                continue
            return self._answer(response)
        assert failure is not None
        raise failure

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(max(retry_after, 0.0), RETRY_AFTER_CAP) + random.uniform(0, 0.5)
        ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def _broken_link(self) -> ServerUnreachable:
        return ServerUnreachable(
            f"连不上区里的服务器（{self.base_url}）。请检查网络连接和服务器地址，稍后再同步；"
            "数据已保存在本机，不会丢失。"
        )

    def _retryable(self, response: requests.Response) -> tuple[ServerUnreachable, float | None] | None:
        """A failure worth another attempt (busy or broken server) and the wait the server asked
        for, or None."""
        if _cut_short(response):
            return self._broken_link(), None
        status = response.status_code
        if status == 429 and _error_code(response) == TOO_MANY_ATTEMPTS:
            return None  # too many wrong codes: waiting minutes would not help; show the server's message
        if status == 429:
            busy = ServerUnreachable("区里的服务器正忙（同时同步的支部较多）。请过几分钟再同步；数据已保存在本机。")
            return busy, _retry_after(response)
        if status >= 500:
            broken = ServerUnreachable(
                f"区里的服务器暂时出了问题（HTTP {status}）。请稍后再同步；如果一直这样，请联系区里的管理员。"
            )
            return broken, None
        return None

    def _answer(self, response: requests.Response) -> dict[str, Any]:
        status = response.status_code
        try:
            payload = response.json()
        except ValueError:
            payload = None
        if 200 <= status < 300:
            if not isinstance(payload, dict):
                raise ServerUnreachable(
                    f"{self.base_url} 的回答看不懂，它可能不是区里的同步服务器。请检查服务器地址是否填写正确。"
                )
            return payload
        detail = payload.get("detail") if isinstance(payload, dict) else None
        code = str(detail.get("code", "")) if isinstance(detail, dict) else ""
        message = str(detail.get("message", "")) if isinstance(detail, dict) else ""
        if status == 404 and not code:
            raise ServerUnreachable(
                f"{self.base_url} 上没有找到同步服务。请检查服务器地址是否填写正确（应为区里提供的地址）。"
            )
        if status in (401, 403) and not message:
            message = "服务器不认识这台电脑的登记（可能已被区里注销）。请向区里要一个新的登记码，重新登记。"
        if not message:
            message = f"服务器拒绝了这次同步（HTTP {status}）。请联系区里的管理员。"
        raise ServerRefused(message, status=status, code=code)


def _error_code(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return ""
    return str(detail.get("code", "")) if isinstance(detail, dict) else ""


def _cut_short(response: requests.Response) -> bool:
    """An answer the connection broke off in the middle of its headers: a success with nothing after
    them, or one whose end cannot be checked (no length given, not chunked) that is not the JSON
    the server always sends."""
    if 200 <= response.status_code < 300 and not response.content:
        return True
    declared = "content-length" in response.headers
    if declared or "chunked" in response.headers.get("transfer-encoding", "").lower():
        return False
    try:
        response.json()
    except ValueError:
        return True
    return False


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


@contextmanager
def open_transport(
    base_url: str, token: str | None, given: SyncTransport | None, cancel: threading.Event | None
) -> Iterator[SyncTransport]:
    """``given`` as it is, or a new :class:`HttpTransport` that is closed afterwards."""
    if given is not None:
        yield given
        return
    http = HttpTransport(base_url, token, cancel=cancel)
    try:
        yield http
    finally:
        http.close()
