"""Records for the 活码 tests: a lesson, a live code pointing at it, a member with a mobile."""

from __future__ import annotations

import time
import uuid
from typing import Any

import requests

from core.qr.short_codes import link_id, new_code
from tests.server.api import Device, member, stamp


def lesson(branch_id: str, title: str = "学习党章第一讲", url: str = "https://dj.example.cn/v/1",
           **data: Any) -> dict[str, Any]:
    fields = {"title": title, "speaker": "李书记", "minutes": 18, "video_url": url, "archived": 0,
              "published_date": "2026-10-01"}
    fields.update(data)
    return {"table": "lessons", "id": str(uuid.uuid4()), "branch_id": branch_id, "base_version": 0,
            "updated_at": stamp(), "deleted": 0, "data": fields}


def live_code(branch_id: str, lesson_id: str | None = None, *, code: str | None = None, kind: str = "lesson",
              url: str | None = None, **data: Any) -> dict[str, Any]:
    code = code or new_code()
    fields = {"code": code, "target_kind": kind, "lesson_id": lesson_id, "target_url": url,
              "target_title": None, "label": "村委会活动室摆台", "created_date": "2026-12-01", "retired_at": None}
    fields.update(data)
    return {"table": "qr_links", "id": link_id(code), "branch_id": branch_id, "base_version": 0,
            "updated_at": stamp(), "deleted": 0, "data": fields}


def phone_member(branch_id: str, name: str, phone: str, **data: Any) -> dict[str, Any]:
    return member(branch_id, name, phone=phone, **data)


def published(office: Device, *records: dict[str, Any]) -> list[int]:
    """Push ``records``; their versions (asserting each was taken)."""
    results = office.push(list(records))
    assert [r["status"] for r in results] == ["ok"] * len(records), results
    return [r["version"] for r in results]


def page(office: Device, code: str, **kwargs: Any) -> requests.Response:
    return requests.get(f"{office.server.url}/q/{code}", timeout=30, allow_redirects=False, **kwargs)


def page_once_changed(server_url: str, code: str, shows: str, timeout: float = 5.0) -> requests.Response:
    """The code's page once it shows ``shows``: a server remembers a scanned code's page a moment."""
    deadline = time.monotonic() + timeout
    while True:
        answer = requests.get(f"{server_url}/q/{code}", timeout=30, allow_redirects=False)
        if shows in answer.text or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def check_in(office: Device, code: str, name: str, tail: str) -> requests.Response:
    return requests.post(f"{office.server.url}/q/{code}", data={"name": name, "phone_tail": tail}, timeout=30)


def pulled(office: Device, table: str, wait_for: Any = None, timeout: float = 10.0) -> list[dict[str, Any]]:
    """The ``table`` records a pull returns; with ``wait_for``, pull again until it holds."""
    deadline = time.monotonic() + timeout
    while True:
        found = [r for r in office.pull_all() if r["table"] == table]
        if wait_for is None or wait_for(found) or time.monotonic() > deadline:
            return found
        time.sleep(0.3)
