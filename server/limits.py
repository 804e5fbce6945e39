"""Request limits: the JSON body (size before and after gunzip), and how many syncs may run at once."""

from __future__ import annotations

import json
import math
import re
import zlib
from typing import Any

from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from server.config import MAX_BODY_BYTES, RETRY_AFTER_SECONDS
from server.errors import ApiError, bad_request

TOO_LARGE_MESSAGE = "上传的数据太大（超过 10 MB），请分批上传。"
SYNC_PATHS = ("/api/v1/sync/",)


def too_large() -> ApiError:
    return ApiError(413, "too_large", TOO_LARGE_MESSAGE)


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, gunzipped when sent with ``Content-Encoding: gzip``; 413 past ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large()
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding != "gzip":
        raise bad_request(f"不支持的压缩方式“{encoding}”，请用 gzip 或不压缩。")
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        plain = inflater.decompress(body, limit + 1)
        if len(plain) > limit or inflater.unconsumed_tail:
            raise too_large()
        plain += inflater.flush()
    except zlib.error as exc:
        raise bad_request("压缩的数据已损坏（gzip 解压失败），请重新同步。") from exc
    if len(plain) > limit:
        raise too_large()
    return plain


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e999
        raise ValueError(text)
    return number


def _not_json(constant: str) -> Any:
    raise ValueError(constant)  # NaN, Infinity and -Infinity, which Python's json would accept


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


async def json_body(request: Request) -> Any:
    """Dependency: the request body parsed as JSON (an object), as strict as the JSON standard."""
    body = await read_body(request)
    try:
        parsed = json.loads(body, parse_float=_finite, parse_constant=_not_json)
        if _SURROGATE_ESCAPE.search(body):  # text that cannot be stored or sent back as UTF-8
            json.dumps(parsed, ensure_ascii=False).encode("utf-8")
    except (ValueError, UnicodeError, RecursionError) as exc:  # RecursionError: nested too deep
        raise bad_request("请求内容不是有效的 JSON。") from exc
    if not isinstance(parsed, dict):
        raise bad_request("请求内容应是一个 JSON 对象。")
    return parsed


class SyncLimiter:
    """ASGI middleware: at most ``limit`` push/pull requests in flight; beyond that 429 ``busy`` at once.

    The counter lives on the event loop (one thread), so it needs no lock.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(SYNC_PATHS):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            await _busy(send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


async def _busy(send: Send) -> None:
    body = json.dumps(
        {"detail": {"code": "busy", "message": "同时同步的支部太多，服务器正忙，稍后会自动重试。"}},
        ensure_ascii=False,
    ).encode("utf-8")
    await send({
        "type": "http.response.start",
        "status": 429,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
        ],
    })
    await send({"type": "http.response.body", "body": body})
