"""The public 活码 pages on the real server (SQLite and PostgreSQL): /q/{code} for phones, the check-in
form, scan counts reaching the branch, and every hostile request answered in Chinese without a 5xx."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import requests

from core.qr.short_codes import new_code, spaced
from tests.server.api import edited, enrolled
from tests.server.live_records import (
    check_in,
    lesson,
    live_code,
    page,
    page_once_changed,
    phone_member,
    published,
    pulled,
)
from tests.sync_server import RunningServer, admin, start_server


def today() -> str:
    return (datetime.now(UTC) + timedelta(hours=8)).date().isoformat()


def test_a_lesson_code_opens_a_small_chinese_page_for_phones(district_server: RunningServer) -> None:
    office = enrolled(district_server, "河东村党支部")
    course = lesson(office.branch_id, "学习党章第一讲", "https://dj.example.cn/v/1?a=1&b=2")
    code = live_code(office.branch_id, course["id"])
    published(office, course, code)
    the_code = code["data"]["code"]

    answer = page(office, the_code)
    assert answer.status_code == 200
    html = answer.text
    assert "学习党章第一讲" in html and "李书记" in html and "18 分钟" in html and "河东村党支部" in html
    assert 'href="https://dj.example.cn/v/1?a=1&amp;b=2"' in html and "观看微党课" in html
    assert "学完了？登记学习" in html and 'name="name"' in html and 'name="phone_tail"' in html
    assert f'action="/q/{the_code}"' in html
    assert len(answer.content) < 50_000
    assert re.search(r"body \{[^}]*font-size: (\d+)px", html) and int(re.search(
        r"body \{[^}]*font-size: (\d+)px", html).group(1)) >= 18
    assert not re.search(r"(src|href)=\"(https?:)?//(?!dj\.example\.cn/v/1)", html), "no outside assets"
    assert "<script" not in html
    assert answer.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in answer.headers["content-security-policy"]
    # Typed by hand: lower case, with the space printed under the code, or a dash.
    for typed in (the_code.lower(), spaced(the_code), the_code[:4] + "-" + the_code[4:]):
        assert "学习党章第一讲" in page(office, typed).text


HOSTILE_CODES = [
    "ABCDEFGH", "X", "0O1I0O1I", "%00%00", "a" * 5000, "中文中文中文中文", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%98%80" * 8,
    "ABCD/EFGH", "%ED%A0%80%ED%A0%80", "ABCDEFGH?x=<script>", "", "'; DROP TABLE records; --",
]


def test_unknown_and_malformed_codes_get_a_chinese_page(district_server: RunningServer) -> None:
    for raw in HOSTILE_CODES:
        answer = requests.get(f"{district_server.url}/q/{raw}", timeout=30)
        assert answer.status_code == 404, raw
        assert "这个二维码还不能用" in answer.text and "同步" in answer.text, raw
        answer = requests.post(f"{district_server.url}/q/{raw}", data={"name": "张三", "phone_tail": "1234"},
                               timeout=30)
        assert answer.status_code == 404 and "这个二维码还不能用" in answer.text, raw


def test_a_check_in_is_recorded_once_and_reaches_the_branch(district_server: RunningServer) -> None:
    office = enrolled(district_server, "河东村党支部")
    course, wang = lesson(office.branch_id), phone_member(office.branch_id, "王秀英", "138 0013 4521")
    code = live_code(office.branch_id, course["id"])
    published(office, course, code, wang)
    the_code = code["data"]["code"]

    done = check_in(office, the_code, " 王 秀英 ", "４５２１")  # spaces and full-width digits as phones type
    assert done.status_code == 200 and "登记成功" in done.text and 'name="phone_tail"' not in done.text
    again = check_in(office, the_code, "王秀英", "4521")
    assert again.status_code == 200 and "已经登记过了" in again.text

    records = pulled(office, "study_records")
    assert len(records) == 1
    data = records[0]["data"]
    assert (data["member_id"], data["lesson_id"], data["study_date"]) == (wang["id"], course["id"], today())
    assert (data["method"], data["self_reported"], data["entered_by"], data["minutes"]) == ("self_scan", 1, "扫码自报", 18)
    assert records[0]["branch_id"] == office.branch_id


def test_failed_check_ins_all_look_alike_and_the_eleventh_is_refused(district_server: RunningServer) -> None:
    office = enrolled(district_server, "河东村党支部")
    other = enrolled(district_server, "河西村党支部")
    course = lesson(office.branch_id)
    code = live_code(office.branch_id, course["id"])
    published(office, course, code, phone_member(office.branch_id, "王秀英", "13800134521"),
              phone_member(office.branch_id, "李四", "13800130000", status="transferred"))
    published(other, phone_member(other.branch_id, "赵敏", "13900137777"))
    the_code = code["data"]["code"]

    tries = [("王秀英", "4520"), ("王秀", "4521"), ("赵敏", "7777"), ("李四", "0000"), ("不存在", "1234")]
    answers = [check_in(office, the_code, name, tail) for name, tail in tries]
    assert {a.status_code for a in answers} == {400}
    assert len({a.text for a in answers}) == 1, "a wrong name, a wrong tail and another branch's member look alike"
    assert "没有登记成功" in answers[0].text
    for name, tail in tries:  # tries 6 to 10
        assert check_in(office, the_code, name, tail).status_code == 400
    blocked = check_in(office, the_code, "王秀英", "4521")  # the 11th, even with the right answer
    assert blocked.status_code == 429 and "分钟后再试" in blocked.text and int(blocked.headers["retry-after"]) > 0
    assert pulled(office, "study_records") == []
    # A form left blank is answered but not counted, and the page shows no member or count.
    assert "请填写完整" not in page(office, the_code).text


def test_scans_are_counted_and_reach_the_branch_with_the_next_pull(district_server: RunningServer) -> None:
    office = enrolled(district_server, "河东村党支部")
    course = lesson(office.branch_id)
    code = live_code(office.branch_id, course["id"])
    published(office, course, code)
    the_code = code["data"]["code"]
    for _ in range(5):
        assert page(office, the_code).status_code == 200
    page(office, new_code())  # an unknown code is no one's scan

    days = pulled(office, "qr_scan_days", wait_for=lambda found: found and found[0]["data"]["scans"] == 5)
    assert [(d["data"]["code"], d["data"]["day"], d["data"]["lesson_id"], d["data"]["scans"]) for d in days] == [
        (the_code, today(), course["id"], 5)]
    assert days[0]["branch_id"] == office.branch_id and days[0]["id"]
    page(office, the_code)
    again = pulled(office, "qr_scan_days", wait_for=lambda found: found and found[0]["data"]["scans"] == 6)
    assert [d["data"]["scans"] for d in again] == [6] and again[0]["id"] == days[0]["id"]
    # The server keeps counts, not addresses: a stopped server has written every scan.
    district_server.stop()
    district_server.restart()
    assert [d["data"]["scans"] for d in pulled(office, "qr_scan_days")] == [6]


def test_retired_codes_revoked_branches_gone_lessons_and_accounts(district_server: RunningServer) -> None:
    office = enrolled(district_server, "河东村党支部")
    course, spare = lesson(office.branch_id, "旧课"), lesson(office.branch_id, "乡村振兴第二讲")
    code, account = live_code(office.branch_id, course["id"]), live_code(
        office.branch_id, kind="account", url="http://weixin.qq.com/r/HeDong")
    versions = published(office, course, spare, code, account)

    moved = page(office, account["data"]["code"])
    assert moved.status_code == 302 and moved.headers["location"] == "http://weixin.qq.com/r/HeDong"

    published(office, edited(course, versions[0], 10, archived=1))
    gone = page(office, code["data"]["code"])
    assert gone.status_code == 410 and "已下架" in gone.text and "乡村振兴第二讲" in gone.text
    assert 'href="https://dj.example.cn/v/1"' in gone.text

    published(office, edited(code, versions[2], 20, retired_at="2026-12-05T08:00:00.000Z"))
    retired = page_once_changed(office.server.url, code["data"]["code"], "已停用")
    assert retired.status_code == 410 and "已停用" in retired.text and "河东村党支部" in retired.text

    admin(district_server.db_url, "branch", "revoke", office.branch_id)
    revoked = page_once_changed(office.server.url, account["data"]["code"], "已停用")
    assert revoked.status_code == 410 and "已停用" in revoked.text and "区委组织部" in revoked.text


def test_names_and_titles_show_as_text(district_server: RunningServer) -> None:
    office = enrolled(district_server, "<b>河东</b>支部")
    course = lesson(office.branch_id, "<script>alert(1)</script>", speaker='"><img src=x onerror=alert(2)>')
    code = live_code(office.branch_id, course["id"])
    published(office, course, code)
    html = page(office, code["data"]["code"]).text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "<b>" not in html and "&lt;b&gt;河东&lt;/b&gt;支部" in html


def test_hostile_check_in_bodies_are_answered_in_chinese(district_server: RunningServer) -> None:
    office = enrolled(district_server, "河东村党支部")
    course = lesson(office.branch_id)
    code = live_code(office.branch_id, course["id"])
    published(office, course, code)
    url = f"{district_server.url}/q/{code['data']['code']}"
    huge = requests.post(url, data={"name": "张" * 5000, "phone_tail": "1234"}, timeout=30)
    assert huge.status_code == 413 and "太长" in huge.text
    for body, kind in [(b"\xff\xfe\x00", "application/x-www-form-urlencoded"), (b"name=&phone_tail=", None),
                       (b'{"name": "x"}', "application/json"), (b"name=%E7%8E%8B&phone_tail=12a4", None),
                       (b"&".join(b"f%d=1" % n for n in range(100)), None)]:
        answer = requests.post(url, data=body, headers={"Content-Type": kind or "application/x-www-form-urlencoded"},
                               timeout=30)
        assert answer.status_code == 400 and "请填写" in answer.text, body
    assert requests.put(url, timeout=30).status_code == 405


def test_the_public_address_is_in_the_info(server_db_url: str) -> None:
    with start_server(server_db_url, env={"ZHIBU_PUBLIC_URL": "https://dj.example.cn/"}) as server:
        assert requests.get(f"{server.url}/api/v1/info", timeout=10).json()["public_url"] == "https://dj.example.cn"
