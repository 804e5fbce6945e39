"""Importing the district's reply to a sync package (README "Sync by file").

The reply is checked whole before anything is written: it must be a reply, for this device and this
branch, signed with this device's key, and newer than every reply imported before (a reply numbers
the package it answers; a reply to a later package also answers the batches of the earlier ones it
carried again). It is then applied in one transaction, like the answers of an online sync: the
answers of the batches still held (``sync_outbox``; a batch an online sync has answered since is
passed over), then the rows the branch would have pulled, and the pull position. Cancelled or
failed, nothing of it is written.

An enrolment reply is the same for joining: it opens only with the private key this PC kept when it
made the enrolment package.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.store import Store
from core.sync import config, outbox
from core.sync.answers import PushResult, apply_results
from core.sync.errors import SyncCancelled
from core.sync.package_file import (
    DAMAGED,
    ENROLL_REPLY,
    MAX_FILE_BYTES,
    REPLY,
    PackageError,
    package_key,
    read_header,
    token_hash,
    unpack,
    unseal,
)
from core.sync.pull import PAGE_SIZE, PullResult, apply_page
from core.sync.push import batch_as_sent
from core.sync.rekey import rekey_branch
from core.sync.tables import chunks, foreign_keys_off

Progress = Callable[[int, int, str], None]
NOT_A_REPLY = ("这是支部电脑导出的同步包，不是区里给的回执。请把它交到区里（区委组织部）处理，"
               "再把区里给的回执文件导入这台电脑。")


@dataclass(frozen=True)
class ImportResult:
    kind: str  # "reply" | "enroll-reply"
    number: int  # the package the reply answers (0 for an enrolment reply)
    pushed: int  # this PC's records the district took (as sent, or merged)
    pulled: int  # rows written here from the district
    conflicts: int  # conflicts this PC learned of
    rejected: int
    branch_name: str = ""
    skipped_batches: int = 0  # answers of batches an online sync had answered already


def import_package(
    store: Store,
    source: str | Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportResult:
    """Apply the district's reply file ``source``. Raises ``PackageError`` (nothing written) for a
    file that is not a good reply for this PC, ``SyncCancelled`` when cancelled (nothing written)."""
    if store.conn.in_transaction:
        raise RuntimeError("import_package() must not run inside a transaction")
    data = _read(Path(source))
    header = read_header(data)
    if header["kind"] == ENROLL_REPLY:
        return _import_enrolment(store, data, header, progress, cancel)
    if header["kind"] != REPLY:
        raise PackageError(NOT_A_REPLY)
    settings = config.read_settings(store)
    if not settings.token:
        raise PackageError("这台电脑还没有加入支部，不能导入同步回执。请先导入登记回执（或联网登记）。")
    try:
        package = unpack(data, package_key(token_hash(settings.token)))
    except PackageError:
        if header.get("device_id") != settings.device_id or header.get("branch_id") != store.branch_id:
            raise PackageError(
                f"这个回执不是给这台电脑的（它是给“{header.get('device_name') or '另一台电脑'}”的），"
                "也可能文件已损坏，没有导入。请找到这台电脑导出的同步包对应的回执。"
            ) from None
        raise
    if header.get("device_id") != settings.device_id or header.get("branch_id") != store.branch_id:
        raise PackageError(DAMAGED)  # signed with this PC's key, yet naming another: never made so
    number, last = _int(header.get("number")), int(store.setting(config.REPLY_NUMBER, 0) or 0)
    if number <= last:
        raise PackageError(
            f"这个回执（第 {number} 号同步包的回执）已经导入过，或者比已经导入的回执（第 {last} 号）旧，"
            "里面的数据这台电脑都已经有了，没有再导入。"
        )
    if number > int(store.setting(config.PACKAGE_NUMBER, 0) or 0):
        raise PackageError(f"这个回执是第 {number} 号同步包的，但这台电脑还没有导出过这个同步包，没有导入。"
                           "这台电脑的数据是不是从备份恢复过？请重新导出同步包交到区里。")
    pushed, pulled, skipped = PushResult(), PullResult(), 0
    with foreign_keys_off(store), store.transaction():
        skipped = _apply_answers(store, package.body.get("answers"), pushed, cancel)
        _apply_pulled(store, package.body, pulled, progress, cancel)
        store.set_setting(config.REPLY_NUMBER, number)
        _note_success(store, package.body)
    return ImportResult(REPLY, number, pushed.pushed, pulled.pulled, pulled.new_conflicts, pushed.rejected,
                        settings.branch_name or "", skipped)


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PackageError(f"这个文件太大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB），不是支部工作台的同步包。")
        return path.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"找不到文件“{path}”。请检查U盘是否插好、文件名是否写对。") from None
    except IsADirectoryError:
        raise PackageError(f"“{path}”是一个文件夹，请选择回执文件（.zbsync）。") from None
    except OSError as exc:
        raise PackageError(f"无法读取文件“{path}”（{exc.strerror or exc}）。请检查U盘后再试。") from None


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PackageError(DAMAGED)
    return value


def _apply_answers(store: Store, answers: Any, result: PushResult, cancel: threading.Event | None) -> int:
    """The answers of the batches this PC still holds; returns how many answers it passed over."""
    if not isinstance(answers, list):
        raise PackageError(DAMAGED)
    held = {batch.batch_id: batch for batch in outbox.held_batches(store)}
    skipped = 0
    for item in answers:
        if cancel is not None and cancel.is_set():
            raise SyncCancelled("已取消导入，这个回执的数据一条也没有写入。可以稍后再导入。")
        if not isinstance(item, dict) or not isinstance(item.get("batch_id"), str):
            raise PackageError(DAMAGED)
        batch = held.pop(item["batch_id"], None)
        if batch is None:  # answered online meanwhile, or by an earlier reply
            skipped += 1
            continue
        items = batch_as_sent(store, batch.rows, batch.records)
        if items is None or "answer" not in item:  # the district could not take the batch: sent anew
            outbox.release(store, batch.batch_id)
            continue
        apply_results(store, items, item["answer"], result, batch.batch_id)
    return skipped


def _apply_pulled(
    store: Store, body: dict[str, Any], result: PullResult, progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    records, next_cursor = body.get("records"), body.get("next")
    if not isinstance(records, list):
        raise PackageError(DAMAGED)
    next_cursor = _int(next_cursor)
    total = len(records)
    for done, page in enumerate(chunks(records, PAGE_SIZE), start=1):
        if cancel is not None and cancel.is_set():
            raise SyncCancelled("已取消导入，这个回执的数据一条也没有写入。可以稍后再导入。")
        apply_page(store, list(page), result)
        if progress:
            seen = min(done * PAGE_SIZE, total)
            progress(seen, total, f"正在导入 {seen}/{total} 条")
    if next_cursor > int(store.setting(config.PULL_CURSOR, 0) or 0):
        store.set_setting(config.PULL_CURSOR, next_cursor)


def _note_success(store: Store, body: dict[str, Any]) -> None:
    if isinstance(body.get("public_url"), str):
        store.set_setting(config.PUBLIC_URL, body["public_url"])
    if isinstance(body.get("protocol"), int):
        store.set_setting(config.SERVER_PROTOCOL, body["protocol"])
    store.set_setting(config.LAST_SUCCESS_AT, store.now())
    store.set_setting(config.LAST_ERROR, None)


def _import_enrolment(
    store: Store, data: bytes, header: dict[str, Any], progress: Progress | None, cancel: threading.Event | None,
) -> ImportResult:
    settings = config.read_settings(store)
    request = store.setting(config.ENROLL_REQUEST)
    if settings.token:
        raise PackageError(f"这台电脑已经加入“{settings.branch_name or store.branch_id}”支部，这个登记回执不需要再导入。")
    if not isinstance(request, dict) or header.get("package_id") != request.get("package_id"):
        raise PackageError("这个登记回执不是给这台电脑最近导出的登记包的，没有导入。"
                           "请导入这台电脑的登记包对应的回执；如果登记包重新导出过，请用新的登记包到区里换回执。")
    token = unseal(str(request.get("private_key")), str(header.get("sealed_token") or ""))
    if token is None:
        raise PackageError("这个登记回执不是给这台电脑的（打不开），没有导入。")
    package = unpack(data, package_key(token_hash(token)))
    branch_id, branch_name = str(header.get("branch_id") or ""), str(header.get("branch_name") or "")
    device_id = str(header.get("device_id") or "")
    if not branch_id or not device_id:
        raise PackageError(DAMAGED)
    pulled = PullResult()
    with foreign_keys_off(store), store.transaction():
        if store.branch_id != branch_id:
            rekey_branch(store, branch_id)
            store.set_setting(config.PULL_CURSOR, 0)
        store.set_setting(config.TOKEN, token)
        store.set_setting(config.DEVICE_ID, device_id)
        store.set_setting(config.DEVICE_NAME, str(request.get("device_name") or settings.device_name or ""))
        store.set_setting(config.BRANCH_NAME, branch_name)
        store.set_setting(config.ENROLL_REQUEST, None)
        store.set_setting(config.PACKAGE_NUMBER, 0)
        store.set_setting(config.REPLY_NUMBER, 0)
        _apply_pulled(store, package.body, pulled, progress, cancel)
        _note_success(store, package.body)
    return ImportResult(ENROLL_REPLY, 0, 0, pulled.pulled, pulled.new_conflicts, 0, branch_name)


def describe(result: ImportResult) -> str:
    """What the import did, for the user (Chinese)."""
    if result.kind == ENROLL_REPLY:
        text = f"已加入“{result.branch_name}”支部，下载 {result.pulled} 条。以后没有网络时，请导出同步包交到区里。"
    else:
        text = f"已导入第 {result.number} 号同步包的回执：区里收下 {result.pushed} 条，下载 {result.pulled} 条。"
    if result.conflicts:
        text += f"\n有 {result.conflicts} 处修改在两台电脑上冲突，已保留较新的修改，请到“数据同步”查看。"
    if result.rejected:
        text += f"\n有 {result.rejected} 条记录被区里拒绝，请到“数据同步”查看原因。"
    return text
