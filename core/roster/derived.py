"""Values derived from a member's record: age, 党龄, the end of the probation year."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from core.text import date_of


def add_years(day: date, years: int, *, leap_to_march: bool = False) -> date:
    """The same day ``years`` later (or earlier); 29 February becomes 28 February, or 1 March when
    ``leap_to_march``."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1) if leap_to_march else date(day.year + years, 2, 28)


def full_years(start: date, today: date) -> int:
    return today.year - start.year - ((today.month, today.day) < (start.month, start.day))


def age(member: Mapping[str, Any], today: date) -> int | None:
    birth = member.get("birth_date")
    return full_years(date_of(birth), today) if birth else None


def party_years(member: Mapping[str, Any], today: date) -> int | None:
    """党龄: full years since 转正 (probationary members have none yet)."""
    confirmed = member.get("confirmed_date")
    if member.get("category") != "full" or not confirmed:
        return None
    return max(0, full_years(date_of(confirmed), today))


def probation_ends(member: Mapping[str, Any]) -> date | None:
    """The day a probationary member's one-year probation is complete."""
    joined = member.get("joined_date")
    if member.get("category") != "probationary" or not joined:
        return None
    return add_years(date_of(joined), 1)


def probation_due(
    members: Iterable[Mapping[str, Any]], today: date, within_days: int = 30
) -> list[tuple[Mapping[str, Any], date]]:
    """Current probationary members whose probation ends within ``within_days`` (or already ended),
    soonest first."""
    horizon = today + timedelta(days=within_days)
    due = []
    for member in members:
        if member.get("deleted") or member.get("status") not in ("active", "mobile", "lost"):
            continue
        ends = probation_ends(member)
        if ends is not None and ends <= horizon:
            due.append((member, ends))
    return sorted(due, key=lambda pair: pair[1])


def birth_range_for_ages(min_age: int | None, max_age: int | None, today: date) -> tuple[str, str]:
    """ISO bounds ``(earliest, latest)`` of birth dates for an age range, for SQL filters."""
    earliest = "0000-00-00"
    latest = "9999-99-99"
    if max_age is not None:
        earliest = (add_years(today, -(max_age + 1)) + timedelta(days=1)).isoformat()
    if min_age is not None:
        latest = add_years(today, -min_age).isoformat()
    return earliest, latest

