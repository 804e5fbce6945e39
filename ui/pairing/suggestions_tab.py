"""The 推荐 tab: suggested helpers for the elders still without one (same 党小组 and village first,
helpers' load even), each with its reasons; accept them all or some, reject the unsuitable ones (they
are never suggested again)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.pairing.suggestions import (
    Suggestion,
    SuggestionSet,
    accept_suggestions,
    forget_rejections,
    reject_suggestion,
    suggest_pairings,
)
from ui import messages
from ui.context import AppContext
from ui.forms import date_edit, iso, ok_cancel
from ui.notice import notice_label, show_notice
from ui.pairing.common import RowsModel, button, hint_label, size_columns, where_label
from ui.tables import record_table
from ui.tasks import Loader, TaskContext


class StartDateDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept suggestions"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Pair {0} helper(s) and elder(s) as suggested? They start on this day:").format(count))
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.start = date_edit()
        form.addRow(self.tr("&Start date"), self.start)
        layout.addLayout(form)
        ok_cancel(self, layout, self.tr("Accept"))


def ask_start_date(parent: QWidget, count: int) -> str | None:
    """The start date of the pairings to accept (today unless changed), or None when cancelled."""
    dialog = StartDateDialog(count, parent)
    return iso(dialog.start) if dialog.exec() == QDialog.DialogCode.Accepted else None


def pair_text(helper_value: str, elder_value: str) -> str:
    return helper_value if helper_value == elder_value else f"{helper_value} / {elder_value}"


class SuggestionsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.generated = False  # suggestions were asked for: keep them fresh when data change
        self.result: SuggestionSet | None = None
        self.loader = Loader(ctx.runner, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(hint_label(self.tr("Suggestions pair each elder without a helper with a helper of the "
                                            "same party group and village where possible, and share the elders "
                                            "evenly among the helpers.")))
        row = QHBoxLayout()
        self.generate_button = button(row, self.tr("Make suggestions"), self.generate, bold=True)
        row.addSpacing(12)
        self.accept_all_button = button(row, self.tr("Accept all"), self.accept_all)
        self.accept_button = button(row, self.tr("Accept selected"), self.accept_selected)
        self.reject_button = button(row, self.tr("Reject selected"), self.reject_selected,
                                    self.tr("This helper will never be suggested for this elder again"))
        row.addStretch(1)
        self.forget_button = button(row, self.tr("Forget rejections…"), self.forget,
                                    self.tr("Suggest the rejected pairs again"))
        layout.addLayout(row)
        self.summary = QLabel(self.tr("Click \"Make suggestions\" to see who could help whom."))
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        self.notice = notice_label()
        layout.addWidget(self.notice)

        self.model = RowsModel([
            (self.tr("Helper"), lambda s: s.helper.name),
            (self.tr("Elder"), lambda s: s.elder.name),
            (self.tr("Party group"), lambda s: pair_text(s.helper.group_name, s.elder.group_name)),
            (self.tr("Village"), lambda s: pair_text(s.helper.village, s.elder.village)),
            (self.tr("Why"), lambda s: " · ".join(s.reasons)),
        ], self, tip=self._tip)
        self.table = record_table(self.model, QAbstractItemView.SelectionMode.ExtendedSelection)
        size_columns(self.table, ("欧阳振华", "欧阳振华", "第一党小组 / 第二党小组", "东村东村 / 西村西村"))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        layout.addWidget(self.table, 1)
        self._update_actions()

    def _tip(self, suggestion: Suggestion) -> str:
        helper, elder = suggestion.helper, suggestion.elder
        return self.tr("{0} ({1}) helps {2} ({3})").format(
            helper.name, where_label(helper.group_name, helper.village),
            elder.name, where_label(elder.group_name, elder.village))

    # --- suggestions ---------------------------------------------------------------------------

    def reload(self) -> None:
        if self.generated:
            self.generate()

    def generate(self) -> None:
        self.generated = True
        today = date.today()
        self.loader.run(lambda task: suggest_pairings(task.store, today), self._shown,
                        self.tr("Working out the suggestions…"))

    def _shown(self, result: SuggestionSet) -> None:
        self.result = result
        self.model.set_rows(result.suggestions)
        self.summary.setText(self.summary_text(result))
        self._update_actions()

    def summary_text(self, result: SuggestionSet) -> str:
        if not result.waiting_elders:
            return self.tr("Every elder who needs help has a helper.")
        count = len(result.suggestions)
        if not result.unpaired_elders:
            return self.tr("{0} can be paired.").format(count)
        if result.free_slots - count <= 0:
            why = self.tr("the helpers are full")
        else:
            why = self.tr("the helpers left were rejected for them")
        return self.tr("{0} can be paired, {1} elder(s) still have no helper ({2}). Add helpers or raise the "
                       "number each may help under \"Lists and rules\".").format(count, result.unpaired_elders, why)

    def selected(self) -> list[Suggestion]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def _update_actions(self) -> None:
        chosen = bool(self.selected())
        self.accept_all_button.setEnabled(bool(self.model.rows))
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    # --- actions -------------------------------------------------------------------------------

    def accept_all(self) -> None:
        self.accept(list(self.model.rows))

    def accept_selected(self) -> None:
        self.accept(self.selected())

    def accept(self, suggestions: list[Suggestion]) -> None:
        """Ask for the start date, then pair all of ``suggestions`` (or none, when one is no longer
        possible)."""
        if not suggestions:
            return
        start = ask_start_date(self, len(suggestions))
        if start is None:
            return
        today = date.today()

        def done(ids: list[str]) -> None:
            show_notice(self.notice, self.tr("{0} pairing(s) made; they are on the \"Pairings\" tab.")
                        .format(len(ids)))
            self.ctx.pairing_changed.emit()

        self.ctx.runner.run(lambda task: accept_suggestions(task.store, suggestions, start, today), done,
                            parent=self, title=self.tr("Saving…"), cancellable=False)

    def reject_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        pairs = [(s.helper.id, s.elder.id) for s in chosen]

        def work(task: TaskContext) -> None:
            with task.store.transaction():
                for helper_id, elder_id in pairs:
                    reject_suggestion(task.store, helper_id, elder_id)

        def done(_result: object) -> None:
            self.model.set_rows(s for s in self.model.rows if (s.helper.id, s.elder.id) not in pairs)
            show_notice(self.notice, self.tr("{0} suggestion(s) rejected; they will not be suggested again.")
                        .format(len(pairs)))
            self.generate()

        self.ctx.runner.run(work, done, parent=self, title=self.tr("Saving…"), cancellable=False)

    def forget(self) -> None:
        if not messages.confirm(self, self.tr("Forget rejections"),
                                self.tr("Suggest every rejected helper and elder pair again?"),
                                self.tr("Forget rejections")):
            return

        def done(_result: object) -> None:
            show_notice(self.notice, self.tr("Rejections forgotten."))
            self.generate()

        self.ctx.runner.run(lambda task: forget_rejections(task.store), done, parent=self,
                            title=self.tr("Saving…"), cancellable=False)
