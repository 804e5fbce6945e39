"""Report periods: a month (``2026-11``), a quarter (``2026-Q4``) or a year (``2026``)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_YEAR = re.compile(r"\d{4}")
_QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


class PeriodError(ValueError):
    """A period that cannot be read (Chinese message)."""


@dataclass(frozen=True)
class Period:
    code: str  # as typed on the command line: 2026-11, 2026-Q4 or 2026
    start: date
    end: date  # inclusive
    label: str  # Chinese: 2026年11月, 2026年第四季度, 2026年

    @property
    def months(self) -> list[str]:
        """The months of the period as ``YYYY-MM``."""
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def contains(self, day: str) -> bool:
        return self.start.isoformat() <= day <= self.end.isoformat()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str) -> Period:
    code = text.strip()
    if match := _MONTH.fullmatch(code):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"统计期间「{text}」的月份应在 1 至 12 之间")
        return Period(f"{year:04d}-{month:02d}", date(year, month, 1), _month_end(year, month), f"{year}年{month}月")
    if match := _QUARTER.fullmatch(code):
        year, quarter = int(match[1]), int(match[2])
        first = 3 * quarter - 2
        return Period(
            f"{year:04d}-Q{quarter}", date(year, first, 1), _month_end(year, first + 2),
            f"{year}年{_QUARTER_NAMES[quarter - 1]}",
        )
    if _YEAR.fullmatch(code):
        year = int(code)
        return Period(code, date(year, 1, 1), date(year, 12, 31), f"{year}年")
    raise PeriodError(f"统计期间「{text}」无法识别，请写成 2026-11（月）、2026-Q4（季度）或 2026（年）")


def months_before(day: date, months: int) -> date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
