"""The sync page (数据同步): whether this computer is online with the district server (or syncs by USB
stick), what waits for upload, the last successful sync and why the last attempt failed; the server
address, 加入支部 with a one-time code or 用U盘登记, 立即同步 (F5) and how often to sync by itself; sync by
file (导出同步包, 导入回执); and the conflicts and refused rows with what to do about each. Everything
shown is read from the database through the task runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from core.sync.errors import SyncError
from ui import messages
from ui.context import AppContext
from ui.figure_tile import MUTED
from ui.notice import notice_label, show_notice
from ui.pages.base import Page
from ui.sync import work
from ui.sync.connection_box import ConnectionBox
from ui.sync.enroll_dialog import EnrollDialog
from ui.sync.enroll_package_dialog import EnrollPackageDialog
from ui.sync.issues_list import IssuesList
from ui.sync.look import rescale_fonts, scale_font
from ui.sync.package_actions import PackageActions
from ui.sync.package_box import PackageBox
from ui.sync.status_panel import StatusPanel, by_usb
from ui.tasks import Loader, TaskContext


class SyncPage(Page):
    key = "sync"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scheduler = ctx.auto_sync
        self.state: work.SyncState | None = None
        self.loaded = False
        self.enroll_dialog: EnrollDialog | None = None
        self._reveal_pending = False
        self.loader = Loader(ctx.runner, self, self._load)

        body = QWidget()
        body.setMaximumWidth(1120)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(10)
        self.heading = QLabel(self.title())
        scale_font(self.heading, 1.6, bold=True)
        column.addWidget(self.heading)
        intro = QLabel(self.tr("Exchanges this branch's data with the district server, over the network or "
                               "by USB stick. Without a network everything keeps working and is kept on this "
                               "computer; it is uploaded at the next sync."))
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {MUTED};")
        column.addWidget(intro)
        self.notice = notice_label()
        column.addWidget(self.notice)

        self.panel = StatusPanel()
        column.addWidget(self.panel)
        column.addWidget(self._section(self.tr("Conflicts and refused rows")))
        self.issues = IssuesList()
        column.addWidget(self.issues)
        column.addWidget(self._section(self.tr("Connection")))
        self.connection = ConnectionBox()
        column.addWidget(self.connection)
        self.package_section = QWidget()
        section = QVBoxLayout(self.package_section)
        section.setContentsMargins(0, 0, 0, 0)
        section.setSpacing(10)
        section.addWidget(self._section(self.tr("Sync by USB stick (sync package)")))
        self.package_box = PackageBox()
        section.addWidget(self.package_box)
        column.addWidget(self.package_section)
        column.addStretch(1)
        self.column = column
        self.set_scrolling_content(body)
        self.packages = PackageActions(ctx, self, self.package_box)
        self.packages.reported.connect(self._reveal_package_result)

        self.panel.sync_button.clicked.connect(self.sync_now)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self._f5,
                  context=Qt.ShortcutContext.WindowShortcut)
        self.connection.save_url.connect(self.save_url)
        self.connection.enroll_requested.connect(self.enroll)
        self.connection.enroll_by_file_requested.connect(self.enroll_by_file)
        self.connection.interval_changed.connect(self.scheduler.set_interval)
        self.issues.resolve_requested.connect(self.resolve)
        self.issues.retry_requested.connect(self.retry)
        self.issues.discard_requested.connect(self.discard)
        self.issues.show_resolved.toggled.connect(lambda _on: self.reload())
        ctx.sync_changed.connect(self.reload)
        self.scheduler.started.connect(self._sync_started)
        self.scheduler.online_changed.connect(self._show)
        self.scheduler.ended.connect(self._sync_ended)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed in 设置
            rescale_fonts(self)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SyncPage", "Sync")

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        scale_font(label, 1.2, bold=True)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        include = self.issues.show_resolved.isChecked()
        self.loader.run(lambda task: work.load_state(task.store, include), self._loaded,
                        self.tr("Reading the sync state…"))

    def _loaded(self, state: work.SyncState) -> None:
        self.state = state
        self.loaded = True
        self.connection.show_state(state.status, state.interval, self.scheduler.token_refused, state.enroll_pending)
        self.package_box.show_state(state.status, state.enroll_pending)
        self.packages.branch_name = state.status.branch_name or ""
        waiting = state.enroll_pending and not state.status.joined  # the enrolment reply is the next step
        self._place_package_section(first=by_usb(state.status) or waiting)
        self.issues.show_issues(state.conflicts, state.rejections)
        self._show()
        if self._reveal_pending:
            self._reveal_pending = False
            QTimer.singleShot(0, self._reveal)
        if state.status.server_url and self.scheduler.online is None and not self.scheduler.busy:
            self.scheduler.probe(state.status.server_url)

    def _show(self) -> None:
        status = self.state.status if self.state else None
        online = work.is_online(status, self.scheduler.online) if status else None
        self.panel.show_status(status, online, self.scheduler.busy, self.scheduler.last_error,
                               enroll_pending=bool(self.state and self.state.enroll_pending))
        self.panel.sync_button.setEnabled(not self.scheduler.busy)

    # -- syncing --------------------------------------------------------------------------------

    def _f5(self) -> None:
        if self.isVisible():
            self.sync_now()

    def sync_now(self) -> None:
        if self.state is not None and by_usb(self.state.status):
            self.panel.show_result(self.tr("This computer syncs by USB stick and has no server address. To sync "
                                           "over the network, fill in the server address the district gave "
                                           "under “Connection” and save it; without a network, use “Export "
                                           "sync package (USB stick)…”."), error=True)
            return
        if self.state is not None and not self.state.status.enrolled:
            self.panel.show_result(self.tr("This computer has not joined the branch yet: fill in the server "
                                           "address and press “Join the branch…” first."), error=True)
            return
        self.panel.show_result("")
        if not self.scheduler.sync(self):
            self.panel.show_result(self.tr("A sync is already running; wait for it to finish."))

    def _sync_started(self) -> None:
        show_notice(self.notice, "")  # what was done before is old news; the outcome shows when it ends
        self._show()

    def _sync_ended(self, result: Any) -> None:
        if result is not None:
            self.panel.show_result(self.summary(result))
        elif self.scheduler.last_error:
            self.panel.show_result("")  # the red reason shows in the panel
        self._show()

    def summary(self, result: Any) -> str:
        return self.tr("✔ Sync finished: uploaded {pushed}, downloaded {pulled}, {conflicts} conflict(s), "
                       "{rejected} refused.").format(pushed=result.pushed, pulled=result.pulled,
                                                     conflicts=result.conflicts, rejected=result.rejected)

    # -- connection -----------------------------------------------------------------------------

    def save_url(self, url: str) -> None:
        def done(saved: str) -> None:
            self.connection.url_saved(saved)
            self.scheduler.forget_online()
            self.ctx.sync_changed.emit()

        self.ctx.runner.run(lambda task: work.save_server_url(task.store, url), done, self._refused,
                            parent=self, title=self.tr("Saving…"), cancellable=False)

    def enroll(self, url: str) -> EnrollDialog:
        """Open the enrollment dialog (returned, so tests can fill it in); on success the branch name
        shows and the first sync starts."""
        dialog = EnrollDialog(self.ctx, url, self)
        dialog.accepted.connect(lambda: self._enrolled(dialog.enrollment))
        dialog.finished.connect(self._enroll_closed)
        self.enroll_dialog = dialog
        dialog.open()
        return dialog

    def _enroll_closed(self) -> None:
        if self.enroll_dialog is not None:
            self.enroll_dialog.deleteLater()
            self.enroll_dialog = None

    def _enrolled(self, enrollment: Any) -> None:
        self.connection.url.setModified(False)
        self.scheduler.forget_online()
        self.ctx.sync_changed.emit()
        self.scheduler.sync(self)
        show_notice(self.notice, self.tr("✔ This computer has joined the branch “{branch}”. The first sync "
                                         "starts now.").format(branch=enrollment.branch_name))

    # -- sync by file (同步包) --------------------------------------------------------------------

    def enroll_by_file(self) -> EnrollPackageDialog:
        """用U盘登记 (the dialog is returned, so tests can fill it in)."""
        return self.packages.enroll()

    def _place_package_section(self, first: bool) -> None:
        """Right under the status panel for a computer that syncs only by file (its way to sync) or waits
        for its enrolment reply, else after the connection settings."""
        after = self.panel if first else self.connection
        self.column.removeWidget(self.package_section)
        self.column.insertWidget(self.column.indexOf(after) + 1, self.package_section)

    def _reveal_package_result(self) -> None:
        """The words just shown are scrolled into view once the page shows the new state (the section
        may move)."""
        self._reveal_pending = True
        self.reload()

    def _reveal(self) -> None:
        scroll = self.findChild(QScrollArea)
        if scroll is not None and self.package_box.result.isVisible():
            self.column.activate()  # the section's new place, before its position is read
            scroll.verticalScrollBar().setValue(0)  # from the top when it all fits
            scroll.ensureWidgetVisible(self.package_box.result, 0, 40)

    # -- conflicts and refused rows -------------------------------------------------------------

    def resolve(self, conflict_id: str, keep: bool) -> None:
        who = (self.state.status.device_name if self.state else "") or ""
        done_text = (self.tr("✔ The current value is kept.") if keep
                     else self.tr("✔ The other computer's value is back; it is uploaded at the next sync."))
        self._change(lambda task: work.resolve(task.store, conflict_id, keep, who), done_text, data=not keep)

    def retry(self, table: str, record_id: str) -> None:
        self._change(lambda task: work.retry(task.store, table, record_id),
                     self.tr("✔ The row is uploaded again at the next sync."), data=False)

    def discard(self, table: str, record_id: str, what: str) -> None:
        if not messages.confirm(
            self, self.tr("Discard this computer's change?"),
            self.tr("The change made on this computer to {what} is no longer uploaded. The server's version "
                    "replaces it at the next sync (a row the server never had stays on this computer only). "
                    "This cannot be undone.").format(what=what),
            self.tr("Discard the change"),
        ):
            return
        self._change(lambda task: work.discard(task.store, table, record_id),
                     self.tr("✔ The change is no longer uploaded; the server's version comes at the next sync."),
                     data=False)

    def _change(self, fn: Any, done_text: str, data: bool) -> None:
        def done(_result: Any) -> None:
            show_notice(self.notice, done_text)
            if data:  # a row changed: pages showing it reload
                self.ctx.roster_changed.emit()
                self.ctx.study_changed.emit()
                self.ctx.pairing_changed.emit()
            self.ctx.sync_changed.emit()

        def run(task: TaskContext) -> Any:
            return fn(task)

        self.ctx.runner.run(run, done, self._refused, parent=self, title=self.tr("Saving…"), cancellable=False)

    def _refused(self, error: Exception) -> None:
        if isinstance(error, SyncError):
            messages.inform(self, self.tr("Could not finish"), error.message)
        else:
            messages.show_error(self, error)
        self.reload()
