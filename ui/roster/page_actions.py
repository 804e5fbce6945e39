"""What the roster page does with its members beyond editing them: status changes, party groups,
import, export and print. The dialogs, printing and export are imported when first used: opening the
page does not need them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from ui.tasks import TaskContext

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.roster.model import RosterFilterModel
    from ui.roster.status_dialog import StatusDialog

EXPORT_DIR_PREF = "roster/export_dir"


class RosterActions:
    """Part of ``RosterPage`` (a mixin): what its buttons for whole sets of members do."""

    ctx: AppContext
    proxy: RosterFilterModel
    status_button: QPushButton
    branch_name: str

    if TYPE_CHECKING:  # what the page provides

        def selected_members(self) -> list[dict[str, Any]]: ...
        def show_notice(self, text: str, undo: bool = False) -> None: ...

    def _fill_status_menu(self) -> None:
        menu = self.status_button.menu()
        if menu.isEmpty():
            from ui.roster.status_dialog import add_status_actions

            add_status_actions(menu, self.change_status)

    def status_dialog(self, action: str | None = None) -> StatusDialog:
        from ui.roster.status_dialog import StatusDialog

        return StatusDialog(self.ctx, self.selected_members(), action, self)

    def change_status(self, action: str) -> None:
        if self.selected_members():
            self.status_dialog(action).exec()

    def edit_groups(self) -> None:
        from ui.roster.groups_dialog import GroupsDialog

        GroupsDialog(self.ctx, self).exec()

    def import_members(self) -> None:
        from ui.roster.import_wizard import ImportWizard

        ImportWizard(self.ctx, self).exec()
        self.ctx.roster_changed.emit()

    # --- export and print ----------------------------------------------------------------------

    def export_members(self) -> None:
        from ui.roster.printing import choose_export_file

        members = self.proxy.visible_members()
        folder = Path(str(self.ctx.pref(EXPORT_DIR_PREF, str(Path.home()))))
        chosen = choose_export_file(self, len(members), folder)
        if chosen is not None:
            path, show_id_numbers = chosen
            self.ctx.set_pref(EXPORT_DIR_PREF, str(path.parent))
            self.export_to(path, show_id_numbers, members)

    def export_to(self, path: Path, show_id_numbers: bool, members: list[dict[str, Any]] | None = None) -> None:
        from core.roster.export import export_roster
        from ui.roster.printing import roster_title

        chosen = members if members is not None else self.proxy.visible_members()
        title = roster_title(self.branch_name)

        def work(task: TaskContext) -> int:
            return export_roster(task.store, path, show_id_numbers=show_id_numbers, members=chosen, title=title)

        def done(count: int) -> None:
            self.show_notice(QCoreApplication.translate("RosterPage", "Exported {0} members to {1}").format(count, str(path)))

        self.ctx.runner.run(work, done, parent=self, title=QCoreApplication.translate("RosterPage", "Exporting…"))

    def print_members(self) -> None:
        from ui.roster.printing import preview_roster, roster_title

        preview_roster(self, self.proxy.visible_members(), roster_title(self.branch_name)).exec()

