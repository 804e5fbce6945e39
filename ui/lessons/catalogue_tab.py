"""The catalogue tab (课程): the lessons, how many members studied each, how often their live codes were
scanned, and what is done to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import archive_lesson, is_district, list_lessons
from core.lessons.study import studied_counts, studying_members
from ui import messages
from ui.context import AppContext
from ui.forms import filter_edit
from ui.lessons.bulk_entry import BulkEntryDialog
from ui.lessons.lesson_dialog import LessonDialog
from ui.lessons.lesson_import import LessonImport
from ui.lessons.lesson_model import TITLE, LessonFilter, LessonModel
from ui.tables import record_table
from ui.tasks import Loader, TaskContext

Flag = QItemSelectionModel.SelectionFlag


def load_catalogue(task: TaskContext) -> tuple[list[dict[str, Any]], dict[str, int], int, dict[str, int]]:
    """Every lesson (archived too), how many studying members studied each, how many study, and how
    often each lesson's live codes were scanned (all time)."""
    from core.qr.live_links import scans_by_lesson

    lessons = list_lessons(task.store, include_archived=True)
    counts = studied_counts(task.store)
    studied = {lesson["id"]: counts.get(lesson["id"], 0) for lesson in lessons}
    return lessons, studied, len(studying_members(task.store)), scans_by_lesson(task.store)


class CatalogueTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = LessonModel(self)
        self.proxy = LessonFilter(self)
        self.proxy.setSourceModel(self.model)
        self.loaded = False
        self._select_id: str | None = None
        self.loader = Loader(ctx.runner, self, self._load)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 6)
        layout.setSpacing(8)
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_table(), 1)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        layout.addWidget(self.hint)
        self._update_actions()

        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add_lesson,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- building ------------------------------------------------------------------------------

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = filter_edit(self.tr("Search: title, speaker or topic (Ctrl+F)"), self._search_changed,
                                  min_width=240)
        self.search.returnPressed.connect(self.table_focus)
        row.addWidget(self.search, 1)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(self._archived_toggled)
        row.addWidget(self.show_archived)
        row.addSpacing(8)
        self.add_button = self._button(row, self.tr("Add"), self.add_lesson, self.tr("Ctrl+N"))
        self.edit_button = self._button(row, self.tr("Edit"), self.edit_selected, self.tr("Enter or double-click"))
        self.archive_button = self._button(row, self.tr("Archive"), self.toggle_archived)
        row.addSpacing(8)
        self.bulk_button = self._button(row, self.tr("Record study…"), self.record_study,
                                        self.tr("Record that members studied the selected lesson"))
        self.bulk_button.setStyleSheet("font-weight: bold;")
        self.importer = LessonImport(self.ctx, self)
        self.importer.imported.connect(self._imported)
        self.import_button = self._button(row, self.tr("Import…"), self.importer.start,
                                          self.tr("Add lessons from an Excel or CSV list"))
        self.actions_row = row
        return row

    def _button(self, row: QHBoxLayout, text: str, slot: Any, tip: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(36)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda: slot())
        row.addWidget(button)
        return button

    def _build_table(self) -> QTableView:
        self.table = record_table(self.proxy, QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until a column is clicked
        header.setSortIndicatorClearable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)  # the title takes the spare width
        self.table.setSortingEnabled(True)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)
        return self.table

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        self.loader.run(load_catalogue, lambda result: self._loaded(*result), self.tr("Loading the lessons…"))

    def _loaded(self, lessons: list[dict[str, Any]], studied: dict[str, int], members: int,
                scans: dict[str, int]) -> None:
        current = self.selected_lesson()
        keep = self._select_id or (current["id"] if current else None)
        self._select_id = None
        self.model.set_lessons(lessons, studied, members, scans)
        if not self.loaded:
            self.table.resizeColumnsToContents()
            self.loaded = True
        if keep:
            self.select(keep)
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_actions()

    def select(self, lesson_id: str) -> None:
        index = self.proxy.index_of(lesson_id)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(index, Flag.ClearAndSelect | Flag.Rows)
            self.table.scrollTo(index)

    def selected_lesson(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.lesson_at(rows[0].row()) if rows else None

    # --- search and state ----------------------------------------------------------------------

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_actions()

    def _archived_toggled(self, show: bool) -> None:
        self.proxy.set_show_archived(show)
        self._update_actions()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def table_focus(self) -> None:
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _update_actions(self) -> None:
        lesson = self.selected_lesson()
        district = bool(lesson and is_district(lesson))
        why = self.tr("Published by the district: the branch cannot change or archive it") if district else ""
        self.edit_button.setEnabled(lesson is not None and not district)
        self.edit_button.setToolTip(why or self.tr("Enter or double-click"))
        self.archive_button.setEnabled(lesson is not None and not district)
        self.archive_button.setText(self.tr("Restore") if lesson and lesson.get("archived") else self.tr("Archive"))
        self.archive_button.setToolTip(why or self.tr("Archived lessons leave the lists; their study records stay"))
        self.bulk_button.setEnabled(lesson is not None)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        parts = [self.tr("{0} lessons shown").format(shown) if shown != total
                 else self.tr("{0} lessons").format(total)]
        if total == 0:
            parts = [self.tr("No lessons yet: click Add (Ctrl+N) to add one.")]
        parts.append(self.tr("“Studied” counts the members who should study (active and mobile); "
                             "“Scans”: scans of the lesson's live codes."))
        if district:
            parts.append(self.tr("This lesson was published by the district: double-click to view it."))
        self.hint.setText("　".join(parts))

    # --- actions -------------------------------------------------------------------------------

    def lesson_dialog(self, lesson: dict[str, Any] | None = None) -> LessonDialog:
        dialog = LessonDialog(self.ctx, lesson, self)
        dialog.saved.connect(self._remember_selection)
        return dialog

    def _remember_selection(self, lesson_id: str) -> None:
        self._select_id = lesson_id

    def add_lesson(self) -> None:
        self.lesson_dialog().exec()

    def edit_selected(self) -> None:
        lesson = self.selected_lesson()
        if lesson is not None:
            self.lesson_dialog(lesson).exec()  # a district lesson opens read-only

    def toggle_archived(self) -> None:
        lesson = self.selected_lesson()
        if lesson is None or is_district(lesson):
            return
        archived = not lesson.get("archived")
        lesson_id = lesson["id"]

        def done(_result: None) -> None:
            self._select_id = lesson_id
            if archived and not self.show_archived.isChecked():
                self._select_id = None
            self.ctx.study_changed.emit()

        self.ctx.runner.run(lambda task: archive_lesson(task.store, lesson_id, archived), done, parent=self,
                            title=self.tr("Saving…"), cancellable=False)

    def _imported(self, added: int) -> None:
        messages.inform(self, self.tr("Import lessons"), self.tr("{0} lessons imported.").format(added))

    def bulk_dialog(self) -> BulkEntryDialog:
        lesson = self.selected_lesson()
        return BulkEntryDialog(self.ctx, lesson["id"] if lesson else None, self)

    def record_study(self) -> None:
        self.bulk_dialog().exec()
