"""A realistic demo village branch (示例支部) as plain data, for first start, screenshots and benchmarks.

Everything is derived from one ``random.Random(seed)`` and the given ``today``, so the same arguments
always give the same branch. Values are stored the way the roster stores them: codes for coded
fields, ISO dates and ``None`` for blanks.
"""

from __future__ import annotations

import datetime
import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

from core.idcard import check_digit

DemoMember = dict[str, str | None]
_T = TypeVar("_T")


@dataclass(frozen=True)
class DemoBranch:
    name: str
    township: str
    county: str
    groups: list[str]
    members: list[DemoMember]


class _Table(Generic[_T]):
    """Weighted choices, picked with one ``random()`` call and a bisect."""

    __slots__ = ("values", "cum", "total")

    def __init__(self, pairs: tuple[tuple[_T, float], ...]) -> None:
        self.values = [value for value, _ in pairs]
        self.cum = list(accumulate(weight for _, weight in pairs))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> _T:
        return self.values[bisect(self.cum, rng.random() * self.total)]


TOWNSHIP = "柳林镇"
COUNTY = "汤阴县"
# Region codes: the county itself and two neighbours (people born there who married or moved in).
REGION_CODES = _Table((("410523", 90), ("410522", 6), ("410527", 4)))
ELDERLY_GROUP = "老党员党小组"
_GROUP_NAMES = ("第一党小组", "第二党小组", "第三党小组", "第四党小组")
_VILLAGE_GROUP_NAMES = ("一组", "二组", "三组", "四组", "五组", "六组")

# (village, its dominant surnames with weights, number of 村民小组, share of the branch)
_VILLAGES: tuple[tuple[str, tuple[tuple[str, int], ...], int, int], ...] = (
    ("河东村", (("王", 40), ("刘", 25), ("张", 15)), 6, 38),
    ("王家庄", (("王", 50), ("赵", 22), ("陈", 10)), 5, 26),
    ("李家坡", (("李", 45), ("郭", 25), ("杨", 12)), 4, 20),
    ("马家屯", (("马", 35), ("张", 30), ("孙", 15)), 5, 16),
)
_COMMON_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许沈彭吕苏卢蒋蔡贾丁魏薛"
    "阎潘杜夏田任姜范方石姚崔康秦史侯邵孟段常武乔贺牛申靳岳"
)

# Given names by generation (birth year before 1950, 1950–69, 1970–89, 1990 on) and gender.
_GIVEN_NAMES: dict[tuple[int, str], tuple[str, ...]] = {
    (0, "M"): ("富贵", "福山", "长海", "德胜", "金锁", "宝山", "树林", "春生", "满仓", "玉堂", "永福",
               "喜旺", "振华", "有才", "广田", "守义", "文斌", "长顺", "德贵", "成", "林"),
    (0, "F"): ("桂兰", "秀英", "淑芬", "玉兰", "秀兰", "凤英", "桂芝", "素珍", "翠花", "金凤", "玉梅",
               "淑珍", "桂英", "秀云", "巧云", "兰英", "玉珍", "凤兰"),
    (1, "M"): ("建国", "国庆", "建军", "卫东", "国强", "志强", "建华", "立新", "向阳", "卫国", "振东",
               "海军", "长江", "跃进", "学军", "红军", "新民", "保国", "军", "勇", "刚"),
    (1, "F"): ("红梅", "丽华", "秀梅", "爱华", "丽萍", "桂香", "红霞", "美荣", "秀琴", "卫红", "玉霞",
               "爱琴", "凤琴", "艳", "霞", "芳", "萍"),
    (2, "M"): ("磊", "超", "鹏", "伟", "涛", "亮", "强", "建伟", "海涛", "晓东", "志伟", "俊杰", "晓明",
               "国栋", "红伟", "卫星", "永强", "鹏飞", "新华"),
    (2, "F"): ("静", "燕", "婷", "倩", "娜", "丽娜", "晓燕", "丽丽", "海燕", "艳丽", "晓丽", "红艳",
               "春燕", "利霞", "彩霞", "雪", "敏"),
    (3, "M"): ("浩然", "宇轩", "梓豪", "博文", "一鸣", "晨阳", "俊熙", "子豪", "家豪", "浩宇", "子轩",
               "嘉诚", "文博", "天佑", "泽宇", "帅", "阳", "凯", "浩"),
    (3, "F"): ("欣怡", "子涵", "梓涵", "雨萱", "思雨", "佳怡", "可馨", "诗琪", "梦瑶", "雨彤", "一诺",
               "佳琪", "心怡", "晨曦", "静怡", "悦", "璐", "萌"),
}

# Completed age in years: (lowest, highest) bands with weights; about half are 60 or older.
_AGE_BANDS = _Table((
    ((20, 24), 2), ((25, 29), 3), ((30, 39), 8), ((40, 49), 13), ((50, 59), 21),
    ((60, 69), 24), ((70, 79), 19), ((80, 84), 6), ((85, 89), 3), ((90, 92), 1),
))

_EDUCATION = {  # by age band: 75+, 60–74, 45–59, 30–44, under 30
    0: _Table((("文盲或半文盲", 22), ("小学", 50), ("初中", 22), ("高中", 6))),
    1: _Table((("文盲或半文盲", 7), ("小学", 33), ("初中", 41), ("高中", 14), ("中专", 5))),
    2: _Table((("小学", 10), ("初中", 45), ("高中", 28), ("中专", 11), ("大专", 6))),
    3: _Table((("初中", 24), ("高中", 24), ("中专", 15), ("大专", 22), ("本科", 15))),
    4: _Table((("高中", 10), ("中专", 10), ("大专", 34), ("本科", 41), ("研究生", 5))),
}
_WECHAT = {
    0: _Table((("none", 25), ("basic_phone", 38), ("smart_no_wechat", 15), ("wechat", 19),
               ("follows_account", 3))),
    1: _Table((("none", 7), ("basic_phone", 28), ("smart_no_wechat", 20), ("wechat", 37),
               ("follows_account", 8))),
    2: _Table((("basic_phone", 7), ("smart_no_wechat", 9), ("wechat", 56), ("follows_account", 28))),
    3: _Table((("smart_no_wechat", 2), ("wechat", 40), ("follows_account", 58))),
    4: _Table((("wechat", 35), ("follows_account", 65))),
}
_MOBILE_PREFIXES = tuple(f"13{d}" for d in range(10)) + (
    "150", "151", "152", "153", "155", "156", "157", "158", "159", "166",
    "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)
_WORK_PLACES = ("郑州", "北京", "天津", "苏州", "深圳", "安阳市区", "新疆")


def _shift_years(day: datetime.date, years: int) -> datetime.date:
    """``day`` moved by whole years; 29 February becomes 1 March when moving forward, 28 February back."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        if years > 0:
            return datetime.date(day.year + years, 3, 1)
        return datetime.date(day.year + years, 2, 28)


def _age_band(age: int) -> int:
    if age >= 75:
        return 0
    if age >= 60:
        return 1
    if age >= 45:
        return 2
    return 3 if age >= 30 else 4


def _no_leap_day(ordinal: int, latest: int) -> int:
    """Move 29 February to 1 March (28 February if that is past ``latest``) so that "one year
    later" is never ambiguous."""
    day = datetime.date.fromordinal(ordinal)
    if day.month == 2 and day.day == 29:
        return ordinal + 1 if ordinal < latest else ordinal - 1
    return ordinal


def _roles(rng: random.Random, count: int) -> list[str]:
    """Per-member role: ``due`` (probationary, one-year mark within 30 days), ``probationary``,
    ``lost`` or ``normal``."""
    roles = ["normal"] * count
    n_prob = round(count * 0.045)
    n_lost = round(count * 0.01)
    if count >= 20:
        n_prob = max(n_prob, 2)
        n_lost = max(n_lost, 1)
    picked = rng.sample(range(count), min(count, n_prob + n_lost))
    for i, index in enumerate(picked):
        if i < n_prob:
            roles[index] = "due" if i == 0 and count >= 20 else "probationary"
        else:
            roles[index] = "lost"
    return roles


def generate_demo_branch(
    members: int = 120, seed: int = 1, today: datetime.date | None = None
) -> DemoBranch:
    """A demo branch of ``members`` people; same arguments, same branch."""
    if members < 0:
        raise ValueError("members must not be negative")
    today = today or datetime.date.today()
    rng = random.Random(seed)
    n_villages = 3 if rng.random() < 0.5 else 4
    villages = _VILLAGES[:n_villages]
    groups = [*_GROUP_NAMES[:n_villages], ELDERLY_GROUP]
    village_table = _Table(tuple((i, v[3]) for i, v in enumerate(villages)))
    surname_tables = [_Table(v[1] + ((None, 20),)) for v in villages]

    today_ord = today.toordinal()
    # One year before today; on 29 February the two readings differ, so take the safe one for each use.
    year_ago_ord = _shift_years(today, -1).toordinal()  # latest joining date of a full member
    year_ago_late_ord = year_ago_ord + (1 if (today.month, today.day) == (2, 29) else 0)
    fromordinal = datetime.date.fromordinal
    used_ids: set[str] = set()
    used_phones: set[str] = set()
    result: list[DemoMember] = []

    for role in _roles(rng, members):
        # --- age, birth date, gender
        if role in ("due", "probationary"):
            age = rng.randint(22, 45)
        elif role == "lost":
            age = rng.randint(25, 55)
        else:
            low, high = _AGE_BANDS.pick(rng)
            age = rng.randint(low, high)
        latest_birth = _shift_years(today, -age).toordinal()
        earliest_birth = _shift_years(today, -age - 1).toordinal() + 1
        birth = fromordinal(rng.randint(earliest_birth, latest_birth))
        male = rng.random() < (0.82 if age >= 60 else 0.72 if age >= 40 else 0.58)
        gender = "M" if male else "F"
        band = _age_band(age)

        # --- where they live and what they are called
        v_index = village_table.pick(rng)
        village, _, n_village_groups, _ = villages[v_index]
        surname = surname_tables[v_index].pick(rng) if male or rng.random() < 0.35 else None
        if surname is None:
            surname = _COMMON_SURNAMES[int(rng.random() * len(_COMMON_SURNAMES))]
        generation = 0 if birth.year < 1950 else 1 if birth.year < 1970 else 2 if birth.year < 1990 else 3
        pool = _GIVEN_NAMES[(generation, gender)]
        name = f"{surname}{pool[int(rng.random() * len(pool))]}"
        roll = rng.random()
        if surname == "马":
            ethnicity = "回族" if roll < 0.6 else "汉族"
        else:
            ethnicity = "回族" if roll < 0.012 else "满族" if roll < 0.024 else "汉族"

        # --- ID number: region, birth date, sequence with the gender digit, check digit
        while True:
            seq = rng.randrange(500)
            first17 = (f"{REGION_CODES.pick(rng)}{birth:%Y%m%d}"
                       f"{seq // 5:02d}{(seq % 5) * 2 + (1 if male else 0)}")
            id_number = first17 + check_digit(first17)
            if id_number not in used_ids:
                used_ids.add(id_number)
                break

        # --- education, phone, WeChat
        education = _EDUCATION[band].pick(rng)
        wechat = _WECHAT[band].pick(rng)
        phone: str | None = None
        note: str | None = None
        if wechat == "none":
            if rng.random() < 0.5:
                phone = f"0372-{rng.randrange(5_000_000, 6_000_000)}"
                note = "家中座机"
        else:
            phone = f"{_MOBILE_PREFIXES[int(rng.random() * len(_MOBILE_PREFIXES))]}{rng.randrange(10**8):08d}"
        while phone is not None and phone in used_phones:
            phone = phone[:-4] + f"{rng.randrange(10**4):04d}"
        if phone is not None:
            used_phones.add(phone)

        # --- party dates
        eighteen_ord = _shift_years(birth, 18).toordinal()
        if role == "due":
            joined_ord = _shift_years(today + datetime.timedelta(days=rng.randint(3, 25)), -1).toordinal()
        elif role == "probationary":
            joined_ord = _no_leap_day(rng.randint(year_ago_late_ord + 1, today_ord), today_ord)
        else:
            # Joined some years after turning 18, most while young, confirmed at least a year ago.
            span = max(0, min(age - 19, 40))
            years_after = int((span + 1) * rng.random() ** 1.8)
            joined_ord = eighteen_ord + years_after * 365 + rng.randrange(365)
            if rng.random() < 0.15:  # many branches admit new members around 1 July
                joined_year = fromordinal(joined_ord).year
                joined_ord = datetime.date(joined_year, 7, 1).toordinal()
            joined_ord = _no_leap_day(max(eighteen_ord, min(joined_ord, year_ago_ord)), year_ago_ord)
        joined = fromordinal(joined_ord)
        if role in ("due", "probationary"):
            category, confirmed = "probationary", None
        else:
            category = "full"
            confirmed = _shift_years(joined, 1)
            if rng.random() < 0.06:  # probation extended (延长预备期) by up to a year
                confirmed += datetime.timedelta(days=rng.randint(90, 365))
            confirmed = min(confirmed, today)

        # --- status and party group
        status, status_span = "active", 0
        roll = rng.random()
        if role == "lost":
            status, status_span = "lost", 4 * 365
            note = "长期联系不上，已托亲属转告"
        elif role == "normal":
            if age <= 45 and roll < (0.2 if age <= 38 else 0.1):
                status, status_span = "mobile", 6 * 365
                note = f"在{_WORK_PLACES[int(rng.random() * len(_WORK_PLACES))]}务工"
            elif age >= 72 and roll < 0.03:
                status, status_span = "deceased", 2 * 365
                note = None
            elif roll > 0.992:
                status, status_span = "transferred", 3 * 365
                note = "组织关系转往县城社区"
        status_date: str | None = None
        if status != "active":
            start = max(today_ord - status_span, (confirmed or joined).toordinal())
            status_date = fromordinal(rng.randint(start, today_ord)).isoformat()
        elif age >= 80 and rng.random() < 0.3:
            note = "行动不便，需送学上门"
        elif age >= 70 and rng.random() < 0.1:
            note = "独居"

        in_elderly_group = age >= 75 and status == "active" and rng.random() < 0.7
        group = ELDERLY_GROUP if in_elderly_group else groups[v_index]

        result.append({
            "name": name,
            "gender": gender,
            "ethnicity": ethnicity,
            "birth_date": birth.isoformat(),
            "id_number": id_number,
            "education": education,
            "phone": phone,
            "wechat": wechat,
            "village": village,
            "village_group": _VILLAGE_GROUP_NAMES[int(rng.random() * n_village_groups)],
            "group": group,
            "category": category,
            "joined_date": joined.isoformat(),
            "confirmed_date": confirmed.isoformat() if confirmed else None,
            "status": status,
            "status_date": status_date,
            "note": note,
        })

    return DemoBranch(
        name=f"{villages[0][0]}党支部",
        township=TOWNSHIP,
        county=COUNTY,
        groups=groups,
        members=result,
    )
