"""The branch's printed live codes (已打印的活码): each code with what it opens, where it hangs and its
scans, 停用 (after a confirmation naming the code and the place; stopped codes stay listed) and 改指向…
(another lesson of the catalogue). Read and changed through the task runner; every change and every sync
reads the list again."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout, QWidget

from core.qr import QrError
from core.qr.live_links import LiveLink, retarget_link, retire_link
from core.qr.short_codes import spaced
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.notice import notice_label, show_notice
from ui.qr.links_model import LinksModel, opens_text
from ui.qr.live_work import LiveState, load_live
from ui.qr.preview_pane import HINT_STYLE
from ui.qr.retarget_dialog import RetargetDialog
from ui.qr.widgets import big_button
from ui.tables import record_table
from ui.tasks import Loader


class LinksPanel(QWidget):
    loaded = Signal(object)  # the LiveState just read

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: LiveState | None = None
        self.lessons: list[dict[str, str]] = []  # the catalogue's lessons with a link, for 改指向
        self.loader = Loader(ctx.runner, self, self._load)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        intro = QLabel(self.tr("Live codes open through the district server: the scans of the last 7 and 30 "
                               "days show here after each sync. A stopped code says so when scanned; a "
                               "lesson's code can be pointed at another lesson without printing it again."))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        layout.addWidget(intro)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(HINT_STYLE + " font-weight: bold;")
        self.empty.hide()
        layout.addWidget(self.empty)
        self.notice = notice_label()
        layout.addWidget(self.notice)

        self.model = LinksModel(self)
        self.table = record_table(self.model, QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(260)
        self.table.setStyleSheet("QTableView::item { padding: 0 8px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # nothing cut short; it scrolls
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.retarget_selected())
        layout.addWidget(self.table, 1)
        for keys, slot in ((Qt.Key.Key_Delete, self.retire_selected), (Qt.Key.Key_Return, self.retarget_selected),
                           (Qt.Key.Key_Enter, self.retarget_selected)):
            QShortcut(QKeySequence(keys), self.table, activated=slot, context=Qt.ShortcutContext.WidgetShortcut)

        row = QHBoxLayout()
        self.retire_button = big_button(self.tr("Stop…"), self.retire_selected)
        self.retire_button.setToolTip(self.tr("Stop the selected code (Delete)"))
        row.addWidget(self.retire_button)
        self.retarget_button = big_button(self.tr("Point at another lesson…"), self.retarget_selected)
        self.retarget_button.setToolTip(self.tr("Make the selected lesson code open another lesson (Enter)"))
        row.addWidget(self.retarget_button)
        row.addStretch(1)
        self.sync_button = big_button(self.tr("Sync now"), self.sync_now)
        self.sync_button.setToolTip(self.tr("Send new codes and fetch the scan counts (as on the Sync page)"))
        row.addWidget(self.sync_button)
        layout.addLayout(row)
        ctx.auto_sync.started.connect(self._sync_started)
        ctx.auto_sync.ended.connect(self._sync_ended)
        self._update_buttons()

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        self.loader.run(lambda task: load_live(task.store), self.show_state, self.tr("Reading the live codes…"))

    def show_state(self, state: LiveState) -> None:
        current = self.selected()
        self.state = state
        self.model.set_links(state.links)
        if current is not None and (row := self.model.row_of(current.code)) >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        if state.links:
            self.empty.hide()
        else:
            self.empty.setText(self.tr("No live code has been printed yet. Choose “Live code” on the Make "
                                       "material tab and save or print.") if state.available else
                               self.tr("This computer has not joined the district server, so it prints direct "
                                       "links. Join the branch on the Sync page to print live codes."))
            self.empty.show()
        self.sync_button.setVisible(state.available)
        self._update_buttons()
        self.loaded.emit(state)

    def set_lessons(self, lessons: Sequence[dict[str, str]]) -> None:
        self.lessons = list(lessons)
        self._update_buttons()

    # -- the selection --------------------------------------------------------------------------

    def selected(self) -> LiveLink | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.link_at(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def select(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        link = self.selected()
        self.retire_button.setEnabled(link is not None and not link.retired)
        self.retarget_button.setEnabled(link is not None and not link.retired and link.kind == "lesson"
                                        and bool(self.lessons))

    # -- 停用 -----------------------------------------------------------------------------------

    def retire_selected(self) -> None:
        link = self.selected()
        if link is None or link.retired:
            return
        place = link.label or self.tr("no place given")
        question = self.tr("Stop the live code {0} ({1})? It opens {2} now.\n\nAfter the next sync, scanning "
                           "it says the code is no longer in use. A stopped code cannot be used again; print "
                           "a new one when needed.").format(spaced(link.code), place, opens_text(link))
        if messages.confirm(self, self.tr("Stop live code"), question, self.tr("Stop it")):
            self.retire(link.code)

    def retire(self, code: str) -> None:
        self._change(lambda store: retire_link(store, code),
                     self.tr("Live code {0} is stopped; after the next sync scanning it says so.").format(spaced(code)))

    # -- 改指向 ---------------------------------------------------------------------------------

    def retarget_dialog(self, link: LiveLink) -> RetargetDialog:
        dialog = RetargetDialog(link, self.lessons, self)
        dialog.chosen.connect(lambda lesson_id, title: self.retarget(link.code, lesson_id, title))
        return dialog

    def retarget_selected(self) -> None:
        link = self.selected()
        if link is None or link.retired or link.kind != "lesson" or not self.lessons:
            return
        self.retarget_dialog(link).exec()

    def retarget(self, code: str, lesson_id: str, title: str) -> None:
        self._change(lambda store: retarget_link(store, code, lesson_id),
                     self.tr("Live code {0} now opens “{1}” (after the next sync); no need to print it "
                             "again.").format(spaced(code), title))

    def _change(self, fn: Callable[[Store], object], done_text: str) -> None:
        def done(_result: object) -> None:
            show_notice(self.notice, done_text)
            self.ctx.sync_changed.emit()  # more waits for upload; this list is read again too

        def failed(error: Exception) -> None:
            if isinstance(error, QrError):
                messages.inform(self, self.tr("Live codes"), str(error))
            else:
                messages.show_error(self, error)

        self.ctx.runner.run(lambda task: fn(task.store), done, failed, parent=self, title=self.tr("Saving…"),
                            cancellable=False)

    def _sync_started(self) -> None:
        self.sync_button.setEnabled(False)

    def _sync_ended(self, _result: object) -> None:
        self.sync_button.setEnabled(True)

    def sync_now(self) -> None:
        show_notice(self.notice, "")
        if not self.ctx.auto_sync.sync(self):
            show_notice(self.notice, self.tr("A sync is already running; wait for it to finish."))
