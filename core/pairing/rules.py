"""Who needs help and who can help: the branch's configurable pairing rules (local settings)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from core.store import Store

_SETTING = "pairing_rules"


class PairingError(ValueError):
    """A refused pairing action; the message (Chinese) says what is wrong and what to do."""


@dataclass(frozen=True)
class PairingRules:
    elder_min_age: int = 60  # elders aged at least this, below 会用微信, need help
    helper_max_age: int = 45  # members aged at most this who use WeChat can help
    capacity: int = 3  # elders one helper looks after at most

    def check(self) -> None:
        if not 50 <= self.elder_min_age <= 100:
            raise PairingError("需帮扶老人的年龄下限应在 50 至 100 岁之间")
        if not 18 <= self.helper_max_age <= 70:
            raise PairingError("帮扶人的年龄上限应在 18 至 70 岁之间")
        if not 1 <= self.capacity <= 20:
            raise PairingError("每名帮扶人最多帮扶的人数应在 1 至 20 之间")


def load_rules(store: Store) -> PairingRules:
    saved = store.setting(_SETTING, {}) or {}
    known = {k: int(v) for k, v in saved.items() if k in PairingRules.__dataclass_fields__}
    return PairingRules(**known)


def save_rules(store: Store, rules: PairingRules) -> None:
    rules.check()
    store.set_setting(_SETTING, asdict(rules))
