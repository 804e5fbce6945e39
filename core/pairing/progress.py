"""Progress of the pairing work: per elder, per helper and for the whole branch."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from core.migrations import skill_id_for
from core.pairing.fields import LEVEL_ORDER, STALE_DAYS, WATCH_LESSON_SKILL
from core.pairing.pairings import list_pairings
from core.pairing.people import elders
from core.pairing.rules import PairingRules, load_rules
from core.pairing.skills import list_skills, skill_levels
from core.roster.derived import age
from core.store import Store
from core.text import date_of


@dataclass(frozen=True)
class ElderProgress:
    elder_id: str
    name: str
    group_name: str
    village: str
    age: int | None
    helper_id: str | None  # None: not paired
    helper_name: str
    pairing_start: str | None
    skills_done: int  # skills at 独立完成
    skills_total: int
    can_watch_lesson: bool
    last_visit: str | None
    visits_30d: int
    days_without_visit: int | None  # since the last visit, or the pairing's start when none yet
    stale: bool  # paired, and not visited in the last 30 days
    levels: dict[str, str] = field(default_factory=dict)  # skill id → level


@dataclass(frozen=True)
class HelperProgress:
    helper_id: str
    name: str
    group_name: str
    elders: int
    visits_30d: int
    last_visit: str | None
    stale_elders: int


@dataclass(frozen=True)
class SkillTally:
    skill_id: str
    name: str
    levels: dict[str, int]  # level → how many elders


@dataclass(frozen=True)
class PairingProgress:
    elders: list[ElderProgress]
    helpers: list[HelperProgress]
    skills: list[SkillTally]
    elders_total: int
    paired: int
    can_watch_lesson: int
    stale: int
    capacity: int


def _visits(store: Store) -> list[dict[str, str]]:
    return store.query("SELECT elder_id, helper_id, visit_date FROM help_visits WHERE deleted = 0")


def pairing_progress(store: Store, today: date | None = None, rules: PairingRules | None = None) -> PairingProgress:
    """Everyone on the elders' list and everyone in an active pairing."""
    today = today or date.today()
    rules = rules or load_rules(store)
    since = (today - timedelta(days=STALE_DAYS)).isoformat()
    pairings = {row["elder_id"]: row for row in list_pairings(store)}
    listed = {p.id: p for p in elders(store, today, rules)}
    levels = skill_levels(store)
    skills = list_skills(store)
    watch_id = skill_id_for(store.branch_id, WATCH_LESSON_SKILL)
    last: dict[str, str] = {}
    recent_by_elder: Counter[str] = Counter()
    recent_by_helper: Counter[str] = Counter()
    for visit in _visits(store):
        elder = visit["elder_id"]
        last[elder] = max(last.get(elder, ""), visit["visit_date"])
        if visit["visit_date"] > since:
            recent_by_elder[elder] += 1
            recent_by_helper[visit["helper_id"]] += 1

    ids = list(listed) + [e for e in pairings if e not in listed]
    names = {
        row["id"]: row for row in store.query(
            "SELECT m.id, m.name, m.village, m.birth_date, g.name AS group_name FROM members m "
            "LEFT JOIN party_groups g ON g.id = m.group_id AND g.deleted = 0"
        )
    }
    rows = []
    for elder_id in ids:
        member = names[elder_id]
        pairing = pairings.get(elder_id)
        mine = levels.get(elder_id, {})
        latest = last.get(elder_id)
        days = None
        if pairing:
            anchor = max(latest or "", pairing["start_date"])
            days = (today - date_of(anchor)).days
        rows.append(
            ElderProgress(
                elder_id=elder_id,
                name=member["name"],
                group_name=member["group_name"] or "",
                village=member["village"] or "",
                age=age(member, today),
                helper_id=pairing["helper_id"] if pairing else None,
                helper_name=pairing["helper_name"] if pairing else "",
                pairing_start=pairing["start_date"] if pairing else None,
                skills_done=sum(1 for s in skills if mine.get(s["id"]) == "independent"),
                skills_total=len(skills),
                can_watch_lesson=mine.get(watch_id) == "independent",
                last_visit=latest,
                visits_30d=recent_by_elder[elder_id],
                days_without_visit=days,
                stale=days is not None and days > STALE_DAYS,
                levels=dict(mine),
            )
        )

    by_helper: dict[str, list[ElderProgress]] = {}
    for row in rows:
        if row.helper_id:
            by_helper.setdefault(row.helper_id, []).append(row)
    helper_rows = []
    for pairing in pairings.values():
        helper_id = pairing["helper_id"]
        if any(h.helper_id == helper_id for h in helper_rows):
            continue
        mine_rows = by_helper.get(helper_id, [])
        visited = [r.last_visit for r in mine_rows if r.last_visit]
        helper_rows.append(
            HelperProgress(
                helper_id=helper_id,
                name=pairing["helper_name"],
                group_name=pairing["helper_group"] or "",
                elders=len(mine_rows),
                visits_30d=recent_by_helper[helper_id],
                last_visit=max(visited) if visited else None,
                stale_elders=sum(1 for r in mine_rows if r.stale),
            )
        )
    tallies = []
    for skill in skills:
        counts = Counter(row.levels.get(skill["id"], "not_learned") for row in rows)
        tallies.append(SkillTally(skill["id"], skill["name"], {level: counts[level] for level in LEVEL_ORDER}))
    return PairingProgress(
        elders=rows,
        helpers=helper_rows,
        skills=tallies,
        elders_total=len(rows),
        paired=sum(1 for r in rows if r.helper_id),
        can_watch_lesson=sum(1 for r in rows if r.can_watch_lesson),
        stale=sum(1 for r in rows if r.stale),
        capacity=rules.capacity,
    )
