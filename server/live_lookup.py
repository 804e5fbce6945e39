"""Looking a live code up for a scan: from the worker's memory (``server.live_cache``) or, once per code
at a time, from the database. Phones scanning a code while it is being looked up wait for that one
lookup; a code whose remembered page has just grown old is answered from memory while one lookup
refreshes it in the background.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.concurrency import run_in_threadpool

from server.live_cache import CodeCache, Entry
from server.live_codes import resolve
from server.live_render import code_page


def look_up(state: Any, code: str) -> Entry:
    """The code now (from the database) with its page, remembered for the next scans."""
    district = state.district_name
    with state.db.read() as conn:
        resolved = resolve(conn, code, district)
    cache: CodeCache = state.live_codes
    return cache.put(code, resolved, code_page(district, resolved))


def _lookup(state: Any, code: str) -> asyncio.Future[Entry]:
    pending: dict[str, asyncio.Future[Entry]] = state.live_lookups
    lookup = pending.get(code)
    if lookup is None:
        lookup = pending[code] = asyncio.ensure_future(run_in_threadpool(look_up, state, code))
        lookup.add_done_callback(lambda done: (pending.pop(code, None), done.cancelled() or done.exception()))
    return lookup


async def entry_for(state: Any, code: str) -> Entry:
    """The code's entry, fresh from memory or from the (one) lookup under way."""
    cached = state.live_codes.get(code)
    if cached is not None:
        return cached
    return await asyncio.shield(_lookup(state, code))


def refresh_soon(state: Any, code: str) -> None:
    """Look the code up again in the background (the remembered page is answered meanwhile)."""
    _lookup(state, code)
