"""What each worker process remembers of recently scanned codes: the resolved code and its rendered
page, for ``SECONDS``. A poster in a busy hall is scanned many times a minute; the page is the same for
every phone, so a scan within that time costs no database read and no rendering. A change to the code
or its lesson (retired, pointed elsewhere, a new video link) shows within ``SECONDS``.

Bounded: at most ``MAX_ENTRIES`` codes (unknown ones included, so random codes cannot grow it);
when full, it starts over.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from server.live_codes import Resolved

SECONDS = 2.0
MAX_ENTRIES = 5000


@dataclass(frozen=True)
class Answer:
    """A finished answer: status, HTML body (or none for a redirect) and extra headers."""

    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Entry:
    resolved: Resolved
    page: Answer
    expires: float


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

    def put(self, code: str, resolved: Resolved, page: Answer) -> Entry:
        entry = Entry(resolved, page, time.monotonic() + self._seconds)
        with self._lock:
            if len(self._entries) >= self._max:
                self._entries.clear()
            self._entries[code] = entry
        return entry

    def forget(self, code: str) -> None:
        with self._lock:
            self._entries.pop(code, None)
