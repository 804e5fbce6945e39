"""The branch-facing endpoints of DESIGN §4: info, enroll, push, pull."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy import update

from server import api_docs, attempt_limits, auth, enrollment
from server.config import MAX_BATCH_RECORDS, MAX_PULL_LIMIT
from server.db import devices, now_stamp
from server.deps import CallerDep, DbDep
from server.errors import ApiError, bad_request, token_error
from server.limits import json_body
from server.pull import pull_page
from server.push import BatchGone, push_batch
from server.scan_publish import publish_scans

router = APIRouter(prefix="/api/v1")
PROTOCOL = 2  # 2: pushed records may name their edited fields (``changed``); 1 is still answered
MIN_CLIENT_PROTOCOL = 1
MAX_DEVICE_NAME = 100
MAX_BATCH_ID = 200
LAST_SYNC_PRECISION = timedelta(minutes=1)

JsonBody = Annotated[dict[str, Any], Depends(json_body)]


def _has_control(text: str) -> bool:
    """Control characters (NUL among them, which PostgreSQL text cannot hold) are no part of a name."""
    return any(ord(ch) < 32 or ord(ch) == 127 for ch in text)


def _json(data: Any) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")


@router.get(
    "/info", summary="Server time, protocol and district name (no auth)", responses=api_docs.json_answers(api_docs.INFO)
)
def info(request: Request) -> dict[str, Any]:
    answer = {
        "server_time": now_stamp(),
        "protocol": PROTOCOL,
        "min_client_protocol": MIN_CLIENT_PROTOCOL,
        "district_name": request.app.state.district_name,
    }
    if request.app.state.public_url:
        answer["public_url"] = request.app.state.public_url
    return answer


@router.post(
    "/enroll",
    summary="Enroll a device with a one-time code",
    openapi_extra=api_docs.json_request(api_docs.ENROLL_REQUEST),
    responses=api_docs.json_answers(api_docs.ENROLLED, 400, 413, 429, 503),
)
def enroll(body: JsonBody, db: DbDep, request: Request) -> Response:
    code, device_name = body.get("code"), body.get("device_name")
    if not isinstance(code, str) or not isinstance(device_name, str):
        raise bad_request("登记请求应包含登记码（code）和设备名称（device_name）。")
    device_name = device_name.strip()
    if not device_name or len(device_name) > MAX_DEVICE_NAME or _has_control(device_name):
        raise bad_request(f"设备名称不能为空，不能含有控制字符，也不能超过 {MAX_DEVICE_NAME} 个字。")
    client = attempt_limits.client_address(request)
    with db.write() as conn:
        try:
            attempt_limits.check(conn, attempt_limits.ENROLL, client)
        except attempt_limits.Blocked as blocked:
            raise blocked.as_api_error() from None
        done = enrollment.redeem(conn, code, device_name)
        if done is None:
            attempt_limits.note_failure(conn, attempt_limits.ENROLL, client)  # committed with this transaction
    if done is None:
        raise ApiError(400, "enroll_code", enrollment.WRONG_CODE)
    return _json({"branch_id": done.branch_id, "branch_name": done.branch_name, "token": done.token,
                  "device_id": done.device_id})


@router.post(
    "/sync/push",
    summary="Push up to 500 records (idempotent per batch_id)",
    openapi_extra=api_docs.json_request(api_docs.PUSH_REQUEST),
    responses=api_docs.json_answers(api_docs.PUSHED, 400, 401, 409, 413, 429, 503),
)
def push(caller: CallerDep, body: JsonBody, db: DbDep) -> Response:
    batch_id, records = body.get("batch_id"), body.get("records")
    if not isinstance(batch_id, str) or not batch_id or len(batch_id) > MAX_BATCH_ID or _has_control(batch_id):
        raise bad_request("上传请求缺少有效的批次编号（batch_id）。")
    if not isinstance(records, list):
        raise bad_request("上传请求缺少记录列表（records）。")
    if len(records) > MAX_BATCH_RECORDS:
        raise ApiError(413, "too_many", f"一次最多上传 {MAX_BATCH_RECORDS} 条记录，请分批上传。")
    try:
        answer = push_batch(db, caller, batch_id, records)
    except BatchGone as exc:
        raise token_error() from exc
    return Response(answer, media_type="application/json")


@router.get(
    "/sync/pull",
    summary="Records of the caller's branch and the district after `since`",
    responses=api_docs.json_answers(api_docs.PAGE, 400, 401, 429, 503),
)
def pull(
    caller: CallerDep,
    db: DbDep,
    since: Annotated[int, Query(ge=0, le=api_docs.MAX_SEQUENCE)] = 0,
    limit: Annotated[int, Query(ge=1, le=api_docs.MAX_SEQUENCE)] = MAX_PULL_LIMIT,
) -> Response:
    publish_scans(db, caller.branch_id)  # the grown scan counts become records this pull can return
    with db.read() as conn:
        page = pull_page(conn, caller.branch_id, since, min(limit, MAX_PULL_LIMIT))
    _note_sync(db, caller)
    return Response(page, media_type="application/json")


def _note_sync(db: DbDep, caller: auth.Caller) -> None:
    """Record the pull as the device's last sync, at most once a minute (it costs a write)."""
    now = datetime.now(UTC)
    if caller.last_sync_at:
        last = datetime.fromisoformat(caller.last_sync_at.replace("Z", "+00:00"))
        if now - last < LAST_SYNC_PRECISION:
            return
    with db.write() as conn:
        conn.execute(update(devices).where(devices.c.id == caller.device_id).values(last_sync_at=now_stamp()))
