"""Finding members: by name, full pinyin, pinyin initials, phone or ID-number tail, with filters.

Exact matches come first, then the rest in pinyin order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
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


class MemberIndex:
    """The search keys of a set of members, kept in memory so that each keystroke is a scan of plain
    strings rather than a database query. Build it once per change of the roster."""

    def __init__(self, members: Iterable[Mapping[str, Any]]) -> None:
        ordered = sorted(members, key=lambda m: (m.get("name_pinyin") or "", m.get("name") or ""))
        self.ids = [m["id"] for m in ordered]
        self.names = [m.get("name") or "" for m in ordered]
        self.pinyins = [m.get("name_pinyin") or "" for m in ordered]
        self.initials = [m.get("name_initials") or "" for m in ordered]
        self.phones = [(m.get("phone") or "").replace("-", "") for m in ordered]
        self.id_numbers = [m.get("id_number") or "" for m in ordered]

    def search(self, text: str) -> list[str]:
        """Ids of the members matching ``text``: exact matches first, then pinyin order."""
        query = to_halfwidth(text).strip().replace(" ", "")
        if not query:
            return list(self.ids)
        positions = range(len(self.ids))
        if _CJK.search(query):
            hits = [i for i, name in zip(positions, self.names, strict=True) if query in name]
            exact = {i for i in hits if self.names[i] == query}
        else:
            lowered = query.lower()
            if lowered.isascii() and lowered.isalpha():
                hits = [
                    i
                    for i, initials, pinyin in zip(positions, self.initials, self.pinyins, strict=True)
                    if initials.startswith(lowered) or pinyin.startswith(lowered)
                ]
                exact = {i for i in hits if lowered in (self.initials[i], self.pinyins[i])}
            elif re.fullmatch(r"[0-9X]+", digits := query.upper().replace("-", "")):
                hits = [
                    i
                    for i, phone, number in zip(positions, self.phones, self.id_numbers, strict=True)
                    if phone.endswith(digits) or number.endswith(digits)
                ]
                exact = {i for i in hits if digits in (self.phones[i], self.id_numbers[i])}
            else:
                hits = [i for i, name in zip(positions, self.names, strict=True) if query in name]
                exact = {i for i in hits if self.names[i] == query}
        ordered = [i for i in hits if i in exact] + [i for i in hits if i not in exact]
        return [self.ids[i] for i in ordered]


def filter_members(
    store: Store, filters: MemberFilter | None = None, today: date | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Members passing the filters (no search text), in pinyin order, with their group names; with
    ``limit``, only the first ones."""
    filters = filters or MemberFilter()
    today = today or date.today()
    where: list[str] = []
    params: list[Any] = []
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
    sql = "SELECT * FROM members"
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    sql += " ORDER BY name_pinyin, name"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return with_group_names(store, store.query(sql, params))


def member_count(store: Store) -> int:
    """How many members the roster has (not counting deleted ones)."""
    return int(store.scalar("SELECT count(*) FROM members WHERE deleted = 0"))


def search_members(
    store: Store,
    text: str = "",
    filters: MemberFilter | None = None,
    today: date | None = None,
) -> list[dict[str, Any]]:
    """Members matching the search text and the filters: exact matches first, then pinyin order."""
    rows = filter_members(store, filters, today)
    if not text.strip():
        return rows
    by_id = {row["id"]: row for row in rows}
    return [by_id[member_id] for member_id in MemberIndex(rows).search(text)]
