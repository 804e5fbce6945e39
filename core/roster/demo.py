"""Filling an empty database with the realistic demo branch."""

from __future__ import annotations

from datetime import date

from core.profile import BranchProfile, set_profile
from core.roster.demo_data import generate_demo_branch
from core.roster.groups import ensure_group
from core.roster.members import ValidationFailed, stored_values
from core.roster.validation import validate_member
from core.store import Store


class DemoRefused(Exception):
    """The database already holds a roster (Chinese message)."""


def load_demo(store: Store, members: int = 120, seed: int = 1, today: date | None = None) -> int:
    """Create the demo branch's profile, groups and members. Refused when members already exist."""
    existing = int(store.scalar("SELECT count(*) FROM members WHERE deleted = 0"))
    if existing:
        raise DemoRefused(f"数据库中已有 {existing} 名党员，演示数据只能放入空数据库。请另选一个数据库文件（--db）。")
    branch = generate_demo_branch(members=members, seed=seed, today=today)
    with store.transaction():
        set_profile(store, BranchProfile(branch.name, branch.township, branch.county))
        for name in branch.groups:
            ensure_group(store, name)
        rows = []
        group_ids: dict[str, str] = {}
        for record in branch.members:
            clean, issues = validate_member(record, today)
            errors = [i for i in issues if i.level == "error"]
            if errors:
                raise ValidationFailed(errors)
            rows.append(stored_values(store, clean, group_ids))
        store.insert_many("members", rows, audit=f"载入演示支部（{len(rows)} 名党员）")
    return len(rows)
