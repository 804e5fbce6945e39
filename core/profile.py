"""The branch profile (支部名称, 乡镇/街道, 区县), kept in the local settings."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from core.store import Store


@dataclass(frozen=True)
class BranchProfile:
    name: str
    township: str = ""
    county: str = ""


def get_profile(store: Store) -> BranchProfile | None:
    raw = store.setting("branch_profile")
    return BranchProfile(**raw) if raw else None


def set_profile(store: Store, profile: BranchProfile) -> None:
    if not profile.name.strip():
        raise ValueError("支部名称不能为空")
    store.set_setting("branch_profile", asdict(profile))


def branch_name(store: Store) -> str:
    """The branch's name as printed on paper; 「本支部」 until the profile is filled in."""
    profile = get_profile(store)
    return profile.name.strip() if profile and profile.name.strip() else "本支部"
