"""Members, party groups, status changes, derived values and search on a real database file."""

from __future__ import annotations

from datetime import date

import pytest

from core.roster.demo import DemoRefused, load_demo
from core.roster.derived import age, party_years, probation_due
from core.roster.groups import GroupError, delete_group, ensure_group, list_groups, rename_group
from core.roster.members import (
    ValidationFailed,
    add_member,
    delete_member,
    edit_member,
    get_member,
    list_members,
    undelete_member,
)
from core.roster.search import MemberFilter, search_members
from core.roster.status import StatusError, change_status, status_history
from core.store import Store
from tests.support import TODAY, make_id


def person(name: str = "张三", birth: str = "1965-03-02", male: bool = True, **extra: object) -> dict:
    record = {"name": name, "birth_date": birth, "gender": "男" if male else "女",
              "id_number": make_id(birth, male), "joined_date": "1990-07-01", "confirmed_date": "1991-07-01",
              "group": "第一党小组"}
    record.update(extra)
    return record


def test_add_member_normalises_and_stores_codes(store: Store) -> None:
    raw = person(name=" 张 三 ", phone="１３８１２３４５６７８")
    raw["id_number"] = raw["id_number"].lower()
    member_id, warnings = add_member(store, raw, TODAY)
    assert warnings == []
    m = get_member(store, member_id)
    assert m is not None
    assert (m["name"], m["gender"], m["phone"], m["category"], m["status"]) == ("张三", "M", "13812345678", "full", "active")
    assert m["group"] == "第一党小组" and m["name_initials"] == "zs"


def test_bad_id_number_is_refused_with_its_field(store: Store) -> None:
    raw = person()
    raw["id_number"] = raw["id_number"][:-1] + ("1" if raw["id_number"][-1] != "1" else "2")
    with pytest.raises(ValidationFailed) as caught:
        add_member(store, raw, TODAY)
    assert [i.field for i in caught.value.issues] == ["id_number"]
    assert "校验位" in caught.value.issues[0].message
    assert list_members(store) == []


def test_id_number_unique_among_current_members(store: Store) -> None:
    add_member(store, person(), TODAY)
    with pytest.raises(ValidationFailed, match="张三"):
        add_member(store, person(name="张叁"), TODAY)


def test_edit_keeps_identity_and_refuses_bad_values(store: Store) -> None:
    member_id, _ = add_member(store, person(), TODAY)
    edit_member(store, member_id, person(phone="0372-5123456"), TODAY)
    assert get_member(store, member_id)["phone"] == "0372-5123456"  # type: ignore[index]
    with pytest.raises(ValidationFailed):
        edit_member(store, member_id, person(joined_date="1975-01-01"), TODAY)  # before 18th birthday
    assert get_member(store, member_id)["joined_date"] == "1990-07-01"  # type: ignore[index]


def test_delete_and_undo(store: Store) -> None:
    member_id, _ = add_member(store, person(), TODAY)
    delete_member(store, member_id)
    assert list_members(store) == []
    assert len(list_members(store, include_deleted=True)) == 1
    undelete_member(store, member_id)
    assert [m["id"] for m in list_members(store)] == [member_id]


def test_undelete_refused_when_the_id_number_was_reused(store: Store) -> None:
    member_id, _ = add_member(store, person(), TODAY)
    delete_member(store, member_id)
    add_member(store, person(name="张叁"), TODAY)
    with pytest.raises(ValidationFailed, match="张叁"):
        undelete_member(store, member_id)


def test_status_changes_are_kept_in_history(store: Store) -> None:
    member_id, _ = add_member(store, person(), TODAY)
    change_status(store, member_id, "mobile", "2026-03-01", "在郑州务工", today=TODAY)
    assert get_member(store, member_id)["status"] == "mobile"  # type: ignore[index]
    with pytest.raises(StatusError, match="已经是"):
        change_status(store, member_id, "mobile", "2026-04-01", today=TODAY)
    change_status(store, member_id, "restore", "2026-10-01", today=TODAY)
    m = get_member(store, member_id)
    assert m is not None and m["status"] == "active" and m["status_date"] is None
    history = status_history(store, member_id)
    assert [(h["action"], h["to_status"]) for h in history] == [("mobile", "mobile"), ("restore", "active")]
    with pytest.raises(StatusError, match="晚于今天"):
        change_status(store, member_id, "lost", "2027-01-01", today=TODAY)


def test_confirmation_window(store: Store) -> None:
    raw = person(name="李娜", birth="1998-05-05", male=False, category="预备党员",
                 joined_date="2025-12-01", confirmed_date=None)
    member_id, _ = add_member(store, raw, TODAY)
    with pytest.raises(StatusError, match="满一年"):
        change_status(store, member_id, "confirm", "2026-11-01", today=TODAY)
    assert probation_due(list_members(store), TODAY)[0][1] == date(2026, 12, 1)
    change_status(store, member_id, "confirm", "2026-12-01", today=date(2026, 12, 2))
    m = get_member(store, member_id)
    assert m is not None and (m["category"], m["confirmed_date"]) == ("full", "2026-12-01")
    assert probation_due(list_members(store), TODAY) == []


def test_derived_values() -> None:
    m = {"birth_date": "1960-11-23", "category": "full", "confirmed_date": "1990-11-22"}
    assert age(m, TODAY) == 65
    assert party_years(m, TODAY) == 36
    assert party_years({"category": "probationary", "confirmed_date": None}, TODAY) is None


def test_groups(store: Store) -> None:
    gid = ensure_group(store, "第一党小组")
    assert ensure_group(store, "第一党小组") == gid
    rename_group(store, gid, "河东党小组")
    ensure_group(store, "第二党小组")
    with pytest.raises(GroupError, match="已经有"):
        rename_group(store, gid, "第二党小组")
    add_member(store, person(group="河东党小组"), TODAY)
    with pytest.raises(GroupError, match="1 名党员"):
        delete_group(store, gid)
    assert [g["name"] for g in list_groups(store)] == ["河东党小组", "第二党小组"]


@pytest.fixture
def demo_store(store: Store) -> Store:
    load_demo(store, members=300, seed=7, today=TODAY)
    return store


def test_demo_refuses_a_database_that_has_members(demo_store: Store) -> None:
    with pytest.raises(DemoRefused):
        load_demo(demo_store, members=10)


def test_search_by_initials_pinyin_name_phone_and_id_tail(demo_store: Store) -> None:
    members = list_members(demo_store)
    target = members[17]
    initials = target["name_initials"]
    found = search_members(demo_store, initials, today=TODAY)
    assert target["id"] in [m["id"] for m in found]
    assert all(m["name_initials"].startswith(initials) or m["name_pinyin"].startswith(initials) for m in found)
    exact = [m for m in found if m["name_initials"] == initials or m["name_pinyin"] == initials]
    assert found[: len(exact)] == exact  # exact matches first

    assert target["id"] in [m["id"] for m in search_members(demo_store, target["name_pinyin"].upper())]
    assert target["id"] in [m["id"] for m in search_members(demo_store, target["name"][1:])]
    assert search_members(demo_store, target["name"])[0]["name"] == target["name"]
    phoned = next(m for m in members if m["phone"] and "-" not in m["phone"])
    assert phoned["id"] in [m["id"] for m in search_members(demo_store, phoned["phone"][-4:])]
    assert [m["id"] for m in search_members(demo_store, target["id_number"][-6:])] == [target["id"]]


def test_search_combines_with_filters(demo_store: Store) -> None:
    groups = list_groups(demo_store)
    old_in_group = search_members(
        demo_store, "", MemberFilter(group_ids=[groups[0]["id"]], min_age=60, categories=["full"]), TODAY
    )
    assert old_in_group
    for m in old_in_group:
        assert m["group_id"] == groups[0]["id"] and age(m, TODAY) >= 60 and m["category"] == "full"
    young = search_members(demo_store, "", MemberFilter(max_age=35), TODAY)
    assert young and all(age(m, TODAY) <= 35 for m in young)
    everyone = {m["id"] for m in list_members(demo_store)}
    assert {m["id"] for m in old_in_group} | {m["id"] for m in young} < everyone
