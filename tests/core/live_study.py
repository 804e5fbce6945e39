"""What the district server sends a branch about its live codes (活码), applied as a sync pull
applies it: members' phone check-ins (study records marked 扫码自报) and the daily scan counts."""

from __future__ import annotations

from typing import Any

from core.lessons.fields import SELF_REPORTED
from core.qr.short_codes import checkin_record_id, link_id, scan_day_id
from core.store import Store
from core.sync.pull import PullResult, apply_page
from core.sync.tables import foreign_keys_off

STAMP = "2026-11-21T08:00:00.000Z"


def check_in(store: Store, member_id: str, lesson_id: str, day: str, minutes: int | None = 30,
             version: int = 40) -> dict[str, Any]:
    """A study record as the server writes it when a member checks in from the phone."""
    return {
        "table": "study_records", "id": checkin_record_id(store.branch_id, member_id, lesson_id, day),
        "branch_id": store.branch_id, "version": version, "updated_at": STAMP, "deleted": False,
        "data": {"member_id": member_id, "lesson_id": lesson_id, "study_date": day, "method": "self_scan",
                 "minutes": minutes, "helper_id": None, "session_id": None, "entered_by": SELF_REPORTED,
                 "note": None, "void_reason": None, "self_reported": 1},
    }


def scan_day(store: Store, code: str, day: str, lesson_id: str | None, scans: int,
             version: int = 50) -> dict[str, Any]:
    """One code's scans on one day, as the server publishes them (the lesson it led to that day)."""
    return {
        "table": "qr_scan_days", "id": scan_day_id(code, day, lesson_id), "branch_id": store.branch_id,
        "version": version, "updated_at": STAMP, "deleted": False,
        "data": {"link_id": link_id(code), "code": code, "day": day, "lesson_id": lesson_id, "scans": scans},
    }


def pull_rows(store: Store, records: list[dict[str, Any]]) -> PullResult:
    """Apply ``records`` as one pulled page: one transaction, foreign keys off, synced at their version."""
    result = PullResult()
    with foreign_keys_off(store), store.transaction():
        apply_page(store, records, result)
    return result
