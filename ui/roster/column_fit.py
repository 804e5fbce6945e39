"""The few texts of a roster column that its width has to fit: the table measures those and the rows
in view, not every row (measuring 5,000 rows takes about a second)."""

from __future__ import annotations

import heapq
from typing import Any

from core.roster.fields import choice_label
from ui.roster.model import AGE, COLUMN_KEYS, PARTY_YEARS, RosterModel, cell_text

_CHOICES = {"gender", "wechat", "category", "status"}
CANDIDATES = 5  # texts measured per column: the longest few, as widths of the same length differ


def _longest(values: set[Any], count: int) -> list[Any]:
    # UTF-8 length weighs a Chinese character as three Latin ones: near enough to pick the candidates,
    # which are then measured in the table's font.
    return heapq.nlargest(count, (v for v in values if v), key=lambda v: len(str(v).encode()))


def widest_texts(model: RosterModel, column: int, count: int = CANDIDATES) -> list[str]:
    """Texts of ``column`` among its widest, as the table shows them (choices as their labels)."""
    members = model.members
    today = model.today
    if not members:
        return []
    if column in (AGE, PARTY_YEARS):
        # The oldest member has the largest age; the earliest 转正 the most party years.
        field = "birth_date" if column == AGE else "confirmed_date"
        dated = [m for m in members if m.get(field) and (column == AGE or m.get("category") == "full")]
        first = min(dated, key=lambda m: str(m[field]), default=None)
        return [cell_text(first, column, today)] if first is not None else []
    key = COLUMN_KEYS[column]
    if key in _CHOICES:
        return [choice_label(key, code) for code in {m.get(key) for m in members}]
    longest = set(_longest({m.get(key) for m in members}, count))
    texts = []
    for member in members:  # cell_text of the members holding the longest values (IDs shown masked)
        if member.get(key) in longest:
            longest.discard(member.get(key))
            texts.append(cell_text(member, column, today, model.show_full_ids))
            if not longest:
                break
    return texts
