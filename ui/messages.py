"""Showing errors and confirmations to the user, in the user's language."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def user_errors() -> tuple[type[Exception], ...]:
    """Errors a user can cause: their message (Chinese, from core) says what is wrong and what to do.
    Imported when first needed: the modules defining them are not needed to open the window."""
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

    return (
        BackupError, DatabaseError, DemoRefused, ExportError, GroupError, LessonError, PairingError, PdfError,
        QrError, StudyError, ValidationFailed, StatusError, TableReadError, TableWriteError,
    )


def __getattr__(name: str) -> Any:
    """``USER_ERRORS``, the tuple of ``user_errors()``, made on first use."""
    if name == "USER_ERRORS":
        return user_errors()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def show_error(parent: QWidget | None, error: Exception, trace: str = "") -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Messages", "Could not finish"))
    if isinstance(error, user_errors()):
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
