"""A demo branch's year of work on top of its roster: micro-lessons and their study records, pairings
made from the suggestions, home visits and the elders' skill levels. Deterministic for a seed."""

from __future__ import annotations

import random
from datetime import date, timedelta

from core.lessons.catalogue import add_lesson
from core.lessons.study import StudyEntry, record_study, studying_members
from core.pairing.skills import list_skills
from core.pairing.suggestions import accept_suggestions, suggest_pairings
from core.pairing.visits import VisitEntry, record_visit
from core.store import Store

LESSONS = (
    ("学习贯彻党的二十大精神", "理论学习", 30),
    ("乡村振兴政策解读", "政策解读", 25),
    ("新时代农村基层党建", "党建工作", 20),
    ("防范电信网络诈骗", "平安建设", 15),
    ("党章党规学习", "理论学习", 30),
    ("红色家风故事", "党史教育", 20),
    ("移风易俗树文明新风", "乡风文明", 15),
    ("城乡居民医保政策问答", "政策解读", 20),
)
METHODS = ("self_scan", "self_scan", "group", "group", "home")
LEVEL_STEPS = ("taught", "assisted", "independent")


def add_demo_activity(store: Store, today: date | None = None, seed: int = 1) -> dict[str, int]:
    """Add lessons, study, pairings and visits dated in the months before ``today``."""
    today = today or date.today()
    rng = random.Random(seed)
    counts = {"lessons": 0, "study_records": 0, "pairings": 0, "visits": 0}
    with store.transaction():
        members = [m["id"] for m in studying_members(store)]
        lesson_ids = []
        for n, (title, topic, minutes) in enumerate(LESSONS):
            published = today - timedelta(days=300 - n * 35)
            lesson_ids.append(add_lesson(store, {
                "title": title, "topic": topic, "minutes": minutes, "credit_hours": 0.5 if minutes < 25 else 1.0,
                "speaker": "镇党委宣传委员", "published_date": published.isoformat(),
                "video_url": f"https://dj.example.cn/wdk/{n + 1:03d}",
            }))
            counts["lessons"] += 1
            studied = rng.sample(members, int(len(members) * rng.uniform(0.35, 0.8)))
            for start in range(0, len(studied), 25):
                day = min(published + timedelta(days=rng.randrange(1, 30)), today)
                method = rng.choice(METHODS)
                group = studied[start : start + 25]
                helper = rng.choice([m for m in members if m not in group]) if method == "home" else None
                entry = StudyEntry(lesson_id=lesson_ids[-1], study_date=day.isoformat(), method=method,
                                   helper_id=helper, entered_by="组织委员")
                counts["study_records"] += len(record_study(store, entry, group, today))
        suggestions = suggest_pairings(store, today).suggestions
        if suggestions:
            started = today - timedelta(days=90)
            counts["pairings"] = len(accept_suggestions(store, suggestions, started.isoformat(), today))
            counts["visits"] = _visits(store, rng, [s.elder.id for s in suggestions],
                                       lesson_ids, started, today)
    return counts


def _visits(store: Store, rng: random.Random, elders: list[str], lesson_ids: list[str],
            started: date, today: date) -> int:
    skills = [s["id"] for s in list_skills(store)]
    visits = 0
    for elder_id in elders:
        level = {skill: -1 for skill in skills}
        day = started + timedelta(days=rng.randrange(3, 20))
        # Most elders are visited every few weeks; about one in six not for over a month.
        last = today - timedelta(days=rng.randrange(35, 60) if rng.random() < 0.17 else rng.randrange(0, 25))
        while day <= last:
            practised = rng.sample(skills[:6], 2)
            raised = {}
            for skill in practised:
                if level[skill] < len(LEVEL_STEPS) - 1 and rng.random() < 0.7:
                    level[skill] += 1
                    raised[skill] = LEVEL_STEPS[level[skill]]
            with_lesson = rng.random() < 0.3
            record_visit(store, VisitEntry(
                elder_id=elder_id, visit_date=day.isoformat(), minutes=rng.choice((30, 40, 60)),
                skill_ids=practised, lesson_id=rng.choice(lesson_ids[:4]) if with_lesson else None,
                levels=raised, entered_by="组织委员",
            ), today)
            visits += 1
            day += timedelta(days=rng.randrange(10, 24))
    return visits

