"""Chinese resident ID numbers (公民身份号码, GB 11643-1999)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.text import to_halfwidth

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

_SCIENTIFIC = re.compile(r"\d+(?:\.\d+)?E[+-]?\d+")
_NUMBER_18 = re.compile(r"\d{17}[\dX]")
_WHITESPACE = re.compile(r"\s+")
_EXCEL_NUMBER_MESSAGE = (
    "号码被 Excel 存成了数字，最后几位已经丢失。请把这一列的单元格格式设为「文本」，再重新输入完整号码"
)


class IdNumberError(ValueError):
    """An ID number that cannot be accepted; the message is Chinese and shown as is."""


@dataclass(frozen=True)
class IdInfo:
    number: str  # always the 18-character form
    birth_date: date
    gender: str  # "M" or "F"
    converted_from_15: bool


def check_digit(first17: str) -> str:
    """The check character (``0``–``9`` or ``X``) for the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def mask_id(number: str | None) -> str:
    """``410101198503021234`` → ``410101********1234``; short or empty values are masked whole."""
    if not number:
        return ""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def _text_of(raw: object) -> str:
    """The raw value as an upper-case string without spaces; Excel-mangled numbers are refused."""
    if isinstance(raw, bool):
        raise IdNumberError(f"号码「{raw}」无法识别")
    if isinstance(raw, int | float):
        # An old 15-digit number survives Excel's 15 significant digits; anything longer does not.
        if (isinstance(raw, int) or raw.is_integer()) and 10**14 <= raw < 10**15:
            return str(int(raw))
        raise IdNumberError(_EXCEL_NUMBER_MESSAGE)
    text = _WHITESPACE.sub("", to_halfwidth(str(raw))).upper()
    if _SCIENTIFIC.fullmatch(text):
        raise IdNumberError(_EXCEL_NUMBER_MESSAGE)
    return text


def _to_18(old: str) -> str:
    """A 15-digit number (born 19xx) in its 18-digit form."""
    first17 = old[:6] + "19" + old[6:]
    return first17 + check_digit(first17)


def _embedded_birth_date(number: str) -> date:
    digits = number[6:14]
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise IdNumberError(f"号码中的出生日期「{digits}」不是有效日期") from None
    if born.year < 1900:
        raise IdNumberError(f"号码中的出生日期 {born.isoformat()} 早于 1900 年")
    return born


def parse_id(raw: object, today: date | None = None) -> IdInfo:
    """Check an ID number (18 digits, or an old 15-digit one) and read what it encodes.

    Raises :class:`IdNumberError` with a Chinese message saying what is wrong.
    """
    today = today or date.today()
    text = _text_of(raw)
    converted = False
    if len(text) == 15:
        if not text.isdigit():
            raise IdNumberError("15 位旧号码只能由数字组成")
        text = _to_18(text)
        converted = True
    elif len(text) != 18:
        if not text:
            raise IdNumberError("号码为空")
        raise IdNumberError(f"号码应为 18 位（旧号码为 15 位），现在是 {len(text)} 位")
    elif not _NUMBER_18.fullmatch(text):
        raise IdNumberError("号码的前 17 位必须是数字，最后一位是数字或 X")
    # A mistyped birth date is reported as such rather than as a wrong check character.
    born = _embedded_birth_date(text)
    expected = check_digit(text[:17])
    if text[17] != expected:
        raise IdNumberError(f"校验位错误：按前 17 位计算，最后一位应为 {expected}")
    if born > today:
        raise IdNumberError(f"号码中的出生日期 {born.isoformat()} 晚于今天")
    gender = "M" if int(text[16]) % 2 == 1 else "F"
    return IdInfo(number=text, birth_date=born, gender=gender, converted_from_15=converted)
