"""连接设置 on the sync page: the district server's address (checked, then saved), 加入支部 with a
one-time code, or 用U盘登记 without a link (once joined either way it says so and both stay off), and
how often to sync by itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from core.sync.config import normalize_server_url
from core.sync.errors import SyncError
from ui.forms import show_status
from ui.sync import work
from ui.sync.status_panel import PANEL_STYLE


def _caption(text: str, buddy: QWidget) -> QLabel:
    """A form caption whose &-key moves to ``buddy`` (a row holding a layout gets none by itself)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(40)
    button.setAutoDefault(False)
    button.setStyleSheet("padding: 0 16px;")
    return button


class ConnectionBox(QFrame):
    """Emits ``save_url(url)`` with a checked address, ``enroll_requested(url)``,
    ``enroll_by_file_requested()`` and ``interval_changed(minutes)``; the page does the work through
    the task runner."""

    save_url = Signal(str)
    enroll_requested = Signal(str)
    enroll_by_file_requested = Signal()
    interval_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.saved_url = ""
        self.enrolled = False  # joined, online or by file (joining again is not offered)
        self.joined_by_file = False
        self._filling = False
        form = QFormLayout(self)
        form.setContentsMargins(18, 14, 18, 14)
        form.setVerticalSpacing(10)

        self.url = QLineEdit()
        self.url.setMinimumHeight(38)
        self.url.setMinimumWidth(360)
        self.url.setMaxLength(300)
        self.url.setPlaceholderText(self.tr("e.g. http://192.168.1.10:8000 (the district gives it)"))
        self.url.textEdited.connect(self._url_edited)
        self.url.returnPressed.connect(self.submit_url)
        self.save_button = _button(self.tr("Save address"))
        self.save_button.clicked.connect(self.submit_url)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.save_button)
        form.addRow(_caption(self.tr("Server &address:"), self.url), row)
        self.url_status = QLabel()
        self.url_status.setWordWrap(True)
        self.url_status.hide()
        form.addRow("", self.url_status)

        self.enroll_button = _button(self.tr("Join the branch…"))
        self.enroll_button.clicked.connect(self._enroll_clicked)
        self.file_enroll_button = _button(self.tr("Join by USB stick…"))
        self.file_enroll_button.setToolTip(self.tr("No network: save an enrollment package for the district "
                                                   "on a USB stick"))
        self.file_enroll_button.clicked.connect(self.enroll_by_file_requested)
        self.enroll_note = QLabel()
        self.enroll_note.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.enroll_button)
        row.addWidget(self.file_enroll_button)
        row.addWidget(self.enroll_note, 1)
        form.addRow(_caption(self.tr("Join:"), self.enroll_button), row)

        self.interval = QSpinBox()
        self.interval.setRange(0, work.MAX_INTERVAL)
        self.interval.setMinimumHeight(38)
        self.interval.setMinimumWidth(110)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.setSpecialValueText(self.tr("Off"))
        self.interval.setKeyboardTracking(False)  # typed minutes count once finished
        self.interval.setToolTip(self.tr("0 turns automatic sync off"))
        self.interval.valueChanged.connect(self._interval_edited)
        hint = QLabel(self.tr("Syncs by itself every so many minutes while the program is open (0 = off). "
                              "Without a network it simply tries again later."))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.interval)
        row.addWidget(hint, 1)
        form.addRow(_caption(self.tr("Sync &automatically:"), self.interval), row)

    # -- showing --------------------------------------------------------------------------------

    def show_state(self, status: Any, interval: int, rejoin: bool = False, enroll_pending: bool = False) -> None:
        """``rejoin``: the server no longer accepts this computer's enrollment (revoked), so joining
        again with a new code is offered although the database is enrolled. ``enroll_pending``: an
        enrolment package went out and its reply has not been imported yet."""
        self._filling = True
        self.enrolled = bool(status.joined) and not rejoin
        self.joined_by_file = bool(status.joined) and not status.enrolled
        self.saved_url = status.server_url or ""
        if not self.url.isModified():
            self.url.setText(self.saved_url)
        self.interval.setValue(interval)
        self._filling = False
        if rejoin:
            self.enroll_note.setText(self.tr("The server no longer accepts this computer. Ask the district for a "
                                             "new enrollment code and join again."))
        elif self.joined_by_file:
            self.enroll_note.setText(
                self.tr("This computer has joined the branch “{branch}” by USB stick and syncs with sync "
                        "packages (see “Sync by USB stick”). To sync over the network too, fill in the server "
                        "address above and save it.").format(branch=status.branch_name or "")
            )
        elif self.enrolled:
            self.enroll_note.setText(
                self.tr("This computer has joined the branch “{branch}”; it does not need to join again. "
                        "If the district moves the server, change the address above.")
                .format(branch=status.branch_name or "")
            )
        elif enroll_pending:
            self.enroll_note.setText(self.tr("The enrollment package has been exported: import the district's "
                                             "reply with “Import reply…” under “Sync by USB stick”."))
        else:
            self.enroll_note.setText(self.tr("Ask the district for an enrollment code. With a network: fill in "
                                             "the server address, then “Join the branch…”. Without one: "
                                             "“Join by USB stick…”."))
        self.file_enroll_button.setEnabled(not status.joined)
        self._update()

    def _update(self) -> None:
        self.enroll_button.setEnabled(not self.enrolled)

    # -- the address ----------------------------------------------------------------------------

    def checked_url(self) -> str | None:
        """The typed address made whole (``http://`` added), or None after saying what is wrong."""
        text = self.url.text().strip()
        try:
            url = normalize_server_url(text)
        except SyncError as error:
            return self._refuse(error.message)
        return url

    def _refuse(self, message: str) -> None:
        show_status(self.url_status, message, error=True)
        self.url_status.show()
        self.url.setFocus()
        return None

    def _url_edited(self, _text: str) -> None:
        self.url_status.hide()

    def submit_url(self) -> None:
        url = self.checked_url()
        if url is not None:
            self.save_url.emit(url)

    def url_saved(self, url: str) -> None:
        self.saved_url = url
        self.url.setText(url)
        self.url.setModified(False)
        show_status(self.url_status, self.tr("Saved."))
        self.url_status.show()

    def _enroll_clicked(self) -> None:
        url = self.checked_url()
        if url is not None:
            self.enroll_requested.emit(url)

    # -- the interval ---------------------------------------------------------------------------

    def _interval_edited(self, minutes: int) -> None:
        if not self._filling:
            self.interval_changed.emit(minutes)
