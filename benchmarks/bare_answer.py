"""The least any HTTP answer costs on this machine: an ASGI app that answers every request with a fixed
4 KB page, served by uvicorn like the district server. ``benchmarks.live_codes`` times the same burst
against it, so its figures can be read against the machine's floor."""

from __future__ import annotations

from typing import Any

PAGE = b"<!doctype html>" + b"x" * 4000


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(PAGE)).encode())]})
    await send({"type": "http.response.body", "body": PAGE})
