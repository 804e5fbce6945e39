"""改指向: a printed lesson code is made to open another lesson of the catalogue, without printing it
again. The lesson is picked by typing any word of its title (or from the list)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.qr.live_links import LiveLink
from core.qr.short_codes import spaced
from ui.forms import RequiredDialog, ok_cancel
from ui.lessons.search_combo import SearchCombo
from ui.qr.preview_pane import HINT_STYLE


class RetargetDialog(RequiredDialog):
    """``lessons`` are the catalogue's lessons with a video link ({"id", "title", "speaker"}); the one the
    code opens now is left out. ``chosen`` carries the picked lesson's id and title on OK."""

    chosen = Signal(str, str)

    def __init__(self, link: LiveLink, lessons: Sequence[dict[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.setWindowTitle(self.tr("Point the code at another lesson"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        place = link.label or self.tr("no place given")
        now = QLabel(self.tr("The live code {0} ({1}) opens “{2}” now. Which lesson should it open?")
                     .format(spaced(link.code), place, link.target))
        now.setWordWrap(True)
        layout.addWidget(now)
        self.lesson = SearchCombo(blank=self.tr("Type a word of the title, or pick from the list…"))
        self.lesson.setMinimumHeight(36)
        self.titles = {row["id"]: row["title"] for row in lessons if row["id"] != link.lesson_id}
        self.lesson.set_choices(
            (row["title"] + (f"（{row['speaker']}）" if row.get("speaker") else ""), row["id"], row.get("speaker", ""))
            for row in lessons if row["id"] in self.titles
        )
        layout.addWidget(self.lesson)
        hint = QLabel(self.tr("The printed code stays as it is: after the next sync, scanning it opens the "
                              "lesson chosen here."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        self.ok_button = ok_cancel(self, layout, self.tr("Point it there"))
        self.lesson.currentIndexChanged.connect(lambda _index: self._update())
        self._update()
        self.lesson.setFocus()

    def lesson_id(self) -> str | None:
        value = self.lesson.value()
        return str(value) if value else None

    def choose(self, lesson_id: str) -> None:
        self.lesson.set_value(lesson_id)

    def filled(self) -> bool:
        return self.lesson_id() is not None

    def accept(self) -> None:
        lesson_id = self.lesson_id()
        if lesson_id is None:
            return
        super().accept()
        self.chosen.emit(lesson_id, self.titles[lesson_id])
