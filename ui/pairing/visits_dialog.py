"""The visit log of one elder (or of everyone): a wrong visit is voided with a reason, never edited;
voided ones can be shown, greyed, with their reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.pairing.visits import list_visits, void_visit
from ui.context import AppContext
from ui.forms import VoidingDialog
from ui.pairing.common import RowsModel, button, size_columns
from ui.tables import record_table
from ui.tasks import Loader

VOID_REASON = 8


class VoidVisitDialog(VoidingDialog):
    """Why the visit is voided (required)."""

    def __init__(self, visit: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Void visit"),
                         self.tr("Void the visit of {0} to {1} on {2}? A micro-lesson recorded with it is voided "
                                 "too; skill levels stay as they are (change them on the Progress tab).")
                         .format(visit["helper_name"], visit["elder_name"], visit["visit_date"]), parent, width=520)


class VisitsDialog(QDialog):
    def __init__(self, ctx: AppContext, elder_id: str | None, elder_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.elder_id = elder_id
        self.loader = Loader(ctx.runner, self, self._load)
        self.setWindowTitle(self.tr("Visits of {0}").format(elder_name) if elder_id else self.tr("All visits"))
        self.resize(1080, 560)
        layout = QVBoxLayout(self)
        self.model = RowsModel([
            (self.tr("Date"), lambda v: v["visit_date"]),
            (self.tr("Helper"), lambda v: v["helper_name"]),
            (self.tr("Elder"), lambda v: v["elder_name"]),
            (self.tr("Minutes"), lambda v: v["minutes"]),
            (self.tr("Skills practised"), lambda v: "、".join(v["skill_names"])),
            (self.tr("Lesson watched"), lambda v: v["lesson_title"]),
            (self.tr("Entered by"), lambda v: v["entered_by"]),
            (self.tr("Note"), lambda v: v["note"]),
            (self.tr("Void reason"), lambda v: v["void_reason"]),
        ], self, tone=lambda v: "muted" if v["deleted"] else None, centred=(0, 3))
        self.table = record_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        size_columns(self.table, ("2026-11-22", "欧阳振华", "欧阳振华", "120", "扫一扫、关注公众号", "学习党的二十大精神",
                                  "欧阳振华", "备注备注"))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.show_voided = QCheckBox(self.tr("Show voided"))
        self.show_voided.toggled.connect(self._voided_toggled)
        row.addWidget(self.show_voided)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.void_button = button(row, self.tr("Void…"), self.void_selected,
                                  self.tr("A wrong visit cannot be changed: void it, then record it again"))
        button(row, self.tr("Close"), self.accept)
        layout.addLayout(row)
        self._voided_toggled(False)

    def _voided_toggled(self, show: bool) -> None:
        self.table.setColumnHidden(VOID_REASON, not show)
        self.loader.request()

    def _load(self) -> None:
        elder_id, voided = self.elder_id, self.show_voided.isChecked()
        self.loader.run(lambda task: list_visits(task.store, elder_id=elder_id, include_voided=voided), self._loaded,
                        self.tr("Loading…"))

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{0} visits").format(sum(1 for r in rows if not r["deleted"])))
        self._update_actions()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        visit = self.selected()
        self.void_button.setEnabled(bool(visit and not visit["deleted"]))

    def void_selected(self) -> None:
        visit = self.selected()
        if visit is None or visit["deleted"]:
            return
        dialog = VoidVisitDialog(visit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.void(visit, dialog.reason.text())

    def void(self, visit: dict[str, Any], reason: str) -> None:
        visit_id, had_lesson = visit["id"], bool(visit.get("study_record_id"))

        def done(_result: object) -> None:
            self.ctx.pairing_changed.emit()
            if had_lesson:
                self.ctx.study_changed.emit()
            self.loader.request()

        self.ctx.runner.run(lambda task: void_visit(task.store, visit_id, reason), done, parent=self,
                            title=self.tr("Saving…"), cancellable=False)
