"""The first two steps of the roster import: choosing the file and matching its columns."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from core.roster.fields import MEMBER_FIELDS, label_of
from core.roster.importer import ImportPlan

if TYPE_CHECKING:
    from ui.roster.import_wizard import ImportWizard

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #1b5e20;"
SAMPLE_ROWS = 3
TEMPLATE_NAME = "花名册导入模板.xlsx"


def cell_text(value: object) -> str:
    """A cell value the way a spreadsheet shows it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ", "minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and not isinstance(value, bool):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.6G}"
    return str(value)


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class StepPage(QWizardPage):
    """A wizard step whose Next may have to wait for work running in the background.

    ``begin_next`` either returns True (go on now) or starts a task and returns False; the task
    calls ``proceed`` when it has finished, which moves the wizard on.
    """

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self._go_on = False
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

    def ready(self) -> bool:
        return True

    def begin_next(self) -> bool:
        return True

    def isComplete(self) -> bool:  # noqa: N802 (Qt naming)
        return not self.wiz.busy and self.ready()

    def validatePage(self) -> bool:  # noqa: N802 (Qt naming)
        if self._go_on:
            self._go_on = False
            return True
        if self.wiz.busy:
            return False
        return self.begin_next()

    def proceed(self) -> None:
        if self.wiz.currentPage() is self:
            self._go_on = True
            self.wiz.next()

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        self.message.show()

    def show_note(self, text: str) -> None:
        self.message.setStyleSheet(NOTE_STYLE)
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()


class ImportFilePage(StepPage):
    """Step 1: which file to import, and a blank template for those who start from scratch."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the roster file"))
        self.setSubTitle(self.tr("Choose the Excel or CSV file that holds your roster. Nothing is written "
                                 "to the roster until the last step."))
        explanation = QLabel(self.tr(
            "What the file should look like:\n"
            "• An Excel or WPS workbook (.xlsx, .xls, .xlsm, .et), a LibreOffice sheet (.ods) or a CSV file; "
            "old .xls files are read as they are.\n"
            "• One row of column names, for example 姓名, 性别, 出生日期, 公民身份号码, 手机, 党小组. Common "
            "names such as 身份证号, 出生年月 or 联系电话 are understood too; title rows above it are fine.\n"
            "• Below it, one member per row. Only the name is required.\n"
            "• Type ID numbers as text so that Excel keeps all 18 digits."
        ))
        explanation.setWordWrap(True)

        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path of the spreadsheet (.xlsx, .xls, .ods …) or .csv file"))
        self.path_edit.textChanged.connect(self._path_changed)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)

        self.template_button = QPushButton(self.tr("Save a blank &template…"))
        self.template_button.clicked.connect(lambda: self.save_template())
        template_hint = QLabel(self.tr("No file yet? Save the blank template, fill it in with Excel or WPS, "
                                       "then choose it here."))
        template_hint.setWordWrap(True)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addWidget(template_hint, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addLayout(template_row)
        layout.addStretch(1)

    def _last_dir(self) -> str:
        return str(self.wiz.ctx.pref("import/last_dir", str(Path.home())))

    def _path_changed(self) -> None:
        self.clear_message()
        self.completeChanged.emit()

    def ready(self) -> bool:
        return bool(self.path_edit.text().strip())

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster file"), self._last_dir(),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.et *.csv);;All files (*)"),
        )
        if chosen:
            self.wiz.ctx.set_pref("import/last_dir", str(Path(chosen).parent))
            self.path_edit.setText(chosen)

    def save_template(self, path: Path | None = None) -> None:
        """Save the blank import template to ``path`` (asks where when not given)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save a blank template"), str(Path(self._last_dir()) / TEMPLATE_NAME),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen).with_suffix(".xlsx")
            self.wiz.ctx.set_pref("import/last_dir", str(path.parent))
        self.wiz.save_template(path, self)

    def begin_next(self) -> bool:
        path = self.wiz.path
        if path is None:
            return False
        self.wiz.start_plan(path, None, self)
        return False


class ImportMappingPage(StepPage):
    """Step 2: one row per column of the file, with the roster field it fills."""

    LETTER, HEADER = 0, 1

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Check which roster field each column of your file fills. Choose "
                                 "“(ignore)” for a column that should not be imported."))
        self.table = QTableWidget()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from one choice to the next
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.combos: list[QComboBox] = []
        hint = QLabel(self.tr("Tip: press Tab to go from one choice to the next, and the arrow keys to "
                              "change a choice."))
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(hint)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        if self.wiz.plan is not None:
            self.populate(self.wiz.plan)

    def populate(self, plan: ImportPlan) -> None:
        samples = plan.outcomes[:SAMPLE_ROWS]
        width = max([len(plan.header.headers)] + [len(o.row.values) for o in samples])
        headers = [self.tr("Column"), self.tr("Heading in the file")]
        headers += [self.tr("Row {0}").format(o.row.number) for o in samples]
        headers.append(self.tr("Import as"))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(width)
        self.table.setHorizontalHeaderLabels(headers)
        self.combos = []
        for column in range(width):
            written = plan.header.headers[column] if column < len(plan.header.headers) else ""
            cells = [column_letter(column), written or self.tr("(no heading)")]
            cells += [cell_text(o.row.values[column]) if column < len(o.row.values) else "" for o in samples]
            for position, text in enumerate(cells):
                self.table.setItem(column, position, QTableWidgetItem(text))
            self.table.item(column, self.LETTER).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            combo = self._make_combo(plan.mapping.get(column, ""))
            combo.setAccessibleName(self.tr("Import column {0} as").format(column_letter(column)))
            self.table.setCellWidget(column, len(headers) - 1, combo)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._check()

    def _make_combo(self, key: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(ignore)"), "")
        for f in MEMBER_FIELDS:
            combo.addItem(f.label, f.key)
        combo.setCurrentIndex(max(combo.findData(key), 0))
        combo.setMaxVisibleItems(len(MEMBER_FIELDS) + 1)
        combo.currentIndexChanged.connect(self._check)
        return combo

    def combo(self, column: int) -> QComboBox:
        return self.combos[column]

    def field_of(self, column: int) -> str:
        """The field key column ``column`` is set to, or "" when ignored."""
        return str(self.combos[column].currentData() or "")

    def set_field(self, column: int, key: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(key))

    def header_text(self, column: int) -> str:
        return self.table.item(column, self.HEADER).text()

    def mapping(self) -> dict[int, str]:
        return {column: key for column in range(len(self.combos)) if (key := self.field_of(column))}

    def conflicts(self) -> dict[str, list[int]]:
        """Fields chosen for more than one column, with those columns."""
        columns: dict[str, list[int]] = {}
        for column, key in self.mapping().items():
            columns.setdefault(key, []).append(column)
        return {key: found for key, found in columns.items() if len(found) > 1}

    def _problem(self) -> str:
        conflicts = self.conflicts()
        if conflicts:
            named = "; ".join(
                self.tr("{0} (columns {1})").format(label_of(key), " / ".join(map(column_letter, found)))
                for key, found in conflicts.items()
            )
            return self.tr("More than one column is set to the same field: {0}. Each field can come from "
                           "one column only; set the others to “(ignore)”.").format(named)
        if "name" not in self.mapping().values():
            return self.tr("No column is set to “{0}”. Choose the column that holds the members' "
                           "names.").format(label_of("name"))
        return ""

    def _check(self) -> None:
        problem = self._problem()
        if problem:
            self.show_error(problem)
        else:
            self.clear_message()
        self.completeChanged.emit()

    def ready(self) -> bool:
        return bool(self.combos) and not self._problem()

    def begin_next(self) -> bool:
        plan = self.wiz.plan
        if plan is None or not self.ready():
            return False
        mapping = self.mapping()
        if mapping == plan.mapping:
            return True
        self.wiz.start_plan(plan.path, mapping, self)
        return False
