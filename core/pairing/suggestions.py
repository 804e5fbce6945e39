"""Pairing suggestions for the elders still without a helper: compute, explain, accept, reject."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from core.pairing.assignment import assign, same_group, same_village
from core.pairing.pairings import PairingRequest, active_load, add_pairing, paired_elder_ids
from core.pairing.people import Person, elders, helpers
from core.pairing.rules import PairingError, PairingRules, load_rules
from core.store import Store

_REJECTED = "pairing_rejected"


@dataclass(frozen=True)
class Suggestion:
    helper: Person
    elder: Person
    reasons: tuple[str, ...]  # 同组 / 同村 / 负担 2/3

    @property
    def helper_id(self) -> str:
        return self.helper.id

    @property
    def elder_id(self) -> str:
        return self.elder.id

    def as_json(self) -> dict[str, object]:
        return {
            "helper_id": self.helper.id,
            "helper_name": self.helper.name,
            "elder_id": self.elder.id,
            "elder_name": self.elder.name,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class SuggestionSet:
    suggestions: list[Suggestion]
    unpaired_elders: int  # elders who need help and would still have no helper
    waiting_elders: int  # elders who need help and have no helper now
    free_slots: int  # places left with the helpers before these suggestions


def rejected_pairs(store: Store) -> set[tuple[str, str]]:
    return {(h, e) for h, e in store.setting(_REJECTED, []) or []}


def reject_suggestion(store: Store, helper_id: str, elder_id: str) -> None:
    """Never suggest this helper for this elder again (a local choice of this office)."""
    pairs = sorted(rejected_pairs(store) | {(helper_id, elder_id)})
    store.set_setting(_REJECTED, [list(p) for p in pairs])


def forget_rejections(store: Store) -> None:
    store.set_setting(_REJECTED, [])


def _reasons(helper: Person, elder: Person, load: int, capacity: int) -> tuple[str, ...]:
    reasons = ["同组" if same_group(helper, elder) else "跨组"]
    if same_village(helper, elder):
        reasons.append("同村")
    elif helper.village and elder.village:
        reasons.append("跨村")
    reasons.append(f"负担 {load}/{capacity}")
    return tuple(reasons)


def suggest_pairings(store: Store, today: date | None = None, rules: PairingRules | None = None) -> SuggestionSet:
    """The best pairs for the elders who need help and have no helper yet. Each is explained with
    同组 / 同村 and the helper's load once all suggestions are accepted (负担 2/3)."""
    today = today or date.today()
    rules = rules or load_rules(store)
    paired = paired_elder_ids(store)
    waiting = [e for e in elders(store, today, rules) if e.id not in paired]
    available = helpers(store, today, rules)
    load = active_load(store)
    pairs = assign(waiting, available, load, rules.capacity, rejected_pairs(store))
    final = Counter(load)
    final.update(helper.id for helper, _ in pairs)
    suggestions = [
        Suggestion(helper, elder, _reasons(helper, elder, final[helper.id], rules.capacity))
        for helper, elder in pairs
    ]
    return SuggestionSet(
        suggestions=suggestions,
        unpaired_elders=len(waiting) - len(suggestions),
        waiting_elders=len(waiting),
        free_slots=sum(max(0, rules.capacity - load.get(h.id, 0)) for h in available),
    )


def accept_suggestions(
    store: Store, suggestions: Sequence[Suggestion], start_date: str, today: date | None = None
) -> list[str]:
    """Make pairings of the suggestions: all or none (a suggestion no longer possible is named)."""
    if not suggestions:
        raise PairingError("没有可接受的推荐")
    today = today or date.today()
    rules = load_rules(store)
    ids = []
    with store.transaction():
        for suggestion in suggestions:
            request = PairingRequest(suggestion.helper.id, suggestion.elder.id, start_date, "按推荐结对")
            try:
                ids.append(add_pairing(store, request, today, rules))
            except PairingError as exc:
                raise PairingError(
                    f"推荐「{suggestion.helper.name} → {suggestion.elder.name}」已不能接受：{exc}。"
                    "请重新生成推荐"
                ) from None
    return ids
