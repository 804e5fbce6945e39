"""The 进度 tab: how far the pairing work has come — the figures, every elder (skills done, can watch a
micro-lesson alone, visits), every helper, the elders per skill at 独立完成, and the selected elder's
checklist, where a level can be changed by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.pairing.fields import STALE_DAYS, level_label
from core.pairing.progress import ElderProgress, PairingProgress, pairing_progress
from core.pairing.skills import add_skill, elder_skills, set_skill_level
from core.store import Store
from ui.context import AppContext
from ui.figure_tile import FigureTile
from ui.notice import PdfSaver, notice_label, show_notice
from ui.pages.base import scroll_area, set_scrolling_content
from ui.pairing.common import PDF_DIR_PREF, RowsModel, button, size_columns
from ui.pairing.skill_dialog import CONFIRMED_BY_PREF, AddSkillDialog, SkillLevelDialog
from ui.pairing.visit_dialog import VisitDialog
from ui.reports.charts import BarChart
from ui.tables import record_table
from ui.tasks import Loader

NAME, GROUP, HELPER, SKILLS, WATCH, LAST_VISIT, VISITS = range(7)


def boxed(title: str, *widgets: QWidget, stretch_last: bool = True) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    heading = QLabel(title)
    heading.setStyleSheet("font-weight: bold;")
    layout.addWidget(heading)
    for position, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and position == len(widgets) - 1 else 0)
    return box


class ProgressTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.progress: PairingProgress | None = None
        self._checklist_for: str | None = None
        self.loader = Loader(ctx.runner, self, self._load)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        figures = QHBoxLayout()
        self.tile_elders = FigureTile(self.tr("Elders who need help"))
        self.tile_paired = FigureTile(self.tr("Paired"))
        self.tile_watch = FigureTile(self.tr("Can watch a micro-lesson alone"))
        self.tile_stale = FigureTile(self.tr("Not visited for {0} days").format(STALE_DAYS))
        for tile in (self.tile_elders, self.tile_paired, self.tile_watch, self.tile_stale):
            figures.addWidget(tile, 1)
        layout.addLayout(figures)
        self.notice = notice_label()
        layout.addWidget(self.notice)
        self.pdf = PdfSaver(ctx, self, self.notice, PDF_DIR_PREF)

        left = QSplitter(Qt.Orientation.Vertical)
        left.setChildrenCollapsible(False)
        left.addWidget(boxed(self.tr("Elders (red: not visited for more than {0} days)").format(STALE_DAYS),
                             self._build_elders()))
        left.addWidget(boxed(self.tr("Helpers"), self._build_helpers()))
        left.setSizes([420, 220])
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self._build_checklist())
        right.addWidget(self._build_chart())
        right.setSizes([360, 300])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([720, 520])  # the elders' table needs the room; the checklist has three columns
        # With the largest type on a small screen the tab scrolls rather than squeezing the tables.
        body.setMinimumHeight(self.fontMetrics().height() * 26)
        layout.addWidget(body, 1)
        set_scrolling_content(self, content)
        self._update_actions()

    # --- building ------------------------------------------------------------------------------

    def _table(self, model: RowsModel, samples: tuple[str, ...]) -> QTableView:
        table = record_table(model, QAbstractItemView.SelectionMode.SingleSelection)
        size_columns(table, samples)
        return table

    def _build_elders(self) -> QTableView:
        yes, no = self.tr("yes"), self.tr("no")
        self.elder_model = RowsModel([
            (self.tr("Elder"), lambda e: e.name),
            (self.tr("Party group"), lambda e: e.group_name),
            (self.tr("Helper"), lambda e: e.helper_name or self.tr("(not paired)")),
            (self.tr("Skills done"), lambda e: f"{e.skills_done}/{e.skills_total}"),
            (self.tr("Watches lessons alone"), lambda e: yes if e.can_watch_lesson else no),
            (self.tr("Last visit"), lambda e: e.last_visit or ""),
            (self.tr("Visits in 30 days"), lambda e: e.visits_30d),
        ], self, tone=self._elder_tone, tip=self._elder_tip, centred=(SKILLS, WATCH, LAST_VISIT, VISITS))
        self.elder_table = self._table(self.elder_model, ("欧阳振华", "第二党小组", "欧阳振华", "8/8", "是",
                                                          "2026-11-22", "12"))
        self.elder_table.selectionModel().selectionChanged.connect(self._elder_selected)
        self.elder_table.activated.connect(lambda _index: self.record_visit())
        return self.elder_table

    def _build_helpers(self) -> QTableView:
        self.helper_model = RowsModel([
            (self.tr("Helper"), lambda h: h.name),
            (self.tr("Party group"), lambda h: h.group_name),
            (self.tr("Elders"), lambda h: h.elders),
            (self.tr("Visits in 30 days"), lambda h: h.visits_30d),
            (self.tr("Last visit"), lambda h: h.last_visit or self.tr("none yet")),
            (self.tr("Elders not visited"), lambda h: h.stale_elders or ""),
        ], self, tone=lambda h: "alert" if h.stale_elders else None, centred=(2, 3, 4, 5))
        self.helper_table = self._table(self.helper_model, ("欧阳振华", "第二党小组", "3", "12", "2026-11-22"))
        return self.helper_table

    def _build_checklist(self) -> QWidget:
        self.checklist_title = QLabel(self.tr("Choose an elder to see their skills"))
        self.checklist_title.setStyleSheet("font-weight: bold;")
        self.checklist_model = RowsModel([
            (self.tr("Skill"), lambda s: s["name"]),
            (self.tr("Level"), lambda s: level_label(s["level"])),
            (self.tr("Confirmed"), lambda s: " ".join(filter(None, (s["confirmed_date"], s["confirmed_by"])))),
        ], self, tone=lambda s: None if s["level"] != "not_learned" else "muted")
        self.checklist = self._table(self.checklist_model, ("观看微党课视频", "协助可做"))
        self.checklist.activated.connect(lambda _index: self.change_level())
        self.checklist.selectionModel().selectionChanged.connect(self._update_actions)
        row = QHBoxLayout()
        self.level_button = button(row, self.tr("Change level…"), self.change_level,
                                   self.tr("Enter or double-click a skill"))
        self.visit_button = button(row, self.tr("Record visit…"), self.record_visit)
        self.card_button = button(row, self.tr("Print progress card…"), self.print_card,
                                  self.tr("A PDF card of the selected elder's skills to leave at home"))
        row.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.checklist_title)
        layout.addWidget(self.checklist, 1)
        layout.addLayout(row)
        return box

    def _build_chart(self) -> QWidget:
        self.chart = BarChart(Qt.Orientation.Horizontal)
        self.chart.set_placeholder(self.tr("No skills yet."))
        self.chart.setAccessibleName(self.tr("Elders per skill done alone"))
        area = scroll_area(self.chart)
        heading = QHBoxLayout()
        title = QLabel(self.tr("Elders who can do each skill alone"))
        title.setStyleSheet("font-weight: bold;")
        heading.addWidget(title, 1)
        self.add_skill_button = button(heading, self.tr("Add skill…"), self.add_skill,
                                       self.tr("Add a skill to every elder's checklist"))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(area, 1)
        return box

    def _elder_tone(self, elder: ElderProgress) -> str | None:
        if elder.stale:
            return "alert"
        return "muted" if elder.helper_id is None else None

    def _elder_tip(self, elder: ElderProgress) -> str:
        if elder.stale:
            return self.tr("Not visited for {0} days: remind {1}.").format(elder.days_without_visit, elder.helper_name)
        if elder.helper_id is None:
            return self.tr("No helper yet: see \"Suggestions\".")
        return ""

    # --- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.loader.request()

    def _load(self) -> None:
        today = date.today()
        self.loader.run(lambda task: pairing_progress(task.store, today), self._loaded,
                        self.tr("Loading the progress…"))

    def _loaded(self, progress: PairingProgress) -> None:
        current = self.selected_elder()
        selected = current.elder_id if current else None
        self.progress = progress
        self.tile_elders.set_value(str(progress.elders_total))
        share = f"{progress.paired / progress.elders_total:.0%}" if progress.elders_total else ""
        self.tile_paired.set_value(str(progress.paired), share)
        self.tile_watch.set_value(str(progress.can_watch_lesson))
        self.tile_stale.set_value(str(progress.stale), self.tr("Please remind the helpers") if progress.stale else "")
        self.elder_model.set_rows(progress.elders)
        self.helper_model.set_rows(progress.helpers)
        self.chart.set_data([s.name for s in progress.skills],
                            [s.levels.get("independent", 0) for s in progress.skills],
                            value_format=lambda v: f"{v:g}/{progress.elders_total}",
                            maximum=float(progress.elders_total or 1))
        self._checklist_for = None
        if selected:
            self.select_elder(selected)
        if self.selected_elder() is None:
            self._show_checklist(None, [])

    def elder_row(self, elder_id: str) -> int:
        return next((p for p, e in enumerate(self.elder_model.rows) if e.elder_id == elder_id), -1)

    def select_elder(self, elder_id: str) -> None:
        row = self.elder_row(elder_id)
        if row >= 0:
            self.elder_table.selectRow(row)

    def selected_elder(self) -> ElderProgress | None:
        rows = self.elder_table.selectionModel().selectedRows()
        return self.elder_model.row_at(rows[0].row()) if rows else None

    def _elder_selected(self) -> None:
        elder = self.selected_elder()
        self._update_actions()
        if elder is None or elder.elder_id == self._checklist_for:
            return
        elder_id = elder.elder_id
        self._checklist_for = elder_id

        def done(rows: list[dict[str, Any]]) -> None:
            if self._checklist_for == elder_id:
                self._show_checklist(elder, rows)

        self.ctx.runner.run(lambda task: elder_skills(task.store, elder_id), done, parent=self,
                            title=self.tr("Loading…"))

    def _show_checklist(self, elder: ElderProgress | None, rows: list[dict[str, Any]]) -> None:
        self.checklist_model.set_rows(rows)
        if elder is None:
            self.checklist_title.setText(self.tr("Choose an elder to see their skills"))
        else:
            self.checklist_title.setText(self.tr("Skills of {0}: {1} of {2} done alone")
                                         .format(elder.name, elder.skills_done, elder.skills_total))
        self._update_actions()

    def selected_skill(self) -> dict[str, Any] | None:
        rows = self.checklist.selectionModel().selectedRows()
        return self.checklist_model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        elder = self.selected_elder()
        self.level_button.setEnabled(elder is not None and self.selected_skill() is not None)
        self.visit_button.setEnabled(bool(elder and elder.helper_id))
        self.card_button.setEnabled(elder is not None)

    # --- actions -------------------------------------------------------------------------------

    def change_level(self) -> None:
        elder, skill = self.selected_elder(), self.selected_skill()
        if elder is None or skill is None:
            return
        confirmer = elder.helper_name or str(self.ctx.pref(CONFIRMED_BY_PREF, "") or "")
        dialog = SkillLevelDialog(elder.name, skill, confirmer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.ctx.set_pref(CONFIRMED_BY_PREF, dialog.confirmer())
        self.set_level(elder.elder_id, skill["skill_id"], dialog.chosen_level(), dialog.confirmed_date(),
                       dialog.confirmer())

    def set_level(self, elder_id: str, skill_id: str, level: str, confirmed_date: str, confirmed_by: str) -> None:
        today = date.today()
        self._checklist_for = None  # fetch the checklist again with the new level
        self.ctx.runner.run(
            lambda task: set_skill_level(task.store, elder_id, skill_id, level, confirmed_date, confirmed_by, today),
            lambda _changed: self.ctx.pairing_changed.emit(), parent=self, title=self.tr("Saving…"),
            cancellable=False,
        )

    def record_visit(self) -> None:
        elder = self.selected_elder()
        if elder is not None and elder.helper_id:
            VisitDialog(self.ctx, elder.elder_id, self).exec()

    def add_skill(self) -> None:
        dialog = AddSkillDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name = dialog.name.text()

        def done(_skill_id: object) -> None:
            show_notice(self.notice, self.tr("“{0}” is now on every elder's checklist.").format(name.strip()))
            self._checklist_for = None
            self.ctx.pairing_changed.emit()

        self.ctx.runner.run(lambda task: add_skill(task.store, name), done, parent=self,
                            title=self.tr("Saving…"), cancellable=False)

    def print_card(self) -> None:
        elder = self.selected_elder()
        if elder is None:
            return
        elder_id, today = elder.elder_id, date.today()

        def write(store: Store, out: Path) -> int:
            from core.pairing.progress_card import write_progress_card

            return write_progress_card(store, out, elder_id, today)

        self.pdf.save(self.tr("Print progress card"), self.tr("progress-card-{0}.pdf").format(elder.name), write)
