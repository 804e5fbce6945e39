"""What a scanned live code (活码) leads to, read from the synced records: the ``qr_links`` row (found
by primary key: its id derives from the code), its branch, and the lesson it points at now.

A code the server has no row for is *unknown*: it may never have existed, or its branch has not
synced since printing it — the server cannot tell the two apart, and the page says both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from core.qr.short_codes import link_id
from core.sync.schema import DISTRICT
from server.db import branches, records

UNKNOWN = "unknown"
RETIRED = "retired"  # the code was retired on the branch PC
REVOKED = "revoked"  # the branch was revoked on the district server
LESSON = "lesson"
LESSON_GONE = "lesson_gone"  # the lesson was retired (archived) or deleted
REDIRECT = "redirect"  # an official account or a link: straight on with 302
MAX_OTHER_LESSONS = 8


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    speaker: str
    minutes: int | None
    video_url: str | None  # None when it is no web address


@dataclass
class Resolved:
    state: str
    code: str
    link_id: str = ""
    branch_id: str = ""
    branch_name: str = ""
    lesson_id: str = ""  # the lesson the code points at ('' for none)
    lesson: Lesson | None = None
    target_url: str | None = None
    other_lessons: list[Lesson] = field(default_factory=list)

    @property
    def counted(self) -> bool:
        """A scan of a code the server knows (unknown codes are no one's scans)."""
        return self.state != UNKNOWN

    @property
    def takes_checkins(self) -> bool:
        """A branch's live lesson code: its members can check in. A district code belongs to no branch."""
        return self.state == LESSON and self.branch_id != DISTRICT


def _web_address(value: Any) -> str | None:
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _record(conn: Connection, table: str, row_id: str) -> tuple[str, dict[str, Any]] | None:
    row = conn.execute(
        select(records.c.branch_id, records.c.data)
        .where(records.c.table_name == table, records.c.id == row_id, records.c.deleted == 0)
    ).first()
    return None if row is None else (row.branch_id, json.loads(row.data))


def _lesson(row_id: str, data: dict[str, Any]) -> Lesson:
    minutes = data.get("minutes")
    return Lesson(
        row_id, str(data.get("title") or ""), str(data.get("speaker") or ""),
        minutes if isinstance(minutes, int) and minutes > 0 else None, _web_address(data.get("video_url")),
    )


def other_lessons(conn: Connection, branch_id: str, except_id: str) -> list[Lesson]:
    """The branch's (and the district's) current lessons with a video, newest first."""
    owners = [DISTRICT] if branch_id == DISTRICT else [branch_id, DISTRICT]
    rows = conn.execute(
        select(records.c.id, records.c.data)
        .where(records.c.table_name == "lessons", records.c.branch_id.in_(owners), records.c.deleted == 0)
    ).all()
    found = []
    for row in rows:
        data = json.loads(row.data)
        lesson = _lesson(row.id, data)
        if row.id != except_id and not data.get("archived") and lesson.video_url:
            found.append((str(data.get("published_date") or ""), lesson))
    found.sort(key=lambda item: item[0], reverse=True)
    return [lesson for _day, lesson in found[:MAX_OTHER_LESSONS]]


def resolve(conn: Connection, code: str, district_name: str) -> Resolved:
    """What ``code`` (already normalized) leads to now."""
    found = _record(conn, "qr_links", link_id(code))
    if found is None or found[1].get("code") != code:
        return Resolved(UNKNOWN, code)
    owner, link = found
    resolved = Resolved(UNKNOWN, code, link_id(code), owner, district_name,
                        str(link.get("lesson_id") or "") if link.get("target_kind") == "lesson" else "")
    if owner != DISTRICT:
        branch = conn.execute(select(branches.c.name, branches.c.revoked_at).where(branches.c.id == owner)).first()
        if branch is None:
            return resolved
        resolved.branch_name = branch.name
        if branch.revoked_at:
            resolved.state = REVOKED
            return resolved
    if link.get("retired_at"):
        resolved.state = RETIRED
        return resolved
    if link.get("target_kind") != "lesson":
        resolved.target_url = _web_address(link.get("target_url"))
        resolved.state = REDIRECT if resolved.target_url else UNKNOWN
        return resolved
    lesson = _record(conn, "lessons", resolved.lesson_id)
    if lesson is None or lesson[1].get("archived") or lesson[0] not in (owner, DISTRICT):
        resolved.state = LESSON_GONE
        if lesson is not None:
            resolved.lesson = _lesson(resolved.lesson_id, lesson[1])
        resolved.other_lessons = other_lessons(conn, owner, resolved.lesson_id)
        return resolved
    resolved.lesson = _lesson(resolved.lesson_id, lesson[1])
    resolved.state = LESSON
    return resolved
