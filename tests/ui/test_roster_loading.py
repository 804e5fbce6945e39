"""A long roster opens on its first screenful and then holds every member: the count, the search and
the column sorts all cover the whole roster."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.roster.demo import load_demo
from core.roster.search import filter_members
from core.store import Store
from tests.support import TODAY
from ui.context import AppContext
from ui.roster.loading import FIRST_ROWS
from ui.roster.model import AGE, NAME
from ui.roster.page import RosterPage

MEMBERS = 400
WAIT_MS = 10_000


@pytest.fixture
def big_ctx(ctx: AppContext) -> AppContext:
    store = Store.open(ctx.db_path)
    load_demo(store, members=MEMBERS, seed=11, today=TODAY)
    store.close()
    return ctx


def all_members(db: Path) -> list[dict[str, object]]:
    store = Store.open(db)
    try:
        return filter_members(store)
    finally:
        store.close()


def opened(ctx: AppContext, qtbot, *, shown_first: bool) -> RosterPage:  # type: ignore[no-untyped-def]
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    if shown_first:
        page.show()
        page.reload()
    else:  # as the main window opens on the roster: loaded, then shown
        page.reload()
        page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=WAIT_MS)
    return page


def test_opening_on_the_page_shows_the_first_rows_at_once_and_counts_everyone(big_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = RosterPage(big_ctx)
    qtbot.addWidget(page)
    page.reload()  # not shown yet: the first screenful is read before the first paint
    assert page.model.rowCount() == FIRST_ROWS < MEMBERS
    assert not page.loaded
    page._update_count()
    assert page.count_label.text() == f"共 {MEMBERS} 人，显示 {MEMBERS} 人"
    expected = [m["name"] for m in all_members(big_ctx.db_path)]
    assert [page.proxy.index(row, NAME).data() for row in range(FIRST_ROWS)] == expected[:FIRST_ROWS]
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=WAIT_MS)
    assert page.model.rowCount() == page.proxy.rowCount() == MEMBERS
    assert [page.proxy.index(row, NAME).data() for row in range(MEMBERS)] == expected
    assert page.count_label.text() == f"共 {MEMBERS} 人，显示 {MEMBERS} 人"


@pytest.mark.parametrize("shown_first", [True, False])
def test_every_member_can_be_found_and_sorted(big_ctx: AppContext, qtbot, shown_first: bool) -> None:  # type: ignore[no-untyped-def]
    page = opened(big_ctx, qtbot, shown_first=shown_first)
    last = all_members(big_ctx.db_path)[-1]  # far beyond the first screenful
    page.search.setText(str(last["name"]))
    shown = [page.proxy.member_at(row)["id"] for row in range(page.proxy.rowCount())]
    assert last["id"] in shown
    page.search.clear()
    assert page.proxy.rowCount() == MEMBERS

    page.table.sortByColumn(AGE, Qt.SortOrder.DescendingOrder)
    ages = [page.model.age_of(page.proxy.member_at(row)) for row in range(page.proxy.rowCount())]
    known = [age for age in ages if age is not None]
    assert len(ages) == MEMBERS and len(known) > MEMBERS // 2
    assert known == sorted(known, reverse=True)  # oldest first, over the whole roster
    page.table.scrollToBottom()
    assert page.proxy.rowCount() == MEMBERS  # nothing left to fetch when scrolled to the end


def test_a_short_roster_is_read_once(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(ctx.db_path)
    load_demo(store, members=FIRST_ROWS - 10, seed=2, today=TODAY)
    store.close()
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    assert page.loaded and page.model.rowCount() == FIRST_ROWS - 10
