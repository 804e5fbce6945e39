"""Finding members: by name, full pinyin, pinyin initials, phone or ID-number tail, with filters.

Exact matches come first, then the rest in pinyin order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.roster.derived import birth_range_for_ages
from core.roster.members import with_group_names
from core.store import Store
from core.text import to_halfwidth

_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class MemberFilter:
    """Filters combined with the search text; empty means "any"."""

    group_ids: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    wechat: list[str] = field(default_factory=list)
    min_age: int | None = None
    max_age: int | None = None
    include_deleted: bool = False


def search_members(
    store: Store,
    text: str = "",
    filters: MemberFilter | None = None,
    today: date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    filters = filters or MemberFilter()
    today = today or date.today()
    where: list[str] = []
    params: list[Any] = []
    exact = "0"
    exact_params: list[Any] = []

    query = to_halfwidth(text).strip().replace(" ", "")
    if query:
        text_where, text_params, exact, exact_params = _text_condition(query)
        where.append(text_where)
        params.extend(text_params)
    if not filters.include_deleted:
        where.append("deleted = 0")
    for column, values in (
        ("group_id", filters.group_ids),
        ("category", filters.categories),
        ("status", filters.statuses),
        ("wechat", filters.wechat),
    ):
        if values:
            where.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params.extend(values)
    if filters.min_age is not None or filters.max_age is not None:
        earliest, latest = birth_range_for_ages(filters.min_age, filters.max_age, today)
        where.append("birth_date IS NOT NULL AND birth_date >= ? AND birth_date <= ?")
        params.extend([earliest, latest])

    sql = f"SELECT *, ({exact}) AS exact_match FROM members"
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    sql += " ORDER BY exact_match DESC, name_pinyin, name"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, [*exact_params, *params])
    for row in rows:
        row.pop("exact_match", None)
    return with_group_names(store, rows)


def _text_condition(query: str) -> tuple[str, list[Any], str, list[Any]]:
    """SQL condition for the search text, and the expression marking exact matches."""
    if _CJK.search(query):
        return "name LIKE ?", [f"%{_escape_like(query)}%"], "name = ?", [query]
    lowered = query.lower()
    if lowered.isascii() and lowered.isalpha():
        # GLOB is case-sensitive and can use the pinyin indexes.
        pattern = _escape_glob(lowered) + "*"
        return (
            "name_initials GLOB ? OR name_pinyin GLOB ?",
            [pattern, pattern],
            "name_initials = ? OR name_pinyin = ?",
            [lowered, lowered],
        )
    digits = query.upper().replace("-", "")
    if re.fullmatch(r"[0-9X]+", digits):
        tail = f"%{digits}"
        return (
            "replace(phone, '-', '') LIKE ? OR id_number LIKE ?",
            [tail, tail],
            "replace(phone, '-', '') = ? OR id_number = ?",
            [digits, digits],
        )
    return "name LIKE ?", [f"%{_escape_like(query)}%"], "name = ?", [query]


def _escape_like(text: str) -> str:
    return text.replace("%", "").replace("_", "")


def _escape_glob(text: str) -> str:
    return re.sub(r"[\[\]*?]", "", text)
