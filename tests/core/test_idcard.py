from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from core.idcard import IdInfo, IdNumberError, check_digit, mask_id, parse_id
from tests.support import id_from_parts as make_id
from tests.support import wrong_check

TODAY = datetime.date(2024, 6, 15)


def test_check_digit_of_the_standard_example() -> None:
    # The worked example of GB 11643-1999.
    assert check_digit("11010519491231002") == "X"


def test_valid_number() -> None:
    number = make_id(seq="123")
    info = parse_id(number, TODAY)
    assert info == IdInfo(
        number=number, birth_date=datetime.date(1985, 3, 2), gender="M", converted_from_15=False
    )


def test_gender_from_the_17th_digit() -> None:
    assert parse_id(make_id(seq="121"), TODAY).gender == "M"
    assert parse_id(make_id(seq="128"), TODAY).gender == "F"
    assert parse_id(make_id(seq="120"), TODAY).gender == "F"


def _with_x() -> str:
    for seq in range(1000):
        number = make_id(seq=f"{seq:03d}")
        if number.endswith("X"):
            return number
    raise AssertionError("no sequence gives X")


def test_number_ending_in_x() -> None:
    number = _with_x()
    assert parse_id(number, TODAY).number == number
    assert parse_id(number.lower(), TODAY).number == number
    assert parse_id("11010519491231002x", TODAY).number == "11010519491231002X"


def test_spaces_and_fullwidth_are_tolerated() -> None:
    number = _with_x()
    spaced = f"  {number[:6]} {number[6:14]}\u3000{number[14:-1]}ｘ "
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert parse_id(spaced, TODAY).number == number
    assert parse_id(fullwidth, TODAY).number == number


def test_wrong_check_digit_names_the_expected_character() -> None:
    number = _with_x()
    with pytest.raises(IdNumberError, match="校验位错误：按前 17 位计算，最后一位应为 X"):
        parse_id(number[:17] + "0", TODAY)
    other = make_id(seq="123")
    with pytest.raises(IdNumberError, match=f"最后一位应为 {other[17]}$"):
        parse_id(wrong_check(other), TODAY)


def test_id_number_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_id("123", TODAY)


@pytest.mark.parametrize(
    ("raw", "length"), [("123", 3), ("4101011985030212", 16), ("4101011985030212345", 19)]
)
def test_wrong_length_gives_the_length_found(raw: str, length: int) -> None:
    with pytest.raises(IdNumberError, match=f"现在是 {length} 位"):
        parse_id(raw, TODAY)


@pytest.mark.parametrize("raw", ["41010119850302X123", "4101011985030A1234", "X10101198503021234"])
def test_wrong_characters(raw: str) -> None:
    with pytest.raises(IdNumberError, match="前 17 位必须是数字"):
        parse_id(raw, TODAY)


def test_empty() -> None:
    with pytest.raises(IdNumberError, match="为空"):
        parse_id("  ", TODAY)


def test_fifteen_digits_are_converted() -> None:
    info = parse_id("130503670401001", TODAY)
    first17 = "13050319670401001"
    assert info.number == first17 + check_digit(first17)
    assert info.converted_from_15 is True
    assert info.birth_date == datetime.date(1967, 4, 1)
    assert info.gender == "M"  # last digit of the old number is odd


def test_fifteen_digit_int_is_exact_and_accepted() -> None:
    assert parse_id(130503670401001, TODAY).number == parse_id("130503670401001", TODAY).number


def test_fifteen_digit_with_letters_is_refused() -> None:
    with pytest.raises(IdNumberError, match="15 位"):
        parse_id("13050367040100X", TODAY)


@pytest.mark.parametrize(
    "raw",
    [
        410101198503021000,
        4.10101198503021e17,
        41010119850302123,
        "4.10101E+17",
        "4.10101198503021E+17",
        "4.10101e+17",
        "4.10101E17",
        " 4.10101E+17 ",
    ],
)
def test_numbers_mangled_by_excel(raw: object) -> None:
    with pytest.raises(IdNumberError, match="Excel 存成了数字.*文本"):
        parse_id(raw, TODAY)


@pytest.mark.parametrize("birth", ["19850230", "19851301", "19850000"])
def test_birth_date_must_exist(birth: str) -> None:
    with pytest.raises(IdNumberError, match=f"「{birth}」不是有效日期"):
        parse_id(make_id(birth=birth), TODAY)


def test_birth_date_not_before_1900() -> None:
    with pytest.raises(IdNumberError, match="早于 1900"):
        parse_id(make_id(birth="18991231"), TODAY)


def test_birth_date_not_after_today() -> None:
    assert parse_id(make_id(birth="20240615"), TODAY).birth_date == TODAY
    with pytest.raises(IdNumberError, match="2024-06-16 晚于今天"):
        parse_id(make_id(birth="20240616"), TODAY)


def test_today_defaults_to_the_real_date() -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(IdNumberError, match="晚于今天"):
        parse_id(make_id(birth=tomorrow.strftime("%Y%m%d")))


@given(
    st.from_regex(r"[1-8][0-9]{5}", fullmatch=True),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY),
    st.from_regex(r"[0-9]{3}", fullmatch=True),
)
def test_any_valid_number_parses_back(region: str, birth: datetime.date, seq: str) -> None:
    number = make_id(region=region, birth=birth.strftime("%Y%m%d"), seq=seq)
    info = parse_id(number, TODAY)
    assert info.number == number
    assert info.birth_date == birth
    assert info.gender == ("M" if int(seq[-1]) % 2 else "F")
    with pytest.raises(IdNumberError, match="校验位错误"):
        parse_id(wrong_check(number), TODAY)


@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_check_digit_is_one_of_eleven_characters(first17: str) -> None:
    assert check_digit(first17) in "0123456789X"


@given(st.text(alphabet="0123456789X", min_size=10, max_size=30))
def test_mask_keeps_first_six_and_last_four(number: str) -> None:
    masked = mask_id(number)
    assert len(masked) == len(number)
    assert masked[:6] == number[:6]
    assert masked[-4:] == number[-4:]
    assert set(masked[6:-4]) <= {"*"}


@given(st.text(alphabet="0123456789", max_size=9))
def test_mask_hides_short_values_whole(number: str) -> None:
    assume(number)
    assert mask_id(number) == "*" * len(number)


def test_mask_empty() -> None:
    assert mask_id(None) == ""
    assert mask_id("") == ""
    assert mask_id("410101198503021234") == "410101********1234"
