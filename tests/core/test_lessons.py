"""The lesson catalogue, study records and study sessions on a real database."""

from __future__ import annotations

from datetime import date

import pytest

from core.lessons.catalogue import LessonError, add_lesson, archive_lesson, edit_lesson, list_lessons
from core.lessons.sessions import Attendance, StudySession, delete_session, get_session, save_session
from core.lessons.study import (
    StudyEntry,
    StudyError,
    already_recorded,
    list_records,
    record_study,
    studying_members,
    void_record,
)
from core.roster.members import add_member
from core.store import Store
from tests.support import TODAY


@pytest.fixture
def people(store: Store) -> list[str]:
    return [add_member(store, {"name": name, "group": "一组"})[0] for name in ("甲一", "乙二", "丙三", "丁四")]


def test_lesson_fields_are_checked_and_named(store: Store) -> None:
    lesson = add_lesson(store, {"title": "第3讲：学习《党章》（上）", "minutes": "２５", "credit_hours": "0.5",
                                "video_url": " https://dj.example.cn/v/3 ", "published_date": "2026年10月1日"})
    row = list_lessons(store)[0]
    assert (row["id"], row["title"], row["minutes"], row["video_url"], row["published_date"]) == (
        lesson, "第3讲：学习《党章》（上）", 25, "https://dj.example.cn/v/3", "2026-10-01")
    with pytest.raises(LessonError) as refused:
        add_lesson(store, {"title": "第3讲：学习《党章》（上）", "minutes": 0, "video_url": "www.example.cn",
                           "published_date": "2026-10-01", "valid_until": "2026-09-01"})
    assert {i.field for i in refused.value.issues} == {"title", "minutes", "video_url", "valid_until"}
    assert "视频链接" in str(refused.value) and "http://" in str(refused.value)
    assert len(list_lessons(store)) == 1


def test_district_lessons_are_read_only_and_archive_hides(store: Store) -> None:
    store.insert("lessons", {"id": "d-1", "branch_id": "district", "title": "区县课"})
    with pytest.raises(LessonError, match="区县发布"):
        edit_lesson(store, "d-1", {"title": "改名"})
    with pytest.raises(LessonError, match="区县发布"):
        archive_lesson(store, "d-1")
    own = add_lesson(store, {"title": "本支部课"})
    archive_lesson(store, own)
    assert [r["title"] for r in list_lessons(store)] == ["区县课"]
    assert {r["title"] for r in list_lessons(store, include_archived=True)} == {"区县课", "本支部课"}
    assert [r["title"] for r in list_lessons(store, search="本支部")] == []


def test_record_study_is_all_or_nothing(store: Store, people: list[str]) -> None:
    lesson = add_lesson(store, {"title": "课", "minutes": 20, "published_date": "2026-11-01"})
    entry = StudyEntry(lesson, "2026-11-20", "group", entered_by="组织委员")
    with pytest.raises(StudyError, match="不在花名册"):
        record_study(store, entry, [people[0], "no-such-member"], today=TODAY)
    assert list_records(store) == []
    with pytest.raises(StudyError, match="早于这节课的发布日期"):
        record_study(store, StudyEntry(lesson, "2026-10-20", "group"), people, today=TODAY)
    with pytest.raises(StudyError, match="还没到"):
        record_study(store, StudyEntry(lesson, "2026-11-23", "group"), people, today=TODAY)
    with pytest.raises(StudyError, match="帮学人"):
        record_study(store, StudyEntry(lesson, "2026-11-20", "home"), people[:1], today=TODAY)
    ids = record_study(store, entry, [*people[:3], people[0]], today=TODAY)
    assert len(ids) == 3  # a member ticked twice is recorded once
    assert {r["minutes"] for r in list_records(store)} == {20}  # the lesson's length by default
    assert already_recorded(store, lesson, "2026-11-20", people) == set(people[:3])
    home = StudyEntry(lesson, "2026-11-21", "home", minutes=40, helper_id=people[0])
    record_study(store, home, [people[3]], today=TODAY)
    visit = list_records(store, member_id=people[3])[0]
    assert (visit["method"], visit["minutes"], visit["helper_name"]) == ("home", 40, "甲一")


def test_void_keeps_the_record_with_its_reason(store: Store, people: list[str]) -> None:
    lesson = add_lesson(store, {"title": "课"})
    record = record_study(store, StudyEntry(lesson, "2026-11-20", "self_scan"), people[:1], today=TODAY)[0]
    with pytest.raises(StudyError, match="原因"):
        void_record(store, record, "  ")
    void_record(store, record, "日期填错")
    assert list_records(store) == []
    voided = list_records(store, include_voided=True)[0]
    assert (voided["deleted"], voided["void_reason"]) == (1, "日期填错")
    with pytest.raises(StudyError, match="已经作废"):
        void_record(store, record, "再次")


def test_session_attendance_drives_the_study_records(store: Store, people: list[str]) -> None:
    first, second = add_lesson(store, {"title": "课一"}), add_lesson(store, {"title": "课二"})
    marks = {people[0]: Attendance("present"), people[1]: Attendance("present"),
             people[2]: Attendance("leave", "外出务工"), people[3]: Attendance("absent")}
    with pytest.raises(StudyError, match="请假原因"):
        save_session(store, StudySession("2026-11-20", [first], attendance={people[2]: Attendance("leave")}),
                     today=TODAY)
    session_id = save_session(store, StudySession("2026-11-20", [first, second], place="村委会",
                                                  attendance=marks), today=TODAY)
    records = list_records(store)
    assert sorted((r["member_name"], r["lesson_title"], r["method"]) for r in records) == [
        ("乙二", "课一", "group"), ("乙二", "课二", "group"), ("甲一", "课一", "group"), ("甲一", "课二", "group")]
    # 乙二 was in fact absent, and only 课一 was studied: those records are voided, none added twice.
    session = get_session(store, session_id)
    assert session is not None and session.place == "村委会"
    session.attendance[people[1]] = Attendance("absent")
    session.lesson_ids = [first]
    save_session(store, session, today=TODAY)
    assert [(r["member_name"], r["lesson_title"]) for r in list_records(store)] == [("甲一", "课一")]
    assert len(list_records(store, include_voided=True)) == 4
    delete_session(store, session_id)
    assert list_records(store) == [] and get_session(store, session_id) is None


def test_studying_members_leave_out_those_who_left(store: Store, people: list[str]) -> None:
    add_member(store, {"name": "戊五", "status": "去世"})
    add_member(store, {"name": "己六", "status": "流动"})
    names = [m["name"] for m in studying_members(store)]
    assert "戊五" not in names and "己六" in names and len(names) == 5


def test_today_default_is_the_real_date(store: Store, people: list[str]) -> None:
    lesson = add_lesson(store, {"title": "课"})
    tomorrow = date.fromordinal(date.today().toordinal() + 1).isoformat()
    with pytest.raises(StudyError, match="还没到"):
        record_study(store, StudyEntry(lesson, tomorrow, "self_scan"), people[:1])
