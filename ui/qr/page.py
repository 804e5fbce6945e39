"""The QR material page (二维码物料), two tabs. 制作物料: tick micro-lessons, official accounts or type a
link on the left; choose 活码 or direct links, where the material hangs, the layout and an optional centre
logo on the right and see the first page as it will print. Saving writes a PDF and reads every code back;
printing goes at actual size; live codes the district server does not have yet are named, with 立即同步.
已打印的活码: the branch's printed live codes with their scans, 停用 and 改指向…."""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.pdf import PdfError
from core.qr import QrError
from core.qr.material import LAYOUT_NAMES
from ui import messages
from ui.context import AppContext
from ui.forms import ERROR_COLOR
from ui.notice import notice_label, show_notice
from ui.pages.base import Page, scroll_area
from ui.qr.choice_lists import ChoiceLists
from ui.qr.links_panel import LinksPanel
from ui.qr.live_choice import LiveChoice
from ui.qr.live_work import LiveState
from ui.qr.pending_banner import PendingBanner
from ui.qr.preview_pane import HINT_STYLE, PreviewPane
from ui.qr.saver import MaterialSaver
from ui.qr.widgets import big_button, names_pref
from ui.qr.work import Choice, Preview, Saved, load_choices, make_preview
from ui.tasks import Loader

PREVIEW_DELAY_MS = 300
DEFAULT_LAYOUT = "poster-a4"

# What the page remembers between visits.
LAYOUT_PREF = "qr/layout"
LESSONS_PREF = "qr/lessons"
ACCOUNTS_PREF = "qr/accounts"
LOGO_PREF = "qr/logo"
LOGO_DIR_PREF = "qr/logo_dir"
CUSTOM_TEXT_PREF = "qr/custom_text"
CUSTOM_TITLE_PREF = "qr/custom_title"
MODE_PREF = "qr/mode"  # "live" or "direct" once the user picked one
LABEL_PREF = "qr/label"


class QrPage(Page):
    key = "qr"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.loaded = False
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

        self.lists = ChoiceLists(ctx, names_pref(ctx.pref(LESSONS_PREF)), names_pref(ctx.pref(ACCOUNTS_PREF)))
        # the lists' parts, as the page's own
        self.lesson_list, self.account_list, self.filter = self.lists.lesson_list, self.lists.account_list, self.lists.filter
        self.custom_text, self.custom_title = self.lists.custom_text, self.lists.custom_title
        self.set_lessons_checked = self.lists.set_lessons_checked
        self.account_dialog, self.remove_selected_account = self.lists.account_dialog, self.lists.remove_selected_account
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(16, 12, 16, 12)
        columns.setSpacing(16)
        columns.addWidget(self.lists, 5)
        columns.addLayout(self._build_output(), 6)
        self.saver = MaterialSaver(ctx, self, self.notice)
        self.links = LinksPanel(ctx)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 8)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { padding: 8px 22px; }")
        self.scroll = scroll_area(content)
        self.tabs.addTab(self.scroll, self.tr("Make material"))
        self.tabs.addTab(self.links, self.tr("Printed live codes"))
        outer.addWidget(self.tabs)

        self._restore_fields()
        self.lists.changed.connect(self._changed)
        self.lists.notice.connect(lambda text: show_notice(self.notice, text))
        self.lists.reload_wanted.connect(self.reload)
        self.live_choice.changed.connect(self._changed)
        self.live_choice.mode_picked.connect(lambda mode: ctx.set_pref(MODE_PREF, mode))
        self.links.loaded.connect(self._live_loaded)
        self.saver.written.connect(self._written)
        self.saver.made.connect(self._made)
        ctx.study_changed.connect(self.reload)
        ctx.sync_changed.connect(self.links.reload)  # enrolled, synced: codes, scans and the choice change

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("QrPage", "QR material")

    # --- building ------------------------------------------------------------------------------

    def _build_output(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.setSpacing(10)
        form = QFormLayout()
        self.live_choice = LiveChoice(str(self.ctx.pref(MODE_PREF) or ""), str(self.ctx.pref(LABEL_PREF) or ""))
        form.addRow(self.tr("Codes"), self.live_choice)
        form.addRow(self.tr("Where it hangs"), self.live_choice.place)
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
        self.pending = PendingBanner(self.ctx)
        right.addWidget(self.pending)
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
        self.links.reload()

    def _load(self) -> None:
        self.loader.run(lambda task: load_choices(task.store), self._loaded, self.tr("Loading the micro-lessons…"))

    def _loaded(self, data: dict[str, Any]) -> None:
        self._building = True
        self.lists.show_choices(data["lessons"], data["accounts"])
        self.live_choice.set_available(data["live"])
        self._building = False
        self.links.set_lessons(data["lessons"])
        self.loaded = True
        self._update_buttons()
        self.update_preview()

    def _live_loaded(self, state: LiveState) -> None:
        """The codes list was read: whether live codes can be made, the places used, what is synced."""
        self.live_choice.set_available(state.available)
        self.live_choice.set_places(state.labels)
        self.pending.show_state(state)
        count = sum(1 for link in state.links if not link.retired)
        title = self.tr("Printed live codes ({0})").format(count) if count else self.tr("Printed live codes")
        self.tabs.setTabText(self.tabs.indexOf(self.links), title)

    # --- the choice ----------------------------------------------------------------------------

    def choice(self) -> Choice:
        return Choice(
            layout=str(self.layout_combo.currentData()),
            lesson_ids=self.lists.lesson_ids(),
            accounts=self.lists.account_names(),
            custom_text=self.custom_text.text().strip(),
            custom_title=self.custom_title.text().strip(),
            logo=self.logo,
            live=self.live_choice.live(),
            label=self.live_choice.label(),
        )

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
        if choice.live:
            self.ctx.set_pref(LABEL_PREF, choice.label)

    def _update_buttons(self) -> None:
        ready = self.loaded and not self.choice().empty and not self.refusal
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
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
        if preview.new_codes:
            shown += self.tr(" {0} new live code(s) get their short code when saved or printed "
                             "(shown as ????).").format(preview.new_codes)
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
        if not choice.empty:
            self.pending.hide()
            self.saver.save_material(self.tr("Save QR material"), self._file_name(choice.layout), choice)

    def print_material(self) -> None:
        choice = self.choice()
        if not choice.empty:
            self.pending.hide()
            self.saver.print_material(self.tr("Print QR material"), self._file_name(choice.layout), choice)

    def _written(self, saved: Saved) -> None:
        if saved.short_codes:  # codes were made: the list, the upload count and the preview's ???? change
            self.ctx.sync_changed.emit()
            self.preview_timer.start()

    def _made(self, saved: Saved) -> None:
        if saved.pending:
            self.pending.show_pending(saved.pending)
            QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(self.pending))
