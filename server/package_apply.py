"""Applying a branch PC's sync package (同步包) at the district, and making its reply (README "Sync by
file"): ``python -m server package apply`` and the dashboard's upload form.

A package is verified before anything is written: the device it names must be enrolled here, the
file signed with that device's key (``core.sync.package_file``), the device not revoked. Its batches
then go through ``server.push.push_batch`` one by one, exactly as online pushes (scope checks, merge,
conflicts, and the stored answer when a batch id was seen before: applying a file twice changes
nothing). The reply holds those answers and everything the branch would pull from the package's
position, less the rows whose answer already says all (an ``ok`` at the same version), signed with
the same key. An enrolment package redeems its code once; applying it again makes the same reply.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from core.sync.package_file import (
    DAMAGED,
    ENROLL,
    ENROLL_REPLY,
    MAX_FILE_BYTES,
    PACKAGE,
    REPLY,
    PackageError,
    enroll_key,
    pack,
    package_key,
    read_header,
    seal,
    unpack,
    valid_public_key,
)
from core.sync.package_file import token_hash as hash_of
from server import enrollment
from server.auth import Caller
from server.config import MAX_BATCH_RECORDS, MAX_PULL_LIMIT
from server.db import Database, branches, devices, now_stamp, package_enrollments
from server.errors import ApiError
from server.pull import pull_page
from server.push import BatchGone, push_batch
from server.scan_publish import publish_scans

PROTOCOL = 2
MAX_BATCH_ID = 200
MAX_DEVICE_NAME = 100
Progress = Callable[[int, int, str], None]


@dataclass
class Applied:
    """What applying a package did, and the reply to hand back."""

    kind: str  # "package" | "enroll"
    reply: bytes
    branch_id: str
    branch_name: str
    device_name: str
    number: int = 0
    pushed: int = 0  # records taken (as sent, or merged)
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0  # records in the reply for the branch to pull
    batches: int = 0
    refused_batches: list[str] = field(default_factory=list)

    def summary(self, reply_path: str) -> str:
        """What was done, for the district admin (Chinese)."""
        if self.kind == ENROLL:
            return (f"已为“{self.branch_name}”支部登记电脑“{self.device_name}”。回执已写到 {reply_path}，"
                    "请把它带回支部，在那台电脑的“数据同步”页导入。")
        text = (f"已处理“{self.branch_name}”支部电脑“{self.device_name}”的第 {self.number} 号同步包：收下 {self.pushed} 条"
                f"（合并 {self.merged} 条，冲突 {self.conflicts} 条，拒绝 {self.rejected} 条），"
                f"回执带回 {self.pulled} 条。回执已写到 {reply_path}，请把它带回支部导入。")
        if self.refused_batches:
            text += f"\n有 {len(self.refused_batches)} 批数据的批次编号与以前的不符，没有收下；支部下次导出时会重新打包。"
        return text

    def counts(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "branch_id": self.branch_id, "branch_name": self.branch_name,
            "device_name": self.device_name, "number": self.number, "pushed": self.pushed, "pulled": self.pulled,
            "conflicts": self.conflicts, "rejected": self.rejected, "merged": self.merged, "batches": self.batches,
            "reply_bytes": len(self.reply),
        }


def apply_package(
    db: Database, data: bytes, *, district_name: str, public_url: str | None = None,
    progress: Progress | None = None,
) -> Applied:
    """Apply ``data`` (a package file's bytes); raises ``PackageError`` with a Chinese message when
    the file is refused (nothing written then)."""
    header = read_header(data)
    if header["kind"] == ENROLL:
        return _enroll(db, data, header, district_name, public_url)
    if header["kind"] != PACKAGE:
        raise PackageError("这是区里给支部的回执，不是支部电脑导出的同步包。请把它带回支部，在支部的电脑上导入。")
    caller, token_hash = _device(db, header)
    key = package_key(token_hash)
    body = unpack(data, key).body
    if caller is None:
        raise PackageError(
            f"这台电脑（“{header.get('device_name') or header.get('device_id')}”）的登记已被区里注销，"
            "它的同步包不再接受，什么也没有写入。请给这个支部一个新的登记码，在支部电脑上重新登记。"
        )
    number = header.get("number")
    since = body.get("since")
    raw_batches = body.get("batches")
    if not (isinstance(number, int) and isinstance(since, int) and since >= 0 and isinstance(raw_batches, list)):
        raise PackageError(DAMAGED)
    batches = [_batch(raw) for raw in raw_batches]
    applied = Applied(PACKAGE, b"", caller.branch_id, caller.branch_name, caller.device_name, number=number)
    total, done = sum(len(records) for _, records in batches), 0
    answers: list[dict[str, Any]] = []
    acknowledged: dict[tuple[str, str], int] = {}
    for batch_id, records in batches:
        try:
            answer = json.loads(push_batch(db, caller, batch_id, records))
        except ApiError as exc:  # a batch id used for other records: that batch is sent afresh next time
            answers.append({"batch_id": batch_id, "error": exc.detail})
            applied.refused_batches.append(batch_id)
            continue
        except BatchGone:
            raise PackageError("这个支部已经从区里的服务器上删除，它的同步包不再接受。") from None
        answers.append({"batch_id": batch_id, "answer": answer})
        _count(applied, answer, acknowledged)
        done += len(records)
        if progress:
            progress(done, total, f"正在写入 {done}/{total} 条")
    applied.batches = len(batches)
    pulled, next_cursor = _pull_all(db, caller.branch_id, since, acknowledged, progress)
    applied.pulled = len(pulled)
    with db.write() as conn:
        conn.execute(update(devices).where(devices.c.id == caller.device_id).values(last_sync_at=now_stamp()))
    reply_header = {
        "kind": REPLY, "package_id": header.get("package_id"), "number": number,
        "device_id": caller.device_id, "device_name": caller.device_name, "branch_id": caller.branch_id,
        "created_at": now_stamp(),
    }
    reply_body = {**_about(district_name, public_url), "answers": answers, "records": pulled, "next": next_cursor}
    if progress:
        progress(total, total, "正在生成回执…")
    applied.reply = pack(reply_header, reply_body, key)
    return applied


def _device(db: Database, header: dict[str, Any]) -> tuple[Caller | None, str]:
    """The device a package names (None when revoked) and its token hash; refused when unknown."""
    device_id, branch_id = header.get("device_id"), header.get("branch_id")
    if not _plain(device_id) or not _plain(branch_id):
        raise PackageError(DAMAGED)
    with db.read() as conn:
        row = conn.execute(
            select(devices.c.id, devices.c.name, devices.c.branch_id, devices.c.token_hash, devices.c.revoked_at,
                   devices.c.last_sync_at, branches.c.name.label("branch_name"))
            .join(branches, branches.c.id == devices.c.branch_id)
            .where(devices.c.id == device_id)
        ).first()
    if row is None or row.branch_id != branch_id:
        raise PackageError("这个同步包来自本服务器不认识的电脑（可能是别的区的，或者文件被改过），"
                           "什么也没有写入。请确认它是本区支部的电脑导出的。")
    caller = None if row.revoked_at else Caller(row.id, row.name, row.branch_id, row.branch_name, row.last_sync_at)
    return caller, row.token_hash


def _plain(value: Any) -> bool:
    """A string without control characters (NUL among them, which PostgreSQL text cannot hold)."""
    return isinstance(value, str) and not any(ord(ch) < 32 or ord(ch) == 127 for ch in value)


def _batch(raw: Any) -> tuple[str, list[Any]]:
    if not isinstance(raw, dict):
        raise PackageError(DAMAGED)
    batch_id, records = raw.get("batch_id"), raw.get("records")
    if not _plain(batch_id) or not batch_id or len(batch_id) > MAX_BATCH_ID or not isinstance(records, list):
        raise PackageError(DAMAGED)
    if len(records) > MAX_BATCH_RECORDS:
        raise PackageError(DAMAGED)
    return batch_id, records


def _count(applied: Applied, answer: dict[str, Any], acknowledged: dict[tuple[str, str], int]) -> None:
    for result in answer.get("results", []):
        status = result.get("status")
        if status == "rejected":
            applied.rejected += 1
            continue
        applied.pushed += 1
        applied.merged += status == "merged"
        applied.conflicts += status == "conflict"
        if status == "ok":
            acknowledged[(result["table"], result["id"])] = int(result["version"])


def _pull_all(
    db: Database, branch_id: str, since: int, acknowledged: dict[tuple[str, str], int], progress: Progress | None,
) -> tuple[list[dict[str, Any]], int]:
    """Everything the branch would pull after ``since``: (records, the position after them). A row
    this package's answers acknowledged at the version the pull has is left out: the PC has it."""
    publish_scans(db, branch_id)
    records: list[dict[str, Any]] = []
    while True:
        with db.read() as conn:
            page = json.loads(pull_page(conn, branch_id, since, MAX_PULL_LIMIT))
        records.extend(r for r in page["records"] if acknowledged.get((r["table"], r["id"])) != r["version"])
        since = max(since, int(page["next"]))
        if progress:
            progress(len(records), 0, f"正在准备回执 {len(records)} 条")
        if not page["more"]:
            return records, since


def _about(district_name: str, public_url: str | None) -> dict[str, Any]:
    about: dict[str, Any] = {"protocol": PROTOCOL, "server_time": now_stamp(), "district_name": district_name}
    if public_url:
        about["public_url"] = public_url
    return about


def _enroll(db: Database, data: bytes, header: dict[str, Any], district_name: str, public_url: str | None) -> Applied:
    body = unpack(data, enroll_key()).body
    package_id = header.get("package_id")
    code, name, public_key = body.get("code"), body.get("device_name"), body.get("public_key")
    if not all(isinstance(value, str) for value in (package_id, code, name, public_key)):
        raise PackageError(DAMAGED)
    name = name.strip()
    if not name or len(name) > MAX_DEVICE_NAME or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise PackageError(f"登记包里的设备名称不能为空，不能含有控制字符，也不能超过 {MAX_DEVICE_NAME} 个字。")
    if len(package_id) > MAX_BATCH_ID or len(code) > MAX_BATCH_ID or len(public_key) > 100 or not _plain(package_id):
        raise PackageError(DAMAGED)
    if not valid_public_key(public_key):  # refused before the code is used up
        raise PackageError("登记包里的电脑密钥无效，这个登记包已损坏。请在支部的电脑上重新导出登记包。")
    with db.write() as conn:
        earlier = conn.execute(
            select(package_enrollments.c.device_id, package_enrollments.c.sealed_token, devices.c.token_hash,
                   devices.c.branch_id, devices.c.revoked_at, branches.c.name.label("branch_name"))
            .join(devices, devices.c.id == package_enrollments.c.device_id)
            .join(branches, branches.c.id == devices.c.branch_id)
            .where(package_enrollments.c.package_id == package_id)
        ).first()
        if earlier is not None:  # the same enrolment package again: the same reply
            if earlier.revoked_at:
                raise PackageError("用这个登记包登记的电脑已被区里注销。请给这个支部一个新的登记码，重新导出登记包。")
            device_id, sealed, token_hash = earlier.device_id, earlier.sealed_token, earlier.token_hash
            branch_id, branch_name = earlier.branch_id, earlier.branch_name
        else:
            done = enrollment.redeem(conn, code, name)
            if done is None:
                raise PackageError(enrollment.WRONG_CODE)
            sealed = seal(public_key, done.token)
            conn.execute(insert(package_enrollments).values(
                package_id=package_id, device_id=done.device_id, sealed_token=sealed, created_at=now_stamp(),
            ))
            device_id, token_hash = done.device_id, hash_of(done.token)
            branch_id, branch_name = done.branch_id, done.branch_name
    pulled, next_cursor = _pull_all(db, branch_id, 0, {}, None)
    reply_header = {
        "kind": ENROLL_REPLY, "package_id": package_id, "device_id": device_id, "device_name": name,
        "branch_id": branch_id, "branch_name": branch_name, "sealed_token": sealed, "created_at": now_stamp(),
    }
    reply_body = {**_about(district_name, public_url), "records": pulled, "next": next_cursor}
    reply = pack(reply_header, reply_body, package_key(token_hash))
    return Applied(ENROLL, reply, branch_id, branch_name, name, pulled=len(pulled))


def apply_file(
    db: Database, source: str | Path, reply_path: str | Path, *, district_name: str, public_url: str | None = None,
    progress: Progress | None = None,
) -> Applied:
    """Apply the package file ``source`` and write its reply to ``reply_path`` (whole, or not at all)."""
    source = Path(source)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise PackageError(f"这个文件太大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB），不是支部工作台的同步包。")
        data = source.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"找不到文件“{source}”。") from None
    except OSError as exc:
        raise PackageError(f"无法读取文件“{source}”（{exc.strerror or exc}）。") from None
    applied = apply_package(db, data, district_name=district_name, public_url=public_url, progress=progress)
    target = Path(reply_path)
    part = target.with_name(target.name + ".part")
    try:
        part.write_bytes(applied.reply)
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise PackageError(f"同步包已处理，但回执无法写到“{target}”（{exc.strerror or exc}）。"
                           "请换一个位置再处理一次这个同步包：重复处理不会重复写入数据。") from None
    return applied
