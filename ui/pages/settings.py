"""设置: language, font size, the data folder, the branch profile, and backups with restore."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import backup as backups_core
from core.backup import BackupFile, backup_dir
from core.profile import BranchProfile, get_profile, set_profile
from ui import messages
from ui.about_dialog import AboutDialog
from ui.context import AppContext
from ui.fonts import FONT_SIZES, apply_font
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES
from ui.pages.base import Page
from ui.tasks import TaskContext

MUTED = "#5f5a52"
NOTICE = "#8a4b00"
ERROR = "#b00020"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something went well (a module function, so tests can replace it)."""
    QMessageBox.information(parent, title, text)


def human_size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / (1024 * 1024):.1f} MB"


def _wrapping(text: str = "", colour: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


def _row(*items: QWidget, stretch_last: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    for number, item in enumerate(items, start=1):
        row.addWidget(item, 1 if stretch_last and number == len(items) else 0)
    if not stretch_last:
        row.addStretch(1)
    return row


class SettingsPage(Page):
    key = "settings"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.backups: list[BackupFile] = []
        self.last_backup: Path | None = None
        self.last_safety_copy: Path | None = None
        self.heading = QLabel(self.title())
        self.section_titles: list[QLabel] = []

        body = QWidget()
        body.setMaximumWidth(1040)
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 20, 28, 20)
        column.setSpacing(16)
        column.addWidget(self.heading)
        for section in (self._display_box, self._profile_box, self._backup_box, self._folder_box):
            column.addWidget(section())
        column.addStretch(1)
        self._apply_fonts()
        self.set_scrolling_content(body)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SettingsPage", "Settings")

    # -- building the sections ------------------------------------------------------------------

    def _section(self, title: str, layout: QLayout) -> QWidget:
        """A bold heading over a framed panel holding ``layout``."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        self.section_titles.append(label)
        frame = QFrame()
        frame.setObjectName("section")
        frame.setStyleSheet("QFrame#section { background: #fbf8f3; border: 1px solid #e2d9cc; border-radius: 8px; }")
        frame.setLayout(layout)
        column.addWidget(label)
        column.addWidget(frame)
        return box

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setVerticalSpacing(10)
        return form

    def _display_box(self) -> QWidget:
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self._saved_language = str(self.ctx.pref("language", DEFAULT_LANGUAGE))
        self.language.setCurrentIndex(max(0, self.language.findData(self._saved_language)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = _wrapping(
            self.tr("Saved. The new language is used after you close Zhibu Desk and start it again."), NOTICE
        )
        self.language_note.hide()
        self.font_size = QComboBox()
        names = {"normal": self.tr("Normal"), "large": self.tr("Large"), "xlarge": self.tr("Extra large")}
        for size_key in FONT_SIZES:
            self.font_size.addItem(names.get(size_key, size_key), size_key)
        self.font_size.setCurrentIndex(max(0, self.font_size.findData(str(self.ctx.pref("font_size", "normal")))))
        self.font_size.currentIndexChanged.connect(self._font_size_chosen)
        for combo in (self.language, self.font_size):
            combo.setMinimumWidth(240)
        form = self._form()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.language_note)
        form.addRow(self.tr("&Text size:"), self.font_size)
        form.addRow(self.tr("Sample:"), QLabel("支部工作台 · 党员花名册 · 0123456789"))
        return self._section(self.tr("Language and text size"), form)

    def _profile_box(self) -> QWidget:
        self.branch_name, self.township, self.county = edits = (QLineEdit(), QLineEdit(), QLineEdit())
        for edit in edits:
            edit.setMinimumWidth(360)
            edit.returnPressed.connect(self.save_profile)
        self.save_profile_button = QPushButton(self.tr("&Save branch details"))
        self.save_profile_button.clicked.connect(self.save_profile)
        self.profile_status = _wrapping(colour=MUTED)
        form = self._form()
        form.addRow(self.tr("Branch &name (required):"), self.branch_name)
        form.addRow(self.tr("Township or street:"), self.township)
        form.addRow(self.tr("County or district:"), self.county)
        form.addRow("", _row(self.save_profile_button, self.profile_status, stretch_last=True))
        return self._section(self.tr("Branch"), form)

    def _backup_box(self) -> QWidget:
        self.auto_backup = QCheckBox(self.tr("Back up automatically once a day when the program starts"))
        self.auto_backup.setChecked(bool(self.ctx.prefs.value("backup/auto", True, type=bool)))
        self.auto_backup.toggled.connect(lambda on: self.ctx.set_pref("backup/auto", bool(on)))
        keep = self.tr("The newest {count} backups are kept; older ones are removed.")
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_status = _wrapping()
        self.backup_list = QTreeWidget()
        self.backup_list.setHeaderLabels([self.tr("Made at"), self.tr("Size"), self.tr("File")])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setAlternatingRowColors(True)
        self.backup_list.setStyleSheet("QTreeView::item { padding: 3px 14px 3px 4px; }")
        self.backup_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backup_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.backup_list.setMinimumHeight(180)
        self.backup_list.setMaximumHeight(280)
        self.backup_list.itemActivated.connect(lambda *_: self.restore_selected())
        self.restore_button = QPushButton(self.tr("&Restore the selected backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a &file…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        layout = QVBoxLayout()
        layout.addWidget(self.auto_backup)
        layout.addWidget(_wrapping(keep.format(count=backups_core.KEEP_BACKUPS), MUTED))
        layout.addLayout(_row(self.backup_button, self.backup_status, stretch_last=True))
        layout.addWidget(self.backup_list)
        layout.addLayout(_row(self.restore_button, self.restore_file_button))
        layout.addWidget(_wrapping(self.tr("Before a restore, the current data is saved as a backup first, "
                                           "so a restore can always be undone."), MUTED))
        return self._section(self.tr("Backups"), layout)

    def _folder_box(self) -> QWidget:
        self.db_label = _wrapping(str(self.ctx.db_path))
        self.open_folder_button = QPushButton(self.tr("&Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder)
        self.about_button = QPushButton(self.tr("&About…"))
        self.about_button.clicked.connect(self.show_about)
        form = self._form()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Database file:"), self.db_label)
        form.addRow(self.tr("Folder:"), _wrapping(str(self.ctx.db_path.parent)))
        form.addRow(self.tr("Backups folder:"), _wrapping(str(backup_dir(self.ctx.db_path))))
        form.addRow("", _row(self.open_folder_button, self.about_button))
        return self._section(self.tr("Data folder"), form)

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        db_path = self.ctx.db_path

        def load(task: TaskContext) -> dict[str, Any]:
            return {"profile": get_profile(task.store), "backups": backups_core.list_backups(db_path)}

        def done(result: dict[str, Any]) -> None:
            if shiboken6.isValid(self):
                self._show_profile(result["profile"])
                self._show_backups(result["backups"])

        self.ctx.runner.run(load, done, parent=self, title=self.tr("Loading the settings…"), cancellable=False)

    def _show_profile(self, profile: BranchProfile | None) -> None:
        edits = (self.branch_name, self.township, self.county)
        if any(edit.isModified() for edit in edits):
            return  # keep what the user is typing
        profile = profile or BranchProfile("")
        for edit, value in zip(edits, (profile.name, profile.township, profile.county), strict=True):
            edit.setText(value)

    def _show_backups(self, backups: list[BackupFile]) -> None:
        self.backups = backups
        self.backup_list.clear()
        for backup in backups:
            item = QTreeWidgetItem([backup.made_at.strftime(TIME_FORMAT), human_size(backup.size), backup.path.name])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_list.addTopLevelItem(item)
        if backups:
            self.backup_list.setCurrentItem(self.backup_list.topLevelItem(0))
        self.restore_button.setEnabled(bool(backups))

    # -- language and text size -----------------------------------------------------------------

    def _language_chosen(self) -> None:
        language = str(self.language.currentData())
        self.ctx.set_pref("language", language)
        self.language_note.setVisible(language != self._saved_language)

    def _font_size_chosen(self) -> None:
        size_key = str(self.font_size.currentData())
        self.ctx.set_pref("font_size", size_key)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_font(app, app.font().family(), size_key)

    # -- branch profile -------------------------------------------------------------------------

    def save_profile(self) -> None:
        edits = (self.branch_name, self.township, self.county)
        profile = BranchProfile(*(edit.text().strip() for edit in edits))
        if not profile.name:
            self.profile_status.setStyleSheet(f"color: {ERROR};")
            self.profile_status.setText(self.tr("Please enter the branch name."))
            self.branch_name.setFocus()
            return

        def save(task: TaskContext) -> None:
            set_profile(task.store, profile)

        def done(_: None) -> None:
            if not shiboken6.isValid(self):
                return
            for edit in edits:
                edit.setModified(False)
            self.profile_status.setStyleSheet(f"color: {MUTED};")
            self.profile_status.setText(self.tr("Saved."))
            window = self.window()
            if isinstance(window, QMainWindow):
                window.setWindowTitle(QCoreApplication.translate("MainWindow", "Zhibu Desk") + f" — {profile.name}")

        self.ctx.runner.run(save, done, parent=self, title=self.tr("Saving…"), cancellable=False)

    # -- backups --------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        db_path = self.ctx.db_path

        def work(task: TaskContext) -> dict[str, Any]:
            path = backups_core.backup_now(task.store.conn, db_path)
            return {"path": path, "backups": backups_core.list_backups(db_path)}

        def done(result: dict[str, Any]) -> None:
            if shiboken6.isValid(self):
                self.backup_button.setEnabled(True)
                self.last_backup = result["path"]
                self.backup_status.setText(self.tr("Backup written: {path}").format(path=result["path"]))
                self._show_backups(result["backups"])

        def failed(error: Exception) -> None:
            if shiboken6.isValid(self):
                self.backup_button.setEnabled(True)
            messages.show_error(self, error, "".join(traceback.format_exception(error)))

        self.backup_button.setEnabled(False)
        self.ctx.runner.run(work, done, failed, parent=self, title=self.tr("Backing up…"), cancellable=False)

    def restore_selected(self) -> None:
        row = self.backup_list.indexOfTopLevelItem(self.backup_list.currentItem())
        if not 0 <= row < len(self.backups):
            inform(self, self.tr("Restore"), self.tr("Please choose a backup in the list first."))
            return
        self.restore(self.backups[row].path)

    def restore_from_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup file"), str(backup_dir(self.ctx.db_path)),
            self.tr("Database backups (*.db);;All files (*)"),
        )
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup: Path) -> None:
        """Check the backup, ask the user, then restore it (the current data is backed up first)."""
        db_path = self.ctx.db_path
        if backup.resolve() == db_path.resolve():
            inform(self, self.tr("Restore"), self.tr("This is the database in use now, not a backup. "
                                                    "Please choose a backup file."))
            return

        def inspect(task: TaskContext) -> datetime:
            backups_core.check_backup_file(backup)
            known = [b.made_at for b in backups_core.list_backups(db_path) if b.path.resolve() == backup.resolve()]
            return known[0] if known else datetime.fromtimestamp(backup.stat().st_mtime)

        self.ctx.runner.run(
            inspect, lambda made_at: self._confirm_restore(backup, made_at), parent=self,
            title=self.tr("Checking the backup…"), cancellable=False,
        )

    def _confirm_restore(self, backup: Path, made_at: datetime) -> None:
        if not shiboken6.isValid(self):
            return
        when = made_at.strftime(TIME_FORMAT)
        question = self.tr(
            "Restore the backup made at {time}?\n\n"
            "All current data will be replaced by the data in this backup ({file}). "
            "Before that, the current data is saved as a backup, so nothing is lost."
        ).format(time=when, file=backup.name)
        if not messages.confirm(self, self.tr("Restore a backup"), question, self.tr("Restore")):
            return
        db_path = self.ctx.db_path

        def work(task: TaskContext) -> Path | None:
            return backups_core.restore_backup(backup, db_path)

        def done(safety: Path | None) -> None:
            self.ctx.roster_changed.emit()
            if not shiboken6.isValid(self):
                return
            self.last_safety_copy = safety
            for edit in (self.branch_name, self.township, self.county):
                edit.setModified(False)
            self.reload()
            text = self.tr("The data from {time} has been restored.").format(time=when)
            if safety is not None:
                saved_as = self.tr("The data as it was before the restore is saved as:\n{path}")
                text += "\n\n" + saved_as.format(path=safety)
            self.backup_status.setText(text.replace("\n\n", " "))
            inform(self, self.tr("Restore finished"), text)

        self.ctx.runner.run(work, done, parent=self, title=self.tr("Restoring…"), cancellable=False)

    # -- data folder and type size --------------------------------------------------------------

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.db_path.parent)))

    def show_about(self) -> None:
        AboutDialog(self.ctx.db_path, self).exec()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()

    def _apply_fonts(self) -> None:
        base = QApplication.font()
        for labels, scale in (([self.heading], 1.6), (self.section_titles, 1.2)):
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * scale)
            font.setBold(True)
            for label in labels:
                label.setFont(font)
