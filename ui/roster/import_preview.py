"""Step 3 of the roster import: every row of the file with what will happen to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from core.roster.fields import label_of
from core.roster.importer import ImportPlan, RowOutcome
from ui.roster.import_pages import StepPage, cell_text

if TYPE_CHECKING:
    from ui.roster.import_wizard import ImportWizard

ROW_COLUMN, STATUS_COLUMN, PROBLEM_COLUMN = 0, 1, 2
FIRST_VALUE_COLUMN = 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2
ERROR_BACKGROUND = QColor("#fbd3d0")
WARNING_BACKGROUND = QColor("#ffe7a8")
RESIZE_ROWS_UP_TO = 2000  # fitting row heights to wrapped reasons costs time on huge files

Index = QModelIndex | QPersistentModelIndex


class ImportPreviewModel(QAbstractTableModel):
    """One row per data row of the file: spreadsheet row number, status, problems, mapped values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcomes: list[RowOutcome] = []
        self.columns: list[tuple[int, str]] = []  # (column of the file, field key), in file order

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.outcomes = list(plan.outcomes)
        self.columns = sorted(plan.mapping.items())
        self.endResetModel()

    def outcome(self, row: int) -> RowOutcome:
        return self.outcomes[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else FIRST_VALUE_COLUMN + len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == ROW_COLUMN:
            return self.tr("Row")
        if section == STATUS_COLUMN:
            return self.tr("Status")
        if section == PROBLEM_COLUMN:
            return self.tr("Problems")
        return label_of(self.columns[section - FIRST_VALUE_COLUMN][1])

    def status_text(self, outcome: RowOutcome) -> str:
        if outcome.kind == "error":
            return self.tr("Error, not imported")
        if outcome.kind == "duplicate":
            return self.tr("Already in the roster")
        return self.tr("New")

    def problems(self, outcome: RowOutcome) -> list[str]:
        """The reasons a row is refused, then what should be checked, each as one sentence."""
        return [i.message for i in outcome.errors] + [
            self.tr("Please check: {0}").format(i.message) for i in outcome.warnings
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        outcome = self.outcomes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW_COLUMN:
                return outcome.row.number
            if column == STATUS_COLUMN:
                return self.status_text(outcome)
            if column == PROBLEM_COLUMN:
                return "；".join(self.problems(outcome))
            file_column = self.columns[column - FIRST_VALUE_COLUMN][0]
            values = outcome.row.values
            return cell_text(values[file_column]) if file_column < len(values) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self.problems(outcome)) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if outcome.errors:
                return ERROR_BACKGROUND
            if outcome.warnings:
                return WARNING_BACKGROUND
            return None
        if role == Qt.ItemDataRole.ForegroundRole and (outcome.errors or outcome.warnings):
            return QColor("#000000")  # dark text on the light highlight, whatever the theme
        if role == Qt.ItemDataRole.FontRole and column == STATUS_COLUMN and outcome.kind == "error":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == KIND_ROLE:
            return outcome.kind
        if role == PROBLEM_ROLE:
            return bool(outcome.errors or outcome.warnings)
        return None


class ProblemRowsFilter(QSortFilterProxyModel):
    """All rows, or only those with errors or warnings."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.only_problems = False

    def set_only_problems(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_problems = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 (Qt API)
        if not self.only_problems:
            return True
        return bool(self.sourceModel().index(source_row, 0, source_parent).data(PROBLEM_ROLE))


class ImportPreviewPage(StepPage):
    """Step 3: the counts, and every row with its status; bad rows in red, doubtful ones in amber."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr("Rows in red have errors and will not be imported; rows in amber will be "
                                 "imported but should be checked. Row numbers are those shown in Excel."))
        self.model = ImportPreviewModel(self)
        self.proxy = ProblemRowsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.counts = QLabel()
        self.counts.setWordWrap(True)
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.only_problems = QCheckBox(self.tr("&Only show rows with problems"))
        self.only_problems.toggled.connect(self._filter_changed)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.unknown)
        layout.addWidget(self.only_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        plan = self.wiz.plan
        if plan is None:
            return
        self.model.set_plan(plan)
        warned = sum(1 for o in plan.outcomes if o.warnings and o.kind != "error")
        self.counts.setText(
            self.tr("New members: {0}    Already in the roster: {1}    With errors (not imported): {2}    "
                    "To check: {3}").format(plan.count("new"), plan.count("duplicate"), plan.count("error"),
                                            warned)
        )
        unknown = plan.unknown_columns()
        if unknown:
            self.unknown.setText(self.tr("Columns that will not be imported: {0}").format("、".join(unknown)))
        else:
            self.unknown.setText(self.tr("Every column of the file is imported."))
        self._fit()
        self.details.setText(self.tr("Select a row to read all of its problems here."))

    def _filter_changed(self, on: bool) -> None:
        self.proxy.set_only_problems(on)
        self._fit()

    def _fit(self) -> None:
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(PROBLEM_COLUMN, min(max(self.table.columnWidth(PROBLEM_COLUMN), 120), 420))
        self.table.horizontalHeader().setSectionResizeMode(ROW_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        if self.proxy.rowCount() <= RESIZE_ROWS_UP_TO:
            self.table.resizeRowsToContents()

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        outcome = self.model.outcome(self.proxy.mapToSource(current).row())
        problems = self.model.problems(outcome)
        text = "\n".join(problems) if problems else self.tr("No problems found in this row.")
        self.details.setText(self.tr("Row {0}: {1}").format(outcome.row.number, text))
