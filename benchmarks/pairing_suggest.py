"""Pairing suggestions for 2,000 elders and 1,000 helpers (target ≤ 2 s).

The branch: 12 党小组, 15 villages (most members live in their group's village), 2,300 elders who
need help of whom 300 are paired already (2,000 wait), 1,000 helpers, 500 other members and 30
rejected suggestions. Run with capacity 3 (places for everyone) and capacity 1 (places run short).
Prints the time of the whole ``suggest_pairings`` (reading the lists from SQLite included) and of
the assignment alone.
Run: .venv/bin/python -m benchmarks.pairing_suggest
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from core.pairing.assignment import assign
from core.pairing.pairings import active_load
from core.pairing.people import elders, helpers
from core.pairing.rules import PairingRules, load_rules, save_rules
from core.pairing.suggestions import reject_suggestion, rejected_pairs, suggest_pairings
from core.pinyin import name_keys
from core.roster.groups import ensure_group
from core.store import Store

TODAY = date(2026, 11, 22)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "建国秀英桂兰志强海燕玉梅文华德明春花永红丽娟国庆小军"


def build_branch(path: Path, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    groups = [ensure_group(store, f"第{n + 1}党小组") for n in range(12)]
    villages = [f"{name}村" for name in "东西南北上下前后河山林岗湾桥坪"]
    rows = []
    for n, (kind, count) in enumerate([("elder", 2300), ("helper", 1000), ("other", 500)]):
        for i in range(count):
            g = rng.randrange(12)
            village = villages[g] if rng.random() < 0.8 else rng.choice(villages)
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + ("" if rng.random() < 0.5 else rng.choice(GIVEN))
            pinyin, initials = name_keys(name)
            year = {"elder": rng.randint(1930, 1965), "helper": rng.randint(1981, 2003), "other": rng.randint(1966, 1979)}[kind]
            wechat = {"elder": rng.choice(["none", "basic_phone", "smart_no_wechat"]),
                      "helper": rng.choice(["wechat", "follows_account"]), "other": "wechat"}[kind]
            rows.append({
                "name": name, "name_pinyin": pinyin, "name_initials": initials, "group_id": groups[g],
                "village": village, "birth_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "wechat": wechat, "status": "active", "category": "full", "note": f"{kind}{n}-{i}",
            })
    store.insert_many("members", rows)
    elder_ids = [r["id"] for r in store.query("SELECT id FROM members WHERE note LIKE 'elder%' ORDER BY note")]
    helper_ids = [r["id"] for r in store.query("SELECT id FROM members WHERE note LIKE 'helper%' ORDER BY note")]
    store.insert_many("pairings", [
        {"helper_id": helper_ids[i % 1000], "elder_id": elder_ids[i], "start_date": "2026-06-01", "active": 1}
        for i in range(300)
    ])
    for _ in range(30):
        reject_suggestion(store, helper_ids[rng.randrange(1000)], elder_ids[300 + rng.randrange(2000)])
    store.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pairing.db"
        build_branch(db)
        medians = [measure(db, capacity) for capacity in (3, 1)]
    return 0 if max(medians) <= 2 else 1


def measure(db: Path, capacity: int, rounds: int = 5) -> float:
    store = Store.open(db)
    save_rules(store, PairingRules(capacity=capacity))
    rules = load_rules(store)
    waiting_elders = [e for e in elders(store, TODAY, rules)
                      if e.id not in {r["elder_id"] for r in store.query("SELECT elder_id FROM pairings")}]
    available = helpers(store, TODAY, rules)
    print(f"\nbranch: {len(waiting_elders) + 300} elders who need help ({len(waiting_elders)} without a helper), "
          f"{len(available)} helpers, capacity {rules.capacity}, 300 existing pairings, 30 rejections")
    whole, core_only = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        result = suggest_pairings(store, TODAY, rules)
        whole.append(time.perf_counter() - start)
        load, rejected = active_load(store), rejected_pairs(store)
        start = time.perf_counter()
        assign(waiting_elders, available, load, rules.capacity, rejected)
        core_only.append(time.perf_counter() - start)
    store.close()
    reasons = Counter(r for s in result.suggestions for r in s.reasons if r in ("同组", "同村"))
    print(f"suggested {len(result.suggestions)} pairs, {result.unpaired_elders} elders left without a helper; "
          f"同组 {reasons['同组']}, 同村 {reasons['同村']}")
    median = statistics.median(whole)
    print(f"suggest_pairings (lists read from SQLite + assignment): median {median:.2f} s, "
          f"worst {max(whole):.2f} s (target ≤ 2 s)")
    print(f"assignment alone: median {statistics.median(core_only):.2f} s")
    return median


if __name__ == "__main__":
    sys.exit(main())
