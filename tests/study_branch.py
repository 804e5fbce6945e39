"""A small branch whose report figures are worked out by hand in the tests that use it.

Groups 一组 (安一 安二 安三) and 二组 (白一, 白二 流动, 白三 去世), 农一 without a group; lessons 课一
(30 min, 1 学时), 课二 (20 min, 0.5 学时) and the archived 课三. Records:
  安一 课一 2026-10-05, 安一 课一 2026-11-02 (集中学习), 安一 课二 2026-11-10
  安二 课二 2026-08-01
  白一 课一 2026-11-20, 送学上门 by 安一, 45 minutes
  白三 课一 2026-11-01
  农一 课一 2026-11-03, and 课二 2026-11-04 voided
"""

from __future__ import annotations

from core.lessons.catalogue import add_lesson, archive_lesson
from core.lessons.study import StudyEntry, record_study, void_record
from core.roster.members import add_member
from core.store import Store
from tests.support import TODAY


def make_study_branch(store: Store) -> dict[str, str]:
    """Fill ``store``; returns the ids by key (a1 … n1, L1 … L3)."""
    ids: dict[str, str] = {}
    for key, name, group, status in [
        ("a1", "安一", "一组", "正常"), ("a2", "安二", "一组", "正常"), ("a3", "安三", "一组", "正常"),
        ("b1", "白一", "二组", "正常"), ("b2", "白二", "二组", "流动"), ("b3", "白三", "二组", "去世"),
        ("n1", "农一", "", "正常"),
    ]:
        ids[key], _ = add_member(store, {"name": name, "group": group, "status": status})
    ids["L1"] = add_lesson(store, {"title": "课一", "minutes": 30, "credit_hours": 1.0, "published_date": "2026-06-01"})
    ids["L2"] = add_lesson(store, {"title": "课二", "minutes": 20, "credit_hours": 0.5, "published_date": "2026-07-01"})
    ids["L3"] = add_lesson(store, {"title": "课三", "minutes": 10, "credit_hours": 2.0})
    archive_lesson(store, ids["L3"])

    def rec(member: str, lesson: str, day: str, method: str = "self_scan", **kw: object) -> str:
        return record_study(store, StudyEntry(ids[lesson], day, method, **kw), [ids[member]], today=TODAY)[0]

    rec("a1", "L1", "2026-10-05")
    rec("a1", "L1", "2026-11-02", "group")
    rec("a1", "L2", "2026-11-10")
    rec("a2", "L2", "2026-08-01")
    rec("b1", "L1", "2026-11-20", "home", minutes=45, helper_id=ids["a1"])
    rec("b3", "L1", "2026-11-01")
    rec("n1", "L1", "2026-11-03")
    void_record(store, rec("n1", "L2", "2026-11-04"), "课程选错")
    return ids
