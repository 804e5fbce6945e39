"""Talking to the real server in tests: enrolled devices, pushes, pulls and record builders."""

from __future__ import annotations

import gzip
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import requests

from tests.sync_server import RunningServer, admin, enroll, new_branch

BASE_TIME = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def stamp(seconds: float = 0) -> str:
    """A protocol timestamp ``seconds`` after a fixed moment."""
    moment = BASE_TIME + timedelta(seconds=seconds)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class Device:
    server: RunningServer
    token: str
    branch_id: str
    branch_name: str
    device_id: str
    name: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def push_raw(self, records: list[Any], batch_id: str | None = None, compress: bool = False) -> requests.Response:
        body = json.dumps({"batch_id": batch_id or str(uuid.uuid4()), "records": records}).encode()
        headers = {**self.headers, "Content-Type": "application/json"}
        if compress:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return requests.post(f"{self.server.url}/api/v1/sync/push", data=body, headers=headers, timeout=60)

    def push(self, records: list[Any], batch_id: str | None = None, compress: bool = False) -> list[dict[str, Any]]:
        answer = self.push_raw(records, batch_id, compress)
        assert answer.status_code == 200, answer.text
        return answer.json()["results"]

    def pull_raw(self, since: int = 0, limit: int | None = None) -> requests.Response:
        params = {"since": since} if limit is None else {"since": since, "limit": limit}
        return requests.get(f"{self.server.url}/api/v1/sync/pull", params=params, headers=self.headers, timeout=60)

    def pull(self, since: int = 0, limit: int | None = None) -> dict[str, Any]:
        answer = self.pull_raw(since, limit)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def pull_all(self, since: int = 0) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        while True:
            page = self.pull(since)
            found += page["records"]
            since = page["next"]
            if not page["more"]:
                return found


def enrolled(server: RunningServer, branch_name: str = "城关镇第一支部", device_name: str = "办公室电脑") -> Device:
    """A new branch with one enrolled device."""
    branch = new_branch(server.db_url, branch_name)
    return enroll_device(server, branch["enrollment_code"], device_name)


def enroll_device(server: RunningServer, code: str, device_name: str) -> Device:
    done = enroll(server.url, code, device_name)
    return Device(server, done["token"], done["branch_id"], done["branch_name"], done["device_id"], device_name)


def second_device(device: Device, device_name: str = "书记的笔记本") -> Device:
    code = admin(device.server.db_url, "branch", "code", device.branch_id)["enrollment_code"]
    return enroll_device(device.server, code, device_name)


def member(branch_id: str, name: str = "张三", *, row_id: str | None = None, base_version: int = 0,
           at: float = 0, deleted: int = 0, **data: Any) -> dict[str, Any]:
    fields = {"name": name, "gender": "男", "birth_date": "1950-03-02", "phone": None, "note": None,
              "category": "full", "status": "active"}
    fields.update(data)
    return {
        "table": "members", "id": row_id or str(uuid.uuid4()), "branch_id": branch_id,
        "base_version": base_version, "updated_at": stamp(at), "deleted": deleted, "data": fields,
    }


def study_record(branch_id: str, *, row_id: str | None = None, at: float = 0, deleted: int = 0,
                 **data: Any) -> dict[str, Any]:
    fields = {"member_id": "m-1", "lesson_id": "l-1", "study_date": "2026-11-20", "method": "self",
              "minutes": 20, "helper_id": None, "session_id": None, "entered_by": "组织委员", "note": None,
              "void_reason": None}
    fields.update(data)
    return {
        "table": "study_records", "id": row_id or str(uuid.uuid4()), "branch_id": branch_id,
        "base_version": 0, "updated_at": stamp(at), "deleted": deleted, "data": fields,
    }


def edited(record: dict[str, Any], version: int, at: float, deleted: int | None = None, **data: Any) -> dict[str, Any]:
    """``record`` changed on a device that last saw server ``version``."""
    changed = {**record, "base_version": version, "updated_at": stamp(at), "data": {**record["data"], **data}}
    if deleted is not None:
        changed["deleted"] = deleted
    return changed
