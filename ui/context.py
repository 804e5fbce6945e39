"""What every window and page shares: the database location, the task runner and the preferences."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.sync.auto_sync import SyncScheduler


class AppContext(QObject):
    """Created once by the app (or by a test) and handed to every page."""

    roster_changed = Signal()  # members or groups changed: pages showing them reload
    study_changed = Signal()  # lessons, study records or sessions changed
    pairing_changed = Signal()  # pairings, visits, skill levels, pairing rules or lists changed
    sync_changed = Signal()  # a sync ran, or sync settings, conflicts or rejected rows changed

    def __init__(self, db_path: Path, prefs_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.runner = TaskRunner(self.db_path, self)
        prefs_file = prefs_path or self.db_path.with_name(self.db_path.stem + "-ui.ini")
        self.prefs = QSettings(str(prefs_file), QSettings.Format.IniFormat)
        self._auto_sync: SyncScheduler | None = None

    @property
    def auto_sync(self) -> SyncScheduler:
        """The one sync scheduler of this context (made on first use): manual and automatic syncs
        both go through it, so two never run at once."""
        if self._auto_sync is None:
            from ui.sync.auto_sync import SyncScheduler

            self._auto_sync = SyncScheduler(self)
        return self._auto_sync

    def pref(self, key: str, default: Any = None) -> Any:
        return self.prefs.value(key, default)

    def set_pref(self, key: str, value: Any) -> None:
        self.prefs.setValue(key, value)
        self.prefs.sync()
