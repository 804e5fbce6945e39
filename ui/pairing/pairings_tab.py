"""The 结对 tab: who helps whom, since when, and when the elder was last visited. Elders not visited
for 30 days stand out in red; ended pairings can be shown too (grey, with their end date and reason)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.pairing.fields import STALE_DAYS
from core.pairing.pairings import end_pairing, list_pairings
from core.store import Store
from core.text import date_of
from ui.context import AppContext
from ui.notice import PdfSaver, notice_label, show_notice
from ui.pairing.common import PDF_DIR_PREF, RowsModel, button, size_columns
from ui.pairing.pairing_dialog import EndPairingDialog, NewPairingDialog
from ui.pairing.visit_dialog import VisitDialog
from ui.pairing.visits_dialog import VisitsDialog
from ui.tables import record_table
from ui.tasks import Loader

HELPER, ELDER, GROUP, VILLAGE, START, LAST_VISIT, DAYS, VISITS, END, REASON = range(10)


def load_pairings(store: Store, include_ended: bool, today: date) -> list[dict[str, Any]]:
    """The pairings with the days since the last visit (or the start) and whether that is too long."""
    rows = list_pairings(store, include_ended=include_ended)
    for row in rows:
        row["days"] = None
        if row["active"]:
            row["days"] = (today - date_of(max(row["last_visit"] or "", row["start_date"]))).days
        row["stale"] = row["days"] is not None and row["days"] > STALE_DAYS
    return rows


class PairingsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded = False
        self._select_id: str | None = None
        self.loader = Loader(ctx.runner, self, self._load)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        row = QHBoxLayout()
        self.new_button = button(row, self.tr("New pairing…"), self.new_pairing, self.tr("Ctrl+N"), bold=True)
        self.visit_button = button(row, self.tr("Record visit…"), self.record_visit,
                                   self.tr("Record a home visit to the selected elder (Enter or double-click)"))
        self.visits_button = button(row, self.tr("Visits…"), self.show_visits,
                                    self.tr("The visits to the selected elder (or to everyone); void a wrong one"))
        self.end_button = button(row, self.tr("End pairing…"), self.end_selected,
                                 self.tr("End the selected pairing; it stays in the history"))
        row.addSpacing(12)
        self.print_button = button(row, self.tr("Print pairing list…"), self.print_list,
                                   self.tr("A PDF of every current pairing with phone numbers, to post or hand out"))
        row.addStretch(1)
        self.show_ended = QCheckBox(self.tr("Include ended pairings"))
        self.show_ended.toggled.connect(self._ended_toggled)
        row.addWidget(self.show_ended)
        layout.addLayout(row)
        self.notice = notice_label()
        layout.addWidget(self.notice)
        self.pdf = PdfSaver(ctx, self, self.notice, PDF_DIR_PREF)

        self.model = RowsModel(self._columns(), self, tone=self._tone, tip=self._tip,
                               centred=(START, LAST_VISIT, DAYS, VISITS, END))
        self.table = record_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        size_columns(self.table, ("欧阳振华", "欧阳振华", "第二党小组（帮扶人在一组）", "东村东村", "2026-11-22",
                                  "2026-11-22", "120 天", "12", "2026-11-22"))
        self.table.activated.connect(lambda _index: self.record_visit())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.stale_label = QLabel()
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet("color: #b00020; font-weight: bold;")
        bottom.addWidget(self.stale_label, 1)
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        layout.addLayout(bottom)
        self.empty_label = QLabel(self.tr("No pairings yet. Use \"Suggestions\" to pair all elders at once, or "
                                          "\"New pairing\" to pair one helper with one elder."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #555; padding: 12px;")
        layout.addWidget(self.empty_label)

        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_pairing,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._ended_toggled(False)
        self._update_actions()

    def _columns(self) -> list[tuple[str, Any]]:
        def group(row: dict[str, Any]) -> str:
            mine, theirs = row["elder_group"] or "", row["helper_group"] or ""
            return mine if mine == theirs else self.tr("{0} (helper in {1})").format(mine, theirs or "—")

        def days(row: dict[str, Any]) -> str:
            return "" if row["days"] is None else self.tr("{0} days").format(row["days"])

        return [
            (self.tr("Helper"), lambda r: r["helper_name"]),
            (self.tr("Elder"), lambda r: r["elder_name"]),
            (self.tr("Party group"), group),
            (self.tr("Village"), lambda r: r["elder_village"]),
            (self.tr("Since"), lambda r: r["start_date"]),
            (self.tr("Last visit"), lambda r: r["last_visit"] or (self.tr("none yet") if r["active"] else "")),
            (self.tr("Without a visit"), days),
            (self.tr("Visits"), lambda r: r["visits"]),
            (self.tr("Ended"), lambda r: r["end_date"]),
            (self.tr("Reason for ending"), lambda r: r["end_reason"]),
        ]

    def _tone(self, row: dict[str, Any]) -> str | None:
        if not row["active"]:
            return "muted"
        return "alert" if row["stale"] else None

    def _tip(self, row: dict[str, Any]) -> str:
        if not row["active"]:
            return self.tr("Ended {0}: {1}").format(row["end_date"], row["end_reason"] or "")
        phones = self.tr("Phones: {0} {1}, {2} {3}").format(row["helper_name"], row["helper_phone"] or "—",
                                                            row["elder_name"], row["elder_phone"] or "—")
        if row["stale"]:
            return self.tr("Not visited for {0} days (more than {1}): remind the helper.").format(
                row["days"], STALE_DAYS) + "\n" + phones
        return phones

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        include_ended = self.show_ended.isChecked()
        today = date.today()
        self.loader.run(lambda task: load_pairings(task.store, include_ended, today), self._loaded,
                        self.tr("Loading the pairings…"))

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        selected = self._select_id or (self.selected_pairing() or {}).get("id")
        self._select_id = None
        self.model.set_rows(rows)
        self.loaded = True
        if selected:
            self.select(selected)
        active = [r for r in rows if r["active"]]
        stale = sum(1 for r in active if r["stale"])
        self.count_label.setText(self.tr("{0} current pairings").format(len(active)))
        self.stale_label.setText(
            self.tr("Red: {0} elder(s) not visited for more than {1} days. Please remind their helpers.")
            .format(stale, STALE_DAYS) if stale else "")
        self.empty_label.setVisible(not rows)
        self._update_actions()

    def _ended_toggled(self, show: bool) -> None:
        for column in (END, REASON):
            self.table.setColumnHidden(column, not show)
        self.reload()

    # --- selection -----------------------------------------------------------------------------

    def select(self, pairing_id: str) -> None:
        for position, row in enumerate(self.model.rows):
            if row["id"] == pairing_id:
                self.table.selectRow(position)
                return

    def selected_pairing(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        pairing = self.selected_pairing()
        self.end_button.setEnabled(bool(pairing and pairing["active"]))

    # --- actions -------------------------------------------------------------------------------

    def new_pairing_dialog(self) -> NewPairingDialog:
        dialog = NewPairingDialog(self.ctx, self)
        dialog.saved.connect(self._remember)
        return dialog

    def new_pairing(self) -> None:
        self.new_pairing_dialog().exec()

    def _remember(self, pairing_id: str) -> None:
        self._select_id = pairing_id

    def visit_dialog(self, elder_id: str | None = None) -> VisitDialog:
        if elder_id is None:
            elder_id = (self.selected_pairing() or {}).get("elder_id")
        return VisitDialog(self.ctx, elder_id, self)

    def record_visit(self) -> None:
        self.visit_dialog().exec()

    def show_visits(self) -> None:
        pairing = self.selected_pairing()
        elder_id, name = (pairing["elder_id"], pairing["elder_name"]) if pairing else (None, "")
        VisitsDialog(self.ctx, elder_id, name, self).exec()

    def end_selected(self) -> None:
        pairing = self.selected_pairing()
        if pairing is None or not pairing["active"]:
            return
        dialog = EndPairingDialog(pairing, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.end_pairing(pairing["id"], dialog.end_date(), dialog.reason_text())

    def end_pairing(self, pairing_id: str, end_date: str, reason: str) -> None:
        today = date.today()

        def done(_result: object) -> None:
            show_notice(self.notice, self.tr("The pairing has ended. Tick \"Include ended pairings\" to see it."))
            self.ctx.pairing_changed.emit()

        self.ctx.runner.run(lambda task: end_pairing(task.store, pairing_id, end_date, reason, today), done,
                            parent=self, title=self.tr("Saving…"), cancellable=False)

    def print_list(self) -> None:
        today = date.today()

        def write(store: Store, out: Path) -> int:
            from core.pairing.pairing_list import write_pairing_list

            return write_pairing_list(store, out, today)

        self.pdf.save(self.tr("Print pairing list"), self.tr("pairing-list-{0}.pdf").format(today.isoformat()), write)
