"""活码 on the branch PC: codes made when material is printed (offline, reused per target and
place), the short code printed beneath each code, the codes list with scans, retiring and
pointing a code at another lesson, and what counts as not yet on the district server."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core.lessons.catalogue import add_lesson
from core.qr import QrError
from core.qr.live_links import (
    list_links,
    live_available,
    live_targets,
    pending_codes,
    retarget_link,
    retire_link,
    scans_by_lesson,
)
from core.qr.material import write_material
from core.qr.short_codes import ALPHABET, link_id, normalize, scan_day_id, spaced
from core.qr.targets import custom_target, lesson_target
from core.qr.verify import decode_pages
from core.store import Store
from core.sync import config
from core.sync.validate import check_record
from tests.pdf_reading import page_texts

SERVER = "http://10.0.0.5:8700"


def _enroll(store: Store, public: str | None = None) -> None:
    store.set_setting(config.SERVER_URL, SERVER)
    store.set_setting(config.TOKEN, "secret-token")
    if public:
        store.set_setting(config.PUBLIC_URL, public)


@pytest.fixture
def lesson_ids(store: Store) -> list[str]:
    return [
        add_lesson(store, {"title": "红色家风故事", "speaker": "王书记", "minutes": 20,
                           "video_url": "https://dj.example.cn/v/1"}),
        add_lesson(store, {"title": "防范电信诈骗", "minutes": 15, "video_url": "https://dj.example.cn/v/2"}),
    ]


def _mark_synced(store: Store, table: str, row_id: str) -> None:
    store.conn.execute(f"UPDATE {table} SET synced_rev = rev, version = 7 WHERE id = ?", (row_id,))


def _scan_row(store: Store, code: str, day: str, lesson_id: str | None, scans: int) -> None:
    store.conn.execute(
        "INSERT INTO qr_scan_days (id, branch_id, rev, synced_rev, version, updated_at, deleted, link_id, code,"
        " day, lesson_id, scans) VALUES (?, ?, 0, 0, 9, '2026-12-01T00:00:00.000Z', 0, ?, ?, ?, ?, ?)",
        (scan_day_id(code, day, lesson_id), store.branch_id, link_id(code), code, day, lesson_id, scans),
    )


def test_live_codes_need_an_enrolled_pc(store: Store, lesson_ids: list[str]) -> None:
    assert not live_available(store)
    with pytest.raises(QrError, match="还没有登记到区服务器"):
        live_targets(store, [lesson_target(store, lesson_ids[0])])
    assert store.scalar("SELECT count(*) FROM qr_links") == 0
    _enroll(store)
    assert live_available(store)


def test_a_printed_live_code_holds_the_short_link_and_shows_its_code(
    store: Store, lesson_ids: list[str], tmp_path: Path
) -> None:
    _enroll(store, public="https://dj.example.gov.cn")
    target, = live_targets(store, [lesson_target(store, lesson_ids[0])], label="村委会活动室摆台")
    code = target.short_code
    assert normalize(code) == code and len(code) == 8 and set(code) <= set(ALPHABET)
    assert target.payload == f"https://dj.example.gov.cn/q/{code}"
    row = store.get("qr_links", link_id(code))
    assert row is not None and row["lesson_id"] == lesson_ids[0] and row["label"] == "村委会活动室摆台"
    assert row["rev"] > row["synced_rev"]  # goes to the server with the next sync
    record = {"table": "qr_links", "id": row["id"], "branch_id": row["branch_id"], "base_version": 0,
              "updated_at": row["updated_at"], "deleted": 0,
              "data": {k: row[k] for k in ("code", "target_kind", "lesson_id", "target_url", "target_title",
                                           "label", "created_date", "retired_at")}}
    assert check_record(record) is None

    for layout in ("poster-a4", "tent", "labels-3x4"):
        out = tmp_path / f"{layout}.pdf"
        write_material(store, layout, [target], out)
        assert decode_pages(out) == [[target.payload, target.payload] if layout == "tent" else [target.payload]]
        assert f"短码 {spaced(code)}" in page_texts(out)[0], layout


def test_the_same_target_and_place_reuse_their_code(store: Store, lesson_ids: list[str]) -> None:
    _enroll(store)
    first = live_targets(store, [lesson_target(store, lesson_ids[0])], label="卫生室门口")[0].short_code
    again = live_targets(store, [lesson_target(store, lesson_ids[0])], label=" 卫生室门口 ")[0].short_code
    elsewhere = live_targets(store, [lesson_target(store, lesson_ids[0])], label="村口公告栏")[0].short_code
    link = live_targets(store, [custom_target("https://mp.weixin.qq.com/s/abc", "村务公开")])[0].short_code
    assert first == again and elsewhere != first
    assert store.scalar("SELECT count(*) FROM qr_links") == 3
    assert store.get("qr_links", link_id(link))["target_url"] == "https://mp.weixin.qq.com/s/abc"
    retire_link(store, first)
    assert live_targets(store, [lesson_target(store, lesson_ids[0])], label="卫生室门口")[0].short_code != first


def test_text_cannot_be_a_live_code_and_long_labels_are_refused(store: Store, lesson_ids: list[str]) -> None:
    _enroll(store)
    with pytest.raises(QrError, match="纯文字"):
        live_targets(store, [custom_target("WiFi 密码 12345678")])
    with pytest.raises(QrError, match="张贴位置"):
        live_targets(store, [lesson_target(store, lesson_ids[0])], label="很" * 41)
    assert store.scalar("SELECT count(*) FROM qr_links") == 0


def test_pending_until_the_code_and_its_own_lesson_are_synced(store: Store, lesson_ids: list[str]) -> None:
    _enroll(store)
    code = live_targets(store, [lesson_target(store, lesson_ids[0])])[0].short_code
    assert pending_codes(store, [code]) == [code]
    _mark_synced(store, "qr_links", link_id(code))
    assert pending_codes(store, [code]) == [code]  # its lesson is not on the server yet
    _mark_synced(store, "lessons", lesson_ids[0])
    assert pending_codes(store, [code]) == []
    store.update("lessons", lesson_ids[0], {"video_url": "https://dj.example.cn/v/1b"})
    assert pending_codes(store, [code]) == [code]
    assert [link.synced for link in list_links(store)] == [False]


def test_list_with_scans_retire_and_retarget(store: Store, lesson_ids: list[str]) -> None:
    _enroll(store)
    code = live_targets(store, [lesson_target(store, lesson_ids[0])], label="活动室")[0].short_code
    today = date(2026, 12, 7)
    _scan_row(store, code, "2026-12-07", lesson_ids[0], 5)
    _scan_row(store, code, "2026-12-01", lesson_ids[0], 3)  # 7 days ago counts in the week
    _scan_row(store, code, "2026-11-30", lesson_ids[0], 4)
    _scan_row(store, code, "2026-10-01", lesson_ids[0], 100)  # older than 30 days
    link, = list_links(store, today=today)
    assert (link.code, link.target, link.label, link.scans_7d, link.scans_30d) == (code, "红色家风故事", "活动室", 8, 12)
    assert link.url == f"{SERVER}/q/{code}" and not link.retired
    assert scans_by_lesson(store) == {lesson_ids[0]: 112}
    assert scans_by_lesson(store, "2026-11-01", "2026-11-30") == {lesson_ids[0]: 4}

    retarget_link(store, spaced(code).lower(), lesson_ids[1])
    assert list_links(store, today=today)[0].target == "防范电信诈骗"
    assert retire_link(store, code) is True
    assert retire_link(store, code) is False
    assert list_links(store, include_retired=False, today=today) == []
    with pytest.raises(QrError, match="已停用"):
        retarget_link(store, code, lesson_ids[0])
    with pytest.raises(QrError, match="没有短码"):
        retire_link(store, "ZZZZ-ZZZZ")


def test_district_codes_are_read_only_here(store: Store, lesson_ids: list[str]) -> None:
    _enroll(store)
    code = "DQ2345AB"
    store.conn.execute(
        "INSERT INTO qr_links (id, branch_id, rev, synced_rev, version, updated_at, code, target_kind, lesson_id,"
        " created_date) VALUES (?, 'district', 0, 0, 3, '2026-12-01T00:00:00.000Z', ?, 'lesson', ?, '2026-12-01')",
        (link_id(code), code, lesson_ids[0]),
    )
    assert [link.code for link in list_links(store)] == [code]
    with pytest.raises(QrError, match="区里制作"):
        retire_link(store, code)
