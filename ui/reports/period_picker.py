"""Choosing the report period: a month, a quarter or a year, as the codes of ``core.reports.period``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from core.reports.period import PeriodError, parse_period

MONTH, QUARTER, YEAR = "month", "quarter", "year"
FIRST_YEAR = 2000


class PeriodPicker(QWidget):
    """Kind (月/季度/年), year and month or quarter. ``changed`` carries the new period code."""

    changed = Signal(str)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for text, kind in ((self.tr("Month"), MONTH), (self.tr("Quarter"), QUARTER), (self.tr("Year"), YEAR)):
            self.kind.addItem(text, kind)
        self.kind.setAccessibleName(self.tr("Period kind"))
        self.year = QSpinBox()
        self.year.setRange(FIRST_YEAR, today.year + 1)
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setSuffix(self.tr(" (year)"))
        self.part = QComboBox()
        self.part.setAccessibleName(self.tr("Month or quarter"))
        self.part.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for widget in (self.kind, self.year, self.part):
            widget.setMinimumHeight(36)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.year)
        layout.addWidget(self.part)
        self._quiet = False
        self._month = today.month  # the month shown when going back to months
        self.set_code(f"{today.year:04d}-{today.month:02d}")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._emit)
        self.part.currentIndexChanged.connect(self._part_changed)

    def month_names(self) -> list[str]:
        return [self.tr("January"), self.tr("February"), self.tr("March"), self.tr("April"), self.tr("May"),
                self.tr("June"), self.tr("July"), self.tr("August"), self.tr("September"), self.tr("October"),
                self.tr("November"), self.tr("December")]

    def quarter_names(self) -> list[str]:
        return [self.tr("First quarter"), self.tr("Second quarter"), self.tr("Third quarter"),
                self.tr("Fourth quarter")]

    def _fill_parts(self, kind: str, chosen: int) -> None:
        self.part.clear()
        names = self.month_names() if kind == MONTH else self.quarter_names() if kind == QUARTER else []
        for number, name in enumerate(names, start=1):
            self.part.addItem(name, number)
        self.part.setVisible(bool(names))
        if names:
            self.part.setCurrentIndex(min(max(chosen, 1), len(names)) - 1)

    def code(self) -> str:
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == MONTH:
            return f"{year:04d}-{self.part.currentData():02d}"
        if kind == QUARTER:
            return f"{year:04d}-Q{self.part.currentData()}"
        return f"{year:04d}"

    def set_code(self, code: str) -> bool:
        """Show the period ``code``; False (and nothing changed) when it cannot be read."""
        try:
            period = parse_period(code)
        except PeriodError:
            return False
        months = period.months
        kind = MONTH if len(months) == 1 else QUARTER if len(months) == 3 else YEAR
        chosen = period.start.month if kind == MONTH else (period.start.month + 2) // 3
        if kind != YEAR:
            self._month = period.start.month
        self._quiet = True
        try:
            self.kind.setCurrentIndex(self.kind.findData(kind))
            if period.start.year > self.year.maximum():
                self.year.setMaximum(period.start.year)
            self.year.setValue(max(period.start.year, FIRST_YEAR))
            self._fill_parts(kind, chosen)
        finally:
            self._quiet = False
        return True

    def _kind_changed(self) -> None:
        if self._quiet:
            return  # set_code fills the parts itself
        # Keep the same stretch of time: month 11 → quarter 4 → year → back to month 11.
        kind = self.kind.currentData()
        chosen = self._month if kind == MONTH else (self._month + 2) // 3
        self._quiet = True
        try:
            self._fill_parts(kind, chosen)
        finally:
            self._quiet = False
        self._emit()

    def _part_changed(self) -> None:
        if self._quiet:
            return
        kind, number = self.kind.currentData(), self.part.currentData()
        if number and kind == MONTH:
            self._month = number
        elif number and kind == QUARTER and (self._month + 2) // 3 != number:
            self._month = number * 3 - 2
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.code())
