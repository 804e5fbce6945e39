"""The home page, the settings page (text size, profile, backups, restore) and the first-start dialog,
driven like a user would, against a real database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from core.backup import BackupError, backup_now, list_backups
from core.profile import get_profile
from core.roster.members import add_member
from core.store import Store
from tests.support import TODAY, make_id
from ui import messages
from ui.app import open_or_create
from ui.context import AppContext
from ui.fonts import FONT_SIZES
from ui.pages import settings as settings_module
from ui.pages.home import HomePage
from ui.pages.settings import SettingsPage
from ui.welcome import WelcomeDialog

WAIT = 10_000


def current_members(db: Path) -> int:
    store = Store.open(db)
    try:
        return int(store.scalar(
            "SELECT count(*) FROM members WHERE deleted = 0 AND status IN ('active', 'mobile', 'lost')"
        ))
    finally:
        store.close()


def add_someone(db: Path, name: str = "新党员") -> None:
    store = Store.open(db)
    try:
        add_member(store, {"name": name, "birth_date": "1971-04-04", "gender": "男",
                           "id_number": make_id("1971-04-04", seq=77), "joined_date": "1995-07-01",
                           "confirmed_date": "1996-07-01"}, TODAY)
    finally:
        store.close()


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list]]:
    """Answer confirmations with yes and record every message instead of showing modal boxes."""
    seen: dict[str, list] = {"confirm": [], "inform": [], "error": []}

    def confirm(parent, title, text, ok_text):  # type: ignore[no-untyped-def]
        seen["confirm"].append(text)
        return seen.get("answer", [True])[-1]

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "show_error", lambda parent, error, trace="": seen["error"].append(error))
    monkeypatch.setattr(settings_module, "inform", lambda parent, title, text: seen["inform"].append(text))
    yield seen


@pytest.fixture
def settings_page(demo_ctx: AppContext, qtbot, dialogs) -> SettingsPage:  # type: ignore[no-untyped-def]
    page = SettingsPage(demo_ctx)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.branch_name.text() != "", timeout=WAIT)
    return page


# -- home --------------------------------------------------------------------------------------


def test_home_shows_the_counts_reminders_and_changes(demo_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = HomePage(demo_ctx)
    qtbot.addWidget(page)
    page.today = lambda: TODAY
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=WAIT)
    assert page.tiles["members"].number.text() == str(current_members(demo_ctx.db_path))
    overview = page.overview
    assert overview is not None
    assert int(page.tiles["full"].number.text()) + int(page.tiles["probationary"].number.text()) == int(
        page.tiles["members"].number.text()
    )
    store = Store.open(demo_ctx.db_path)
    profile = get_profile(store)
    store.close()
    assert profile is not None and page.heading.text() == profile.name
    assert page.probation_list.topLevelItemCount() == max(1, len(overview["probation_due"]))
    assert page.away_list.topLevelItemCount() == len(overview["away"]) > 0
    assert "演示" in page.changes_list.topLevelItem(0).text(1)
    assert page.changes_list.topLevelItem(0).text(0).startswith(str(TODAY.year)[:2])


def test_home_follows_changes_to_the_roster(demo_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = HomePage(demo_ctx)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=WAIT)
    before = int(page.tiles["members"].number.text())
    add_someone(demo_ctx.db_path)
    page.reload()
    qtbot.waitUntil(lambda: page.tiles["members"].number.text() == str(before + 1), timeout=WAIT)
    assert page.changes_list.topLevelItem(0).text(1) == "新增党员「新党员」"


def test_home_on_an_empty_branch(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.overview is not None, timeout=WAIT)
    assert page.tiles["members"].number.text() == "0"
    assert page.heading.text() == "本支部"
    assert page.changes_list.topLevelItemCount() == 1  # the "nothing yet" line


# -- settings: backups and restore ----------------------------------------------------------------


def test_back_up_now_writes_a_file_and_lists_it(settings_page: SettingsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings_page.backup_button.click()
    qtbot.waitUntil(lambda: settings_page.last_backup is not None, timeout=WAIT)
    written = settings_page.last_backup
    assert written is not None and written.is_file() and written.stat().st_size > 0
    assert [b.path for b in list_backups(settings_page.ctx.db_path)] == [written]
    assert settings_page.backup_list.topLevelItemCount() == 1
    assert settings_page.backup_list.topLevelItem(0).text(2) == written.name
    assert str(written) in settings_page.backup_status.text()
    assert settings_page.backup_button.isEnabled()


def test_restore_brings_back_the_earlier_state(settings_page: SettingsPage, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    db = settings_page.ctx.db_path
    before = current_members(db)
    store = Store.open(db)
    backup = backup_now(store.conn, db)
    store.close()
    add_someone(db)
    assert current_members(db) == before + 1

    settings_page.reload()
    qtbot.waitUntil(lambda: settings_page.backup_list.topLevelItemCount() == 1, timeout=WAIT)
    with qtbot.waitSignal(settings_page.ctx.roster_changed, timeout=WAIT):
        settings_page.restore_selected()
    assert current_members(db) == before
    made_at = list_backups(db)[-1].made_at.strftime("%Y-%m-%d %H:%M:%S")
    assert len(dialogs["confirm"]) == 1 and made_at in dialogs["confirm"][0] and backup.name in dialogs["confirm"][0]
    safety = settings_page.last_safety_copy
    assert safety is not None and safety.is_file() and safety != backup
    assert current_members(safety) == before + 1  # the data as it was is kept
    assert str(safety) in dialogs["inform"][0]
    qtbot.waitUntil(lambda: settings_page.backup_list.topLevelItemCount() == 2, timeout=WAIT)
    assert dialogs["error"] == []


def test_restore_not_confirmed_changes_nothing(settings_page: SettingsPage, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    db = settings_page.ctx.db_path
    store = Store.open(db)
    backup = backup_now(store.conn, db)
    store.close()
    add_someone(db)
    dialogs["answer"] = [False]
    settings_page.restore(backup)
    qtbot.waitUntil(lambda: len(dialogs["confirm"]) == 1, timeout=WAIT)
    settings_page.ctx.runner.wait()
    qtbot.wait(50)
    assert current_members(db) == current_members(backup) + 1
    assert len(list_backups(db)) == 1 and dialogs["inform"] == []


def test_restore_from_a_bad_file_is_refused_before_asking(settings_page: SettingsPage, qtbot, dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "not-a-backup.db"
    junk.write_bytes(b"this is not a database" * 100)
    settings_page.restore(junk)
    qtbot.waitUntil(lambda: bool(dialogs["error"]), timeout=WAIT)
    assert isinstance(dialogs["error"][0], BackupError)
    assert dialogs["confirm"] == []


def test_the_database_in_use_is_not_offered_as_a_backup(settings_page: SettingsPage, dialogs) -> None:  # type: ignore[no-untyped-def]
    settings_page.restore(settings_page.ctx.db_path)
    assert dialogs["confirm"] == [] and len(dialogs["inform"]) == 1


def test_automatic_backup_follows_the_preference(settings_page: SettingsPage) -> None:
    ctx = settings_page.ctx
    assert settings_page.auto_backup.isChecked()  # on by default
    settings_page.auto_backup.setChecked(False)
    open_or_create(ctx)
    assert list_backups(ctx.db_path) == []
    settings_page.auto_backup.setChecked(True)
    open_or_create(ctx)
    assert len(list_backups(ctx.db_path)) == 1


# -- settings: text size, language, profile --------------------------------------------------------


def test_text_size_applies_at_once(settings_page: SettingsPage, demo_ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = HomePage(demo_ctx)
    qtbot.addWidget(home)
    heading_before = home.heading.font().pointSizeF()
    combo = settings_page.font_size
    try:
        combo.setCurrentIndex(combo.findData("xlarge"))
        assert QApplication.font().pointSize() == FONT_SIZES["xlarge"]
        assert demo_ctx.pref("font_size") == "xlarge"
        # the pages' large type follows (the change reaches widgets through the event loop)
        qtbot.waitUntil(lambda: home.heading.font().pointSizeF() > heading_before, timeout=WAIT)
        qtbot.waitUntil(lambda: settings_page.heading.font().pointSizeF() == FONT_SIZES["xlarge"] * 1.6,
                        timeout=WAIT)
    finally:
        combo.setCurrentIndex(combo.findData("normal"))
    assert QApplication.font().pointSize() == FONT_SIZES["normal"]
    qtbot.waitUntil(lambda: home.heading.font().pointSizeF() == heading_before, timeout=WAIT)


def test_language_choice_is_saved_and_the_restart_is_explained(settings_page: SettingsPage) -> None:
    settings_page.show()
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    assert settings_page.ctx.pref("language") == "en"
    assert settings_page.language_note.isVisible() and "重新打开" in settings_page.language_note.text()
    settings_page.language.setCurrentIndex(settings_page.language.findData("zh_CN"))
    assert not settings_page.language_note.isVisible()


def test_branch_profile_is_saved(settings_page: SettingsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings_page.branch_name.setText("")
    settings_page.save_profile_button.click()
    assert settings_page.profile_status.text() == "请填写支部名称。"
    settings_page.branch_name.setText(" 李家坡村党支部 ")
    settings_page.county.setText("滑县")
    settings_page.save_profile_button.click()
    qtbot.waitUntil(lambda: settings_page.profile_status.text() == "已保存。", timeout=WAIT)
    store = Store.open(settings_page.ctx.db_path)
    profile = get_profile(store)
    store.close()
    assert profile is not None and (profile.name, profile.county) == ("李家坡村党支部", "滑县")


# -- the first start ------------------------------------------------------------------------------


def fresh_context(tmp_path: Path) -> AppContext:
    return AppContext(tmp_path / "new" / "branch.db", tmp_path / "new-ui.ini")


def test_welcome_creates_the_branch(tmp_path: Path, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    ctx = fresh_context(tmp_path)
    dialog = WelcomeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.create_button.click()
    assert "支部名称" in dialog.error.text() and not ctx.db_path.exists()
    dialog.branch_name.setText("河西村党支部")
    dialog.township.setText("柳林镇")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    store = Store.open(ctx.db_path)
    profile = get_profile(store)
    store.close()
    assert profile is not None and (profile.name, profile.township) == ("河西村党支部", "柳林镇")
    ctx.runner.wait()


def test_welcome_opens_a_demo_branch(tmp_path: Path, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    ctx = fresh_context(tmp_path)
    dialog = WelcomeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    assert current_members(ctx.db_path) > 0
    assert dialogs["error"] == []
    ctx.runner.wait()
