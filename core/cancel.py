"""Cooperative cancellation of long operations (imports, exports)."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled a long operation."""


def check(cancel: threading.Event | None) -> None:
    """Raise :class:`Cancelled` if ``cancel`` has been set."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()
