"""The QR material page (二维码物料): tick micro-lessons, official accounts or type a link on the left;
choose the layout and an optional centre logo on the right and see the first page as it will print.
Saving writes a PDF and reads every code back; printing goes at actual size."""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.pdf import PdfError
from core.qr import QrError
from core.qr.material import LAYOUT_NAMES
from core.qr.targets import remove_account
from ui import messages
from ui.context import AppContext
from ui.forms import ERROR_COLOR, filter_edit
from ui.notice import notice_label, show_notice
from ui.pages.base import Page
from ui.qr.account_dialog import AccountDialog
from ui.qr.preview_pane import HINT_STYLE, PreviewPane
from ui.qr.saver import MaterialSaver
from ui.qr.widgets import big_button, check_list, names_pref, titled_group
from ui.qr.work import Choice, Preview, load_choices, make_preview, save_checked
from ui.tasks import Loader, TaskContext

PREVIEW_DELAY_MS = 300
DEFAULT_LAYOUT = "poster-a4"
IdRole = Qt.ItemDataRole.UserRole

# What the page remembers between visits.
LAYOUT_PREF = "qr/layout"
LESSONS_PREF = "qr/lessons"
ACCOUNTS_PREF = "qr/accounts"
LOGO_PREF = "qr/logo"
LOGO_DIR_PREF = "qr/logo_dir"
CUSTOM_TEXT_PREF = "qr/custom_text"
CUSTOM_TITLE_PREF = "qr/custom_title"

class QrPage(Page):
    key = "qr"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
        self.lessons: list[dict[str, str]] = []
        self.accounts: list[dict[str, str]] = []
        self.checked_lessons: set[str] = set(names_pref(ctx.pref(LESSONS_PREF)))
        self.checked_accounts: set[str] = set(names_pref(ctx.pref(ACCOUNTS_PREF)))
        logo = str(ctx.pref(LOGO_PREF) or "")
        self.logo = logo if logo and Path(logo).is_file() else ""
        self.preview_pixmap: QPixmap | None = None
        self.preview_info: Preview | None = None
        self.refusal = ""
        self._preview_generation = 0
        self._preview_cancel: threading.Event | None = None
        self._building = False
        self.loader = Loader(ctx.runner, self, self._load)
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self.update_preview)

        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(16, 12, 16, 12)
        columns.setSpacing(16)
        columns.addLayout(self._build_choices(), 5)
        columns.addLayout(self._build_output(), 6)
        self.set_scrolling_content(content)
        self.saver = MaterialSaver(ctx, self, self.notice)

        self._restore_fields()
        ctx.study_changed.connect(self.reload)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("QrPage", "QR material")

    # --- building ------------------------------------------------------------------------------

    def _build_choices(self) -> QVBoxLayout:
        left = QVBoxLayout()
        left.setSpacing(10)

        box, layout = titled_group(self.tr("Micro-lessons (those with a video link)"))
        row = QHBoxLayout()
        self.filter = filter_edit(self.tr("Filter by title or speaker"), lambda _text: self._apply_filter())
        row.addWidget(self.filter, 1)
        row.addWidget(big_button(self.tr("Tick shown"), lambda: self._tick_shown(True)))
        row.addWidget(big_button(self.tr("Clear"), lambda: self._tick_shown(False)))
        layout.addLayout(row)
        self.lesson_list = check_list()
        self.lesson_list.setMinimumHeight(220)
        self.lesson_list.itemChanged.connect(self._lesson_ticked)
        layout.addWidget(self.lesson_list, 1)
        self.no_lessons = QLabel(self.tr("No micro-lesson has a video link yet. Add the links on the "
                                         "Micro-lessons page; lessons with a link show here."))
        self.no_lessons.setWordWrap(True)
        self.no_lessons.setStyleSheet(HINT_STYLE)
        self.no_lessons.hide()
        layout.addWidget(self.no_lessons)
        left.addWidget(box, 3)

        box, layout = titled_group(self.tr("Official accounts"))
        self.account_list = check_list()
        self.account_list.setMinimumHeight(110)
        self.account_list.itemChanged.connect(self._account_ticked)
        self.account_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.account_list, 1)
        row = QHBoxLayout()
        row.addWidget(big_button(self.tr("Add account…"), self.add_account))
        self.remove_button = big_button(self.tr("Remove…"), self.remove_selected_account)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        left.addWidget(box, 1)

        box, layout = titled_group(self.tr("A link or text of your own"))
        form = QFormLayout()
        self.custom_text = QLineEdit()
        self.custom_text.setPlaceholderText(self.tr("https://… or any text, e.g. the Wi-Fi password"))
        self.custom_title = QLineEdit()
        self.custom_title.setMaxLength(40)
        self.custom_title.setPlaceholderText(self.tr("Title printed with it (optional)"))
        for editor in (self.custom_text, self.custom_title):
            editor.setMinimumHeight(36)
            editor.textChanged.connect(self._changed)
        form.addRow(self.tr("Content"), self.custom_text)
        form.addRow(self.tr("Title"), self.custom_title)
        layout.addLayout(form)
        left.addWidget(box)
        return left

    def _build_output(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.setSpacing(10)
        form = QFormLayout()
        self.layout_combo = QComboBox()
        self.layout_combo.setMinimumHeight(36)
        for key, name in LAYOUT_NAMES.items():
            self.layout_combo.addItem(name, key)
        self.layout_combo.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Layout"), self.layout_combo)
        logo_row = QHBoxLayout()
        self.logo_label = QLabel()
        self.logo_label.setMinimumWidth(120)
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(big_button(self.tr("Choose PNG…"), self.choose_logo))
        self.clear_logo_button = big_button(self.tr("No logo"), self.clear_logo)
        logo_row.addWidget(self.clear_logo_button)
        form.addRow(self.tr("Centre logo"), logo_row)
        right.addLayout(form)

        self.preview = PreviewPane()
        right.addWidget(self.preview, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(HINT_STYLE)
        right.addWidget(self.summary)

        self.notice = notice_label()
        right.addWidget(self.notice)
        row = QHBoxLayout()
        self.save_button = big_button(self.tr("Save PDF…"), self.save_pdf, bold=True)
        self.save_button.setToolTip(self.tr("Write the PDF and read every code back before it is kept"))
        row.addWidget(self.save_button)
        self.print_button = big_button(self.tr("Print…"), self.print_material)
        row.addWidget(self.print_button)
        row.addStretch(1)
        right.addLayout(row)
        scale = QLabel(self.tr("Print at actual size (100%); do not choose \"Fit to page\"."))
        scale.setWordWrap(True)
        scale.setStyleSheet(f"color: {ERROR_COLOR};")
        right.addWidget(scale)
        return right

    def _restore_fields(self) -> None:
        self._building = True
        at = self.layout_combo.findData(str(self.ctx.pref(LAYOUT_PREF) or DEFAULT_LAYOUT))
        self.layout_combo.setCurrentIndex(max(at, 0))
        self.custom_text.setText(str(self.ctx.pref(CUSTOM_TEXT_PREF) or ""))
        self.custom_title.setText(str(self.ctx.pref(CUSTOM_TITLE_PREF) or ""))
        self._building = False
        self._show_logo()
        self._show_hint(self.tr("Loading…"))
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        self.loader.run(lambda task: load_choices(task.store), self._loaded, self.tr("Loading the micro-lessons…"))

    def _loaded(self, data: dict[str, list[dict[str, str]]]) -> None:
        self.lessons, self.accounts = data["lessons"], data["accounts"]
        self._building = True
        self.lesson_list.clear()
        for lesson in self.lessons:
            text = lesson["title"] + (f"（{lesson['speaker']}）" if lesson["speaker"] else "")
            self._add_item(self.lesson_list, text, lesson["id"], lesson["url"], lesson["id"] in self.checked_lessons)
        current = (self.account_list.currentItem() or QListWidgetItem()).data(IdRole)
        self.account_list.clear()
        for account in self.accounts:
            item = self._add_item(self.account_list, account["name"], account["name"], account["url"],
                                  account["name"] in self.checked_accounts)
            if account["name"] == current:
                self.account_list.setCurrentItem(item)
        self._building = False
        self.no_lessons.setVisible(not self.lessons)
        self._apply_filter()
        self.loaded = True
        self._update_buttons()
        self.update_preview()

    @staticmethod
    def _add_item(widget: QListWidget, text: str, key: str, tip: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(IdRole, key)
        item.setToolTip(tip)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
        return item

    # --- the choice ----------------------------------------------------------------------------

    def choice(self) -> Choice:
        return Choice(
            layout=str(self.layout_combo.currentData()),
            lesson_ids=tuple(row["id"] for row in self.lessons if row["id"] in self.checked_lessons),
            accounts=tuple(row["name"] for row in self.accounts if row["name"] in self.checked_accounts),
            custom_text=self.custom_text.text().strip(),
            custom_title=self.custom_title.text().strip(),
            logo=self.logo,
        )

    def set_lessons_checked(self, lesson_ids: list[str], checked: bool = True) -> None:
        """Tick (or untick) lessons by id, as a click on their boxes does."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for position in range(self.lesson_list.count()):
            item = self.lesson_list.item(position)
            if item.data(IdRole) in lesson_ids:
                item.setCheckState(state)

    def _lesson_ticked(self, item: QListWidgetItem) -> None:
        self._ticked(item, self.checked_lessons)

    def _account_ticked(self, item: QListWidgetItem) -> None:
        self._ticked(item, self.checked_accounts)

    def _ticked(self, item: QListWidgetItem, checked: set[str]) -> None:
        if self._building:
            return
        if item.checkState() == Qt.CheckState.Checked:
            checked.add(item.data(IdRole))
        else:
            checked.discard(item.data(IdRole))
        self._changed()

    def _apply_filter(self) -> None:
        words = self.filter.text().lower().split()
        for position in range(self.lesson_list.count()):
            item = self.lesson_list.item(position)
            haystack = item.text().lower()
            item.setHidden(not all(word in haystack for word in words))

    def _tick_shown(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._building = True
        for position in range(self.lesson_list.count()):
            item = self.lesson_list.item(position)
            if not item.isHidden() or not checked:
                item.setCheckState(state)
                (self.checked_lessons.add if checked else self.checked_lessons.discard)(item.data(IdRole))
        self._building = False
        self._changed()

    def _changed(self) -> None:
        if self._building or not self.loaded:
            return
        self.remember()
        self._update_buttons()
        self.preview_timer.start()  # typing or ticking several boxes makes one preview

    def remember(self) -> None:
        """Keep the choice for the next visit (lessons and accounts no longer listed are let go)."""
        choice = self.choice()
        self.ctx.set_pref(LAYOUT_PREF, choice.layout)
        self.ctx.set_pref(LESSONS_PREF, json.dumps(list(choice.lesson_ids)))
        self.ctx.set_pref(ACCOUNTS_PREF, json.dumps(list(choice.accounts), ensure_ascii=False))
        self.ctx.set_pref(LOGO_PREF, self.logo)
        self.ctx.set_pref(CUSTOM_TEXT_PREF, choice.custom_text)
        self.ctx.set_pref(CUSTOM_TITLE_PREF, choice.custom_title)

    def _update_buttons(self) -> None:
        ready = self.loaded and not self.choice().empty and not self.refusal
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.remove_button.setEnabled(self.account_list.currentItem() is not None)
        self.clear_logo_button.setEnabled(bool(self.logo))

    # --- logo ----------------------------------------------------------------------------------

    def choose_logo(self) -> None:
        folder = str(self.ctx.pref(LOGO_DIR_PREF) or (Path(self.logo).parent if self.logo else Path.home()))
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), folder,
                                                    self.tr("PNG image (*.png)"))
        if path:
            self.ctx.set_pref(LOGO_DIR_PREF, str(Path(path).parent))
            self.set_logo(path)

    def clear_logo(self) -> None:
        self.set_logo("")

    def set_logo(self, path: str) -> None:
        self.logo = path
        self._show_logo()
        self._changed()

    def _show_logo(self) -> None:
        if self.logo:
            self.logo_label.setText(Path(self.logo).name)
            self.logo_label.setToolTip(self.logo)
        else:
            self.logo_label.setText(self.tr("None"))
            self.logo_label.setToolTip(self.tr("A logo in the centre needs stronger codes, which hold less"))

    # --- accounts ------------------------------------------------------------------------------

    def account_dialog(self) -> AccountDialog:
        dialog = AccountDialog(self.ctx, self)
        dialog.saved.connect(self._account_saved)
        return dialog

    def add_account(self) -> None:
        self.account_dialog().exec()

    def _account_saved(self, name: str, replaced: bool) -> None:
        self.checked_accounts.add(name)
        text = self.tr("The link of \"{0}\" was changed.") if replaced else self.tr("\"{0}\" was added and ticked.")
        show_notice(self.notice, text.format(name))
        self.reload()

    def remove_selected_account(self) -> None:
        item = self.account_list.currentItem()
        if item is None:
            return
        name = str(item.data(IdRole))
        if messages.confirm(self, self.tr("Remove account"),
                            self.tr("Remove the official account \"{0}\" from the list?").format(name),
                            self.tr("Remove")):
            self.remove_account(name)

    def remove_account(self, name: str) -> None:
        def done(_result: object) -> None:
            self.checked_accounts.discard(name)
            show_notice(self.notice, self.tr("\"{0}\" was removed.").format(name))
            self.reload()

        self.ctx.runner.run(lambda task: remove_account(task.store, name), done, parent=self,
                            title=self.tr("Saving…"), cancellable=False)

    # --- preview -------------------------------------------------------------------------------

    def update_preview(self) -> None:
        """Write the material to a temporary file and show its first page (or why it is refused)."""
        self.preview_timer.stop()
        if not self.loaded:
            return
        if self._preview_cancel is not None:
            self._preview_cancel.set()  # an older preview still being made is no longer wanted
        self._preview_generation += 1
        generation = self._preview_generation
        choice = self.choice()
        if choice.empty:
            self._preview_cancel = None
            self._set_refusal("")
            self.preview_info = None
            self._show_hint(self.tr("Tick micro-lessons or official accounts on the left, or type a link: "
                                    "the first page shows here as it will print."))
            return
        cancel = self._preview_cancel = threading.Event()
        self.summary.setText(self.tr("Updating the preview…"))

        def done(preview: Preview) -> None:
            if generation == self._preview_generation:
                self._show_preview(preview)

        def failed(error: Exception) -> None:
            if generation != self._preview_generation:
                return
            if isinstance(error, (QrError, PdfError)):
                self._show_refusal(str(error))
            else:
                self._show_refusal(self.tr("The preview could not be made."))
                messages.show_error(self, error)

        self.ctx.runner.run(lambda task: make_preview(task.store, choice, cancel), done, failed,
                            on_cancelled=lambda: None)

    def _show_preview(self, preview: Preview) -> None:
        self.preview_pixmap = self.preview.show_page(preview.png)
        self.preview_info = preview
        self._set_refusal("")
        shown = self.tr("Page 1 of {0} shown; {1} QR code(s) in all.").format(preview.pages, preview.codes)
        self.summary.setText(shown)

    def _show_refusal(self, text: str) -> None:
        self.preview_pixmap = None
        self.preview_info = None
        self._set_refusal(text)
        self.preview.show_refusal(text)
        self.summary.setText(self.tr("Change the choice, the layout or the link; nothing can be printed like this."))

    def _show_hint(self, text: str) -> None:
        self.preview_pixmap = None
        self.preview.show_hint(text)
        self.summary.setText("")

    def _set_refusal(self, text: str) -> None:
        self.refusal = text
        self._update_buttons()

    # --- saving and printing -------------------------------------------------------------------

    def _file_name(self, layout: str) -> str:
        return self.tr("QR material {0} {1}.pdf").format(LAYOUT_NAMES.get(layout, layout), date.today().isoformat())

    def save_pdf(self) -> None:
        choice = self.choice()
        if choice.empty:
            return
        self.saver.save_material(self.tr("Save QR material"), self._file_name(choice.layout), choice)

    def print_material(self) -> None:
        choice = self.choice()
        if choice.empty:
            return
        title = self.tr("Print QR material")
        folder = Path(tempfile.mkdtemp(prefix="zhibu-qr-print-"))
        out = folder / self._file_name(choice.layout)

        def work(task: TaskContext) -> object:
            return save_checked(task.store, choice, out, task.progress, task.cancel)

        def done(_saved: object) -> None:
            try:
                from ui.qr.printing import print_pdf

                print_pdf(out, self, title)
            except ImportError:
                messages.inform(self, title, self.tr("Printing is not available here. Save the PDF and print it "
                                                     "at actual size (100%)."))
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        def failed(error: Exception) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            messages.show_error(self, error)

        self.ctx.runner.run(work, done, failed, parent=self, title=self.tr("Preparing the pages to print…"),
                            on_cancelled=lambda: shutil.rmtree(folder, ignore_errors=True))
