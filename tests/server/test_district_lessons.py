"""The district's lessons after publishing and its own live codes, through the admin CLI and a branch's
pull: an edit reaches the branches as a new version (the old one kept), a retired lesson's code says
so, a district code opens its lesson without the check-in form."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from tests.server.api import enrolled
from tests.server.live_records import lesson, page, page_once_changed, published
from tests.sync_server import RunningServer, admin, admin_run


def test_a_district_lesson_is_edited_and_retired_and_the_branches_follow(district_server: RunningServer) -> None:
    server = district_server
    office = enrolled(server, "河东村党支部")
    made = admin(server.db_url, "lesson", "publish", "--title", "学习党章", "--url", "https://dj.example.cn/v/1",
                 "--minutes", "20")
    [before] = [r for r in office.pull_all() if r["table"] == "lessons"]

    edited = admin(server.db_url, "lesson", "edit", made["lesson_id"], "--url", "https://dj.example.cn/v/1-new",
                   "--title", "学习党章（修订）", "--speaker", "王书记")
    assert edited["changed"] == ["speaker", "title", "video_url"] and edited["version"] > before["version"]
    [after] = [r for r in office.pull_all(before["version"]) if r["table"] == "lessons"]
    assert after["data"]["video_url"] == "https://dj.example.cn/v/1-new" and after["data"]["title"] == "学习党章（修订）"
    assert after["data"]["minutes"] == 20 and after["version"] == edited["version"]
    engine = create_engine(server.db_url)
    try:
        with engine.connect() as conn:
            kept = conn.execute(text("SELECT version, data FROM record_history WHERE id = :id"),
                                {"id": made["lesson_id"]}).all()
    finally:
        engine.dispose()
    assert [(v, json.loads(d)["video_url"]) for v, d in kept] == [(before["version"], "https://dj.example.cn/v/1")]

    code = admin(server.db_url, "qr-link", "add", "--lesson", made["lesson_id"], "--label", "镇政府大厅",
                 "--public-url", "https://dj.example.cn")
    assert code["url"] == f"https://dj.example.cn/q/{code['code']}"
    links = [r for r in office.pull_all() if r["table"] == "qr_links"]
    assert [(r["branch_id"], r["data"]["code"], r["data"]["label"]) for r in links] == [
        ("district", code["code"], "镇政府大厅")]
    opened = page(office, code["code"])
    assert opened.status_code == 200 and "学习党章（修订）" in opened.text and "v/1-new" in opened.text
    assert 'name="phone_tail"' not in opened.text and "请到所在支部登记学习" in opened.text
    assert admin(server.db_url, "qr-link", "list")["codes"][0]["code"] == code["code"]

    assert admin(server.db_url, "lesson", "retire", made["lesson_id"])["archived"] is True
    assert [r["data"]["archived"] for r in office.pull_all() if r["table"] == "lessons"] == [1]
    assert "已下架" in page_once_changed(server.url, code["code"], "已下架").text
    assert admin(server.db_url, "lesson", "list")["lessons"][0]["archived"] is True


def test_refusals_are_clear_and_change_nothing(district_server: RunningServer) -> None:
    server = district_server
    office = enrolled(server, "河东村党支部")
    own = lesson(office.branch_id, "支部自己的课")
    published(office, own)
    made = admin(server.db_url, "lesson", "publish", "--title", "学习党章", "--url", "https://dj.example.cn/v/1")
    cases = [
        (("lesson", "edit", "no-such-id", "--url", "https://x.cn"), "没有编号为"),
        (("lesson", "edit", own["id"], "--url", "https://x.cn"), "是支部自己的课"),
        (("lesson", "edit", made["lesson_id"], "--url", "javascript:alert(1)"), "不是网址"),
        (("lesson", "edit", made["lesson_id"], "--title", "  "), "标题不能为空"),
        (("lesson", "edit", made["lesson_id"]), "至少给出一项"),
        (("lesson", "edit", made["lesson_id"], "--minutes", "0"), "时长"),
        (("qr-link", "add", "--lesson", own["id"]), "是支部自己的课"),
        (("qr-link", "add", "--lesson", made["lesson_id"], "--label", "长" * 41), "不能超过 40 个字"),
        (("lesson", "retire", "no-such-id"), "没有编号为"),
    ]
    for args, message in cases:
        done = admin_run(server.db_url, *args)
        assert done.returncode == 1 and message in done.stderr, (args, done.stderr)
    assert [r["data"]["video_url"] for r in office.pull_all() if r["table"] == "lessons"
            and r["id"] == made["lesson_id"]] == ["https://dj.example.cn/v/1"]
    assert admin(server.db_url, "lesson", "retire", made["lesson_id"])["archived"]
    again = admin_run(server.db_url, "lesson", "retire", made["lesson_id"])
    assert again.returncode == 1 and "已经下架" in again.stderr
    retired_code = admin_run(server.db_url, "qr-link", "add", "--lesson", made["lesson_id"])
    assert retired_code.returncode == 1 and "已经下架" in retired_code.stderr
    assert admin(server.db_url, "qr-link", "list")["codes"] == []
