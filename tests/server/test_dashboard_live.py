"""The dashboard's 活码 parts on the real server: scans and self-reports per branch and lesson, and the
district's lessons changed or retired from the page (behind the login and a CSRF token)."""

from __future__ import annotations

import re
import time

import requests

from tests.server.api import enrolled
from tests.server.live_records import check_in, live_code, page, phone_member, published
from tests.server.test_dashboard import PASSWORD, logged_in, row_of, tables
from tests.server.test_dashboard import page as admin_page
from tests.sync_server import admin, start_server

SCRIPT = "<script>alert(1)</script>"


def test_scans_and_self_reports_per_branch_and_lesson(server_db_url: str) -> None:
    with start_server(server_db_url, admin_password=PASSWORD) as server:
        office = enrolled(server, "河东村党支部")
        quiet = enrolled(server, "河西村党支部")
        made = admin(server.db_url, "lesson", "publish", "--title", SCRIPT, "--url", "https://dj.example.cn/v/1")
        code = live_code(office.branch_id, made["lesson_id"])
        published(office, code, phone_member(office.branch_id, "王秀英", "13800134521"))
        for _ in range(3):
            page(office, code["data"]["code"])
        assert "登记成功" in check_in(office, code["data"]["code"], "王秀英", "4521").text
        time.sleep(1.5)  # the scans are written about once a second

        session = logged_in(server)
        overview = admin_page(session, f"{server.url}/admin/")
        assert SCRIPT not in overview and "&lt;script&gt;alert(1)&lt;/script&gt;" in overview
        found = tables(overview)
        assert [c.text for c in found["scans"][0]] == ["支部", "近30天扫码", "累计扫码", "扫码自报 人次"]
        assert row_of(found["scans"], "河东村党支部")[1:] == ["3", "3", "1"]
        assert row_of(found["scans"], "河西村党支部")[1:] == ["0", "0", "0"]
        assert row_of(found["scans"], "合计")[1:] == ["3", "3", "1"]
        assert row_of(found["lesson_scans"], SCRIPT)[2:] == ["3", "3", "1"]

        detail = tables(admin_page(session, f"{server.url}/admin/branches/{office.branch_id}"))
        assert row_of(detail["lesson_scans"], SCRIPT)[1:] == ["3", "3", "1"]
        assert row_of(detail["figures"], "扫码自报")[1] == "1"
        assert quiet.branch_id


def test_a_district_lesson_is_changed_and_retired_from_the_dashboard(server_db_url: str) -> None:
    with start_server(server_db_url, admin_password=PASSWORD) as server:
        office = enrolled(server, "河东村党支部")
        made = admin(server.db_url, "lesson", "publish", "--title", "学习党章", "--url", "https://dj.example.cn/v/1",
                     "--minutes", "20")
        edit_url = f"{server.url}/admin/lessons/{made['lesson_id']}/edit"
        retire_url = f"{server.url}/admin/lessons/{made['lesson_id']}/retire"
        form = {"title": "学习党章（修订）", "url": "https://dj.example.cn/v/1-new", "speaker": "王书记", "minutes": "20"}

        anonymous = requests.post(edit_url, data={**form, "csrf": "x"}, allow_redirects=False, timeout=10)
        assert anonymous.status_code == 303 and "/admin/login" in anonymous.headers["location"]
        session = logged_in(server)
        listing = admin_page(session, f"{server.url}/admin/lessons")
        token = re.search(r'name="csrf" value="([0-9a-f]{64})"', listing).group(1)
        forged = session.post(edit_url, data={**form, "csrf": "0" * 64}, allow_redirects=False, timeout=10)
        assert forged.status_code == 403 and "没有修改" in forged.text
        not_hex = session.post(edit_url, data={**form, "csrf": "页面"}, allow_redirects=False, timeout=10)
        assert not_hex.status_code == 403 and "没有修改" in not_hex.text
        wrong = session.post(edit_url, data={**form, "url": "javascript:alert(1)", "csrf": token}, timeout=10)
        assert wrong.status_code == 400 and "不是网址" in wrong.text
        pulled = [r for r in office.pull_all() if r["table"] == "lessons"]
        assert [r["data"]["video_url"] for r in pulled] == ["https://dj.example.cn/v/1"]

        done = session.post(edit_url, data={**form, "csrf": token}, allow_redirects=False, timeout=10)
        assert done.status_code == 303 and done.headers["location"] == "/admin/lessons?done=edited"
        assert "已保存修改" in admin_page(session, f"{server.url}{done.headers['location']}")
        pulled = [r for r in office.pull_all() if r["table"] == "lessons"]
        assert [(r["data"]["title"], r["data"]["video_url"], r["data"]["speaker"]) for r in pulled] == [
            ("学习党章（修订）", "https://dj.example.cn/v/1-new", "王书记")]
        listing = admin_page(session, f"{server.url}/admin/lessons")
        assert 'name="speaker" value="王书记"' in listing and "主讲：王书记" in listing
        cleared = session.post(edit_url, data={**form, "speaker": "", "csrf": token}, allow_redirects=False, timeout=10)
        assert cleared.status_code == 303
        assert [r["data"]["speaker"] for r in office.pull_all() if r["table"] == "lessons"] == [None]
        unchanged = session.post(edit_url, data={**form, "speaker": "", "csrf": token}, timeout=10)
        assert unchanged.status_code == 200 and "没有改动" in unchanged.text

        unconfirmed = session.post(retire_url, data={"csrf": token}, timeout=10)
        assert unconfirmed.status_code == 400 and "确认下架" in unconfirmed.text
        retired = session.post(retire_url, data={"csrf": token, "confirm": "1"}, allow_redirects=False, timeout=10)
        assert retired.status_code == 303
        assert [r["data"]["archived"] for r in office.pull_all() if r["table"] == "lessons"] == [1]
        assert "已下架" in admin_page(session, f"{server.url}/admin/lessons")
