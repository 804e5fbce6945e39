"""What the roster page loads, as tasks for the runner: the first screenful of a long roster, and the
whole roster with its party groups."""

from __future__ import annotations

from typing import Any

from core.profile import get_profile
from core.roster.groups import list_groups
from core.roster.search import filter_members, member_count
from ui.tasks import TaskContext

FIRST_ROWS = 50  # more than a screen shows
Loaded = tuple[list[dict[str, Any]], list[dict[str, Any]], str, int]  # members, groups, branch name, total


def _with_groups(task: TaskContext, members: list[dict[str, Any]], total: int) -> Loaded:
    profile = get_profile(task.store)
    return members, list_groups(task.store), profile.name if profile else "", total


def first_rows(count: int, task: TaskContext) -> Loaded:
    """The first ``count`` members in roster order, and how many the roster has."""
    return _with_groups(task, filter_members(task.store, limit=count), member_count(task.store))


def whole_roster(task: TaskContext) -> Loaded:
    members = filter_members(task.store)
    return _with_groups(task, members, len(members))
