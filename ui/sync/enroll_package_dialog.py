"""用U盘登记: joining the branch with no link. The one-time code the district gave and this computer's
name (the computer's name by default, as for 加入支部) go into an enrolment package; the district
applies it and gives back the enrolment reply, imported with 导入回执."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.sync.config import default_device_name
from ui.forms import ok_cancel
from ui.sync.look import scale_font


class EnrollPackageDialog(QDialog):
    """Accepted with ``code()`` and ``device()`` filled in; the page then asks where to save the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join by USB stick"))
        self.setMinimumWidth(580)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(self.tr("For a computer with no network. Type the enrollment code the district gave "
                               "you; the next step saves an enrollment package (a file) on a USB stick. Take "
                               "it to the district's organization department, bring their reply file back, "
                               "and press “Import reply…”. A code works only once."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(64)
        self.code_edit.setMinimumHeight(40)
        scale_font(self.code_edit, 1.3, bold=True)
        self.code_edit.setPlaceholderText(self.tr("Enrollment code"))
        form.addRow(self.tr("&Code"), self.code_edit)
        self.device_edit = QLineEdit(default_device_name())
        self.device_edit.setMaxLength(60)
        self.device_edit.setMinimumHeight(36)
        self.device_edit.setToolTip(self.tr("The district sees this name, e.g. 村委会办公室电脑"))
        form.addRow(self.tr("This computer's &name"), self.device_edit)
        layout.addLayout(form)

        self.ok_button = ok_cancel(self, layout, self.tr("Save the enrollment package…"), self.accept)
        self.code_edit.textChanged.connect(self._update)
        self._update()

    def code(self) -> str:
        return self.code_edit.text().strip()

    def device(self) -> str:
        return self.device_edit.text().strip() or default_device_name()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.code()))

    def accept(self) -> None:
        if self.code():
            super().accept()
