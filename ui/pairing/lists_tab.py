"""The 名单与条件 tab: the rules saying who needs help and who can help, and the two lists they give,
where a member can be put on a list by hand, taken off it, or left to the rules again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.lessons.study import studying_members
from core.pairing.people import PAIRED_STATUS, Person, elders, helpers, marks, set_mark
from core.pairing.rules import PairingError, PairingRules, load_rules, save_rules
from core.roster.derived import age
from core.roster.fields import choice_label
from core.store import Store
from ui import messages
from ui.context import AppContext
from ui.forms import ok_cancel, show_status
from ui.lessons.search_combo import SearchCombo
from ui.pairing.common import RowsModel, age_text, button, choice, hint_label, size_columns, where_label
from ui.tables import record_table
from ui.tasks import Loader, TaskContext

ROLES = ("elder", "helper")


@dataclass
class ListsData:
    rules: PairingRules
    lists: dict[str, list[dict[str, Any]]]  # role → rows (source: "rule", "added" or "removed")
    members: list[dict[str, Any]]  # members with status 正常, for putting on a list by hand


def _row(person: Person, source: str) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "group_name": person.group_name, "village": person.village,
            "age": person.age, "wechat": person.wechat_label, "source": source}


def load_lists(store: Store, today: date) -> ListsData:
    rules = load_rules(store)
    lists: dict[str, list[dict[str, Any]]] = {}
    for role, people in (("elder", elders(store, today, rules)), ("helper", helpers(store, today, rules))):
        hand = marks(store, role)
        rows = [_row(p, "added" if hand.get(p.id) else "rule") for p in people]
        for member_id, included in hand.items():
            member = store.get("members", member_id)
            if included or member is None or member["deleted"]:
                continue
            group = store.get("party_groups", member["group_id"]) if member["group_id"] else None
            rows.append({"id": member_id, "name": member["name"], "group_name": (group or {}).get("name") or "",
                         "village": member["village"] or "", "age": age(member, today),
                         "wechat": choice_label("wechat", member["wechat"]), "source": "removed"})
        lists[role] = rows
    members = [dict(m, age=age(m, today)) for m in studying_members(store) if m["status"] == PAIRED_STATUS]
    return ListsData(rules, lists, members)


class PickMemberDialog(QDialog):
    def __init__(self, title: str, choices: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Member (name, pinyin or initials):")))
        self.member = SearchCombo()
        self.member.setMinimumHeight(34)
        self.member.set_choices(choices)
        self.member.setCurrentIndex(-1)
        layout.addWidget(self.member)
        ok_cancel(self, layout, self.tr("Put on the list"))

    def accept(self) -> None:
        self.member.lineEdit().editingFinished.emit()
        if self.member.value():
            super().accept()


def pick_member(parent: QWidget, title: str, choices: list[tuple[str, str, str]]) -> str | None:
    dialog = PickMemberDialog(title, choices, parent)
    return str(dialog.member.value()) if dialog.exec() == QDialog.DialogCode.Accepted else None


class ListsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: ListsData | None = None
        self.loader = Loader(ctx.runner, self, self._load)
        self.models: dict[str, RowsModel] = {}
        self.tables: dict[str, QTableView] = {}
        self.counts: dict[str, QLabel] = {}
        self.buttons: dict[str, tuple[QPushButton, QPushButton, QPushButton]] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self._build_rules())
        lists = QHBoxLayout()
        lists.addWidget(self._build_list("elder", self.tr("Elders who need help")), 1)
        lists.addWidget(self._build_list("helper", self.tr("Helpers")), 1)
        layout.addLayout(lists, 1)

    # --- building ------------------------------------------------------------------------------

    def _spin(self, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setMinimumHeight(34)
        spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 岁") + 60)
        return spin

    def _build_rules(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rules"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        years, people = self.tr(" yrs"), self.tr(" elders")
        self.elder_min_age = self._spin(50, 100, years)
        self.helper_max_age = self._spin(18, 70, years)
        self.capacity = self._spin(1, 20, people)
        for text, spin in ((self.tr("Elders: aged at least"), self.elder_min_age),
                           (self.tr("Helpers: aged at most"), self.helper_max_age),
                           (self.tr("Each helper helps at most"), self.capacity)):
            label = QLabel(text)
            label.setBuddy(spin)
            row.addWidget(label)
            row.addWidget(spin)
            row.addSpacing(16)
        self.save_rules_button = button(row, self.tr("Save rules"), self.save_rules, bold=True)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(hint_label(self.tr("Elders are members who cannot use WeChat yet; helpers are members "
                                            "who use it. Only members whose status is active are on the lists.")))
        self.rules_status = QLabel()
        layout.addWidget(self.rules_status)
        return box

    def _build_list(self, role: str, title: str) -> QWidget:
        sources = {"rule": self.tr("by the rules"), "added": self.tr("added by hand"),
                   "removed": self.tr("taken off by hand")}
        model = RowsModel([
            (self.tr("Name"), lambda r: r["name"]),
            (self.tr("Party group"), lambda r: r["group_name"]),
            (self.tr("Age"), lambda r: r["age"] if r["age"] is not None else ""),
            (self.tr("WeChat"), lambda r: r["wechat"]),
            (self.tr("On the list"), lambda r: sources[r["source"]]),
        ], self, tone=lambda r: "muted" if r["source"] == "removed" else None,
            tip=lambda r: where_label(r["group_name"], r["village"]), centred=(2,))
        table = record_table(model, QAbstractItemView.SelectionMode.SingleSelection)
        size_columns(table, ("欧阳振华", "第二党小组", "100", "智能机未用微信"))
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.models[role], self.tables[role] = model, table
        heading = QHBoxLayout()
        label = QLabel(title)
        label.setStyleSheet("font-weight: bold;")
        heading.addWidget(label)
        heading.addStretch(1)
        self.counts[role] = QLabel()
        heading.addWidget(self.counts[role])
        row = QHBoxLayout()
        add = button(row, self.tr("Add by hand…"), lambda: self.add_by_hand(role))
        remove = button(row, self.tr("Take off the list"), lambda: self.mark_selected(role, False))
        restore = button(row, self.tr("Back to the rules"), lambda: self.mark_selected(role, None),
                         self.tr("Undo the hand mark: the rules decide again"))
        row.addStretch(1)
        self.buttons[role] = (add, remove, restore)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(table, 1)
        layout.addLayout(row)
        return box

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        today = date.today()
        self.loader.run(lambda task: load_lists(task.store, today), self._loaded, self.tr("Loading the lists…"))

    def _loaded(self, data: ListsData) -> None:
        self.data = data
        self.elder_min_age.setValue(data.rules.elder_min_age)
        self.helper_max_age.setValue(data.rules.helper_max_age)
        self.capacity.setValue(data.rules.capacity)
        for role in ROLES:
            rows = data.lists[role]
            self.models[role].set_rows(rows)
            self.counts[role].setText(self.tr("{0} people").format(sum(1 for r in rows if r["source"] != "removed")))
        self._update_actions()

    def selected(self, role: str) -> dict[str, Any] | None:
        rows = self.tables[role].selectionModel().selectedRows()
        return self.models[role].row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        for role in ROLES:
            row = self.selected(role)
            _add, remove, restore = self.buttons[role]
            remove.setEnabled(bool(row and row["source"] != "removed"))
            restore.setEnabled(bool(row and row["source"] != "rule"))

    # --- actions -------------------------------------------------------------------------------

    def rules(self) -> PairingRules:
        return PairingRules(self.elder_min_age.value(), self.helper_max_age.value(), self.capacity.value())

    def save_rules(self) -> None:
        rules = self.rules()

        def done(_result: object) -> None:
            show_status(self.rules_status, self.tr("Rules saved; the lists below follow them."))
            self.ctx.pairing_changed.emit()

        def failed(error: Exception) -> None:
            if isinstance(error, PairingError):
                show_status(self.rules_status, str(error), error=True)
            else:
                messages.show_error(self, error)

        self.ctx.runner.run(lambda task: save_rules(task.store, rules), done, failed, parent=self,
                            title=self.tr("Saving…"), cancellable=False)

    def add_by_hand(self, role: str) -> None:
        if self.data is None:
            return
        listed = {r["id"] for r in self.data.lists[role] if r["source"] != "removed"}
        choices = [choice(m["id"], m["name"], (where_label(m.get("group_name"), m.get("village")), age_text(m["age"])),
                          m.get("name_pinyin") or "")
                   for m in self.data.members if m["id"] not in listed]
        title = self.tr("Put an elder on the list") if role == "elder" else self.tr("Put a helper on the list")
        member_id = pick_member(self, title, choices)
        if member_id:
            self.set_mark(member_id, role, True)

    def mark_selected(self, role: str, included: bool | None) -> None:
        row = self.selected(role)
        if row is not None:
            self.set_mark(row["id"], role, included)

    def set_mark(self, member_id: str, role: str, included: bool | None) -> None:
        def work(task: TaskContext) -> None:
            set_mark(task.store, member_id, role, included)

        self.ctx.runner.run(work, lambda _result: self.ctx.pairing_changed.emit(), parent=self,
                            title=self.tr("Saving…"), cancellable=False)

