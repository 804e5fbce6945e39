"""What each worker process remembers of recently scanned codes: the resolved code and its rendered
page, for ``SECONDS``. A poster in a busy hall is scanned many times a minute; the page is the same for
every phone, so a scan within that time costs no database read and no rendering. A change to the code
or its lesson (retired, pointed elsewhere, a new video link) shows within ``SECONDS``: a later scan
may still get the old page while that one scan has the code looked up again (``server.live_lookup``).

Bounded: at most ``MAX_ENTRIES`` codes (unknown ones included, so random codes cannot grow it);
when full, it starts over.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from server.live_codes import Resolved

SECONDS = 2.0
STALE_SECONDS = 30.0  # how long past SECONDS a page may still answer while it is looked up again
MAX_ENTRIES = 5000


@dataclass(frozen=True)
class Answer:
    """A finished answer: status, HTML body (or none for a redirect) and extra headers."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def raw_headers(answer: Answer) -> list[tuple[bytes, bytes]]:
    """The answer's headers as ASGI sends them (the page headers every /q/ answer carries)."""
    headers = {**HEADERS, **dict(answer.headers), "Content-Length": str(len(answer.body))}
    if answer.body:
        headers["Content-Type"] = "text/html; charset=utf-8"
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]


@dataclass(frozen=True)
class Entry:
    resolved: Resolved
    page: Answer
    expires: float
    headers: list[tuple[bytes, bytes]]


class CodeCache:
    def __init__(self, seconds: float = SECONDS, max_entries: int = MAX_ENTRIES) -> None:
        self._seconds = seconds
        self._max = max_entries
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()

    def get(self, code: str) -> Entry | None:
        entry = self._entries.get(code)
        if entry is None or entry.expires < time.monotonic():
            return None
        return entry

    def recent(self, code: str) -> tuple[Entry | None, bool]:
        """The entry while it may still answer (up to ``STALE_SECONDS`` past its time), and whether it
        is still fresh."""
        entry = self._entries.get(code)
        if entry is None:
            return None, False
        now = time.monotonic()
        if entry.expires >= now:
            return entry, True
        return (entry, False) if entry.expires + STALE_SECONDS >= now else (None, False)

    def put(self, code: str, resolved: Resolved, page: Answer) -> Entry:
        entry = Entry(resolved, page, time.monotonic() + self._seconds, raw_headers(page))
        with self._lock:
            if len(self._entries) >= self._max:
                self._entries.clear()
            self._entries[code] = entry
        return entry

    def forget(self, code: str) -> None:
        with self._lock:
            self._entries.pop(code, None)
