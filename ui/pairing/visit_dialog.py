"""Recording a home visit (记录走访): who was visited and when, how long, the skills practised with the
level each one has reached, and a micro-lesson watched together (which also records the elder's study).

Keyboard: Enter moves on to the next field, Tab walks the skills (Space ticks, the arrow keys change a
level), Ctrl+S saves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import list_lessons
from core.pairing.fields import SKILL_LEVELS, level_label
from core.pairing.pairings import list_pairings
from core.pairing.rules import PairingError
from core.pairing.skills import elder_skills
from core.pairing.visits import VisitEntry, record_visit
from ui.context import AppContext
from ui.forms import EntryDialog, date_edit, iso
from ui.lessons.bulk_entry import ENTERED_BY_PREF as STUDY_ENTERED_BY_PREF
from ui.lessons.search_combo import SearchCombo
from ui.pairing.common import ENTERED_BY_PREF, search_keys
from ui.tasks import TaskContext


class SkillRow:
    """One skill of the checklist: practised on this visit (a tick) and its level (current preselected)."""

    def __init__(self, skill: dict[str, Any], grid: QGridLayout, row: int) -> None:
        self.skill_id = str(skill["skill_id"])
        self.current = str(skill["level"])
        self.practised = QCheckBox(skill["name"])
        self.level = QComboBox()
        for code, label in SKILL_LEVELS.items():
            self.level.addItem(label, code)
        self.level.setCurrentIndex(max(self.level.findData(self.current), 0))
        self.level.setMinimumHeight(32)
        confirmed = " ".join(filter(None, (skill.get("confirmed_date"), skill.get("confirmed_by"))))
        now = QCoreApplication.translate("VisitDialog", "now: {0}").format(level_label(self.current))
        self.was = QLabel(now + (f"（{confirmed}）" if confirmed else ""))
        self.was.setStyleSheet("color: #555555;")
        grid.addWidget(self.practised, row, 0)
        grid.addWidget(self.level, row, 1)
        grid.addWidget(self.was, row, 2)
        self.level.currentIndexChanged.connect(self._level_changed)

    def changed_level(self) -> str | None:
        level = str(self.level.currentData())
        return level if level != self.current else None

    def set_level(self, level: str) -> None:
        self.level.setCurrentIndex(self.level.findData(level))

    def _level_changed(self) -> None:
        changed = self.changed_level() is not None
        if changed:
            self.practised.setChecked(True)
        self.level.setStyleSheet("font-weight: bold; color: #1b5e20;" if changed else "")


class VisitDialog(EntryDialog):
    saved = Signal(str)

    def __init__(self, ctx: AppContext, elder_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pairings: dict[str, dict[str, Any]] = {}  # elder id → their latest pairing
        self.lessons: dict[str, dict[str, Any]] = {}
        self.skill_rows: list[SkillRow] = []
        self.skills_for: str | None = None  # the elder whose checklist is shown
        self._wanted: str | None = None
        self.setWindowTitle(self.tr("Record a visit"))
        self.resize(820, 760)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(self._build_form())
        caption = QLabel(self.tr("Skills: tick those practised on this visit; choose the new level when it changed"))
        caption.setStyleSheet("font-weight: bold;")
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.skills_box = QWidget()
        self.skills_grid = QGridLayout(self.skills_box)
        self.skills_grid.setHorizontalSpacing(14)
        self.skills_grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.skills_box)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._build_bottom())

        self._set_keys([self.elder, self.date, self.minutes, self.lesson, self.note, self.entered_by])
        self.elder.currentIndexChanged.connect(lambda _i: self._elder_changed())
        self._load(elder_id)
        (self.date if elder_id else self.elder).setFocus()

    # --- building ------------------------------------------------------------------------------

    def _build_form(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.elder = SearchCombo()
        self.elder.lineEdit().setPlaceholderText(self.tr("Name or pinyin initials"))
        self._field(grid, 0, 0, self.tr("&Elder"), self.elder)
        self.helper_label = QLabel()
        grid.addWidget(self.helper_label, 0, 2, 1, 2)
        self.date = date_edit()
        self.date.setToolTip(self.tr("The day of the visit; it cannot be in the future"))
        self._field(grid, 1, 0, self.tr("Visit &date"), self.date)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSpecialValueText(self.tr("Not given"))
        self.minutes.setSuffix(self.tr(" min"))
        self._field(grid, 1, 2, self.tr("M&inutes"), self.minutes)
        self.lesson = SearchCombo(blank="")
        self.lesson.lineEdit().setPlaceholderText(self.tr("None; or type words of the title to find the lesson"))
        self.lesson.setToolTip(self.tr("A micro-lesson watched together is also recorded as the elder's study "
                                       "(paired study, with the helper)"))
        self._field(grid, 2, 0, self.tr("&Lesson watched together"), self.lesson, span=3)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self._field(grid, 3, 0, self.tr("N&ote"), self.note)
        remembered = self.ctx.pref(ENTERED_BY_PREF) or self.ctx.pref(STUDY_ENTERED_BY_PREF, "")
        self.entered_by = self._entered_by_editor(remembered)
        self._field(grid, 3, 2, self.tr("Entered &by"), self.entered_by)
        return grid

    # --- loading -------------------------------------------------------------------------------

    def _load(self, elder_id: str | None) -> None:
        def work(task: TaskContext) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            return list_pairings(task.store, include_ended=True), list_lessons(task.store)

        self.ctx.runner.run(work, lambda result: self._loaded(elder_id, *result), parent=self,
                            title=self.tr("Loading…"))

    def _loaded(self, elder_id: str | None, pairings: list[dict[str, Any]], lessons: list[dict[str, Any]]) -> None:
        for pairing in pairings:  # active ones first, so an elder's current helper wins
            self.pairings.setdefault(pairing["elder_id"], pairing)
        ended = self.tr("ended")
        self.elder.set_choices(
            (f"{p['elder_name']}（{p['helper_name']}{'' if p['active'] else '，' + ended}）", elder,
             search_keys(p["elder_name"]))
            for elder, p in self.pairings.items()
        )
        self.lessons = {lesson["id"]: lesson for lesson in lessons}
        self.lesson.set_choices((lesson["title"], lesson["id"], lesson.get("topic") or "") for lesson in lessons)
        if elder_id:
            self.elder.set_value(elder_id)
        else:
            self.elder.setCurrentIndex(-1)
        if not self.pairings:
            self.show_status(self.tr("Nobody is paired yet: pair a helper with an elder first."), error=True)
        self._elder_changed()

    def elder_id(self) -> str | None:
        value = self.elder.value()
        return str(value) if value else None

    def _elder_changed(self) -> None:
        elder_id = self.elder_id()
        pairing = self.pairings.get(elder_id or "")
        if pairing is None:
            self.helper_label.setText("")
        else:
            state = "" if pairing["active"] else self.tr(" (pairing ended {0})").format(pairing["end_date"])
            self.helper_label.setText(self.tr("Helper: {0}").format(pairing["helper_name"]) + state)
        if elder_id == self._wanted:
            return
        self._wanted = elder_id
        self._show_skills(None, [])
        if elder_id is None:
            return

        def done(rows: list[dict[str, Any]]) -> None:
            if self._wanted == elder_id:  # another elder may have been chosen meanwhile
                self._show_skills(elder_id, rows)

        self.ctx.runner.run(lambda task: elder_skills(task.store, elder_id), done, parent=self,
                            title=self.tr("Loading…"))

    def _show_skills(self, elder_id: str | None, skills: list[dict[str, Any]]) -> None:
        while self.skills_grid.count():
            item = self.skills_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.skill_rows = [SkillRow(skill, self.skills_grid, row) for row, skill in enumerate(skills)]
        self.skills_grid.setRowStretch(len(skills), 1)
        self.skills_for = elder_id
        previous: QWidget = self.entered_by
        for row in self.skill_rows:
            QWidget.setTabOrder(previous, row.practised)
            QWidget.setTabOrder(row.practised, row.level)
            previous = row.level
        QWidget.setTabOrder(previous, self.save_button)

    def row_of(self, skill_name: str) -> SkillRow:
        return next(row for row in self.skill_rows if row.practised.text() == skill_name)

    # --- saving --------------------------------------------------------------------------------

    def entry(self) -> VisitEntry:
        lesson = self.lesson.value()
        return VisitEntry(
            elder_id=self.elder_id() or "",
            visit_date=iso(self.date),
            minutes=self.minutes.value() or None,
            skill_ids=[row.skill_id for row in self.skill_rows if row.practised.isChecked()],
            lesson_id=str(lesson) if lesson else None,
            note=self.note.text().strip(),
            entered_by=self.entered_by.text().strip(),
            levels={row.skill_id: level for row in self.skill_rows if (level := row.changed_level())},
        )

    def save(self) -> None:
        if self.saving:
            return
        self.elder.lineEdit().editingFinished.emit()  # take a half-typed name or title first
        self.lesson.lineEdit().editingFinished.emit()
        if self.elder_id() is None:
            self.show_status(self.tr("Choose the elder who was visited."), error=True)
            self.elder.setFocus()
            return
        if self.skills_for != self.elder_id():
            self.show_status(self.tr("The skills checklist is still loading; try again."), error=True)
            return
        entry = self.entry()
        today = date.today()
        self._run_save(lambda task: record_visit(task.store, entry, today),
                       lambda visit_id: self._done(entry, str(visit_id)))

    def _done(self, entry: VisitEntry, visit_id: str) -> None:
        self._save_ended()
        self.ctx.set_pref(ENTERED_BY_PREF, entry.entered_by)
        self.ctx.pairing_changed.emit()
        if entry.lesson_id:
            self.ctx.study_changed.emit()
        self.saved.emit(visit_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if self._refused(error, PairingError) and "日期" in str(error):
            self.date.setFocus()
