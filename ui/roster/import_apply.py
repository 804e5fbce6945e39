"""The last steps of the roster import: what to do with people already in the roster, the import
itself with its progress, and what happened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from core.roster.importer import POLICIES, ImportResult
from ui.roster.import_pages import StepPage

if TYPE_CHECKING:
    from ui.roster.import_wizard import ImportWizard

INDENT = 32


def _wrapped(text: str = "", indent: int = 0) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if indent:
        label.setContentsMargins(indent, 0, 0, 0)
    return label


class ImportPolicyPage(StepPage):
    """Step 4: skip, fill blanks or overwrite for rows of people already in the roster."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("People already in the roster"))
        self.setSubTitle(self.tr("A row is taken as someone already in the roster when the ID number "
                                 "matches, or the name and birth date match."))
        self.setCommitPage(True)
        self.intro = _wrapped()
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.effects: dict[str, QLabel] = {}
        choices = {
            "skip": (self.tr("&Skip them (recommended)"),
                     self.tr("Their rows are left out; the roster stays as it is.")),
            "fill": (self.tr("&Fill in blanks only"),
                     self.tr("Values the roster is missing are taken from the file; nothing already "
                             "filled in is changed.")),
            "overwrite": (self.tr("&Overwrite with the file's values"),
                          self.tr("Every value the file has replaces the roster's value; empty cells in "
                                  "the file change nothing.")),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        for number, policy in enumerate(POLICIES):
            text, explanation = choices[policy]
            button = QRadioButton(text)
            self.group.addButton(button, number)
            self.buttons[policy] = button
            self.effects[policy] = _wrapped(indent=INDENT)
            layout.addWidget(button)
            layout.addWidget(_wrapped(explanation, INDENT))
            layout.addWidget(self.effects[policy])
            layout.addSpacing(8)
        self.buttons["skip"].setChecked(True)
        self.closing = _wrapped()
        layout.addWidget(self.closing)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def policy(self) -> str:
        return POLICIES[max(self.group.checkedId(), 0)]

    def set_policy(self, policy: str) -> None:
        self.buttons[policy].setChecked(True)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        plan = self.wiz.plan
        if plan is None:
            return
        duplicates = plan.count("duplicate")
        for label in self.effects.values():
            label.clear()
            label.hide()
        if duplicates:
            self.intro.setText(self.tr("{0} rows of the file are people who are already in the roster. "
                                       "What should happen to them?").format(duplicates))
            self.wiz.start_previews(self, self.show_previews)
        else:
            self.intro.setText(self.tr("No row of this file is someone already in the roster, so this "
                                       "choice changes nothing this time."))
        self.closing.setText(self.tr("Press “Import” to add {0} new members to the roster. Rows with errors "
                                     "are never imported.").format(plan.count("new")))

    def show_previews(self, previews: dict[str, ImportResult]) -> None:
        for policy, result in previews.items():
            label = self.effects[policy]
            label.setText(self.tr("With this choice: {0} added, {1} updated, {2} left as they are.").format(
                result.inserted, result.updated, result.skipped))
            label.show()


class ImportApplyPage(StepPage):
    """Step 5: the import, with its progress on the page and a way to stop it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("All rows are written in one go: either every one of them, or none."))
        self.cancelled = False
        self.status = _wrapped()
        self.bar = QProgressBar()
        self.bar.setMinimumHeight(28)
        self.cancel_button = QPushButton(self.tr("&Stop the import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.clicked.connect(self.start)
        self.retry_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        note = _wrapped(self.tr("If you stop, nothing is written: the roster stays exactly as it was."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        self.start()

    def ready(self) -> bool:
        return self.wiz.result is not None

    def start(self) -> None:
        self.cancelled = False
        self.retry_button.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Writing the rows to the roster…"))
        self.wiz.start_apply(self, self._stopped)

    def cancel(self) -> None:
        """Ask the running import to stop; it stops before anything is saved."""
        if not self.wiz.busy:
            return
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Stopping…"))
        self.wiz.cancel_task()

    def show_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text and not self.cancelled and self.cancel_button.isEnabled():
            self.status.setText(text)

    def _stopped(self) -> None:
        self.cancelled = True
        self._allow_retry()
        self.status.setText(self.tr("The import was stopped. Nothing was written to the roster."))

    def show_error(self, text: str) -> None:
        self._allow_retry()
        self.status.setText(self.tr("The import did not finish. Nothing was written to the roster."))
        super().show_error(text)

    def _allow_retry(self) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.cancel_button.setEnabled(False)
        self.retry_button.show()
        self.retry_button.setFocus()


class ImportSummaryPage(StepPage):
    """Step 6: what the import did, and the rejected rows to save, fix and import again."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Import finished"))
        self.setSubTitle(self.tr("This is what the import did. Press “Finish” to close."))
        self.inserted = QLabel()
        self.updated = QLabel()
        self.skipped = QLabel()
        self.errors = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Added to the roster:"), self.inserted)
        form.addRow(self.tr("Updated:"), self.updated)
        form.addRow(self.tr("Already in the roster, left as they were:"), self.skipped)
        form.addRow(self.tr("Rows with errors, not imported:"), self.errors)
        font = self.inserted.font()
        font.setBold(True)
        for label in (self.inserted, self.updated, self.skipped, self.errors):
            label.setFont(font)

        self.hint = _wrapped()
        self.save_button = QPushButton(self.tr("&Save error rows…"))
        self.save_button.clicked.connect(lambda: self.save_errors())
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(16)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt naming)
        plan, result = self.wiz.plan, self.wiz.result
        if plan is None or result is None:
            return
        error_rows = plan.count("error")
        self.inserted.setText(str(result.inserted))
        self.updated.setText(str(result.updated))
        self.skipped.setText(str(result.skipped))
        self.errors.setText(str(error_rows))
        self.save_button.setEnabled(error_rows > 0)
        if error_rows:
            self.hint.setText(self.tr("Save the rows that were not imported, each with its reason, to a "
                                      "workbook. Correct them there, then import that workbook."))
            self.save_button.setFocus()
        else:
            self.hint.setText(self.tr("Every row of the file could be read; there are no error rows to save."))

    def save_errors(self, path: Path | None = None) -> None:
        """Save the error rows to ``path`` (asks where, next to the source file, when not given)."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save error rows"), str(self.wiz.default_error_path()),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return
            path = Path(chosen).with_suffix(".xlsx")
        self.wiz.save_error_rows(path, self)
