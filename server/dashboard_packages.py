"""The dashboard's 同步包 page: a branch with no link brings its sync package on a USB stick, the admin
uploads it here and takes the reply back (README "Sync by file").

- ``GET /admin/packages``                the upload form
- ``POST /admin/packages``               (``multipart/form-data``: ``csrf``, ``package``) applies the file
  (``server.package_apply.apply_package``) and shows what was done, with the reply's download link
- ``GET /admin/packages/reply/{token}``  the reply file, kept a short while (``server.package_upload``)

Admin only, like every dashboard page (``server.dashboard``); the form carries the same CSRF token as
the lessons' forms. The file is read within ``MAX_FILE_BYTES`` as it streams in. A refused file (not
a package, damaged, another district's, a revoked PC's) gets its Chinese reason and nothing written.
"""

from __future__ import annotations

import hmac
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from core.sync.package_file import ENROLL, MAX_FILE_BYTES, PackageError
from server.api_admin import _cookie_secret
from server.dashboard import _csrf, _refused, _render
from server.deps import DbDep
from server.package_apply import Applied, apply_package
from server.package_upload import UploadRefused, read_upload
from server.reply_store import KEEP, MAX_AGE, ReplyStore

router = APIRouter(include_in_schema=False)
FILE_FIELD = "package"
EXPIRED = (f"这个回执已经过期或不存在（服务器只保留最近 {KEEP} 份回执，每份 {MAX_AGE // 3600} 小时）。"
           "请再上传一次这个同步包：重复处理不会重复写入数据，回执会重新生成。")
_UNSAFE = re.compile(r'[\x00-\x1f\x7f\\/:*?"<>|]+')


def _replies(db: DbDep) -> ReplyStore:
    return ReplyStore.for_secret(_cookie_secret(db))


def _page(request: Request, db: DbDep, status: int = 200, error: str = "", **context: Any) -> Response:
    values: dict[str, Any] = {"applied": None, "uploaded": "", "reply_link": "", "reply_name": "", "kept": ""}
    return _render(request, "packages.html", "同步包", status, csrf=_csrf(db), error=error,
                   limit_mb=MAX_FILE_BYTES // (1024 * 1024), keep=KEEP, hours=MAX_AGE // 3600, **(values | context))


def reply_names(applied: Applied) -> tuple[str, str]:
    """The reply's file name (Chinese) and its plain ASCII stand-in for old browsers."""
    branch = _UNSAFE.sub("", applied.branch_name).strip(" .")[:40] or "支部"
    if applied.kind == ENROLL:
        return f"登记回执-{branch}.zbsync", "zhibu-enroll-reply.zbsync"
    return f"回执-{branch}-{applied.number}.zbsync", f"zhibu-reply-{applied.number}.zbsync"


@router.get("/admin/packages")
def packages(request: Request, db: DbDep) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    return _page(request, db)


@router.post("/admin/packages")
async def upload_package(request: Request, db: DbDep) -> Response:
    # The admin first: nobody else gets an upload read at all.
    if (refused := await run_in_threadpool(_refused, request, db)) is not None:
        return refused
    try:
        form = await read_upload(request, FILE_FIELD, MAX_FILE_BYTES)
    except UploadRefused as bad:
        return await run_in_threadpool(_page, request, db, bad.status, bad.message)
    return await run_in_threadpool(_apply, request, db, form.fields.get("csrf", ""), form.file, form.filename)


def _apply(request: Request, db: DbDep, csrf: str, data: bytes | None, uploaded: str) -> Response:
    if not hmac.compare_digest(csrf.encode(), _csrf(db).encode()):
        return _page(request, db, 403, "页面已过期或来源不明，什么也没有处理。请刷新页面后再试。")
    if not data:
        return _page(request, db, 400, "没有选择文件，或者选的文件是空的，什么也没有处理。"
                                      "请点“选择文件”，选好支部电脑导出的同步包（.zbsync），再点“处理同步包”。")
    state = request.app.state
    try:
        applied = apply_package(db, data, district_name=str(state.district_name), public_url=state.public_url)
    except PackageError as refused_file:
        return _page(request, db, 400, str(refused_file), uploaded=uploaded)
    name, fallback = reply_names(applied)
    try:
        token = _replies(db).put(applied.reply, name, fallback)
    except OSError as exc:
        kept = (f"同步包已处理，但回执无法暂存在服务器上（{exc.strerror or exc}）。"
                "请稍后再上传一次这个同步包：重复处理不会重复写入数据。")
        return _page(request, db, applied=applied, uploaded=uploaded, reply_name=name, kept=kept)
    return _page(request, db, applied=applied, uploaded=uploaded, reply_name=name,
                 reply_link=f"/admin/packages/reply/{token}")


@router.get("/admin/packages/reply/{token}")
def download_reply(token: str, request: Request, db: DbDep) -> Response:
    if (refused := _refused(request, db)) is not None:
        return refused
    found = _replies(db).get(token)
    if found is None:
        return _page(request, db, 404, EXPIRED)
    reply, name, fallback = found
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
    return Response(reply, media_type="application/octet-stream", headers={
        "Content-Disposition": disposition, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
    })
