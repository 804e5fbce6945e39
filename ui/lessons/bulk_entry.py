"""Bulk entry of study (批量登记学习): one lesson, one date, one way of studying, many members at once.

Made for the paper sheets of elderly members' study, entered later: fill in the sheet's lesson, date and
method once, tick the names (by party group, Ctrl+A on a filtered list, or one name after another by
pinyin initials and Enter), save with Ctrl+S. The dialog stays open with the ticks cleared for the next
sheet.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.lessons.catalogue import get_lesson, list_lessons
from core.lessons.fields import HELPER_METHODS, METHODS
from core.lessons.study import (
    StudyEntry,
    StudyError,
    already_recorded,
    record_study,
    studied_member_ids,
    studying_members,
)
from ui import messages
from ui.context import AppContext
from ui.forms import EntryDialog, date_edit, iso
from ui.lessons.member_picker import MemberPicker
from ui.lessons.search_combo import SearchCombo
from ui.tasks import TaskContext

METHOD_PREF = "lessons/last_method"
ENTERED_BY_PREF = "lessons/entered_by"
DEFAULT_METHOD = "group"


class BulkEntryDialog(EntryDialog):
    def __init__(self, ctx: AppContext, lesson_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lessons: dict[str, dict[str, Any]] = {}
        self._studied_for: str | None = None
        self.setWindowTitle(self.tr("Record study"))
        self.resize(1040, 760)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._build_form())
        hint = QLabel(self.tr("Tick the members on the sheet:"))
        hint.setStyleSheet("font-weight: bold;")
        layout.addWidget(hint)
        self.picker = MemberPicker(self)
        layout.addWidget(self.picker, 1)
        layout.addLayout(self._build_bottom())

        chain = [self.lesson, self.date, self.method, self.minutes, self.helper, self.entered_by, self.note,
                 *self.picker.tab_chain(), self.save_button, self.close_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        # Enter in a field of the form moves on to the next one (from the note to the name filter below).
        self._set_keys([self.lesson, self.date, self.method, self.minutes, self.helper, self.entered_by, self.note])

        self._method_changed()
        self._load(lesson_id)
        (self.date if lesson_id else self.lesson).setFocus()

    # --- building ------------------------------------------------------------------------------

    def _build_form(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)

        self.lesson = SearchCombo()
        self.lesson.lineEdit().setPlaceholderText(self.tr("Type words of the title to find the lesson"))
        self.lesson.currentIndexChanged.connect(self._lesson_changed)
        self._field(grid, 0, 0, self.tr("&Lesson"), self.lesson, span=5)

        self.date = date_edit()
        self.date.setToolTip(self.tr("The date on the sheet; it cannot be in the future"))
        self.date.dateChanged.connect(lambda _d: self._clear_status())
        self._field(grid, 1, 0, self.tr("Study &date"), self.date)

        self.method = QComboBox()
        for code, label in METHODS.items():
            self.method.addItem(label, code)
        remembered = self.method.findData(str(self.ctx.pref(METHOD_PREF, DEFAULT_METHOD)))
        self.method.setCurrentIndex(remembered if remembered >= 0 else self.method.findData(DEFAULT_METHOD))
        self.method.currentIndexChanged.connect(self._method_changed)
        self._field(grid, 1, 2, self.tr("&Method"), self.method)

        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSpecialValueText(self.tr("Not given"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setToolTip(self.tr("Filled in from the lesson; change it if the members studied longer or shorter"))
        self._field(grid, 1, 4, self.tr("M&inutes"), self.minutes)

        self.helper = SearchCombo(blank="")
        self.helper.lineEdit().setPlaceholderText(self.tr("Name or pinyin initials"))
        self._field(grid, 2, 0, self.tr("&Helper"), self.helper)

        self.entered_by = self._entered_by_editor(self.ctx.pref(ENTERED_BY_PREF, ""))
        self._field(grid, 2, 2, self.tr("&Entered by"), self.entered_by)

        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self._field(grid, 2, 4, self.tr("N&ote"), self.note)
        return grid

    # --- loading -------------------------------------------------------------------------------

    def _load(self, lesson_id: str | None) -> None:
        def work(task: TaskContext) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            lessons = list_lessons(task.store)
            if lesson_id and all(lesson["id"] != lesson_id for lesson in lessons):
                chosen = get_lesson(task.store, lesson_id)  # archived, yet asked for
                lessons += [chosen] if chosen else []
            return lessons, studying_members(task.store)

        self.ctx.runner.run(work, lambda result: self._loaded(lesson_id, *result), parent=self,
                            title=self.tr("Loading…"))

    def _loaded(self, lesson_id: str | None, lessons: list[dict[str, Any]], members: list[dict[str, Any]]) -> None:
        self.lessons = {lesson["id"]: lesson for lesson in lessons}
        self.picker.set_members(members)
        self.helper.set_choices(
            (f"{m['name']}（{m['group_name']}）" if m.get("group_name") else m["name"], m["id"],
             f"{m.get('name_pinyin') or ''} {m.get('name_initials') or ''}")
            for m in members
        )
        self.lesson.set_choices(
            ((lesson["title"], lesson["id"], " ".join(filter(None, (lesson.get("speaker"), lesson.get("topic")))))
             for lesson in lessons),
            keep=lesson_id,
        )
        if not lessons:
            self.show_status(self.tr("There are no lessons yet: add one on the Lessons tab first."), error=True)

    def lesson_id(self) -> str | None:
        value = self.lesson.value()
        return str(value) if value else None

    def _lesson_changed(self) -> None:
        lesson = self.lessons.get(self.lesson_id() or "")
        self.minutes.setValue(int(lesson["minutes"]) if lesson and lesson.get("minutes") else 0)
        self._clear_status()
        self.refresh_studied()

    def refresh_studied(self) -> None:
        """Who already studied the chosen lesson (for the "not yet studied" filter)."""
        lesson_id = self.lesson_id()
        self._studied_for = lesson_id
        if lesson_id is None:
            self.picker.set_studied([])
            return

        def done(ids: set[str]) -> None:
            if self._studied_for == lesson_id:  # the user may have chosen another lesson meanwhile
                self.picker.set_studied(ids)

        self.ctx.runner.run(lambda task: studied_member_ids(task.store, lesson_id), done, parent=self,
                            title=self.tr("Loading…"))

    def _method_changed(self) -> None:
        needs_helper = self.method.currentData() in HELPER_METHODS
        self.helper.setEnabled(needs_helper)
        self.helper.setToolTip("" if needs_helper else self.tr("Only for home visits and paired study"))
        if not needs_helper:
            self.helper.set_value(None)
        self._clear_status()

    # --- saving --------------------------------------------------------------------------------

    def entry(self) -> StudyEntry:
        method = str(self.method.currentData())
        helper = self.helper.value() if method in HELPER_METHODS else None
        return StudyEntry(
            lesson_id=self.lesson_id() or "",
            study_date=iso(self.date),
            method=method,
            minutes=self.minutes.value() or None,
            helper_id=str(helper) if helper else None,
            entered_by=self.entered_by.text().strip(),
            note=self.note.text().strip(),
        )

    def save(self, skip: frozenset[str] = frozenset()) -> None:
        """Save the ticked members (except ``skip``); members already recorded that day are asked about."""
        if self.saving:
            return
        self.helper.lineEdit().editingFinished.emit()  # take a half-typed name before saving
        self.lesson.lineEdit().editingFinished.emit()
        entry = self.entry()
        member_ids = [m for m in self.picker.checked_ids() if m not in skip]
        today = date.today()

        def work(task: TaskContext) -> tuple[str, set[str] | int]:
            if entry.lesson_id and member_ids:
                repeated = already_recorded(task.store, entry.lesson_id, entry.study_date, member_ids)
                if repeated:
                    return "repeated", repeated
            return "saved", len(record_study(task.store, entry, member_ids, today=today))

        self._run_save(work, lambda result: self._done(entry, member_ids, *result))

    def _done(self, entry: StudyEntry, member_ids: list[str], outcome: str, detail: Any) -> None:
        self._save_ended()
        if outcome == "repeated":
            repeated = set(detail)
            rest = len(member_ids) - len(repeated)
            if self.ask_skip(self.picker.names_of(repeated), rest):
                self.save(frozenset(repeated))
            return
        self.ctx.set_pref(METHOD_PREF, entry.method)
        self.ctx.set_pref(ENTERED_BY_PREF, entry.entered_by)
        title = (self.lessons.get(entry.lesson_id) or {}).get("title", "")
        self.show_status(self.tr("Recorded {0} members: “{1}”, {2}. Ready for the next sheet.")
                         .format(detail, title, entry.study_date))
        self.picker.reset_for_next_sheet()
        self.refresh_studied()
        self.ctx.study_changed.emit()

    def _failed(self, error: Exception) -> None:
        if not self._refused(error, StudyError):
            return
        text = str(error)
        if "帮学人" in text and self.helper.isEnabled():
            self.helper.setFocus()
        elif "日期" in text:
            self.date.setFocus()
        elif "微党课" in text:
            self.lesson.setFocus()

    def ask_skip(self, names: list[str], rest: int) -> bool:
        """Some ticked members already have this lesson on this date: skip them and save the rest?"""
        shown = self.tr(", ").join(names[:15])
        if len(names) > 15:
            shown = self.tr("{0} and {1} more").format(shown, len(names) - 15)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Already recorded"))
        if rest <= 0:
            box.setText(self.tr("All ticked members already have this lesson recorded on this date: {0}. "
                                "Nothing to save.").format(shown))
            box.addButton(self.tr("OK"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
            return False
        box.setText(self.tr("{0} already have this lesson recorded on this date.").format(shown))
        box.setInformativeText(self.tr("Skip them and save the other {0} members?").format(rest))
        skip = box.addButton(self.tr("Skip them, save {0}").format(rest), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(skip)
        box.exec()
        return box.clickedButton() is skip

    # --- keyboard ------------------------------------------------------------------------------

    def _enter_pressed(self, watched: QWidget) -> None:
        if watched is self.note:
            self.picker.focus_filter()
        else:
            self.focusNextChild()

    # --- status and closing --------------------------------------------------------------------

    def _clear_status(self) -> None:
        if self.status.text().startswith("✖"):
            self.status.clear()

    def reject(self) -> None:
        count = len(self.picker.checked_ids())
        if count and not messages.confirm(
            self, self.tr("Close"),
            self.tr("{0} ticked members have not been saved. Close anyway?").format(count), self.tr("Close"),
        ):
            return
        super().reject()
