from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.roster.fields import CATEGORIES, STATUSES, WECHAT_LEVELS
from core.text import (
    clean_name,
    date_of,
    normalize_phone,
    parse_choice,
    parse_date,
    parse_gender,
    to_halfwidth,
)

# --- to_halfwidth -----------------------------------------------------------------------------


def test_halfwidth_converts_fullwidth_ascii_and_ideographic_space() -> None:
    assert to_halfwidth("ＡＢｃ１２３（）－＋") == "ABc123()-+"
    assert to_halfwidth("张\u3000三") == "张 三"


def test_halfwidth_leaves_cjk_and_ascii_alone() -> None:
    assert to_halfwidth("支部工作台 abc、。「」") == "支部工作台 abc、。「」"


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_halfwidth_inverts_fullwidth(ascii_text: str) -> None:
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in ascii_text)
    assert to_halfwidth(fullwidth) == ascii_text


# --- clean_name -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"),
        (" 张 三 ", "张三"),
        ("张\u3000三", "张三"),
        ("阿卜杜•热合曼", "阿卜杜·热合曼"),
        ("阿卜杜・热合曼", "阿卜杜·热合曼"),
        ("阿卜杜‧热合曼", "阿卜杜·热合曼"),
        ("阿卜杜．热合曼", "阿卜杜·热合曼"),
        ("阿卜杜.热合曼", "阿卜杜·热合曼"),
        ("阿卜杜\uff65热合曼", "阿卜杜·热合曼"),
        ("阿卜杜 · 热合曼", "阿卜杜·热合曼"),
        ("ＬＩ Ｍｉｎｇ", "LIMing"),
    ],
)
def test_clean_name(raw: str, expected: str) -> None:
    assert clean_name(raw) == expected


def test_clean_name_refuses_digits_with_the_offending_character() -> None:
    with pytest.raises(ValueError, match="姓名含有不允许的字符「3」"):
        clean_name("张3")


def test_clean_name_refuses_ascii_dot_outside_cjk() -> None:
    with pytest.raises(ValueError, match="「\\.」"):
        clean_name("J.Smith")


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_clean_name_refuses_empty(raw: str) -> None:
    with pytest.raises(ValueError, match="姓名不能为空"):
        clean_name(raw)


def test_clean_name_length_limit() -> None:
    assert clean_name("张" * 30) == "张" * 30
    with pytest.raises(ValueError, match="姓名太长"):
        clean_name("张" * 31)


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "1985-03-02",
        "1985/3/2",
        "1985.3.2",
        "19850302",
        "1985年3月2日",
        "1985年03月02号",
        "1985年3月2",
        "１９８５－０３－０２",
        "１９８５年３月２日",
        "  1985-3-2\u3000",
        "1985 年 3 月 2 日",
        "1985-03-02 00:00:00",
        datetime.date(1985, 3, 2),
        datetime.datetime(1985, 3, 2, 14, 30),
        31108,
        31108.0,
        31108.75,
        19850302,
    ],
)
def test_parse_full_dates(raw: object) -> None:
    assert parse_date(raw) == "1985-03-02"


@pytest.mark.parametrize(
    "raw", ["1985年3月", "1985-03", "1985/3", "1985.3", "198503", "１９８５年３月", " 1985-3 ", 198503]
)
def test_parse_month_precision(raw: object) -> None:
    assert parse_date(raw) == "1985-03"


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, "1900-01-01"),
        (59, "1900-02-28"),
        (60, "1900-02-28"),  # Excel's fictitious 1900-02-29, read as openpyxl reads it
        (61, "1900-03-01"),
        (31108, "1985-03-02"),
        (45458, "2024-06-15"),
    ],
)
def test_excel_serials(serial: int, expected: str) -> None:
    assert parse_date(serial) == expected


def test_excel_serials_agree_with_openpyxl() -> None:
    from openpyxl.utils.datetime import from_excel

    for serial in (1, 59, 60, 61, 366, 31108, 45458, 72000):
        assert parse_date(serial) == from_excel(serial).date().isoformat()


@pytest.mark.parametrize(
    "raw", ["1985-13-02", "1985-00-10", "1985-01-32", "85-3-2", "abc", "1985-03/02", "1985年", "2024年13月"]
)
def test_unrecognised_dates(raw: str) -> None:
    with pytest.raises(ValueError, match=f"日期「{raw}」无法识别，请写成 1985-03-02 的样子"):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("1985-02-30", "1985-02-30"), ("1985年2月29日", "1985-02-29"), ("19850431", "1985-04-31")],
)
def test_nonexistent_dates(raw: str, shown: str) -> None:
    with pytest.raises(ValueError, match=f"日期不存在：{shown}"):
        parse_date(raw)


def test_leap_day_exists_in_leap_year() -> None:
    assert parse_date("2000-02-29") == "2000-02-29"


@pytest.mark.parametrize("raw", ["1899-12-31", "2101-01-01", "189912", datetime.date(1850, 1, 1)])
def test_years_outside_range_are_refused(raw: object) -> None:
    with pytest.raises(ValueError, match="1900 至 2100"):
        parse_date(raw)


@pytest.mark.parametrize("raw", [0, -3, 80001, 1e9, float("nan"), True, None, ""])
def test_other_values_are_refused(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_date(raw)


def test_year_month_typed_into_a_number_cell_is_refused() -> None:
    # 1985.10 would arrive as 1985.1; neither a serial nor a month can be trusted.
    with pytest.raises(ValueError, match="文本格式"):
        parse_date(1985.1)


def test_date_of() -> None:
    assert date_of("1985-03-02") == datetime.date(1985, 3, 2)
    assert date_of("1985-03") == datetime.date(1985, 3, 1)


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_parse_date_round_trips(day: datetime.date) -> None:
    iso = day.isoformat()
    assert parse_date(iso) == iso
    assert parse_date(f"{day.year}年{day.month}月{day.day}日") == iso
    assert date_of(parse_date(day)) == day


# --- parse_gender -----------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["男", " 男 ", "男性", "1", 1, 1.0, "M", "m", "male", "Male", "Ｍ"])
def test_gender_male(raw: object) -> None:
    assert parse_gender(raw) == "M"


@pytest.mark.parametrize("raw", ["女", "女性", "2", 2, 2.0, "F", "f", "female", "２"])
def test_gender_female(raw: object) -> None:
    assert parse_gender(raw) == "F"


@pytest.mark.parametrize("raw", ["", "3", 3, 0, "未知", "x", True, None])
def test_gender_refused(raw: object) -> None:
    with pytest.raises(ValueError, match="性别"):
        parse_gender(raw)


# --- parse_choice -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "table"), [("category", CATEGORIES), ("status", STATUSES), ("wechat", WECHAT_LEVELS)]
)
def test_choice_accepts_codes_and_labels(field: str, table: dict[str, str]) -> None:
    for code, label in table.items():
        assert parse_choice(field, code) == code
        assert parse_choice(field, label) == code
        assert parse_choice(field, f" {label}\u3000") == code


@pytest.mark.parametrize(
    ("field", "raw", "code"),
    [
        ("category", "正式", "full"),
        ("category", "预备", "probationary"),
        ("category", "ＦＵＬＬ", "full"),
        ("status", "在册", "active"),
        ("status", "死亡", "deceased"),
        ("status", "已故", "deceased"),
        ("status", "外出", "mobile"),
        ("status", "流出", "mobile"),
        ("wechat", "没有手机", "none"),
        ("wechat", "不会微信", "smart_no_wechat"),
        ("wechat", "未用微信", "smart_no_wechat"),
        ("wechat", "会用", "wechat"),
        ("wechat", "有微信", "wechat"),
        ("wechat", "已关注", "follows_account"),
        ("gender", "女", "F"),
    ],
)
def test_choice_synonyms(field: str, raw: str, code: str) -> None:
    assert parse_choice(field, raw) == code


def test_choice_refusal_names_the_allowed_labels() -> None:
    with pytest.raises(ValueError, match="^人员类别只能是：正式党员、预备党员$"):
        parse_choice("category", "入党积极分子")


def test_choice_on_free_text_field_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        parse_choice("name", "张三")


# --- normalize_phone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13812345678", "13812345678"),
        (13812345678, "13812345678"),
        (13812345678.0, "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("19912345678", "19912345678"),
        ("0372-1234567", "0372-1234567"),
        ("(0372)1234567", "0372-1234567"),
        ("（０３７２）１２３４５６７", "0372-1234567"),
        ("(0372) 1234567", "0372-1234567"),
        ("03721234567", "0372-1234567"),
        ("037212345678", "0372-12345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("02112345678", "021-12345678"),
        ("0372-1234567-123", "0372-1234567-123"),
        ("(0372)1234567-8", "0372-1234567-8"),
    ],
)
def test_phone_accepted(raw: object, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12345678901",
        "1381234567",
        "138123456789",
        "1234567",
        "0372-123456",
        "372-1234567",
        "(0372-1234567",
        "0372-123456789",
        "abc",
        "+1 13812345678",
        1.5,
    ],
)
def test_phone_refused(raw: object) -> None:
    with pytest.raises(ValueError, match="应为 11 位手机号.*0372-1234567"):
        normalize_phone(raw)


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_any_mobile_is_kept(mobile: str) -> None:
    assert normalize_phone(mobile) == mobile
    assert normalize_phone("+86" + mobile) == mobile
