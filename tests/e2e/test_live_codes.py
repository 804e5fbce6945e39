"""活码 end to end with real processes: the district server (SQLite and PostgreSQL), a demo branch enrolled
with ``main.py sync``, a live A4 poster and a table stand printed with ``main.py poster --live``, the URL
decoded from the PDF, the page opened in headless Chromium at a phone's size, the video reached, a
member's check-in, and everything back on the branch PC with the next sync; then the same printed codes
following a changed lesson link and a retired code."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from core.qr.verify import decode_pages
from tests.browser import phone_browser
from tests.e2e.run_cli import as_json, cli
from tests.server.live_records import page_once_changed
from tests.sync_server import RunningServer, admin, district_server, server_db_url  # noqa: F401

VIDEO = "https://dj.example.cn/"


def a_member_with_a_mobile(db: Path) -> tuple[str, str, str]:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT id, name, phone FROM members WHERE deleted = 0 AND status = 'active' "
                           "AND length(phone) = 11 ORDER BY name LIMIT 1").fetchone()
    return row[0], row[1], row[2][-4:]


def printed_code(db: Path, lesson: str, layout: str, label: str, out: Path) -> tuple[str, dict[str, Any]]:
    answer = as_json(cli("--db", db, "poster", "--lesson", lesson, "--layout", layout, "--live", "--label", label,
                         "-o", out, "--json"))
    assert answer["live"] is True and answer["verified"] is True
    return answer["short_codes"][0], answer


def lesson_id(db: Path, title: str) -> str:
    lessons = as_json(cli("--db", db, "lessons", "list", "--all", "--json"))["lessons"]
    return next(lesson["id"] for lesson in lessons if lesson["title"] == title)


def test_a_printed_live_code_is_scanned_watched_checked_in_and_follows_its_lesson(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    db = tmp_path / "office.db"
    cli("--db", db, "demo", "--members", "30")
    cli("--db", db, "sync", "--server", server.url, "--enroll", branch["enrollment_code"], "--json")
    district = admin(server.db_url, "lesson", "publish", "--title", "区里的课：乡村振兴", "--url", VIDEO + "district/1",
                     "--minutes", "15")
    as_json(cli("--db", db, "sync", "--json"))

    # Printed before the codes reached the server: saving says so; printing works anyway.
    code, poster = printed_code(db, "党章党规学习", "poster-a4", "村委会活动室", tmp_path / "poster.pdf")
    assert poster["not_synced"] == [code]
    stand_code, _ = printed_code(db, "区里的课：乡村振兴", "tent", "卫生室门口摆台", tmp_path / "tent.pdf")
    as_json(cli("--db", db, "sync", "--json"))

    url = decode_pages(tmp_path / "poster.pdf")[0][0]  # what a phone reads from the paper
    assert url == f"{server.url}/q/{code}"
    stand = decode_pages(tmp_path / "tent.pdf")[0]
    assert stand == [f"{server.url}/q/{stand_code}"] * 2  # both faces of the stand

    member_id, name, tail = a_member_with_a_mobile(db)
    with phone_browser() as phone:
        phone.route(VIDEO + "**", lambda route: route.fulfill(
            status=200, content_type="text/html; charset=utf-8", body="<title>视频</title>视频播放"))
        phone.goto(url)
        phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
        assert phone.locator("h1").inner_text() == "党章党规学习"
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, "nothing wider than the phone"
        assert float(phone.evaluate("getComputedStyle(document.body).fontSize").rstrip("px")) >= 18
        phone.get_by_text("观看微党课").click()
        phone.wait_for_url(VIDEO + "wdk/005")
        assert "视频播放" in phone.content()
        phone.go_back()
        phone.fill("#name", name)
        phone.fill("#phone_tail", tail)
        phone.get_by_role("button", name="登记学习").click()
        assert "登记成功" in phone.locator("#result").inner_text()
    assert (tmp_path / "phone.png").stat().st_size > 10_000

    assert as_json(cli("--db", db, "sync", "--json"))["pulled"] >= 2  # the study record and the scan counts
    mine = [r for r in as_json(cli("--db", db, "study", "list", "--self-reported", "--json"))["records"]]
    assert [(r["member_id"], r["method"], r["entered_by"], r["self_reported"]) for r in mine] == [
        (member_id, "self_scan", "扫码自报", True)]
    ledger = tmp_path / "台账.xlsx"
    cli("--db", db, "report", "study", "--period", mine[0]["date"][:7], "-o", ledger)
    details = load_workbook(ledger, read_only=True)["学习明细"].iter_rows(values_only=True)
    assert any(name in row and "扫码自报" in " ".join(map(str, row)) for row in details)
    links = {link["code"]: link for link in as_json(cli("--db", db, "qr-links", "list", "--json"))["links"]}
    assert links[code]["scans_7d"] >= 1 and links[code]["label"] == "村委会活动室" and links[code]["synced"]

    # The branch changes its own lesson's link; the district changes its lesson's: the same codes follow.
    cli("--db", db, "lessons", "edit", "党章党规学习", "--url", VIDEO + "wdk/005-v2")
    as_json(cli("--db", db, "sync", "--json"))
    assert f'href="{VIDEO}wdk/005-v2"' in page_once_changed(server.url, code, "005-v2").text
    admin(server.db_url, "lesson", "edit", district["lesson_id"], "--url", VIDEO + "district/1-v2")
    assert f'href="{VIDEO}district/1-v2"' in page_once_changed(server.url, stand_code, "1-v2").text
    as_json(cli("--db", db, "sync", "--json"))
    assert {lesson["video_url"] for lesson in as_json(cli("--db", db, "lessons", "list", "--json"))["lessons"]
            if lesson["id"] == district["lesson_id"]} == {VIDEO + "district/1-v2"}

    cli("--db", db, "qr-links", "retire", code)
    as_json(cli("--db", db, "sync", "--json"))
    retired = page_once_changed(server.url, code, "已停用").text
    assert "已停用" in retired and "河东村党支部" in retired


def test_a_title_holding_a_script_shows_as_text_on_the_phone(
    district_server: RunningServer, tmp_path: Path  # noqa: F811
) -> None:
    server = district_server
    branch = admin(server.db_url, "branch", "add", "--name", "河东村党支部")
    db = tmp_path / "office.db"
    cli("--db", db, "lessons", "add", "--title", "<script>alert(1)</script>", "--url", VIDEO + "x",
        "--speaker", "<img src=x onerror=alert(2)>")
    cli("--db", db, "sync", "--server", server.url, "--enroll", branch["enrollment_code"], "--json")
    code, _ = printed_code(db, "<script>alert(1)</script>", "poster-a4", "", tmp_path / "p.pdf")
    as_json(cli("--db", db, "sync", "--json"))
    dialogs: list[str] = []
    with phone_browser() as phone:
        phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        phone.goto(decode_pages(tmp_path / "p.pdf")[0][0])
        assert phone.locator("h1").inner_text() == "<script>alert(1)</script>"
        assert "<img src=x onerror=alert(2)>" in phone.locator(".facts").inner_text()
        phone.wait_for_timeout(300)
    assert dialogs == []
