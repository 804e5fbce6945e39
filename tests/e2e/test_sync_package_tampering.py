"""Sync packages (同步包) and replies that were damaged, cut off, forged, replayed or taken to the
wrong PC, with real processes (``main.py sync import-package``, ``python -m server package apply``)
on SQLite and PostgreSQL server databases. Each is refused with a Chinese message that says so (exit
code 1, no traceback) and leaves every row of the district's and the branch's databases as it was —
or, where it is a replay, is harmless: the same answers and no row changed.

The district: branch 东沟村 with PC A and a second PC A2, branch 西岭村 with PC X, all joined by file.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.sync.package_file import PACKAGE, pack, unpack
from tests.e2e.package_work import (
    Pc,
    apply_package,
    apply_refused,
    export_package,
    flipped,
    header_end,
    import_refused,
    import_reply,
    join_by_file,
    server_rows,
    unchanged,
)
from tests.sync_server import admin, database_url_fixture, new_branch

DAMAGED = "已损坏、不完整或被改动过"
NOT_A_PACKAGE = "不是支部工作台的同步包"
NEWER = "更新版本的支部工作台"
UNKNOWN_DEVICE = "本服务器不认识的电脑"
REVOKED = "登记已被区里注销"
NOT_FOR_THIS_PC = "这个回执不是给这台电脑的"
NOT_THIS_ENROLMENT = "不是给这台电脑最近导出的登记包的"
ALREADY_JOINED = "这个登记回执不需要再导入"
ALREADY_IMPORTED = "已经导入过，或者比已经导入的回执"
NEVER_EXPORTED = "这台电脑还没有导出过这个同步包"
NOT_A_REPLY = "不是区里给的回执"
A_REPLY = "这是区里给支部的回执"
# Applying a package twice changes nothing but when the district last heard from the PC.
HEARD_FROM = {"devices": ("last_sync_at",)}

tamper_db_url = database_url_fixture("tamper_db_url", scope="module")


def _code(db_url: str, branch_id: str) -> str:
    return str(admin(db_url, "branch", "code", branch_id)["enrollment_code"])


def _join(db_url: str, folder: Path, name: str, code: str) -> Pc:
    db = folder / f"{name}.db"
    join_by_file(db_url, db, folder, code, name)
    return Pc.of(name, db)


@dataclass
class District:
    db_url: str
    folder: Path
    branch_id: str  # 东沟村
    a: Pc
    a2: Pc
    x: Pc  # of 西岭村
    files: int = 0
    records: int = 0  # in the last package made by package()

    def path(self, name: str) -> Path:
        self.files += 1
        return self.folder / f"{self.files:02d}-{name}.zbsync"

    def code(self) -> str:
        return _code(self.db_url, self.branch_id)

    def join(self, name: str) -> Pc:
        """Another PC of 东沟村, joined by file."""
        return _join(self.db_url, self.folder, name, self.code())

    def package(self, pc: Pc, *names: str) -> Path:
        """``pc``'s next package, after its user added the members ``names``."""
        pc.add_members(*names)
        out = self.path(f"{pc.name}-同步包")
        self.records = export_package(pc.db, out)["records"]
        assert self.records >= len(names)
        return out


@pytest.fixture(scope="module")
def district(tamper_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> District:
    db_url, folder = tamper_db_url, tmp_path_factory.mktemp("U盘")
    branch, other = new_branch(db_url, "东沟村"), new_branch(db_url, "西岭村")
    a = _join(db_url, folder, "村部电脑", branch["enrollment_code"])
    a2 = _join(db_url, folder, "村部笔记本", _code(db_url, branch["branch_id"]))
    x = _join(db_url, folder, "西岭村电脑", other["enrollment_code"])
    assert a.branch_id == a2.branch_id == branch["branch_id"] != x.branch_id and a.device_id != a2.device_id
    return District(db_url, folder, branch["branch_id"], a, a2, x)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- (a), (b): a damaged or cut-off package ---------------------------------------------------------------


def test_a_package_with_a_flipped_byte_is_refused_and_changes_nothing(district: District) -> None:
    d = district
    good = d.package(d.a, "王建国", "李秀英")
    data, body = good.read_bytes(), header_end(good.read_bytes())
    device = data.index(d.a.device_id.encode("ascii"))
    number = data.index(b'"number":') + len(b'"number":')
    cases = {  # offset → what the district says
        0: NOT_A_PACKAGE, 7: NEWER, 11: DAMAGED, (12 + body) // 2: DAMAGED,
        body: DAMAGED, (body + len(data)) // 2: DAMAGED, len(data) - 32: DAMAGED, len(data) - 1: DAMAGED,
    }
    reply = d.path("回执")
    with unchanged(d.db_url, d.a.db):
        for offset, message in cases.items():
            apply_refused(d.db_url, _write(d.path(f"坏{offset}"), flipped(data, offset)), reply, message)
        for offset, mask in ((body + 40, 0x01), (len(data) - 5, 0x80)):  # one bit of the body or the tag
            apply_refused(d.db_url, _write(d.path("坏"), flipped(data, offset, mask)), reply, DAMAGED)
        # the header names another device, or another package number: not signed so
        apply_refused(d.db_url, _write(d.path("别的电脑"), flipped(data, device + 3, 0x01)), reply, UNKNOWN_DEVICE)
        apply_refused(d.db_url, _write(d.path("改号"), flipped(data, number, 0x01)), reply, DAMAGED)
    applied = apply_package(d.db_url, good, reply)  # the package itself was good all along
    assert applied["pushed"] == d.records and applied["rejected"] == 0
    assert import_reply(d.a.db, reply)["pushed"] == d.records


def test_a_damaged_enrolment_package_or_reply_is_refused_and_its_code_is_not_used_up(district: District) -> None:
    d = district
    db, code = d.folder / "新电脑.db", d.code()
    request = d.path("登记包")
    assert export_package(db, request, "--enroll", code, "--device-name", "新电脑")["enroll"] is True
    data = request.read_bytes()
    reply = d.path("登记回执")
    with unchanged(d.db_url, db):
        for offset in (header_end(data) + 5, len(data) - 1):
            apply_refused(d.db_url, _write(d.path("坏登记包"), flipped(data, offset)), reply, DAMAGED)
        apply_refused(d.db_url, _write(d.path("半个登记包"), data[: len(data) // 2]), reply, DAMAGED)
    assert apply_package(d.db_url, request, reply)["kind"] == "enroll"
    again = d.path("又一个登记回执")
    with unchanged(d.db_url, db):  # the same request again: the same enrolment, nothing new
        assert apply_package(d.db_url, request, again)["kind"] == "enroll"
        answer = reply.read_bytes()
        for broken in (flipped(answer, len(answer) - 1), flipped(answer, header_end(answer) + 3),
                       answer[: len(answer) // 2]):
            import_refused(db, _write(d.path("坏登记回执"), broken), DAMAGED)
    assert import_reply(db, again)["kind"] == "enroll-reply"
    with unchanged(d.db_url, db):
        import_refused(db, reply, ALREADY_JOINED)


def test_a_cut_off_package_is_refused_and_changes_nothing(district: District) -> None:
    d = district
    good = d.package(d.a, "张志强")
    data = good.read_bytes()
    body = header_end(data)
    reply = d.path("回执")
    with unchanged(d.db_url, d.a.db):
        for length in (0, 6, 8, 12, body, len(data) // 2, len(data) - 32, len(data) - 1):
            apply_refused(d.db_url, _write(d.path(f"半截{length}"), data[:length]), reply, DAMAGED)
        apply_refused(d.db_url, _write(d.path("多了"), data + b"\0"), reply, DAMAGED)
    assert apply_package(d.db_url, good, reply)["rejected"] == 0
    import_reply(d.a.db, reply)


# -- (c), (d): another device's package, a forged one, a revoked device's ------------------------------------


def test_a_package_counts_only_as_the_device_whose_key_signed_it(district: District) -> None:
    d = district
    mine = d.package(d.a, "刘玉珍", "陈德明")
    theirs = d.package(d.x, "杨春华")
    a_header, a_body = (p := unpack(mine.read_bytes(), d.a.key)).header, p.body
    x_header, x_body = (p := unpack(theirs.read_bytes(), d.x.key)).header, p.body
    reply = d.path("回执")
    on_a_branch = server_rows(d.db_url, d.a.branch_id)

    # X's key, the header naming A (A's rows, or X's): the district verifies with A's key
    for body in (a_body, x_body):
        forged = pack({**x_header, "device_id": d.a.device_id, "branch_id": d.a.branch_id,
                       "device_name": "村部电脑"}, body, d.x.key)
        with unchanged(d.db_url, d.a.db, d.x.db):
            apply_refused(d.db_url, _write(d.path("冒充"), forged), reply, DAMAGED)
    # A's device, another branch named: unknown here
    elsewhere = pack({**a_header, "branch_id": d.x.branch_id}, a_body, d.a.key)
    with unchanged(d.db_url, d.a.db):
        apply_refused(d.db_url, _write(d.path("别的支部"), elsewhere), reply, UNKNOWN_DEVICE)

    # X's package, signed by X and carrying A's rows: taken as X's, and every row of A's refused
    carried = sum(len(batch["records"]) for batch in a_body["batches"])
    smuggled = pack({**x_header, "kind": PACKAGE}, {**x_body, "batches": a_body["batches"]}, d.x.key)
    on_x_branch = server_rows(d.db_url, d.x.branch_id)
    applied = apply_package(d.db_url, _write(d.path("夹带"), smuggled), reply)
    assert applied["branch_name"] == "西岭村" and applied["device_name"] == "西岭村电脑"
    assert applied["rejected"] == carried > 0 and applied["pushed"] == 0
    assert server_rows(d.db_url, d.a.branch_id) == on_a_branch
    assert server_rows(d.db_url, d.x.branch_id) == on_x_branch

    # X's own package as it is: X's rows in 西岭村, none in 东沟村
    applied = apply_package(d.db_url, theirs, reply)
    assert applied["branch_name"] == "西岭村" and applied["pushed"] >= 1 and applied["rejected"] == 0
    assert server_rows(d.db_url, d.a.branch_id) == on_a_branch
    assert len(server_rows(d.db_url, d.x.branch_id)) > len(on_x_branch)
    import_reply(d.x.db, reply)
    applied = apply_package(d.db_url, mine, reply)
    assert applied["pushed"] >= 2 and applied["rejected"] == 0
    import_reply(d.a.db, reply)


def test_a_revoked_devices_package_is_refused_and_changes_nothing(district: District) -> None:
    d = district
    gone = d.join("旧电脑")
    package = d.package(gone, "赵桂兰")
    admin(d.db_url, "branch", "revoke", d.branch_id, "--device", gone.device_id)
    with unchanged(d.db_url, gone.db):
        apply_refused(d.db_url, package, d.path("回执"), REVOKED)


# -- (e): a reply taken to the wrong PC ------------------------------------------------------------------


def test_a_reply_imported_on_the_wrong_pc_is_refused_and_changes_nothing(district: District) -> None:
    d = district
    package = d.package(d.a, "黄淑芬")
    reply = d.path("回执")
    apply_package(d.db_url, package, reply)
    with unchanged(d.db_url, d.a.db, d.a2.db, d.x.db):
        import_refused(d.a2.db, reply, NOT_FOR_THIS_PC)  # another PC of the same branch
        import_refused(d.x.db, reply, NOT_FOR_THIS_PC)  # a PC of another branch
        import_refused(d.a.db, package, NOT_A_REPLY)  # the package itself, not its reply
        apply_refused(d.db_url, reply, d.path("回执的回执"), A_REPLY)  # the reply taken back to the district
    assert import_reply(d.a.db, reply)["pushed"] == d.records

    # an enrolment reply: only the PC that made the request opens it
    first, second = d.folder / "一号.db", d.folder / "二号.db"
    requests = [d.path("一号登记包"), d.path("二号登记包")]
    for db, request in zip((first, second), requests, strict=True):
        export_package(db, request, "--enroll", d.code(), "--device-name", db.stem)
    reply = d.path("一号登记回执")
    apply_package(d.db_url, requests[0], reply)
    with unchanged(d.db_url, second, d.a.db):
        import_refused(second, reply, NOT_THIS_ENROLMENT)
        import_refused(d.a.db, reply, ALREADY_JOINED)
    assert import_reply(first, reply)["kind"] == "enroll-reply"


# -- (f), (g): replays ---------------------------------------------------------------------------------


def test_a_package_applied_twice_gives_the_same_answers_and_changes_nothing(district: District) -> None:
    d = district
    package = d.package(d.a, "周振海", "吴燕")
    first, second = d.path("回执"), d.path("又一个回执")
    answer = apply_package(d.db_url, package, first)
    with unchanged(d.db_url, d.a.db, ignore=HEARD_FROM):
        again = apply_package(d.db_url, package, second)
    same = ("reply", "reply_bytes")  # the reply's name, and its size (its time stamps differ)
    assert {k: v for k, v in again.items() if k not in same} == {k: v for k, v in answer.items() if k not in same}
    one, two = unpack(first.read_bytes(), d.a.key), unpack(second.read_bytes(), d.a.key)
    assert one.body["answers"] == two.body["answers"] and one.body["records"] == two.body["records"]
    assert import_reply(d.a.db, second)["pushed"] == d.records
    with unchanged(d.db_url, d.a.db):
        import_refused(d.a.db, first, ALREADY_IMPORTED)


def test_an_old_reply_after_a_new_one_and_a_reply_twice_are_refused(district: District) -> None:
    d = district
    old_package, old_reply = d.package(d.a, "徐金凤"), d.path("回执")
    apply_package(d.db_url, old_package, old_reply)
    new_package, new_reply = d.package(d.a, "孙永红"), d.path("新回执")  # carries the first one's rows again
    apply_package(d.db_url, new_package, new_reply)
    assert import_reply(d.a.db, new_reply)["pushed"] == d.records
    with unchanged(d.db_url, d.a.db):
        import_refused(d.a.db, old_reply, ALREADY_IMPORTED)
        import_refused(d.a.db, new_reply, ALREADY_IMPORTED)

    # a copy of the PC made before a package was exported (a restored backup) gets its reply
    copy = d.folder / "备份.db"
    with closing(sqlite3.connect(d.a.db)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    package, reply = d.package(d.a, "胡梅"), d.path("回执")
    apply_package(d.db_url, package, reply)
    with unchanged(d.db_url, copy):
        import_refused(copy, reply, NEVER_EXPORTED)
    assert import_reply(d.a.db, reply)["pushed"] == d.records


# -- (h): a damaged or cut-off reply ----------------------------------------------------------------------


def test_a_damaged_or_cut_off_reply_is_refused_and_changes_nothing(district: District) -> None:
    d = district
    package, reply = d.package(d.a, "朱德明"), d.path("回执")
    apply_package(d.db_url, package, reply)
    data = reply.read_bytes()
    body = header_end(data)
    device = data.index(d.a.device_id.encode("ascii"))
    package_id = data.index(b'"package_id":"') + 16
    damaged = {0: NOT_A_PACKAGE, 12: DAMAGED, package_id: DAMAGED, device + 2: NOT_FOR_THIS_PC,
               body: DAMAGED, (body + len(data)) // 2: DAMAGED, len(data) - 1: DAMAGED}
    with unchanged(d.db_url, d.a.db):
        for offset, message in damaged.items():
            import_refused(d.a.db, _write(d.path(f"坏回执{offset}"), flipped(data, offset, 0x01)), message)
        for length in (0, 6, body, len(data) // 2, len(data) - 1):
            import_refused(d.a.db, _write(d.path(f"半截回执{length}"), data[:length]), DAMAGED)
        missing = d.folder / "没有这个文件.zbsync"
        import_refused(d.a.db, missing, "找不到文件")
    shutil.copy(reply, d.folder / "好回执.zbsync")
    assert import_reply(d.a.db, d.folder / "好回执.zbsync")["pushed"] == d.records
