"""The message after live codes were saved or printed before the district server has them: the material
prints fine, but its codes open only after the next sync — with 立即同步, which starts the one sync of the
app (``AppContext.auto_sync``, the same as on the sync page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.qr.short_codes import spaced
from ui.context import AppContext
from ui.forms import ERROR_COLOR
from ui.qr.live_work import LiveState
from ui.qr.widgets import big_button

PENDING_STYLE = "QFrame#pendingBanner { background: #fff4dc; border: 1px solid #e0b050; }"
SYNCED_STYLE = "QFrame#pendingBanner { background: #eaf4ea; border: 1px solid #9cc79c; }"
SHOWN_CODES = 6


class PendingBanner(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = ctx.auto_sync
        self.codes: list[str] = []  # the codes of the last material that were not synced then
        self.pending: list[str] = []  # of those, the ones still not synced
        self.setObjectName("pendingBanner")
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-weight: bold;")
        column.addWidget(self.text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error.hide()
        column.addWidget(self.error)
        row = QHBoxLayout()
        self.sync_button = big_button(self.tr("Sync now"), self.sync_now, bold=True)
        self.sync_button.setToolTip(self.tr("Send the new codes to the district server now (as on the Sync page)"))
        row.addWidget(self.sync_button)
        self.close_button = big_button(self.tr("OK"), self.hide)
        row.addWidget(self.close_button)
        row.addStretch(1)
        column.addLayout(row)
        self.scheduler.started.connect(self._started)
        self.scheduler.ended.connect(self._ended)
        self.hide()

    def show_pending(self, codes: Sequence[str]) -> None:
        """Say that ``codes`` (just printed) open only after the next sync; nothing to say when empty."""
        self.codes = list(dict.fromkeys(codes))
        self.error.hide()
        self._show(self.codes)

    def show_state(self, state: LiveState) -> None:
        """The codes list was read again (after a sync, say): those now on the server drop out."""
        if not self.codes or self.isHidden():
            return
        still = [code for code in self.pending if (link := state.link(code)) is not None and not link.synced]
        if still != self.pending:
            self._show(still)

    def _show(self, pending: list[str]) -> None:
        self.pending = pending
        if not self.codes:
            self.hide()
            return
        if pending:
            shown = "、".join(spaced(code).replace(" ", "\u00a0") for code in pending[:SHOWN_CODES])
            if len(pending) > SHOWN_CODES:
                shown += self.tr(" and {0} more").format(len(pending) - SHOWN_CODES)
            self.text.setText(self.tr(
                "{0} live code(s) are not on the district server yet ({1}). The material prints and can be "
                "hung up as it is, but scanning these codes opens them only after the next sync. Connect to "
                "the network and press “Sync now”.").format(len(pending), shown))
            self.setStyleSheet(PENDING_STYLE)
        else:
            self.text.setText(self.tr("✔ Synced: the new live codes open when scanned."))
            self.setStyleSheet(SYNCED_STYLE)
        self.sync_button.setVisible(bool(pending))
        self.sync_button.setEnabled(not self.scheduler.busy)
        self.show()

    def sync_now(self) -> None:
        self.error.hide()
        if not self.scheduler.sync(self):
            self.error.setText(self.tr("A sync is already running; wait for it to finish."))
            self.error.show()

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        if self.isVisible() and self.pending:
            self.error.setText(self.tr("Syncing…"))
            self.error.setStyleSheet("")
            self.error.show()

    def _ended(self, result: Any) -> None:
        self.sync_button.setEnabled(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR};")
        if result is None and self.scheduler.last_error and self.pending:
            self.error.setText(self.tr("The sync did not succeed: {0} The printed material is not affected; "
                                       "press “Sync now” again once connected.").format(self.scheduler.last_error))
            self.error.show()
        else:
            self.error.hide()
