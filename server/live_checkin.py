"""A member's check-in from the phone (学完了？登记学习) through a branch's live lesson code.

The name and the last four digits of the mobile are matched against the code's branch's current
members (正常 and 流动) only. A match writes a study record for today — method ``self_scan``, marked
self-reported (扫码自报) — whose id derives from (branch, member, lesson, day), so the same member
checking in twice in a day makes one record. No match, a wrong tail, a member of another branch and
a name that fits two members all give the same answer and count as one failure, for the address and
for the code (``server.attempt_limits``).

No address is kept: the limit counts a hash of the address with a salt that is replaced every
China day (and the failures themselves are forgotten after 15 minutes).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import threading
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from core.qr.short_codes import checkin_record_id
from core.sync.schema import table_schemas
from core.sync.validate import check_record
from server import attempt_limits
from server.db import Database, get_setting, now_stamp, records, settings, take_versions
from server.live_codes import Resolved
from server.live_scans import china_today

MAX_NAME = 20
SALT_KEY = "checkin_salt"
ENTERED_BY = "扫码自报"
STUDYING_STATUSES = ("active", "mobile")

RECORDED = "recorded"
ALREADY = "already"
NO_MATCH = "no_match"
BLOCKED = "blocked"
INVALID = "invalid"  # a field missing or malformed: nothing checked, nothing counted


@dataclass(frozen=True)
class Outcome:
    kind: str
    day: str = ""
    retry_seconds: int = 0
    message: str = ""


def clean_name(text: str) -> str:
    """A name as people type it: full-width forms folded, every space dropped."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def clean_tail(text: str) -> str | None:
    tail = unicodedata.normalize("NFKC", text).strip()
    return tail if len(tail) == 4 and tail.isascii() and tail.isdigit() else None


def _phone_tail(phone: object) -> str:
    digits = "".join(ch for ch in str(phone or "") if ch.isascii() and ch.isdigit())
    return digits[-4:] if len(digits) >= 4 else ""


_salt_lock = threading.Lock()
_salt_cache: dict[str, str] = {}


def _daily_salt(db: Database, day: str) -> str:
    """This China day's salt, the same in every worker process; yesterday's is overwritten."""
    with _salt_lock:
        if day in _salt_cache:
            return _salt_cache[day]
    fresh = f"{day}:{secrets.token_hex(16)}"
    with db.write() as conn:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        conn.execute(dialect.insert(settings).values(key=SALT_KEY, value=fresh).on_conflict_do_nothing())
        stored = get_setting(conn, SALT_KEY) or ""
        if not stored.startswith(day + ":"):  # yesterday's: replaced once, whoever comes first
            conn.execute(update(settings).where(settings.c.key == SALT_KEY, settings.c.value == stored)
                         .values(value=fresh))
            stored = get_setting(conn, SALT_KEY) or fresh
    with _salt_lock:
        _salt_cache.clear()
        _salt_cache[day] = stored
    return stored


def address_key(db: Database, address: str) -> str:
    """What the limit counts instead of the address: a salted hash that means nothing tomorrow."""
    salt = _daily_salt(db, china_today())
    return "h:" + hashlib.sha256(f"{salt}/{address}".encode()).hexdigest()[:32]


def _matching_members(conn: Connection, branch_id: str, name: str, tail: str) -> list[str]:
    rows = conn.execute(
        select(records.c.id, records.c.data)
        .where(records.c.table_name == "members", records.c.branch_id == branch_id, records.c.deleted == 0)
    ).all()
    found = []
    for row in rows:
        data = json.loads(row.data)
        if (data.get("status") in STUDYING_STATUSES and clean_name(str(data.get("name") or "")) == name
                and _phone_tail(data.get("phone")) == tail):
            found.append(row.id)
    return found


def _study_record(code: Resolved, member_id: str, day: str, now: str) -> tuple[str, dict[str, object]]:
    assert code.lesson is not None
    record_id = checkin_record_id(code.branch_id, member_id, code.lesson.id, day)
    wanted = {
        "member_id": member_id, "lesson_id": code.lesson.id, "study_date": day, "method": "self_scan",
        "minutes": code.lesson.minutes, "entered_by": ENTERED_BY, "self_reported": 1,
    }
    data = {name: wanted.get(name) for name in table_schemas()["study_records"].names}
    refusal = check_record({"table": "study_records", "id": record_id, "branch_id": code.branch_id,
                            "base_version": 0, "updated_at": now, "deleted": 0, "data": data})
    if refusal is not None:
        raise ValueError(refusal.message)
    return record_id, data


def _limits(conn: Connection, code: str, client: str) -> None:
    attempt_limits.check(conn, attempt_limits.CHECKIN, client)
    attempt_limits.check(conn, attempt_limits.CHECKIN_CODE, code)


def check_in(db: Database, code: Resolved, name: str, phone_tail: str, address: str) -> Outcome:
    """Match the member and record today's study, or count a failure. ``code`` takes check-ins."""
    assert code.takes_checkins and code.lesson is not None
    client = address_key(db, address)
    typed_name, tail = clean_name(name)[:MAX_NAME + 1], clean_tail(phone_tail)
    try:
        with db.read() as conn:
            _limits(conn, code.code, client)
            if not typed_name or len(typed_name) > MAX_NAME or tail is None:
                return Outcome(INVALID)
            matches = _matching_members(conn, code.branch_id, typed_name, tail)
        day = china_today()
        if len(matches) != 1:
            with db.write() as conn:
                attempt_limits.note_failure(conn, attempt_limits.CHECKIN, client)
                attempt_limits.note_failure(conn, attempt_limits.CHECKIN_CODE, code.code)
            return Outcome(NO_MATCH)
        return _record(db, code, matches[0], day)
    except attempt_limits.Blocked as blocked:
        return Outcome(BLOCKED, retry_seconds=blocked.seconds, message=blocked.message)


def _record(db: Database, code: Resolved, member_id: str, day: str) -> Outcome:
    now = now_stamp()
    record_id, data = _study_record(code, member_id, day, now)
    try:
        with db.write() as conn:
            exists = conn.execute(
                select(records.c.id).where(records.c.table_name == "study_records", records.c.id == record_id)
            ).first()
            if exists is not None:
                return Outcome(ALREADY, day)
            version = take_versions(conn, 1)
            conn.execute(insert(records).values(
                table_name="study_records", id=record_id, branch_id=code.branch_id, version=version,
                updated_at=now, deleted=0, data=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                device_name=ENTERED_BY,
            ))
    except IntegrityError:  # the same member's other phone, at the same moment
        return Outcome(ALREADY, day)
    return Outcome(RECORDED, day)
