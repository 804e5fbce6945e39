"""Qt tests run offscreen against a real database file, in Chinese unless a test says otherwise."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from core.roster.demo import load_demo  # noqa: E402
from core.store import Store  # noqa: E402
from tests.support import TODAY  # noqa: E402
from ui.app import make_application, prepare  # noqa: E402
from ui.context import AppContext  # noqa: E402


@pytest.fixture(scope="session")
def qapp_cls():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def ctx(tmp_path: Path, qapp) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """An empty branch database (created, migrated) with its own preferences file."""
    db = tmp_path / "branch.db"
    Store.open(db).close()
    context = AppContext(db, tmp_path / "ui.ini")
    prepare(make_application(), context, "zh_CN")
    yield context
    context.runner.wait()


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    """The demo branch with 120 members."""
    store = Store.open(ctx.db_path)
    load_demo(store, members=120, seed=3, today=TODAY)
    store.close()
    return ctx
