"""Helpers of the page tests: reading the database behind a page, and waiting for its tasks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.store import Store
from ui.context import AppContext

WAIT_MS = 10_000


def stored(ctx: AppContext, call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``call(store, *args, **kwargs)`` on a connection of its own to the page's database."""
    store = Store.open(ctx.db_path)
    try:
        return call(store, *args, **kwargs)
    finally:
        store.close()


def idle(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until no task of the page runs any more."""
    qtbot.waitUntil(lambda: not ctx.runner.running, timeout=WAIT_MS)
