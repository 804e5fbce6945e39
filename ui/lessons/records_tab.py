"""The study records tab (学习记录): who studied what, when and how; wrong records are voided, never edited."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import list_lessons
from core.lessons.study import list_records, void_record
from core.pinyin import name_keys
from ui.context import AppContext
from ui.forms import VoidingDialog, filter_edit
from ui.lessons.bulk_entry import BulkEntryDialog
from ui.lessons.record_model import VOID_REASON, RecordFilter, RecordModel
from ui.lessons.search_combo import SearchCombo
from ui.tables import record_table
from ui.tasks import Loader, TaskContext

RECORD_LIMIT = 2000  # newest records shown; filter by lesson to reach older ones


class VoidDialog(VoidingDialog):
    """Asks why records are voided; the reason is required."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Void study records"),
                         self.tr("Void {0} record(s)? They stay in the list as voided, with the reason.").format(count),
                         parent)


def load_records(task: TaskContext, lesson_id: str | None, include_voided: bool,
                 self_reported: bool = False) -> tuple[list[dict[str, Any]], bool]:
    """The newest records (one more than shown, to know whether there are more), with pinyin keys;
    ``self_reported``: only those members reported from the phone (扫码自报)."""
    rows = list_records(task.store, lesson_id=lesson_id, include_voided=include_voided,
                        self_reported=self_reported, limit=RECORD_LIMIT + 1)
    for row in rows:
        row["name_pinyin"], row["name_initials"] = name_keys(row["member_name"] or "")
    return rows[:RECORD_LIMIT], len(rows) > RECORD_LIMIT


class RecordsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RecordModel(self)
        self.proxy = RecordFilter(self)
        self.proxy.setSourceModel(self.model)
        self.limited = False
        self.loader = Loader(ctx.runner, self, self._load)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 6)
        layout.setSpacing(8)
        layout.addLayout(self._build_filters())
        layout.addWidget(self._build_table(), 1)
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("A wrong record cannot be changed: void it, then record it again."))
        self.hint.setStyleSheet("color: #555555;")
        bottom.addWidget(self.hint, 1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: bold;")
        bottom.addWidget(self.count_label)
        layout.addLayout(bottom)
        self._update_actions()

    # --- building ------------------------------------------------------------------------------

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.lesson_filter = SearchCombo(blank=self.tr("All lessons"))
        self.lesson_filter.setMinimumWidth(300)
        self.lesson_filter.setMinimumHeight(36)
        self.lesson_filter.currentIndexChanged.connect(lambda _i: self.reload())
        row.addWidget(self.lesson_filter, 2)
        placeholder = self.tr("Member: name, pinyin or initials")
        self.member_filter = filter_edit(placeholder, self._member_changed,
                                         min_width=self.fontMetrics().horizontalAdvance(placeholder) + 40)
        row.addWidget(self.member_filter, 1)
        self.only_self_reported = QCheckBox(self.tr("Only self-reported"))
        self.only_self_reported.setToolTip(
            self.tr("Only the records members made on the phone after scanning a live code"))
        self.only_self_reported.toggled.connect(lambda _on: self.reload())
        row.addWidget(self.only_self_reported)
        self.show_voided = QCheckBox(self.tr("Show voided"))
        self.show_voided.toggled.connect(self._voided_toggled)
        row.addWidget(self.show_voided)
        row.addSpacing(8)
        self.void_button = QPushButton(self.tr("Void…"))
        self.void_button.setMinimumHeight(36)
        self.void_button.setToolTip(self.tr("Void the selected records (a reason is required)"))
        self.void_button.clicked.connect(lambda: self.void_selected())
        row.addWidget(self.void_button)
        self.bulk_button = QPushButton(self.tr("Record study…"))
        self.bulk_button.setMinimumHeight(36)
        self.bulk_button.setStyleSheet("font-weight: bold;")
        self.bulk_button.clicked.connect(lambda: self.record_study())
        row.addWidget(self.bulk_button)
        return row

    def _build_table(self) -> QTableView:
        self.table = record_table(self.proxy, QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        for column, sample in enumerate(("2026-11-22", "欧阳振华", "学习贯彻党的二十届三中全会精神", "自学扫码 · 扫码自报",
                                         "时长", "欧阳振华", "录入人名", "备注备注备注")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        self.table.setColumnHidden(VOID_REASON, True)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                       self.proxy.rowsRemoved):
            signal.connect(self._update_count)
        return self.table

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        lesson_id = self.lesson_filter.value()
        include_voided = self.show_voided.isChecked()
        self_reported = self.only_self_reported.isChecked()
        keep = lesson_id

        def work(task: TaskContext) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
            rows, limited = load_records(task, lesson_id, include_voided, self_reported)
            return list_lessons(task.store, include_archived=True), rows, limited

        self.loader.run(work, lambda result: self._loaded(keep, *result), self.tr("Loading the study records…"))

    def _loaded(self, keep: str | None, lessons: list[dict[str, Any]], rows: list[dict[str, Any]],
                limited: bool) -> None:
        self.lesson_filter.blockSignals(True)
        self.lesson_filter.set_choices(((lesson["title"], lesson["id"], lesson.get("topic") or "")
                                        for lesson in lessons), keep=keep)
        self.lesson_filter.blockSignals(False)
        if keep and self.lesson_filter.value() != keep:
            self.reload()  # the lesson chosen has gone: show every lesson's records
            return
        self.limited = limited
        self.model.set_records(rows)
        self._update_actions()

    # --- filters -------------------------------------------------------------------------------

    def set_lesson(self, lesson_id: str | None) -> None:
        self.lesson_filter.set_value(lesson_id)

    def _member_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()

    def _voided_toggled(self, show: bool) -> None:
        self.table.setColumnHidden(VOID_REASON, not show)
        self.reload()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.only_self_reported.isChecked():
            text = self.tr("{0} self-reported records").format(total) if shown == total else \
                self.tr("{0} of {1} self-reported records").format(shown, total)
        else:
            text = self.tr("{0} records").format(total) if shown == total else \
                self.tr("{0} of {1} records").format(shown, total)
        if self.limited:
            text = self.tr("Newest {0} records only; choose a lesson to see older ones").format(RECORD_LIMIT)
        self.count_label.setText(text)

    def _update_actions(self) -> None:
        self.void_button.setEnabled(bool(self.selected_ids()))

    def selected_records(self) -> list[dict[str, Any]]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.record_at(row) for row in rows]

    def selected_ids(self) -> list[str]:
        return [r["id"] for r in self.selected_records() if not r.get("deleted")]

    # --- actions -------------------------------------------------------------------------------

    def void_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = VoidDialog(len(ids), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.void_records(ids, dialog.reason.text())

    def void_records(self, record_ids: list[str], reason: str) -> None:
        """Void the records in one go (all or none); core refuses a blank reason."""

        def work(task: TaskContext) -> None:
            with task.store.transaction():
                for record_id in record_ids:
                    void_record(task.store, record_id, reason)

        self.ctx.runner.run(work, lambda _result: self.ctx.study_changed.emit(), parent=self,
                            title=self.tr("Voiding…"), cancellable=False)

    def record_study(self) -> None:
        BulkEntryDialog(self.ctx, self.lesson_filter.value(), self).exec()

