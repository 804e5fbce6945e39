"""The suggestion assignment against exhaustive search on small fixtures whose optimum is known."""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from core.pairing.assignment import assign, same_group, same_village
from core.pairing.people import Person


def person(pid: str, group: str | None, village: str = "", birth: str = "1950-01-01") -> Person:
    return Person(
        id=pid, name=pid, name_pinyin=pid, group_id=group, group_name=group or "", village=village,
        birth_date=birth, age=None, phone="", wechat="", marked=False,
    )


def score(pairs, load, capacity):
    """(pairs, same 党小组, same village, -sum of squared final loads): bigger is better."""
    final = Counter(load)
    final.update(h.id for h, _ in pairs)
    assert all(final[h] <= capacity for h in final)
    return (
        len(pairs),
        sum(same_group(h, e) for h, e in pairs),
        sum(same_village(h, e) for h, e in pairs),
        -sum(v * v for v in final.values()),
    )


def best_by_search(elders, helpers, load, capacity, rejected):
    best = None
    for choice in itertools.product([None, *helpers], repeat=len(elders)):
        pairs = [(h, e) for h, e in zip(choice, elders, strict=True) if h is not None]
        if any((h.id, e.id) in rejected for h, e in pairs):
            continue
        final = Counter(load)
        final.update(h.id for h, _ in pairs)
        if any(final[h.id] > capacity for h in helpers):
            continue
        value = score(pairs, load, capacity)
        best = value if best is None or value > best else best
    return best


def test_an_augmenting_path_pairs_everyone_where_first_come_first_served_would_not() -> None:
    a, b = person("A", "g1"), person("B", "g2")
    x, y = person("X", "g1", birth="1940-01-01"), person("Y", "g1", birth="1945-01-01")
    # Y may not go to B; X takes A in a greedy pass, leaving Y with nobody.
    pairs = assign([x, y], [a, b], {}, 1, rejected={("B", "Y")})
    assert {(h.id, e.id) for h, e in pairs} == {("B", "X"), ("A", "Y")}


def test_same_group_is_preferred_when_the_count_is_equal() -> None:
    helpers = [person("H1", "g1", "东村"), person("H2", "g2", "西村")]
    elders = [person("E1", "g2", "东村"), person("E2", "g1", "西村")]
    pairs = assign(elders, helpers, {}, 1)
    assert {(h.id, e.id) for h, e in pairs} == {("H1", "E2"), ("H2", "E1")}


def test_same_village_decides_between_helpers_of_the_same_group() -> None:
    helpers = [person("H1", "g1", "西村"), person("H2", "g1", "东村")]
    pairs = assign([person("E", "g1", "东村")], helpers, {}, 3)
    assert [(h.id, e.id) for h, e in pairs] == [("H2", "E")]


def test_load_is_balanced_and_capacity_and_existing_pairs_respected() -> None:
    helpers = [person("H1", "g1"), person("H2", "g1"), person("H3", "g1")]
    elders = [person(f"E{i}", "g1", birth=f"19{40 + i}-01-01") for i in range(7)]
    load = {"H1": 2, "H2": 0, "H3": 1}
    pairs = assign(elders, helpers, load, 3)
    final = Counter(load)
    final.update(h.id for h, _ in pairs)
    assert len(pairs) == 6  # 1 + 3 + 2 free places
    assert final == {"H1": 3, "H2": 3, "H3": 3}
    assert "E6" not in {e.id for _, e in pairs}  # the youngest waits when places run out


def test_even_spread_when_places_are_plentiful() -> None:
    helpers = [person(f"H{i}", "g1") for i in range(4)]
    elders = [person(f"E{i}", "g1") for i in range(6)]
    final = Counter(h.id for h, _ in assign(elders, helpers, {}, 3))
    assert sorted(final.values()) == [1, 1, 2, 2]


def test_the_same_input_gives_the_same_pairs() -> None:
    helpers = [person(f"H{i}", f"g{i % 3}", f"村{i % 2}") for i in range(9)]
    elders = [person(f"E{i}", f"g{i % 4}", f"村{i % 3}", f"19{30 + i}-01-01") for i in range(20)]
    first = [(h.id, e.id) for h, e in assign(elders, helpers, {"H1": 1}, 2)]
    again = [(h.id, e.id) for h, e in assign(list(elders), list(helpers), {"H1": 1}, 2)]
    assert first == again and len(first) == 17


people = st.tuples(st.sampled_from(["g1", "g2", None]), st.sampled_from(["东村", "西村", ""]))


@settings(max_examples=150, deadline=None)
@given(
    elder_keys=st.lists(people, min_size=1, max_size=5),
    helper_keys=st.lists(people, min_size=1, max_size=3),
    loads=st.lists(st.integers(0, 2), min_size=3, max_size=3),
    capacity=st.integers(1, 2),
    bans=st.sets(st.tuples(st.integers(0, 2), st.integers(0, 4)), max_size=4),
)
def test_matches_exhaustive_search(elder_keys, helper_keys, loads, capacity, bans) -> None:
    elders = [person(f"E{i}", g, v, f"19{40 + i}-01-01") for i, (g, v) in enumerate(elder_keys)]
    helpers = [person(f"H{i}", g, v) for i, (g, v) in enumerate(helper_keys)]
    load = {h.id: min(loads[i], capacity) for i, h in enumerate(helpers)}
    rejected = {(f"H{h}", f"E{e}") for h, e in bans}
    pairs = assign(elders, helpers, load, capacity, rejected)
    assert not any((h.id, e.id) in rejected for h, e in pairs)
    assert len({e.id for _, e in pairs}) == len(pairs)
    assert score(pairs, load, capacity) == best_by_search(elders, helpers, load, capacity, rejected)
