"""The district admin's operations, as plain functions: the CLI and the admin endpoints call them.

Each takes a migrated ``Database`` and returns the JSON-ready answer; a refused input raises
``Refused`` with a Chinese message.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from core.sync.schema import DISTRICT, table_schemas
from core.sync.validate import check_record
from server import auth
from server.config import BATCH_KEEP_DAYS
from server.db import (
    Database,
    batches,
    branches,
    devices,
    enrollment_codes,
    get_setting,
    now_stamp,
    records,
    set_setting,
    take_versions,
)

MAX_NAME = 100
MIN_PASSWORD = 8


class Refused(Exception):
    """The admin's input was refused; the message says why and what to do (Chinese)."""


def _branch(conn: Connection, branch_id: str) -> Any:
    row = conn.execute(select(branches).where(branches.c.id == branch_id)).first()
    if row is None:
        raise Refused(f"没有编号为“{branch_id}”的支部，请用 branch list 查看支部编号。")
    return row


def _issue_code(conn: Connection, branch_id: str, now: str) -> str:
    code = auth.new_enrollment_code()
    conn.execute(insert(enrollment_codes).values(code_hash=auth.code_hash(code), branch_id=branch_id, created_at=now))
    return code


def add_branch(db: Database, name: str) -> dict[str, Any]:
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise Refused(f"支部名称不能为空，也不能超过 {MAX_NAME} 个字。")
    with db.write() as conn:
        if conn.execute(select(branches.c.id).where(branches.c.name == name)).first() is not None:
            raise Refused(f"已经有名为“{name}”的支部了；要给它的新设备发登记码，请用 branch code。")
        branch_id = str(uuid.uuid4())
        now = now_stamp()
        conn.execute(insert(branches).values(id=branch_id, name=name, created_at=now))
        code = _issue_code(conn, branch_id, now)
    return {"branch_id": branch_id, "enrollment_code": code}


def new_code(db: Database, branch_id: str) -> dict[str, Any]:
    """A fresh one-time code for another device of the branch (re-admits a revoked branch)."""
    with db.write() as conn:
        _branch(conn, branch_id)
        now = now_stamp()
        conn.execute(update(branches).where(branches.c.id == branch_id).values(revoked_at=None))
        code = _issue_code(conn, branch_id, now)
    return {"branch_id": branch_id, "enrollment_code": code}


def list_branches(db: Database) -> dict[str, Any]:
    with db.read() as conn:
        rows = conn.execute(select(branches).order_by(branches.c.created_at, branches.c.name)).all()
        device_rows = conn.execute(select(devices).order_by(devices.c.created_at)).all()
    by_branch: dict[str, list[Any]] = {}
    for device in device_rows:
        by_branch.setdefault(device.branch_id, []).append(device)
    listed = []
    for row in rows:
        own = by_branch.get(row.id, [])
        stamps = [d.last_sync_at for d in own if d.last_sync_at]
        listed.append({
            "branch_id": row.id,
            "name": row.name,
            "created_at": row.created_at,
            "devices": [
                {
                    "device_id": d.id, "name": d.name, "created_at": d.created_at,
                    "last_sync_at": d.last_sync_at, "revoked": d.revoked_at is not None,
                }
                for d in own
            ],
            "last_sync_at": max(stamps) if stamps else None,
            "revoked": row.revoked_at is not None,
        })
    return {"branches": listed}


def revoke(db: Database, branch_id: str, device_id: str | None = None) -> dict[str, Any]:
    """Revoke one device's token, or every token and unused code of the branch."""
    with db.write() as conn:
        _branch(conn, branch_id)
        now = now_stamp()
        active = devices.c.revoked_at.is_(None)
        if device_id is not None:
            found = conn.execute(
                select(devices.c.id).where(devices.c.id == device_id, devices.c.branch_id == branch_id)
            ).first()
            if found is None:
                raise Refused(f"支部“{branch_id}”没有编号为“{device_id}”的设备，请用 branch list 查看。")
            targets = [device_id]
        else:
            targets = list(
                conn.execute(select(devices.c.id).where(devices.c.branch_id == branch_id, active)).scalars()
            )
            conn.execute(update(branches).where(branches.c.id == branch_id).values(revoked_at=now))
            conn.execute(
                update(enrollment_codes)
                .where(enrollment_codes.c.branch_id == branch_id, enrollment_codes.c.used_at.is_(None))
                .values(used_at=now)
            )
        if targets:
            conn.execute(update(devices).where(devices.c.id.in_(targets), active).values(revoked_at=now))
    return {"branch_id": branch_id, "revoked_devices": targets}


def publish_lesson(
    db: Database,
    title: str,
    url: str,
    minutes: int | None = None,
    speaker: str | None = None,
    topic: str | None = None,
    published: str | None = None,
    credit_hours: float | None = None,
) -> dict[str, Any]:
    """A district micro-lesson (branch_id ``district``): every branch receives it by pull."""
    if not title.strip():
        raise Refused("微党课标题不能为空。")
    if not url.strip().lower().startswith(("http://", "https://")):
        raise Refused(f"视频地址“{url}”不是网址，应以 http:// 或 https:// 开头。")
    if minutes is not None and minutes <= 0:
        raise Refused("时长（分钟）应为正整数。")
    if published:
        try:
            date.fromisoformat(published)
        except ValueError as exc:
            raise Refused(f"发布日期“{published}”无效，应为 YYYY-MM-DD。") from exc
    now = now_stamp()
    wanted = {
        "title": title.strip(), "speaker": speaker, "topic": topic, "minutes": minutes,
        "video_url": url.strip(), "credit_hours": credit_hours,
        "published_date": published or date.today().isoformat(), "valid_until": None, "archived": 0,
        "note": None,
    }
    columns = table_schemas()["lessons"].names
    data = {name: wanted.get(name) for name in columns}
    lesson_id = str(uuid.uuid4())
    record = {
        "table": "lessons", "id": lesson_id, "branch_id": DISTRICT, "base_version": 0,
        "updated_at": now, "deleted": 0, "data": data,
    }
    refusal = check_record(record)
    if refusal is not None:
        raise Refused(refusal.message)
    with db.write() as conn:
        version = take_versions(conn, 1)
        conn.execute(insert(records).values(
            table_name="lessons", id=lesson_id, branch_id=DISTRICT, version=version, updated_at=now,
            deleted=0, data=json.dumps(data, ensure_ascii=False), device_name=DISTRICT,
        ))
    return {"lesson_id": lesson_id, "version": version}


def list_conflicts(db: Database, branch_id: str | None = None, open_only: bool = False, limit: int = 500) -> dict[str, Any]:
    """Conflict records of every branch (or one), newest first."""
    query = (
        select(records, branches.c.name.label("branch_name"))
        .join(branches, branches.c.id == records.c.branch_id, isouter=True)
        .where(records.c.table_name == "conflicts", records.c.deleted == 0)
        .order_by(records.c.version.desc())
        .limit(limit)
    )
    if branch_id is not None:
        query = query.where(records.c.branch_id == branch_id)
    with db.read() as conn:
        rows = conn.execute(query).all()
    listed = []
    for row in rows:
        data = json.loads(row.data)
        if open_only and data.get("resolution"):
            continue
        listed.append({
            "id": row.id, "branch_id": row.branch_id, "branch_name": row.branch_name,
            "version": row.version, "updated_at": row.updated_at, **data,
        })
    return {"conflicts": listed}


def set_admin_password(db: Database, password: str) -> dict[str, Any]:
    if len(password) < MIN_PASSWORD:
        raise Refused(f"管理密码至少要 {MIN_PASSWORD} 位。")
    with db.write() as conn:
        set_setting(conn, "admin_password_hash", auth.hash_password(password))
    return {"admin_password": "set"}


def district_name(db: Database) -> str | None:
    with db.read() as conn:
        return get_setting(conn, "district_name")


def set_district_name(db: Database, name: str) -> None:
    with db.write() as conn:
        set_setting(conn, "district_name", name.strip())


def prune_batches(db: Database, keep_days: int = BATCH_KEEP_DAYS) -> int:
    """Drop stored push answers older than ``keep_days`` (a client retries a batch within minutes)."""
    cutoff = (datetime.now(UTC) - timedelta(days=keep_days)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    with db.write() as conn:
        return conn.execute(delete(batches).where(batches.c.created_at < cutoff)).rowcount
