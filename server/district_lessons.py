"""The district's own lessons after publishing, and the district's live codes (活码) for them: edit a
lesson (a new video link: every printed code of it follows), retire it (archived, its history and
study records kept), list them; make a district code for a lesson, list the codes.

Each change is a new version of the record, with the previous version kept in ``record_history``
as a push keeps it, so every branch pulls the change with its next sync.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from core.qr.short_codes import link_id, live_url, new_code
from core.sync.schema import DISTRICT, table_schemas
from core.sync.validate import check_record
from server.admin import Refused
from server.db import Database, now_stamp, record_history, records, scan_counts, take_versions

MAX_LABEL = 40


def _stored(conn: Connection, table: str, row_id: str, lock: bool = False) -> Any:
    query = select(records).where(records.c.table_name == table, records.c.id == row_id)
    return conn.execute(query.with_for_update() if lock else query).first()


def _district_lesson(conn: Connection, lesson_id: str) -> Any:
    """The lesson's row, locked until the transaction ends (PostgreSQL; SQLite has one writer at a
    time): two admins changing it at once take turns, each from the latest version."""
    row = _stored(conn, "lessons", lesson_id.strip(), lock=True)
    if row is None or row.deleted:
        raise Refused(f"没有编号为“{lesson_id}”的微党课，请用 lesson list 查看编号。")
    if row.branch_id != DISTRICT:
        raise Refused(f"微党课“{json.loads(row.data).get('title')}”是支部自己的课，只能由该支部在支部电脑上修改。")
    return row


def _checked(table: str, row_id: str, data: dict[str, Any], now: str) -> None:
    refusal = check_record({"table": table, "id": row_id, "branch_id": DISTRICT, "base_version": 0,
                            "updated_at": now, "deleted": 0, "data": data})
    if refusal is not None:
        raise Refused(refusal.message)


def _new_version(conn: Connection, row: Any, data: dict[str, Any], now: str) -> int:
    conn.execute(insert(record_history).values(
        table_name=row.table_name, id=row.id, version=row.version, updated_at=row.updated_at,
        deleted=row.deleted, data=row.data, device_name=row.device_name,
    ))
    version = take_versions(conn, 1)
    conn.execute(update(records).where(records.c.table_name == row.table_name, records.c.id == row.id).values(
        version=version, updated_at=now, data=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        device_name=DISTRICT,
    ))
    return version


def _web_address(url: str) -> str:
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(ch.isspace() for ch in url):
        raise Refused(f"视频地址“{url}”不是网址，应以 http:// 或 https:// 开头。")
    return url


def edit_lesson(
    db: Database, lesson_id: str, *, url: str | None = None, title: str | None = None,
    minutes: int | None = None, speaker: str | None = None,
) -> dict[str, Any]:
    """Change a district lesson; the branches receive the change, printed codes follow the new link."""
    changes: dict[str, Any] = {}
    if url is not None:
        changes["video_url"] = _web_address(url)
    if title is not None:
        if not title.strip():
            raise Refused("微党课标题不能为空。")
        changes["title"] = title.strip()
    if minutes is not None:
        if not 1 <= minutes <= 600:
            raise Refused("时长（分钟）应在 1 至 600 之间。")
        changes["minutes"] = minutes
    if speaker is not None:
        changes["speaker"] = speaker.strip() or None
    if not changes:
        raise Refused("请至少给出一项要修改的内容（--url、--title、--minutes 或 --speaker）。")
    now = now_stamp()
    with db.write() as conn:
        row = _district_lesson(conn, lesson_id)
        data = {**json.loads(row.data), **changes}
        _checked("lessons", row.id, data, now)
        version = _new_version(conn, row, data, now)
    return {"lesson_id": row.id, "version": version, "changed": sorted(changes)}


def retire_lesson(db: Database, lesson_id: str) -> dict[str, Any]:
    """Archive a district lesson: it leaves the branches' lists, its codes say 已下架, history stays."""
    now = now_stamp()
    with db.write() as conn:
        row = _district_lesson(conn, lesson_id)
        data = json.loads(row.data)
        if data.get("archived"):
            raise Refused(f"微党课“{data.get('title')}”已经下架了。")
        data["archived"] = 1
        version = _new_version(conn, row, data, now)
    return {"lesson_id": row.id, "version": version, "archived": True}


def list_lessons(db: Database) -> dict[str, Any]:
    with db.read() as conn:
        rows = conn.execute(
            select(records.c.id, records.c.data, records.c.version)
            .where(records.c.table_name == "lessons", records.c.branch_id == DISTRICT, records.c.deleted == 0)
        ).all()
    lessons = []
    for row in rows:
        data = json.loads(row.data)
        lessons.append({"lesson_id": row.id, "title": data.get("title"), "url": data.get("video_url"),
                        "minutes": data.get("minutes"), "speaker": data.get("speaker"),
                        "published_date": data.get("published_date"), "archived": bool(data.get("archived")),
                        "version": int(row.version)})
    lessons.sort(key=lambda item: (item["archived"], str(item["published_date"] or "")), reverse=False)
    return {"count": len(lessons), "lessons": lessons}


def add_code(db: Database, lesson_id: str, label: str = "", public_url: str | None = None) -> dict[str, Any]:
    """A district live code for a district lesson (its page has no check-in form: it is no branch's)."""
    label = " ".join(label.split())
    if len(label) > MAX_LABEL:
        raise Refused(f"张贴位置不能超过 {MAX_LABEL} 个字。")
    now = now_stamp()
    with db.write() as conn:
        lesson = _district_lesson(conn, lesson_id)
        if json.loads(lesson.data).get("archived"):
            raise Refused("这节微党课已经下架，不能再为它做活码。")
        code = new_code()
        while _stored(conn, "qr_links", link_id(code)) is not None:
            code = new_code()
        wanted = {"code": code, "target_kind": "lesson", "lesson_id": lesson.id, "label": label or None,
                  "created_date": date.today().isoformat()}
        data = {name: wanted.get(name) for name in table_schemas()["qr_links"].names}
        _checked("qr_links", link_id(code), data, now)
        version = take_versions(conn, 1)
        conn.execute(insert(records).values(
            table_name="qr_links", id=link_id(code), branch_id=DISTRICT, version=version, updated_at=now,
            deleted=0, data=json.dumps(data, ensure_ascii=False, separators=(",", ":")), device_name=DISTRICT,
        ))
    answer: dict[str, Any] = {"code": code, "lesson_id": lesson.id, "label": label, "version": version}
    if public_url:
        answer["url"] = live_url(public_url, code)
    return answer


def list_codes(db: Database) -> dict[str, Any]:
    """The district's codes with their scans so far."""
    with db.read() as conn:
        rows = conn.execute(
            select(records.c.data)
            .where(records.c.table_name == "qr_links", records.c.branch_id == DISTRICT, records.c.deleted == 0)
        ).all()
        scans = dict(conn.execute(
            select(scan_counts.c.code, func.sum(scan_counts.c.scans))
            .where(scan_counts.c.branch_id == DISTRICT).group_by(scan_counts.c.code)
        ).all())
    codes = []
    for row in rows:
        data = json.loads(row.data)
        codes.append({"code": data["code"], "lesson_id": data.get("lesson_id"), "label": data.get("label") or "",
                      "created_date": data.get("created_date"), "retired": bool(data.get("retired_at")),
                      "scans": int(scans.get(data["code"], 0))})
    codes.sort(key=lambda item: (str(item["created_date"]), item["code"]))
    return {"count": len(codes), "codes": codes}
