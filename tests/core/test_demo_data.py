from __future__ import annotations

import datetime
import re

import pytest

from core.idcard import check_digit
from core.roster.demo_data import REGION_CODES, DemoBranch, generate_demo_branch
from core.roster.fields import (
    CATEGORIES,
    EDUCATION_LEVELS,
    GENDERS,
    MEMBER_FIELDS,
    STATUSES,
    WECHAT_LEVELS,
)

TODAY = datetime.date(2025, 6, 15)
MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}-\d{7,8}")


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _add_years(day: datetime.date, years: int) -> datetime.date:
    """Anniversary; a 29 February counts as reached on 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return datetime.date(day.year + years, 3, 1)


def _age(birth: datetime.date, today: datetime.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


@pytest.fixture(scope="module")
def big() -> DemoBranch:
    return generate_demo_branch(2000, seed=7, today=TODAY)


def test_same_seed_same_branch_different_seed_different() -> None:
    a = generate_demo_branch(200, seed=3, today=TODAY)
    b = generate_demo_branch(200, seed=3, today=TODAY)
    c = generate_demo_branch(200, seed=4, today=TODAY)
    assert a == b
    assert a.members != c.members


@pytest.mark.parametrize("count", [0, 1, 5, 20, 120, 777])
def test_requested_count(count: int) -> None:
    assert len(generate_demo_branch(count, today=TODAY).members) == count


def test_branch_shape() -> None:
    branch = generate_demo_branch(today=TODAY)
    assert len(branch.members) == 120
    assert branch.name.endswith("党支部")
    assert branch.township and branch.county
    assert 3 <= len(branch.groups) <= 5
    assert len(set(branch.groups)) == len(branch.groups)


def test_members_have_exactly_the_roster_fields_and_valid_codes(big: DemoBranch) -> None:
    keys = [f.key for f in MEMBER_FIELDS]
    for m in big.members:
        assert list(m) == keys
        assert m["gender"] in GENDERS
        assert m["wechat"] in WECHAT_LEVELS
        assert m["category"] in CATEGORIES
        assert m["status"] in STATUSES
        assert m["education"] in EDUCATION_LEVELS
        assert m["name"] and 2 <= len(m["name"]) <= 3
        assert m["ethnicity"] and m["ethnicity"].endswith("族")
        assert m["village"] and m["village_group"]
        assert all(v is None or (isinstance(v, str) and v) for v in m.values())


def test_every_group_is_a_branch_group(big: DemoBranch) -> None:
    for m in big.members:
        assert m["group"] in big.groups
    assert {m["group"] for m in big.members} == set(big.groups)


def test_id_numbers_valid_and_match_birth_date_and_gender(big: DemoBranch) -> None:
    for m in big.members:
        number = m["id_number"]
        assert number and len(number) == 18 and number[:17].isdigit()
        assert number[17] == check_digit(number[:17])
        assert number[:6] in REGION_CODES.values
        assert m["birth_date"] and number[6:14] == m["birth_date"].replace("-", "")
        assert int(number[16]) % 2 == (1 if m["gender"] == "M" else 0)


def test_ids_and_phones_unique(big: DemoBranch) -> None:
    ids = [m["id_number"] for m in big.members]
    phones = [m["phone"] for m in big.members if m["phone"]]
    assert len(set(ids)) == len(ids)
    assert len(set(phones)) == len(phones)
    for phone in phones:
        assert MOBILE.fullmatch(phone) or LANDLINE.fullmatch(phone), phone


def test_phone_and_wechat_fit_together(big: DemoBranch) -> None:
    for m in big.members:
        if m["wechat"] == "none":
            assert m["phone"] is None or LANDLINE.fullmatch(m["phone"])
        else:
            assert m["phone"] and MOBILE.fullmatch(m["phone"])


def test_many_elderly() -> None:
    branch = generate_demo_branch(500, seed=1, today=TODAY)
    ages = [_age(_day(m["birth_date"] or ""), TODAY) for m in branch.members]
    assert all(20 <= a <= 92 for a in ages)
    share = sum(a >= 60 for a in ages) / len(ages)
    assert 0.40 <= share <= 0.60


def test_age_shapes_education_and_wechat(big: DemoBranch) -> None:
    old = [m for m in big.members if _age(_day(m["birth_date"] or ""), TODAY) >= 70]
    young = [m for m in big.members if _age(_day(m["birth_date"] or ""), TODAY) < 40]
    low_school = ("文盲或半文盲", "小学", "初中")
    assert sum(m["education"] in low_school for m in old) / len(old) > 0.8
    assert sum(m["education"] in low_school for m in young) / len(young) < 0.4
    on_wechat = ("wechat", "follows_account")
    assert sum(m["wechat"] in on_wechat for m in old) / len(old) < 0.5
    assert sum(m["wechat"] in on_wechat for m in young) / len(young) > 0.9


@pytest.mark.parametrize("seed", [1, 2, 3, 42])
@pytest.mark.parametrize("count", [20, 120])
def test_a_probationary_member_is_due_within_30_days(seed: int, count: int) -> None:
    branch = generate_demo_branch(count, seed=seed, today=TODAY)
    due = [
        m for m in branch.members
        if m["category"] == "probationary"
        and TODAY <= _add_years(_day(m["joined_date"] or ""), 1) <= TODAY + datetime.timedelta(days=30)
    ]
    assert due


def _check_party_rules(branch: DemoBranch, today: datetime.date) -> None:
    probationary = 0
    for m in branch.members:
        birth = _day(m["birth_date"] or "")
        joined = _day(m["joined_date"] or "")
        assert birth <= today
        assert _add_years(birth, 18) <= joined <= today, m
        if m["category"] == "full":
            confirmed = _day(m["confirmed_date"] or "")
            assert _add_years(joined, 1) <= confirmed <= _add_years(joined, 2), m
            assert confirmed <= today
        else:
            probationary += 1
            assert m["confirmed_date"] is None
            assert joined > _add_years(today, -1), m
            assert _add_years(joined, 1) >= today, m
        if m["status"] == "active":
            assert m["status_date"] is None
        else:
            status_date = _day(m["status_date"] or "")
            assert joined <= status_date <= today
    share = probationary / len(branch.members)
    assert 0.03 <= share <= 0.06


def test_party_dates_consistent(big: DemoBranch) -> None:
    _check_party_rules(big, TODAY)
    statuses = {m["status"] for m in big.members}
    assert {"active", "mobile", "lost"} <= statuses
    for m in big.members:
        if m["status"] == "mobile":
            assert _age(_day(m["birth_date"] or ""), TODAY) < 50


@pytest.mark.parametrize(
    "today",
    [datetime.date(2024, 2, 29), datetime.date(2025, 2, 28), datetime.date(2025, 3, 1),
     datetime.date(2026, 1, 1), datetime.date(2025, 12, 31)],
)
def test_party_dates_consistent_around_year_and_leap_day_edges(today: datetime.date) -> None:
    _check_party_rules(generate_demo_branch(1000, seed=11, today=today), today)


def test_default_today_is_date_today() -> None:
    branch = generate_demo_branch(50, seed=5)
    today = datetime.date.today()
    assert all(_day(m["joined_date"] or "") <= today for m in branch.members)


def test_fifty_thousand_members() -> None:
    branch = generate_demo_branch(50_000, seed=1, today=TODAY)
    assert len(branch.members) == 50_000
    assert len({m["id_number"] for m in branch.members}) == 50_000
