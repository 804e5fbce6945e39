"""The roster's Qt models on their own, without any widget."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.pinyin import name_keys
from tests.support import TODAY, make_id
from ui.roster.model import (
    AGE,
    ID_NUMBER,
    NAME,
    MemberIdRole,
    RosterFilterModel,
    RosterModel,
    SortRole,
)


def member(name: str, birth: str, **extra: Any) -> dict[str, Any]:
    pinyin, initials = name_keys(name)
    row: dict[str, Any] = {
        "id": f"id-{name}", "name": name, "name_pinyin": pinyin, "name_initials": initials,
        "birth_date": birth, "gender": "M", "id_number": make_id(birth), "phone": None,
        "group_id": "g1", "group": "第一党小组", "category": "full", "status": "active",
        "wechat": "wechat", "joined_date": "2000-07-01", "confirmed_date": "2001-07-01",
    }
    row.update(extra)
    return row


MEMBERS = [
    member("张三", "1965-03-02", phone="13812345678"),
    member("张三丰", "1995-05-06", group_id="g2", group="第二党小组", category="probationary",
           confirmed_date=None),
    member("李桂兰", "1940-01-01", gender="F", wechat="none", status="mobile"),
    member("王五", "1999-12-31", phone="13700001234"),
    member("赵秀英", "1958-08-08", gender="F", group_id="g2", group="第二党小组"),
    member("周大明", "2001-02-03", status="deceased"),
]


@pytest.fixture
def models(qapp) -> tuple[RosterModel, RosterFilterModel]:  # type: ignore[no-untyped-def]
    source = RosterModel(today=TODAY)
    proxy = RosterFilterModel()
    proxy.setSourceModel(source)
    source.set_members([dict(m) for m in sorted(MEMBERS, key=lambda m: m["name_pinyin"])])
    return source, proxy


def shown(proxy: RosterFilterModel) -> list[str]:
    return [proxy.index(row, NAME).data() for row in range(proxy.rowCount())]


def test_all_members_shown_in_pinyin_order(models) -> None:  # type: ignore[no-untyped-def]
    _source, proxy = models
    assert shown(proxy) == ["李桂兰", "王五", "张三", "张三丰", "赵秀英", "周大明"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zs", ["张三", "张三丰"]),
        ("zsf", ["张三丰"]),
        ("zhang", ["张三", "张三丰"]),
        ("李", ["李桂兰"]),
        ("秀英", ["赵秀英"]),
        ("1234", ["王五"]),
        ("5678", ["张三"]),
        ("", ["李桂兰", "王五", "张三", "张三丰", "赵秀英", "周大明"]),
    ],
)
def test_search_by_initials_pinyin_name_and_phone_tail(models, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    _source, proxy = models
    proxy.set_search_text(text)
    assert shown(proxy) == expected


def test_exact_match_comes_first_unless_sorted_by_a_column(models) -> None:  # type: ignore[no-untyped-def]
    source, proxy = models
    proxy.set_search_text("zhangsanfeng")
    assert shown(proxy) == ["张三丰"]
    proxy.set_search_text("张三丰")
    assert shown(proxy) == ["张三丰"]
    proxy.set_search_text("张三")
    assert shown(proxy) == ["张三", "张三丰"]
    # An exact match on initials ("zsf") ahead of a member whose initials only start with it.
    source.set_members(source.members + [member("张顺风发", "1970-01-01")])
    proxy.set_search_text("zsf")
    assert shown(proxy) == ["张三丰", "张顺风发"]
    proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert shown(proxy) == ["张顺风发", "张三丰"]
    proxy.sort(-1)
    assert shown(proxy) == ["张三丰", "张顺风发"]


def test_search_survives_a_reload_of_the_source(models) -> None:  # type: ignore[no-untyped-def]
    source, proxy = models
    proxy.set_search_text("zs")
    source.set_members(source.members + [member("郑爽", "1980-04-04")])
    assert shown(proxy) == ["张三", "郑爽", "张三丰"]  # exact initials first


def test_filters_combine_with_each_other_and_the_search(models) -> None:  # type: ignore[no-untyped-def]
    _source, proxy = models
    proxy.set_group("g2")
    assert shown(proxy) == ["张三丰", "赵秀英"]
    proxy.set_category("full")
    assert shown(proxy) == ["赵秀英"]
    proxy.set_category(None)
    proxy.set_search_text("zs")
    assert shown(proxy) == ["张三丰"]
    proxy.set_search_text("")
    proxy.set_group(None)
    proxy.set_age_band("60to79")
    assert shown(proxy) == ["张三", "赵秀英"]
    proxy.set_age_band("80plus")
    assert shown(proxy) == ["李桂兰"]
    proxy.set_age_band(None)
    proxy.set_status("current")  # active, mobile, lost: not the deceased
    assert "周大明" not in shown(proxy) and len(shown(proxy)) == 5
    proxy.set_status("deceased")
    assert shown(proxy) == ["周大明"]
    proxy.set_statuses(["active", "mobile", "lost"])
    proxy.set_wechat("none")
    assert shown(proxy) == ["李桂兰"]
    proxy.set_statuses(None)
    proxy.set_wechat(None)
    proxy.set_age_band("under35")
    assert shown(proxy) == ["王五", "张三丰", "周大明"]


def test_sorting_by_age_is_numeric(models) -> None:  # type: ignore[no-untyped-def]
    source, proxy = models
    source.set_members(source.members + [member("钱七", "2017-01-01")])  # 9 years old sorts before 25
    proxy.sort(AGE, Qt.SortOrder.AscendingOrder)
    ages = [int(proxy.index(row, AGE).data()) for row in range(proxy.rowCount())]
    assert ages == sorted(ages)
    assert ages[0] == 9 and ages[-1] == 86
    assert isinstance(proxy.index(0, AGE).data(SortRole), int)


def test_id_numbers_are_masked_unless_asked(models) -> None:  # type: ignore[no-untyped-def]
    source, proxy = models
    proxy.set_search_text("张三")
    full = make_id("1965-03-02")
    assert proxy.index(0, ID_NUMBER).data() == full[:6] + "********" + full[-4:]
    source.set_show_full_ids(True)
    assert proxy.index(0, ID_NUMBER).data() == full


def test_roles_give_the_member_id_and_visible_members(models) -> None:  # type: ignore[no-untyped-def]
    _source, proxy = models
    proxy.set_search_text("zs")
    assert proxy.index(1, NAME).data(MemberIdRole) == "id-张三丰"
    assert [m["name"] for m in proxy.visible_members()] == ["张三", "张三丰"]
