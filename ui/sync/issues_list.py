"""The conflicts and the rows the server refused, one card each with its Chinese explanation and what
can be done about it right there: for a conflict 保留当前值 / 恢复另一台电脑的值, for a refused row
重新上传 / 放弃本地修改. Resolved conflicts are shown on request, greyed out, without buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.figure_tile import MUTED
from ui.sync import work
from ui.sync.look import scale_font

CONFLICT_COLOR = "#c25e00"
REJECTED_COLOR = "#b00020"
RESOLVED_COLOR = "#9e978d"


def _text(text: str, colour: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


class IssueCard(QFrame):
    """One conflict or refused row: ``kind`` is "conflict" or "rejection"; ``buttons`` by action."""

    def __init__(self, kind: str, title: str, body: str, note: str, colour: str, resolved: bool = False) -> None:
        super().__init__()
        self.kind = kind
        self.resolved = resolved
        self.key: Any = None  # the conflict's id, or (table, record id) of a refused row
        self.buttons: dict[str, QPushButton] = {}
        self.setObjectName("issue")
        edge = RESOLVED_COLOR if resolved else colour
        background = "#f4f2ee" if resolved else "#ffffff"
        self.setStyleSheet(f"QFrame#issue {{ background: {background}; border: 1px solid #e2d9cc; "
                           f"border-left: 6px solid {edge}; border-radius: 6px; }}")
        column = QVBoxLayout(self)
        column.setContentsMargins(14, 10, 14, 10)
        column.setSpacing(4)
        self.title = _text(title, RESOLVED_COLOR if resolved else colour)
        scale_font(self.title, 1.1, bold=True)
        column.addWidget(self.title)
        self.body = _text(body, RESOLVED_COLOR if resolved else "")
        column.addWidget(self.body)
        self.note = _text(note, RESOLVED_COLOR if resolved else MUTED)
        self.note.setVisible(bool(note))
        column.addWidget(self.note)
        self.row = QHBoxLayout()
        self.row.addStretch(1)
        column.addLayout(self.row)

    def add_button(self, action: str, text: str, slot: Any, *, bold: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(38)
        button.setAutoDefault(False)
        button.setStyleSheet("padding: 0 16px;" + (" font-weight: bold;" if bold else ""))
        button.clicked.connect(lambda: slot())
        self.row.insertWidget(self.row.count() - 1, button)
        self.buttons[action] = button
        return button


class IssuesList(QWidget):
    resolve_requested = Signal(str, bool)  # conflict id, keep the current value
    retry_requested = Signal(str, str)  # table, record id
    discard_requested = Signal(str, str, str)  # table, record id, what row (for the question)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[IssueCard] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.show_resolved = QCheckBox(self.tr("Show resolved conflicts"))
        top.addWidget(self.show_resolved)
        column.addLayout(top)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(8)
        column.addLayout(self.cards_box)

    def show_issues(self, conflicts: list[Any], rejections: list[Any]) -> None:
        for card in self.cards:
            self.cards_box.removeWidget(card)
            card.deleteLater()
        self.cards = []
        open_conflicts = [c for c in conflicts if not c.resolution]
        resolved = [c for c in conflicts if c.resolution]
        for conflict in open_conflicts:
            self._add(self._conflict_card(conflict))
        for rejection in rejections:
            self._add(self._rejection_card(rejection))
        for conflict in resolved:
            self._add(self._conflict_card(conflict))
        if open_conflicts or rejections:
            self.summary.setText(self.tr("{conflicts} conflict(s) and {rejected} refused row(s) need a decision.")
                                 .format(conflicts=len(open_conflicts), rejected=len(rejections)))
            self.summary.setStyleSheet(f"color: {CONFLICT_COLOR}; font-weight: bold;")
        else:
            self.summary.setText(self.tr("✔ No conflicts and no refused rows: nothing to do here."))
            self.summary.setStyleSheet("color: #1b5e20; font-weight: bold;")

    def _add(self, card: IssueCard) -> None:
        self.cards.append(card)
        self.cards_box.addWidget(card)

    def _conflict_card(self, conflict: Any) -> IssueCard:
        resolved = bool(conflict.resolution)
        if resolved:  # the explanation says how and when
            title, note = self.tr("Resolved conflict: {what}"), ""
        else:
            title = self.tr("Conflict: {what}")
            note = self.tr("Choose which value is right; the choice reaches the other computers with the next sync.")
        card = IssueCard("conflict", title.format(what=conflict.what), conflict.explanation, note, CONFLICT_COLOR,
                         resolved)
        card.key = conflict.id
        if not resolved:
            ident = conflict.id
            card.add_button("keep", self.tr("Keep the current value"),
                            lambda: self.resolve_requested.emit(ident, True))
            card.add_button("restore", self.tr("Put the other computer's value back"),
                            lambda: self.resolve_requested.emit(ident, False), bold=True)
        return card

    def _rejection_card(self, rejection: Any) -> IssueCard:
        when = work.local_time(rejection.at)
        note = self.tr("Refused by the server {when}. Correct the row and upload it again, or discard the change "
                       "made here.").format(when=when)
        card = IssueCard("rejection", self.tr("Refused: {what}").format(what=rejection.what),
                         rejection.message, note, REJECTED_COLOR)
        card.key = (rejection.table, rejection.record_id)
        table, record_id, what = rejection.table, rejection.record_id, rejection.what
        card.add_button("retry", self.tr("Upload again"), lambda: self.retry_requested.emit(table, record_id),
                        bold=True)
        card.add_button("discard", self.tr("Discard the change made here…"),
                        lambda: self.discard_requested.emit(table, record_id, what))
        return card
