"""Making a sync package (同步包) on the branch PC, with no link needed (README "Sync by file").

A package holds exactly what an online push would send: every pending row in batches of at most
500, each under its batch id — the batches still waiting for an answer (held in ``sync_outbox``, or
the one an online sync never got answered) under their old ids, first — and the pull position. It is
signed with this device's key (``core.sync.package_file``). The batches are held until their answer
comes back, in the district's reply or from an online sync.

An enrolment package carries the one-time code and the public half of a key pair made here; the
private half stays in this database until the reply arrives.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from core.migrations import SYNCED_TABLES
from core.store import Store
from core.sync import config, outbox
from core.sync.answers import Outgoing
from core.sync.errors import NotEnrolled, SyncCancelled, SyncError
from core.sync.package_file import (
    ENROLL,
    PACKAGE,
    SUFFIX,
    enroll_key,
    new_key_pair,
    pack,
    package_key,
    token_hash,
)
from core.sync.push import BATCH_SIZE, batch_as_sent, collect_batch
from core.sync.tables import pending_count
from core.sync.transport import PROTOCOL

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportResult:
    path: str
    number: int  # the package's number on this PC (1, 2, …); 0 for an enrolment package
    records: int  # records carried (the batches' rows)
    batches: int
    bytes: int


def export_package(
    store: Store,
    out: str | Path,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    batch_size: int = BATCH_SIZE,
) -> ExportResult:
    """Write this PC's pending changes to ``out`` (a ``.zbsync`` file). All or nothing: cancelled or
    failed, neither the file nor anything in the database is left behind."""
    if store.conn.in_transaction:
        raise RuntimeError("export_package() must not run inside a transaction")
    settings = config.read_settings(store)
    if not settings.token or not settings.device_id:
        raise NotEnrolled("这台电脑还没有加入支部，不能导出同步包。没有网络时，请先导出登记包"
                          "（填写区里给的登记码），交到区里换回登记回执并导入。")
    path = _target(out)
    batch_size = max(1, min(batch_size, BATCH_SIZE))
    with _cleaned_up(path), store.transaction():
        batches = _held(store, cancel)
        held = frozenset((item.table, item.id) for _, items in batches for item in items)
        total = pending_count(store)
        done = sum(len(items) for _, items in batches)
        after = dict.fromkeys(SYNCED_TABLES, 0)
        exhausted: set[str] = set()
        while batch := collect_batch(store, after, exhausted, batch_size, held):
            if cancel is not None and cancel.is_set():
                raise SyncCancelled("已取消导出，没有生成同步包。")
            batch_id = str(uuid.uuid4())
            outbox.hold(store, batch_id, [(i.table, i.id, i.rev) for i in batch],
                        [i.record if i.record["base_version"] > 0 else None for i in batch])
            batches.append((batch_id, batch))
            done += len(batch)
            if progress:
                progress(done, max(total, done), f"正在打包 {done}/{max(total, done)} 条")
        number = int(store.setting(config.PACKAGE_NUMBER, 0) or 0) + 1
        store.set_setting(config.PACKAGE_NUMBER, number)
        now = store.now()
        header = {
            "kind": PACKAGE, "package_id": str(uuid.uuid4()), "number": number,
            "device_id": settings.device_id, "branch_id": store.branch_id,
            "device_name": settings.device_name or "", "created_at": now, "records": done,
        }
        body = {
            "protocol": PROTOCOL, "since": settings.pull_cursor,
            "batches": [{"batch_id": batch_id, "records": [i.record for i in items]} for batch_id, items in batches],
        }
        if progress:
            progress(done, max(total, done), "正在压缩并签名…")
        data = pack(header, body, package_key(token_hash(settings.token)))
        _write(path, data)  # inside the transaction: no file, nothing held
    _publish(path)
    return ExportResult(str(path), number, done, len(batches), len(data))


def export_enroll_package(store: Store, out: str | Path, code: str, device_name: str | None = None) -> ExportResult:
    """Write an enrolment request for the one-time ``code`` to ``out``; its reply (made at the
    district) enrolls this PC with no link. A newer request replaces an older one."""
    if store.conn.in_transaction:
        raise RuntimeError("export_enroll_package() must not run inside a transaction")
    settings = config.read_settings(store)
    if settings.token:
        raise SyncError(f"这台电脑已经加入“{settings.branch_name or store.branch_id}”支部，不需要再登记。"
                        "没有网络时，请直接导出同步包。")
    code = code.strip()
    if not code:
        raise SyncError("请填写区里给的登记码")
    name = (device_name or "").strip() or settings.device_name or config.default_device_name()
    path = _target(out)
    private, public = new_key_pair()
    package_id, now = str(uuid.uuid4()), store.now()
    header = {"kind": ENROLL, "package_id": package_id, "device_name": name, "created_at": now}
    data = pack(header, {"code": code, "device_name": name, "public_key": public, "protocol": PROTOCOL}, enroll_key())
    with _cleaned_up(path), store.transaction():
        store.set_setting(config.ENROLL_REQUEST, {"package_id": package_id, "private_key": private, "public_key": public,
                                           "device_name": name, "created_at": now})
        store.set_setting(config.DEVICE_NAME, name)
        _write(path, data)
    _publish(path)
    return ExportResult(str(path), 0, 0, 0, len(data))


def _held(store: Store, cancel: threading.Event | None) -> list[tuple[str, list[Outgoing]]]:
    """The batches still waiting for an answer, as first sent; the online sync's unanswered batch
    joins them (held from now on)."""
    unanswered = store.setting(config.UNANSWERED_BATCH)
    if isinstance(unanswered, dict) and unanswered.get("batch_id"):
        rows = [(str(t), str(i), int(rev)) for t, i, rev in unanswered.get("rows") or []]
        records = unanswered.get("records")
        if not (isinstance(records, list) and len(records) == len(rows)):
            records = [None] * len(rows)
        outbox.hold(store, str(unanswered["batch_id"]), rows, records)
        store.set_setting(config.UNANSWERED_BATCH, None)
    batches = []
    for held in outbox.held_batches(store):
        if cancel is not None and cancel.is_set():
            raise SyncCancelled("已取消导出，没有生成同步包。")
        items = batch_as_sent(store, held.rows, held.records)
        if items is None:  # its rows are no longer waiting to be sent: they go in new batches
            outbox.release(store, held.batch_id)
        else:
            batches.append((held.batch_id, items))
    return batches


def _target(out: str | Path) -> Path:
    path = Path(out)
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    if path.is_dir():
        raise SyncError(f"“{path}”是一个文件夹，请写上文件名，例如 {path / ('同步包' + SUFFIX)}")
    if not path.parent.is_dir():
        raise SyncError(f"找不到文件夹“{path.parent}”。请检查U盘是否插好，或换一个保存位置。")
    return path


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


@contextmanager
def _cleaned_up(path: Path) -> Iterator[None]:
    """No half-made file is left when the package cannot be completed."""
    try:
        yield
    except BaseException:
        _part(path).unlink(missing_ok=True)
        raise


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and flush it to the disk (published by :func:`_publish`)."""
    part = _part(path)
    try:
        with open(part, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SyncError(f"无法写入文件“{path}”（{exc.strerror or exc}）。请检查U盘是否插好、是否写保护、"
                        "空间是否足够，然后再导出一次。") from None


def _publish(path: Path) -> None:
    try:
        os.replace(_part(path), path)
    except OSError as exc:
        _part(path).unlink(missing_ok=True)
        raise SyncError(f"无法保存文件“{path}”（{exc.strerror or exc}）。请检查U盘后再导出一次；"
                        "本机的数据都在，下次导出的同步包会带上它们。") from None
