"""Normalising what people type into forms or paste from Excel.

Every parser here takes the raw value (a string, or the number/date object a spreadsheet cell
holds) and either returns one canonical string or raises ``ValueError`` with a Chinese message
that can be shown to the person who entered the value.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta

from core.roster.fields import FIELD_BY_KEY

# --- half-width -------------------------------------------------------------------------------

_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20


def to_halfwidth(s: str) -> str:
    """Full-width ASCII (``Ａ１（``, U+FF01–U+FF5E) and the ideographic space → plain ASCII."""
    return s.translate(_HALFWIDTH)


def _text_of(value: object) -> str:
    """A cell value as half-width, stripped text."""
    return to_halfwidth(str(value)).strip()


# --- names ------------------------------------------------------------------------------------

MIDDLE_DOT = "\u00b7"
NAME_MAX_LENGTH = 30

# Look-alikes of the middle dot used in transliterated names (e.g. 阿卜杜·热合曼).
_DOT_VARIANTS = str.maketrans(
    {
        "\u2022": MIDDLE_DOT,  # • bullet
        "\u30fb": MIDDLE_DOT,  # ・ katakana middle dot
        "\u2027": MIDDLE_DOT,  # ‧ hyphenation point
        "\uff0e": MIDDLE_DOT,  # ． full-width full stop
        "\uff65": MIDDLE_DOT,  # ･ half-width katakana middle dot
        "\u2219": MIDDLE_DOT,  # ∙ bullet operator
    }
)

_CJK = (
    "\u3007"  # 〇, used in some names
    "\u3400-\u4dbf"  # extension A
    "\u4e00-\u9fff"  # unified ideographs
    "\uf900-\ufaff"  # compatibility ideographs
    "\U00020000-\U0003134f"  # extensions B–G
)
_DOT_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])\\.(?=[{_CJK}])")
_NAME_CHAR = re.compile(f"[{_CJK}A-Za-z{MIDDLE_DOT}]")
_WHITESPACE = re.compile(r"\s+")


def clean_name(raw: str) -> str:
    """A person's name without spaces and with one kind of middle dot; ``ValueError`` if unusable."""
    name = to_halfwidth(str(raw).translate(_DOT_VARIANTS))
    name = _WHITESPACE.sub("", name)
    name = _DOT_BETWEEN_CJK.sub(MIDDLE_DOT, name)
    if not name:
        raise ValueError("姓名不能为空")
    if len(name) > NAME_MAX_LENGTH:
        raise ValueError(f"姓名太长：最多 {NAME_MAX_LENGTH} 个字，现在是 {len(name)} 个字")
    for char in name:
        if not _NAME_CHAR.fullmatch(char):
            raise ValueError(f"姓名含有不允许的字符「{char}」")
    return name


# --- dates ------------------------------------------------------------------------------------

MIN_YEAR = 1900
MAX_YEAR = 2100
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 80000

_FULL_DATE_PATTERNS = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"),
    re.compile(r"(\d{4})()(\d{2})(\d{2})"),
    re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})[日号]?"),
)
_MONTH_PATTERNS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})"),
    re.compile(r"(\d{4})年(\d{1,2})月份?"),
)
# A time of day after a date, as in "1985-03-02 00:00:00".
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def _unrecognised(shown: str) -> ValueError:
    return ValueError(f"日期「{shown}」无法识别，请写成 1985-03-02 的样子")


def _check_year(year: int, shown: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"日期「{shown}」的年份不在 {MIN_YEAR} 至 {MAX_YEAR} 年之间")


def _iso_of(value: date, shown: str) -> str:
    _check_year(value.year, shown)
    return value.isoformat()


def _from_excel_serial(serial: float) -> date:
    """Excel's 1900 date system, read the way openpyxl reads it.

    Excel counts the non-existent 1900-02-29 as serial 60; serials before it are one day off,
    and serial 60 itself is read as 1900-02-28.
    """
    day = int(serial)
    if day < 60:
        day += 1
    return _EXCEL_EPOCH + timedelta(days=day)


def _parse_number(value: float) -> str:
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _unrecognised(shown)
    if isinstance(value, int) or value.is_integer():
        digits = str(int(value))
        if len(digits) in (6, 8):  # 19850302 or 198503 typed into a number cell
            return _parse_text(digits)
    if MIN_YEAR <= value < MAX_YEAR + 1:
        # 1985.3 typed into a number cell: a serial there would mean a day in 1905, and the
        # month cannot be trusted (1985.10 is stored as 1985.1).
        raise ValueError(
            f"日期「{shown}」被存成了数字，无法判断月份，请把单元格设为文本格式并写成 1985-03-02 的样子"
        )
    if not 1 <= value <= _EXCEL_MAX_SERIAL:
        raise _unrecognised(shown)
    return _iso_of(_from_excel_serial(value), shown)


def _build(year: int, month: int, day: int | None, shown: str) -> str:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        raise _unrecognised(shown)
    _check_year(year, shown)
    if day is None:
        return f"{year:04d}-{month:02d}"
    if day > calendar.monthrange(year, month)[1]:
        raise ValueError(f"日期不存在：{year:04d}-{month:02d}-{day:02d}")
    return date(year, month, day).isoformat()


def _parse_text(text: str) -> str:
    shown = text
    compact = _WHITESPACE.sub("", _TIME_SUFFIX.sub("", text))
    for pattern in _FULL_DATE_PATTERNS:
        match = pattern.fullmatch(compact)
        if match:
            year, _sep, month, day = match.groups()
            return _build(int(year), int(month), int(day), shown)
    for pattern in _MONTH_PATTERNS:
        match = pattern.fullmatch(compact)
        if match:
            year, month = match.groups()
            return _build(int(year), int(month), None, shown)
    raise _unrecognised(shown)


def parse_date(value: object) -> str:
    """A date as ISO ``YYYY-MM-DD``, or ``YYYY-MM`` when only the month was given.

    Accepts date objects, Excel serial numbers and the usual ways of writing a date by hand
    (``1985/3/2``, ``1985.3.2``, ``19850302``, ``1985年3月2日``, ``1985年3月`` …).
    """
    if isinstance(value, datetime):
        return _iso_of(value.date(), value.date().isoformat())
    if isinstance(value, date):
        return _iso_of(value, value.isoformat())
    if isinstance(value, bool):
        raise _unrecognised(str(value))
    if isinstance(value, int | float):
        return _parse_number(value)
    if isinstance(value, str):
        text = to_halfwidth(value).strip()
        if not text:
            raise ValueError("日期不能为空")
        return _parse_text(text)
    raise _unrecognised(str(value))


def parse_day(value: object, label: str, *, not_after: date | None = None, too_late: str = "不能登记") -> str:
    """An exact day (ISO) for the field ``label``; a ValueError whose Chinese message names the
    field otherwise. With ``not_after``, a later day is refused: 「{label} {day} 还没到，{too_late}」."""
    try:
        day = parse_date(value)
    except ValueError as exc:
        raise ValueError(f"{label}：{exc}") from None
    if len(day) != 10:
        raise ValueError(f"{label}：请写出具体日期，例如 2026-11-20")
    if not_after is not None and day > not_after.isoformat():
        raise ValueError(f"{label} {day} 还没到，{too_late}")
    return day


def date_of(iso: str) -> date:
    """The date of an ISO value from :func:`parse_date`; a month-precision value gives day 1."""
    if len(iso) == 7:
        year, month = iso.split("-")
        return date(int(year), int(month), 1)
    return date.fromisoformat(iso)


# --- gender -----------------------------------------------------------------------------------

_GENDER_WORDS = {
    "男": "M",
    "男性": "M",
    "1": "M",
    "m": "M",
    "male": "M",
    "女": "F",
    "女性": "F",
    "2": "F",
    "f": "F",
    "female": "F",
}


def parse_gender(value: object) -> str:
    """``"M"`` or ``"F"`` from 男/女, 1/2, M/F, male/female or 男性/女性."""
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = _WHITESPACE.sub("", _text_of(value))
    code = _GENDER_WORDS.get(text.lower())
    if code is None:
        raise ValueError(f"性别只能填「男」或「女」（也可写 1/2），「{text}」无法识别")
    return code


# --- coded choices ----------------------------------------------------------------------------

_SYNONYMS: dict[str, dict[str, str]] = {
    "category": {"正式": "full", "预备": "probationary", "中共党员": "full", "中共预备党员": "probationary"},
    "status": {
        "在册": "active",
        "死亡": "deceased",
        "已故": "deceased",
        "外出": "mobile",
        "流出": "mobile",
        "流动党员": "mobile",
    },
    "wechat": {
        "没有手机": "none",
        "不会微信": "smart_no_wechat",
        "未用微信": "smart_no_wechat",
        "会用": "wechat",
        "有微信": "wechat",
        "已关注": "follows_account",
    },
}


def parse_choice(field_key: str, value: object) -> str:
    """The stored code of a coded field from its code, its Chinese label or a common synonym."""
    field = FIELD_BY_KEY[field_key]
    if not field.choices:
        raise KeyError(f"field {field_key!r} has no coded choices")
    text = _WHITESPACE.sub("", _text_of(value))
    for code, label in field.choices.items():
        if text == label or text.lower() == code.lower():
            return code
    synonym = _SYNONYMS.get(field_key, {}).get(text)
    if synonym is not None:
        return synonym
    allowed = "、".join(field.choices.values())
    raise ValueError(f"{field.label}只能是：{allowed}")


# --- phone numbers ----------------------------------------------------------------------------

_MOBILE = re.compile(r"(?:\+?86)?(1[3-9]\d{9})")
_LANDLINE_SEPARATED = re.compile(r"(?:\((0\d{2,3})\)-?|(0\d{2,3})-)(\d{7,8})(?:-(\d{1,6}))?")
_LANDLINE_RUN = re.compile(r"(0\d{9,11})(?:-(\d{1,6}))?")


def _split_landline_run(digits: str) -> tuple[str, str] | None:
    """``03721234567`` → (``0372``, ``1234567``); area codes 010 and 02x have two digits after 0."""
    area_len = 3 if digits[1] in "12" else 4
    area, number = digits[:area_len], digits[area_len:]
    if 7 <= len(number) <= 8:
        return area, number
    return None


def normalize_phone(raw: object) -> str:
    """A mobile as 11 digits (``13812345678``), a landline as ``0372-1234567[-123]``."""
    if isinstance(raw, bool):
        text = str(raw)
    elif isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    else:
        text = _WHITESPACE.sub("", _text_of(raw))
    mobile = _MOBILE.fullmatch(text.replace("-", ""))
    if mobile:
        return mobile.group(1)
    separated = _LANDLINE_SEPARATED.fullmatch(text)
    if separated:
        bracketed, plain, number, extension = separated.groups()
        return "-".join(part for part in (bracketed or plain, number, extension) if part)
    run = _LANDLINE_RUN.fullmatch(text)
    if run:
        parts = _split_landline_run(run.group(1))
        if parts:
            return "-".join([*parts, run.group(2)] if run.group(2) else parts)
    raise ValueError(
        f"手机号码「{text}」格式不对：应为 11 位手机号（如 13812345678），"
        "或带区号的固定电话（如 0372-1234567）"
    )
