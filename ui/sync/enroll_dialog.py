"""加入支部: enroll this computer with the district server using the one-time code the district gave,
under a device name (the computer's name by default) that the district sees."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.sync.config import default_device_name
from core.sync.errors import SyncCancelled, SyncError
from ui import messages
from ui.context import AppContext
from ui.forms import ok_cancel, show_status
from ui.sync import work
from ui.sync.look import scale_font
from ui.tasks import TaskContext


class EnrollDialog(QDialog):
    """On success ``enrollment`` holds what core's ``enroll`` returned and the dialog is accepted; a
    refusal (wrong or used code, no network) stays in the dialog in red so the code can be corrected."""

    def __init__(self, ctx: AppContext, server_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.server_url = server_url
        self.enrollment: Any = None
        self.working = False
        self.setWindowTitle(self.tr("Join the branch"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(self.tr("Type the enrollment code the district gave you. A code works only once: "
                               "every computer of the branch needs a code of its own."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        server = QLabel(server_url)
        server.setWordWrap(True)
        form.addRow(self.tr("District server"), server)
        self.code = QLineEdit()
        self.code.setMaxLength(64)
        self.code.setMinimumHeight(40)
        scale_font(self.code, 1.3, bold=True)
        self.code.setPlaceholderText(self.tr("Enrollment code"))
        form.addRow(self.tr("&Code"), self.code)
        self.device_name = QLineEdit(default_device_name())
        self.device_name.setMaxLength(60)
        self.device_name.setMinimumHeight(36)
        self.device_name.setToolTip(self.tr("The district sees this name, e.g. 村委会办公室电脑"))
        form.addRow(self.tr("This computer's &name"), self.device_name)
        layout.addLayout(form)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.ok_button = ok_cancel(self, layout, self.tr("Join"), self.submit)
        self.code.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.code.text().strip()) and not self.working)

    def submit(self) -> None:
        code = self.code.text().strip()
        if not code or self.working:
            return
        device = self.device_name.text().strip() or default_device_name()
        self.working = True
        self._update()
        show_status(self.status, "")
        url = self.server_url

        def run(task: TaskContext) -> Any:
            return work.enroll_device(task, url, code, device)

        self.ctx.runner.run(run, self._enrolled, self._failed, parent=self,
                            title=self.tr("Joining the branch…"), cancellable=True,
                            on_cancelled=self._cancelled)

    def _enrolled(self, enrollment: Any) -> None:
        self.working = False
        self.enrollment = enrollment
        self.accept()

    def _cancelled(self) -> None:
        self.working = False
        self._update()

    def _failed(self, error: Exception) -> None:
        self.working = False
        self._update()
        if isinstance(error, SyncCancelled):
            return
        if isinstance(error, SyncError):
            show_status(self.status, error.message, error=True)
            self.code.setFocus()
            self.code.selectAll()
        else:
            messages.show_error(self, error)
