"""Showing errors and confirmations to the user, in the user's language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from core.backup import BackupError
from core.db import DatabaseError
from core.lessons.catalogue import LessonError
from core.lessons.study import StudyError
from core.pairing.rules import PairingError
from core.pdf import PdfError
from core.qr import QrError
from core.roster.demo import DemoRefused
from core.roster.export import ExportError
from core.roster.groups import GroupError
from core.roster.members import ValidationFailed
from core.roster.status import StatusError
from core.tabular import TableReadError, TableWriteError

log = logging.getLogger(__name__)

# Errors a user can cause: their message (Chinese, from core) says what is wrong and what to do.
USER_ERRORS: tuple[type[Exception], ...] = (
    BackupError, DatabaseError, DemoRefused, ExportError, GroupError, LessonError, PairingError, PdfError, QrError,
    StudyError, ValidationFailed, StatusError, TableReadError, TableWriteError,
)


def show_error(parent: QWidget | None, error: Exception, trace: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Messages", "Could not finish"))
    if isinstance(error, USER_ERRORS):
        box.setText(str(error))
    else:
        log.error("unexpected error: %s\n%s", error, trace)
        box.setText(
            QCoreApplication.translate(
                "Messages",
                "An unexpected error occurred. Nothing was saved half-way; please try again. "
                "If it happens again, send the details below to the district.",
            )
        )
        box.setDetailedText(trace or repr(error))
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Messages", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.exec()
