"""The dashboard's 同步包 page (``/admin/packages``) against the real server on SQLite and PostgreSQL,
with packages made and replies imported by the real branch code: a PC joins and syncs by USB stick
through the upload form, the same package twice writes nothing twice, and every refused upload (not
logged in, no CSRF token, no file, not a package, damaged, too large, a revoked PC's) says why in
Chinese with nothing applied and never a 5xx."""

from __future__ import annotations

import os
import re
import socket
import time
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from sqlalchemy import create_engine, text

from core.roster.members import add_member
from core.store import Store
from core.sync import config
from core.sync.enroll import enroll
from core.sync.package_export import ExportResult, export_enroll_package, export_package
from core.sync.package_file import (
    DAMAGED,
    MAX_FILE_BYTES,
    enroll_key,
    new_key_pair,
    pack,
    package_key,
    token_hash,
    unpack,
)
from core.sync.package_import import import_package
from core.sync.status import sync_status
from server.config import ENV_WORKERS
from server.reply_store import ReplyStore
from tests.browser import desktop_browser
from tests.server.api import Device, enroll_device, member
from tests.server.test_dashboard import PASSWORD, logged_in, tables
from tests.support import make_id
from tests.sync_server import RunningServer, admin, new_branch, start_server

BRANCH = "河东村党支部"
PAGE = "/admin/packages"
TODAY = date(2026, 11, 22)


# -- the branch PC and the district -----------------------------------------------------------------


def branch_pc(path: Path, names: tuple[str, ...] = ("张三", "李四", "王秀英")) -> Store:
    """A branch database with members, not joined to any district yet."""
    store = Store.open(path)
    for n, name in enumerate(names):
        birth = f"19{50 + n}-0{1 + n}-1{n}"
        add_member(store, {"name": name, "gender": "男", "birth_date": birth, "id_number": make_id(birth, seq=10 + n)},
                   TODAY)
    return store


def district(server: RunningServer) -> dict[str, Any]:
    """The admin password, a district lesson and a new branch: {"branch_id", "enrollment_code"}."""
    admin(server.db_url, "admin", "password", "--password", PASSWORD)
    admin(server.db_url, "lesson", "publish", "--title", "第一讲 学习党章", "--url", "https://v.example.cn/1")
    return new_branch(server.db_url, BRANCH)


def joined_online(server: RunningServer, tmp_path: Path) -> tuple[Store, ExportResult]:
    """A branch PC that joined with the network (then lost it) and its first package."""
    store = branch_pc(tmp_path / "branch.db")
    enroll(store, server.url, district(server)["enrollment_code"], "村部电脑")
    return store, export_package(store, tmp_path / "同步包.zbsync")


def private_tmp(tmp_path: Path) -> dict[str, str]:
    """The server's temporary directory (where it keeps replies for their link) inside the test's."""
    folder = tmp_path / "server-tmp"
    folder.mkdir(exist_ok=True)
    return {"TMPDIR": str(folder)}


def server_rows(server: RunningServer, branch_id: str) -> tuple[int, int, int]:
    """The branch's records and stored batch answers, and the earlier record versions kept, on the server."""
    queries = ("SELECT count(*) FROM records WHERE branch_id = :b", "SELECT count(*) FROM batches WHERE branch_id = :b",
               "SELECT count(*) FROM record_history")
    engine = create_engine(server.db_url)
    try:
        with engine.connect() as conn:
            found = [int(conn.execute(text(query), {"b": branch_id}).scalar_one()) for query in queries]
            return found[0], found[1], found[2]
    finally:
        engine.dispose()


# -- the page ---------------------------------------------------------------------------------------


def csrf_of(session: requests.Session, server: RunningServer) -> str:
    answer = session.get(f"{server.url}{PAGE}", allow_redirects=False, timeout=10)
    assert answer.status_code == 200, answer.text
    return re.search(r'name="csrf" value="([0-9a-f]+)"', answer.text).group(1)  # type: ignore[union-attr]


def upload(session: requests.Session, server: RunningServer, data: bytes, csrf: str | None,
           filename: str = "同步包.zbsync", **extra: Any) -> requests.Response:
    fields = {} if csrf is None else {"csrf": csrf}
    return session.post(f"{server.url}{PAGE}", data=fields, files={"package": (filename, data, "application/octet-stream")},
                        allow_redirects=False, timeout=120, **extra)


def counts(page: str) -> dict[str, int]:
    return {row[0].text: int(row[1].text.split()[0]) for row in tables(page)["counts"]}


def refused(answer: requests.Response, status: int, message: str) -> None:
    assert answer.status_code == status, (answer.status_code, answer.text[:2000])
    assert answer.headers["content-type"].startswith("text/html")
    alert = re.search(r'<p class="error" role="alert">(.*?)</p>', answer.text, re.S)
    assert alert is not None and message in alert.group(1), answer.text[:3000]
    assert 'id="counts"' not in answer.text and 'id="download"' not in answer.text


def reply_of(session: requests.Session, server: RunningServer, page: str, into: Path) -> tuple[Path, str]:
    """Download the reply the result page links to; (the saved file, the link)."""
    link = re.search(r'id="download" href="(/admin/packages/reply/[A-Za-z0-9_-]+)"', page)
    assert link is not None, page
    answer = session.get(f"{server.url}{link.group(1)}", timeout=30)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/octet-stream"
    assert answer.headers["cache-control"] == "no-store"
    into.write_bytes(answer.content)
    return into, link.group(1)


def disposition(name: str, fallback: str) -> str:
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


# -- the tests --------------------------------------------------------------------------------------


def test_a_pc_joins_and_syncs_by_usb_stick_through_the_form(server_db_url: str, tmp_path: Path) -> None:
    with start_server(server_db_url, env=private_tmp(tmp_path)) as server:
        branch = district(server)
        store = branch_pc(tmp_path / "branch.db")
        session = logged_in(server)
        form = session.get(f"{server.url}{PAGE}", timeout=10).text
        assert '<a href="/admin/packages">同步包</a>' in form and 'accept=".zbsync"' in form
        assert 'enctype="multipart/form-data"' in form and "处理同步包" in form and "导入回执" in form

        # Joining: the enrolment package, its reply downloaded and imported on the PC.
        export_enroll_package(store, tmp_path / "登记包.zbsync", branch["enrollment_code"], "村部电脑")
        joined = upload(session, server, (tmp_path / "登记包.zbsync").read_bytes(), csrf_of(session, server))
        assert joined.status_code == 200, joined.text
        assert f"已为“{BRANCH}”支部登记电脑“村部电脑”" in joined.text
        laptop = enroll_device(server, admin(server.db_url, "branch", "code", branch["branch_id"])["enrollment_code"],
                               "书记的笔记本")
        assert counts(joined.text) == {"回执中待拉取": len(laptop.pull_all())}
        reply, _ = reply_of(session, server, joined.text, tmp_path / "登记回执.zbsync")
        assert import_package(store, reply).kind == "enroll-reply"
        assert store.branch_id == branch["branch_id"] and config.read_settings(store).token

        # A round: the PC's members go in, another PC's member comes back.
        [wang] = laptop.push([member(branch["branch_id"], "王五")])
        made = export_package(store, tmp_path / "同步包.zbsync")
        assert made.number == 1 and made.records >= 3
        first = upload(session, server, Path(made.path).read_bytes(), csrf_of(session, server))
        assert first.status_code == 200, first.text
        assert f"已处理“{BRANCH}”支部电脑“村部电脑”的第 1 号同步包" in first.text
        assert counts(first.text) == {"收下": made.records, "其中合并": 0, "冲突": 0, "拒绝": 0, "回执中待拉取": 1}
        assert server_rows(server, branch["branch_id"])[0] == made.records + 1
        reply, link = reply_of(session, server, first.text, tmp_path / "回执.zbsync")
        downloaded = session.get(f"{server.url}{link}", timeout=30)
        assert downloaded.headers["content-disposition"] == disposition(f"回执-{BRANCH}-1.zbsync", "zhibu-reply-1.zbsync")
        assert downloaded.content == reply.read_bytes()
        assert [path.suffix for path in (tmp_path / "server-tmp").glob("zhibu-replies-*/*")] == [".reply"] * 2

        done = import_package(store, reply)
        assert (done.pushed, done.pulled, done.conflicts, done.rejected) == (made.records, 1, 0, 0)
        status = sync_status(store)
        assert (status.pending, status.awaiting_reply, status.reply_number) == (0, 0, 1)
        assert store.scalar("SELECT name FROM members WHERE id = ?", [wang["id"]]) == "王五"
        assert store.scalar("SELECT count(*) FROM lessons WHERE branch_id = 'district'") == 1

        # The same package again: the same answers, nothing written twice.
        before = server_rows(server, branch["branch_id"])
        again = upload(session, server, Path(made.path).read_bytes(), csrf_of(session, server))
        assert again.status_code == 200 and counts(again.text) == counts(first.text)
        assert server_rows(server, branch["branch_id"]) == before
        second, second_link = reply_of(session, server, again.text, tmp_path / "回执2.zbsync")
        assert second_link != link
        key = package_key(token_hash(config.read_settings(store).token or ""))
        one, two = unpack(reply.read_bytes(), key).body, unpack(second.read_bytes(), key).body
        assert one["answers"] == two["answers"] and one["records"] == two["records"] and one["next"] == two["next"]

        # The reply link: only for the admin; an unknown token says what to do.
        anonymous = requests.get(f"{server.url}{link}", allow_redirects=False, timeout=10)
        assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/admin/login?next=")
        device = requests.get(f"{server.url}{link}", headers=laptop.headers, allow_redirects=False, timeout=10)
        assert device.status_code == 403 and not device.content.startswith(b"ZBSYNC")
        for token in ("x" * 32, "short", "..%2E%2E"):
            refused(session.get(f"{server.url}/admin/packages/reply/{token}", timeout=10), 404, "再上传一次这个同步包")
        assert session.get(f"{server.url}/admin/packages/reply/..%2F..%2Fetc%2Fpasswd", timeout=10).status_code == 404


def test_refused_uploads_say_why_and_apply_nothing(server_db_url: str, tmp_path: Path) -> None:
    with start_server(server_db_url, env=private_tmp(tmp_path)) as server:
        store, made = joined_online(server, tmp_path)
        data = Path(made.path).read_bytes()
        settings = config.read_settings(store)
        office = Device(server, settings.token or "", store.branch_id, BRANCH, settings.device_id or "", "村部电脑")
        session = logged_in(server)
        csrf = csrf_of(session, server)
        nothing = server_rows(server, store.branch_id)
        assert nothing == (0, 0, 0)

        # Not the admin: the login (or 403 for a device's token), and the upload never read.
        anonymous = upload(requests.Session(), server, data, csrf)
        assert anonymous.status_code == 303 and anonymous.headers["location"] == f"/admin/login?next={quote(PAGE, safe='')}"
        assert upload(requests.Session(), server, data, csrf, headers=office.headers).status_code == 403
        assert upload(requests.Session(), server, data, csrf, auth=("admin", "wrong")).status_code == 303
        # No CSRF token, or a wrong one (non-ASCII too).
        for token in (None, "", "0" * 64, "页面"):
            refused(upload(session, server, data, token), 403, "页面已过期或来源不明，什么也没有处理")
        # No file, an empty file, not a form at all, a broken form.
        no_file = session.post(f"{server.url}{PAGE}", files={"csrf": (None, csrf)}, allow_redirects=False, timeout=10)
        refused(no_file, 400, "没有选择文件")
        refused(upload(session, server, b"", csrf), 400, "没有选择文件")
        plain = session.post(f"{server.url}{PAGE}", data={"csrf": csrf, "package": data[:100]}, allow_redirects=False,
                             timeout=10)
        refused(plain, 400, "不是本页表单发来的文件")
        refused(session.post(f"{server.url}{PAGE}", data=b"\xff" * 100, allow_redirects=False, timeout=10,
                             headers={"Content-Type": "multipart/form-data; boundary=zz"}), 400, "上传的内容不完整")
        body = (f'--zz\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n--zz\r\n'
                'Content-Disposition: form-data; name="package"; filename="a.zbsync"\r\n\r\n').encode() + data
        cut = session.post(f"{server.url}{PAGE}", data=body, allow_redirects=False, timeout=10,
                           headers={"Content-Type": "multipart/form-data; boundary=zz"})
        refused(cut, 400, "上传的内容不完整")
        # Not a package, damaged, cut short, a reply, a header naming nobody (NUL included).
        refused(upload(session, server, os.urandom(5000), csrf, "照片.jpg"), 400, "这个文件不是支部工作台的同步包")
        refused(upload(session, server, data[: len(data) // 2], csrf), 400, DAMAGED)
        flipped = bytearray(data)
        flipped[-40] ^= 1
        refused(upload(session, server, bytes(flipped), csrf), 400, DAMAGED)
        for header, message in (({"device_id": "a\x00b", "branch_id": store.branch_id}, DAMAGED),
                                ({"device_id": "nobody", "branch_id": "x"}, "本服务器不认识的电脑")):
            forged = pack({"kind": "package", "number": 1, **header}, {"since": 0, "batches": []}, b"k" * 32)
            refused(upload(session, server, forged, csrf), 400, message)
        reply = pack({"kind": "reply", "number": 1}, {}, b"k" * 32)
        refused(upload(session, server, reply, csrf), 400, "这是区里给支部的回执")
        _, public = new_key_pair()
        for package_id, message in (("p\x00", DAMAGED), ("x" * 300, DAMAGED), ("p-1", "登记码")):
            enrol = pack({"kind": "enroll", "package_id": package_id},
                         {"code": "NOPE", "device_name": "电脑", "public_key": public}, enroll_key())
            refused(upload(session, server, enrol, csrf), 400, message)
        assert server_rows(server, store.branch_id) == nothing

        # A revoked PC's package: refused with its reason, nothing applied.
        admin(server.db_url, "branch", "revoke", store.branch_id, "--device", office.device_id)
        refused(upload(session, server, data, csrf), 400, "已被区里注销")
        assert server_rows(server, store.branch_id) == nothing
        assert "Traceback" not in server.log() and "unexpected error" not in server.log()


def test_an_upload_past_the_limit_is_refused_unread(server_db_url: str, tmp_path: Path) -> None:
    with start_server(server_db_url, env=private_tmp(tmp_path)) as server:
        district(server)
        session = logged_in(server)
        csrf = csrf_of(session, server)
        too_big = upload(session, server, b"ZBSYNC\x00\x01" + b"\0" * (MAX_FILE_BYTES - 7), csrf)
        refused(too_big, 413, f"这个文件太大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB）")
        assert upload(session, server, b"x" * 1000, csrf).status_code == 400  # the server is fine

        # A body announced past the limit is answered before a byte of it is sent.
        cookie = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
            raw.sendall((f"POST {PAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n"
                         "Content-Type: multipart/form-data; boundary=zz\r\nContent-Length: 10000000000\r\n\r\n").encode())
            started, answer = time.monotonic(), b""
            while b"\r\n\r\n" not in answer:
                chunk = raw.recv(65536)
                assert chunk, answer
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 413 ") and time.monotonic() - started < 5


def test_the_reply_store_keeps_the_last_replies_for_an_hour(tmp_path: Path) -> None:
    replies = ReplyStore(tmp_path / "replies", keep=2, max_age=3600)
    first, second = (replies.put(f"reply {n}".encode(), f"回执-{n}.zbsync", f"zhibu-reply-{n}.zbsync") for n in (1, 2))
    for age, token in ((200, first), (100, second)):
        os.utime(replies.folder / f"{token}.reply", (time.time() - age, time.time() - age))
    third = replies.put(b"reply 3", "回执-3.zbsync", "zhibu-reply-3.zbsync")
    assert len({first, second, third}) == 3 and all(len(token) >= 32 for token in (first, second, third))
    assert replies.get(first) is None  # only the newest two are kept
    assert replies.get(second) == (b"reply 2", "回执-2.zbsync", "zhibu-reply-2.zbsync")
    assert replies.get(third) == (b"reply 3", "回执-3.zbsync", "zhibu-reply-3.zbsync")
    os.utime(replies.folder / f"{third}.reply", (time.time() - 3601, time.time() - 3601))
    assert replies.get(third) is None and not (replies.folder / f"{third}.reply").exists()
    assert replies.get("../../etc/passwd") is None and replies.get("") is None
    assert sorted(path.name for path in replies.folder.iterdir()) == [f"{second}.reply"]
    assert (replies.folder.stat().st_mode & 0o777) == 0o700


def test_the_page_in_a_desktop_browser(tmp_path: Path) -> None:
    """What the district's admin sees: the form, the result, the download (screenshots in /tmp)."""
    with start_server(f"sqlite:///{tmp_path / 'district.db'}", district_name="城关区委组织部",
                      env=private_tmp(tmp_path)) as server:
        store, made = joined_online(server, tmp_path)
        with desktop_browser() as page:
            page.goto(f"{server.url}{PAGE}")
            page.fill("input[name=password]", PASSWORD)
            page.get_by_role("button", name="登录").click()
            page.wait_for_url(f"{server.url}{PAGE}")
            assert page.locator("h1").inner_text() == "同步包（U盘同步）"
            page.screenshot(path="/tmp/packages_page.png", full_page=True)
            page.set_input_files("input[name=package]", made.path)
            page.get_by_role("button", name="处理同步包").click()
            page.wait_for_selector("#counts")
            page.screenshot(path="/tmp/packages_result.png", full_page=True)
            assert "第 1 号同步包" in page.locator("p.done").inner_text()
            assert page.evaluate("document.documentElement.scrollWidth") <= 1366
            with page.expect_download() as download:
                page.get_by_text("下载回执").click()
            assert download.value.suggested_filename == f"回执-{BRANCH}-1.zbsync"
            saved = tmp_path / download.value.suggested_filename
            download.value.save_as(saved)
        done = import_package(store, saved)
        assert done.pushed == made.records and done.rejected == 0 and sync_status(store).pending == 0
    for shot in ("/tmp/packages_page.png", "/tmp/packages_result.png"):
        assert Path(shot).stat().st_size > 20_000


def test_the_reply_link_works_whichever_worker_answers(tmp_path: Path) -> None:
    with start_server(f"sqlite:///{tmp_path / 'district.db'}", env={**private_tmp(tmp_path), ENV_WORKERS: "2"}) as server:
        _, made = joined_online(server, tmp_path)
        session = logged_in(server)
        done = upload(session, server, Path(made.path).read_bytes(), csrf_of(session, server))
        link = re.search(r'id="download" href="([^"]+)"', done.text).group(1)  # type: ignore[union-attr]
        answers = [requests.get(f"{server.url}{link}", cookies=session.cookies, headers={"Connection": "close"},
                                timeout=10) for _ in range(16)]  # a new connection each: either worker
        assert [a.status_code for a in answers] == [200] * 16 and len({a.content for a in answers}) == 1
