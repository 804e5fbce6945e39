"""Starting a pairing by hand (新建结对) and ending one (结束结对)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.lessons.study import studying_members
from core.pairing.pairings import PairingRequest, add_pairing, check_pairing, list_pairings
from core.pairing.people import PAIRED_STATUS, Person, elders, helpers
from core.pairing.rules import PairingError, load_rules
from core.roster.derived import age
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.forms import RequiredDialog, date_edit, iso, ok_cancel, show_status
from ui.lessons.search_combo import SearchCombo
from ui.pairing.common import age_text, choice, hint_label, where_label
from ui.tasks import TaskContext

END_REASONS = ("老人已能独立使用微信", "帮扶人外出务工", "老人搬离本村", "调整帮扶人")


@dataclass
class PairingChoices:
    helpers: list[Person]
    elders: list[Person]
    others: list[dict[str, Any]]  # members with status 正常 on neither list
    load: dict[str, int]  # helper id → elders now
    helper_of: dict[str, str]  # elder id → name of their helper now
    capacity: int = 3
    ages: dict[str, int | None] = field(default_factory=dict)


def load_choices(store: Store, today: date) -> PairingChoices:
    rules = load_rules(store)
    helper_list, elder_list = helpers(store, today, rules), elders(store, today, rules)
    listed = {p.id for p in helper_list} | {p.id for p in elder_list}
    others = [m for m in studying_members(store) if m["status"] == PAIRED_STATUS and m["id"] not in listed]
    load: dict[str, int] = {}
    helper_of: dict[str, str] = {}
    for pairing in list_pairings(store):
        load[pairing["helper_id"]] = load.get(pairing["helper_id"], 0) + 1
        helper_of[pairing["elder_id"]] = pairing["helper_name"]
    return PairingChoices(helper_list, elder_list, others, load, helper_of, rules.capacity,
                          {m["id"]: age(m, today) for m in others})


class NewPairingDialog(QDialog):
    """Pick a helper and an elder (name, pinyin or initials), a start date; warnings (different 党小组
    or village, not on the lists) are asked about, refusals shown in red."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.setWindowTitle(self.tr("New pairing"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.helper = SearchCombo()
        self.helper.lineEdit().setPlaceholderText(self.tr("Name or pinyin initials"))
        self.elder = SearchCombo()
        self.elder.lineEdit().setPlaceholderText(self.tr("Name or pinyin initials"))
        self.start = date_edit()
        self.start.setToolTip(self.tr("The day the pairing starts; it cannot be in the future"))
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        for editor in (self.helper, self.elder, self.note):
            editor.setMinimumHeight(34)
        form.addRow(self.tr("&Helper"), self.helper)
        form.addRow(self.tr("&Elder"), self.elder)
        form.addRow(self.tr("&Start date"), self.start)
        form.addRow(self.tr("N&ote"), self.note)
        layout.addLayout(form)
        layout.addWidget(hint_label(self.tr("Helpers on the list come first, then other members; elders already "
                                            "paired show their helper.")))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().height() * 2)
        layout.addWidget(self.status)
        self.ok_button = ok_cancel(self, layout, self.tr("Pair (Ctrl+S)"), lambda: self.save())
        QShortcut(QKeySequence("Ctrl+S"), self, activated=lambda: self.save(),
                  context=Qt.ShortcutContext.WindowShortcut)
        for combo in (self.helper, self.elder):
            combo.currentIndexChanged.connect(lambda _i: show_status(self.status, ""))
        self.helper.setFocus()
        ctx.runner.run(lambda task: load_choices(task.store, date.today()), self._loaded, parent=self,
                       title=self.tr("Loading…"))

    def _loaded(self, data: PairingChoices) -> None:
        not_helper, not_elder = self.tr("not on the helpers' list"), self.tr("not on the elders' list")
        helper_choices = [
            choice(p.id, p.name, (where_label(p.group_name, p.village),
                                  self.tr("helps {0}/{1}").format(data.load.get(p.id, 0), data.capacity)),
                   p.name_pinyin)
            for p in data.helpers
        ]
        elder_choices = [
            choice(p.id, p.name, (where_label(p.group_name, p.village), age_text(p.age),
                                  self.tr("helped by {0}").format(data.helper_of[p.id]) if p.id in data.helper_of
                                  else ""), p.name_pinyin)
            for p in data.elders
        ]
        for member in data.others:
            place = where_label(member.get("group_name"), member.get("village"))
            years = age_text(data.ages.get(member["id"]))
            pinyin = member.get("name_pinyin") or ""
            helper_choices.append(choice(member["id"], member["name"], (place, years, not_helper), pinyin))
            elder_choices.append(choice(member["id"], member["name"], (place, years, not_elder), pinyin))
        self.helper.set_choices(helper_choices)
        self.elder.set_choices(elder_choices)
        self.helper.setCurrentIndex(-1)
        self.elder.setCurrentIndex(-1)

    def request(self) -> PairingRequest:
        return PairingRequest(str(self.helper.value() or ""), str(self.elder.value() or ""), iso(self.start),
                              self.note.text().strip())

    def save(self, confirmed: bool = False) -> None:
        if self.saving:
            return
        for combo in (self.helper, self.elder):
            combo.lineEdit().editingFinished.emit()  # take a half-typed name
        request = self.request()
        if not request.helper_id or not request.elder_id:
            show_status(self.status, self.tr("Choose both the helper and the elder."), error=True)
            (self.helper if not request.helper_id else self.elder).setFocus()
            return
        today = date.today()

        def work(task: TaskContext) -> tuple[str, Any]:
            _day, warnings = check_pairing(task.store, request, today)
            if warnings and not confirmed:
                return "warnings", warnings
            return "saved", add_pairing(task.store, request, today)

        self.saving = True
        self.ctx.runner.run(work, lambda result: self._done(*result), self._failed, parent=self,
                            title=self.tr("Saving…"), cancellable=False)

    def _done(self, outcome: str, detail: Any) -> None:
        self.saving = False
        if outcome == "warnings":
            text = "\n".join(f"• {line}" for line in detail)
            if messages.confirm(self, self.tr("Please check"), self.tr("{0}\n\nPair them anyway?").format(text),
                                self.tr("Pair anyway")):
                self.save(confirmed=True)
            return
        self.ctx.pairing_changed.emit()
        self.saved.emit(str(detail))
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.saving = False
        if isinstance(error, PairingError):
            show_status(self.status, str(error), error=True)
        else:
            messages.show_error(self, error)


class EndPairingDialog(RequiredDialog):
    """The end date (not before the start, not in the future) and the reason (required)."""

    def __init__(self, pairing: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End pairing"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("End the pairing of {0} helping {1} (since {2})? It stays in the history with "
                               "its dates and reason.")
                       .format(pairing["helper_name"], pairing["elder_name"], pairing["start_date"]))
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.end = date_edit()
        self.end.setMinimumDate(QDate.fromString(pairing["start_date"], "yyyy-MM-dd"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *END_REASONS])
        self.reason.setMinimumHeight(34)
        self.reason.lineEdit().setMaxLength(200)
        self.reason.lineEdit().setPlaceholderText(self.tr("Reason (required)"))
        form.addRow(self.tr("End &date"), self.end)
        form.addRow(self.tr("&Reason"), self.reason)
        layout.addLayout(form)
        self.ok_button = ok_cancel(self, layout, self.tr("End pairing"))
        self.reason.editTextChanged.connect(self._update)
        self._update()
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def end_date(self) -> str:
        return iso(self.end)

    def filled(self) -> bool:
        return bool(self.reason_text())
