"""Importing a lesson list from the catalogue tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from core.lessons.catalogue import list_lessons
from core.store import Store
from core.tabular import write_xlsx
from ui import messages
from ui.context import AppContext
from ui.lessons.catalogue_tab import CatalogueTab


def test_import_shows_the_plan_then_adds_the_new_lessons(
    ctx: AppContext, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    sheet = tmp_path / "课程.xlsx"
    write_xlsx(sheet, "课程", ["标题", "时长", "视频链接"], [
        ["党章学习", 20, "https://dj.example.cn/1"],
        ["乡村振兴", 30, "not a link"],
        ["防范诈骗", 15, None],
    ])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(sheet), ""))
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, ok: asked.append(f"{text}|{ok}") or True)
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: told.append(text))
    tab = CatalogueTab(ctx)
    qtbot.addWidget(tab)
    tab.import_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert "第 3 行「视频链接」" in asked[0] and asked[0].endswith("|导入 2 节")
    assert told == ["已导入 2 节微党课。"]
    store = Store.open(ctx.db_path)
    assert sorted(row["title"] for row in list_lessons(store)) == ["党章学习", "防范诈骗"]
    store.close()
    tab.reload()  # the page reloads its tabs on study_changed; this tab stands alone here
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=5_000)
