"""The skills checklist: the skill catalogue and each elder's level in each skill."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from core.migrations import skill_id_for
from core.pairing.fields import SKILL_LEVELS
from core.pairing.pairings import past_day
from core.pairing.rules import PairingError
from core.store import Store

_PROGRESS_NAMESPACE = uuid.UUID("9c2e4b71-5a3d-4e8f-b6a0-1d7c3f5e2a98")


def list_skills(store: Store, *, include_archived: bool = False) -> list[dict[str, Any]]:
    where = "deleted = 0" + ("" if include_archived else " AND archived = 0")
    return store.query(f"SELECT id, name, sort_order, archived FROM skills WHERE {where} ORDER BY sort_order, name")


def add_skill(store: Store, name: str) -> str:
    """Add a skill to every elder's checklist (or bring back an archived one of that name)."""
    name = " ".join(name.split())
    if not name:
        raise PairingError("请填写技能名称")
    if len(name) > 30:
        raise PairingError("技能名称不能超过 30 个字")
    with store.transaction():
        for skill in list_skills(store, include_archived=True):
            if skill["name"] == name:
                if not skill["archived"]:
                    raise PairingError(f"技能「{name}」已在清单中")
                store.update("skills", skill["id"], {"archived": 0}, audit=f"恢复技能「{name}」")
                return str(skill["id"])
        order = int(store.scalar("SELECT coalesce(max(sort_order), -1) + 1 FROM skills"))
        skill_id = skill_id_for(store.branch_id, name)
        if store.get("skills", skill_id) is not None:
            store.update("skills", skill_id, {"archived": 0, "sort_order": order})
            store.set_deleted("skills", skill_id, False, audit=f"新增技能「{name}」")
            return skill_id
        return store.insert(
            "skills", {"id": skill_id, "name": name, "sort_order": order}, audit=f"新增技能「{name}」"
        )


def archive_skill(store: Store, skill_id: str, archived: bool = True) -> None:
    """Take a skill off the checklist (levels already confirmed are kept)."""
    skill = store.get("skills", skill_id)
    if skill is None or skill["deleted"]:
        raise PairingError("找不到这项技能")
    store.update("skills", skill_id, {"archived": int(archived)}, audit=f"{'停用' if archived else '恢复'}技能「{skill['name']}」")


def progress_id(elder_id: str, skill_id: str) -> str:
    """One row per elder and skill, derived from the pair so two offices make the same row."""
    return str(uuid.uuid5(_PROGRESS_NAMESPACE, f"{elder_id}/{skill_id}"))


def set_skill_level(
    store: Store,
    elder_id: str,
    skill_id: str,
    level: str,
    confirmed_date: str,
    confirmed_by: str,
    today: date | None = None,
) -> bool:
    """Record how far an elder has come with a skill. Returns whether anything changed."""
    if level not in SKILL_LEVELS:
        raise PairingError(f"掌握程度「{level}」无效，应为：{'、'.join(SKILL_LEVELS.values())}")
    day = past_day(confirmed_date, "确认日期", today or date.today())
    confirmed_by = confirmed_by.strip()
    if not confirmed_by:
        raise PairingError("请填写确认人")
    elder = store.get("members", elder_id)
    skill = store.get("skills", skill_id)
    if elder is None or elder["deleted"]:
        raise PairingError("这名老人不在花名册中")
    if skill is None or skill["deleted"]:
        raise PairingError("找不到这项技能")
    row_id = progress_id(elder_id, skill_id)
    values = {"level": level, "confirmed_date": day, "confirmed_by": confirmed_by}
    audit = f"{elder['name']}「{skill['name']}」：{SKILL_LEVELS[level]}"
    with store.transaction():
        current = store.get("skill_progress", row_id)
        if current is None:
            store.insert("skill_progress", {"id": row_id, "elder_id": elder_id, "skill_id": skill_id, **values}, audit=audit)
            return True
        if current["level"] == level and not current["deleted"]:
            return False
        store.set_deleted("skill_progress", row_id, False)
        return store.update("skill_progress", row_id, values, audit=audit)


def elder_skills(store: Store, elder_id: str) -> list[dict[str, Any]]:
    """Every skill on the checklist with the elder's level (未学 when nothing is recorded)."""
    rows = store.query(
        "SELECT s.id AS skill_id, s.name, coalesce(p.level, 'not_learned') AS level, "
        "p.confirmed_date, p.confirmed_by FROM skills s "
        "LEFT JOIN skill_progress p ON p.skill_id = s.id AND p.elder_id = ? AND p.deleted = 0 "
        "WHERE s.deleted = 0 AND s.archived = 0 ORDER BY s.sort_order, s.name",
        (elder_id,),
    )
    return rows


def skill_levels(store: Store) -> dict[str, dict[str, str]]:
    """Elder id → skill id → level, for every recorded level."""
    levels: dict[str, dict[str, str]] = {}
    for row in store.query("SELECT elder_id, skill_id, level FROM skill_progress WHERE deleted = 0"):
        levels.setdefault(row["elder_id"], {})[row["skill_id"]] = row["level"]
    return levels
