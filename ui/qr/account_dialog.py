"""Adding an official account (name and link), or giving a saved one a new link."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.qr import QrError
from core.qr.targets import MAX_ACCOUNT_NAME, save_account
from ui import messages
from ui.context import AppContext
from ui.forms import RequiredDialog, ok_cancel, show_status


class AccountDialog(RequiredDialog):
    """Saves through the runner; a refusal (in Chinese) stays in the dialog to be mended."""

    saved = Signal(str, bool)  # name, whether an existing account got a new link

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.setWindowTitle(self.tr("Add official account"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The link the account's QR code holds (open the account's own code with the "
                              "phone's scanner to see it), or its home page. The same name again changes its link."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_ACCOUNT_NAME + 10)
        self.name.setPlaceholderText(self.tr("e.g. Hedong Village Party Branch"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        for editor in (self.name, self.url):
            editor.setMinimumHeight(34)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Link"), self.url)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.ok_button = ok_cancel(self, layout, self.tr("Save"), self.save)
        self.name.textChanged.connect(self._update)
        self.url.textChanged.connect(self._update)
        self._update()

    def filled(self) -> bool:
        return bool(self.name.text().strip() and self.url.text().strip()) and not self.saving

    def save(self) -> None:
        if not self.filled():
            return
        name, url = self.name.text(), self.url.text()
        self.saving = True
        self._update()

        def done(replaced: bool) -> None:
            self.saving = False
            self.saved.emit(" ".join(name.split()), replaced)
            self.accept()

        self.ctx.runner.run(lambda task: save_account(task.store, name, url), done, self._failed,
                            parent=self, title=self.tr("Saving…"), cancellable=False)

    def _failed(self, error: Exception) -> None:
        self.saving = False
        self._update()
        if isinstance(error, QrError):
            show_status(self.status, str(error), error=True)
        else:
            messages.show_error(self, error)
