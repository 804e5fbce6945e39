"""A small branch for the pairing work, worked out by hand in the tests that use it (today is
2026-11-22, rules by default: elders ≥ 60 below 会用微信, helpers ≤ 45 using WeChat, 3 each).

  一组 (东村): 老甲 1940 无手机, 老乙 1948 老年机, 青一 1990 会用微信
  二组 (西村): 老丙 1950 智能机未用微信, 青二 1995 已关注公众号
  二组 (东村): 老丁 1955 老年机
  not on either list: 老戊 1950 会用微信; 老己 1950 老年机 but 流动; 青三 1992 会用微信 but 流动;
  中年 1975 会用微信 (51)
  lesson 课一: 30 minutes, published 2026-06-01
"""

from __future__ import annotations

from core.lessons.catalogue import add_lesson
from core.roster.members import add_member
from core.store import Store

PEOPLE = [
    ("e1", "老甲", "一组", "东村", "1940-03-01", "无手机", "正常"),
    ("e2", "老乙", "一组", "东村", "1948-05-01", "老年机", "正常"),
    ("h1", "青一", "一组", "东村", "1990-01-01", "会用微信", "正常"),
    ("e3", "老丙", "二组", "西村", "1950-07-01", "智能机未用微信", "正常"),
    ("h2", "青二", "二组", "西村", "1995-01-01", "已关注公众号", "正常"),
    ("e4", "老丁", "二组", "东村", "1955-09-01", "老年机", "正常"),
    ("x1", "老戊", "一组", "东村", "1950-01-01", "会用微信", "正常"),
    ("x2", "老己", "一组", "东村", "1950-02-01", "老年机", "流动"),
    ("x3", "青三", "二组", "西村", "1992-01-01", "会用微信", "流动"),
    ("x4", "中年", "一组", "东村", "1975-01-01", "会用微信", "正常"),
]


def make_pairing_branch(store: Store) -> dict[str, str]:
    """Fill ``store``; returns the ids by key (e1 … e4 elders, h1 h2 helpers, x1 … x4 others, L1)."""
    ids: dict[str, str] = {}
    for key, name, group, village, birth, wechat, status in PEOPLE:
        ids[key], _ = add_member(
            store,
            {"name": name, "group": group, "village": village, "birth_date": birth, "wechat": wechat,
             "status": status},
        )
    ids["L1"] = add_lesson(store, {"title": "课一", "minutes": 30, "credit_hours": 1.0, "published_date": "2026-06-01"})
    return ids
