"""Checking one member record as typed into the form or read from a spreadsheet row.

Every field is checked, so that a person sees all problems of a record at once. Rules that need
the other members (no two members with the same ID number) live with the storage, not here.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from core.idcard import IdInfo, IdNumberError, mask_id, parse_id
from core.roster.derived import add_years
from core.roster.fields import GENDERS, MEMBER_FIELDS, label_of
from core.text import (
    clean_name,
    normalize_phone,
    parse_choice,
    parse_date,
    parse_gender,
    to_halfwidth,
)

NOTE_MAX_LENGTH = 500
TEXT_MAX_LENGTH = 100  # 民族, 学历, 所在村, 村民小组, 党小组
ADULT_AGE = 18

_TEXT_FIELDS = ("group", "village", "village_group", "education", "note")
_DATE_FIELDS = ("birth_date", "joined_date", "confirmed_date", "status_date")
_DEFAULTS = {"category": "full", "status": "active"}

_ETHNIC_NAMES = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
)
# The 56 recognised ethnic groups, so that "汉" can be completed to "汉族".
ETHNIC_GROUPS = frozenset(name + "族" for name in _ETHNIC_NAMES.split())


@dataclass(frozen=True)
class FieldIssue:
    field: str  # a key from fields.MEMBER_FIELDS, e.g. "id_number"
    message: str  # Chinese, starting with the field's label: "公民身份号码：校验位错误……"
    level: str  # "error" or "warning"


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not to_halfwidth(value).strip()


def _span(iso: str) -> tuple[date, date]:
    """The first and last day an ISO date from ``parse_date`` may mean (a month means all its days)."""
    year, month, *day = (int(part) for part in iso.split("-"))
    if day:
        exact = date(year, month, day[0])
        return exact, exact
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


class _Checker:
    """Collects the cleaned values and the issues of one record."""

    def __init__(self, raw: Mapping[str, object], today: date) -> None:
        self.raw = raw
        self.today = today
        self.clean: dict[str, str | None] = {f.key: None for f in MEMBER_FIELDS}
        self.issues: list[FieldIssue] = []

    def given(self, key: str) -> bool:
        return not _is_blank(self.raw.get(key))

    def add(self, key: str, message: str, level: str = "error") -> None:
        label = label_of(key)
        if not message.startswith(label):
            message = f"{label}：{message}"
        self.issues.append(FieldIssue(key, message, level))

    def refuse(self, key: str, message: str) -> None:
        """An error in the value itself: the field is left out of the cleaned record."""
        self.clean[key] = None
        self.add(key, message)

    def parse(self, key: str, parser: Callable[[object], str]) -> None:
        """Store ``parser(raw value)``, or record its error; blank values stay ``None``."""
        if not self.given(key):
            return
        if len(str(self.raw[key])) > TEXT_MAX_LENGTH:  # not worth parsing, nor quoting in the message
            self.refuse(key, f"内容太长（{len(str(self.raw[key]))} 个字），请检查这一格是否填错了列")
            return
        try:
            self.clean[key] = parser(self.raw[key])
        except ValueError as exc:
            self.refuse(key, str(exc))


def validate_member(
    raw: Mapping[str, object], today: date | None = None
) -> tuple[dict[str, str | None], list[FieldIssue]]:
    """Clean a member record and list every problem with it.

    ``raw`` maps field keys to what was typed or read from a cell; missing or blank values mean
    "not given". The cleaned record has every key of ``MEMBER_FIELDS``: normalised strings, codes
    for coded fields, ISO dates, or ``None`` (not given, or refused by an error on that field).
    """
    check = _Checker(raw, today or date.today())

    if check.given("name"):
        check.parse("name", lambda value: clean_name(str(value)))
    else:
        check.refuse("name", "姓名不能为空")
    check.parse("gender", parse_gender)
    _check_ethnicity(check)
    for key in _DATE_FIELDS:
        _check_date(check, key)
    check.parse("phone", normalize_phone)
    for key in ("wechat", "category", "status"):
        check.parse(key, lambda value, key=key: parse_choice(key, value))
        if not check.given(key) and key in _DEFAULTS:
            check.clean[key] = _DEFAULTS[key]
    for key in _TEXT_FIELDS:
        if check.given(key):
            check.clean[key] = _plain_text(check.raw[key])
    for key in ("ethnicity", *_TEXT_FIELDS):
        text, longest = check.clean[key], NOTE_MAX_LENGTH if key == "note" else TEXT_MAX_LENGTH
        if text is not None and len(text) > longest:
            check.refuse(key, f"不能超过 {longest} 个字，现在是 {len(text)} 个字")

    _check_id_number(check)
    _check_joined(check)
    _check_confirmed(check)
    return check.clean, check.issues


def _check_ethnicity(check: _Checker) -> None:
    if not check.given("ethnicity"):
        return
    text = "".join(to_halfwidth(str(check.raw["ethnicity"])).split())
    if text + "族" in ETHNIC_GROUPS:  # "汉" → "汉族"
        text += "族"
    check.clean["ethnicity"] = text


def _plain_text(value: object) -> str:
    """Free text from a cell; a number cell holding 3 gives "3", not "3.0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return to_halfwidth(str(value)).strip()


def _check_date(check: _Checker, key: str) -> None:
    check.parse(key, parse_date)
    value = check.clean[key]
    if value is not None and _span(value)[0] > check.today:
        check.refuse(key, f"{value} 晚于今天")


def _check_id_number(check: _Checker) -> None:
    if not check.given("id_number"):
        return
    try:
        info = parse_id(check.raw["id_number"], check.today)
    except IdNumberError as exc:
        check.add("id_number", str(exc))
        return
    check.clean["id_number"] = info.number
    if info.converted_from_15:
        check.add("id_number", f"15 位旧号码已转换为 18 位：{mask_id(info.number)}，请核对", "warning")
    _compare_birth_date(check, info)
    _compare_gender(check, info)


def _compare_birth_date(check: _Checker, info: IdInfo) -> None:
    encoded = info.birth_date.isoformat()
    if not check.given("birth_date"):
        check.clean["birth_date"] = encoded
        return
    given = check.clean["birth_date"]
    if given is None:  # refused; its own error says why
        return
    first, last = _span(given)
    if not first <= info.birth_date <= last:
        check.add("id_number", f"号码中的出生日期是 {encoded}，与填写的出生日期 {given} 不一致")


def _compare_gender(check: _Checker, info: IdInfo) -> None:
    if not check.given("gender"):
        check.clean["gender"] = info.gender
        return
    given = check.clean["gender"]
    if given is not None and given != info.gender:
        check.add(
            "id_number",
            f"号码显示性别为{GENDERS[info.gender]}，与填写的性别「{GENDERS[given]}」不一致",
        )


def _check_joined(check: _Checker) -> None:
    joined, birth = check.clean["joined_date"], check.clean["birth_date"]
    if joined is None or birth is None:
        return
    adult_from = add_years(_span(birth)[0], ADULT_AGE, leap_to_march=True)
    if _span(joined)[1] < adult_from:
        check.add(
            "joined_date",
            f"入党时未满 {ADULT_AGE} 周岁（出生日期 {birth}，入党日期 {joined}）",
        )


def _check_confirmed(check: _Checker) -> None:
    confirmed = check.clean["confirmed_date"]
    if confirmed is None:
        return
    category = check.clean["category"]
    if category == "probationary":
        check.add("confirmed_date", "预备党员不应填写转正日期；如已转正，请把人员类别改为正式党员")
        return
    joined = check.clean["joined_date"]
    if category != "full" or joined is None:
        return
    joined_first, joined_last = _span(joined)
    earliest = add_years(joined_first, 1, leap_to_march=False)
    latest = add_years(joined_last, 2, leap_to_march=True)
    confirmed_first, confirmed_last = _span(confirmed)
    if confirmed_last < earliest or confirmed_first > latest:
        check.add(
            "confirmed_date",
            f"应在入党日期（{joined}）满一年后、两年以内，即 {earliest.isoformat()} 至 {latest.isoformat()} 之间",
        )
