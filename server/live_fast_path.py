"""The scan of a code scanned a moment ago, answered before the framework sees it.

An ASGI middleware, outermost: a ``GET /q/{code}`` whose page is in the worker's memory
(``server.live_cache``) is counted and answered with the stored bytes at once; every other request
goes on to the app (which looks the code up, renders and remembers it). A page just past its time
still answers while one background lookup refreshes it. A poster in a busy hall is
scanned by many phones within seconds: each of those scans costs a dictionary lookup.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from core.qr.short_codes import PATH, normalize
from server.live_cache import CodeCache, Entry
from server.live_codes import UNKNOWN
from server.live_lookup import refresh_soon
from server.live_scans import ScanCounter, ScanKey, china_today


class LiveFastPath:
    def __init__(self, app: ASGIApp, state: Any) -> None:
        self.app = app
        self.state = state  # the app's state: live_codes (the cache), scans, and what a lookup needs
        self.cache: CodeCache = state.live_codes
        self.scans: ScanCounter = state.scans

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith(PATH):
            code = normalize(scope["path"][len(PATH):])  # the path is decoded already
            entry, fresh = self.cache.recent(code) if code else (None, False)
            if entry is not None:
                if not fresh:
                    refresh_soon(self.state, entry.resolved.code)
                resolved = entry.resolved
                if resolved.state != UNKNOWN:
                    self.scans.count(ScanKey(resolved.code, china_today(), resolved.lesson_id, resolved.branch_id,
                                             resolved.link_id))
                await _answer(send, entry)
                return
        await self.app(scope, receive, send)


async def _answer(send: Send, entry: Entry) -> Any:
    await send({"type": "http.response.start", "status": entry.page.status, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.page.body})
